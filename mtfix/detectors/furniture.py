"""Site furniture by the shape of a line (MT220): what the boilerplate lists cannot know in advance.

A line earns points for each sign of furniture (separators, interface words, a notice that the page
was machine-translated, editor initials, run-together tags, a trailing ellipsis) and is reported
above a threshold. Each sign alone is weak; prose rarely shows two."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from mtfix import lexicon as lx
from mtfix.detectors import Context, detector
from mtfix.document import Document

THRESHOLD = 3
MAX_WORDS = 14  # furniture is short; a notice of machine translation may be longer
_SEPARATOR = re.compile(r"[»›]|(?:^|\s)[|>](?:\s|$)")
_NOTICE = re.compile(
    r"(?i)\b(?:automatic(?:ally)?[ -]translat|machine[ -]translat|translated (?:automatically|by machine)"
    r"|original (?:article|version|text) (?:here|in German)|read the original)"
)
_INITIALS = re.compile(r"(?:^|\s)/?[A-Za-z]{2,4}(?:/[A-Za-z]{2,4}){2,3}[ \t]*$")  # dpa-AFX: /Rea/DP/men
_CAMEL = re.compile(r"[a-zäöüß]{3}[A-ZÄÖÜ][a-zäöüß]{2}")  # NewsFire departmentPolice: tags run together
_WORDS = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
# Paywalls and page scripts: words prose about anything else hardly uses together with interface words
_PAYWALL = re.compile(
    r"\b(?i:subscri(?:ber|bers|ption|be)|paywall|javascript|cookies|abonnent\w*|abo)\b"
    r"|\b[A-Z][A-Za-z]*[Pp]lus\b"  # a site's paid tier: 'SZPlus', 'MZplus' (not 'surplus', 'Plus')
)
_MARKERS = re.compile(r"^[ \t]*(?:\*{3,}|\+{3,}|#{3,}).*(?:\*{3,}|\+{3,}|#{3,})[ \t]*$")  # '*** MZplus content ***'
_TAG_LABEL = re.compile(r"(?i)^[ \t]*(?:tags|topics|keywords|schlagw(?:ö|oe)rter|themen|related topics)[ \t]*:")
_FUNCTION = frozenset("the a an of to in on at for with and or but is are was were be by from as that this".split())
# A duration closing a short line, as players and reading-time notices print it: 'Listen (3 min)',
# 'Audio version: 4 minutes', 'Lesedauer: 5 Min.'
_COUNTER = re.compile(r"(?i)(?:^|[\s(:])\d{1,3}[ \u00a0]?(?:min(?:ute)?s?|sec(?:ond)?s?|minuten|sek)\b\.?\)?[ \t]*$")
# The placeholder a German page shows for an embedded post or video until the reader agrees to load it
# (data-protection law): 'We need your consent to load the Twitter content.'
_CONSENT = re.compile(
    r"(?i)\b(?:consent|einwilligung|zustimmung)\b.{0,80}?\b(?:load|display|show|laden|anzeigen|anzuzeigen)\b"
    r".{0,60}?\b(?:content|inhalte?|external|third[- ]party|drittanbieter|embed|post|tweet|video)s?\b"
    r"|\b(?:load|display|show)\b.{0,60}?\bexternal content\b|\brevoke your consent\b"
)
# 'Read on after the advertisement' (Lesen Sie nach der Anzeige weiter), 'Article continues below',
# 'All rights reserved': what a page prints around its adverts and under its copy
_AROUND_COPY = re.compile(
    r"(?i)^[^\w]*(?:the[ \t]+)?(?:continue reading|read on|reading continues|article continues|continues below)\b"
    r"(?:.{0,40}?\b(?:ad|ads|advert|advertisement|advertising)\b|[ \t]*(?:below|here)?[ \t]*\.?[ \t]*$)"
    r"|\ball rights reserved\b"
)
_FIRST_PUBLISHED = re.compile(r"(?i)\b(?:first|originally) (?:published|appeared) (?:on|in|at|by)\b|\berschien zuerst\b")
# A gallery's counter: 'Image 3 of 12', 'Photo series with 12 pictures', 'Bild 3 von 12'
_GALLERY = re.compile(
    r"(?i)^[ \t]*(?:image|photo|picture|bild|foto)s?[ \t]+\d{1,3}[ \t]*(?:of|von|/)[ \t]*\d{1,3}[ \t]*$"
    r"|\b(?:photo ?series|photo gallery|picture gallery|image gallery|fotostrecke|bildergalerie)\b.{0,20}?\b\d{1,3}[ \t]+(?:pictures|images|photos|bilder|bildern|fotos)\b"
)
# A news agency's credit as a line of its own, in the shapes MT208 (a line opening with the agency)
# leaves: 'Source: dpa', '(dpa/lby)', 'cf/dpa'
_AGENCY = r"(?:dpa|afp|ap|reuters|kna|epd|apa|sda|dts|ots|ddp|sid|afx|dpa-afx)"
_AGENCY_LINE = re.compile(
    rf"(?i)^[ \t]*(?:(?:source|sources|quelle|quellen)[ \t]*:[ \t]*{_AGENCY}(?:[ \t]*[,/][ \t]*{_AGENCY})*[ \t]*\.?"
    rf"|\((?:[a-z]{{1,4}}[ \t]*/[ \t]*)*{_AGENCY}(?:[ \t]*/[ \t]*[a-z]{{1,4}})*\)"
    rf"|(?:[a-z]{{1,4}}[ \t]*/[ \t]*)+{_AGENCY}(?:[ \t]*/[ \t]*[a-z]{{1,4}})*)[ \t]*$"
)
_DURATION_LABEL = re.compile(r"(?i)^[ \t]*(?:reading time|read time|listening time|lesezeit|lesedauer|h(?:ö|oe)rdauer)[ \t]*:")


MAX_CHARS = 160  # longer than this, only a notice can make a line furniture
# (words one of which the line must hold, the pattern, the longest line it may be)
_NOTES = (
    (("consent", "zustimmung", "einwilligung", "external content"), _CONSENT, 2 * MAX_CHARS),
    (("publish", "appeared", "erschien"), _FIRST_PUBLISHED, 2 * MAX_CHARS),
    (("continue", "read on", "reserved"), _AROUND_COPY, 80),
)


@cache
def _interface() -> frozenset[str]:
    return lx.word_list("interface-words.txt")


def score(line: str, notice: bool = True, inset: bool = False, last: bool = False) -> int:
    """Points of furniture for one line of text (``notice``: the document mentions translating;
    ``inset``: the line stands alone inside the body, where a page puts its players and buttons;
    ``last``: the line ends the document, where tags go)."""
    points = 3 if notice and _NOTICE.search(line) else 0
    if len(line) <= 2 * MAX_CHARS:
        low = line.lower()  # substring tests first: most lines hold none of these words
        if any(len(line) <= longest and any(w in low for w in words) and rx.search(line)
               for words, rx, longest in _NOTES):
            points += 3  # a consent placeholder, where the article first ran, a line around an advert: no copy says that
    if len(line) > MAX_CHARS:
        return points
    if (_DIGIT.search(line) and _GALLERY.search(line)) or (
            len(line) <= 40 and _AGENCY_LINE.match(line)):
        points += 3
    words = _WORDS.findall(line)
    if not words or len(words) > MAX_WORDS * 2 or (len(words) > MAX_WORDS and "»" not in line and "›" not in line):
        return points  # a breadcrumb may end in a long headline
    if _MARKERS.match(line) or _TAG_LABEL.match(line):
        points += 3
    if ("»" in line or "›" in line or "|" in line or ">" in line) and _SEPARATOR.search(line):
        points += 3 if len(_SEPARATOR.findall(line)) >= 2 else 2  # two or more: a breadcrumb trail
    elif " / " in line:
        points += 1  # 'Subscribe now / Read more': a weaker separator, also in credits and place pairs
    ui = sum(w.lower() in _interface() for w in words)
    if len(words) <= 20 and _PAYWALL.search(line):
        points += 3 if ui >= 2 else 1  # 'Already a subscriber? Log in here.'
    if ui >= 2 and ui * 2 >= len(words):  # three interface words make a widget: 'The video player is loading'
        points += 3 if (inset and len(words) <= 6) or ui >= 3 else 2
    elif ui and len(words) <= 3 and line.rstrip()[-1:] not in ".!?\"”":
        points += 1
    if line.count("/") >= 2 and _INITIALS.search(line):
        points += 3
    if len(line) > 8 * len(words) and len(_CAMEL.findall(line)) >= 3:  # tags run together make long words
        points += 3
    if len(words) <= 12 and line.rstrip().endswith(("…", "...")):
        points += 1
    if len(words) <= 8 and _COUNTER.search(line):
        points += 3 if _DURATION_LABEL.match(line) else 2 + (ui >= 1)  # 'Listen to this article (3 min)'
    if len(words) >= 2 and line.rstrip()[-1:] not in ".!?:\"”" and not any(w.lower() in _FUNCTION for w in words) and all(
        w[0].isupper() for w in words
    ):
        # a keyword line: capitals only, no function word, no full stop; four or more words of it at
        # the foot of the article are its tags ('Politics Germany Coalition Budget')
        points += 1 if len(words) < 4 or ":" in line else 2 + last  # 'Source: ARD / Infratest' is a credit
    return points


@detector("MT220")
def furniture_line(doc: Document, ctx: Context) -> Iterator:
    rule = ctx.rule("MT220")
    notice = "translat" in doc.lowered
    blocks = doc.blocks
    teasers = set(_teasers(doc))
    for n, block in enumerate(blocks):
        if n in teasers:  # a related article's headline and the start of its text, cut off
            nxt = blocks[n + 1]
            end = nxt.end + (1 if doc.text[nxt.end : nxt.end + 1] == "\n" else 0)
            yield rule.finding(block.start, end, doc.text[block.start : end], [""], message=TEASER)
            continue
        if n - 1 in teasers:
            continue
        if not notice and block.end - block.start > MAX_CHARS:
            continue
        text = doc.block_text(block)
        inset = 0 < n < len(blocks) - 1 and block.is_heading and not blocks[n + 1].is_heading
        if score(text, notice, inset, n == len(blocks) - 1) >= THRESHOLD or (n >= OPENING_BLOCKS and _name_alone(text)):
            end = block.end + (1 if doc.text[block.end : block.end + 1] == "\n" else 0)
            yield rule.finding(block.start, end, doc.text[block.start : end], [""])


OPENING_BLOCKS = 4  # title, kicker, byline and date: a name alone there is the author's byline
_NAME_LINE = re.compile(r"^([A-ZÄÖÜ][a-zäöüß]+)(?: [A-ZÄÖÜ]\.)? [A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?$")


def _name_alone(text: str) -> bool:
    """'Dagmar Schmidt' on a line of its own below the opening: an author box or the caption of a
    linked article (a given name the dictionary knows, then a surname)."""
    m = _NAME_LINE.match(text.strip())
    return m is not None and lx.is_name(m.group(1))


TEASER = "Teaser of another article left in the copy: a headline, then its text cut off with an ellipsis"
_CUT = re.compile(r"\w(?:\.\.\.|…)[ \t]*$")
TEASER_CHARS = 300  # a teaser shows a line or two of the other article


def _teasers(doc: Document) -> Iterator[int]:
    """Indexes of headline blocks followed by a short paragraph cut off mid-sentence ('… the royal
    study. High...'): the box of related articles that pages put between paragraphs. On clean
    English such a pair occurs about once per 100,000 words (a review title, a chat message)."""
    blocks = doc.blocks
    for n in range(len(blocks) - 1):
        head, body = blocks[n], blocks[n + 1]
        if body.is_heading or body.end - body.start > TEASER_CHARS or head.end - head.start > 100:
            continue
        title = doc.block_text(head)
        if (head.is_heading or title.rstrip().endswith("?")) and _CUT.search(doc.block_text(body)):
            yield n
