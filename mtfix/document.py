"""A decoded file as blocks of prose, with every offset pointing into the original text."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from operator import itemgetter

from mtfix.text import Token, words

MAX_WORD = 100  # letters: longer tokens are skipped by the word rules
MASK = "\ue000"  # stands in for anything that is not prose: code, URLs, markup

TITLE, HEADING, PARAGRAPH, ITEM, CELL = "title", "heading", "paragraph", "item", "cell"
HEADING_KINDS = (TITLE, HEADING)
_INK = re.compile(r"\S")  # between blocks: whitespace stays for line anchors
_LINE = re.compile(r"[^\r\n]")  # code and URLs inside a block: only line breaks stay

_LINE_MARKUP = frozenset("#>*+-=.)0123456789 \t\r\n")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # old Mac files end lines with CR alone
_MAY_HAVE_URL = re.compile(r"://|www\.|@")  # a cheap scan before the costly one
URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\"“”]+[^\s<>()\"“”.,;:!?]|\b[\w.+-]+@[\w-]+\.[\w.-]+\w")


@dataclass(slots=True)
class Block:
    """A heading, paragraph, list item or table cell: the unit detectors reason about."""

    start: int
    end: int
    kind: str
    level: int = 0

    @property
    def is_heading(self) -> bool:
        return self.kind in HEADING_KINDS


@dataclass
class Document:
    """``masked`` has the length of ``text``; everything outside prose is MASK (newlines kept)."""

    path: str
    text: str
    format: str
    blocks: list[Block]
    masked: str = ""
    _block_starts: list[int] = field(default_factory=list, repr=False)
    _tokens: dict[int, list[Token]] = field(default_factory=dict, repr=False)
    _all_tokens: list[Token] | None = field(default=None, repr=False)
    _token_starts: list[int] = field(default_factory=list, repr=False)
    _parsed: list | None = field(default=None, repr=False)  # filled by mtfix.syntax on first use
    suppressed: list = field(default_factory=list, repr=False)  # findings silenced by comments
    no_fix: list[tuple[int, int]] = field(default_factory=list, repr=False)  # checked, never rewritten (HTML attributes)
    segments: list = field(default_factory=list, repr=False)  # bilingual.Segment pairs of an XLIFF, PO or TSV file

    @classmethod
    def build(cls, path: str, text: str, fmt: str, blocks: list[Block], holes: list[tuple[int, int]]) -> Document:
        blocks = sorted(blocks, key=lambda b: b.start)
        gaps, pos = [], 0
        for b in blocks:
            if b.start > pos:
                gaps.append((pos, b.start))
            pos = max(pos, b.end)
        gaps.append((pos, len(text)))
        urls = [(*m.span(), _LINE) for m in URL.finditer(text)] if _MAY_HAVE_URL.search(text) else []
        spans = sorted([(s, e, _INK) for s, e in gaps] + [(s, e, _LINE) for s, e in holes] + urls, key=lambda r: r[:2])
        parts, pos = [], 0
        for s, e, ink in spans:
            if e <= pos:
                continue
            s = max(s, pos)
            parts.append(text[pos:s])
            parts.append(ink.sub(MASK, text[s:e]))
            pos = e
        parts.append(text[pos:])
        doc = cls(path, text, fmt, blocks, "".join(parts))
        doc._block_starts = [b.start for b in blocks]
        return doc

    @cached_property
    def _line_starts(self) -> list[int]:
        """Computed on first use: most documents need no line numbers at all (no findings)."""
        return [0] + [m.end() for m in _LINE_BREAK.finditer(self.text)]

    @cached_property
    def word_set(self) -> frozenset[str]:
        """Distinct words as written: detectors judge each word once, and skip a document (in C,
        by set intersection) where no word is a candidate. A token over MAX_WORD letters is no word
        of prose (a hash, a base64 run, an attack): leaving it out keeps every per-word structure
        bounded, since the word rules only ever look at candidates from this set."""
        words = frozenset(map(itemgetter(0), self.all_tokens()))
        if any(len(w) > MAX_WORD for w in words):
            words = frozenset(w for w in words if len(w) <= MAX_WORD)
        return words

    @cached_property
    def word_counts(self) -> Counter:
        """How often each word occurs: counting in the text per question was quadratic on a long file."""
        return Counter(map(itemgetter(0), self.all_tokens()))

    @cached_property
    def lowered(self) -> str:
        """The masked text in lowercase, for the pattern rules' literal triggers."""
        return self.masked.lower()

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of an offset."""
        i = bisect_right(self._line_starts, offset) - 1
        return i + 1, offset - self._line_starts[i] + 1

    def line_span(self, offset: int) -> tuple[int, int]:
        """The line around an offset, with its line break when it has one."""
        i = bisect_right(self._line_starts, offset) - 1
        start = self._line_starts[i]
        return start, self._line_starts[i + 1] if i + 1 < len(self._line_starts) else len(self.text)

    def block_at(self, offset: int) -> Block | None:
        i = bisect_right(self._block_starts, offset) - 1
        if i >= 0 and self.blocks[i].start <= offset < self.blocks[i].end:
            return self.blocks[i]
        return None

    def block_text(self, block: Block) -> str:
        return self.masked[block.start : block.end]

    def all_tokens(self) -> list[Token]:
        """Every word of the document's prose, in order."""
        if self._all_tokens is None:
            self._all_tokens = words(self.masked)
            self._token_starts = list(map(itemgetter(1), self._all_tokens))
        return self._all_tokens

    def token_index(self, offset: int) -> int:
        """The number of the first word at or after ``offset`` (words counted over the document)."""
        self.all_tokens()
        return bisect_left(self._token_starts, offset)

    def tokens(self, block: Block) -> list[Token]:
        """The block's words with document offsets, split once per document and shared by every detector."""
        toks = self._tokens.get(block.start)
        if toks is None:
            self.all_tokens()
            i = bisect_left(self._token_starts, block.start)
            j = bisect_left(self._token_starts, block.end, i)
            toks = self._tokens[block.start] = self._all_tokens[i:j]
        return toks

    def fixable(self, start: int, end: int) -> bool:
        return not any(s <= start and end <= e for s, e in self.no_fix)

    def is_prose(self, start: int, end: int) -> bool:
        return MASK not in self.masked[start:end]

    def is_prose_lines(self, start: int, end: int) -> bool:
        """Whole lines of prose whose only other characters are Markdown line markup ("# ", "> ",
        "1. "): a repeated heading is deleted with its marker, or an empty "#" would stay."""
        t = self.text
        if (start and t[start - 1] not in "\r\n") or (end < len(t) and t[end - 1] not in "\r\n"):
            return False
        markup = {c for c, m in zip(t[start:end], self.masked[start:end]) if m == MASK}
        return markup <= _LINE_MARKUP and any(m != MASK and not m.isspace() for m in self.masked[start:end])
