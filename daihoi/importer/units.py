"""Tổ chức thực hiện: one unit per numbered item, with its tasks."""
from __future__ import annotations

import re

from .outline import BULLET, Node, strip_bullet
from .notes import Note, note
from .text import collapse, fold

_VERBS = ("chu tri", "phoi hop", "tham muu", "chi dao", "to chuc", "xay dung", "don doc", "co trach nhiem",
          "chiu trach nhiem", "trien khai", "thuc hien", "huong dan", "theo doi", "phu trach", "bam sat",
          "tiep tuc", "quan triet", "nam bat", "kiem tra", "dang tai", "mo chuyen", "bien soan", "tuyen truyen",
          "can cu", "chu dong", "co nhiem vu", "can cu vao")
_CLOSING = ("tren day", "tren co so", "yeu cau", "de nghi", "nhan duoc", "trong qua trinh", "ban thuong vu",
            "thuong truc", "ke hoach nay")


def parse_units(section: Node, offset: int = 0) -> tuple[list[dict], list[Note]]:
    """Units of one "Tổ chức thực hiện" part; `offset` is the index the first one will have in the plan."""
    units: list[dict] = []
    warnings: list[Note] = []
    heads = [c for c in section.children]
    if not heads:
        # Units written as bullets "- Ban Tuyên giáo: ..." when nothing is numbered.
        current = None
        for ln in section.content:
            bullet = bool(BULLET.match(ln.text))
            if bullet and ":" in ln.text[:150]:
                name, _, task = strip_bullet(ln.text).partition(":")
                current = {"name": collapse(name), "tasks": [collapse(task)] if task.strip() else []}
                units.append(current)
            elif not bullet and len(ln.text) < 120 and not ln.text.endswith((".", ";", ":")) \
                    and not fold(ln.text).startswith(_CLOSING):
                # An unnumbered unit name on its own line, its tasks as bullets below.
                current = {"name": ln.text, "tasks": []}
                units.append(current)
            elif bullet and current is not None:
                current["tasks"].append(collapse(re.sub(r"^[-+•\s]+", "", strip_bullet(ln.text))))
        units = [u for u in units if u["tasks"] or ":" not in u["name"]]
        if not units:
            warnings.append(note(section.no, "units", "không nhận ra đơn vị nào trong phần tổ chức thực hiện"))
        return units, warnings
    for h in heads:
        tasks = []
        for ln in h.content:
            f = fold(ln.text)
            bullet = bool(BULLET.match(ln.text))
            if not bullet and (f.startswith(_CLOSING) or ("bao cao" in f and ("yeu cau" in f or "de nghi" in f))):
                continue  # the plan's closing paragraph, not this unit's task
            t = collapse(re.sub(r"^[-+•\s]+", "", strip_bullet(ln.text)))
            if t:
                tasks.append(t)
        tasks += [c.title for c in h.headings()]
        # A short heading followed by its tasks is the unit's name as printed;
        # a numbered sentence carries the name and the first task together.
        if tasks and len(h.title) <= 300 and ":" not in h.title and not fold(h.title).startswith(("can cu", "tren co so")):
            name, first = h.title.rstrip(" .;:"), None
        else:
            name, first = split_unit(h.title)
            if first and ":" not in h.title:
                # Cut at the first verb-like word: a guess, so say it.
                warnings.append(note(h.no, f"units[{offset + len(units)}].name",
                                     f"tên đơn vị “{name}” được tách khỏi nhiệm vụ theo động từ, cần kiểm tra"))
        if not name:
            name = h.title or h.label
            warnings.append(note(h.no, f"units[{offset + len(units)}].name",
                                 f"không tách được tên đơn vị, tạm lấy “{name}”, cần kiểm tra"))
        if not name:
            continue
        units.append({"name": name, "tasks": ([first] if first else []) + tasks})
    return units, warnings


def split_unit(title: str) -> tuple[str, str | None]:
    """'Ban Tuyên giáo: chủ trì ...' / 'Ban Tuyên giáo chủ trì ...' -> (name, task)."""
    t = collapse(title).rstrip(" .;")
    colon = t.find(":")
    if colon > 0:       # any length: "Ban A, Ban B, …, các chi bộ …: tổ chức …"
        return t[:colon].strip(), (t[colon + 1:].strip() or None)
    t = re.sub(r"^(?:Căn cứ|Trên cơ sở)\s+(?:nội dung\s+)?(?:Kế hoạch|kế hoạch)\s+(?:này|trên)\s*,\s*", "", t)
    t = re.sub(r"^(?:Đề nghị|Giao|Yêu cầu)\s+", "", t)   # "Đề nghị Ban Tuyên giáo ...": the unit follows
    if len(t) <= 110 and not t.endswith("."):
        f = fold(t)
        pos = _first_verb(f)
        if pos is None or pos < 8:
            return _cap(t), None
    f = fold(t)
    pos = _first_verb(f)
    if pos is None:
        return _cap(t), None
    return _cap(t[:pos].strip(" ,")), _cap(t[pos:].strip())


def _first_verb(f: str) -> int | None:
    best = None
    for v in _VERBS:
        for m in re.finditer(r"(?<=\s)" + v + r"\b", f):
            # "các tổ chức đoàn thể", "chuyên viên theo dõi": the verb is part of a noun there.
            if re.search(r"(?:cac|nhung|vien|cua|ve|moi)\s+$", f[:m.start()]):
                continue
            if m.start() >= 8:
                best = m.start() if best is None else min(best, m.start())
                break
    return best


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s
