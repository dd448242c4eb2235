"""What a phone downloads on the first view of a page (gzip KB in all, and JS KB), in Chromium.

    python bench/first_view.py [SITE_DIR] [PAGE ...]

SITE_DIR defaults to site/ (build it first with `python build.py`). Sizes are each
response's body gzipped at level 6, as a portal's web server would send it.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _serve import chromium, first_view, serve  # noqa: E402


def main(argv):
    site = Path(argv[0]) if argv else Path(__file__).resolve().parents[1] / "site"
    pages = argv[1:] or ["", "ke-hoach/07-kh-duk/", "khau-hieu/"]
    with serve(site) as base, chromium() as browser:
        print(f"{'trang':32} {'tệp':>4} {'gzip KB':>8} {'JS gzip KB':>10}  máy chủ")
        for path in pages:
            r = first_view(browser, base + path)
            print(f"/{path:31} {len(r['rows']):>4} {r['gzip_total'] / 1024:>8.1f} {r['gzip_js'] / 1024:>10.1f}  "
                  f"{', '.join(r['hosts'])}")
            for row in r["rows"]:
                print(f"    {row['type']:10} {row['gzip'] / 1024:6.1f} KB  {row['url'][len(base) - 1:]}")


if __name__ == "__main__":
    main(sys.argv[1:])
