"""Tab-separated pairs: `source<TAB>target` per line, or columns named `source` and `target` in a
header row. Positions point into the target cell; the source cell and the rest are masked."""

from __future__ import annotations

import re

from mtfix.bilingual import Segment, document, placeholders
from mtfix.document import Document
from mtfix.errors import InputError


def parse(path: str, text: str) -> Document:
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\r\n]*", text) if m.group()]
    si, ti, first = 0, 1, 0
    if lines:
        head = [c.strip().lower() for c in lines[0][1].split("\t")]
        if "source" in head and "target" in head:
            si, ti, first = head.index("source"), head.index("target"), 1
    segments = []
    line_no = {pos: n for n, pos in enumerate(m.start() for m in re.finditer(r"^", text, re.M))}
    for start, line in lines[first:]:
        cells, pos = [], start
        for cell in line.split("\t"):
            cells.append((pos, cell))
            pos += len(cell) + 1
        row = line_no.get(start, 0) + 1
        if len(cells) <= si:
            if line.strip():
                raise InputError(path, f"line {row}: no source column (expected source<TAB>target)")
            continue
        source = cells[si][1].strip()
        if len(cells) > ti:
            cs, cell = cells[ti]
            lead = len(cell) - len(cell.lstrip())
            s, target = cs + lead, cell.strip()
        else:
            s, target = start + len(line), ""
        segments.append(Segment(f"line {row}", source, target, s, s + len(target),
                                tuple(placeholders(source)), tuple(placeholders(target))))
    return document(path, text, "tsv", segments, holes=[])
