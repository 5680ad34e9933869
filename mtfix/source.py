"""Finding and decoding input files, with the checks that keep bad input from going further."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from mtfix.errors import InputError

EXTENSIONS = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
              ".xlf": "xliff", ".xliff": "xliff", ".po": "po"}
NAMED_ONLY = {".tsv": "tsv", ".csv": "csv"}  # source and target columns: read when named, not searched for in folders
MAX_BYTES = 10 * 1024 * 1024
MAX_LINE = 200_000
BOM = "\ufeff"


@dataclass(frozen=True, slots=True)
class Source:
    """A decoded file. ``text`` has no BOM; ``bom`` remembers it so fixes can put it back."""

    path: str
    text: str
    bom: bool
    format: str
    columns: tuple[str, str] | None = None  # TSV/CSV pairs: the source and target columns (names or 1-based numbers)


def format_for(path: str) -> str:
    suffix = Path(path).suffix.lower()
    return EXTENSIONS.get(suffix) or NAMED_ONLY.get(suffix, "text")


def discover(paths: list[str], on_error: Callable[[str, str], None] | None = None) -> Iterator[str]:
    """Expand directories recursively (hidden ones and symlinked folders are not entered); explicit
    files are taken whatever their extension. A folder that cannot be listed is passed to
    ``on_error`` with its reason, never skipped in silence."""
    for p in paths:
        if p == "-":
            yield p
            continue
        if not os.path.lexists(p):
            raise InputError(p, "no such file or directory")
        if not os.path.isdir(p):
            yield p
            continue
        found = []

        def unreadable(e: OSError) -> None:
            reason = f"cannot list the folder: {e.strerror or e}"
            if e.filename in (None, p):  # the folder named on the command line
                raise InputError(p, reason)
            if on_error:
                on_error(e.filename, reason)

        for folder, dirs, files in os.walk(p, onerror=unreadable):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            found += (str(Path(folder, f)) for f in files if not f.startswith(".")
                      and os.path.splitext(f)[1].lower() in EXTENSIONS and os.path.isfile(os.path.join(folder, f)))
        yield from sorted(found)


def read(path: str, fmt: str | None = None) -> Source:
    """Read and decode one file, or stdin for ``-``."""
    if path == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        name = "<stdin>"
    else:
        name = path
        try:
            st = os.stat(path)
        except OSError as e:
            raise InputError(path, e.strerror or "cannot read") from None
        if stat.S_ISDIR(st.st_mode):
            raise InputError(path, "is a directory")
        if st.st_size > MAX_BYTES:
            raise InputError(path, f"file too large ({st.st_size:,} bytes; the limit is {MAX_BYTES:,})")
        try:
            with open(path, "rb") as fh:
                data = fh.read(MAX_BYTES + 1)
        except OSError as e:
            raise InputError(path, e.strerror or "cannot read") from None
    return decode(name, data, fmt or format_for(path))


def decode(name: str, data: bytes, fmt: str = "text") -> Source:
    if len(data) > MAX_BYTES:
        raise InputError(name, f"input too large (the limit is {MAX_BYTES:,} bytes)")
    nul = data.find(b"\x00")  # the whole file (at most MAX_BYTES, in memory): one scan in C
    if nul >= 0:
        raise InputError(name, f"binary file (NUL byte at byte offset {nul})")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(name, f"invalid UTF-8 at byte offset {e.start}") from None
    bom = text.startswith(BOM)
    if bom:
        text = text[1:]
    if not text.strip():
        raise InputError(name, "empty file")
    longest, line_no = _longest_line(text) if fmt not in ("html", "xliff") else (0, 0)  # markup: its text blocks are checked
    if longest > MAX_LINE:
        raise InputError(name, f"line {line_no} is {longest:,} characters long (the limit is {MAX_LINE:,})")
    return Source(name, text, bom, fmt)


def _longest_line(text: str) -> tuple[int, int]:
    best, best_no, pos, no = 0, 1, 0, 1
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        if end - pos > best:
            best, best_no = end - pos, no
        pos, no = end + 1, no + 1
    return best, best_no


def encode(source: Source, text: str) -> bytes:
    """Back to bytes, with the BOM the file had."""
    return ((BOM if source.bom else "") + text).encode("utf-8")
