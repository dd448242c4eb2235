"""The MkDocs adapter: the one file that knows the engine.

- Its event functions (on_config, on_files, …; listed under `hooks:` in mkdocs.yml) connect
  MkDocs' events to one daihoi.site.builder.SiteBuild, which does the work.
- `build_site`, `serve_site` and `markdown_renderer` are how build.py starts the engine, and
  `engine_problems` turns the engine's English warnings into the editor's problems.
- `valid_markup` fixes what Material's base template writes.

daihoi/ never imports mkdocs, and build.py reaches the engine only through this file. Another
engine (ProperDocs runs this file unchanged; Zensical would need its own) means another adapter
of this size around the same SiteBuild: docs/engine.md.
"""
from __future__ import annotations

import logging
import os
import re
import sys
from contextlib import contextmanager
from functools import lru_cache
from datetime import date
from types import MethodType
from typing import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import mkdocs.utils.meta  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File, Files, InclusionLevel  # noqa: E402
from mkdocs.structure.toc import get_toc  # noqa: E402
from mkdocs.utils import get_relative_url  # noqa: E402

from daihoi.cli import kept  # noqa: E402
from daihoi.model.source import composed, file_bytes  # noqa: E402
from daihoi.model.content import shown  # noqa: E402
from daihoi.model.problems import ContentError  # noqa: E402
from daihoi.site import output, pagecache, preview, search_index  # noqa: E402
from daihoi.site.builder import Page, SiteBuild  # noqa: E402

TODAY_ENV = "DAIHOI_TODAY"     # set by build.py --today; also honours SOURCE_DATE_EPOCH
GUIDE_ENV = "DAIHOI_GUIDE"     # set by build.py serve: the editor's preview shows the editors' guide
GUIDE = ROOT / "docs" / "huong-dan-bien-tap.md"
ARTICLE = '<article class="md-content__inner md-typeset">'     # Material's main article: what search reads

_build: SiteBuild | None = None
_files = None
_pages_now: dict = {}      # src -> this build's facts of a page: its key, cache entry, context, warnings
_log_records: list = []    # the engine's warnings, to keep each page's with it in the page cache
_urls: dict = {}           # path under content/ -> its page's address, once the files are known
_later: dict = {}          # path in the site -> what gives its bytes, made while the pages are written
_order: list = []          # the files in MkDocs' own order, while it reads the posts first (on_files)
_pages_written = None      # build_site's `pages_written`, to call with this build's files (on_post_build)
_checked = None            # build_site's `checked`: (a content folder, its site and posts as the check read them)
_folder = None             # build_site's output.Folder: where pages read in other processes are written (on_post_page)
_markdown: list = []       # [(the build's config, its Markdown instance)] (render_shared)
CACHED_TEMPLATE = "dh-cached.html"   # a page taken from the cache renders nothing: its HTML is already made


def today() -> date:
    if os.environ.get(TODAY_ENV):
        return date.fromisoformat(os.environ[TODAY_ENV])
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return date.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]))
    return date.today()


def _fail(exc: ContentError):
    return PluginError("\n".join(str(p) for p in exc.problems))


def _url_of(path: str) -> str:
    if path not in _urls:
        file = _files.get_file_from_path(path) if _files is not None else None
        if _files is None:
            return path
        _urls[path] = file.url if file else path
    return _urls[path]


def _page(page) -> Page:
    return Page(src=page.file.src_uri, url=page.url, canonical_url=page.canonical_url,
                is_homepage=page.is_homepage, title=page.title, meta=page.meta)


def _shown(page) -> str:
    return shown(Path(page.file.abs_src_path)) if page.file.abs_src_path else page.file.src_uri


# ---------------------------------------------------------------------------- events

class _Keep(logging.Handler):
    """The engine's warnings of this build, in order: each page keeps those its rendering logged."""

    def emit(self, record):
        _log_records.append(record)


_KEEP = _Keep(logging.WARNING)


def on_config(config):
    global _build, _files
    preview.wait(drop=True)     # the preview's last index, if begun: it shares the page cache this build opens
    _files = None
    _log_records.clear()
    if _KEEP not in logging.getLogger("mkdocs").handlers:
        logging.getLogger("mkdocs").addHandler(_KEEP)
    try:
        # The check's reading, if it is of this folder.
        checked = _checked[1:] if _checked is not None and Path(_checked[0]).resolve() == Path(config.docs_dir).resolve() \
            else None
        _build = SiteBuild(Path(config.docs_dir), Path(config.theme.custom_dir), today(),
                           pagecache.cache_root(), ARTICLE,
                           guide=GUIDE if os.environ.get(GUIDE_ENV) else None, checked=checked)
    except ContentError as exc:
        raise _fail(exc) from None
    # The plans' documents are begun now, in other processes, at the addresses MkDocs will give.
    _build.start_documents(_page_urls(config))
    for line in _build.later():
        print(line, file=sys.stderr)
    facts = _build.config()
    config.site_name = facts["site_name"]
    if facts["description"]:
        config.site_description = facts["description"]
    if not config.site_url and facts["site_url"]:
        config.site_url = facts["site_url"]
    config.copyright = facts["copyright"]
    config.extra["dh_short_title"] = facts["short_title"]     # the phone header's name
    # The editor's preview (build.py serve) reloads itself with MkDocs' inline script: its pages allow it.
    config.extra["dh_preview"] = bool(os.environ.get(GUIDE_ENV))
    return config


def _page_urls(config):
    """MkDocs' rule for a page's address (src -> url), before it has listed the files."""
    return lambda src: File(src, config.docs_dir, config.site_dir, config.use_directory_urls).url


def _add(files, config, item) -> None:
    if files.get_file_from_path(item.path) is not None:
        return          # an editor's own page of that name wins
    inclusion = InclusionLevel.INCLUDED if item.in_nav else InclusionLevel.NOT_IN_NAV
    if item.later is not None:      # written after the pages (on_post_build), when it is made
        _later[item.path] = item.later
        files.append(File.generated(config, item.path, content=b"", inclusion=inclusion))
    elif item.source is not None:
        files.append(File.generated(config, item.path, abs_src_path=str(item.source), inclusion=inclusion))
    else:
        files.append(File.generated(config, item.path, content=item.text, inclusion=inclusion))


def on_files(files, config):
    global _files
    _urls.clear()
    _later.clear()
    for file in list(files):
        if not _build.published(file.src_uri):
            files.remove(file)
        elif file.src_uri.endswith(".md") and not _build.in_nav(file.src_uri):
            file.inclusion = InclusionLevel.NOT_IN_NAV
    for item in _build.pages():
        _add(files, config, item)
    _files = files
    for item in _build.files(_url_of):
        _add(files, config, item)
    # MkDocs reads the pages in this order (the menu has its own): the posts first, so that the
    # plans' files, made meanwhile in other processes, are ready when a page that lists them is read.
    # on_env puts MkDocs' own order back for the rest of the build (the sitemap lists files in it).
    _order[:] = [file.src_uri for file in files]
    _files = Files(sorted(files, key=lambda file: not _build.early(file.src_uri)))
    return _files


def on_nav(nav, config, files):
    """Vietnamese menu names for the tool's folders ("Kế hoạch", not "Ke hoach"); then what every page
    of this build is made from (engine, settings, menu; which pages exist) for the page cache."""
    from importlib.metadata import version

    from daihoi.site import views

    def walk(items, depth):
        for item in items:
            if item.is_section:
                pages = list(_pages(item))
                if pages:
                    item.title = views.section_title(pages[0].file.src_uri.split("/")[depth], config.docs_dir) or item.title
                walk(item.children, depth + 1)
    walk(nav.items, 0)

    def shape(items):
        return [(i.title, getattr(i, "url", None), shape(i.children) if i.is_section else None) for i in items]
    engine = (version("mkdocs"), version("mkdocs-material"), CONFIG.read_text(encoding="utf-8"),
              Path(__file__).read_text(encoding="utf-8"), shape(nav.items),
              config.site_url, config.extra, config.mdx_configs, [str(e) for e in config.markdown_extensions])
    # A digest of the files, not their list: the list (100 KB on 1,000 posts) went into the key of every
    # page with links.
    _build.begin_pages(_build.site_digest(repr(engine)), pagecache.digest(sorted((f.src_uri, f.url) for f in files)))
    _pages_now.clear()
    return nav


def _pages(section):
    for child in section.children:
        if child.is_page:
            yield child
        elif child.is_section:
            yield from _pages(child)


def on_pre_page(page, config, files):
    """A page whose file, address and data are those of a page the cache holds (SiteBuild.known_page)
    is not read: the engine gets its meta as the last build left it, and no Markdown."""
    src = page.file.src_uri
    try:
        text = _content_string(page.file)
    except (OSError, ValueError):       # gone or not UTF-8 since the check: MkDocs' read_source says so
        return page
    known = _build.known_page(src, page.url, page.canonical_url, page.is_homepage, text)
    if known is None:
        _pages_now[src] = {"text": text}            # read once: on_page_read_source takes it
        return page
    key, entry, meta, front_matter = known
    _pages_now[src] = _facts_now(key, entry, None, known=True)
    # (MkDocs' get_data is build_site's _FrontMatter, of the module build.py loaded: not this module's class.)
    keep = getattr(mkdocs.utils.meta.get_data, "keep", None)
    if keep is not None:
        keep(front_matter)          # the next build may have to read it again
    page.read_source = MethodType(_read_nothing(meta), page)
    return page


def _content_string(file) -> str:
    """MkDocs' File.content_string (1.6: the file opened as text, "utf-8-sig", strict, universal line
    ends), made of the bytes build.py's check read (source.file_bytes: a build reads each file once)."""
    if file.abs_src_path is None or getattr(file, "_content", None) is not None:
        return file.content_string                  # a page made from text, not a file
    text = file_bytes(file.abs_src_path)[0].decode("utf-8-sig")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_nothing(meta: dict):
    def read_source(page, config):
        page.markdown, page.meta = "", meta
    return read_source


def _text(page) -> str:
    """The page's file as on_pre_page read it (read once), or as MkDocs reads it."""
    now = _pages_now.get(page.file.src_uri) or {}
    return now["text"] if "text" in now else page.file.content_string


def on_page_read_source(page, config):
    return _build.source(_text(page))


def on_page_markdown(markdown, page, config, files):
    src = page.file.src_uri
    if (_pages_now.get(src) or {}).get("known"):
        return _kept_page(page, _pages_now[src]["entry"])
    text = _text(page)
    meta, rendered = _build.page(src, page.is_homepage, page.meta, markdown, _shown(page))
    page.meta.update(meta)
    facts = _page(page)
    key, entry, context = _build.page_entry(facts, markdown, _url_of, lambda url: get_relative_url(url, page.url))
    _build.learn_page(facts, text, key, _front_matter_key(_build.source(text)))
    _pages_now[src] = _facts_now(key, entry, context, text=text)
    if entry is not None:
        return _kept_page(page, entry)
    page.render = MethodType(render_shared, page)
    return rendered


def _facts_now(key: str, entry: dict | None, context: dict | None, **more) -> dict:
    """A page's facts in this build (_pages_now): its key, its page cache entry, its context, and where
    the warnings and problems its rendering adds begin."""
    return dict(more, key=key, entry=entry, context=context, log_from=len(_log_records),
                problems_at=len(_build.page_problems))


def _kept_page(page, entry: dict) -> str:
    """A page taken from the page cache: what its rendering said is said again, and nothing is rendered."""
    for message in entry["warnings"]:
        logging.getLogger("mkdocs.structure.pages").warning(message)
    page.meta["template"] = CACHED_TEMPLATE
    page.render = MethodType(_render_nothing, page)
    return ""


def _render_nothing(page, config, files):
    """A page from the page cache is not rendered: its HTML is made (setting up the engine's
    Markdown for each of 900 cached pages was a fifth of a rebuild). What rendering sets, empty;
    on_page_content puts back the anchors and links the page had."""
    page.content, page.toc, page._title_from_render = "", get_toc([]), None
    page.present_anchor_ids, page.links_to_anchors = set(), {}


def render_shared(page, config, files):
    """MkDocs' Page.render (mkdocs/structure/pages.py, 1.6.1), with one Markdown instance for the
    build, reset between pages, instead of a new one for each page: making it with its extensions
    was a quarter of rendering a post (0.4 s of a first build of 1,000 posts). Python-Markdown is
    made to be used again after reset(); MkDocs' own processors of the page (anchors, relative
    links, title) are made for each page as MkDocs makes them, and replace the last page's under the
    same names. What it sets on the page is what Page.render sets (tests/test_adapter_render.py)."""
    from mkdocs.structure.pages import (_ExtractAnchorsTreeprocessor, _ExtractTitleTreeprocessor,
                                        _RawHTMLPreprocessor, _RelativePathTreeprocessor)

    if not _markdown or _markdown[0][0] is not config:        # made again for each build's settings
        import markdown

        _markdown[:] = [(config, markdown.Markdown(extensions=config["markdown_extensions"],
                                                   extension_configs=config["mdx_configs"] or {}))]
    md = _markdown[0][1]
    md.reset()
    raw_html = _RawHTMLPreprocessor()
    raw_html._register(md)
    anchors = _ExtractAnchorsTreeprocessor(page.file, files, config)
    anchors._register(md)
    relative = _RelativePathTreeprocessor(page.file, files, config)
    relative._register(md)
    title = _ExtractTitleTreeprocessor()
    title._register(md)
    page.content = md.convert(page.markdown)
    page.toc = get_toc(getattr(md, "toc_tokens", []))
    page._title_from_render = title.title
    page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
    if logging.getLogger("mkdocs.structure.pages").getEffectiveLevel() > logging.DEBUG:
        page.links_to_anchors = relative.links_to_anchors


def on_page_content(html, page, config, files):
    now = _pages_now[page.file.src_uri]
    if now["entry"] is not None:
        _build.content_kept()
        page.present_anchor_ids = set(now["entry"]["anchors"])
        page.links_to_anchors = {files.get_file_from_path(src): links
                                 for src, links in now["entry"]["links"].items() if files.get_file_from_path(src)}
        return ""
    # The file's text as on_pre_page read it (reading each page again here was 1,300 more files).
    html = _build.content(page.file.src_uri, html, _text(page), _shown(page))
    now["warnings"] = [r.getMessage() for r in _log_records[now["log_from"]:] if r.levelno == logging.WARNING]
    now["anchors"] = sorted(page.present_anchor_ids or ())
    now["links"] = {f.src_uri: dict(links) for f, links in (page.links_to_anchors or {}).items()}
    return html


def on_env(env, config, files):
    from jinja2 import FileSystemBytecodeCache

    try:
        _build.after_pages()
    except ContentError as exc:
        raise _fail(exc) from None
    env.filters.update(_build.filters())
    for src in _order:          # every page is read: MkDocs' own order again (see on_files)
        file = files.get_file_from_path(src)
        if file is not None:
            files.remove(file)
            files.append(file)
    env.bytecode_cache = FileSystemBytecodeCache(str(_compiled_templates()))
    # Templates do not change during one build: not asking the disk again at every include (21,000
    # times on 1,000 posts). The preview makes a new environment for every build anyway.
    env.auto_reload = False
    _quick_dict_lookup(env)
    _share_menu(env)
    return env


_DICT_NAMES = frozenset(dir(dict))


def _quick_dict_lookup(env) -> None:
    """`x.name` on a dict, in a template, without Jinja's try-getattr-first. Jinja asks for the
    attribute first and takes the item only once AttributeError is raised and caught: 0.42 us, where
    the item alone takes 0.06 us, and a cold build of 1,000 posts reads 168,000 dict items so (our
    views are dicts). The same answer: a plain dict has no attribute but its methods' names, which
    still go to Jinja, as every other object does. Compiled templates call `environment.getattr`, so
    the environment's own is replaced."""
    slow = env.getattr
    if getattr(slow, "dh_quick", False):        # an environment used again
        return
    undefined = env.undefined

    def quick_getattr(obj, attribute):
        if type(obj) is dict and attribute not in _DICT_NAMES:
            try:
                return obj[attribute]
            except KeyError:
                return undefined(obj=obj, name=attribute)
        return slow(obj, attribute)
    quick_getattr.dh_quick = True
    env.getattr = quick_getattr


def _compiled_templates() -> Path:
    """Where the theme's templates are kept compiled, as Python keeps its modules in __pycache__.

    MkDocs makes a new Jinja environment for every build and compiles the 38 templates a page uses
    again (0.15-0.2 s of a build's own process). They are the code of the installation, not of one
    site: kept in the environment Python runs in (.venv/), a first build of any site finds them
    compiled, as it finds the modules. Jinja names each file by the template's name and path and
    checks it against the template's text and Jinja's and Python's versions before using it. Where
    Python is asked not to write compiled files (PYTHONDONTWRITEBYTECODE), or cannot write to its
    environment, they go to the build cache with the rest."""
    if not os.environ.get("PYTHONDONTWRITEBYTECODE") and sys.prefix != sys.base_prefix:     # a virtual environment
        folder = Path(sys.prefix) / "daihoi-jinja"
        try:
            folder.mkdir(exist_ok=True)
            if os.access(folder, os.W_OK):
                return folder
        except OSError:
            pass
    folder = pagecache.cache_root() / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _share_menu(env) -> None:
    """Material's menu rendered once for all the pages it is the same for. It is a sixth of the
    rendering of a page, and a post, not in the menu itself, shows it with nothing marked and with
    links relative to its own address: pages that are not in the menu and whose relative links
    to the menu's pages are the same get the same bytes."""
    template = env.get_template("partials/nav.html")
    render = getattr(template, "dh_unshared", template.root_render_func)     # an environment used again
    template.dh_unshared = render
    shared: dict = {}

    def root_render_func(context):
        page, nav = context.get("page"), context.get("nav")
        # (MkDocs marks the page being rendered active; a page not in the menu marks nothing in it.)
        if page is None or nav is None or getattr(page, "parent", None) is not None or page in nav.pages:
            yield from render(context)
            return
        key = tuple(get_relative_url(item.url, page.url) for item in [nav.homepage, *nav.pages] if item)
        if key not in shared:
            shared[key] = "".join(render(context))
        yield shared[key]
    template.root_render_func = root_render_func


def on_page_context(context, page, config, nav):
    now = _pages_now[page.file.src_uri]
    if now["entry"] is None:
        context.update(now["context"])
    return context


def on_post_page(output, page, config):
    """The finished page is written here, as the bytes MkDocs would write (UTF-8, characters it cannot
    encode as references), and MkDocs is given nothing to write: a page from the page cache is kept
    as those bytes, and decoding 1,300 pages to text only for MkDocs to encode them again was a
    tenth of a rebuild after one edit (with the memory it took)."""
    now = _pages_now[page.file.src_uri]
    now["dest"] = page.file.dest_uri
    if now["entry"] is not None:
        mkdocs.utils.write_file(now["entry"]["html"], page.file.abs_dest_path)
        return ""
    search_from = len(_build.search_pages)
    target = _folder.target(page.file.abs_dest_path) if _folder is not None else None
    try:
        data, written = _build.finished(_page(page), valid_markup(output), _shown(page), target)
    except ContentError as exc:
        raise _fail(exc) from None
    _build.keep(now["key"], data, now["problems_at"], search_from, warnings=now["warnings"], anchors=now["anchors"],
                links=now["links"])
    if not written:
        mkdocs.utils.write_file(data, page.file.abs_dest_path)
    return ""


def _page_keys() -> dict[str, str]:
    """{path in the site: its page cache key} of the pages this build wrote: the same key, the same bytes."""
    return {now["dest"]: now["key"] for now in _pages_now.values() if now.get("dest") and now.get("key")}


def on_post_template(output_content, template_name, config):
    return valid_markup(output_content) if template_name.endswith(".html") else output_content


def on_post_build(config):
    import mkdocs.utils

    write = mkdocs.utils.write_file         # through the output folder: _writing_through lasts the build
    for path, made in _later.items():       # made in other processes while the pages were written
        write(made(), str(Path(config.site_dir) / path))
    try:
        # The pages written in other processes, before the folder's files are listed.
        _build.take_read(_folder.left_alone if _folder is not None else lambda path: None)
        if _pages_written is not None:
            _pages_written()
        if preview.active:
            preview.later(_build.finish, Path(config.site_dir), write)     # after the page reloads
        else:
            _build.finish(Path(config.site_dir), write)
    except ContentError as exc:             # a page found unsafe once read in another process
        raise _fail(exc) from None


# ---------------------------------------------------------------------------- Material's markup

_TOGGLE = re.compile(r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" '
                     r'id="__(?:drawer|search)") autocomplete="off">')


def valid_markup(html: str) -> str:
    """Valid HTML where Material's base template has no block to override (checked with the Nu Html
    Checker in tests/quality): `autocomplete="off"` is not allowed on its toggle checkboxes (it
    only kept Firefox from restoring a toggle on reload), and its table of contents' label points
    at a checkbox that exists only on pages in the menu."""
    html = _TOGGLE.sub(r"\1>", html)
    if 'for="__toc"' in html and 'id="__toc"' not in html:
        html = html.replace('<label class="md-nav__title" for="__toc">', '<label class="md-nav__title">')
    return html


# ---------------------------------------------------------------------------- starting the engine

CONFIG = ROOT / "mkdocs.yml"


NO_HOOKS = ("Công cụ dựng trang không chạy phần mở rộng của chuyên mục (hooks trong mkdocs.yml phải có "
            "hooks/mkdocs_adapter.py): một trang dựng thiếu phần đó không được đăng. Trang cũ vẫn giữ nguyên. "
            "Xem docs/engine.md")


class EngineError(Exception):
    """The engine stopped: `problems` are the editor's (Vietnamese), or `message` the engine's own."""

    def __init__(self, message: str, problems: list | None = None):
        super().__init__(message)
        self.problems = problems or []


def _config(content_dir: Path, **overrides):
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    return load_config(str(CONFIG), docs_dir=str(Path(content_dir).resolve()), **overrides)


class _Collect(logging.Handler):
    """Keeps the engine's warnings: they are translated for the editor, not printed in English."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


_DEAD_LINK = re.compile(r"Doc file '(?P<src>.+?)' contains a link '(?P<link>.*?)', but (?:the target(?: '.*?')? is not "
                        r"found among documentation files|(?P<anchor>there is no such anchor on this page|the doc "
                        r"'.+?' does not contain an anchor '.*?'))\.(?: Did you mean '(?P<guess>.*?)'\?)?")


def engine_problems(records, content_dir: Path) -> list:
    """MkDocs' warnings as the editor's problems: a dead link is an error naming the file and line."""
    from daihoi.model import content, source
    from daihoi.model.problems import ERROR, WARNING, Problem

    out = []
    for record in records:
        if record.levelno >= logging.ERROR:
            continue            # comes with an exception, reported by the caller
        message = record.getMessage()
        m = _DEAD_LINK.match(message)
        if not m:
            out.append(Problem("mkdocs", 0, f"Công cụ dựng trang báo: {message}", level=WARNING, code="engine"))
            continue
        file = Path(content_dir) / m["src"]
        line = source.find_line(file, m["link"])
        if m["anchor"]:
            what = f"Liên kết “{m['link']}” trỏ tới một mục (phần sau dấu #) không có trong trang đích"
            fix = "Sửa phần sau dấu # cho đúng mục cần dẫn tới, hoặc bỏ phần đó"
        else:
            what = f"Liên kết “{m['link']}” trỏ tới tệp không có trong thư mục nội dung"
            fix = (f"Có phải ý bạn là “{m['guess']}”? " if m["guess"] else "") + \
                "Sửa đường dẫn cho đúng tên tệp (tính từ thư mục của trang này), hoặc xóa liên kết"
        # A page the tool generates (not in content/) cannot be fixed by the editor, and an
        # anchor may be made by the template or raw HTML, which MkDocs cannot see: warn only.
        level = ERROR if file.is_file() and not m["anchor"] else WARNING
        out.append(Problem(content.shown(file), line, what, fix, level, code="dead-link"))
    return sorted(out)


def begin(content_dir: Path, site) -> None:
    """Begin the plans' documents (the longest part of a first build) in other processes before the
    engine starts, at the addresses it will give their pages: SiteBuild.start_documents, when the
    engine gets there, finds them begun. `site`: the content as build.py's check read it."""
    from daihoi.site import downloads

    downloads.start(site, pagecache.cache_root(), _page_urls(_config(content_dir)))


@contextmanager
def _writing_through(folder):
    """MkDocs empties the site folder and writes every file again: while this lasts, it writes
    through `folder` (daihoi/site/output.py), which leaves a file alone when its bytes are there."""
    import mkdocs.utils

    clean, write_file, copy_file = mkdocs.utils.clean_directory, mkdocs.utils.write_file, mkdocs.utils.copy_file
    copy_method = File.copy_file

    def copy_generated(file, dirty=False):
        """A generated file (made from text or bytes, not copied): written through the folder too, as
        bytes. MkDocs writes text in the system's text mode, which on Windows turns each line end
        into CR LF: the same build gave other bytes there."""
        if file.abs_src_path is not None:
            return copy_method(file, dirty)
        if file.src_uri not in _later:      # (written by on_post_build once made)
            mkdocs.utils.write_file(file.content_bytes, file.abs_dest_path)

    mkdocs.utils.clean_directory = folder.start
    mkdocs.utils.write_file = lambda content, path: folder.write(content, path, write_file)
    mkdocs.utils.copy_file = lambda source, path: folder.copy(source, path, copy_file)
    File.copy_file = copy_generated
    try:
        yield folder
    finally:
        mkdocs.utils.clean_directory, mkdocs.utils.write_file, mkdocs.utils.copy_file = clean, write_file, copy_file
        File.copy_file = copy_method


def build_site(content_dir: Path, site_dir: Path,
               pages_written: Callable[[list[str], dict[str, str]], None] | None = None,
               checked: tuple | None = None) -> list:
    """Build `content_dir` into `site_dir`; the engine's warnings as problems. EngineError if it stops.
    `site_dir` may hold the site before last (build.py writes into it): it ends holding this build only.
    `pages_written(files, keys)` is called once every page and asset is written, before the search
    index, with the paths in `site_dir` of the files this build wrote or kept, and {a page's path: the
    page cache's key of its bytes} (build.py begins pruning the stylesheets then). `checked`: (a content
    folder, its site, its posts) as build.py's check read them without error: the build takes them
    (SiteBuild) if that folder is `content_dir`."""
    import mkdocs.utils.meta
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException

    config = _config(content_dir, site_dir=str(site_dir))
    # config["hooks"] maps each mkdocs.yml entry (relative to mkdocs.yml, not to the working folder) to its module.
    hooks = [m for m in config["hooks"].values()
             if Path(getattr(m, "__file__", "")).resolve() == Path(__file__).resolve()]
    if not hooks:
        raise EngineError(NO_HOOKS)
    hook = hooks[0]         # this file as MkDocs loaded it: its own module, not the one build.py loaded
    log = _Collect()
    logging.getLogger("mkdocs").addHandler(log)
    # `site_dir` may hold an earlier build (daihoi/cli/atomic.py keeps the site before last for
    # this): what is already there is not written again, and what this build does not make goes.
    folder = output.Folder()
    hook._pages_written = ((lambda: pages_written(folder.current(), hook._page_keys())) if pages_written is not None
                           else None)
    hook._checked, hook._folder = checked, folder
    # Each page's front matter as MkDocs read it in the last build, by the page's text, and the
    # theme's files as it listed them.
    get_data, add_theme = mkdocs.utils.meta.get_data, Files.add_files_from_theme
    front_matter = mkdocs.utils.meta.get_data = _FrontMatter(
        _front_matter_from_check(get_data),
        pagecache.cache_root() / "nguon-mkdocs" / (pagecache.folder_key(content_dir) + ".pickle"))
    Files.add_files_from_theme = _theme_files_once(add_theme, pagecache.cache_root() / "giao-dien.pickle")
    try:
        with _writing_through(folder):
            build(config)
        folder.finish()
        front_matter.save()
    except MkDocsException as exc:
        # MkDocs wraps a hook's error (our Vietnamese problems) in "Aborted with a BuildError!".
        inner = exc.__context__ if isinstance(exc.__context__, MkDocsException) else None
        raise EngineError(str(inner) if inner is not None else str(exc), [inner] if inner is not None else []) from exc
    finally:
        hook._pages_written = hook._checked = hook._folder = None
        logging.getLogger("mkdocs").removeHandler(log)
        mkdocs.utils.meta.get_data, Files.add_files_from_theme = get_data, add_theme
    return engine_problems(log.records, content_dir)


# MkDocs looks for saved files every 0.5 s (it polls, so that network drives and shared folders work
# too): a quarter of the editor's wait after a save, on average, went there. A look over 1,000
# posts takes about 5 ms, so looking every 0.2 s costs little.
POLL_S = 0.2


def _quick_server(server_class, interval: float = POLL_S):
    """MkDocs' live-reload server, looking for saved files every `interval` seconds."""
    def make(**options):
        return server_class(polling_interval=interval, **options)
    return make


def serve_site(content_dir: Path, port: int) -> None:
    import mkdocs.commands.serve as serving
    import mkdocs.utils.meta

    # The preview rebuilds into one folder after every save: files whose bytes did not change are
    # left as they are (daihoi/site/output.py); the search index is made after the page reloads.
    preview.active = True
    folder = output.Folder(spared=(search_index.INDEX_DIR,))
    build = serving.build

    def build_then_tidy(config, **options):
        build(config, **options)
        folder.finish()
    serving.build = build_then_tidy
    serving.LiveReloadServer = _quick_server(serving.LiveReloadServer)
    # What does not change between two saves is read once: the theme's files (Material's folder has
    # thousands of icons, listed again for every build) and each page's front matter, by its text.
    Files.add_files_from_theme = _theme_files_once(Files.add_files_from_theme)
    mkdocs.utils.meta.get_data = _FrontMatter(mkdocs.utils.meta.get_data)
    try:
        with _writing_through(folder):
            serving.serve(str(CONFIG), docs_dir=str(Path(content_dir).resolve()), dev_addr=f"127.0.0.1:{port}",
                          livereload=True)
    finally:
        preview.wait()


def _theme_files_once(add_files_from_theme, file: Path | None = None):
    """MkDocs lists the theme's static files on every build: Material's folder holds thousands of
    icons, and walking it took 0.15 s of each build. The list is remembered by what it depends on
    (_theme_key): in memory for the preview, and in `file` between builds (daihoi/cli/kept.py)."""
    found: dict = {}        # _theme_key -> [(path, folder)]: one theme at a time

    def add(files, env, config):
        key = _theme_key(config)
        if key not in found:
            listed = kept.read(file, key) if file is not None else None
            if not isinstance(listed, list):
                probe = Files([])
                add_files_from_theme(probe, env, config)
                listed = [(f.src_uri, f.src_dir) for f in probe]
                if file is not None:
                    kept.write(file, key, listed)
            found.clear()
            found[key] = listed
        for path, folder in found[key]:
            if files.get_file_from_path(path) is None:       # a content file of that name wins
                files.append(File(path, folder, config.site_dir, config.use_directory_urls))
    return add


def _theme_key(config) -> str:
    """What the theme's file list depends on: MkDocs' rule (its version, the settings it reads) and
    each theme folder: one an installed package ships holds what its version holds; any other (the
    project's theme/) is listed, names only."""
    import sysconfig
    from importlib.metadata import version

    installed = {Path(sysconfig.get_paths()[name]).resolve() for name in ("purelib", "platlib")}
    # static_templates is a set: its order changes from one process to the next (string hashing is
    # randomised), so it is sorted, or the key would differ on most builds and the list be walked again.
    parts = [version("mkdocs"), version("mkdocs-material"), config.use_directory_urls,
             sorted(config.theme.static_templates)]
    for folder in config.theme.dirs:
        if any(Path(folder).resolve().is_relative_to(root) for root in installed):
            parts.append(folder)
        else:
            parts.append((folder, sorted(p.relative_to(folder).as_posix() for p in Path(folder).rglob("*"))))
    return pagecache.digest(*parts)


@lru_cache(maxsize=4096)
def _front_matter_key(source: str) -> bytes:
    """What _FrontMatter keeps MkDocs' reading of a page's text under (SiteBuild.learn_page keeps it too).
    Remembered: both ask it of the same text (SiteBuild.source gives the one text it remembers), and
    digesting 1,300 pages twice was 0.03 s of a cold build."""
    from hashlib import blake2b

    return blake2b(source.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _front_matter_from_check(get_data):
    """MkDocs' get_data, taking the YAML nodes the content check composed of the same text
    (daihoi.model.source.composed) and constructing its values from them, as yaml.load(text,
    CSafeLoader) does (SafeConstructor): a cold build parsed each page's front matter twice, the second time 0.05-0.1 s.
    Anything else (no front matter, text the check did not compose, a merge key "<<" or "!!merge",
    whose construction rewrites its node, any error, a value that is not a mapping) is MkDocs' own."""
    from yaml.constructor import SafeConstructor

    def read(doc: str):
        found = mkdocs.utils.meta.YAML_RE.match(doc)
        text = found.group(1) if found is not None else ""
        node = composed(text) if text and "<<" not in text and "merge" not in text else None
        if node is None:
            return get_data(doc)
        try:
            data = SafeConstructor().construct_document(node)
        except Exception:       # noqa: BLE001 - MkDocs' own reading says what it makes of it
            return get_data(doc)
        if not isinstance(data, dict):
            return get_data(doc)
        return doc[found.end():].lstrip("\n"), data
    return read


class _FrontMatter:
    """MkDocs' own reading of each page's front matter (mkdocs.utils.meta.get_data), remembered by the
    page's text: YAML read again for 1,300 unchanged pages took 0.2 s of every build. The preview
    remembers in memory between saves; a build keeps what it read in `file` for the next build."""

    VERSION = 1

    def __init__(self, get_data, file: Path | None = None):
        from importlib.metadata import version

        self.get_data, self.file, self.now = get_data, file, {}
        self.version = (self.VERSION, version("mkdocs"))
        # Not there or not readable: read again. Kept in parts (daihoi/cli/kept.py): an edit writes one or two.
        self.found: dict = kept.readings(file, self.version) if file is not None else {}

    def __call__(self, source: str):
        from copy import deepcopy

        key = _front_matter_key(source)
        entry = self.now.get(key) or self.found.get(key)
        if entry is None:
            markdown, meta = self.get_data(source)
            # The Markdown is most often the end of the text: kept as where it starts.
            entry = (len(source) - len(markdown) if source.endswith(markdown) else markdown, meta)
        self.now[key] = entry
        if len(self.now) > 20_000:
            self.now.clear()
        rest, meta = entry
        return (source[rest:] if isinstance(rest, int) else rest), deepcopy(meta)     # the hooks add to meta

    def keep(self, key) -> None:
        """Keep the reading under `key` (a page this build did not read: SiteBuild.known_page), for a
        later build that has to read it again."""
        entry = self.now.get(key) or self.found.get(key)
        if entry is not None:
            self.now[key] = entry

    def save(self) -> None:
        """Keep the readings of this build's pages (only those: the file stays the size of one site)."""
        if self.file is not None:
            kept.keep_readings(self.file, self.version, self.now, set(self.found))


def markdown_renderer(content_dir: Path):
    """Markdown -> HTML with the site's Markdown settings (what `check` renders to report removals)."""
    import markdown

    config = _config(content_dir)
    return lambda text: markdown.Markdown(extensions=config.markdown_extensions,
                                          extension_configs=config.mdx_configs).convert(text)
