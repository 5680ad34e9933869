"""HTML articles: Python's own parser with source positions, so every offset points into the file.

Headings are ``h1``–``h6`` (the first ``h1`` is the title); prose is ``p``, ``li``, ``td``/``th``,
``figcaption``, ``blockquote`` and ``alt``/``title`` attributes. ``script``, ``style``, ``code``,
``pre`` and page furniture (``nav``, ``footer``, ``header``, ``aside``, ``form``) are skipped. Tags,
comments and character references inside a block are masked, so findings and fixes stay in text
nodes and the markup is never changed (findings in ``alt``/``title`` are reported, not fixed). Broken
HTML degrades: what can be read is checked."""

from __future__ import annotations

import re
from bisect import bisect_right
from html.parser import HTMLParser

from mtfix.document import CELL, HEADING, ITEM, PARAGRAPH, TITLE, Block, Document

BLOCKS = {"p": PARAGRAPH, "li": ITEM, "td": CELL, "th": CELL, "figcaption": PARAGRAPH, "blockquote": PARAGRAPH,
          "h1": HEADING, "h2": HEADING, "h3": HEADING, "h4": HEADING, "h5": HEADING, "h6": HEADING,
          "dd": PARAGRAPH, "dt": PARAGRAPH, "caption": PARAGRAPH}
SKIP = {"script", "style", "code", "pre", "nav", "footer", "header", "aside", "form", "noscript", "template",
        "svg", "button", "select", "textarea", "iframe", "object"}
# Starting one of these ends an open paragraph, as browsers do ("<p>one<p>two", "<p>text<div>").
CLOSES_P = {"p", "div", "ul", "ol", "dl", "table", "section", "article", "figure", "footer", "nav", "header",
            "aside", "form", "hr", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "main", "figcaption"}
SIBLINGS = {"li": {"li"}, "td": {"td", "th"}, "th": {"td", "th"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
ATTRS = ("alt", "title")


def parse(path: str, text: str) -> Document:
    p = _Parser(text)
    try:
        p.feed(text)
        p.close()
    except Exception:  # noqa: BLE001 - malformed HTML: keep what was read
        pass
    p.finish()
    blocks = _leaves(p.blocks)
    title_done = False
    for b in blocks:
        if b.kind == HEADING and b.level == 1 and not title_done:
            b.kind, title_done = TITLE, True
    _prose_lines_bounded(path, text, blocks)
    doc = Document.build(path, text, "html", blocks, holes=p.holes)
    doc.no_fix = p.attributes  # alt/title text is checked, but fixes change text nodes only
    return doc


def _prose_lines_bounded(path: str, text: str, blocks: list[Block]) -> None:
    """The line limit is for prose: a minified page or a CMS export is one line of markup and script,
    and is fine; a text block that long is refused (the word rules judge prose line by line)."""
    from mtfix.errors import InputError
    from mtfix.source import MAX_LINE

    for b in blocks:
        if b.end - b.start <= MAX_LINE:
            continue
        pos = b.start
        while pos < b.end:
            nl = text.find("\n", pos, b.end)
            end = b.end if nl < 0 else nl
            if end - pos > MAX_LINE:
                line = text.count("\n", 0, pos) + 1
                raise InputError(path, f"line {line}: a text block runs {end - pos:,} characters without a line "
                                       f"break (the limit is {MAX_LINE:,})")
            pos = end + 1


class _Parser(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.lines = [0] + [m.end() for m in re.finditer("\n", text)]
        self.blocks: list[Block] = []
        self.holes: list[tuple[int, int]] = []
        self.attributes: list[tuple[int, int]] = []
        self.open: list[tuple[str, int]] = []  # block tags whose content has started
        self.skip_depth = 0
        self.skip_start = 0

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.lines[line - 1] + col

    def handle_starttag(self, tag: str, attrs) -> None:
        start = self._offset()
        raw = self.get_starttag_text() or ""
        end = start + len(raw)
        if self.skip_depth:
            if tag in SKIP and tag not in VOID:
                self.skip_depth += 1
            return
        self._implicit_close(tag, start)
        if tag in SKIP and tag not in VOID:
            self.skip_depth, self.skip_start = 1, start
            return
        self._tag(raw, start)
        if tag in BLOCKS and tag not in VOID:
            self.open.append((tag, end))

    def handle_startendtag(self, tag: str, attrs) -> None:
        start = self._offset()
        raw = self.get_starttag_text() or ""
        if not self.skip_depth:
            self._tag(raw, start)

    def handle_endtag(self, tag: str) -> None:
        start = self._offset()
        close = self.text.find(">", start)
        end = len(self.text) if close < 0 else close + 1
        if self.skip_depth:
            if tag in SKIP:
                self.skip_depth -= 1
                if not self.skip_depth:
                    self.holes.append((self.skip_start, end))
            return
        self.holes.append((start, end))
        for i in range(len(self.open) - 1, -1, -1):  # close the innermost matching block
            if self.open[i][0] == tag:
                name, content = self.open.pop(i)
                self._block(name, content, start)
                break

    def handle_comment(self, data: str) -> None:
        start = self._offset()
        self.holes.append((start, start + len(data) + 7))

    def handle_entityref(self, name: str) -> None:
        self._reference()

    def handle_charref(self, name: str) -> None:
        self._reference()

    def handle_decl(self, decl: str) -> None:
        start = self._offset()
        self.holes.append((start, start + len(decl) + 3))

    def handle_pi(self, data: str) -> None:
        start = self._offset()
        self.holes.append((start, start + len(data) + 3))

    def _reference(self) -> None:
        start = self._offset()
        semi = self.text.find(";", start, start + 40)
        self.holes.append((start, semi + 1 if semi > 0 else start + 1))

    def _tag(self, raw: str, start: int) -> None:
        """Mask a tag, except the values of its alt and title attributes, which are prose."""
        pos = start
        for m in re.finditer(r"""\b(?:alt|title)\s*=\s*(?:"([^"]*)"|'([^']*)')""", raw, re.I):
            g = 1 if m.group(1) is not None else 2
            s, e = start + m.start(g), start + m.end(g)
            if e > s and "&" not in m.group(g):
                self.holes.append((pos, s))
                self.blocks.append(Block(s, e, PARAGRAPH))
                self.attributes.append((s, e))
                pos = e
        self.holes.append((pos, start + len(raw)))

    def _implicit_close(self, tag: str, at: int) -> None:
        while self.open and (
            (self.open[-1][0] == "p" and tag in CLOSES_P) or tag in SIBLINGS and self.open[-1][0] in SIBLINGS[tag]
        ):
            name, content = self.open.pop()
            self._block(name, content, at)

    def _block(self, tag: str, start: int, end: int) -> None:
        if end > start and self.text[start:end].strip():
            level = int(tag[1]) if tag[0] == "h" and tag[1:].isdigit() else 0
            self.blocks.append(Block(start, end, BLOCKS[tag], level))

    def finish(self) -> None:
        """Blocks left open by broken HTML run to the end of the file (or of what was read)."""
        end = len(self.text)
        while self.open:
            name, content = self.open.pop()
            self._block(name, content, end)
        if self.skip_depth:
            self.holes.append((self.skip_start, end))


def _leaves(blocks: list[Block]) -> list[Block]:
    """Nested blocks (a ``p`` inside an ``li``): keep the innermost, so no text is checked twice."""
    blocks = sorted(blocks, key=lambda b: (b.start, -b.end))
    starts = [b.start for b in blocks]
    out = []
    for i, b in enumerate(blocks):
        j = bisect_right(starts, b.end - 1)
        if not any(b.start <= c.start and c.end <= b.end and c is not b for c in blocks[i + 1 : j]):
            out.append(b)
    return out
