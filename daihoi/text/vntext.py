"""Vietnamese text helpers: normalization, diacritic folding, slugs.

Editors paste text from Word and from the web; the same word may arrive composed
(NFC) or decomposed (NFD). Everything we store or compare goes through `nfc`.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def clean(text: str) -> str:
    """NFC, runs of white space collapsed to one space, trimmed (the contract's text form)."""
    return _SPACES.sub(" ", nfc(text)).strip()


@lru_cache(maxsize=1 << 17)
def fold(text: str) -> str:
    """Remove Vietnamese diacritics: "Đại hội" -> "Dai hoi".

    (The search index folds every word of every page through a memo of its own, fold_word.)

    "đ" is a letter of its own, not a base letter with a mark, so NFD does not
    split it; it is mapped by hand.
    """
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", stripped.replace("đ", "d").replace("Đ", "D"))


MAX_SLUG = 80     # slugs name files: a file name has at most 255 bytes, a category name any length


def slugify(text: str) -> str:
    """URL slug: "07-KH/ĐUK" -> "07-kh-duk". A longer one is cut and keeps a hash of the whole,
    so two long names still differ."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG - 9].rstrip("-") + "-" + hashlib.sha1(slug.encode("ascii")).hexdigest()[:8]
    return slug
