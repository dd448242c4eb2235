"""The editor's preview (daihoi/site/preview.py and `build.py serve`): the search index follows a
moment after the page reloads, what the browser is served after a save is the saved page, and a
saved file is seen soon. How the preview's folder is written: tests/test_output.py."""
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import pytest

from helpers import CACHE, ROOT, SITE_FIXTURE
from daihoi.site import preview


def test_later_work_not_begun_is_dropped_by_the_next_build_and_begun_work_is_waited_for():
    done = []
    preview.later(done.append, "bỏ", pause=5.0)
    preview.wait(drop=True)
    assert done == []

    started = threading.Event()

    def slow(value):
        started.set()
        time.sleep(0.3)
        done.append(value)
    preview.later(slow, "xong", pause=0.0)
    assert started.wait(10)
    preview.wait(drop=True)
    assert done == ["xong"]


POST = """---
title: "Hội nghị quán triệt kế hoạch tuyên truyền"
date: "2025-05-02"
author: "Phòng Tuyên truyền"
summary: "Đảng ủy tổ chức hội nghị quán triệt kế hoạch."
categories: ["Hoạt động"]
---

Sáng 02/5/2025, Đảng ủy tổ chức hội nghị quán triệt kế hoạch tuyên truyền.
"""


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except OSError:             # not answering yet
        return 0, ""


def _until(check, limit=120.0):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.25)
    return None


@pytest.fixture
def served(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SITE_FIXTURE, content)
    (content / "tin-tuc").mkdir()
    post = content / "tin-tuc/2025-05-02-hoi-nghi-quan-triet.md"
    post.write_text(POST, encoding="utf-8")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = open(tmp_path / "serve.log", "wb")
    proc = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "serve", "--content-dir", str(content),
                             "--today", "2025-06-20", "--port", str(port)], stdout=log, stderr=subprocess.STDOUT,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1", DAIHOI_CACHE=str(CACHE)))
    base = f"http://127.0.0.1:{port}"
    try:
        up = _until(lambda: _get(base + "/")[0] == 200 if proc.poll() is None else "dừng", 240)
        assert up is True, (tmp_path / "serve.log").read_text(errors="replace")[-3000:]
        yield base, content, post
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


def test_serve_shows_a_saved_change_removes_a_deleted_post_and_keeps_search(served):
    base, content, post = served
    url = base + "/tin-tuc/2025-05-02-hoi-nghi-quan-triet/"
    assert "quán triệt kế hoạch tuyên truyền" in _get(url)[1]
    # The index comes a moment after the page: it names the post.
    assert _until(lambda: "hoi-nghi-quan-triet" in _get(base + "/tim-kiem/chi-muc/p/0.json")[1] or None)

    post.write_text(POST + "\nCâu thêm sau khi lưu: biểu dương chi bộ Quang Trung.\n", encoding="utf-8")
    assert _until(lambda: "biểu dương chi bộ Quang Trung" in _get(url)[1]), "the saved change was not served"
    # Unchanged pages are still served whole (kept, not emptied).
    status, home = _get(base + "/")
    assert status == 200 and "</html>" in home

    post.unlink()
    assert _until(lambda: _get(url)[0] == 404), "a deleted post's page is still served"
    assert _get(base + "/")[0] == 200


def test_later_work_already_begun_stops_at_its_next_check():
    steps = []

    def index(pages):
        for page in range(pages):
            preview.check()
            steps.append(page)
            time.sleep(0.01)
    preview.later(index, 10_000, pause=0.0)
    assert _until(lambda: len(steps) > 3, 10)
    preview.wait(drop=True)                  # the next build begins
    assert 3 < len(steps) < 10_000


def test_serve_looks_for_saved_files_more_often_than_mkdocs_does(tmp_path):
    """MkDocs' server polls every 0.5 s: on average a quarter of a second of the editor's wait."""
    import importlib.util

    from mkdocs.livereload import LiveReloadServer

    spec = importlib.util.spec_from_file_location("adapter_for_serve_test", ROOT / "hooks" / "mkdocs_adapter.py")
    adapter = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(adapter)
    server = adapter._quick_server(LiveReloadServer)(builder=lambda: None, host="127.0.0.1", port=0,
                                                     root=str(tmp_path), mount_path="/")
    stock = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path), mount_path="/")
    try:
        assert server.observer.timeout == adapter.POLL_S <= 0.25
        assert stock.observer.timeout == 0.5        # what MkDocs alone does
    finally:
        server.server_close()
        stock.server_close()
