"""German dates, clock times and ordinals (MT310, MT311, MT333), and 24-hour times given a.m. or
p.m. (MT320): forms whose English has to be computed (a month's name, the 12-hour clock, an
ordinal suffix), so no pattern rule can write it.

German writes the day before the month with full stops ("22.8.2024", "am 3.10."), tells the time
on the 24-hour clock with "Uhr" ("17.30 Uhr", which MT renders "17.30 clock" or "17.30 o'clock"),
and marks an ordinal with a full stop ("auf dem 3. Platz"). Each has one English reading, so the
suggestion can say it; it stays unsafe because house styles differ (22 August or August 22)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mtfix.detectors import Context, detector
from mtfix.document import Document

MONTHS = "January February March April May June July August September October November December".split()

# day.month.year; or day.month. without a year after a word that introduces a date
_DATE = re.compile(
    r"(?<![\d.])(?P<d>0?[1-9]|[12]\d|3[01])\.(?P<m>0?[1-9]|1[0-2])\.(?:(?P<y>(?:19|20)\d\d)(?![\d.])|(?![\d]))"
)
_DATE_CUE = re.compile(r"(?i)\b(?:on|from|until|till|since|by|to|before|after|and|between|of|the|am|vom|bis)[ \u00a0]+$")
_DATE_ONLY_CUE = re.compile(r"(?i)\b(?:on|until|till|since|am|vom|bis)[ \u00a0]+$")  # cues no number takes
_NOT_DATE = re.compile(r"(?i)(?:\b(?:version|v|release|update|chapter|section|paragraph|art)|§)[ \u00a0]*$")

# 'clock' for Uhr (or Uhr itself) at any hour; "o'clock" only where English cannot mean it: after 12,
# or with minutes
_CLOCK = re.compile(
    r"\b(?P<h>[01]?\d|2[0-4])(?:[.:](?P<m>[0-5]\d))?[ \u00a0](?:clock|o['’]clock|Uhr)\b"
)
_EN_BEFORE_TIME = re.compile(r"(?i)\b(?:at|from|until|till|to|by|around|about|before|after|since|between|and)[ \u00a0]+$")
# 'the 3. place', 'for the 5. time': an ordinal's full stop before a lowercase noun, inside a sentence
_ORDINAL = re.compile(r"(?<=[a-z,] )(?P<n>[1-9]\d?)\.[ \u00a0](?=[a-z]{3,}\b)")


_ANY = re.compile(r"\d\.|clock|Uhr")  # what every date, clock time and ordinal above contains


@detector("MT310", "MT311", "MT333")
def german_dates(doc: Document, ctx: Context) -> Iterator:
    text = doc.masked
    if not _ANY.search(text):
        return  # no digit beside a full stop or the word "clock": most documents stop here
    if ctx.on("MT310"):
        rule = ctx.rule("MT310")
        for m in _DATE.finditer(text):
            before = text[max(0, m.start() - 30) : m.start()]
            year = m.group("y")
            if _NOT_DATE.search(before) or (year is None and not _DATE_CUE.search(before)):
                continue
            end = m.end()
            if year is None and _sentence_ends(text, end):
                if not _DATE_ONLY_CUE.search(before):
                    continue  # 'rose to 3.10.' may be a number that ends the sentence
                end -= 1  # 'closed until 3.10.': the last stop also ends the sentence, and stays
            d, month = int(m.group("d")), MONTHS[int(m.group("m")) - 1]
            dated = [f"{d} {month} {year}", f"{month} {d}, {year}"] if year else [f"{d} {month}", f"{month} {d}"]
            yield rule.finding(m.start(), end, doc.text[m.start() : end], dated)
    if ctx.on("MT311") and ("clock" in doc.lowered or "Uhr" in text):
        rule = ctx.rule("MT311")
        for m in _CLOCK.finditer(text):
            if m.group().endswith("Uhr") and not _EN_BEFORE_TIME.search(text, max(0, m.start() - 12), m.start()):
                continue  # '„Schon 15 Uhr?!“' is German quoted; '… at 17 Uhr' is English with Uhr left in
            h, minutes = int(m.group("h")), m.group("m")
            oclock = "o" in m.group()[len(m.group("h")) :].lower()
            if oclock and 1 <= h <= 12 and minutes is None:
                continue  # '5 o'clock' is English
            yield rule.finding(m.start(), m.end(), doc.text[m.start() : m.end()], [twelve_hour(h, minutes)])
    if ctx.on("MT333"):
        rule = ctx.rule("MT333")
        for m in _ORDINAL.finditer(text):
            n = int(m.group("n"))
            s = m.start()
            yield rule.finding(s, s + len(m.group("n")) + 1, doc.text[s : s + len(m.group("n")) + 1], [ordinal(n)])


# An hour that only the 24-hour clock has (13-24, 0), with a.m. or p.m. after it: '22 p.m.'
_AM_PM_24 = re.compile(r"(?<![\d.:])(?P<h>1[3-9]|2[0-4]|0{1,2})(?:(?P<sep>[.:])(?P<m>[0-5]\d))?[ \u00a0]?[ap]\.?[ \u00a0]?m\.?(?!\w)")
_HOUR_DOT = re.compile(r"(?<=\d)\.(?=\d)")


@detector("MT320")
def am_pm_on_24_hour(doc: Document, ctx: Context) -> Iterator:
    """The number is the German 24-hour time and the suffix MT's guess, so the hour decides."""
    rule = ctx.rule("MT320")
    text = doc.masked
    for m in _AM_PM_24.finditer(text):
        en = twelve_hour(int(m.group("h")), m.group("m"))
        if m.group("sep") == ":":
            en = _HOUR_DOT.sub(":", en, 1)  # 23:40 pm → 11:40 p.m., as written
        yield rule.finding(m.start(), m.end(), doc.text[m.start() : m.end()], [en])


def _sentence_ends(text: str, end: int) -> bool:
    """After 'on 3.10.', a capital or the end of the line means the stop also ends the sentence."""
    rest = text[end : end + 3].lstrip(" \u00a0")
    return not rest or rest[0] in "\r\n" or rest[0].isupper()


def twelve_hour(h: int, minutes: str | None) -> str:
    """'17', '30' → '5.30 p.m.'; 0 and 24 → midnight, 12 → noon (with no minutes)."""
    if minutes in (None, "00"):
        if h in (0, 24):
            return "midnight"
        if h == 12:
            return "noon"
    suffix = "a.m." if h % 24 < 12 else "p.m."
    hour = h % 12 or 12
    return f"{hour}.{minutes} {suffix}" if minutes and minutes != "00" else f"{hour} {suffix}"


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
