"""Writing results without losing anything: atomic replace, and diffs for review."""

from __future__ import annotations

import difflib
import os
import tempfile

from mtfix.errors import InputError


def atomic_write(path: str, data: bytes) -> None:
    """Temp file in the same folder, fsync, rename: readers see the old or the new file, never half."""
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".mtfix-", dir=folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            if os.path.exists(path):
                os.chmod(tmp, os.stat(path).st_mode & 0o7777)
            os.replace(tmp, path)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
    except OSError as e:
        raise InputError(path, f"cannot write: {e.strerror}") from None


def unified_diff(old: str, new: str, path: str) -> str:
    return "".join(
        difflib.unified_diff(old.splitlines(True), new.splitlines(True), f"a/{path}", f"b/{path}")
    )
