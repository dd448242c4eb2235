"""Pages for news posts: list, create, edit (cover upload, plan and phase from lists, text preview)."""
from __future__ import annotations

import os
import secrets
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse, Response

from daihoi.desk import markdown_preview, posts
from daihoi.desk.app import render
from daihoi.desk.store import post_text
from daihoi.model import content, news, source
from daihoi.model.content import shown
from daihoi.site import images, sanitize
from daihoi.text.vntext import slugify

COVER_TYPES = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif"}
_thumbs: dict = {}          # (file, mtime) -> JPEG bytes of the 480 px copy the site makes


def plans_of(store) -> list:
    """The resolved plans (for the phase list), also when some other file has an error."""
    site, _ = content.load(store.content_dir)
    if site is not None:
        return site.plans
    out = []
    for file in store.plan_files():
        plan, _ = content.load_plan_file(file, None)
        if plan is not None:
            out.append(plan)
    return out


async def post_list(request):
    store = request.app.state.store
    rows = []
    for file in store.post_files():
        src, _ = store.read(file)
        data = src.data if src is not None and isinstance(src.data, dict) else {}
        rows.append({"stem": file.stem, "title": data.get("title") or file.stem, "date": data.get("date"),
                     "plan": data.get("plan"), "phase": data.get("phase"), "track": data.get("track")})
    return render(request, "tin-tuc.html", title="Tin bài", rows=rows)


def _post_file(request) -> Path:
    store = request.app.state.store
    file = store.named(store.post_files(), request.path_params["stem"])
    if file is None:
        raise HTTPException(404)
    return file


def _form(request, file: Path | None, values: dict, body: str, errors=None, problems=(), status=200, message="",
          preview=None):
    store = request.app.state.store
    plans = plans_of(store)
    return render(request, "tin-sua.html", status, title="Sửa tin bài" if file else "Tin bài mới",
                  file=shown(file) if file else "", stem=file.stem if file else "", v=values, body=body,
                  errors=errors or {}, problems=problems, message=message, preview=preview,
                  plans=[(p.number, p.label) for p in plans], phases=posts.phase_choices(plans),
                  congresses=[(cid, c.get("name") or cid) for cid, c in store.congresses().items()],
                  saved=request.query_params.get("da-luu"))


async def post_new(request):
    from daihoi.desk.pages_plans import _today
    return _form(request, None, {"date": _today(request).strftime("%d/%m/%Y"), "author": "Ban biên tập"}, "")


async def post_edit(request):
    file = _post_file(request)
    store = request.app.state.store
    src, found = store.read(file)
    if src is None or not isinstance(src.data, dict):
        return _form(request, file, {}, "", problems=found, status=422,
                     message="Không đọc được tệp này; sửa theo thông báo dưới đây.")
    problems = [p for p in _problems_now(store) if p.path == shown(file)]
    return _form(request, file, posts.form_values(src.data, plans_of(store)), src.body.lstrip("\n"),
                 problems=problems)


def _problems_now(store) -> list:
    from daihoi.desk import publish
    return publish.quick_problems(store.content_dir)


def save_cover(store, upload: UploadFile, data: bytes) -> tuple[str | None, str]:
    """("anh/<name>", "") for a usable picture, saved under content/tin-tuc/anh/; (None, why) otherwise.

    Checked as the build checks a cover (daihoi.site.images.problem: format from the file's
    header, bytes, pixels) before it takes its place; the build makes the resized copies."""
    from PIL import Image

    store.images_dir.mkdir(parents=True, exist_ok=True)
    tmp = store.write(store.images_dir / f".tai-len-{secrets.token_hex(6)}", data)
    try:
        why = images.problem(tmp)
        if why:
            return None, f"{why[0].replace(tmp.name, upload.filename or 'ảnh')}. {why[1]}"
        with Image.open(tmp) as picture:
            suffix = COVER_TYPES.get(picture.format or "", ".jpg")
        stem = slugify(Path(upload.filename or "anh").stem)[:60].strip("-") or "anh"
        final, n = store.images_dir / f"{stem}{suffix}", 2
        while final.exists() and final.read_bytes() != data:
            final, n = store.images_dir / f"{stem}-{n}{suffix}", n + 1
        os.replace(tmp, store.inside(final))
        return f"anh/{final.name}", ""
    finally:
        if tmp.exists():
            tmp.unlink()


def _file_for(store, data: dict, file: Path | None) -> Path:
    if file is not None:
        return file
    stem = f"{data['date']}-{slugify(data.get('title') or '')[:60].strip('-') or 'tin-moi'}"
    path, n = store.posts_dir / f"{stem}.md", 2
    while path.exists():
        path, n = store.posts_dir / f"{stem}-{n}.md", n + 1
    return path


def _check_post(store, text: str, final: Path, plans: list) -> tuple[list, Path]:
    """Problems of the post as it would be saved (read from a hidden copy beside it: the model's
    own reader and the allow-list of values), and that copy."""
    tmp = store.write(final.parent / f".luu-{secrets.token_hex(6)}.md", text)
    post, found = news.read_post(tmp, shown(final), plans, store.congresses())
    src, _ = source.read(tmp, shown(final))
    if src is not None:
        found += sanitize.value_problems(src.data, src.line, shown(final))
        # What the allow-list removes from the text, as `build.py check` reports it (code, frames: errors).
        removed = markdown_preview.render(src.body)[1]
        if removed:
            found += sanitize.page_problems(removed, text, shown(final))
    return sorted(set(found)), tmp


def _field_of(problem, text: str) -> str:
    """The form field a problem of a post is about, from the line it names."""
    src, _ = source.parse_yaml(text.split("---\n")[1] if text.count("---\n") >= 2 else "", "", 2)
    if src is None or not problem.line:
        return ""
    keys = [p for p, n in src.lines.items() if n == problem.line and p]
    key = str(keys[0][0]) if keys else ""
    if not key and src is not None and problem.line >= text.count("\n", 0, text.index("---\n", 4) + 4) + 1:
        return "body"
    return "dot" if key in ("plan", "phase", "track") else {"cover": "anh"}.get(key, key)


def _kept_cover(store, value: str) -> str | None:
    """The cover the form carried over ("anh/<name>"), if it is a picture in the posts' folder."""
    name = value[4:] if value.startswith("anh/") else ""
    found = store.named(sorted(p for p in store.images_dir.glob("*") if p.is_file()), Path(name).stem) \
        if name and store.images_dir.is_dir() else None
    return value if found is not None and found.name == name else None


async def post_save(request):
    store = request.app.state.store
    form = request.state.form
    file = _post_file(request) if "stem" in request.path_params else None
    old, old_body = {}, ""
    if file is not None:
        src, _ = store.read(file)
        if src is not None and isinstance(src.data, dict):
            old, old_body = dict(src.data), src.body
    plans = plans_of(store)
    data, errors = posts.from_form(form, old, plans, store.congresses())
    body = str(form.get("body") or "").replace("\r\n", "\n")
    data["cover"] = _kept_cover(store, str(form.get("cover") or "")) or old.get("cover")
    values = dict(posts.form_input(form), cover=data["cover"] or "")
    # A picture chosen is taken (checked) whatever the button: a browser cannot show a chosen file
    # again, so the preview button must not lose it.
    upload = form.get("anh")
    if isinstance(upload, UploadFile) and upload.filename:
        raw = await upload.read(images.MAX_BYTES + 1)
        if raw:
            cover, why = await run_in_threadpool(save_cover, store, upload, raw)
            if why:
                errors["anh"] = why
            else:
                data["cover"] = values["cover"] = cover
    if form.get("bo-anh"):
        data["cover"] = data["cover_alt"] = None
        values["cover"] = ""
    if form.get("viec") == "xem":
        html, _ = markdown_preview.render(body)
        return _form(request, file, values, body, errors, preview=html)
    if errors:
        return _form(request, file, values, body, errors, status=422,
                     message="Chưa lưu: sửa các ô được nêu (mọi chữ đã gõ vẫn giữ).")
    final = _file_for(store, data, file)
    text = post_text(data, body if body.strip() or not old_body else old_body)
    found, tmp = _check_post(store, text, final, plans)
    try:
        bad = [p for p in found if p.is_error]
        if bad:
            errs = {}
            for p in bad:
                errs.setdefault(_field_of(p, text) or "title", p.what + (f". {p.fix}" if p.fix else ""))
            return _form(request, file, values, body, errs, problems=bad, status=422,
                         message="Chưa lưu: sửa các ô được nêu (mọi chữ đã gõ vẫn giữ).")
        os.replace(tmp, store.inside(final))
    finally:
        if tmp.exists():
            tmp.unlink()
    return RedirectResponse(f"/tin-tuc/{final.stem}?da-luu=1", status_code=303)


async def post_preview(request):
    html, removed = markdown_preview.render(str(request.state.form.get("body") or ""))
    return render(request, "_xem-noi-dung.html", preview=html, removed=removed)


async def cover_thumb(request):
    """A post picture as the site's 480 px copy (daihoi.site.images), for the form and the text preview."""
    store = request.app.state.store
    name = request.path_params["name"]
    file = store.named(sorted(p for p in store.images_dir.glob("*") if p.is_file()), Path(name).stem) \
        if store.images_dir.is_dir() else None
    if file is None or file.name != name or images.problem(file):
        raise HTTPException(404)
    key = (str(file), file.stat().st_mtime_ns)
    if key not in _thumbs:
        picture, made = await run_in_threadpool(images.variants, file, "xem", "x")
        widths = [w for _, w, _ in picture["srcset"]]
        best = max(w for w in widths if w <= 480) if any(w <= 480 for w in widths) else widths[0]
        if len(_thumbs) > 32:
            _thumbs.clear()
        _thumbs[key] = made[f"x/xem-{best}.jpg"]
    return Response(_thumbs[key], media_type="image/jpeg", headers={"Cache-Control": "no-store"})


ROUTES = [
    ("GET", "/tin-tuc", post_list),
    ("GET", "/tin-tuc/moi", post_new),
    ("POST", "/tin-tuc/moi", post_save),
    ("POST", "/tin-tuc/xem-truoc", post_preview),
    ("GET", "/tin-tuc/anh/{name}", cover_thumb),
    ("GET", "/tin-tuc/{stem}", post_edit),
    ("POST", "/tin-tuc/{stem}", post_save),
]
