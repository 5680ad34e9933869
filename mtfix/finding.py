"""The one record that flows from detecting to fixing, scoring and reporting."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum


class Severity(str, Enum):
    """MQM severities; the order is the order of seriousness."""

    MINOR = "minor"
    MAJOR = "major"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.MINOR: 1, Severity.MAJOR: 2, Severity.CRITICAL: 3}


class FixSafety(str, Enum):
    """ruff's model: safe fixes apply by default, unsafe ones only when asked."""

    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True, slots=True)
class Finding:
    """One artifact at one place.

    ``start``/``end`` are code-point offsets into the decoded file (BOM removed), so
    ``content[start:end] == text`` always holds. ``line``/``column`` are 1-based and
    filled in by the engine, which knows the document.
    """

    rule: str
    name: str
    category: str
    severity: Severity
    start: int
    end: int
    text: str
    message: str
    replacements: tuple[str, ...] = ()
    fix: FixSafety | None = None
    line: int = 0
    column: int = 0
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def fixable(self) -> bool:
        return self.fix is not None and bool(self.replacements)

    @property
    def end_position(self) -> tuple[int, int]:
        """1-based line and column just past the finding (SARIF and GitHub want both ends)."""
        if "\n" not in self.text:
            return self.line, self.column + len(self.text)
        return self.line + self.text.count("\n"), len(self.text.rsplit("\n", 1)[1]) + 1

    def at(self, line: int, column: int) -> Finding:
        return replace(self, line=line, column=column)

    def to_dict(self) -> dict:
        """The ``mtfix/1`` JSON shape (see docs/json.md)."""
        return {
            "rule": self.rule,
            "name": self.name,
            "category": self.category,
            "severity": self.severity.value,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "text": self.text,
            "message": self.message,
            "replacements": list(self.replacements),
            "fix": self.fix.value if self.fix else None,
            **({"segment": self.extra["segment"]} if "segment" in self.extra else {}),
        }
