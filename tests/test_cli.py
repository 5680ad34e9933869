"""The command line as a user and a CI job meet it: exit codes, formats, bad input, fixes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED


def run(*args, stdin: bytes | None = None, env=None):
    return subprocess.run(
        [sys.executable, "-m", "mtfix", *args], input=stdin, capture_output=True, cwd=ROOT, env=env, timeout=120
    )


def test_help_loads_no_word_lists():
    code = (
        "import sys, runpy; sys.argv=['mtfix','--help']\n"
        "try:\n runpy.run_module('mtfix', run_name='__main__')\nexcept SystemExit: pass\n"
        "bad=[m for m in ('hunspell','wordfreq','msgpack','spacy','mtfix.lexicon','yaml') if m in sys.modules]\n"
        "print('LOADED', bad)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT).stdout
    assert "LOADED []" in out


def test_check_seed_json_contract():
    r = run("check", "--format", "json", str(SEED))
    assert r.returncode == 1
    doc = json.loads(r.stdout)
    assert doc["schema"] == "mtfix/1"
    (f,) = doc["files"]
    assert f["words"] > 600 and set(f["score"]) >= {"quality", "penalty_per_1000_words", "weights", "readability"}
    assert f["score"]["weights"] == {"minor": 1, "major": 5, "critical": 25}
    text = SEED.read_text(encoding="utf-8")
    for item in f["findings"]:
        assert set(item) >= {"rule", "name", "category", "severity", "start", "end", "line", "column", "text",
                             "message", "replacements", "fix"}
        assert text[item["start"] : item["end"]] == item["text"]
        line_start = text.rfind("\n", 0, item["start"]) + 1
        assert item["line"] == text.count("\n", 0, item["start"]) + 1
        assert item["column"] == item["start"] - line_start + 1


def test_exit_codes_follow_fail_on(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Turnout was 90 % this year, officials said.\n", encoding="utf-8")
    assert run("check", str(p)).returncode == 0  # minor only, default fail-on major
    assert run("check", "--fail-on", "minor", str(p)).returncode == 1
    assert run("check", "--min-score", "99.9", str(p)).returncode == 1
    assert run("check", "--ignore", "MT301", "--fail-on", "minor", str(p)).returncode == 0
    assert run("check", "--select", "locale", "--format", "concise", str(p)).stdout.decode().startswith(f"{p}:1:13: MT301")


def test_unknown_selector_is_usage_error(tmp_path):
    r = run("check", "--select", "XX9", str(SEED))
    assert r.returncode == 2 and b"unknown rule code" in r.stderr


def test_stdin():
    r = run("check", "--format", "concise", "-", stdin="It rose by 90 % in a year.\n".encode())
    assert r.returncode == 0 and b"MT301" in r.stdout


def test_no_color_when_piped(tmp_path):
    r = run("check", str(SEED))
    assert b"\033[" not in r.stdout


@pytest.mark.parametrize(
    "name,data,needle",
    [
        ("bin.txt", b"abc\x00def", "binary file (NUL byte at byte offset 3)"),
        ("bad.txt", b"ok text \xff more", "invalid UTF-8 at byte offset 8"),
        ("empty.txt", b"", "empty file"),
        ("long.txt", b"word " * 60_000, "line 1 is 300,000 characters long"),
    ],
)
def test_bad_input_one_line_exit_2(tmp_path, name, data, needle):
    p = tmp_path / name
    p.write_bytes(data)
    r = run("check", str(p))
    err = r.stderr.decode()
    assert r.returncode == 2 and needle in err and str(p) in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_missing_path_and_huge_file(tmp_path):
    r = run("check", str(tmp_path / "nope.txt"))
    assert r.returncode == 2 and b"no such file" in r.stderr
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:  # a 50 MB single line: refused before it is read
        fh.truncate(50 * 1024 * 1024)
    r = run("check", str(big))
    assert r.returncode == 2 and b"file too large" in r.stderr and b"Traceback" not in r.stderr


def test_directory_recursion(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text("# Title\n\nIt rose by 90 % in a year.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("It rose by 90 % in a year.\n", encoding="utf-8")
    (tmp_path / "skip.py").write_text("x = '90 %'\n", encoding="utf-8")
    r = run("check", "--format", "json", str(tmp_path))
    paths = sorted(Path(f["path"]).name for f in json.loads(r.stdout)["files"])
    assert paths == ["a.md", "b.txt"]


def test_malformed_rule_file_names_file_and_line(tmp_path):
    from mtfix.errors import RuleError
    from mtfix.rules import load_file

    p = tmp_path / "x.yaml"
    p.write_text("rules:\n  - code: MT900\n    name: x\n    message: [unclosed\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"x\.yaml:\d+: invalid YAML"):
        load_file(p)
    p.write_text("rules:\n  - code: MT900\n    name: x\n    message: m\n    category: c\n    severity: huge\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"x\.yaml:2: rule MT900: severity"):
        load_file(p)
    p.write_text("rules:\n  - code: MT900\n    name: x\n    message: m\n    category: c\n    severity: minor\n"
                 "    pattern: '(a+)+b'\n    examples: {bad: ['no marks'], good: ['x']}\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"exactly one \[\[marked\]\] span"):
        load_file(p)


def test_replacement_mapping_gives_each_matched_text_its_own_english(tmp_path):
    from mtfix.engine import Checker
    from mtfix.errors import RuleError
    from mtfix.rules import load_all, load_file
    from tests.conftest import check_text

    house = tmp_path / "house"
    house.mkdir()
    head = "rules:\n  - code: MT950\n    name: abbr\n    message: m\n    category: c\n    severity: minor\n"
    (house / "x.yaml").write_text(
        head + "    pattern: '\\b(?:Mio|z\\. ?B)\\.'\n    fix: unsafe\n    ignorecase: true\n"
        "    replacement: {'Mio.': million, 'z. B.': [e.g., for example]}\n"
        "    examples: {bad: ['5 [[Mio.]] euros'], good: ['x']}\n", encoding="utf-8")
    checker = Checker(load_all([house]), select=["MT950"])
    found = check_text(checker, "It cost 5 Mio. euros, z.B. in Ulm, and Z. B. here.", "text")
    # looked up without case or spaces: 'z.B.' and 'Z. B.' both find the entry written 'z. B.'
    assert [f.replacements for f in found] == [("million",), ("e.g.", "for example"), ("e.g.", "for example")]
    (house / "x.yaml").write_text(head + "    pattern: a\n    replacement: {a: [1, 2]}\n"
                                  "    examples: {bad: ['[[a]]'], good: ['x']}\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"x\.yaml:2: rule MT950: a replacement mapping maps"):
        load_file(house / "x.yaml")


def test_fix_in_place_keeps_bom_crlf_and_untouched_bytes(tmp_path):
    p = tmp_path / "a.txt"
    original = "\ufeffFirst line stays.\r\nIt rose by 90 % in a year.\r\nLast line stays.\r\n".encode("utf-8")
    p.write_bytes(original)
    r = run("fix", "--in-place", str(p))
    assert r.returncode == 0
    assert p.read_bytes() == original.replace(b"90 %", b"90%")
    r = run("fix", "--in-place", str(p))  # idempotent
    assert p.read_bytes() == original.replace(b"90 %", b"90%")


def test_fix_diff_and_stdout(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("It rose by 90 % in a year and by $ 5 in price.\n", encoding="utf-8")
    diff = run("fix", "--diff", str(p)).stdout.decode()
    assert "-It rose by 90 % in a year" in diff and "+It rose by 90% in a year and by $5 in price." in diff
    assert run("fix", str(p)).stdout.decode() == "It rose by 90% in a year and by $5 in price.\n"
    assert p.read_text(encoding="utf-8").startswith("It rose by 90 %")  # untouched without --in-place


def test_rules_list_and_show():
    out = run("rules").stdout.decode()
    assert "MT101" in out and "MT301" in out
    show = run("rules", "show", "MT301").stdout.decode()
    assert "space-before-percent" in show and "[[90 %]]" in show
    assert run("rules", "show", "MT999").returncode == 2


def test_score_command():
    out = run("score", str(SEED)).stdout.decode()
    assert "quality" in out and "flesch reading ease" in out and "major 5" in out
