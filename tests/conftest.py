from __future__ import annotations

from pathlib import Path

import pytest

from mtfix.engine import Checker, parse
from mtfix.rules import load_all
from mtfix.source import Source, decode

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_4884c0e8cb92d681.txt"
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def all_rules():
    return load_all()


@pytest.fixture(scope="session")
def checker(all_rules):
    return Checker(all_rules)


def check_text(checker: Checker, text: str, fmt: str = "text"):
    return checker.check(parse(Source("t", text, False, fmt)))


def source_of(path: Path) -> Source:
    return decode(str(path), path.read_bytes(), "markdown" if path.suffix == ".md" else "text")
