"""GitHub Actions workflow commands: annotations on the pull request's changed lines."""

from __future__ import annotations

LEVELS = {"critical": "error", "major": "error", "minor": "warning"}


def _data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")


def render(reports) -> str:
    lines = []
    for r in reports:
        for f in r.findings:
            end_line, end_col = f.end_position
            props = (f"file={_prop(r.path)},line={f.line},col={f.column},endLine={end_line},"
                     f"endColumn={end_col},title={_prop(f.rule + ' ' + f.name)}")
            msg = f.message
            if f.replacements:
                msg += f" (suggestion: {f.replacements[0]})" if f.replacements[0] else " (suggestion: delete)"
            lines.append(f"::{LEVELS[f.severity.value]} {props}::{_data(msg)}")
        if r.below_min_score:
            lines.append(f"::error file={_prop(r.path)},title=mtfix min-score::{_data(r.gate_message())}")
    return "\n".join(lines)
