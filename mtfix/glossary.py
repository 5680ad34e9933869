"""A project's glossary for bilingual checks (`glossary = "terms.tsv"` or a TBX file): German term →
the English renderings it must get (MT762).

TSV: `German<TAB>English` per line, alternatives separated by `|`, `#` starts a comment. TBX (2 and
3, `.tbx`): each entry's German and English terms, read with defusedxml (no DTDs, no entities).
"""

from __future__ import annotations

from pathlib import Path

MAX_BYTES = 10_000_000


class GlossaryError(ValueError):
    pass


def load(path: Path) -> dict[str, tuple[str, ...]]:
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as e:
        raise GlossaryError(f"cannot read {path}: {e.strerror or e}") from None
    if len(data) > MAX_BYTES:
        raise GlossaryError(f"{path} is over {MAX_BYTES:,} bytes")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise GlossaryError(f"{path}: invalid UTF-8 at byte offset {e.start}") from None
    return _tbx(path, data) if path.suffix.lower() == ".tbx" else _tsv(path, text)


def _tsv(path: Path, text: str) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for n, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        de, tab, en = line.partition("\t")
        renderings = tuple(r.strip() for r in en.split("|") if r.strip())
        if not tab or not de.strip() or not renderings:
            raise GlossaryError(f"{path}:{n}: expected 'German term<TAB>English term[|alternative]'")
        out[de.strip()] = out.get(de.strip(), ()) + renderings
    return out


def _tbx(path: Path, data: bytes) -> dict[str, tuple[str, ...]]:
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        root = fromstring(data, forbid_dtd=False)  # TBX files declare a DTD; entities stay refused
    except ParseError as e:
        raise GlossaryError(f"{path}:{getattr(e, 'position', (0, 0))[0]}: not well-formed XML") from None
    except DefusedXmlException as e:
        raise GlossaryError(f"{path}: refused: {type(e).__name__}") from None
    lang_key = "{http://www.w3.org/XML/1998/namespace}lang"
    local = lambda el: el.tag.rsplit("}", 1)[-1]  # noqa: E731
    out: dict[str, tuple[str, ...]] = {}
    for entry in root.iter():
        if local(entry) not in ("termEntry", "conceptEntry"):
            continue
        terms: dict[str, list[str]] = {}
        for lang_set in entry:
            if local(lang_set) not in ("langSet", "langSec"):
                continue
            lang = (lang_set.get(lang_key) or lang_set.get("lang") or "").lower().split("-")[0]
            terms.setdefault(lang, []).extend((t.text or "").strip() for t in lang_set.iter() if local(t) == "term")
        for de in terms.get("de", []):
            en = tuple(t for t in terms.get("en", []) if t)
            if de and en:
                out[de] = out.get(de, ()) + en
    return out
