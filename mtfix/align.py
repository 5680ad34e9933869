"""Paired files (`check article.en.md --source article.de.md`): the German paragraphs aligned with
the English ones, so the source-aware checks can compare them.

Paragraphs are aligned by order when their counts agree; otherwise by dynamic programming over
lengths and numbers (Gale and Church's idea): a 1:1 pair costs the distance of its length ratio
from what German→English translation gives, less when their numbers agree, and a paragraph left
unpaired costs a fixed amount, so that only a real omission or addition stays unpaired.
"""

from __future__ import annotations

import math
import re

from mtfix.bilingual import Segment
from mtfix.document import Document

RATIO = 0.97  # median English/German length of WMT references
SKIP = 2.5  # the cost of leaving a paragraph unpaired
MAX_CELLS = 4_000_000  # paragraphs² bound: two 2,000-paragraph files
_NUMBER = re.compile(r"\d+")


def _cost(src: str, tgt: str) -> float:
    r = (len(tgt) + 10) / (len(src) + 10)
    cost = abs(math.log(r / RATIO)) * 2
    ns, nt = set(_NUMBER.findall(src)), set(_NUMBER.findall(tgt))
    if ns or nt:
        cost += 1.0 - len(ns & nt) / len(ns | nt)  # shared numbers anchor a pair
    return cost


def align(src: list[str], tgt: list[str]) -> list[tuple[int | None, int | None]]:
    """Pairs of paragraph indexes; (i, None) is an omission, (None, j) an addition."""
    n, m = len(src), len(tgt)
    if n == m:
        return [(i, i) for i in range(n)]
    if n * m > MAX_CELLS:
        raise ValueError(f"too many paragraphs to align ({n} × {m})")
    inf = float("inf")
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[int]] = [[0] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            here = best[i][j]
            if here == inf:
                continue
            if i < n and j < m:
                paired = here + _cost(src[i], tgt[j])
                if paired < best[i + 1][j + 1]:
                    best[i + 1][j + 1], back[i + 1][j + 1] = paired, 1
            if i < n and here + SKIP < best[i + 1][j]:
                best[i + 1][j], back[i + 1][j] = here + SKIP, 2
            if j < m and here + SKIP < best[i][j + 1]:
                best[i][j + 1], back[i][j + 1] = here + SKIP, 3
    out, i, j = [], n, m
    while i or j:
        step = back[i][j]
        if step == 1:
            i, j = i - 1, j - 1
            out.append((i, j))
        elif step == 2:
            i -= 1
            out.append((i, None))
        else:
            j -= 1
            out.append((None, j))
    return out[::-1]


def attach(doc: Document, source: Document) -> list[tuple[int | None, int | None]]:
    """Give the target document segments from the source document's paragraphs; returns the
    alignment. An omitted source paragraph becomes a segment with an empty target (MT752) where it
    belongs; an added target paragraph, a segment with no source (MT761)."""
    sb = [b for b in source.blocks if source.text[b.start : b.end].strip()]
    tb = [b for b in doc.blocks if doc.text[b.start : b.end].strip()]
    stext = [source.text[b.start : b.end] for b in sb]
    ttext = [doc.text[b.start : b.end] for b in tb]
    pairs = align(stext, ttext)
    segments, pos = [], 0
    for i, j in pairs:
        src = stext[i] if i is not None else ""
        if j is not None:
            b = tb[j]
            segments.append(Segment.of_text(f"¶{j + 1}", src, ttext[j], b.start, b.end))
            pos = b.end
        else:
            segments.append(Segment.of_text(f"source ¶{i + 1}", src, "", pos, pos))
    doc.segments = segments
    return pairs
