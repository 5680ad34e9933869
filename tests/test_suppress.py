"""Suppression comments (issue 4, §2): each form, in Markdown and plain text, and unused ones."""

from __future__ import annotations

import subprocess
import sys

import pytest

from mtfix.engine import Checker, parse
from mtfix.source import Source
from tests.conftest import ROOT

BODY = (
    "# Drone war\n\nIt rose 5 % today.\n\n"
    "<!-- mtfix: off -->\nIt fell 6 % later.\n<!-- mtfix: on -->\n\n"
    "<!-- mtfix: disable=MT301 -->\nSales grew 7 % and the Iranische drones flew.\n\n"
    "<!-- mtfix: ignore -->\nCosts climbed 8 % too.\n\n"
    "<!-- mtfix: ignore=MT1 -->\nPrices dropped 9 % and the Iranische market cooled.\n"
)


@pytest.fixture(scope="module")
def checker():
    return Checker(syntax=False)


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_each_form(checker, fmt):
    doc = parse(Source("a", BODY, False, fmt))
    found = checker.check(doc)
    kept = {(f.rule, f.text) for f in found}
    silenced = {(f.rule, f.text) for f in doc.suppressed}
    assert ("MT301", "5 %") in kept  # before any comment
    assert ("MT301", "6 %") in silenced  # off … on
    assert ("MT301", "7 %") in silenced and ("MT101", "Iranische") in kept  # disable= only those codes
    assert ("MT301", "8 %") in silenced  # ignore: the next line
    assert ("MT301", "9 %") in kept and ("MT101", "Iranische") in silenced  # ignore=MT1: a prefix
    assert not any(f.rule == "MT001" for f in found)  # every comment was used
    for f in found:
        assert BODY[f.start : f.end] == f.text


def test_unused_comment_is_reported(checker):
    text = "The minister resigned.\n\n<!-- mtfix: disable=MT101 -->\nNothing German here at all.\n"
    found = checker.check(parse(Source("a", text, False, "markdown")))
    (f,) = [f for f in found if f.rule == "MT001"]
    assert f.text == "<!-- mtfix: disable=MT101 -->" and f.line == 3


def test_not_judged_when_the_rule_did_not_run():
    text = "The minister resigned.\n\n<!-- mtfix: disable=MT101 -->\nNothing German here.\n"
    found = Checker(select=["MT3", "MT001"], syntax=False).check(parse(Source("a", text, False, "markdown")))
    assert not any(f.rule == "MT001" for f in found)


def test_show_suppressed_lists_them(tmp_path):
    art = tmp_path / "a.md"
    art.write_text(BODY, encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "mtfix", "check", "--no-syntax", "--show-suppressed", str(art)],
                       capture_output=True, text=True, cwd=ROOT)
    assert "MT301 [suppressed]" in r.stdout and "suppressed by comments" in r.stdout
    plain = subprocess.run([sys.executable, "-m", "mtfix", "check", "--no-syntax", str(art)],
                           capture_output=True, text=True, cwd=ROOT)
    assert "[suppressed]" not in plain.stdout and "--show-suppressed lists them" in plain.stdout


def test_html_comments(checker):
    html = ("<p>It rose 5 % today.</p>\n<!-- mtfix: disable=MT301 -->\n<p>It fell 6 % later.</p>\n"
            "<!-- mtfix: ignore -->\n<p>Costs climbed 8 % too.</p>\n<!-- mtfix: off --><p>Sales 9 %</p><!-- mtfix: on -->")
    doc = parse(Source("a.html", html, False, "html"))
    found = checker.check(doc)
    assert {f.text for f in found if f.rule == "MT301"} == {"5 %"}
    assert {f.text for f in doc.suppressed} == {"6 %", "8 %", "9 %"}
