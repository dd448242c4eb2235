"""What an editor may write: the fields of a plan, a congress and the site settings.

The declarations below are the single source of truth for the content model:
the checker converts the strings an editor typed into typed values (dates, ints)
and reports, with the line, every field that is missing, unknown, mistyped or
malformed. Rules that relate several fields live in `validate.py`.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from daihoi.text import roman, vndate
from daihoi.model.problems import Problem
from daihoi.model.source import Source
from daihoi.text.vntext import clean


@dataclass(frozen=True)
class F:
    kind: str                      # text | date | int | enum | roman | ref | list | record
    required: bool = False
    label: str = ""                # Vietnamese name, for messages
    of: "F | None" = None          # list: the items
    fields: "dict[str, F] | None" = None  # record: its fields
    choices: tuple = ()            # enum
    nonempty: bool = False         # text: may not be blank
    low: int | None = None         # int bounds
    high: int | None = None


def text(label="", **kw):
    return F("text", label=label, **kw)


def date(label="", **kw):
    return F("date", label=label, **kw)


def listof(item: F, label="", **kw):
    return F("list", label=label, of=item, **kw)


def record(fields: dict, label="", **kw):
    return F("record", label=label, fields=fields, **kw)


WHEN = ("before", "during", "after")
WHEN_VI = {"before": "Trước", "during": "Trong", "after": "Sau"}
LEVELS = ("chi bộ", "cơ sở", "cấp trên cơ sở", "huyện", "tỉnh/thành", "toàn quốc")
SYSTEMS = ("dang", "nha-nuoc")

PERIOD = {"start": date("ngày bắt đầu", required=True), "end": date("ngày kết thúc", required=True)}

PHASE = record({
    "track": text("nhóm đợt (số của mục chứa các đợt)"),
    "label": text("số hiệu đợt, ví dụ “Đợt 1” hoặc “1.2”", required=True, nonempty=True),
    "title": text("tên đợt, đúng như dòng tiêu đề của đợt trong văn bản"),
    "start": date("ngày bắt đầu"),
    "end": date("ngày kết thúc"),
    "relative": record({
        "when": F("enum", required=True, choices=WHEN, label="trước (before), trong (during) hay sau (after) đại hội"),
        "event": text("tên đại hội như trong văn bản"),
        "congress": F("ref", label="mã đại hội trong content/_du-lieu/dai-hoi.yml"),
    }, "đợt gắn với đại hội"),
    "moments": listof(record({
        "when": F("enum", required=True, choices=WHEN, label="before, during hoặc after"),
        "title": text("dòng mở đầu phần này trong văn bản"),
    }), "nội dung trước, trong, sau đại hội"),
    "peak": record(PERIOD, "thời gian cao điểm"),
}, "đợt tuyên truyền")

PLAN = record({
    "number": text("số và ký hiệu, ví dụ 07-KH/ĐUK", required=True, nonempty=True),
    "number_line": text("dòng số, ký hiệu đúng như văn bản in (ví dụ “Số: 20- KH/ĐUK”), khi khác cách viết chuẩn"),
    "system": F("enum", required=True, choices=SYSTEMS,
                label="loại văn bản: dang (văn bản của Đảng) hoặc nha-nuoc (văn bản nhà nước)"),
    "issuer": text("cơ quan ban hành"),
    "parent_issuer": text("cơ quan cấp trên"),
    "place": text("địa danh"),
    "date": date("ngày ban hành", required=True),
    "title": text("trích yếu (tên kế hoạch)", required=True, nonempty=True),
    "congress": F("ref", label="mã đại hội mà kế hoạch phục vụ"),
    "description": text("mô tả ngắn khi chia sẻ"),
    "bases": listof(record({"number": text("số văn bản"), "date": date("ngày văn bản"), "text": text("nội dung")}),
                    "căn cứ"),
    "campaign": record({"start": date("ngày bắt đầu"), "end": date("ngày kết thúc")},
                       "thời gian triển khai kế hoạch, như văn bản ghi (“được tiến hành từ … đến …”)"),
    "tracks": listof(record({"id": text("số hiệu nhóm, trùng với “track” của các đợt", required=True, nonempty=True),
                             "title": text("tên nhóm đợt, đúng như trong văn bản", required=True, nonempty=True)}),
                     "các nhóm đợt song song"),
    "phases": listof(PHASE, "các đợt tuyên truyền"),
    "slogans": listof(text(nonempty=True, label="khẩu hiệu"), "khẩu hiệu"),
    "slogan_display": record(PERIOD, "thời gian treo khẩu hiệu"),
    "units": listof(record({"name": text("tên đơn vị, đúng như trong văn bản", required=True, nonempty=True)}),
                    "tổ chức thực hiện"),
    "reporting": listof(record({"due": date("hạn báo cáo"),
                                "day_of_month": F("int", low=1, high=31, label="ngày báo cáo hằng tháng"),
                                "to": text("nơi nhận báo cáo")}), "chế độ báo cáo"),
    "recipients": listof(text(nonempty=True), "nơi nhận"),
    "attachments": listof(record({"title": text("tên tài liệu"),
                                  "file": text("đường dẫn tệp, tính từ thư mục của trang này", required=True,
                                               nonempty=True),
                                  "date": date("ngày của tài liệu")}), "tài liệu đính kèm"),
    "comment_url": text("địa chỉ góp ý dự thảo (ví dụ hệ thống góp ý của Trung ương)"),
    "signer": record({"on_behalf": text("thẩm quyền ký, ví dụ T/M BAN THƯỜNG VỤ"),
                      "for": text("ký thay, ví dụ KT. CHỦ TỊCH"),
                      "position": text("chức vụ"), "name": text("họ tên người ký")}, "người ký"),
}, "kế hoạch")

CONGRESS = record({
    "name": text("tên đại hội", required=True, nonempty=True),
    "level": F("enum", required=True, choices=LEVELS, label="cấp đại hội"),
    "ordinal": F("roman", required=True, label="lần thứ (số La Mã)"),
    "unit": text("đảng bộ, chi bộ tổ chức đại hội", required=True, nonempty=True),
    "term": text("nhiệm kỳ, ví dụ “nhiệm kỳ 2025 - 2030”"),
    "opening": date("ngày khai mạc"),
    "closing": date("ngày bế mạc"),
}, "đại hội")

SETTINGS = record({
    "unit": text("tên đơn vị", required=True, nonempty=True),
    "section_title": text("tiêu đề chuyên mục", required=True, nonempty=True),
    "short_title": text("tên ngắn của chuyên mục, hiện ở đầu trang trên điện thoại, ví dụ “Đại hội XIII”"),
    "target_congress": F("ref", required=True, label="mã đại hội hướng tới"),
    "description": text("mô tả ngắn của chuyên mục"),
    "portal_url": text("địa chỉ cổng thông tin, ví dụ https://example.gov.vn"),
    "base_path": text("đường dẫn của chuyên mục trên cổng, ví dụ /huong-toi-dai-hoi/"),
    "comment_url": text("địa chỉ góp ý dự thảo văn kiện, dùng cho mọi kế hoạch không ghi riêng"),
}, "cài đặt")


# Keys of the earlier content form (before the plan's text was kept word for word): what an
# editor reads when an old file still has one.
RETIRED = {
    "items": "Nội dung của đợt nay lấy từ văn bản kế hoạch (phần dưới dấu ---), không ghi trong phần thông tin",
    "tasks": "Nhiệm vụ của đơn vị nay lấy từ văn bản kế hoạch (phần dưới dấu ---), không ghi trong phần thông tin",
    "forms": "Hình thức tuyên truyền nay lấy từ văn bản kế hoạch (phần dưới dấu ---), không ghi trong phần thông tin",
}
RETIRED_FIX = "Chuyển tệp sang dạng mới bằng lệnh: python build.py migrate {path} (hoặc nhập lại kế hoạch từ tệp nhận được)"


def show(path: tuple) -> str:
    """A path into the data as an editor reads it: phases[2].start (1-based)."""
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def suggest(word: str, choices) -> str | None:
    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return found[0] if found else None


@dataclass
class Checker:
    """Converts `src.data` against a spec, collecting problems."""
    src: Source
    problems: list = field(default_factory=list)

    def problem(self, path, what, fix="", code=""):
        self.problems.append(Problem(self.src.path, self.src.line(path), what, fix, code=code))

    def check(self, spec: F, value, path=()):
        if value is None:
            return [] if spec.kind == "list" else None
        handler = getattr(self, "_" + spec.kind)
        return handler(spec, value, path)

    def _text(self, spec, value, path):
        if isinstance(value, (list, dict)):
            self.problem(path, f"“{show(path)}” phải là một đoạn chữ, không phải danh sách",
                         "Viết giá trị ngay sau dấu hai chấm, trên cùng một dòng", "type")
            return None
        value = clean(value)
        if spec.nonempty and not value:
            what = f"{spec.label.capitalize() or show(path)} thứ {path[-1] + 1} để trống" if isinstance(path[-1], int) \
                else f"“{show(path)}” để trống"
            self.problem(path, what, "Viết nội dung hoặc xóa dòng này", "empty")
            return None
        return value

    def _scalar(self, path, value) -> str | None:
        if isinstance(value, (list, dict)):
            self.problem(path, f"“{show(path)}” phải là một giá trị, không phải danh sách", "", "type")
            return None
        return str(value).strip()

    def _date(self, spec, value, path):
        value = self._scalar(path, value)
        if value is None:
            return None
        try:
            return vndate.parse(value)
        except vndate.BadDate as exc:
            self.problem(path, f"Ngày “{show(path)}” không hợp lệ: {exc.reason}",
                         "Viết một ngày có thật, dạng 2016-01-04 hoặc 04/01/2016", "date")
            return None

    def _int(self, spec, value, path):
        value = self._scalar(path, value)
        if value is None:
            return None
        if not value.isdecimal() or not (spec.low or 0) <= int(value) <= (spec.high or 10**9):
            self.problem(path, f"“{show(path)}” là “{value}”, không phải số từ {spec.low} đến {spec.high}",
                         f"Viết {spec.label} bằng một số từ {spec.low} đến {spec.high}", "int")
            return None
        return int(value)

    def _enum(self, spec, value, path):
        value = self._scalar(path, value)
        if value is None:
            return None
        if value not in spec.choices:
            guess = suggest(value, spec.choices)
            fix = f"Có phải ý bạn là “{guess}”? " if guess else ""
            self.problem(path, f"“{show(path)}” là “{value}”, không phải giá trị hợp lệ",
                         fix + "Chọn một trong: " + ", ".join(spec.choices), "enum")
            return None
        return value

    def _roman(self, spec, value, path):
        value = self._scalar(path, value)
        if value is None:
            return None
        if roman.from_roman(value) is None:
            n = roman.lenient_value(value)
            hint = f"Có phải là {roman.to_roman(n)} ({n})? " if n else ""
            self.problem(path, f"“{value}” không phải số La Mã hợp lệ",
                         hint + "Viết số La Mã chuẩn, ví dụ XIII, XIV, XX", "roman")
            return None
        return value.upper()

    def _ref(self, spec, value, path):
        return self._scalar(path, value) or None  # resolved by validate.py, which knows the ids

    def _list(self, spec, value, path):
        if not isinstance(value, list):
            kind = "một đoạn chữ" if isinstance(value, str) else "các mục con"
            self.problem(path, f"“{show(path)}” phải là danh sách, không phải {kind}",
                         "Viết mỗi phần tử trên một dòng riêng, bắt đầu bằng “- ”", "type")
            return []
        out = []
        for i, item in enumerate(value):
            converted = self.check(spec.of, item, path + (i,))
            if converted is not None:
                out.append(converted)
        return out

    def _record(self, spec, value, path):
        if not isinstance(value, dict):
            self.problem(path, f"“{show(path)}” phải gồm các mục con ({', '.join(spec.fields)})",
                         "Viết mỗi mục con trên một dòng, thụt vào 2 dấu cách", "type")
            return None
        out = {}
        for key, item in value.items():
            if key not in spec.fields and key in RETIRED:
                self.problem(path + (key,), RETIRED[key], RETIRED_FIX.format(path=self.src.path), "retired-key")
                continue
            if key not in spec.fields:
                guess = suggest(key, spec.fields)
                fix = f"Có phải ý bạn là “{guess}”? Sửa lại tên mục" if guess else \
                    "Các mục được phép: " + ", ".join(spec.fields)
                where = f" trong “{show(path)}”" if path else ""
                self.problem(path + (key,), f"Mục “{key}”{where} không có trong mẫu {spec.label}".rstrip(),
                             fix, "unknown-key")
        for key, sub in spec.fields.items():
            item = value.get(key)
            if sub.required and (item is None or item == ""):
                where = f" trong “{show(path)}”" if path else ""
                self.problem(path if key not in value else path + (key,),
                             f"Thiếu mục “{key}” ({sub.label}){where}",
                             f"Thêm dòng “{key}: ...” vào phần thông tin", "missing")
                out[key] = [] if sub.kind == "list" else None
                continue
            out[key] = self.check(sub, item, path + (key,))
        return out
