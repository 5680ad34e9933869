"""Source-aware checks on real data: DEMETR's perturbations of real German→English MT, and WMT.

    python bench/bilingual.py

- DEMETR (`demetr_de/`): up to 100 items per perturbation, each a German source with a perturbed MT
  output (items whose perturbation left the output unchanged are left out). An item counts as found when a source-aware finding (MT751-MT765) falls in its segment;
  for the code-mixing perturbation any finding counts (leftover German is MT101's). False alarms:
  the same sources with the unperturbed MT output, and with the human reference.
- WMT 2021-2023 (`wmt/`): source-aware findings per 1,000 segments on the human references (the
  false-alarm floor) and on each year's MT systems (mean per system), per rule.

Reads ../shared/data in place (MTFIX_DATA to point elsewhere) and writes nothing.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import DATA, jsonl  # noqa: E402
from mtfix.engine import Checker, parse  # noqa: E402
from mtfix.rules import load_all  # noqa: E402
from mtfix.source import Source  # noqa: E402

SOURCE_AWARE = sorted(code for code, rule in load_all().items() if rule.pairs)  # MT751-MT765
TARGETS = [  # perturbation, target recall (None: report only)
    ("critical_id10_numbers_replaced", 0.95), ("critical_id9_ne_replaced", 0.80), ("critical_id25_ne_removed", 0.70),
    ("critical_id4_codemix", 0.95), ("base_id33_empty", 1.00), ("critical_id8_negation", 0.60),
    ("critical_id24_subj_removed", None), ("critical_id23_noun_removed", None), ("critical_id6_addition", None),
    ("base_id33_shuffle_trans", 0.60),
]


def _clean(s: str) -> str:
    return s.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def segments_with_findings(pairs: list[tuple[str, str]], checker: Checker) -> tuple[set[int], Counter]:
    """Indexes of the pairs with a finding, and findings per rule."""
    text = "".join(f"{_clean(s)}\t{_clean(t)}\n" for s, t in pairs)
    doc = parse(Source("bench.tsv", text, False, "tsv"))
    found = checker.check(doc)
    return {f.line - 1 for f in found}, Counter(f.rule for f in found)


def main() -> None:
    source_aware = Checker(select=SOURCE_AWARE, syntax=False)
    everything = Checker(syntax=False)
    items = jsonl("demetr_de/data.jsonl")
    by_kind: dict[str, list[dict]] = {}
    for it in items:  # an item whose perturbation changed nothing is no error to find
        if it["perturbation"] == "base_id35_reference" or it["mt"] != it["mt_unperturbed"]:
            by_kind.setdefault(it["perturbation"], []).append(it)

    print("DEMETR (demetr_de): items with a source-aware finding in their segment")
    for kind, target in TARGETS:
        group = by_kind.get(kind, [])
        checker = everything if kind == "critical_id4_codemix" else source_aware
        hit, rules = segments_with_findings([(it["src"], it["mt"]) for it in group], checker)
        want = f"target ≥ {target:.2f}" if target is not None else "reported"
        top = ", ".join(f"{r} {n}" for r, n in rules.most_common(4))
        print(f"  {kind:34} {len(hit):3}/{len(group):3} = {len(hit) / max(1, len(group)):.2f}   {want:14} ({top})")

    base = list({it["id"].rsplit("-", 1)[1]: it for it in items}.values())  # each source once
    for name, field in (("unperturbed MT", "mt_unperturbed"), ("human reference", "ref")):
        hit, rules = segments_with_findings([(it["src"], it[field]) for it in base], source_aware)
        print(f"  false alarms on the {name:16} {len(hit):3}/{len(base):3} = {len(hit) / max(1, len(base)):.1%} of segments"
              f"   target ≤ 3%   ({', '.join(f'{r} {n}' for r, n in rules.most_common())})")
    ref35 = by_kind.get("base_id35_reference", [])
    hit, rules = segments_with_findings([(it["src"], it["mt"]) for it in ref35], source_aware)
    print(f"  false alarms on base_id35_reference     {len(hit):3}/{len(ref35):3} = {len(hit) / max(1, len(ref35)):.1%}"
          f"   target ≤ 3%   ({', '.join(f'{r} {n}' for r, n in rules.most_common())})")

    print("\nWMT de-en (wmt/): source-aware findings per 1,000 segments, references vs MT systems")
    all_pairs = []
    for year in ("2021", "2022", "2023"):
        folder = DATA / "wmt" / year
        src = (folder / "src.de").read_text(encoding="utf-8").splitlines()
        refs = (folder / "ref.A.en").read_text(encoding="utf-8").splitlines()
        _, ref_rules = segments_with_findings(list(zip(src, refs)), source_aware)
        all_pairs += list(zip(src, refs))
        systems = sorted((folder / "hyp").glob("*"))
        mt_rules: Counter = Counter()
        for hyp in systems:
            _, r = segments_with_findings(list(zip(src, hyp.read_text(encoding="utf-8").splitlines())), source_aware)
            mt_rules.update(r)
        per_k = lambda n: 1000 * n / max(1, len(src))  # noqa: E731
        rows = sorted(set(ref_rules) | set(mt_rules))
        print(f"  {year}: {len(src)} segments, {len(systems)} systems")
        for rule in rows:
            print(f"    {rule}  references {per_k(ref_rules[rule]):6.1f}   MT (mean per system) "
                  f"{per_k(mt_rules[rule] / max(1, len(systems))):6.1f}")
    speed(all_pairs)


def speed(pairs: list[tuple[str, str]], runs: int = 21) -> None:
    """The cost of the source-aware checks over the lexical tier on the same targets."""
    import statistics
    import time

    text = "".join(f"{_clean(s)}\t{_clean(t)}\n" for s, t in pairs)
    both = Checker(syntax=False)
    mono = Checker(syntax=False, ignore=SOURCE_AWARE)
    both.check(parse(Source("w.tsv", text, False, "tsv")))  # word lists loaded before timing
    times: dict[str, list[float]] = {"mono": [], "both": []}
    for _ in range(runs):  # interleaved: this machine's speed drifts
        for name, checker in (("mono", mono), ("both", both)):
            t = time.process_time()  # CPU time: a neighbour on this VM steals wall time, not CPU time
            checker.check(parse(Source("w.tsv", text, False, "tsv")))
            times[name].append(time.process_time() - t)
    m, b = statistics.median(times["mono"]), statistics.median(times["both"])
    # This VM's speed drifts by ±15% within a minute. Each run's two timings are taken back to back
    # and in CPU time, so their ratio cancels most of it; the quartiles of the ratios show what is left.
    ratios = sorted(y / x - 1 for x, y in zip(times["mono"], times["both"]))
    q1, med, q3 = statistics.quantiles(ratios, n=4)
    print(f"\nSpeed on {len(pairs)} WMT reference pairs ({runs} interleaved runs, CPU time): lexical rules on the "
          f"targets {m:.2f} s, with the source-aware checks {b:.2f} s (medians): +{med:.0%} (median of the runs' "
          f"ratios; quartiles +{q1:.0%} to +{q3:.0%}; target ≤ 30%)")


if __name__ == "__main__":
    main()
