"""Every validation rule, each with a bad-content fixture: the message, its rule and its line."""
import codecs
import unicodedata
import shutil
from pathlib import Path

import pytest

from helpers import FIXTURES, ROOT, SITE_FIXTURE
from daihoi.model import content, schema, source
from daihoi.model.problems import ERROR, WARNING

BAD = FIXTURES / "bad"
CONGRESSES = {"phuong-v": {"id": "phuong-v"}}

# file -> (rule code, line, level, a fragment of the message, a fragment of the fix)
PLAN_CASES = {
    "yaml-syntax.md": ("yaml-syntax", 6, ERROR, "dấu hai chấm (:) không đúng chỗ", "ngoặc kép"),
    "yaml-tab.md": ("yaml-tab", 7, ERROR, "Tab", "dấu cách"),
    "missing-number.md": ("missing", 2, ERROR, "Thiếu mục “number”", "number: ..."),
    "unknown-key.md": ("unknown-key", 6, ERROR, "Mục “slogns”", "Có phải ý bạn là “slogans”?"),
    "slogans-not-list.md": ("type", 6, ERROR, "“slogans” phải là danh sách", "bắt đầu bằng “- ”"),
    "date-impossible.md": ("date", 4, ERROR, "tháng 2/2020 không có ngày 31", "ngày có thật"),
    "date-month13.md": ("date", 8, ERROR, "không có tháng 13", "ngày có thật"),
    "end-before-start.md": ("end-before-start", 9, ERROR, "“phases[1].end” (01/05/2025) trước ngày bắt đầu", ""),
    "number-line.md": ("number-line", 3, WARNING, "Dòng số “Số 11- KH/ĐU” không ghi số “12-KH/ĐU”",
                       "xóa dòng “number_line”"),
    "phase-order.md": ("phase-order", 10, ERROR, "Đợt 2 bắt đầu (01/04/2025) trước Đợt 1", "thứ tự thời gian"),
    "slogan-empty.md": ("empty", 8, ERROR, "Khẩu hiệu thứ 2 để trống", "xóa dòng"),
    "unknown-congress.md": ("unknown-congress", 10, ERROR, "Không có đại hội mã “phuong-vv”",
                            "Có phải ý bạn là “phuong-v”?"),
    "system-enum.md": ("enum", 3, ERROR, "“system” là “dangg”", "Có phải ý bạn là “dang”?"),
    "day-of-month.md": ("int", 7, ERROR, "không phải số từ 1 đến 31", ""),
    "reporting-empty.md": ("reporting", 7, ERROR, "không có hạn báo cáo", "day_of_month: 20"),
    "slogan-display-order.md": ("end-before-start", 8, ERROR, "“slogan_display.end”", ""),
    "peak-order.md": ("end-before-start", 10, ERROR, "“phases[1].peak.end”", ""),
    "phase-overlap.md": ("phase-overlap", 11, WARNING, "Đợt 2 bắt đầu (20/05/2025) trước khi Đợt 1 kết thúc", ""),
    "relative-when.md": ("enum", 9, ERROR, "“phases[1].relative.when” là “sau”", "before, during, after"),
    "track-undeclared.md": ("track", 10, ERROR, "thuộc nhóm “2” chưa khai báo", "tracks"),
    "signer-not-record.md": ("type", 6, ERROR, "“signer” phải gồm các mục con", "thụt vào"),
    "empty.md": ("empty", 0, ERROR, "Tệp rỗng", "xóa tệp"),
}


@pytest.mark.parametrize("name", sorted(PLAN_CASES))
def test_bad_plan_fixture(name):
    code, line, level, what, fix = PLAN_CASES[name]
    plan, problems = content.load_plan_file(BAD / name, CONGRESSES)
    matching = [p for p in problems if p.code == code]
    assert matching, f"no {code} problem in {[str(p) for p in problems]}"
    p = matching[0]
    assert p.line == line
    assert p.level == level
    assert what in p.what
    assert fix in p.fix
    # The message an editor reads: "path:line: what. fix."
    text = str(p)
    assert text.startswith(f"{p.path}:{line}: " if line else f"{p.path}: ")
    assert p.path.endswith(f"fixtures/bad/{name}")
    # Each message links to its entry in the editors' guide, and the entry exists.
    assert text.endswith(f" Xem: docs/huong-dan-bien-tap.md#loi-{code}")
    assert f'id="loi-{code}"' in (ROOT / "docs/huong-dan-bien-tap.md").read_text(encoding="utf-8")
    if level == ERROR:
        assert plan is None


@pytest.mark.parametrize("name,code,line,what,fix", [
    ("congress-roman.yml", "roman", 4, "“XIIII” không phải số La Mã hợp lệ", "Có phải là XIV (14)?"),
    ("congress-level-and-order.yml", "enum", 3, "“phuong-v.level” là “phường”", "cấp trên cơ sở"),
    ("congress-level-and-order.yml", "end-before-start", 7, "“phuong-v.closing” (10/06/2025) trước", ""),
])
def test_bad_congress_file(tmp_path, name, code, line, what, fix):
    site = tmp_path / "content"
    shutil.copytree(SITE_FIXTURE, site)
    shutil.copy(BAD / name, site / content.CONGRESS_FILE)
    result, problems = content.load(site)
    assert result is None
    p = next(p for p in problems if p.code == code)
    assert (p.line, p.path.split("/")[-1]) == (line, "dai-hoi.yml")
    assert what in p.what and fix in p.fix


def _site_copy(tmp_path) -> Path:
    site = tmp_path / "content"
    shutil.copytree(SITE_FIXTURE, site)
    return site


def test_target_congress_must_exist(tmp_path):
    site = _site_copy(tmp_path)
    settings = site / content.SETTINGS_FILE
    settings.write_text(settings.read_text(encoding="utf-8").replace('"phuong-v"', '"phuong-5"'), encoding="utf-8")
    _, problems = content.load(site)
    p = next(p for p in problems if p.code == "unknown-congress")
    assert p.path.endswith("cai-dat.yml") and p.line == 3
    assert "phuong-v" in p.fix


def test_duplicate_plan_numbers(tmp_path):
    site = _site_copy(tmp_path)
    shutil.copy(site / "ke-hoach/12-kh-du.md", site / "ke-hoach/12-kh-du-ban-sao.md")
    _, problems = content.load(site)
    p = next(p for p in problems if p.code == "duplicate-number")
    assert p.line == 2 and "trùng với" in p.what


@pytest.mark.parametrize("raw,code,line", [
    (codecs.BOM_UTF16_LE + "---\ntitle: x\n---\n".encode("utf-16-le"), "encoding", 0),
    # Windows-1258 writes tone marks as combining characters after the letter.
    (unicodedata.normalize("NFD", "---\ntitle: \"Đảng\"\n---\n").encode("cp1258"), "encoding", 2),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary", 0),
])
def test_encodings_and_binary_rejected(tmp_path, raw, code, line):
    f = tmp_path / "x.md"
    f.write_bytes(raw)
    src, problems = source.read(f, "content/x.md")
    assert src is None
    assert (problems[0].code, problems[0].line) == (code, line)
    assert "UTF-8" in str(problems[0]) or "nhị phân" in str(problems[0])


def test_bom_and_nfd_are_accepted_and_normalized(tmp_path):
    import unicodedata
    f = tmp_path / "x.md"
    text = unicodedata.normalize("NFD", '---\ntitle: "Đại hội"\n---\nKhẩu hiệu\n')
    f.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    src, problems = source.read(f, "content/x.md")
    assert problems == []
    assert src.data == {"title": "Đại hội"} and src.body == "Khẩu hiệu\n"
    assert unicodedata.is_normalized("NFC", src.body)


def test_oversized_file_names_the_limit(tmp_path):
    f = tmp_path / "x.md"
    f.write_bytes(b"a" * (source.MAX_BYTES + 1))
    _, problems = source.read(f, "content/x.md")
    assert problems[0].code == "too-large" and "giới hạn 2.000.000 byte" in problems[0].what


def test_scalars_stay_as_typed():
    # YAML 1.1 would read 1.10 as 1.1, 07 as 7 and "no" as False.
    src, _ = source.parse_yaml('label: 1.10\nnumber: 07\nx: no\n', "f", 1)
    assert src.data == {"label": "1.10", "number": "07", "x": "no"}


def test_schema_fields_all_have_vietnamese_labels():
    def walk(spec, path=""):
        for key, f in (spec.fields or {}).items():
            if f.kind not in ("list",) or f.label:
                assert f.label or f.kind == "record", f"{path}.{key} has no label"
            if f.kind == "record":
                walk(f, f"{path}.{key}")
            if f.kind == "list" and f.of.kind == "record":
                walk(f.of, f"{path}.{key}[]")
    for spec in (schema.PLAN, schema.CONGRESS, schema.SETTINGS):
        walk(spec)


def test_fixture_site_is_valid():
    site, problems = content.load(SITE_FIXTURE)
    assert site is not None, [str(p) for p in problems]
    assert [p.number for p in site.plans] == ["12-KH/ĐU", "192/KH-UBND"]
    plan = site.plans[0]
    assert plan.phases[1].start.isoformat() == "2025-05-01"   # "01/05/2025" accepted
    assert plan.reporting[1].day_of_month == 20


def test_a_number_line_left_over_from_another_number_is_not_printed(tmp_path):
    from daihoi.model.plan import number_line

    plan, _ = content.load_plan_file(BAD / "number-line.md", CONGRESSES)
    assert number_line(plan) == "Số 12-KH/ĐU"          # the standard form of the plan's own number
    fits = tmp_path / "fits.md"
    fits.write_text((BAD / "number-line.md").read_text(encoding="utf-8").replace("Số 11- KH/ĐU", "Số: 12- KH/ĐU"),
                    encoding="utf-8")
    plan, problems = content.load_plan_file(fits, CONGRESSES)
    assert number_line(plan) == "Số: 12- KH/ĐU" and not [p for p in problems if p.code == "number-line"]


def test_a_superscript_digit_is_not_a_number(tmp_path):
    plan = tmp_path / "sup.md"
    plan.write_text((BAD / "day-of-month.md").read_text(encoding="utf-8").replace('"32"', '"²"'), encoding="utf-8")
    _, problems = content.load_plan_file(plan, CONGRESSES)
    assert [(p.code, p.line) for p in problems if p.code == "int"] == [("int", 7)]
