"""Where a Vietnamese line may break: between words, never inside one.

Vietnamese writes a space between syllables, not between words: "Đảng bộ", "dân tộc",
"toàn quốc" are one word each, and a banner that breaks "Đảng / bộ" reads wrong from
across the street. `units` groups the syllables of a line of text into the pieces a line
break must not split:

- words of the compound list `data/tu-ghep-khau-hieu.txt` (the longest match, read from the
  end of the text; tone marks compared loosely so "hoà" and "hòa" are the same word);
- proper names: capitalised syllables in a row that are not a listed word ("Việt Nam",
  "Hồ Chí Minh", "Bắc Ninh");
- numbers with what they count: "lần thứ XIII", "nhiệm kỳ 2020 - 2025", "Đại hội XIII";
- a dash starts no line ("Việt Nam -" / "Người lãnh đạo").

Why a list and not a segmenter: underthesea and pyvi segment general text with
statistical models (pyvi pulls in scikit-learn and a 30 MB wheel of pickled models;
underthesea downloads models at run time), far more than the fixed vocabulary of
slogans needs, and the build must install on an editor's Windows PC. A wrong or
missing entry costs only a less good break; an editor who sees one adds the word to the
list. tests/text/test_linebreak.py checks the sample slogans against a hand-segmented copy.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

COMPOUNDS = Path(__file__).resolve().parent / "data" / "tu-ghep-khau-hieu.txt"
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_EDGE = re.compile(r"^[^\w]+|[^\w]+$", re.U)
_ROMAN = re.compile(r"^[IVXLCDM]+$")
_NUMBER = re.compile(r"^\d+([./]\d+)*$")
DASHES = ("-", "–", "—")


def _plain(syllable: str) -> str:
    """Lower case, no tone mark, no punctuation at either end (letters like ơ, â, đ stay)."""
    core = _EDGE.sub("", syllable).lower()
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", core) if c not in _TONES))


def _key(syllables) -> str:
    return " ".join(_plain(s) for s in syllables)


# Words a number or a Roman numeral after them belongs to ("lần thứ XIII", "nhiệm kỳ 2020 - 2025").
COUNTED = {_key(w.split()) for w in ("lần thứ", "khóa", "nhiệm kỳ", "số", "năm", "đại hội", "thứ")}


@lru_cache(maxsize=1)
def compounds() -> tuple[frozenset[str], int]:
    words = set()
    for line in COMPOUNDS.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.add(_key(line.split()))
    return frozenset(words), max(len(w.split()) for w in words)


def _closed(syllable: str) -> bool:
    """A syllable with punctuation after it ends a phrase: no word runs past it."""
    return bool(re.search(r"[,.;:!?)”\"]$", syllable))


def _is_number(syllable: str) -> bool:
    core = _EDGE.sub("", syllable)
    return bool(core) and (_NUMBER.match(core) is not None or _ROMAN.match(core) is not None)


def _capital(syllable: str) -> bool:
    core = _EDGE.sub("", syllable)
    return bool(core) and core[0].isupper() and not _ROMAN.match(core)


def words(text: str) -> list[list[str]]:
    """The syllables of `text` as words: the longest listed compound ending at each place,
    read from the end (backward matching is the better rule for Vietnamese: "đoàn kết toàn
    dân tộc" is "toàn / dân tộc", not "toàn dân / tộc"), else one syllable."""
    syllables = unicodedata.normalize("NFC", text).split()
    known, longest = compounds()
    out, j = [], len(syllables)
    while j > 0:
        size = 1
        for n in range(min(longest, j), 1, -1):
            run = syllables[j - n:j]
            if not any(_closed(s) for s in run[:-1]) and _key(run) in known:
                size = n
                break
        out.append(syllables[j - size:j])
        j -= size
    return out[::-1]


def units(text: str) -> list[str]:
    """The syllables of `text` grouped into the pieces a line break must not split, in order."""
    out: list[list[str]] = []
    names: list[bool] = []          # is the piece a proper name being built (capitalised syllables)?
    for n, word in enumerate(words(text)):
        first = word[0]
        prev = out[-1] if out else None
        name = len(word) == 1 and _capital(first) and n > 0      # the text's first word is capitalised as a sentence
        if prev is not None and not _closed(prev[-1]):
            glue = (first in DASHES                                            # a dash starts no line
                    or (prev[-1] in DASHES and _is_number(first))              # "2020 - 2025"
                    or (_is_number(first) and (_key(prev[-2:]) in COUNTED or _key(prev[-1:]) in COUNTED
                                               or _is_number(prev[-1])))
                    or (name and names[-1] and _capital(prev[-1])))            # "Việt Nam", "Hồ Chí Minh"
            if glue:
                prev.extend(word)
                continue
        out.append(list(word))
        names.append(name)
    return [" ".join(u) for u in out]
