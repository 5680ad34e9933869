"""Garbled headings: lowercase starts (MT210), repeated titles or headings (MT211), mixed styles (MT212)."""

from __future__ import annotations

from collections.abc import Iterator

from rapidfuzz import fuzz

from mtfix.detectors import Context, detector
from mtfix.document import Block, Document
from mtfix.finding import FixSafety
from mtfix.text import words

NEAR_DUPLICATE = 92.0  # rapidfuzz ratio: a changed letter or two, not a different heading
_MINOR_WORDS = frozenset("a an the and or but of to in on at for with from by as vs via nor".split())


def _style(doc: Document, b: Block) -> str | None:
    """'title' (Most Words Capitalised), 'sentence' (first word only) or None (too short to tell)."""
    toks = words(doc.block_text(b))
    content = [t for t in toks[1:] if t.text.lower() not in _MINOR_WORDS and len(t.text) > 3]
    if len(content) < 2:
        return None
    caps = sum(t.text[0].isupper() for t in content)
    if caps == len(content):
        return "title"
    if caps == 0:
        return "sentence"
    return None


def _capitalise(text: str, style: str) -> str:
    if style == "title":
        out = []
        for i, w in enumerate(text.split(" ")):
            out.append(w[:1].upper() + w[1:] if w and (i == 0 or w.lower() not in _MINOR_WORDS) and w[:1].islower() else w)
        return " ".join(out)
    return text[:1].upper() + text[1:]


@detector("MT210", "MT211", "MT212")
def headings(doc: Document, ctx: Context) -> Iterator:
    heads = [b for b in doc.blocks if b.is_heading]
    styles = {id(b): _style(doc, b) for b in heads}
    titled = sum(1 for s in styles.values() if s == "title")
    sentenced = sum(1 for s in styles.values() if s == "sentence")
    house = "title" if titled > sentenced else "sentence"

    if ctx.on("MT210"):
        for b in heads:
            text = doc.text[b.start : b.end]
            first = words(text)
            if first and first[0].start == 0 and text[0].islower() and not any(c.isupper() for c in first[0].text):
                yield ctx.rule("MT210").finding(b.start, b.end, text, [_capitalise(text, house)])

    if ctx.on("MT211"):
        yield from _duplicates(doc, ctx)

    if ctx.on("MT212") and titled and sentenced:
        minority = "sentence" if house == "title" else "title"
        for b in heads:
            if styles[id(b)] == minority:
                text = doc.text[b.start : b.end]
                yield ctx.rule("MT212").finding(
                    b.start, b.end, text, message=f"Heading in {minority} case; the others use {house} case"
                )


def _duplicates(doc: Document, ctx: Context) -> Iterator:
    """A heading, title or short line repeated right after, or a heading repeated anywhere."""
    rule = ctx.rule("MT211")
    blocks = doc.blocks
    seen: list[tuple[str, Block]] = []
    for i, b in enumerate(blocks):
        text = doc.text[b.start : b.end]
        key = " ".join(text.lower().split())
        prev = blocks[i - 1] if i else None
        candidates = [k for k, pb in seen if pb.is_heading]
        if prev is not None and (prev.is_heading or len(key) <= 120):
            candidates.append(" ".join(doc.text[prev.start : prev.end].lower().split()))
        if b.is_heading or prev is not None and prev.is_heading:
            for k in candidates:
                score = fuzz.ratio(key, k)
                if score >= NEAR_DUPLICATE and len(key) >= 8:
                    s, e = doc.line_span(b.start)
                    if e < b.end:  # multi-line block: delete the block only
                        s, e = b.start, b.end
                    exact = key == k
                    yield rule.finding(s, e, doc.text[s:e], [""], fix=True if exact else FixSafety.UNSAFE)
                    break
        if b.is_heading:
            seen.append((key, b))

