"""Invisible characters that change what a reader sees: bidirectional controls and zero-width marks.

Vietnamese never needs them; they arrive pasted from web pages, chat apps and PDFs.
A right-to-left override (U+202E) makes a title display differently from the bytes
that are published (the "Trojan Source" trick), so it is refused wherever it is.
Zero-width characters make two equal-looking titles, slugs or file names differ, so
they are removed from single-line values (titles, names); in running text they are
harmless and kept.

Python's `unicodedata` knows the categories but not this policy, so the two small
sets are written out here.
"""
from __future__ import annotations

import re
import unicodedata

# Embeddings, overrides and isolates: they reorder the text that follows them.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Zero-width spaces and joiners, direction marks, word joiner, invisible operators,
# zero-width no-break space (a BOM in mid-text), Mongolian vowel separator.
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u061c\u180e")

_BIDI = re.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "]")
# A substitution, not str.translate: translate looks every character of a Vietnamese text up in
# its table, five times slower on the front matter of 1,000 posts, read on every build.
_ZERO_WIDTH = re.compile("[" + "".join(sorted(ZERO_WIDTH)) + "]")


def strip_zero_width(text: str) -> str:
    """`text` without zero-width characters (for titles, names, keys: single-line values)."""
    return _ZERO_WIDTH.sub("", text)


def bidi_lines(text: str) -> list[tuple[int, str]]:
    """(1-based line, character) for the first bidirectional control on each line of `text`."""
    out, last = [], 0
    for m in _BIDI.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        if line != last:
            out.append((line, m.group()))
            last = line
    return out


def has_bidi(text: str) -> bool:
    return _BIDI.search(text) is not None


def has_visible(text: str) -> bool:
    """Does `text` show anything: a letter, digit, punctuation mark or symbol?

    Combining marks alone, format characters and spaces show nothing: a slogan made
    of them is empty (and has no width to fit on a banner).
    """
    return any(unicodedata.category(c)[0] in "LNPS" and unicodedata.category(c) != "Co" for c in text)


def name_of(char: str) -> str:
    """"U+202E (RIGHT-TO-LEFT OVERRIDE)": how a message names an invisible character."""
    return f"U+{ord(char):04X} ({unicodedata.name(char, 'không tên')})"


def visible(text: str) -> str:
    """`text` with every control, bidirectional or zero-width character shown as <U+XXXX>.

    A message that prints a file name containing U+202E would itself be reversed on
    the editor's screen; a name that is not UTF-8 arrives as lone surrogates, which
    cannot be printed at all.
    """
    return "".join(f"<U+{ord(c):04X}>" if _hidden(c) else c for c in text)


def _hidden(char: str) -> bool:
    return char in BIDI_CONTROLS or char in ZERO_WIDTH or unicodedata.category(char) in ("Cc", "Cf", "Cs", "Zl", "Zp")
