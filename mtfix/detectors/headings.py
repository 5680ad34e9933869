"""Garbled headings: lowercase starts (MT210), repeated titles or headings (MT211), mixed styles (MT212)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rapidfuzz import fuzz

from mtfix.detectors import Context, detector
from mtfix.document import Block, Document
from mtfix.finding import FixSafety
from mtfix.text import SCRAPED_DATE, Token, words

_BLANK_LINE = re.compile(r"[ \t]*(?:\r\n|\r|\n)")
_BLANK_BEFORE = re.compile(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)\Z")
OPENING_BLOCKS = 8  # title, kicker, standfirst and byline live here
NEAR_DUPLICATE = 92.0  # rapidfuzz ratio: a changed letter or two, not a different heading
_MINOR_WORDS = frozenset("a an the and or but of to in on at for with from by as vs via nor".split())


def _style(doc: Document, b: Block) -> str | None:
    """'title' (Most Words Capitalised), 'sentence' (first word only) or None (too short to tell)."""
    toks = words(doc.block_text(b))
    content = [t for t in toks[1:] if t.text.lower() not in _MINOR_WORDS and len(t.text) > 3]
    if len(content) < 2:
        return None
    caps = sum(t.text[0].isupper() for t in content)
    if caps == len(content):
        return "title"
    if caps == 0:
        return "sentence"
    return None


# A heading is a phrase ("the essentials in brief"); a line with a subject pronoun, an auxiliary or an
# opening conjunction is a sentence that lost its punctuation (chat, reviews, forum posts).
_CLAUSE_WORDS = frozenset(
    "i you he she it we they is are was were am be been has have had do does did can could will would shall "
    "should may might must don't doesn't didn't can't won't isn't aren't wasn't i'm it's you've".split()
)
_CLAUSE_OPENERS = frozenset("yes no but because please just since then when if so and or also".split())
_WH = frozenset("how why what where who which".split())


def _clause_like(toks: list[Token]) -> bool:
    lows = [t.text.lower().replace("’", "'") for t in toks]
    if lows[0] in _WH:  # "how the drones are made": a heading form
        return False
    return lows[0] in _CLAUSE_OPENERS or any(w in _CLAUSE_WORDS for w in lows)


def _capitalise(text: str, style: str) -> str:
    if style == "title":
        out = []
        for i, w in enumerate(text.split(" ")):
            out.append(w[:1].upper() + w[1:] if w and (i == 0 or w.lower() not in _MINOR_WORDS) and w[:1].islower() else w)
        return " ".join(out)
    return text[:1].upper() + text[1:]


@detector("MT210", "MT211", "MT212")
def headings(doc: Document, ctx: Context) -> Iterator:
    heads = [b for b in doc.blocks if b.is_heading]
    styles = {id(b): _style(doc, b) for b in heads}
    titled = sum(1 for s in styles.values() if s == "title")
    sentenced = sum(1 for s in styles.values() if s == "sentence")
    house = "title" if titled > sentenced else "sentence"

    if ctx.on("MT210"):
        for b in heads:
            date = SCRAPED_DATE.match(doc.text, b.start, b.end)
            start = date.end() if date else b.start
            text = doc.text[start : b.end]
            first = words(text)
            if (first and first[0].start == 0 and text[0].islower() and not any(c.isupper() for c in first[0].text)
                    and not _clause_like(first)):
                yield ctx.rule("MT210").finding(start, b.end, text, [_capitalise(text, house)])

    if ctx.on("MT211"):
        yield from _duplicates(doc, ctx)

    if ctx.on("MT212") and titled and sentenced:
        minority = "sentence" if house == "title" else "title"
        for b in heads:
            if styles[id(b)] == minority:
                text = doc.text[b.start : b.end]
                yield ctx.rule("MT212").finding(
                    b.start, b.end, text, message=f"Heading in {minority} case; the others use {house} case"
                )


def _duplicates(doc: Document, ctx: Context) -> Iterator:
    """A title or heading printed again: right after itself, later as a line of its own, with a new
    kicker ("“Madness!”: Internal outburst …"), or run into the start of a paragraph."""
    rule = ctx.rule("MT211")
    blocks = doc.blocks
    seen = _Seen()
    for i, b in enumerate(blocks):
        text = doc.text[b.start : b.end]
        if not b.is_heading and len(text) > 300 and not seen.keys:
            continue  # a long paragraph before any heading repeats nothing
        # A paragraph whose first 400 characters already normalise to more than 200 is too long to
        # be a repeated headline: its key is only ever compared by length, so the prefix will do.
        key = _norm(text[:400]) if not b.is_heading and len(text) > 400 else ""
        if len(key) <= 200:
            key = _norm(text)
        prev = blocks[i - 1] if i else None
        extra = None
        if prev is not None and not prev.is_heading and len(key) <= 120 and (b.is_heading or len(key.split()) <= 12):
            extra = (_norm(doc.text[prev.start : prev.end]), i - 1)
        hit = None
        if (seen.keys or extra) and (b.is_heading or len(key) <= 200):  # a headline repeated is short
            hit = seen.repeat_of(key, extra, long_enough=b.is_heading or (prev is not None and prev.is_heading))
        if hit is not None:
            exact, where = hit
            s, e = doc.line_span(b.start)
            if e < b.end:  # multi-line block: delete the block only
                s, e = b.start, b.end
            else:  # between blank lines, take one with it, or two blank lines would stay
                blank = _BLANK_LINE.match(doc.text, e)
                if blank and _BLANK_BEFORE.search(doc.text[max(0, s - 8) : s]) and blank.end() > e:
                    e = blank.end()
            # Certain only for an exact repeat right after the first or among the opening blocks (a
            # scraped title); far down, a short line may be repeated on purpose ('Click "Save"').
            sure = exact and (i - where <= 2 or i < OPENING_BLOCKS)
            yield rule.finding(s, e, doc.text[s:e], [""], fix=True if sure else FixSafety.UNSAFE)
        elif not b.is_heading:
            run_in = seen.run_in(text)
            if run_in:
                e = b.start + run_in
                yield rule.finding(b.start, e, doc.text[b.start : e], [""], fix=FixSafety.UNSAFE,
                                   message="Headline repeated at the start of the paragraph")
        if b.is_heading:
            seen.add(key, i)
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if nxt is not None and doc.text.count("\n", b.end, nxt.start) == 1 and nxt.end - nxt.start <= 150:
                # a kicker over its headline ('Storm over Bavaria' / 'Thousands without power'), printed
                # again later on one line: 'Storm over Bavaria: Thousands without power'
                line = _norm(doc.text[nxt.start : nxt.end])
                seen.add_exact((f"{key}: {line}", f"{key} {line}"), i)


NEAR_WINDOW = 32  # near (not exact) repeats are looked for among this many latest headings and the opening ones


class _Seen:
    """The headings so far, indexed so that each block costs about the same however many came before:
    exact and kicker-less repeats by dict, near repeats among the opening and the latest headings only
    (a scraped double sits next to its original; a far one that differs is more likely a new heading)."""

    def __init__(self) -> None:
        self.keys: dict[str, int] = {}  # normalised heading → first block index
        self.cores: dict[str, int] = {}  # ... without its kicker
        self.opening: list[tuple[str, int]] = []
        self.latest: list[tuple[str, int]] = []
        self.starts: dict[str, list[str]] = {}  # first two words → headings a paragraph may start with

    def add(self, key: str, i: int) -> None:
        self.keys.setdefault(key, i)
        self.cores.setdefault(_core(key), i)
        (self.opening if i < OPENING_BLOCKS else self.latest).append((key, i))
        del self.latest[:-NEAR_WINDOW]
        for c in (key, key.partition(": ")[0] + ":"):
            if len(c.split()) >= 5:
                self.starts.setdefault(" ".join(c.split(" ", 2)[:2]), []).append(c)

    def add_exact(self, keys: tuple[str, ...], i: int) -> None:
        """Forms matched only exactly: a kicker joined to its headline is near the headline alone."""
        for k in keys:
            self.keys.setdefault(k, i)

    def repeat_of(self, key: str, extra: tuple[str, int] | None, long_enough: bool) -> tuple[bool, int] | None:
        """(exact, block index of the first) for an exact or near repeat, None for none."""
        if len(key) < 8 or not (long_enough or len(key.split()) >= 4):
            return None
        if extra and extra[0] == key:
            return True, extra[1]
        if key in self.keys:
            return True, self.keys[key]
        core = _core(key)
        if len(key.split()) >= 4 and core != key and core in self.cores:
            return False, self.cores[core]
        for k, where in self.opening + self.latest + ([extra] if extra else []):
            if fuzz.ratio(key, k, score_cutoff=NEAR_DUPLICATE) or _extends(key, k):
                return False, where
        return None

    def run_in(self, text: str) -> int:
        """Length of a heading (or its part before a colon) repeated at the start of a paragraph."""
        for cand in self.starts.get(" ".join(text[:200].lower().split(" ", 2)[:2]), ()):
            low = text[: len(cand) + 2].lower()
            if len(low) > len(cand) + 1 and low.startswith(cand) and low[len(cand)] in " \t":
                return len(cand) + 1
        return 0


def _extends(a: str, b: str) -> bool:
    """One headline is the other with words added at the end ('… for talks' / '… for talks on the
    budget'): a title repeated as teaser or standfirst. Both of five or more words."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    n = len(short)  # keys are normalised (single spaces), so four spaces are five words
    return n >= 0.6 * len(long) and long.startswith(short) and long[n : n + 1] in (" ", ":", ",") and short.count(" ") >= 4


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _core(key: str) -> str:
    """The headline without its kicker: 'pressure on merz: internal outburst …' → 'internal outburst …'."""
    head, sep, rest = key.rpartition(": ")
    return rest if sep and len(rest.split()) >= 5 else key
