"""Grammar slips from German, read off the parse: the comma German puts after a relative clause before
the verb (MT805) and an adverb where English needs a predicative adjective (MT806)."""

from __future__ import annotations

from collections.abc import Iterator

from mtfix import lexicon as lx
from mtfix import syntax
from mtfix.detectors import Context, detector
from mtfix.document import Document

RELATIVES = frozenset("who whom which whose that".split())
OPENERS = frozenset(
    "when if although though because as after before while since until unless whether once so but and in on at "
    "for with by from after during under according".split()
)
REPORTING = frozenset(
    "say tell report add write explain announce stress emphasize emphasise state claim complain warn confirm "
    "note criticize criticise insist argue admit reply continue".split()
)
COPULAS = frozenset("be become seem remain appear grow get".split())
DEGREE = frozenset("increasingly very more most so too quite rather extremely highly less even still already".split())
# Adverbs that modify a whole clause or phrase: "is currently about", "was reportedly in Kyiv".
SENTENCE_ADVERBS = frozenset(
    "currently reportedly mainly mostly partly largely only really clearly probably apparently actually usually "
    "likely nearly exactly particularly especially entirely completely fully simply merely certainly definitely "
    "obviously allegedly supposedly officially finally initially originally previously recently already "
    "primarily largely roughly approximately directly immediately generally typically normally frequently "
    "rarely hardly barely increasingly slightly significantly relatively comparatively basically essentially "
    "ultimately eventually presumably evidently seemingly supposedly arguably undoubtedly necessarily "
    "early daily weekly monthly yearly only".split()
)


@detector("MT805", "MT806")
def german_grammar(doc: Document, ctx: Context) -> Iterator:
    for base, toks in syntax.sentences(doc):
        if ctx.on("MT805"):
            yield from _comma_before_verb(doc, ctx, base, toks)
        if ctx.on("MT806"):
            yield from _adverb_for_adjective(doc, ctx, base, toks)


def _comma_before_verb(doc: Document, ctx: Context, base: int, toks) -> Iterator:
    """'Analysts with which CNN spoke, believe that …': subject, relative clause, comma, verb."""
    if toks[0].lower_ in OPENERS or toks[0].tag_ not in ("DT", "NN", "NNS", "NNP", "NNPS", "JJ", "PRP$", "CD"):
        return
    comma = next((i for i, t in enumerate(toks) if t.text == ","), None)
    if comma is None or comma + 1 >= len(toks) or comma > 15:
        return
    before = toks[:comma]
    rel = next((i for i, t in enumerate(before) if t.lower_ in RELATIVES and i > 0), None)
    if rel is None or not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in before[rel + 1 :]):
        return  # no relative clause with its own verb before the comma
    if any(t.text in "\"“”„«»()–—" for t in before):
        return
    verb = toks[comma + 1]
    if verb.tag_ not in ("VBP", "VBZ", "VBD") or verb.lemma_.lower() in REPORTING:
        return  # ", reports the agency", ", added Smith": an attribution, not the main verb
    s = base + toks[comma].idx
    yield ctx.rule("MT805").finding(s, s + 1, ",", [""])


def _adverb_for_adjective(doc: Document, ctx: Context, base: int, toks) -> Iterator:
    """'Tehran is increasingly impatiently about …': German uses one form for both."""
    for i, t in enumerate(toks[:-2]):
        if t.lemma_.lower() not in COPULAS or t.tag_ not in ("VBZ", "VBD", "VBP", "VB", "VBN"):
            continue
        k = i + 1
        while k < len(toks) and toks[k].lower_ in DEGREE:
            k += 1
        if k + 1 >= len(toks):
            continue
        adv, nxt = toks[k], toks[k + 1]
        low = adv.lower_
        if adv.tag_ != "RB" or not low.endswith("ly") or low in SENTENCE_ADVERBS:
            continue
        if nxt.tag_ not in ("IN", "TO", ".", ",", ":") and nxt.lower_ != "that":
            continue
        adjective = _adjective(low)
        if adjective is None or adjective not in lx.word_list("predicative-adjectives.txt"):
            continue  # only adjectives of attitude and state: "impatient", "critical", "confident"
        s = base + adv.idx
        yield ctx.rule("MT806").finding(s, s + len(adv.text), adv.text, [adjective])


def _adjective(adverb: str) -> str | None:
    """impatiently → impatient, angrily → angry, critically → critical, comfortably → comfortable."""
    stem = adverb[:-2]
    for cand in (stem, stem[:-1] + "y" if stem.endswith("i") else None, stem + "le" if stem.endswith("b") else None,
                 stem + "e" if stem.endswith(("u", "l")) else None):
        if cand and lx.english(cand) and lx.zipf_en(cand) >= 2.0:
            return cand
    return None
