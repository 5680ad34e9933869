"""Throughput of the lexical checks against the bare libraries underneath; cold start of the CLI.

    python bench/speed.py
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import clean_articles  # noqa: E402


def main() -> None:
    from mtfix import lexicon as lx
    from mtfix.engine import Checker, parse
    from mtfix.source import Source
    from mtfix.text import WORD

    arts = clean_articles()
    words = sum(len(WORD.findall(a)) for a in arts)
    checker = Checker()
    checker.check(parse(Source("warm", arts[0], False, "text")))  # load word lists once
    t = time.perf_counter()
    for a in arts:
        checker.check(parse(Source("b", a, False, "text")))
    full = time.perf_counter() - t
    print(f"mtfix check (all default rules), clean_english: {words} words in {full:.2f} s = {words / full:,.0f} words/s (target ≥ 200,000)")
    toks = [w for a in arts for w in WORD.findall(a)]
    t = time.perf_counter()
    h = lx._hunspell()
    for w in toks:
        try:
            h.spell(w)
        except UnicodeEncodeError:
            pass
    bare = time.perf_counter() - t
    print(f"bare hunspell.spell on every token: {len(toks) / bare:,.0f} words/s; mtfix/bare time ratio {full / bare:.2f}")
    seed = ROOT / "seeds" / "000_4884c0e8cb92d681.txt"
    best = min(_cold(seed) for _ in range(3))
    print(f"cold `mtfix check` of the seed: {best:.2f} s (target ≤ 1 s)")
    print(f"`mtfix --help`: {min(_cold(None) for _ in range(3)):.2f} s")


def _cold(path) -> float:
    args = [sys.executable, "-m", "mtfix"] + (["check", str(path)] if path else ["--help"])
    t = time.perf_counter()
    subprocess.run(args, capture_output=True, cwd=ROOT)
    return time.perf_counter() - t


if __name__ == "__main__":
    main()
