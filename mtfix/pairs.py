"""Pairs in columns: TSV (`source<TAB>target` per line) and CSV (RFC 4180 quoting). The source and
target columns are named in a header row (`source`, `target`), or chosen with `--columns` (names or
1-based numbers); without either, the first two columns. Positions point into the target cell; in
a quoted CSV cell the doubled quotes are masked, and everything but target cells is masked."""

from __future__ import annotations

import re

from mtfix.bilingual import Segment, document
from mtfix.document import Document
from mtfix.errors import InputError

# One CSV field: quoted (with "" inside) or bare, then the separator, a line break or the end.
_CSV_FIELD = re.compile(r'"((?:[^"]|"")*)"(?=,|\r\n|\n|\r|$)|([^,"\r\n]*)(?=,|\r\n|\n|\r|$)')
_LINE_END = re.compile(r"\r\n|\n|\r")


def _tsv_rows(text: str):
    """Rows as lists of (start, end) content spans, with the row's line number."""
    for n, m in enumerate(re.finditer(r"([^\r\n]*)(?:\r\n|\n|\r|$)", text), 1):
        if m.start() == len(text):
            break
        if not m.group(1).strip():
            continue
        cells, pos = [], m.start()
        for cell in m.group(1).split("\t"):
            cells.append((pos, pos + len(cell)))
            pos += len(cell) + 1
        yield n, cells


def _csv_rows(path: str, text: str):
    pos, line = 0, 1
    while pos < len(text):
        cells, start_line = [], line
        while True:
            m = _CSV_FIELD.match(text, pos)
            if m is None:
                raise InputError(path, f"line {line}: not CSV (a quote inside an unquoted field, or an unclosed quote)")
            group = 1 if m.group(1) is not None else 2
            cells.append(m.span(group))
            line += len(_LINE_END.findall(m.group()))
            pos = m.end()
            if pos < len(text) and text[pos] == ",":
                pos += 1
                continue
            end = _LINE_END.match(text, pos)
            if end:
                pos = end.end()
                line += 1
            break
        yield start_line, cells


def _pick(head: list[str], columns: tuple[str, str] | None, path: str) -> tuple[int, int, bool]:
    """(source index, target index, whether the first row is a header)."""
    names = [h.strip().lower() for h in head]
    if columns:
        idx = []
        for c in columns:
            c = c.strip()
            if c.isdigit() and int(c) >= 1:
                idx.append(int(c) - 1)
            elif c.lower() in names:
                idx.append(names.index(c.lower()))
            else:
                raise InputError(path, f"no column {c!r} (the header has: {', '.join(h.strip() for h in head)})")
        return idx[0], idx[1], any(not c.strip().isdigit() for c in columns) or ("source" in names and "target" in names)
    if "source" in names and "target" in names:
        return names.index("source"), names.index("target"), True
    return 0, 1, False


def parse(path: str, text: str, fmt: str = "tsv", columns: tuple[str, str] | None = None) -> Document:
    rows = list(_csv_rows(path, text) if fmt == "csv" else _tsv_rows(text))
    holes: list[tuple[int, int]] = []
    if not rows:
        return document(path, text, fmt, [], holes)

    def cell(span: tuple[int, int]) -> str:
        raw = text[span[0] : span[1]]
        return raw.replace('""', '"') if fmt == "csv" else raw

    si, ti, header = _pick([cell(c) for c in rows[0][1]], columns, path)
    segments = []
    for n, cells in rows[1:] if header else rows:
        if len(cells) <= si:
            if any(text[s:e].strip() for s, e in cells):
                raise InputError(path, f"line {n}: no source column (column {si + 1})")
            continue
        source = cell(cells[si]).strip()
        if len(cells) > ti:
            s, e = cells[ti]
            raw = text[s:e]
            s, e = s + len(raw) - len(raw.lstrip()), e - (len(raw) - len(raw.rstrip()))
            target = cell((s, e))
            if fmt == "csv":
                holes += [(s + m.start(), s + m.end()) for m in re.finditer('""', text[s:e])]
        else:
            s = e = cells[-1][1]
            target = ""
        segments.append(Segment.of_text(f"line {n}", source, target, s, max(s, e)))
    return document(path, text, fmt, segments, holes)
