"""An editor at the desk, in Chromium: import the three sample plans as Word files, correct one date
and one slogan each, save; the saved file is byte for byte what the command line writes for the same
corrections. Then a post with a cover and a phase, the check with a problem linked to its field,
the package."""
from __future__ import annotations

import subprocess
import sys

import pytest

from desk_helpers import SEEDS, word_file
from helpers import ROOT

# (field, value typed) for each sample plan: one date and one slogan; the plans that print no issuer
# get theirs (the importer's warning names it).
EDITS = {
    "07-kh-duk": [("phases[0].end", "21/01/2016"),
                  ("slogans[0]", "Nhiệt liệt chào mừng Đại hội đại biểu toàn quốc lần thứ XII của Đảng!")],
    "38-kh-du": [("issuer", "ĐẢNG ỦY VĂN PHÒNG CHÍNH PHỦ"), ("phases[1].start", "2020-07-02"),
                 ("slogans[2]", "Nhiệt liệt chào mừng Đại hội đại biểu toàn quốc lần thứ XIII của Đảng Cộng sản Việt Nam!")],
    "20-kh-duk": [("issuer", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP TỈNH"), ("phases[4].end", "31/03/2021"),
                  ("slogans[1]", "Đảng Cộng sản Việt Nam quang vinh muôn năm!")],
}


def field_id(path: str) -> str:
    from daihoi.desk.fields import field_id as fid
    return fid(path)


@pytest.fixture(scope="module")
def page(browser, desk):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    p = context.new_page()
    p.set_default_timeout(120_000)
    p.requests = []
    p.on("request", lambda r: p.requests.append(r.url))
    yield p
    context.close()


def cli_text(docx, edits, tmp_path) -> str:
    """What `build.py desk --nhap FILE --sua …` writes: the importer's file plus the corrections."""
    out = tmp_path / "cli.md"
    args = [sys.executable, str(ROOT / "build.py"), "desk", "--nhap", str(docx), "--out", str(out)]
    for path, value in edits:
        args += ["--sua", f"{path}={value}"]
    done = subprocess.run(args, capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert done.returncode == 0, done.stderr
    return out.read_text(encoding="utf-8")


@pytest.mark.parametrize("stem", list(SEEDS))
def test_import_review_correct_save_equals_command_line(page, desk, stem, tmp_path):
    from daihoi.desk.cli import import_with_corrections
    from daihoi.importer.sources import import_with_extras
    from daihoi.importer.writer import to_content

    docx = word_file(stem, tmp_path)
    page.goto(desk.url + "nhap")
    page.set_input_files("#tep", str(docx))
    page.get_by_role("button", name="Nhập và đối chiếu").click()
    page.wait_for_url("**/nhap/*")
    # The review: the text with what was recognised, the number marked on its line, the fields beside it.
    assert page.locator(".lines li.marked").count() > 5
    plan, extra = import_with_extras(docx)
    assert page.locator(".mark-number").first.inner_text().endswith(plan["number"])
    for warning in plan["warnings"]:
        assert page.locator(".lines .note", has_text=str(warning)[:40]).count() >= 1
    for path, value in EDITS[stem]:
        page.fill("#" + field_id(path), value)
    page.get_by_role("button", name="Lưu kế hoạch").first.click()
    page.wait_for_url(f"**/ke-hoach/{stem}?da-luu=*")
    assert page.url.endswith(f"da-luu={len(EDITS[stem])}")      # exactly the fields touched were corrections
    saved = (desk.content / "ke-hoach" / f"{stem}.md").read_text(encoding="utf-8")
    # The same corrections through the importer's writer, and through the command line.
    _, expected, fixes = import_with_corrections(str(docx), [f"{p}={v}" for p, v in EDITS[stem]], desk.content)
    assert saved == expected
    assert saved == cli_text(docx, EDITS[stem], tmp_path)
    assert saved != to_content(plan, extra, source=docx.name)   # the corrections are in it
    assert set(fixes) == {p for p, _ in EDITS[stem]}


def test_review_shows_phase_dates_at_once(page, desk, tmp_path):
    """Binding a phase to a congress gives it dates in the table before saving (07: the third phase)."""
    page.goto(desk.url + "nhap")
    page.set_input_files("#tep", str(word_file("07-kh-duk", tmp_path)))
    page.get_by_role("button", name="Nhập và đối chiếu").click()
    page.wait_for_url("**/nhap/*")
    row = page.locator(".dates tbody tr").nth(2)
    assert "Đại hội đại biểu toàn quốc lần thứ XII" in row.inner_text()       # matched from its words
    page.select_option("#" + field_id("phases[2].relative.congress"), "xiii-toan-quoc")
    page.wait_for_function("document.querySelector('.dates tbody tr:nth-child(3)').innerText.includes('XIII')")
    assert "02/02/2021" in page.locator(".dates tbody tr").nth(2).inner_text()
    page.fill("#" + field_id("phases[0].end"), "32/01/2016")
    page.get_by_role("button", name="Lưu kế hoạch").first.click()
    assert page.locator("[role=alert]").first.is_visible()
    assert "không có ngày 32" in page.locator(f"#{field_id('phases[0].end')}-loi").inner_text()
    assert page.input_value("#" + field_id("phases[0].end")) == "32/01/2016"   # nothing typed is lost


def test_post_with_cover_and_phase(page, desk, tmp_path):
    from PIL import Image

    photo = tmp_path / "Ảnh hội nghị triển khai.jpg"
    Image.new("RGB", (1600, 1000), (183, 28, 28)).save(photo, "JPEG")
    page.goto(desk.url + "tin-tuc/moi")
    page.fill("#f-title", "Hội nghị triển khai đợt 2")
    page.fill("#f-date", "15/07/2020")
    page.fill("#f-summary", "Tóm tắt hai câu.")
    page.set_input_files("#f-anh", str(photo))
    page.fill("#f-cover-alt", "Quang cảnh hội nghị")
    # The two "Đợt 2" of 38-KH/ĐU are two lines of the list: one per track.
    options = page.locator("#f-dot option", has_text="Đợt 2")
    assert options.count() >= 2
    page.select_option("#f-dot", "38-KH/ĐU|1-dot-2")
    page.fill("#f-body", "Sáng nay, **hội nghị** đã khai mạc.")
    page.get_by_role("button", name="Xem trước nội dung").click()
    page.locator("#xem-noi-dung strong", has_text="hội nghị").wait_for()
    page.get_by_role("button", name="Lưu tin bài").click()
    page.wait_for_url("**/tin-tuc/2020-07-15-*?da-luu=1")
    stem = page.url.split("/tin-tuc/")[1].split("?")[0]
    text = (desk.content / "tin-tuc" / f"{stem}.md").read_text(encoding="utf-8")
    assert 'plan: "38-KH/ĐU"' in text and 'phase: "Đợt 2"' in text and 'track: "1"' in text
    assert 'cover: "anh/anh-hoi-nghi-trien-khai.jpg"' in text
    assert (desk.content / "tin-tuc" / "anh" / "anh-hoi-nghi-trien-khai.jpg").is_file()
    assert page.locator("img.thumb").evaluate("i => i.naturalWidth") == 480       # the site's 480 px copy
    assert page.input_value("#f-dot") == "38-KH/ĐU|1-dot-2"


def test_check_links_problem_to_field(page, desk):
    page.goto(desk.url + "kiem-tra")
    page.get_by_role("button", name="Kiểm tra").click()
    page.wait_for_url("**/kiem-tra#ket-qua")
    # The slogan corrected above is no longer the text's own words: the check says so, and links its field.
    link = page.locator("a[href='/ke-hoach/07-kh-duk#" + field_id("slogans[0]") + "']")
    assert link.count() == 1
    link.click()
    page.wait_for_url("**/ke-hoach/07-kh-duk#" + field_id("slogans[0]"))
    field = page.locator("#" + field_id("slogans[0]"))
    assert field.is_visible()
    assert "Không tìm thấy khẩu hiệu thứ 1" in page.locator(f"#{field_id('slogans[0]')}-canh-bao").inner_text()


def test_package(page, desk):
    page.goto(desk.url + "dong-goi")
    page.get_by_role("button", name="Đóng gói").click()
    page.wait_for_url("**/dong-goi#ket-qua")
    status = page.locator("#ket-qua [role=status]").inner_text()
    assert "Đã đóng gói" in status, page.locator("#ket-qua").inner_text()
    zips = list(desk.out.glob("chuyen-muc-*.zip"))
    assert len(zips) == 1 and zips[0].name in status
    assert "Đây là lần đóng gói đầu tiên" in page.locator(".summary").inner_text()
    # A second package lists what changed since the first.
    page.goto(desk.url + "dong-goi")
    page.get_by_role("button", name="Đóng gói").click()
    page.wait_for_url("**/dong-goi#ket-qua")
    assert "Không có gì thay đổi" in page.locator(".summary").inner_text()
    outside = {r.split("/")[2] for r in page.requests} - {desk.url.split("/")[2]}
    assert outside == set()
