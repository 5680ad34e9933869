"""Throughput and latency of `mtfix serve` on loopback, as a LanguageTool client would use it.

    python bench/serve.py [--requests 200] [--clients 20] [--parser-only | --lexical-only]

Starts `mtfix serve` on a free loopback port (lexical tier with --no-syntax, then with the parser),
posts a 500-word article (the seed's first 500 words) from N concurrent clients, and prints
requests per second and p50/p95 latency, beside the same check done in-process without HTTP (the
bare engine), so the cost of the server itself shows. Bounded: a fixed number of requests, on
127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SEED = ROOT / "seeds" / "000_4884c0e8cb92d681.txt"


def article(words: int = 500) -> str:
    out, n = [], 0
    for line in SEED.read_text(encoding="utf-8").splitlines():
        out.append(line)
        n += len(line.split())
        if n >= words:
            break
    return "\n".join(out)


def start(args: list[str]) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "mtfix", "serve", "--port", str(port), *args], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):  # ready when the loopback port accepts a connection (it opens after the warm-up)
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return proc, url
        except OSError:
            time.sleep(0.2)
    proc.kill()
    sys.exit("mtfix serve did not start")


def load(url: str, text: str, n: int, clients: int) -> tuple[float, list[float]]:
    session = requests.Session()

    def one(_: int) -> float:
        t = time.perf_counter()
        r = session.post(url + "/v2/check", data={"text": text, "language": "en-US"}, timeout=120)
        r.raise_for_status()
        return time.perf_counter() - t

    for _ in range(clients):  # warm the workers
        one(0)
    t = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        lat = list(pool.map(one, range(n)))
    return time.perf_counter() - t, lat


def bare(text: str, syntax: bool, n: int) -> float:
    """Checks per second of the engine in this process, no HTTP, one core."""
    from mtfix.engine import Checker, parse
    from mtfix.source import Source

    checker = Checker(syntax=syntax)
    checker.check(parse(Source("b", text, False, "text")))
    t = time.perf_counter()
    for _ in range(n):
        checker.check(parse(Source("b", text, False, "text")))
    return n / (time.perf_counter() - t)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--clients", type=int, default=20)
    tier = ap.add_mutually_exclusive_group()
    tier.add_argument("--lexical-only", action="store_true")
    tier.add_argument("--parser-only", action="store_true")
    a = ap.parse_args()
    text = article()
    print(f"{len(text.split())}-word article, {a.requests} requests from {a.clients} concurrent clients, loopback")
    tiers = [("lexical", ["--no-syntax"], False), ("parser", [], True)]
    for name, args, syntax in tiers:
        if (a.lexical_only and syntax) or (a.parser_only and not syntax):
            continue
        proc, url = start(args)
        try:
            elapsed, lat = load(url, text, a.requests, a.clients)
        finally:
            proc.terminate()
            proc.wait()
        q = statistics.quantiles(lat, n=20)
        engine = bare(text, syntax, 20)
        print(f"  {name:8} {a.requests / elapsed:7.1f} req/s   p50 {statistics.median(lat) * 1000:6.0f} ms   "
              f"p95 {q[18] * 1000:6.0f} ms   bare engine {engine:6.1f} checks/s on one core")


if __name__ == "__main__":
    main()
