"""LanguageTool's harness: every rule's examples are its tests."""

from __future__ import annotations

import pytest

from mtfix.engine import Checker
from mtfix.rules import load_all
from tests.conftest import check_text

RULES = load_all()


def _fmt(rule) -> str:
    """A source-aware rule's examples are `source<TAB>target` pairs."""
    return "tsv" if rule.pairs else "text"


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_has_examples(code):
    rule = RULES[code]
    assert rule.bad and rule.good, f"{code} needs at least one bad and one good example"


@pytest.mark.parametrize("code", sorted(c for c, r in RULES.items() if r.kind == "pattern"))
def test_built_in_regexes_compile(code):
    """Built-in rules compile their regexes on first use, not at load (start-up time): this is where
    a broken one is caught."""
    rule = RULES[code]
    for attr in ("compiled", "compiled_not_before", "compiled_not_after", "compiled_requires"):
        getattr(rule, attr)


@pytest.mark.parametrize(
    "code,i", [(c, i) for c in sorted(RULES) for i in range(len(RULES[c].bad))], ids=lambda v: str(v)
)
def test_bad_example(code, i):
    rule = RULES[code]
    ex = rule.bad[i]
    only = Checker(RULES, select=[code], glossary=RULES[code].example_glossary)
    found = [f for f in check_text(only, ex.text, _fmt(rule)) if f.rule == code]
    assert len(found) == 1, f"{code}: expected one finding in {ex.text!r}, got {[(f.start, f.end, f.text) for f in found]}"
    f = found[0]
    assert (f.start, f.end) == (ex.start, ex.end), f"{code}: span {f.text!r} != {ex.text[ex.start:ex.end]!r}"
    if ex.replacement is not None:
        assert f.replacements and f.replacements[0] == ex.replacement
    if f.replacements:
        fixed = ex.text[: f.start] + f.replacements[0] + ex.text[f.end :]
        assert not [g for g in check_text(only, fixed, _fmt(rule)) if g.rule == code], f"{code}: fix does not silence it: {fixed!r}"


@pytest.mark.parametrize(
    "code,i", [(c, i) for c in sorted(RULES) for i in range(len(RULES[c].good))], ids=lambda v: str(v)
)
def test_good_example(code, i):
    only = Checker(RULES, select=[code], glossary=RULES[code].example_glossary)
    text = RULES[code].good[i]
    found = [f for f in check_text(only, text, _fmt(RULES[code])) if f.rule == code]
    assert not found, f"{code} fired on a good example: {[(f.text, f.message) for f in found]}"
