"""Rejected terms (MT901): German pseudo-anglicisms shipped in rules/lexicon/reject.tsv, plus each
project's own `reject` list from its configuration (Vale's reject.txt)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from mtfix import lexicon as lx
from mtfix.detectors import Context, detector
from mtfix.document import Document


@cache
def _pattern(terms: tuple[str, ...]) -> re.Pattern:
    alternation = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE)


@detector("MT901")
def rejected_terms(doc: Document, ctx: Context) -> Iterator:
    vocab = {t.lower(): p for t, p in {**lx.pairs("reject.tsv"), **ctx.reject}.items()}
    lowered = doc.lowered
    if not any(t in lowered for t in vocab):  # a substring test per term before any regex
        return
    rule = ctx.rule("MT901")
    for m in _pattern(tuple(vocab)).finditer(doc.masked):
        preferred = vocab[m.group().lower()]
        yield rule.finding(m.start(), m.end(), m.group(), [preferred] if preferred else [],
                           message=f"{rule.message}: use \"{preferred}\"" if preferred else rule.message)
