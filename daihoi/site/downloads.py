"""Every plan's downloadable files, generated into a cache folder and listed for pages.

The engine publishes `published` (site path -> file on disk) and the pages show
`by_plan[plan path]` (title, url, size label). Generation is cached by content hash
in daihoi.documents, so a rebuild with unchanged content regenerates nothing.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from daihoi.model.content import Site
from daihoi.site.pagecache import folder_key

SITE_FOLDER = "tai-lieu"        # downloads are published under tai-lieu/<plan slug>/


@dataclass
class Downloads:
    published: dict = field(default_factory=dict)   # "tai-lieu/07-kh-duk/x.pdf" -> Path
    by_plan: dict = field(default_factory=dict)     # plan path -> [{"title", "url", "size_label", "kind"}]


def _options(site: Site, plan, cache_base: Path, page_url_of) -> dict:
    """What a plan's files are made with besides the plan: the same when begun early and when listed."""
    return {"page_url": site.url + page_url_of(plan.path), "cache_dir": Path(cache_base) / "documents" / "cache",
            "comment_url": plan.comment_url or site.settings.get("comment_url")}


def start(site: Site, cache_base: Path, page_url_of) -> None:
    """Begin making every plan's missing slow files in the worker processes, before the engine
    knows the pages' addresses (`page_url_of` is its rule for them, told by the adapter): the
    pages are rendered meanwhile, and generate() takes the files up."""
    from daihoi.documents import start_plan_documents

    for plan in site.plans:
        start_plan_documents(plan, **_options(site, plan, cache_base, page_url_of))


def _out_dir(cache_base: Path, content_dir: Path) -> Path:
    # The content-hash cache is shared; the output folder is one per content folder (two sites
    # sharing plan slugs must not mix files).
    return Path(cache_base) / "documents" / folder_key(content_dir)


def listed(site: Site, cache_base: Path, content_dir: Path, page_url_of, today: date) -> dict:
    """What generate() will publish (site path -> file on disk), told before the files are made:
    the engine lists them with the pages while they are made in other processes."""
    from daihoi.documents import plan_document_paths

    out_dir, found = _out_dir(cache_base, content_dir), {}
    for plan in site.plans:
        options = _options(site, plan, cache_base, page_url_of)
        for path in plan_document_paths(plan, page_url=options["page_url"], comment_url=options["comment_url"],
                                        build_date=today, congresses=site.congresses):
            found[f"{SITE_FOLDER}/{path}"] = out_dir / path
    return found


def generate(site: Site, cache_base: Path, content_dir: Path, page_url_of, today: date) -> Downloads:
    """Make every plan's files into the cache folder (waiting for those begun by start()) and list them."""
    from daihoi.documents import generate_plan_documents

    out_dir = _out_dir(cache_base, content_dir)
    result = Downloads()
    for plan in site.plans:
        files = generate_plan_documents(plan, out_dir, build_date=today, congresses=site.congresses,
                                        **_options(site, plan, cache_base, page_url_of))
        rows = []
        for d in files:
            rel = f"{SITE_FOLDER}/{d.path}"
            result.published[rel] = out_dir / d.path
            rows.append({"title": d.title, "url": rel, "size_label": d.size_label, "kind": d.kind, "group": d.group})
        result.by_plan[plan.path] = rows
    return result


def attachments_view(plan, content_dir: Path) -> list[dict]:
    """What the pages list for each attachment: title, "PDF, 1,2 MB", date, link."""
    from daihoi.documents.attachments import attachment_entry

    rows = []
    for item in plan.attachments:
        entry = attachment_entry(content_dir, item["path"], title=item.get("title"),
                                 date=item["date"].isoformat() if item.get("date") else None)
        rows.append(dict(entry, url=item["path"]))
    return rows


def files_by_plan(site: Site, downloads: Downloads, content_dir: Path) -> dict:
    """plan path -> {"downloads": [...], "attachments": [...]}, for the pages."""
    return {p.path: {"downloads": downloads.by_plan.get(p.path, []),
                     "attachments": attachments_view(p, content_dir)} for p in site.plans}
