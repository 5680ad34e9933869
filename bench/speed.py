"""Throughput of the lexical checks against the bare libraries underneath; cold start of the CLI.

    python bench/speed.py [--runs N]

Each run is a fresh process: word lists loaded and warmed on one article, then one timed pass over
all clean_english pseudo-articles, so the per-word caches start cold as they do in CI. This
machine's speed drifts by ±10% between runs, so the median and the best of N runs are printed.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def one_pass() -> None:
    """Print 'words seconds' for one timed pass of `check` over the corpus (run in a child process)."""
    from bench.common import clean_articles
    from mtfix.engine import Checker, parse
    from mtfix.source import Source
    from mtfix.text import WORD

    arts = clean_articles()
    words = sum(len(WORD.findall(a)) for a in arts)
    checker = Checker(syntax=False)  # the lexical checks: the parser is measured by bench/syntax.py
    checker.check(parse(Source("warm", arts[0], False, "text")))  # load word lists once
    t = time.perf_counter()
    for a in arts:
        checker.check(parse(Source("b", a, False, "text")))
    print(words, time.perf_counter() - t)


def bare_hunspell() -> float:
    from bench.common import clean_articles
    from mtfix import lexicon as lx
    from mtfix.text import WORD

    toks = [w for a in clean_articles() for w in WORD.findall(a)]
    h = lx._hunspell()
    t = time.perf_counter()
    for w in toks:
        try:
            h.spell(w)
        except UnicodeEncodeError:
            pass
    return len(toks) / (time.perf_counter() - t)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--one-pass", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one_pass:
        one_pass()
        return
    rates = []
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, __file__, "--one-pass"], capture_output=True, text=True, check=True)
        words, secs = out.stdout.split()
        rates.append(int(words) / float(secs))
    med, best = statistics.median(rates), max(rates)
    print(f"mtfix check --no-syntax (all lexical rules), clean_english, {words} words, {args.runs} fresh runs: "
          f"median {med:,.0f} words/s, best {best:,.0f} words/s (target ≥ 200,000)")
    bare = bare_hunspell()
    print(f"bare hunspell.spell on every token: {bare:,.0f} words/s; mtfix takes {bare / med:.2f}× as long")
    seed = ROOT / "seeds" / "000_4884c0e8cb92d681.txt"
    print(f"cold `mtfix check --no-syntax` of the seed: {min(_cold(seed) for _ in range(3)):.2f} s (target ≤ 1 s)")
    print(f"`mtfix --help`: {min(_cold(None) for _ in range(3)):.2f} s")


def _cold(path) -> float:
    args = [sys.executable, "-m", "mtfix"] + (["check", "--no-syntax", str(path)] if path else ["--help"])
    t = time.perf_counter()
    subprocess.run(args, capture_output=True, cwd=ROOT)
    return time.perf_counter() - t


if __name__ == "__main__":
    main()
