"""Human output (ruff-like), the one-line-per-finding concise form, and the per-rule statistics."""

from __future__ import annotations

from collections import Counter

from mtfix.output import TextOptions, quoted, shown_path

_COLORS = {"critical": "\033[1;31m", "major": "\033[31m", "minor": "\033[33m", "dim": "\033[2m", "bold": "\033[1m"}
_RESET = "\033[0m"


def _c(text: str, key: str, on: bool) -> str:
    return f"{_COLORS[key]}{text}{_RESET}" if on else text


def render(reports, opts: TextOptions | None = None) -> str:
    o = opts or TextOptions()
    lines = []
    total = Counter()
    for r in reports:
        path = shown_path(r.path)
        for f in r.findings:
            total[f.severity.value] += 1
            lines.append(f"{path}:{f.line}:{f.column}: {_c(f.rule, 'bold', o.color)} "
                         f"[{_c(f.severity.value, f.severity.value, o.color)}] {f.message}")
            lines += _in_context(f, o.color)
        if o.show_suppressed:
            for f in r.suppressed:
                lines.append(_c(f"{path}:{f.line}:{f.column}: {f.rule} [suppressed] {f.message}  {quoted(f.text)}",
                                "dim", o.color))
        if r.below_min_score:
            lines.append(f"{path}: {_c(r.gate_message(), 'critical', o.color)}")
        if "alignment" in r.extra and not o.quiet:
            a = r.extra["alignment"]
            lines.append(f"{path}: aligned with {shown_path(a['source'])}: {len(a['pairs'])} paragraph pair(s), "
                         f"{len(a['omitted'])} source paragraph(s) without a translation, "
                         f"{len(a['added'])} added paragraph(s)")
        if o.quiet or not (r.findings or o.verbose):
            continue  # a clean file's score line is noise in a folder of articles (-v shows it)
        q, rd = r.quality, r.readability
        lines.append(
            f"{path}: {len(r.findings)} finding(s) in {r.words} words; quality {q.score:.1f}/100 "
            f"({q.per_1000_words:.1f} penalty points per 1,000 words; weights "
            f"{', '.join(f'{k} {v:g}' for k, v in q.weights.items())}); "
            f"Flesch reading ease {rd.flesch_reading_ease:.1f}, grade {rd.flesch_kincaid_grade:.1f}"
        )
    if o.show_fixes:
        lines += _fixes(reports)
    if o.quiet:
        return "\n".join(lines)
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
        summary += f"; {silenced} suppressed by comments" + ("" if o.show_suppressed else " (--show-suppressed lists them)")
    lines.append(summary + ".")
    return "\n".join(lines)


def _in_context(f, color: bool) -> list[str]:
    """ruff's full output: the line, the span underlined, then the suggestion as before → after."""
    fix = ""
    if f.replacements:
        tag = f" ({f.fix.value} fix)" if f.fix else ""
        fix = f"{_short(quoted(f.text))} → " + " | ".join(_short(quoted(x)) for x in f.replacements[:3]) + tag
    ctx = f.extra.get("context")
    if not ctx:  # a report made without its document
        return [_c(f"    {fix or quoted(f.text)}", "dim", color)]
    line, a, b = ctx
    num = str(f.line)
    pad = " " * len(num)
    out = [_c(f" {pad} |", "dim", color), _c(f" {num} | ", "dim", color) + shown_path(line),
           _c(f" {pad} | ", "dim", color) + " " * a + _c("^" * max(1, b - a), f.severity.value, color)]
    if fix:
        out.append(_c(f" {pad} = suggestion: {fix}", "dim", color))
    return out


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 2] + "…" + text[-1]


def _fixes(reports) -> list[str]:
    out = []
    for r in reports:
        for f in r.findings:
            if f.fixable:
                out.append(f"  {shown_path(r.path)}:{f.line}:{f.column}: {f.rule} {quoted(f.text)} → "
                           f"{quoted(f.replacements[0])} ({f.fix.value})")
    if not out:
        return ["No fixes available."]
    safe = sum(1 for line in out if line.endswith("(safe)"))
    return [f"Fixes available ({safe} safe: `mtfix fix`; {len(out) - safe} unsafe: `mtfix fix --unsafe-fixes`):"] + out


def render_concise(reports) -> str:
    lines = []
    for r in reports:
        lines += (f"{shown_path(r.path)}:{f.line}:{f.column}: {f.rule} {f.message}" for f in r.findings)
        if r.below_min_score:
            lines.append(f"{shown_path(r.path)}: {r.gate_message()}")
    return "\n".join(lines)


def render_statistics(reports) -> str:
    """ruff's --statistics: count, code, name and [*] where the findings have a safe fix."""
    count, name, safe = Counter(), {}, set()
    for r in reports:
        for f in r.findings:
            count[f.rule] += 1
            name[f.rule] = f.name
            if f.fixable and f.fix.value == "safe":
                safe.add(f.rule)
    rows = sorted(count.items(), key=lambda x: (-x[1], x[0]))
    width = max((len(str(n)) for _, n in rows), default=1)
    lines = [f"{n:>{width}}  {code}  {'[*]' if code in safe else '   '} {name[code]}" for code, n in rows]
    if any(code in safe for code, _ in rows):
        lines.append("[*] fixable with `mtfix fix`")
    return "\n".join(lines)
