"""The command line. Imports stay inside commands so ``mtfix --help`` loads no word lists."""

from __future__ import annotations

import math
import os
import sys

import click

from mtfix import __version__
from mtfix.errors import MtfixError

FAIL_ON = ("minor", "major", "critical", "never")
FORMATS = ("text", "json", "concise", "github", "junit", "sarif")  # as mtfix.output.FORMATS, without importing it


class _Score(click.FloatRange):
    """0 to 100, and a real number: 'nan' compares false with every bound and would switch the gate off."""

    def convert(self, value, param, ctx):
        v = super().convert(value, param, ctx)
        if not math.isfinite(v):
            self.fail(f"{value!r} is not a finite number", param, ctx)
        return v


_SCORE = _Score(0, 100)


def _session(select=(), ignore=(), no_syntax=False, extend_select=(), config=None, fail_on=None, min_score=None,
             languagetool=None, languagetool_required=False, skip_states=(), source=None, columns=None):
    """The run's options. Selectors are checked when each configuration's checker is built, against
    its rules (the built-in ones and its rule-dirs): an unknown one is an error there."""
    from mtfix.session import Options, Session, selectors

    opts = Options(
        select=selectors(select) or None, ignore=selectors(ignore), extend_select=selectors(extend_select),
        no_syntax=no_syntax, fail_on=fail_on, min_score=min_score, config_file=config,
        languagetool=languagetool, languagetool_required=languagetool_required, skip_states=selectors(skip_states),
        source_file=source, columns=_columns(columns),
    )
    return Session(opts)


def _columns(value: str | None) -> tuple[str, str] | None:
    if not value:
        return None
    cols = [c.strip() for c in value.split(",")]
    if len(cols) != 2 or not all(cols):
        raise click.BadParameter("two columns, source and target: de,en or 2,3", param_hint="--columns")
    return cols[0], cols[1]


def _warn_syntax(reason: str | None) -> None:
    if reason:
        click.echo(f"mtfix: warning: word-order and grammar checks skipped: {reason}", err=True)


_WORKER = None  # the Session of a --jobs worker process


def _init_worker(kwargs: dict) -> None:
    global _WORKER
    if _WORKER is None:  # forked workers inherit the parent's, word lists and parser loaded
        _WORKER = _session(**kwargs)


def _analyse_path(args: tuple[str, bool]):
    path, named = args
    if named:
        _WORKER.named.add(path)
    before = len(_WORKER.skipped)
    return _WORKER.report(path), _WORKER.syntax_skipped(), _WORKER.skipped[before:]


class _Silent:
    """Stands in for the progress bar when stderr is not a terminal."""

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        return None

    def update(self, n: int) -> None:
        return None


PARALLEL_MIN_BYTES = 128_000  # below this a second process costs more than it saves (bench/scale.py)


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0  # reported when it is read


def _total_bytes(files: list[str]) -> int:
    total = 0
    for f in files:
        total += _size(f)
        if total >= PARALLEL_MIN_BYTES:
            break
    return total


def _parallel(session, files: list[str], jobs: int, kwargs: dict, bar):
    """Reports in input order from a process pool. The first file is checked here, which loads the
    word lists (and the parser) once; forked workers inherit them instead of loading their own, which
    had cost each worker a second. Results are streamed back (a report holds findings, never the
    text), so memory stays bounded."""
    import gc
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _WORKER
    _WORKER, named = session, set(session.named)
    results = [_analyse_path((files[0], files[0] in named))]
    bar.update(1)
    gc.freeze()  # forked workers would otherwise copy every page the collector touches
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    work = [(f, f in named) for f in files[1:]]
    with ProcessPoolExecutor(max_workers=min(jobs, len(work)), mp_context=context, initializer=_init_worker,
                             initargs=(kwargs,)) as pool:
        for res in pool.map(_analyse_path, work, chunksize=max(1, min(16, len(work) // (jobs * 8)))):
            results.append(res)
            bar.update(1)
    session.skipped += [s for _, _, sk in results[1:] for s in sk]  # the first file's are there already
    return [r for r, _, _ in results if r is not None], next((s for _, s, _ in results if s), None)


_select = click.option("--select", multiple=True, help="Only these rule codes, code prefixes (MT3) or categories (locale).")
_extend = click.option("--extend-select", multiple=True, help="Add these to the selected rules (opt-in rules by code).")
_ignore = click.option("--ignore", multiple=True, help="Skip these rule codes, prefixes or categories.")
_no_syntax = click.option("--no-syntax", is_flag=True, help="Skip the checks that need the parser (spaCy): faster, lexical only.")
_skip_states = click.option("--skip-states", multiple=True, metavar="STATES",
                            help="XLIFF/PO segments in these states are not checked or fixed: final, signed-off, "
                                 "translate=no, fuzzy (comma-separated).")
_columns_opt = click.option("--columns", metavar="SOURCE,TARGET",
                            help="TSV/CSV pairs: the source and target columns, by header name or 1-based number.")
_config = click.option("--config", "config", type=click.Path(dir_okay=False),
                       help="Use this configuration file (mtfix.toml or pyproject.toml) for every path.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mtfix")
def cli() -> None:
    """Find and fix the artifacts machine translation leaves in English copy (German→English).

    \b
    Exit codes: 0 clean, 1 findings at or above --fail-on (or score below --min-score),
    2 usage, input or rule-file errors.
    """


def _color(choice: str) -> bool:
    """ruff's and git's rule: always/never as asked; auto colours a terminal, unless NO_COLOR is set,
    and FORCE_COLOR colours a pipe too (CI logs that render ANSI)."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or sys.stdout.isatty()


_fail_on = click.option("--fail-on", type=click.Choice(FAIL_ON), default=None,
                        help="Exit 1 when a finding is at least this severe; never: findings alone never fail the "
                             "run.  [default: major, or the config's fail-on]")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "--output-format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--output", "output", type=click.Path(dir_okay=False), default=None,
              help="Write the --format output to this file and print the --print-format report.")
@click.option("--print-format", type=click.Choice(["text", "concise", "github"]), default="text", show_default=True,
              help="With --output: what to print as well, e.g. github annotations while SARIF goes to the file, "
                   "from one run.")
@_fail_on
@click.option("--min-score", type=_SCORE, default=None, help="Exit 1 when a file's quality is below this.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings or scores would fail the run (2 stays 2).")
@_select
@_extend
@_ignore
@_no_syntax
@_config
@click.option("--jobs", "-j", type=click.IntRange(1, 256), default=None,
              help="Check files in this many processes (forked once the word lists and parser are loaded). "
                   "[default: the CPU count; one process below 128 KB of input]")
@click.option("--quiet", "-q", is_flag=True, help="Print the findings only: no scores, counts or summary.")
@click.option("--verbose", "-v", is_flag=True, help="Also print the score line of files with no finding.")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of the findings.")
@click.option("--show-fixes", is_flag=True, help="List every available fix as before → after, with its safety.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour the text report (auto: on a terminal, unless NO_COLOR; FORCE_COLOR forces it).")
@click.option("--show-suppressed", is_flag=True, help="Also list the findings that suppression comments silenced.")
@click.option("--diff-base", metavar="REF", help="Only report findings on lines added or changed since this git ref.")
@click.option("--baseline", type=click.Path(dir_okay=False), help="Ignore the findings recorded in this baseline file.")
@click.option("--write-baseline", is_flag=True, help="Record today's findings in the --baseline file and exit 0.")
@click.option("--languagetool", metavar="URL", help="Add the grammar and spelling findings of this LanguageTool server "
              "(codes LT:RULE_ID; needs the languagetool extra).")
@click.option("--languagetool-required", is_flag=True, help="Exit 2 when the LanguageTool server fails, instead of a warning.")
@_skip_states
@_columns_opt
@click.option("--source", "source", type=click.Path(exists=True, dir_okay=False),
              help="The German original of the one file checked: paragraphs are aligned and compared (MT75x).")
def check(paths, fmt, output, print_format, fail_on, min_score, exit_zero, select, extend_select, ignore, no_syntax, config, jobs,
          quiet, verbose, statistics, show_fixes, color, show_suppressed, diff_base, baseline, write_baseline, languagetool,
          languagetool_required, skip_states, columns, source) -> None:
    """Report MT artifacts in files and folders (*.txt, *.md, *.markdown, *.html, *.htm; bilingual *.xlf,
    *.xliff, *.po, and *.tsv or *.csv when named), or - for stdin.

    Files named outright are read whatever their extension; folders are searched for those types,
    hidden files and folders left out.
    """
    from mtfix.output import TextOptions, render

    if statistics and fmt not in ("text", "concise"):
        raise click.UsageError("--statistics prints a text table: use it with --format text or concise")
    if languagetool and not languagetool.startswith(("http://", "https://")):
        raise click.BadParameter("an http:// or https:// URL", param_hint="--languagetool")
    kwargs = dict(select=select, ignore=ignore, no_syntax=no_syntax, extend_select=extend_select, config=config,
                  fail_on=fail_on, min_score=min_score, languagetool=languagetool,
                  languagetool_required=languagetool_required, skip_states=skip_states, source=source,
                  columns=columns)
    if source and (len(paths) != 1 or os.path.isdir(paths[0]) or paths[0] == "-"):
        raise click.UsageError("--source pairs one German file with one English file: name exactly one file")
    session = _session(**kwargs)
    files = session.files(list(paths))
    if jobs is None:
        jobs = os.cpu_count() or 1
    if jobs > 1 and (len(files) < 2 or "-" in files or _total_bytes(files) < PARALLEL_MIN_BYTES):
        jobs = 1
    progress = len(files) > 1 and sys.stderr.isatty()  # a bar on a terminal, silence in CI logs
    with _ByteBar(files) if progress else _Silent() as bar:
        if jobs > 1:
            reports, skipped = _parallel(session, files, jobs, kwargs, bar)
        else:
            reports = []
            for r in session.reports(files):
                reports.append(r)
                bar.update(1)
            skipped = session.syntax_skipped()
    _warn_syntax(skipped)
    for path, reason in session.skipped:
        click.echo(f"mtfix: warning: skipped {path}: {reason}", err=True)
    if files and not reports:
        raise MtfixError("no file could be read" + (f" ({len(session.skipped)} skipped)" if session.skipped else ""))
    if write_baseline:
        if not baseline:
            raise click.UsageError("--write-baseline needs --baseline FILE")
        from mtfix import baseline as bl

        n = bl.write(baseline, reports)
        click.echo(f"mtfix: wrote {n} finding(s) to the baseline {baseline}", err=True)
        sys.exit(0)
    if baseline:
        from mtfix import baseline as bl

        bl.filter_new(baseline, reports)
    if diff_base:
        from mtfix import gitdiff

        gitdiff.filter_changed(diff_base, reports)
    if baseline or diff_base:  # score what is reported, not what was filtered away
        from mtfix.scoring import quality

        for r in reports:
            r.quality = quality(r.findings, r.words, r.quality.weights)
    for r in reports:
        r.min_score = session.min_score(r.path)
    rules = session.builtin if fmt == "sarif" else None
    text = TextOptions(color=_color(color), quiet=quiet, verbose=verbose, statistics=statistics,
                       show_fixes=show_fixes, show_suppressed=show_suppressed)
    if output:
        from mtfix.writing import atomic_write

        if os.path.exists(output) and any(
            r.path != "-" and os.path.exists(r.path) and os.path.samefile(r.path, output) for r in reports
        ):
            raise click.UsageError(f"--output {output} is one of the files checked; it would be overwritten")
        atomic_write(output, (render(fmt, reports, rules=rules) + "\n").encode("utf-8"))
        fmt = print_format
    elif print_format != "text":
        raise click.UsageError("--print-format goes with --output (without it, use --format)")
    out = render(fmt, reports, text, rules)
    if out:
        click.echo(out, color=text.color)  # click strips ANSI from a pipe unless told
    failed = any(
        any(f.severity.rank >= session.fail_rank(r.path) for f in r.findings) or r.below_min_score for r in reports
    )
    sys.exit(1 if failed and not exit_zero else 0)


class _ByteBar:
    """A progress bar whose estimate follows bytes checked, not files: one large file among small
    ones made the first estimate minutes off."""

    def __init__(self, files: list[str]) -> None:
        self.sizes, self.done = [max(1, _size(f)) for f in files], 0
        self.bar = click.progressbar(length=sum(self.sizes), file=sys.stderr, label="checking", show_pos=False)

    def __enter__(self):
        self.bar.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self.bar.__exit__(*exc)

    def update(self, n: int) -> None:
        for _ in range(n):
            if self.done < len(self.sizes):
                self.bar.update(self.sizes[self.done])
                self.done += 1


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--unsafe-fixes", is_flag=True, help="Also apply the first suggestion of unsafe fixes.")
@click.option("--diff", "show_diff", is_flag=True, help="Print one unified diff of every change instead of the text.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write the fixed text here (one input).")
@click.option("--in-place", is_flag=True, help="Rewrite each changed file (atomically: temp file, then rename).")
@click.option("--exit-non-zero-on-fix", is_flag=True,
              help="Exit 1 when anything was fixed, or findings at or above --fail-on remain.")
@_fail_on
@click.option("--show-fixes", is_flag=True, help="List the fixes applied, per file, on stderr.")
@click.option("--quiet", "-q", is_flag=True, help="No summary line on stderr.")
@_select
@_extend
@_ignore
@_no_syntax
@_config
@_skip_states
@_columns_opt
def fix(paths, unsafe_fixes, show_diff, output, in_place, exit_non_zero_on_fix, fail_on, show_fixes, quiet, select,
        extend_select, ignore, no_syntax, config, skip_states, columns) -> None:
    """Apply safe fixes (and unsafe ones on request) to files and folders, or - for stdin.

    One file prints the fixed text (or writes it with -o); several files, or folders, need
    --in-place or --diff.
    """
    from dataclasses import replace

    from mtfix import source as src
    from mtfix.engine import fix_text, parse
    from mtfix.errors import InputError
    from mtfix.output import quoted, shown_path
    from mtfix.writing import atomic_write, snapshot, unified_diff

    if in_place and (output or "-" in paths):
        raise click.UsageError("--in-place rewrites files: it takes no --output and no - (stdin)")
    session = _session(select, ignore, no_syntax, extend_select, config=config, fail_on=fail_on, skip_states=skip_states,
                       columns=columns)
    files = session.files(list(paths))
    many = len(files) != 1 or any(os.path.isdir(p) for p in paths)
    if many and not (in_place or show_diff):
        raise click.UsageError("fixing several files needs --in-place or --diff (the text of one file goes to stdout)")
    if output and many:
        raise click.UsageError("--output takes the fixed text of one file")
    if output and os.path.exists(output) and any(f != "-" and os.path.exists(f) and os.path.samefile(output, f)
                                                  for f in files):
        raise click.UsageError("--output names the input file; use --in-place to rewrite it")
    for path, reason in session.skipped:
        click.echo(f"mtfix: warning: skipped {path}: {reason}", err=True)
    changed = remaining = fixes = 0
    for path in files:
        before = snapshot(path) if in_place else None
        try:
            source = session.read(path)
        except InputError as e:
            if path in session.named:
                raise
            click.echo(f"mtfix: warning: skipped {path}: {str(e).removeprefix(path + ': ')}", err=True)
            continue
        checker = session.checker_for(session.config_for(path))
        fixed, applied = fix_text(source, checker, unsafe_fixes)
        fixes += len(applied)
        changed += fixed != source.text
        if show_diff:
            click.echo(unified_diff(source.text, fixed, source.path), nl=False)
        elif in_place:
            if fixed != source.text:
                atomic_write(path, src.encode(source, fixed), unchanged_since=before)
        elif output:
            atomic_write(output, src.encode(source, fixed))
        else:
            sys.stdout.buffer.write(src.encode(source, fixed))
            sys.stdout.flush()
        if show_fixes:
            for f in applied:
                click.echo(f"{shown_path(source.path)}:{f.line}:{f.column}: {f.rule} {quoted(f.text)} → "
                           f"{quoted(f.replacements[0])} ({f.fix.value})", err=True)
        if exit_non_zero_on_fix:
            threshold = session.fail_rank(path)
            remaining += sum(f.severity.rank >= threshold for f in checker.check(parse(replace(source, text=fixed))))
        if not quiet and not many:
            click.echo(f"mtfix: applied {len(applied)} fix(es) to {source.path}", err=True)
    _warn_syntax(session.syntax_skipped())
    if not quiet and many:
        click.echo(f"mtfix: applied {fixes} fix(es) to {changed} of {len(files)} file(s)", err=True)
    if exit_non_zero_on_fix and (changed or remaining):
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_select
@_ignore
@_no_syntax
@_config
def score(paths, fmt, select, ignore, no_syntax, config) -> None:
    """Quality (MQM-style) and readability scores per file."""
    import json

    session = _session(select, ignore, no_syntax, config=config)
    reports = list(session.reports(session.files(list(paths))))
    _warn_syntax(session.syntax_skipped())
    if fmt == "json":
        click.echo(json.dumps({"schema": "mtfix/1", "files": [
            {"path": r.path, "words": r.words, "score": r.score_dict()} for r in reports]}, indent=2))
        return
    for r in reports:
        q, rd = r.quality, r.readability
        click.echo(f"{r.path} ({r.words} words)")
        click.echo(f"  quality              {q.score:6.1f} / 100   ({q.per_1000_words:.1f} penalty points per 1,000 words)")
        click.echo("  weights              " + ", ".join(f"{k} {v:g} × {q.counts.get(k, 0)}" for k, v in q.weights.items()))
        for name, value in rd.to_dict().items():
            click.echo(f"  {name.replace('_', ' '):20} {value:6.1f}")


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default).")
@click.option("--port", type=click.IntRange(0, 65535), default=8081, show_default=True, help="LanguageTool's usual port.")
@click.option("--workers", type=click.IntRange(0, 64), default=None,
              help="Worker processes for checks [default: CPU count]; 0 checks in the server process.")
@click.option("--max-chars", type=click.IntRange(1, 10_000_000), default=200_000, show_default=True,
              help="Longest text a request may send (413 beyond).")
@_no_syntax
@_config
def serve(host, port, workers, max_chars, no_syntax, config) -> None:
    """Serve LanguageTool's HTTP API (/v2/check), so LanguageTool clients can use mtfix.

    \b
    Point a client's "local server" or "remote server" setting at http://127.0.0.1:8081 .
    Needs the serve extra: pip install 'mtfix[serve]'."""
    from mtfix import serve as server

    server.run(host, port, (os.cpu_count() or 1) if workers is None else workers, config, no_syntax, max_chars)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False), help="The HTML file to write.")
@_select
@_extend
@_ignore
@_no_syntax
@_config
def report(paths, output, select, extend_select, ignore, no_syntax, config) -> None:
    """Write one self-contained HTML page: each article with its findings highlighted, a side list
    with filters, accept/reject per fix and a download of the corrected text, scores per paragraph."""
    from mtfix import source as src
    from mtfix.output.html_report import Article, render
    from mtfix.writing import atomic_write

    if "-" in paths:
        raise click.UsageError("report reads files, not stdin (it shows each file's text)")
    session = _session(select, ignore, no_syntax, extend_select, config=config)
    files = session.files(list(paths))
    if os.path.exists(output) and any(os.path.samefile(f, output) for f in files if os.path.exists(f)):
        raise click.UsageError(f"--output {output} is one of the files checked; it would be overwritten")
    reports = list(session.reports(files))
    _warn_syntax(session.syntax_skipped())
    for path, reason in session.skipped:
        click.echo(f"mtfix: warning: skipped {path}: {reason}", err=True)
    if not reports:
        raise MtfixError("no file could be read" + (f" ({len(session.skipped)} skipped)" if session.skipped else ""))
    articles = []
    for r in reports:
        source = src.read(r.path)
        articles.append(Article(r, source.text, source.bom))
    weights = session.config_for(files[0]).weights
    atomic_write(output, render(articles, session.builtin, weights).encode("utf-8"))
    click.echo(f"mtfix: wrote {output} ({len(articles)} file(s), {sum(len(r.findings) for r in reports)} finding(s))", err=True)


@cli.command()
@_no_syntax
@_config
def lsp(no_syntax, config) -> None:
    """Run the language server on stdin/stdout, for editors (diagnostics, fixes, hover).

    \b
    Configuration is found as for `check`: mtfix.toml or pyproject.toml above each document.
    Needs the lsp extra: pip install 'mtfix[lsp]'."""
    try:
        from mtfix import lsp as server
    except ImportError:
        raise MtfixError("`mtfix lsp` needs the lsp extra: pip install 'mtfix[lsp]'") from None
    server.run(config, no_syntax)


@cli.command("config")
@click.argument("path", default=".")
@_config
def show_config(path, config) -> None:
    """Print the configuration that applies to PATH (found by walking up, or --config)."""
    import json

    session = _session(config=config)
    cfg = session.config_for(path)
    click.echo(json.dumps(cfg.to_dict(), indent=2, ensure_ascii=False))


@cli.group(invoke_without_command=True)
@click.pass_context
def rules(ctx) -> None:
    """List every rule (code, severity, fix, name, category); `rules show CODE|NAME` explains one."""
    if ctx.invoked_subcommand:
        return
    from mtfix.rules import load_all

    click.echo(f"{'CODE':6} {'SEVERITY':8} {'FIX':6}  {'NAME':32} CATEGORY")
    for r in sorted(load_all().values(), key=lambda r: r.code):
        opt = "" if r.default else "  (opt-in: --extend-select)"
        click.echo(f"{r.code:6} {r.severity.value:8} {(r.fix.value if r.fix else '-'):6}  {r.name:32} {r.category}{opt}")
    click.echo("\nFIX: safe = applied by `mtfix fix`; unsafe = only with --unsafe-fixes; - = no fix.")


@rules.command("show")
@click.argument("code")
@click.option("--verbose", "-v", is_flag=True, help="Also print where the rule is defined and its raw pattern.")
def rules_show(code, verbose) -> None:
    """Explain one rule (by code, MT101, or name, leftover-german-word), with its examples and how it
    did on real data."""
    from mtfix.output import quoted
    from mtfix.rules import load_all, measured

    all_rules = load_all()
    r = all_rules.get(code.upper()) or next((x for x in all_rules.values() if x.name == code.lower()), None)
    if r is None:
        raise click.UsageError(f"no rule {code!r}; `mtfix rules` lists them")
    click.echo(f"{r.code} {r.name}\n")
    click.echo(f"  message:   {r.message}")
    click.echo(f"  category:  {r.category}\n  severity:  {r.severity.value}\n  fix:       {r.fix.value if r.fix else 'none'}")
    if not r.default:
        click.echo("  opt-in:    runs only with --extend-select " + r.code + " (or extend-select in the config)")
    how = {"pattern": "a pattern", "tokens": "a token pattern", "detector": "code (a detector)"}[r.kind]
    click.echo(f"  found by:  {how}" + ("; needs the parser (skipped with --no-syntax)" if r.parser else ""))
    if verbose:
        click.echo(f"  defined:   {r.source}:{r.line}")
        if r.kind == "pattern":
            click.echo(f"  pattern:   {r.pattern}")
    if r.description:
        click.echo("\n" + click.wrap_text(r.description, 96, initial_indent="  ", subsequent_indent="  "))
    m = measured().get(r.code)
    if m:
        click.echo(
            f"\n  measured:  finds {m['artifacts_found']} annotated artifacts in the development articles "
            f"({m['found_only_by_it']} found by no other rule), with {m['findings_on_no_artifact']} findings "
            f"on no artifact there;\n             {m['clean_per_100k_words']} findings per 100,000 words of "
            "clean human English (bench/rulestats.py)"
        )
    click.echo("\n  Bad (the finding in [[ ]], then the fix):")
    for ex in r.bad:
        marked = ex.text[: ex.start] + "[[" + ex.text[ex.start : ex.end] + "]]" + ex.text[ex.end :]
        click.echo(f"    {quoted(marked)}" + (f" → {quoted(ex.replacement)}" if ex.replacement is not None else ""))
    click.echo("  Good:")
    for g in r.good:
        click.echo(f"    {quoted(g)}")


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        sys.exit(130)
    except click.ClickException as e:
        click.echo(f"mtfix: error: {e.format_message()}", err=True)
        sys.exit(2)
    except MtfixError as e:
        click.echo(f"mtfix: error: {e}", err=True)
        sys.exit(2)
    except BrokenPipeError:
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as e:  # a bug: one line and exit 2, never a traceback and never 1 ("findings")
        click.echo(f"mtfix: internal error: {type(e).__name__}: {e} (please report it with the input "
                   "that caused it)", err=True)
        sys.exit(2)
