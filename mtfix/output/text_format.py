"""Human output (ruff-like) and the one-line-per-finding concise form."""

from __future__ import annotations

from collections import Counter

from mtfix.output import shown_path

_COLORS = {"critical": "\033[1;31m", "major": "\033[31m", "minor": "\033[33m", "dim": "\033[2m", "bold": "\033[1m"}
_RESET = "\033[0m"


def _c(text: str, key: str, on: bool) -> str:
    return f"{_COLORS[key]}{text}{_RESET}" if on else text


def _show(s: str) -> str:
    return s.replace("\r", "\\r").replace("\n", "\\n")


def render(reports, color: bool = False, show_suppressed: bool = False) -> str:
    lines = []
    total = Counter()
    for r in reports:
        for f in r.findings:
            total[f.severity.value] += 1
            head = f"{shown_path(r.path)}:{f.line}:{f.column}: {_c(f.rule, 'bold', color)} [{_c(f.severity.value, f.severity.value, color)}] {f.message}"
            lines.append(head)
            detail = f"    {_show(f.text)!r}"
            if f.replacements:
                sug = " | ".join(repr(_show(x)) for x in f.replacements[:3])
                tag = f" ({f.fix.value} fix)" if f.fix else ""
                detail += f" → {sug}{tag}"
            lines.append(_c(detail, "dim", color))
        if show_suppressed:
            for f in r.suppressed:
                lines.append(_c(f"{shown_path(r.path)}:{f.line}:{f.column}: {f.rule} [suppressed] {f.message}  {_show(f.text)!r}", "dim", color))
        q, rd = r.quality, r.readability
        if r.below_min_score:
            lines.append(f"{shown_path(r.path)}: {_c(r.gate_message(), 'critical', color)}")
        lines.append(
            f"{shown_path(r.path)}: {len(r.findings)} finding(s) in {r.words} words; quality {q.score:.1f}/100 "
            f"({q.per_1000_words:.1f} penalty points per 1,000 words; weights "
            f"{', '.join(f'{k} {v:g}' for k, v in q.weights.items())}); "
            f"Flesch reading ease {rd.flesch_reading_ease:.1f}, grade {rd.flesch_kincaid_grade:.1f}"
        )
    by_rule = Counter((f.rule, f.name) for r in reports for f in r.findings)
    if by_rule:
        lines.append("By rule:")
        lines += [f"  {n:4d}  {code} {name}" for (code, name), n in sorted(by_rule.items(), key=lambda x: (-x[1], x[0]))]
    n = sum(total.values())
    fixable = sum(1 for r in reports for f in r.findings if f.fix and f.fix.value == "safe" and f.replacements)
    summary = f"Found {n} finding(s) in {len(reports)} file(s)"
    if n:
        summary += " (" + ", ".join(f"{total[k]} {k}" for k in ("critical", "major", "minor") if total[k]) + ")"
        summary += f"; {fixable} fixable with `mtfix fix`"
    below = sum(r.below_min_score for r in reports)
    if below:
        summary += f"; {below} file(s) below the minimum score"
    silenced = sum(len(r.suppressed) for r in reports)
    if silenced:
        summary += f"; {silenced} suppressed by comments" + ("" if show_suppressed else " (--show-suppressed lists them)")
    lines.append(summary + ".")
    return "\n".join(lines)


def render_concise(reports) -> str:
    lines = []
    for r in reports:
        lines += (f"{shown_path(r.path)}:{f.line}:{f.column}: {f.rule} {f.message}" for f in r.findings)
        if r.below_min_score:
            lines.append(f"{shown_path(r.path)}: {r.gate_message()}")
    return "\n".join(lines)
