"""Pausing the garbage collector while one long document is read and checked.

Checking allocates millions of small objects (tokens, matches, findings) that hold no reference
cycles. Each batch of them set off a collection of everything alive, and everything alive grows with
the document: a 9 MB file cost 1.4 times as much per MB as a 1 MB one. Paused for one document, the
cost is linear; memory is bounded by the document, and whatever cycles it made are collected when
the pause ends."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

LONG = 100_000  # characters: below this a document is done before the collector would matter


@contextmanager
def paused(size: int) -> Iterator[None]:
    pause = size > LONG and gc.isenabled()
    if pause:
        gc.disable()
    try:
        yield
    finally:
        if pause:
            gc.enable()
