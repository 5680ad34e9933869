"""XLIFF 1.2 and 2.0: each unit's source and target, and where the target sits in the file.

The file is first parsed by defusedxml, which refuses DTDs, entity expansion and external
references (a "billion laughs" or an XXE payload is an error naming the file and line). The
positions come from a scan of the same text: targets are found inside their units, inline codes
(`<g>`, `<x/>`, `<bx/>`, `<ph>`, `<pc>`, `<mrk>` …) and entities are masked, and the content of
native-code elements (`<ph>`, `<bpt>`, `<ept>`, `<it>` in 1.2) is not prose at all.
"""

from __future__ import annotations

import html
import re

from mtfix.bilingual import Segment, document, placeholders
from mtfix.document import Document
from mtfix.errors import InputError

_UNIT = re.compile(r"<(trans-unit|unit)\b([^>]*)>(.*?)</\1\s*>", re.S)
_SKIP = re.compile(r"<!--.*?-->|<alt-trans\b.*?</alt-trans\s*>|<seg-source\b.*?</seg-source\s*>|<notes?\b.*?</notes?\s*>", re.S)
_SIDE = re.compile(r"<(source|target)\b([^>]*?)(?:/>|>(.*?)</\1\s*>)|<segment\b([^>]*)>", re.S)
_CODE_ELEMENT = re.compile(r"<(ph|bpt|ept|it)\b[^>]*?(?:/>|>.*?</\1\s*>)", re.S)
_TAG = re.compile(r"<(/?)([\w:-]+)([^>]*?)/?>")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|\w+);")
_ATTR = re.compile(r'([\w:-]+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')


def _attrs(s: str) -> dict[str, str]:
    return {m.group(1): m.group(2) if m.group(2) is not None else m.group(3) for m in _ATTR.finditer(s)}


def _validate(path: str, text: str) -> None:
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        fromstring(text.encode("utf-8"), forbid_dtd=True)
    except ParseError as e:
        line = getattr(e, "position", (0, 0))[0]
        raise InputError(path, f"line {line}: not well-formed XML ({str(e).split(':')[0]})") from None
    except DefusedXmlException as e:
        raise InputError(path, f"refused: {type(e).__name__} (DTDs and entity declarations are not read)") from None


def _codes(content: str) -> tuple[str, ...]:
    """Inline codes by element and id, and the placeholders of the text: what must match."""
    tags = [f"<{m.group(2)} {_attrs(m.group(3)).get('id', '')}>".replace(" >", ">")
            for m in _TAG.finditer(content) if not m.group(1)]
    return tuple(sorted(tags + placeholders(_plain(content))))


def _plain(content: str) -> str:
    return html.unescape(_TAG.sub("", _CODE_ELEMENT.sub("", content)))


def _holes(content: str, base: int) -> list[tuple[int, int]]:
    spans = [(base + m.start(), base + m.end()) for m in _CODE_ELEMENT.finditer(content)]
    spans += [(base + m.start(), base + m.end()) for m in _TAG.finditer(content)]
    spans += [(base + m.start(), base + m.end()) for m in _ENTITY.finditer(content)]
    return spans


def parse(path: str, text: str) -> Document:
    _validate(path, text)
    masked = _SKIP.sub(lambda m: " " * len(m.group()), text)  # same length: offsets hold
    segments, holes = [], []
    for unit in _UNIT.finditer(masked):
        uattrs = _attrs(unit.group(2))
        uid = uattrs.get("id", f"@{text.count(chr(10), 0, unit.start()) + 1}")
        body_start = unit.start(3)
        state = "translate=no" if uattrs.get("translate") == "no" else None
        seg_state, source, n = state, None, 0
        for m in _SIDE.finditer(unit.group(3)):
            if m.group(4) is not None:  # <segment> (2.0): its state applies to what follows
                sattrs = _attrs(m.group(4))
                seg_state = state or sattrs.get("state")
                continue
            attrs = _attrs(m.group(2))
            content = m.group(3) or ""
            cstart = body_start + (m.start(3) if m.group(3) is not None else m.end())
            if m.group(1) == "source":
                source = (content, cstart)
                continue
            if source is None:
                continue  # a target without a source: nothing to compare
            n += 1
            s_content = source[0]
            target_content = text[cstart : cstart + len(content)]
            sid = uid if n == 1 else f"{uid}#{n}"
            segments.append(Segment(
                sid, _plain(s_content).strip(), _plain(target_content).strip(), cstart, cstart + len(content),
                _codes(s_content), _codes(target_content), attrs.get("state") or seg_state,
            ))
            holes += _holes(target_content, cstart)
            source = None
        if source is not None:  # a source with no target element: an empty target
            end = body_start + len(unit.group(3))
            segments.append(Segment(uid, _plain(source[0]).strip(), "", end, end, _codes(source[0]), (), state))
    segments.sort(key=lambda s: s.start)
    return document(path, text, "xliff", segments, holes)
