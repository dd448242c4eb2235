"""`build.py migrate FILE ...`: move a plan file of the earlier form to the current one.

Earlier, a plan's content file held the phases' bullets, the units' tasks and the
forms in its front matter, with only some prose below it, and the site rewrote the
document from that data (renumbering its parts). Now the text below the front matter
is the document word for word and the data points into it. A plan that was written
in the earlier form has no received text to go back to, so the migration writes the
text the site used to publish for it (the same words, parts and numbers a reader saw),
and removes from the front matter what the text now says. The result is checked
before it replaces the file; the earlier file is kept beside it as FILE.truoc-migrate.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from daihoi.model import frontmatter, source
from daihoi.model.document import Block, Run, parse, to_markdown
from daihoi.text.roman import to_roman

RETIRED = ("items", "tasks", "forms")
_SECTION_ORDER = ("THỜI GIAN, NỘI DUNG TUYÊN TRUYỀN", "HÌNH THỨC TUYÊN TRUYỀN", "KHẨU HIỆU TUYÊN TRUYỀN",
                  "TỔ CHỨC THỰC HIỆN")


def is_old(data) -> bool:
    if not isinstance(data, dict):
        return False
    if "forms" in data:
        return True
    rows = [p for p in data.get("phases") or [] if isinstance(p, dict)]
    rows += [m for p in rows for m in p.get("moments") or [] if isinstance(m, dict)]
    rows += [u for u in data.get("units") or [] if isinstance(u, dict)]
    return any(k in r for r in rows for k in ("items", "tasks"))


def _ends(text: str, mark: str) -> str:
    text = text.rstrip()
    return text if text[-1:] in ".:;!?…" else text + mark


def _s(value) -> str:
    return " ".join(str(value or "").split())


def _heading(text: str, level: int) -> Block:
    return Block("heading", (Run(text),), level=level)


def _para(text: str) -> Block:
    return Block("para", (Run(text),))


def _item(text: str) -> Block:
    return Block("item", (Run(text),), marker="-")


def _day(value) -> str:
    """A date as the earlier site printed it in running text: 20/04/2020."""
    from daihoi.text import vndate

    try:
        return vndate.short_form(vndate.parse(str(value)))
    except vndate.BadDate:
        return str(value)


def _label_prefix(label: str) -> str:
    return f"{label}. " if label[:1].isdigit() else f"{label}: "


def _generated(data: dict) -> list[tuple[str, list[Block]]]:
    """The parts the earlier site wrote from the data, in its order and words."""
    parts: list[tuple[str, list[Block]]] = []
    blocks: list[Block] = []
    titles = {str(t.get("id")): _s(t.get("title")) for t in data.get("tracks") or [] if isinstance(t, dict)}
    current = object()
    for phase in data.get("phases") or []:
        if not isinstance(phase, dict):
            continue
        track = phase.get("track")
        if track is not None and track != current:
            blocks.append(_heading(f"{track}. {titles.get(str(track)) or f'Nhóm {track}'}", 3))
        current = track
        label, title = _s(phase.get("label")), _s(phase.get("title"))
        items = [_s(i) for i in phase.get("items") or [] if _s(i)]
        moments = [m for m in phase.get("moments") or [] if isinstance(m, dict)]
        heading = _label_prefix(label) + (_ends(title, ":" if items or moments else ".") if title else "")
        blocks.append(_heading(heading.strip(), 4 if track is not None else 3))
        peak = phase.get("peak") if isinstance(phase.get("peak"), dict) else {}
        if peak.get("start") and peak.get("end"):
            blocks.append(_para(f"Cao điểm: từ ngày {_day(peak['start'])} đến ngày {_day(peak['end'])}."))
        blocks += [_item(_ends(i, ";")) for i in items]
        for m in moments:
            if _s(m.get("title")):
                blocks.append(_para(_ends(_s(m["title"]), ":")))
            blocks += [_item(_ends(_s(i), ";")) for i in m.get("items") or [] if _s(i)]
    if blocks:
        parts.append((_SECTION_ORDER[0], blocks))
    forms = [_s(f) for f in data.get("forms") or [] if _s(f)]
    if forms:
        parts.append((_SECTION_ORDER[1], [_item(_ends(f, ";")) for f in forms]))
    slogans = [_s(s) for s in data.get("slogans") or [] if _s(s)]
    if slogans:
        parts.append((_SECTION_ORDER[2], [_para(f"{i}. {s}") for i, s in enumerate(slogans, 1)]))
    blocks = []
    for i, unit in enumerate(u for u in data.get("units") or [] if isinstance(u, dict)):
        blocks.append(_heading(f"{i + 1}. {_s(unit.get('name'))}", 3))
        blocks += [_item(_ends(_s(t), ";")) for t in unit.get("tasks") or [] if _s(t)]
    for rep in data.get("reporting") or []:
        if not isinstance(rep, dict):
            continue
        dest = f" gửi về {_s(rep['to'])}" if _s(rep.get("to")) else ""
        if rep.get("due"):
            blocks.append(_para(f"Báo cáo kết quả thực hiện{dest} trước ngày {_day(rep['due'])}."))
        elif rep.get("day_of_month"):
            blocks.append(_para(f"Định kỳ báo cáo kết quả thực hiện{dest} vào ngày {_s(rep['day_of_month'])} hàng tháng."))
    if blocks:
        parts.append((_SECTION_ORDER[3], blocks))
    return parts


def migrate_text(text: str, shown: str = "tệp") -> str | None:
    """The file in the current form, or None when it is not of the earlier form."""
    src, problems = source.read_text(text, shown)
    if src is None or not is_old(src.data):
        return None
    data = dict(src.data)
    prose = parse(src.body)
    body: list[Block] = []
    for base in data.get("bases") or []:
        if isinstance(base, dict) and _s(base.get("text")):
            body.append(_para(_ends(_s(base["text"]), ".")))
    n = 0
    for b in prose:
        if b.kind == "heading" and b.level <= 2:
            n += 1
            title = re.sub(r"^[IVXLC]+\s*[.)]\s*", "", b.text).upper()
            body.append(_heading(f"{to_roman(n)}. {title}", 2))
        else:
            body.append(b)
    if prose and prose[0].kind != "heading":
        n += 1
        body.insert(len(body) - len(prose), _heading(f"{to_roman(n)}. MỤC ĐÍCH, YÊU CẦU", 2))
    for title, blocks in _generated(data):
        n += 1
        body.append(_heading(f"{to_roman(n)}. {title}", 2))
        body += blocks
    data.pop("forms", None)
    data["phases"] = [_without(p, "items", moments=True) for p in data.get("phases") or []]
    data["units"] = [_without(u, "tasks") for u in data.get("units") or []]
    data = {k: v for k, v in data.items() if v not in ([], None)}
    comments = [ln for ln in text.split("\n")[1:] if ln.startswith("#")][:40]
    head = "\n".join(comments + ["# Tệp đã chuyển sang dạng mới (build.py migrate): phần dưới dấu --- là toàn văn kế hoạch."])
    return "---\n" + head + "\n" + frontmatter.dump(data) + "---\n\n" + to_markdown(body)


def _without(row, key: str, moments: bool = False):
    if not isinstance(row, dict):
        return row
    out = {k: v for k, v in row.items() if k != key}
    if moments and isinstance(out.get("moments"), list):
        out["moments"] = [{k: v for k, v in m.items() if k != "items"} if isinstance(m, dict) else m
                          for m in out["moments"]]
    return out


def run(argv: list[str]) -> int:
    from daihoi.cli.cliparse import Parser
    from daihoi.model import content

    parser = Parser(prog="build.py migrate", description="chuyển tệp kế hoạch dạng cũ sang dạng mới "
                    "(toàn văn kế hoạch dưới phần thông tin)")
    parser.add_argument("files", nargs="+", metavar="TỆP", help="các tệp kế hoạch (.md) cần chuyển")
    args = parser.parse_args(argv)
    status = 0
    for name in args.files:
        file = Path(name)
        try:
            text = file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            print(f"{name}: không đọc được tệp ({exc}).", file=sys.stderr)
            status = 1
            continue
        new = migrate_text(text, name)
        if new is None:
            print(f"{name}: đã ở dạng mới, không cần chuyển.")
            continue
        backup = file.with_name(file.name + ".truoc-migrate")
        backup.write_text(text, encoding="utf-8")
        file.write_text(new, encoding="utf-8", newline="\n")
        plan, problems = content.load_plan_file(file)
        for p in problems:
            print(p)
        if plan is None:
            file.write_text(text, encoding="utf-8")
            print(f"{name}: chưa chuyển được (xem lỗi trên); tệp giữ nguyên.", file=sys.stderr)
            status = 1
        else:
            print(f"{name}: đã chuyển sang dạng mới; bản cũ lưu ở {backup.name}.")
    return status
