"""`mtfix report` in a real browser: Debian's chromium and chromium-driver, driven by selenium.

.ci/run installs them; elsewhere these tests skip, saying which part is missing. The screenshot of
the seed's report is kept in build/test-artifacts/ (the README's is docs/report.png).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from mtfix.finding import Finding, FixSafety, Severity
from mtfix.fixes import apply
from tests.conftest import ROOT, SEED

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
ARTIFACTS = ROOT / "build" / "test-artifacts"



@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not (CHROMIUM and DRIVER):
        pytest.skip("Debian's chromium and chromium-driver are not installed "
                    "(apt-get install chromium chromium-driver; .ci/run does)")
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (the test extra)")
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    downloads = tmp_path_factory.mktemp("downloads")
    opts = Options()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000", "--disable-dev-shm-usage"):
        opts.add_argument(arg)
    opts.binary_location = CHROMIUM
    opts.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                           "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    driver.downloads = downloads
    yield driver
    driver.quit()


def mtfix(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mtfix", *args], cwd=ROOT, capture_output=True)


def report_of(tmp_path: Path, *paths: Path) -> Path:
    out = tmp_path / "report.html"
    r = mtfix("report", *map(str, paths), "-o", str(out))
    assert r.returncode == 0, r.stderr
    return out


def findings_of(path: Path) -> list[dict]:
    return json.loads(mtfix("check", "--format", "json", str(path)).stdout)["files"][0]["findings"]


def download(browser, name: str) -> bytes:
    target = browser.downloads / name
    if target.exists():
        target.unlink()
    browser.find_element("css selector", "button.download").click()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if target.exists() and not list(browser.downloads.glob("*.crdownload")):
            return target.read_bytes()
        time.sleep(0.1)
    raise AssertionError(f"no download of {name}")


def test_seed_report_highlights_every_finding_and_downloads_what_fix_writes(browser, tmp_path):
    page = report_of(tmp_path, SEED)
    browser.get(page.as_uri())
    expected = findings_of(SEED)
    marks = browser.find_elements("css selector", "mark.f")
    assert len(marks) == len(expected) > 20
    got = sorted((m.get_attribute("data-rule"), int(m.get_attribute("data-start")), int(m.get_attribute("data-end")),
                  m.get_attribute("data-severity")) for m in marks)
    assert got == sorted((f["rule"], f["start"], f["end"], f["severity"]) for f in expected)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "report-seed.png"))

    # by default the safe fixes are accepted: the download is `mtfix fix`, byte for byte
    assert download(browser, SEED.name) == mtfix("fix", str(SEED)).stdout

    # accept two unsafe suggestions, reject one safe fix: the download is `mtfix fix` of that
    # selection. Rules with one finding each make it a selection of rules, which the CLI can make.
    text = SEED.read_text(encoding="utf-8")
    count = Counter(f["rule"] for f in expected)
    safe = [i for i, f in enumerate(expected) if f["fix"] == "safe"]
    unsafe = [i for i, f in enumerate(expected) if f["fix"] == "unsafe"]
    accept = [i for i in unsafe if count[expected[i]["rule"]] == 1][:2]
    reject = next(i for i in safe if count[expected[i]["rule"]] == 1)
    index = {(f["rule"], f["start"]): i for i, f in enumerate(expected)}
    page_i = {index[(m.get_attribute("data-rule"), int(m.get_attribute("data-start")))]: m.get_attribute("data-i")
              for m in marks}
    for i in accept:
        browser.find_element("css selector", f'button.accept[data-i="{page_i[i]}"]').click()
    browser.find_element("css selector", f'button.reject[data-i="{page_i[reject]}"]').click()
    chosen = [Finding(f["rule"], f["name"], f["category"], Severity(f["severity"]), f["start"], f["end"], f["text"],
                      f["message"], tuple(f["replacements"]), FixSafety(f["fix"]))
              for i, f in enumerate(expected) if i in accept or (i in safe and i != reject)]
    downloaded = download(browser, SEED.name)
    assert downloaded == apply(text, chosen)[0].encode("utf-8")
    rules = sorted({expected[i]["rule"] for i in safe} - {expected[reject]["rule"]} | {expected[i]["rule"] for i in accept})
    assert downloaded == mtfix("fix", "--unsafe-fixes", "--select", ",".join(rules), str(SEED)).stdout


def test_code_points_bom_and_crlf_survive_the_download(browser, tmp_path):
    art = tmp_path / "emoji.txt"
    art.write_bytes("\ufeff👍🏽 Prices rose by 90 % 😀.\r\nIt cost $ 5 in the 🇩🇪 city.\r\n".encode("utf-8"))
    browser.get(report_of(tmp_path, art).as_uri())
    marks = browser.find_elements("css selector", "mark.f")
    text = art.read_bytes().decode("utf-8").removeprefix("\ufeff")  # CRLF kept, as mtfix reads it
    assert {text[int(m.get_attribute("data-start")):int(m.get_attribute("data-end"))] for m in marks} >= {"90 %", "$ 5"}
    fixed = download(browser, art.name)
    assert fixed == mtfix("fix", str(art)).stdout and fixed.startswith(b"\xef\xbb\xbf") and b"90%" in fixed


def test_hostile_article_text_stays_text(browser, tmp_path):
    hostile = ('Prices rose by 90 % <script>window.pwned = 1</script> and "onload=window.pwned=2 x\n'
               "</textarea></pre></script><script>window.pwned = 3</script><img src=x onerror=window.pwned=4>\n"
               "Close </mark></section> 'quote' & ampersand \u2028 separator.\n")
    art = tmp_path / "hostile.txt"
    art.write_text(hostile, encoding="utf-8")
    browser.get(report_of(tmp_path, art).as_uri())
    assert browser.execute_script("return window.pwned === undefined")
    assert browser.find_elements("css selector", "pre.article img") == []
    shown = browser.execute_script("return document.querySelector('pre.article').textContent")
    marks = "".join(m.text for m in browser.find_elements("css selector", "mark.marker"))
    assert shown.replace(marks, "") == hostile if marks else shown == hostile
    assert browser.execute_script("return window.mtfixCorrectedText(0)").startswith("Prices rose by 90% <script>")


def test_filters_focus_and_the_index_of_many_files(browser, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Prices rose by 90 % and cost $ 5 in the Iranische city.\n", encoding="utf-8")
    b.write_text("A clean sentence about the weather in the city today.\n", encoding="utf-8")
    browser.get(report_of(tmp_path, a, b, SEED).as_uri())
    rows = lambda: [r.find_element("css selector", "td").text for r in  # noqa: E731
                    browser.find_elements("css selector", "table.index tbody tr")]
    assert len(rows()) == 3
    header = browser.find_element("css selector", 'th.sort[data-col="1"]')
    header.click()  # by quality, worst first
    first = rows()
    header.click()
    assert rows() == first[::-1] and first[-1].endswith("b.txt")

    section = browser.find_element("id", "file-0")
    select = section.find_element("css selector", 'select.filter[data-kind="severity"]')
    from selenium.webdriver.support.ui import Select

    Select(select).select_by_value("minor")
    visible = [li for li in section.find_elements("css selector", "li.item") if li.is_displayed()]
    assert visible and all(li.get_attribute("data-severity") == "minor" for li in visible)
    off = section.find_elements("css selector", "mark.f.off")
    assert off and all(m.get_attribute("data-severity") != "minor" for m in off)

    style = "return getComputedStyle(document.querySelector('mark.f.' + arguments[0])).textDecorationStyle"
    assert len({browser.execute_script(style, s) for s in ("major", "minor")}) == 2  # told apart without colour
    assert all(li.find_element("css selector", ".sev").text.endswith(li.get_attribute("data-severity")) for li in visible)

    link = visible[0].find_element("css selector", "a.go")
    link.click()
    active = browser.switch_to.active_element
    assert active.tag_name == "mark" and active.get_attribute("data-i") == link.get_attribute("data-i")
    tip = browser.find_element("id", "tip")
    assert tip.is_displayed() and active.get_attribute("data-rule") in tip.text


def test_report_refuses_stdin_and_overwriting_an_input(tmp_path):
    r = mtfix("report", "-", "-o", str(tmp_path / "r.html"))
    assert r.returncode == 2 and b"stdin" in r.stderr
    r = mtfix("report", str(SEED), "-o", str(SEED))
    assert r.returncode == 2 and b"overwritten" in r.stderr
    assert os.path.getsize(SEED) > 1000
