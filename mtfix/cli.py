"""The command line. Imports stay inside commands so ``mtfix --help`` loads no word lists."""

from __future__ import annotations

import os
import sys

import click

from mtfix import __version__
from mtfix.errors import MtfixError

SEVERITIES = ("minor", "major", "critical")


def _split(values: tuple[str, ...]) -> list[str]:
    return [v.strip() for item in values for v in item.split(",") if v.strip()]


def _checker(select: tuple[str, ...], ignore: tuple[str, ...], no_syntax: bool = False):
    from mtfix.engine import Checker, matches
    from mtfix.rules import load_all

    rules = load_all()
    sel, ign = _split(select), _split(ignore)
    for s in sel + ign:
        if not any(matches(r, s) for r in rules.values()):
            raise click.UsageError(f"unknown rule code, category or name: {s!r} (see `mtfix rules`)")
    return Checker(rules, sel or None, ign or None, syntax=not no_syntax)


def _warn_syntax(checker) -> None:
    if checker.syntax_skipped:
        click.echo(f"mtfix: warning: word-order and grammar checks skipped: {checker.syntax_skipped}", err=True)


_WORKER = None  # the Checker of a --jobs worker process


def _init_worker(args: tuple) -> None:
    global _WORKER
    _WORKER = _checker(*args)


def _analyse_path(path: str):
    from mtfix import source as src
    from mtfix.engine import analyse

    return analyse(src.read(path), _WORKER), _WORKER.syntax_skipped


def _parallel(files: list[str], jobs: int, args: tuple):
    """Reports in input order from a process pool; the parser is loaded once per worker."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=min(jobs, len(files)), initializer=_init_worker, initargs=(args,)) as pool:
        results = list(pool.map(_analyse_path, files, chunksize=4))
    return [r for r, _ in results], next((s for _, s in results if s), None)


_select = click.option("--select", multiple=True, help="Only these rule codes, code prefixes (MT3) or categories (locale).")
_ignore = click.option("--ignore", multiple=True, help="Skip these rule codes, prefixes or categories.")
_no_syntax = click.option("--no-syntax", is_flag=True, help="Skip the checks that need the parser (spaCy): faster, lexical only.")


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
@click.option("--fail-on", type=click.Choice(SEVERITIES), default="major", show_default=True,
              help="Exit 1 when a finding is at least this severe.")
@click.option("--min-score", type=click.FloatRange(0, 100), default=None, help="Exit 1 when a file's quality is below this.")
@_select
@_ignore
@_no_syntax
@click.option("--jobs", "-j", type=click.IntRange(1, 256), default=1, show_default=True,
              help="Check files in this many processes (each loads the word lists and the parser once).")
def check(paths, fmt, output, fail_on, min_score, select, ignore, no_syntax, jobs) -> None:
    """Report MT artifacts in files, directories (*.txt, *.md) or - for stdin."""
    from mtfix import source as src
    from mtfix.engine import analyse_all
    from mtfix.finding import Severity
    from mtfix.output import render

    files = list(src.discover(list(paths)))
    if jobs > 1 and len(files) > 1 and "-" not in files:
        reports, skipped = _parallel(files, jobs, (select, ignore, no_syntax))
        if skipped:
            click.echo(f"mtfix: warning: word-order and grammar checks skipped: {skipped}", err=True)
    else:
        checker = _checker(select, ignore, no_syntax)
        reports = list(analyse_all((src.read(p) for p in files), checker))
        _warn_syntax(checker)
    from mtfix.rules import load_all

    rules = load_all() if fmt == "sarif" else None
    color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    if output:
        from mtfix.writing import atomic_write

        atomic_write(output, (render(fmt, reports, False, rules) + "\n").encode("utf-8"))
        fmt = "text"
    out = render(fmt, reports, color and fmt == "text", rules)
    if out:
        click.echo(out)
    threshold = Severity(fail_on).rank
    failed = any(f.severity.rank >= threshold for r in reports for f in r.findings)
    if min_score is not None:
        failed = failed or any(r.quality.score < min_score for r in reports)
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
def fix(path, unsafe_fixes, show_diff, output, in_place, select, ignore, no_syntax) -> None:
    """Apply safe fixes (and unsafe ones on request) to one file or - for stdin."""
    from mtfix import source as src
    from mtfix.engine import fix_text
    from mtfix.writing import atomic_write, unified_diff

    if in_place and (output or path == "-"):
        raise click.UsageError("--in-place takes a file path and no --output")
    source = src.read(path)
    checker = _checker(select, ignore, no_syntax)
    fixed, applied = fix_text(source, checker, unsafe_fixes)
    _warn_syntax(checker)
    if show_diff:
        click.echo(unified_diff(source.text, fixed, source.path), nl=False)
    elif in_place:
        atomic_write(path, src.encode(source, fixed))
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
def score(paths, fmt, select, ignore, no_syntax) -> None:
    """Quality (MQM-style) and readability scores per file."""
    import json

    from mtfix import source as src
    from mtfix.engine import analyse_all

    checker = _checker(select, ignore, no_syntax)
    reports = list(analyse_all((src.read(p) for p in src.discover(list(paths))), checker))
    _warn_syntax(checker)
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
    """Explain one rule, with its examples."""
    from mtfix.rules import load_all

    all_rules = load_all()
    r = all_rules.get(code.upper())
    if r is None:
        raise click.UsageError(f"no rule {code!r}; `mtfix rules` lists them")
    click.echo(f"{r.code} {r.name}\n")
    click.echo(f"  message:   {r.message}")
    click.echo(f"  category:  {r.category}\n  severity:  {r.severity.value}\n  fix:       {r.fix.value if r.fix else 'none'}")
    click.echo(f"  defined:   {r.source}:{r.line}" + (f"\n  pattern:   {r.pattern}" if r.pattern else "  (code detector)"))
    if r.description:
        click.echo("\n" + click.wrap_text(r.description, 96, initial_indent="  ", subsequent_indent="  "))
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
