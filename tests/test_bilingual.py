"""Bilingual files: XLIFF 1.2 and 2.0, PO and TSV pairs; source-aware checks; fixes that touch targets only."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from defusedxml.ElementTree import fromstring
from hypothesis import given, settings
from hypothesis import strategies as st

from mtfix.engine import Checker, parse
from mtfix.source import Source
from tests.conftest import ROOT

XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="de" target-language="en" datatype="plaintext" original="a.txt">
    <body>
      <trans-unit id="price">
        <source>Die Miete stieg um <g id="1">3,5 Prozent</g>.</source>
        <target state="translated">The rent rose by <g id="1">3,5 percent</g>.</target>
      </trans-unit>
      <trans-unit id="brand" translate="no">
        <source>Wir bitten um Verständnis.</source>
        <target>Wir bitten um Verständnis.</target>
      </trans-unit>
      <trans-unit id="bridge">
        <source>Die Brücke ist nicht gesperrt &amp; sicher.</source>
        <target state="final">The bridge is closed &amp; safe <x id="2"/>.</target>
        <alt-trans><target>Die Brücke 90 %</target></alt-trans>
      </trans-unit>
    </body>
  </file>
</xliff>
"""

XLIFF20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="de" trgLang="en">
  <file id="f1">
    <unit id="u1">
      <segment id="s1" state="translated">
        <source>Das Spiel beginnt um 17 Uhr.</source>
        <target>The match starts at 7 p.m. and costs $ 5.</target>
      </segment>
      <segment id="s2" state="final">
        <source>Der Eintritt kostet <ph id="1"/> Euro.</source>
        <target>Entry costs <ph id="1"/> euros.</target>
      </segment>
    </unit>
    <unit id="u2">
      <segment><source>Hallo {name}!</source><target>Hello!</target></segment>
    </unit>
  </file>
</xliff>
"""

PO = '''# Translation of the site.
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

#: src/page.c:10
msgid "Die Miete stieg um 3,5 Prozent."
msgstr "The rent rose by 3,5 percent."

#, fuzzy
msgid "Die Brücke ist nicht gesperrt."
msgstr ""
"The bridge "
"is \\"closed\\" to 90 % of cars."

msgid "Ein Apfel"
msgid_plural "%d Äpfel"
msgstr[0] "One apple"
msgstr[1] "%d apples"

msgid "Der Zug fährt heute."
msgstr ""
'''


def findings(text: str, fmt: str, **kw) -> list:
    doc = parse(Source("t", text, False, fmt))
    return Checker(syntax=False, **kw).check(doc)


def mtfix(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mtfix", *args], cwd=cwd, capture_output=True, text=True)


def test_xliff12_targets_are_checked_in_place_and_sources_compared():
    got = {(f.rule, f.text) for f in findings(XLIFF12, "xliff")}
    target = "The rent rose by <g id=\"1\">3,5 percent</g>."
    assert ("MT307", "3,5") in got  # a monolingual rule, in the target, past the inline code
    assert XLIFF12.count("3,5") == 2 and all(f.start > XLIFF12.index("<target") for f in findings(XLIFF12, "xliff")
                                             if f.rule == "MT307")
    assert not any(r == "MT753" for r, _ in got)  # 3,5 in both: the target's comma is MT307's, not a new number
    bridge = 'The bridge is closed &amp; safe <x id="2"/>.'
    assert ("MT754", bridge) in got and ("MT755", bridge) in got  # negation lost, an inline code added
    assert ("MT751", "Wir bitten um Verständnis.") in got
    assert not any("90 %" in t for _, t in got)  # <alt-trans> is no target
    assert target in XLIFF12


def test_xliff_segments_in_skipped_states_are_not_checked():
    got = {f.rule for f in findings(XLIFF12, "xliff", skip_states=["final", "translate=no"])}
    assert got == {"MT307"}


def test_xliff20_segments_numbers_and_placeholders():
    fs = findings(XLIFF20, "xliff")
    got = {(f.rule, f.text) for f in fs}
    assert ("MT302", "$ 5") in got
    nums = [f for f in fs if f.rule == "MT753"]  # 17 Uhr is 5 p.m., not 7 p.m.; and $ 5 is new
    assert len(nums) == 1 and "17 of the source missing" in nums[0].message and "19, 5 not in the source" in nums[0].message
    assert ("MT755", "Hello!") in got
    assert not any(f.rule == "MT755" and "Entry" in f.text for f in fs)  # <ph id="1"/> kept


def test_po_entries_plurals_fuzzy_and_empty_targets():
    fs = findings(PO, "po")
    got = {(f.rule, f.text) for f in fs}
    assert ("MT307", "3,5") in got and ("MT301", "90 %") in got  # the second across continued lines
    assert any(f.rule == "MT754" for f in fs)
    empty = [f for f in fs if f.rule == "MT752"]
    assert len(empty) == 1 and empty[0].start == empty[0].end == PO.rindex('msgstr ""') + 8
    assert not any(f.rule == "MT755" for f in fs)  # %d in both plural forms
    assert {f.rule for f in findings(PO, "po", skip_states=["fuzzy"])} & {"MT754", "MT301"} == set()


def test_tsv_with_a_header_in_any_column_order():
    text = "id\ttarget\tsource\n1\tThe rent rose by 3,5 percent.\tDie Miete stieg um 3,5 Prozent.\n2\t\tDer Zug fährt.\n"
    fs = findings(text, "tsv")
    assert {(f.rule, f.text) for f in fs} == {("MT307", "3,5"), ("MT752", "")}
    assert all(f.start > text.index("\n") for f in fs)


def test_json_names_the_segment_and_positions_point_into_the_target(tmp_path):
    f = tmp_path / "site.xlf"
    f.write_text(XLIFF20, encoding="utf-8")
    out = json.loads(mtfix("check", "--no-syntax", "--format", "json", str(f)).stdout)["files"][0]["findings"]
    by_rule = {x["rule"]: x for x in out}
    assert by_rule["MT302"]["segment"] == "u1" and by_rule["MT755"]["segment"] == "u2"
    assert all(XLIFF20[x["start"]:x["end"]] == x["text"] for x in out)
    p = tmp_path / "site.po"
    p.write_text(PO, encoding="utf-8")
    out = json.loads(mtfix("check", "--no-syntax", "--format", "json", str(p)).stdout)["files"][0]["findings"]
    assert {x["segment"] for x in out if x["rule"] == "MT307"} == {"line 7"}
    assert {x["segment"] for x in out if x["rule"] == "MT752"} == {"line 21"}


def test_folders_find_xliff_and_po_and_skip_states_from_the_command_line(tmp_path):
    (tmp_path / "a.xlf").write_text(XLIFF12, encoding="utf-8")
    (tmp_path / "b.po").write_text(PO, encoding="utf-8")
    (tmp_path / "c.tsv").write_text("x\ty\n", encoding="utf-8")  # pairs are read when named, not found
    out = json.loads(mtfix("check", "--no-syntax", "--format", "json", "--skip-states", "final,translate=no",
                           str(tmp_path)).stdout)
    assert [f["path"].rsplit("/", 1)[1] for f in out["files"]] == ["a.xlf", "b.po"]
    assert {x["rule"] for x in out["files"][0]["findings"]} == {"MT307"}


def _outside_targets(text: str) -> str:
    return re.sub(r"(<target\b[^>]*>).*?(</target>)", r"\1\2", text, flags=re.S)


PHRASES = ["Prices rose by 90 %", "It cost $ 5", "the Iranische city", "a two -stroke engine", "fine",
           "rose 3,5 percent", "said „yes“", "A <g id=\"1\">bold</g> move", "Tom &amp; Jerry", "\u00a0 ok"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PHRASES), st.sampled_from(PHRASES)), min_size=1, max_size=6),
       st.sampled_from(["\n", "\r\n"]))
def test_fix_rewrites_targets_only_and_keeps_the_xml_well_formed(units, newline):
    body = "".join(f'<trans-unit id="u{i}" resname="r{i}">{newline}  <source>{s}</source>{newline}'
                   f'  <target state="new">{t}</target>{newline}</trans-unit>{newline}'
                   for i, (s, t) in enumerate(units))
    text = (f'<?xml version="1.0"?>{newline}<xliff version="1.2"><file source-language="de" target-language="en" '
            f'datatype="plaintext" original="x"><body>{newline}{body}</body></file></xliff>{newline}')
    from mtfix.engine import fix_text

    fixed, _ = fix_text(Source("t.xlf", text, False, "xliff"), Checker(syntax=False), unsafe=True)
    assert _outside_targets(fixed) == _outside_targets(text)  # sources, attributes, whitespace: byte-identical
    fromstring(fixed.encode("utf-8"))  # still XML
    assert re.findall(r"<source>(.*?)</source>", fixed) == [s for s, _ in units]


def test_hostile_and_malformed_bilingual_files_are_one_line_errors(tmp_path):
    bomb = tmp_path / "bomb.xlf"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
                    "<xliff><file><body><trans-unit id='1'><source>x</source><target>&b;</target></trans-unit>"
                    "</body></file></xliff>", encoding="utf-8")
    broken = tmp_path / "broken.xlf"
    broken.write_text("<xliff>\n<file>\n<body><trans-unit id='1'><source>x</target></body></file></xliff>\n", encoding="utf-8")
    bad_po = tmp_path / "bad.po"
    bad_po.write_text('msgid "Hallo"\nmsgstr "Hello"\nthis is not PO\n', encoding="utf-8")
    for path, says in ((bomb, "refused"), (broken, "line 3"), (bad_po, "line 3")):
        r = mtfix("check", "--no-syntax", str(path))
        assert r.returncode == 2, r.stderr
        assert r.stderr.count("\n") == 1 and str(path) in r.stderr and says in r.stderr and "Traceback" not in r.stderr


def test_fixes_never_write_string_syntax_into_a_po_file(tmp_path):
    p = tmp_path / "q.po"
    p.write_text('msgid "Er sagte „Hallo“ zu 90 % der Leute."\nmsgstr "He said „Hello“ to 90 % of people."\n',
                 encoding="utf-8")
    r = mtfix("fix", "--unsafe-fixes", "--in-place", str(p))
    assert r.returncode == 0, r.stderr
    fixed = p.read_text(encoding="utf-8")
    assert fixed.startswith('msgid "Er sagte „Hallo“ zu 90 % der Leute."\n')  # the source is untouched
    assert re.fullmatch(r'msgstr "(?:[^"\\]|\\.)*"\n', fixed.splitlines(keepends=True)[1])
    assert "90%" in fixed.splitlines()[1]


def test_paired_files_align_paragraphs_and_report_omissions_and_additions(tmp_path):
    de = tmp_path / "a.de.md"
    de.write_text("# Mieten steigen\n\nDie Miete stieg 2024 um 3,5 Prozent.\n\nDas betrifft 1.000 Haushalte in der "
                  "Stadt.\n\nDie Stadt will nicht eingreifen.\n", encoding="utf-8")
    en = tmp_path / "a.en.md"
    en.write_text("# Rents rise\n\nThe rent rose by 3.5 percent in 2023.\n\nThe city wants to intervene.\n",
                  encoding="utf-8")
    r = mtfix("check", "--no-syntax", "--format", "json", str(en), "--source", str(de))
    out = json.loads(r.stdout)["files"][0]
    assert out["alignment"]["pairs"] == [[0, 0], [1, 1], [3, 2]] and out["alignment"]["omitted"] == [2]
    by_rule = {f["rule"]: f for f in out["findings"]}
    text = en.read_text(encoding="utf-8")
    assert by_rule["MT752"]["start"] == text.index("2023.") + 5 and "1.000 Haushalte" in by_rule["MT752"]["message"]
    assert "2024 of the source missing" in by_rule["MT753"]["message"] and by_rule["MT753"]["segment"] == "¶2"
    assert by_rule["MT754"]["text"] == "The city wants to intervene."
    text_report = mtfix("check", "--no-syntax", str(en), "--source", str(de)).stdout
    assert "3 paragraph pair(s), 1 source paragraph(s) without a translation, 0 added" in text_report
    r = mtfix("check", str(en), str(de), "--source", str(de))
    assert r.returncode == 2 and "exactly one file" in r.stderr


def test_alignment_by_length_and_numbers():
    from mtfix.align import align

    src = ["Am 3. Mai kamen 250 Gäste.", "Es regnete den ganzen Tag ohne Pause.", "Das Fest endete um 22 Uhr."]
    assert align(src, ["On 3 May, 250 guests came.", "The party ended at 10 p.m."]) == [(0, 0), (1, None), (2, 1)]
    assert align(src[:2], ["On 3 May, 250 guests came.", "It rained all day without a break.", "Read our newsletter now!"]) \
        == [(0, 0), (1, 1), (None, 2)]
    assert align(src, ["a", "b", "c"]) == [(0, 0), (1, 1), (2, 2)]  # equal counts: by order


TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><text><body>
  <termEntry id="t1">
    <langSet xml:lang="de"><tig><term>Kurzarbeit</term></tig></langSet>
    <langSet xml:lang="en"><tig><term>short-time work</term></tig><tig><term>furlough</term></tig></langSet>
  </termEntry>
</body></text></martif>
"""


def test_a_glossary_in_tsv_or_tbx_requires_its_renderings(tmp_path):
    pairs = tmp_path / "p.tsv"
    pairs.write_text("Die Kurzarbeit endet im Mai.\tThe short work ends in May.\n"
                     "Mehr Kurzarbeitern droht die Entlassung.\tMore furloughed workers face layoffs.\n"
                     "Die Kurzarbeit endet.\tShort-time work ends.\n", encoding="utf-8")
    for name, content in (("terms.tsv", "# our terms\nKurzarbeit\tshort-time work|furlough\n"), ("terms.tbx", TBX)):
        (tmp_path / name).write_text(content, encoding="utf-8")
        (tmp_path / "mtfix.toml").write_text(f'glossary = "{name}"\n', encoding="utf-8")
        out = json.loads(mtfix("check", "--no-syntax", "--format", "json", "p.tsv", cwd=tmp_path).stdout)
        hits = [f for f in out["files"][0]["findings"] if f["rule"] == "MT762"]
        assert [f["segment"] for f in hits] == ["line 1"], name
        assert '"short-time work" or "furlough"' in hits[0]["message"]
    (tmp_path / "terms.tsv").write_text("Kurzarbeit short-time work\n", encoding="utf-8")
    (tmp_path / "mtfix.toml").write_text('glossary = "terms.tsv"\n', encoding="utf-8")
    r = mtfix("check", "--no-syntax", "p.tsv", cwd=tmp_path)
    assert r.returncode == 2 and "terms.tsv:1" in r.stderr and r.stderr.count("\n") == 1


def test_the_html_report_names_each_findings_segment(tmp_path):
    f = tmp_path / "site.xlf"
    f.write_text(XLIFF20, encoding="utf-8")
    r = mtfix("report", "--no-syntax", str(f), "-o", str(tmp_path / "r.html"))
    assert r.returncode == 0, r.stderr
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert '<span class="seg">[u1]</span>' in page and '<span class="seg">[u2]</span>' in page
    assert '"segment": "u2"' in page.replace("\\u003c", "<")


CSV = ('id,de,en\n1,"Die Miete stieg um 3,5 Prozent.","The rent rose by 3,5 percent, ""he said""."\n'
       "2,Der Zug fährt nicht.,The train runs.\n3,\"Zeile\neins\",\n")


def test_csv_pairs_with_columns_by_name_number_or_configuration(tmp_path):
    f = tmp_path / "p.csv"
    f.write_bytes(CSV.encode("utf-8"))
    for args in (["--columns", "de,en"], ["--columns", "2,3"]):
        out = json.loads(mtfix("check", "--no-syntax", "--format", "json", *args, str(f)).stdout)["files"][0]
        got = {(x["rule"], x["segment"]) for x in out["findings"]}
        assert got == {("MT307", "line 2"), ("MT754", "line 3"), ("MT752", "line 4")}, args
        assert all(CSV[x["start"]:x["end"]] == x["text"] for x in out["findings"])
    (tmp_path / "mtfix.toml").write_text('columns = ["de", "en"]\n', encoding="utf-8")
    r = mtfix("fix", "--in-place", "p.csv", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert f.read_text(encoding="utf-8") == CSV.replace("3,5 percent", "3.5 percent")  # the quoted cell's "" kept
    r = mtfix("check", "--columns", "de,xx", str(f))
    assert r.returncode == 2 and "no column 'xx'" in r.stderr and r.stderr.count("\n") == 1
    bad = tmp_path / "bad.csv"
    bad.write_text('a,b\n"unclosed,x\n', encoding="utf-8")
    r = mtfix("check", str(bad))
    assert r.returncode == 2 and "line 2" in r.stderr and str(bad) in r.stderr
