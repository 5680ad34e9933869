"""Markdown: prose is checked, code, URLs, comments and front matter are not; offsets stay exact."""

from __future__ import annotations

from tests.conftest import check_text

MD = """---
title: 90 % sure
---
# the drone factory

It rose by 90 % in a year. See `90 %` and https://example.com/90%20% for details.

<!-- 90 % hidden -->

```
code 90 % here
```

- A list item with $ 5 inside.

| Column | Value |
|--------|-------|
| share  | 80 %  |
"""


def test_markdown_checks_prose_only(checker):
    found = check_text(checker, MD, "markdown")
    for f in found:
        assert MD[f.start : f.end] == f.text
    spans = [(f.rule, MD.count("\n", 0, f.start) + 1) for f in found]
    assert ("MT301", 6) in spans  # paragraph
    assert ("MT302", 14) in spans  # list item
    assert ("MT301", 18) in spans  # table cell
    assert ("MT210", 4) in spans  # heading
    assert not [s for s in spans if s[1] in (2, 8, 11)]  # front matter, comment, fence
    assert len([s for s in spans if s == ("MT301", 6)]) == 1  # not the inline code or the URL
