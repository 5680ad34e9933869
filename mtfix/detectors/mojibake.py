"""Mojibake: UTF-8 read as Latin-1 or Windows-1252 ('MÃ¼nchen'), repaired with ftfy."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mtfix.detectors import Context, detector
from mtfix.document import Document

# The lead bytes of UTF-8 sequences as they look when decoded as cp1252/latin-1.
_SUSPECT = re.compile(r"\S*(?:Ã[\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ\xa0¡-¿]|Â[\xa0-\xbf]|â€[\x80-\xbf™œ\x9d“”˜¦¢¤])\S*")


@detector("MT701")
def mojibake(doc: Document, ctx: Context) -> Iterator:
    rule = ctx.rule("MT701")
    text = doc.masked
    if "Ã" not in text and "Â" not in text and "â€" not in text:  # the lead characters, before any regex
        return
    import ftfy

    for m in _SUSPECT.finditer(text):
        bad = doc.text[m.start() : m.end()]
        good = ftfy.fix_text(bad, uncurl_quotes=False)
        if good != bad:
            yield rule.finding(m.start(), m.end(), bad, [good])
