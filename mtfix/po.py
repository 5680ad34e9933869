"""gettext PO files: `msgid` is the source, `msgstr` the target (each plural form its own segment).

The file is scanned line by line, not loaded through a library, so that every target string keeps
its place in the file: findings point into it, and fixes rewrite it and nothing else. Escapes
(`\\n`, `\\"`) and the quotes between continued lines are masked, not prose.
"""

from __future__ import annotations

import re

from mtfix.bilingual import Segment, document
from mtfix.document import Document
from mtfix.errors import InputError

_KEY = re.compile(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)[ \t]+(?=")')
_LITERAL = re.compile(r'"((?:[^"\\\r\n]|\\.)*)"[ \t]*$')
_ESCAPE = re.compile(r"\\(.)")
_UNESCAPE = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}


def unescape(s: str) -> str:
    return _ESCAPE.sub(lambda m: _UNESCAPE.get(m.group(1), m.group(1)), s)


class _Entry:
    def __init__(self, line: int) -> None:
        self.line = line
        self.fields: dict[str, list[tuple[int, int]]] = {}  # key → content spans of its literals
        self.fuzzy = False


def _entries(path: str, text: str):
    entry, key = None, None
    for n, m in enumerate(re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", text), 1):
        raw = m.group().rstrip("\r\n")
        if m.start() == len(text) and not raw:
            break
        stripped = raw.strip()
        if not stripped:
            if entry is not None:
                yield entry
            entry, key = None, None
            continue
        if stripped.startswith("#"):
            if stripped.startswith("#,") and "fuzzy" in stripped:
                entry = entry or _Entry(n)
                entry.fuzzy = True
            continue  # comments, previous msgids (#|) and obsolete entries (#~) are no segments
        indent = len(raw) - len(raw.lstrip())
        k = _KEY.match(raw, indent)
        rest = k.end() if k else indent
        lit = _LITERAL.match(raw, rest)
        if lit is None or (k is None and key is None):
            raise InputError(path, f"line {n}: not PO syntax (a keyword and a \"quoted string\" expected)")
        if k is not None:
            if entry is None or (k.group(1) in ("msgctxt", "msgid") and key is not None and key.startswith("msgstr")):
                if entry is not None:
                    yield entry
                entry = _Entry(n)
            key = k.group(1)
            entry.fields.setdefault(key, [])
            if key == "msgid":
                entry.line = n
        entry.fields[key].append((m.start() + lit.start(1), m.start() + lit.end(1)))
    if entry is not None:
        yield entry


def parse(path: str, text: str) -> Document:
    segments, holes = [], []
    for e in _entries(path, text):
        msgid = "".join(unescape(text[s:t]) for s, t in e.fields.get("msgid", []))
        if not msgid or "msgid" not in e.fields:
            continue  # the header entry (msgid "") describes the file
        plural = "".join(unescape(text[s:t]) for s, t in e.fields.get("msgid_plural", []))
        for key, spans in e.fields.items():
            if not key.startswith("msgstr"):
                continue
            form = key[7:-1] if "[" in key else None
            source = plural if form not in (None, "0") and plural else msgid
            start, end = spans[0][0], spans[-1][1]
            for (_, e1), (s2, _) in zip(spans, spans[1:]):
                holes.append((e1, s2))  # the closing quote, line break and opening quote between literals
            for s, t in spans:
                holes += [m.span() for m in _ESCAPE.finditer(text, s, t)]
            target = "".join(unescape(text[s:t]) for s, t in spans)
            sid = f"line {e.line}" + (f" [{form}]" if form is not None else "")
            if not target:
                end = start
            segments.append(Segment.of_text(sid, source, target, start, end, "fuzzy" if e.fuzzy else None))
    return document(path, text, "po", segments, holes)
