"""daihoi.site.content_files and content_check: what content/ may publish as it is, and the folder's
safety checks before a build (values through the allow-list, cover pictures, files, names, sizes)."""
import os
import shutil

import pytest
from PIL import Image

from daihoi.model.content import shown
from daihoi.site import content_check, content_files

SCRIPT_SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>'
SAFE_SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>'


def found(folder):
    return [(p.path.rsplit("/", 1)[-1], p.code) for p in content_files.problems(folder, shown)]


@pytest.mark.parametrize("name", ["trang.html", "a.htm", "b.xhtml", "c.svgz", "d.js", "e.mjs", "f.xml", "g.php"])
def test_pages_and_scripts_are_refused(tmp_path, name):
    (tmp_path / "tin-tuc").mkdir()
    (tmp_path / "tin-tuc" / name).write_text("<script>alert(1)</script>", encoding="utf-8")
    assert found(tmp_path) == [(name, "file-type")]


def test_svg_is_published_only_as_a_picture(tmp_path):
    (tmp_path / "hinh.svg").write_bytes(SCRIPT_SVG)
    (tmp_path / "logo.svg").write_bytes(SAFE_SVG)
    [problem] = content_files.problems(tmp_path, shown)
    assert problem.path.endswith("hinh.svg") and problem.code == "svg"
    assert "Hình SVG không đăng được: có mã chạy <script>" in problem.what and "PNG" in problem.fix


def test_names_with_hidden_characters_are_refused_and_shown_visibly(tmp_path):
    (tmp_path / "bai\u202egpj.md").write_text("x", encoding="utf-8")
    (tmp_path / "anh\u200b.jpg").write_bytes(b"x")
    (tmp_path / "th\x07u").mkdir()
    got = sorted(p.path.rsplit("/", 1)[-1] for p in content_files.problems(tmp_path, shown))
    assert got == ["anh<U+200B>.jpg", "bai<U+202E>gpj.md", "th<U+0007>u"]


def test_a_linked_folder_is_refused(tmp_path):
    (tmp_path / "tin-tuc").mkdir()
    os.symlink(tmp_path, tmp_path / "tin-tuc" / "vong")
    assert found(tmp_path) == [("vong", "symlink")]


def test_sizes_are_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr(content_files, "MAX_IMAGE_BYTES", 100)
    monkeypatch.setattr(content_files, "MAX_FILE_BYTES", 200)
    monkeypatch.setattr(content_files, "MAX_TEXT_BYTES", 300)
    monkeypatch.setattr(content_files, "MAX_FILES", 5)
    monkeypatch.setattr(content_files, "MAX_PAGES", 3)
    (tmp_path / "anh.jpg").write_bytes(b"x" * 101)
    (tmp_path / "tai-lieu.pdf").write_bytes(b"x" * 201)
    for n in range(4):
        (tmp_path / f"{n}.md").write_text("x" * 100, encoding="utf-8")
    got = {(p.path.rsplit("/", 1)[-1], p.what.split(" (")[0]) for p in content_files.problems(tmp_path, shown)}
    assert got == {("anh.jpg", "Tệp quá lớn"), ("tai-lieu.pdf", "Tệp quá lớn"),
                   (tmp_path.name, "Thư mục nội dung có quá nhiều tệp"),
                   (tmp_path.name, "Thư mục nội dung có quá nhiều trang"),
                   (tmp_path.name, "Các trang trong thư mục nội dung tổng cộng 0 MB")}


def test_data_files_and_hidden_files_are_not_published_so_not_refused(tmp_path):
    (tmp_path / "_du-lieu").mkdir()
    (tmp_path / "_du-lieu" / "ghi-chu.xml").write_text("<x/>", encoding="utf-8")
    (tmp_path / ".trang-nhap.html").write_text("<script></script>", encoding="utf-8")
    assert found(tmp_path) == []


def test_the_folder_check_reads_values_and_cover_pictures(tmp_path):
    posts = tmp_path / "tin-tuc"
    (posts / "anh").mkdir(parents=True)
    Image.new("RGB", (40, 30), "red").save(posts / "anh" / "dung.jpg")
    (posts / "anh" / "hinh.svg").write_bytes(SAFE_SVG)
    (posts / "anh" / "hong.jpg").write_bytes(b"khong phai anh")
    for n, cover in enumerate(["anh/dung.jpg", "anh/hinh.svg", "anh/hong.jpg", "anh/khong-co.jpg"]):
        (posts / f"bai-{n}.md").write_text(f'---\ntitle: "Bài {n}"\ncover: "{cover}"\n---\nThân bài.\n',
                                           encoding="utf-8")
    (tmp_path / "trang.md").write_text('---\ntitle: "<img src=x onerror=alert(1)>"\n---\nChữ\n', encoding="utf-8")
    got = [(p.path.rsplit("/", 1)[-1], p.line, p.code, p.what.split(":")[0]) for p in content_check.scan(tmp_path)]
    assert got == [
        ("bai-1.md", 3, "picture", "Ảnh “hinh.svg” là hình vẽ SVG"),
        ("bai-2.md", 3, "picture", "Không đọc được ảnh “hong.jpg”"),
        ("trang.md", 2, "unsafe-html", "Có thuộc tính “onerror” ở thẻ “<img>” (mã chạy khi người đọc bấm hoặc mở trang)"),
    ]


def test_check_renders_pages_but_leaves_plans_to_their_own_renderer(tmp_path):
    import markdown

    (tmp_path / "ke-hoach").mkdir()
    (tmp_path / "ke-hoach" / "01-kh.md").write_text("---\nnumber: 1\n---\n<script>x</script>\n", encoding="utf-8")
    (tmp_path / "trang.md").write_text("# Trang\n\n<script>x</script>\n", encoding="utf-8")
    render = lambda text: markdown.markdown(text)      # noqa: E731
    got = [(p.path.rsplit("/", 1)[-1], p.line) for p in
           content_check.body_problems(tmp_path, render, skip={"ke-hoach/01-kh.md"})]
    assert got == [("trang.md", 3)]


def test_the_check_command_reports_what_a_build_would_remove(tmp_path):
    from helpers import SITE_FIXTURE, run_cli

    content = tmp_path / "content"
    shutil.copytree(SITE_FIXTURE, content)
    (content / "trang.md").write_text("# Trang\n\nChữ <font>cũ</font>.\n\n<script>alert(1)</script>\n",
                                      encoding="utf-8")
    r = run_cli("check", "--content-dir", content, cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    assert "content/trang.md:3: (cảnh báo) Thẻ “<font>” không dùng được" in r.stderr
    assert "content/trang.md:5: Có mã chạy “<script>”" in r.stderr
    assert r.stderr.strip().splitlines()[-1].startswith("Lỗi: ")
