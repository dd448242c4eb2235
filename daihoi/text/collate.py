"""Vietnamese alphabetical order: one sort key for every list a reader sees sorted.

Python's default order compares code points, so "Đ" (U+0110) comes after "T" and
"ă" after "z"; the Vietnamese alphabet is

    a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y

(f, j, w, z of foreign words take their Latin places), tones order letters that are
otherwise equal, as dictionaries do: ngang, huyền, hỏi, ngã, sắc, nặng (a à ả ã á ạ),
then lower case before upper case. This is the Unicode CLDR collation for "vi". Runs of
digits compare by value ("Đợt 2" before "Đợt 10"), and a space sorts before any letter
("Tin" < "Tin tức" < "Tinh").

Why not a library: PyICU has this order but needs the ICU C++ library (no wheel for
Windows, where editors build); pyuca is pure Python but has only the root order (ă, â
as accents of a, not letters of their own); locale.strxfrm depends on the machine's
locales, which Windows and most servers lack for Vietnamese. The rule is small and
fixed, so it is written here and checked against the alphabet in tests/text.
"""
from __future__ import annotations

import re
import unicodedata

ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {c: i for i, c in enumerate(ALPHABET)}
# Combining marks: letter modifiers (make a letter of the alphabet) and tones (secondary).
_MODIFIED = {("a", "\u0306"): "ă", ("a", "\u0302"): "â", ("e", "\u0302"): "ê", ("o", "\u0302"): "ô",
             ("o", "\u031b"): "ơ", ("u", "\u031b"): "ư"}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_TOKEN = re.compile(r"\d+|\s+|.[\u0300-\u036f]*", re.S)

SPACE, DIGITS, LETTER, OTHER = 0, 1, 2, 3


def sort_key(text: str) -> tuple:
    """Key for sorted(): Vietnamese order (letters, then tones, then case)."""
    primary, tones, cases = [], [], []
    for token in _TOKEN.findall(unicodedata.normalize("NFD", text or "")):
        if token.isspace():
            primary.append((SPACE, 0))
        elif token.isdecimal():      # not isdigit: "¹" is a digit but not a number int() reads
            primary.append((DIGITS, int(token)))
        else:
            base, marks = token[0], token[1:]
            letter = base.lower()
            for mark in marks:
                letter = _MODIFIED.get((letter, mark), letter)
            if letter in _RANK:
                primary.append((LETTER, _RANK[letter]))
                tones.append(next((_TONES[m] for m in marks if m in _TONES), 0))
                cases.append(0 if base.islower() else 1)
            else:
                primary.append((OTHER, ord(unicodedata.normalize("NFC", token)[0])))
    return tuple(primary), tuple(tones), tuple(cases), unicodedata.normalize("NFC", text or "")


def sorted_vi(items, key=lambda x: x):
    """`items` in Vietnamese alphabetical order of `key(item)`."""
    return sorted(items, key=lambda item: sort_key(key(item)))
