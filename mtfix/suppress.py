"""Suppression comments, the same in Markdown, HTML and plain text (a line of its own):

    <!-- mtfix: off -->   …   <!-- mtfix: on -->     nothing reported in between
    <!-- mtfix: disable=MT101,MT3 -->                 these codes (or prefixes) in the next block
    <!-- mtfix: ignore -->                            anything on the next line (ignore=CODES: only these)

A directive that suppresses nothing is itself reported (MT001), as ruff reports an unused noqa, when
the rules it names ran."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mtfix.document import Document
from mtfix.finding import Finding

DIRECTIVE = re.compile(r"<!--\s*mtfix:\s*(?P<kind>off|on|disable|ignore)\s*(?:=\s*(?P<codes>[A-Za-z0-9, ]+?))?\s*-->")


@dataclass
class Directive:
    kind: str
    codes: tuple[str, ...] | None  # None: every rule
    start: int
    end: int
    region: tuple[int, int]
    used: bool = False

    def covers(self, f: Finding) -> bool:
        s, e = self.region
        return s <= f.start < e and (self.codes is None or any(f.rule.startswith(c) for c in self.codes))


def directives(doc: Document) -> list[Directive]:
    text = doc.text
    if "mtfix:" not in text:
        return []
    out: list[Directive] = []
    opened: Directive | None = None
    for m in DIRECTIVE.finditer(text):
        kind = m.group("kind")
        codes = tuple(c.strip().upper() for c in m.group("codes").split(",") if c.strip()) if m.group("codes") else None
        if kind == "off":
            opened = Directive("off", codes, m.start(), m.end(), (m.end(), len(text)))
            out.append(opened)
        elif kind == "on":
            if opened is not None:
                opened.region = (opened.region[0], m.start())
                opened = None
        elif kind == "disable":
            block = next((b for b in doc.blocks if b.start >= m.end()), None)
            region = (block.start, block.end) if block else (m.end(), m.end())
            out.append(Directive("disable", codes, m.start(), m.end(), region))
        else:  # ignore: the next line
            nl = text.find("\n", m.end())
            nxt = len(text) if nl < 0 else nl + 1
            end = text.find("\n", nxt)
            out.append(Directive("ignore", codes, m.start(), m.end(), (nxt, len(text) if end < 0 else end)))
    return out


def apply(doc: Document, found: list[Finding]) -> tuple[list[Finding], list[Finding], list[Directive]]:
    """(kept, suppressed, directives) for a document's findings."""
    ds = directives(doc)
    if not ds:
        return found, [], []
    kept, suppressed = [], []
    for f in found:
        hit = [d for d in ds if d.covers(f)]
        for d in hit:
            d.used = True
        (suppressed if hit else kept).append(f)
    return kept, suppressed, ds
