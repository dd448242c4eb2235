"""Page heights on a 360×800 phone (JS on and off) and the home "now" card's height.

    .venv/bin/python bench/page_heights.py [--today 2020-09-15]

Builds the sample site for --today, serves it, and prints each plan page's, the documents
page's and the home page's scrollHeight in Debian's Chromium, with the height of the
"Đang diễn ra" card (with JS it follows the reader's real clock, so it can differ).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from _serve import chromium, serve  # noqa: E402

PAGES = ["", "ke-hoach/07-kh-duk/", "ke-hoach/38-kh-du/", "ke-hoach/20-kh-duk/", "tai-lieu/"]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Chiều cao trang trên điện thoại 360×800")
    parser.add_argument("--today", default="2020-09-15")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "site"
        r = subprocess.run([sys.executable, str(ROOT / "build.py"), "build", "--site-dir", str(out),
                            "--today", args.today], capture_output=True, text=True, cwd=ROOT)
        if r.returncode != 0:
            sys.exit(r.stderr)
        with serve(out) as base, chromium() as browser:
            print(f"{'trang':24} {'có JS':>8} {'không JS':>9}   (px; thẻ “Đang diễn ra” ở trang chủ)")
            rows: dict[str, list[str]] = {}
            for js in (True, False):
                page = browser.new_page(viewport={"width": 360, "height": 800}, java_script_enabled=js)
                for path in PAGES:
                    page.goto(base + path)
                    height = page.evaluate("document.documentElement.scrollHeight")
                    rows.setdefault(path or "/", []).append(str(height))
                    if not path:
                        card = page.evaluate("(() => { const e = document.querySelector('.dh-now');"
                                             " return e ? Math.round(e.getBoundingClientRect().height) : 0 })()")
                        rows.setdefault("/ thẻ Đang diễn ra", []).append(str(card))
            for name, values in rows.items():
                print(f"{name:24} {values[0]:>8} {values[1]:>9}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
