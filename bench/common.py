"""Shared helpers for the bench scripts: they read ../shared/data in place, never copy it."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

DATA = Path(os.environ.get("MTFIX_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))


def jsonl(rel: str) -> list[dict]:
    with open(DATA / rel, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def clean_articles(max_words: int = 300) -> list[str]:
    """clean_english segments, consecutive ones of one origin joined into ~300-word pseudo-articles,
    one segment per line (document-level rules need documents, not lone sentences)."""
    arts, cur, origin, words = [], [], None, 0
    for r in jsonl("clean_english/data.jsonl"):
        if r["origin"] != origin or words > max_words:
            if cur:
                arts.append("\n".join(cur))
            cur, words, origin = [], 0, r["origin"]
        cur.append(r["text"])
        words += len(r["text"].split())
    if cur:
        arts.append("\n".join(cur))
    return arts


def occurrences(text: str, sub: str) -> Iterator[int]:
    """Every start of ``sub`` in ``text``: an annotated span or a trap may occur more than once."""
    i = text.find(sub)
    while i >= 0:
        yield i
        i = text.find(sub, i + 1)


def clean_documents(origin_part: str = "") -> list[str]:
    """clean_english as real articles are laid out: one long document per origin, one segment per
    paragraph with blank lines between (the layout that document-level rules see in practice);
    only the origins whose name contains ``origin_part`` when it is given."""
    docs: dict[str, list[str]] = {}
    for r in jsonl("clean_english/data.jsonl"):
        if origin_part in r["origin"]:
            docs.setdefault(r["origin"], []).append(r["text"])
    return ["\n\n".join(v) for v in docs.values()]
