"""How far to trust each rule: measured on the development articles and on clean human English, and
written to rules/measured.tsv, which `mtfix rules show CODE` prints.

    python bench/rulestats.py            # measure and rewrite rules/measured.tsv
    python bench/rulestats.py --print    # measure and print only

Per rule: the annotated artifacts of mt_articles its findings overlap (recall contribution), how many
of those no other rule finds, its findings that overlap no artifact, and its findings per 100,000
words of clean_english (one long document per origin, the layout of real articles). Every rule runs,
opt-in ones included, with the parser when it is installed. The validation set mt_articles_b is not
used here: per-rule numbers on it would be per-finding reading by another name.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import DATA, clean_documents, jsonl, occurrences  # noqa: E402
from mtfix.engine import Checker, parse  # noqa: E402
from mtfix.source import Source  # noqa: E402

OUT = ROOT / "rules" / "measured.tsv"
COLUMNS = ("code", "artifacts_found", "found_only_by_it", "findings_on_no_artifact", "clean_per_100k_words")


def measure() -> dict[str, tuple[int, int, int, float]]:
    checker = Checker(select=[c for c in Checker().rules], syntax=True)  # every rule, opt-in ones too
    found_by: dict[tuple[str, int], set[str]] = defaultdict(set)
    stray: Counter = Counter()
    for a in jsonl("mt_articles/annotations.jsonl"):
        text = (DATA / "mt_articles" / "texts" / f"{a['id']}.txt").read_text(encoding="utf-8")
        spans = []
        for n, art in enumerate(a["artifacts"]):
            starts = list(occurrences(text, art["text"])) if art.get("occurrences") else [text.find(art["text"])]
            spans += [((a["id"], n, s), s, s + len(art["text"])) for s in starts if s >= 0]
        for f in checker.check(parse(Source("b", text, False, "text"))):
            hit = [key for key, s, e in spans if f.start < e and s < f.end]
            for key in hit:
                found_by[key].add(f.rule)
            stray[f.rule] += not hit
    found: Counter = Counter()
    only: Counter = Counter()
    for rules in found_by.values():
        for r in rules:
            found[r] += 1
        if len(rules) == 1:
            only[next(iter(rules))] += 1
    clean: Counter = Counter()
    words = 0
    for d in clean_documents():
        words += len(d.split())
        clean.update(f.rule for f in checker.check(parse(Source("b", d, False, "text"))))
    return {
        code: (found[code], only[code], stray[code], round(100_000 * clean[code] / words, 1))
        for code in sorted(checker.rules)
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--print", action="store_true", help="print, do not rewrite rules/measured.tsv")
    args = ap.parse_args()
    if not DATA.is_dir():
        sys.exit(f"bench: no evaluation data at {DATA} (set MTFIX_DATA)")
    stats = measure()
    lines = [
        f"# Measured by bench/rulestats.py on {date.today().isoformat()}: mt_articles (development set) and",
        "# clean_english (one long document per origin). Regenerate after changing a rule.",
        "\t".join(COLUMNS),
    ] + ["\t".join(map(str, (code, *row))) for code, row in stats.items()]
    if args.print:
        print("\n".join(lines))
    else:
        OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)} ({len(stats)} rules)")


if __name__ == "__main__":
    main()
