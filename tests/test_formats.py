"""CI output formats (issue 4, §4): SARIF against the official schema, GitHub annotations, JUnit."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import ROOT, SEED

SCHEMA = json.loads((Path(__file__).parent / "fixtures" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mtfix", "check", "--no-syntax", *args],
                          capture_output=True, text=True, cwd=ROOT)


@pytest.fixture(scope="module")
def sarif() -> dict:
    r = run("--format", "sarif", str(SEED))
    assert r.returncode == 1
    return json.loads(r.stdout)


def test_sarif_validates_against_the_official_schema(sarif):
    jsonschema.validate(sarif, SCHEMA)


def test_sarif_rules_results_and_fixes(sarif):
    run_ = sarif["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert "MT101" in ids and all(r["help"]["text"] for r in rules)
    text = SEED.read_text(encoding="utf-8")
    lines = text.split("\n")
    for res in run_["results"]:
        assert ids[res["ruleIndex"]] == res["ruleId"]
        region = res["locations"][0]["physicalLocation"]["region"]
        if region["startLine"] == region["endLine"]:  # the region's text is exactly the snippet
            line = lines[region["startLine"] - 1]
            assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == region["snippet"]["text"]
    fixed = [r for r in run_["results"] if r.get("fixes")]
    pct = next(r for r in fixed if r["ruleId"] == "MT301")
    change = pct["fixes"][0]["artifactChanges"][0]
    assert change["replacements"][0]["insertedContent"]["text"] == "90%"


def test_github_annotations():
    r = run("--format", "github", str(SEED))
    lines = r.stdout.splitlines()
    assert lines and all(line.startswith(("::error ", "::warning ")) for line in lines)
    pct = next(line for line in lines if "MT301" in line)
    assert pct.startswith("::warning file=") and ",line=" in pct and ",endColumn=" in pct and "title=MT301" in pct
    assert any(line.startswith("::error") and "MT101" in line for line in lines)  # major → error


def test_junit_one_case_per_file_one_failure_per_finding(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("The minister resigned on Monday after a long debate in parliament.\n", encoding="utf-8")
    r = run("--format", "junit", str(SEED), str(clean))
    root = ET.fromstring(r.stdout)
    cases = root.findall(".//testcase")
    assert [c.get("name") for c in cases] == [str(SEED), str(clean)]
    concise = run("--format", "concise", str(SEED)).stdout.splitlines()
    assert len(cases[0].findall("failure")) == len(concise)
    assert cases[1].findall("failure") == []


def test_output_file_keeps_the_text_report(tmp_path):
    out = tmp_path / "report.sarif"
    r = run("--format", "sarif", "--output", str(out), str(SEED))
    assert r.returncode == 1
    assert "Found" in r.stdout and "By rule:" in r.stdout  # the human summary, grouped
    jsonschema.validate(json.loads(out.read_text(encoding="utf-8")), SCHEMA)
