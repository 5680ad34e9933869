"""The command line. Imports stay inside commands so ``mtfix --help`` loads no word lists."""

from __future__ import annotations

import math
import os
import sys

import click

from mtfix import __version__
from mtfix.errors import MtfixError

SEVERITIES = ("minor", "major", "critical")


class _Score(click.FloatRange):
    """0 to 100, and a real number: 'nan' compares false with every bound and would switch the gate off."""

    def convert(self, value, param, ctx):
        v = super().convert(value, param, ctx)
        if not math.isfinite(v):
            self.fail(f"{value!r} is not a finite number", param, ctx)
        return v


_SCORE = _Score(0, 100)


def _session(select=(), ignore=(), no_syntax=False, extend_select=(), config=None, fail_on=None, min_score=None):
    """The run's options. Selectors are checked when each configuration's checker is built, against
    its rules (the built-in ones and its rule-dirs): an unknown one is an error there."""
    from mtfix.session import Options, Session, selectors

    opts = Options(
        select=selectors(select) or None, ignore=selectors(ignore), extend_select=selectors(extend_select),
        no_syntax=no_syntax, fail_on=fail_on, min_score=min_score, config_file=config,
    )
    return Session(opts)


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


def _total_bytes(files: list[str]) -> int:
    total = 0
    for f in files:
        try:
            total += os.stat(f).st_size
        except OSError:
            pass  # reported when it is read
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


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "concise", "github", "junit", "sarif"]),
              default="text", show_default=True)
@click.option("--output", "output", type=click.Path(dir_okay=False), default=None,
              help="Write the --format output to this file and print the text report.")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default=None,
              help="Exit 1 when a finding is at least this severe.  [default: major, or the config's fail-on]")
@click.option("--min-score", type=_SCORE, default=None, help="Exit 1 when a file's quality is below this.")
@_select
@_extend
@_ignore
@_no_syntax
@_config
@click.option("--jobs", "-j", type=click.IntRange(1, 256), default=None,
              help="Check files in this many processes (each loads the word lists and the parser once). "
                   "[default: the CPU count; one process for fewer than 8 files]")
@click.option("--show-suppressed", is_flag=True, help="Also list the findings that suppression comments silenced.")
@click.option("--diff-base", metavar="REF", help="Only report findings on lines added or changed since this git ref.")
@click.option("--baseline", type=click.Path(dir_okay=False), help="Ignore the findings recorded in this baseline file.")
@click.option("--write-baseline", is_flag=True, help="Record today's findings in the --baseline file and exit 0.")
def check(paths, fmt, output, fail_on, min_score, select, extend_select, ignore, no_syntax, config, jobs,
          show_suppressed, diff_base, baseline, write_baseline) -> None:
    """Report MT artifacts in files, directories (*.txt, *.md) or - for stdin."""
    from mtfix.finding import Severity
    from mtfix.output import render

    kwargs = dict(select=select, ignore=ignore, no_syntax=no_syntax, extend_select=extend_select, config=config,
                  fail_on=fail_on, min_score=min_score)
    session = _session(**kwargs)
    files = session.files(list(paths))
    if jobs is None:
        jobs = os.cpu_count() or 1
    if jobs > 1 and (len(files) < 2 or "-" in files or _total_bytes(files) < PARALLEL_MIN_BYTES):
        jobs = 1
    progress = len(files) > 1 and sys.stderr.isatty()  # a bar on a terminal, silence in CI logs
    with click.progressbar(length=len(files), file=sys.stderr, label="checking") if progress else _Silent() as bar:
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
    color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    if output:
        from mtfix.writing import atomic_write

        if os.path.exists(output) and any(
            r.path != "-" and os.path.exists(r.path) and os.path.samefile(r.path, output) for r in reports
        ):
            raise click.UsageError(f"--output {output} is one of the files checked; it would be overwritten")
        atomic_write(output, (render(fmt, reports, False, rules) + "\n").encode("utf-8"))
        fmt = "text"
    out = render(fmt, reports, color and fmt == "text", rules, show_suppressed)
    if out:
        click.echo(out)
    failed = False
    for r in reports:
        threshold = Severity(session.fail_on(r.path)).rank
        failed = failed or any(f.severity.rank >= threshold for f in r.findings) or r.below_min_score
    sys.exit(1 if failed else 0)


@cli.command()
@click.argument("path")
@click.option("--unsafe-fixes", is_flag=True, help="Also apply the first suggestion of unsafe fixes.")
@click.option("--diff", "show_diff", is_flag=True, help="Print a unified diff instead of the text.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write the fixed text here.")
@click.option("--in-place", is_flag=True, help="Rewrite the file (atomically: temp file, then rename).")
@_select
@_ignore
@_no_syntax
@_config
def fix(path, unsafe_fixes, show_diff, output, in_place, select, ignore, no_syntax, config) -> None:
    """Apply safe fixes (and unsafe ones on request) to one file or - for stdin."""
    from mtfix import source as src
    from mtfix.engine import fix_text
    from mtfix.writing import atomic_write, snapshot, unified_diff

    if in_place and (output or path == "-"):
        raise click.UsageError("--in-place takes a file path and no --output")
    if output and path != "-" and os.path.exists(output) and os.path.exists(path) and os.path.samefile(output, path):
        raise click.UsageError("--output names the input file; use --in-place to rewrite it")
    session = _session(select, ignore, no_syntax, config=config)
    before = snapshot(path) if in_place else None
    source = src.read(path)
    checker = session.checker_for(session.config_for(path))
    fixed, applied = fix_text(source, checker, unsafe_fixes)
    _warn_syntax(checker.syntax_skipped)
    if show_diff:
        click.echo(unified_diff(source.text, fixed, source.path), nl=False)
    elif in_place:
        atomic_write(path, src.encode(source, fixed), unchanged_since=before)
    elif output:
        atomic_write(output, src.encode(source, fixed))
    else:
        sys.stdout.buffer.write(src.encode(source, fixed))
        sys.stdout.flush()
    click.echo(f"mtfix: applied {len(applied)} fix(es) to {source.path}", err=True)


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
    """List every rule (code, severity, fix, name); `rules show CODE` explains one."""
    if ctx.invoked_subcommand:
        return
    from mtfix.rules import load_all

    for r in load_all().values():
        click.echo(f"{r.code}  {r.severity.value:8} {(r.fix.value if r.fix else '-'):6}  {r.name:32} {r.category}")


@rules.command("show")
@click.argument("code")
def rules_show(code) -> None:
    """Explain one rule, with its examples and how it did on real data."""
    from mtfix.rules import load_all, measured

    all_rules = load_all()
    r = all_rules.get(code.upper())
    if r is None:
        raise click.UsageError(f"no rule {code!r}; `mtfix rules` lists them")
    click.echo(f"{r.code} {r.name}\n")
    click.echo(f"  message:   {r.message}")
    click.echo(f"  category:  {r.category}\n  severity:  {r.severity.value}\n  fix:       {r.fix.value if r.fix else 'none'}")
    how = {"pattern": f"pattern:   {r.pattern}", "tokens": "token pattern (see the file)", "detector": "code detector"}[r.kind]
    click.echo(f"  defined:   {r.source}:{r.line}\n  {how}" + ("\n  needs the parser (skipped with --no-syntax)" if r.parser else ""))
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
    click.echo("\n  Bad:")
    for ex in r.bad:
        marked = ex.text[: ex.start] + "[[" + ex.text[ex.start : ex.end] + "]]" + ex.text[ex.end :]
        click.echo(f"    {marked!r}" + (f" → {ex.replacement!r}" if ex.replacement is not None else ""))
    click.echo("  Good:")
    for g in r.good:
        click.echo(f"    {g!r}")


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
