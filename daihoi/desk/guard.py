"""Who may talk to the desk: this computer's browser, through the address the desk printed.

* The server listens on 127.0.0.1 only (cli.py), so no other computer reaches it.
* Host must be 127.0.0.1 or localhost with the desk's port: a web page whose name was
  made to point at 127.0.0.1 (DNS rebinding) sends its own name as Host and is refused.
* A request that changes something (any method but GET and HEAD) must come from the
  desk's own origin (Origin, and Chromium's Sec-Fetch-Site, when sent: a page on another
  port of this computer is another origin but the same "site", so cookies would not tell)
  and carry the desk's token, which only the desk's own pages hold (CSRF).

Plain functions decide; `Guard` is the ASGI middleware that applies them to every request.
"""
from __future__ import annotations

import hmac
import secrets
from urllib.parse import urlsplit

SAFE_METHODS = {"GET", "HEAD"}
TOKEN_FIELD = "csrf"
TOKEN_HEADER = "x-csrf-token"
LOCAL_NAMES = ("127.0.0.1", "localhost")


def new_token() -> str:
    return secrets.token_urlsafe(32)


def host_allowed(host: str | None, port: int) -> bool:
    return (host or "").lower() in {f"{name}:{port}" for name in LOCAL_NAMES}


def origin_allowed(origin: str | None, port: int) -> bool:
    """Absent is allowed (the token still decides); "null" and any other origin are not."""
    if origin is None:
        return True
    parts = urlsplit(origin)
    return parts.scheme == "http" and f"{parts.hostname}:{parts.port}" in {f"{n}:{port}" for n in LOCAL_NAMES} \
        and not parts.path.strip("/")


def token_ok(sent: str | None, token: str) -> bool:
    return bool(sent) and hmac.compare_digest(sent.encode(), token.encode())


def refusal(method: str, headers: dict, port: int) -> str | None:
    """Why a request is refused before it is read (None: go on). `headers`: lower-case names."""
    if not host_allowed(headers.get("host"), port):
        return ("Bàn biên tập chỉ mở được tại http://127.0.0.1:%d/ trên máy này (địa chỉ trong yêu cầu: “%s”)"
                % (port, headers.get("host", "")))
    if method in SAFE_METHODS:
        return None
    if not origin_allowed(headers.get("origin"), port):
        return "Yêu cầu đến từ trang khác (%s): bàn biên tập chỉ nhận yêu cầu từ chính nó" % headers.get("origin")
    if headers.get("sec-fetch-site") not in (None, "same-origin", "none"):
        return "Yêu cầu đến từ trang khác: bàn biên tập chỉ nhận yêu cầu từ chính nó"
    return None


class Guard:
    """ASGI middleware: Host and Origin for every request; the token is checked by `require_token`
    once the form is read (a multipart form is read only once, by the page that handles it)."""

    def __init__(self, app, port: int):
        self.app = app
        self.port = port

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        why = refusal(scope["method"], headers, self.port)
        if why is None:
            return await self.app(scope, receive, send)
        body = why.encode("utf-8")
        status = 403 if host_allowed(headers.get("host"), self.port) else 400
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
