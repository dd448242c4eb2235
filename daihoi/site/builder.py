"""The site build, engine aside: one object loads the content once, makes every generated file
and gives each page what its template shows.

An engine (MkDocs today, through hooks/mkdocs_adapter.py) turns Markdown into pages and
writes files. It asks this object, at its own moments:

    SiteBuild(docs_dir, theme_dir, today, ...)   content and posts read and checked, once
    .config()                                    the section's name, description, address, unit
    .published(src)                              may a theme or content file be published as is
    .pages()                                     pages to add before URLs are known (news lists, search)
    .files(url_of)                               every generated file, once URLs are known
    .early(src)                                  may a page be read before the plans' files are made
    .page(src, ..., shown)                       template, title, description; plan pages' Markdown
    .context(page, url_of, href_of)              the template variables of one page
    .content(src, html, source)                  a page's HTML from Markdown, through the allow-list
    .finished(page, html)                        a finished page: markup fixes, safety, search text
    .take_read(left_alone)                       the pages finished in other processes, back
    .after_pages() / .finish(site_dir, write)    problems of all pages; the search index
    .begin_pages() / .known_page(...)            what all pages share; a page unchanged since its last build,
                                                 not read again (its key, finished HTML and meta)
    .page_entry(...) / .learn_page(...)          a page read: its key, finished HTML if kept, its context
    .keep(...)                                   a page just finished, for the next build

Everything it knows lives on the object: nothing is shared between modules, nothing is read
twice, and moving to another engine means writing another small adapter around it
(docs/engine.md). Problems are raised as daihoi.model.problems.ContentError.
"""
from __future__ import annotations

import html as html_lib
import json
import pickle
import sys
from dataclasses import dataclass
from functools import cached_property
from datetime import date
from pathlib import Path
from typing import Callable

from daihoi.cli import watchdog
from daihoi.documents import workers
from daihoi.model import content, contract, news
from daihoi.model.problems import ContentError, errors
from daihoi.model.source import engine_meta, engine_text
from daihoi.site import (assets, downloads, htmlsafety, images, pagecache, preview, reading, sanitize, search,
                         search_index, social, views, widget)
from daihoi.text import vndate
from daihoi.text.vntext import slugify

UrlOf = Callable[[str], str]

# Theme and content files that are sources, not pages: bundled, generated or private.
UNPUBLISHED = ("components/", "assets/javascripts/", "assets/stylesheets/palette.", content.DATA_DIR + "/",
               widget.FOLDER + "/")
SEARCH_SCRIPT = "assets/dh-search.js"
PAGE_CODE = ("model", "site", "text")      # the subpackages a page's HTML depends on
GUIDE_URI = "huong-dan/index.md"
# What a build must have written; a site without them was built by an engine that skipped us.
REQUIRED = ("assets/daihoi.css", "assets/daihoi.js", "ke-hoach/index.json", "widget/du-lieu.json")


@dataclass(frozen=True)
class Generated:
    """A file the build adds: its path in the site, and its text, bytes or file on disk; or `later`,
    which gives its bytes when asked, once the pages are written (it is made in another process)."""
    path: str
    text: str | bytes | None = None
    source: Path | None = None
    in_nav: bool = False
    later: Callable[[], bytes] | None = None


@dataclass(frozen=True)
class Page:
    """What the adapter tells about a page: its source under content/, its address."""
    src: str
    url: str
    canonical_url: str | None
    is_homepage: bool
    title: str | None
    meta: dict


def missing_outputs(site_dir: Path) -> list[str]:
    """The files every build of ours writes that are not in `site_dir`."""
    return [p for p in REQUIRED if not (Path(site_dir) / p).is_file()]


class SiteBuild:
    def __init__(self, docs_dir: Path, theme_dir: Path, today: date, cache_dir: Path, article: str,
                 guide: Path | None = None, checked: tuple | None = None):
        """`article`: the opening tag of the theme's main article (what search indexes);
        `guide`: the editors' guide to show at huong-dan/ (the preview only); `checked`: (site, posts)
        of `docs_dir` as a check just read them, without error (build.py): taken as they are, where
        reading every page again to the same result was 0.06 s of a rebuild after one edit."""
        self.docs_dir, self.theme_dir, self.today, self.cache_dir = Path(docs_dir), Path(theme_dir), today, cache_dir
        self.article, self.guide = article, guide
        if checked is not None:
            site, posts = checked
        else:
            site, problems = content.load(self.docs_dir)
            if site is None:
                raise ContentError(errors(problems))
            posts, problems = news.load(self.docs_dir, site.plans, site.congresses)
            if errors(problems):
                raise ContentError(errors(problems))
        self.site = site
        self.news = news.build(posts, site.plans, today)
        self.posts = {p["path"]: p for p in self.news.posts}
        self.plans = {p.path: p for p in site.plans}
        self._documents: dict | None = None    # plan path -> its files, once made (documents())
        self._url_of: UrlOf | None = None
        self._listed: dict = {}                 # site path -> the plan file it is copied from (files())
        self.pictures: dict = {}
        self.cards: dict = {}
        self.page_problems: list = []
        self.search_pages: list = []
        self._search_from: dict = {}            # a search page's url -> the key of the page cache entry it is in
        self._digests: tuple = ("", "")         # what every page is made from, and what contexts are made of:
        self._data: str | None = None           # begin_pages (no page is known before it)
        # Finished pages read in other processes (not in the preview: it shows a page at once):
        # [their number in the reader, shown name, (key, page cache entry) once kept].
        self._reader = reading.Reader() if reading.parallel() and not preview.active else None
        self._read: list = []
        # Finished pages of earlier builds of this folder (daihoi/site/pagecache.py).
        self.page_cache = pagecache.PageCache.open(
            Path(cache_dir) / "trang" / pagecache.folder_key(self.docs_dir))
        # The code that shapes pages (the importer, the documents, the commands do not).
        package = Path(__file__).resolve().parents[1]
        self.code_digest = pagecache.files_digest(*(package / name for name in PAGE_CODE), suffixes=(".py",))

    # ------------------------------------------------------------------ site

    def config(self) -> dict:
        settings = self.site.settings
        return {"site_name": settings["section_title"], "description": settings.get("description"),
                "site_url": self.site.url or None, "copyright": settings["unit"],
                "short_title": settings.get("short_title")}

    def later(self) -> list[str]:
        """Posts dated after the build day: not published until a build on or after their day."""
        return [f"{news.POSTS_DIR}/{Path(p['path']).name}: tin ngày {p['date']:%d/%m/%Y} chưa đăng, "
                f"sẽ đăng khi dựng lại từ ngày đó" for p in self.news.later]

    def published(self, src: str) -> bool:
        """A file the engine found (theme or content) that goes out as it is."""
        return not src.startswith(UNPUBLISHED) and not src.endswith(".map") and src not in self._held

    @cached_property
    def _held(self) -> set[str]:
        """Content files not published as they are: posts dated after the build day with their pictures,
        and covers (published at a few widths by files(); the editor's original, often megabytes, is not)."""
        docs = self.docs_dir.resolve()
        held = {p["path"] for p in self.news.later}
        held |= {Path(p["cover"]["file"]).relative_to(docs).as_posix() for p in self.news.posts + self.news.later
                 if p["cover"]}
        return held

    def in_nav(self, src: str) -> bool:
        """Posts stay out of the menu: only "Tin tức" is in it."""
        return src not in self.posts

    def pages(self) -> list[Generated]:
        """Pages the engine renders that are not in content/: news lists, the search page, the guide."""
        out = [Generated(src, news.page_markdown(src, view), in_nav=src == news.list_page(1))
               for src, view in self.news.pages.items()]
        out.append(Generated(search.SEARCH_PAGE, '---\ntemplate: search.html\ntitle: "Tìm kiếm"\n---\n'))
        if self.guide and self.guide.is_file():
            out.append(Generated(GUIDE_URI, self.guide.read_text(encoding="utf-8")))
            out += [Generated(f"huong-dan/anh/{p.name}", source=p) for p in sorted((self.guide.parent / "anh").glob("*.png"))]
        return out

    def start_documents(self, url_of: UrlOf) -> None:
        """Begin the plans' slow files now, with the engine's rule for addresses (`url_of`, before it
        knows the files): they are made in other processes while the pages are rendered."""
        downloads.start(self.site, self.cache_dir, url_of)

    def files(self, url_of: UrlOf) -> list[Generated]:
        """Every other generated file, once the engine knows each page's address."""
        site = self.site
        out = [Generated("assets/daihoi.css", assets.bundle(self.theme_dir, "css")),
               Generated("assets/daihoi.js", assets.bundle(self.theme_dir, "js"))]
        for plan in site.plans:
            out.append(Generated(views.json_url(plan), _json(contract.to_json(plan))))
        out.append(Generated("ke-hoach/index.json", _json(contract.plans_index(site.plans, url_of, views.json_url))))

        for uri, text in widget.files(site, self.today, url_of, self.theme_dir / widget.FOLDER).items():
            out.append(Generated(uri, text))

        made_covers: dict = {}
        for post in self.news.posts:
            cover = post["cover"]
            if not cover:
                continue
            key = str(cover["file"])
            if key not in made_covers:
                made_covers[key], files = self._cover(cover["file"])
                out += files
            self.pictures[post["path"]] = dict(made_covers[key], alt=cover["alt"])

        config = self.config()
        name, unit = config["site_name"], config["copyright"]
        texts = {"": (name, unit, "Chuyên mục tuyên truyền"), "khau-hieu": ("Khẩu hiệu tuyên truyền", name, unit),
                 "tin-tuc": ("Tin tức", name, unit)}
        for plan in site.plans:
            texts[plan.path] = (plan.title, f"{plan.name} - {plan.issuer}" if plan.issuer else plan.name, name)
        for key, lines in texts.items():
            path = f"{social.CARDS_DIR}/{slugify(key.removesuffix('.md')) or 'chuyen-muc'}.png"
            out.append(Generated(path, later=self._made_later("the", lines, social.card_png, lines)))
            self.cards[key] = path
        out.append(Generated("robots.txt", social.robots_txt(config["site_url"] or "")))
        # The search module stays out of the shared bundle: it loads only when the reader searches.
        out.append(Generated(SEARCH_SCRIPT, (self.theme_dir / "components/search/search-ui.mjs").read_text(encoding="utf-8")))
        out.append(Generated(news.FEED_PATH, news.rss(self.news, config["site_url"] or "/", name,
                                                      config["description"] or "", url_of)))
        # The plans' files, named now and made meanwhile in other processes (since start_documents):
        # the engine copies them after reading the pages, and documents() waits for them first.
        self._url_of = url_of
        self._listed = downloads.listed(site, self.cache_dir, self.docs_dir, url_of, self.today)
        out += [Generated(rel, source=path) for rel, path in sorted(self._listed.items())]
        return out

    def early(self, src: str) -> bool:
        """May the engine read this page before the plans' files are made? Posts may (none shows the
        files); the pages that list the files with their sizes wait for them, so the engine reads
        them after the posts, while the files are made in other processes."""
        return src in self.posts

    def documents(self) -> dict:
        """plan path -> {"downloads", "attachments"}: the plans' files, waited for and made the first
        time they are asked for (by the pages that list them, or after_pages at the latest)."""
        if self._documents is None:
            made = downloads.generate(self.site, self.cache_dir, self.docs_dir, self._url_of, self.today)
            if set(made.published.items()) != set(self._listed.items()):     # one list of files for both
                raise RuntimeError("tệp tài liệu khác danh sách đã báo: "
                                   f"{sorted(set(made.published) ^ set(self._listed))}")
            self._documents = downloads.files_by_plan(self.site, made, self.docs_dir)
        return self._documents

    def _cover(self, file: Path) -> tuple[dict, list[Generated]]:
        """(the picture as pages show it, its copies): the picture is read from the file's header, and
        the copies are made in another process meanwhile (or taken from the page cache)."""
        stem = images.stem_for(file)        # the picture's own digest is in its name
        picture = images.picture(file, stem, news.IMAGES_DIR)
        made = self._made_later("anh", (stem, news.IMAGES_DIR), images.variants, (file, stem, news.IMAGES_DIR))

        def copy(path: str) -> bytes:
            shown, files = made()
            if shown != picture:            # the header told what the copies are: one fact for both
                raise RuntimeError(f"ảnh {file}: kích thước đọc từ đầu tệp khác ảnh đã làm")
            return files[path]
        paths = [p for p, _, _ in picture["srcset"] + picture["card_srcset"]] + [picture["share"]]
        return picture, [Generated(path, later=lambda path=path: copy(path)) for path in dict.fromkeys(paths)]

    def _made_later(self, kind: str, inputs, function, args: tuple) -> Callable:
        """`function(*args)` begun now in a worker process (daihoi.documents.workers), or taken from the
        page cache; the returned function gives its value (waiting for it, the first time)."""
        key = self._kept_key(kind, inputs)
        value = self.page_cache.get(key)
        future = workers.submit(function, args, {}) if value is None else None
        done: list = [] if value is None else [value]

        def result():
            if not done:
                done.append(workers.result(future) if future is not None else function(*args))
                self.page_cache.put(key, done[0])
            return done[0]
        return result

    def _kept(self, kind: str, inputs, make):
        """Something made before from the same inputs by the same code (covers, share cards, search
        shards), or made now."""
        key = self._kept_key(kind, inputs)
        value = self.page_cache.get(key)
        if value is None:
            value = make()
            self.page_cache.put(key, value)
        return value

    def _kept_key(self, kind: str, inputs) -> str:
        return f"{kind}:" + pagecache.digest(self.code_digest, inputs)

    # ------------------------------------------------------------------ pages

    def _kind(self, src: str) -> str | None:
        if src in self.posts:
            return "post"
        view = self.news.pages.get(src)
        if view:
            return view["kind"]
        if src == search.SEARCH_PAGE:
            return "search"
        if src in self.plans:
            return "plan"
        return None

    def page(self, src: str, is_homepage: bool, meta: dict, markdown: str, shown: str) -> tuple[dict, str]:
        """(meta to set, Markdown to render) for one page, before the engine renders it. `shown`: its
        file as the editor sees it (content.shown), or `src` for a page made from no file."""
        watchdog.start(shown)
        meta.update(engine_meta(meta))      # the engine's own reading of escapes ("\u200b") cleaned as ours
        plan = self.plans.get(src)
        if plan:
            # The plan's text is drawn from its blocks (daihoi.site.plan_html), not by the engine's Markdown.
            return {"template": "plan.html", "title": plan.name, "description": meta.get("description") or plan.label,
                    "hide": ["toc"]}, ""
        post = self.posts.get(src)
        if post:
            extra = {"template": "post.html"}
            if post["summary"] and not meta.get("description"):
                extra["description"] = post["summary"]
            return extra, markdown
        if is_homepage and "title" not in meta:
            return {"title": views.HOME_TITLE}, markdown
        return {}, markdown

    def source(self, text: str) -> str:
        """A page's file as the content check reads it: NFC, no invisible control characters."""
        return engine_text(text)

    def content(self, src: str, html: str, source_text: str, shown: str) -> str:
        """A page's HTML from Markdown, through the allow-list; what is removed is reported."""
        watchdog.stop()
        cleaned = sanitize.clean_fragment(html)
        if cleaned.removed:
            self.page_problems += sanitize.page_problems(cleaned.removed, engine_text(source_text), shown)
        return cleaned.html

    def content_kept(self) -> None:
        """A page taken from the page cache: nothing was rendered, nothing is to be cleaned."""
        watchdog.stop()

    def after_pages(self) -> None:
        """Every page's Markdown is HTML by now and no file is written yet: the plans' files are made
        (the engine copies them next, if it listed them); stop on errors, print warnings."""
        if self._url_of is not None:
            self.documents()
        problems = sorted(set(self.page_problems))
        if errors(problems):
            raise ContentError(problems)
        for problem in problems:
            print(problem, file=sys.stderr)

    def context(self, page: Page, url_of: UrlOf, href_of: Callable[[str], str]) -> dict:
        """The variables of one page's template: dh (the page's view), dh_news, dh_social, dh_today."""
        site, day, src = self.site, self.today, page.src
        kind = self._kind(src)
        def news_links() -> dict:
            """Each phase's news page, by plan and phase key, as an address relative to this page."""
            return {plan.path: {key: dict(v, href=href_of(v["url"]))
                                for key, v in news.phase_links(self.news, plan.number, url_of).items()}
                    for plan in site.plans}

        out: dict = {"dh_today": day}
        # (The two views that list the plans' files: _shows_documents names them.)
        if kind == "plan":
            plan = self.plans[src]
            out["dh"] = views.plan_page(plan, site, day, url_of, self.documents()[src], news_links()[src])
        elif self._shows_documents(page):
            out["dh"] = views.documents_page(site, day, url_of, self.documents())
        elif page.meta.get("template") == "landing.html":
            out["dh"] = views.landing_page(site, day, url_of, news_links())
        elif page.meta.get("template") in views.PAGES:
            out["dh"] = views.PAGES[page.meta["template"]](site, day, url_of)
        if kind == "post":
            out["dh_news"] = news.post_view(self.posts[src], self.news, site.plans, url_of, self.pictures.get(src))
        elif kind in search.NOT_INDEXED_KINDS and kind != "search":
            out["dh_news"] = news.list_view(src, self.news, url_of, self.pictures)
        elif page.is_homepage:
            out["dh_news"] = news.latest(self.news, url_of, self.pictures)
        out["dh_social"] = self._social(page, kind)
        return out

    def _social(self, page: Page, kind: str | None) -> dict:
        config = self.config()
        site_name, site_url = config["site_name"], config["site_url"] or ""
        url = page.canonical_url or page.url
        src, cards = page.src, self.cards
        image, size, alt = cards[""], social.CARD_SIZE, site_name
        published = None
        if kind == "post":
            post = self.posts[src]
            published = post["date"]
            pic = self.pictures.get(src)
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
        title = site_name if page.is_homepage else (page.meta.get("title") or page.title or site_name)
        if not page.is_homepage and title != site_name:
            title = f"{title} - {site_name}"
        description = page.meta.get("description") or config["description"] or site_name
        return {
            "tags": social.tags(site_name=site_name, title=title, description=description, url=url,
                                image_url=social.absolute(site_url, image) if site_url else image,
                                image_size=size, image_alt=alt, kind="article" if kind == "post" else "website",
                                published=published),
            "share": social.share_links(url, title), "url": url, "title": title,
            "feed_url": news.FEED_PATH, "image": image,
        }

    def finished(self, page: Page, output: str, shown: str,
                 target: tuple[str, bool] | None = None) -> tuple[bytes, bool]:
        """(the bytes of a finished page's file, whether it is written already): links out with noopener;
        the last safety check and its search text, read in other processes while the engine goes on
        (daihoi/site/reading.py), or here. `target`: where the page goes (output.Folder.target); a page
        read in another process is written there too (writing 1,300 pages and making their folders
        was a twentieth of a cold build's own process). Else the caller writes it."""
        output = htmlsafety.add_noopener(output)
        indexed = search.indexed(self._kind(page.src), page.src)
        if indexed:
            output = search.mark_body(output, self.article)
        post, plan = self.posts.get(page.src), self.plans.get(page.src)
        facts = {"url": page.url, "summary": post["summary"] if post else "", "fallback": page.title or "",
                 "title": search.plan_result_title(plan.name, plan.title) if plan else None}
        data = output.encode("utf-8", errors="xmlcharrefreplace")      # as MkDocs' _build_page encodes a page
        if self._reader is not None:
            number, written = self._reader.add(data, indexed, facts, target)
            self._read.append([number, shown, None])
            return data, written
        dangers, entry, _ = reading.read(data, indexed, facts)
        self._take(dangers, entry, shown)
        return data, False

    def _take(self, dangers: list, entry: dict | None, shown: str) -> None:
        problems = htmlsafety.danger_problems(dangers, shown)
        if problems:
            raise ContentError(problems)
        if entry:
            self.search_pages.append(entry)

    def take_read(self, left_alone: Callable[[str], None] = lambda path: None) -> None:
        """The pages read in other processes: unsafe ones stop the build here, before anything is kept;
        their search text in the order the pages were finished, kept in the page cache with them.
        `left_alone(path)`: told each page file that already held its bytes (output.Folder.left_alone).
        Every page handed over is written once this returns."""
        if self._reader is None:
            return
        results = self._reader.results()
        problems = sorted({problem for number, shown, _ in self._read
                           for problem in htmlsafety.danger_problems(results[number][0], shown)})
        if problems:
            raise ContentError(problems)
        for number, _, kept in self._read:
            _, entry, file_left_alone = results[number]
            if entry:
                self.search_pages.append(entry)
            if kept is not None:
                self._keep_page(*kept, [entry] if entry else [])
            if file_left_alone is not None:
                left_alone(file_left_alone)
        self._reader, self._read = reading.Reader(), []

    # ------------------------------------------------------------------ page cache

    def site_digest(self, engine: str) -> str:
        """What every page is made from besides its own inputs: the code, the theme, the site's facts and
        `engine` (the adapter's account of the engine, its version, its settings and the menu)."""
        return pagecache.digest(self.code_digest, pagecache.files_digest(self.theme_dir), self.config(), engine)

    def begin_pages(self, site_digest: str, links_digest: str) -> None:
        """What every page is made from besides its own inputs, once the engine knows the files and
        before it reads the pages: `site_digest` (site_digest) and `links_digest` (which files exist,
        at which address). With them, what every page's context is made of (known_page): the day, the
        plans, the posts' lists, the pictures and cards."""
        n = self.news
        self._digests = (site_digest, links_digest)
        self._data = pagecache.digest(site_digest, links_digest, self.today, self.site, n.posts, n.pages,
                                      n.months, n.categories, n.phases, n.later, self.pictures, self.cards,
                                      self.config())

    def page_entry(self, page: Page, markdown: str, url_of: UrlOf, href_of: Callable[[str], str]) -> tuple:
        """(key, the page cache's entry or None, context) of one page the engine has read, before it
        renders it. (A page whose file and data did not change since it was made is not read at all:
        known_page.)"""
        context = self.context(page, url_of, href_of)
        key = self.page_key(page, markdown, context)
        return key, self.cached(key), context

    def known_page(self, src: str, url: str, canonical_url: str | None, is_homepage: bool, text: str):
        """(key, the page cache's entry, meta, engine) of a page whose file holds this very `text` (as the
        engine read it), at the same address, with the same data as when `learn_page` saw it, and
        whose finished page the cache holds; None otherwise. Such a page is not read again: after
        one edit, reading, cleaning and digesting the other 1,300 pages' sources only to find their
        keys was a fifth of the rebuild. `meta`: the page's meta as the engine and `page` left it;
        `engine`: what the adapter gave learn_page with it. The pages that list the plans' files are
        never known: the sizes they show come from code the data leaves out (_shows_documents)."""
        if self._data is None:
            return None
        found = self.page_cache.get(self._known_key(src, url, canonical_url, is_homepage, text))
        if not (isinstance(found, tuple) and len(found) == 3 and isinstance(found[0], str)):
            return None                 # not known (or not what learn_page keeps: a damaged cache)
        key, meta, engine = found
        try:
            meta = pickle.loads(meta)
        except (TypeError, EOFError, pickle.PickleError, ValueError, AttributeError, ImportError, IndexError):
            return None
        if not isinstance(meta, dict) or self.page_cache.get(key) is None:
            return None
        watchdog.start(src)             # a stop asked (the content check found an error) stops here
        return key, self.cached(key), meta, engine

    def learn_page(self, page: Page, text: str, key: str, engine=None) -> None:
        """Remember `key`, `page.meta` (as it is once `page` and page_entry have been through it) and
        `engine` (the adapter's own) for `known_page`, under the page's `text` and address and this
        build's data. The meta is kept pickled: each build that knows the page gets its own copy."""
        if self._data is not None and not self._shows_documents(page):
            self.page_cache.put(self._known_key(page.src, page.url, page.canonical_url, page.is_homepage, text),
                                (key, pickle.dumps(page.meta, protocol=pickle.HIGHEST_PROTOCOL), engine))

    def _known_key(self, src: str, url: str, canonical_url: str | None, is_homepage: bool, text: str) -> str:
        return "doc:" + pagecache.digest(self._data, src, url, canonical_url, is_homepage, text)

    def _shows_documents(self, page: Page) -> bool:
        """Does the page's context list the plans' files (context: the plan pages, the documents page)?"""
        return self._kind(page.src) == "plan" or page.meta.get("template") == "documents.html"

    def page_key(self, page: Page, markdown: str, context: dict) -> str:
        """The digest of one page's inputs (begin_pages gives what all pages share). A page with links
        depends on which files exist too; one without does not, so adding a post does not re-render
        every other post."""
        site_digest, links_digest = self._digests
        context = {k: v for k, v in context.items() if k != "dh_today" or self._kind(page.src) in ("plan", None)}
        has_links = "](" in markdown or "<a " in markdown or "href=" in markdown
        return pagecache.digest(site_digest, page.src, page.url, page.canonical_url, page.is_homepage, page.title,
                                sorted((k, repr(v)) for k, v in page.meta.items()), markdown, context,
                                links_digest if has_links else "")

    def cached(self, key: str):
        """A finished page from an earlier build (its HTML, problems and search text are taken up again)."""
        entry = self.page_cache.get(key)
        self.page_cache.count(entry is not None)
        if entry is not None:
            self.page_problems += entry["problems"]
            self.search_pages += entry["search"]
            self._search_from.update((page["url"], key) for page in entry["search"])
        return entry

    def keep(self, key: str, html: bytes, problems_from: int, search_from: int, **engine) -> None:
        """Keep a page just finished: its HTML (the bytes of its file), what it added to the problems and
        search text since the given positions, and what the adapter needs again (`engine`: warnings,
        anchors). A page read in another process is kept once its search text is back (finish)."""
        value = dict(engine, html=html, problems=self.page_problems[problems_from:])
        if self._read and self._read[-1][2] is None:
            self._read[-1][2] = (key, value)
        else:
            self._keep_page(key, value, self.search_pages[search_from:])

    def _keep_page(self, key: str, value: dict, search: list) -> None:
        """A finished page in the page cache with its search text, and where each of its search pages is kept
        (the next build's index is made from this one by them: _index_before)."""
        self.page_cache.put(key, dict(value, search=search))
        self._search_from.update((page["url"], key) for page in search)

    def finish(self, site_dir: Path, write: Callable[[bytes, str], None]) -> None:
        """The search index, written into `site_dir` by `write(bytes, path)`: the engine's writer,
        which leaves a file whose bytes are there alone."""
        self.take_read()
        out = Path(site_dir) / search_index.INDEX_DIR
        # The index of the same pages by the same code is the same index: kept with the pages.
        key = "chi-muc:" + pagecache.digest(self.code_digest, sorted((p["url"], p["title"], p["text"], p["lead"],
                                                                      p["summary"]) for p in self.search_pages))
        kept = self.page_cache.get(key)
        if kept is None:
            kept = self._index()
            self.page_cache.put(key, kept)
        for inputs in kept["inputs"].values():
            for kind in ("chi-muc", "chi-muc-nhom"):
                self.page_cache.keep(self._kept_key(kind, inputs))     # not read, still kept: the next edit needs them
        # What the next build needs to make its index from this one: which page cache entry each page's
        # words came from, and this index (its files, under `key`).
        last = {"index": key, "from": dict(sorted(self._search_from.items()))}     # in order: the same bytes again
        self.page_cache.put(self._kept_key("chi-muc-truoc", ""), last)
        files = kept["files"]
        self.page_cache.save()
        for rel, text in files.items():
            write(text.encode("utf-8"), str(out / rel))

    def _index(self) -> dict:
        """{"files": the search index's files, "inputs": {each shard (kind, key): the digest of what the pages
        give it}}. Under that digest the page cache keeps the shard's text ("chi-muc") and what the pages
        gave it ("chi-muc-nhom": search_index.rebuild's groups before). From the last build's index
        (search_index.rebuild) when its pages are at the same addresses and only a few pages' words
        changed (each page's words come from a page cache entry: another entry, other words, perhaps);
        else from every page's words (search_index.build). After one edit, a few shards are made."""
        inputs: dict = {}

        def made(jobs: list) -> list:
            inputs.update((shard, digest) for digest, _, _, shard in jobs)
            for digest, _, blob, _ in jobs:
                self.page_cache.put(self._kept_key("chi-muc-nhom", digest), blob)
            keys = [self._kept_key("chi-muc", digest) for digest, *_ in jobs]
            texts = [self.page_cache.get(key) for key in keys]
            missing = [i for i, text in enumerate(texts) if text is None]
            new = search_index.spread([jobs[i][1:3] for i in missing], workers.shared, 4 * workers.workers())
            for i, text in zip(missing, new):
                texts[i] = text
                self.page_cache.put(keys[i], text)
            return texts

        before, changed, renewed, groups_before = self._index_before()
        if before is None:
            def terms_of(page):
                preview.check()         # in the preview, the next save stops this index
                return search_index.page_terms(page)
            return {"files": search_index.build(self.search_pages, terms_of=terms_of, made=made), "inputs": inputs}
        inputs.update((shard, digest) for shard, digest in before["inputs"].items() if shard not in changed)
        files = search_index.rebuild(self.search_pages, before["files"], changed, groups_before, renewed, made=made)
        return {"files": files, "inputs": inputs}

    REBUILD_UP_TO = 60      # shards changed: more, and grouping every page's words costs about the same

    def _index_before(self) -> tuple:
        """(the last build's index {"files", "inputs"}, the shards changed since, {address: terms} of the pages
        whose words changed, {shard: its groups before} of the changed shards the last index had) when this
        index can be made from it (search_index.rebuild), else four Nones."""
        nothing = None, None, None, None
        last = self.page_cache.get(self._kept_key("chi-muc-truoc", ""))
        before = self.page_cache.get(last["index"]) if last is not None else None
        if before is None or self._search_from.keys() != last["from"].keys() \
                or len(self._search_from) != len(self.search_pages):
            return nothing                  # other pages (ids move), or pages whose entry is not known
        changed: set = set()
        renewed: dict = {}
        for page in self.search_pages:
            url = page["url"]
            if self._search_from[url] == last["from"][url]:
                continue                    # the same entry: the same words
            old = self.page_cache.get(last["from"][url])
            old_page = next((p for p in old["search"] if p["url"] == url), None) if old is not None else None
            if old_page is None:
                return nothing
            renewed[url] = search_index.page_terms(page)
            changed |= search_index.changed_shards(search_index.page_terms(old_page), renewed[url])
            if len(changed) > self.REBUILD_UP_TO:
                return nothing
        groups_before = {shard: self.page_cache.get(self._kept_key("chi-muc-nhom", before["inputs"][shard]))
                         for shard in changed if shard in before["inputs"]}
        if None in groups_before.values():
            return nothing                  # not kept (a damaged cache): made from every page
        return before, changed, renewed, groups_before

    # ------------------------------------------------------------------ templates

    @staticmethod
    def filters() -> dict:
        """Jinja filters the templates use (the engine's Jinja does not autoescape: values are escaped here)."""
        return {"ngay": vndate.long_form, "ngay_ngan": vndate.short_form, "dh_range_parts": vndate.range_parts,
                "tojson_attr": lambda value: html_lib.escape(json.dumps(value, ensure_ascii=False), quote=True)}


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
