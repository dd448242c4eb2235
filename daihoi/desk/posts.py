"""The post form: plain functions between a post's front matter and what the form shows and sends.

A post names its plan, phase and (in a plan with parallel tracks) track. On the form these
three are one choice in a list of every phase of every plan, so the reference written is
always one that daihoi.model.news.find_phase resolves to that phase and no other.
"""
from __future__ import annotations

from daihoi.desk import corrections as C
from daihoi.model import news
from daihoi.text.vntext import clean

SEP = "|"       # plan number | phase key: neither contains it


def phase_choices(plans: list) -> list[dict]:
    """[{plan, label, options: [(value, text)]}] for the phase list, grouped by plan."""
    out = []
    for plan in plans:
        options = []
        for ph in plan.phases:
            text = ph.name + (f": {ph.title}" if ph.title else "")
            if ph.track:
                text = f"Nhóm {ph.track}, {text}"
            if len(text) > 140:
                text = text[:137] + "…"
            options.append((f"{plan.number}{SEP}{ph.key}", text))
        out.append({"plan": plan.number, "label": f"Kế hoạch số {plan.number}", "options": options})
    return out


def chosen_phase(data: dict, plans: list) -> str:
    """The list value of the phase a post names now ("" when none or not found)."""
    plan = next((p for p in plans if p.number == data.get("plan")), None)
    if plan is None or not data.get("phase"):
        return ""
    phase, _ = news.find_phase(plan, clean(str(data["phase"])), clean(str(data.get("track") or "")) or None)
    return f"{plan.number}{SEP}{phase.key}" if phase else ""


def reference(plan_value: str, phase_value: str, plans: list) -> tuple[dict, str]:
    """({plan, phase, track} to write, error): a phase chosen names its plan (the plan list is for a
    post about a plan as a whole); a plan alone may be chosen."""
    if phase_value:
        number, _, key = phase_value.partition(SEP)
        plan = next((p for p in plans if p.number == number), None)
        phase = plan.phase(key) if plan else None
        if phase is None:
            return {}, "Đợt đã chọn không còn trong kế hoạch: chọn lại trong danh sách"
        found, _ = news.find_phase(plan, phase.label, phase.track)
        if found is None or found.key != phase.key:     # never written: the reference would not resolve to it
            return {}, f"Không ghi được đợt “{phase.name}” sao cho không nhầm với đợt khác"
        return {"plan": number, "phase": phase.label, "track": phase.track}, ""
    if plan_value:
        if not any(p.number == plan_value for p in plans):
            return {}, f"Không có kế hoạch số “{plan_value}”"
        return {"plan": plan_value, "phase": None, "track": None}, ""
    return {"plan": None, "phase": None, "track": None}, ""


def from_form(form, old: dict, plans: list, congresses: dict) -> tuple[dict, dict]:
    """(new front matter, field -> error) from the submitted post form; `old`: the file's, or {}."""
    data = dict(old)
    errors = {}
    for key in ("title", "author", "summary", "cover_alt"):
        data[key] = " ".join(str(form.get(key) or "").split()) or None
    if not data.get("title"):
        errors["title"] = "Tin bài cần có tiêu đề"
    try:
        data["date"] = C.normalise("date", str(form.get("date") or ""))
        if not data["date"]:
            errors["date"] = "Tin bài cần có ngày đăng, dạng 12/05/2025"
    except C.CorrectionError as exc:
        errors["date"] = exc.message
    data["categories"] = C.normalise("categories", str(form.get("categories") or "")) or None
    ref, error = reference(str(form.get("plan") or ""), str(form.get("dot") or ""), plans)
    if error:
        errors["dot"] = error
    else:
        data.update(ref)
    congress = str(form.get("congress") or "")
    if congress and congress not in congresses:
        errors["congress"] = f"Không có đại hội mã “{congress}”"
    data["congress"] = congress or None
    return data, errors


def form_values(data: dict, plans: list) -> dict:
    """What the form shows for a post's front matter."""
    from daihoi.desk.fields import shown
    cats = data.get("categories") or []
    return {"title": data.get("title") or "", "date": shown("date", data.get("date")),
            "author": data.get("author") or "", "summary": data.get("summary") or "",
            "cover": data.get("cover") or "", "cover_alt": data.get("cover_alt") or "",
            "categories": "\n".join(cats if isinstance(cats, list) else [str(cats)]),
            "plan": data.get("plan") or "", "dot": chosen_phase(data, plans), "congress": data.get("congress") or ""}


def form_input(form) -> dict:
    """The submitted values, to show the form again as the editor left it."""
    keys = ("title", "date", "author", "summary", "cover_alt", "categories", "plan", "dot", "congress", "cover")
    return {k: str(form.get(k) or "") for k in keys if not hasattr(form.get(k), "filename")}
