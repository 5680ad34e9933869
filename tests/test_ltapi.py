"""LanguageTool's wire format: UTF-16 offsets and annotated text, as properties."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from mtfix.ltapi import annotated
from mtfix.utf16 import Utf16

TEXT = st.text(alphabet=st.sampled_from("ab .\n😀👍🏽é\u200b"), max_size=40)


@given(TEXT)
def test_utf16_offsets_round_trip(text):
    u = Utf16(text)
    for i in range(len(text) + 1):
        assert u.to_utf16(i) == len(text[:i].encode("utf-16-le")) // 2
        assert u.to_code_points(u.to_utf16(i)) == i


@given(st.lists(st.tuples(st.booleans(), TEXT, TEXT), max_size=8))
def test_annotated_text_maps_every_text_character_back(parts):
    annotation = [{"text": a} if is_text else {"markup": a, "interpretAs": b} for is_text, a, b in parts]
    a = annotated(json.dumps({"annotation": annotation}))
    assert a.original == "".join(p.get("text", p.get("markup")) for p in annotation)
    assert a.checked == "".join(p.get("text", p.get("interpretAs")) for p in annotation)
    c = o = 0
    for p in annotation:
        if "text" in p:
            for k, ch in enumerate(p["text"]):
                start, end = a.to_original(c + k), a.to_original(c + k + 1, end=True)
                assert (start, end) == (o + k, o + k + 1) and a.original[start:end] == ch
            c, o = c + len(p["text"]), o + len(p["text"])
        else:
            for k in range(1, len(p["interpretAs"])):  # strictly inside a stand-in: nothing to point at
                assert a.to_original(c + k) is None
            c, o = c + len(p["interpretAs"]), o + len(p["markup"])
