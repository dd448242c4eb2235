"""How long an editor waits in `python build.py serve`: from saving a post to the page reloaded in
the browser showing the change, on the synthetic site (1,000 posts by default).

    python bench/serve_latency.py [--posts 1000] [--times 5]

Debian's Chromium (Playwright) opens the post served by `build.py serve`; the script appends a
sentence to the post's file and times until the browser shows that sentence (MkDocs' live reload
rebuilds and reloads the page). The first rebuild after start fills the page cache, so the
times are of rebuilds after edits, as an editor makes them. Budget: at most 2 s each.
"""
from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import synth  # noqa: E402
from _serve import chromium  # noqa: E402

BUDGET_S = 2.0
TODAY = "2026-01-01"      # after the last synthetic post (bench/synth.py: 2024-01-01 to 2025-12-30): every post is published


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, proc, log: Path, limit: float = 600.0) -> None:
    import urllib.request

    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit("build.py serve dừng: " + log.read_text(errors="replace")[-2000:])
        try:
            urllib.request.urlopen(url, timeout=5)
            return
        except OSError:
            time.sleep(0.5)
    sys.exit("build.py serve không trả lời")


def shown(page, marker: str, start: float, limit: float = 120.0) -> float:
    """Seconds from `start` until the page shows `marker` (the reload replaces the page: poll across it)."""
    while time.monotonic() - start < limit:
        try:
            if page.evaluate("m => !!document.body && document.body.innerText.includes(m)", marker):
                return time.monotonic() - start
        except Exception:       # the page is being replaced by its reloaded copy
            pass
        time.sleep(0.02)
    import urllib.request
    served = urllib.request.urlopen(page.url, timeout=10).read().decode()
    sys.exit(f"Trang không tải lại sau {limit:g} s (máy chủ {'đã' if marker in served else 'chưa'} có bản mới)")


def main(argv=None) -> int:
    from daihoi.cli.cliparse import Parser
    parser = Parser(prog="bench/serve_latency.py", description="Đo thời gian từ lúc lưu tin bài đến lúc trang xem trước tải lại.")
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--times", type=int, default=5, help="số lần sửa và đo (mặc định 5)")
    args = parser.parse_args(argv)

    work = synth.work_folder(None, "dh-serve-")
    content = synth.generate(work / "content", posts=args.posts)
    # A post already published on the build day (later ones wait for their day).
    published = [f for f in sorted((content / "tin-tuc").glob("*.md")) if f.name[:10] <= TODAY]
    post = published[len(published) // 2]
    slug = post.stem
    port = free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DAIHOI_CACHE=str(work / "cache"))
    # The server's log goes to a file: a pipe nobody reads fills up and stops the server mid-rebuild.
    log = work / "serve.log"
    with open(log, "wb") as sink:
        proc = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "serve", "--content-dir", str(content),
                                 "--port", str(port), "--today", TODAY], cwd=ROOT, env=env,
                                stdout=sink, stderr=subprocess.STDOUT)
    times = []
    try:
        url = f"http://127.0.0.1:{port}/tin-tuc/{slug}/"
        wait_http(url, proc, log)
        with chromium() as browser:
            page = browser.new_page(viewport={"width": 360, "height": 800})
            page.goto(url)
            # A first edit: the serve's first rebuild (its own first build filled nothing the next one reuses).
            for n in range(args.times + 1):
                marker = f"Câu đo số {n} {time.time_ns()}."
                start = time.monotonic()
                with open(post, "a", encoding="utf-8") as f:
                    f.write(f"\n\n{marker}\n")
                took = shown(page, marker, start)
                if n:
                    times.append(took)
                print(f"  lần {n}: {took:5.2f} s{' (lần đầu, không tính)' if n == 0 else ''}", flush=True)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    median = statistics.median(times)
    print(f"Trang tổng hợp {args.posts} tin; từ lúc lưu đến lúc trang tải lại: trung vị {median:.2f} s, "
          f"lâu nhất {max(times):.2f} s (ngân sách ≤ {BUDGET_S} s) {'ĐẠT' if max(times) <= BUDGET_S else 'VƯỢT'}")
    return 0 if max(times) <= BUDGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
