"""The end of the plan: "Nơi nhận" recipients and the signer block.

In Word the two sit side by side (a table or tabs), so text exports
interleave them; each line is cut at tabs / wide gaps and each segment is
sorted into recipients or signer by its shape.
"""
from __future__ import annotations

import re

from .decode import Line
from .header import segments
from .notes import Note, note
from .text import collapse, fold, is_upper

# T/M (thay mặt), T/L (thừa lệnh), TUQ. (thừa ủy quyền): the authority the signer acts for.
_ON_BEHALF = re.compile(r"^(?:t\s*/\s*[ml]|t\.\s*[ml]|tm|tl|tuq)\b\.?|^(?:thay mat|thua lenh|thua uy quyen)\b")
_FOR = re.compile(r"^(?:k\s*/\s*t|kt)\b\.?|^q\.\s|^ky thay\b")
_SIGNED = re.compile(r"^\(?\s*(?:da ky|ky|ky ten|ky, ghi ro|dau)\b.*\)?$|^\(.*ky.*\)$")


def find_tail(lines: list[Line]) -> int:
    """Index where recipients/signer begin (len(lines) when absent)."""
    n = len(lines)
    for i in range(n - 1, max(-1, n - 60), -1):
        if fold(lines[i].text).startswith("noi nhan"):
            return i
    for i in range(max(0, n - 15), n):
        if any(_ON_BEHALF.match(fold(s)) for s in segments(lines[i])):
            return i
    return n


def parse_closing(tail: list[Line]) -> tuple[list[str], dict | None, list[Note]]:
    recipients: list[str] = []
    signer: dict = {}
    warnings: list[Note] = []
    stage = "recipients"
    for ln in tail:
        for seg in segments(ln):
            f = fold(seg)
            if f.startswith("noi nhan"):
                rest = collapse(seg.split(":", 1)[1]) if ":" in seg else ""
                if rest:
                    recipients.append(_recipient(rest))
                continue
            if _ON_BEHALF.match(f):
                signer["on_behalf"] = seg
                stage = "signer"
                continue
            if _FOR.match(f):
                signer["for"] = seg
                stage = "signer"
                continue
            if seg.startswith(("-", "+", "•")):
                r = _recipient(seg)
                if r:
                    recipients.append(r)
                continue
            if _SIGNED.match(f) or re.fullmatch(r"[(\[].*[)\]]", seg):
                continue
            if is_upper(seg) and len(seg) < 60 and "position" not in signer and (stage == "signer" or _position_word(f)):
                signer["position"] = seg
                stage = "signer"
                continue
            if stage == "signer" and _looks_like_name(seg) and "position" in signer and "name" not in signer:
                signer["name"] = seg
                continue
            if stage == "recipients" and recipients and not is_upper(seg) and re.match(r"^[a-zđ/()]", f) and len(seg) < 20:
                # "(để" / "b/c)": the right-hand brace annotation, as printed beside these recipients.
                recipients[-1] = collapse(recipients[-1] + " " + seg)
                continue
    if not signer:
        warnings.append(note(tail[0].no if tail else 1, "signer", "không tìm thấy khối chữ ký (T/M ..., chức vụ, họ tên)"))
        return recipients, None, warnings
    full = {"on_behalf": signer.get("on_behalf"), "position": signer.get("position"), "name": signer.get("name")}
    if signer.get("for"):
        full["for"] = signer["for"]
    where = tail[-1].no if tail else 0
    for key, what in (("position", "chức vụ người ký"), ("name", "họ tên người ký")):
        if not full[key]:
            warnings.append(note(where, f"signer.{key}", f"không tìm thấy {what}"))
    return recipients, full, warnings


def _position_word(f: str) -> bool:
    return bool(re.match(r"^(pho\s+)?(bi thu|chu tich|truong ban|giam doc|thu truong|chanh van phong|truong phong)\b", f))


def _looks_like_name(seg: str) -> bool:
    words = seg.split()
    return 2 <= len(words) <= 6 and all(w[0].isupper() for w in words if w[0].isalpha()) \
        and not any(ch.isdigit() for ch in seg) and not seg.endswith((":", ",", ";"))


def _recipient(seg: str) -> str:
    """A recipient line as printed ("Ban Tuyên giáo Thành ủy;", "ĐUK các cơ quan TW (để b/c),",
    "Lưu VPĐU. 60"): only its dash and surrounding spaces go. The published plan prints the
    closing block from these lines, so their punctuation and annotations stay."""
    s = collapse(re.sub(r"^[-+•\s]+", "", seg))
    # Recipients are names and always begin with a capital; a lower-case start is
    # what a legacy upper-case font leaves behind ("ủy ban nhân dân quận").
    return s[:1].upper() + s[1:] if s[:1].islower() and len(s) > 3 else s
