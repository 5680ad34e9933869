"""Code points ↔ UTF-16 code units. mtfix counts code points (Python strings); LanguageTool's
API, LSP and JavaScript count UTF-16 units, where an emoji is two. Only astral characters differ."""

from __future__ import annotations

import bisect
import re


class Utf16:
    """Code-point offsets of one text to UTF-16 offsets and back. Only astral characters (emoji)
    differ, and they are rare, so only their positions are kept."""

    _ASTRAL = re.compile("[\U00010000-\U0010ffff]")

    def __init__(self, text: str) -> None:
        self.astral = [m.start() for m in self._ASTRAL.finditer(text)]

    def to_utf16(self, cp: int) -> int:
        return cp + bisect.bisect_left(self.astral, cp)

    def to_code_points(self, u: int) -> int:
        """Inverse of to_utf16; an offset inside a surrogate pair rounds down to its character."""
        lo, hi = 0, len(self.astral)
        while lo < hi:  # the number of astral characters whose UTF-16 position is before u
            mid = (lo + hi) // 2
            if self.astral[mid] + mid < u:
                lo = mid + 1
            else:
                hi = mid
        return u - lo
