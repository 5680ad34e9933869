"""Source-aware checks of bilingual files (XLIFF, PO, TSV): what no monolingual check can see.

Each compares a segment's target with its source: a target left in German or missing, a number
changed, a negation lost or added, an inline code or placeholder dropped, a length no translation
has, a surname translated as a word, a glossary term not rendered, a paragraph with no source, and
the same source translated two ways in one file. They run only on documents that have segments (a
bilingual file, or `--source`), so a monolingual check pays nothing for them. The thresholds were
set on WMT references and DEMETR (bench/bilingual.py), never on the article sets.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator

from mtfix import lexicon as lx
from mtfix.detectors import Context, detector
from mtfix.document import Document
from mtfix.text import WORD

def _norm(s: str) -> str:
    return " ".join(s.split()).casefold()


def _german(source: str) -> bool:
    """Enough German to call a copied segment untranslated: names and brands are the same in both
    languages, so a lowercase word far more German than English (or with an umlaut or ß) is needed."""
    words = WORD.findall(source)
    return len(words) >= 2 and any(w.islower() and (
        any(c in w for c in "äöüßÄÖÜ") or (lx.zipf_de(w.lower()) >= 3.0 and lx.zipf_de(w.lower()) - lx.zipf_en(w.lower()) >= 1.0)
        ) for w in words)


def _german_share(text: str) -> float:
    """The share of a text's words that are German and not English: a target still in German."""
    if len(_lower_words(text) & _ENGLISH_FUNCTION) >= 2:
        return 0.0  # most targets: decided by a set intersection
    words = [w for w in WORD.findall(text) if len(w) > 1]
    if len(words) < 4 or sum(1 for w in words if w.lower() in _ENGLISH_FUNCTION) >= 2:
        return 0.0  # "the", "of", "and" twice: English, whatever else it holds

    def german(w: str) -> bool:  # far more German, or more German and no English word ('die', 'bis' are both)
        zde, zen = lx.zipf_de(w), lx.zipf_en(w)
        return zde >= 2.5 and (zde - zen >= 2.0 or (zde - zen >= 1.0 and not lx.english(w)))

    german_words = sum(1 for w in words if german(w.lower()))
    return german_words / len(words)


_ENGLISH_FUNCTION = frozenset("the of and to is are was were that with for from this it its has have be been".split())


# Target/source length in characters: on 3,130 WMT sentences of 40+ characters the human English
# references run from 0.59 (0.1st percentile) to 1.40 (99.9th) of the German; outside 0.55-1.5 a
# sentence was most likely dropped or added.
RATIO = (0.55, 1.5)
MIN_RATIO_CHARS = 40


@detector("MT751", "MT752", "MT753", "MT754", "MT755", "MT756", "MT757", "MT758", "MT759", "MT760", "MT761", "MT762", "MT763", "MT764",
          "MT765")
def source_aware(doc: Document, ctx: Context) -> Iterator:
    if not doc.segments:
        return
    on = ctx.enabled
    yield from _consistency(doc, ctx)
    for seg in doc.segments:
        span = (seg.start, seg.end, doc.text[seg.start : seg.end])
        if not seg.target.strip():
            if "MT752" in on and seg.source.strip():
                src = " ".join(seg.source.split())
                src = src if len(src) <= 60 else src[:59] + "…"
                what = f"Paragraph {seg.id.removeprefix('source ')} of the source" if seg.id.startswith("source ¶") \
                    else f"Segment {seg.id}"
                yield ctx.rule("MT752").finding(seg.start, seg.start, "", message=f"{what} has no translation: “{src}”")
            continue
        if not seg.source.strip():
            if "MT761" in on:
                yield ctx.rule("MT761").finding(*span)
            continue
        if ("MT751" in on and abs(len(seg.target) - len(seg.source)) <= len(seg.source) // 10 + 4
                and _norm(seg.target) == _norm(seg.source) and _german(seg.source)):
            yield ctx.rule("MT751").finding(*span)
            continue
        if "MT756" in on and _german_share(seg.target) >= 0.5:
            yield ctx.rule("MT756").finding(*span)
            continue
        if "MT757" in on and len(seg.source) >= MIN_RATIO_CHARS:
            ratio = len(seg.target) / len(seg.source)
            if not RATIO[0] <= ratio <= RATIO[1]:
                what = "shorter" if ratio < RATIO[0] else "longer"
                yield ctx.rule("MT757").finding(*span, message=f"Target is {ratio:.2f} times the source's length: "
                                                f"much {what} than English translations run (a sentence {'dropped' if what == 'shorter' else 'added'}?)")
        if "MT760" in on:
            yield from _translated_names(doc, seg, ctx)
        if "MT764" in on:
            missing = [n for n in _source_names(seg.source) if not _name_kept(n, seg.target)
                       and not _given_name_dropped(n, seg.source, seg.target)]
            if missing:
                names = ", ".join(f'"{n}"' for n in dict.fromkeys(missing))
                yield ctx.rule("MT764").finding(*span, message=f"Name(s) of the source missing from the target: {names}")
        if "MT765" in on:
            added = _unsourced_names(seg.source, seg.target)
            if added:
                names = ", ".join(f'"{n}"' for n in dict.fromkeys(added))
                yield ctx.rule("MT765").finding(*span, message=f"Name(s) in the target that the source does not have: {names}")
        if "MT762" in on and ctx.glossary:
            yield from _glossary(doc, seg, ctx, span)
        if "MT753" in on:
            missing, extra = _numbers(seg.source, seg.target)
            if missing or extra:
                parts = ([f"{', '.join(missing)} of the source missing"] if missing else []) + (
                    [f"{', '.join(extra)} not in the source"] if extra else [])
                yield ctx.rule("MT753").finding(*span, message=f"Numbers differ from the source: {'; '.join(parts)}")
        neg = _german_negation(seg.source)
        if "MT754" in on and neg and not _negated(seg.target):
            yield ctx.rule("MT754").finding(*span, message=f'The source says "{neg}"; the target has no negation')
        if "MT763" in on and not neg and not _lower_words(seg.target).isdisjoint(_NEG_EN_STRONG_WORDS) \
                and not _NEG_DE_WIDE.search(seg.source):
            added = _NEG_EN_STRONG.search(seg.target)
            if added:
                yield ctx.rule("MT763").finding(*span, message=f'The target says "{added.group()}"; the source has no negation')
        if "MT755" in on and sorted(seg.source_codes) != sorted(seg.target_codes):
            lost = list((Counter(seg.source_codes) - Counter(seg.target_codes)).elements())
            added = list((Counter(seg.target_codes) - Counter(seg.source_codes)).elements())
            what = ([f"missing {' '.join(lost)}"] if lost else []) + ([f"added {' '.join(added)}"] if added else [])
            yield ctx.rule("MT755").finding(*span, message=f"Inline codes or placeholders differ: {'; '.join(what)}")


_NAME_PAIR = re.compile(r"\b(?=([A-ZÄÖÜ][a-zäöüß]+)[ \u00a0]([A-ZÄÖÜ][a-zäöüß]+)\b)")  # overlapping: 'Trainer Jens Schwarz'
_NAME_PAIR_HINT = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+[ \u00a0][A-ZÄÖÜ][a-zäöüß]")  # 5× faster; needed by every pair


def _translated_names(doc: Document, seg, ctx: Context) -> Iterator:
    """'Anna Pfannkuchen' → 'Anna Pancake': a given name kept, the surname after it gone from the
    target, and a capitalised common English word in its place."""
    if not _NAME_PAIR_HINT.search(seg.source):
        return
    for m in _NAME_PAIR.finditer(seg.source):
        given, surname = m.groups()
        if not lx.is_name(given) or lx.is_common_lowercase(given) or surname in seg.target:
            continue
        for t in re.finditer(rf"\b{re.escape(given)}[ \u00a0]([A-Z][a-z]+)\b", doc.text[seg.start : seg.end]):
            word = t.group(1)
            if word != surname and lx.is_common_lowercase(word) and lx.zipf_en(word.lower()) >= 3.0 and not lx.is_name(word):
                s = seg.start + t.start(1)
                yield ctx.rule("MT760").finding(s, s + len(word), word, [surname],
                                                message=f'"{given} {surname}" of the source became "{given} {word}": a surname translated as a word')


_CAPITALISED = re.compile(r"(?<![\w-])([A-ZÄÖÜ][a-zäöüß]{2,}(?:-[A-ZÄÖÜ][a-zäöüß]+)*)(?![\w-])")
_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


@functools.cache
def _exonyms() -> dict[str, tuple[str, ...]]:
    return {de: tuple(en.split("|")) for de, en in lx.pairs("exonyms.tsv").items()}


def _source_names(source: str) -> list[str]:
    """Capitalised source words that are names, not German nouns: a name the English dictionary
    knows (and no frequent German word or form of one, and no common English word: 'Brand',
    'Marine' are nouns first), or a place on the exonym list. German capitalises every noun, so a
    sentence's first word is judged like any other. (Rare capitalised words are as often German
    compounds as names: 18% of segments were false alarms when they counted.)"""
    return [w for w in _CAPITALISED.findall(source) if _name_word(w) or _english_name(w)]


@functools.lru_cache(maxsize=65536)
def _english_name(word: str) -> bool:
    """An English word in a German sentence, and not one German has borrowed: a name kept in English
    (Black Lives Matter, All Blacks, North Shore, Sentinel Range; not Twitter, which German uses as
    much). English corpora must know it a zipf point better than German ones, and German ones not
    well ('See', 'Last', 'Rate' are German nouns too)."""
    low = word.lower()
    if "-" in word or not lx.english(low):
        return False
    zde = lx.zipf_de(low)
    return zde < 4.0 and lx.zipf_en(low) - zde >= 1.0


@functools.lru_cache(maxsize=65536)
def _name_word(word: str) -> bool:
    low = word.lower()
    if any(low.endswith(e) and len(low) - len(e) >= 4 and lx.zipf_de(low[: -len(e)]) >= 3.5 for e in _NOUN_ENDINGS):
        return False  # Sterne, Winters, Lichter: a frequent German noun inflected, whatever English names say
    return word in _exonyms() or (lx.is_name(word) and lx.zipf_de(low) < 4.5 and not lx.is_common_lowercase(word))


_NOUN_ENDINGS = ("e", "en", "n", "er", "s", "es")


def _given_name_dropped(name: str, source: str, target: str) -> bool:
    """'Präsident Donald Trump' → 'President Trump': a given name left out before a surname kept."""
    m = re.search(rf"\b{re.escape(name)}[ \u00a0]([A-ZÄÖÜ][\w-]+)", source)
    return m is not None and _name_kept(m.group(1), target)


def _name_kept(name: str, target: str) -> bool:
    """In the target as written, without a genitive s, transliterated (Müller → Mueller), without
    accents, or in its English form (München → Munich)."""
    forms = {name, name.translate(_TRANSLIT), unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()}
    if name.endswith("s") and len(name) > 4:
        forms |= {name[:-1], name[:-1].translate(_TRANSLIT)} | set(_exonyms().get(name[:-1], ()))  # Südafrikas
    forms |= set(_exonyms().get(name, ()))
    if any(f and f in target for f in forms):
        return True
    if _english_name(name) and re.search(rf"\b{re.escape(name.lower())}", target.lower()):
        return True  # an English word kept as one: 'Black Lives Matter' may be written 'black lives matter'
    stem = name[: max(5, len(name) - 3)]  # Londoner, Singapurs: the name inflected or made an adjective
    if len(name) >= 6 and re.search(rf"\b{re.escape(stem)}", target) is not None:
        return True
    from rapidfuzz import fuzz  # spelt alike: Elisabeth → Elizabeth, Tschaikowski → Tchaikovsky

    f = _spelling(name)
    return len(f) >= 5 and any(fuzz.ratio(f, _spelling(w)) >= 80 for w in _TARGET_NAME.findall(target))


_TARGET_NAME = re.compile(r"(?<![\w-])[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)*(?![\w-])")
# Proper adjectives and demonyms render German adjectives and compounds (bayerisch, Bundes-), not names
_DEMONYM = ("ian", "ians", "ean", "eans", "ese", "ish", "an", "ans", "ic")
_TARGET_OPENERS = frozenset('.!?:;"“‘(')
_MONTHS_DAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split()
)
_NORM = (("sch", "sh"), ("ph", "f"), ("c", "k"), ("y", "i"), ("z", "s"), ("ae", "a"), ("oe", "o"), ("ue", "u"))


@functools.lru_cache(maxsize=65536)
def _spelling(word: str) -> str:
    """Folded so that a name and its German spelling meet: Tokio/Tokyo, Kalifornien/California."""
    s = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()
    for a, b in _NORM:
        s = s.replace(a, b)
    return s


def _unsourced_names(source: str, target: str) -> list[str]:
    """Names in the target that nothing in the source accounts for: a name put in place of another
    ('Merkel' for Scholz). A name accounts for itself when the source has it spelt alike
    (Kalifornien → California, Südkorea → Korea), or as a German form on the exonym list (Neapel →
    Naples, Griechenland → Greek). Common words, days and months, titles and demonyms (Bavarian,
    French) are no names here; nor are acronyms, which English translates (EZB → ECB, DDR → GDR).
    A sentence's first word counts only when the dictionary knows it as a name or English corpora
    hardly know it ('Boston', 'Hamáček'): a capital there proves nothing."""
    from rapidfuzz import fuzz

    words: set[str] | None = None  # the source's words, folded: only for a name not in it as written
    out = []
    for m in _TARGET_NAME.finditer(target):
        name = m.group()
        if name in source:
            continue
        if not _may_be_added_name(name):
            continue
        j = m.start()
        while j and target[j - 1].isspace():
            j -= 1
        if (not j or target[j - 1] in _TARGET_OPENERS) and not (lx.is_name(name) or lx.zipf_en(name.lower()) < 2.5):
            continue  # a sentence's first word: its capital says nothing ('Gameplay', 'Geez')
        if words is None:
            words = {_spelling(w) for w in WORD.findall(source) if len(w) >= 3}
            folded = _spelling(source)
        f = _spelling(name)
        if len(f) >= 4 and f in folded or any(
                fuzz.ratio(f, w) >= (60 if f[:3] == w[:3] else 70) for w in words):
            continue
        if any(_spelling(de)[:4] in folded for de in _exonyms_of().get(name, ())) or any(
                name in en and _spelling(de)[:4] in folded for en, des in _exonyms_of().items() if " " in en or "-" in en
                for de in des):
            continue  # 'Rhine-Westphalia' of 'North Rhine-Westphalia'
        out.append(name)
    return out


_TITLES = frozenset("mr mrs ms dr".split())


@functools.lru_cache(maxsize=65536)
def _may_be_added_name(name: str) -> bool:
    low = name.lower()
    return not (low in _MONTHS_DAYS or low in _TITLES or name.endswith(_DEMONYM)
                or lx.is_common_lowercase(name.split("-")[0]) or lx.english(low))


@functools.cache
def _exonyms_of() -> dict[str, tuple[str, ...]]:
    """English form → the German names it renders."""
    out: dict[str, list[str]] = {}
    for de, ens in _exonyms().items():
        for en in ens:
            out.setdefault(en, []).append(de)
    return {en: tuple(des) for en, des in out.items()}


def _glossary(doc: Document, seg, ctx: Context, span) -> Iterator:
    """A glossary term in the source (or an inflected form: up to three more letters) whose required
    rendering is missing from the target."""
    src, tgt = seg.source.casefold(), seg.target.casefold()
    for de, renderings in ctx.glossary.items():
        if de.casefold() not in src or not re.search(rf"\b{re.escape(de.casefold())}\w{{0,3}}\b", src):
            continue
        if not any(re.search(rf"\b{re.escape(r.casefold())}", tgt) for r in renderings):
            wanted = " or ".join(f'"{r}"' for r in renderings)
            yield ctx.rule("MT762").finding(*span, message=f'The glossary renders "{de}" as {wanted}; the target has none')


def _consistency(doc: Document, ctx: Context) -> Iterator:
    """The same source translated two ways (MT758), or two sources given the same target (MT759),
    reported at the later segment."""
    by_source: dict[str, tuple] = {}  # normalised text → (first segment with it, its other side normalised)
    by_target: dict[str, tuple] = {}
    for seg in doc.segments:
        if not seg.target.strip() or not seg.source.strip():
            continue
        src, tgt = _norm(seg.source), _norm(seg.target)
        first, first_tgt = by_source.setdefault(src, (seg, tgt))
        if "MT758" in ctx.enabled and first is not seg and first_tgt != tgt:
            yield ctx.rule("MT758").finding(seg.start, seg.end, doc.text[seg.start : seg.end],
                                            message=f'The same source is translated differently in segment {first.id}: "{first.target[:60]}"')
        other, other_src = by_target.setdefault(tgt, (seg, src))
        if "MT759" in ctx.enabled and other is not seg and other_src != src and len(WORD.findall(tgt)) >= 3:
            yield ctx.rule("MT759").finding(seg.start, seg.end, doc.text[seg.start : seg.end],
                                            message=f"Segment {other.id} has the same target for a different source")


_NEG_DE = re.compile(r"\b(?:nicht|nichts|kein(?:e[mnrs]?|er(?:lei)?|esfalls|eswegs|ster)?|nie|niemals|niemand(?:e[mn])?"
                     r"|weder|nirgends|nirgendwo)\b", re.I)
_NEG_EN = re.compile(
    r"\b(?:not|no|never|nobody|nothing|none|neither|nor|nowhere|without|cannot|no-one|non|instead|rather than"
    r"|fail(?:s|ed|ing)?|lack(?:s|ed|ing)?|refus(?:e|es|ed|ing)|den(?:y|ies|ied)|cancel(?:s|led|ed|ling|ing)?"
    r"|hardly|barely|yet to|out of the question|impossible|unable|absen(?:t|ce)|missing|free of|devoid)\b"
    r"|n[’']t\b|\bnon-", re.I)
# For a negation the target added, the source must have none in any form: also "ohne", "kaum",
# "wenig" ("didn't … much"), "nur" ("nothing but"), "erst" ("not until"), a nicht-/un- word, or a
# verb of refusing or lacking.
_NEG_DE_WIDE = re.compile(
    r"\b(?:ohne|kaum|wenig|weniger|gering\w*|nur|erst|nirgend\w*|nicht\w*|un\w{4,}|\w+los\w*|fehl\w*|verweiger\w*|verbiet\w*|verbot\w*"
    r"|vermied\w*|vermeid\w*|weigert\w*|ablehn\w*|lehnt\w*|abgelehnt\w*)\b", re.I)
# "or not", "not only", "not just", "not least" negate nothing ("whether or not", "neben X auch Y").
_NEG_EN_STRONG = re.compile(r"\b(?:(?<!\bor )not(?! only\b| just\b| least\b)|never|nobody|nothing|neither|nor|cannot)\b"
                            r"|n[’']t\b(?! only\b| just\b)", re.I)
_NOT_ONLY = re.compile(r"\bnicht nur\b", re.I)  # "not only … but also" is often "as well as"
_NEG_DE_WORDS = frozenset("nicht nichts nie niemals weder nirgends nirgendwo kein keinerlei keinesfalls keineswegs keinster"
                          " niemand niemandem niemanden".split()) | {"kein" + e for e in ("e", "em", "en", "er", "es")}
_NEG_EN_STRONG_WORDS = frozenset("not never nobody nothing neither nor cannot t".split())  # 't' of "n't"


@functools.lru_cache(maxsize=4096)  # several checks ask about each text
def _lower_words(text: str) -> frozenset[str]:
    """A text's words in lowercase, as \\b delimits them: most segments hold no negation and no
    number word, and a set lookup says so without running a regex over every segment."""
    return frozenset(_W.findall(text.lower()))


_W = re.compile(r"\w+")


def _german_negation(source: str) -> str | None:
    """The source's first negator, except a "nicht nur" (not only), which negates nothing."""
    if _lower_words(source).isdisjoint(_NEG_DE_WORDS):
        return None
    neg = _NEG_DE.search(_NOT_ONLY.sub(" ", source) if "nur" in source else source)
    return neg.group() if neg else None


_UN = re.compile(r"\b(?:un|in|im|ir|il|dis)([a-z]{4,})|\b([a-z]{3,})less\b", re.I)


def _negated(target: str) -> bool:
    """An English negation: a negative word, or a word negated by its affix ('unnecessary',
    'unauthorised', 'invincible', 'pointless') whose stem is an English word."""
    if _NEG_EN.search(target):
        return True
    for m in _UN.finditer(target):
        stem = (m.group(1) or m.group(2)).lower()
        if lx.zipf_en(stem) >= 2.5 or lx.english(stem):
            return True
    return False

_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_MONTHS_DE = {m: i for i, m in enumerate(
    "januar februar märz april mai juni juli august september oktober november dezember".split(), 1)}
# Small cardinal numbers as words, standing alone ("seven-time" renders "siebenmalige", one German
# word). Left out on both sides: "one"/"ein" (a pronoun, an article), ordinals ("second-largest",
# "erste" as "initial") and "both"/"beide" (also "jeweils", "the two").
_WORDS_EN = {w: i for i, w in enumerate("zero _ two three four five six seven eight nine ten eleven twelve".split())
             if w != "_"}
_WORDS_DE = {w: i for i, w in enumerate("null eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf".split())}
# Words that may stand for a number but need not ("ersten" is "first" or "initial", "beide" is "both"
# or "the two"): they excuse a number on the other side, and are never required there.
_SOFT_DE = {stem + end: i for i, stem in enumerate("erst zweit dritt viert fünft sechst siebt acht neunt zehnt elft zwölft".split(), 1)
            for end in ("e", "en", "er", "es", "em")} | {w: 2 for w in ("beide", "beiden", "beider", "beides")}
_SOFT_EN = {w: i for i, w in enumerate("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(), 1)
            } | {"both": 2, "one": 1, "a": 1, "an": 1}
_SOFT_DE |= {w: 1 for w in ("ein", "eine", "einen", "einem", "einer", "eines")}
_DE_WORD_VALUES = _WORDS_DE | _MONTHS_DE


def _lone_words(text: str, table: dict[str, int]) -> list[int]:
    """The values of the table's words that stand alone in the text (not part of a hyphenated
    compound, not next to a digit). Most texts have none of them at all: a set says so."""
    if _lower_words(text).isdisjoint(table):
        return []
    return [table[w] for w in _LONE_WORD.findall(text.lower()) if w in table]


_LONE_WORD = re.compile(r"(?<![\w-])[^\W\d_]+(?![\w-])")


_DIGIT = re.compile(r"\d")
_FULL_HOUR = re.compile(r"\b(\d{1,2}):00(?!\d)")

_DE_TIME = re.compile(r"\b(\d{1,2})(?:[.:](\d{2}))?\s?Uhr\b")
_DE_DATE = re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.(\d{2,4})?(?!\.)")
# German numbers: 1.000 and 10 000 (thousands), 3,5 (decimal); a dot before one or two final digits
# is a decimal point as technical German writes it ("Version 4.5", "1.5 A").
_DE_DECADE_OF_CENTURY = re.compile(r"\b(\d0)(?:er|ern|er Jahren?)\b[^.\d]{0,20}?\b(\d{1,2})\.[ \u00a0]Jahrh?underts?\b")
_DE_NUM = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?: \d{3})+(?![\d,.])|\d+\.\d{1,2}(?![\d.])"
                     r"|\d+(?:,\d+)?)(?![\d])")
_EN_TIME = re.compile(r"\b(\d{1,2})(?::(\d{2}))?\s?([ap])\.?m\b\.?", re.I)
# A comma before one or two digits is a decimal comma left from German ("3,5 percent"): MT307 reports
# it, and the number is read as meant, not as two numbers.
_EN_NUM = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+(?![\d,.])|\d{1,3}(?: \d{3})+(?![\d,.])"
                     r"|\d+,\d{1,2}(?![\d,])"
                     r"|\d+(?:\.\d+)?)(?:st|nd|rd|th)?(?![\d])")
_EN_MONTH = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b")


def _value(s: str) -> str:
    v = float(s)
    return str(int(v)) if v == int(v) else repr(v)


_DECIMAL_POINT = re.compile(r"\d+\.\d{1,2}")
_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")
_THOUSANDS_DOT = re.compile(r"\d{1,3}(?:\.\d{3})+")


def _de_number(s: str) -> str:
    if _DECIMAL_POINT.fullmatch(s):
        return s  # a decimal point
    return s.replace(".", "").replace(" ", "").replace(",", ".")


def _en_number(s: str) -> str:
    """English, or German left in the English (a decimal comma, a thousands dot: MT307 and MT308
    report those), read as meant."""
    if _DECIMAL_COMMA.fullmatch(s):
        return s.replace(",", ".")
    if _THOUSANDS_DOT.fullmatch(s):
        return s.replace(".", "")
    return s.replace(",", "").replace(" ", "")


def _take(pattern: re.Pattern, text: str, into: list[str], read: Callable[[re.Match], list[str]]) -> str:
    """Read the numbers of each match into a list and blank the match out, in one scan."""
    def one(m: re.Match) -> str:
        into.extend(map(_value, read(m)))
        return " "
    return pattern.sub(one, text)


def _numbers(source: str, target: str) -> tuple[list[str], list[str]]:
    """Numbers of the source missing from the target and numbers the target added, after German
    formats are read as German (3,5 = 3.5; 1.000 = 1000; 22.8. = day 22, month 8; 17 Uhr = 17 h)
    and English ones as English (5 p.m. = 17 h; August = 8). Small numbers may be words."""
    src: list[str] = []
    rest = source if _DIGIT.search(source) else ""  # every form below but the words needs a digit
    if "Uhr" in rest:
        rest = _take(_DE_TIME, rest, src, lambda m: [m.group(1)] + ([m.group(2)] if m.group(2) and m.group(2) != "00" else []))
    if "undert" in rest:  # 'den 50ern des 19. Jahrhunderts' is the 1850s
        rest = _take(_DE_DECADE_OF_CENTURY, rest, src, lambda m: [str((int(m.group(2)) - 1) * 100 + int(m.group(1)))])
    if "." in rest:
        rest = _take(_DE_DATE, rest, src, lambda m: [g for g in m.groups() if g])
    if rest:
        src.extend(_value(_de_number(m.group(1))) for m in _DE_NUM.finditer(rest))
    src.extend(str(v) for v in _lone_words(source, _DE_WORD_VALUES))

    tgt: list[str] = []
    rest = target if _DIGIT.search(target) else ""
    if "m" in rest or "M" in rest:
        rest = _take(_EN_TIME, rest, tgt, lambda m: [str(int(m.group(1)) % 12 + (12 if m.group(3).lower() == "p" else 0))]
                     + ([m.group(2)] if m.group(2) and m.group(2) != "00" else []))
    if ":00" in rest:
        rest = _FULL_HOUR.sub(r"\1", rest)  # 17:00 is 17 Uhr
    if rest:
        tgt.extend(_value(_en_number(m.group(1))) for m in _EN_NUM.finditer(rest))
    # A month counts when written as a month: capitalised, and "May" not where the verb would open a
    # sentence (after a lowercase word, a digit or a comma it is the month).
    if not _lower_words(target).isdisjoint(_MONTHS):
        tgt.extend(str(_MONTHS[m.group(1).lower()]) for m in _EN_MONTH.finditer(target)
                   if m.group(1) != "May" or re.search(r"(?:[a-z,]|\d)\s*$", target[: m.start()]) or re.match(r"\s*\d", target[m.end():]))

    # Small numbers as words on either side are numbers too ("drei Wochen" → "four weeks").
    tgt.extend(str(v) for v in _lone_words(target, _WORDS_EN))
    if not src and not tgt:
        return [], []
    src_n, tgt_n = Counter(src), Counter(tgt)
    missing, extra = src_n - tgt_n, tgt_n - src_n
    if missing:
        missing -= Counter(str(v) for v in _lone_words(target, _SOFT_EN))
    if extra:
        extra -= Counter(str(v) for v in _lone_words(source, _SOFT_DE))
    return sorted(missing.elements()), sorted(extra.elements())
