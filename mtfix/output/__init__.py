"""Formatters: they see findings and scores, never detectors."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mtfix.finding import Finding
from mtfix.readability import Readability
from mtfix.scoring import Quality


@dataclass
class FileReport:
    path: str
    words: int
    findings: list[Finding]
    quality: Quality
    readability: Readability
    extra: dict = field(default_factory=dict)
    suppressed: list[Finding] = field(default_factory=list)  # silenced by suppression comments
    min_score: float | None = None  # the --min-score gate that applies to this file, if any

    @property
    def below_min_score(self) -> bool:
        return self.min_score is not None and self.quality.score < self.min_score

    def gate_message(self) -> str:
        return (f"quality {self.quality.score:.1f}/100 is below the minimum score {self.min_score:g} "
                f"(by {self.min_score - self.quality.score:.1f})")

    def score_dict(self) -> dict:
        d = self.quality.to_dict()
        d["readability"] = self.readability.to_dict()
        return d


FORMATS = ("text", "json", "concise", "github", "junit", "sarif")

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def shown_path(path: str) -> str:
    """A path as people and log parsers see it: control characters escaped, so a file named
    'a\n::error::x' can print no line of its own (a GitHub workflow command, a fake finding)."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", path)


def quoted(text: str) -> str:
    """Text as an editor reads it, in quotes, with line breaks and control characters visible:
    "Kommentare (3)⏎", not the Python repr 'Kommentare (3)\\n'. An empty replacement is a deletion."""
    if not text:
        return "(delete)"
    return "“" + shown_path(text.replace("\r\n", "⏎").replace("\n", "⏎").replace("\r", "⏎")) + "”"


@dataclass
class TextOptions:
    """How much the text report says (ruff's -q, -v, --statistics, --show-fixes)."""

    color: bool = False
    quiet: bool = False
    verbose: bool = False
    statistics: bool = False
    show_fixes: bool = False
    show_suppressed: bool = False


def render(fmt: str, reports: list[FileReport], text: TextOptions | None = None, rules: dict | None = None) -> str:
    """``rules`` (code → Rule, metadata only) lets SARIF describe every rule with its help text."""
    if fmt == "json":
        from mtfix.output import json_format

        return json_format.render(reports)
    if fmt == "github":
        from mtfix.output import github_format

        return github_format.render(reports)
    if fmt == "junit":
        from mtfix.output import junit_format

        return junit_format.render(reports)
    if fmt == "sarif":
        from mtfix.output import sarif_format

        return sarif_format.render(reports, rules or {})
    from mtfix.output import text_format

    text = text or TextOptions()
    if text.statistics:
        return text_format.render_statistics(reports)
    if fmt == "concise":
        return text_format.render_concise(reports)
    return text_format.render(reports, text)
