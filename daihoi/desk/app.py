"""The desk's web application (Starlette): its settings, pages and the rules every request obeys.

`create_app(settings)` wires the pages of pages_*.py. Every page that changes something
is registered with `action`, which reads the form and refuses it without the desk's token
before the page's code runs: a page cannot be added that skips the check (guard.py says
why, and checks Host and Origin for every request before that).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from daihoi.desk import guard
from daihoi.desk.fields import field_id
from daihoi.desk.store import Store
from daihoi.text import vndate

HERE = Path(__file__).resolve().parent
MAX_UPLOAD = 25 * 1024 * 1024       # a received plan or a photo; images.py refuses covers over 20 MB itself
MAX_FIELDS = 3000                   # a plan of 500 slogans and 200 phases stays under it


@dataclass
class Settings:
    content_dir: Path
    site_dir: Path
    out_dir: Path
    port: int
    today: str | None = None                       # YYYY-MM-DD: preview and package as on that day
    token: str = field(default_factory=guard.new_token)


def _vn_date(value) -> str:
    if not value:
        return ""
    try:
        return vndate.parse(str(value)).strftime("%d/%m/%Y")
    except vndate.BadDate:
        return str(value)


def templates() -> Environment:
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["ngay"] = _vn_date
    env.filters["field_id"] = field_id
    return env


def render(request: Request, name: str, status: int = 200, **values) -> HTMLResponse:
    app = request.app
    values.setdefault("nav", request.url.path)
    html = app.state.templates.get_template(name).render(
        csrf=app.state.settings.token, csrf_field=guard.TOKEN_FIELD, request=request, **values)
    return HTMLResponse(html, status_code=status)


async def read_form(request: Request):
    """The submitted form, once the token in it is the desk's (403 otherwise)."""
    form = await request.form(max_files=5, max_fields=MAX_FIELDS, max_part_size=MAX_UPLOAD)
    sent = form.get(guard.TOKEN_FIELD) or request.headers.get(guard.TOKEN_HEADER)
    if not guard.token_ok(sent if isinstance(sent, str) else None, request.app.state.settings.token):
        raise HTTPException(403, "Yêu cầu không có mã xác nhận của bàn biên tập (có thể đến từ trang khác). "
                                 "Mở lại trang từ bàn biên tập rồi làm lại.")
    return form


def action(path: str, handler) -> Route:
    """A POST page: its handler runs only after read_form accepted the token (form in request.state.form)."""
    async def checked(request: Request):
        request.state.form = await read_form(request)
        return await handler(request)
    checked.__name__ = handler.__name__
    return Route(path, checked, methods=["POST"])


def page(path: str, handler) -> Route:
    return Route(path, handler, methods=["GET", "HEAD"])


_STATUS_TEXT = {
    400: "Không đọc được dữ liệu gửi lên (tệp quá lớn, hoặc quá nhiều ô). Quay lại trang trước rồi thử lại.",
    405: "Trang này không nhận cách gửi này. Mở trang từ thanh trên cùng của bàn biên tập.",
    413: "Tệp gửi lên quá lớn.",
}


async def _refused(request: Request, exc: HTTPException):
    """Every refusal in Vietnamese: the desk's own (403: the token) as it says, Starlette's by status."""
    if exc.status_code == 404:
        return render(request, "loi.html", 404, title="Không có trang này",
                      message="Không có trang hoặc tệp này trên bàn biên tập.")
    if exc.status_code == 403:
        return PlainTextResponse(str(exc.detail), status_code=403)
    return render(request, "loi.html", exc.status_code, title="Không làm được",
                  message=_STATUS_TEXT.get(exc.status_code, "Bàn biên tập không làm được việc này."))


async def _crash(request: Request, exc: Exception):
    return render(request, "loi.html", 500, title="Lỗi ngoài dự kiến",
                  message=f"Bàn biên tập gặp lỗi ngoài dự kiến ({type(exc).__name__}). Những gì đã lưu vẫn còn; "
                          "quay lại trang trước rồi thử lại. Nếu vẫn vậy, gửi nội dung cửa sổ lệnh cho nhóm kỹ thuật.")


class Sandboxed:
    """The built site, served for the preview with its pages in a sandbox of their own origin: a page
    of the site (its scripts, whatever content put in it) can neither read the desk's pages nor send
    the desk a request that passes guard.py (its origin is "null")."""

    POLICY = b"sandbox allow-scripts allow-popups allow-popups-to-escape-sandbox allow-downloads"

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        async def sending(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                kind = dict(headers).get(b"content-type", b"")
                if kind.startswith(b"text/html") or kind.startswith(b"image/svg"):
                    headers.append((b"content-security-policy", self.POLICY))
                message = dict(message, headers=headers)
            await send(message)
        await self.app(scope, receive, sending)


def create_app(settings: Settings) -> Starlette:
    from daihoi.desk import pages_congress, pages_plans, pages_posts, pages_publish

    routes = [page("/", pages_publish.home)]
    for module in (pages_plans, pages_posts, pages_congress, pages_publish):
        for method, path, handler in module.ROUTES:
            routes.append(action(path, handler) if method == "POST" else page(path, handler))
    routes.append(Mount("/tinh", app=StaticFiles(directory=str(HERE / "static")), name="tinh"))
    routes.append(Mount("/trang", app=Sandboxed(StaticFiles(directory=str(settings.site_dir), html=True,
                                                            check_dir=False)), name="trang"))
    app = Starlette(routes=routes, exception_handlers={HTTPException: _refused, Exception: _crash})
    app.state.settings = settings
    app.state.store = Store(settings.content_dir)
    app.state.templates = templates()
    app.state.received = {}          # id -> pages_plans.Received: plans being reviewed
    app.state.last_check = None
    app.state.last_package = None
    return guard.Guard(app, settings.port)
