#!/usr/bin/env python3
"""Screenshots of the real pages for the editors' guide (docs/anh/), taken in Debian's Chromium.

    .venv/bin/python bench/screenshots.py [--content-dir content] [--today 2020-12-15]
    .venv/bin/python bench/screenshots.py --today 2020-09-15 --page-types bench/anh-dien-thoai

Builds the content folder into a temporary site, serves it under a portal
sub-path, and photographs on a phone screen (360×800): the home page on
`--today` and after the congress, a plan page, the portal widget inside a mock
portal page, and the real output of `build.py check` on a copy of the content
with two typical mistakes, shown as in a command window.
"""
from __future__ import annotations

import argparse
import html
import re
import shutil
import subprocess
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _serve import chromium, portal  # noqa: E402

from daihoi.model import content  # noqa: E402

OUT = ROOT / "docs" / "anh"
PHONE = {"width": 360, "height": 800}


NAMES = ("trang-chu.png", "trang-chu-sau-dai-hoi.png", "ke-hoach.png", "khung-nhung.png", "kiem-tra.png",
         "tin-tuc.png")


def placeholder(path: Path) -> None:
    """A 1×1 white PNG, so that the guide's picture links resolve while the real picture is taken."""
    import struct
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b""))


def build(content_dir: Path, site_dir: Path, today: str) -> None:
    subprocess.run([sys.executable, str(ROOT / "build.py"), "build", "--content-dir", str(content_dir),
                    "--site-dir", str(site_dir), "--today", today], check=True)


def check_output(content_dir: Path, work: Path) -> str:
    """`build.py check` on a copy of the content where an editor made two common mistakes."""
    copy = work / "content-loi"
    shutil.copytree(content_dir, copy)
    plan = sorted(f for f in (copy / "ke-hoach").glob("*.md") if f.name != "index.md")[-1]
    text = plan.read_text(encoding="utf-8")
    text = re.sub(r'^"?title"?:', "titel:", text, count=1, flags=re.M)                 # a mistyped key
    text = re.sub(r'^("?date"?): .*$', r'\1: "31/04/2020"', text, count=1, flags=re.M)   # a day that does not exist
    plan.write_text(text, encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "check", "--content-dir", str(copy)],
                            capture_output=True, text=True, encoding="utf-8", cwd=work)
    return f"{work.name}> python build.py check\n" + result.stdout + result.stderr


def terminal_page(text: str) -> str:
    return ("<!doctype html><html lang='vi'><meta charset='utf-8'><body style='margin:0;background:#0c0c0c'>"
            "<pre style='margin:0;padding:12px;color:#e8e8e8;font:14px/1.45 Liberation Mono,Consolas,monospace;white-space:pre-wrap'>"
            f"{html.escape(text)}</pre></body></html>")


def portal_page(widget_url: str) -> str:
    return ("<!doctype html><html lang='vi'><meta charset='utf-8'><meta name='viewport' content='width=device-width'>"
            "<body style='margin:0;font:15px system-ui,sans-serif;background:#f3f3f3'>"
            "<header style='background:#b71c1c;color:#fff;padding:12px 16px;font-weight:700'>Cổng thông tin điện tử "
            "(trang chủ)</header><main style='padding:12px'><p style='margin:0 0 8px;color:#555'>Khung nhúng "
            "chuyên mục:</p>"
            f"<iframe src='{widget_url}' title='Hướng tới Đại hội' width='320' height='300' "
            "style='border:0;max-width:100%;background:#fff'></iframe>"
            "<p style='color:#555'>Tin tức khác của cổng ...</p></main></body></html>")


# Each kind of page a reader meets, for `--page-types` (issue 13: the reader on a phone).
PAGE_TYPES = {
    "trang-chu": "", "ke-hoach": "ke-hoach/38-kh-du/", "danh-sach-ke-hoach": "ke-hoach/",
    "khau-hieu": "khau-hieu/", "tai-lieu": "tai-lieu/", "tin-tuc": "tin-tuc/",
    "tin-theo-dot": "tin-tuc/dot/38-kh-du-1-dot-2/", "tin-bai": "tin-tuc/2020-07-15-bang-ron-khau-hieu/",
    "tim-kiem": "tim-kiem/?q=h%E1%BB%99i+ngh%E1%BB%8B", "404": "khong-co/trang-nay/", "khung-nhung": "widget/",
}


def page_types(content_dir: Path, today: str, out: Path) -> None:
    """One 360×800 screenshot of each kind of page (the first screen, as a phone shows it),
    the 404 page served as a portal serves it (for an address that does not exist)."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build(content_dir, site, today)
        with portal(site) as section, chromium() as browser:
            for name, path in PAGE_TYPES.items():
                context = browser.new_context(viewport=PHONE, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh")
                page = context.new_page()
                page.clock.set_fixed_time(f"{today}T09:00:00+07:00")
                page.goto(section + path)
                if path.startswith("tim-kiem/"):
                    page.wait_for_selector(".md-content [data-dh-search-results] li a", timeout=15000)
                page.wait_for_timeout(300)
                page.screenshot(path=str(out / f"{name}.png"))
                context.close()
                print(f"{out / name}.png")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--content-dir", default=str(ROOT / "content"))
    p.add_argument("--today", default="2020-12-15", help="the day of the main pictures (in a campaign)")
    p.add_argument("--out", default=str(OUT))
    p.add_argument("--page-types", metavar="THƯ_MỤC",
                   help="chụp mỗi loại trang (360×800) vào THƯ_MỤC thay cho ảnh của hướng dẫn")
    args = p.parse_args(argv)
    if args.page_types:
        page_types(Path(args.content_dir), args.today, Path(args.page_types))
        return 0
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name in NAMES:          # the site publishes the guide, whose links must resolve to build
        if not (out / name).is_file():
            placeholder(out / name)
    site_model, problems = content.load(Path(args.content_dir))
    assert site_model is not None, [str(x) for x in problems]
    closing = site_model.target.get("closing") or site_model.target.get("opening")
    after = (closing + timedelta(days=10)).isoformat() if closing else args.today
    plan_url = f"ke-hoach/{site_model.plans[-1].slug}/"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        site = work / "site"
        build(Path(args.content_dir), site, args.today)
        terminal = check_output(Path(args.content_dir), work / "chuyen-muc")
        with portal(site) as section, chromium() as browser:

            def shot(name, url=None, day=args.today, html_text=None, full=False, viewport=PHONE):
                context = browser.new_context(viewport=viewport, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh")
                page = context.new_page()
                page.clock.set_fixed_time(f"{day}T09:00:00+07:00")
                if html_text is not None:
                    page.goto(section + "widget/")        # same origin as the widget
                    page.set_content(html_text)
                    page.wait_for_timeout(300)
                else:
                    page.goto(url)
                page.screenshot(path=str(out / name), full_page=full)
                context.close()
                print(f"{out / name}: {(out / name).stat().st_size} bytes")

            shot("trang-chu.png", section)
            shot("trang-chu-sau-dai-hoi.png", section, day=after)
            shot("ke-hoach.png", section + plan_url)
            if (site / "tin-tuc" / "index.html").is_file():
                shot("tin-tuc.png", section + "tin-tuc/")
            shot("khung-nhung.png", html_text=portal_page(section + "widget/"))
            shot("kiem-tra.png", html_text=terminal_page(terminal), viewport={"width": 760, "height": 240}, full=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
