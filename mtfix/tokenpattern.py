"""Token patterns: rules as sequences of constraints on parsed tokens, in the spirit of LanguageTool's
``<token>`` and Vale's ``sequence``. Compiled from YAML at load time; matched over spaCy sentences.

    tokens:
      - {lemma: "@persons", tag: [NN, NNS]}   # "@name": a list in rules/lexicon/name.txt
      - {tag: IN, optional: true}
      - {lower: which, mark: true}            # the finding covers the marked tokens
      - {skip: 3, tag: "re:VB[DZP]"}          # up to 3 tokens of anything before this one
      - {not: {lower: [said, says]}}          # none of these
      - {start: true, lower: also}            # the token opens its sentence

Attributes: text, lower, lemma, pos, tag, dep. A value is a string, a list (any of), "@list" or
"re:regex" (full match)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import regex

ATTRS = {
    "text": lambda t: t.text,
    "lower": lambda t: t.lower_,
    "lemma": lambda t: t.lemma_.lower(),
    "pos": lambda t: t.pos_,
    "tag": lambda t: t.tag_,
    "dep": lambda t: t.dep_,
}
FLAGS = {"optional", "skip", "mark", "not", "start"}


REGEX_TIMEOUT = 1.0  # seconds for any user regex (a document scan, a token): it must not hang a CI job
_LIST_NAME = re.compile(r"[A-Za-z0-9_-]{1,64}")


class TokenPatternError(ValueError):
    pass


Test = Callable[[Any], bool]


@dataclass
class TokenSpec:
    tests: list[Test]
    optional: bool = False
    skip: int = 0
    mark: bool = False
    negated: list[Test] = field(default_factory=list)
    start: bool = False  # the token opens its sentence
    words: frozenset[str] | None = None  # its literal `lower` values: a cheap test before matching

    def accepts(self, tok: Any) -> bool:
        if self.start and not tok.is_sent_start:
            return False
        return all(t(tok) for t in self.tests) and not any(t(tok) for t in self.negated)


def compile_tokens(raw: Any, word_list: Callable[[str], frozenset[str]]) -> list[TokenSpec]:
    if not isinstance(raw, list) or not raw:
        raise TokenPatternError("'tokens' must be a non-empty list of mappings")
    specs = []
    for item in raw:
        if not isinstance(item, dict):
            raise TokenPatternError(f"a token must be a mapping, not {item!r}")
        item = {k: v for k, v in item.items() if k != "__line__"}  # added by the YAML loader
        unknown = set(item) - set(ATTRS) - FLAGS
        if unknown:
            raise TokenPatternError(f"unknown token key(s) {', '.join(sorted(unknown))}; valid: {', '.join(sorted(set(ATTRS) | FLAGS))}")
        skip = item.get("skip", 0)
        if not isinstance(skip, int) or skip < 0:
            raise TokenPatternError("'skip' must be a whole number ≥ 0")
        neg = item.get("not", {})
        if isinstance(neg, dict):
            neg = {k: v for k, v in neg.items() if k != "__line__"}
        if not isinstance(neg, dict) or set(neg) - set(ATTRS):
            raise TokenPatternError(f"'not' must map {', '.join(ATTRS)} to values")
        specs.append(TokenSpec(
            tests=[_test(k, v, word_list) for k, v in item.items() if k in ATTRS],
            optional=bool(item.get("optional", False)),
            skip=skip,
            mark=bool(item.get("mark", False)),
            negated=[_test(k, v, word_list) for k, v in neg.items()],
            start=bool(item.get("start", False)),
            words=_literals(item.get("lower")),
        ))
    if specs[0].optional or specs[0].skip:
        raise TokenPatternError("the first token may not be optional or skip")
    return specs


def _literals(value: Any) -> frozenset[str] | None:
    if isinstance(value, list):
        return frozenset(str(v) for v in value)
    if isinstance(value, str) and not value.startswith(("@", "re:")):
        return frozenset({value})
    return None


def may_match(specs: list[TokenSpec], lowered: str) -> bool:
    """False when a required literal word is missing from the (lowercased) sentence text."""
    return all(any(w in lowered for w in s.words) for s in specs if s.words and not s.optional)


def _test(attr: str, value: Any, word_list: Callable[[str], frozenset[str]]) -> Test:
    get = ATTRS[attr]
    if isinstance(value, list):
        allowed = frozenset(str(v) for v in value)
        return lambda t: get(t) in allowed
    value = str(value)
    if value.startswith("@"):
        if not _LIST_NAME.fullmatch(value[1:]):  # a name in rules/lexicon/, never a path out of it
            raise TokenPatternError(f"bad list name {value!r}: letters, digits, '-' and '_' only")
        words = word_list(value[1:] + ".txt")
        return lambda t: get(t).lower() in words
    if value.startswith("re:"):
        try:
            rx = regex.compile(value[3:])
        except regex.error as e:
            raise TokenPatternError(f"bad regular expression {value!r}: {e}") from None

        def full(t) -> bool:
            try:
                return rx.fullmatch(get(t), timeout=REGEX_TIMEOUT) is not None
            except TimeoutError:  # catastrophic backtracking on this token: no match, no hang
                return False

        return full
    return lambda t: get(t) == value


def match(specs: list[TokenSpec], toks: Sequence[Any]) -> list[tuple[int, int, int, int]]:
    """Non-overlapping matches as (first, last, first marked, last marked) token indices."""
    out, i, n = [], 0, len(toks)
    first = specs[0]
    while i < n:
        if not first.accepts(toks[i]):
            i += 1
            continue
        m = _match_at(specs, toks, 0, i, [])
        if m is None:
            i += 1
            continue
        end, used = m
        marked = [k for k, s in used if specs[s].mark] or [k for k, _ in used]
        out.append((i, end - 1, marked[0], marked[-1]))
        i = max(end, i + 1)
    return out


def _match_at(specs, toks, si: int, ti: int, used: list) -> tuple[int, list] | None:
    if si == len(specs):
        return ti, used
    spec = specs[si]
    for gap in range(spec.skip + 1):
        k = ti + gap
        if k < len(toks) and spec.accepts(toks[k]):
            m = _match_at(specs, toks, si + 1, k + 1, used + [(k, si)])
            if m is not None:
                return m
    if spec.optional:
        return _match_at(specs, toks, si + 1, ti, used)
    return None
