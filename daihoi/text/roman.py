"""Roman numerals, used for congress ordinals ("lần thứ XIII")."""
from __future__ import annotations

import re

_VALUES = [
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
]
# Canonical form only: "XIIII" and "IIX" are typos, not numbers.
_CANONICAL = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")


def to_roman(n: int) -> str:
    if not 0 < n < 4000:
        raise ValueError(n)
    out = []
    for value, letters in _VALUES:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def from_roman(text: str) -> int | None:
    """The value of a canonical Roman numeral, or None if `text` is not one."""
    text = text.strip().upper()
    if not text or not _CANONICAL.match(text):
        return None
    total, i = 0, 0
    for value, letters in _VALUES:
        while text.startswith(letters, i):
            total += value
            i += len(letters)
    return total


def lenient_value(text: str) -> int | None:
    """What a mistyped numeral was probably meant to be: "XIIII" -> 14.

    Used only to suggest a fix, never to accept the typo.
    """
    letters = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    text = text.strip().upper()
    if not text or any(c not in letters for c in text):
        return None
    total = 0
    for i, c in enumerate(text):
        v = letters[c]
        total += -v if i + 1 < len(text) and letters[text[i + 1]] > v else v
    return total if 0 < total < 4000 else None
