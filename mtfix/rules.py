"""Rules as data: loading and validating the YAML files in ``rules/``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import regex
import yaml

from mtfix.document import CELL, HEADING, ITEM, PARAGRAPH, TITLE
from mtfix.errors import RuleError
from mtfix.finding import Finding, FixSafety, Severity
from mtfix.tokenpattern import REGEX_TIMEOUT

CODE = re.compile(r"^MT\d{3}$")
KINDS = ("pattern", "detector", "tokens")
SCOPES = (TITLE, HEADING, PARAGRAPH, ITEM, CELL)
MARK = re.compile(r"\[\[(.*?)\]\]", re.S)
_KEYS = {
    "code", "name", "message", "category", "severity", "kind", "pattern", "ignorecase", "replacement",
    "fix", "scope", "not_before", "not_after", "requires", "triggers", "tokens", "parser", "description", "examples", "default", "pairs",
    "__line__",
}


@dataclass(frozen=True)
class BadExample:
    text: str  # without the [[ ]] marks
    start: int
    end: int
    replacement: str | None  # None: no suggestion expected


@dataclass
class Rule:
    """One rule code with its metadata, its pattern (if it is a pattern rule) and its examples."""

    code: str
    name: str
    message: str
    category: str
    severity: Severity
    kind: str
    fix: FixSafety | None
    source: str
    line: int
    description: str = ""
    pattern: str | None = None
    ignorecase: bool = False
    replacement: list[str] = field(default_factory=list)
    replacement_by_text: dict[str, tuple[str, ...]] = field(default_factory=dict)  # folded span → suggestions
    scope: tuple[str, ...] = SCOPES
    not_before: str | None = None
    not_after: str | None = None
    requires: str | None = None
    triggers: tuple[str, ...] = ()  # lowercase literals; the pattern runs only where one occurs
    tokens: list | None = None  # compiled token pattern (kind: tokens), see mtfix/tokenpattern.py
    parser: bool = False  # needs the spaCy parse: skipped with --no-syntax
    default: bool = True  # False: opt-in, runs only when selected by code
    pairs: bool = False  # a source-aware rule: its examples are `source<TAB>target` pairs
    example_glossary: dict = field(default_factory=dict)  # the glossary its examples are checked with (MT762)
    timeout: float | None = REGEX_TIMEOUT  # None for the built-in rules, whose patterns are tested here
    bad: list[BadExample] = field(default_factory=list)
    good: list[str] = field(default_factory=list)

    @cached_property
    def compiled(self) -> regex.Pattern:
        return regex.compile(self.pattern, regex.V0 | (regex.I if self.ignorecase else 0))

    @cached_property
    def compiled_not_before(self) -> regex.Pattern | None:
        return regex.compile(f"(?:{self.not_before})$") if self.not_before else None

    @cached_property
    def compiled_not_after(self) -> regex.Pattern | None:
        return regex.compile(self.not_after) if self.not_after else None

    @cached_property
    def compiled_requires(self) -> regex.Pattern | None:
        return regex.compile(self.requires) if self.requires else None

    def finding(
        self,
        start: int,
        end: int,
        text: str,
        replacements: list[str] | tuple[str, ...] = (),
        message: str | None = None,
        severity: Severity | None = None,
        fix: FixSafety | None | bool = True,
    ) -> Finding:
        """A finding of this rule; ``fix=True`` means the rule's own fix safety."""
        return Finding(
            rule=self.code,
            name=self.name,
            category=self.category,
            severity=severity or self.severity,
            start=start,
            end=end,
            text=text,
            message=message or self.message,
            replacements=tuple(replacements),
            fix=self.fix if fix is True else (fix or None),
        )


def fold_span(text: str) -> str:
    """A matched text as a replacement mapping looks it up: without case or spaces ("z. B." = "z.B.")."""
    return "".join(text.split()).casefold().replace("–", "-")


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: ten times faster on every start


class _LineLoader(_Loader):
    """Remembers the line of every mapping so errors can name it."""


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _load_yaml(text: str):
    """A rule file needs no aliases, and nested ones expand a few hundred bytes into gigabytes (a
    'billion laughs'): the events are scanned for one before anything is built."""
    scan = _LineLoader(text)
    try:
        while not scan.check_event(yaml.StreamEndEvent):
            event = scan.get_event()
            if isinstance(event, yaml.AliasEvent):
                raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed in rule files",
                                                  event.start_mark)
    finally:
        scan.dispose()
    loader = _LineLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def builtin_dir() -> Path:
    """``mtfix/builtin_rules`` in an installed wheel, ``rules/`` in a checkout or editable install."""
    here = Path(__file__).resolve().parent
    for cand in (here / "builtin_rules", here.parent / "rules"):
        if cand.is_dir():
            return cand
    raise RuleError(str(here / "builtin_rules"), "built-in rules are missing from this installation")


def load_file(path: Path, builtin: bool = False) -> list[Rule]:
    """A rule file's rules. A user's regexes are compiled here, so a bad one is an error naming its
    file and line; the built-in ones compile when first used (the test suite compiles every one),
    which keeps half of the rule loading out of the start-up of every run."""
    try:
        data = _load_yaml(path.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as e:
        line = e.problem_mark.line + 1 if e.problem_mark else None
        raise RuleError(str(path), f"invalid YAML: {e.problem}", line) from None
    except (OSError, UnicodeDecodeError) as e:
        raise RuleError(str(path), f"cannot read: {e}") from None
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise RuleError(str(path), "expected a mapping with a 'rules' list", 1)
    return [_rule(path, raw, validate=not builtin) for raw in data["rules"]]


def _rule(path: Path, raw: Any, validate: bool = True) -> Rule:
    if not isinstance(raw, dict):
        raise RuleError(str(path), "each rule must be a mapping")
    line = raw.get("__line__")

    def fail(msg: str) -> RuleError:
        return RuleError(str(path), f"rule {raw.get('code', '?')}: {msg}", line)

    unknown = set(raw) - _KEYS
    if unknown:
        raise fail(f"unknown key(s) {', '.join(sorted(unknown))}; valid: {', '.join(sorted(_KEYS - {'__line__'}))}")
    for key in ("code", "name", "message", "category", "severity"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise fail(f"missing or empty '{key}'")
    if not CODE.match(raw["code"]):
        raise fail("code must look like MT123")
    try:
        severity = Severity(raw["severity"])
    except ValueError:
        raise fail("severity must be minor, major or critical") from None
    kind = raw.get("kind", "pattern")
    if kind not in KINDS:
        raise fail(f"kind must be one of {', '.join(KINDS)}")
    fix_raw = raw.get("fix", "none")
    if fix_raw not in ("safe", "unsafe", "none", None):
        raise fail("fix must be safe, unsafe or none")
    scope = raw.get("scope", list(SCOPES))
    if isinstance(scope, str):
        scope = [scope]
    if not set(scope) <= set(SCOPES):
        raise fail(f"scope must be among {', '.join(SCOPES)}")
    triggers = raw.get("triggers", [])
    if not isinstance(triggers, list) or not all(isinstance(t, str) and t for t in triggers):
        raise fail("triggers must be a list of non-empty strings")
    replacement = raw.get("replacement", [])
    by_text: dict[str, tuple[str, ...]] = {}
    if isinstance(replacement, dict):  # one pattern, many words: each matched text has its own English
        if kind != "pattern":
            raise fail("a replacement mapping needs a pattern rule")
        for key, value in replacement.items():
            if key == "__line__":
                continue
            value = [value] if isinstance(value, str) else value
            if not isinstance(key, str) or not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
                raise fail("a replacement mapping maps a matched text to a string or a list of strings")
            by_text.setdefault(fold_span(key), tuple(value))  # looked up as written first, then folded
            by_text[" ".join(key.split())] = tuple(value)
        replacement = []
    if isinstance(replacement, str):
        replacement = [replacement]
    if not isinstance(replacement, list) or not all(isinstance(r, str) for r in replacement):
        raise fail("replacement must be a string, a list of strings or a mapping")
    rule = Rule(
        code=raw["code"],
        name=raw["name"],
        message=raw["message"].strip(),
        category=raw["category"],
        severity=severity,
        kind=kind,
        fix=None if fix_raw in ("none", None) else FixSafety(fix_raw),
        source=str(path),
        line=line or 0,
        description=str(raw.get("description", "")).strip(),
        pattern=raw.get("pattern"),
        ignorecase=bool(raw.get("ignorecase", False)),
        replacement=list(replacement),
        replacement_by_text=by_text,
        scope=tuple(scope),
        not_before=raw.get("not_before"),
        not_after=raw.get("not_after"),
        requires=raw.get("requires"),
        triggers=tuple(t.lower() for t in triggers),
        parser=kind == "tokens" or raw.get("parser") is True,
        default=raw.get("default", True) is not False,
        pairs=raw.get("pairs") is True,
    )
    if kind == "tokens":
        from mtfix.tokenpattern import compile_tokens

        try:
            rule.tokens = compile_tokens(raw.get("tokens"), _word_list)
        except ValueError as e:  # TokenPatternError, or a missing word list
            raise fail(str(e)) from None
    if kind == "pattern":
        if not isinstance(rule.pattern, str):
            raise fail("a pattern rule needs a 'pattern'")
        for attr in ("compiled", "compiled_not_before", "compiled_not_after", "compiled_requires") if validate else ():
            try:
                getattr(rule, attr)
            except regex.error as e:
                raise fail(f"bad regular expression ({attr.replace('compiled_', '').replace('compiled', 'pattern')}): {e}") from None
    _examples(rule, raw.get("examples"), fail)
    return rule


def _word_list(name: str) -> frozenset[str]:
    from mtfix import (
        lexicon,  # imported here: lexicon needs builtin_dir from this module
    )

    try:
        return lexicon.word_list(name)
    except OSError:
        raise ValueError(f"no word list rules/lexicon/{name}") from None


def _examples(rule: Rule, ex: Any, fail) -> None:
    if not isinstance(ex, dict):
        raise fail("needs 'examples' with 'bad' and 'good' lists")
    bad, good = ex.get("bad"), ex.get("good")
    if not isinstance(bad, list) or not bad or not isinstance(good, list) or not good:
        raise fail("needs at least one bad and one good example")
    for item in bad:
        if isinstance(item, str):
            item = {"text": item}
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise fail("a bad example is a string or a mapping with 'text'")
        marked = item["text"]
        marks = list(MARK.finditer(marked))
        if len(marks) != 1:
            raise fail(f"a bad example needs exactly one [[marked]] span: {marked!r}")
        m = marks[0]
        plain = marked[: m.start()] + m.group(1) + marked[m.end() :]
        rep = item.get("replacement")
        rule.bad.append(BadExample(plain, m.start(), m.start() + len(m.group(1)), None if rep is None else str(rep)))
    for item in good:
        if not isinstance(item, str):
            raise fail("a good example is a string")
        rule.good.append(item)
    terms = ex.get("glossary", {})
    terms = {k: v for k, v in terms.items() if k != "__line__"} if isinstance(terms, dict) else terms
    if not isinstance(terms, dict) or not all(isinstance(v, list) and all(isinstance(x, str) for x in v) for v in terms.values()):
        raise fail("examples' 'glossary' maps a German term to a list of English renderings")
    rule.example_glossary = {str(k): tuple(v) for k, v in terms.items()}


def load_all(extra_dirs: list[Path] | None = None) -> dict[str, Rule]:
    """Every rule from the built-in folder and any extra folders; codes must be unique."""
    rules: dict[str, Rule] = {}
    builtin = builtin_dir()
    for folder in [builtin, *(extra_dirs or [])]:
        for path in sorted(folder.glob("*.yaml")):
            for rule in load_file(path, builtin=folder == builtin):
                if folder == builtin:
                    rule.timeout = None
                if rule.code in rules:
                    other = rules[rule.code]
                    raise RuleError(str(path), f"duplicate rule code {rule.code} (also {other.source}:{other.line})", rule.line)
                rules[rule.code] = rule
    return rules


def measured() -> dict[str, dict[str, str]]:
    """rules/measured.tsv (written by bench/rulestats.py): how each rule did on real data, by code."""
    path = builtin_dir() / "measured.tsv"
    if not path.is_file():
        return {}
    rows = [line.rstrip("\n").split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    if not rows:
        return {}
    header, *body = rows
    return {row[0]: dict(zip(header, row, strict=False)) for row in body}

