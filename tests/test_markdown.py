"""Markdown: prose is checked, code, URLs, comments and front matter are not; offsets stay exact."""

from __future__ import annotations

from mtfix.source import Source
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


def test_a_repeated_markdown_heading_is_found_and_deleted_with_its_marker(checker):
    """The repeat's line holds "## " as well as the heading: it was dropped as non-prose, so MT211 never
    fired in Markdown. Deleting the heading text alone would leave an empty "##"."""
    from mtfix.engine import fix_text

    text = "# Drone factory grows in Tatarstan\n\n## Drone factory grows in Tatarstan\n\nThe plant now runs day and night.\n"
    found = [f for f in check_text(checker, text, "markdown") if f.rule == "MT211"]
    assert [(f.line, f.text) for f in found] == [(3, "## Drone factory grows in Tatarstan\n\n")]
    fixed, _ = fix_text(Source("t.md", text, False, "markdown"), checker, False)
    assert fixed == "# Drone factory grows in Tatarstan\n\nThe plant now runs day and night.\n"


def test_a_line_deletion_never_takes_inline_html_with_it(checker):
    text = "<p>Drone factory grows in Tatarstan</p>\n\n<p>Drone factory grows in Tatarstan</p>\n\nMore text follows here.\n"
    assert not [f for f in check_text(checker, text, "markdown") if f.rule == "MT211"]
