"""Properties that must hold for any input, not just the fixtures."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mtfix.engine import fix_text, parse
from mtfix.fixes import applicable
from mtfix.source import Source

PIECES = ["90 %", "$ 1.75", "two -stroke", "country .", "Iranische", "the Drone factory", "free yourself",
          "„quote“", "10. February", "  ", "\n", "\r\n", "Kommentare (0)\n", "And", "3,5 percent", "MÃ¼nchen", "🙂", "é"]
text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(min_size=1, max_size=12)), min_size=1, max_size=25).map("".join)
CFG = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@CFG
@given(text, st.sampled_from(["text", "markdown"]))
def test_offsets_match_text(checker, s, fmt):
    if not s.strip():
        return
    for f in checker.check(parse(Source("h", s, False, fmt))):
        assert 0 <= f.start < f.end <= len(s)
        assert s[f.start : f.end] == f.text


@CFG
@given(text)
def test_fix_is_idempotent_and_local(checker, s):
    if not s.strip():
        return
    src = Source("h", s, False, "text")
    fixed, applied = fix_text(src, checker, unsafe=True)
    again, _ = fix_text(Source("h", fixed, False, "text"), checker, unsafe=True)
    assert again == fixed
    # one round: text outside the applied spans is byte-identical
    once = applicable(checker.check(parse(src)), unsafe=True)
    if once:
        from mtfix.fixes import apply

        out, chosen = apply(s, once)
        pos_in, pos_out = 0, 0
        for f in chosen:
            keep = s[pos_in : f.start]
            assert out[pos_out : pos_out + len(keep)] == keep
            pos_out += len(keep) + len(f.replacements[0])
            pos_in = f.end
        assert out[pos_out:] == s[pos_in:]


@CFG
@given(st.lists(st.sets(st.sampled_from(["Iranische", "Kommentare", "drone", "Drone", "Moscow", "the", "hartz",
                                         "Alabuga", "kindergarten", "Gruppe", "zeitgeist", "wolfgang"])), max_size=6))
def test_word_verdicts_answer_as_the_test_would(batches):
    # The per-process memo behind the fast path must never change an answer, whatever came before.
    from mtfix import lexicon as lx
    from mtfix.detectors.capitals import _capitalised_common, _lowercase_non_word
    from mtfix.detectors.german import _german_somewhere

    for test in (_german_somewhere, _capitalised_common, _lowercase_non_word):
        verdicts = lx.WordVerdicts(test)
        for words in batches:
            assert verdicts.among(frozenset(words)) == {w for w in words if test(w)}
