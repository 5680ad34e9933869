"""`--languagetool URL`: LanguageTool's grammar and spelling findings beside mtfix's, in one report.

mtfix finds what machine translation leaves; LanguageTool finds ordinary grammar and spelling.
Each document's prose goes to a LanguageTool server as annotated text (markup parts skipped, so
offsets come back in the file's own terms, through Markdown and HTML alike), through
language-tool-python, which stays an optional GPL extra: this module is imported only when a
server is named.
"""

from __future__ import annotations

import bisect
import json
import re
import sys
import urllib.parse
from dataclasses import replace

from mtfix import ltapi
from mtfix.document import MASK, Document
from mtfix.engine import selects
from mtfix.errors import MtfixError
from mtfix.finding import Finding

TIMEOUT = 60  # seconds per request; language-tool-python's default is 300


def annotation(doc: Document) -> list[dict]:
    """The document as LanguageTool's annotated text: prose as text, everything mtfix masks
    (markup, code, URLs) as markup, standing for a paragraph break where it separates two blocks
    (HTML's `</p><p>` on one line) and for nothing inside one (`<b>`)."""
    parts, text, pos = [], doc.text, 0
    for m in re.finditer(f"{MASK}+", doc.masked):
        j, k = m.span()
        if j > pos:
            parts.append({"text": text[pos:j]})
        before, after = doc.block_at(j - 1) if j else None, doc.block_at(k) if k < len(text) else None
        apart = before is not None and after is not None and before is not after
        parts.append({"markup": text[j:k], "interpretAs": "\n\n" if apart else ""})
        pos = k
    if pos < len(text):
        parts.append({"text": text[pos:]})
    return parts


class Backend:
    """One LanguageTool server for a run. An unreachable server is said once; the run goes on with
    mtfix's findings unless the server is required."""

    def __init__(self, url: str, required: bool = False, language: str = "en-US") -> None:
        self.url, self.required, self.language = url, required, language
        self._tool = None
        self.failed: str | None = None

    def _connect(self):
        if self._tool is None:
            try:
                import language_tool_python as ltp
            except ImportError:
                raise MtfixError("--languagetool needs the languagetool extra: pip install 'mtfix[languagetool]'") from None
            self._tool = ltp.LanguageTool(self.language, remote_server=self.url)
            self._tool._TIMEOUT = TIMEOUT  # the client's own attribute; a hung server must not hang CI
        return self._tool

    def matches(self, doc: Document) -> list[Finding]:
        """LanguageTool's findings for the document, in code points of its text."""
        if self.failed or not doc.text.strip():
            return []
        try:
            tool = self._connect()
            # language-tool-python has no call for annotated text: its request builder and sender
            # carry `data` instead of `text`, so its encoding and error handling still apply.
            params = tool._create_params("")
            del params["text"]
            params["data"] = json.dumps({"annotation": annotation(doc)}, ensure_ascii=False)
            answer = tool._query_server(urllib.parse.urljoin(tool._url, "check"), params, method="post")
            found = answer["matches"] if isinstance(answer, dict) else None
            if not isinstance(found, list):
                raise ValueError("the answer has no 'matches' list")
        except MtfixError:
            raise
        except Exception as e:  # the library's errors, a refused connection, a foreign answer
            self.failed = _reason(e)
            if self.required:
                raise MtfixError(f"LanguageTool at {self.url} failed: {self.failed}") from None
            print(f"mtfix: warning: LanguageTool at {self.url} failed ({self.failed}); "
                  "reporting mtfix's findings only", file=sys.stderr)
            return []
        return [f.at(*doc.position(f.start)) for f in ltapi.to_findings(found, doc.text) if doc.is_prose(f.start, f.end)]


def _reason(e: BaseException) -> str:
    """One short clause: the library wraps a refused connection in three layers of messages."""
    chain = [e]
    while chain[-1].__cause__ is not None and len(chain) < 8:
        chain.append(chain[-1].__cause__)
    if any(isinstance(c, ConnectionError) or type(c).__name__ in ("ConnectionError", "NewConnectionError") for c in chain):
        return "cannot connect"
    if any(type(c).__name__ in ("Timeout", "ReadTimeout", "ConnectTimeout") for c in chain):
        return f"no answer within {TIMEOUT} s"
    text = " ".join(str(e).split())
    return (text[:150] + "…") if len(text) > 150 else text or type(e).__name__


def selected(f: Finding, select: list[str] | None, extend: list[str], ignore: list[str]) -> bool:
    """An LT finding against the run's selectors, as a rule would be: `--select LT`, `--ignore
    LT:EN_QUOTES`, a category or a dimension."""
    if select is not None and not any(selects(s, f, {}) for s in select + extend):
        return False
    return not any(selects(s, f, {}) for s in ignore)


def merge(own: list[Finding], lt: list[Finding]) -> list[Finding]:
    """mtfix's findings win where LanguageTool's overlap them; the mtfix finding names the
    LanguageTool rule that also fired there."""
    starts = [f.start for f in own]
    out, noted = list(own), {}
    for m in lt:
        k = bisect.bisect_left(starts, max(m.end, m.start + 1))  # own findings starting before m ends
        hit = next((i for i in range(k - 1, max(-1, k - 50), -1) if own[i].end > m.start
                    or (own[i].start == own[i].end == m.start)), None)
        if hit is None:
            out.append(m)
        else:
            noted.setdefault(hit, []).append(m.rule.removeprefix("LT:"))
    for i, ids in noted.items():
        f = out[i]
        out[i] = replace(f, message=f"{f.message} (LanguageTool: {', '.join(dict.fromkeys(ids))})",
                         extra={**f.extra, "languagetool": ids})
    return sorted(out, key=lambda f: (f.start, f.end, f.rule))
