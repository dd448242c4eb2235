"""News posts: read them, and what the news pages show (plain data, no engine, no HTML).

    content/tin-tuc/*.md      one post per file: YAML front matter + Markdown
    content/tin-tuc/anh/      their pictures (resized at build by images.py)

Front matter of a post (only `title` and `date` are required):

    title: "Hội nghị ..."              date: "2025-05-12" or "12/05/2025"
    author: "Phòng Tuyên truyền"       summary: "Hai câu tóm tắt."
    cover: "anh/hoi-nghi.jpg"          cover_alt: "Quang cảnh hội nghị"
    categories: ["Hoạt động", ...]
    plan: "12-KH/ĐU"  phase: "Đợt 2"   (the plan phase the post reports on)
    track: "2"                         (which group of phases, when the plan has parallel
                                        groups with the same phase names: see `find_phase`)
    congress: "phuong-v"               (the congress it is about)

A post dated after the build day is not published (not listed, not in the feed or the
search) until a build on or after its day, as Hugo does by default: an editor can
prepare tomorrow's news today.

Every URL here is relative to the site root and ends with "/" for pages; the
adapter maps a post's source path to its URL (`url_of`), like views.py does.
"""
from __future__ import annotations

import html
import math
from dataclasses import dataclass, field
from functools import cached_property
from datetime import date, datetime, time, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from typing import Callable

from daihoi.cli import kept
from daihoi.model import source
from daihoi.text import vndate
from daihoi.model.problems import ERROR, WARNING, Problem
from daihoi.text.collate import sort_key
from daihoi.text.vntext import clean, slugify


def escape(text: str) -> str:
    """&, < and > as XML entities (the feed's text and addresses), as xml.sax.saxutils.escape writes
    them: that module imports urllib.request, and with it http.client and ssl, 8 ms of every build."""
    return html.escape(text, quote=False)


POSTS_DIR = "tin-tuc"
IMAGES_DIR = f"{POSTS_DIR}/anh"
PER_PAGE = 10
LATEST = 3                 # posts on the landing page
FEED_ITEMS = 20
FEED_PATH = f"{POSTS_DIR}/rss.xml"
VIETNAM = timezone(timedelta(hours=7), "ICT")
FIELDS = ("title", "date", "author", "summary", "cover", "cover_alt", "categories", "plan", "phase", "track",
          "congress")

UrlOf = Callable[[str], str]


@dataclass
class News:
    posts: list                                   # newest first
    pages: dict = field(default_factory=dict)     # generated src path -> page view (without cards)
    months: list = field(default_factory=list)    # [{name, page, count}], newest first
    categories: list = field(default_factory=list)
    phases: dict = field(default_factory=dict)    # (plan number, phase key) -> {page, count}
    later: list = field(default_factory=list)     # posts dated after the build day: not published yet

    @cached_property
    def position(self) -> dict:
        """A post's place in `posts`, by its path (posts.index compared whole dicts: 1,000 posts
        looked up one by one took as long as reading them)."""
        return {post["path"]: i for i, post in enumerate(self.posts)}


# ---------------------------------------------------------------- reading

def _problem(src, key, what, fix, level=ERROR, code="news"):
    return Problem(src.path, src.line((key,)) if key else 0, what, fix, level, code)


def read_post(file: Path, shown: str, plans: list, congresses: dict) -> tuple[dict | None, list[Problem]]:
    """One post file -> post dict, with every problem found (editor's words, with lines)."""
    src, problems = source.read(file, shown)
    if src is None:
        return None, problems
    data = src.data if isinstance(src.data, dict) else {}
    for key in data:
        if key not in FIELDS and key not in ("template", "description"):
            problems.append(_problem(src, key, f"Mục “{key}” không dùng cho tin bài",
                                     "Các mục dùng được: " + ", ".join(FIELDS), WARNING, "news-unknown-field"))
    title = clean(str(data.get("title") or ""))
    if not title:
        problems.append(_problem(src, "title" if "title" in data else None, "Tin bài thiếu tiêu đề (title)",
                                 "Thêm dòng title: \"Tiêu đề tin\" vào phần thông tin đầu trang", code="news-title"))
    try:
        day = vndate.parse(data.get("date") or "")
    except vndate.BadDate as exc:
        day = None
        problems.append(_problem(src, "date" if "date" in data else None, f"Ngày đăng (date) không hợp lệ: {exc.reason}",
                                 "Viết ngày đăng dạng 2025-05-12 hoặc 12/05/2025", code="news-date"))
    categories = data.get("categories") or []
    if isinstance(categories, str):
        categories = [categories]
    cats = [clean(str(c)) for c in categories if c and clean(str(c))]

    plan = next((p for p in plans if p.number == data.get("plan")), None) if data.get("plan") else None
    if data.get("plan") and plan is None:
        known = ", ".join(p.number for p in plans)
        problems.append(_problem(src, "plan", f"Không có kế hoạch số “{data['plan']}”",
                                 f"Viết đúng số kế hoạch, một trong: {known}", code="news-plan"))
    label = clean(str(data.get("phase") or "")) or None
    track = clean(str(data.get("track") or "")) or None
    phase = None
    if label and plan is not None:
        phase, choices = find_phase(plan, label, track)
        if phase is None:
            problems.append(_phase_problem(src, plan, label, track, choices))
    if (label or track) and not data.get("plan"):
        problems.append(_problem(src, "phase" if label else "track",
                                 "Có tên đợt (phase) nhưng không có số kế hoạch (plan)",
                                 "Thêm dòng plan: \"số kế hoạch\"", code="news-phase"))
    if track and not label and data.get("plan"):
        problems.append(_problem(src, "track", "Có nhóm đợt (track) nhưng không có tên đợt (phase)",
                                 "Thêm dòng phase: \"tên đợt\", hoặc bỏ dòng track", code="news-phase"))
    congress = data.get("congress") or (plan.congress if plan else None)
    if data.get("congress") and data["congress"] not in congresses:
        problems.append(_problem(src, "congress", f"Không có đại hội mã “{data['congress']}”",
                                 "Viết một mã có trong _du-lieu/dai-hoi.yml", code="news-congress"))
    cover = None
    if data.get("cover"):
        cover_file = (file.parent / str(data["cover"])).resolve()
        if not cover_file.is_file():
            problems.append(_problem(src, "cover", f"Không thấy ảnh “{data['cover']}”",
                                     "Đặt ảnh vào thư mục tin-tuc/anh/ và ghi đường dẫn dạng anh/ten-anh.jpg",
                                     code="news-cover"))
        else:
            cover = {"file": cover_file, "alt": clean(str(data.get("cover_alt") or "")) or title}
    if any(p.is_error for p in problems):
        return None, problems
    return {
        "path": f"{POSTS_DIR}/{file.name}", "slug": slugify(file.stem), "title": title, "date": day,
        "author": clean(str(data.get("author") or "")), "summary": clean(str(data.get("summary") or "")),
        "cover": cover, "categories": [{"name": c, "slug": slugify(c)} for c in cats],
        "plan": plan.number if plan else None, "plan_path": plan.path if plan else None,
        "phase": phase.label if phase else None, "phase_key": phase.key if phase else None,
        "phase_name": phase.name if phase else None, "track": phase.track if phase else None,
        "congress": congress,
    }, problems


# ---------------------------------------------------------------- a post's phase

def _same(a: str, b: str) -> bool:
    return clean(a).casefold() == clean(b).casefold()


def find_phase(plan, label: str, track: str | None = None):
    """The phase of `plan` a post names: (phase, []) when one matches, else (None, choices).

    The one place where a post's `phase:` (and `track:`) is matched, so that the rule can
    follow the plan model. A label matches a phase's label as written in the plan ("2",
    "Đợt 2", "1.3") or its name as the site shows it ("Đợt 2", "Giai đoạn 1"). In a plan
    with parallel tracks two phases may share a label ("Đợt 2" of each track): then
    `track:` (the track's `id`, as the plan's phases write it) says which; without it the
    reference is ambiguous and `choices` are the phases it could mean. An unknown label or
    track gives every phase of the plan as choices.
    """
    named = [ph for ph in plan.phases if _same(ph.label, label) or _same(ph.name, label)]
    picked = [ph for ph in named if ph.track is not None and _same(ph.track, track)] if track is not None else named
    if len(picked) == 1:
        return picked[0], []
    return None, picked or named or list(plan.phases)


def _choice(ph) -> str:
    where = f"track: \"{ph.track}\" và " if ph.track else ""
    return f"{where}phase: \"{ph.label}\"" + (f" ({ph.title})" if ph.title else "")


def _phase_problem(src, plan, label: str, track: str | None, choices: list) -> Problem:
    listed = "; ".join(_choice(ph) for ph in choices)
    same = [ph for ph in choices if _same(ph.label, label) or _same(ph.name, label)]
    groups = "; ".join(f"nhóm “{t.id}”: {t.title}" for t in plan.tracks if t.id and t.title)
    if track is None and len(same) > 1:
        return _problem(src, "phase", f"Kế hoạch {plan.number} có {len(same)} đợt tên “{label}” ở các nhóm đợt "
                                      f"song song ({groups}): không biết tin bài thuộc đợt nào",
                        f"Thêm dòng track: cho biết nhóm đợt, viết một trong: {listed}", code="news-phase-ambiguous")
    if track is not None and not any(ph.track is not None and _same(ph.track, track) for ph in plan.phases):
        return _problem(src, "track", f"Kế hoạch {plan.number} không có nhóm đợt (track) “{track}”"
                                      + (f" (các nhóm: {groups})" if groups else ""),
                        f"Viết một trong: {listed}", code="news-phase")
    return _problem(src, "phase", f"Kế hoạch {plan.number} không có “{label}”"
                                  + (f" trong nhóm đợt “{track}”" if track else ""),
                    f"Viết đúng tên đợt, một trong: {listed}", code="news-phase")


_read: dict = {}     # (file, its bytes' digest, what the plans offer) -> (post, problems): a post is read once
_taken_up: set = set()      # the keys `remember` took up


def remember(file: Path, tag: str) -> None:
    """Take up the posts an earlier run read (`keep`), if written by the same code (`tag`): with their
    front matter parsed already (source.remember), reading 1,000 posts against the plans was still a
    tenth of a second of each rebuild after one edit. A post is still looked up by its bytes."""
    entries = kept.readings(file, tag)
    _read.update(entries)
    _taken_up.clear()
    _taken_up.update(entries)


def keep(file: Path, tag: str) -> None:
    """Write the posts the last `load` read, for the next run; nothing when they are those taken up."""
    kept.keep_readings(file, tag, dict(_read), _taken_up)


def load(content_dir: Path, plans: list, congresses: dict) -> tuple[list, list[Problem]]:
    """Every post under content/tin-tuc/ (newest first), and the problems found.

    A post is read again only when its file or the plans' phases change: `check` and the build
    read the same folder, and `serve` rebuilds after every save. A post is remembered by the
    folder's full path: the build's check names the folder as the editor typed it ("noi-dung"), the
    engine by its full path, and one reading serves both."""
    from daihoi.model.content import shown
    folder = Path(content_dir) / POSTS_DIR
    where = str(folder.resolve())
    offered = repr(([(p.number, p.path, p.congress, [(ph.key, ph.label, ph.track, ph.name) for ph in p.phases])
                     for p in plans], sorted(congresses)))
    posts, problems, seen = [], [], {}
    for file in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        if file.name == "index.md":
            continue
        try:
            key = (where, file.name, source.file_bytes(file)[1], offered)
        except OSError:
            key = (where, file.name, None, offered)
        seen[key] = _read.get(key) or read_post(file, shown(file), plans, congresses)
        post, found = seen[key]
        problems.extend(found)
        if post:
            posts.append(post)
    _read.clear()
    _read.update(seen)
    posts.sort(key=lambda p: (p["date"], p["path"]), reverse=True)
    return posts, problems


# ---------------------------------------------------------------- pages

def phase_page(plan_number: str, key: str) -> str:
    """The news page of one phase. `key`: the phase's key in its plan, made from its track
    and label, so the two "Đợt 2" of a plan with parallel tracks have a page each; a plan
    without tracks keeps the address it always had (tin-tuc/dot/07-kh-duk-2/)."""
    return f"{POSTS_DIR}/dot/{slugify(f'{plan_number} {key}')}.md"


def published(posts: list, today: date) -> tuple[list, list]:
    """(posts dated on or before `today`, posts dated after it): later posts wait for their day."""
    return [p for p in posts if p["date"] <= today], [p for p in posts if p["date"] > today]


def month_page(year: int, month: int) -> str:
    return f"{POSTS_DIR}/thang/{year}-{month:02d}.md"


def category_page(slug: str) -> str:
    return f"{POSTS_DIR}/chuyen-muc/{slug}.md"


def list_page(n: int) -> str:
    return f"{POSTS_DIR}/index.md" if n == 1 else f"{POSTS_DIR}/trang/{n}.md"


def month_name(year: int, month: int) -> str:
    return f"Tháng {month}/{year}"


def _paginate(kind: str, title: str, posts: list, first: Callable[[int], str], extra: dict) -> dict:
    """Split `posts` into pages of PER_PAGE: {src path: page view}."""
    total = max(1, math.ceil(len(posts) / PER_PAGE))
    out = {}
    for n in range(1, total + 1):
        out[first(n)] = dict(extra, kind=kind, title=title if n == 1 else f"{title} (trang {n})",
                             heading=title, posts=posts[(n - 1) * PER_PAGE:n * PER_PAGE],
                             page_number=n, page_count=total,
                             prev=first(n - 1) if n > 1 else None, next=first(n + 1) if n < total else None,
                             pager=[first(i) for i in range(1, total + 1)] if total > 1 else [])
    return out


def build(posts: list, plans: list, today: date | None = None) -> News:
    """All generated news pages as plain data; posts are referred to by source path.
    With `today`, posts dated after it are left out (News.later)."""
    posts, later = published(posts, today) if today else (posts, [])
    pages = _paginate("list", "Tin tức", posts, list_page, {})

    months: dict = {}
    for p in posts:
        months.setdefault((p["date"].year, p["date"].month), []).append(p)
    for (y, m), items in months.items():
        pages[month_page(y, m)] = dict(kind="month", title=f"Tin tức {month_name(y, m).lower()}",
                                       heading=f"Tin tức {month_name(y, m).lower()}", posts=items,
                                       page_number=1, page_count=1, prev=None, next=None, pager=[])
    pages[f"{POSTS_DIR}/luu-tru.md"] = dict(kind="archive", title="Tin tức theo tháng", heading="Tin tức theo tháng",
                                            posts=[], page_number=1, page_count=1, prev=None, next=None, pager=[])

    cats: dict = {}
    for p in posts:
        for c in p["categories"]:
            cats.setdefault(c["slug"], (c["name"], []))[1].append(p)
    for slug, (name, items) in cats.items():
        pages.update(_paginate("category", f"Chuyên mục: {name}", items,
                               lambda n, s=slug: category_page(s) if n == 1 else f"{POSTS_DIR}/chuyen-muc/{s}/trang/{n}.md",
                               {}))

    plan_by_number = {p.number: p for p in plans}
    phases: dict = {}
    for p in posts:
        if p["plan"] and p["phase_key"]:
            phases.setdefault((p["plan"], p["phase_key"]), []).append(p)
    for (number, key), items in phases.items():
        plan = plan_by_number[number]
        phase = next(ph for ph in plan.phases if ph.key == key)
        heading = f"Tin tức {phase.name}" + (f": {phase.title}" if phase.title else "")
        pages[phase_page(number, key)] = dict(kind="phase", title=f"{heading} ({plan.name})",
                                              heading=heading, posts=items, plan_path=plan.path,
                                              plan_name=plan.name, track_title=phase.track_title if phase.track else "",
                                              page_number=1, page_count=1, prev=None, next=None, pager=[])

    return News(posts=posts, pages=pages, months=[{"name": month_name(y, m), "page": month_page(y, m), "count": len(items)}
                   for (y, m), items in sorted(months.items(), reverse=True)],
                categories=[{"name": name, "page": category_page(slug), "count": len(items)}
                       for slug, (name, items) in sorted(cats.items(), key=lambda kv: sort_key(kv[1][0]))],
                phases={(n, key): {"page": phase_page(n, key), "count": len(items)}
                   for (n, key), items in phases.items()},
                later=later)


def page_markdown(src_path: str, view: dict) -> str:
    """The Markdown source of a generated page: only front matter (the template does the rest)."""
    title = view["title"].replace('"', "'")
    return f'---\ntemplate: news.html\ntitle: "{title}"\n---\n'


def card(post: dict, url_of: UrlOf, image: dict | None = None) -> dict:
    """A post as the lists show it. `image`: the responsive picture made by images.py."""
    return {
        "title": post["title"], "url": url_of(post["path"]), "date": post["date"],
        "author": post["author"], "summary": post["summary"], "image": image,
        "categories": [{"name": c["name"], "url": url_of(category_page(c["slug"]))} for c in post["categories"]],
    }


def post_view(post: dict, news: News, plans: list, url_of: UrlOf, image: dict | None = None) -> dict:
    """What a post's page shows besides its text: metadata, its phase, neighbours."""
    i = news.position[post["path"]]
    newer = news.posts[i - 1] if i > 0 else None
    older = news.posts[i + 1] if i + 1 < len(news.posts) else None
    phase = None
    if post["plan"]:
        plan = next(p for p in plans if p.number == post["plan"])
        ph = next((x for x in plan.phases if x.key == post["phase_key"]), None)
        phase = {"plan_name": plan.name, "plan_url": url_of(plan.path),
                 "label": ph.name if ph else None,
                 "track_title": ph.track_title if ph and ph.track else "",
                 "url": url_of(phase_page(plan.number, ph.key)) if ph else None}
    return {"kind": "post", "post": card(post, url_of, image), "phase": phase,
            "newer": {"title": newer["title"], "url": url_of(newer["path"])} if newer else None,
            "older": {"title": older["title"], "url": url_of(older["path"])} if older else None,
            "feed_url": FEED_PATH}


def list_view(src_path: str, news: News, url_of: UrlOf, images: dict) -> dict:
    view = dict(news.pages[src_path])
    view["cards"] = [card(p, url_of, images.get(p["path"])) for p in view.pop("posts")]
    for key in ("prev", "next"):
        view[key] = url_of(view[key]) if view[key] else None
    view["pager"] = [{"number": n, "url": url_of(src), "current": n == view["page_number"]}
                     for n, src in enumerate(view["pager"], start=1)]
    if view.get("plan_path"):
        view["plan_url"] = url_of(view["plan_path"])
    view["months"] = [dict(m, url=url_of(m["page"])) for m in news.months]
    view["categories"] = [dict(c, url=url_of(c["page"])) for c in news.categories]
    view["feed_url"] = FEED_PATH
    view["archive_url"] = url_of(f"{POSTS_DIR}/luu-tru.md")
    view["all_url"] = url_of(list_page(1))
    return view


def latest(news: News, url_of: UrlOf, images: dict, n: int = LATEST) -> dict:
    """The landing page's "Tin mới" section."""
    return {"cards": [card(p, url_of, images.get(p["path"])) for p in news.posts[:n]],
            "all_url": url_of(list_page(1)), "feed_url": FEED_PATH}


def phase_links(news: News, plan_number: str, url_of: UrlOf) -> dict:
    """phase key -> {url, count} for the phases of one plan that have posts."""
    return {key: {"url": url_of(v["page"]), "count": v["count"]}
            for (n, key), v in news.phases.items() if n == plan_number}


# ---------------------------------------------------------------- feed

def _rfc822(d: date) -> str:
    # Posts carry a day, not a time: publish at 08:00 Vietnam time so the day is the same in every reader.
    return format_datetime(datetime.combine(d, time(8, 0), VIETNAM))


def rss(news: News, site_url: str, title: str, description: str, url_of: UrlOf) -> str:
    """RSS 2.0 of the newest posts, with absolute links from the configured site URL."""
    base = site_url.rstrip("/") + "/"
    items = []
    for p in news.posts[:FEED_ITEMS]:
        link = base + url_of(p["path"])
        cats = "".join(f"\n      <category>{escape(c['name'])}</category>" for c in p["categories"])
        creator = f"\n      <dc:creator>{escape(p['author'])}</dc:creator>" if p["author"] else ""
        items.append(f"""    <item>
      <title>{escape(p['title'])}</title>
      <link>{escape(link)}</link>
      <guid isPermaLink="true">{escape(link)}</guid>
      <pubDate>{_rfc822(p['date'])}</pubDate>
      <description>{escape(p['summary'] or p['title'])}</description>{creator}{cats}
    </item>""")
    newest = _rfc822(news.posts[0]["date"]) if news.posts else None
    last = f"\n    <lastBuildDate>{newest}</lastBuildDate>" if newest else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>{escape(title)} - Tin tức</title>
    <link>{escape(base + url_of(list_page(1)))}</link>
    <atom:link href="{escape(base + FEED_PATH)}" rel="self" type="application/rss+xml"/>
    <description>{escape(description or title)}</description>
    <language>vi</language>{last}
{chr(10).join(items)}
  </channel>
</rss>
"""

