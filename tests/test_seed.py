"""The seed article is the acceptance test of the core (issue 2, §8)."""

from __future__ import annotations

import pytest

from mtfix.engine import fix_text, parse
from tests.conftest import SEED, source_of

EXPECTED = [
    ("MT211", "Russia builds drone factory for Iranian models and isolates Tehran"),
    ("MT210", "the Alabuga factory"),
    ("MT210", "integration into the Russian military industry"),
    ("MT210", "strategic partnership and their challenges"),
    ("MT210", "extension of drone production"),
    ("MT210", "summary of the situation"),
    ("MT101", "Iranische"),
    ("MT201", "Kommentare (0)"),
    ("MT303", "two -stroke"),
    ("MT303", "long -term"),
    ("MT301", "90 %"),
    ("MT302", "$ 1.75"),
    ("MT302", "$ 200,000"),
    ("MT302", "$ 70,000"),
    ("MT313", "country ."),
    ("MT304", "partner - here"),
    ("MT304", "drones - is"),
    ("MT401", "Drone"),
    ("MT401", "Military"),
    ("MT401", "Current"),
    ("MT401", "And"),
    ("MT401", "Backbone"),
    ("MT502", "source of secret"),
    ("MT503", "documentation"),
    ("MT504", "convicting"),
    ("MT505", "explosive heads"),
    ("MT506", "comprehensive invasion"),
    ("MT601", "free yourself"),
    ("MT602", "your partnership"),
    ("MT603", "she showed"),
    # the parser-based checks (issue 3)
    ("MT801", "show Current satellite images"),
    ("MT802", "was integrated"),
    ("MT813", "with which CNN spoke"),
    ("MT805", "CNN spoke, believe"),
    ("MT806", "increasingly impatiently"),
    ("MT809", "their challenges"),
]


@pytest.fixture(scope="module")
def seed_findings(all_rules):
    from mtfix.engine import Checker

    src = source_of(SEED)
    default = Checker(all_rules).check(parse(src))
    opt_in = Checker(all_rules, select=["MT304", "MT603"]).check(parse(src))  # spaced hyphen, lone she: opt-in
    return src.text, default + opt_in


@pytest.mark.parametrize("code,phrase", EXPECTED, ids=[f"{c}:{p}" for c, p in EXPECTED])
def test_seed_finding(seed_findings, code, phrase):
    text, findings = seed_findings
    start = text.index(phrase, 1)  # the duplicate title is the second occurrence
    end = start + len(phrase)
    hits = [f for f in findings if f.rule == code and f.start < end and start < f.end]
    assert hits, f"{code} did not report {phrase!r}"


def test_seed_which_after_preposition_suggests_whom(seed_findings):
    """'Analysts with which CNN spoke': after a preposition English needs 'whom', never 'who'."""
    _, findings = seed_findings
    hits = [f for f in findings if f.rule == "MT813"]
    assert hits and all(f.replacements[0] == "whom" for f in hits)


def test_seed_secret_service_officer_twice(seed_findings):
    _, findings = seed_findings
    assert len([f for f in findings if f.rule == "MT501"]) == 2


def test_seed_suggests_iranian(seed_findings):
    _, findings = seed_findings
    (f,) = [f for f in findings if f.text == "Iranische"]
    assert f.replacements[0] == "Iranian"


def test_seed_spans_are_exact(seed_findings):
    text, findings = seed_findings
    for f in findings:
        assert text[f.start : f.end] == f.text


def test_seed_unsafe_fix_removes_fixable_items_only(checker):
    src = source_of(SEED)
    fixed, applied = fix_text(src, checker, unsafe=True)
    remaining = checker.check(parse(src.__class__(src.path, fixed, src.bom, src.format)))
    assert not [f for f in remaining if f.fixable], [(f.rule, f.text) for f in remaining if f.fixable]
    for gone in ("90 %", "$ 1.75", "two -stroke", "Kommentare (0)", "country .", "Iranische", "free yourself"):
        assert gone not in fixed
    assert fixed.count("Russia builds drone factory for Iranian models and isolates Tehran") == 1
    # no other change: every line the fixes did not touch is still there verbatim
    touched = {src.text.count("\n", 0, f.start) for f in applied}
    for no, line in enumerate(src.text.split("\n")):
        if no not in touched:
            assert line in fixed
