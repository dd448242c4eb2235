"""What each page shows, as plain data for the templates (no engine, no HTML but the plan's text).

Every value comes from the resolved plans (daihoi.model.plan); nothing here works a
date, a phase name or an issuer out again. `url_of(path_in_content)` is given by
the adapter: it maps "ke-hoach/x.md" to the page's URL relative to the site root
("ke-hoach/x/"), whatever the engine's URL scheme.
"""
from __future__ import annotations

from datetime import date
from typing import Callable

from daihoi.model import timeline
from daihoi.model.content import Site
from daihoi.model.plan import PLAN_STATE_LABELS, STATE_LABELS, Phase, Plan
from daihoi.site import plan_html

UrlOf = Callable[[str], str]


def phase_view(phase: Phase, today: date, news: dict | None = None) -> dict:
    s = phase.state(today)
    return {
        "key": phase.key, "label": phase.label, "name": phase.name, "title": phase.title,
        "start": phase.start, "end": phase.end, "state": s, "state_label": STATE_LABELS[s],
        "relative_text": phase.relative_text, "estimated": phase.estimated, "range_text": phase.range_text,
        "peak": {"start": phase.peak[0], "end": phase.peak[1]} if phase.peak else None,
        "main_items": phase.main_items, "track": phase.track, "track_title": phase.track_title,
        "anchor": f"dot-{phase.key}" if phase.block is not None else "",
        "days_left": phase.days_left(today), "news": (news or {}).get(phase.key),
    }


def tracks_view(plan: Plan, today: date, news: dict | None = None) -> list[dict]:
    return [{"id": t.id, "title": t.title, "entries": [phase_view(p, today, news) for p in t.phases]}
            for t in plan.tracks]


def plan_summary(plan: Plan, today: date, url_of: UrlOf) -> dict:
    state = plan.state(today)
    return {
        "number": plan.number, "name": plan.name, "title": plan.title, "label": plan.label, "date": plan.date,
        "url": url_of(plan.path), "json_url": json_url(plan), "state": state,
        "state_label": PLAN_STATE_LABELS[state], "state_labels": PLAN_STATE_LABELS,
        "ranges": [[p.start.isoformat() if p.start else None, p.end.isoformat() if p.end else None]
                   for p in plan.phases],
    }


def json_url(plan: Plan) -> str:
    return f"ke-hoach/{plan.slug}.json"


def by_relevance(site: Site, today: date) -> list[Plan]:
    """Current plans first, then upcoming, then past; newest first within each."""
    rank = {"current": 0, "upcoming": 1, "unknown": 2, "past": 3}
    return sorted(site.plans, key=lambda p: (rank[p.state(today)], -p.date.toordinal()))


def deadlines_data(plan: Plan) -> list:
    """The plan's report deadlines for the browser: ["2016-02-09", null] or [null, 20] (monthly)."""
    last = plan.span[1]
    return [[r.due.isoformat() if r.due else None, r.day_of_month, last.isoformat() if last else None]
            for r in plan.reporting]


def deadline_view(plan: Plan, today: date) -> dict | None:
    found = plan.next_deadline(today)
    if not found:
        return None
    day, report = found
    return {"date": day, "days": (day - today).days, "text": report.text}


def glance(plan: Plan, today: date, news: dict | None = None) -> dict:
    """The plan at a glance, for the first screen: state, the phase now (or next), next deadline.

    Which phase: among the current ones, the one that started last (a plan's second
    phase rather than the whole campaign); else the next to start. The same rule
    (timeline.pick) chooses the phase of the home page's card and of the widget."""
    phases = list(plan.phases)
    kind, index = timeline.pick([(p.start, p.end) for p in phases], today)
    return {
        "state": plan.state(today), "pick": kind,
        "phase": phase_view(phases[index], today, news) if index is not None else None,
        "phases": [phase_view(p, today, news) for p in phases if p.dated],
        "deadline": deadline_view(plan, today), "deadlines": deadlines_data(plan),
    }


def plan_page(plan: Plan, site: Site, today: date, url_of: UrlOf, files: dict | None = None,
              news: dict | None = None) -> dict:
    """`files`: {"downloads": [...], "attachments": [...]} (daihoi.site.downloads);
    `news`: phase key -> {"href", "count"} of its news page."""
    files = files or {"downloads": [], "attachments": []}
    badges = {p.key: phase_view(p, today, news) for p in plan.phases}
    # The card's links to the page's parts: only those the page has.
    links = [(href, text) for href, text, shown in (
        ("#cac-dot", "Các đợt", bool(plan.phases)), ("#khau-hieu", "Khẩu hiệu", bool(plan.slogans)),
        ("#tai-ve", "Tải về", bool(files.get("downloads") or files.get("attachments")))) if shown]
    return {
        "kind": "plan",
        "plan": plan,
        "summary": plan_summary(plan, today, url_of),
        "glance": dict(glance(plan, today, news), links=links),
        "document": plan_html.document(plan, badges),
        "toc": toc(plan, files),
        "tracks": tracks_view(plan, today, news),
        "files": split_files(files),
        "slogans": [{"text": s.text, "anchor": plan.anchors[s.block] if s.block is not None else ""}
                    for s in plan.slogans],
        "labels": STATE_LABELS,
    }


MAIN_KINDS = ("pdf", "docx", "ics")


def split_files(files: dict) -> dict:
    """The main files (plan PDF and Word, calendar) first; banners and the rest grouped apart."""
    downloads = files.get("downloads") or []
    return {"main": [d for d in downloads if d["kind"] in MAIN_KINDS and not d.get("group")],
            "groups": _groups(downloads), "attachments": files.get("attachments") or [],
            "downloads": downloads}


def _groups(downloads: list[dict]) -> list[dict]:
    groups: dict = {}
    for d in downloads:
        if d["kind"] in MAIN_KINDS and not d.get("group"):
            continue
        groups.setdefault(d.get("group") or "Tệp khác", []).append(d)
    return [{"title": k, "files": v} for k, v in groups.items()]


def toc(plan: Plan, files: dict) -> list[dict]:
    """The page's table of contents: the document's own headings, then what the site adds."""
    entries = [{"text": "Toàn văn kế hoạch", "href": "#toan-van", "level": 1}]
    top = min((b.level for b in plan.blocks if b.kind == "heading"), default=2)
    for b, anchor in zip(plan.blocks, plan.anchors):
        if b.kind == "heading" and anchor and b.level <= top + 1:
            entries.append({"text": b.text, "href": f"#{anchor}", "level": 2 + (b.level - top)})
    if plan.phases:
        entries.append({"text": "Các đợt tuyên truyền và thời gian", "href": "#cac-dot", "level": 1})
    if plan.slogans:
        entries.append({"text": "Khẩu hiệu (sao chép, băng rôn)", "href": "#khau-hieu", "level": 1})
    if plan.units:
        first = next((u.block for u in plan.units if u.block is not None), None)
        if first is not None:
            entries.append({"text": "Đơn vị thực hiện", "href": f"#{plan.anchors[first]}", "level": 1})
    if files.get("downloads") or files.get("attachments"):
        entries.append({"text": "Tải về: PDF, Word, lịch, băng rôn", "href": "#tai-ve", "level": 1})
    return entries


def now_view(site: Site, today: date, url_of: UrlOf, news_by_plan: dict | None = None) -> dict:
    """The home page's "now" card: per plan, the phase now (or next) with its dates and the next deadline."""
    plans = []
    for plan in site.plans:
        g = glance(plan, today, (news_by_plan or {}).get(plan.path))
        if g["phase"] is None:
            continue
        plans.append({"summary": plan_summary(plan, today, url_of), "glance": g, "current": g["pick"] == "current"})
    # The order of timeline.pick: current phases, the one that started last first; then the next to start.
    plans.sort(key=lambda p: (0, -(p["glance"]["phase"]["start"] or date.min).toordinal()) if p["current"]
               else (1, (p["glance"]["phase"]["start"] or date.max).toordinal()))
    return {"plans": plans, "any_current": any(p["current"] for p in plans)}


def slogan_groups(site: Site, today: date, url_of: UrlOf) -> list[dict]:
    groups = []
    for plan in by_relevance(site, today):
        if not plan.slogans:
            continue
        summary = plan_summary(plan, today, url_of)
        groups.append({"summary": summary, "slogans": [s.text for s in plan.slogans], "anchor": f"kh-{plan.slug}",
                       "display_text": plan.slogan_display_text, "on_display": plan.slogans_on_display(today),
                       "past": summary["state"] == "past"})
    return groups


def landing_page(site: Site, today: date, url_of: UrlOf, news_by_plan: dict | None = None) -> dict:
    target = site.target
    groups = slogan_groups(site, today, url_of)
    plans = by_relevance(site, today)
    return {
        "kind": "landing",
        "congress": target,
        "countdown": timeline.countdown(target, today),
        "countdown_texts": timeline.COUNTDOWN_TEXT,
        "now": now_view(site, today, url_of, news_by_plan),
        "plans": [plan_summary(p, today, url_of) for p in plans],
        "timelines": [{"summary": plan_summary(p, today, url_of),
                       "tracks": tracks_view(p, today, (news_by_plan or {}).get(p.path))} for p in plans],
        "slogan_teaser": groups[0] if groups else None,
        "labels": STATE_LABELS,
    }


def slogans_page(site: Site, today: date, url_of: UrlOf) -> dict:
    return {"kind": "slogans", "groups": slogan_groups(site, today, url_of)}


def plans_page(site: Site, today: date, url_of: UrlOf) -> dict:
    return {"kind": "plans", "plans": [plan_summary(p, today, url_of) for p in by_relevance(site, today)]}


def documents_page(site: Site, today: date, url_of: UrlOf, files_by_plan: dict | None = None) -> dict:
    """`files_by_plan`: plan path -> {"downloads", "attachments"} (see daihoi.site.downloads)."""
    return {"kind": "documents",
            "plans": [dict(plan_summary(p, today, url_of),
                           files=split_files((files_by_plan or {}).get(p.path) or {})) for p in by_relevance(site, today)]}


PAGES = {"landing.html": landing_page, "slogans.html": slogans_page, "plans.html": plans_page}


HOME_TITLE = "Trang chủ"
# The tool's own folders; an editor's own folder takes the title of its index.md.
SECTION_TITLES = {"ke-hoach": "Kế hoạch", "tin-tuc": "Tin tức", "tim-kiem": "Tìm kiếm", "huong-dan": "Hướng dẫn",
                  "tai-lieu": "Tài liệu", "khau-hieu": "Khẩu hiệu"}


def section_title(folder: str, content_dir) -> str | None:
    """The menu name of a content folder: Vietnamese, with diacritics (not "Ke hoach")."""
    from pathlib import Path

    from daihoi.model import source

    if folder in SECTION_TITLES:
        return SECTION_TITLES[folder]
    index = Path(content_dir) / folder / "index.md"
    if index.is_file():
        src, _ = source.read(index, str(index))
        if src and isinstance(src.data, dict) and isinstance(src.data.get("title"), str):
            return src.data["title"]
    return None
