"""Applying fixes: ruff's model (safe by default, unsafe on request), repeated to a fixed point."""

from __future__ import annotations

from collections.abc import Callable

from mtfix.finding import Finding, FixSafety

MAX_ROUNDS = 64  # fixes that unblock each other converge in a few rounds; this only bounds a cycle


def applicable(findings: list[Finding], unsafe: bool = False) -> list[Finding]:
    ok = {FixSafety.SAFE, FixSafety.UNSAFE} if unsafe else {FixSafety.SAFE}
    return [f for f in findings if f.fix in ok and f.replacements]


def apply(text: str, findings: list[Finding]) -> tuple[str, list[Finding]]:
    """Apply the first replacement of each finding; on overlap the earliest (then shortest, then
    lowest code) wins and the rest wait for the next round. Text outside the spans is untouched."""
    chosen: list[Finding] = []
    last_end = -1
    for f in sorted(findings, key=lambda f: (f.start, f.end, f.rule)):
        if f.start >= last_end:
            chosen.append(f)
            last_end = f.end
    parts, pos = [], 0
    for f in chosen:
        parts.append(text[pos : f.start])
        parts.append(f.replacements[0])
        pos = f.end
    parts.append(text[pos:])
    return "".join(parts), chosen


def fix_to_fixpoint(
    text: str, check: Callable[[str], list[Finding]], unsafe: bool = False
) -> tuple[str, list[Finding]]:
    """Re-check after each round, since one fix can uncover or unblock another, until nothing changes:
    fixing the output again changes nothing. Two fixes that undo each other would cycle; a text seen
    before ends the loop."""
    applied: list[Finding] = []
    seen = {hash(text)}
    for _ in range(MAX_ROUNDS):
        todo = applicable(check(text), unsafe)
        if not todo:
            break
        new, done = apply(text, todo)
        if new == text or hash(new) in seen:
            break
        seen.add(hash(new))
        text = new
        applied.extend(done)
    return text, applied
