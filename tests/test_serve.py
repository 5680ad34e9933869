"""`mtfix serve` against real LanguageTool clients: language-tool-python and plain HTTP."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.conftest import ROOT, SEED

pytest.importorskip("starlette", reason="the serve extra is not installed")
requests = pytest.importorskip("requests", reason="language-tool-python's HTTP library is not installed")
ltp = pytest.importorskip("language_tool_python", reason="the languagetool extra is not installed")

MAX_CHARS = 50_000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(*args: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "mtfix", "serve", "--port", str(port), *args],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"mtfix serve exited {proc.returncode}: {proc.stderr.read()}")
        try:
            if requests.get(url + "/health", timeout=1).status_code == 200:
                return proc, url
        except requests.ConnectionError:
            time.sleep(0.2)
    proc.kill()
    raise AssertionError("mtfix serve did not answer within 120 s")


@pytest.fixture(scope="module")
def server():
    proc, url = start_server("--max-chars", str(MAX_CHARS), "--workers", "2")
    yield url
    proc.terminate()
    proc.wait(timeout=20)
    assert "Traceback" not in proc.stderr.read()


def post(url: str, **fields) -> requests.Response:
    return requests.post(url + "/v2/check", data={"language": "en-US", **fields}, timeout=60)


def cli_findings(path) -> list[dict]:
    out = subprocess.run([sys.executable, "-m", "mtfix", "check", "--format", "json", str(path)],
                         cwd=ROOT, capture_output=True, text=True)
    return json.loads(out.stdout)["files"][0]["findings"]


def test_language_tool_python_gets_the_findings_of_check(server):
    tool = ltp.LanguageTool("en-US", remote_server=server)
    text = SEED.read_text(encoding="utf-8")
    matches = tool.check(text)
    expected = cli_findings(SEED)
    assert len(expected) > 20
    assert [(m.rule_id, m.offset, m.offset + m.error_length) for m in matches] == [
        (f["rule"], f["start"], f["end"]) for f in expected]
    fixes = {(f["start"], f["replacements"][0]) for f in expected if f["fix"]}
    assert fixes == {(m.offset, m.replacements[0]) for m in matches if m.replacements}
    assert all(m.message and m.category and m.rule_issue_type for m in matches)


def test_correct_is_the_text_of_fix_with_unsafe_fixes(server):
    tool = ltp.LanguageTool("en-US", remote_server=server)
    text = SEED.read_text(encoding="utf-8")
    fixed = subprocess.run([sys.executable, "-m", "mtfix", "fix", "--unsafe-fixes", str(SEED)], cwd=ROOT,
                           capture_output=True, text=True).stdout
    assert fixed != text
    assert tool.correct(text) == fixed


def test_offsets_and_lengths_are_utf16_code_units(server):
    text = "👍🏽 Prices rose by 90 % 😀 and cost $ 5 🇩🇪 in the Iranische city."
    body = post(server, text=text).json()
    units = text.encode("utf-16-le")
    spans = {m["rule"]["id"]: units[2 * m["offset"]: 2 * (m["offset"] + m["length"])].decode("utf-16-le")
             for m in body["matches"]}
    assert spans["MT301"] == "90 %" and spans["MT302"] == "$ 5"
    assert any(s == "Iranische" for s in spans.values())
    for m in body["matches"]:  # the context's offset counts in the same units
        c = m["context"]
        assert c["text"].encode("utf-16-le")[2 * c["offset"]: 2 * (c["offset"] + c["length"])].decode("utf-16-le") \
            == spans[m["rule"]["id"]]
    tool = ltp.LanguageTool("en-US", remote_server=server)  # the client maps them back to code points
    assert {text[m.offset: m.offset + m.error_length] for m in tool.check(text)} == set(spans.values())


def test_annotated_text_skips_markup_and_offsets_count_it(server):
    parts = [{"markup": "<p class=\"90 %\">"}, {"text": "Prices rose by "}, {"markup": "<b>"},
             {"text": "90 %"}, {"markup": "</b>"}, {"markup": "<br/>", "interpretAs": "\n\n"},
             {"text": "It cost $ 5."}, {"markup": "</p>"}]
    original = "".join(p.get("text", p.get("markup")) for p in parts)
    body = post(server, data=json.dumps({"annotation": parts})).json()
    found = {(m["rule"]["id"], original[m["offset"]: m["offset"] + m["length"]]) for m in body["matches"]}
    assert found == {("MT301", "90 %"), ("MT302", "$ 5")}  # not the 90 % inside the attribute


def test_rule_and_category_parameters(server, all_rules):
    text = "Prices rose by 90 % and cost $ 5."
    rules = lambda **kw: sorted(m["rule"]["id"] for m in post(server, text=text, **kw).json()["matches"])  # noqa: E731
    assert rules() == ["MT301", "MT302"]
    assert rules(disabledRules="MT301,WHITESPACE_RULE") == ["MT302"]  # LanguageTool's own ids are ignored
    assert rules(disabledRules="space-before-percent") == ["MT302"]  # by name too
    assert rules(disabledCategories="LOCALE_NUMBER_FORMAT") == []
    assert rules(disabledCategories="LOCALE") == []
    assert rules(enabledRules="MT302", enabledOnly="true") == ["MT302"]
    assert rules(enabledCategories="LOCALE_NUMBER_FORMAT", enabledOnly="true") == ["MT301", "MT302"]
    opt_in = next(r for r in all_rules.values() if not r.default and r.bad and not r.parser)
    example = opt_in.bad[0].text
    plain = [m["rule"]["id"] for m in post(server, text=example).json()["matches"]]
    picky = [m["rule"]["id"] for m in post(server, text=example, level="picky").json()["matches"]]
    enabled = [m["rule"]["id"] for m in post(server, text=example, enabledRules=opt_in.code).json()["matches"]]
    assert opt_in.code not in plain and opt_in.code in picky and opt_in.code in enabled


@pytest.mark.parametrize("fields, status, says", [
    ({}, 400, "missing 'text' or 'data'"),
    ({"text": "x", "language": "de-DE"}, 400, "not supported"),
    ({"text": "x", "language": ""}, 400, "missing 'language'"),
    ({"data": "{not json"}, 400, "not valid JSON"),
    ({"data": json.dumps({"annotation": [{"text": 3}]})}, 400, "annotation 0"),
    ({"text": "x", "enabledOnly": "true"}, 400, "needs 'enabledRules'"),
    ({"text": "x", "level": "extreme"}, 400, "'level'"),
    ({"text": "x" * (MAX_CHARS + 1)}, 413, "over the limit"),
])
def test_bad_requests_are_json_errors(server, fields, status, says):
    fields = {"language": "en-US", **fields}
    r = requests.post(server + "/v2/check", data=fields, timeout=30)
    assert r.status_code == status
    assert says in r.json()["error"]["message"]


def test_other_bad_requests(server):
    r = requests.post(server + "/v2/check", data=b"x" * (4 * MAX_CHARS + 70_000),
                      headers={"content-type": "application/x-www-form-urlencoded"}, timeout=30)
    assert r.status_code == 413
    r = requests.post(server + "/v2/check", json={"text": "x", "language": "en"}, timeout=30)
    assert r.status_code == 415 and "x-www-form-urlencoded" in r.json()["error"]["message"]
    r = requests.post(server + "/v2/check", data=b"text=%ff%fe&language=en",
                      headers={"content-type": "application/x-www-form-urlencoded"}, timeout=30)
    assert r.status_code == 400 and "cannot be read" in r.json()["error"]["message"]
    r = requests.get(server + "/v3/nothing", timeout=30)
    assert r.status_code == 404 and r.json()["error"]["status"] == 404
    r = requests.get(server + "/v2/check", params={"text": "It cost $ 5.", "language": "auto"}, timeout=30)
    assert r.status_code == 200 and r.json()["language"]["detectedLanguage"]["code"] == "en-US"


def test_languages_and_health(server):
    langs = requests.get(server + "/v2/languages", timeout=30).json()
    assert {"en-US", "en-GB"} <= {lang["longCode"] for lang in langs}
    assert requests.get(server + "/v2/healthcheck", timeout=30).json()["status"] == "ok"


def test_twenty_concurrent_clients_two_hundred_requests(server):
    text = SEED.read_text(encoding="utf-8")[:3000]
    expected = len(post(server, text=text).json()["matches"])
    with ThreadPoolExecutor(20) as pool:
        results = list(pool.map(lambda i: post(server, text=text), range(200)))
    assert [r.status_code for r in results] == [200] * 200
    assert {len(r.json()["matches"]) for r in results} == {expected}


def test_serve_without_its_extra_is_one_line_and_exit_2(tmp_path):
    code = "import sys; sys.modules['uvicorn'] = None; from mtfix.cli import main; sys.argv = ['mtfix', 'serve']; main()"
    r = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert r.returncode == 2
    assert r.stderr.strip().count("\n") == 0 and "mtfix[serve]" in r.stderr


def test_without_workers_the_server_checks_in_its_own_process():
    proc, url = start_server("--workers", "0", "--no-syntax")
    try:
        with ThreadPoolExecutor(4) as pool:
            results = list(pool.map(lambda i: post(url, text=f"Prices rose by {i} %."), range(8)))
        assert [[m["rule"]["id"] for m in r.json()["matches"]] for r in results] == [["MT301"]] * 8
    finally:
        proc.terminate()
        proc.wait(timeout=20)
