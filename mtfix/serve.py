"""`mtfix serve`: LanguageTool's HTTP API over mtfix's checks, so that every LanguageTool client
(browser add-ons, LibreOffice, Obsidian, VS Code, language-tool-python) can use mtfix as its server.

The rules, word lists and parser load once in the server process; the checks run in forked worker
processes that inherit them, so two requests use two cores and the event loop never waits on a
check. Starlette and uvicorn are an optional extra (`mtfix[serve]`).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
from collections import OrderedDict
from concurrent.futures import ProcessPoolExecutor
from urllib.parse import parse_qs

from mtfix import __version__, ltapi
from mtfix.engine import Checker, parse
from mtfix.errors import MtfixError
from mtfix.source import Source

MAX_CHARS = 200_000  # of text per request; --max-chars
_FORM = "application/x-www-form-urlencoded"


class Engine:
    """The configuration found for the server's folder (or --config), and one checker per rule
    selection that requests ask for (a few distinct ones in practice, so they are kept)."""

    def __init__(self, config: str | None = None, no_syntax: bool = False, max_chars: int = MAX_CHARS) -> None:
        from mtfix.session import Options, Session

        session = Session(Options(config_file=config, no_syntax=no_syntax))
        self.cfg = session.config_for(".")
        self.base = session.checker_for(self.cfg)
        self.rules = self.base.rules
        self.syntax = self.cfg.syntax and not no_syntax
        self.max_chars = max_chars
        self._checkers: OrderedDict[ltapi.Selection, Checker] = OrderedDict()

    def checker(self, sel: ltapi.Selection) -> Checker:
        if sel == ltapi.Selection(only=None):
            return self.base
        if sel not in self._checkers:
            c = self.cfg
            self._checkers[sel] = Checker(
                self.rules, select=list(sel.only) if sel.only is not None else c.select,
                ignore=c.ignore + list(sel.disable), syntax=self.syntax, extend_select=c.extend_select + list(sel.enable),
                severity=c.severity, accept=c.accept, reject=c.reject,
            )
            if len(self._checkers) > 32:
                self._checkers.popitem(last=False)
        self._checkers.move_to_end(sel)
        return self._checkers[sel]

    def check(self, fields: dict[str, str]) -> tuple[int, dict]:
        """(HTTP status, JSON body) for one /v2/check request."""
        try:
            req = ltapi.parse_request(fields, self.rules, self.max_chars)
            doc = parse(Source("<request>", req.text.checked, False, "text"))
            findings = self.checker(req.selection).check(doc)
            return 200, ltapi.response(ltapi.to_matches(findings, req, self.rules), req)
        except ltapi.ApiError as e:
            return e.status, _error(e.status, str(e))
        except MtfixError as e:
            return 400, _error(400, str(e))
        except Exception as e:  # a bug: one line in the log, never a traceback in a response
            print(f"mtfix serve: internal error: {type(e).__name__}: {e}", file=sys.stderr)
            return 500, _error(500, "internal error")


def _error(status: int, message: str) -> dict:
    return {"error": {"status": status, "message": message}}


_ENGINE: Engine | None = None  # in the server and, by inheritance, in each forked worker


def _check(fields: dict[str, str]) -> tuple[int, dict]:
    assert _ENGINE is not None
    return _ENGINE.check(fields)


def _warm(_: int) -> int:
    return os.getpid()


def make_app(engine: Engine, workers: int):
    """The Starlette application. `workers` = 0 checks in a thread of this process instead (tests,
    and machines where fork is unavailable)."""
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    global _ENGINE
    _ENGINE = engine
    engine.check({"text": "A warm-up sentence that loads the word lists and the parser.", "language": "en-US"})
    pool = None
    if workers > 0:
        import multiprocessing

        if "fork" in multiprocessing.get_all_start_methods():
            pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
            list(pool.map(_warm, range(workers)))  # fork now, before the event loop has threads
    lock = asyncio.Lock() if pool is None else None  # a checker is not re-entrant

    async def read_fields(request: Request) -> dict[str, str]:
        fields = dict(request.query_params)
        if request.method == "POST":
            ctype = request.headers.get("content-type", _FORM).split(";")[0].strip().lower()
            if ctype != _FORM:
                raise ltapi.ApiError(415, f"send the fields as {_FORM}, as LanguageTool clients do (got {ctype})")
            limit = 4 * engine.max_chars + 64_000  # percent-encoding and the other fields
            declared = request.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limit:
                raise ltapi.ApiError(413, f"request body over {limit} bytes")
            body = bytearray()
            async for chunk in request.stream():
                body += chunk
                if len(body) > limit:
                    raise ltapi.ApiError(413, f"request body over {limit} bytes")
            try:
                parsed = parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False,
                                  max_num_fields=64, errors="strict")
            except (UnicodeDecodeError, ValueError) as e:
                raise ltapi.ApiError(400, f"the form body cannot be read: {e}") from None
            fields.update({k: v[-1] for k, v in parsed.items()})
        return fields

    async def check(request: Request) -> JSONResponse:
        try:
            fields = await read_fields(request)
        except ltapi.ApiError as e:
            return JSONResponse(_error(e.status, str(e)), status_code=e.status)
        loop = asyncio.get_running_loop()
        try:
            if pool is not None:
                status, body = await loop.run_in_executor(pool, _check, fields)
            else:
                async with lock:
                    status, body = await loop.run_in_executor(None, _check, fields)
        except Exception as e:  # a worker died: say so, never a traceback
            print(f"mtfix serve: worker failed: {type(e).__name__}: {e}", file=sys.stderr)
            status, body = 503, _error(503, "the check could not run; try again")
        return JSONResponse(body, status_code=status)

    async def languages(request: Request) -> JSONResponse:
        return JSONResponse(ltapi.LANGUAGES)

    async def health(request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok", "software": "mtfix", "version": __version__})

    async def http_error(request: Request, exc) -> JSONResponse:  # 404, 405: JSON like every answer
        status = getattr(exc, "status_code", 500)
        return JSONResponse(_error(status, getattr(exc, "detail", "error")), status_code=status)

    async def crashed(request: Request, exc: Exception) -> JSONResponse:
        print(f"mtfix serve: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return JSONResponse(_error(500, "internal error"), status_code=500)

    @contextlib.asynccontextmanager
    async def lifespan(app):
        yield
        if pool is not None:
            pool.shutdown(cancel_futures=True)

    routes = [
        Route("/v2/check", check, methods=["GET", "POST"]),
        Route("/v2/languages", languages, methods=["GET"]),
        Route("/v2/healthcheck", health, methods=["GET"]),
        Route("/health", health, methods=["GET"]),
    ]
    from starlette.exceptions import HTTPException

    return Starlette(routes=routes, exception_handlers={HTTPException: http_error, Exception: crashed},
                     lifespan=lifespan)


def run(host: str, port: int, workers: int, config: str | None, no_syntax: bool, max_chars: int) -> None:
    try:
        import uvicorn
    except ImportError:
        raise MtfixError("`mtfix serve` needs the serve extra: pip install 'mtfix[serve]'") from None
    engine = Engine(config, no_syntax, max_chars)
    app = make_app(engine, workers)
    print(f"mtfix serve: LanguageTool API on http://{host}:{port}/v2/ "
          f"({workers or 'no'} workers, parser {'on' if engine.syntax else 'off'}); Ctrl-C stops", file=sys.stderr, flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
