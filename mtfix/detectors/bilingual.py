"""Source-aware checks of bilingual files (XLIFF, PO, TSV): what no monolingual check can see.

Each compares a segment's target with its source: a target left in German, a target missing, a
number changed, a negation lost, an inline code or placeholder dropped. They run only on documents
that have segments, so a monolingual check pays nothing for them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from mtfix import lexicon as lx
from mtfix.detectors import Context, detector
from mtfix.document import Document
from mtfix.text import WORD

_SPACE = re.compile(r"\s+")


def _norm(s: str) -> str:
    return _SPACE.sub(" ", s).strip().casefold()


def _german(source: str) -> bool:
    """Enough German to call a copied segment untranslated: names and brands are the same in both
    languages, so a lowercase word far more German than English (or with an umlaut or ß) is needed."""
    words = WORD.findall(source)
    return len(words) >= 2 and any(w.islower() and (
        any(c in w for c in "äöüßÄÖÜ") or (lx.zipf_de(w.lower()) >= 3.0 and lx.zipf_de(w.lower()) - lx.zipf_en(w.lower()) >= 1.0)
        ) for w in words)


@detector("MT751", "MT752", "MT753", "MT754", "MT755")
def source_aware(doc: Document, ctx: Context) -> Iterator:
    if not doc.segments:
        return
    on = ctx.enabled
    for seg in doc.segments:
        span = (seg.start, seg.end, doc.text[seg.start : seg.end])
        if not seg.target.strip():
            if "MT752" in on and seg.source.strip():
                yield ctx.rule("MT752").finding(seg.start, seg.start, "", message=f"Target of segment {seg.id} is empty")
            continue
        if "MT751" in on and _norm(seg.target) == _norm(seg.source) and _german(seg.source):
            yield ctx.rule("MT751").finding(*span)
            continue
        if "MT753" in on:
            missing, extra = _numbers(seg.source, seg.target)
            if missing or extra:
                parts = ([f"{', '.join(missing)} of the source missing"] if missing else []) + (
                    [f"{', '.join(extra)} not in the source"] if extra else [])
                yield ctx.rule("MT753").finding(*span, message=f"Numbers differ from the source: {'; '.join(parts)}")
        if "MT754" in on and _NEG_DE.search(seg.source) and not _NEG_EN.search(seg.target):
            word = _NEG_DE.search(seg.source).group()
            yield ctx.rule("MT754").finding(*span, message=f'The source says "{word}"; the target has no negation')
        if "MT755" in on and Counter(seg.source_codes) != Counter(seg.target_codes):
            lost = list((Counter(seg.source_codes) - Counter(seg.target_codes)).elements())
            added = list((Counter(seg.target_codes) - Counter(seg.source_codes)).elements())
            what = ([f"missing {' '.join(lost)}"] if lost else []) + ([f"added {' '.join(added)}"] if added else [])
            yield ctx.rule("MT755").finding(*span, message=f"Inline codes or placeholders differ: {'; '.join(what)}")


_NEG_DE = re.compile(r"\b(?:nicht|nichts|kein(?:e[mnrs]?)?|nie|niemals|niemand(?:e[mn])?|weder|nirgends|nirgendwo)\b", re.I)
_NEG_EN = re.compile(r"\b(?:not|no|never|nobody|nothing|none|neither|nor|nowhere|without|cannot|no-one)\b|n[’']t\b", re.I)

_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_MONTHS_DE = {m: i for i, m in enumerate(
    "januar februar märz april mai juni juli august september oktober november dezember".split(), 1)}
_WORDS_EN = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())} | {
    w: i for i, w in enumerate("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(), 1)}
_WORDS_DE = {w: i for i, w in enumerate(
    "null eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf".split())} | {"ein": 1, "eine": 1, "einen": 1, "einem": 1}

_DE_TIME = re.compile(r"\b(\d{1,2})(?:[.:](\d{2}))?\s?Uhr\b")
_DE_DATE = re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.(\d{2,4})?")
_DE_NUM = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\d])")
_EN_TIME = re.compile(r"\b(\d{1,2})(?::(\d{2}))?\s?([ap])\.?m\b\.?", re.I)
# A comma before one or two digits is a decimal comma left from German ("3,5 percent"): MT307 reports
# it, and the number is read as meant, not as two numbers.
_EN_NUM = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+,\d{1,2}(?![\d,])|\d+(?:\.\d+)?)(?:st|nd|rd|th)?(?![\d])")
_WORD = re.compile(r"[^\W\d_]+")


def _value(s: str) -> str:
    v = float(s)
    return str(int(v)) if v == int(v) else repr(v)


def _en_number(s: str) -> str:
    return s.replace(",", ".") if re.fullmatch(r"\d+,\d{1,2}", s) else s.replace(",", "")


def _numbers(source: str, target: str) -> tuple[list[str], list[str]]:
    """Numbers of the source missing from the target and numbers the target added, after German
    formats are read as German (3,5 = 3.5; 1.000 = 1000; 22.8. = day 22, month 8; 17 Uhr = 17 h)
    and English ones as English (5 p.m. = 17 h; August = 8). Small numbers may be words."""
    src: Counter[str] = Counter()
    rest = source
    for m in _DE_TIME.finditer(source):
        src[_value(m.group(1))] += 1
        if m.group(2) and m.group(2) != "00":
            src[_value(m.group(2))] += 1
    rest = _DE_TIME.sub(" ", rest)
    for m in _DE_DATE.finditer(rest):
        src.update(_value(g) for g in m.groups() if g)
    rest = _DE_DATE.sub(" ", rest)
    src.update(_value(m.group(1).replace(".", "").replace(",", ".")) for m in _DE_NUM.finditer(rest))
    src.update(str(_MONTHS_DE[w.lower()]) for w in _WORD.findall(source) if w.lower() in _MONTHS_DE)

    tgt: Counter[str] = Counter()
    rest = target
    for m in _EN_TIME.finditer(target):
        hour = int(m.group(1)) % 12 + (12 if m.group(3).lower() == "p" else 0)
        tgt[str(hour)] += 1
        if m.group(2) and m.group(2) != "00":
            tgt[_value(m.group(2))] += 1
    rest = _EN_TIME.sub(" ", rest)
    rest = re.sub(r"\b(\d{1,2}):00\b", r"\1", rest)  # 17:00 is 17 Uhr
    tgt.update(_value(_en_number(m.group(1))) for m in _EN_NUM.finditer(rest))
    tgt.update(str(_MONTHS[w.lower()]) for w in _WORD.findall(target) if w.lower() in _MONTHS)

    # Small numbers written as words on either side count as the number.
    src_words = Counter(str(_WORDS_DE[w.lower()]) for w in _WORD.findall(source) if w.lower() in _WORDS_DE)
    tgt_words = Counter(str(_WORDS_EN[w.lower()]) for w in _WORD.findall(target) if w.lower() in _WORDS_EN)
    missing = src - tgt - tgt_words
    extra = tgt - src - src_words
    return sorted(missing.elements()), sorted(extra.elements())
