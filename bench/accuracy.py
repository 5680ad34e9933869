"""Accuracy of mtfix on real data (issue 2, §8). Prints recall and false alarms; exits 0.

    python bench/accuracy.py
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import DATA, clean_articles, jsonl, occurrences  # noqa: E402
from mtfix.engine import Checker, parse  # noqa: E402
from mtfix.source import Source  # noqa: E402

CHECKER = Checker(syntax=False)  # the lexical checks of issue 2; bench/syntax.py measures the parser
SURFACE = {"leftover-german", "boilerplate", "typography", "capitalisation", "heading", "duplicate"}


def findings(text: str):
    return CHECKER.check(parse(Source("b", text, False, "text")))


def clean_english() -> None:
    arts = clean_articles()
    words = sum(len(a.split()) for a in arts)
    per_rule: Counter = Counter()
    sev: Counter = Counter()
    examples = defaultdict(list)
    for a in arts:
        for f in findings(a):
            per_rule[f.rule] += 1
            sev[f.severity.value] += 1
            if len(examples[f.rule]) < 4:
                examples[f.rule].append(f.text[:40])
    major = sev["major"] + sev["critical"]
    print(f"clean_english: {words} words in {len(arts)} pseudo-articles")
    print(f"  all findings: {sum(sev.values())} = {1000 * sum(sev.values()) / words:.2f} per 1,000 words "
          f"(target < 2.00, i.e. < 1 per 500)")
    print(f"  major+critical: {major} = {1000 * major / words:.2f} per 1,000 words (target < 0.50, i.e. < 1 per 2,000)")
    for code, n in per_rule.most_common():
        print(f"    {code}: {n:4d} ({1000 * n / words:.3f}/1k)  e.g. {examples[code]}")


def demetr() -> None:
    rows = [r for r in jsonl("demetr_de/data.jsonl") if r["perturbation"] == "critical_id4_codemix"]
    found = total = 0
    for r in rows:
        fs = [f for f in findings(r["mt"]) if f.rule in ("MT101", "MT102")]
        for e in r["errors"]:
            total += 1
            found += any(f.start < e["end"] and e["start"] < f.end for f in fs)
    clean = jsonl("demetr_de_clean/data.jsonl")
    fp = sum(1 for r in clean for f in findings(r["mt"]) if f.rule in ("MT101", "MT102"))
    print(f"demetr codemix: leftover-German span recall {found}/{total} = {found / total:.3f} (target ≥ 0.85); "
          f"MT101/MT102 on the 100 clean twins: {fp}")


def mt_articles() -> None:
    ann = {a["id"]: a for a in jsonl("mt_articles/annotations.jsonl")}
    per_cat = defaultdict(lambda: [0, 0])
    fa_major = fa_all = clean_words = trap_hits = 0
    for aid, a in ann.items():
        text = (DATA / "mt_articles" / "texts" / f"{aid}.txt").read_text(encoding="utf-8")
        fs = findings(text)
        spans = []
        for art in a["artifacts"]:
            starts = list(occurrences(text, art["text"])) if art.get("occurrences") else [text.find(art["text"])]
            spans += [(s, s + len(art["text"]), art["category"]) for s in starts if s >= 0]
        for s, e, cat in spans:
            per_cat[cat][1] += 1
            per_cat[cat][0] += any(f.start < e and s < f.end for f in fs)
        traps = [(s, s + len(t)) for t in a["traps"] for s in occurrences(text, t)]
        for f in fs:
            on_trap = any(f.start < e and s < f.end for s, e in traps)
            trap_hits += on_trap and f.severity.value != "minor"
            if a["kind"] == "clean" and not any(f.start < e and s < f.end for s, e, _ in spans):
                fa_all += 1
                fa_major += f.severity.value != "minor"
            elif on_trap and a["kind"] == "mt" and f.severity.value != "minor":
                fa_major += 1
        if a["kind"] == "clean":
            clean_words += len(text.split())
    print("mt_articles: recall per category (an artifact is found when a finding overlaps it)")
    hit = tot = 0
    for cat, (h, t) in sorted(per_cat.items()):
        mark = "*" if cat in SURFACE else " "
        print(f"  {mark} {cat:16} {h:3d}/{t:3d} = {h / t:.2f}")
        if cat in SURFACE:
            hit, tot = hit + h, tot + t
    print(f"  surface categories (*) together: {hit}/{tot} = {hit / tot:.2f} (target ≥ 0.70)")
    print(f"  clean controls: {clean_words} words, {fa_all} false alarms, major+ false alarms incl. traps: "
          f"{fa_major} = {1000 * fa_major / clean_words:.2f} per 1,000 clean words (target < 1); "
          f"major+ findings on traps anywhere: {trap_hits}")


if __name__ == "__main__":
    if not DATA.is_dir():
        sys.exit(f"bench: no evaluation data at {DATA} (set MTFIX_DATA)")
    demetr()
    mt_articles()
    clean_english()
