"""Plain text: paragraphs are lines (or blank-line-separated runs); short unpunctuated lines are headings."""

from __future__ import annotations

import re

from mtfix.document import HEADING, ITEM, PARAGRAPH, TITLE, Block, Document

_END_PUNCT = ".!?:;,\"”’)…"
_BULLET = re.compile(r"\s*(?:[-*•·‣▪–]|\d{1,2}[.)])\s+")
_COMMENT_LINE = re.compile(r"<!--.*?-->")
MAX_HEADING_WORDS = 14
MAX_HEADING_CHARS = 100


def parse(path: str, text: str) -> Document:
    runs = _join_wrapped(text, _lines(text))
    blocks: list[Block] = []
    for run in runs:
        start, end = run[0][0], run[-1][1]
        kind = ITEM if _BULLET.match(text, start) else PARAGRAPH
        blocks.append(Block(start, end, kind))
    _mark_headings(text, blocks)
    return Document.build(path, text, "text", blocks, holes=[])


def _lines(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as (start, end) without the line break or surrounding blanks."""
    out = []
    for m in re.finditer(r"[^\r\n]+", text):  # CR, LF or CRLF ends a line
        raw = m.group()
        stripped = raw.strip()
        if stripped and not _COMMENT_LINE.fullmatch(stripped):  # a suppression comment is no prose
            s = m.start() + len(raw) - len(raw.lstrip())
            out.append((s, s + len(stripped)))
    return out


def _join_wrapped(text: str, lines: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """A hard-wrapped paragraph: a long line without final punctuation, then one starting lowercase."""
    runs: list[list[tuple[int, int]]] = []
    for s, e in lines:
        if runs:
            ps, pe = runs[-1][-1]
            prev = text[ps:pe]
            first = text[s]
            adjacent = text.count("\n", pe, s) == 1
            if adjacent and len(prev) > 50 and prev[-1] not in _END_PUNCT and first.islower():
                runs[-1].append((s, e))
                continue
        runs.append([(s, e)])
    return runs


def _mark_headings(text: str, blocks: list[Block]) -> None:
    seen_title = False
    only_titles = True  # every block before this one is a title (kept as we go: asking anew was quadratic)
    for i, b in enumerate(blocks):
        only_titles = only_titles and (i == 0 or blocks[i - 1].kind == TITLE)
        if b.kind != PARAGRAPH or not _heading_like(text[b.start : b.end]):
            continue
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if nxt is None:
            continue
        if _heading_like(text[nxt.start : nxt.end]) and not _is_title_pair(text, b, nxt):
            if i == 0 and len(blocks) > 2:  # a title above a second headline or teaser
                b.kind = TITLE
                seen_title = True
            elif _is_kicker(text, b, blocks[i + 2 : i + 3]):
                b.kind = HEADING
            continue
        if not seen_title and only_titles:
            b.kind = TITLE
            seen_title = True
        else:
            b.kind = HEADING


def _is_kicker(text: str, b: Block, after: list[Block]) -> bool:
    """A word or two above a headline ('Parties', 'Bundesliga'), then the headline, then prose."""
    nxt_nxt = text[after[0].start : after[0].end] if after else ""
    return len(text[b.start : b.end].split()) <= 3 and bool(nxt_nxt) and not _heading_like(nxt_nxt)


def _is_title_pair(text: str, a: Block, b: Block) -> bool:
    """A title printed twice is still a title followed by (a copy of) itself."""
    return text[a.start : a.end].strip().lower() == text[b.start : b.end].strip().lower()


def _heading_like(line: str) -> bool:
    if "\n" in line or len(line) > MAX_HEADING_CHARS or _BULLET.match(line):
        return False
    if line[-1] in ".!?,;…" or line.count(" ") + 1 > MAX_HEADING_WORDS:
        return False
    return any(c.isalpha() for c in line)
