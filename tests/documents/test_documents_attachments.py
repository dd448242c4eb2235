"""Attachments: type and size labels, and the paths an editor may (not) publish."""

import os

import pytest

from daihoi.documents import attachment_entry, check_attachment_path, describe_attachment


@pytest.fixture
def content(tmp_path):
    root = tmp_path / "content"
    (root / "ke-hoach" / "files").mkdir(parents=True)
    (root / "ke-hoach" / "files" / "du-thao-bao-cao.pdf").write_bytes(b"%PDF" + b"x" * 1_199_996)
    (root / "ke-hoach" / "files" / "nghi-quyet.docx").write_bytes(b"x" * 182_000)
    (root / "ke-hoach" / "files" / "anh.JPG").write_bytes(b"x" * 512)
    (tmp_path / "secret.txt").write_text("không được công bố", encoding="utf-8")
    return root


def test_describe_attachment(content):
    files = content / "ke-hoach" / "files"
    assert describe_attachment(files / "du-thao-bao-cao.pdf") == {
        "type_label": "PDF", "size_bytes": 1_200_000, "size_label": "PDF, 1,2 MB"}
    assert describe_attachment(files / "nghi-quyet.docx")["size_label"] == "Word, 182 KB"
    assert describe_attachment(files / "anh.JPG")["size_label"] == "Ảnh JPEG, 512 byte"


def test_attachment_entry(content):
    entry = attachment_entry(content, "ke-hoach/files/du-thao-bao-cao.pdf", date="2020-02-17")
    assert entry["title"] == "Du thao bao cao"  # editors give a title; the file name is the fallback
    assert entry["size_label"] == "PDF, 1,2 MB"
    assert entry["date_label"] == "ngày 17/02/2020"
    assert entry["link"] == "ke-hoach/files/du-thao-bao-cao.pdf"
    titled = attachment_entry(content, "ke-hoach/files/nghi-quyet.docx", title="Dự thảo Nghị quyết")
    assert titled["title"] == "Dự thảo Nghị quyết" and titled["date"] is None


def test_good_path_is_accepted(content):
    assert check_attachment_path(content, "ke-hoach/files/du-thao-bao-cao.pdf") is None
    assert check_attachment_path(content, "ke-hoach\\files\\nghi-quyet.docx") is None  # typed on Windows


@pytest.mark.parametrize(
    "rel, fragment",
    [
        ("ke-hoach/files/khong-co.pdf", "không tìm thấy tệp đính kèm 'ke-hoach/files/khong-co.pdf'"),
        ("../secret.txt", "nằm ngoài thư mục content/"),
        ("ke-hoach/../../secret.txt", "nằm ngoài thư mục content/"),
        ("/etc/passwd", "đường dẫn tương đối"),
        ("C:\\Windows\\win.ini", "đường dẫn tương đối"),
        ("ke-hoach/files", "không phải là tệp"),
        ("", "trống"),
    ],
)
def test_bad_paths_name_the_file_and_line(content, rel, fragment):
    message = check_attachment_path(content, rel, source="content/ke-hoach/07.md", line=12)
    assert message is not None
    assert message.startswith("content/ke-hoach/07.md, dòng 12: ")
    assert fragment in message


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks on this system")
def test_symlink_escaping_content_is_refused(content, tmp_path):
    link = content / "ke-hoach" / "files" / "lien-ket.txt"
    try:
        link.symlink_to(tmp_path / "secret.txt")
    except OSError:
        pytest.skip("symlinks not permitted here")
    message = check_attachment_path(content, "ke-hoach/files/lien-ket.txt", source="a.md", line=3)
    assert message == "a.md, dòng 3: tệp đính kèm 'ke-hoach/files/lien-ket.txt' nằm ngoài thư mục content/."
    # A directory symlink that leaves content/ is refused too.
    (content / "ra-ngoai").symlink_to(tmp_path)
    assert "nằm ngoài" in check_attachment_path(content, "ra-ngoai/secret.txt")
    # A symlink that stays inside content/ is fine.
    inside = content / "ke-hoach" / "ban-sao.pdf"
    inside.symlink_to(content / "ke-hoach" / "files" / "du-thao-bao-cao.pdf")
    assert check_attachment_path(content, "ke-hoach/ban-sao.pdf") is None
