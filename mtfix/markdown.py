"""Markdown through markdown-it-py; inline content is located back in the source line by line."""

from __future__ import annotations

import bisect
import re

from mtfix.document import CELL, HEADING, ITEM, PARAGRAPH, TITLE, Block, Document

_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\n.*?\n\1[ \t]*(?:\n|\Z)", re.S)
# Inline syntax that is not prose: HTML, link targets, emphasis and link brackets (code spans and
# comments are paired by _inline_holes). No part can scan past a character that would start another match,
# so a line of ten thousand unclosed "<a" costs ten thousand short scans, not fifty million.
_INLINE_HOLES = re.compile(
    r"</?[A-Za-z][^<>\n]*>"  # inline HTML tag or autolink
    r"|\]\([^)\[\]\n]*\)"  # link destination
    r"|!?\[|\]"  # link/image brackets
    r"|(?<![\w])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![\w])"  # emphasis markers
    r"|\\(?=[^\w\s])"  # backslash escapes
)


def parse(path: str, text: str) -> Document:
    from markdown_it import MarkdownIt

    lf = re.sub(r"\r(?!\n)", "\n", text)  # CR-only line ends (old Mac files) read as LF: same length, same offsets
    body = lf
    fm = _FRONT_MATTER.match(lf)
    if fm:  # blank it out for the parser, keeping line numbers
        body = re.sub(r"[^\n]", " ", fm.group()) + lf[fm.end() :]
    line_starts = [0] + [m.end() for m in re.finditer("\n", lf)]
    tokens = MarkdownIt("commonmark").enable("table").parse(body)

    blocks: list[Block] = []
    holes: list[tuple[int, int]] = []
    context: list[str] = []
    row_cursor: dict[int, int] = {}
    for tok in tokens:
        if tok.nesting == 1:
            context.append(tok.tag)
        elif tok.nesting == -1:
            context.pop()
        if tok.type != "inline" or tok.map is None or not tok.content.strip():
            continue
        parent = context[-1] if context else ""
        if parent in ("th", "td"):
            kind, level = CELL, 0
        elif parent.startswith("h") and parent[1:].isdigit():
            kind, level = HEADING, int(parent[1:])
        elif "li" in context:
            kind, level = ITEM, 0
        else:
            kind, level = PARAGRAPH, 0
        spans = _locate(text, line_starts, tok.map, tok.content, row_cursor if kind == CELL else None)
        if not spans:
            continue
        start, end = spans[0][0], spans[-1][1]
        holes.extend((a[1], b[0]) for a, b in zip(spans, spans[1:]))
        holes += _inline_holes(text, start, end)
        blocks.append(Block(start, end, kind, level))
    _title(blocks)
    return Document.build(path, text, "markdown", blocks, holes)


_OPENERS = re.compile(r"<!--|`+")


def _inline_holes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Code spans and comments first (a tag inside a code span is code), then the other inline
    syntax between them. Linear: an opener without its closer is text, and no later one is looked
    for again (a closing "-->" that is missing after one opener is missing after the next ones too)."""
    runs: dict[int, list[int]] = {}  # backtick run length → starts: a span closes with a run as long
    for m in re.finditer("`+", text[start:end]):
        runs.setdefault(len(m.group()), []).append(start + m.start())
    spans, pos, comments = [], start, True
    for m in _OPENERS.finditer(text, start, end):
        if m.start() < pos:
            continue
        close = -1
        if m.group() == "<!--":
            if comments:
                close = text.find("-->", m.end(), end)
                comments = close >= 0
                close = close + 3 if close >= 0 else -1
        else:
            n = len(m.group())
            later = runs[n]
            i = bisect.bisect_right(later, m.start())
            close = later[i] + n if i < len(later) else -1
        if close >= 0:
            spans.append((m.start(), close))
            pos = close
    holes, pos = list(spans), start
    for a, b in spans + [(end, end)]:
        holes += (h.span() for h in _INLINE_HOLES.finditer(text, pos, a))
        pos = b
    return holes


def _locate(text, line_starts, line_map, content, row_cursor):
    """Find each line of an inline token's content, in order, inside its source lines."""
    first, last = line_map
    last = min(last, len(line_starts))  # markdown-it also breaks lines at a lone \r
    spans = []
    line = first
    for part in content.split("\n"):
        part = part.strip()
        if not part:
            continue
        while line < last:
            ls = line_starts[line]
            le = line_starts[line + 1] - 1 if line + 1 < len(line_starts) else len(text)
            frm = ls if row_cursor is None else max(ls, row_cursor.get(line, ls))
            found = text.find(part, frm, le)
            if found >= 0:
                spans.append((found, found + len(part)))
                if row_cursor is not None:
                    row_cursor[line] = found + len(part)
                else:
                    line += 1
                break
            line += 1
        else:
            return spans
    return spans


def _title(blocks: list[Block]) -> None:
    """The first level-1 heading before any prose is the title."""
    for b in blocks:
        if b.kind == HEADING and b.level == 1:
            b.kind = TITLE
            return
        if b.kind != HEADING:
            return
