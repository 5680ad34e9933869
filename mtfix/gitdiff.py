"""`--diff-base REF`: keep only findings on lines added or changed since a git ref."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from mtfix.errors import MtfixError

HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.M)


def changed_lines(path: str, ref: str) -> set[int] | None:
    """Line numbers of `path` added or changed since `ref`; None when git does not track it (new file)."""
    folder = Path(path).resolve().parent
    tracked = subprocess.run(["git", "ls-files", "--error-unmatch", Path(path).name], cwd=folder,
                             capture_output=True, text=True)
    if tracked.returncode != 0:
        inside = subprocess.run(["git", "rev-parse", "--is-inside-work-tree"], cwd=folder, capture_output=True, text=True)
        if inside.returncode != 0:
            raise MtfixError(f"{path}: --diff-base needs a git repository")
        return None
    r = subprocess.run(["git", "diff", "--unified=0", "--no-color", ref, "--", Path(path).name], cwd=folder,
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise MtfixError(f"--diff-base {ref}: {r.stderr.strip().splitlines()[0] if r.stderr.strip() else 'git diff failed'}")
    lines: set[int] = set()
    for m in HUNK.finditer(r.stdout):
        start, count = int(m.group(1)), int(m.group(2) or 1)
        lines.update(range(start, start + count))
    return lines


def filter_changed(ref: str, reports) -> None:
    for r in reports:
        if r.path == "<stdin>":
            continue
        lines = changed_lines(r.path, ref)
        if lines is None:
            continue  # untracked: every line is new
        r.findings = [f for f in r.findings if any(n in lines for n in range(f.line, f.end_position[0] + 1))]
