"""Cost against input size, peak memory, and --jobs scaling, through the CLI as CI runs it.

    python bench/scale.py [--runs N] [--parser] [--folders 1000,10000]

- One document of 1, 4 and 9 MB (the development articles joined and repeated): seconds, seconds
  per MB and peak RSS of `mtfix check`. Near-linear cost means the time per MB at 9 MB is within
  1.3x of the time per MB at 1 MB. `--parser` adds the same with the parser (slow: minutes).
- Folders of 1,000 and 10,000 articles: `--jobs 1` against `--jobs N` (N = the CPU count), with
  the speed-up.

The data is read in place from ../shared/data and written only to a temporary folder. This machine's
speed drifts between runs, so each measurement is the median of N runs, the configurations taking
turns (interleaved), not one after the other.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def run(args: list[str]) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of one `mtfix` process (its own rusage, not the bench's)."""
    t = time.perf_counter()
    p = subprocess.Popen([sys.executable, "-m", "mtfix", *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                         cwd=ROOT)
    _, status, usage = os.wait4(p.pid, 0)
    elapsed = time.perf_counter() - t
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"mtfix {' '.join(args)} exited {code}: {p.stderr.read().decode()[:300]}")
    p.stderr.close()
    return elapsed, usage.ru_maxrss / 1024


def median_runs(configs: dict[str, list[str]], runs: int) -> dict[str, tuple[float, float]]:
    """Interleaved: run 1 of every config, then run 2 of every config, ..."""
    times: dict[str, list[float]] = {k: [] for k in configs}
    rss: dict[str, float] = {k: 0.0 for k in configs}
    for _ in range(runs):
        for name, args in configs.items():
            t, m = run(args)
            times[name].append(t)
            rss[name] = max(rss[name], m)
    return {k: (statistics.median(v), rss[k]) for k, v in times.items()}


def articles() -> list[str]:
    from bench.common import DATA

    folder = DATA / "mt_articles" / "texts"
    return [p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())]


def documents(tmp: Path, texts: list[str], sizes: list[int]) -> dict[int, Path]:
    blob = "\n\n".join(texts) + "\n\n"
    out = {}
    for mb in sizes:
        n = mb * 1_000_000
        text = (blob * (n // len(blob) + 1))[:n]
        text = text[: text.rfind("\n") + 1]  # whole lines
        out[mb] = tmp / f"doc{mb}mb.txt"
        out[mb].write_text(text, encoding="utf-8")
    return out


def folder(tmp: Path, texts: list[str], n: int) -> Path:
    d = tmp / f"folder{n}"
    d.mkdir()
    for i in range(n):
        (d / f"{i:05d}.txt").write_text(texts[i % len(texts)], encoding="utf-8")
    return d


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--parser", action="store_true", help="also time the documents with the parser (minutes)")
    ap.add_argument("--folders", default="1000,10000", help="folder sizes, comma-separated ('' for none)")
    ap.add_argument("--sizes", default="1,4,9", help="document sizes in MB")
    a = ap.parse_args()
    texts = articles()
    sizes = [int(x) for x in a.sizes.split(",") if x]
    cpus = os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="mtfix-scale-") as t:
        tmp = Path(t)
        docs = documents(tmp, texts, sizes)
        tiers = [("lexical", ["--no-syntax"])] + ([("parser", [])] if a.parser else [])
        for tier, flags in tiers:
            res = median_runs({str(mb): ["check", *flags, "--format", "concise", str(p)] for mb, p in docs.items()},
                              a.runs if tier == "lexical" else 1)
            print(f"one document, {tier} tier (median of {a.runs if tier == 'lexical' else 1}):")
            base = None
            for mb in sizes:
                sec, rss = res[str(mb)]
                per = sec / mb
                base = base or per
                print(f"  {mb:2d} MB  {sec:7.2f} s  {per:6.2f} s/MB  ({per / base:4.2f}x the 1 MB rate)  peak {rss:6.0f} MB")
        for n in [int(x) for x in a.folders.split(",") if x]:
            d = folder(tmp, texts, n)
            words = sum(len(texts[i % len(texts)].split()) for i in range(n))
            res = median_runs({"1": ["check", "--no-syntax", "--jobs", "1", str(d)],
                               str(cpus): ["check", "--no-syntax", "--jobs", str(cpus), str(d)]}, a.runs)
            one, many = res["1"][0], res[str(cpus)][0]
            print(f"folder of {n:,} articles ({words:,} words), lexical tier (median of {a.runs}):")
            print(f"  --jobs 1   {one:7.2f} s  {words / one:9,.0f} words/s  peak {res['1'][1]:5.0f} MB")
            print(f"  --jobs {cpus}   {many:7.2f} s  {words / many:9,.0f} words/s  peak {res[str(cpus)][1]:5.0f} MB"
                  f"  speed-up {one / many:.2f}x on {cpus} CPUs")


if __name__ == "__main__":
    main()
