"""Finding and decoding input files, with the checks that keep bad input from going further."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from mtfix.errors import InputError

EXTENSIONS = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
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


def format_for(path: str) -> str:
    return EXTENSIONS.get(Path(path).suffix.lower(), "text")


def discover(paths: list[str]) -> Iterator[str]:
    """Expand directories recursively; explicit files are taken whatever their extension."""
    for p in paths:
        if p == "-":
            yield p
            continue
        if not os.path.lexists(p):
            raise InputError(p, "no such file or directory")
        if os.path.isdir(p):
            found = sorted(
                str(f)
                for f in Path(p).rglob("*")
                if f.suffix.lower() in EXTENSIONS and f.is_file() and not _hidden(f, Path(p))
            )
            yield from found
        else:
            yield p


def _hidden(f: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in f.relative_to(root).parts)


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
    longest, line_no = _longest_line(text) if fmt != "html" else (0, 0)  # HTML: its text blocks are checked
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
