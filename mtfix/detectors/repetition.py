"""Repeated words ('the German German Trade Union Confederation') and phrases ('will be closed will be closed',
'blown up in 2003 blown up'), found on the shared tokens: a back-referencing regex over every word
costs five times as much."""

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
    run: list[int] = []  # a run of one word repeated ('the the the'): one finding, one fix
    for i in compress(count(), map(eq, lows, islice(lows, 1, None))):  # pairs found in C
        a, b = toks[i], toks[i + 1]
        if len(a.text) < 2 or lows[i] in _ALLOWED:
            continue
        gap = text[a.end : b.start]
        block = doc.block_at(a.start)
        if gap and not gap.strip(" \t") and block is not None and b.start < block.end:
            if run and run[-1] == i - 1:
                run.append(i)
                continue
            if run:
                yield _run_finding(rule, doc, toks, run)
            run = [i]
    if run:
        yield _run_finding(rule, doc, toks, run)


def _run_finding(rule, doc: Document, toks, run: list[int]):
    a, b = toks[run[0]], toks[run[-1] + 1]
    return rule.finding(a.start, b.end, doc.text[a.start : b.end], [a.text])




MAX_PHRASE = 5


@detector("MT221")
def repeated_phrase(doc: Document, ctx: Context) -> Iterator:
    """A phrase of two to five words written twice in a row: compare the words with themselves
    shifted by n (in C), and look for n equal places in a row in the string of answers."""
    rule = ctx.rule("MT221")
    toks = doc.all_tokens()
    lows = list(map(str.lower, map(itemgetter(0), toks)))
    text = doc.masked
    taken: list[tuple[int, int]] = []
    for n in range(MAX_PHRASE, 1, -1):
        same = bytes(map(eq, lows, islice(lows, n, None)))  # b"\x01" where word k equals word k + n
        run = b"\x01" * n
        i = same.find(run)
        while i >= 0:
            j = i + n  # the repeat starts here
            a, b = toks[j - 1].end, toks[j + n - 1].end
            between = [text[toks[k].end : toks[k + 1].start] for k in range(i, j + n - 1)]
            inside = all(g and not g.strip(" \t") for g in between)  # one line, spaces only
            phrase = lows[i:j]
            if inside and len(set(phrase)) > 1 and not any(s <= a < e for s, e in taken):
                taken.append((a, b))
                yield rule.finding(a, b, doc.text[a:b], [""])
                i = same.find(run, j + n)
            else:
                i = same.find(run, i + 1)
