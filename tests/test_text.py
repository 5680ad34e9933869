"""Sentence starts: every capitalisation rule asks whether a word opens a sentence."""

from __future__ import annotations

import pytest

from mtfix.text import starts_sentence

TEXT = (
    "He joined the U.S. Army in 1990. A. Inspect the car. B. Open it. John F. Kennedy spoke.\n"
    "4) Would you do it again?\n[5] Since then it stood here.\n(PERSON4) Both work.\n"
    "Apple (AAPL) Shares fell. The Drone factory (Alabuga) Output rose."
)


@pytest.mark.parametrize(
    ("word", "opens"),
    [
        ("He", True), ("Army", False), ("Inspect", True), ("Open", True), ("Kennedy", False),
        ("Would", True), ("Since", True), ("Both", True),
        ("Shares", False), ("Output", False),  # a bracket inside the line is no list marker
    ],
)
def test_sentence_starts_after_markers_not_after_initials(word, opens):
    assert starts_sentence(TEXT, TEXT.index(word)) is opens


def test_a_weekday_abbreviation_ends_no_sentence():
    """'Mon. - Fri. from 9 a.m.': the full stop of a day's abbreviation is not a sentence's end, so
    the lowercase word after it is no missing capital."""
    text = "The museum opens Mon. - Fri. from 9 a.m. and Sat. Morning."
    assert starts_sentence(text, text.index("from")) is False
    assert starts_sentence(text, text.index("Morning")) is True  # 'sat.' is also a verb: it may end one
