"""The plan form: which fields an editor sees, in which groups, and what a submitted form changes.

One definition serves the review of a received plan (the importer's dict) and the edit form
of a plan file (its front matter): both have the same keys, as the importer's writer lays
them out. `corrections` compares what was submitted with what the plan held and returns
only the fields the editor changed, as daihoi.desk.corrections paths: the number of fields
an editor had to touch is the size of that mapping.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Mapping

from daihoi.desk import corrections as C
from daihoi.desk.review import phase_name
from daihoi.text import vndate

WHEN = [("", "Không gắn với đại hội"), ("before", "Trước đại hội"), ("during", "Trong thời gian đại hội"),
        ("after", "Sau đại hội")]
SYSTEM = [("dang", "Văn bản của Đảng (Số 07-KH/ĐUK)"), ("nha-nuoc", "Văn bản nhà nước (Số: 192/KH-UBND)")]
REMOVE = "xoa"          # the form's name for "remove this item" check boxes; the value is the item's path


@dataclass
class Field:
    path: str
    label: str
    kind: str = "text"              # text | textarea | date | select | lines | int | body
    value: str = ""
    choices: list = field(default_factory=list)
    help: str = ""
    error: str = ""
    warnings: list = field(default_factory=list)   # importer notes and check warnings about this field
    problems: list = field(default_factory=list)   # check errors about this field
    required: bool = False

    @property
    def id(self) -> str:
        return field_id(self.path)


@dataclass
class Group:
    """A fieldset: a phase, a slogan, a unit …; `remove` is the path a "Bỏ" box removes."""
    legend: str
    fields: list
    remove: str = ""
    new: bool = False               # an empty row for adding one
    note: str = ""                  # read-only text shown with the group (a phase's sub-parts)


@dataclass
class Section:
    id: str
    title: str
    groups: list


def field_id(path: str) -> str:
    """"phases[0].end" -> "f-phases-0-end": the form field's id, the target of check links."""
    return "f-" + re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-")


def get(data, path: str):
    here = data
    for part in C.parse_path(path):
        try:
            here = here[part]
        except (KeyError, IndexError, TypeError):
            return None
    return here


def shown(path: str, value) -> str:
    """A stored value as the form shows it: dates as 04/01/2016, lists a line each."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "\n".join(str(v) for v in value if v is not None)
    if C.last_key(C.parse_path(path)) in C.DATE_KEYS:
        try:
            return vndate.parse(str(value)).strftime("%d/%m/%Y")
        except vndate.BadDate:
            return str(value)
    return str(value)


def _congress_choices(congresses: dict, auto: str = "") -> list:
    first = f"Tự nhận theo lời văn: {auto}" if auto else "Không chọn (tự nhận theo lời văn, nếu có)"
    return [("", first)] + [(cid, c.get("name") or cid) for cid, c in congresses.items()]


def plan_sections(data: dict, congresses: dict, tracks: list | None = None, *, edit: bool = False,
                  auto_congress: Mapping[int, str] | None = None) -> list[Section]:
    """The form of one plan. `tracks`: the parallel tracks (the importer keeps them apart);
    `edit`: a plan file (adds the fields only a file has and its text); `auto_congress`:
    phase index -> name of the congress its words name (shown as the default choice)."""
    tracks = tracks if tracks is not None else data.get("tracks") or []
    auto_congress = auto_congress or {}

    def f(path, label, kind="text", **kw):
        return Field(path, label, kind, shown(path, get(data, path)), **kw)

    head = [f("number", "Số, ký hiệu", required=True, help="Ví dụ 07-KH/ĐUK"),
            f("system", "Loại văn bản", "select", choices=SYSTEM, required=True),
            f("issuer", "Cơ quan ban hành", help="Như in ở góc trái đầu văn bản"),
            f("parent_issuer", "Cơ quan cấp trên"),
            f("place", "Địa danh"),
            f("date", "Ngày ban hành", "date", required=True),
            f("title", "Trích yếu", "textarea", required=True)]
    if edit:
        head.insert(1, f("number_line", "Dòng số như văn bản in (nếu khác cách viết chuẩn)"))
        head.append(f("congress", "Đại hội mà kế hoạch phục vụ", "select", choices=_congress_choices(congresses)))
        head.append(f("comment_url", "Địa chỉ góp ý dự thảo"))
    sections = [Section("van-ban", "Thông tin văn bản", [Group("Văn bản", head),
                                                          Group("Thời gian triển khai", [
                                                              f("campaign.start", "Từ ngày", "date"),
                                                              f("campaign.end", "Đến ngày", "date")])])]

    bases = [Group(f"Căn cứ {i + 1}", [f(f"bases[{i}].number", "Số văn bản"), f(f"bases[{i}].date", "Ngày", "date"),
                                        f(f"bases[{i}].text", "Lời văn", "textarea")], remove=f"bases[{i}]")
             for i in range(len(data.get("bases") or []))]
    if bases:
        sections.append(Section("can-cu", "Căn cứ", bases))

    track_ids = [(str(t.get("id") or ""), f"Nhóm {t.get('id')}: {t.get('title') or ''}") for t in tracks]
    if tracks:
        groups = []
        for i, t in enumerate(tracks):
            groups.append(Group(f"Nhóm đợt {t.get('id')}", [
                Field(f"tracks[{i}].id", "Số hiệu nhóm", value=shown(f"tracks[{i}].id", t.get("id"))),
                Field(f"tracks[{i}].title", "Tên nhóm (đúng lời văn)", "textarea", shown(f"tracks[{i}].title", t.get("title")))]))
        sections.append(Section("nhom-dot", "Các nhóm đợt song song", groups))

    phases = []
    rows = list(data.get("phases") or [])
    for i in range(len(rows) + 1):
        ph = rows[i] if i < len(rows) else {}
        new = i == len(rows)
        fields = []
        if track_ids:
            fields.append(f(f"phases[{i}].track", "Nhóm đợt", "select", choices=[("", "Không thuộc nhóm nào")] + track_ids))
        fields += [f(f"phases[{i}].label", "Số hiệu đợt (đúng như văn bản)", required=not new),
                   f(f"phases[{i}].title", "Tiêu đề đợt (đúng lời văn)", "textarea"),
                   f(f"phases[{i}].start", "Ngày bắt đầu", "date"),
                   f(f"phases[{i}].end", "Ngày kết thúc", "date"),
                   f(f"phases[{i}].relative.when", "Gắn với đại hội", "select", choices=WHEN),
                   f(f"phases[{i}].relative.congress", "Đại hội", "select",
                     choices=_congress_choices(congresses, auto_congress.get(i, ""))),
                   f(f"phases[{i}].relative.event", "Sự kiện như văn bản ghi"),
                   f(f"phases[{i}].peak.start", "Cao điểm từ ngày", "date"),
                   f(f"phases[{i}].peak.end", "Cao điểm đến ngày", "date")]
        moments = "; ".join(m.get("title") or "" for m in ph.get("moments") or [] if isinstance(m, dict))
        legend = "Thêm một đợt" if new else phase_name(str(ph.get("label") or i + 1))
        if track_ids and ph.get("track"):
            legend += f" (nhóm {ph.get('track')})"
        phases.append(Group(legend, fields, remove="" if new else f"phases[{i}]", new=new,
                            note=f"Các phần trong đợt: {moments}" if moments else ""))
    sections.append(Section("dot", "Các đợt tuyên truyền", phases))

    slogans = [Group(f"Khẩu hiệu {i + 1}", [f(f"slogans[{i}]", "Lời khẩu hiệu (đúng lời văn)", "textarea")],
                     remove=f"slogans[{i}]") for i in range(len(data.get("slogans") or []))]
    n = len(data.get("slogans") or [])
    slogans.append(Group("Thêm một khẩu hiệu", [f(f"slogans[{n}]", "Lời khẩu hiệu mới", "textarea")], new=True))
    slogans.append(Group("Thời gian treo khẩu hiệu", [f("slogan_display.start", "Từ ngày", "date"),
                                                       f("slogan_display.end", "Đến ngày", "date")]))
    sections.append(Section("khau-hieu", "Khẩu hiệu", slogans))

    units = [Group(f"Đơn vị {i + 1}", [f(f"units[{i}].name", "Tên đơn vị (đúng lời văn)", "textarea")],
                   remove=f"units[{i}]") for i in range(len(data.get("units") or []))]
    n = len(data.get("units") or [])
    units.append(Group("Thêm một đơn vị", [f(f"units[{n}].name", "Tên đơn vị mới", "textarea")], new=True))
    sections.append(Section("don-vi", "Đơn vị thực hiện", units))

    reports = []
    n = len(data.get("reporting") or [])
    for i in range(n + 1):
        reports.append(Group("Thêm một hạn báo cáo" if i == n else f"Hạn báo cáo {i + 1}", [
            f(f"reporting[{i}].due", "Hạn (một ngày)", "date"),
            f(f"reporting[{i}].day_of_month", "Hoặc ngày hằng tháng (1 đến 31)", "int"),
            f(f"reporting[{i}].to", "Báo cáo về")], remove="" if i == n else f"reporting[{i}]", new=i == n))
    sections.append(Section("bao-cao", "Báo cáo", reports))

    sections.append(Section("ket-thuc", "Nơi nhận, người ký", [
        Group("Nơi nhận", [f("recipients", "Nơi nhận, mỗi nơi một dòng, như văn bản in", "lines")]),
        Group("Người ký", [f("signer.on_behalf", "Thẩm quyền ký (T/M, KT.)"), f("signer.position", "Chức vụ"),
                           f("signer.name", "Họ tên")])]))
    if edit:
        sections.append(Section("toan-van", "Toàn văn kế hoạch", [Group("Toàn văn (Markdown, đúng lời văn)", [
            Field("body", "Phần dưới dấu ---: văn bản đã ký, giữ nguyên từng chữ", "body", data.get("__body__", ""))])]))
    return sections


def all_fields(sections: list[Section]) -> list[Field]:
    return [fl for s in sections for g in s.groups for fl in g.fields]


def corrections(form: Mapping[str, str], removed: list[str], data: dict, sections: list[Section],
                tracks: list | None = None) -> tuple[dict, dict]:
    """(path -> new value for every field the editor changed, path -> Vietnamese error).

    A field counts as changed when its value, read as the plan stores it (a date typed
    04/01/2016 is 2016-01-04), differs from the plan's. `removed`: the paths of the items
    whose "Bỏ" box is ticked."""
    source = dict(data, tracks=tracks) if tracks is not None else data
    out, errors = {}, {}
    for fl in all_fields(sections):
        if fl.kind == "body" or fl.path not in form:
            continue
        typed = form[fl.path]
        try:
            new = C.normalise(fl.path, typed)
        except C.CorrectionError as exc:
            errors[fl.path] = exc.message
            continue
        try:
            old = C.normalise(fl.path, get(source, fl.path))
        except C.CorrectionError:
            old = get(source, fl.path)
        if new != old and not (new in (None, []) and old in (None, [], "")):
            out[fl.path] = new
    for path in removed:
        if path in {g.remove for s in sections for g in s.groups if g.remove}:
            out = {k: v for k, v in out.items() if not (k.startswith(path + ".") or k.startswith(path + "["))}
            out[path] = None
    return out, errors


def with_input(sections: list[Section], form: Mapping[str, str], errors: Mapping[str, str]) -> list[Section]:
    """The form as the editor left it: typed values and errors kept (nothing typed is lost)."""
    for fl in all_fields(sections):
        if fl.path in form:
            fl.value = form[fl.path]
        fl.error = errors.get(fl.path, "")
    return sections


def attach_warnings(sections: list[Section], warnings: list) -> list:
    """Put each importer note next to the fields it names; return the notes no field took."""
    fields = all_fields(sections)
    left = []
    for w in warnings:
        names = [n for n in getattr(w, "field", "").split(",") if n]
        taken = False
        for name in names:
            for fl in fields:
                if fl.path == name or fl.path.startswith(name + ".") and name.endswith("]"):
                    fl.warnings.append(str(w))
                    taken = True
                    break
        if not taken:
            left.append(w)
    return left
