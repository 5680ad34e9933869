"""Words, sentence starts and quotations inside a block, all as offsets."""

from __future__ import annotations

import re
from itertools import accumulate, repeat
from typing import NamedTuple

LETTER = r"A-Za-zÀ-ÖØ-öø-ÿĀ-žß"
WORD = re.compile(rf"[{LETTER}]+(?:['’][{LETTER}]+)*(?:-[{LETTER}]+)*")
OPEN_QUOTES = "\"“„«»‘‚'"
SENTENCE_END = ".!?…"
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "nr", "vs", "jr", "sr", "gen", "col", "lt", "sgt", "rev",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "ca",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
    "e.g", "i.e", "etc", "max", "min", "incl", "excl", "est", "cf", "al", "resp", "ref", "tel", "dept", "govt", "inc", "ltd", "co", "corp", "u.s", "u.k", "a.m", "p.m", "fig", "vol", "ed", "gov",
}


class Token(NamedTuple):
    """A word with its document offsets (a tuple: blocks hold thousands of them)."""

    text: str
    start: int
    end: int

    @property
    def is_title(self) -> bool:
        t = self.text
        return t[0].isupper() and (len(t) == 1 or not t[1:].replace("-", "").isupper())

    @property
    def is_upper(self) -> bool:
        return self.text.isupper() and len(self.text) > 1


_SPLIT = re.compile(f"({WORD.pattern})")
# A scraper's date stamp in front of the first line ('date 2024-02-18 Home » …'): not part of the copy.
SCRAPED_DATE = re.compile(r"date \d{4}-\d\d-\d\d[ \t]+")
# What may stand before an article's opening word on its line: a dateline ('BERLIN (dpa) –', 'Zurich (AP) -')
DATELINE = re.compile(r"[A-ZÄÖÜ][\w./-]*(?:[ \t][A-ZÄÖÜ][\w./-]*){0,3}[ \t]*\([^()\n]{1,30}\)[ \t]*[–—-][ \t]*")


def words(text: str, offset: int = 0) -> list[Token]:
    """Split in C: the pieces alternate gap, word, gap …; running lengths give every offset, and
    map() builds the Tokens without a Python-level loop (this sees every word of every file)."""
    pieces = _SPLIT.split(text)
    ends = list(accumulate(map(len, pieces), initial=offset))
    found = pieces[1::2]
    return list(map(tuple.__new__, repeat(Token, len(found)), zip(found, ends[1::2], ends[2::2])))


def starts_sentence(text: str, pos: int, block_start: int = 0) -> bool:
    """True when ``pos`` opens a sentence, clause after a colon, quotation, bracket or list marker."""
    i = pos - 1
    while i >= block_start and text[i] in " \t\u00a0" + OPEN_QUOTES + "([*_\ue000":
        if text[i] in OPEN_QUOTES + "(\ue000":
            return True
        i -= 1
    if i < block_start:
        return True
    c = text[i]
    if c in "\n:;|•–—-#>+" or c.isdigit() and _after_list_number(text, i):
        return True
    if c in ")]":  # '4) Would', '[5] Since', '(PERSON4) Both': a marker that opens the line
        return _LINE_MARKER.fullmatch(text, max(block_start, text.rfind("\n", block_start, i) + 1), i + 1) is not None
    if c in SENTENCE_END:
        return not _is_abbreviation(text, i) or _letter_item(text, i, block_start)
    return c in "”’\"'" and i > block_start and text[i - 1] in SENTENCE_END + ",:"


_LINE_MARKER = re.compile(r"[ \t]*[(\[]?[\w#]{1,12}[)\]]")


def _letter_item(text: str, dot: int, block_start: int) -> bool:
    """'A. Inspect …', '… damage. B. Open …': a lettered list item, not an initial."""
    j = dot - 1
    if j < block_start or not text[j].isupper() or (j > block_start and text[j - 1].isalpha()):
        return False
    before = text[block_start:j].rstrip(" \t")
    # after the line start or a sentence's end ('damage. B.'), not inside an abbreviation ('U.S. Army')
    return before == "" or before[-1] == "\n" or (before[-1] in SENTENCE_END and len(before) > 1 and not before[-2].isupper())


def _after_list_number(text: str, i: int) -> bool:
    j = i
    while j > 0 and text[j - 1].isdigit():
        j -= 1
    return j == 0 or text[j - 1] in "\n"


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    j = dot
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot].lower()
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks; curly pairs first, straight quotes paired in order."""
    spans = []
    for m in re.finditer(r"“[^“”\n]*”|„[^„“”\n]*[“”]|«[^«»\n]*»|»[^«»\n]*«|\"[^\"\n]*\"", text):
        spans.append((m.start(), m.end()))
    for m in re.finditer(r"(?<![\w])‘[^‘’\n]*’(?![\w])", text):
        spans.append((m.start(), m.end()))
    return sorted(spans)


def inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(s < pos < e for s, e in spans)


def sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Rough sentence spans: enough for ratios and register, not for parsing."""
    out, start = [], 0
    for m in re.finditer(r"[.!?…]+[\"”’)]*(?=\s+[\"“„'‘(]?[A-ZÄÖÜ0-9])|\n", text):
        if m.group() == "\n" or not _is_abbreviation(text, m.start()):
            end = m.end()
            if text[start:end].strip():
                out.append((start + offset, end + offset))
            start = end
    if text[start:].strip():
        out.append((start + offset, len(text) + offset))
    return out
