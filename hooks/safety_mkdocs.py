"""MkDocs adapter for page safety (glue only; the rules are in daihoi/site/sanitize.py and
daihoi/site/htmlsafety.py):

- each page's HTML from Markdown goes through the allow-list; what was removed is
  reported with the source file and line (errors stop the build before any page is
  written, warnings are printed);
- the time a page takes to render is limited (daihoi/cli/watchdog.py);
- each finished page gets rel="noopener noreferrer" on links to other sites and a
  last, cheap check (a page that would run or load something it must not is never
  published).
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402

from daihoi.cli import watchdog  # noqa: E402
from daihoi.model.content import shown  # noqa: E402
from daihoi.model.problems import Problem, errors  # noqa: E402
from daihoi.model.source import engine_text  # noqa: E402
from daihoi.site import htmlsafety, sanitize  # noqa: E402

_state: dict = {"problems": []}


def _shown(page) -> str:
    return shown(Path(page.file.abs_src_path)) if page.file.abs_src_path else page.file.src_uri


def check_page(output: str, src_file: str) -> str:
    """The page with noopener links; PluginError (Vietnamese, file) if it is unsafe."""
    output = htmlsafety.add_noopener(output)
    dangers = htmlsafety.final_check(output)
    if dangers:
        problems = []
        for _, what in dangers:
            problems.append(Problem(shown(Path(src_file)), 0, f"Trang dựng ra có nội dung không an toàn: {what}",
                                    "Xóa phần này khỏi tệp (mã chạy, khung nhúng, tệp từ máy chủ bên ngoài "
                                    "không được đăng lên cổng thông tin)", code="unsafe-page"))
        raise PluginError("\n".join(str(p) for p in sorted(set(problems))))
    return output


def on_config(config):
    _state["problems"] = []
    return config


def on_page_read_source(page, config):
    """Every page read as the content check reads it: NFC (text pasted from macOS or the web
    arrives decomposed), without invisible control characters, and without zero-width
    characters in the front matter (MkDocs takes the title and menu name from there)."""
    return engine_text(page.file.content_string)


def on_page_markdown(markdown, page, config, files):
    watchdog.start(_shown(page))
    return markdown


def on_page_content(html, page, config, files):
    watchdog.stop()
    cleaned = sanitize.clean_fragment(html)
    if cleaned.removed:
        _state["problems"] += sanitize.page_problems(cleaned.removed, engine_text(page.file.content_string),
                                                     _shown(page))
    return cleaned.html


def on_env(env, config, files):
    """Every page's Markdown is HTML by now, and no page is written yet: report, stop on errors."""
    problems = sorted(set(_state["problems"]))
    if errors(problems):
        raise PluginError("\n".join(str(p) for p in problems))
    for problem in problems:
        print(problem, file=sys.stderr)
    return env


def on_post_page(output, page, config):
    return check_page(output, page.file.abs_src_path or page.file.src_uri)
