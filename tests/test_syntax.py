"""The parser layer (issue 3): lazy loading, --no-syntax, token patterns."""

from __future__ import annotations

import subprocess
import sys

import pytest

from mtfix.engine import Checker, parse
from mtfix.rules import load_all
from mtfix.source import Source
from mtfix.tokenpattern import TokenPatternError, compile_tokens, match
from tests.conftest import ROOT, SEED

NO_SPACY = (
    "import sys, runpy; sys.argv=['mtfix', *sys.argv[1:]]\n"
    "try:\n runpy.run_module('mtfix', run_name='__main__')\nexcept SystemExit: pass\n"
    "print('SPACY', 'spacy' in sys.modules, file=sys.stderr)"
)


@pytest.mark.parametrize("args", [["rules"], ["rules", "show", "MT801"], ["check", "--no-syntax", str(SEED)]])
def test_spacy_not_imported(args):
    r = subprocess.run([sys.executable, "-c", NO_SPACY, *args], capture_output=True, text=True, cwd=ROOT)
    assert "SPACY False" in r.stderr


def test_lexical_selection_does_not_load_parser():
    checker = Checker(select=["MT3"])
    checker.check(parse(Source("x", "It rose 5 % today.", False, "text")))
    assert checker.syntax_skipped is None  # never tried: no selected rule needs the parser


def test_no_syntax_drops_parser_rules():
    rules = load_all()
    on = Checker(rules).ctx.enabled
    off = Checker(rules, syntax=False).ctx.enabled
    assert {c for c in on - off} == {c for c, r in rules.items() if r.parser and r.default}
    assert all(not rules[c].parser for c in off)


def test_missing_parser_degrades_to_lexical(monkeypatch):
    from mtfix import syntax

    def unavailable():
        raise syntax.SyntaxUnavailable("spaCy is not installed")

    monkeypatch.setattr(syntax, "nlp", unavailable)
    checker = Checker()
    found = checker.check(parse(Source("x", "Yesterday announced the police a 5 % rise.", False, "text")))
    assert checker.syntax_skipped == "spaCy is not installed"
    assert {f.rule for f in found} == {"MT301"}


def _lists(name: str) -> frozenset[str]:
    return frozenset({"analysts"})


@pytest.mark.parametrize("raw,err", [
    ([], "non-empty list"),
    ([{"lemma": "x", "colour": "red"}], "unknown token key"),
    ([{"optional": True, "lower": "a"}], "first token"),
    ([{"lower": "a"}, {"skip": -1, "lower": "b"}], "skip"),
    ([{"lower": "re:("}], "bad regular expression"),
])
def test_token_pattern_errors(raw, err):
    with pytest.raises(TokenPatternError, match=err):
        compile_tokens(raw, _lists)


class Tok:
    def __init__(self, text: str, tag: str, start: bool = False) -> None:
        self.text, self.lower_, self.lemma_, self.tag_, self.pos_, self.dep_ = text, text.lower(), text.lower(), tag, "", ""
        self.is_sent_start = start


def test_token_pattern_optional_skip_and_mark():
    specs = compile_tokens([
        {"lemma": "@persons", "tag": ["NNS"]},
        {"tag": "IN", "optional": True},
        {"lower": "which", "mark": True},
        {"skip": 2, "tag": "re:VB[DZ]"},
    ], _lists)
    toks = [Tok("Analysts", "NNS", True), Tok("with", "IN"), Tok("which", "WDT"), Tok("CNN", "NNP"), Tok("spoke", "VBD")]
    assert match(specs, toks) == [(0, 4, 2, 2)]
    assert match(specs, [Tok("Analysts", "NNS"), Tok("which", "WDT"), Tok("spoke", "VBD")]) == [(0, 2, 1, 1)]
    assert match(specs, [Tok("Factories", "NNS"), Tok("which", "WDT"), Tok("spoke", "VBD")]) == []


def test_token_pattern_start_and_not():
    specs = compile_tokens([{"start": True, "lower": "also", "not": {"tag": ["RB"]}}], _lists)
    assert match(specs, [Tok("Also", "CC", True)]) == [(0, 0, 0, 0)]
    assert match(specs, [Tok("x", "NN", True), Tok("also", "CC")]) == []
    assert match(specs, [Tok("Also", "RB", True)]) == []


def test_token_rule_file_error_names_line(tmp_path):
    from mtfix.errors import RuleError
    from mtfix.rules import load_file

    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "rules:\n  - code: MT990\n    name: x\n    message: x\n    category: fluency/grammar\n    severity: minor\n"
        "    kind: tokens\n    tokens: [{lemma: '@nosuchlist'}]\n    examples: {bad: ['[[a]]'], good: ['b']}\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleError) as e:
        load_file(bad)
    assert "nosuchlist" in str(e.value) and f"{bad}:2:" in str(e.value)


def test_jobs_gives_the_same_report(tmp_path):
    """Over PARALLEL_MIN_BYTES: the workers fork from a process that has loaded the parser."""
    for i in range(28):
        (tmp_path / f"a{i}.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    def run(*extra):
        return subprocess.run([sys.executable, "-m", "mtfix", "check", "--format", "concise", *extra, str(tmp_path)],
                              capture_output=True, text=True, cwd=ROOT)
    one, two = run(), run("--jobs", "2")
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout and "MT801" in two.stdout


def test_rules_show_says_a_rule_needs_the_parser():
    out = subprocess.run([sys.executable, "-m", "mtfix", "rules", "show", "MT804"], capture_output=True, text=True,
                         cwd=ROOT).stdout
    assert "token pattern" in out and "needs the parser" in out and "Bad (" in out


READER = (
    "The lamp is easy to set up.\n\nA sleeve connects the lamp directly with your tripod.\n\n"
    "Put the lamp on a table and switch it on at night.\n"
)
NEWS = (
    "Russia and Iran have signed a treaty.\n\nBeyond the challenges in your partnership, both sides gain.\n\n"
    "The treaty runs for twenty years.\n"
)


def _codes(text: str, syntax: bool) -> list[str]:
    return [f.rule for f in Checker(select=["MT602"], syntax=syntax).check(parse(Source("x", text, False, "text")))]


def test_imperative_shows_the_text_addresses_its_reader():
    # the parse finds "Put the lamp …" (a verb with no subject): "your tripod" is meant
    assert _codes(READER, syntax=False) == ["MT602"]
    assert _codes(READER, syntax=True) == []
    # third-person news keeps its finding with the parse
    assert _codes(NEWS, syntax=True) == ["MT602"]
    # an imperative inside a quotation is somebody speaking, not the text addressing its reader
    quoted = NEWS + '\nThe minister said:\n\n"Sign the treaty now and keep it for twenty years."\n'
    assert _codes(quoted, syntax=True) == ["MT602"]


def test_register_rules_fall_back_to_lexical_without_spacy(monkeypatch):
    from mtfix import syntax

    def missing():
        raise syntax.SyntaxUnavailable("spaCy is not installed")

    monkeypatch.setattr(syntax, "nlp", missing)
    checker = Checker(select=["MT602"])
    found = [f.rule for f in checker.check(parse(Source("x", READER, False, "text")))]
    assert found == ["MT602"] and checker.ctx.syntax is False  # asked once, then known to be missing


def test_a_document_too_long_to_parse_gets_the_lexical_checks_and_a_warning(tmp_path, monkeypatch, capsys):
    """Issue 10 §4/§14: the parse of a document is held whole, and a 9 MB file took 2 GB with the
    parser. Over PARSER_MAX_CHARS the parser rules are skipped for that document, with a warning."""
    from mtfix import cli, engine

    art = tmp_path / "a.txt"
    art.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(SystemExit):
        cli.cli.main(["check", "--format", "concise", str(art)], standalone_mode=False)
    full = capsys.readouterr()
    assert "MT801" in full.out and "skipped" not in full.err
    monkeypatch.setattr(engine, "PARSER_MAX_CHARS", 1000)
    with pytest.raises(SystemExit):
        cli.cli.main(["check", "--format", "concise", str(art)], standalone_mode=False)
    short = capsys.readouterr()
    assert "MT801" not in short.out and "MT101" in short.out
    assert "word-order and grammar checks skipped" in short.err and "over 1,000 characters" in short.err
