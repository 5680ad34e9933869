"""Quotation marks on the wrong side of a space, or facing the wrong way (MT332).

German opens a quotation low („) and closes it high (“), and its typesetters put the marks where
German spacing wants them. Converted to English marks by a scraper or a translation engine, they
keep the spaces and the direction of the German: ' " We', 'city. " he', 'a ”historic day“',
'went, "Hirscher said'. English has one principle to check them against: an opening mark sits
against the word after it, a closing mark against the word or stop before it. For straight marks,
which ones open and which close is decided by their order in the paragraph.

Shapes that `rules/typography.yaml` already reports by pattern (MT317–MT319, MT326) are left to
those rules, so that no mark is reported twice."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mtfix.detectors import Context, detector
from mtfix.document import Document

_STOPS = ".,!?;"
_CURLY = re.compile("[“”]")
_STRAIGHT = re.compile('"')
# A speaker and a verb of saying: what follows a quotation, never what opens one
_ATTRIBUTION = re.compile(
    r"[A-ZÄÖÜ][\w'’.-]*(?: [A-ZÄÖÜ][\w'’.-]*){0,2} (?:said|says|added|adds|explained|explains|stressed|told|tells|"
    r"thanked|continued|wrote|writes|asked|replied|emphasi[sz]ed|warned|admitted|noted|insisted|concluded)\b"
)


def _space(c: str) -> bool:
    return c == "" or c.isspace()


@detector("MT332")
def misplaced_quote(doc: Document, ctx: Context) -> Iterator:
    rule = ctx.rule("MT332")
    if '"' not in doc.text and "“" not in doc.text and "”" not in doc.text:
        return
    for block in doc.blocks:
        text = doc.block_text(block)
        base = block.start
        if "„" in text:
            continue  # German quotation marks: MT305 reports the quotation whole
        straight = [m.start() for m in _STRAIGHT.finditer(text)]
        for n, i in enumerate(straight):
            found = _straight(text, i, n, n == len(straight) - 1, len(straight) % 2 == 1)
            if found:
                s, e, rep = found
                yield rule.finding(base + s, base + e, text[s:e], [rep])
        for m in _CURLY.finditer(text):
            i, c = m.start(), m.group()
            before, after = text[i - 1 : i] if i else "", text[i + 1 : i + 2]
            if _space(before) and after in (" ", "\t"):
                yield rule.finding(base + i, base + i + 1, c, [])  # 'the word "Heimat “ is': which side?
            elif c == "”" and _space(before) and after.isalnum():
                yield rule.finding(base + i, base + i + 1, c, ["“"])  # a ”historic day”
            elif c == "“" and before.isalpha() and (_space(after) or after in _STOPS):
                yield rule.finding(base + i, base + i + 1, c, ["”"])  # a “historic day“ for


def _straight(text: str, i: int, n: int, last: bool, odd: bool = False) -> tuple[int, int, str] | None:
    """(start, end, replacement) for a misplaced straight mark, the n-th of its paragraph (``odd``:
    the paragraph has an odd number of them, so one is stray and the order says little)."""
    before, after = text[i - 1 : i] if i else "", text[i + 1 : i + 2]
    opens = n % 2 == 0  # the paragraph's first mark opens, the second closes, …
    if _space(before) and after in (" ", "\t"):  # floating between two spaces
        rest = text[i + 1 :].lstrip(" \t")
        if not rest or rest[0] in "\r\n":
            return None  # 'city. "' at the end of a line: MT318
        if i == 0 or opens:
            e = len(text) - len(rest)
            return i, e, '"'  # ' " We' → ' "We'
        s = len(text[:i].rstrip(" \t"))
        if s and (text[s - 1] in _STOPS or text[s - 1].isalnum()):
            return s, i + 1, '"'  # 'city. " he' → 'city." he'
        return None
    if before.isalpha() and after.isalpha() and before.islower():  # glued: 'ready"and'
        return (i, i + 1, '" ') if not opens else (i, i + 1, ' "')
    if (not opens or (odd and _ATTRIBUTION.match(text, i + 1))) and last and before == " " and after.isupper() \
            and i >= 2 and text[i - 2] in ",.!?":
        # 'went, "Hirscher said': the closing mark of the quotation before, put after the space; with
        # a stray mark earlier in the paragraph, the speaker and a verb of saying after it tell
        return i - 1, i + 1, '" '
    if opens and before and before in ",!?" and after == " " and text[i + 2 : i + 3].isupper() and not (
            odd and _ATTRIBUTION.match(text, i + 2)):  # 'went," Keller said' closes, whatever the order says
        return i, i + 2, ' "'  # 'said," Above all' (after a colon: MT319)
    return None
