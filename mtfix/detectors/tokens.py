"""Token-pattern rules (``kind: tokens`` in rules/*.yaml), matched sentence by sentence on the parse."""

from __future__ import annotations

from collections.abc import Iterator

from mtfix import syntax
from mtfix.detectors import Context
from mtfix.document import Document
from mtfix.finding import Finding
from mtfix.tokenpattern import match, may_match


def run_all(doc: Document, ctx: Context) -> Iterator[Finding]:
    rules = ctx.token_rules
    if not rules:
        return
    for parsed in syntax.parse(doc):
        for sent in parsed.sentences():
            toks = list(sent)
            lowered = sent.text.lower()
            for rule in rules:
                if parsed.block.kind not in rule.scope or not may_match(rule.tokens, lowered):
                    continue
                for _, _, a, b in match(rule.tokens, toks):
                    s, e = parsed.base + toks[a].idx, parsed.base + toks[b].idx + len(toks[b].text)
                    yield rule.finding(s, e, doc.text[s:e], rule.replacement)
