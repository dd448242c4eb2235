"""An editor's corrections to a plan: field path -> value, applied to the importer's plan dict.

The desk's review form and the command line (`build.py desk --nhap TỆP --sua PATH=GIÁ_TRỊ`)
both turn what the editor changed into this one mapping and hand it to `apply`, so the
file the desk saves is the file `build.py import` writes plus the same corrections,
byte for byte (writer.to_content over the corrected dict).

A path names one value of the plan as its front matter writes it:

    issuer                      phases[2].relative.congress      slogans[0]
    phases[0].end               units[1].name                    signer.name

Values are what the editor typed: dates as 04/01/2016 or 2016-01-04 (stored as
2016-01-04, as the importer stores them), text with its spacing collapsed (the contract's
rule), "" or None for "nothing" (the writer then leaves the field out). Setting a list
item to None removes it; an index one past the end appends. Removals are applied after
every other correction, so "slogans[3]" = None and "slogans[4]" = "…" mean the items as
the editor saw them on the form.
"""
from __future__ import annotations

import copy
import json
import re

from daihoi.text import vndate
from daihoi.text.vntext import nfc

DATE_KEYS = {"date", "start", "end", "due", "opening", "closing"}
INT_KEYS = {"day_of_month"}
LIST_KEYS = {"recipients", "categories"}       # lists of strings edited as one text box, a line each
_TOKEN = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)|\[(\d{1,4})\]")


class CorrectionError(ValueError):
    """A value or path that cannot be applied; `.path` names the field, the message is Vietnamese."""

    def __init__(self, path: str, message: str):
        super().__init__(message)
        self.path = path
        self.message = message


def parse_path(path: str) -> tuple:
    """"phases[2].relative.congress" -> ("phases", 2, "relative", "congress")."""
    parts, pos = [], 0
    text = path.strip()
    while pos < len(text):
        if text[pos] == "." and parts:
            pos += 1
        m = _TOKEN.match(text, pos)
        if not m:
            raise CorrectionError(path, f"Không hiểu tên mục “{path}” (viết dạng phases[0].end, slogans[2], issuer)")
        parts.append(m.group(1) if m.group(1) else int(m.group(2)))
        pos = m.end()
    if not parts or not isinstance(parts[0], str):
        raise CorrectionError(path, f"Không hiểu tên mục “{path}”")
    return tuple(parts)


def path_text(parts: tuple) -> str:
    """The inverse of parse_path."""
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else p)
    return out


def last_key(parts: tuple) -> str:
    return next((p for p in reversed(parts) if isinstance(p, str)), "")


def normalise(path: str, value):
    """The value as the plan dict stores it; CorrectionError with a Vietnamese reason if it cannot be."""
    parts = parse_path(path)
    key = last_key(parts)
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        items = [normalise(path + "[0]", v) for v in value]
        return [v for v in items if v not in (None, "")]
    if isinstance(value, dict):
        return {k: normalise(f"{path}.{k}", v) for k, v in value.items()}
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise CorrectionError(path, f"Giá trị của “{path}” không phải chữ")
    text = " ".join(nfc(value).split())
    if key in LIST_KEYS and isinstance(parts[-1], str):
        return [" ".join(line.split()) for line in nfc(value).splitlines() if line.strip()]
    if not text:
        return None
    if key in DATE_KEYS:
        try:
            return vndate.parse(text).isoformat()
        except vndate.BadDate as exc:
            raise CorrectionError(path, f"Ngày không hợp lệ: {exc}") from None
    if key in INT_KEYS:
        if not text.isdecimal() or not 1 <= int(text) <= 31:
            raise CorrectionError(path, f"“{text}” không phải một ngày trong tháng (viết một số từ 1 đến 31)")
        return int(text)
    return text


def _set(data: dict, parts: tuple, value, path: str) -> None:
    here = data
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        nxt = None if last else parts[i + 1]
        if isinstance(part, int):
            if not isinstance(here, list):
                raise CorrectionError(path, f"“{path_text(parts[:i])}” không phải một danh sách")
            if part > len(here):
                raise CorrectionError(path, f"“{path}”: danh sách chỉ có {len(here)} mục")
            if part == len(here):
                here.append(None)
            if last:
                here[part] = value
                return
            if not isinstance(here[part], (dict, list)):
                here[part] = [] if isinstance(nxt, int) else {}
            here = here[part]
        else:
            if not isinstance(here, dict):
                raise CorrectionError(path, f"“{path_text(parts[:i])}” không có mục con")
            if last:
                here[part] = value
                return
            if not isinstance(here.get(part), (dict, list)):
                here[part] = [] if isinstance(nxt, int) else {}
            here = here[part]


def apply(plan: dict, corrections: dict) -> dict:
    """A copy of `plan` with `corrections` applied (the importer's warnings are kept as they were)."""
    out = copy.deepcopy(plan)
    removals = []
    for path, value in corrections.items():
        parts = parse_path(path)
        norm = normalise(path, value)
        if norm is None and isinstance(parts[-1], int):
            removals.append(parts)
            continue
        _set(out, parts, norm, path)
    # Last index first, so earlier indexes still name the items the editor saw.
    for parts in sorted(removals, key=lambda p: [x if isinstance(x, int) else -1 for x in p], reverse=True):
        container = out
        for part in parts[:-1]:
            try:
                container = container[part]
            except (KeyError, IndexError, TypeError):
                container = None
                break
        if isinstance(container, list) and parts[-1] < len(container):
            del container[parts[-1]]
    return out


def apply_to_import(plan: dict, extra: dict, corrections: dict) -> tuple[dict, dict]:
    """`apply` for what the importer returned: the parallel tracks live in `extra` (the writer
    reads them there first), so corrections to "tracks[…]" go there."""
    merged = dict(plan, tracks=(extra or {}).get("tracks") or plan.get("tracks") or [])
    out = apply(merged, corrections)
    tracks = out.pop("tracks")
    if "tracks" in plan:
        out["tracks"] = tracks
    return out, dict(extra or {}, tracks=tracks)


def parse_assignment(text: str) -> tuple[str, object]:
    """"phases[0].end=21/01/2016" -> ("phases[0].end", "21/01/2016"), for the command line.
    A value starting with "[" is a JSON list (recipients); an empty value removes the field."""
    if "=" not in text:
        raise CorrectionError(text, f"“{text}”: viết dạng TÊN_MỤC=GIÁ_TRỊ, ví dụ phases[0].end=21/01/2016")
    path, value = text.split("=", 1)
    parse_path(path)
    if value.strip().startswith("["):
        try:
            return path.strip(), json.loads(value)
        except ValueError:
            raise CorrectionError(path, f"“{path}”: danh sách phải viết dạng JSON, ví dụ [\"Nơi nhận 1\", \"Nơi nhận 2\"]")
    return path.strip(), value
