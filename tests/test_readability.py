"""Readability against published reference values."""

from __future__ import annotations

import pytest

from mtfix.readability import from_counts, score, syllables

# Syllable counts from CMUdict (the pronouncing dictionary textstat uses).
CMU = {
    "the": 1, "australian": 4, "platypus": 3, "seemingly": 3, "hybrid": 2, "mammal": 2, "reptilian": 4,
    "creature": 2, "readability": 5, "syllable": 3, "riot": 2, "table": 2, "idea": 3, "beautiful": 3,
    "business": 2, "government": 3, "people": 2, "wanted": 2, "jumped": 1, "houses": 2, "makes": 1,
    "agreed": 2, "quiet": 2, "area": 3, "video": 3, "radio": 3, "real": 1, "really": 2, "military": 4,
    "industry": 3, "production": 3, "information": 4, "situation": 4, "continue": 3, "statement": 2,
    "likely": 2, "completely": 3, "minister": 3, "chancellor": 3, "announced": 2, "election": 3,
    "police": 2, "years": 1, "different": 3, "increased": 2, "decided": 3, "opened": 2, "looked": 1,
}


def test_syllables_match_cmudict_mostly():
    right = sum(syllables(w) == n for w, n in CMU.items())
    assert right / len(CMU) >= 0.95


def test_flesch_cat_sat_on_the_mat():
    # Wikipedia, "Flesch–Kincaid readability tests": "The cat sat on the mat." scores 116.
    assert round(score("The cat sat on the mat.").flesch_reading_ease) == 116


def test_flesch_platypus():
    # Wikipedia: 13 words, 26 syllables, one sentence → reading ease 24.4, grade level 13.1.
    r = score("The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.")
    assert r.flesch_reading_ease == pytest.approx(24.4, abs=0.05)
    assert r.flesch_kincaid_grade == pytest.approx(13.1, abs=0.05)


def test_formulas_from_counts():
    # 100 words, 5 sentences, 150 syllables, 10 polysyllables, 450 letters
    r = from_counts(100, 5, 150, 10, 450)
    assert r.flesch_reading_ease == pytest.approx(206.835 - 1.015 * 20 - 84.6 * 1.5)
    assert r.gunning_fog == pytest.approx(0.4 * (20 + 10))
    assert r.smog == pytest.approx(1.0430 * (10 * 30 / 5) ** 0.5 + 3.1291)
    assert r.coleman_liau == pytest.approx(0.0588 * 450 - 0.296 * 5 - 15.8)
