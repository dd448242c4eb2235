"""The congress page: every congress of content/_du-lieu/dai-hoi.yml with its dates, and a new one.

A value is changed on its own line (store.set_congress_value): the file's comments and the
other congresses stay as they were written.
"""
from __future__ import annotations

from starlette.responses import RedirectResponse

from daihoi.desk import corrections as C
from daihoi.desk.app import render
from daihoi.desk.fields import shown as shown_value
from daihoi.desk.store import set_congress_value
from daihoi.model import source
from daihoi.model.content import shown
from daihoi.model.schema import LEVELS
from daihoi.text.vntext import slugify

KEYS = (("name", "Tên đại hội", "text"), ("level", "Cấp", "select"), ("ordinal", "Lần thứ (số La Mã)", "text"),
        ("unit", "Đảng bộ, chi bộ tổ chức", "text"), ("term", "Nhiệm kỳ", "text"),
        ("opening", "Ngày khai mạc", "date"), ("closing", "Ngày bế mạc", "date"))


def _rows(store, form=None, errors=None, which=None):
    out = []
    for cid, c in store.congresses().items():
        values = {k: shown_value(k, c.get(k)) for k, _, _ in KEYS}
        if form is not None and which == cid:
            values.update({k: str(form.get(k) or "") for k, _, _ in KEYS})
        out.append({"id": cid, "vals": values, "errors": (errors or {}) if which == cid else {}})
    return out


def _page(request, form=None, errors=None, which=None, message="", status=200, new=None):
    from daihoi.desk import links, publish

    store = request.app.state.store
    problems = [p for p in publish.quick_problems(store.content_dir) if p.path == shown(store.congress_file)]
    return render(request, "dai-hoi.html", status, title="Đại hội", rows=_rows(store, form, errors, which),
                  keys=KEYS, levels=LEVELS, message=message, saved=request.query_params.get("da-luu"),
                  problems=[(p, links.link(p, store, publish.ROOT)) for p in problems],
                  new=new or {"vals": {}, "errors": {}, "id": ""})


async def congress_page(request):
    return _page(request)


def _values(form) -> tuple[dict, dict]:
    values, errors = {}, {}
    for key, label, kind in KEYS:
        typed = str(form.get(key) or "")
        try:
            values[key] = C.normalise(key, typed) if kind == "date" else (" ".join(typed.split()) or None)
        except C.CorrectionError as exc:
            errors[key] = exc.message
    if values.get("level") and values["level"] not in LEVELS:
        errors["level"] = "Chọn một cấp trong danh sách"
    return values, errors


async def congress_save(request):
    store = request.app.state.store
    form = request.state.form
    cid = str(form.get("ma") or "")
    known = store.congresses()
    if cid not in known:
        return _page(request, message=f"Không có đại hội mã “{cid}”.", status=404)
    values, errors = _values(form)
    if errors:
        return _page(request, form, errors, cid, "Chưa lưu: sửa các ô được nêu.", 422)
    text = store.congress_file.read_text(encoding="utf-8-sig")
    for key, value in values.items():
        old = known[cid].get(key)
        if (C.normalise(key, old) if key in C.DATE_KEYS and old else old) == value:
            continue
        src, _ = source.parse_yaml(text, shown(store.congress_file), 1)
        text = set_congress_value(text, src, cid, key, value)
    store.write(store.congress_file, text)
    return RedirectResponse(f"/dai-hoi?da-luu={cid}#dh-{cid}", status_code=303)


async def congress_new(request):
    from daihoi.cli import scaffold
    from daihoi.desk.pages_plans import _today

    store = request.app.state.store
    form = request.state.form
    cid = slugify(str(form.get("ma") or ""))
    values, errors = _values(form)
    if not cid:
        errors["ma"] = "Đặt một mã không dấu, ví dụ dai-hoi-phuong-1"
    elif cid in store.congresses():
        errors["ma"] = f"Đã có đại hội mã “{cid}”"
    if not values.get("name"):
        errors["name"] = "Đại hội cần có tên"
    if errors:
        new = {"id": str(form.get("ma") or ""), "vals": {k: str(form.get(k) or "") for k, _, _ in KEYS},
               "errors": errors}
        return _page(request, message="Chưa thêm: sửa các ô được nêu.", status=422, new=new)
    old = store.congress_file.read_text(encoding="utf-8-sig") if store.congress_file.is_file() else ""
    text = (old if not old or old.endswith("\n") else old + "\n") + scaffold.congress_text(_today(request), cid)
    for key, value in values.items():
        src, _ = source.parse_yaml(text, shown(store.congress_file), 1)
        text = set_congress_value(text, src, cid, key, value)
    store.write(store.congress_file, text)
    return RedirectResponse(f"/dai-hoi?da-luu={cid}#dh-{cid}", status_code=303)


ROUTES = [
    ("GET", "/dai-hoi", congress_page),
    ("POST", "/dai-hoi", congress_save),
    ("POST", "/dai-hoi/moi", congress_new),
]
