"""Check and package through build.py (daihoi/desk/publish.py), and a problem's link to its field
(daihoi/desk/links.py)."""
from __future__ import annotations

import shutil

import pytest

from daihoi.desk import links, publish
from daihoi.desk.store import Store
from daihoi.model.problems import WARNING, Problem
from helpers import ROOT


@pytest.mark.parametrize("problem", [
    Problem("content/ke-hoach/07-kh-duk.md", 41, "Không tìm thấy khẩu hiệu thứ 1 trong văn bản kế hoạch",
            "Chép khẩu hiệu đúng như trong văn bản (phần dưới dấu ---)", WARNING, "quote-not-found"),
    Problem("content/_du-lieu/dai-hoi.yml", 12, "Ngày “opening” không hợp lệ: “2016-13-01”: không có tháng 13",
            "Viết một ngày có thật, dạng 2016-01-04", code="date"),
    Problem("/tmp/x y/content/tin-tuc/a.md", 0, "Tệp rỗng", "Viết nội dung vào tệp, hoặc xóa tệp", code="empty"),
    Problem("C:\\Users\\bt\\content\\tin-tuc\\a.md", 3, "Lỗi: a: b", code="news"),
])
def test_a_printed_problem_reads_back(problem):
    back = publish.parse_problem(str(problem))
    assert (back.path, back.line, back.level, back.code) == (problem.path, problem.line, problem.level, problem.code)
    assert back.what.startswith(problem.what)


def test_other_lines_are_not_problems():
    for line in ("Nội dung hợp lệ: 3 kế hoạch, 3 đại hội.", "Lỗi: Nội dung có 2 lỗi, chưa dựng trang.",
                 "Đã dựng xong 3 kế hoạch vào /tmp/site", ""):
        assert publish.parse_problem(line) is None


def test_problem_links_to_the_field_on_its_line(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    store = Store(tmp_path / "content")
    plan = tmp_path / "content" / "ke-hoach" / "07-kh-duk.md"
    lines = plan.read_text(encoding="utf-8").splitlines()
    first_slogan = lines.index("slogans:") + 2
    assert links.link(Problem(str(plan), first_slogan, "x"), store, ROOT) == "/ke-hoach/07-kh-duk#f-slogans-0"
    phases = lines.index("phases:") + 1
    end = next(n for n, line in enumerate(lines, 1) if n > phases and line.startswith("  end:"))
    assert links.link(Problem(str(plan), end, "x"), store, ROOT) == "/ke-hoach/07-kh-duk#f-phases-0-end"
    body = next(n for n, line in enumerate(lines, 1) if line.startswith("## "))
    assert links.link(Problem(str(plan), body, "x"), store, ROOT) == "/ke-hoach/07-kh-duk#f-body"
    post = tmp_path / "content" / "tin-tuc" / "2020-07-15-bang-ron-khau-hieu.md"
    phase = next(n for n, line in enumerate(post.read_text(encoding="utf-8").splitlines(), 1) if line.startswith("phase:"))
    assert links.link(Problem(str(post), phase, "x"), store, ROOT) == "/tin-tuc/2020-07-15-bang-ron-khau-hieu#f-dot"
    congress = tmp_path / "content" / "_du-lieu" / "dai-hoi.yml"
    opening = next(n for n, line in enumerate(congress.read_text(encoding="utf-8").splitlines(), 1)
                   if line.strip().startswith("opening:"))
    assert links.link(Problem(str(congress), opening, "x"), store, ROOT) == "/dai-hoi#f-xii-toan-quoc-opening"
    assert links.link(Problem(str(tmp_path / "content" / "index.md"), 1, "x"), store, ROOT) is None


def test_last_package_reads_what_package_wrote(tmp_path):
    assert publish.last_package(tmp_path) is None
    (tmp_path / "danh-muc-lan-truoc.json").write_text('{"package": "chuyen-muc-1.zip", "files": {"a": "1"}}')
    (tmp_path / "chuyen-muc-1.thay-doi.txt").write_text("Gói chuyen-muc-1.zip: 1 tệp.\n")
    found = publish.last_package(tmp_path)
    assert found["name"] == "chuyen-muc-1.zip" and found["files"] == 1 and found["summary"].startswith("Gói")


def test_problems_are_the_same_however_often_the_desk_asks(tmp_path):
    """The desk lives on: reading the posts (which adds their own problems) must not leave those
    problems on the next reading of the same files (source.read keeps what it read)."""
    from daihoi.model import content

    shutil.copytree(ROOT / "content", tmp_path / "content")
    (tmp_path / "content" / "ke-hoach" / "20-kh-duk.md").unlink()      # posts now name a plan that is not there
    first = publish.quick_problems(tmp_path / "content")
    plan = tmp_path / "content" / "ke-hoach" / "07-kh-duk.md"
    plan.write_text(plan.read_text(encoding="utf-8") + "\n", encoding="utf-8")     # the editor saves a plan
    again = publish.quick_problems(tmp_path / "content")
    assert first == again
    site, problems = content.load(tmp_path / "content")
    assert site is not None and not [p for p in problems if p.code.startswith("news")]
