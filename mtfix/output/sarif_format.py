"""SARIF 2.1.0, the format code-scanning dashboards read (GitHub, GitLab, Azure DevOps)."""

from __future__ import annotations

import json
from pathlib import PurePath
from urllib.parse import quote

from mtfix import __version__

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"critical": "error", "major": "error", "minor": "warning"}


def render(reports, rules: dict) -> str:
    codes = sorted(rules)
    index = {code: i for i, code in enumerate(codes)}
    driver_rules = [_rule(rules[c]) for c in codes]
    results = [_result(r.path, f, index) for r in reports for f in r.findings]
    results += [_gate(r) for r in reports if r.below_min_score]
    doc = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "mtfix",
                "version": __version__,
                "rules": driver_rules,
            }},
            "columnKind": "unicodeCodePoints",  # mtfix counts code points, not UTF-16 units
            "artifacts": [{"location": {"uri": _uri(r.path)}} for r in reports],
            "results": results,
        }],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2)


def _rule(rule) -> dict:
    examples = "".join(f"\n  bad: {b.text}" for b in rule.bad[:2]) + "".join(f"\n  good: {g}" for g in rule.good[:2])
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.message},
        "fullDescription": {"text": rule.description or rule.message},
        "help": {"text": (rule.description or rule.message) + ("\nExamples:" + examples if examples else "")},
        "defaultConfiguration": {"level": LEVELS[rule.severity.value]},
        "properties": {"category": rule.category, "severity": rule.severity.value, "tags": [rule.category]},
    }


def _region(f) -> dict:
    end_line, end_col = f.end_position
    return {"startLine": f.line, "startColumn": f.column, "endLine": end_line, "endColumn": end_col}


def _uri(path: str) -> str:
    """A valid URI reference: spaces, non-ASCII, '#', '?', '%' and '[' percent-encoded (RFC 3986)."""
    return quote(PurePath(path).as_posix(), safe="/")


def _gate(r) -> dict:
    """A file below --min-score: a result on the whole file, so the dashboard says why the run failed."""
    return {
        "ruleId": "min-score",
        "level": "error",
        "message": {"text": r.gate_message()},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(r.path)}}}],
        "properties": {"quality": r.quality.score, "minScore": r.min_score},
    }


def _result(path: str, f, index: dict) -> dict:
    out = {
        "ruleId": f.rule,
        "level": LEVELS[f.severity.value],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": _uri(path)},
            "region": {**_region(f), "snippet": {"text": f.text}},
        }}],
        "properties": {"category": f.category, "severity": f.severity.value,
                       **({"segment": f.extra["segment"]} if "segment" in f.extra else {})},
    }
    if f.rule in index:
        out["ruleIndex"] = index[f.rule]
    if f.fixable:
        out["fixes"] = [{
            "description": {"text": f"{f.fix.value} fix: {f.replacements[0]!r}"},
            "artifactChanges": [{
                "artifactLocation": {"uri": _uri(path)},
                "replacements": [{"deletedRegion": _region(f), "insertedContent": {"text": f.replacements[0]}}],
            }],
        }]
    return out
