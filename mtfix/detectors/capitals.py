"""German noun capitalisation in English: 'the Drone factory', 'show Current satellite images And'."""

from __future__ import annotations

from collections.abc import Iterator

from mtfix import lexicon as lx
from mtfix.detectors import Context, detector
from mtfix.document import Document
from mtfix.finding import Severity
from mtfix.text import Token, starts_sentence

_FUNCTION = frozenset(
    "and or but the a an of to in on at for with from by as than that which who into onto over under "
    "about after before between against during without within".split()
)
# Only these are reported when capitalised: the others often open a clause after a dash or quote.
_CONJUNCTIONS = frozenset({"and", "or", "nor", "with", "of"})
_TITLES = frozenset(
    "minister secretary president chancellor premier mayor governor senator chairman chairwoman director "
    "home interior foreign finance defence defense justice health economy economics twitter facebook "
    "democrats republicans labor labour conservatives liberals greens left right union corona yeah well please".split()
)
# Heads of English names: 'Bank of England', 'Ministry of Defence' keep their capital.
_NAME_HEADS = frozenset(
    "bank university ministry department institute museum church house court party council office board "
    "city state republic union league association society school college academy centre center hall bay "
    "gulf sea lake mount isle cape port battle war treaty order tower palace bridge gate chamber commission "
    "committee agency service bureau street road square avenue park river valley island islands province "
    "county district region prize award cup festival day night act bill fund foundation group network "
    "company corporation club team front movement alliance forces army navy force guard police "
    "embassy parliament assembly congress senate cabinet government federation kingdom empire church cathedral "
    "hospital airport station".split()
)


def _title_case_block(toks: list[Token]) -> bool:
    """Headline style: most content words capitalised."""
    content = [t for t in toks[1:] if t.text.lower() not in _FUNCTION and len(t.text) > 3]
    return len(content) >= 2 and sum(t.is_title for t in content) / len(content) >= 0.75


@detector("MT401")
def capitalised_common_nouns(doc: Document, ctx: Context) -> Iterator:
    rule = ctx.rule("MT401")
    lowercase_seen = _lowercase_vocabulary(doc)
    for block in doc.blocks:
        text = doc.block_text(block)
        base = block.start
        toks = doc.tokens(block)
        if block.is_heading or _title_case_block(toks):
            continue
        for i, tok in enumerate(toks):
            t = tok.text
            if not tok.is_title or len(t) < 2 or tok.is_upper or "-" in t or "'" in t or "’" in t:
                continue
            if starts_sentence(text, tok.start - base):
                continue
            low = t.lower()
            if low in _CONJUNCTIONS:
                if not _in_name(toks, i, text, base):
                    yield rule.finding(tok.start, tok.end, t, [low], severity=Severity.MINOR)
                continue
            if low in _FUNCTION or low in _NAME_HEADS or low in _TITLES:
                continue
            if len(t) < 4 or lx.is_name(t) or not lx.is_common_lowercase(t):
                continue
            if lx.zipf_en(low) < 3.0:
                continue
            if _in_name(toks, i, text, base):
                continue
            # A word the article also writes in lowercase is no name here;
            # nor is a common word heading "X of Moscow" that is no name head ("Backbone of Moscow").
            if low in lowercase_seen or _of_phrase(toks, i) or _sandwiched(toks, i, text, base):
                yield rule.finding(tok.start, tok.end, t, [low])


def _lowercase_vocabulary(doc: Document) -> set[str]:
    return {tok.text for block in doc.blocks for tok in doc.tokens(block) if tok.text[0].islower()}


def _adjacent(a: Token, b: Token, text: str, base: int) -> bool:
    return text[a.end - base : b.start - base] in (" ", "\u00a0")


def _in_name(toks: list[Token], i: int, text: str, base: int) -> bool:
    """Part of a capitalised sequence ('Military Intelligence Directorate', 'Bank of England')."""
    prev = toks[i - 1] if i > 0 and _adjacent(toks[i - 1], toks[i], text, base) else None
    nxt = toks[i + 1] if i + 1 < len(toks) and _adjacent(toks[i], toks[i + 1], text, base) else None
    if nxt and nxt.text in ("of", "for", "de", "du", "von") and i + 2 < len(toks) and toks[i + 2].is_title:
        return toks[i].text.lower() in _NAME_HEADS
    if nxt and (nxt.is_title or nxt.is_upper) and _namey(nxt):
        return True
    if prev and prev.text in ("of", "for") and i >= 2 and toks[i - 2].is_title:
        return True
    return bool(prev and (prev.is_title or prev.is_upper) and _namey(prev) and not _proper_adjective(prev))


def _sandwiched(toks: list[Token], i: int, text: str, base: int) -> bool:
    """'show Current satellite images': a very common word between two lowercase words."""
    if not (0 < i < len(toks) - 1) or lx.zipf_en(toks[i].text) < 4.5:
        return False
    prev, nxt = toks[i - 1], toks[i + 1]
    return (
        prev.text.islower() and nxt.text.islower() and len(nxt.text) > 3
        and _adjacent(prev, toks[i], text, base) and _adjacent(toks[i], nxt, text, base)
    )


def _of_phrase(toks: list[Token], i: int) -> bool:
    return i + 2 < len(toks) and toks[i + 1].text == "of" and toks[i + 2].is_title


def _namey(tok: Token) -> bool:
    """A neighbour that makes a capitalised run a name: any capitalised word except a lone function word."""
    return tok.text.lower() not in _FUNCTION


def _proper_adjective(tok: Token) -> bool:
    """'Russian', 'German', 'Iranian' modify common nouns: 'the Russian Military industry' is no name."""
    return lx.is_name(tok.text) and tok.text.endswith(("an", "ese", "ish", "ic", "i"))
