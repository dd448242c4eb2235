"""Rules that relate several fields or files (the per-field checks are in schema.py)."""
from __future__ import annotations

import os
from datetime import date

from daihoi.text import vndate
from daihoi.model import resolve
from daihoi.model.problems import WARNING, Problem
from daihoi.model.schema import show, suggest
from daihoi.model.source import Source


def _names(plan: dict, src: Source) -> list[str]:
    """The phases' display names, by the rule the pages and documents use (resolve.phase_name)."""
    return resolve.phase_names(plan.get("phases") or [], src.body, src.body_line)


def _p(src: Source, path, what, fix="", code="", level="lỗi"):
    return Problem(src.path, src.line(path), what, fix, level, code)


def period(src: Source, path: tuple, start: date | None, end: date | None, start_key="start", end_key="end"):
    """End not before start."""
    if start and end and end < start:
        yield _p(src, path + (end_key,),
                 f"“{show(path + (end_key,))}” ({vndate.short_form(end)}) trước ngày bắt đầu ({vndate.short_form(start)})",
                 "Sửa lại ngày: ngày kết thúc phải bằng hoặc sau ngày bắt đầu", "end-before-start")


def number_line(plan: dict, src: Source):
    """The printed number line must carry the plan's number, or outputs would disagree."""
    from daihoi.model.plan import number_line_fits, standard_number_line

    printed = plan.get("number_line")
    if printed and plan.get("number") and not number_line_fits(printed, plan["number"]):
        yield _p(src, ("number_line",),
                 f"Dòng số “{printed}” không ghi số “{plan['number']}” của kế hoạch: đầu văn bản sẽ in "
                 f"“{standard_number_line(plan['number'], plan.get('system'))}”",
                 "Sửa “number_line” cho đúng số kế hoạch như văn bản in, hoặc xóa dòng “number_line”",
                 "number-line", WARNING)


def plan_rules(plan: dict, src: Source, congresses: dict):
    yield from number_line(plan, src)
    for i, phase in enumerate(plan["phases"]):
        path = ("phases", i)
        yield from period(src, path, phase.get("start"), phase.get("end"))
        if phase.get("peak"):
            yield from period(src, path + ("peak",), phase["peak"]["start"], phase["peak"]["end"])
        rel = phase.get("relative")
        if rel and rel.get("congress") and rel["congress"] not in congresses:
            yield unknown_congress(src, path + ("relative", "congress"), rel["congress"], congresses)
    if plan.get("slogan_display"):
        sd = plan["slogan_display"]
        yield from period(src, ("slogan_display",), sd["start"], sd["end"])
    if plan.get("congress") and plan["congress"] not in congresses:
        yield unknown_congress(src, ("congress",), plan["congress"], congresses)
    for i, item in enumerate(plan["reporting"]):
        if item.get("due") is None and item.get("day_of_month") is None:
            yield _p(src, ("reporting", i), f"“{show(('reporting', i))}” không có hạn báo cáo",
                     "Ghi “due: 2016-02-09” (một ngày) hoặc “day_of_month: 20” (hằng tháng)", "reporting")
    track_ids = {t["id"] for t in plan.get("tracks") or []}
    yield from phase_order(plan, src, track_ids)


def phase_order(plan: dict, src: Source, track_ids: set):
    """Within a track, phases start in order; overlaps are only a warning (real plans have them)."""
    last: dict = {}
    names: list[str] = []

    def name(i: int) -> str:
        if not names:
            names.extend(_names(plan, src))
        return names[i]
    for i, phase in enumerate(plan["phases"]):
        track = phase.get("track")
        if track_ids and track not in track_ids:
            yield _p(src, ("phases", i, "track"), f"{name(i)} thuộc nhóm “{track}” chưa khai báo trong “tracks”",
                     "Thêm nhóm này vào “tracks” hoặc sửa “track” của đợt", "track")
        start = phase.get("start")
        if start is None:
            continue
        if track in last:
            j, prev = last[track]
            if start < prev["start"]:
                yield _p(src, ("phases", i, "start"),
                         f"{name(i)} bắt đầu ({vndate.short_form(start)}) trước "
                         f"{name(j)} đứng trên nó ({vndate.short_form(prev['start'])})",
                         "Sắp xếp các đợt theo thứ tự thời gian, hoặc sửa lại ngày", "phase-order")
            elif prev.get("end") and start < prev["end"]:
                yield _p(src, ("phases", i, "start"),
                         f"{name(i)} bắt đầu ({vndate.short_form(start)}) trước khi "
                         f"{name(j)} kết thúc ({vndate.short_form(prev['end'])})",
                         "Kiểm tra lại ngày nếu hai đợt không cố ý chồng lên nhau", "phase-overlap", WARNING)
        last[track] = (i, phase)


def unknown_congress(src: Source, path, ref: str, congresses: dict) -> Problem:
    guess = suggest(ref, congresses)
    fix = f"Có phải ý bạn là “{guess}”? " if guess else ""
    fix += "Dùng một mã đại hội có trong content/_du-lieu/dai-hoi.yml" + (
        f" ({', '.join(sorted(congresses))})" if congresses else "")
    return _p(src, path, f"Không có đại hội mã “{ref}”", fix, "unknown-congress")


def congress_rules(cid: str, congress: dict, src: Source):
    yield from period(src, (cid,), congress.get("opening"), congress.get("closing"), "opening", "closing")


def duplicate_numbers(plans: list[tuple[dict, Source]]):
    seen: dict = {}
    for plan, src in plans:
        if not plan.get("number"):
            continue            # already reported as missing
        key = plan["number"].replace(" ", "").upper()
        if key in seen:
            yield _p(src, ("number",), f"Số kế hoạch “{plan['number']}” trùng với {seen[key]}",
                     "Mỗi kế hoạch phải có số riêng: sửa số, hoặc xóa tệp bị trùng", "duplicate-number")
        else:
            seen[key] = src.path


def attachments(plan: dict, src: Source, content_dir, page_dir):
    """Each attachment exists, is a file, and lies inside content/ (no ../, no symlink out)."""
    from pathlib import Path

    from daihoi.documents.attachments import check_attachment_path

    root = Path(content_dir).resolve()
    for i, item in enumerate(plan.get("attachments") or []):
        if not item.get("file"):
            continue            # reported by the schema as missing (found by tests/test_fuzz_content.py)
        rel = (Path(page_dir).resolve() / item["file"])
        try:
            rel_to_root = rel.relative_to(root).as_posix()
        except ValueError:
            rel_to_root = os.path.relpath(rel, root).replace(os.sep, "/")
        error = check_attachment_path(root, rel_to_root)
        if error:
            # check_attachment_path names the path from content/; the editor wrote it from the page.
            what = error.rstrip(".").replace(f"'{rel_to_root}'", f"“{item['file']}”")
            yield _p(src, ("attachments", i, "file"), what[0].upper() + what[1:],
                     "Đặt tệp vào thư mục content/ (cạnh trang này) và ghi đúng tên tệp", "attachment")
        else:
            item["path"] = rel_to_root       # where the engine publishes it, from the site root


def congress_links(plan: dict, src: Source, congresses: dict):
    """Link each congress-relative phase without an id to the congress its words name."""
    from daihoi.model.congress_match import match

    for i, phase in enumerate(plan["phases"]):
        rel = phase.get("relative")
        if not rel or rel.get("congress") or not rel.get("event"):
            continue
        found, tied = match(rel["event"], congresses)
        if found:
            rel["congress"] = found
        elif tied:
            yield _p(src, ("phases", i, "relative", "event"),
                     f"Không rõ {_names(plan, src)[i]} gắn với đại hội nào: “{rel['event']}” "
                     f"khớp với {', '.join(tied)}",
                     "Ghi “congress: <mã>” trong mục relative của đợt này", "congress-ambiguous", WARNING)


def duplicate_slugs(plans: list[tuple[dict, Source]]):
    """Two files whose names give the same address (99-kh.md, 99-KH.md, 99-kh-.md) would overwrite
    each other's page and JSON on the portal, and cannot both exist on Windows."""
    seen: dict = {}
    for plan, src in plans:
        if plan["slug"] in seen:
            yield Problem(src.path, 0, f"Tệp này có cùng đường dẫn “ke-hoach/{plan['slug']}” với {seen[plan['slug']]} "
                          "(tên tệp chỉ khác chữ hoa, chữ thường hoặc dấu)",
                          "Đổi tên một trong hai tệp, ví dụ theo số kế hoạch", code="duplicate-slug")
        else:
            seen[plan["slug"]] = src.path
