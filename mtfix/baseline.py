"""Baselines: accept today's findings and fail only on new ones. A finding is matched by its rule
and a fingerprint of its text with some context around it, never by line number, so editing above
a baselined finding keeps it baselined. The context is taken from the finding's own line only, so a
headline inserted above a baselined first line changes nothing either."""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from pathlib import Path

from mtfix.errors import MtfixError

SCHEMA = "mtfix-baseline/2"  # 2: context from the finding's line only
CONTEXT = 24  # characters on each side that make a fingerprint


def fingerprint(text: str, start: int, end: int, rule: str) -> str:
    """Rule, text and up to three words each side, from the finding's own line only (a finding that
    takes its whole line has no context after it). Only CONTEXT characters each side are looked at,
    so the cost does not grow with the file."""
    before = _LINE_BREAK.split(text[max(0, start - CONTEXT) : start])[-1]
    after = "" if end and text[end - 1] in "\r\n" else _LINE_BREAK.split(text[end : end + CONTEXT])[0]
    before = " ".join(before.split()[-3:])
    after = " ".join(after.split()[:3])
    key = "\x1f".join((rule, before, " ".join(text[start:end].split()), after))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _key(path: str, base: Path) -> str:
    return Path(os.path.relpath(os.path.abspath(path), base)).as_posix()


def write(path: str, reports) -> int:
    from mtfix.writing import atomic_write

    base = Path(path).resolve().parent
    entries = [
        {"path": _key(r.path, base), "rule": f.rule, "fingerprint": f.extra["fingerprint"], "text": f.text}
        for r in reports for f in r.findings
    ]
    atomic_write(path, (json.dumps({"schema": SCHEMA, "findings": entries}, ensure_ascii=False, indent=1) + "\n").encode())
    return len(entries)


def load(path: str) -> Counter:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as e:
        raise MtfixError(f"{path}: cannot read baseline: {e.strerror or e}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise MtfixError(f"{path}: not a baseline file ({e})") from None
    except RecursionError:
        raise MtfixError(f"{path}: not a baseline file (nested too deeply)") from None
    if isinstance(data, dict) and data.get("schema") == "mtfix-baseline/1":
        raise MtfixError(f"{path}: a baseline of an older mtfix (mtfix-baseline/1, whose fingerprints a new block "
                         "above could break): write it again with --write-baseline")
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("findings"), list):
        raise MtfixError(f"{path}: not a baseline file (expected schema {SCHEMA})")
    try:
        return Counter((e["path"], e["rule"], e["fingerprint"]) for e in data["findings"])
    except (KeyError, TypeError):
        raise MtfixError(f"{path}: malformed baseline entry") from None


def filter_new(path: str, reports) -> int:
    """Drop baselined findings from the reports (each entry absorbs one finding); returns how many."""
    known = load(path)
    base = Path(path).resolve().parent
    dropped = 0
    for r in reports:
        kept = []
        for f in r.findings:
            k = (_key(r.path, base), f.rule, f.extra["fingerprint"])
            if known[k] > 0:
                known[k] -= 1
                dropped += 1
            else:
                kept.append(f)
        r.findings = kept
    return dropped
