"""Runs the enabled rules over a document and returns its findings in order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import cached_property
from pathlib import Path

from mtfix import gcpause
from mtfix import rules as rules_mod
from mtfix.detectors import Context
from mtfix.document import Document
from mtfix.finding import Finding, Severity
from mtfix.source import Source


def parse(source: Source) -> Document:
    with gcpause.paused(len(source.text)):
        if source.format == "markdown":
            from mtfix import markdown

            return markdown.parse(source.path, source.text)
        if source.format == "html":
            from mtfix import html

            return html.parse(source.path, source.text)
        if source.format in ("tsv", "csv"):
            from mtfix import pairs

            return pairs.parse(source.path, source.text, source.format, source.columns)
        if source.format in ("xliff", "po"):
            from mtfix import po, xliff

            return {"xliff": xliff, "po": po}[source.format].parse(source.path, source.text)
        from mtfix import plaintext

        return plaintext.parse(source.path, source.text)


def matches(rule: rules_mod.Rule, selector: str) -> bool:
    """A selector is a code or code prefix (MT3, MT301), a category or its dimension, or a rule name."""
    s = selector.strip()
    return (
        rule.code.startswith(s.upper())
        or rule.category == s
        or rule.category.split("/")[0] == s
        or rule.name == s
    )


def names_lt(selector: str) -> bool:
    """A selector of LanguageTool's matches (`LT`, `LT:EN_QUOTES`), valid only with --languagetool."""
    return selector.strip().upper().startswith("LT")


def selects(selector: str, f: Finding, rules: dict) -> bool:
    """Whether a selector names a finding's rule: one of the rule set, or a LanguageTool match."""
    rule = rules.get(f.rule)
    if rule is None:
        from types import SimpleNamespace

        rule = SimpleNamespace(code=f.rule, category=f.category, name=f.name)
    return matches(rule, selector)


PARSER_MAX_CHARS = 2_000_000  # the parse of a document is held whole: about 230 MB per MB of text


def parseable(doc: Document) -> bool:
    """Within the parser's memory bound (a 9 MB file took 2 GB): longer documents get the lexical
    checks, and a warning says so."""
    return len(doc.text) <= PARSER_MAX_CHARS


class Checker:
    """Holds the rule set once, checks many documents."""

    def __init__(
        self,
        rules: dict[str, rules_mod.Rule] | None = None,
        select: list[str] | None = None,
        ignore: list[str] | None = None,
        extra_dirs: list[Path] | None = None,
        syntax: bool = True,
        extend_select: list[str] | None = None,
        severity: dict[str, str] | None = None,
        accept: list[str] | None = None,
        reject: dict[str, str] | None = None,
        skip_states: list[str] | None = None,
        glossary: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.rules = rules if rules is not None else rules_mod.load_all(extra_dirs)
        if select:  # an opt-in rule needs its own code: `--select MT3` does not switch it on
            enabled = self._selected(select)
        else:
            enabled = {c for c, r in self.rules.items() if r.default}
        enabled |= self._selected(extend_select or [])
        enabled -= {c for c, r in self.rules.items() if ignore and any(matches(r, s) for s in ignore)}
        if not syntax:
            enabled -= {c for c in enabled if self.rules[c].parser}
        self.ctx = Context(self.rules, enabled, dict(reject or {}), syntax, dict(glossary or {}))
        self.syntax_skipped: str | None = None  # why the parser rules did not run, for one warning
        self.too_long_to_parse: list[str] = []  # documents checked without the parser rules (PARSER_MAX_CHARS)
        self.severity = {c: Severity(v) for c, v in (severity or {}).items()}
        self.full_selection = not select and not ignore  # every default rule runs
        self.accept = [a.lower() for a in accept or [] if a.strip()]
        self.skip_states = frozenset(skip_states or ())  # bilingual segments in these states are not checked

    def _selected(self, selectors: list[str]) -> set[str]:
        return {c for c, r in self.rules.items() if any(matches(r, s) and (r.default or s.upper() == c) for s in selectors)}

    def check(self, doc: Document) -> list[Finding]:
        with gcpause.paused(len(doc.text)):
            return self._check(doc)

    def _check(self, doc: Document) -> list[Finding]:
        from mtfix.detectors import patterns

        needed = self._parser_needed()  # may drop the parser rules from self.ctx (no spaCy)
        ctx = self.ctx
        if needed and not parseable(doc):
            ctx = self._lexical
            self.too_long_to_parse.append(doc.path)
        found: list[Finding] = list(patterns.run_all(doc, ctx))
        if ctx.token_rules:
            from mtfix.detectors import tokens

            found.extend(tokens.run_all(doc, ctx))
        for fn in ctx.detectors:
            found.extend(fn(doc, ctx))
        found = finalize(doc, found, ctx.enabled)
        if self.accept:
            found = _drop_accepted(doc, found, self.accept)
        if self.severity:
            found = [replace(f, severity=self.severity[f.rule]) if f.rule in self.severity else f for f in found]
        if self.skip_states and doc.segments:
            found = _drop_skipped_segments(doc, found, self.skip_states)
        return self._suppress(doc, found)

    def _suppress(self, doc: Document, found: list[Finding]) -> list[Finding]:
        """Apply suppression comments; report the ones that suppressed nothing (MT001)."""
        from mtfix import suppress

        found, doc.suppressed, directives = suppress.apply(doc, found)
        if "MT001" not in self.ctx.enabled:
            return found
        rule = self.rules["MT001"]
        for d in directives:
            if d.used or d.kind == "on":
                continue
            # Judged only when the rules it names ran: `--select MT3` says nothing about MT101.
            ran = self.full_selection if d.codes is None else all(
                any(c.startswith(code) for c in self.ctx.enabled) for code in d.codes
            )
            if ran:
                f = rule.finding(d.start, d.end, doc.text[d.start : d.end], [""])
                found.append(f.at(*doc.position(d.start)))
        return sorted(found, key=lambda f: (f.start, f.end, f.rule))

    def check_many(self, docs: Iterable[Document], chunk: int = 32) -> Iterator[tuple[Document, list[Finding]]]:
        """Check documents in order; when the parser is needed, parse them in chunks first."""
        batch: list[Document] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) == chunk:
                yield from self._check_chunk(batch)
                batch = []
        yield from self._check_chunk(batch)

    def _check_chunk(self, docs: list[Document]) -> Iterator[tuple[Document, list[Finding]]]:
        if docs and self._parser_needed():
            from mtfix import syntax

            syntax.parse_many([d for d in docs if parseable(d)])
        for doc in docs:
            yield doc, self.check(doc)

    @cached_property
    def _lexical(self) -> Context:
        """The rules without the parser's, for a document too long to parse."""
        c = self.ctx
        return replace(c, enabled={r for r in c.enabled if not self.rules[r].parser}, syntax=False)

    def _parser_needed(self) -> bool:
        """Whether enabled rules need the parse. The parser loads on the first check that needs it;
        without spaCy the parser rules drop out (and ``syntax_skipped`` says why)."""
        if not self.ctx.needs_parser:
            return False
        if self.syntax_skipped is None:
            self._load_parser()
        return self.ctx.needs_parser

    def _load_parser(self) -> None:
        from mtfix import syntax

        try:
            syntax.nlp()
            self.syntax_skipped = ""
        except syntax.SyntaxUnavailable as e:
            self.syntax_skipped = str(e)
            enabled = {c for c in self.ctx.enabled if not self.rules[c].parser}
            self.ctx = replace(self.ctx, enabled=enabled, syntax=False)


def _drop_skipped_segments(doc: Document, found: list[Finding], states: frozenset[str]) -> list[Finding]:
    from mtfix.bilingual import segment_ids

    skipped = {s.id for s in doc.segments if s.state in states}
    if not skipped:
        return found
    ids = segment_ids(doc, [(f.start, f.end) for f in found])
    return [f for f, sid in zip(found, ids) if sid not in skipped]


def _drop_accepted(doc: Document, found: list[Finding], accept: list[str]) -> list[Finding]:
    """Findings inside an accepted term ("Bündnis Sahra Wagenknecht") are the publication's names."""
    low = doc.text.lower()
    spans = []
    for term in accept:
        i = low.find(term)
        while i >= 0:
            spans.append((i, i + len(term)))
            i = low.find(term, i + 1)
    return [f for f in found if not any(s <= f.start and f.end <= e for s, e in spans)]


def finalize(doc: Document, found: list[Finding], enabled: set[str]) -> list[Finding]:
    """Drop disabled, non-prose and duplicate findings; add line/column; sort."""
    out: dict[tuple[str, int, int], Finding] = {}
    targets = {(s.start, s.end) for s in doc.segments}  # a source-aware finding covers a whole target, codes and all
    for f in found:
        whole_target = (f.start, f.end) in targets
        if f.rule not in enabled or not (0 <= f.start < f.end <= len(doc.text) or whole_target):
            continue
        if not whole_target and not doc.is_prose(f.start, f.end) and not (
                f.replacements == ("",) and doc.is_prose_lines(f.start, f.end)):
            continue
        key = (f.rule, f.start, f.end)
        if key not in out:
            out[key] = f.at(*doc.position(f.start))
    return sorted(out.values(), key=lambda f: (f.start, f.end, f.rule))


CONTEXT_WIDTH = 100  # characters of the finding's line shown around it in the text report


def context(doc: Document, start: int, end: int) -> tuple[str, int, int]:
    """The finding's line as the text report shows it: (line, start, end of the span in it), trimmed
    around the span with "…" when long. Reports hold no text (memory on many files), so the line
    travels with the finding."""
    ls, le = doc.line_span(start)
    line = doc.text[ls:le].rstrip("\r\n")
    a, b = start - ls, min(end, ls + len(line)) - ls
    b = max(b, a + 1) if a < len(line) else a
    if len(line) > CONTEXT_WIDTH:
        lo = max(0, min(a - 30, len(line) - CONTEXT_WIDTH))
        hi = min(len(line), lo + CONTEXT_WIDTH)  # a longer span is underlined to the cut
        prefix, suffix = ("…" if lo else ""), ("…" if hi < len(line) else "")
        line, a, b = prefix + line[lo:hi] + suffix, a - lo + len(prefix), min(b, hi) - lo + len(prefix)
    return line.replace("\t", " "), a, b


def report(doc: Document, findings: list[Finding], weights: dict[str, float] | None = None):
    from mtfix.output import FileReport
    from mtfix.readability import score as readability
    from mtfix.scoring import quality
    from mtfix.text import WORD

    source = doc.path
    prose = doc.masked.replace("\ue000", " ")
    words = len(WORD.findall(prose))
    from mtfix.baseline import fingerprint

    for f in findings:
        f.extra["fingerprint"] = fingerprint(doc.text, f.start, f.end, f.rule)
        f.extra["context"] = context(doc, f.start, f.end)
    if doc.segments:  # a bilingual file: name each finding's segment (XLIFF unit id, PO entry line)
        from mtfix.bilingual import segment_ids

        for f, sid in zip(findings, segment_ids(doc, [(f.start, f.end) for f in findings])):
            if sid is not None:
                f.extra["segment"] = sid
    out = FileReport(source, words, findings, quality(findings, words, weights), readability(prose))
    out.suppressed = list(doc.suppressed)
    return out


# Characters a fix may not write into a structured file, where they would be markup or end a string.
_SYNTAX = {"html": "<&", "xliff": "<&", "po": '"\\\n', "csv": '"\n', "tsv": "\t\n"}


def fix_text(source: Source, checker: Checker, unsafe: bool = False) -> tuple[str, list[Finding]]:
    """The fixed text of a source, re-checked until no applicable fix remains."""
    from mtfix.fixes import fix_to_fixpoint

    unsafe_chars = _SYNTAX.get(source.format, "")

    def findings(text: str) -> list[Finding]:
        doc = parse(replace(source, text=text))
        return [f for f in checker.check(doc) if doc.fixable(f.start, f.end)
                and not any(c in r for r in f.replacements[:1] for c in unsafe_chars)]

    return fix_to_fixpoint(source.text, findings, unsafe)
