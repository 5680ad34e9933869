"""Drop caps: the decorative first letter of an article, scraped as text in front of or in place of
the translation's first letter ('WAfter a long night', 'IGermany's largest', 'Dhe bad news', 'BErlin'),
or lost with it ('n November'), or set apart from its word by a space ('T he', 'D The').

Decided by shape and the dictionary, never by a list: the token is no word, and it becomes a word
when its first capital is dropped, its second letter lowered, or (for the article's opening word
only) its first letter replaced so that it becomes one of the most frequent English words."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mtfix import lexicon as lx
from mtfix.detectors import Context, detector
from mtfix.document import PARAGRAPH, Document
from mtfix.text import ABBREVIATIONS, DATELINE, SCRAPED_DATE

# What a scraped page puts before the opening word on its line, besides 'BERLIN (dpa) –': a German
# date and time ('03.12.2026, 14:30 Uhr'), a place with a dash, an agency in brackets or a full stop
# ('BERLIN - ', 'Munich (AP) ', 'Munich. ', 'Berlin, 3 December (dpa) - '). Only a token that is no
# word and becomes one is reported after it, so a wide lead costs no false alarm on ordinary prose.
# Words hold no slash or space and are bounded, so a hostile line cannot make the match backtrack.
_LEAD = re.compile(
    r"(?:\d{1,2}\.\d{1,2}\.\d{2,4},?(?:[ \t]+\d{1,2}[:.]\d\d(?:[ \t]*(?:Uhr|h|hrs|clock|o'clock))?)?[ \t]+)?"
    r"(?:[A-ZÄÖÜ][\w.'-]{0,40}(?:(?:,?[ \t]+|/)[A-ZÄÖÜ0-9][\w.'-]{0,40}){0,4}"
    r"(?:[ \t]*\([^()\n]{1,30}\)[ \t]*(?:[–—:-][ \t]*)?|[ \t]+[–—-][ \t]+|\.[ \t]+))?"
)

_OPENING_BLOCKS = 6  # the article body starts within the first few blocks, after any furniture
_REPLACED_ZIPF = 5.8  # 'The', 'She', 'When': only the most frequent words are a safe bet for a replaced letter
_SPLIT_ZIPF = 3.5  # 'T his', 'W hen', 'M ore': a word split after its initial is a common one


def _word(w: str) -> bool:
    return lx.english(w) or lx.is_name(w)


def _no_word(t: str) -> bool:
    low = t.lower()
    return not (lx.english(t) or lx.english(low) or lx.is_name(t) or lx.zipf_en(low) >= 2.5 or lx.zipf_de(low) >= 3.0)


LOST = "Drop cap lost: the opening word has lost its first letter"
_CAPITALS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _best_initial(rest: str, other_than: str = "") -> str | None:
    """The most frequent word a capital and ``rest`` make ('he' → 'The'), if it is frequent enough
    to bet on: a replaced or lost initial can be any letter."""
    z, word = max((lx.zipf_en(c + rest), c + rest) for c in _CAPITALS if c != other_than)
    return word if z >= _REPLACED_ZIPF else None


def lost_initial(t: str) -> list[str]:
    """'n November': the drop cap was lost and a fragment of one or two lowercase letters opens the
    article; the words it may have been, most frequent first ('In', 'On')."""
    if not (1 <= len(t) <= 2 and t.isalpha() and t.islower()) or t == "a" or (len(t) == 2 and lx.english(t)):
        return []
    found = [(lx.zipf_en((c + t).lower()), c + t) for c in _CAPITALS]
    return [w for z, w in sorted(found, reverse=True) if z >= _REPLACED_ZIPF][:3]


def candidates(t: str, opening: bool) -> list[str]:
    """The words a scraped drop cap may stand for, best first."""
    core, _, tail = t.partition("'")  # IGermany's
    if not 3 <= len(core) <= 40 or not core[0].isupper() or not core.isalpha():
        return []
    out: list[str] = []
    if core[1].isupper() and core[2:].islower() and core[2:] != "s" and not lx.english(core):
        if _word(core[1:]):  # WAfter, IGermany, MAt
            out.append(core[1:])
        lowered = core[0] + core[1:].lower()
        if lx.is_name(lowered) or (lx.english(lowered) and lx.zipf_en(lowered) >= 4):  # BErlin, MAt
            out.append(lowered)
    elif opening and core[1:].islower() and _no_word(core):  # Dhe: a German initial in place of 'T'
        best = _best_initial(core[1:], other_than=core[0])
        if best:
            out.append(best)
    return [w + (("'" + tail) if tail else "") for w in out]


def _lead(text: str, start: int, end: int) -> re.Match | None:
    m = _LEAD.match(text, start, end)
    if m and m.group().rstrip().endswith("."):  # 'Munich. ', not 'Mr. ' before a name
        word = m.group().rstrip().rstrip(".").rsplit(None, 1)[-1]
        if len(word) < 3 or word.lower() in ABBREVIATIONS:
            return None
    return m


def split_candidates(initial: str, rest: str, opening: bool) -> list[str]:
    """A drop cap set apart from its word by a space: 'T he' and 'A fter' (the word split), 'D The'
    (a German initial before the whole English word), 'D he' (a German initial before the rest)."""
    if not (initial.isupper() and initial.isalpha()) or initial == "Q" or not rest.isalpha():  # 'Q What …' in interviews
        return []
    joined = initial + rest
    if rest.islower():
        # 'A' and 'I' are words: 'A man', 'I am' stay; 'A fter', 'I n' join
        if initial in "AI" and (lx.english(rest) if len(rest) > 1 else rest in "ai"):
            return []
        if _word(joined) and (lx.zipf_en(joined.lower()) >= _SPLIT_ZIPF or lx.is_name(joined)):
            return [joined]
        best = _best_initial(rest) if opening and initial not in "AI" and _no_word(joined) else None
        return [best] if best else []
    if initial not in "AI" and rest[1:].islower() and lx.zipf_en(rest.lower()) >= _REPLACED_ZIPF:
        return [rest]  # 'D The': only the most frequent opening words, never 'J Crew', 'X Factor'
    return []


@detector("MT323")
def drop_cap(doc: Document, ctx: Context) -> Iterator:
    rule = ctx.rule("MT323")
    opening = True  # the first paragraph that reads as prose is the article's opening
    for n, block in enumerate(b for b in doc.blocks if b.kind == PARAGRAPH):
        if n >= _OPENING_BLOCKS:
            break
        toks = doc.tokens(block)
        if not toks:
            continue
        date = SCRAPED_DATE.match(doc.masked, block.start, block.end)
        at = date.end() if date else block.start
        dateline = DATELINE.match(doc.masked, at, block.end) or _lead(doc.masked, at, block.end)
        for pos in (at, dateline.end()) if dateline and dateline.end() > at else (at,):
            tok = next((t for t in toks if t.start >= pos), None)
            first = tok is not None and tok.start == pos
            reps = candidates(tok.text, opening) if first else []
            if first and not reps and len(tok.text) == 1:
                nxt = next((t for t in toks if t.start > tok.start), None)
                if nxt is not None and doc.text[tok.end : nxt.start] in (" ", "\u00a0"):
                    split = split_candidates(tok.text, nxt.text, opening)
                    if split:
                        yield rule.finding(tok.start, nxt.end, doc.text[tok.start : nxt.end], split)
                        break
            lost = [] if reps or not (first and opening) else lost_initial(tok.text)
            if reps or lost:
                yield rule.finding(tok.start, tok.end, tok.text, reps or lost, message=LOST if lost else None)
                break
        if len(toks) >= 8:  # a short line is furniture or a heading; the opening comes after it
            opening = False
