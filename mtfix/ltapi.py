"""LanguageTool's HTTP API as data, both ways: a request's fields to a rule selection, findings to
LanguageTool matches (`mtfix serve`), and LanguageTool matches to findings (`--languagetool`).

LanguageTool counts offsets in UTF-16 code units (Java strings); mtfix counts code points. Every
offset crosses that line here and nowhere else. No web framework is imported: this is the wire
format only, testable without a server.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from mtfix import __version__
from mtfix.finding import Finding, FixSafety, Severity
from mtfix.utf16 import Utf16

LANGUAGES = [
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "English", "code": "en", "longCode": "en"},
]
_LANGUAGE_NAMES = {"en-us": "English (US)", "en-gb": "English (GB)", "en": "English"}
CONTEXT = 40  # characters each side of a match, as LanguageTool sends

# MQM category → LanguageTool issue type (its ITS 2.0 localisation-quality types), which clients
# use to colour a match: misspelling red, grammar yellow, style blue.
_ISSUE_TYPES = {
    "accuracy/mistranslation": "mistranslation",
    "accuracy/untranslated": "untranslated",
    "fluency/grammar": "grammar",
    "fluency/word-order": "grammar",
    "fluency/spelling": "misspelling",
    "fluency/punctuation": "typographical",
    "markup/heading": "formatting",
    "markup/boilerplate": "non-conformance",
    "markup/tags": "markup",
    "accuracy/omission": "omission",
    "accuracy/addition": "addition",
}
_ISSUE_DIMENSIONS = {"locale": "locale-violation", "style": "style"}

# The reverse, for LanguageTool's own matches (`--languagetool`).
LT_CATEGORIES = {
    "misspelling": "fluency/spelling",
    "grammar": "fluency/grammar",
    "typographical": "fluency/punctuation",
    "whitespace": "fluency/punctuation",
    "duplication": "fluency/grammar",
    "style": "style/awkward",
    "register": "style/awkward",
    "locale-violation": "locale/punctuation",
    "untranslated": "accuracy/untranslated",
    "mistranslation": "accuracy/mistranslation",
}
LT_SEVERITIES = {"misspelling": Severity.MAJOR, "grammar": Severity.MAJOR, "untranslated": Severity.MAJOR,
                 "mistranslation": Severity.MAJOR}  # everything else is minor


class ApiError(Exception):
    """A request LanguageTool would refuse: becomes a JSON error with this HTTP status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def issue_type(category: str) -> str:
    return _ISSUE_TYPES.get(category) or _ISSUE_DIMENSIONS.get(category.split("/")[0], "other")


def category_id(category: str) -> str:
    """LanguageTool's ids are upper-case words (TYPOS, GRAMMAR): fluency/word-order → FLUENCY_WORD_ORDER."""
    return re.sub(r"[^A-Z0-9]+", "_", category.upper())


def category_name(category: str) -> str:
    dim, _, sub = category.partition("/")
    return f"{dim.capitalize()}: {sub.replace('-', ' ')}" if sub else dim.capitalize()


@dataclass
class Annotated:
    """The text to check and its way back. For plain `text`, both are the same string; for `data`
    (annotated text), markup is replaced by its `interpretAs` (or nothing) in `checked`, and
    offsets map back into `original`, which is every part joined, as LanguageTool reports them."""

    checked: str
    original: str
    # (start in checked, length in checked, start in original, length in original, is text), in order
    pieces: list[tuple[int, int, int, int, bool]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._starts = [p[0] for p in self.pieces]

    def to_original(self, pos: int, end: bool = False) -> int | None:
        """Offset in `original`; None when `pos` lies inside markup's stand-in text. An end offset
        belongs to the piece before a boundary, a start offset to the piece after it; a span that
        takes in a stand-in whole takes in its markup."""
        if not self.pieces:
            return pos
        find = bisect.bisect_left if end else bisect.bisect_right
        i = find(self._starts, pos) - 1
        if i < 0:
            return 0
        c0, clen, o0, olen, is_text = self.pieces[i]
        if not c0 <= pos <= c0 + clen or (clen == 0 and not end):
            return None
        if is_text:
            return o0 + (pos - c0)
        return o0 if pos == c0 and not end else o0 + olen if pos == c0 + clen and end else None


def annotated(data: str) -> Annotated:
    """LanguageTool's annotated text: {"annotation": [{"text": …}, {"markup": …, "interpretAs": …}]}."""
    try:
        obj = json.loads(data)
    except (ValueError, RecursionError) as e:
        raise ApiError(400, f"'data' is not valid JSON: {e}") from None
    parts = obj.get("annotation") if isinstance(obj, dict) else None
    if not isinstance(parts, list):
        raise ApiError(400, "'data' must be a JSON object with an 'annotation' list")
    checked, original, pieces, c, o = [], [], [], 0, 0
    for i, part in enumerate(parts):
        if not isinstance(part, dict):
            raise ApiError(400, f"'data' annotation {i} is not an object")
        text, markup = part.get("text"), part.get("markup")
        if isinstance(text, str) and markup is None:
            pieces.append((c, len(text), o, len(text), True))
            checked.append(text)
            original.append(text)
            c, o = c + len(text), o + len(text)
        elif isinstance(markup, str) and text is None:
            instead = part.get("interpretAs", "")
            if not isinstance(instead, str):
                raise ApiError(400, f"'data' annotation {i}: 'interpretAs' must be a string")
            pieces.append((c, len(instead), o, len(markup), False))
            checked.append(instead)
            original.append(markup)
            c, o = c + len(instead), o + len(markup)
        else:
            raise ApiError(400, f"'data' annotation {i} needs either 'text' or 'markup' (a string)")
    return Annotated("".join(checked), "".join(original), pieces)


@dataclass(frozen=True)
class Selection:
    """Which rules a request asks for, in mtfix's terms (codes and categories it knows)."""

    only: tuple[str, ...] | None  # enabledOnly: exactly these
    enable: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()


@dataclass
class Request:
    text: Annotated
    language: str
    selection: Selection


def _list(fields: Mapping[str, str], key: str) -> list[str]:
    return [s.strip() for s in fields.get(key, "").split(",") if s.strip()]


def parse_request(fields: Mapping[str, str], rules: Mapping, max_chars: int) -> Request:
    """A /v2/check request's fields, validated. Rule and category ids mtfix does not know are
    ignored, as LanguageTool ignores them: clients send their own lists (WHITESPACE_RULE, TYPOS)."""
    if "text" in fields and "data" in fields:
        raise ApiError(400, "give either 'text' or 'data', not both")
    if "text" in fields:
        text = Annotated(fields["text"], fields["text"])
    elif "data" in fields:
        if len(fields["data"]) > 4 * max_chars:
            raise ApiError(413, f"'data' is longer than the limit of {max_chars} characters of text")
        text = annotated(fields["data"])
    else:
        raise ApiError(400, "missing 'text' or 'data'")
    if len(text.original) > max_chars:
        raise ApiError(413, f"text of {len(text.original)} characters is over the limit of {max_chars}")
    language = fields.get("language", "").strip()
    if not language:
        raise ApiError(400, "missing 'language' (en-US, en-GB, en or auto)")
    if language.lower() not in _LANGUAGE_NAMES and language.lower() != "auto":
        raise ApiError(400, f"language {language!r} is not supported: mtfix checks English (en-US, en-GB, en, auto)")
    level = fields.get("level", "default").strip().lower()
    if level not in ("default", "picky"):
        raise ApiError(400, f"'level' must be 'default' or 'picky', not {level!r}")
    enabled_only = fields.get("enabledOnly", "false").strip().lower()
    if enabled_only not in ("true", "false"):
        raise ApiError(400, f"'enabledOnly' must be 'true' or 'false', not {enabled_only!r}")

    ids = {**{r.code: r.code for r in rules.values()}, **{r.name.upper(): r.code for r in rules.values()}}
    cats = {category_id(r.category): r.category for r in rules.values()}
    cats |= {category_id(r.category.split("/")[0]): r.category.split("/")[0] for r in rules.values()}
    rule_ids = lambda key: [ids[s.upper()] for s in _list(fields, key) if s.upper() in ids]  # noqa: E731
    cat_ids = lambda key: [cats[s.upper()] for s in _list(fields, key) if s.upper() in cats]  # noqa: E731
    wanted = rule_ids("enabledRules") + cat_ids("enabledCategories")
    if level == "picky":  # LanguageTool's picky level adds its stricter rules: mtfix's opt-in ones
        wanted += [r.code for r in rules.values() if not r.default]
    disable = rule_ids("disabledRules") + cat_ids("disabledCategories")
    if enabled_only == "true":
        if not (_list(fields, "enabledRules") or _list(fields, "enabledCategories")):
            raise ApiError(400, "'enabledOnly' needs 'enabledRules' or 'enabledCategories'")
        selection = Selection(only=tuple(wanted), disable=tuple(disable))
    else:
        selection = Selection(only=None, enable=tuple(wanted), disable=tuple(disable))
    return Request(text, "en-US" if language.lower() == "auto" else language, selection)


def _sentence_starts(text: str) -> tuple[list[int], list[tuple[int, int]]]:
    from mtfix.text import sentences

    spans = sentences(text)
    return [s for s, _ in spans], spans


def to_matches(findings: list[Finding], request: Request, rules: Mapping) -> list[dict]:
    """LanguageTool's `matches` for findings in `request.text.checked`."""
    original = request.text.original
    u16 = Utf16(original)
    starts, spans = _sentence_starts(original)
    out = []
    for f in findings:
        start, end = request.text.to_original(f.start), request.text.to_original(f.end, end=True)
        if start is None or end is None or end < start:
            continue  # inside markup's stand-in text: nothing of the original to point at
        rule = rules.get(f.rule)
        lo, hi = max(0, start - CONTEXT), min(len(original), end + CONTEXT)
        ctx = re.sub(r"\s", " ", original[lo:hi])
        ctx16 = Utf16(ctx)
        i = bisect.bisect_right(starts, start) - 1
        sentence = original[spans[i][0] : spans[i][1]].strip() if i >= 0 else ""
        # LanguageTool clients apply replacements with one click and language-tool-python's
        # correct() applies them all: only fixes travel as replacements. A suggestion mtfix would
        # not apply itself (it may be wrong) is named in the message for the editor to judge.
        message = f.message if f.fixable or not f.replacements else f"{f.message} (perhaps: {', '.join(f.replacements)})"
        out.append({
            "message": message,
            "shortMessage": f.name.replace("-", " "),
            "replacements": [{"value": r} for r in f.replacements] if f.fixable else [],
            "offset": u16.to_utf16(start),
            "length": u16.to_utf16(end) - u16.to_utf16(start),
            "context": {"text": ctx, "offset": ctx16.to_utf16(start - lo), "length": ctx16.to_utf16(end - lo) - ctx16.to_utf16(start - lo)},
            "sentence": sentence,
            "type": {"typeName": "Other"},
            "rule": {
                "id": f.rule,
                "subId": f.name,
                "description": (rule.description.split("\n")[0] if rule and rule.description else f.message),
                "issueType": issue_type(f.category),
                "category": {"id": category_id(f.category), "name": category_name(f.category)},
            },
            "ignoreForIncompleteSentence": False,
            "contextForSureMatch": 0,
            "mtfix": {"severity": f.severity.value, "fix": f.fix.value if f.fix else None, "category": f.category},
        })
    return out


def response(matches: list[dict], request: Request) -> dict:
    code = request.language
    name = _LANGUAGE_NAMES.get(code.lower(), "English")
    return {
        "software": {"name": "mtfix", "version": __version__, "buildDate": None, "apiVersion": 1,
                     "premium": False, "status": ""},
        "warnings": {"incompleteResults": False},
        "language": {"name": name, "code": code, "detectedLanguage": {"name": name, "code": code, "confidence": 1.0}},
        "matches": matches,
    }


def to_findings(matches: list[dict], text: str) -> list[Finding]:
    """LanguageTool's matches for `text` as findings (`--languagetool`): code `LT:<RULE_ID>`, its
    replacements as unsafe fixes. Matches with offsets outside the text are dropped."""
    u16 = Utf16(text)
    out = []
    for m in matches:
        try:
            rule = m["rule"]
            start = u16.to_code_points(int(m["offset"]))
            end = u16.to_code_points(int(m["offset"]) + int(m["length"]))
            kind = str(rule.get("issueType", "other"))
            rid = str(rule["id"])
            repl = tuple(str(r["value"]) for r in m.get("replacements", [])[:5] if isinstance(r, dict) and "value" in r)
            message = str(m.get("message", ""))
        except (KeyError, TypeError, ValueError):
            continue
        if not 0 <= start <= end <= len(text):
            continue
        out.append(Finding(
            rule=f"LT:{rid}", name=rid.lower().replace("_", "-"), category=LT_CATEGORIES.get(kind, "style/awkward"),
            severity=LT_SEVERITIES.get(kind, Severity.MINOR), start=start, end=end, text=text[start:end],
            message=f"{message} (LanguageTool)", replacements=repl, fix=FixSafety.UNSAFE if repl else None,
        ))
    return out
