"""Formatters: they see findings and scores, never detectors."""

from __future__ import annotations

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

    def score_dict(self) -> dict:
        d = self.quality.to_dict()
        d["readability"] = self.readability.to_dict()
        return d


FORMATS = ("text", "json", "concise", "github", "junit", "sarif")


def render(fmt: str, reports: list[FileReport], color: bool = False, rules: dict | None = None,
           show_suppressed: bool = False) -> str:
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

    if fmt == "concise":
        return text_format.render_concise(reports)
    return text_format.render(reports, color, show_suppressed)
