"""Serve a folder on 127.0.0.1 and open pages in Debian's Chromium (phone viewport)."""
from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import os
import shutil
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlparse

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"     # Debian's
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@contextlib.contextmanager
def chromium():
    """Chromium (CHROMIUM) driven by Playwright, closed on leaving; or the bench's end with what to do
    when Playwright is missing: a development requirement (requirements-dev.txt), which
    `python3 tests/run.py` installs into .venv."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sys.exit("Thiếu Playwright (gói phát triển, requirements-dev.txt): chạy `python3 tests/run.py` một lần "
                 "để cài vào .venv, rồi đo bằng `.venv/bin/python bench/...`")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(folder, handler=_Quiet):
    """Serve `folder` on 127.0.0.1 with `handler` (quiet by default); yields the base URL."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}/"
    finally:
        httpd.shutdown()


MOUNT = "huong-toi-dai-hoi"      # where a portal publishes the section


class _Portal(_Quiet):
    """A portal's web server: the section's 404.html for any missing address (nginx error_page)."""
    not_found = b""

    def send_error(self, code, message=None, explain=None):
        if code != 404 or not self.not_found:
            return super().send_error(code, message, explain)
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(self.not_found)))
        self.end_headers()
        self.wfile.write(self.not_found)


@contextlib.contextmanager
def portal(site, mount: str = MOUNT):
    """Serve the built `site` under a portal's sub-path (/huong-toi-dai-hoi/), answering a missing
    address with the site's own 404.html as a portal configured by docs does; yields the section's URL."""
    missing = Path(site) / "404.html"
    handler = type("Portal", (_Portal,), {"not_found": missing.read_bytes() if missing.is_file() else b""})
    with tempfile.TemporaryDirectory(prefix="dh-portal-") as root:
        (Path(root) / mount).symlink_to(Path(site).resolve(), target_is_directory=True)
        with serve(root, handler) as base:
            yield f"{base}{mount}/"


# Bodies a web server compresses (text) and those it sends as they are (pictures, fonts).
TEXT_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "application/rss+xml",
              "application/manifest+json", "image/svg+xml", "text/javascript")


def kind_of(content_type: str, resource_type: str) -> str:
    """html, css, js, json, image, font or other, by the response's Content-Type."""
    ct = content_type.split(";")[0].strip().lower()
    if ct == "text/html":
        return "html"
    if ct == "text/css" or resource_type == "stylesheet":
        return "css"
    if "javascript" in ct or resource_type == "script":
        return "js"
    if ct.startswith("image/") or resource_type == "image":
        return "image"
    if ct.startswith("font/") or "woff" in ct or "opentype" in ct or resource_type == "font":
        return "font"
    if "json" in ct:
        return "json"
    return "other"


def first_view(browser, url: str, dpr: float = 1, settle_ms: int = 500) -> dict:
    """Every response of a first (cold cache) view of `url` on a 360x800 screen at `dpr` device
    pixels per CSS pixel, lazy pictures Chromium fetches near the screen included: each body's
    size as a portal's server sends it (text gzipped at level 6, pictures and fonts as they are).
    `hosts` has the host of every request made, answered or not."""
    context = browser.new_context(viewport={"width": 360, "height": 800}, device_scale_factor=dpr,
                                  is_mobile=dpr > 1, has_touch=dpr > 1)
    page = context.new_page()
    responses, requested = [], []
    page.on("request", lambda r: requested.append(r.url))
    page.on("response", lambda r: responses.append(r))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(settle_ms)             # a late lazy picture
    page.wait_for_load_state("networkidle")
    rows = []
    for r in responses:
        try:
            body = r.body()
        except Exception:       # noqa: BLE001 - a redirect or an aborted request has no body
            body = b""
        content_type = r.headers.get("content-type", "")
        text = content_type.split(";")[0].strip().lower().startswith(TEXT_TYPES)
        sent = len(gzip.compress(body, 6)) if text else len(body)
        rows.append({"url": r.url, "host": urlparse(r.url).netloc, "type": r.request.resource_type,
                     "kind": kind_of(content_type, r.request.resource_type), "status": r.status,
                     "bytes": len(body), "gzip": sent})
    context.close()
    by_kind: dict = {}
    for x in rows:
        by_kind[x["kind"]] = by_kind.get(x["kind"], 0) + x["gzip"]
    return {"rows": rows, "gzip_total": sum(x["gzip"] for x in rows),
            "gzip_js": sum(x["gzip"] for x in rows if x["kind"] == "js"), "by_kind": by_kind,
            "requests": len(requested),
            "hosts": sorted({urlparse(u).netloc for u in requested + [x["url"] for x in rows]
                             if urlparse(u).scheme in ("http", "https", "ws", "wss")})}
