"""Drop caps: the decorative first letter of an article, scraped as text in front of the translation
('Dhe bad news', 'IGermany's largest')."""

from __future__ import annotations

from collections.abc import Iterator

from mtfix import lexicon as lx
from mtfix.detectors import Context, detector
from mtfix.document import PARAGRAPH, Document


@detector("MT323")
def drop_cap(doc: Document, ctx: Context) -> Iterator:
    rule = ctx.rule("MT323")
    paragraphs = [b for b in doc.blocks if b.kind == PARAGRAPH][:3]  # the article opens within these
    for block in paragraphs:
        toks = doc.tokens(block)
        if not toks or toks[0].start != block.start:
            continue
        t = toks[0].text
        rest = t[1:]
        if len(t) < 3 or not t[0].isupper() or lx.english(t) or lx.english(t.lower()):
            continue
        if lx.zipf_en(t.lower()) >= 1 or lx.zipf_de(t.lower()) >= 2:  # a name or a German word
            continue
        if (rest[0].isupper() and not rest.isupper() and lx.english(rest)) or (rest.islower() and lx.zipf_en(rest) >= 5):
            yield rule.finding(toks[0].start, toks[0].start + 1, t[0], [""])
