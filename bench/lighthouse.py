"""Lighthouse (npm `lighthouse`, mobile preset: phone screen, simulated slow 4G and CPU) on the
landing page, a plan and a post, with Debian's Chromium, on the sample site and the synthetic
site with 1,000 posts, served with gzip as a portal's web server would.

    python bench/lighthouse.py [--posts 1000] [--keep DIR]

Budgets: performance >= 95, accessibility 100, best practices >= 95, SEO >= 95.
Needs `npm ci` first (tests/run.py does it).
"""
from __future__ import annotations

import gzip
import http.server
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import synth  # noqa: E402
from _serve import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402
from sites import build, named_pages  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
BUDGETS = {"performance": 95, "accessibility": 100, "best-practices": 95, "seo": 95}
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class _Gzip(http.server.SimpleHTTPRequestHandler):
    """Static files; text compressed with gzip when the browser accepts it (as portals do)."""

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")
        ctype = self.guess_type(path)
        if not (os.path.isfile(path) and ctype.startswith(COMPRESSIBLE)
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().do_GET()
        body = gzip.compress(Path(path).read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        self.wfile.write(body)


def serve_gzip(folder: Path):
    return serve(folder, _Gzip)


def lighthouse(url: str, out: Path) -> dict:
    """Category scores 0-100 and the failing audits, for one page."""
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    r = subprocess.run(["node", str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
                        "--only-categories=performance,accessibility,best-practices,seo",
                        f"--chrome-flags={flags}"], capture_output=True, text=True, timeout=300,
                       env=dict(os.environ, CHROME_PATH=CHROMIUM))
    if r.returncode != 0 or not out.is_file():
        sys.exit(f"Lighthouse lỗi trên {url}:\n{r.stderr[-2000:]}")
    report = json.loads(out.read_text(encoding="utf-8"))
    scores = {k: round(100 * (c["score"] or 0)) for k, c in report["categories"].items()}
    failing = sorted(f"{a['id']} ({a['score']:.2f})" for a in report["audits"].values()
                     if a.get("score") is not None and a["score"] < 0.9 and a.get("scoreDisplayMode") == "binary"
                     or (a.get("score") is not None and a["score"] < 0.5 and a.get("scoreDisplayMode") == "numeric"))
    return {"scores": scores, "failing": failing}


def main(argv=None) -> int:
    from daihoi.cli.cliparse import Parser

    parser = Parser(prog="bench/lighthouse.py", description="Chạy Lighthouse (điện thoại) trên các trang chính.")
    parser.add_argument("--posts", type=int, default=1000, help="số tin bài của trang tổng hợp (mặc định 1000)")
    parser.add_argument("--keep", help="giữ các thư mục tạm và báo cáo JSON ở đây")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.is_file():
        sys.exit(f"Thiếu Lighthouse ({LIGHTHOUSE}). Chạy `npm ci` ở thư mục gốc.")
    work = synth.work_folder(args.keep, "dh-lighthouse-")
    synthetic = synth.generate(work / "content-synth", posts=args.posts)
    sites = {"trang mẫu": (ROOT / "content", build(ROOT / "content", work / "site-sample", work / "cache")),
             f"tổng hợp {args.posts} tin": (synthetic, build(synthetic, work / "site-synth", work / "cache"))}
    misses = 0
    names = list(BUDGETS)
    print(f"{'trang':28} " + " ".join(f"{n[:13]:>13}" for n in names) + "   (ngân sách: "
          + ", ".join(f"{n} ≥ {b}" for n, b in BUDGETS.items()) + ")")
    for label, (content, site) in sites.items():
        with serve_gzip(site) as base:
            for i, (name, path) in enumerate(named_pages(content, site).items()):
                r = lighthouse(base + path, work / f"lh-{label.split()[0]}-{i}.json")
                ok = all(r["scores"].get(n, 0) >= b for n, b in BUDGETS.items())
                misses += not ok
                print(f"{label + ': ' + name:28} " + " ".join(f"{r['scores'].get(n, 0):>13}" for n in names)
                      + f"   {'ĐẠT' if ok else 'VƯỢT'}  /{path}", flush=True)
                if not ok:
                    print(f"{'':28} chưa đạt: {', '.join(r['failing']) or '-'}")
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
