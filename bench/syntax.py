"""Accuracy and speed of the parser-based checks (issue 3, §3-4). Prints everything; exits 0.

    python bench/syntax.py [--no-speed]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import DATA, clean_articles, jsonl, occurrences  # noqa: E402
from mtfix.engine import Checker, parse  # noqa: E402
from mtfix.source import Source  # noqa: E402

SYNTAX = Checker(select=["MT8"])  # the parser rules only
FULL = Checker()
LEXICAL = Checker(syntax=False)


def findings(checker: Checker, text: str):
    return checker.check(parse(Source("b", text, False, "text")))


def popovic() -> None:
    rows = jsonl("popovic2017_deen_issues/data.jsonl")
    vo = [r for r in rows if "v_order" in r["issues"]]
    clean = [r for r in rows if not r["issues"]]
    hit = [r for r in vo if findings(SYNTAX, r["mt"])]
    fa = [r for r in clean if findings(SYNTAX, r["mt"])]
    print(f"popovic v_order: {len(hit)}/{len(vo)} segments flagged (target ≥ 5); "
          f"segments with no issue label flagged: {len(fa)}/{len(clean)} = {len(fa) / len(clean):.1%} (target ≤ 5%)")
    for r in fa[:5]:
        print(f"    false: {r['mt'][:100]!r} {[f.rule + ':' + f.text for f in findings(SYNTAX, r['mt'])]}")


def dfki() -> None:
    rows = jsonl("dfki_testsuite_deen/data.jsonl")
    cats = ("Subordination", "LDD & interrogatives", "Coordination & ellipsis")
    for cat in cats:
        rate = {}
        for label in ("incorrect", "correct"):
            sel = [r for r in rows if r["category"] == cat and r["label"] == label]
            flagged = sum(1 for r in sel if findings(SYNTAX, r["mt"]))
            rate[label] = (flagged, len(sel))
        (fi, ni), (fc, nc) = rate["incorrect"], rate["correct"]
        print(f"dfki {cat}: flagged incorrect {fi}/{ni} = {fi / max(ni, 1):.1%}, correct {fc}/{nc} = {fc / max(nc, 1):.1%}")


def onlinemt() -> None:
    rows = jsonl("onlinemt_deen/data.jsonl")
    by_seg: dict[tuple, list] = defaultdict(list)  # union of the two annotators per output
    text = {}
    for r in rows:
        key = (r["seg_id"], r["system"])
        text[key] = r["mt"]
        by_seg[key] += [(e["start"], e["end"]) for e in r["errors"] if e["category"] == "WordOrder" and e["start"] is not None]
    found = total = correct = reported = 0
    per_rule: Counter = Counter()
    for key, mt in text.items():
        fs = findings(SYNTAX, mt)
        spans = by_seg[key]
        total += len(spans)
        found += sum(1 for s, e in spans if any(f.start < e and s < f.end for f in fs))
        for f in fs:
            reported += 1
            ok = any(f.start < e and s < f.end for s, e in spans)
            correct += ok
            per_rule[(f.rule, ok)] += 1
    print(f"onlinemt word order: span recall {found}/{total} = {found / max(total, 1):.3f}; "
          f"precision {correct}/{reported} = {correct / max(reported, 1):.3f} "
          f"(by rule, right/wrong: {dict(sorted(per_rule.items()))})")


def clean() -> None:
    arts = clean_articles()
    words = sum(len(a.split()) for a in arts)
    per_rule: Counter = Counter()
    examples = defaultdict(list)
    for a in arts:
        for f in findings(SYNTAX, a):
            per_rule[f.rule] += 1
            if len(examples[f.rule]) < 3:
                examples[f.rule].append(a[max(0, f.start - 30) : f.end + 10].replace("\n", " "))
    n = sum(per_rule.values())
    print(f"clean_english: syntax rules add {n} findings in {words} words = {5000 * n / words:.2f} per 5,000 words (target < 1)")
    for code, k in per_rule.most_common():
        print(f"    {code}: {k}  e.g. {examples[code]}")
    # The parse also refines lexical rules: MT601/MT602 stay quiet in a text that addresses its reader.
    register = {"lexical": Checker(select=["MT601", "MT602"], syntax=False), "with the parse": Checker(select=["MT601", "MT602"])}
    counts = {k: sum(len(findings(c, a)) for a in arts) for k, c in register.items()}
    print(f"clean_english: MT601/MT602 false alarms, lexical {counts['lexical']} → with the parse {counts['with the parse']}")


def articles() -> None:
    ann = {a["id"]: a for a in jsonl("mt_articles/annotations.jsonl")}
    cats = ("word-order", "pronoun")
    rec = {c: [0, 0, 0] for c in cats}  # lexical found, full found, total
    added_fa = clean_words = 0
    register_fa = {"lexical": 0, "with the parse": 0}  # MT601/MT602 findings on no annotated artifact
    for aid, a in ann.items():
        text = (DATA / "mt_articles" / "texts" / f"{aid}.txt").read_text(encoding="utf-8")
        lex, full = findings(LEXICAL, text), findings(FULL, text)
        spans = []
        for art in a["artifacts"]:
            s = text.find(art["text"])
            if s >= 0:
                spans.append((s, s + len(art["text"]), art["category"]))
        for s, e, cat in spans:
            if cat in rec:
                rec[cat][2] += 1
                rec[cat][0] += any(f.start < e and s < f.end for f in lex)
                rec[cat][1] += any(f.start < e and s < f.end for f in full)
        traps = [(s, s + len(t)) for t in a["traps"] for s in occurrences(text, t)]
        for f in full:
            if not f.rule.startswith("MT8"):
                continue
            on_art = any(f.start < e and s < f.end for s, e, _ in spans)
            on_trap = any(f.start < e and s < f.end for s, e in traps)
            added_fa += on_trap or (a["kind"] == "clean" and not on_art)
        for k, fs in (("lexical", lex), ("with the parse", full)):
            register_fa[k] += sum(1 for f in fs if f.rule in ("MT601", "MT602")
                                  and not any(f.start < e and s < f.end for s, e, _ in spans))
        if a["kind"] == "clean":
            clean_words += len(text.split())
    for c, (lx_, fu, t) in rec.items():
        print(f"mt_articles {c}: lexical rules {lx_}/{t}, with syntax {fu}/{t} = {fu / t:.2f}")
    print(f"mt_articles: false alarms the syntax rules add on clean controls and traps: {added_fa} ({clean_words} clean words)")
    print(f"mt_articles: MT601/MT602 findings on no annotated artifact, lexical {register_fa['lexical']} → "
          f"with the parse {register_fa['with the parse']}")


def speed() -> None:
    from mtfix import syntax

    arts = clean_articles()
    text_bytes = sum(len(a.encode()) for a in arts)
    FULL.check(parse(Source("w", arts[0], False, "text")))
    t = time.perf_counter()
    for _ in FULL.check_many(parse(Source("b", a, False, "text")) for a in arts):  # as `mtfix check DIR` does
        pass
    full = time.perf_counter() - t
    nlp = syntax.nlp()
    blocks = [line for a in arts for line in a.split("\n") if line.strip()]
    t = time.perf_counter()
    for _ in nlp.pipe(blocks, batch_size=syntax.BATCH):
        pass
    bare = time.perf_counter() - t
    print(f"speed on {text_bytes / 1e6:.2f} MB: mtfix check with syntax {full:.1f} s, bare nlp.pipe ({', '.join(nlp.pipe_names)}) "
          f"{bare:.1f} s: overhead {100 * (full - bare) / bare:.0f}% (target ≤ 30%)")
    seed = ROOT / "seeds" / "000_4884c0e8cb92d681.txt"
    best = min(_cold(seed) for _ in range(3))
    print(f"cold `mtfix check` of the seed with syntax: {best:.2f} s (target ≤ 2.5 s)")


def _cold(path: Path) -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mtfix", "check", str(path)], capture_output=True, cwd=ROOT)
    return time.perf_counter() - t


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-speed", action="store_true")
    args = ap.parse_args()
    if not DATA.is_dir():
        sys.exit(f"bench: no evaluation data at {DATA} (set MTFIX_DATA)")
    popovic()
    dfki()
    onlinemt()
    clean()
    articles()
    if not args.no_speed:
        speed()
