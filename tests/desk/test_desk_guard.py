"""Who may talk to the desk: requests from another origin, without the desk's token, or with another
Host (DNS rebinding) are refused, against the real server; and the rules as plain functions."""
from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request

import pytest

from daihoi.desk import guard


def request(url, method="GET", data=None, headers=None):
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))    # straight to 127.0.0.1
    try:
        with opener.open(req, timeout=60) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8")


def token_of(desk) -> str:
    status, html = request(desk.url + "kiem-tra")
    assert status == 200
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def test_foreign_origin_post_is_refused(full_desk):
    token = token_of(full_desk)
    before = sorted(p.name for p in (full_desk.content / "tin-tuc").iterdir())
    status, text = request(full_desk.url + "tin-tuc/moi", "POST",
                           {"csrf": token, "title": "Tin giả", "date": "01/01/2020", "viec": "luu"},
                           {"Origin": "http://evil.example", "Content-Type": "application/x-www-form-urlencoded"})
    assert status == 403 and "trang khác" in text
    # Another port of this same computer is another origin too (a page served by some other program).
    port = full_desk.port + 1
    status, _ = request(full_desk.url + "tin-tuc/moi", "POST", {"csrf": token, "title": "Tin giả"},
                        {"Origin": f"http://127.0.0.1:{port}"})
    assert status == 403
    status, _ = request(full_desk.url + "kiem-tra", "POST", {"csrf": token}, {"Origin": "null"})
    assert status == 403
    status, _ = request(full_desk.url + "kiem-tra", "POST", {"csrf": token}, {"Sec-Fetch-Site": "cross-site"})
    assert status == 403
    assert sorted(p.name for p in (full_desk.content / "tin-tuc").iterdir()) == before


def test_post_without_token_is_refused(full_desk):
    before = (full_desk.content / "_du-lieu" / "dai-hoi.yml").read_bytes()
    for path, data in (("dai-hoi", {"ma": "xii-toan-quoc", "name": "Đổi tên"}), ("kiem-tra", {}),
                       ("dong-goi", {}), ("nhap", {}), ("ke-hoach/07-kh-duk", {"viec": "luu"})):
        status, text = request(full_desk.url + path, "POST", data, {"Origin": full_desk.url.rstrip("/")})
        assert status == 403, path
        assert "mã xác nhận" in text
        status, _ = request(full_desk.url + path, "POST", dict(data, csrf="sai"), {"Origin": full_desk.url.rstrip("/")})
        assert status == 403, path
    assert (full_desk.content / "_du-lieu" / "dai-hoi.yml").read_bytes() == before
    assert not (full_desk.out).exists()


def test_same_origin_post_with_token_is_accepted(full_desk):
    status, html = request(full_desk.url + "kiem-tra", "POST", {"csrf": token_of(full_desk)},
                           {"Origin": full_desk.url.rstrip("/")})
    assert status == 200 and "Kết quả" in html


def test_foreign_host_is_refused(full_desk):
    """DNS rebinding: a page of evil.example whose name now points at 127.0.0.1 sends Host: evil.example."""
    for host in ("evil.example", f"evil.example:{full_desk.port}", f"127.0.0.1:{full_desk.port + 1}", "127.0.0.1"):
        status, text = request(full_desk.url, headers={"Host": host})
        assert status == 400, host
        assert "chỉ mở được tại" in text
    assert request(full_desk.url, headers={"Host": f"localhost:{full_desk.port}"})[0] == 200


def test_listens_on_loopback_only(full_desk):
    import socket
    # 127.0.0.2 is this computer too, but not the one address the desk listens on.
    addresses = {a[4][0] for a in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)} | {"127.0.0.2"}
    addresses -= {"127.0.0.1"}
    for address in addresses:
        with pytest.raises(OSError):
            socket.create_connection((address, full_desk.port), timeout=2).close()


@pytest.mark.parametrize("origin, ok", [
    (None, True), ("http://127.0.0.1:8765", True), ("http://localhost:8765", True),
    ("http://127.0.0.1:8766", False), ("https://127.0.0.1:8765", False), ("null", False),
    ("http://evil.example:8765", False), ("http://127.0.0.1.evil.example:8765", False)])
def test_origin_rule(origin, ok):
    assert guard.origin_allowed(origin, 8765) is ok


def test_token_rule():
    token = guard.new_token()
    assert guard.token_ok(token, token)
    assert not guard.token_ok(None, token) and not guard.token_ok("", token) and not guard.token_ok(token[:-1], token)
    assert guard.refusal("GET", {"host": "127.0.0.1:8765"}, 8765) is None
    assert guard.refusal("POST", {"host": "127.0.0.1:8765", "origin": "http://evil.example"}, 8765)


def test_a_page_of_another_site_cannot_post_to_the_desk(browser, full_desk):
    """A real cross-site form post from Chromium (a page of evil.example, answered by the test)."""
    before = (full_desk.content / "_du-lieu" / "dai-hoi.yml").read_bytes()
    ctx = browser.new_context()
    page = ctx.new_page()
    form = (f'<form method="post" action="{full_desk.url}dai-hoi"><input name="ma" value="xii-toan-quoc">'
            '<input name="name" value="Bị sửa"><input name="csrf" value="doan-bua"></form>'
            '<script>document.forms[0].submit()</script>')
    page.route("http://evil.example/**", lambda route: route.fulfill(status=200, content_type="text/html",
                                                                     body=form))
    with page.expect_response(full_desk.url + "dai-hoi") as answer:
        page.goto("http://evil.example/")
    assert answer.value.status == 403
    assert "trang khác" in answer.value.text()
    ctx.close()
    assert (full_desk.content / "_du-lieu" / "dai-hoi.yml").read_bytes() == before


def test_preview_pages_are_sandboxed(full_desk):
    """The built site is shown on the desk's own address: its pages get an origin of their own."""
    import subprocess
    import sys

    from helpers import ROOT
    done = subprocess.run([sys.executable, str(ROOT / "build.py"), "build", "--content-dir", str(full_desk.content),
                           "--site-dir", str(full_desk.site)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    req = urllib.request.Request(full_desk.url + "trang/")
    with urllib.request.build_opener(urllib.request.ProxyHandler({})).open(req, timeout=60) as r:
        assert r.status == 200
        assert r.headers["Content-Security-Policy"].startswith("sandbox allow-scripts")
        assert "allow-same-origin" not in r.headers["Content-Security-Policy"]


def test_refusals_are_in_vietnamese(full_desk):
    status, html = request(full_desk.url + "khong-co")
    assert status == 404 and "Không có trang này" in html
    status, html = request(full_desk.url + "ke-hoach", "POST", {}, {"Origin": full_desk.url.rstrip("/")})
    assert status == 405 and "không nhận cách gửi này" in html
    status, html = request(full_desk.url + "ke-hoach/..%2f..%2fREADME")
    assert status == 404
