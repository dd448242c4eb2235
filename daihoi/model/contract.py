"""The public JSON form of a plan (`plan/1`, described in docs/plan-json.md).

`to_json` writes a resolved plan (daihoi.model.plan.Plan): the keys of the contract
as the plan's text gives them, and for each phase the resolved facts every page of
the site shows (`name`, `resolved` dates and where each came from), so a portal that
reads the JSON sees the same phases as a reader of the page.
"""
from __future__ import annotations

from datetime import date

from daihoi.model.plan import Plan

SCHEMA = "plan/1"


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _plain(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def phase_json(phase, stated: dict) -> dict:
    out = {
        "track": phase.track, "label": phase.label, "title": phase.title,
        "start": _iso(stated.get("start")), "end": _iso(stated.get("end")),
        "name": phase.name, "key": phase.key,
        "resolved": {"start": _iso(phase.start), "end": _iso(phase.end),
                     "start_from": phase.start_from or None, "end_from": phase.end_from or None},
        "items": list(phase.items),
    }
    if stated.get("relative"):
        out["relative"] = _plain(stated["relative"])
    if phase.moments:
        out["moments"] = [{"when": m.when, "title": m.title, "items": list(m.items)} for m in phase.moments]
    if phase.peak:
        out["peak"] = {"start": _iso(phase.peak[0]), "end": _iso(phase.peak[1])}
    return out


def to_json(plan: Plan, warnings: list[str] | None = None) -> dict:
    """A resolved plan as the contract's JSON object."""
    data = plan.data
    stated = data.get("phases") or []
    phases = plan.phases
    out = {
        "schema": SCHEMA,
        "number": plan.number, "system": plan.system, "date": _iso(plan.date), "place": plan.place,
        "issuer": plan.issuer, "parent_issuer": plan.parent_issuer, "title": plan.title,
        "bases": _plain(list(plan.bases)),
        "phases": [phase_json(p, stated[i] if i < len(stated) else {}) for i, p in enumerate(phases)],
        "slogans": [s.text for s in plan.slogans],
        "slogan_display": ({"start": _iso(plan.slogan_display[0]), "end": _iso(plan.slogan_display[1])}
                           if plan.slogan_display else None),
        "units": [{"name": u.name, "tasks": list(u.tasks)} for u in plan.units],
        "reporting": [{"due": _iso(r.due), "day_of_month": r.day_of_month, "to": r.to} for r in plan.reporting],
        "recipients": list(plan.recipients),
        "signer": _plain(plan.signer) if plan.signer else None,
    }
    if plan.tracks and any(t.id for t in plan.tracks):
        out["tracks"] = [{"id": t.id, "title": t.title} for t in plan.tracks if t.id]
    if plan.campaign:
        out["campaign"] = {"start": _iso(plan.campaign[0]), "end": _iso(plan.campaign[1])}
    if plan.congress:
        out["congress"] = plan.congress
    out["warnings"] = list(warnings or [])
    return out


def plans_index(plans: list[Plan], page_url_of, json_url_of) -> dict:
    """The list of all plans (`plans/1`), for portals: number, date, title, page, JSON."""
    return {"schema": "plans/1", "plans": [
        {"number": p.number, "date": p.date.isoformat(), "title": p.title,
         "page": page_url_of(p.path), "json": json_url_of(p)} for p in plans]}
