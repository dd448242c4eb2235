"""Serve a folder on 127.0.0.1 and open pages in Debian's Chromium (phone viewport)."""
from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import threading
from urllib.parse import urlparse

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


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


def first_view(browser, url: str) -> dict:
    """Every response of a first (cold cache) view, with its gzip size as a server would send it."""
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    responses = []
    page.on("response", lambda r: responses.append(r))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    rows = []
    for r in responses:
        body = r.body() if r.status == 200 else b""
        rows.append({"url": r.url, "host": urlparse(r.url).netloc, "type": r.request.resource_type,
                     "bytes": len(body), "gzip": len(gzip.compress(body, 6))})
    context.close()
    return {"rows": rows, "gzip_total": sum(x["gzip"] for x in rows),
            "gzip_js": sum(x["gzip"] for x in rows if x["type"] == "script"),
            "hosts": sorted({x["host"] for x in rows})}
