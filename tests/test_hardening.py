"""Issue 10's defects, each a regression test: lost edits, links, permissions, temp files, umask,
--output over an input, and patches for files without a final newline."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT

FIXABLE = "Turnout was 71 % on Sunday , police said.\n"  # safe fixes: MT301 and MT313


def mtfix(*args, cwd=None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mtfix", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, **kw)


def test_in_place_refuses_a_file_edited_while_it_ran(tmp_path, monkeypatch):
    """The rename must not replace a file that changed after mtfix read it."""
    from mtfix import writing
    from mtfix.errors import InputError

    f = tmp_path / "a.txt"
    f.write_text(FIXABLE, encoding="utf-8")
    before = writing.snapshot(str(f))
    time.sleep(0.01)
    with open(f, "a", encoding="utf-8") as fh:
        fh.write("EDIT\n")
    with pytest.raises(InputError, match="changed while mtfix was running"):
        writing.atomic_write(str(f), b"fixed\n", unchanged_since=before)
    assert f.read_text(encoding="utf-8").endswith("EDIT\n")
    assert not list(tmp_path.glob(".mtfix-*"))


def test_in_place_rewrites_a_symlinks_target_and_keeps_the_link(tmp_path):
    target = tmp_path / "real.txt"
    target.write_text(FIXABLE, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    out = mtfix("fix", "--in-place", str(link))
    assert out.returncode == 0, out.stderr
    assert link.is_symlink()
    assert "71%" in target.read_text(encoding="utf-8")


def test_in_place_refuses_hard_links_and_read_only_files(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text(FIXABLE, encoding="utf-8")
    os.link(a, tmp_path / "b.txt")
    out = mtfix("fix", "--in-place", str(a))
    assert out.returncode == 2 and "hard links" in out.stderr and "Traceback" not in out.stderr
    assert os.stat(a).st_nlink == 2 and a.read_text(encoding="utf-8") == FIXABLE
    ro = tmp_path / "ro.txt"
    ro.write_text(FIXABLE, encoding="utf-8")
    ro.chmod(0o444)
    out = mtfix("fix", "--in-place", str(ro))
    assert out.returncode == 2 and "read-only" in out.stderr
    assert ro.read_text(encoding="utf-8") == FIXABLE


def test_in_place_keeps_mode_and_output_files_honour_the_umask(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text(FIXABLE, encoding="utf-8")
    a.chmod(0o640)
    assert mtfix("fix", "--in-place", str(a)).returncode == 0
    assert os.stat(a).st_mode & 0o777 == 0o640
    out = tmp_path / "report.json"
    old = os.umask(0o022)
    try:
        mtfix("check", "--format", "json", "--output", str(out), str(a))
    finally:
        os.umask(old)
    assert os.stat(out).st_mode & 0o777 == 0o644  # as open() would create it, not 0600


def test_killed_write_leaves_no_temp_file(tmp_path, monkeypatch):
    """SIGTERM while the temp file exists: it is removed, and the old file is intact."""
    from mtfix import writing

    f = tmp_path / "a.txt"
    f.write_text(FIXABLE, encoding="utf-8")

    def fsync_then_term(fd):
        os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(writing.os, "fsync", fsync_then_term)
    handler = signal.getsignal(signal.SIGTERM)
    with pytest.raises(KeyboardInterrupt):
        writing.atomic_write(str(f), b"new\n")
    assert f.read_text(encoding="utf-8") == FIXABLE
    assert not list(tmp_path.glob(".mtfix-*"))
    assert signal.getsignal(signal.SIGTERM) == handler  # the caller's handler is back


def test_output_naming_an_input_file_is_refused(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text(FIXABLE, encoding="utf-8")
    for args in (["check", "--format", "json", "--output", str(a), str(a)], ["fix", "-o", str(a), str(a)]):
        out = mtfix(*args)
        assert out.returncode == 2 and "Traceback" not in out.stderr, out.stderr
        assert a.read_text(encoding="utf-8") == FIXABLE


@pytest.mark.parametrize("tool", ["git", "patch"])
def test_diff_of_a_file_without_final_newline_applies(tmp_path, tool):
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed")
    a = tmp_path / "a.txt"
    a.write_text(FIXABLE.rstrip("\n"), encoding="utf-8")  # no final newline, like the seed
    diff = mtfix("fix", "--diff", "a.txt", cwd=tmp_path).stdout
    assert "\\ No newline at end of file" in diff
    patch = tmp_path / "fix.patch"
    patch.write_text(diff, encoding="utf-8")
    if tool == "git":
        out = subprocess.run(["git", "apply", "--check", "--", str(patch)], capture_output=True, text=True, cwd=tmp_path)
    else:
        out = subprocess.run(["patch", "--dry-run", "-p1", "-i", str(patch)], capture_output=True, text=True, cwd=tmp_path)
    assert out.returncode == 0, out.stdout + out.stderr


def test_yaml_bomb_in_a_rule_file_is_refused_at_once(tmp_path):
    """Issue 10 §5: nested aliases in 635 bytes ran 110 s to a MemoryError."""
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for n in range(1, 9):
        prev, cur = chr(ord("a") + n - 1), chr(ord("a") + n)
        lines.append(f"{cur}: &{cur} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]")
    lines.append("rules: [*i]")
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "bomb.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(FIXABLE, encoding="utf-8")
    (tmp_path / "mtfix.toml").write_text('rule-dirs = ["rules"]\n', encoding="utf-8")
    t = time.monotonic()
    out = mtfix("check", "--no-syntax", "a.txt", cwd=tmp_path, timeout=60)
    assert time.monotonic() - t < 30
    assert out.returncode == 2 and "bomb.yaml:2:" in out.stderr and "alias" in out.stderr
    assert "Traceback" not in out.stderr


def test_a_file_name_cannot_print_a_workflow_command_or_a_fake_finding(tmp_path):
    """Issue 10 §9: a newline in a file name ended the line and started '::error …' of its own."""
    name = "a\n::error file=x,line=1::owned.txt"
    (tmp_path / name).write_text(FIXABLE, encoding="utf-8")
    for fmt in ("text", "concise", "github"):
        out = mtfix("check", "--no-syntax", "--format", fmt, "--fail-on", "critical",
                    str(tmp_path), cwd=tmp_path)
        assert not [line for line in out.stdout.splitlines() if line.startswith("::error file=x")], fmt
    junit = mtfix("check", "--no-syntax", "--format", "junit", "--fail-on", "critical", str(tmp_path)).stdout
    import xml.etree.ElementTree as ET

    ET.fromstring(junit)  # well-formed: no raw control character


def test_non_finite_numbers_are_refused(tmp_path):
    """Issue 10 §18: weights of inf wrote 'Infinity' (invalid JSON); --min-score nan switched the gate off."""
    (tmp_path / "a.txt").write_text(FIXABLE, encoding="utf-8")
    out = mtfix("check", "--no-syntax", "--min-score", "nan", "a.txt", cwd=tmp_path)
    assert out.returncode == 2 and "finite" in out.stderr
    (tmp_path / "mtfix.toml").write_text("[weights]\nmajor = inf\n", encoding="utf-8")
    out = mtfix("check", "--no-syntax", "--format", "json", "a.txt", cwd=tmp_path)
    assert out.returncode == 2 and "mtfix.toml" in out.stderr and "Infinity" not in out.stdout


def test_an_unexpected_exception_is_one_line_and_exit_2(tmp_path, monkeypatch):
    """Issue 10 §16: a traceback exited 1, the code of 'findings'."""
    from mtfix import cli

    def boom(*a, **k):
        raise TypeError("simulated bug")

    monkeypatch.setattr(cli.cli, "main", boom)
    with pytest.raises(SystemExit) as e:
        cli.main()
    assert e.value.code == 2


@pytest.mark.parametrize("word", ["x" * 199_000, "-".join(["Wort"] * 39_000)])
def test_one_huge_word_stays_small_and_fast(tmp_path, word):
    """Issue 10 §4: a 200,000-letter word ran 115 s at 19.7 GB. Under a 1 GiB address-space limit the
    lexical tier must finish, quickly, with no error."""
    import resource

    f = tmp_path / "long.txt"
    f.write_text(word + "\n", encoding="utf-8")

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    t = time.monotonic()
    out = subprocess.run([sys.executable, "-m", "mtfix", "check", "--no-syntax", str(f)], capture_output=True,
                         text=True, cwd=ROOT, preexec_fn=limit, timeout=120)
    assert out.returncode == 0, out.stderr
    assert time.monotonic() - t < 30


USER_RULE = """rules:
  - code: MT991
    name: user-rule
    message: a user rule
    category: style/awkward
    severity: minor
    pattern: 'aa'
    {extra}
    examples:
      bad:
        - text: "x [[aa]] y"
      good:
        - "x y"
"""
EVIL = "(a|aa)+$"  # catastrophic backtracking on a long run of a's ended by something else


@pytest.mark.parametrize("extra", [f"requires: '{EVIL}'", f"not_after: '{EVIL}'", f"not_before: '{EVIL}'"])
def test_every_user_regex_runs_under_the_timeout(tmp_path, extra):
    """Issue 10 §6: only `pattern` had a timeout; `requires`, `not_before`, `not_after` could hang."""
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "user.yaml").write_text(USER_RULE.replace("{extra}", extra), encoding="utf-8")
    (tmp_path / "mtfix.toml").write_text('rule-dirs = ["rules"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("a" * 60 + "b x\n", encoding="utf-8")
    t = time.monotonic()
    out = mtfix("check", "--no-syntax", "--select", "MT991", "a.txt", cwd=tmp_path, timeout=120)
    assert time.monotonic() - t < 30
    assert "Traceback" not in out.stderr and out.returncode in (0, 1)


def test_token_lists_are_names_inside_the_rule_folders(tmp_path):
    """Issue 10 §8: `lower: '@../../…/words'` read a file outside the rule folders."""
    from mtfix.tokenpattern import TokenPatternError, compile_tokens

    opened = []
    with pytest.raises(TokenPatternError, match="bad list name"):
        compile_tokens([{"lower": "@../../../etc/passwd"}], lambda name: opened.append(name) or frozenset())
    assert opened == []


def test_user_rules_from_rule_dirs_can_be_selected_ignored_and_given_a_severity(tmp_path):
    """Issue 10 §17: --select, --ignore, config `ignore` and [severity] rejected user rule codes."""
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "user.yaml").write_text(USER_RULE.replace("{extra}", "default: false"), encoding="utf-8")
    (tmp_path / "a.txt").write_text("x aa y\n", encoding="utf-8")
    (tmp_path / "mtfix.toml").write_text('rule-dirs = ["rules"]\n[severity]\nMT991 = "major"\n', encoding="utf-8")
    out = mtfix("check", "--no-syntax", "--select", "MT991", "--format", "concise", "a.txt", cwd=tmp_path)
    assert out.returncode == 1 and "MT991" in out.stdout, out.stderr  # opt-in rule ran, as major
    out = mtfix("check", "--no-syntax", "--extend-select", "MT991", "--ignore", "MT991", "a.txt", cwd=tmp_path)
    assert out.returncode == 0 and "MT991" not in out.stdout, out.stderr
    (tmp_path / "mtfix.toml").write_text('rule-dirs = ["rules"]\nignore = ["MT991"]\n', encoding="utf-8")
    assert mtfix("check", "--no-syntax", "a.txt", cwd=tmp_path).returncode == 0


def test_a_nul_byte_anywhere_makes_a_binary_file(tmp_path):
    """Issue 10 §21: only the first 8,192 bytes were scanned."""
    f = tmp_path / "late.txt"
    f.write_bytes(b"The storm reached the coast. " * 1000 + b"\x00tail\n")
    out = mtfix("check", "--no-syntax", str(f))
    assert out.returncode == 2 and "binary file" in out.stderr


def test_sarif_uris_are_valid_uri_references(tmp_path):
    """Issue 10 §19: spaces, non-ASCII, '#', '?', '%' and '[' made invalid URIs."""
    import json

    from rfc3986_validator import validate_rfc3986

    names = ["with space.txt", "grüße.txt", "hash#1.txt", "q?.txt", "100%.txt", "br[1].txt"]
    for n in names:
        (tmp_path / n).write_text(FIXABLE, encoding="utf-8")
    sarif = json.loads(mtfix("check", "--no-syntax", "--format", "sarif", *names, cwd=tmp_path).stdout)
    uris = [a["location"]["uri"] for a in sarif["runs"][0]["artifacts"]]
    uris += [loc["physicalLocation"]["artifactLocation"]["uri"]
             for res in sarif["runs"][0]["results"] for loc in res["locations"]]
    assert len(uris) > len(names)
    assert all(validate_rfc3986(u, rule="URI_reference") for u in uris), uris


def test_junit_stays_well_formed_with_a_control_character_in_a_reject_term(tmp_path):
    """Issue 10 §20: a control character in a [reject] term made invalid XML."""
    import xml.etree.ElementTree as ET

    (tmp_path / "mtfix.toml").write_text('[reject]\n"bad term" = "good\\u0001term"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("We saw the bad term today.\n", encoding="utf-8")
    out = mtfix("check", "--no-syntax", "--format", "junit", "a.txt", cwd=tmp_path)
    assert "MT901" in out.stdout, out.stderr
    ET.fromstring(out.stdout)


def test_fix_reaches_its_fixed_point_on_a_word_repeated_1025_times(tmp_path):
    """Issue 10 §13: fixing the output of `fix --unsafe-fixes` again applied one more fix."""
    f = tmp_path / "rep.txt"
    f.write_text(" ".join(["word"] * 1025) + "\n", encoding="utf-8")
    once = mtfix("fix", "--unsafe-fixes", "--no-syntax", str(f))
    assert once.returncode == 0 and once.stdout == "word\n"
    g = tmp_path / "once.txt"
    g.write_text(once.stdout, encoding="utf-8")
    twice = mtfix("fix", "--unsafe-fixes", "--no-syntax", str(g))
    assert twice.stdout == once.stdout and "applied 0 fix(es)" in twice.stderr


@pytest.mark.parametrize("name,text,lines", [
    ("cr.txt", "First line is fine.\rTurnout was 71 % on Sunday.\rThe vote could nicht be held.\r", [2, 3]),
    ("cr.md", "# Title\r\rTurnout was 71 % on Sunday.\r\rThe vote could nicht be held.\r", [3, 5]),
])
def test_cr_only_line_endings(tmp_path, name, text, lines):
    """Issue 10 §22: Markdown checked only the first line; plain text reported everything on line 1."""
    import json

    f = tmp_path / name
    f.write_bytes(text.encode("utf-8"))
    report = json.loads(mtfix("check", "--no-syntax", "--format", "json", str(f)).stdout)
    found = sorted({x["line"] for x in report["files"][0]["findings"]})
    assert found == lines
    fixed = subprocess.run([sys.executable, "-m", "mtfix", "fix", "--no-syntax", str(f)], capture_output=True,
                           cwd=ROOT).stdout  # bytes: text mode would turn every CR into LF
    assert fixed.count(b"\r") == text.count("\r") and b"\n" not in fixed  # line ends kept as they were


def test_a_list_file_that_never_ends_is_an_error(tmp_path):
    """Issue 10 §16: `accept-file = "/dev/zero"` read until MemoryError."""
    (tmp_path / "a.txt").write_text(FIXABLE, encoding="utf-8")
    (tmp_path / "mtfix.toml").write_text('accept-file = "/dev/zero"\n', encoding="utf-8")
    t = time.monotonic()
    out = mtfix("check", "--no-syntax", "a.txt", cwd=tmp_path, timeout=120)
    assert time.monotonic() - t < 30
    assert out.returncode == 2 and "not a word list" in out.stderr and "Traceback" not in out.stderr


def _many_headings(n: int) -> list[str]:
    """Distinct headings (random letters: no two are near repeats), each with a paragraph."""
    import random

    rnd = random.Random(n)
    heads = [" ".join("".join(rnd.choices("abcdefghijklmnoprstuw", k=7)) for _ in range(5)).capitalize()
             for _ in range(n)]
    return heads


def test_duplicate_heading_check_compares_each_heading_with_a_bounded_number(monkeypatch):
    """Issue 10 §11: every heading was compared with every earlier one (a 4 MB file took 60 s). Count
    the fuzzy comparisons: they must grow with the headings, not with their square, while an exact
    repeat far down is still found."""
    from mtfix.detectors import headings
    from mtfix.engine import Checker
    from mtfix.markdown import parse
    from mtfix.rules import load_all

    calls = []
    real = headings.fuzz.ratio

    class Counting:
        @staticmethod
        def ratio(*a, **kw):
            calls.append(1)
            return real(*a, **kw)

    monkeypatch.setattr(headings, "fuzz", Counting)
    checker = Checker(load_all(), select=["MT211"], syntax=False)
    for n in (500, 2000):
        calls.clear()
        heads = _many_headings(n)
        text = "".join(f"# {h}\n\nThe council met on Monday and voted.\n\n" for h in heads) + f"# {heads[7]}\n"
        found = checker.check(parse("a.md", text))
        assert calls and len(calls) <= 100 * n  # two blocks a heading
        assert [f.text for f in found] == [f"# {heads[7]}\n"]


@pytest.mark.parametrize("text", [
    "Share " + "on " * 66_000 + "x",  # MT207's connector words ('Share on Facebook') were unbounded: 5 s a line
    "Munich " + "A/" * 99_000,  # MT323's dateline: slashes inside and between words
])
def test_a_hostile_line_does_not_make_a_builtin_pattern_backtrack(tmp_path, text):
    """Lines within the 200,000-character limit, ten of them: quadratic work in one pattern shows."""
    f = tmp_path / "a.txt"
    f.write_text((text + "\n\n") * 10, encoding="utf-8")
    t = time.monotonic()
    out = mtfix("check", "--no-syntax", str(f), timeout=120)
    assert time.monotonic() - t < 20 and out.returncode in (0, 1), out.stderr


@pytest.mark.parametrize("text", [
    "The text " + "<!-- x " * 28_500,  # 60 s before
    "The text " + "<a " * 60_000,  # 35 s before
    "The text " + "``x `" * 30_000,
    "The text " + "](x " * 45_000,
])
def test_markdown_inline_syntax_is_masked_in_linear_time(tmp_path, text):
    """Issue 10 §12: an unclosed comment, tag or code span was scanned to the end of the text once per
    opener."""
    f = tmp_path / "a.md"
    f.write_text(text + "\n", encoding="utf-8")
    t = time.monotonic()
    out = mtfix("check", "--no-syntax", str(f), timeout=120)
    assert time.monotonic() - t < 20 and out.returncode in (0, 1), out.stderr


@pytest.mark.parametrize("text,masked,kept", [
    ("A `code span` and <!-- a comment --> in prose.", ["`code span`", "<!-- a comment -->"], ["in prose"]),
    ("Ticks ``a ` b`` close with a run as long.", ["``a ` b``"], ["close with"]),
    ("An unclosed `tick and <b>bold</b> text.", ["<b>", "</b>"], ["unclosed `tick and", "bold", "text"]),
    ("A comment <!-- with `ticks --> then `real code`.", ["<!-- with `ticks -->", "`real code`"], ["then"]),
    ("A tag inside `code <b>` is code.", ["`code <b>`"], ["is code"]),
    ("See [the page](https://example.org/a_(b)) today.", ["](https://example.org/a_(b)"], ["the page", "today"]),
])
def test_markdown_code_spans_and_comments_are_paired_as_commonmark_does(text, masked, kept):
    from mtfix.document import MASK
    from mtfix.markdown import parse

    doc = parse("a.md", text + "\n")
    for part in masked:
        i = text.index(part)
        assert set(doc.masked[i : i + len(part)]) == {MASK}, part
    for part in kept:
        i = text.index(part)
        assert doc.masked[i : i + len(part)] == part


def test_a_minified_html_page_on_one_line_is_checked(tmp_path):
    """Issue 10 §15: the 200,000-character line limit refused saved web pages and CMS exports, which
    are often one line. It now applies to text blocks only."""
    import json

    script = "<script>var data = [" + ",".join(str(i) for i in range(300_000)) + "];</script>"
    paras = "".join(f"<p>The council met on day {i} and the vote was 90 % in favour.</p>" for i in range(3000))
    page = tmp_path / "page.html"
    page.write_text(f"<!DOCTYPE html><html><head>{script}</head><body>{paras}</body></html>", encoding="utf-8")
    assert page.stat().st_size > 2_000_000 and page.read_text().count("\n") == 0
    out = mtfix("check", "--no-syntax", "--format", "json", str(page), timeout=300)
    assert out.returncode == 0, out.stderr  # minor findings only
    found = json.loads(out.stdout)["files"][0]["findings"]
    assert sum(f["rule"] == "MT301" for f in found) == 3000

    prose = tmp_path / "prose.html"
    prose.write_text("<html><body>\n<p>" + "The council met on Monday. " * 8000 + "</p></body></html>", encoding="utf-8")
    out = mtfix("check", "--no-syntax", str(prose))
    assert out.returncode == 2 and "prose.html: line 2: a text block runs 216,000 characters" in out.stderr
    out = mtfix("check", "--no-syntax", str(tmp_path))  # found in a folder: skipped with a warning
    assert out.returncode == 0 and "warning: skipped" in out.stderr and "prose.html" in out.stderr


def test_scores_follow_the_baseline_and_a_failed_min_score_says_which_file(tmp_path):
    """Issue 10 §24: after --baseline a file showed "0 finding(s) … quality 61.1/100", and --min-score
    exited 1 with nothing shown."""
    import json

    bad = tmp_path / "bad.txt"
    bad.write_text("The vote could nicht be held. Turnout was 71 % , police said.\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("The vote was held on Sunday, and turnout was high.\n", encoding="utf-8")
    base = tmp_path / "base.json"
    assert mtfix("check", "--no-syntax", "--baseline", str(base), "--write-baseline", str(bad)).returncode == 0
    out = mtfix("check", "--no-syntax", "--format", "json", "--min-score", "90", "--baseline", str(base), str(bad))
    assert out.returncode == 0
    doc = json.loads(out.stdout)["files"][0]
    assert doc["findings"] == [] and doc["score"]["quality"] == 100.0
    assert doc["min_score"] == {"required": 90.0, "passed": True}

    gate = "bad.txt: quality"
    for fmt, marker in [("text", "is below the minimum score 90 (by "), ("concise", "is below the minimum score 90"),
                        ("github", "::error file="), ("junit", 'type="min-score"'), ("sarif", '"ruleId": "min-score"'),
                        ("json", '"passed": false')]:
        out = mtfix("check", "--no-syntax", "--fail-on", "critical", "--min-score", "90", "--format", fmt, str(bad),
                    str(good))
        assert out.returncode == 1, fmt
        assert marker in out.stdout, fmt
        assert "good.txt" not in [ln.split(":")[0].rsplit("/", 1)[-1] for ln in out.stdout.splitlines()
                                  if "below the minimum" in ln], fmt
        if fmt in ("text", "concise"):
            assert gate in out.stdout
        if fmt == "sarif":
            import jsonschema

            from tests.test_formats import SCHEMA

            jsonschema.validate(json.loads(out.stdout), SCHEMA)


@pytest.mark.parametrize("name,content,message", [
    ("mtfix.toml", "a = " + "[" * 500 + "]" * 500 + "\n", "mtfix.toml: invalid TOML: nested too deeply"),
    ("base.json", '{"schema": "mtfix-baseline/2", "findings": ' + "[" * 1000 + "]" * 1000 + "}",
     "base.json: not a baseline file (nested too deeply)"),
    ("rules/x.yaml", "rules: " + "[" * 2000 + "]" * 2000 + "\n", "x.yaml:1: invalid YAML: exceeded maximum nesting depth"),
])
def test_deep_nesting_is_a_one_line_error(tmp_path, name, content, message):
    """Issue 10 §16: 500-deep TOML and 1,000-deep baseline JSON raised RecursionError."""
    (tmp_path / "rules").mkdir()
    (tmp_path / name).write_text(content, encoding="utf-8")
    if name.startswith("rules/"):
        (tmp_path / "mtfix.toml").write_text('rule-dirs = ["rules"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(FIXABLE, encoding="utf-8")
    extra = ["--baseline", "base.json"] if name == "base.json" else []
    out = mtfix("check", "--no-syntax", *extra, "a.txt", cwd=tmp_path)
    assert out.returncode == 2 and message in out.stderr and out.stderr.count("\n") == 1, out.stderr
