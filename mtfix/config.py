"""Configuration, found like ruff's: ``mtfix.toml``, ``.mtfix.toml`` or ``[tool.mtfix]`` in
``pyproject.toml``, in the checked file's folder or the nearest one above it; ``--config`` overrides.

Every key is checked: an unknown key, a wrong type or an unknown rule code is an error naming the
file and key, with the valid choices and a "did you mean" where one is close."""

from __future__ import annotations

import difflib
import fnmatch
import math
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mtfix.errors import MtfixError

NAMES = ("mtfix.toml", ".mtfix.toml", "pyproject.toml")
SEVERITIES = ("minor", "major", "critical")
KEYS: dict[str, str] = {  # key → what it holds (shown in errors and `mtfix config`)
    "select": "list of rule codes, code prefixes, categories or names",
    "ignore": "list of rule codes, code prefixes, categories or names",
    "extend-select": "list of selectors added to the default or to select",
    "severity": "table: rule code → minor | major | critical",
    "fail-on": "minor | major | critical | never",
    "min-score": "number 0-100",
    "exclude": "list of glob patterns (relative to the config file)",
    "per-file-ignores": "table: glob → list of selectors",
    "weights": "table: minor/major/critical → number",
    "rule-dirs": "list of folders with extra rule files",
    "accept": "list of terms never reported (the publication's names)",
    "accept-file": "text file, one accepted term per line",
    "reject": "table: term → preferred term (reported as MT901)",
    "reject-file": "text file, one 'term<TAB>preferred' per line",
    "syntax": "true | false (the parser-based checks)",
    "languagetool": "URL of a LanguageTool server whose findings join mtfix's (http://127.0.0.1:8081)",
    "skip-states": "list of segment states not checked in XLIFF and PO (final, signed-off, translate=no, fuzzy)",
    "columns": "[source, target] column names or 1-based numbers of TSV/CSV pairs",
    "glossary": "TSV ('German<TAB>English|alternative') or TBX file: required renderings in bilingual files (MT762)",
}


class ConfigError(MtfixError):
    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")


@dataclass
class Config:
    path: str | None = None  # None: the built-in defaults
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    fail_on: str = "major"
    min_score: float | None = None
    exclude: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    weights: dict[str, float] | None = None
    rule_dirs: list[Path] = field(default_factory=list)
    accept: list[str] = field(default_factory=list)
    reject: dict[str, str] = field(default_factory=dict)
    syntax: bool = True
    languagetool: str | None = None
    skip_states: list[str] = field(default_factory=list)
    glossary: dict[str, tuple[str, ...]] = field(default_factory=dict)
    columns: list[str] | None = None

    @property
    def root(self) -> Path:
        return Path(self.path).parent if self.path else Path.cwd()

    def relative(self, file: str) -> str:
        try:
            return Path(file).resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return Path(file).as_posix()

    def excluded(self, file: str) -> bool:
        if not self.exclude:  # resolving a path is two system calls: none for the common case
            return False
        rel = self.relative(file)
        return any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(Path(rel).name, g) for g in self.exclude)

    def ignored_for(self, file: str) -> list[str]:
        if not self.per_file_ignores:
            return []
        rel = self.relative(file)
        return [s for g, sel in self.per_file_ignores.items() if fnmatch.fnmatch(rel, g) for s in sel]

    def to_dict(self) -> dict[str, Any]:
        return {
            "config-file": self.path, "select": self.select, "ignore": self.ignore,
            "extend-select": self.extend_select, "severity": self.severity, "fail-on": self.fail_on,
            "min-score": self.min_score, "exclude": self.exclude, "per-file-ignores": self.per_file_ignores,
            "weights": self.weights, "rule-dirs": [str(d) for d in self.rule_dirs], "accept": self.accept,
            "reject": self.reject, "syntax": self.syntax, "languagetool": self.languagetool,
            "skip-states": self.skip_states, "glossary": f"{len(self.glossary)} term(s)" if self.glossary else None,
            "columns": self.columns,
        }


def find(start: str) -> Path | None:
    """The nearest configuration file at or above a checked path."""
    p = Path(start).resolve()
    folder = p if p.is_dir() else p.parent
    for d in (folder, *folder.parents):
        for name in NAMES:
            cand = d / name
            if cand.is_file() and (name != "pyproject.toml" or _has_tool_section(cand)):
                return cand
    return None


def _has_tool_section(path: Path) -> bool:
    try:
        return "mtfix" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return True  # let load() report the broken file


def load(path: Path, rules: dict) -> Config:
    """Read and validate one configuration file against the known rules."""
    where = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise ConfigError(where, f"cannot read: {e.strerror or e}") from None
    except UnicodeDecodeError:
        raise ConfigError(where, "not UTF-8") from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(where, f"invalid TOML: {e}") from None
    except RecursionError:  # tomllib recurses per nesting level: 500 brackets exhaust the stack
        raise ConfigError(where, "invalid TOML: nested too deeply") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("mtfix", {})
        where += " [tool.mtfix]"
    return _validate(where, path, data, rules)


def _validate(where: str, path: Path, data: dict, rules: dict) -> Config:
    cfg = Config(path=str(path))
    if "rule-dirs" in data:  # first: the codes the other keys name may be the user's own rules
        from mtfix.rules import load_all

        _set(cfg, where, "rule-dirs", data["rule-dirs"], rules, path.parent)
        rules = load_all(cfg.rule_dirs)
    for key, value in data.items():
        if key == "rule-dirs":
            continue
        if key not in KEYS:
            near = difflib.get_close_matches(key, KEYS, n=1)
            hint = f"; did you mean '{near[0]}'?" if near else ""
            raise ConfigError(where, f"unknown key '{key}'{hint} (valid: {', '.join(KEYS)})")
        _set(cfg, where, key, value, rules, path.parent)
    return cfg


def _set(cfg: Config, where: str, key: str, value: Any, rules: dict, base: Path) -> None:
    def bad(expected: str) -> ConfigError:
        return ConfigError(where, f"'{key}' must be {expected}, not {value!r}")

    def strings(v: Any) -> list[str]:
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            raise bad("a list of strings")
        return list(v)

    if key in ("select", "ignore", "extend-select"):
        sel = strings(value)
        for s in sel:
            _check_selector(where, key, s, rules)
        setattr(cfg, key.replace("-", "_"), sel)
    elif key == "severity":
        if not isinstance(value, dict):
            raise bad("a table of rule code = severity")
        for code, sev in value.items():
            _check_code(where, f"severity.{code}", code, rules)
            if sev not in SEVERITIES:
                raise ConfigError(where, f"'severity.{code}' must be one of {', '.join(SEVERITIES)}, not {sev!r}")
        cfg.severity = dict(value)
    elif key == "fail-on":
        if value not in (*SEVERITIES, "never"):
            raise bad(f"one of {', '.join(SEVERITIES)}, never")
        cfg.fail_on = value
    elif key == "min-score":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
            raise bad("a number from 0 to 100")
        cfg.min_score = float(value)
    elif key == "exclude":
        cfg.exclude = strings(value)
    elif key == "per-file-ignores":
        if not isinstance(value, dict):
            raise bad("a table of glob = [selectors]")
        for glob, sel in value.items():
            for s in strings(sel):
                _check_selector(where, f"per-file-ignores.{glob}", s, rules)
        cfg.per_file_ignores = {g: list(s) for g, s in value.items()}
    elif key == "weights":
        if not isinstance(value, dict) or set(value) - set(SEVERITIES) or not all(
            isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) and v >= 0 for v in value.values()
        ):
            raise bad("a table of minor/major/critical = number ≥ 0")
        cfg.weights = {"minor": 1.0, "major": 5.0, "critical": 25.0} | {k: float(v) for k, v in value.items()}
    elif key == "rule-dirs":
        dirs = [(base / d).resolve() for d in strings(value)]
        for d in dirs:
            if not d.is_dir():
                raise ConfigError(where, f"'rule-dirs': no such folder {d}")
        cfg.rule_dirs = dirs
    elif key == "accept":
        cfg.accept += strings(value)
    elif key == "accept-file":
        if not isinstance(value, str):
            raise bad("a path")
        cfg.accept += _list_file(where, key, base / value)
    elif key == "reject":
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise bad("a table of term = preferred term")
        cfg.reject.update(value)
    elif key == "reject-file":
        if not isinstance(value, str):
            raise bad("a path")
        for line in _list_file(where, key, base / value):
            term, _, preferred = line.partition("\t")
            cfg.reject[term.strip()] = preferred.strip()
    elif key == "syntax":
        if not isinstance(value, bool):
            raise bad("true or false")
        cfg.syntax = value
    elif key == "columns":
        cols = strings(value)
        if len(cols) != 2:
            raise bad("two columns: [source, target]")
        cfg.columns = cols
    elif key == "glossary":
        if not isinstance(value, str):
            raise bad("a path")
        from mtfix import glossary

        try:
            cfg.glossary = glossary.load(base / value)
        except glossary.GlossaryError as e:
            raise ConfigError(where, f"'glossary': {e}") from None
    elif key == "skip-states":
        cfg.skip_states = strings(value)
    elif key == "languagetool":
        if not isinstance(value, str) or not re.match(r"https?://[^\s/]+", value):
            raise bad("an http:// or https:// URL")
        cfg.languagetool = value


MAX_LIST_BYTES = 10_000_000  # a word list, not /dev/zero


def _list_file(where: str, key: str, path: Path) -> list[str]:
    """Vale-style word list: one entry per line, ``#`` starts a comment. Read with a size cap, so a
    device or a huge file is an error, not an endless read."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_LIST_BYTES + 1)
        if len(data) > MAX_LIST_BYTES:
            raise ConfigError(where, f"'{key}': {path} is over {MAX_LIST_BYTES:,} bytes; not a word list")
        lines = data.decode("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(where, f"'{key}': cannot read {path}: {e}") from None
    return [ln.split("#", 1)[0].strip() for ln in lines if ln.split("#", 1)[0].strip()]


def _check_code(where: str, key: str, code: str, rules: dict) -> None:
    if code not in rules:
        near = difflib.get_close_matches(code, rules, n=1)
        hint = f"; did you mean {near[0]}?" if near else ""
        raise ConfigError(where, f"'{key}': unknown rule code {code!r}{hint} (see `mtfix rules`)")


def _check_selector(where: str, key: str, s: str, rules: dict) -> None:
    from mtfix.engine import matches, names_lt

    if not names_lt(s) and not any(matches(r, s) for r in rules.values()):
        names = sorted(set(rules) | {r.name for r in rules.values()} | {r.category for r in rules.values()})
        near = difflib.get_close_matches(s, names, n=1)
        hint = f"; did you mean {near[0]!r}?" if near else ""
        raise ConfigError(where, f"'{key}': unknown rule code, category or name {s!r}{hint} (see `mtfix rules`)")
