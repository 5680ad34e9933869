"""`--diff-base REF`: keep only findings on lines added or changed since a git ref."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from mtfix.errors import MtfixError

HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.M)


def resolve(ref: str, folder: Path) -> str:
    """The commit `ref` names, checked by git itself: a ref can never reach git as an option."""
    if not ref or ref.startswith("-") or "\0" in ref:
        raise MtfixError(f"--diff-base {ref!r}: not a git ref")
    inside = subprocess.run(["git", "rev-parse", "--is-inside-work-tree"], cwd=folder, capture_output=True, text=True)
    if inside.returncode != 0:
        raise MtfixError(f"{folder}: --diff-base needs a git repository")
    r = subprocess.run(["git", "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"],
                       cwd=folder, capture_output=True, text=True)
    sha = r.stdout.strip()
    if r.returncode != 0 or not re.fullmatch(r"[0-9a-f]{40,64}", sha):
        raise MtfixError(f"--diff-base {ref}: no such commit")
    return sha


def changed_lines(path: str, commit: str) -> set[int] | None:
    """Line numbers of `path` added or changed since `commit` (a resolved hash); None when git does not
    track the file (every line is new)."""
    folder = Path(path).resolve().parent
    name = Path(path).name
    tracked = subprocess.run(["git", "ls-files", "--error-unmatch", "--", name], cwd=folder,
                             capture_output=True, text=True)
    if tracked.returncode != 0:
        return None
    r = subprocess.run(["git", "diff", "--unified=0", "--no-color", commit, "--", name], cwd=folder,
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise MtfixError(f"{path}: {r.stderr.strip().splitlines()[0] if r.stderr.strip() else 'git diff failed'}")
    lines: set[int] = set()
    for m in HUNK.finditer(r.stdout):
        start, count = int(m.group(1)), int(m.group(2) or 1)
        lines.update(range(start, start + count))
    return lines


def filter_changed(ref: str, reports) -> None:
    """Keep findings on changed lines. The ref is checked first, even when every input is stdin or
    untracked: a ref that does not resolve is an error, not a silent no-op."""
    commits: dict[Path, str] = {}

    def commit_for(folder: Path) -> str:
        if folder not in commits:
            commits[folder] = resolve(ref, folder)
        return commits[folder]

    real = [r for r in reports if r.path not in ("<stdin>", "-")]
    if not real:
        commit_for(Path.cwd())
    for r in real:
        commit = commit_for(Path(r.path).resolve().parent)
        lines = changed_lines(r.path, commit)
        if lines is None:
            continue  # untracked: every line is new
        r.findings = [f for f in r.findings if any(n in lines for n in range(f.line, f.end_position[0] + 1))]
