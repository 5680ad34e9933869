"""Folders of articles (issue 4, §6 and §8): unreadable files among them, --jobs."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SEED


def check(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mtfix", "check", "--no-syntax", "--format", "concise", *args],
                          capture_output=True, text=True, cwd=ROOT)


def test_binary_file_in_a_folder_is_skipped_and_the_rest_checked(tmp_path):
    for i in range(30):  # over PARALLEL_MIN_BYTES, so that --jobs 2 starts workers
        (tmp_path / f"a{i:02d}.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"abc\x00def")
    (tmp_path / "c.md").write_bytes(b"\xff\xfe not utf-8")
    out = {}
    for jobs in ("1", "2"):
        r = out[jobs] = check("--jobs", jobs, str(tmp_path))
        assert r.returncode == 1  # the seed's findings; the skipped files do not make it 2
        assert r.stderr.count(f"skipped {tmp_path / 'b.txt'}: binary file") == 1
        assert r.stderr.count(f"skipped {tmp_path / 'c.md'}: invalid UTF-8 at byte offset 0") == 1
        assert "a29.txt:" in r.stdout and "b.txt:" not in r.stdout
    assert out["1"].stdout == out["2"].stdout


def test_jobs_starts_workers_only_where_they_pay(tmp_path, monkeypatch):
    """A worker cannot beat one process on a few small files (bench/scale.py): below
    PARALLEL_MIN_BYTES, or for one file, no pool is started whatever --jobs says."""
    from mtfix import cli

    started = []
    real = cli._parallel
    monkeypatch.setattr(cli, "_parallel", lambda *a, **k: started.append(1) or real(*a, **k))
    text = SEED.read_text(encoding="utf-8")
    for i in range(3):
        (tmp_path / f"a{i}.txt").write_text(text, encoding="utf-8")
    for args, pool in ([str(tmp_path)], False), ([str(tmp_path / "a0.txt")], False):
        started.clear()
        with pytest.raises(SystemExit):
            cli.cli.main(["check", "--no-syntax", "--jobs", "2", *args], standalone_mode=False)
        assert bool(started) == pool
    for i in range(3, cli.PARALLEL_MIN_BYTES // len(text.encode()) + 2):
        (tmp_path / f"a{i}.txt").write_text(text, encoding="utf-8")
    started.clear()
    with pytest.raises(SystemExit):
        cli.cli.main(["check", "--no-syntax", "--jobs", "2", str(tmp_path)], standalone_mode=False)
    assert started


def test_nothing_readable_is_exit_2(tmp_path):
    (tmp_path / "b.txt").write_bytes(b"abc\x00def")
    r = check(str(tmp_path))
    assert r.returncode == 2 and "no file could be read (1 skipped)" in r.stderr


def test_a_named_binary_file_is_an_error(tmp_path):
    bad = tmp_path / "b.txt"
    bad.write_bytes(b"abc\x00def")
    r = check(str(bad), str(SEED))
    assert r.returncode == 2 and str(bad) in r.stderr and r.stderr.count("\n") == 1


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_exit_2_with_its_name(tmp_path):
    f = tmp_path / "locked.txt"
    f.write_text("The minister resigned.", encoding="utf-8")
    f.chmod(0)
    r = check(str(f))
    assert r.returncode == 2 and str(f) in r.stderr


def test_unreadable_file_reports_its_name_even_as_root(tmp_path, monkeypatch, capsys):
    from mtfix import cli

    f = tmp_path / "locked.txt"
    f.write_text("The minister resigned.", encoding="utf-8")
    real_open = open

    def deny(path, *a, **k):
        if str(path) == str(f):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *a, **k)

    monkeypatch.setattr("builtins.open", deny)
    monkeypatch.setattr(sys, "argv", ["mtfix", "check", "--no-syntax", str(f)])
    with pytest.raises(SystemExit) as e:
        cli.main()
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert str(f) in err and "ermission denied" in err and err.count("\n") == 1


def test_an_unreadable_subfolder_is_a_warning_not_silence(tmp_path, monkeypatch, capsys):
    """Issue 10 §23: a subfolder that cannot be listed was skipped without a word."""
    from mtfix import cli

    (tmp_path / "ok.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_text("The minister resigned.", encoding="utf-8")
    real = os.scandir

    def deny(path=".", *a, **k):  # as root, chmod 0 would not stop the listing
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return real(path, *a, **k)

    monkeypatch.setattr(os, "scandir", deny)
    with pytest.raises(SystemExit) as e:
        cli.cli.main(["check", "--no-syntax", "--format", "concise", str(tmp_path)], standalone_mode=False)
    err = capsys.readouterr().err
    assert e.value.code == 1 and f"warning: skipped {locked}: cannot list the folder: Permission denied" in err
    with pytest.raises(Exception) as e:  # the folder named outright: an error
        cli.cli.main(["check", "--no-syntax", str(locked)], standalone_mode=False)
    assert "cannot list the folder" in str(e.value) and str(locked) in str(e.value)
