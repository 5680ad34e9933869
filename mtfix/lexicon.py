"""Word knowledge, loaded lazily and once: the English hunspell dictionary, wordfreq's English and
German frequency lists (read straight from the files wordfreq ships), and mtfix's own lists in
``rules/lexicon/``. Nothing here is touched by ``--help`` or by rules that do not need it."""

from __future__ import annotations

import gc
import gzip
import importlib.util
import marshal
import os
import re
import sys
from collections.abc import Callable, Set
from functools import cache
from itertools import chain, repeat
from pathlib import Path

from mtfix.rules import builtin_dir

NO_WORD = -1.0


@cache
def _hunspell():
    import hunspell

    return hunspell.Hunspell("en_US")


@cache
def _dic_entries() -> tuple[frozenset[str], frozenset[str]]:
    """(lowercase stems, capitalised stems lowercased) of the bundled en_US.dic."""
    import hunspell

    path = Path(hunspell.__file__).parent / "dictionaries" / "en_US.dic"
    lower, proper = set(), set()
    with open(path, encoding="utf-8", errors="replace") as fh:
        next(fh)
        for line in fh:
            stem = line.split("/", 1)[0].strip()
            if not stem:
                continue
            (proper.add(stem.lower()) if stem[0].isupper() else lower.add(stem))
    return _permanent((frozenset(lower), frozenset(proper)))


# The rarest zipf each list is asked about: no German test looks below 2.0, so the German list keeps its
# 170,000 words at or above it (of 634,000), which loads in a tenth of the time. Lower a threshold
# under this and the floor must follow.
FLOOR = {"en": 1.0, "de": 2.0}


@cache
def _buckets(lang: str) -> dict[str, int]:
    """wordfreq's 'large' list as word → centibel bucket (zipf = 9 - bucket/100), down to FLOOR."""
    spec = importlib.util.find_spec("wordfreq")
    assert spec and spec.submodule_search_locations
    path = Path(spec.submodule_search_locations[0]) / "data" / f"large_{lang}.msgpack.gz"
    cached = _cache_path(path, lang)
    table = _read_cache(cached) if cached else None
    if table is None:
        table = _build(path, lang)
        if cached:
            _write_cache(cached, table)
    return _permanent(table)


def _build(path: Path, lang: str) -> dict[str, int]:
    import msgpack

    with gzip.open(path, "rb") as fh:
        data = msgpack.load(fh, raw=False, strict_map_key=False)
    buckets = data[1 : 2 + round((9 - FLOOR[lang]) * 100)]  # one dict built in C from two flat iterators: a third faster than per-bucket updates
    table = dict(zip(chain.from_iterable(buckets), chain.from_iterable(repeat(i, len(b)) for i, b in enumerate(buckets))))
    del data, buckets
    return table


# Building the lists' dicts is most of a run's fixed cost (the serial part of --jobs); a marshal copy
# of the built dict loads in half the time. It lives in the user's cache folder, is named after the
# source file's size and time, the floor and the Python version, and is used only if it reads back
# as a dict of str → int: a damaged or foreign file is rebuilt, never trusted. MTFIX_CACHE_DIR=off
# turns it off.
CACHE_ENV = "MTFIX_CACHE_DIR"


def _cache_path(source: Path, lang: str) -> Path | None:
    where = os.environ.get(CACHE_ENV)
    if where == "off":
        return None
    base = Path(where) if where else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "mtfix"
    try:
        st = source.stat()
    except OSError:
        return None
    py = f"{sys.version_info[0]}{sys.version_info[1]}m{marshal.version}"
    return base / f"wordfreq-{lang}-{FLOOR[lang]:g}-{st.st_size}-{st.st_mtime_ns}-py{py}.marshal"


def _read_cache(path: Path) -> dict[str, int] | None:
    try:
        with open(path, "rb") as fh:
            table = marshal.loads(fh.read(64 * 1024 * 1024))
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if type(table) is not dict or len(table) < 1000:
        return None
    sample = next(iter(table.items()))
    if type(sample[0]) is not str or type(sample[1]) is not int:
        return None
    return table


def _write_cache(path: Path, table: dict[str, int]) -> None:
    """Atomic, and silent when the cache folder cannot be written (read-only home, CI)."""
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".mtfix-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(marshal.dumps(table))
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass


def _permanent(obj):
    """Word lists hold millions of objects that live as long as the process: move them out of the
    garbage collector's view, or every full collection rescans them."""
    gc.collect()
    gc.freeze()
    return obj


_ZIPF: dict[str, dict[str, float]] = {"en": {}, "de": {}}  # per word form: the hot path of every check


def _zipf(lang: str, word: str) -> float:
    cache = _ZIPF[lang]
    z = cache.get(word)
    if z is None:
        b = _buckets(lang).get(word.casefold())  # wordfreq folds ß to ss
        z = NO_WORD if b is None else 9 - b / 100
        if len(cache) < 500_000:  # bounded for a 50 MB file of nonsense
            cache[word] = z
    return z


def zipf_en(word: str) -> float:
    return _zipf("en", word)


def zipf_de(word: str) -> float:
    return _zipf("de", word)


_LINKS = ("", "s", "es", "n", "en", "er", "e")


@cache
def german_compound(word: str) -> bool:
    """Splits into a known German modifier (+ linking element) and a known German head:
    Kindes|misshandlungen, Renn|gemeinschaft. Names (Shagivalev, Alabuga) do not split."""
    w = word.casefold()
    for i in range(3, len(w) - 3):
        head = w[i:]
        zde = zipf_de(head)
        # a head that is also a rare English word ('welt', 'tag') counts when German uses it far more
        if zde < 2.5 or (zipf_en(head) >= 2.5 and not (zde >= 3.5 and zde - zipf_en(head) >= 2)):
            continue
        for link in _LINKS:
            if link and not w[:i].endswith(link):
                continue
            mod = w[: i - len(link)] if link else w[:i]
            if len(mod) >= 3 and zipf_de(mod) >= 3.0:
                return True
    return False


@cache
def english(word: str) -> bool:
    """The en_US dictionary accepts the word as written (case matters: 'Iranische' is not English)."""
    try:
        return _hunspell().spell(word)
    except UnicodeEncodeError:  # the dictionary is Latin-1: 'Łódź' is not in it
        return False


def is_common_lowercase(word: str) -> bool:
    """A lowercase dictionary word ('drone', 'military'), not only a name ('Rose' is both)."""
    w = word.lower()
    lower, proper = _dic_entries()
    return w in lower or (english(w) and w not in proper)


def is_name(word: str) -> bool:
    """The dictionary lists the capitalised form: days, months, nationalities, places, given names."""
    return word.lower() in _dic_entries()[1]


@cache
def word_list(name: str) -> frozenset[str]:
    """A one-word-per-line list from rules/lexicon/ (``#`` starts a comment), lowercased."""
    out = set()
    with open(builtin_dir() / "lexicon" / name, encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip()
            if line:
                out.add(line.lower())
    return frozenset(out)


@cache
def glossary() -> dict[str, str]:
    """German lemma (lowercase) → English, from rules/lexicon/de-en.tsv."""
    return {de.lower(): en for de, en in pairs("de-en.tsv").items()}


@cache
def exonyms_abroad() -> dict[str, str]:
    """German names of places outside the German-speaking countries that are no English word
    (Lissabon → Lisbon, Südostasien → Southeast Asia): English copy that has one kept it untranslated.
    The 'Abroad' section of rules/lexicon/exonyms.tsv; 'Turin', 'China', 'Island' are English too."""
    out = {}
    for de, en in pairs("exonyms.tsv", section="Abroad").items():
        forms = en.split("|")
        if de not in forms and not english(de) and zipf_en(de.lower()) < 3.0:
            out[de] = forms[0]
    return out


@cache
def pairs(name: str, section: str | None = None) -> dict[str, str]:
    """A two-column list from rules/lexicon/ (``term<TAB>value``; lines starting ``#`` are comments).
    ``section``: only the rows under a comment that opens with ``# <section>:``, up to a blank line."""
    out = {}
    inside = section is None
    with open(builtin_dir() / "lexicon" / name, encoding="utf-8") as fh:
        for line in fh:
            if section is not None:
                if line.startswith(f"# {section}:"):
                    inside = True
                elif not line.strip():
                    inside = False
            if not inside or line.startswith("#") or "\t" not in line:
                continue
            key, value = line.rstrip("\n").split("\t", 1)
            out[key.strip()] = value.strip()
    return out


_ENDINGS = ("ischen", "ische", "ischer", "isches", "ischem", "ern", "en", "er", "es", "em", "e", "n", "s")
_UMLAUT = str.maketrans("äöü", "aou")


def translate(word: str) -> str | None:
    """An English suggestion for a German word form: exact, or after stripping inflection and umlaut
    plurals. A compound whose whole is unknown gets none: its head alone ('Bayernwerk' → 'plant') or a
    misread head ('Verkehrswende' → 'end') is a wrong suggestion, and none is better than a wrong one."""
    mods, _, head = word.rpartition("-")
    if mods and all(_ACRONYM.fullmatch(m) for m in mods.split("-")):
        en = translate(head)  # VW-Krise → VW crisis, US-Präsident → US president: English writes two words
        return f"{mods.replace('-', ' ')} {en}" if en and not en[:1].isupper() else None
    g = glossary()
    for cand, plural in _lemmas(word.lower()):
        if cand in g:
            en = g[cand]
            head, _, last = en.rpartition(" ")
            if plural and word[:1].isupper() and last.isalpha() and last.islower():
                en = (head + " " if head else "") + _english_plural(last)  # Gespräche → talks, Sparpläne → savings plans
            return _match_case(word, en)
    return None


_ACRONYM = re.compile(r"[A-ZÄÖÜ][A-ZÄÖÜ0-9]{1,4}")
_PLURAL_ENDINGS = ("e", "en", "n", "er")  # a noun's plural; -s/-es on a noun is mostly the genitive


def _lemmas(w: str):
    """(candidate lemma, whether the word is a noun plural of it), the word itself first."""
    yield w, False
    for end in _ENDINGS:
        if w.endswith(end) and len(w) - len(end) >= 3:
            stem = w[: -len(end)]
            if end.startswith("isch"):
                yield stem + "isch", False
            yield stem, end in _PLURAL_ENDINGS
            yield stem.translate(_UMLAUT), end in _PLURAL_ENDINGS or stem.translate(_UMLAUT) != stem


def _english_plural(noun: str) -> str:
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def _match_case(src: str, en: str) -> str:
    """German capitalises nouns; English does not, so only ALL CAPS carries over."""
    return en.upper() if src.isupper() and len(src) > 1 else en


class WordVerdicts:
    """A yes/no question about a word alone, asked once per word per process. Most words of an
    article are known after the first few articles, so a document is then decided by two set
    operations in C instead of a Python loop over its tokens."""

    def __init__(self, test: Callable[[str], bool]) -> None:
        self.test = test
        self.seen: set[str] = set()
        self.yes: set[str] = set()

    def among(self, words: Set[str]) -> set[str]:
        """The words for which the answer is yes."""
        new = words - self.seen
        fresh = {w for w in new if self.test(w)}
        if len(self.seen) < 500_000:  # bounded: a 50 MB file of nonsense must not eat memory
            self.seen.update(new)
            self.yes.update(fresh)
        return (words & self.yes) | fresh
