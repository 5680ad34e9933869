"""Many files (issue 4, §6): throughput against the number of files, --jobs 1 against --jobs 2, and
peak memory. Articles are built from clean_english segments in a temporary folder.

    python bench/many.py [--files 10000]
"""

from __future__ import annotations

import argparse
import itertools
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import clean_articles  # noqa: E402

# Runs mtfix in a child and prints the peak resident memory of the child and its workers (KiB).
MEASURE = (
    "import resource, subprocess, sys\n"
    "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def build(folder: Path, n: int) -> int:
    arts = clean_articles()
    words = 0
    for i, text in zip(range(n), itertools.cycle(arts)):
        body = text if i < len(arts) else "\n".join(reversed(text.split("\n")))  # later rounds: reordered
        (folder / f"{i // 1000:02d}").mkdir(exist_ok=True)
        (folder / f"{i // 1000:02d}" / f"a{i:05d}.txt").write_text(body, encoding="utf-8")
        words += len(body.split())
    return words


def run(folder: Path, jobs: int) -> tuple[float, int]:
    cmd = [sys.executable, "-c", MEASURE, sys.executable, "-m", "mtfix", "check", "--no-syntax",
           "--format", "concise", "--jobs", str(jobs), str(folder)]
    t = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.split()
    return time.perf_counter() - t, int(out[1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=10000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for n in sorted({100, 1000, args.files}):
            folder = root / f"n{n}"
            folder.mkdir()
            words = build(folder, n)
            for jobs in (1, 2):
                secs, rss = run(folder, jobs)
                print(f"{n:6d} files, {words:9,d} words, --jobs {jobs}: {secs:6.1f} s = {n / secs:7.1f} files/s, "
                      f"{words / secs:9,.0f} words/s; peak memory of one process {rss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
