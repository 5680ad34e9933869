"""Detectors that need code. Each registers the rule codes it reports; their metadata and
examples live in ``rules/*.yaml`` like every other rule."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property

from mtfix.document import Document
from mtfix.finding import Finding
from mtfix.rules import Rule


@dataclass
class Context:
    """What a detector may know besides the document: the rules that are switched on."""

    rules: dict[str, Rule]
    enabled: set[str]
    reject: dict[str, str] = field(default_factory=dict)  # the project's rejected terms → preferred
    syntax: bool = False  # the parser may be used: lexical rules can then refine what they report
    glossary: dict[str, tuple[str, ...]] = field(default_factory=dict)  # German term → required English renderings

    def on(self, code: str) -> bool:
        return code in self.enabled

    def rule(self, code: str) -> Rule:
        return self.rules[code]

    @cached_property
    def pattern_rules(self) -> list[Rule]:
        return [self.rules[c] for c in sorted(self.enabled) if self.rules[c].kind == "pattern"]

    @cached_property
    def token_rules(self) -> list[Rule]:
        return [self.rules[c] for c in sorted(self.enabled) if self.rules[c].kind == "tokens"]

    @cached_property
    def needs_parser(self) -> bool:
        return any(self.rules[c].parser for c in self.enabled)

    @cached_property
    def detectors(self) -> list[Detector]:
        """The detectors with at least one rule switched on."""
        return [fn for fn, codes in load().items() if not self.enabled.isdisjoint(codes)]

    @cached_property
    def _triggers(self) -> frozenset[str]:
        return frozenset(t for r in self.pattern_rules for t in r.triggers)

    def triggers_in(self, lowered: str) -> set[str]:
        """The pattern rules' trigger literals present in a document, each looked up once."""
        return {t for t in self._triggers if t in lowered}


Detector = Callable[[Document, Context], Iterable[Finding]]
DETECTORS: dict[Detector, tuple[str, ...]] = {}


def detector(*codes: str) -> Callable[[Detector], Detector]:
    def register(fn: Detector) -> Detector:
        DETECTORS[fn] = codes
        return fn

    return register


def load() -> dict[Detector, tuple[str, ...]]:
    """Import the detector modules so they register (import cost is paid only by ``check``)."""
    from mtfix.detectors import (  # noqa: F401
        bilingual,
        capitals,
        dates,
        dropcap,
        furniture,
        genitive,
        german,
        grammar,
        headings,
        mojibake,
        patterns,
        pronouns,
        quotes,
        repetition,
        vocabulary,
        wordorder,
    )

    return DETECTORS
