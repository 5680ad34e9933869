"""Rules that decide by principle (shape, dictionary, document) where one example marker cannot show
the behaviour: several findings per text, or a condition on the whole document."""

from __future__ import annotations

from mtfix.engine import Checker
from mtfix.rules import load_all
from tests.conftest import check_text

RULES = load_all()


def found(code: str, text: str) -> list[tuple[str, tuple[str, ...]]]:
    only = Checker(RULES, select=[code], syntax=False)
    return [(f.text, f.replacements) for f in check_text(only, text) if f.rule == code]


def test_lowercase_dictionary_names_need_two_in_the_article():
    text = "From sunday, trains to berlin run every hour."
    assert found("MT403", text) == [("sunday", ("Sunday",)), ("berlin", ("Berlin",))]
    assert found("MT403", "The trains to berlin run every hour.") == []


def test_compound_gets_no_suggestion_from_its_head_alone():
    """'Verkehrswende' has the glossary word 'Ende' inside it; suggesting 'end' would be wrong."""
    hits = found("MT101", "The city council approved the Verkehrswende on Monday.")
    assert hits == [("Verkehrswende", ())]
    assert found("MT101", "The Belegschaft is prepared for a long strike.") == [("Belegschaft", ("workforce",))]


def test_german_noun_plural_gets_an_english_plural():
    """Gespräche is the plural of Gespräch: 'talks', not 'talk'; a genitive -s keeps the singular."""
    from mtfix import lexicon as lx

    assert lx.translate("Gespräche") == "talks"
    assert lx.translate("Betriebsräte") == "works councils"
    assert lx.translate("Gespräch") == "talk"
    assert lx.translate("Gewerkschaftsbunds") == "trade union confederation"


def test_acronym_compound_is_translated_as_two_english_words():
    """'VW-Krise' is 'VW crisis': the acronym stays, the head is translated; a compound of two German
    words or a name ('IG-Metall' is a union) gets nothing rather than a guess."""
    from mtfix import lexicon as lx

    assert lx.translate("VW-Krise") == "VW crisis"
    assert lx.translate("US-Präsident") == "US president"
    assert lx.translate("Klima-Kleber") is None
    assert found("MT101", "The talks on the VW-Krise went on.") == [("VW-Krise", ("VW crisis",))]


def test_lowercase_evidence_for_a_capital_must_be_near():
    """'the Drone' is a slip when the same article writes 'drone'; 3,000 words later it proves nothing."""
    filler = "The talks went on for many hours without a result. " * 300  # 3,000 words
    near = "A journalist filmed the Drone factory. Every drone is tested there."
    assert [t for t, _ in found("MT401", near)] == ["Drone"]
    assert found("MT401", "A journalist filmed the Drone factory.\n\n" + filler + "\n\nEvery drone is tested.") == []


def test_german_word_glued_to_a_number_gets_a_hyphen():
    assert found("MT101", "The 24jährigen driver was unhurt.") == [("jährigen", ("-year-old",))]


def test_verb_second_fix_only_when_the_subject_is_whole():
    import pytest

    pytest.importorskip("spacy")
    only = Checker(RULES, select=["MT801"])
    seed_like = "In this context, show current satellite images and accommodations that would enable growth."
    (f,) = [f for f in check_text(only, seed_like) if f.rule == "MT801"]
    assert f.replacements == () and f.fix is None  # moving 'show' after 'images' would split the subject
    (g,) = [f for f in check_text(only, "Yesterday announced the police that the road will stay closed.")]
    assert g.replacements == ("the police announced",)


def test_every_rule_has_measurements_that_rules_show_prints():
    """rules/measured.tsv must be regenerated (bench/rulestats.py) when a rule is added."""
    import subprocess
    import sys

    from mtfix.rules import measured
    from tests.conftest import ROOT

    table = measured()
    assert set(table) == set(RULES), f"re-run bench/rulestats.py: {sorted(set(RULES) ^ set(table))}"
    out = subprocess.run([sys.executable, "-m", "mtfix", "rules", "show", "MT101"], capture_output=True,
                         text=True, cwd=ROOT).stdout
    assert f"finds {table['MT101']['artifacts_found']} annotated artifacts" in out
    assert f"{table['MT101']['clean_per_100k_words']} findings per 100,000 words" in out


def test_repeated_heading_is_deleted_safely_only_when_near():
    from mtfix.finding import FixSafety

    only = Checker(RULES, select=["MT211"], syntax=False)
    near = "Storm hits the coast\n\nStorm hits the coast\n\nThe storm reached the coast on Monday, police said."
    (f,) = [f for f in check_text(only, near) if f.rule == "MT211"]
    assert f.fix is FixSafety.SAFE
    body = "\n\n".join(f"The talks went on for hours on day {n}, and nobody left the room." for n in range(12))
    far = "Shipping damage\n\n" + body + "\n\nShipping damage\n\n" + body
    (g,) = [f for f in check_text(only, far) if f.rule == "MT211"]
    assert g.fix is FixSafety.UNSAFE


def test_a_weakly_german_word_written_twice_is_the_articles_name_for_something():
    """Once, 'Westnetz' may be German left in; twice in one article it is the firm's name."""
    once = "The provider Westnetz reported outages on Saturday."
    assert [t for t, _ in found("MT101", once)] == ["Westnetz"]
    twice = once + "\n\nRepairs will take days, since Westnetz technicians can only restore power temporarily."
    assert found("MT101", twice) == []
    # a strongly German word stays a finding however often it is written
    assert [t for t, _ in found("MT101", "The Belegschaft met. The Belegschaft voted.")] == ["Belegschaft", "Belegschaft"]
