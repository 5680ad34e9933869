"""Sie/sie/ihr/sich confusions in third-person prose: 'free yourself' (sich), 'your partnership'
(ihre), 'she showed' (sie = it). Suggestions only: the right pronoun needs a reader."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mtfix import lexicon as lx
from mtfix.detectors import Context, detector
from mtfix.document import Document
from mtfix.text import inside, quote_spans, sentences

_SECOND = re.compile(r"\b(?:you|your|yours|yourself|yourselves)\b", re.I)
_YOURSELF = re.compile(r"\b(?P<w>yourself|yourselves)\b", re.I)
_YOUR = re.compile(r"\b(?P<w>[Yy]our)\s+(?P<n>[a-z][a-z-]+)")
_YOU = re.compile(r"\byou\b", re.I)
_YOUR_ANY = re.compile(r"\b[Yy]our")
_FIRST = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Ww]e|[Uu]s|[Oo]ur)\b")
# Speech verbs are left out: "...," he said is a person even when the article never says "man".
_SHE = re.compile(
    r"\b(?P<w>she|he)\s+(?P<v>(?!(?:asked|added|explained|stressed|warned|noted|claimed|argued)\b)[a-z]+ed"
    r"|shows|showed|has|is|was|raises|makes|reveals|proves|indicates)\b"
)
_GIVEN_NAME = re.compile(r"\b(?P<g>[A-Z][a-z]+) [A-Z][a-z]+")
# Words that show the article is about a woman / a man (looked up in the document's word set).
_FEMALE = frozenset(
    "her hers herself woman women girl mother daughter wife sister queen Mrs Ms Miss Madam actress "
    "chairwoman spokeswoman businesswoman grandmother aunt niece lady princess duchess she's she’s".split()
)
_MALE = frozenset(
    "his him himself man men boy father son husband brother king Mr sir chairman spokesman "
    "businessman grandfather uncle nephew prince duke he's he’s".split()
)
_DIRECT_ADDRESS = 3  # more second-person words than this outside quotes: the text talks to its reader


def _blocks_with_quotes(doc: Document) -> list[tuple[int, str, list[tuple[int, int]]]]:
    """(offset, prose, quotation spans) per block: quotations may address 'you', narration may not."""
    return [(b.start, t, quote_spans(t)) for b in doc.blocks for t in [doc.block_text(b)]]


# 'You' opening a sentence of narration: German 'Sie' at a sentence start is 'they' or formal 'you',
# and MT picks 'you' ("You will get the new terms by post").
_YOU_OPENS = re.compile(r"(?:^|(?<=[.!?…]\s)|(?<=[.!?…][”\"’]\s))(?P<w>You)\b(?!'|’)")


@detector("MT601", "MT602", "MT603", "MT604")
def pronoun_register(doc: Document, ctx: Context) -> Iterator:
    register = (
        ("your" in doc.lowered and _YOUR_ANY.search(doc.masked) and (ctx.on("MT601") or ctx.on("MT602")))
        or (ctx.on("MT604") and "You" in doc.word_set)
    )
    gender = ctx.on("MT603") and not doc.word_set.isdisjoint(("she", "he")) and _SHE.search(doc.masked)
    if gender:
        gender = _unreferenced_pronouns(doc)
    if not (register or gender):
        return
    blocks = _blocks_with_quotes(doc)
    second = 0 if not register else sum(
        1 for _, text, q in blocks for m in _SECOND.finditer(text) if not inside(q, m.start())
    )
    # Two or more of I/me/my/we/us/our in narration: a column, a letter, a forum post or product copy
    # ("we paid attention to …") that speaks to its reader. One alone may be a quotation MT broke.
    first = [0] * len(blocks) if not register else [
        sum(1 for m in _FIRST.finditer(text) if not inside(q, m.start())) for _, text, q in blocks
    ]
    if register and second <= _DIRECT_ADDRESS and sum(first) < 2 and not _addresses_reader(doc, ctx):
        for (base, text, q), own_first in zip(blocks, first, strict=True):
            if own_first:
                continue  # a letter, a chat or a column: 'I' and 'we' talk to 'you'
            for s, e in sentences(text):
                sent = text[s:e]
                if ctx.on("MT604"):  # the paragraph's only second-person word: no reader is addressed
                    m = _YOU_OPENS.match(sent.lstrip())
                    if m and len(_SECOND.findall(text)) == 1 and not inside(q, s + len(sent) - len(sent.lstrip())):
                        a = base + s + len(sent) - len(sent.lstrip())
                        yield ctx.rule("MT604").finding(a, a + 3, "You", ["They"])
                if any(not inside(q, s + m.start()) for m in _YOU.finditer(sent)):
                    continue  # 'If you ... your' addresses the reader
                if ctx.on("MT601"):
                    for m in _YOURSELF.finditer(sent):
                        if not inside(q, s + m.start()):
                            a = base + s + m.start("w")
                            w = m.group("w")
                            rep = "itself" if w.lower() == "yourself" else "themselves"
                            yield ctx.rule("MT601").finding(a, a + len(w), w, [rep, "themselves" if rep == "itself" else "ourselves"])
                if ctx.on("MT602"):
                    for m in _YOUR.finditer(sent):
                        if not inside(q, s + m.start()):
                            a = base + s + m.start("w")
                            w = m.group("w")
                            case = str.capitalize if w[0].isupper() else str
                            order = _possessives(doc.masked[max(0, a - _LOOKBACK) : a])
                            yield ctx.rule("MT602").finding(a, a + len(w), w, [case(p) for p in order])
    if gender:
        yield from _gender_without_referent(doc, ctx, blocks, gender)


_LOOKBACK = 300  # characters: the sentence or two before, where German "ihr" found its owner
_THIRD = re.compile(r"\b(she|her|hers|herself|it|its|itself|they|them|their|themselves)\b", re.I)
_POSSESSIVE = {"she": "her", "her": "her", "hers": "her", "herself": "her", "it": "its", "its": "its",
               "itself": "its", "they": "their", "them": "their", "their": "their", "themselves": "their"}


def _possessives(before: str) -> list[str]:
    """'their', 'its', 'her', the one the nearest third-person pronoun before points to first:
    German "ihr" is her, its or their, and the text just before usually says whose."""
    last = None
    for m in _THIRD.finditer(before):
        last = m.group(1).lower()
    first = _POSSESSIVE.get(last, "their")
    return [first] + [p for p in ("their", "its", "her") if p != first]


def _addresses_reader(doc: Document, ctx: Context) -> bool:
    """With the parse: an imperative sentence outside quotations ('Put your drinks in the icebox',
    'Please check the temperature with the crook of your arm') shows a text that talks to its reader,
    so its 'your' is meant. Without the parser (--no-syntax, or spaCy missing) nothing is known."""
    if not ctx.syntax:
        return False
    from mtfix import syntax

    try:
        parsed = syntax.parse(doc)
    except syntax.SyntaxUnavailable:
        ctx.syntax = False  # not installed: do not try again for every document
        return False
    for p in parsed:
        quotes = quote_spans(doc.block_text(p.block))
        for sent in p.sentences():
            root = sent.root
            if (
                root.tag_ == "VB" and root.i - sent.start <= 2 and sent[0].lower_ != "to"
                and sum(not (t.is_punct or t.is_space) for t in sent) >= 4
                and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children)
                and not inside(quotes, root.idx)
            ):
                return True
    return False


def _unreferenced_pronouns(doc: Document) -> list[str]:
    """'she' when the article mentions no woman, 'he' when it mentions no man and names nobody."""
    out = []
    for pronoun, cue in (("she", _FEMALE), ("he", _MALE)):
        if not cue.isdisjoint(doc.word_set) or pronoun == "he" and any(
            lx.is_name(m.group("g")) and not lx.is_common_lowercase(m.group("g")) for m in _GIVEN_NAME.finditer(doc.masked)
        ):
            continue  # a person is named ("Jared Polis ... he has"); most named people in news are men
        out.append(pronoun)
    return out


def _gender_without_referent(doc: Document, ctx: Context, blocks, pronouns: list[str]) -> Iterator:
    """'she'/'he' in an article that mentions no woman/man at all is German 'sie'/'er' for a thing."""
    rule = ctx.rule("MT603")
    for pronoun in pronouns:
        hits = [
            (base + m.start("w"), m.group("w"))
            for base, text, q in blocks
            for m in _SHE.finditer(text)
            if m.group("w") == pronoun and not inside(q, m.start())
        ]
        if len(hits) == 1:  # one stray pronoun; an article about a person uses it again and again
            a, w = hits[0]
            yield rule.finding(a, a + len(w), w, ["it", "they"])
