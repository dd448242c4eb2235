"""What each page shows, as plain data for the templates (no engine, no HTML).

`url_of(path_in_content)` is given by the adapter: it maps "ke-hoach/x.md" to the
page's URL relative to the site root ("ke-hoach/x/"), whatever the engine's
URL scheme.
"""
from __future__ import annotations

from datetime import date
from typing import Callable

from daihoi.model import slogans as slogan_rules
from daihoi.model import timeline
from daihoi.text import vndate
from daihoi.model.content import Site

UrlOf = Callable[[str], str]

REPORT_TEXT = {"due": "Báo cáo trước ngày {date}", "monthly": "Báo cáo vào ngày {day} hằng tháng"}


def plan_name(plan: dict) -> str:
    return f"Kế hoạch số {plan['number']}"


def entry_view(entry: timeline.Entry, today: date) -> dict:
    s = entry.state(today)
    return {
        "label": entry.label, "title": entry.title, "start": entry.start, "end": entry.end,
        "state": s, "state_label": timeline.STATE_LABELS[s], "relative_text": entry.relative_text,
        "derived": entry.derived, "estimated": entry.estimated, "range_text": entry.range_text, "peak": entry.peak, "items": entry.items, "moments": entry.moments,
        "main_items": entry.main_items[:3], "track": entry.track,
    }


def tracks_view(plan: dict, site: Site, today: date) -> list[dict]:
    return [{"id": t.id, "title": t.title, "entries": [entry_view(e, today) for e in t.entries]}
            for t in timeline.tracks(plan, site.congresses)]


PLAN_STATE_LABELS = {"current": "Đang thực hiện", "upcoming": "Sắp thực hiện", "past": "Đã kết thúc",
                     "unknown": "Chưa có ngày"}


def plan_summary(plan: dict, site: Site, today: date, url_of: UrlOf) -> dict:
    state = timeline.plan_state(plan, site.congresses, today)
    ranges = [[e.start.isoformat() if e.start else None, e.end.isoformat() if e.end else None]
              for e in timeline.entries(plan, site.congresses)]
    return {
        "number": plan["number"], "name": plan_name(plan), "title": plan["title"], "date": plan["date"],
        "url": url_of(plan["path"]), "json_url": json_url(plan), "state": state,
        "state_label": PLAN_STATE_LABELS[state], "state_labels": PLAN_STATE_LABELS, "ranges": ranges,
    }


def json_url(plan: dict) -> str:
    return f"ke-hoach/{plan['slug']}.json"


def _by_relevance(site: Site, today: date) -> list[dict]:
    """Current plans first, then upcoming, then past; newest first within each."""
    rank = {"current": 0, "upcoming": 1, "unknown": 2, "past": 3}
    return sorted(site.plans, key=lambda p: (rank[timeline.plan_state(p, site.congresses, today)],
                                             -p["date"].toordinal()))


def reporting_view(plan: dict) -> list[str]:
    out = []
    for item in plan["reporting"]:
        text = REPORT_TEXT["due"].format(date=vndate.short_form(item["due"])) if item.get("due") \
            else REPORT_TEXT["monthly"].format(day=item["day_of_month"])
        out.append(text + (f" về {item['to']}" if item.get("to") else ""))
    return out


NO_FILES = {"downloads": [], "attachments": []}


def plan_page(plan: dict, site: Site, today: date, url_of: UrlOf, files: dict | None = None) -> dict:
    """`files`: {"downloads": [...], "attachments": [...]} of this plan (see daihoi.site.downloads)."""
    return {
        "files": files or NO_FILES,
        "kind": "plan",
        "plan": plan,
        "summary": plan_summary(plan, site, today, url_of),
        "place_date": vndate.place_date_line(plan.get("place"), plan["date"]),
        "tracks": tracks_view(plan, site, today),
        "slogan_display": slogan_rules.display_text(plan.get("slogan_display")),
        "reporting": reporting_view(plan),
        "labels": timeline.STATE_LABELS,
    }


def now_view(site: Site, today: date, url_of: UrlOf) -> dict:
    plans = []
    for plan in _by_relevance(site, today):
        entries = [entry_view(e, today) for e in timeline.entries(plan, site.congresses) if e.start or e.end]
        plans.append({"summary": plan_summary(plan, site, today, url_of), "entries": entries,
                      "current": any(e["state"] == "current" for e in entries)})
    upcoming = [(e["start"], p["summary"]["name"], e) for p in plans for e in p["entries"]
                if e["state"] == "upcoming" and e["start"]]
    nxt = min(upcoming, key=lambda t: (t[0], t[1]))[1:] if upcoming else None
    return {"plans": plans, "any_current": any(p["current"] for p in plans), "next": nxt}


def slogan_groups(site: Site, today: date, url_of: UrlOf) -> list[dict]:
    groups = []
    for plan in _by_relevance(site, today):
        if not plan["slogans"]:
            continue
        summary = plan_summary(plan, site, today, url_of)
        groups.append({"summary": summary, "slogans": plan["slogans"], "anchor": f"kh-{plan['slug']}",
                       "display": plan.get("slogan_display"),
                       "display_text": slogan_rules.display_text(plan.get("slogan_display")),
                       "on_display": slogan_rules.on_display(plan.get("slogan_display"), today),
                       "past": summary["state"] == "past"})
    return groups


def landing_page(site: Site, today: date, url_of: UrlOf) -> dict:
    target = site.target
    groups = slogan_groups(site, today, url_of)
    return {
        "kind": "landing",
        "congress": target,
        "congress_dates": vndate.range_text(target.get("opening"), target.get("closing")),
        "countdown": timeline.countdown(target, today),
        "countdown_texts": timeline.COUNTDOWN_TEXT,
        "now": now_view(site, today, url_of),
        "plans": [plan_summary(p, site, today, url_of) for p in _by_relevance(site, today)],
        "timelines": [{"summary": plan_summary(p, site, today, url_of), "tracks": tracks_view(p, site, today)}
                      for p in _by_relevance(site, today)],
        "slogan_teaser": groups[0] if groups else None,
        "labels": timeline.STATE_LABELS,
    }


def slogans_page(site: Site, today: date, url_of: UrlOf) -> dict:
    return {"kind": "slogans", "groups": slogan_groups(site, today, url_of)}


def plans_page(site: Site, today: date, url_of: UrlOf) -> dict:
    return {"kind": "plans", "plans": [plan_summary(p, site, today, url_of) for p in _by_relevance(site, today)]}


def documents_page(site: Site, today: date, url_of: UrlOf, files_by_plan: dict | None = None) -> dict:
    """`files_by_plan`: plan path -> {"downloads", "attachments"} (see daihoi.site.downloads)."""
    return {"kind": "documents",
            "plans": [dict(plan_summary(p, site, today, url_of), files=(files_by_plan or {}).get(p["path"], NO_FILES))
                      for p in _by_relevance(site, today)]}


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
