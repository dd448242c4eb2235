"""MkDocs adapter for page safety: links to other sites get rel="noopener noreferrer",
and a finished page that would run or load something it must not is never published.

The content check (build.py -> daihoi.site.htmlsafety.scan_folder) already refuses
unsafe HTML with its line; this is the second line of defence, on the page as
the browser will read it. The rules live in daihoi/site/htmlsafety.py.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402

from daihoi.site import htmlsafety  # noqa: E402
from daihoi.model.content import shown  # noqa: E402
from daihoi.model.problems import Problem  # noqa: E402
from daihoi.model.source import printable  # noqa: E402
from daihoi.text.vntext import nfc  # noqa: E402


def _own_script(src: str) -> bool:
    """Scripts the tool publishes itself: files of the site, never another host nor inline data."""
    seen = htmlsafety.normal_url(src)
    return bool(seen) and not seen.startswith(htmlsafety.UNSAFE_SCHEMES) and not htmlsafety._EXTERNAL.match(seen)


def check_page(output: str, src_file: str) -> str:
    """The page with noopener links; PluginError (Vietnamese, file and line) if it is unsafe."""
    output = htmlsafety.add_noopener(output)
    dangers = htmlsafety.page_dangers(output, _own_script)
    if dangers:
        problems = []
        for _, what in dangers:
            problems.append(Problem(shown(Path(src_file)), 0, f"Trang dựng ra có nội dung không an toàn: {what}",
                                    "Xóa phần này khỏi tệp (mã chạy, khung nhúng, tệp từ máy chủ bên ngoài "
                                    "không được đăng lên cổng thông tin)", code="unsafe-page"))
        raise PluginError("\n".join(str(p) for p in sorted(set(problems))))
    return output


def on_post_page(output, page, config):
    return check_page(output, page.file.abs_src_path or page.file.src_uri)


def on_page_read_source(page, config):
    """Every page read as the content check reads it: NFC (text pasted from macOS or the web
    arrives decomposed) and without invisible control characters; MkDocs reads the title and
    navigation from the file itself."""
    return printable(nfc(page.file.content_string))
