"""Small Vietnamese text helpers shared by the recognisers (pure functions)."""
import re
import unicodedata

_SPACE = re.compile(r"\s+")


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def collapse(s: str) -> str:
    """Runs of white space to one space, trimmed (the contract's text rule)."""
    return _SPACE.sub(" ", s).strip()


class _FoldTable(dict):
    """str.translate table filled on first use of each character."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch == "đ":
            out = "d"
        else:
            base = unicodedata.normalize("NFD", ch)[0]
            out = base if base.isascii() or not ch.isascii() and base.isalpha() else ch
        self[code] = out
        return out


_FOLD = _FoldTable()


def fold(s: str) -> str:
    """Lower-case, diacritics removed, đ -> d; ONE char out per char in.

    Keeping the length lets a regex run on the folded text and its match
    positions slice the original, so patterns need not spell every accent.
    """
    low = s.lower()
    if len(low) != len(s):  # a rare letter whose lower case is longer (İ): keep length
        low = "".join(c.lower()[:1] or c for c in s)
    return low.translate(_FOLD)


def slug(s: str) -> str:
    """07-KH/ĐUK -> 07-kh-duk: folded, non-alphanumerics to single '-'."""
    return re.sub(r"[^a-z0-9]+", "-", fold(s)).strip("-")


def upper_ratio(s: str) -> float:
    letters = [c for c in s if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if c.isupper()) / len(letters)


def is_upper(s: str) -> bool:
    return upper_ratio(s) > 0.85


def tidy_punct(s: str) -> str:
    """No space before final or inner punctuation: 'hiện đại !' -> 'hiện đại!'."""
    return re.sub(r"\s+([!?.,;:])", r"\1", collapse(s))
