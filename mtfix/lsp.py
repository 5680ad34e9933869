"""`mtfix lsp`: a language server, so editors (VS Code, Neovim, Helix, Zed, Emacs) show mtfix's
findings as you type, as they do vale-ls's and ltex-ls's.

Findings are code points into the text; LSP positions are UTF-16 code units per line, so every
position crosses that line here. Checks run in a thread, one at a time (a checker is not
re-entrant), so the server keeps reading messages while a long document is checked; a change
waits for a short pause in typing before it is checked. pygls is an optional extra (`mtfix[lsp]`).
"""

from __future__ import annotations

import asyncio
import bisect
import re
import threading
from dataclasses import dataclass
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from mtfix import __version__
from mtfix.engine import fix_text, parse
from mtfix.errors import MtfixError
from mtfix.finding import Finding, Severity
from mtfix.source import Source, format_for
from mtfix.utf16 import Utf16

DEBOUNCE = 0.3  # seconds of quiet after a change before it is checked
_SEVERITY = {Severity.CRITICAL: types.DiagnosticSeverity.Error, Severity.MAJOR: types.DiagnosticSeverity.Warning,
             Severity.MINOR: types.DiagnosticSeverity.Information}
_FORMATS = {"markdown": "markdown", "html": "html", "plaintext": "text"}
FIX_ALL = "source.fixAll.mtfix"


class Positions:
    """Code-point offsets of one text ↔ LSP (line, UTF-16 character)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.u16 = Utf16(text)

    def to_lsp(self, offset: int) -> types.Position:
        line = bisect.bisect_right(self.starts, offset) - 1
        return types.Position(line=line, character=self.u16.to_utf16(offset) - self.u16.to_utf16(self.starts[line]))

    def to_offset(self, pos: types.Position) -> int:
        """A position past its line's end clamps to the end, as LSP asks."""
        if pos.line >= len(self.starts):
            return len(self.text)
        start = self.starts[pos.line]
        end = self.starts[pos.line + 1] - 1 if pos.line + 1 < len(self.starts) else len(self.text)
        return min(self.u16.to_code_points(self.u16.to_utf16(start) + pos.character), end)

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.to_lsp(start), end=self.to_lsp(end))


@dataclass
class Checked:
    version: int | None
    text: str
    findings: list[Finding]
    positions: Positions
    source: Source


def path_of(uri: str) -> str:
    p = urlparse(uri)
    return unquote(p.path) if p.scheme == "file" else uri


class MtfixLanguageServer(LanguageServer):
    def __init__(self, config: str | None = None, no_syntax: bool = False) -> None:
        super().__init__("mtfix", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        from mtfix.session import Options, Session

        self.session = Session(Options(config_file=config, no_syntax=no_syntax))
        self.checked: dict[str, Checked] = {}
        self._lock = threading.Lock()
        self._pending: dict[str, asyncio.Task] = {}

    def _checker(self, path: str):
        return self.session.checker_for(self.session.config_for(path))

    def _source(self, uri: str) -> tuple[Source, int | None]:
        doc = self.workspace.get_text_document(uri)
        path = path_of(uri)
        fmt = _FORMATS.get(doc.language_id or "", format_for(path))
        return Source(path, doc.source, False, fmt), doc.version

    def check_now(self, uri: str) -> None:
        """Check the document as it is now and publish its diagnostics (runs in a worker thread)."""
        source, version = self._source(uri)
        with self._lock:
            try:
                findings = self._checker(source.path).check(parse(source))
            except MtfixError as e:  # a configuration or input the CLI would refuse: say it once
                self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=f"mtfix: {e}"))
                findings = []
        positions = Positions(source.text)
        self.checked[uri] = Checked(version, source.text, findings, positions, source)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=version, diagnostics=[diagnostic(f, positions) for f in findings]))

    async def check(self, uri: str, delay: float = 0.0) -> None:
        if delay:
            await asyncio.sleep(delay)
        await asyncio.get_running_loop().run_in_executor(None, self.check_now, uri)

    def schedule(self, uri: str, delay: float) -> None:
        """Check after `delay`, cancelling a check still waiting for the same document."""
        old = self._pending.pop(uri, None)
        if old is not None:
            old.cancel()
        self._pending[uri] = asyncio.get_running_loop().create_task(self.check(uri, delay))


def diagnostic(f: Finding, positions: Positions) -> types.Diagnostic:
    message = f.message
    if f.replacements:
        message += f" → {f.replacements[0]!r}" if f.replacements[0] else " → delete"
    return types.Diagnostic(range=positions.range(f.start, f.end), message=message, severity=_SEVERITY[f.severity],
                            code=f.rule, source="mtfix", data={"start": f.start, "end": f.end, "rule": f.rule})


def _quoted(s: str) -> str:
    return f"“{s}”" if s else "(delete)"


def create(config: str | None = None, no_syntax: bool = False) -> MtfixLanguageServer:
    server = MtfixLanguageServer(config, no_syntax)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: MtfixLanguageServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: MtfixLanguageServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, DEBOUNCE)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls: MtfixLanguageServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: MtfixLanguageServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.checked.pop(uri, None)
        task = ls._pending.pop(uri, None)
        if task is not None:
            task.cancel()
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]))
    def code_action(ls: MtfixLanguageServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        state = ls.checked.get(uri)
        current = ls.workspace.get_text_document(uri).source
        if state is None or state.text != current:
            return []  # findings of an older text would edit the wrong place
        lo, hi = state.positions.to_offset(params.range.start), state.positions.to_offset(params.range.end)
        actions = []
        for f in state.findings:
            if not f.fixable or f.end < lo or f.start > hi:
                continue
            edit = types.TextEdit(range=state.positions.range(f.start, f.end), new_text=f.replacements[0])
            actions.append(types.CodeAction(
                title=f"Fix: {_quoted(f.text)} → {_quoted(f.replacements[0])} ({f.rule}{', unsafe' if f.fix.value == 'unsafe' else ''})",
                kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic(f, state.positions)],
                is_preferred=f.fix.value == "safe", edit=types.WorkspaceEdit(changes={uri: [edit]})))
        if any(f.fixable and f.fix.value == "safe" for f in state.findings):
            with ls._lock:
                fixed, _ = fix_text(state.source, ls._checker(state.source.path))
            if fixed != state.text:
                whole = state.positions.range(0, len(state.text))
                actions.append(types.CodeAction(
                    title="Fix all safe mtfix findings", kind=FIX_ALL,
                    edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(range=whole, new_text=fixed)]})))
        return actions

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: MtfixLanguageServer, params: types.HoverParams) -> types.Hover | None:
        state = ls.checked.get(params.text_document.uri)
        if state is None:
            return None
        at = state.positions.to_offset(params.position)
        here = [f for f in state.findings if f.start <= at < max(f.end, f.start + 1)]
        if not here:
            return None
        rules = ls._checker(state.source.path).rules
        parts = []
        for f in here:
            rule = rules.get(f.rule)
            lines = [f"**{f.rule} {f.name}** ({f.category}, {f.severity.value})", "", f.message]
            if f.replacements:
                lines.append(f"Suggestion: {_quoted(f.text)} → {_quoted(f.replacements[0])}"
                             + (f" ({f.fix.value} fix)" if f.fix else ""))
            if rule is not None:
                if rule.description:
                    lines += ["", rule.description]
                for b in rule.bad[:2]:
                    lines.append(f"- ✗ {b.text}")
                for g in rule.good[:2]:
                    lines.append(f"- ✓ {g}")
            parts.append("\n".join(lines))
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
                           range=state.positions.range(here[0].start, here[0].end))

    return server


def run(config: str | None, no_syntax: bool) -> None:
    create(config, no_syntax).start_io()
