"""Repeated words ('the German German Trade Union Confederation'), found on the shared tokens: a
back-referencing regex over every word costs five times as much."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import compress, count, islice
from operator import eq, itemgetter

from mtfix.detectors import Context, detector
from mtfix.document import Document

# Doubled in good English: 'had had', 'that that', and reduplications.
_ALLOWED = frozenset(
    "had that bye so very no yeah ha ho now well tut hush knock blah paw pom chop tsk bang boo pooh pee ta ya go oh"
    .split()
)


@detector("MT218")
def repeated_word(doc: Document, ctx: Context) -> Iterator:
    rule = ctx.rule("MT218")
    text = doc.masked
    toks = doc.all_tokens()
    lows = list(map(str.lower, map(itemgetter(0), toks)))
    for i in compress(count(), map(eq, lows, islice(lows, 1, None))):  # pairs found in C
        a, b = toks[i], toks[i + 1]
        if len(a.text) < 2 or lows[i] in _ALLOWED:
            continue
        gap = text[a.end : b.start]
        block = doc.block_at(a.start)
        if gap and not gap.strip(" \t") and block is not None and b.start < block.end:
            yield rule.finding(a.start, b.end, doc.text[a.start : b.end], [a.text])
