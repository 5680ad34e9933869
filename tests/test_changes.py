"""Only what changed (issue 4, §5): --baseline with --write-baseline, and --diff-base on a real repo."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

from tests.conftest import ROOT

ARTICLE = "Drone factory in Russia\nAnalysts believe that 90 % of the steps now take place in Alabuga.\n"


def check(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mtfix", "check", "--no-syntax", "--format", "concise", *args],
                          capture_output=True, text=True, cwd=cwd)


def test_baseline_accepts_today_and_fails_on_new(tmp_path):
    art, base = tmp_path / "a.txt", tmp_path / "mtfix-baseline.json"
    art.write_text(ARTICLE, encoding="utf-8")
    w = check("--baseline", str(base), "--write-baseline", str(art))
    assert w.returncode == 0 and json.loads(base.read_text())["findings"][0]["rule"] == "MT301"
    assert check("--baseline", str(base), str(art)).stdout == ""
    # editing an unrelated line above keeps the finding baselined; a new finding is reported
    art.write_text("A new first line was added by the editor today.\n\n" + ARTICLE + "Prices rose by 5 % too.\n",
                   encoding="utf-8")
    r = check("--baseline", str(base), str(art))
    assert r.stdout.count("MT301") == 1 and "5 %" not in r.stdout and ":5:" in r.stdout


def test_baseline_errors(tmp_path):
    bad = tmp_path / "b.json"
    bad.write_text("{}", encoding="utf-8")
    r = check("--baseline", str(bad), str(tmp_path))
    assert r.returncode == 2 and "not a baseline file" in r.stderr
    assert check("--write-baseline", str(tmp_path)).returncode == 2


def test_diff_base_reports_only_changed_lines(tmp_path):
    git = shutil.which("git")
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@t"}

    def g(*a):
        subprocess.run([git, *a], cwd=tmp_path, check=True, env=env, capture_output=True)

    art = tmp_path / "a.txt"
    art.write_text(ARTICLE + "Costs fell by 3 % last year.\n", encoding="utf-8")
    g("init", "-q")
    g("add", ".")
    g("commit", "-qm", "old")
    art.write_text(ARTICLE + "Costs fell by 4 % last year.\n", encoding="utf-8")  # one edited line
    (tmp_path / "new.txt").write_text("Sales grew 7 % this year.\n", encoding="utf-8")  # untracked: all new
    r = check("--diff-base", "HEAD", str(tmp_path), cwd=tmp_path)
    assert "4 %" not in r.stdout  # concise output has no text; check lines instead
    lines = r.stdout.splitlines()
    assert any(line.startswith(f"{art}:3:") and "MT301" in line for line in lines)
    assert not any(line.startswith(f"{art}:2:") for line in lines)  # unchanged line: not reported
    assert any(line.startswith(f"{tmp_path / 'new.txt'}:1:") for line in lines)
    assert check("--diff-base", "no-such-ref", str(art), cwd=tmp_path).returncode == 2


def test_diff_base_outside_git_is_an_error(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    r = check("--diff-base", "HEAD", str(art), cwd=tmp_path)
    assert r.returncode == 2 and "needs a git repository" in r.stderr


def test_diff_base_is_never_an_option_to_git_and_is_checked_for_untracked_files(tmp_path):
    """Issue 10 §3: '--diff-base=--output=FILE' once made git write FILE; a bad ref was ignored when
    every file was untracked or the input was stdin."""
    git = shutil.which("git")
    subprocess.run([git, "init", "-q"], cwd=tmp_path, check=True)
    art = tmp_path / "untracked.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    victim = tmp_path / "written-by-git"
    r = check(f"--diff-base=--output={victim}", str(art), cwd=tmp_path)
    assert r.returncode == 2 and not victim.exists() and "Traceback" not in r.stderr
    assert check("--diff-base", "no-such-ref", str(art), cwd=tmp_path).returncode == 2
    stdin = subprocess.run([sys.executable, "-m", "mtfix", "check", "--no-syntax", "--diff-base", "no-such-ref", "-"],
                           input=ARTICLE, capture_output=True, text=True, cwd=tmp_path)
    assert stdin.returncode == 2 and "no such commit" in stdin.stderr


def test_a_headline_inserted_above_a_baselined_first_line_keeps_it_baselined(tmp_path):
    """Issue 10 §31: the fingerprint's context reached into the block above, so a new headline above a
    baselined lowercase heading brought the heading back as new."""
    art, base = tmp_path / "a.md", tmp_path / "mtfix-baseline.json"
    body = "# the drone factory grows\n\nThe plant in Tatarstan now runs day and night.\n"
    art.write_text(body, encoding="utf-8")
    assert check("--baseline", str(base), "--write-baseline", str(art)).returncode == 0
    assert json.loads(base.read_text())["findings"][0]["rule"] == "MT210"
    art.write_text("# Weekly report\n\n" + body, encoding="utf-8")
    assert check("--baseline", str(base), str(art)).stdout == ""
    art.write_text("# Weekly report\n\n" + body.replace("grows", "grows fast"), encoding="utf-8")
    assert "MT210" in check("--baseline", str(base), str(art)).stdout  # a changed heading is new


def test_a_baseline_of_the_old_schema_says_to_write_it_again(tmp_path):
    old = tmp_path / "b.json"
    old.write_text('{"schema": "mtfix-baseline/1", "findings": []}', encoding="utf-8")
    r = check("--baseline", str(old), str(tmp_path))
    assert r.returncode == 2 and "write it again with --write-baseline" in r.stderr
