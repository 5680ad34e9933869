"""HTML input (issue 4, §3): positions in the original file, skipped furniture, fixes in text only."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from mtfix.engine import Checker, fix_text, parse
from mtfix.source import Source, read
from tests.conftest import ROOT

FIXTURE = Path(__file__).parent / "fixtures" / "article.html"
TAG = re.compile(r"<[^>]*>")


@pytest.fixture(scope="module")
def found():
    src = read(str(FIXTURE))
    return src.text, Checker(syntax=False, extend_select=["MT314"]).check(parse(src))


def test_findings_land_on_the_right_text(found):
    text, fs = found
    assert all(text[f.start : f.end] == f.text for f in fs)
    got = {(f.rule, f.text) for f in fs}
    assert {("MT101", "Iranische"), ("MT301", "90 %"), ("MT302", "$ 1.75"), ("MT314", "  "),
            ("MT210", "the Alabuga factory")} <= got


def test_skipped_parts_are_not_checked(found):
    text, fs = found
    skipped = [m.span() for m in re.finditer(r"<(script|style|nav|footer|code|head)\b.*?</\1>", text, re.S)]
    assert skipped
    for f in fs:
        assert not any(s <= f.start < e for s, e in skipped), f
    assert not any(f.rule == "MT201" for f in fs)  # "Kommentare (0)" is in the footer


def test_alt_text_is_checked_at_its_offset(found):
    text, fs = found
    (f,) = [f for f in fs if f.rule == "MT314"]
    assert text[text.rfind('alt="', 0, f.start):f.start].startswith('alt="')


def test_fix_changes_only_text_nodes(tmp_path):
    src = read(str(FIXTURE))
    fixed, applied = fix_text(src, Checker(syntax=False), unsafe=True)
    assert applied and fixed != src.text
    assert TAG.findall(fixed) == TAG.findall(src.text)  # every tag, attribute and comment unchanged
    for block in ("<script>", "<style>", "<nav>", "<footer>"):
        a, b = src.text.index(block), fixed.index(block)
        assert src.text[a : a + 60] == fixed[b : b + 60]
    assert "90%" in fixed and "$1.75" in fixed and "Iranian" in fixed
    r = subprocess.run([sys.executable, "-m", "mtfix", "fix", "--no-syntax", str(FIXTURE)],
                       capture_output=True, cwd=ROOT)
    assert r.returncode == 0 and TAG.findall(r.stdout.decode()) == TAG.findall(src.text)


@pytest.mark.parametrize("html", [
    "<p>Unclosed paragraph with 90 % and <b>bold",
    "<p>Stray < sign and 5 % here</p><p>&notanentity; 6 %",
    "<<<>>> <p attr='x>7 %</p> </div></span>",
    "<script>unterminated 8 %",
    "<p>one<p>two 9 %<li>three<td>four",
    "",
    "<!-- unterminated comment 10 %",
    "<p title='Iranische'>&#x41;&#65; 11 %</p>",
])
def test_malformed_html_degrades_without_crashing(html):
    doc = parse(Source("x.html", html, False, "html"))
    for f in Checker(syntax=False).check(doc):
        assert html[f.start : f.end] == f.text


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

PIECES = st.sampled_from([
    "<p>", "</p>", "<li>", "<b>", "</b>", "<script>", "</script>", "<code>", "</code>", "<!--", "-->", "&amp;",
    "&#65;", "<img alt='x  y'>", "<h2>", "</h2>", " 90 %", " Iranische", " the", "\n", "<", ">", "'", '"', "ü",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(PIECES, max_size=40))
def test_any_tag_soup_keeps_offsets(parts):
    html = "".join(parts)
    doc = parse(Source("x.html", html, False, "html"))
    for f in Checker(syntax=False).check(doc):
        assert html[f.start : f.end] == f.text
