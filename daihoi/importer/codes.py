"""Document codes (số, ký hiệu): "07-KH/ĐUK", "192/KH-UBND", "03-KH/ĐUTCty", "120/KH-SGD&ĐT", "215/SNV".

A code is a number (with the year for legal documents: "30/2020/NĐ-CP") and one or
more symbol parts joined by "-" or "/". A symbol part begins with a capital and has
at least two capitals; it may hold lower-case letters, digits and "&" ("CTr",
"ĐUTCty", "QH13", "SGD&ĐT"). Party codes join number and type with "-"
("12-CTr/HU"), state codes with "/" ("215/SNV", "86/KH-UBND"); a state code may be
a single part after the number, a Party code never is. Spaces around the joiners
are typed often ("Số 07- KH/ĐUK", "17 – KH/ĐUK"); after a spaced joiner the part
must be all capitals, so "1 - Tuyên truyền" is not a code.

Hand-written: no library knows these codes (Nghị định 30/2020/NĐ-CP and Hướng dẫn
36-HD/VPTW define them); one regular expression finds candidates and the rules
above are checked in code, where they are readable.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_JOIN = r"\s*[-–—/]\s*"
_CANDIDATE = re.compile(
    rf"(?<![\w/.])(?P<n>\d{{1,5}}(?:\s*/\s*(?:19|20)\d{{2}})?)(?P<rest>(?:{_JOIN}[^\W\d_][\w&]*){{1,5}})")
_PART = re.compile(rf"(?P<sep>{_JOIN})(?P<tok>[^\W\d_][\w&]*)")
_UNFILLED = re.compile(r"^\s*số\s*:?\s*[._…\s]*(?P<sym>/\s*[^\W\d_][\w&]*(?:\s*[-–—/]\s*[^\W\d_][\w&]*)*)", re.I)


@dataclass(frozen=True)
class Code:
    number: str        # as printed, spaces removed, any dash as "-"
    start: int
    end: int


def _part_ok(tok: str, spaced: bool) -> bool:
    caps = sum(1 for c in tok if c.isupper())
    if not tok[0].isupper() or caps < 2 and not (len(tok) == 1 and tok.isupper()):
        return False
    if spaced and not all(c.isupper() or c.isdigit() or c == "&" for c in tok):
        return False
    return True


def find_codes(text: str) -> list[Code]:
    """Every document code in text, left to right."""
    out: list[Code] = []
    for m in _CANDIDATE.finditer(text):
        parts = []
        end = m.end("n")
        for p in _PART.finditer(m.group("rest")):
            sep = p.group("sep")
            spaced = sep != sep.strip()
            if not _part_ok(p.group("tok"), spaced):
                break
            parts.append((sep.strip(), p.group("tok")))
            end = m.start("rest") + p.end()
        if not parts:
            continue
        if len(parts) == 1 and parts[0][0] != "/":
            continue          # "35-CT" alone: a Party code always has its issuer after "/"
        number = re.sub(r"\s+", "", m.group("n")) + "".join(s + t for s, t in parts)
        out.append(Code(re.sub(r"[–—]", "-", number), m.start(), end))
    return out


def first_code(text: str) -> Code | None:
    codes = find_codes(text)
    return codes[0] if codes else None


def unfilled(text: str) -> str | None:
    """'Số:        /KH-UBND' (number left blank to be filled when issued) -> '/KH-UBND'."""
    m = _UNFILLED.match(text)
    if not m or find_codes(text):
        return None
    return re.sub(r"\s+", "", re.sub(r"[–—]", "-", m.group("sym")))


def system_of(number: str | None) -> str | None:
    """dang for 'N-KH/...', nha-nuoc for 'N/KH-...' (also for an unfilled '/KH-UBND')."""
    if not number:
        return None
    if re.match(r"^\d+-", number):
        return "dang"
    if re.match(r"^(?:\d+(?:/\d{4})?)?/", number):
        return "nha-nuoc"
    return None
