"""The pre-commit hook works from a fresh clone (issue 4, §7): `pre-commit try-repo` on a temporary
git repository. Slow (pre-commit builds its own environment), so it runs once."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PRE_COMMIT = Path(sys.executable).with_name("pre-commit")


@pytest.mark.skipif(not PRE_COMMIT.exists() or not (ROOT / ".git").exists(), reason="needs pre-commit and a git checkout")
def test_try_repo_reports_findings(tmp_path):
    repo = tmp_path / "articles"
    repo.mkdir()
    git = shutil.which("git")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}
    (repo / "a.md").write_text("It rose 90 % today and the Iranische drones flew.\n", encoding="utf-8")
    (repo / "b.md").write_text("The minister resigned on Monday.\n", encoding="utf-8")
    for cmd in (["init", "-q"], ["add", "."], ["commit", "-qm", "articles"]):
        subprocess.run([git, *cmd], cwd=repo, check=True, env=env)
    r = subprocess.run([str(PRE_COMMIT), "try-repo", str(ROOT), "mtfix", "--all-files"],
                       cwd=repo, capture_output=True, text=True, env=env, timeout=1200)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "a.md:1:28: MT101" in r.stdout and "b.md:1:" not in r.stdout
