"""The files of content/ that the site publishes as they are: which may be, and how large.

MkDocs copies every file of the content folder that is not Markdown into the site.
On the portal such a file is served from the portal's own address, so:

* pages and scripts (.html, .js, .xhtml, .svgz, ...) would run with the portal's
  rights: refused (the theme's own files live in theme/, not in content/);
  server-side scripts (.php, .asp, ...) too, in case the portal runs them;
* an SVG is a picture only if daihoi/site/svg.py says so;
* names with control, bidirectional or zero-width characters are refused (two
  names that look the same, a name that displays reversed);
* a folder that is a link to another folder is refused (MkDocs follows it, and a
  link to a parent folder publishes the site inside itself until the disk is full);
* sizes are bounded, one file and the whole folder, so a build stays within
  memory: a build holds every page, about 70 KB each (8,000 posts, 24 MB of
  Markdown: 580 MB at most; 14 posts of 2 MB: 290 MB), so MAX_PAGES and
  MAX_TEXT_BYTES keep any folder under 1 GB.
"""
from __future__ import annotations

import os
from pathlib import Path

from daihoi.model.problems import Problem
from daihoi.site import svg
from daihoi.text import invisible

# Files a browser runs, or a web server may run, when opened from the portal.
REFUSED = {
    ".html": "trang web", ".htm": "trang web", ".xhtml": "trang web", ".xht": "trang web", ".shtml": "trang web",
    ".mht": "trang web", ".mhtml": "trang web", ".svgz": "hình SVG nén (không kiểm tra được)",
    ".js": "mã JavaScript", ".mjs": "mã JavaScript", ".xml": "tệp XML (có thể chứa trang web)",
    ".xsl": "tệp XSLT", ".xslt": "tệp XSLT", ".swf": "tệp Flash", ".hta": "ứng dụng HTML",
    ".php": "mã chạy trên máy chủ", ".phtml": "mã chạy trên máy chủ", ".asp": "mã chạy trên máy chủ",
    ".aspx": "mã chạy trên máy chủ", ".jsp": "mã chạy trên máy chủ", ".cgi": "mã chạy trên máy chủ",
}
MARKDOWN = {".md", ".markdown", ".mdown", ".mkdn", ".mkd"}
TEXT = MARKDOWN | {".yml", ".yaml"}
IMAGES = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".bmp", ".tif", ".tiff", ".heic", ".heif", ".svg"}
MAX_IMAGE_BYTES = 20_000_000
MAX_FILE_BYTES = 100_000_000       # an attachment (a scanned resolution, a video clip)
MAX_TEXT_BYTES = 30_000_000        # all Markdown and YAML together: ~10,000 posts
MAX_PAGES = 10_000                 # Markdown files: a build holds every page in memory (8,000 posts: 580 MB)
MAX_FILES = 20_000
UNPUBLISHED = ("_du-lieu",)        # data files: read, never copied (mkdocs.yml exclude_docs)


def _mb(n: int) -> str:
    return f"{n / 1_000_000:,.0f} MB".replace(",", ".")


def _hidden_name(name: str) -> bool:
    return invisible.visible(name) != name


def problems(content_dir: Path, shown) -> list[Problem]:
    """Every file or folder of `content_dir` that must not be published as it is.

    `shown(path)` gives a path as the editor sees it.
    """
    root = Path(content_dir)
    out: list[Problem] = []
    text_bytes, count, pages = 0, 0, 0
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        for name in sorted(dirs):
            path = here / name
            if _hidden_name(name):
                out.append(_name_problem(path, shown))
            if path.is_symlink():
                out.append(Problem(_where(path, shown), 0, "Thư mục này là liên kết (shortcut) tới thư mục khác: "
                                   "công cụ sẽ chép cả thư mục đó, có khi lặp vô tận",
                                   "Xóa liên kết; chép thư mục thật vào content/", code="symlink"))
        dirs[:] = [d for d in dirs if not d.startswith(".") and not (here / d).is_symlink()]
        rel_parts = here.relative_to(root).parts
        for name in sorted(files):
            path = here / name
            count += 1
            if name.startswith("."):
                continue            # MkDocs publishes no hidden file
            if _hidden_name(name):
                out.append(_name_problem(path, shown))
                continue
            try:
                size = path.stat().st_size
            except OSError:
                continue            # a broken link: source.links_out reports it
            suffix = path.suffix.lower()
            if suffix in TEXT:
                text_bytes += size
                pages += suffix in MARKDOWN
                continue            # read and bounded by daihoi.model.source
            if rel_parts[:1] == UNPUBLISHED:
                continue
            if suffix in REFUSED:
                out.append(Problem(_where(path, shown), 0, f"Tệp {REFUSED[suffix]} ({suffix}) không được đăng: "
                                   "mở từ cổng thông tin, nó chạy được như một trang của cổng",
                                   "Xóa tệp khỏi content/; muốn đăng tài liệu thì lưu thành PDF, ảnh thì JPEG hoặc PNG",
                                   code="file-type"))
                continue
            limit = MAX_IMAGE_BYTES if suffix in IMAGES else MAX_FILE_BYTES
            if size > limit:
                out.append(Problem(_where(path, shown), 0, f"Tệp quá lớn ({size:,} byte; giới hạn {limit:,} byte)"
                                   .replace(",", "."),
                                   "Thu nhỏ ảnh hoặc nén tài liệu (PDF in lại với chất lượng thấp hơn); "
                                   "video thì đăng lên cổng thông tin rồi viết liên kết", code="too-large"))
                continue
            if suffix == ".svg":
                found = svg.problems(path.read_bytes())
                if found:
                    out.append(Problem(_where(path, shown), 0, "Hình SVG không đăng được: " + "; ".join(found[:3]),
                                       "Xuất lại hình dạng PNG hoặc JPEG (trong trình vẽ: Export / Xuất ảnh PNG), "
                                       "hoặc xóa phần đó khỏi tệp SVG", code="svg"))
    if count > MAX_FILES:
        out.append(Problem(_where(root, shown), 0, f"Thư mục nội dung có quá nhiều tệp ({count:,}; giới hạn {MAX_FILES:,})"
                           .replace(",", "."), "Xóa các tệp không cần đăng (ảnh gốc, bản nháp)", code="too-large"))
    if pages > MAX_PAGES:
        out.append(Problem(_where(root, shown), 0, f"Thư mục nội dung có quá nhiều trang ({pages:,} tệp .md; "
                           f"giới hạn {MAX_PAGES:,})".replace(",", "."),
                           "Chuyển bớt tin cũ sang chuyên mục lưu trữ khác", code="too-large"))
    if text_bytes > MAX_TEXT_BYTES:
        out.append(Problem(_where(root, shown), 0, f"Các trang trong thư mục nội dung tổng cộng {_mb(text_bytes)} "
                           f"(giới hạn {_mb(MAX_TEXT_BYTES)})",
                           "Chuyển bớt tin cũ sang chuyên mục lưu trữ khác; "
                           "xóa các trang dán nhầm cả tài liệu dài", code="too-large"))
    return out


def _where(path: Path, shown) -> str:
    return invisible.visible(shown(path))


def _name_problem(path: Path, shown) -> Problem:
    return Problem(_where(path, shown), 0, "Tên tệp hoặc thư mục có ký tự vô hình hoặc ký tự điều khiển "
                   "(hiện ở đây dạng <U+...>): trên trang, tên này trông giống tên khác hoặc hiện đảo chiều",
                   "Đổi tên, chỉ dùng chữ không dấu, số và dấu gạch ngang, ví dụ le-mit-tinh.jpg",
                   code="file-name")
