"""Pages for plans: import a received file and review it, list plans, edit a plan file."""
from __future__ import annotations

import re
import secrets
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse

from daihoi.desk import corrections as C
from daihoi.desk import fields as F
from daihoi.desk import links, publish, review
from daihoi.desk.app import MAX_UPLOAD, render
from daihoi.desk.store import Refused, head_comments, plan_text
from daihoi.model.content import shown
from daihoi.text import invisible

RECEIVED_TYPES = (".docx", ".pdf", ".doc", ".txt")
KEEP = 20                       # received plans kept for review at once (oldest dropped)


@dataclass
class Received:
    id: str
    name: str
    plan: dict
    extra: dict
    lines: list
    at: float


def safe_name(name: str) -> str:
    """The received file's own name, as `build.py import` records it, without folders or invisible characters."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = invisible.visible(base)
    base = "".join(ch for ch in base if ch.isprintable()).strip()
    return base or "ke-hoach"


def import_received(data: bytes, name: str) -> Received:
    """The importer over an uploaded file (a copy in a temporary folder, removed at once)."""
    from daihoi.importer.sources import import_with_extras, read_lines

    with tempfile.TemporaryDirectory(prefix="ban-bien-tap-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        plan, extra = import_with_extras(path)
        lines = read_lines(path)
    return Received(secrets.token_urlsafe(9), name, plan, extra, lines, time.time())


# --- import ---------------------------------------------------------------------------------

async def import_page(request):
    return render(request, "nhap.html", title="Nhập kế hoạch nhận được")


async def import_upload(request):
    from daihoi.importer import PlanImportError

    form = request.state.form
    upload = form.get("tep")
    if not isinstance(upload, UploadFile) or not upload.filename:
        return render(request, "nhap.html", 422, title="Nhập kế hoạch nhận được",
                      error="Chưa chọn tệp. Bấm “Chọn tệp” rồi chọn tệp kế hoạch (.docx, .pdf, .doc, .txt).")
    name = safe_name(upload.filename)
    if Path(name).suffix.lower() not in RECEIVED_TYPES:
        return render(request, "nhap.html", 422, title="Nhập kế hoạch nhận được",
                      error=f"Tệp “{name}” không phải tệp kế hoạch dạng .docx, .pdf, .doc hoặc .txt. "
                            "Mở tệp bằng Word rồi lưu thành .docx, hoặc chọn đúng tệp.")
    data = await upload.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        return render(request, "nhap.html", 413, title="Nhập kế hoạch nhận được",
                      error=f"Tệp “{name}” quá lớn (quá {MAX_UPLOAD // 1024 // 1024} MB): một kế hoạch thường "
                            "dưới 1 MB. Kiểm tra đúng tệp; bỏ ảnh quét trong tệp rồi thử lại.")
    try:
        received = await run_in_threadpool(import_received, data, name)
    except PlanImportError as exc:
        return render(request, "nhap.html", 422, title="Nhập kế hoạch nhận được", error=exc.message)
    except Exception as exc:  # noqa: BLE001 - the editor gets a sentence, never a traceback
        return render(request, "nhap.html", 500, title="Nhập kế hoạch nhận được",
                      error=f"Trình nhập gặp sự cố khi đọc “{name}” ({type(exc).__name__}). Thử lưu tệp lại dạng "
                            ".docx rồi nhập lại; nếu vẫn vậy, gửi tệp cho nhóm kỹ thuật.")
    kept = request.app.state.received
    kept[received.id] = received
    for old in sorted(kept.values(), key=lambda r: r.at)[:-KEEP]:
        kept.pop(old.id, None)
    return RedirectResponse(f"/nhap/{received.id}", status_code=303)


def _received(request) -> Received:
    found = request.app.state.received.get(request.path_params["rid"])
    if found is None:
        raise HTTPException(404)
    return found


def _review_sections(store, rec: Received, congresses: dict):
    sections = F.plan_sections(rec.plan, congresses, tracks=rec.extra.get("tracks") or [],
                               auto_congress=review.auto_congress(rec.plan, congresses))
    loose = F.attach_warnings(sections, rec.plan.get("warnings") or [])
    return sections, loose


def _review(request, rec: Received, form=None, errors=None, corrected=None, message="", status=200):
    store = request.app.state.store
    congresses = store.congresses()
    sections, loose = _review_sections(store, rec, congresses)
    if form is not None:
        F.with_input(sections, form, errors or {})
    rows, loose_lines = review.rows(rec.lines, rec.plan)
    plan = corrected or rec.plan
    target = shown(_target_path(store, plan))
    return render(request, "doi-chieu.html", status, title=f"Đối chiếu kế hoạch: {rec.name}", rec=rec, rows=rows,
                  sections=sections, loose=loose, dates=review.phase_dates(plan, congresses), errors=errors or {},
                  fields_by_path={fl.path: fl for fl in F.all_fields(sections)}, message=message, target=target,
                  exists=_target_path(store, plan).exists(), force=bool(form and form.get("ghi-de")))


def _target_path(store, plan: dict) -> Path:
    from daihoi.importer.writer import default_path
    return default_path(plan, store.content_dir)


async def review_page(request):
    return _review(request, _received(request))


def _corrected(request, rec: Received):
    store = request.app.state.store
    form = request.state.form
    sections, _ = _review_sections(store, rec, store.congresses())
    corr, errors = F.corrections(form, form.getlist(F.REMOVE), rec.plan, sections, tracks=rec.extra.get("tracks") or [])
    plan, extra = rec.plan, rec.extra
    if not errors:
        try:
            plan, extra = C.apply_to_import(rec.plan, rec.extra, corr)
        except C.CorrectionError as exc:
            errors[exc.path] = exc.message
    return form, corr, errors, plan, extra


async def review_submit(request):
    from daihoi.importer.writer import to_content

    rec = _received(request)
    form, corr, errors, plan, extra = _corrected(request, rec)
    if errors or form.get("viec") != "luu":
        return _review(request, rec, form, errors, plan if not errors else None, status=422 if errors else 200)
    store = request.app.state.store
    path = _target_path(store, plan)
    if path.exists() and not form.get("ghi-de"):
        return _review(request, rec, form, {}, plan, status=409,
                       message=f"Đã có tệp “{shown(path)}”. Đánh dấu ô “Ghi đè tệp đã có” nếu muốn thay nó, "
                               "hoặc sửa số ký hiệu.")
    try:
        store.write(path, to_content(plan, extra, source=rec.name))
    except (Refused, OSError) as exc:
        return _review(request, rec, form, {}, plan, status=500,
                       message=f"Không ghi được tệp: {getattr(exc, 'args', [''])[0] or exc}")
    request.app.state.saved_corrections = corr          # what the last save changed (shown, and for tests)
    return RedirectResponse(f"/ke-hoach/{path.stem}?da-luu={len(corr)}", status_code=303)


async def review_dates(request):
    rec = _received(request)
    _, _, errors, plan, _ = _corrected(request, rec)
    return render(request, "_ngay.html", dates=review.phase_dates(plan if not errors else rec.plan,
                                                                 request.app.state.store.congresses()))


# --- plan files -----------------------------------------------------------------------------

async def plan_list(request):
    store = request.app.state.store
    problems = publish.quick_problems(store.content_dir)
    rows = []
    for file in store.plan_files():
        src, _ = store.read(file)
        data = src.data if src is not None and isinstance(src.data, dict) else {}
        mine = [p for p in problems if p.path == shown(file)]
        rows.append({"stem": file.stem, "file": shown(file), "number": data.get("number") or file.stem,
                     "title": data.get("title") or "", "date": data.get("date"),
                     "phases": len(data.get("phases") or []), "errors": sum(p.is_error for p in mine),
                     "warnings": sum(not p.is_error for p in mine)})
    return render(request, "ke-hoach.html", title="Kế hoạch", rows=rows)


async def plan_new(request):
    from daihoi.cli import scaffold
    from daihoi.model import content
    from daihoi.text.vntext import slugify

    store = request.app.state.store
    number = " ".join(str(request.state.form.get("so") or "").split())
    if not number:
        return RedirectResponse("/ke-hoach", status_code=303)
    path = store.plans_dir / f"{slugify(number) or 'ke-hoach-moi'}.md"
    if path.exists():
        return RedirectResponse(f"/ke-hoach/{path.stem}", status_code=303)
    site, _ = content.load(store.content_dir)
    today = _today(request)
    store.write(path, scaffold.plan_text(today, site, number.replace('"', "'")))
    return RedirectResponse(f"/ke-hoach/{path.stem}?moi=1", status_code=303)


def _today(request) -> date:
    from daihoi.text import vndate
    day = request.app.state.settings.today
    return vndate.parse(day) if day else date.today()


def _plan_file(request) -> Path:
    store = request.app.state.store
    file = store.named(store.plan_files(), request.path_params["stem"])
    if file is None:
        raise HTTPException(404)
    return file


def _edit_state(store, file: Path):
    src, found = store.read(file)
    congresses = store.congresses()
    if src is None or not isinstance(src.data, dict):
        return src, None, None, found
    data = dict(src.data, __body__=src.body)
    sections = F.plan_sections(data, congresses, edit=True, auto_congress=review.auto_congress(data, congresses))
    return src, data, sections, found


def _attach_problems(sections, src, problems):
    by_path = {fl.path: fl for fl in F.all_fields(sections)}
    for p in problems:
        at = links.value_at(src, p.line)
        if not at:
            continue
        path = "body" if at == ("__body__",) else C.path_text(at)
        while path and path not in by_path and ("." in path or "[" in path):
            path = re.sub(r"(\.[^.\[]+|\[\d+\])$", "", path)
        fl = by_path.get(path)
        if fl is not None:
            (fl.warnings if not p.is_error else fl.problems).append(p.what + (f". {p.fix}" if p.fix else ""))


def _edit(request, file: Path, form=None, errors=None, message="", status=200):
    store = request.app.state.store
    src, data, sections, found = _edit_state(store, file)
    problems = [p for p in publish.quick_problems(store.content_dir) if p.path == shown(file)]
    if sections is None:
        raw = form.get("__raw__") if form is not None else file.read_text(encoding="utf-8", errors="replace")
        return render(request, "ke-hoach-tho.html", status, title=f"Sửa kế hoạch {file.stem}", file=file,
                      stem=file.stem, raw=raw, problems=problems or found, message=message)
    _attach_problems(sections, src, problems)
    if form is not None:
        F.with_input(sections, form, errors or {})
        if "body" in form:
            next(fl for fl in F.all_fields(sections) if fl.path == "body").value = form["body"]
    congresses = store.congresses()
    return render(request, "ke-hoach-sua.html", status, title=f"Sửa kế hoạch {data.get('number') or file.stem}",
                  file=shown(file), stem=file.stem, sections=sections, errors=errors or {}, message=message,
                  problems=[(p, links.link(p, store, publish.ROOT)) for p in problems],
                  dates=review.phase_dates(data, congresses), saved=request.query_params.get("da-luu"),
                  data=data)


async def plan_edit(request):
    return _edit(request, _plan_file(request))


def _body_changed(typed: str | None, old: str) -> bool:
    if typed is None:
        return False
    return typed.replace("\r\n", "\n").strip("\n") != (old or "").strip("\n")


async def plan_save(request):
    store = request.app.state.store
    file = _plan_file(request)
    form = request.state.form
    src, data, sections, _ = _edit_state(store, file)
    if sections is None:
        raw = str(form.get("__raw__") or "")
        if not raw.strip():
            return _edit(request, file, form, message="Ô nội dung đang trống: chưa lưu.", status=422)
        store.write(file, raw.replace("\r\n", "\n"))
        return RedirectResponse(f"/ke-hoach/{file.stem}?da-luu=1", status_code=303)
    corr, errors = F.corrections(form, form.getlist(F.REMOVE), data, sections)
    new = data
    if not errors:
        try:
            new = C.apply({k: v for k, v in data.items() if k != "__body__"}, corr)
        except C.CorrectionError as exc:
            errors[exc.path] = exc.message
    if errors or form.get("viec") != "luu":
        return _edit(request, file, form, errors, status=422 if errors else 200)
    body_typed = form.get("body")
    body = body_typed.replace("\r\n", "\n") if _body_changed(body_typed, src.body) else src.body
    if not corr and body is src.body:
        return RedirectResponse(f"/ke-hoach/{file.stem}?da-luu=0", status_code=303)
    old_text = file.read_text(encoding="utf-8-sig", errors="replace")
    store.write(file, plan_text(new, body, head_comments(old_text)))
    return RedirectResponse(f"/ke-hoach/{file.stem}?da-luu={len(corr) + (body is not src.body)}", status_code=303)


async def plan_dates(request):
    store = request.app.state.store
    file = _plan_file(request)
    src, data, sections, _ = _edit_state(store, file)
    if sections is None:
        raise HTTPException(404)
    form = request.state.form
    corr, errors = F.corrections(form, form.getlist(F.REMOVE), data, sections)
    new = data
    if not errors:
        try:
            new = C.apply(data, corr)
        except C.CorrectionError:
            pass
    return render(request, "_ngay.html", dates=review.phase_dates(new, store.congresses()))


ROUTES = [
    ("GET", "/nhap", import_page),
    ("POST", "/nhap", import_upload),
    ("GET", "/nhap/{rid}", review_page),
    ("POST", "/nhap/{rid}", review_submit),
    ("POST", "/nhap/{rid}/ngay", review_dates),
    ("GET", "/ke-hoach", plan_list),
    ("POST", "/ke-hoach/moi", plan_new),
    ("GET", "/ke-hoach/{stem}", plan_edit),
    ("POST", "/ke-hoach/{stem}", plan_save),
    ("POST", "/ke-hoach/{stem}/ngay", plan_dates),
]
