"""A name's genitive without the apostrophe (MT335): German writes "Söders Lob" and "Merkels
Nachfolger", English "Söder's praise". MT keeps the German form: "Söders compliment".

Decided by the document, not a list: the name without its s stands capitalised elsewhere in the
same document, the form with the s is no English word or known name, and a lowercase word follows
(the thing possessed), not a verb. A word written more often with its s than without, or after
a number, is a plural ('the two Koreas')."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from mtfix import lexicon as lx
from mtfix.detectors import Context, detector
from mtfix.document import Document


# A family's plural is followed by its verb ('the Kowalczyks arrived') and counted ('the two Koreas')
_VERBS = frozenset("are were have had will would can could may might must shall should said say says do did "
                   "live lived came come went go".split())
_PLURAL_BEFORE = frozenset("two three four five both many several all these those few".split())


@detector("MT335")
def genitive_without_apostrophe(doc: Document, ctx: Context) -> Iterator:
    rule = ctx.rule("MT335")
    words = doc.word_set
    candidates = {w for w in words if len(w) >= 5 and w.endswith("s") and w[0].isupper() and w[1:].islower()
                  and w[:-1] in words and not w.endswith("ss")}
    candidates = {w for w in candidates if not (lx.english(w) or lx.english(w.lower()) or lx.is_name(w))}
    if not candidates:
        return
    toks = doc.all_tokens()
    counts = Counter(t.text for t in toks if t.text in candidates or t.text + "s" in candidates)
    for n, tok in enumerate(toks[:-1]):
        if tok.text not in candidates or counts[tok.text[:-1]] < counts[tok.text]:
            continue  # 'Repnids' more often than 'Repnid': a plural
        if n and toks[n - 1].text.lower() in _PLURAL_BEFORE:
            continue
        nxt = toks[n + 1]
        between = doc.text[tok.end : nxt.start]
        if (between == " " and nxt.text.islower() and len(nxt.text) > 2 and lx.is_common_lowercase(nxt.text)
                and not nxt.text.endswith("ed") and nxt.text not in _VERBS):
            name = tok.text[:-1]
            prev = toks[n - 1] if n else None
            if prev is not None and prev.text in ("the", "The") and doc.text[prev.end : tok.start] == " ":
                # 'the Lambrechts report': a name's genitive takes no article ('Lambrecht's report')
                yield rule.finding(prev.start, tok.end, doc.text[prev.start : tok.end], [f"{name}'s"])
            else:
                yield rule.finding(tok.start, tok.end, tok.text, [f"{name}'s"])
