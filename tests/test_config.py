"""Configuration (issue 4, §1): discovery, every key, and every bad-config error."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from mtfix.config import ConfigError
from mtfix.session import Options, Session
from tests.conftest import ROOT

ARTICLE = (
    "Drone factory in Russia\n"
    "Analysts believe that 90 % of the production steps take place in Alabuga.\n"
    "The Bündnis Sahra Wagenknecht party and the Iranische Shahed drones were discussed.\n"
)


def project(tmp_path: Path, toml: str, name: str = "mtfix.toml") -> Path:
    (tmp_path / name).write_text(toml, encoding="utf-8")
    art = tmp_path / "news" / "a.txt"
    art.parent.mkdir(exist_ok=True)
    art.write_text(ARTICLE, encoding="utf-8")
    return art


def codes(art: Path, **opts) -> set[str]:
    s = Session(Options(no_syntax=True, **opts))
    (report,) = s.reports(s.files([str(art)]))
    return {f.rule for f in report.findings}


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mtfix", *args], capture_output=True, text=True, cwd=cwd)


def test_no_config_uses_defaults(tmp_path):
    art = project(tmp_path, "")
    assert {"MT301", "MT101"} <= codes(art)


@pytest.mark.parametrize("name,toml", [
    ("mtfix.toml", 'select = ["MT3"]'),
    (".mtfix.toml", 'select = ["MT3"]'),
    ("pyproject.toml", '[project]\nname = "x"\n[tool.mtfix]\nselect = ["MT3"]'),
])
def test_found_by_walking_up(tmp_path, name, toml):
    art = project(tmp_path, toml, name)
    assert codes(art) == {"MT301"}


def test_pyproject_without_section_is_skipped(tmp_path):
    (tmp_path / "mtfix.toml").write_text('select = ["MT3"]', encoding="utf-8")
    sub = tmp_path / "news"
    sub.mkdir()
    (sub / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    art = sub / "a.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    assert codes(art) == {"MT301"}


def test_ignore_extend_select_and_opt_in(tmp_path):
    art = project(tmp_path, 'ignore = ["MT101"]\nextend-select = ["MT304"]')
    (tmp_path / "news" / "a.txt").write_text(ARTICLE + "A partner - here a supplier - is attacked.\n", encoding="utf-8")
    got = codes(art)
    assert "MT101" not in got and "MT304" in got


def test_severity_override_and_weights(tmp_path):
    art = project(tmp_path, '[severity]\nMT301 = "critical"\n[weights]\ncritical = 100')
    s = Session(Options(no_syntax=True))
    (r,) = s.reports([str(art)])
    pct = next(f for f in r.findings if f.rule == "MT301")
    assert pct.severity.value == "critical"
    assert r.quality.weights["critical"] == 100 and r.quality.counts["critical"] >= 1


def test_fail_on_and_min_score(tmp_path):
    art = project(tmp_path, 'select = ["MT3"]\nfail-on = "critical"')
    assert cli("check", "--no-syntax", str(art)).returncode == 0  # MT301 is minor
    art = project(tmp_path, 'select = ["MT3"]\nfail-on = "critical"\nmin-score = 99.9')
    assert cli("check", "--no-syntax", str(art)).returncode == 1
    assert cli("check", "--no-syntax", "--min-score", "0", str(art)).returncode == 0  # the command line wins


def test_exclude_and_per_file_ignores(tmp_path):
    art = project(tmp_path, 'exclude = ["drafts/*"]\n[per-file-ignores]\n"news/*" = ["MT101"]')
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "b.txt").write_text(ARTICLE, encoding="utf-8")
    s = Session(Options(no_syntax=True))
    files = s.files([str(tmp_path)])
    assert files == [str(art)]
    assert "MT101" not in codes(art)


def test_accept_inline_and_file(tmp_path):
    art = project(tmp_path, 'accept = ["Bündnis Sahra Wagenknecht"]\naccept-file = "accept.txt"')
    (tmp_path / "accept.txt").write_text("# house names\nIranische Shahed\n", encoding="utf-8")
    assert "MT101" not in codes(art)


def test_reject_inline_and_file(tmp_path):
    art = project(tmp_path, '[reject]\nAlabuga = "the Alabuga plant"\n')
    (tmp_path / "news" / "a.txt").write_text(ARTICLE + "Staff work in Homeoffice and at Yelabuga.\n", encoding="utf-8")
    s = Session(Options(no_syntax=True))
    (r,) = s.reports([str(art)])
    got = {(f.rule, f.text, f.replacements[:1]) for f in r.findings if f.rule == "MT901"}
    assert ("MT901", "Alabuga", ("the Alabuga plant",)) in got and ("MT901", "Homeoffice", ("working from home",)) in got
    art = project(tmp_path, 'reject-file = "reject.txt"')
    (tmp_path / "reject.txt").write_text("Yelabuga\tAlabuga\n", encoding="utf-8")
    (tmp_path / "news" / "a.txt").write_text("Drones are built at Yelabuga, officials said on Monday.\n", encoding="utf-8")
    s = Session(Options(no_syntax=True))
    (r,) = s.reports([str(art)])
    assert any(f.rule == "MT901" and f.text == "Yelabuga" for f in r.findings)


def test_rule_dirs(tmp_path):
    rules = tmp_path / "house"
    rules.mkdir()
    (rules / "house.yaml").write_text(
        "rules:\n  - code: MT950\n    name: alabuga\n    message: House name\n    category: style/awkward\n"
        "    severity: minor\n    pattern: Alabuga\n    examples: {bad: ['[[Alabuga]]'], good: ['x']}\n",
        encoding="utf-8",
    )
    art = project(tmp_path, 'rule-dirs = ["house"]')
    assert "MT950" in codes(art)


def test_syntax_switch(tmp_path):
    art = project(tmp_path, "syntax = false")
    s = Session(Options())
    checker = s.checker_for(s.config_for(str(art)))
    assert not any(checker.rules[c].parser for c in checker.ctx.enabled)


def test_config_command_prints_resolved(tmp_path):
    art = project(tmp_path, 'select = ["MT3"]\nfail-on = "minor"')
    r = cli("config", str(art))
    assert r.returncode == 0
    cfg = json.loads(r.stdout)
    assert cfg["config-file"].endswith("mtfix.toml") and cfg["select"] == ["MT3"] and cfg["fail-on"] == "minor"


def test_explicit_config_file(tmp_path):
    other = tmp_path / "ci.toml"
    other.write_text('select = ["MT1"]', encoding="utf-8")
    art = project(tmp_path, 'select = ["MT3"]')
    assert codes(art, config_file=str(other)) == {"MT101"}


@pytest.mark.parametrize("toml,message", [
    ('selct = ["MT3"]', "unknown key 'selct'; did you mean 'select'?"),
    ('select = "MT3"', "'select' must be a list of strings"),
    ('select = ["MT999"]', "unknown rule code, category or name 'MT999'"),
    ('ignore = ["MT10l"]', "did you mean"),
    ('fail-on = "severe"', "'fail-on' must be one of minor, major, critical"),
    ("min-score = 120", "'min-score' must be a number from 0 to 100"),
    ('reject = ["x"]', "'reject' must be a table of term = preferred term"),
    ('[severity]\nMT301 = "huge"', "'severity.MT301' must be one of minor, major, critical"),
    ('[severity]\nMT3011 = "major"', "unknown rule code 'MT3011'; did you mean MT3"),
    ('[weights]\nblocker = 3', "'weights' must be a table of minor/major/critical"),
    ('rule-dirs = ["nowhere"]', "no such folder"),
    ('accept-file = "missing.txt"', "cannot read"),
    ("syntax = 1", "'syntax' must be true or false"),
    ('[per-file-ignores]\n"*.md" = ["MT99x"]', "unknown rule code, category or name 'MT99x'"),
    ("select = [", "invalid TOML"),
    ('exclude = "drafts"', "'exclude' must be a list of strings"),
    ('per-file-ignores = ["x"]', "'per-file-ignores' must be a table"),
    ("accept = [1, 2]", "'accept' must be a list of strings"),
    ("extend-select = [\"MT9x9\"]", "unknown rule code, category or name 'MT9x9'"),
    ("reject-file = 3", "'reject-file' must be a path"),
])
def test_bad_config_is_exit_2_naming_file_and_key(tmp_path, toml, message):
    art = project(tmp_path, toml)
    with pytest.raises(ConfigError, match=None) as e:
        codes(art)
    assert message in str(e.value) and "mtfix.toml" in str(e.value)
    r = cli("check", "--no-syntax", str(art))
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "mtfix.toml" in r.stderr and "Traceback" not in r.stderr
