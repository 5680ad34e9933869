"""Markdown through markdown-it-py; inline content is located back in the source line by line."""

from __future__ import annotations

import re

from mtfix.document import CELL, HEADING, ITEM, PARAGRAPH, TITLE, Block, Document

_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\n.*?\n\1[ \t]*(?:\n|\Z)", re.S)
# Inline syntax that is not prose: code spans, HTML, link targets, emphasis and link brackets.
_INLINE_HOLES = re.compile(
    r"(`+)(?:.|\n)*?\1"  # code span
    r"|<!--(?:.|\n)*?-->"  # comment
    r"|</?[A-Za-z][^>\n]*>"  # inline HTML tag or autolink
    r"|\]\([^)\n]*\)"  # link destination
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
        for m in _INLINE_HOLES.finditer(text, start, end):
            holes.append(m.span())
        blocks.append(Block(start, end, kind, level))
    _title(blocks)
    return Document.build(path, text, "markdown", blocks, holes)


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
