"""MkDocs adapter: wires MkDocs events to the plain modules in daihoi/.

Only glue belongs here: the content model, validation, timeline, views and texts
live in daihoi/ and never import mkdocs, so that moving to another engine means
rewriting this file and build.py, nothing else.
"""
from __future__ import annotations

import html
import json
import os
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File, InclusionLevel  # noqa: E402

from daihoi.site import assets, downloads, views  # noqa: E402
from daihoi.model import content, contract  # noqa: E402
from daihoi.text import vndate  # noqa: E402
from daihoi.model.problems import errors  # noqa: E402
from daihoi.text.vntext import nfc  # noqa: E402

TODAY_ENV = "DAIHOI_TODAY"     # set by build.py --today; also honours SOURCE_DATE_EPOCH
CACHE_ENV = "DAIHOI_CACHE"     # where generated documents are cached (default: .cache/ in the project)

UNPUBLISHED = ("components/", "assets/javascripts/", "assets/stylesheets/palette.", content.DATA_DIR + "/")

_state: dict = {}


def today() -> date:
    if os.environ.get(TODAY_ENV):
        return date.fromisoformat(os.environ[TODAY_ENV])
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return date.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]))
    return date.today()


def on_config(config):
    site, problems = content.load(Path(config.docs_dir))
    if site is None:
        raise PluginError("\n".join(str(p) for p in errors(problems)))
    settings = site.settings
    config.site_name = settings["section_title"]
    if settings.get("description"):
        config.site_description = settings["description"]
    if not config.site_url and site.url:
        config.site_url = site.url
    config.copyright = settings["unit"]
    _state.update(site=site, today=today(), theme_dir=Path(config.theme.custom_dir))
    return config


def on_files(files, config):
    theme_dir = _state["theme_dir"]
    # Component sources are bundled below; Material's scripts (bundle, search,
    # lunr) and source maps are never loaded by our pages: don't publish them.
    for file in list(files):
        if file.src_uri.startswith(UNPUBLISHED) or file.src_uri.endswith(".map"):
            files.remove(file)
    files.append(File.generated(config, "assets/daihoi.css", content=assets.bundle(theme_dir, "css")))
    files.append(File.generated(config, "assets/daihoi.js", content=assets.bundle(theme_dir, "js")))
    site = _state["site"]
    _state["files"] = files
    for plan in site.plans:
        files.append(File.generated(config, views.json_url(plan), content=_json(contract.to_json(plan))))
    index = contract.plans_index(site.plans, _url_of, views.json_url)
    files.append(File.generated(config, "ke-hoach/index.json", content=_json(index)))

    docs_dir = Path(config.docs_dir)
    cache = Path(os.environ.get(CACHE_ENV) or ROOT / ".cache")
    made = downloads.generate(site, cache, docs_dir, _url_of, _state["today"])
    for rel, path in sorted(made.published.items()):
        files.append(File.generated(config, rel, abs_src_path=str(path)))
    _state["files_by_plan"] = downloads.files_by_plan(site, made, docs_dir)
    return files


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def _url(files, path: str) -> str:
    file = files.get_file_from_path(path)
    return file.url if file else path


def _url_of(path: str) -> str:
    return _url(_state["files"], path)


def _plan_for(page):
    return next((p for p in _state["site"].plans if p.path == page.file.src_uri), None)


def on_nav(nav, config, files):
    def walk(items, depth):
        for item in items:
            if item.is_section:
                pages = [p for p in _pages(item)]
                if pages:
                    title = views.section_title(pages[0].file.src_uri.split("/")[depth], config.docs_dir)
                    item.title = title or item.title
                walk(item.children, depth + 1)
    walk(nav.items, 0)
    return nav


def _pages(section):
    for child in section.children:
        if child.is_page:
            yield child
        elif child.is_section:
            yield from _pages(child)


def on_page_markdown(markdown, page, config, files):
    if page.is_homepage and "title" not in page.meta:
        page.meta["title"] = views.HOME_TITLE
    plan = _plan_for(page)
    if plan:
        page.meta["template"] = "plan.html"
        page.meta["title"] = plan.name
        page.meta.setdefault("description", plan.label)
        # The plan's text is drawn from its blocks (daihoi.site.plan_html), not by the engine's Markdown.
        page.meta["hide"] = ["toc"]
        return ""
    return nfc(markdown)


def on_page_context(context, page, config, nav):
    site, day = _state["site"], _state["today"]
    plan = _plan_for(page)
    if plan:
        context["dh"] = views.plan_page(plan, site, day, _url_of, _state["files_by_plan"][plan.path])
    elif page.meta.get("template") == "documents.html":
        context["dh"] = views.documents_page(site, day, _url_of, _state["files_by_plan"])
    elif page.meta.get("template") in views.PAGES:
        context["dh"] = views.PAGES[page.meta["template"]](site, day, _url_of)
    context["dh_today"] = day
    return context


def on_env(env, config, files):
    env.filters["ngay"] = vndate.long_form
    env.filters["ngay_ngan"] = vndate.short_form
    env.filters["dh_range_parts"] = vndate.range_parts
    # JSON for a data-* attribute: escaped, since MkDocs' Jinja does not autoescape.
    env.filters["tojson_attr"] = lambda value: html.escape(json.dumps(value, ensure_ascii=False), quote=True)
    return env
