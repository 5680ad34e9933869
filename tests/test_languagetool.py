"""`--languagetool URL`: LanguageTool's findings joined to mtfix's, through language-tool-python.

The server here is `mtfix serve` on loopback, which speaks LanguageTool's API: the test exercises
language-tool-python's real encoding and decoding end to end. A real LanguageTool server is used
too when MTFIX_LANGUAGETOOL_URL names one.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SEED
from tests.test_serve import start_server

pytest.importorskip("starlette", reason="the serve extra is not installed")
pytest.importorskip("language_tool_python", reason="the languagetool extra is not installed")

HTML = ("<html><body><h1>Prices</h1><p>Prices rose <b>by</b> 90 % in the city.</p>"
        "<p>It cost 👍 $ 5 and <i>more</i>.</p></body></html>\n")


@pytest.fixture(scope="module")
def lt_url():
    proc, url = start_server("--no-syntax", "--workers", "1")
    yield url
    proc.terminate()
    proc.wait(timeout=20)


def mtfix(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mtfix", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def findings(r: subprocess.CompletedProcess) -> list[dict]:
    assert r.returncode in (0, 1), r.stderr
    return json.loads(r.stdout)["files"][0]["findings"]


def test_languagetool_matches_become_findings_at_the_right_place_through_html(tmp_path, lt_url):
    page = tmp_path / "a.html"
    page.write_text(HTML, encoding="utf-8")
    got = findings(mtfix("check", "--format", "json", "--no-syntax", "--languagetool", lt_url, "--select", "LT", str(page)))
    assert {f["rule"] for f in got} == {"LT:MT301", "LT:MT302"}
    for f in got:
        assert HTML[f["start"]:f["end"]] == f["text"]  # code points of the file, past markup and an emoji
        assert HTML.splitlines()[f["line"] - 1][f["column"] - 1:].startswith(f["text"])
        assert f["fix"] == "unsafe" and f["replacements"] and f["category"] == "locale/punctuation"
        assert f["message"].endswith("(LanguageTool)")
    assert {f["text"] for f in got} == {"90 %", "$ 5"}


def test_mtfix_findings_win_an_overlap_and_name_the_languagetool_rule(tmp_path, lt_url):
    page = tmp_path / "a.html"
    page.write_text(HTML, encoding="utf-8")
    plain = findings(mtfix("check", "--format", "json", "--no-syntax", str(page)))
    joined = findings(mtfix("check", "--format", "json", "--no-syntax", "--languagetool", lt_url, str(page)))
    assert [(f["rule"], f["start"]) for f in joined] == [(f["rule"], f["start"]) for f in plain]
    assert all(f["message"].endswith(f"(LanguageTool: {f['rule']})") for f in joined)


def test_selectors_and_config_apply_to_languagetool_codes(tmp_path, lt_url):
    page = tmp_path / "a.html"
    page.write_text(HTML, encoding="utf-8")
    got = findings(mtfix("check", "--format", "json", "--no-syntax", "--languagetool", lt_url, "--select", "LT",
                         "--ignore", "LT:MT301", str(page)))
    assert [f["rule"] for f in got] == ["LT:MT302"]
    (tmp_path / "mtfix.toml").write_text(f'languagetool = "{lt_url}"\nselect = ["LT:MT301"]\n', encoding="utf-8")
    got = findings(mtfix("check", "--format", "json", "--no-syntax", "a.html", cwd=tmp_path))
    assert [f["rule"] for f in got] == ["LT:MT301"]
    (tmp_path / "mtfix.toml").write_text('languagetool = "ftp://x"\n', encoding="utf-8")
    r = mtfix("check", "--no-syntax", "a.html", cwd=tmp_path)
    assert r.returncode == 2 and "mtfix.toml" in r.stderr and "URL" in r.stderr


def test_an_unreachable_server_is_one_warning_or_with_required_exit_2(tmp_path):
    page = tmp_path / "a.txt"
    page.write_text("Prices rose by 90 %.\n\nThen by 5 %.\n", encoding="utf-8")
    other = tmp_path / "b.txt"
    other.write_text("Prices fell by 3 %.\n", encoding="utf-8")
    dead = "http://127.0.0.1:9"  # discard port: nothing listens
    r = mtfix("check", "--format", "json", "--no-syntax", "--languagetool", dead, str(page), str(other))
    assert r.returncode == 0 and r.stderr.count("warning") == 1 and "cannot connect" in r.stderr  # minor findings only
    assert {f["rule"] for f in json.loads(r.stdout)["files"][0]["findings"]} == {"MT301"}
    r = mtfix("check", "--no-syntax", "--languagetool", dead, "--languagetool-required", str(page))
    assert r.returncode == 2 and r.stderr.strip().count("\n") == 0 and "cannot connect" in r.stderr


def test_the_core_never_imports_language_tool_python():
    code = ("import sys; from mtfix.cli import main; sys.argv = ['mtfix', 'check', '-q', sys.argv[1]]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "assert 'language_tool_python' not in sys.modules and 'starlette' not in sys.modules, 'imported'")
    r = subprocess.run([sys.executable, "-c", code, str(SEED)], cwd=ROOT, capture_output=True, text=True)
    assert "imported" not in r.stderr and r.returncode == 0, r.stderr


@pytest.mark.skipif(not os.environ.get("MTFIX_LANGUAGETOOL_URL"), reason="MTFIX_LANGUAGETOOL_URL names no LanguageTool server")
def test_a_real_languagetool_server(tmp_path):
    page = tmp_path / "a.md"
    page.write_text("# Prices\n\nThis are a **mistake** in the the text, and 90 % too.\n", encoding="utf-8")
    got = findings(mtfix("check", "--format", "json", "--no-syntax", "--languagetool",
                         os.environ["MTFIX_LANGUAGETOOL_URL"], str(page)))
    text = page.read_text(encoding="utf-8")
    lt = [f for f in got if f["rule"].startswith("LT:")]
    assert lt and all(text[f["start"]:f["end"]] == f["text"] for f in lt)
    assert any(f["rule"] == "MT301" for f in got)
