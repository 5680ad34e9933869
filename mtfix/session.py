"""One run of the CLI over many files: each file gets the configuration found above it, merged with
the command line, and the checker built for that configuration (built once, shared)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from mtfix import config as cfgmod
from mtfix.config import Config
from mtfix.engine import Checker, matches, names_lt, parse, report, selects
from mtfix.errors import MtfixError
from mtfix.output import FileReport


@dataclass
class Options:
    """What the command line says; None means "as the configuration says"."""

    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    no_syntax: bool = False
    fail_on: str | None = None
    min_score: float | None = None
    config_file: str | None = None
    languagetool: str | None = None  # a LanguageTool server's URL
    languagetool_required: bool = False  # an unreachable server is an error, not a warning
    skip_states: list[str] = field(default_factory=list)  # bilingual segments in these states are not checked
    source_file: str | None = None  # the German original of the one file checked (paired files)
    columns: tuple[str, str] | None = None  # TSV/CSV: the source and target columns


class Session:
    def __init__(self, options: Options) -> None:
        from mtfix.rules import load_all

        self.options = options
        self.builtin = load_all()
        self._configs: dict[str, Config] = {}
        self._found: dict[str, Path | None] = {}  # folder as named → its configuration file
        self._default = Config()
        self._checkers: dict[str | None, Checker] = {}
        self.fixed = self._load(Path(options.config_file)) if options.config_file else None
        self.named: set[str] = set()  # files given on the command line, not found in a folder
        self.skipped: list[tuple[str, str]] = []  # (file, reason) for unreadable files found in folders
        self._origin: dict[str, str] = {}  # a source's path → the file argument it came from
        self._backends: dict = {}  # LanguageTool URL → languagetool.Backend
        self.alignments: dict[str, dict] = {}  # path → paragraph alignment with --source

    def _load(self, path: Path) -> Config:
        key = str(path.resolve())
        if key not in self._configs:
            if not path.is_file():
                raise cfgmod.ConfigError(str(path), "no such configuration file")
            self._configs[key] = cfgmod.load(path, self.builtin)
        return self._configs[key]

    def config_for(self, file: str) -> Config:
        if self.fixed is not None:
            return self.fixed
        where = "." if file == "-" else file
        key = where if os.path.isdir(where) else os.path.dirname(where) or "."
        if key not in self._found:  # one lookup per folder, not per file
            self._found[key] = cfgmod.find(str(Path(key).resolve()))
        found = self._found[key]
        return self._load(found) if found else self._default

    def checker_for(self, cfg: Config) -> Checker:
        if cfg.path not in self._checkers:
            from mtfix.rules import load_all

            o = self.options
            rules = load_all(cfg.rule_dirs) if cfg.rule_dirs else self.builtin
            for s in (o.select or []) + o.ignore + o.extend_select:
                if not names_lt(s) and not any(matches(r, s) for r in rules.values()):
                    raise MtfixError(f"unknown rule code, category or name: {s!r} (see `mtfix rules`)")
            self._checkers[cfg.path] = Checker(
                rules,
                select=o.select if o.select is not None else cfg.select,
                ignore=cfg.ignore + o.ignore,
                syntax=cfg.syntax and not o.no_syntax,
                extend_select=cfg.extend_select + o.extend_select,
                severity=cfg.severity,
                accept=cfg.accept,
                reject=cfg.reject,
                skip_states=o.skip_states or cfg.skip_states,
                glossary=cfg.glossary,
            )
        return self._checkers[cfg.path]

    def files(self, paths: list[str]) -> list[str]:
        """Discovered files minus each configuration's `exclude` (a file named outright is kept)."""
        from mtfix import source as src

        self.named = {p for p in paths if not Path(p).is_dir()}
        found = src.discover(paths, on_error=lambda folder, reason: self.skipped.append((folder, reason)))
        return [f for f in found if f in self.named or not self.config_for(f).excluded(f)]

    def _docs(self, files: list[str]) -> Iterator:
        """Parsed documents one at a time. A file found in a folder that cannot be read as prose
        (binary, not UTF-8, empty, a text block too long) is skipped with its reason; a file named
        outright is an error."""
        from mtfix.errors import InputError

        for f in files:
            try:
                doc = parse(self.read(f))
            except InputError as e:
                if f in self.named:
                    raise
                self.skipped.append((f, str(e).removeprefix(f + ": ")))
                continue
            self._origin[doc.path] = f  # "-" is read as "<stdin>"
            if self.options.source_file:
                self._pair(doc)
            yield doc

    def read(self, file: str):
        """The file as a Source; TSV and CSV pairs learn their columns from the command line or the
        configuration."""
        from dataclasses import replace

        from mtfix import source as src

        source = src.read(file)
        columns = self.options.columns or self.config_for(file).columns
        return replace(source, columns=tuple(columns)) if columns and source.format in ("tsv", "csv") else source

    def _pair(self, doc) -> None:
        """Align the document's paragraphs with the source file's (see align.py)."""
        from mtfix import align
        from mtfix import source as src

        original = parse(src.read(self.options.source_file))
        try:
            pairs = align.attach(doc, original)
        except ValueError as e:
            raise MtfixError(f"{self.options.source_file}: {e}") from None
        self.alignments[doc.path] = {
            "source": self.options.source_file,
            "pairs": [[i, j] for i, j in pairs if i is not None and j is not None],
            "omitted": [i for i, j in pairs if j is None],  # source paragraphs (0-based) with no target
            "added": [j for i, j in pairs if i is None],  # target paragraphs with no source
        }

    def fail_rank(self, file: str) -> int:
        """The least severity rank that fails the run for this file; above every rank for 'never'."""
        from mtfix.finding import Severity

        level = self.options.fail_on or self.config_for(file).fail_on
        return 99 if level == "never" else Severity(level).rank

    def min_score(self, file: str) -> float | None:
        return self.options.min_score if self.options.min_score is not None else self.config_for(file).min_score

    def reports(self, files: list[str]) -> Iterator[FileReport]:
        """Reports in input order; files sharing a configuration are checked as one stream."""
        groups: dict[str | None, list[str]] = {}
        for f in files:
            groups.setdefault(self.config_for(f).path, []).append(f)
        done: dict[str, FileReport] = {}
        for members in groups.values():
            cfg = self.config_for(members[0])
            checker = self.checker_for(cfg)
            for doc, findings in checker.check_many(self._docs(members)):
                findings = self._languagetool(doc, findings, cfg)
                done[self._origin[doc.path]] = self._per_file(doc.path, cfg, report(doc, findings, cfg.weights))
        return (done[f] for f in files if f in done)

    def report(self, file: str) -> FileReport | None:
        """One file (a --jobs worker's unit); None when it was skipped."""
        cfg = self.config_for(file)
        for doc in self._docs([file]):
            findings = self._languagetool(doc, self.checker_for(cfg).check(doc), cfg)
            return self._per_file(file, cfg, report(doc, findings, cfg.weights))
        return None

    def _languagetool(self, doc, findings: list, cfg: Config) -> list:
        """mtfix's findings joined by the LanguageTool server's, when one is named."""
        url = self.options.languagetool or cfg.languagetool
        if not url:
            return findings
        from mtfix import languagetool

        if url not in self._backends:
            self._backends[url] = languagetool.Backend(url, self.options.languagetool_required)
        o = self.options
        select = o.select if o.select is not None else cfg.select
        ext, ign = cfg.extend_select + o.extend_select, cfg.ignore + o.ignore
        lt = [f for f in self._backends[url].matches(doc) if languagetool.selected(f, select, ext, ign)]
        return languagetool.merge(findings, lt) if lt else findings

    def _per_file(self, file: str, cfg: Config, report: FileReport) -> FileReport:
        if file in self.alignments:
            report.extra["alignment"] = self.alignments[file]
        ignored = cfg.ignored_for(file)
        if ignored:
            rules = self.checker_for(cfg).rules
            report.findings = [f for f in report.findings if not any(selects(s, f, rules) for s in ignored)]
            from mtfix.scoring import quality

            report.quality = quality(report.findings, report.words, cfg.weights)
        return report

    def syntax_skipped(self) -> str | None:
        reason = next((c.syntax_skipped for c in self._checkers.values() if c.syntax_skipped), None)
        long = [p for c in self._checkers.values() for p in c.too_long_to_parse]
        if reason or not long:
            return reason
        from mtfix.engine import PARSER_MAX_CHARS

        return (f"{long[0]}" + (f" and {len(long) - 1} more" if len(long) > 1 else "") +
                f" over {PARSER_MAX_CHARS:,} characters (the parser's memory grows with the text; split it)")


def selectors(values: Iterable[str]) -> list[str]:
    return [v.strip() for item in values for v in item.split(",") if v.strip()]
