"""Pattern rules: a regular expression from ``rules/*.yaml``, run over the prose of a document."""

from __future__ import annotations

import sys
from collections.abc import Iterator

from mtfix.detectors import Context
from mtfix.document import Document
from mtfix.finding import Finding
from mtfix.rules import Rule, fold_span

_warned: set[str] = set()


def run(rule: Rule, doc: Document) -> Iterator[Finding]:
    text = doc.masked
    try:
        if rule.compiled_requires and not rule.compiled_requires.search(text, timeout=rule.timeout):
            return
    except TimeoutError:
        _warn(rule, doc)
        return
    pat = rule.compiled
    has_span = "span" in pat.groupindex
    has_lead = "lead" in pat.groupindex  # a lookbehind group: the finding starts where it starts
    try:
        for m in pat.finditer(text, timeout=rule.timeout):
            s, e = m.span("span") if has_span else m.span()
            if has_lead and m.start("lead") >= 0:
                s = m.start("lead")
            if s >= e:
                continue
            block = doc.block_at(s + len(text[s:e]) - len(text[s:e].lstrip(" \t")))  # a line's indentation
            if block is None or block.kind not in rule.scope:
                continue
            if e > block.end and text[block.end : e].strip("\r\n"):
                continue
            nb = rule.compiled_not_before  # every user regex runs under the rule's timeout
            if nb and nb.search(text, max(block.start, s - 100), s, timeout=rule.timeout):
                continue
            na = rule.compiled_not_after
            if na and na.match(text, e, min(block.end, e + 100), timeout=rule.timeout):
                continue
            reps = _by_text(rule, doc.text[s:e]) if rule.replacement_by_text else [m.expand(t) for t in rule.replacement]
            yield rule.finding(s, e, doc.text[s:e], reps)
    except TimeoutError:
        _warn(rule, doc)


def _by_text(rule: Rule, found: str) -> list[str]:
    """The mapping's suggestions for the text found: as written ('The left' → 'The Left'), else
    without case or spaces ('Z. B.' as 'z.B.' → 'e.g.')."""
    table = rule.replacement_by_text
    return list(table.get(" ".join(found.split())) or table.get(fold_span(found), ()))


def _warn(rule: Rule, doc: Document) -> None:
    if (rule.code, doc.path) not in _warned:
        _warned.add((rule.code, doc.path))
        print(f"mtfix: warning: {doc.path}: rule {rule.code} timed out and was skipped", file=sys.stderr)


def run_all(doc: Document, ctx: Context) -> Iterator[Finding]:
    present = ctx.triggers_in(doc.lowered)
    for rule in ctx.pattern_rules:
        if rule.triggers and present.isdisjoint(rule.triggers):
            continue  # a literal the pattern needs is absent: skip the regex scan
        yield from run(rule, doc)
