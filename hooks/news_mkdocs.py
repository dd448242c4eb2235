"""MkDocs adapter for news, search and sharing: wires events to daihoi.model.news,
daihoi.site.images, daihoi.site.social and daihoi.site.search (glue only, no rules here).

Runs after hooks/daihoi_mkdocs.py (listed after it in mkdocs.yml) and reads the
site model that hook loaded, so plans are read once.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File, InclusionLevel  # noqa: E402
from mkdocs.utils import get_relative_url  # noqa: E402

from daihoi.model import content, news  # noqa: E402
from daihoi.site import images, search, search_index, social, views  # noqa: E402
from daihoi.model.problems import errors  # noqa: E402

SEARCH_SCRIPT = "assets/dh-search.js"

_state: dict = {}


def _main():
    # MkDocs registers each hook module under its mkdocs.yml entry ("hooks/daihoi_mkdocs.py").
    for name, module in list(sys.modules.items()):
        if name.replace("\\", "/").endswith("daihoi_mkdocs.py") and "site" in getattr(module, "_state", {}):
            return module
    return None


def _site():
    main = _main()
    if main:
        return main._state["site"]
    site, problems = content.load(Path(_state["docs_dir"]))
    if site is None:
        raise PluginError("\n".join(str(p) for p in errors(problems)))
    return site


def _today():
    main = _main()
    return main._state["today"] if main else None


def on_config(config):
    _state.clear()
    _state["docs_dir"] = config.docs_dir
    site = _site()
    posts, problems = news.load(Path(config.docs_dir), site.plans, site.congresses)
    if errors(problems):        # build.py check has printed every problem of the posts already
        raise PluginError("\n".join(str(p) for p in errors(problems)))
    nw = news.build(posts, site.plans, _today())
    for p in nw.later:
        print(f"{news.POSTS_DIR}/{Path(p['path']).name}: tin ngày {p['date']:%d/%m/%Y} chưa đăng, "
              f"sẽ đăng khi dựng lại từ ngày đó", file=sys.stderr)
    _state.update(site=site, posts=nw.posts, news=nw, by_path={p["path"]: p for p in nw.posts},
                  later=nw.later)
    config.extra["dh_short_title"] = site.settings.get("short_title")    # the phone header's name
    return config


def _url_of(path: str) -> str:
    file = _state["files"].get_file_from_path(path)
    return file.url if file else path


def _add(files, config, path, content=None, in_nav=False):
    files.append(File.generated(config, path, content=content,
                                inclusion=InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV))


def on_files(files, config):
    site, nw = _state["site"], _state["news"]
    # Posts and the generated lists stay out of the menu: only "Tin tức" is in it.
    for post in nw.posts:
        file = files.get_file_from_path(post["path"])
        if file:
            file.inclusion = InclusionLevel.NOT_IN_NAV
    docs = Path(config.docs_dir).resolve()
    for post in _state["later"]:          # dated after the build day: not published yet, nor its picture
        paths = [post["path"]] + ([Path(post["cover"]["file"]).relative_to(docs).as_posix()] if post["cover"] else [])
        for file in filter(None, map(files.get_file_from_path, paths)):
            files.remove(file)
    for src, view in nw.pages.items():
        if files.get_file_from_path(src) is None:
            _add(files, config, src, news.page_markdown(src, view), in_nav=src == news.list_page(1))
    if files.get_file_from_path(search.SEARCH_PAGE) is None:
        _add(files, config, search.SEARCH_PAGE, '---\ntemplate: search.html\ntitle: "Tìm kiếm"\n---\n')

    # Covers: published at a few widths; the editor's original (often megabytes) is not.
    pictures = {}
    made = {}
    for post in nw.posts:
        cover = post["cover"]
        if not cover:
            continue
        key = str(cover["file"])
        if key not in made:
            made[key] = images.variants(cover["file"], images.stem_for(cover["file"]), news.IMAGES_DIR)
            for path, data in made[key][1].items():
                if files.get_file_from_path(path) is None:
                    _add(files, config, path, data)
            original = files.get_file_from_path(Path(cover["file"]).relative_to(Path(config.docs_dir).resolve()).as_posix())
            if original:
                files.remove(original)
        pictures[post["path"]] = dict(made[key][0], alt=cover["alt"])
    _state["pictures"] = pictures

    name, unit = config.site_name, config.copyright or ""
    cards = {"": social.card_png(name, unit, "Chuyên mục tuyên truyền"),
             "khau-hieu": social.card_png("Khẩu hiệu tuyên truyền", name, unit),
             "tin-tuc": social.card_png("Tin tức", name, unit)}
    for plan in site.plans:
        cards[plan.path] = social.card_png(plan.title, f"{plan.name} - {plan.issuer}" if plan.issuer else plan.name, name)
    _state["cards"] = {}
    for key, data in cards.items():
        path = f"{social.CARDS_DIR}/{_card_name(key)}.png"
        _add(files, config, path, data)
        _state["cards"][key] = path
    _add(files, config, "robots.txt", social.robots_txt(config.site_url))
    # The search module stays out of the shared bundle: it loads only when the reader searches.
    module = Path(config.theme.custom_dir) / "components" / "search" / "search-ui.mjs"
    _add(files, config, SEARCH_SCRIPT, module.read_text(encoding="utf-8"))
    _state["files"] = files
    _add(files, config, news.FEED_PATH, news.rss(nw, config.site_url or "/", config.site_name,
                                                 config.site_description or "", _url_of))
    return files


def _card_name(key: str) -> str:
    from daihoi.text.vntext import slugify
    return slugify(key.removesuffix(".md")) or "chuyen-muc"


def on_page_markdown(markdown, page, config, files):
    post = _state["by_path"].get(page.file.src_uri)
    if post:
        page.meta["template"] = "post.html"
        if post["summary"]:
            page.meta.setdefault("description", post["summary"])
    return markdown


def _kind(page) -> str | None:
    if page.file.src_uri in _state["by_path"]:
        return "post"
    view = _state["news"].pages.get(page.file.src_uri)
    if view:
        return view["kind"]
    if page.file.src_uri == search.SEARCH_PAGE:
        return "search"
    return None


def on_page_context(context, page, config, nav):
    nw, site = _state["news"], _state["site"]
    kind = _kind(page)
    pictures = _state["pictures"]
    src = page.file.src_uri
    if kind == "post":
        post = _state["by_path"][src]
        context["dh_news"] = news.post_view(post, nw, site.plans, _url_of, pictures.get(src))
    elif kind in search.NOT_INDEXED_KINDS and kind != "search":
        context["dh_news"] = news.list_view(src, nw, _url_of, pictures)
    elif page.is_homepage:
        context["dh_news"] = news.latest(nw, _url_of, pictures)
    if isinstance(context.get("dh"), dict):
        news.attach_phase_links(context["dh"], nw, _url_of, lambda url: get_relative_url(url, page.url))
    context["dh_social"] = _social(page, config, kind)
    return context


def _social(page, config, kind) -> dict:
    site_url = config.site_url or ""
    url = page.canonical_url or page.url
    src = page.file.src_uri
    cards = _state["cards"]
    image, size, alt = cards[""], social.CARD_SIZE, config.site_name
    published = None
    if kind == "post":
        post = _state["by_path"][src]
        published = post["date"]
        pic = _state["pictures"].get(src)
        if pic:
            image, size, alt = pic["share"], (pic["share_width"], pic["share_height"]), pic["alt"]
        else:
            image = cards["tin-tuc"]
    elif src in cards:
        image, alt = cards[src], page.title
    elif src.startswith("khau-hieu"):
        image, alt = cards["khau-hieu"], "Khẩu hiệu tuyên truyền"
    elif kind:
        image = cards["tin-tuc"]
    title = config.site_name if page.is_homepage else (page.meta.get("title") or page.title or config.site_name)
    if not page.is_homepage and title != config.site_name:
        title = f"{title} - {config.site_name}"
    description = page.meta.get("description") or config.site_description or config.site_name
    return {
        "tags": social.tags(site_name=config.site_name, title=title, description=description, url=url,
                            image_url=social.absolute(site_url, image) if site_url else image,
                            image_size=size, image_alt=alt, kind="article" if kind == "post" else "website",
                            published=published),
        "share": social.share_links(url, title), "url": url, "title": title,
        "feed_url": news.FEED_PATH, "image": image,
    }


def on_post_page(output, page, config):
    kind = _kind(page)
    src = page.file.src_uri
    if search.indexed(kind, src):
        output = search.mark_body(output)
        found = search_index.read_page(output)
        if found:
            post = _state["by_path"].get(src)
            plan = next((p for p in _state["site"].plans if p.path == src), None)
            title = (search.plan_result_title(plan.name, plan.title) if plan
                     else found["title"] or page.title or "")
            _state.setdefault("search_pages", []).append(
                {"url": page.url, "title": title, "text": found["text"], "lead": found["lead"],
                 "summary": post["summary"] if post else ""})
    return output


def on_post_build(config):
    out = Path(config.site_dir) / search_index.INDEX_DIR
    for rel, text in search_index.build(_state.get("search_pages", [])).items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text, encoding="utf-8")
