"""A small validator for the contract plan/1 (keys, types, ISO dates).

Used by import_file as a last guard and by the tests (property tests run every
mutated plan through it).
"""
from __future__ import annotations

import datetime as dt
import unicodedata

KEYS = ["schema", "number", "system", "date", "place", "issuer", "parent_issuer", "title", "bases",
        "phases", "slogans", "slogan_display", "units", "reporting", "recipients", "signer", "warnings"]


def _date_ok(v) -> bool:
    if v is None:
        return True
    if not isinstance(v, str):
        return False
    try:
        return dt.date.fromisoformat(v).isoformat() == v
    except ValueError:
        return False


def _str(v, nullable=True) -> bool:
    return (v is None and nullable) or (isinstance(v, str) and unicodedata.is_normalized("NFC", v)
                                        and v == " ".join(v.split()))


def check_plan(p) -> list[str]:
    e: list[str] = []
    if not isinstance(p, dict):
        return ["not a dict"]
    for k in KEYS:
        if k not in p:
            e.append(f"missing {k}")
    if e:
        return e
    if p["schema"] != "plan/1":
        e.append("schema")
    for k in ("number", "place", "issuer", "parent_issuer"):
        if not _str(p[k]):
            e.append(k)
    if not _str(p["title"], nullable=False):
        e.append("title")
    if p["system"] not in ("dang", "nha-nuoc", None):
        e.append("system")
    if not _date_ok(p["date"]):
        e.append("date")
    for i, b in enumerate(_list(p["bases"], e, "bases")):
        if not (isinstance(b, dict) and _str(b.get("number")) and _date_ok(b.get("date")) and _str(b.get("text"))):
            e.append(f"bases[{i}]")
    for i, ph in enumerate(_list(p["phases"], e, "phases")):
        if not isinstance(ph, dict):
            e.append(f"phases[{i}]")
            continue
        if not (_str(ph.get("track")) and _str(ph.get("label"), False) and ph.get("label")
                and _str(ph.get("title"), False) and _date_ok(ph.get("start")) and _date_ok(ph.get("end"))):
            e.append(f"phases[{i}] fields")
        if ph.get("start") and ph.get("end") and ph["end"] < ph["start"]:
            e.append(f"phases[{i}] end before start")
        rel = ph.get("relative")
        if rel is not None and (not isinstance(rel, dict) or rel.get("when") not in ("before", "during", "after")):
            e.append(f"phases[{i}].relative")
        for j, m in enumerate(ph.get("moments", []) or []):
            if m.get("when") not in ("before", "during", "after") or not all(_str(x, False) for x in m.get("items", [])):
                e.append(f"phases[{i}].moments[{j}]")
        if not all(_str(x, False) and x for x in ph.get("items", []) or []):
            e.append(f"phases[{i}].items")
        pk = ph.get("peak")
        if pk is not None and not (_date_ok(pk.get("start")) and _date_ok(pk.get("end"))):
            e.append(f"phases[{i}].peak")
    for i, s in enumerate(_list(p["slogans"], e, "slogans")):
        if not (_str(s, False) and s):
            e.append(f"slogans[{i}]")
    cp = p.get("campaign")
    if cp is not None and not (isinstance(cp, dict) and _date_ok(cp.get("start")) and _date_ok(cp.get("end"))
                               and (cp.get("start") or cp.get("end"))):
        e.append("campaign")
    sd = p["slogan_display"]
    if sd is not None and not (isinstance(sd, dict) and _date_ok(sd.get("start")) and _date_ok(sd.get("end"))):
        e.append("slogan_display")
    for i, u in enumerate(_list(p["units"], e, "units")):
        if not (isinstance(u, dict) and _str(u.get("name"), False) and u.get("name")
                and isinstance(u.get("tasks"), list) and all(_str(t, False) for t in u["tasks"])):
            e.append(f"units[{i}]")
    for i, r in enumerate(_list(p["reporting"], e, "reporting")):
        dom = r.get("day_of_month") if isinstance(r, dict) else 0
        if not (isinstance(r, dict) and _date_ok(r.get("due")) and (dom is None or isinstance(dom, int) and 1 <= dom <= 31)
                and _str(r.get("to"))):
            e.append(f"reporting[{i}]")
    for i, s in enumerate(_list(p["recipients"], e, "recipients")):
        if not _str(s, False):
            e.append(f"recipients[{i}]")
    sg = p["signer"]
    if sg is not None and not (isinstance(sg, dict) and all(_str(sg.get(k)) for k in ("on_behalf", "position", "name", "for"))):
        e.append("signer")
    for i, w in enumerate(_list(p["warnings"], e, "warnings")):
        if not isinstance(w, str) or not w.startswith("dòng "):
            e.append(f"warnings[{i}] must name the line")
    return e


def _list(v, e, name):
    if not isinstance(v, list):
        e.append(f"{name} not a list")
        return []
    return v
