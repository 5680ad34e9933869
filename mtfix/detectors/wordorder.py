"""German word order in English, read off the parse: verb-second inversion (MT801), the finite verb at
the end of a subordinate clause (MT802) and the verb bracket around a prepositional phrase (MT803).

The small spaCy model misparses broken MT (a participle tagged as a past tense, a name as a verb), so
the checks lean on tags and token order, use dependencies only to rule things out, and demand two
independent cues before they speak."""

from __future__ import annotations

from collections.abc import Iterator

from mtfix import syntax
from mtfix.detectors import Context, detector
from mtfix.document import Document

FINITE = {"VBZ", "VBD", "MD"}  # unambiguous finite forms; VBP/VB are also imperatives and infinitives
VERB_TAGS = {"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"}
NP_START = {"DT", "PRP$", "NNP", "NNPS", "NN", "NNS", "JJ", "JJS", "CD", "PRP"}
DEFINITE = {"DT", "PRP$", "NNP", "NNPS"}
NP_BODY = {"DT", "PRP$", "NNP", "NNPS", "NN", "NNS", "JJ", "JJR", "JJS", "CD", "POS", "HYPH", "PRP"}
# Sentence openers after which German puts the verb second: "Gestern meldete die Polizei …"
OPEN_ADVERBS = frozenset(
    "yesterday today tomorrow therefore thus then now also meanwhile afterwards later recently currently "
    "already subsequently additionally furthermore moreover hence accordingly nevertheless nonetheless "
    "however previously initially finally still".split()
)
# English inverts after these on purpose: "Never have I …", "Only then did …", "So do I", "Nor …".
RESTRICTIVE = frozenset("never only rarely seldom hardly scarcely little nor neither so not no nowhere".split())
# Verbs of showing and saying: with these, a bare plural verb after an opener is V2, not an imperative.
SHOW_VERBS = frozenset("show indicate reveal suggest confirm prove demonstrate underline emphasize emphasise stress".split())
# Locative inversion ("Behind the house stood a tree") and copulas are English.
LOCATIVE = frozenset("be stand lie sit hang come go remain exist appear emerge live follow rise".split())
NOUNS = {"NN", "NNS", "NNP", "NNPS", "PRP"}
REPORTING = frozenset("decide meet vote agree approve reject present publish".split())
SAY_VERBS = frozenset("say tell ask add explain write reply continue announce stress warn note".split())
QUOTES = set("\"“”„«»'‘’")
SUBORDINATORS = frozenset("that which who whom whose because if when although though whether while since after before until".split())
CLAUSE_END = {".", ";", ":", "!", "?"}
DAY_WORDS = frozenset("yesterday today tomorrow".split())  # adverbs the tagger calls nouns
WEAK_ADVERBS = frozenset("not n't also even just only too so very more most well".split())


@detector("MT801", "MT802", "MT803")
def german_word_order(doc: Document, ctx: Context) -> Iterator:
    for base, toks in syntax.sentences(doc):
        if ctx.on("MT801"):
            yield from _v2(doc, ctx, base, toks)
        if ctx.on("MT802"):
            yield from _verb_final(doc, ctx, base, toks)
        if ctx.on("MT803"):
            yield from _bracket(doc, ctx, base, toks)


def _parenthetical(toks, v: int) -> bool:
    """', said Reeves,': a short attribution closed by a comma."""
    return any(t.text == "," for t in toks[v + 1 : v + 5])


def _ends_clause(t) -> bool:
    return t.text in CLAUSE_END and t.tag_ != "SYM"  # not the colon of "10: 18"


def _span(base: int, toks, a: int, b: int) -> tuple[int, int]:
    return base + toks[a].idx, base + toks[b].idx + len(toks[b].text)


def _v2(doc: Document, ctx: Context, base: int, toks) -> Iterator:
    """'In this context, show current satellite images …', 'Yesterday announced the police that …'."""
    if toks[-1].text == "?" or any(t.text in QUOTES for t in toks[:3]):
        return
    first = toks[0].lower_
    if first in RESTRICTIVE:
        return
    if toks[0].tag_ == "IN":  # a prepositional phrase up to a comma
        comma = next((i for i, t in enumerate(toks[:10]) if t.text == ","), None)
        if comma is None or comma < 2 or any(
            t.tag_ in VERB_TAGS or t.lower_ in RESTRICTIVE or t.text in QUOTES for t in toks[:comma]
        ):
            return
        v = comma + 1
        subject_start = NP_START
    elif first in OPEN_ADVERBS and toks[0].tag_ in ("RB", "NN", "RBR"):
        v = 2 if toks[1].text == "," else 1
        subject_start = DEFINITE  # "Still took months", "Also took aim": informal, no subject at all
    else:
        return
    # "Today marks the anniversary": a day word can be the subject, so it needs a verb that reports.
    if toks[0].tag_ == "NN" and toks[v].lemma_.lower() not in SAY_VERBS | SHOW_VERBS | REPORTING:
        return
    if v + 1 >= len(toks):
        return
    verb, nxt = toks[v], toks[v + 1]
    lemma = verb.lemma_.lower()
    if lemma in LOCATIVE or nxt.tag_ not in subject_start or nxt.lower_ in ("there", "it"):
        return
    if verb.tag_ in FINITE:
        pass
    elif verb.tag_ in ("VBP", "VB") and lemma in SHOW_VERBS:
        pass
    else:
        return
    # A subject before the verb makes it ordinary English ("Today marks the anniversary").
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i < verb.i for c in verb.children):
        return
    if lemma in SAY_VERBS and (any(t.text in QUOTES for t in toks[:v]) or _parenthetical(toks, v)):
        return  # quotative inversion: '"…," said the minister', 'For example, said Reeves, …'
    end, seen_noun = v + 1, toks[v + 1].tag_ in NOUNS
    while end + 1 < len(toks) and toks[end + 1].tag_ in NP_BODY and toks[end + 1].lower_ != "that":
        if seen_noun and toks[end + 1].tag_ in ("DT", "PRP$", "PRP"):
            break  # a second noun phrase: the object ("wants the minister | a new law")
        end += 1
        seen_noun = seen_noun or toks[end].tag_ in NOUNS
    rule = ctx.rule("MT801")
    rewrite = _subject_first(toks, v, end)
    s, e = _span(base, toks, v, end)
    yield rule.finding(s, e, doc.text[s:e], [rewrite] if rewrite else [], fix=bool(rewrite))


def _subject_first(toks, v: int, end: int) -> str | None:
    """'the police announced' for 'announced the police'. None when the subject may go on past the
    noun phrase ('show current satellite images and accommodations': moving the verb after 'images'
    would split it), or when the rewritten sentence does not parse with a subject before the verb.
    A fix that moves words must leave correct English or not be offered."""
    if end + 1 < len(toks) and toks[end + 1].tag_ == "CC":
        return None
    verb = toks[v]
    subject = "".join(t.text_with_ws for t in toks[v + 1 : end]) + toks[end].text
    text = f"{subject} {verb.text}"
    sentence = "".join(t.text_with_ws for t in toks[:v]) + text + toks[end].whitespace_ + "".join(
        t.text_with_ws for t in toks[end + 1 :])
    parsed = syntax.nlp()(sentence)
    moved = next((t for t in parsed if t.i >= end and t.text == verb.text), None)  # end tokens come before it now
    if moved is None or not any(c.dep_ in ("nsubj", "nsubjpass") and c.i < moved.i for c in moved.children):
        return None
    return text


def _verb_final(doc: Document, ctx: Context, base: int, toks) -> Iterator:
    """'… that the production now largely forms in the Russian military industry was integrated.'"""
    for i, t in enumerate(toks):
        if t.lower_ not in SUBORDINATORS or i + 6 >= len(toks) or toks[i + 1].lower_ in ("of", "to"):
            continue  # "because of", "according to": prepositions
        j = next((k for k in range(i + 1, len(toks)) if _ends_clause(toks[k])), len(toks))
        if t.lower_ == "that" and t.tag_ == "IN":
            inf = _infinitive_only(toks, i, j)
            if inf is not None:  # "… see that the EU countries together independent judges to select …"
                s, e = _span(base, toks, inf, inf + 1)
                yield ctx.rule("MT802").finding(s, e, doc.text[s:e])
                return
        # the verb group closing the clause: "was integrated", "be calculated", "had received"
        g = j - 1
        while g > i and toks[g].tag_ in VERB_TAGS:
            g -= 1
        group = toks[g + 1 : j]
        inner = toks[i + 1 : g + 1]
        if not group or g - i < 5 or any(x.tag_ in VERB_TAGS or x.text in QUOTES for x in inner):
            continue  # a verb earlier in the clause: English order
        if any(x.lower_ in ("and", "or", "but") or x.lower_ in SUBORDINATORS for x in inner):
            continue  # two clauses run together: the parse is no guide
        if not any(x.tag_ in FINITE | {"VBP", "VBN"} for x in group):
            continue  # (a lone participle counts: the tagger often reads German-order past tenses so)
        if toks[g].tag_ not in ("NN", "NNS", "NNP", "NNPS", "PRP", "CD"):
            continue  # the verb must follow an object or a prepositional phrase
        adverbs = [
            k for k in range(i + 2, g - 1)
            if (toks[k].tag_ == "RB" and toks[k].lower_ not in WEAK_ADVERBS) or toks[k].lower_ in DAY_WORDS
        ]
        nouns_before = any(toks[k].tag_ in ("NN", "NNS", "NNP", "PRP") for k in range(i + 1, adverbs[0])) if adverbs else False
        # Subject and object side by side, no preposition or verb between ("that university staff
        # the shooting at 10:18 a.m. heard"): English has no such order.
        stacked = any(
            toks[k].tag_ in ("DT", "PRP$") and toks[k - 1].tag_ in ("NN", "NNS", "NNP", "NNPS") for k in range(i + 2, g)
        )
        if not (adverbs and nouns_before) and not stacked:
            continue
        s, e = _span(base, toks, g + 1, j - 1)
        yield ctx.rule("MT802").finding(s, e, doc.text[s:e])
        return


def _infinitive_only(toks, i: int, j: int) -> int | None:
    """A that-clause with nouns but no finite verb, then "to" + verb: German "dass … auszuwählen"."""
    clause = toks[i + 1 : j]
    if len(clause) < 5 or any(x.tag_ in FINITE | {"VBP"} for x in clause) or any(x.text in QUOTES for x in clause):
        return None
    k = next((n for n in range(i + 3, j - 1) if toks[n].tag_ == "TO" and toks[n + 1].tag_ == "VB"), None)
    if k is None or sum(1 for x in toks[i + 1 : k] if x.tag_ in ("NN", "NNS", "NNP", "NNPS")) < 2:
        return None
    return k


def _bracket(doc: Document, ctx: Context, base: int, toks) -> Iterator:
    """'The costs can for up to two months be calculated': a prepositional phrase inside the verb;
    'the Commission has a comprehensive reform of the system proposed.': the object inside the perfect."""
    for i, t in enumerate(toks[:-3]):
        if i + 5 < len(toks) and t.lemma_.lower() == "have" and t.tag_ in ("VBZ", "VBD", "VBP") and toks[i + 1].tag_ in ("DT", "PRP$"):
            j = next((k for k in range(i + 1, len(toks)) if _ends_clause(toks[k]) or toks[k].text == ","), len(toks))
            last = toks[j - 1]
            inner = toks[i + 1 : j - 1]
            # the tagger often reads the clause-final participle as a past tense: take either
            if last.tag_ in ("VBN", "VBD") and last.lower_.endswith(("ed", "en", "t")) and len(inner) >= 4 and not any(x.tag_ in VERB_TAGS for x in inner):
                s, e = _span(base, toks, i, j - 1)
                yield ctx.rule("MT803").finding(s, e, doc.text[s:e])
                continue
        if t.tag_ != "MD" or toks[i + 1].tag_ != "IN" or toks[i + 1].lower_ in ("as", "than", "that"):
            continue
        k = i + 2
        while k < len(toks) and k < i + 9 and toks[k].tag_ not in VERB_TAGS and toks[k].text not in CLAUSE_END | {","}:
            k += 1
        if k >= len(toks) or toks[k].tag_ != "VB" or k - i < 4:
            continue
        if not any(toks[x].tag_ in ("NN", "NNS", "CD") for x in range(i + 2, k)):
            continue
        s, e = _span(base, toks, i, k)
        yield ctx.rule("MT803").finding(s, e, doc.text[s:e])
