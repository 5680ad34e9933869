"""Issue 10 §26–28 and §32: the command line as ruff users expect it."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

BAD = "Turnout was 71 % on Sunday , police said.\n"  # safe fixes (MT301, MT313), minor
WORSE = "The vote could nicht be held.\n"  # MT101, major, no safe fix
CLEAN = "The vote was held on Sunday, and turnout was high.\n"


def mtfix(*args, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mtfix", *args], capture_output=True, text=True, cwd=cwd or ROOT)


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text(BAD + "\n" + WORSE, encoding="utf-8")
    (tmp_path / "c.txt").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def test_fix_takes_folders_and_files_in_place(folder):
    out = mtfix("fix", "--no-syntax", "--in-place", str(folder / "sub"), str(folder / "a.txt"), str(folder / "c.txt"))
    assert out.returncode == 0, out.stderr
    assert (folder / "a.txt").read_text() == "Turnout was 71% on Sunday, police said.\n"
    assert (folder / "sub" / "b.md").read_text().startswith("Turnout was 71% on Sunday, police said.\n")
    assert (folder / "c.txt").read_text() == CLEAN
    assert "applied 4 fix(es) to 2 of 3 file(s)" in out.stderr


def test_fix_prints_one_diff_for_many_files_that_git_applies(folder):
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    out = mtfix("fix", "--no-syntax", "--diff", ".", cwd=folder)
    assert out.returncode == 0
    assert out.stdout.count("\n+++ ") + out.stdout.startswith("+++ ") == 2  # a.txt and sub/b.md, not c.txt
    check = subprocess.run(["git", "apply", "--check"], input=out.stdout, text=True,
                           cwd=folder, capture_output=True)
    assert check.returncode == 0, check.stderr
    assert (folder / "a.txt").read_text() == BAD  # --diff changes nothing


def test_fix_needs_in_place_or_diff_for_many_files(folder):
    out = mtfix("fix", "--no-syntax", str(folder))
    assert out.returncode == 2 and "--in-place or --diff" in out.stderr


def test_fix_select_ignore_and_extend_select(folder):
    f = folder / "a.txt"
    out = mtfix("fix", "--no-syntax", "--select", "MT301", str(f))
    assert out.stdout == "Turnout was 71% on Sunday , police said.\n"
    out = mtfix("fix", "--no-syntax", "--ignore", "MT301", str(f))
    assert out.stdout == "Turnout was 71 % on Sunday, police said.\n"
    out = mtfix("fix", "--no-syntax", "--select", "MT301", "--extend-select", "MT313", str(f))
    assert out.stdout == "Turnout was 71% on Sunday, police said.\n"


def test_fix_exit_non_zero_on_fix(folder):
    a, b, c = folder / "a.txt", folder / "sub" / "b.md", folder / "c.txt"
    assert mtfix("fix", "--no-syntax", "--exit-non-zero-on-fix", str(c)).returncode == 0  # nothing to do
    assert mtfix("fix", "--no-syntax", "--exit-non-zero-on-fix", str(a)).returncode == 1  # something changed
    assert mtfix("fix", "--no-syntax", str(a)).returncode == 0  # without the flag a fix is success
    (folder / "d.txt").write_text(WORSE, encoding="utf-8")  # nothing fixable, a major finding remains
    d = folder / "d.txt"
    assert mtfix("fix", "--no-syntax", "--exit-non-zero-on-fix", str(d)).returncode == 1
    assert mtfix("fix", "--no-syntax", "--exit-non-zero-on-fix", "--fail-on", "critical", str(d)).returncode == 0
    assert mtfix("fix", "--no-syntax", "--in-place", "--exit-non-zero-on-fix", str(b)).returncode == 1


def test_fix_show_fixes_lists_them_as_text(folder):
    out = mtfix("fix", "--no-syntax", "--show-fixes", str(folder / "a.txt"))
    assert "MT301 “71 %” → “71%” (safe)" in out.stderr and "'" not in out.stderr.split("MT301")[1].split("\n")[0]


def test_quiet_statistics_exit_zero_and_verbose(folder):
    base = ("check", "--no-syntax", str(folder))
    full = mtfix(*base)
    assert full.returncode == 1 and "Found 5 finding(s) in 3 file(s)" in full.stdout
    assert "c.txt" not in full.stdout  # no "0 finding(s)" line for a clean file
    assert "c.txt: 0 finding(s)" in mtfix(*base, "--verbose").stdout
    quiet = mtfix(*base, "-q")
    assert quiet.returncode == 1 and "Found" not in quiet.stdout and "quality" not in quiet.stdout
    assert quiet.stdout.count(": MT") == 5
    stats = mtfix(*base, "--statistics")
    assert stats.returncode == 1
    rows = stats.stdout.splitlines()
    assert rows[0].split()[:3] == ["2", "MT301", "[*]"] and any(r.split()[:2] == ["1", "MT101"] for r in rows)
    assert "Found" not in stats.stdout and ":1:" not in stats.stdout
    assert mtfix(*base, "--exit-zero").returncode == 0
    assert mtfix(*base, "--fail-on", "never").returncode == 0
    assert mtfix(*base, "--fail-on", "never", "--min-score", "99").returncode == 1  # the score gate still holds
    assert mtfix(*base, "--statistics", "--format", "json").returncode == 2


def test_show_fixes_in_check(folder):
    out = mtfix("check", "--no-syntax", "--show-fixes", str(folder / "a.txt"))
    assert "Fixes available (2 safe" in out.stdout and "MT313 “ ,” → “,” (safe)" in out.stdout


def test_output_format_is_an_alias_of_format(folder):
    a = mtfix("check", "--no-syntax", "--output-format", "json", str(folder / "a.txt"))
    b = mtfix("check", "--no-syntax", "--format", "json", str(folder / "a.txt"))
    assert json.loads(a.stdout) == json.loads(b.stdout)


@pytest.mark.parametrize("args,env,colored", [
    (["--color", "always"], {}, True),
    (["--color", "never"], {"FORCE_COLOR": "1"}, False),
    ([], {"FORCE_COLOR": "1"}, True),
    ([], {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
    ([], {}, False),  # a pipe
])
def test_color(folder, args, env, colored):
    base = dict(os.environ)
    base.pop("NO_COLOR", None)
    base.pop("FORCE_COLOR", None)
    out = subprocess.run([sys.executable, "-m", "mtfix", "check", "--no-syntax", *args, str(folder / "a.txt")],
                         capture_output=True, text=True, cwd=ROOT, env={**base, **env})
    assert ("\033[" in out.stdout) == colored


def test_rules_listing_is_sorted_with_a_header_and_a_legend():
    out = mtfix("rules").stdout.splitlines()
    assert out[0].split() == ["CODE", "SEVERITY", "FIX", "NAME", "CATEGORY"]
    codes = [line.split()[0] for line in out[1:] if line.startswith("MT")]
    assert codes == sorted(codes) and len(codes) > 50
    assert out[-1].startswith("FIX: safe = applied by `mtfix fix`")


def test_rules_show_takes_a_name_and_hides_paths_and_regexes_unless_verbose():
    by_code, by_name = mtfix("rules", "show", "MT301"), mtfix("rules", "show", "space-before-percent")
    assert by_code.returncode == by_name.returncode == 0 and by_code.stdout == by_name.stdout
    assert str(ROOT) not in by_code.stdout and "pattern:" not in by_code.stdout and "(?" not in by_code.stdout
    verbose = mtfix("rules", "show", "-v", "MT301").stdout
    assert "defined:" in verbose and "pattern:" in verbose
    boiler = mtfix("rules", "show", "MT201").stdout
    assert "\\n" not in boiler and "⏎" in boiler and "→ (delete)" in boiler  # text, not Python reprs


JARGON = ("verb-second", "verb-final", "verb bracket", "dative", "finite", "modal", "mojibake", "regex")


def test_messages_speak_to_editors():
    """Issue 10 §29: an editor who is not a programmer or a linguist understands every message, and
    the parser rules say what German does that English does not."""
    from mtfix.rules import load_all

    for r in load_all().values():
        low = r.message.lower()
        assert not any(j in low for j in JARGON), (r.code, r.message)
        if r.parser:
            assert "german" in low, (r.code, r.message)


def test_a_possible_name_says_how_to_accept_it(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("The Stadtrat met on Monday.\n", encoding="utf-8")
    found = json.loads(mtfix("check", "--no-syntax", "--format", "json", str(f)).stdout)["files"][0]["findings"]
    assert [x["message"] for x in found] == [
        "German word left untranslated. If this is a name, add it to `accept` in mtfix.toml"]


def test_severity_of_a_german_word_does_not_depend_on_the_glossary(monkeypatch):
    """Issue 10 §29: the same kind of German word gets the same severity whether or not a translation
    is known: the glossary only supplies the suggestion."""
    from mtfix import lexicon
    from mtfix.engine import Checker
    from tests.conftest import check_text

    text = ("The Belegschaft is prepared. The Feuerwehr came late. The Kundgebung was large. "
            "The Stadtrat met. The vote could nicht be held. It will be gewittriger tomorrow.\n")
    checker = Checker(select=["MT101"], syntax=False)
    found = check_text(checker, text)
    monkeypatch.setattr(lexicon, "glossary", lambda: {})
    bare = check_text(Checker(select=["MT101"], syntax=False), text)
    assert [(f.text, f.severity) for f in found] == [(f.text, f.severity) for f in bare] and len(found) == 6
    assert any(f.replacements for f in found) and not any(f.replacements for f in bare)  # the glossary was gone


def test_every_input_type_is_in_check_help_and_the_pre_commit_hooks():
    """Issue 10 §30: the hooks left out HTML, and `check --help` named only *.txt and *.md."""
    import re

    import yaml

    from mtfix.source import EXTENSIONS

    helptext = " ".join(mtfix("check", "--help").stdout.split())
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    for ext in EXTENSIONS:
        assert f"*{ext}" in helptext, ext
        for hook in hooks:
            assert re.search(hook["files"], f"articles/a{ext}"), (hook["id"], ext)


def test_the_documented_workflow_runs_once_and_annotates_from_that_run(tmp_path):
    """Issue 10 §30: the workflow ran mtfix twice, asked for fetch-depth 0 without using --diff-base,
    and installed from a placeholder URL. Its command is run here on a pull request of two commits."""
    import shlex

    import yaml

    flow = yaml.safe_load((ROOT / "docs" / "github-actions-mtfix.yml").read_text(encoding="utf-8"))
    steps = flow["jobs"]["mtfix"]["steps"]
    runs = [s["run"] for s in steps if "mtfix check" in s.get("run", "")]
    assert len(runs) == 1
    assert steps[0]["with"]["fetch-depth"] == 0 and "--diff-base" in runs[0]
    text = (ROOT / "docs" / "github-actions-mtfix.yml").read_text(encoding="utf-8")
    assert "example.org" not in text and "your-org" not in text and "pip install" in text

    repo = tmp_path / "repo"
    (repo / "articles").mkdir(parents=True)
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
    (repo / "articles" / "a.txt").write_text("The vote could nicht be held.\n", encoding="utf-8")
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "base"], check=True)
    subprocess.run([*git, "checkout", "-qb", "pr"], check=True)
    with open(repo / "articles" / "a.txt", "a", encoding="utf-8") as fh:
        fh.write("\nThe Belegschaft is on strike.\n")
    subprocess.run([*git, "commit", "-qam", "pr"], check=True)
    argv = shlex.split(runs[0].replace("origin/${{ github.base_ref }}", "main"))
    assert argv[:2] == ["mtfix", "check"]
    out = subprocess.run([sys.executable, "-m", "mtfix", *argv[1:]], capture_output=True, text=True, cwd=repo)
    assert out.returncode == 1, out.stderr
    annotations = [ln for ln in out.stdout.splitlines() if ln.startswith("::")]
    assert len(annotations) == 1 and "line=3" in annotations[0]  # the new line only, not the base's "nicht"
    sarif = json.loads((repo / "mtfix.sarif").read_text(encoding="utf-8"))
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["MT101"]


def test_progress_follows_bytes_not_files(tmp_path):
    """Issue 10 §32: the bar estimated 8 minutes for a 5-second run: it counted files, and the first
    files were the large ones. Progress is the bytes done."""
    from mtfix.cli import _ByteBar

    small, big = tmp_path / "small.txt", tmp_path / "big.txt"
    small.write_text("x" * 10, encoding="utf-8")
    big.write_text("x" * 990, encoding="utf-8")
    bar = _ByteBar([str(big), str(small)])
    assert bar.bar.length == 1000
    bar.update(1)
    assert bar.bar.pos == 990  # 99 % done after one file of two
    bar.update(1)
    assert bar.bar.pos == 1000


def test_the_cli_offers_every_output_format():
    from mtfix import cli, output

    assert cli.FORMATS == output.FORMATS


def test_text_report_shows_each_finding_in_its_line_underlined(tmp_path):
    """Issue 11 §1: the finding in its sentence, the span underlined, the suggestion as before → after;
    long lines trimmed around the span; concise keeps one line per finding."""
    f = tmp_path / "a.txt"
    f.write_text("Intro line.\nThe vote could nicht be held on Sunday.\n" + "word " * 60 + "and the Belegschaft " +
                 "went home early " * 10 + "\n", encoding="utf-8")
    out = mtfix("check", "--no-syntax", "--select", "MT101", str(f)).stdout.splitlines()
    i = next(k for k, line in enumerate(out) if ":2:16: MT101" in line)
    assert out[i + 2] == " 2 | The vote could nicht be held on Sunday."
    assert out[i + 3] == "   |                ^^^^^"
    assert out[i + 4] == "   = suggestion: “nicht” → “not” (unsafe fix)"
    j = next(k for k, line in enumerate(out) if ":3:" in line and "MT101" in line)
    shown, marks = out[j + 2], out[j + 3]
    assert shown.startswith(" 3 | …") and shown.endswith("…") and len(shown) < 120
    start = marks.index("^")
    assert shown[start : start + len("Belegschaft")] == "Belegschaft" and marks.count("^") == len("Belegschaft")
    concise = mtfix("check", "--no-syntax", "--select", "MT101", "--format", "concise", str(f)).stdout.splitlines()
    assert len(concise) == 2 and all(": MT101 " in line for line in concise)
