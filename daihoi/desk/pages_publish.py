"""The desk's first page, the reader's preview, the check and the package."""
from __future__ import annotations

from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.responses import RedirectResponse

from daihoi.desk import links, publish
from daihoi.desk.app import render
from daihoi.model.content import shown


async def home(request):
    store = request.app.state.store
    settings = request.app.state.settings
    return render(request, "trang-dau.html", title="Bàn biên tập", plans=len(store.plan_files()),
                  posts=len(store.post_files()), congresses=len(store.congresses()),
                  content_dir=shown(store.content_dir), site_dir=shown(settings.site_dir),
                  out_dir=shown(settings.out_dir), last=publish.last_package(settings.out_dir))


def _plan_pages(settings) -> list[dict]:
    """The built plans: their page and their PDF, as the site lays them out."""
    out = []
    folder = Path(settings.site_dir) / "ke-hoach"
    for page in sorted(folder.glob("*/index.html")) if folder.is_dir() else []:
        slug = page.parent.name
        pdf = Path(settings.site_dir) / "tai-lieu" / slug / f"ke-hoach-{slug}.pdf"
        out.append({"slug": slug, "page": f"/trang/ke-hoach/{slug}/",
                    "pdf": f"/trang/tai-lieu/{slug}/ke-hoach-{slug}.pdf" if pdf.is_file() else None})
    return out


async def preview_page(request):
    settings = request.app.state.settings
    built = (Path(settings.site_dir) / "index.html").is_file()
    path = request.query_params.get("trang", "")
    if not path.startswith("/trang/"):
        path = "/trang/"
    width = "may-tinh" if request.query_params.get("khung") == "may-tinh" else "dien-thoai"
    return render(request, "xem-truoc.html", title="Xem trước", built=built, frame=path, width=width,
                  plans=_plan_pages(settings), result=getattr(request.app.state, "last_build", None))


async def preview_build(request):
    settings = request.app.state.settings
    result = await run_in_threadpool(publish.build, settings.content_dir, settings.site_dir, settings.today)
    request.app.state.last_build = result
    if not result.ok:
        store = request.app.state.store
        return render(request, "kiem-tra.html", 422, title="Chưa dựng được trang", result=result,
                      problems=[(p, links.link(p, store, publish.ROOT)) for p in result.problems], ran=True,
                      heading="Chưa dựng được trang")
    return RedirectResponse("/xem-truoc", status_code=303)


async def check_page(request):
    store = request.app.state.store
    result = request.app.state.last_check
    problems = [(p, links.link(p, store, publish.ROOT)) for p in result.problems] if result else []
    return render(request, "kiem-tra.html", title="Kiểm tra nội dung", result=result, problems=problems,
                  ran=result is not None, heading="Kiểm tra nội dung")


async def check_run(request):
    result = await run_in_threadpool(publish.check, request.app.state.settings.content_dir)
    request.app.state.last_check = result
    return RedirectResponse("/kiem-tra#ket-qua", status_code=303)


async def package_page(request):
    settings = request.app.state.settings
    state = request.app.state.last_package
    store = request.app.state.store
    problems = [(p, links.link(p, store, publish.ROOT)) for p in state[0].problems] if state else []
    return render(request, "dong-goi.html", title="Đóng gói", state=state, problems=problems,
                  last=publish.last_package(settings.out_dir), out_dir=shown(settings.out_dir))


async def package_run(request):
    settings = request.app.state.settings
    result, made = await run_in_threadpool(publish.package, settings.content_dir, settings.site_dir,
                                           settings.out_dir, settings.today)
    request.app.state.last_package = (result, made)
    return RedirectResponse("/dong-goi#ket-qua", status_code=303)


ROUTES = [
    ("GET", "/xem-truoc", preview_page),
    ("POST", "/xem-truoc", preview_build),
    ("GET", "/kiem-tra", check_page),
    ("POST", "/kiem-tra", check_run),
    ("GET", "/dong-goi", package_page),
    ("POST", "/dong-goi", package_run),
]
