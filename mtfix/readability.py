"""Readability formulas, offline: textstat needs nltk's cmudict download, so syllables are counted here."""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass
from functools import lru_cache

from mtfix.text import WORD

_VOWELS = re.compile(r"[aeiouy]+")
_SENT = re.compile(r"[.!?…]+(?=\s|$)|\n\s*\n")
# Vowel pairs that are two syllables ("ri-ot", "cre-ate", "Aus-tra-li-an").
_HIATUS = re.compile(r"[^tcsg]ia|[^tcsx]io|ea$|[^p]eo|[^qg]ua|[^qg]ue(?!s?$)|uo|iet|eing$|yi")
_SILENT_E = re.compile(r"[^aeiouy]e$")
_LE = re.compile(r"[^aeiouy]le$")
_ED_ES = re.compile(r"[^aeiouydt]ed$|[^aeiouysxzhgc]es$")
_INNER_E = re.compile(r"[aeiou][^aeiouy]e(?:ly|ment|ful|ness|less|ly)$")
_EXCEPTIONS = {"business": 2, "people": 2, "science": 2, "poem": 2, "being": 2, "create": 2, "created": 3, "creates": 2}


@lru_cache(maxsize=65536)  # words repeat: a folder of articles counts each form once
def syllables(word: str) -> int:
    """A rule-based English syllable count; close to CMUdict on common words (see tests)."""
    w = word.lower().strip("'’")
    if not w:
        return 0
    if len(w) <= 3:
        return 1
    if w in _EXCEPTIONS:
        return _EXCEPTIONS[w]
    n = len(_VOWELS.findall(w))
    n += len(_HIATUS.findall(w))
    if _SILENT_E.search(w) and not _LE.search(w):
        n -= 1
    elif _ED_ES.search(w) or _INNER_E.search(w):
        n -= 1
    return max(1, n)


@dataclass(frozen=True)
class Readability:
    flesch_reading_ease: float
    flesch_kincaid_grade: float
    gunning_fog: float
    smog: float
    coleman_liau: float

    def to_dict(self) -> dict[str, float]:
        return {k: round(v, 1) for k, v in asdict(self).items()}


def counts(text: str) -> tuple[int, int, int, int, int]:
    """words, sentences, syllables, polysyllabic words, letters."""
    words = WORD.findall(text)
    sents = max(1, len([s for s in _SENT.split(text) if WORD.search(s)]))
    syl = [syllables(w) for w in words]
    return len(words), sents, sum(syl), sum(1 for s in syl if s >= 3), sum(len(w) for w in words)


def from_counts(words: int, sentences: int, syl: int, poly: int, letters: int) -> Readability:
    w, s = max(1, words), max(1, sentences)
    return Readability(
        flesch_reading_ease=206.835 - 1.015 * w / s - 84.6 * syl / w,
        flesch_kincaid_grade=0.39 * w / s + 11.8 * syl / w - 15.59,
        gunning_fog=0.4 * (w / s + 100 * poly / w),
        smog=1.0430 * math.sqrt(poly * 30 / s) + 3.1291,
        coleman_liau=0.0588 * (100 * letters / w) - 0.296 * (100 * s / w) - 15.8,
    )


def score(text: str) -> Readability:
    return from_counts(*counts(text))
