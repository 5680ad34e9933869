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
