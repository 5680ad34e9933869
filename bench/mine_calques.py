"""Can literal renderings be mined from WMT German→English? Phrases that several MT systems write for
the same German sentence where no human reference does, in two or more sentences, and that no WMT
de-en reference uses anywhere. Prints how many there are, how many occur in mt_articles, and how
often they occur in held-out human English.

    python bench/mine_calques.py

The human-English filter uses the WMT de-en references only; original English (the en-de sources)
and the TED/DEMETR/WMT16 references are held out, so the false-alarm rate is measured on English the
list was not built against. Result (2026-12-03): 675 phrases, 21 occurrences in mt_articles (normal
English such as "per hour", "large parts"), 78 per 100,000 words of held-out English. Systems that
agree with each other and differ from a human are mostly right and paraphrased; telling a calque
from a paraphrase needs the German side aligned. So no list is shipped.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import DATA, jsonl  # noqa: E402

TOKEN = re.compile(r"[a-zäöüß]+(?:['’][a-z]+)?")
MIN_SYSTEMS = 4  # systems that wrote the phrase for one German sentence, none of the references
MIN_SEGMENTS = 2
SIZES = (2, 3, 4)
FUNCTION = frozenset(
    "the a an of to in on at for with from by as and or but is are was were be been has have had will would "
    "can could this that it he she they we you i not no so than then there their his her its our which who "
    "also more most very all some any one two".split()
)


def toks(line: str) -> list[str]:
    return TOKEN.findall(line.lower())


def grams(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for n in SIZES for i in range(len(words) - n + 1)}


def content(g: tuple[str, ...]) -> bool:
    """A phrase worth listing: two content words, and it neither starts nor ends with a function word."""
    return sum(w not in FUNCTION and len(w) > 2 for w in g) >= 2 and g[0] not in FUNCTION and g[-1] not in FUNCTION


def rendering(hyp: list[str], ref: list[str], g: tuple[str, ...]) -> tuple[str, ...] | None:
    """What the reference wrote where the system wrote ``g``: one replaced block of at most six words."""
    n = len(g)
    for i in range(len(hyp) - n + 1):
        if tuple(hyp[i : i + n]) != g:
            continue
        for tag, a, b, c, d in difflib.SequenceMatcher(None, hyp, ref, autojunk=False).get_opcodes():
            if tag == "replace" and a <= i and i + n <= b and 0 < d - c <= 6 and b - a <= n + 2:
                return tuple(ref[c:d])
        return None
    return None


def mine() -> dict[tuple[str, ...], tuple[str, int, str]]:
    by_phrase: dict[tuple[str, ...], Counter] = defaultdict(Counter)  # phrase → systems per segment
    renders: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    where: dict[tuple[str, ...], str] = {}
    for year in ("2021", "2022", "2023"):
        d = DATA / "wmt" / year
        refs = [p.read_text(encoding="utf-8").splitlines() for p in sorted(d.glob("ref.*.en"))]
        hyps = [p.read_text(encoding="utf-8").splitlines() for p in sorted((d / "hyp").glob("*.en"))]
        for i in range(len(refs[0])):
            ref_toks = [toks(r[i]) for r in refs]
            ref_grams = set().union(*(grams(t) for t in ref_toks))
            seen: Counter = Counter()
            for h in hyps:
                if i >= len(h):
                    continue
                ht = toks(h[i])
                for g in grams(ht) - ref_grams:
                    if content(g):
                        seen[g] += 1
                        r = rendering(ht, ref_toks[0], g) if seen[g] == MIN_SYSTEMS else None
                        if r:
                            renders[g][r] += 1
            for g, k in seen.items():
                if k >= MIN_SYSTEMS:
                    by_phrase[g][f"{year}:{i + 1}"] = k
                    where.setdefault(g, f"{year}:{i + 1}")
    human = human_text("deen-ref")
    out = {}
    for g, segs in by_phrase.items():
        if len(segs) < MIN_SEGMENTS or f" {' '.join(g)} " in human:
            continue
        best = renders[g].most_common(1)  # what the references wrote there, for reading the list
        out[g] = (" ".join(best[0][0]) if best else "", max(segs.values()), where[g])
    return out


def human_text(origin_part: str, exclude: bool = False) -> str:
    lines = [r["text"] for r in jsonl("clean_english/data.jsonl") if (origin_part in r["origin"]) != exclude]
    return " " + " ".join(" ".join(toks(t)) + " ." for t in lines) + " "


def report(found: dict) -> None:
    phrases = {" ".join(g) for g in found}
    held_out = human_text("deen-ref", exclude=True)
    words = len(held_out.split())
    fa = sum(held_out.count(f" {p} ") for p in phrases)
    hits = Counter()
    for a in jsonl("mt_articles/annotations.jsonl"):
        text = " " + " ".join(toks((DATA / "mt_articles" / "texts" / f"{a['id']}.txt").read_text(encoding="utf-8"))) + " "
        for p in phrases:
            if f" {p} " in text:
                hits[p] += text.count(f" {p} ")
    print(f"{len(phrases)} phrases; in mt_articles: {sum(hits.values())} occurrences of {len(hits)} phrases "
          f"{sorted(hits)[:30]}; in held-out human English ({words} words): {fa} = "
          f"{100_000 * fa / words:.1f} per 100,000 words")


if __name__ == "__main__":
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    report(mine())
