"""`mtfix lsp` driven by pygls' own client over stdio, as an editor would drive it."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytest.importorskip("pygls", reason="the lsp extra is not installed")
from lsprotocol import types  # noqa: E402
from pygls.lsp.client import LanguageClient  # noqa: E402

TEXT = "# Prices\n\n👍 Prices rose by 90 % and cost $ 5 in the Iranische city.\n"


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """Apply LSP edits as an editor does: UTF-16 positions, last edit first."""
    lines = text.split("\n")

    def offset(p: types.Position) -> int:
        line = lines[p.line] if p.line < len(lines) else ""
        units, i = 0, 0
        while i < len(line) and units < p.character:
            units += 2 if ord(line[i]) > 0xFFFF else 1
            i += 1
        return sum(len(x) + 1 for x in lines[: p.line]) + i

    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: offset(e.range.start)] + e.new_text + text[offset(e.range.end):]
        lines = text.split("\n")
    return text


class Editor:
    def __init__(self, client: LanguageClient) -> None:
        self.client = client
        self.diagnostics: dict[str, asyncio.Queue] = {}

    def queue(self, uri: str) -> asyncio.Queue:
        return self.diagnostics.setdefault(uri, asyncio.Queue())

    async def next_diagnostics(self, uri: str) -> list[types.Diagnostic]:
        return (await self.next_publish(uri)).diagnostics

    async def next_publish(self, uri: str) -> types.PublishDiagnosticsParams:
        return await asyncio.wait_for(self.queue(uri).get(), timeout=120)


async def session(folder: Path, script):
    client = LanguageClient("test-editor", "1")
    editor = Editor(client)

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(params: types.PublishDiagnosticsParams) -> None:
        editor.queue(params.uri).put_nowait(params)

    await client.start_io(sys.executable, "-m", "mtfix", "lsp", "--no-syntax", cwd=str(folder),
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    await client.initialize_async(types.InitializeParams(
        process_id=os.getpid(), root_uri=folder.as_uri(), capabilities=types.ClientCapabilities()))
    client.initialized(types.InitializedParams())
    try:
        return await script(client, editor)
    finally:
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()


def open_doc(client: LanguageClient, uri: str, text: str, language: str = "markdown") -> None:
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))


def test_diagnostics_code_actions_and_hover(tmp_path):
    path = tmp_path / "article.md"
    path.write_text(TEXT, encoding="utf-8")
    uri = path.as_uri()

    async def script(client, editor):
        open_doc(client, uri, TEXT)
        diags = await editor.next_diagnostics(uri)
        by_code = {d.code: d for d in diags}
        assert {"MT301", "MT302", "MT101"} <= set(by_code)
        pct = by_code["MT301"].range  # UTF-16: the emoji before it counts 2
        line = TEXT.split("\n")[2]
        assert (pct.start.line, pct.start.character) == (2, len(line[: line.index("90 %")].encode("utf-16-le")) // 2)

        actions = await client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=pct,
            context=types.CodeActionContext(diagnostics=[by_code["MT301"]])))
        quick = [a for a in actions if a.kind == types.CodeActionKind.QuickFix]
        assert [a.title for a in quick] == ["Fix: “90 %” → “90%” (MT301)"]
        assert apply(TEXT, quick[0].edit.changes[uri]) == TEXT.replace("90 %", "90%")

        fix_all = next(a for a in actions if a.kind == "source.fixAll.mtfix")
        expected = subprocess.run([sys.executable, "-m", "mtfix", "fix", str(path)], cwd=ROOT,
                                  capture_output=True, text=True).stdout
        assert apply(TEXT, fix_all.edit.changes[uri]) == expected != TEXT

        hover = await client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=pct.start))
        assert "MT301" in hover.contents.value and "✗" in hover.contents.value

        # a change is checked after a pause in typing; the fixed text has no MT301
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=TEXT.replace("90 %", "90%"))]))
        diags = await editor.next_diagnostics(uri)
        assert "MT301" not in {d.code for d in diags} and "MT302" in {d.code for d in diags}

        # stale findings never edit: after a change, actions wait for the new check
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=3),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text="New text, 7 %.\n")]))
        stale = await client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=pct,
            context=types.CodeActionContext(diagnostics=[])))
        assert not stale
        diags = await editor.next_diagnostics(uri)
        assert [d.code for d in diags] == ["MT301"]

        # typing: quick changes are checked once, at the last version
        for version, pct in ((4, "1 %"), (5, "12 %"), (6, "12 % and $ 3")):
            client.text_document_did_change(types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=f"New text, {pct}.\n")]))
        published = await editor.next_publish(uri)
        assert published.version == 6 and {d.code for d in published.diagnostics} == {"MT301", "MT302"}
        assert editor.queue(uri).empty()

        # saving checks at once
        client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
        assert (await editor.next_publish(uri)).version == 6

    asyncio.run(session(tmp_path, script))


def test_configuration_is_found_as_the_cli_finds_it(tmp_path):
    sub = tmp_path / "desk"
    sub.mkdir()
    (sub / "mtfix.toml").write_text('ignore = ["MT301"]\n', encoding="utf-8")
    inside, outside = sub / "a.txt", tmp_path / "b.txt"
    text = "Prices rose by 90 % and cost $ 5.\n"

    async def script(client, editor):
        open_doc(client, inside.as_uri(), text, "plaintext")
        open_doc(client, outside.as_uri(), text, "plaintext")
        return ({d.code for d in await editor.next_diagnostics(inside.as_uri())},
                {d.code for d in await editor.next_diagnostics(outside.as_uri())})

    got_inside, got_outside = asyncio.run(session(tmp_path, script))
    assert got_inside == {"MT302"} and got_outside == {"MT301", "MT302"}
