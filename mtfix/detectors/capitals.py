"""Capitalisation: German noun capitals mid-sentence (MT401), lowercase sentence starts (MT402),
names written in lowercase (MT403)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache
from itertools import compress, count
from operator import itemgetter

from mtfix import lexicon as lx
from mtfix.detectors import Context, detector
from mtfix.document import PARAGRAPH, Document
from mtfix.finding import FixSafety, Severity
from mtfix.text import ABBREVIATIONS, DATELINE, WORD, Token, quote_spans, sentences, starts_sentence

_FUNCTION = frozenset(
    "and or but the a an of to in on at for with from by as than that which who into onto over under "
    "about after before between against during without within".split()
)
# Only these are reported when capitalised: the others often open a clause after a dash or quote.
_CONJUNCTIONS = frozenset({"and", "or", "nor", "with", "of"})
# Capitalised right after a lowercase word, a preposition or conjunction is no title and opens no sentence:
# "a landslide In Tyrol", "reported that After numerous attempts". (A name or title-case line is
# excluded before this is asked.)
_LINKING = frozenset(
    "after before in on at to for from by into onto under over about against during without within since "
    "until because although while if that".split()
)
# Capitalised mid-sentence between two lowercase words, these are German-style slips: "because We started".
_SHOUTED = frozenset("the we they you he she our their its this these those a an but because whatever whoever".split())
# A lowercase modifier before a capitalised common noun: "severe Thunderstorms", "this Area".
_MODIFIERS = frozenset(
    "this these those every each several many few more most such own severe strong heavy light big small "
    "large huge high low long short new old great little last next whole entire early late good bad hot "
    "cold warm dry wet individual possible further my your our their its a an".split()
)
# A lowercase conjunction or preposition before a capitalised plural or -ing noun that starts no name
# run: "rain and Thunderstorms", "with Flooding" (German capitalises nouns and nominalised verbs; names
# are rarely plurals or -ing forms).
_LINKS_BEFORE_NOUN = frozenset("and or with without into from for against about during".split())
_DETERMINERS = frozenset("the a an all many some several these those other more most no any every each few".split())
_MODIFIER_SUFFIX = ("al", "ous", "ive", "ful", "less", "ble", "ary", "ing", "ic", "ly")
_PREPOSITIONS_ING = frozenset("during including following regarding concerning according excluding considering".split())
_TITLES = frozenset(
    "minister secretary president chancellor premier mayor governor senator chairman chairwoman director "
    "home interior foreign finance defence defense justice health economy economics twitter facebook "
    "democrats republicans labor labour conservatives liberals greens left right union corona yeah well please "
    # parties and their members, which English capitalises: 'the ruling Socialist party'
    "democrat republican conservative liberal green socialist socialists communist communists nationalist "
    "nationalists populist populists".split()
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
    candidates = _CAPITALISED_COMMON.among(doc.word_set)
    if not candidates:
        return
    near = _LowercaseNearby(doc, {c.lower() for c in candidates})  # a word the article also writes in lowercase
    for block in doc.blocks:
        if block.is_heading:
            continue
        text = doc.block_text(block)
        base = block.start
        toks = doc.tokens(block)
        title_case: bool | None = None  # decided once, and only for a block with a candidate
        quotes: list[tuple[int, int]] | None = None
        for i in [i for i, tok in enumerate(toks) if tok[0] in candidates]:
            tok = toks[i]
            t = tok[0]
            low = t.lower()
            if starts_sentence(text, tok.start - base):
                continue
            if title_case is None:
                title_case = _title_case_block(toks)
            if title_case:
                break
            if quotes is None:
                quotes = quote_spans(text)
            if any(qs <= tok.start - base < qe and _title_like(text[qs:qe]) for qs, qe in quotes):
                continue  # a quoted title or slogan: “The Pain of Remorse”, “Fridays For Future”
            if low in _CONJUNCTIONS:
                if not _in_name(toks, i, text, base):
                    yield rule.finding(tok.start, tok.end, t, [low], severity=Severity.MINOR)
                continue
            if low in _LINKING and low not in _SHOUTED:
                if _after_lowercase(toks, i, text, base) and not _title_run_after(text, tok.end - base):
                    yield rule.finding(tok.start, tok.end, t, [low], severity=Severity.MINOR)
                continue
            if low in _SHOUTED:
                if _between_lowercase(toks, i, text, base):
                    yield rule.finding(tok.start, tok.end, t, [low], severity=Severity.MINOR)
                continue
            if _in_name(toks, i, text, base) or _ui_label(toks, i) or _NUMBER_AFTER.match(text, tok.end - base):
                continue  # a name, a button label, or a label before a number: Article 140, Formula 1
            # After a lowercase modifier ("severe Thunderstorms"); between two lowercase words ("show
            # Current satellite images"); before a lowercase noun when the article also writes the word
            # in lowercase ("the Drone factory … every drone"); heading "X of Moscow" after a capitalised
            # word that is no English word or known name ("Shahed Backbone of Moscow"). Lowercase
            # evidence alone, and "X of Name" alone, each found 2 artifacts of mt_articles for 80
            # false alarms on clean English (the Guardian, Game of Thrones, Rest of World).
            if (_after_modifier(toks, i, text, base) or _sandwiched(toks, i, text, base)
                    or (_before_lowercase_noun(toks, i, text, base) and near(low, tok.start))
                    or (_of_phrase(toks, i) and _after_foreign_capital(toks, i, text, base))):
                yield rule.finding(tok.start, tok.end, t, [low])




NEARBY = 2000  # words: the span of a long article; a book or report is many articles for this cue


class _LowercaseNearby:
    """Where the document writes each candidate in lowercase: within an article's length it is
    evidence that the capital is a slip; 20,000 words away it says nothing."""

    def __init__(self, doc: Document, lows: set[str]) -> None:
        self.seen = lows & doc.word_set
        toks = doc.all_tokens()
        self.at: dict[str, list[int]] = {}
        self.doc = doc
        self.short = len(toks) <= NEARBY  # an article's length: anywhere in it is near
        if self.seen and not self.short:
            for n in compress(count(), map(self.seen.__contains__, map(itemgetter(0), toks))):
                self.at.setdefault(toks[n][0], []).append(n)

    def __call__(self, low: str, start: int) -> bool:
        if self.short:
            return low in self.seen
        places = self.at.get(low)
        if not places:
            return False
        n = self.doc.token_index(start)
        k = bisect_left(places, n - NEARBY)
        return k < len(places) and places[k] <= n + NEARBY


_NUMBER_AFTER = re.compile(r"[ \u00a0]\d")
_UI_VERBS = frozenset("tap click press select choose toggle touch hit".split())


def _ui_label(toks: list[Token], i: int) -> bool:
    """'tap Repair', 'click on the Start button': English capitalises the labels of buttons and menus."""
    j = i - 1
    while j >= 0 and i - j <= 3 and toks[j].text in ("on", "the"):
        j -= 1
    return j >= 0 and toks[j].text.lower() in _UI_VERBS


def _title_like(quoted: str) -> bool:
    """Most content words capitalised: a title, not a sentence MT left German capitals in."""
    content = [w for w in WORD.findall(quoted) if len(w) > 3 and w.lower() not in _FUNCTION]
    return len(content) >= 2 and sum(w[0].isupper() for w in content) >= 0.6 * len(content)


def _capitalised_common(t: str) -> bool:
    """A capitalised common word in any context; most capitalised words are names and stop here."""
    if len(t) < 2 or not t[0].isupper() or t[1:].replace("-", "").isupper() or "'" in t or "’" in t:
        return False
    low = t.lower()
    if low in _CONJUNCTIONS or low in _SHOUTED or low in _LINKING:
        return True
    return not (
        low in _FUNCTION or low in _NAME_HEADS or low in _TITLES or len(t) < 4 or lx.zipf_en(low) < 3.0
        or ("-" in t and not _common_compound(t))
        or lx.is_name(t) or not lx.is_common_lowercase(t.split("-")[0])
    )


_CAPITALISED_COMMON = lx.WordVerdicts(_capitalised_common)


def _adjacent(a: Token, b: Token, text: str, base: int) -> bool:
    return text[a.end - base : b.start - base] in (" ", "\u00a0")


def _in_name(toks: list[Token], i: int, text: str, base: int) -> bool:
    """Part of a capitalised sequence ('Military Intelligence Directorate', 'Bank of England')."""
    prev = toks[i - 1] if i > 0 and _adjacent(toks[i - 1], toks[i], text, base) else None
    nxt = toks[i + 1] if i + 1 < len(toks) and _adjacent(toks[i], toks[i + 1], text, base) else None
    # 'the Russian Military industry' is no name, 'a New American Security' is: a proper adjective
    # counts only when a capitalised word stands before it too
    run_before = i >= 2 and toks[i - 2].is_title and _adjacent(toks[i - 2], toks[i - 1], text, base)
    after_capital = prev and (prev.is_title or prev.is_upper) and _namey(prev) and (
        not _proper_adjective(prev) or run_before)
    if after_capital and (lx.english(prev.text) or lx.is_name(prev.text)):
        return True  # 'Vienna Regional Directorate of …', 'Press Trust of India'; not 'Shahed Backbone of Moscow'
    if nxt and nxt.text in ("of", "for", "de", "du", "von") and i + 2 < len(toks) and toks[i + 2].is_title:
        return toks[i].text.lower() in _NAME_HEADS
    if nxt and (nxt.is_title or nxt.is_upper) and _namey(nxt):
        return True
    if prev and prev.text in ("of", "for") and i >= 2 and toks[i - 2].is_title:
        return True
    # 'Office for the Protection of …', 'Player of the Year': a name goes on through 'of the'
    if prev and prev.text == "the" and i >= 3 and toks[i - 2].text in ("of", "for") and toks[i - 3].is_title:
        return True
    # 'Frankfurt/Main', 'Traffic/Environment': the second half of a slashed pair of capitals
    start = toks[i].start - base
    if start >= 2 and text[start - 1] == "/" and i > 0 and toks[i - 1].end - base == start - 1 and toks[i - 1].is_title:
        return True
    return bool(after_capital)


def _sandwiched(toks: list[Token], i: int, text: str, base: int) -> bool:
    """'show Current satellite images': a very common word between two lowercase words."""
    if not (0 < i < len(toks) - 1) or lx.zipf_en(toks[i].text) < 4.5:
        return False
    prev, nxt = toks[i - 1], toks[i + 1]
    return (
        prev.text.islower() and nxt.text.islower() and len(nxt.text) > 3
        and _adjacent(prev, toks[i], text, base) and _adjacent(toks[i], nxt, text, base)
    )


def _before_lowercase_noun(toks: list[Token], i: int, text: str, base: int) -> bool:
    """'the Drone factory': a German noun capital on the first part of a compound."""
    if i + 1 >= len(toks) or not _adjacent(toks[i], toks[i + 1], text, base):
        return False
    nxt = toks[i + 1].text
    return nxt.islower() and len(nxt) > 3 and nxt not in _FUNCTION and lx.is_common_lowercase(nxt)


def _after_foreign_capital(toks: list[Token], i: int, text: str, base: int) -> bool:
    """'the Iranische Shahed Backbone': an English word inside a run of foreign capitalised words."""
    if i == 0 or not _adjacent(toks[i - 1], toks[i], text, base):
        return False
    prev = toks[i - 1].text
    return prev[:1].isupper() and not prev.isupper() and not lx.english(prev) and not lx.english(prev.lower()) and not lx.is_name(prev)


def _between_lowercase(toks: list[Token], i: int, text: str, base: int) -> bool:
    """'because We started', 'in Berlin, The police said': a comma opens no sentence."""
    if not 0 < i < len(toks) - 1:
        return False
    prev, nxt = toks[i - 1], toks[i + 1]
    before = text[prev.end - base : toks[i].start - base]
    return (prev.text.islower() and nxt.text.islower() and before in (" ", "\u00a0", ", ")
            and _adjacent(toks[i], nxt, text, base))


def _after_lowercase(toks: list[Token], i: int, text: str, base: int) -> bool:
    return i > 0 and toks[i - 1].text.islower() and _adjacent(toks[i - 1], toks[i], text, base)


def _title_run_after(text: str, pos: int) -> bool:
    """'he watched Into The Wild': an unquoted title goes on in capitals; 'landslide In Tyrol' does not."""
    nxt = WORD.findall(text, pos, pos + 60)[:2]
    return len(nxt) == 2 and nxt[0][0].isupper() and nxt[1][0].isupper()


def _after_modifier(toks: list[Token], i: int, text: str, base: int) -> bool:
    """'falling Branches', 'this Area': a lowercase modifier, then no capitalised word to make a name."""
    if i == 0 or not _adjacent(toks[i - 1], toks[i], text, base):
        return False
    prev = toks[i - 1].text
    word = toks[i].text
    linked = prev in _LINKS_BEFORE_NOUN and word.endswith(("s", "ing")) and not word.endswith("ss") and (
        i >= 2 and toks[i - 2].text.islower())  # not 'Education and Culture', 'Klose and Flick'
    # a participle is an adjective only after a determiner or a number: 'the affected Residents', '40
    # interested Parties'; elsewhere it is a verb before a name ('reported Flick', 'named Lightning')
    before = text[max(0, toks[i - 1].start - base - 12) : toks[i - 1].start - base].rstrip(" \u00a0")
    participle = prev.endswith("ed") and len(prev) > 4 and (
        before[-1:].isdigit() or (i >= 2 and toks[i - 2].text.lower() in _DETERMINERS
                                  and _adjacent(toks[i - 2], toks[i - 1], text, base)))
    modifier = prev in _MODIFIERS or linked or participle or (
        len(prev) > 4 and prev.endswith(_MODIFIER_SUFFIX) and prev not in _PREPOSITIONS_ING)
    if not prev.islower() or not modifier or lx.is_name(toks[i].text.removesuffix("s")):  # Protestants
        return False
    after = text[toks[i].end - base : toks[i].end - base + 2]
    if after[:1] in ("'", "’") or after.strip()[:1].isdigit():  # Cowboys' hats, Formula 1, Mars 2020
        return False
    nxt = toks[i + 1] if i + 1 < len(toks) and _adjacent(toks[i], toks[i + 1], text, base) else None
    return nxt is None or not (nxt.is_title or nxt.is_upper)


def _common_compound(t: str) -> bool:
    """'Gale-force': every part an everyday lowercase word, so no name ('Rhine-Westphalia')."""
    parts = t.lower().split("-")
    return all(len(p) > 2 and lx.is_common_lowercase(p) and not lx.is_name(p) for p in parts)


def _of_phrase(toks: list[Token], i: int) -> bool:
    return i + 2 < len(toks) and toks[i + 1].text == "of" and toks[i + 2].is_title


def _namey(tok: Token) -> bool:
    """A neighbour that makes a capitalised run a name: any capitalised word except a lone function word."""
    return tok.text.lower() not in _FUNCTION


def _proper_adjective(tok: Token) -> bool:
    """'Russian', 'German', 'Iranian' modify common nouns: 'the Russian Military industry' is no name."""
    return lx.is_name(tok.text) and tok.text.endswith(("an", "ese", "ish", "i"))


_SENTENCE_CLOSE = frozenset(".!?…\"”’)")
_PARTICLES = frozenset("de del della di da van von der den du le la al el bin ibn e i".split())
_MID_SENTENCE_START = re.compile(r"[a-z][.!?][ \u00a0]([a-z]+)\b(?![.'’-])")


@detector("MT402")
def lowercase_sentence_start(doc: Document, ctx: Context) -> Iterator:
    """'on the night of Sunday …' opening a paragraph, 'you do not. have one more problem'."""
    rule = ctx.rule("MT402")
    prev_end = ""  # the last character of the block before
    for block in doc.blocks:
        ended, prev_end = prev_end, doc.text[block.end - 1 : block.end]
        if block.kind != PARAGRAPH:
            continue
        toks = doc.tokens(block)
        text = doc.block_text(block)
        # Only paragraphs set off by a blank line (single lines may be a list, verse or a chat log),
        # and not after a block that ends mid-sentence ('because I' / 'would like'): that one goes on.
        first, dated = _opening_word(doc, block, toks)
        if (first is not None and _plain_lowercase(first.text) and len(toks) >= 8
                and doc.text.count("\n", max(0, block.start - 4), block.start) >= 2
                and (dated or not ended or ended in _SENTENCE_CLOSE) and not _chat_line(text)):
            yield rule.finding(first.start, first.end, first.text, [first.text.capitalize()])
        for m in _MID_SENTENCE_START.finditer(text):
            word = m.group(1)
            dot = m.start() + 1
            if dot >= 2 and text[dot - 2].isalpha() and _plain_lowercase(word) and not _abbreviation_before(text, dot):
                s = block.start + m.start(1)
                yield rule.finding(s, s + len(word), word, [word.capitalize()])


_OPENING_QUOTES = frozenset('"“„‘\'«»')


def _opening_word(doc: Document, block, toks: list[Token]) -> tuple[Token | None, bool]:
    """The paragraph's first word: at its start, after an opening quotation mark, or after a
    dateline ('Munich (dpa) - the storm …'); and whether a dateline stood before it (then nothing
    before runs on into the paragraph)."""
    if not toks:
        return None, False
    dateline = DATELINE.match(doc.text, block.start, block.end)
    if dateline:
        return next((t for t in toks if t.start == dateline.end()), None), True
    lead = doc.text[block.start : toks[0].start]
    return (toks[0] if lead == "" or lead in _OPENING_QUOTES else None), False


_PERSONAL = frozenset("i i'm i’m me my we us our you your".split())


def _chat_line(text: str) -> bool:
    """'will you be sending me the return label?', 'my order from May has not come': chat and forum
    posts are written in lowercase and talk in the first or second person; a news paragraph that
    lost its capital is narration."""
    first = sentences(text)[0] if text.strip() else (0, 0)
    sent = text[first[0] : first[1]]
    return sent.rstrip().endswith("?") or any(w.lower() in _PERSONAL for w in WORD.findall(sent))


def _plain_lowercase(word: str) -> bool:
    return len(word) >= 2 and word.islower() and word not in _PARTICLES and lx.is_common_lowercase(word) and lx.english(word)


def _abbreviation_before(text: str, dot: int) -> bool:
    j = dot
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    return text[dot] == "." and (text[j:dot].lower() in ABBREVIATIONS or "." in text[j:dot])


@detector("MT403")
def lowercase_name(doc: Document, ctx: Context) -> Iterator:
    """'hartz' beside 'Hartz IV', 'wolfgang franz', 'july 2012': a name written in lowercase."""
    rule = ctx.rule("MT403")
    # the first part of a hyphenated word counts too: 'hartz-IV-recipients', 'berlin-based'
    candidates = _NON_WORDS.among(doc.word_set | {w.partition("-")[0] for w in doc.word_set if "-" in w})
    if not candidates:
        return
    capitalised = set()  # capitalised mid-sentence somewhere in the article: a name here
    rare = {w.capitalize() for w in candidates if lx.zipf_en(w) < 4.0}  # not 'defence', 'euro'
    if rare:
        for tok in [t for t in doc.all_tokens() if t[0] in rare]:
            block = doc.block_at(tok.start)
            if block is not None and not block.is_heading and not starts_sentence(doc.masked, tok.start, block.start):
                capitalised.add(tok.text)
    names: set[str] = set()
    strong: set[str] = set()  # names with a cue of their own, beyond being capitalised elsewhere
    only_names: set[str] = set()  # frequent words the dictionary knows only capitalised: berlin, sunday
    for block in doc.blocks:  # first pass: lowercase words that this article shows to be names
        toks = doc.tokens(block)
        text = doc.block_text(block)
        for i in [i for i, tok in enumerate(toks) if tok[0].partition("-")[0] in candidates]:
            tok = toks[i]
            t = tok[0].partition("-")[0]
            if "." in (text[tok.start - block.start - 1 : tok.start - block.start],
                       text[tok.end - block.start : tok.end - block.start + 1]):
                continue  # my.norton.com
            prev = toks[i - 1] if i and _adjacent(toks[i - 1], tok, text, block.start) else None
            nxt = toks[i + 1] if i + 1 < len(toks) and _adjacent(tok, toks[i + 1], text, block.start) else None
            known = lx.is_name(t.capitalize())
            if known and len(t) >= 5 and lx.zipf_en(t) >= 3.5 and t not in _STYLED_LOWERCASE and _not_in_code(text, tok, block.start):
                only_names.add(t)
            cue = (
                (t in _MONTHS and _YEAR_OR_DAY.match(text, tok.end - block.start))  # july 2012
                or (known and nxt is not None and _lowercase_non_word(nxt.text) and lx.is_name(nxt.text.capitalize()))
                or (known and prev is not None and prev.is_title and lx.is_name(prev.text))  # Wolfgang franz
                or (nxt is not None and nxt.is_upper and nxt.text.isalpha() and len(nxt.text) <= 4)  # hartz IV
            )
            if cue or t.capitalize() in capitalised:
                names.add(t)
                if cue:
                    strong.add(t)
                if nxt is not None and _lowercase_non_word(nxt.text) and lx.is_name(nxt.text.capitalize()):
                    names.add(nxt.text)
    if len(only_names) >= 2:  # a text that lost its capitals loses them on several names
        names |= only_names
        strong |= only_names
    if not names:
        return
    for block in doc.blocks:
        toks = doc.tokens(block)
        # 'hartz-IV-recipients' is one token: the name is its first part
        flagged = [i for i, tok in enumerate(toks) if tok[0].partition("-")[0] in names]
        for run in _runs(flagged):
            a, b = toks[run[0]], toks[run[-1]]
            found = doc.text[a.start : b.end]
            # Capitalised elsewhere is weaker evidence ('Grand Prix' and 'grand prix' are both English):
            # a run resting on it alone gets an unsafe fix.
            sure = any(toks[k].text.partition("-")[0] in strong for k in run)
            yield rule.finding(a.start, b.end, found, [" ".join(w[:1].upper() + w[1:] for w in found.split(" "))],
                               fix=True if sure else FixSafety.UNSAFE)


def _runs(indices: list[int]) -> list[list[int]]:
    out: list[list[int]] = []
    for i in indices:
        if out and out[-1][-1] == i - 1:
            out[-1].append(i)
        else:
            out.append([i])
    return out


def _not_in_code(text: str, tok: Token, base: int) -> bool:
    """'#berlin', '@sunday', 'berlin_2024', 'site/berlin': handles, tags and paths keep their case."""
    before = text[tok.start - base - 1 : tok.start - base]
    after = text[tok.end - base : tok.end - base + 1]
    return before not in ("#", "@", "/", "_") and after not in ("_", "/", "@")


# The dictionary lists these capitalised only, but style guides write them lowercase (AP: "internet").
_STYLED_LOWERCASE = frozenset("internet google googled gothic web que prix matt kosher bible".split())
_MONTHS = frozenset("january february april june july september october november december".split())
_YEAR_OR_DAY = re.compile(r"[ \u00a0]\d{1,4}\b")


@lru_cache(maxsize=100_000)
def _lowercase_non_word(t: str) -> bool:
    if not (t.islower() and len(t) >= 3 and t.isalpha()) or t in _PARTICLES:
        return False
    if t not in _MONTHS and lx.zipf_en(t) >= 4.5:  # frequent: an English word, unless only its capital is
        return lx.is_name(t) and not lx.is_common_lowercase(t) and not lx.english(t)  # berlin, sunday
    return not lx.is_common_lowercase(t) and not lx.english(t)


_NON_WORDS = lx.WordVerdicts(_lowercase_non_word)
