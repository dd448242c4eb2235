"""The portal widget: countdown, current phase and a link to the section, for a portal's home page.

Two outputs, both under `widget/` of the built site:

    widget/index.html     a tiny page for an <iframe> on the portal (own CSS and JS, no outside request)
    widget/du-lieu.json   the section's congresses and phases (schema "widget/1"), for a portal to read

A static page is read weeks after it is built, so the page carries its data and
widget.js recomputes the state from the reader's clock, with the rule of
`timeline.state` / `timeline.countdown` (written in the page for readers without
JavaScript, as of the build day). `pick` below is the rule for "which phase to
show"; theme/widget/widget.js has the same rule.
"""
from __future__ import annotations

import html
import json
from datetime import date
from pathlib import Path
from string import Template
from typing import Callable

from daihoi.model import timeline
from daihoi.model.content import Site

SCHEMA = "widget/1"
FOLDER = "widget"
SECTION_URL = "../"         # from widget/ to the section's home, wherever the portal puts it

# "none": nothing on now and nothing dated ahead; "over" when every phase has ended ("chưa"
# would say the campaign has not started yet).
PICK_TEXT = {"current": "Đang diễn ra", "upcoming": "Sắp tới", "none": "Hiện không có đợt tuyên truyền nào đang diễn ra",
             "over": "Các đợt tuyên truyền đã kết thúc"}


def shown_pick(kind: str, phases: list[dict], today: date) -> str:
    """The sentence's key: "over" instead of "none" when every phase has ended by `today`."""
    day = today.isoformat()
    if kind == "none" and phases and all(p["end"] and p["end"] < day for p in phases):
        return "over"
    return kind


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def data(site: Site, url_of: Callable[[str], str]) -> dict:
    """The widget's data (no state: the state depends on the day it is read)."""
    settings = site.settings
    base = (settings.get("base_path") or "/").strip("/")
    absolute = settings["portal_url"].rstrip("/") + "/" + (base + "/" if base else "") \
        if settings.get("portal_url") else None
    phases = []
    for plan in site.plans:
        for p in plan.phases:
            phases.append({
                "plan": plan.number, "plan_url": url_of(plan.path), "key": p.key, "track": p.track,
                "track_title": p.track_title or None, "label": p.label, "name": p.name, "title": p.title,
                "start": _iso(p.start), "end": _iso(p.end), "start_from": p.start_from or None,
                "end_from": p.end_from or None, "estimated": p.estimated, "range_text": p.range_text,
            })
    congresses = {cid: {"name": c["name"], "level": c["level"], "ordinal": c["ordinal"], "unit": c["unit"],
                        "term": c.get("term"), "opening": _iso(c.get("opening")), "closing": _iso(c.get("closing"))}
                  for cid, c in site.congresses.items()}
    return {
        "schema": SCHEMA,
        "section": {"title": settings["section_title"], "unit": settings["unit"],
                    "url": absolute or SECTION_URL},
        "target": settings["target_congress"],
        "congresses": congresses,
        "phases": phases,
        "texts": {"countdown": timeline.COUNTDOWN_TEXT, "pick": PICK_TEXT},
    }


def pick(phases: list[dict], today: date) -> tuple[str, dict | None]:
    """The phase the widget shows on `today`: ("current", phase), ("upcoming", phase) or ("none", None),
    by the rule of timeline.pick (the home page's card uses it too). Same rule as `pick` in
    theme/widget/widget.js."""
    kind, index = timeline.pick([(_d(p["start"]), _d(p["end"])) for p in phases], today)
    return kind, (phases[index] if index is not None else None)


def _d(iso: str | None) -> date | None:
    return date.fromisoformat(iso) if iso else None


def state(widget_data: dict, today: date) -> dict:
    """What the widget says on `today` (the build-day text; widget.js recomputes it in the browser)."""
    target = widget_data["congresses"][widget_data["target"]]
    congress = {"opening": _d(target["opening"]), "closing": _d(target["closing"])}
    kind, phase = pick(widget_data["phases"], today)
    return {"countdown": timeline.countdown(congress, today), "pick": shown_pick(kind, widget_data["phases"], today),
            "phase": phase}


def render(widget_data: dict, today: date, template: str) -> str:
    """widget/index.html from theme/widget/widget.html (a string.Template: $name placeholders)."""
    e = html.escape
    now = state(widget_data, today)
    countdown = now["countdown"]
    if countdown["kind"] == "before":
        head, tail = widget_data["texts"]["countdown"]["before"].split("{n}")
        countdown_html = f"{e(head)}<strong>{countdown['days']}</strong>{e(tail)}"
    else:
        countdown_html = e(countdown["text"])
    phase = now["phase"]
    target = widget_data["congresses"][widget_data["target"]]
    return Template(template).substitute(
        title=e(widget_data["section"]["title"]),
        congress=e(target["name"]),
        data=e(json.dumps(widget_data, ensure_ascii=False, separators=(",", ":")), quote=True),
        kind=countdown["kind"],
        countdown=countdown_html,
        pick=now["pick"],
        pick_text=e(PICK_TEXT[now["pick"]]),
        phase_name=e(f"{phase['name']} – Kế hoạch số {phase['plan']}") if phase else "",
        phase_title=e(phase["title"]) if phase else "",
        phase_range=e(phase["range_text"]) if phase else "",
        phase_url=e(SECTION_URL + phase["plan_url"]) if phase else SECTION_URL,
    )


def files(site: Site, today: date, url_of: Callable[[str], str], source_dir: Path) -> dict[str, str]:
    """Every file of widget/ (path in the site -> text), from the sources in theme/widget/."""
    source_dir = Path(source_dir)
    widget_data = data(site, url_of)
    return {
        f"{FOLDER}/index.html": render(widget_data, today, (source_dir / "widget.html").read_text(encoding="utf-8")),
        f"{FOLDER}/widget.css": (source_dir / "widget.css").read_text(encoding="utf-8"),
        f"{FOLDER}/widget.js": (source_dir / "widget.js").read_text(encoding="utf-8"),
        f"{FOLDER}/du-lieu.json": json.dumps(widget_data, ensure_ascii=False, indent=1) + "\n",
    }
