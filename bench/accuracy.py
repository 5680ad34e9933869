"""Accuracy of mtfix on real data. Prints recall, precision, false alarms and fix quality; exits 0.

    python bench/accuracy.py              # every default rule, with the parser when it is installed
    python bench/accuracy.py --no-syntax  # the lexical tier only
    python bench/accuracy.py --detail     # also list the development set's misses and wrong safe fixes

`mt_articles` is the development set and `mt_articles_b` the validation set: they are printed side by
side, and only aggregate numbers are ever printed for the validation set, so that no rule is written
from its texts. The gap between the two columns is the overfitting we can see.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import DATA, clean_articles, clean_documents, jsonl, occurrences  # noqa: E402
from mtfix.engine import Checker, parse  # noqa: E402
from mtfix.finding import FixSafety  # noqa: E402
from mtfix.source import Source  # noqa: E402

SURFACE = ("leftover-german", "boilerplate", "typography", "capitalisation", "heading", "duplicate")
DEV, VAL = "mt_articles", "mt_articles_b"


def overlaps(f, s: int, e: int) -> bool:
    return f.start < e and s < f.end


def norm(s: str) -> str:
    return "".join(s.split()).casefold()


def fixed_region(text: str, fs, s: int, e: int) -> tuple[str, int, int]:
    """The region spanned by the artifact and the findings that touch it, with each finding's first
    replacement applied (earliest first, overlapping ones skipped, as `mtfix fix` would)."""
    lo = min([s] + [f.start for f in fs])
    hi = max([e] + [f.end for f in fs])
    out, pos = [], lo
    for f in sorted(fs, key=lambda f: (f.start, f.end)):
        if f.start < pos:
            continue
        out.append(text[pos:f.start])
        out.append(f.replacements[0])
        pos = f.end
    out.append(text[pos:hi])
    return "".join(out), lo, hi


def wanted(text: str, lo: int, hi: int, arts: list) -> str:
    """The region with every annotated fix inside it applied: one finding may fix two artifacts
    (both guillemets of a quotation)."""
    out, pos = [], lo
    for s, e, art in sorted((a for a in arts if lo <= a[0] and a[1] <= hi and a[2].get("fix") is not None),
                            key=lambda a: (a[0], -a[1])):
        if s < pos:
            continue
        out.append(text[pos:s])
        out.append(art["fix"])
        pos = e
    out.append(text[pos:hi])
    return "".join(out)


@dataclass
class SetResult:
    recall: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    findings = 0
    on_artifact = 0
    clean_words = 0
    fa_all = 0
    fa_major = 0
    trap_major = 0
    fix_total = 0  # found artifacts with an annotated fix
    fix_offered = 0  # ... where an overlapping finding suggests something
    fix_exact = 0
    safe_total = 0  # safe fixes on artifacts with an annotated fix
    safe_wrong = 0
    safe_on_null = 0  # safe fixes on artifacts whose annotation has no fix (delete or unrecoverable)
    misses: list = field(default_factory=list)
    wrong: list = field(default_factory=list)
    inexact: list = field(default_factory=list)
    unmatched: list = field(default_factory=list)


def spans_of(text: str, art: dict) -> list[tuple[int, int]]:
    if art.get("occurrences"):
        starts = list(occurrences(text, art["text"]))
    else:
        starts = [text.find(art["text"])]
    return [(s, s + len(art["text"])) for s in starts if s >= 0]


def measure(name: str, checker: Checker) -> SetResult:
    res = SetResult()
    for a in jsonl(f"{name}/annotations.jsonl"):
        text = (DATA / name / "texts" / f"{a['id']}.txt").read_text(encoding="utf-8")
        fs = checker.check(parse(Source("b", text, False, "text")))
        res.findings += len(fs)
        arts = [(s, e, art) for art in a["artifacts"] for s, e in spans_of(text, art)]
        traps = [(s, s + len(t)) for t in a["traps"] for s in occurrences(text, t)]
        for s, e, art in arts:
            hits = [f for f in fs if overlaps(f, s, e)]
            res.recall[art["category"]][1] += 1
            res.recall[art["category"]][0] += bool(hits)
            if not hits:
                res.misses.append((a["id"], art["category"], art["text"][:70]))
                continue
            fixing = [f for f in hits if f.replacements]
            if art.get("fix") is None:
                res.safe_on_null += sum(f.fix is FixSafety.SAFE for f in fixing)
                continue
            res.fix_total += 1
            got, lo, hi = fixed_region(text, fixing, s, e)
            want = wanted(text, lo, hi, arts)
            if fixing:
                res.fix_offered += 1
                res.fix_exact += norm(got) == norm(want)
                if norm(got) != norm(want):
                    res.inexact.append((a["id"], "/".join(sorted({f.rule for f in fixing})), repr(got[:50]), "→ want", repr(want[:50])))
            for f in fixing:
                if f.fix is not FixSafety.SAFE:
                    continue
                res.safe_total += 1
                ok = norm(got) == norm(want) or norm(f.replacements[0]) in norm(art["fix"])
                if not ok:
                    res.safe_wrong += 1
                    res.wrong.append((a["id"], f.rule, f.text[:40], f.replacements[0][:40], art["fix"][:60]))
        for f in fs:
            on_art = any(overlaps(f, s, e) for s, e, _ in arts)
            res.on_artifact += on_art
            on_trap = any(overlaps(f, s, e) for s, e in traps)
            major = f.severity.value != "minor"
            res.trap_major += on_trap and major
            if a["kind"] == "clean" and not on_art:
                res.fa_all += 1
                res.fa_major += major
            elif a["kind"] == "mt" and on_trap and major and not on_art:
                res.fa_major += 1
            if not on_art:
                res.unmatched.append((a["id"], f.rule, f.text[:50]))
        if a["kind"] == "clean":
            res.clean_words += len(text.split())
    return res


def ratio(h: int, t: int) -> str:
    return f"{h:3d}/{t:3d} = {h / t:.2f}" if t else f"{h:3d}/  0 =  -  "


def articles(checker: Checker, detail: bool) -> None:
    dev, val = measure(DEV, checker), measure(VAL, checker)
    cats = sorted(set(dev.recall) | set(val.recall), key=lambda c: (c not in SURFACE, c))
    print(f"{'':22}{DEV:>22}{VAL:>22}")
    print("recall per category (found = a finding overlaps the artifact)")

    def row(label: str, a: str, b: str) -> None:
        print(f"  {label:20}{a:>22}{b:>22}")

    for cat in cats:
        row(("* " if cat in SURFACE else "  ") + cat, ratio(*dev.recall[cat]), ratio(*val.recall[cat]))

    def total(r: SetResult, only: tuple[str, ...] | None) -> tuple[int, int]:
        pairs = [v for c, v in r.recall.items() if only is None or c in only]
        return sum(h for h, _ in pairs), sum(t for _, t in pairs)

    row("surface (*)", ratio(*total(dev, SURFACE)), ratio(*total(val, SURFACE)))
    row("all categories", ratio(*total(dev, None)), ratio(*total(val, None)))
    row("precision", ratio(dev.on_artifact, dev.findings), ratio(val.on_artifact, val.findings))
    for r in (dev, val):
        r.fa_rate = f"{1000 * r.fa_all / r.clean_words:.2f} / {1000 * r.fa_major / r.clean_words:.2f}"
    row("clean ctl /1k all/maj+", dev.fa_rate, val.fa_rate)
    row("major+ on traps", str(dev.trap_major), str(val.trap_major))
    row("fix exactness", ratio(dev.fix_exact, dev.fix_total), ratio(val.fix_exact, val.fix_total))
    row("  ... where offered", ratio(dev.fix_exact, dev.fix_offered), ratio(val.fix_exact, val.fix_offered))
    row("safe fixes wrong", ratio(dev.safe_wrong, dev.safe_total), ratio(val.safe_wrong, val.safe_total))
    row("safe fix, fix=null", str(dev.safe_on_null), str(val.safe_on_null))
    if detail:  # the development set only: the validation set's texts and findings stay unread
        print(f"\n{DEV} misses:")
        for m in sorted(dev.misses, key=lambda m: (m[1], m[0])):
            print("  ", *m)
        print(f"\n{DEV} wrong safe fixes (id, rule, text, replacement, annotated fix):")
        for w in dev.wrong:
            print("  ", *w)
        print(f"\n{DEV} fixes that differ from the annotated fix (id, rules, region fixed, region wanted):")
        for w in dev.inexact:
            print("  ", *w)
        print(f"\n{DEV} findings on no artifact:")
        for u in sorted(dev.unmatched, key=lambda u: (u[1], u[0])):
            print("  ", *u)


def demetr(checker: Checker) -> None:
    rows = [r for r in jsonl("demetr_de/data.jsonl") if r["perturbation"] == "critical_id4_codemix"]
    found = total = 0
    for r in rows:
        fs = [f for f in checker.check(parse(Source("b", r["mt"], False, "text"))) if f.rule in ("MT101", "MT102")]
        for e in r["errors"]:
            total += 1
            found += any(overlaps(f, e["start"], e["end"]) for f in fs)
    clean = jsonl("demetr_de_clean/data.jsonl")
    fp = sum(
        1
        for r in clean
        for f in checker.check(parse(Source("b", r["mt"], False, "text")))
        if f.rule in ("MT101", "MT102")
    )
    print(f"demetr codemix: leftover-German span recall {found}/{total} = {found / total:.3f}; "
          f"MT101/MT102 on the 100 clean twins: {fp}")


def clean_english(checker: Checker, label: str, docs: list[str], fmt: str) -> None:
    words = sum(len(d.split()) for d in docs)
    per_rule: Counter = Counter()
    sev: Counter = Counter()
    safe: Counter = Counter()
    examples = defaultdict(list)
    for d in docs:
        for f in checker.check(parse(Source("b", d, False, fmt))):
            per_rule[f.rule] += 1
            sev[f.severity.value] += 1
            safe[f.rule] += f.fix is FixSafety.SAFE and bool(f.replacements)
            if len(examples[f.rule]) < 4:
                examples[f.rule].append(f.text[:40])
    major = sev["major"] + sev["critical"]
    n = sum(sev.values())
    print(f"clean_english, {label}: {words} words in {len(docs)} documents: "
          f"all {n} = {1000 * n / words:.2f}/1k, major+ {major} = {1000 * major / words:.2f}/1k, "
          f"safe fixes {sum(safe.values())}")
    for code, k in per_rule.most_common(12):
        print(f"    {code}: {k:4d} ({100_000 * k / words:6.1f} per 100k words, {safe[code]} safe)  e.g. {examples[code]}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-syntax", action="store_true", help="the lexical tier only")
    ap.add_argument("--detail", action="store_true", help="list the development set's misses and wrong fixes")
    ap.add_argument("--skip-clean", action="store_true", help="skip clean_english (the slow part)")
    args = ap.parse_args()
    if not DATA.is_dir():
        sys.exit(f"bench: no evaluation data at {DATA} (set MTFIX_DATA)")
    checker = Checker(syntax=not args.no_syntax)
    print(f"rules: every default rule, parser {'off' if args.no_syntax else 'on when installed'}\n")
    articles(checker, args.detail)
    print()
    demetr(checker)
    if not args.skip_clean:
        clean_english(checker, "300-word pseudo-articles", clean_articles(), "text")
        clean_english(checker, "one long document per origin", clean_documents(), "text")
        # Human translations from German keep German conventions ("lost 0:3", "…”, said") that
        # mtfix rightly reports; original English shows what mtfix costs on English as such.
        clean_english(checker, "original English only (wmt*-ende-src)", clean_documents("ende-src"), "text")
        clean_english(checker, "human de-en translations only", clean_documents("deen-ref"), "text")
