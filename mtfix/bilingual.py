"""Bilingual files (XLIFF, PO, TSV): segment pairs, and where each target sits in the file.

A bilingual file becomes a Document whose prose is the targets only: each target is a paragraph
block, and everything else (the source, the markup, escapes, inline codes) is masked. So every
monolingual rule runs on the targets with positions in the file, `fix` rewrites target text only,
and the source-aware checks (detectors/bilingual.py) read the pairs from `doc.segments`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from mtfix.document import PARAGRAPH, Block, Document


@dataclass(frozen=True, slots=True)
class Segment:
    """One source–target pair. `start`/`end` span the target's content in the file (for an empty
    target, the place where it would go); `source`/`target` are plain text, unescaped, inline codes
    removed; `codes` are the inline codes and placeholders of each side, for the tag check."""

    id: str
    source: str
    target: str
    start: int
    end: int
    source_codes: tuple[str, ...] = ()
    target_codes: tuple[str, ...] = ()
    state: str | None = None  # XLIFF state, or "fuzzy" for a PO entry

    @classmethod
    def of_text(cls, id: str, source: str, target: str, start: int, end: int, state: str | None = None) -> Segment:
        """A pair of plain texts (PO, TSV, paired files), whose codes are their placeholders."""
        return cls(id, source, target, start, end, tuple(placeholders(source)), tuple(placeholders(target)), state)


def document(path: str, text: str, fmt: str, segments: list[Segment], holes: list[tuple[int, int]]) -> Document:
    """The file as a Document of its targets; `holes` are the non-prose parts inside targets."""
    blocks = [Block(s.start, s.end, PARAGRAPH) for s in segments if s.end > s.start]
    doc = Document.build(path, text, fmt, blocks, holes)
    doc.segments = segments
    return doc


_CODE = re.compile(
    r"\{\{\s*\w+\s*\}\}|\{\d+\}|\{\w+\}|%(?:\(\w+\))?[sdif]|%\d+\$[sd]"  # {{name}} {0} {name} %s %(name)s %1$s
    r"|\b(?:https?://|www\.)[^\s<>\"]+[^\s<>\".,;:!?)]|\b[\w.+-]+@[\w-]+\.[\w.-]+\w"  # URLs, e-mail addresses
)


def placeholders(text: str) -> list[str]:
    """Placeholders, URLs and e-mail addresses: what a translation must carry over unchanged."""
    return _CODE.findall(text)


def segment_ids(doc: Document, spans: list[tuple[int, int]]) -> list[str | None]:
    """The id of the segment whose target holds each span's start (None outside every target)."""
    segs = doc.segments
    starts = [s.start for s in segs]
    out = []
    for start, _ in spans:
        i = bisect.bisect_right(starts, start) - 1
        out.append(segs[i].id if i >= 0 and segs[i].start <= start <= segs[i].end else None)
    return out
