"""Leftover German: words (MT101) and whole untranslated sentences (MT102).

A token is German when the English dictionary rejects it and German corpora know it far better
than English ones; lowercase German is near-certain, capitalised German competes with names, so
capitalised tokens need more evidence and lose it to name cues (a title before, a name beside,
a place suffix, a bracket after)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mtfix import lexicon as lx
from mtfix.detectors import Context, detector
from mtfix.document import Document
from mtfix.finding import Severity
from mtfix.text import Token, quote_spans, sentences, starts_sentence

_MORPH = re.compile(r"(?:isch(?:e|en|er|es|em)|ungen|ung|keit|heit|schaft|lich(?:e|en|er|es)?|chen)$")
_PLACE = re.compile(r"(?:stra(?:ß|ss)e|platz|weg|gasse|allee|ufer|berg|burg|dorf|heim|hausen|bach|feld|kirchen|ingen|bruck|brück|brücke|see|tal|wald|hof|au|stedt|leben|hagen|rode|born|beck|ow|itz|mole|tor|stein|ingen|ing|scheid|orf|münde|mar)$")
_TITLES = frozenset(
    "mr mrs ms dr prof herr frau chancellor minister president ceo coach mayor spokesman spokeswoman "
    "head leader chief director judge senator governor premier secretary general officer sir st saint "
    "von van der de".split()
)
_NAME_PARTICLES = frozenset({"von", "van", "zu", "der", "de", "den", "di", "da", "le", "la", "al"})
_PLACE_PREP = frozenset({"in", "from", "near", "at", "to", "via", "of", "around", "outside"})

STRONG, WEAK = 2, 1
NAME_OR_NOUN_ZIPF = 3.5  # below this German frequency a bare capitalised word is presumed a name


_DETERMINERS = frozenset(
    "the a an his her its their our my your this that these those both every each some any no more most "
    "many few last next first entire whole own other such".split()
)
_ADJ_SUFFIX = re.compile(r"(?:al|ous|ive|ic|ful|less|ble|ary|ern|ese|ish|ian)$")


def german_score(tok: Token, at_start: bool, prev: str = "") -> int:
    """0 (not German), WEAK (capitalised, could be a name) or STRONG."""
    key = (tok.text, at_start, _modifier(prev))
    score = _SCORES.get(key)
    if score is None:
        if len(_SCORES) > 200_000:
            _SCORES.clear()
        score = _SCORES[key] = _score(tok.text, at_start, key[2])
    return score


_SCORES: dict[tuple[str, bool, bool], int] = {}
_INFLECTION = ("s", "es", "n", "en", "e", "er", "em")
_GERMAN_ADJ = re.compile(r"(?:ig|isch|lich|bar|haft|sam)(?:e|er|en|es|em)$")


def _score(t: str, at_start: bool, after_modifier: bool) -> int:
    low = t.lower()
    if len(t) < 3 or low in lx.word_list("german-accept.txt"):
        return 0
    if t in lx.exonyms_abroad():  # Lissabon, Südostasien: a place abroad in German, never a name in English
        return STRONG
    if t.isupper():  # an acronym, or a word set in capitals: 'KLIMA-KLEBER', 'SCHWERPUNKT'
        if len(t.replace("-", "")) < 7 or any(len(p) < 4 for p in t.split("-")):
            return 0
        return min(WEAK, _score("-".join(p.capitalize() for p in t.split("-")), False, after_modifier))
    if "-" in t:
        parts = t.split("-")
        head = parts[-1]
        if len(head) < 4:
            return 0
        score = _score(head, at_start, after_modifier)  # VW-Krise, U-Bahnhof: the head decides
        if not score and len(parts) == 2 and all(len(p) >= 4 and _german_leaning(p) for p in parts):
            return WEAK  # Klima-Kleber: each part German, neither English; a double name stays possible
        return score
    if not t.islower() and _inner_capital(t):
        return 0
    zen = lx.zipf_en(low)
    # Frequent English words can never score below: decide them before asking the dictionary.
    if zen >= 4.2 if t[0].islower() else zen >= 2.7 and not at_start:
        return 0
    zde = lx.zipf_de(low)
    # Not German enough by frequency alone for any branch below: no need to ask the dictionary.
    if zen >= 1 and not (zde >= 3.0 and zde - zen >= 1.5 if t[0].islower() else zde >= 4.0 and zde - zen >= 2.3):
        return 0
    if lx.english(t) or (at_start and lx.english(low)):
        return 0
    # rarer than that, a capitalised word is as likely a name, unless it is built like a German word
    def built() -> bool:  # costly, so asked only when frequency alone does not decide
        return (len(low) >= 8 and lx.german_compound(low)) or _inflected(low)

    if t[0].islower():
        if (zen < 1 and (zde >= 2.0 or built())) or (zde >= 3.0 and zde - zen >= 1.5 and zen < 4.2):
            return STRONG
        if zen < 0 and len(low) >= 7 and _GERMAN_ADJ.search(low):  # gewittriger, bayerischen
            return STRONG
        return 0
    if zen < 1 and (zde >= 2.5 or built()):
        if _MORPH.search(low):
            return STRONG
        # No German noun ending, no compound, no determiner before it, and only moderately frequent
        # in German: a name (Meuthen, Spielbank, Dressur) as often as a leftover. On clean English
        # this drops 15% of MT101's false alarms for one artifact of mt_articles ("Dissens").
        if not (after_modifier or zde >= NAME_OR_NOUN_ZIPF or built()):
            return 0
        return WEAK
    if at_start:  # Bisher, Drei, Nach: very common German words opening a sentence
        return STRONG if zde >= 4.5 and zde - zen >= 3 else 0
    if zen < 2.7 and zde >= 4.0 and zde - zen >= 2.3 and after_modifier:
        return WEAK  # the Saison, a Gruppe, his Gesicht: an English determiner before a German noun
    return 0


def _german_leaning(part: str) -> bool:
    """Far more German than English, and no English word or name: Klima, Kleber, Bild, Inhalt."""
    low = part.lower()
    zde, zen = lx.zipf_de(low), lx.zipf_en(low)
    return zde >= 3.0 and zde - zen >= 1.5 and not lx.english(low) and not lx.is_name(part)


# A label before a colon at a line start or inside a bracket ('(Foto: Stadtarchiv)', 'Quelle: Polizei'), or a
# word inside a paywall or ticker marker ('*** FAZplus Inhalt ***'): site furniture the MT left alone.
_LABEL = re.compile(
    r"(?m)(?:^[ \t]*(?P<w>[A-ZÄÖÜ][a-zäöüß]{2,})[ \t]*:(?=[ \t]*(?:\S+[ \t]*){1,4}$)"  # a short credit or byline
    r"|\([ \t]*(?P<v>[A-ZÄÖÜ][a-zäöüß]{2,})[ \t]*:)"
)
_MARKER = re.compile(r"(?:\*{2,}|\+{3})[ \t]*(?P<m>[^*+\n]{1,60}?)[ \t]*(?:\*{2,}|\+{3})")


def _label_german(word: str) -> bool:
    """In label position even a word the dictionary knows ('Von') is German when German uses it
    far more: a label is never a name."""
    low = word.lower()
    zde, zen = lx.zipf_de(low), lx.zipf_en(low)
    return zde >= 4.0 and zde - zen >= 2.0


def _furniture_german(doc: Document) -> Iterator[tuple[int, int]]:
    """Spans of German labels and German words inside markers."""
    text = doc.masked
    if ":" in text:
        for m in _LABEL.finditer(text):
            group = "w" if m.group("w") else "v"
            if _label_german(m.group(group)):
                yield m.span(group)
    if "**" in text or "+++" in text:
        for m in _MARKER.finditer(text):
            for w in re.finditer(r"[A-Za-zÄÖÜäöüß]{3,}", m.group("m")):
                if _label_german(w.group()) and not lx.english(w.group().lower()):
                    yield m.start("m") + w.start(), m.start("m") + w.end()


def _german_somewhere(t: str) -> bool:
    if t[0].isupper():  # mid-sentence after a determiner, or opening a sentence
        return bool(_score(t, False, True) or _score(t, True, False))
    return bool(_score(t, False, False))


# Most documents have no word that any context makes German; they stop at this set lookup.
_GERMAN_SOMEWHERE = lx.WordVerdicts(_german_somewhere)


def _inflected(low: str) -> bool:
    """Gewerkschaftsbunds, Kommentaren: a known German stem with a case ending."""
    return any(
        low.endswith(e) and len(low) - len(e) >= 5 and lx.zipf_de(low[: -len(e)]) >= 2.5
        and lx.zipf_en(low[: -len(e)]) < 1
        for e in _INFLECTION
    )


_AFTER_NUMBER = re.compile(r"\d[ \u00a0]$")


def _modifier(prev: str) -> bool:
    """A word that makes the next one a common noun: a determiner, a genitive, an adjective, or a
    number ('17 Uhr', '3 Stunden': a German unit or counted noun left after its number)."""
    p = prev.lower()
    return (p in _DETERMINERS or p.endswith(("'s", "’s")) or p.isdigit()
            or (p.islower() and bool(_ADJ_SUFFIX.search(p))))


_INNER_CAPITAL = re.compile(r"[^\W\d_][A-ZÀ-ÖØ-Þ]")  # an upper-case letter right after a letter


def _inner_capital(t: str) -> bool:
    """AfD, McAllister, iPhone, VW-Krise: mixed case is a name or a brand (a hyphen starts a new part)."""
    return _INNER_CAPITAL.search(t) is not None


def _name_like(toks: list[Token], i: int, text: str, base: int, names: set[str]) -> bool:
    """Cues that a capitalised token is (part of) a name, not a common German noun."""
    t = toks[i]
    low = t.text.lower()
    if low in names or (_PLACE.search(low) and len(low) > 6):
        return True
    prev = toks[i - 1] if i > 0 and _adjacent(toks[i - 1], t, text, base) else None
    nxt = toks[i + 1] if i + 1 < len(toks) and _adjacent(t, toks[i + 1], text, base) else None
    if prev and (prev.text.lower().rstrip(".") in _TITLES or _is_name_token(prev)):
        names.add(low)
        return True
    if nxt and low.endswith("er") and nxt.text[0].isupper():  # Würzburger Kickers
        return True
    after = text[t.end - base : t.end - base + 2]
    if after.startswith(" (") or after.startswith("("):
        return True
    if _speaker(toks, i, text, base):
        names.add(low)
        return True
    return bool(prev and prev.text.lower() in _PLACE_PREP and not _MORPH.search(low) and lx.zipf_de(low) < 4)


_SAYING = frozenset("said says told added explained stressed warned wrote admitted recalled".split())


def _speaker(toks: list[Token], i: int, text: str, base: int) -> bool:
    """'said Konhäuser.', 'Bossong told': the one who speaks in news copy is a person or a body."""
    t = toks[i]
    if i > 0 and toks[i - 1].text in _SAYING and text[toks[i - 1].end - base : t.start - base] == " ":
        rest = text[t.end - base : t.end - base + 1]
        return rest in ("", ".", ",", ";")  # 'said Konhäuser.', not 'said Bundeskanzler Scholz'
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if not (nxt and nxt.text in _SAYING and text[t.end - base : nxt.start - base] == " "):
        return False
    if i > 0:  # '…,” Bossong told'
        return text[toks[i - 1].end - base : t.start - base].strip() in (",", ",”", ',"', "”", '"')
    # 'Konhäuser said the …' opening a sentence; in 'Ansonsten said Cavallo' the speaker comes after the verb
    return i + 2 >= len(toks) or not toks[i + 2].text[:1].isupper()


def _in_proper_name(toks: list[Token], i: int, text: str, base: int) -> bool:
    """Van der Bellen, Alternative für Deutschland, Schutz & Rettung: German inside a proper name."""
    t = toks[i]
    if t.text[0].isupper():
        before, after = text[: t.start - base].rstrip()[-1:], text[t.end - base :].lstrip()[:1]
        return "&" in (before, after)
    return (
        0 < i < len(toks) - 1 and t.text.lower() in lx.word_list("german-function.txt")
        and toks[i - 1].is_title and toks[i + 1].is_title
        and _adjacent(toks[i - 1], t, text, base) and _adjacent(t, toks[i + 1], text, base)
    )


def _is_name_token(tok: Token) -> bool:
    """A capitalised token that is no German word: a given name or surname (Olaf, Shahed)."""
    t = tok.text
    if not t[0].isupper() or t.isupper():
        return False
    low = t.lower()
    if low in _NAME_PARTICLES or lx.is_name(t) or low in lx.word_list("german-accept.txt"):
        return True
    return not lx.english(t) and lx.zipf_de(low) < 3.2 and not lx.german_compound(low)


def _adjacent(a: Token, b: Token, text: str, base: int) -> bool:
    return text[a.end - base : b.start - base].strip(" -") == ""


@detector("MT101", "MT102")
def leftover_german(doc: Document, ctx: Context) -> Iterator:
    word_rule, seg_rule = ctx.rule("MT101"), ctx.rule("MT102")
    function_words = lx.word_list("german-function.txt")
    labels = list(_furniture_german(doc)) if ctx.on("MT101") else []
    for a, b in labels:
        yield word_rule.finding(a, b, doc.text[a:b], _suggest([Token(doc.text[a:b], a, b)], False))
    possible = _GERMAN_SOMEWHERE.among(doc.word_set) - {doc.text[a:b] for a, b in labels}
    if not possible:
        return
    names: set[str] = set()
    for block in doc.blocks:  # first pass: names introduced with a title or given name
        text = doc.block_text(block)
        toks = doc.tokens(block)
        # only a word that could be German needs to be known as a name
        for i in [i for i, tok in enumerate(toks) if i and tok[0] in possible and tok[0][0].isupper()]:
            if german_score(toks[i], False, "the"):
                _name_like(toks, i, text, block.start, names)
    for block in doc.blocks:
        text = doc.block_text(block)
        base = block.start
        toks = doc.tokens(block)
        hits = [i for i, tok in enumerate(toks) if tok[0] in possible and text[tok.start - base - 1 : tok.start - base] not in ("#", "@")]
        if not hits:
            continue
        scores = [0] * len(toks)
        for i in hits:
            tok = toks[i]
            t = tok[0]
            if t[0].isupper():
                at_start = starts_sentence(text, tok.start - base)
                prev = toks[i - 1].text if i and _adjacent(toks[i - 1], tok, text, base) else ""
                if _AFTER_NUMBER.search(text, max(0, tok.start - base - 3), tok.start - base):
                    prev = "0"  # '17 Uhr': the number before is the modifier
                s = german_score(tok, at_start, prev)
                if s == WEAK and _name_like(toks, i, text, base, names):
                    s = 0
            else:
                s = _score(t, False, False)  # a lowercase word scores alike in any context
            scores[i] = s
        for i in [i for i, v in enumerate(scores) if v]:
            if _in_proper_name(toks, i, text, base):
                scores[i] = 0
        if not any(scores):
            continue
        _quoted_german_is_quotation(toks, scores, quote_spans(text), base, function_words)
        covered: set[int] = set()
        if ctx.on("MT102") and scores.count(STRONG) >= 2:
            for s, e in sentences(text, base):
                idx = [i for i, t in enumerate(toks) if s <= t.start < e]
                if len(idx) < 4:
                    continue
                german = sum(1 for i in idx if scores[i] or toks[i].text.lower() in function_words)
                strong = sum(1 for i in idx if scores[i] == STRONG)
                if german / len(idx) >= 0.6 and strong >= 2:
                    a, b = toks[idx[0]].start, toks[idx[-1]].end
                    b = _extend_punct(doc.text, b, e)
                    covered.update(idx)
                    yield seg_rule.finding(a, b, doc.text[a:b])
        if ctx.on("MT101"):
            yield from _runs(doc, toks, scores, covered, function_words, text, base, word_rule)


def _quoted_german_is_quotation(toks, scores, quotes, base, function_words) -> None:
    """A quotation mostly in German ('Deutschland sucht den Superstar') is a title or a quote, and
    a single quoted German word a cited term, not a translation artifact; a mostly English one
    ('Beizen for Büezer') keeps its findings."""
    accept = lx.word_list("german-accept.txt")
    for qs, qe in quotes:
        idx = [i for i, t in enumerate(toks) if qs + base < t.start < qe + base]
        if not idx or not any(scores[i] for i in idx):
            continue
        german = [i for i in idx if scores[i] or toks[i].text.lower() in function_words | accept]
        # one German word in quotation marks is a term cited on purpose: the German ‘Sonntagsruhe’
        if len(idx) == 1 or (len(german) * 2 >= len(idx) and len(idx) >= 2):
            for i in idx:
                scores[i] = 0


def _runs(doc, toks, scores, covered, function_words, text, base, rule) -> Iterator:
    i, n = 0, len(toks)
    while i < n:
        if not scores[i] or i in covered:
            i += 1
            continue
        j = i
        while j + 1 < n and j + 1 not in covered and _adjacent(toks[j], toks[j + 1], text, base) and (
            scores[j + 1] or (toks[j + 1].text.lower() in function_words and j + 2 < n and scores[j + 2])
        ):
            j += 1
        # a German article or particle right before the run belongs to it
        while i > 0 and i - 1 not in covered and toks[i - 1].text.lower() in function_words and not lx.english(
            toks[i - 1].text
        ) and _adjacent(toks[i - 1], toks[i], text, base):
            i -= 1
        a, b = toks[i].start, toks[j].end
        run = toks[i : j + 1]
        strongest = max(scores[k] for k in range(i, j + 1))
        if strongest == WEAK and len(run) == 1 and _recurs_as_name(doc, toks[i]):
            i = j + 1
            continue
        glued = a and doc.text[a - 1].isdigit()  # 24jährigen: English wants 24-year-old
        after_number = a >= 2 and doc.text[a - 1] == "-" and doc.text[a - 2].isdigit()  # 17-Jährige
        reps = _suggest(run, starts_sentence(text, toks[i].start - base) and not (glued or after_number))
        if glued:
            reps = ["-" + r for r in reps]
        if strongest == WEAK and len(run) == 1:  # a lone capitalised word may still be a name
            yield rule.finding(a, b, doc.text[a:b], reps, message=rule.message + ". If this is a name, add it to `accept` in mtfix.toml",
                               severity=Severity.MINOR)
        else:
            yield rule.finding(a, b, doc.text[a:b], reps)
        i = j + 1


def _recurs_as_name(doc: Document, tok: Token) -> bool:
    """A weakly German capitalised word used twice or more is the article's name for something
    (Westnetz, Kurstadt): on clean English, three times or more let through a quarter more false
    alarms, for no leftover of mt_articles."""
    return doc.word_counts[tok.text] >= 2


def _suggest(run: list[Token], at_start: bool) -> list[str]:
    out = []
    for tok in run:
        en = lx.exonyms_abroad().get(tok.text) or lx.translate(tok.text)
        if en is None:
            return []
        out.append(en)
    s = " ".join(out)
    if at_start:
        s = s[:1].upper() + s[1:]
    return [s]


def _extend_punct(text: str, end: int, limit: int) -> int:
    while end < limit and text[end] in ".!?…\"”’":
        end += 1
    return end
