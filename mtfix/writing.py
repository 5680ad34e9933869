"""Writing results without losing anything: atomic replace, and diffs for review."""

from __future__ import annotations

import difflib
import os
import signal
import tempfile
import threading

from mtfix.errors import InputError


def snapshot(path: str) -> tuple[int, int, int, int] | None:
    """What identifies a file's contents cheaply: device, inode, size and modification time."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns


def atomic_write(path: str, data: bytes, unchanged_since: tuple[int, int, int, int] | None = None) -> None:
    """Temp file in the same folder, fsync, rename: readers see the old or the new file, never half.

    A symlink is followed, so its target is rewritten and the link stays. A file that is read-only,
    has other hard links (a rename would split them) or changed since ``unchanged_since`` (an edit
    made while mtfix ran) is refused and left alone. The owner and mode carry over; a new file gets
    the permissions ``open()`` would give it. The temp file is named ``.mtfix-<name>-*.tmp`` and is
    removed on any error, Ctrl-C or SIGTERM."""
    target = os.path.realpath(path)
    folder = os.path.dirname(target)
    try:
        st = os.stat(target) if os.path.exists(target) else None
        if st is not None:
            if not st.st_mode & 0o222:
                raise InputError(path, "read-only file: not rewritten")
            if st.st_nlink > 1:
                raise InputError(path, f"has {st.st_nlink} hard links; rewriting would split them (write elsewhere with -o)")
        fd, tmp = tempfile.mkstemp(prefix=f".mtfix-{os.path.basename(target)}-", suffix=".tmp", dir=folder)
        previous = _terminate_as_interrupt()
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            if st is not None:
                os.chmod(tmp, st.st_mode & 0o7777)
                try:
                    os.chown(tmp, st.st_uid, st.st_gid)
                except PermissionError:
                    pass  # not ours to give away: the file keeps its mode, the new owner is us
            else:
                os.chmod(tmp, 0o666 & ~_umask())
            if unchanged_since is not None and snapshot(target) != unchanged_since:
                raise InputError(path, "changed while mtfix was running; left as it is, nothing written")
            os.replace(tmp, target)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
        finally:
            _restore(previous)
    except OSError as e:
        raise InputError(path, f"cannot write: {e.strerror}") from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _terminate_as_interrupt():
    """Turn SIGTERM into KeyboardInterrupt while a temp file exists, so it is cleaned up."""
    if threading.current_thread() is not threading.main_thread():
        return None

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    return signal.signal(signal.SIGTERM, interrupt)


def _restore(previous) -> None:
    if previous is not None:
        signal.signal(signal.SIGTERM, previous)


def unified_diff(old: str, new: str, path: str) -> str:
    """A patch that `git apply` and `patch` accept, also for a file without a final newline."""
    out = []
    for line in difflib.unified_diff(old.splitlines(True), new.splitlines(True), f"a/{path}", f"b/{path}"):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)
