"""The word lists' cache: the same dict as built from wordfreq's file, and never trusted blindly."""

from __future__ import annotations

import marshal

from mtfix import lexicon

build = lexicon._buckets.__wrapped__  # the uncached loader


def test_the_cache_gives_the_built_list_and_a_damaged_one_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv(lexicon.CACHE_ENV, str(tmp_path))
    first = build("de")  # builds and writes the cache
    files = list(tmp_path.glob("wordfreq-de-*.marshal"))
    assert len(files) == 1 and not list(tmp_path.glob(".mtfix-*"))
    assert build("de") == first and min(9 - b / 100 for b in first.values()) >= lexicon.FLOOR["de"]
    for damage in (b"", b"\x00garbage", marshal.dumps({"x": "not a bucket"} | {str(i): i for i in range(2000)}),
                   marshal.dumps(list(range(5000)))):
        files[0].write_bytes(damage)
        assert build("de") == first  # rebuilt from wordfreq's file, and written again
        assert lexicon._read_cache(files[0]) == first


def test_the_cache_can_be_turned_off_and_an_unwritable_folder_is_no_error(tmp_path, monkeypatch):
    monkeypatch.setenv(lexicon.CACHE_ENV, "off")
    assert len(build("de")) > 100_000
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv(lexicon.CACHE_ENV, str(blocked / "cache"))
    assert len(build("de")) > 100_000
