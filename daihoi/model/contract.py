"""The public JSON form of a plan (`plan/1`, see docs/plan-json.md)."""
from __future__ import annotations

from datetime import date

SCHEMA = "plan/1"
KEYS = ("number", "system", "date", "place", "issuer", "parent_issuer", "title", "bases", "phases",
        "slogans", "slogan_display", "units", "reporting", "recipients", "signer")
# Content-model fields that are ours, not the contract's.
PRIVATE = ("path", "slug", "body", "body_line")


def _plain(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if v is not None or k in ("start", "end", "due", "day_of_month", "track")}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def to_json(plan: dict, warnings: list[str] | None = None) -> dict:
    """A checked plan (content model) as the contract's JSON object."""
    out = {"schema": SCHEMA}
    for key in KEYS:
        value = plan.get(key)
        out[key] = _plain(value) if value is not None else ([] if key in (
            "bases", "phases", "slogans", "units", "reporting", "recipients") else None)
    for key in ("forms", "tracks", "congress"):
        if plan.get(key):
            out[key] = _plain(plan[key])
    out["warnings"] = list(warnings or [])
    return out


def plans_index(plans: list[dict], page_url_of, json_url_of) -> dict:
    """The list of all plans (`plans/1`), for portals: number, date, title, page, JSON."""
    return {"schema": "plans/1", "plans": [
        {"number": p["number"], "date": p["date"].isoformat(), "title": p["title"],
         "page": page_url_of(p["path"]), "json": json_url_of(p)} for p in plans]}
