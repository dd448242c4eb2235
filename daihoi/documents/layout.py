"""The official document layout of a resolved plan, as data: header, title, the text, signer,
recipients, and the section's added page of phase dates.

The PDF and the Word renderers both draw from `plan_layout(plan)`, so the two files
say the same thing in the same order; only the drawing differs. The text is the
plan's own blocks (daihoi.model.document), word for word with its own headings and
numbering: nothing here renumbers, renames or rewrites it. What the section adds
(the phases' dates as resolved, where each date came from) is a separate page after
the signature, titled and marked as not part of the signed document.

Format references:
- Party documents: Hướng dẫn 36-HD/VPTW (2018) — left: superior body, issuer in bold,
  a "*" under it, "Số 07-KH/ĐUK"; right: "ĐẢNG CỘNG SẢN VIỆT NAM" underlined, then the
  italic place and date line.
- State documents: Nghị định 30/2020/NĐ-CP, Phụ lục I — left: superior body, issuer in
  bold with a short rule under it, "Số: 192/KH-UBND"; right: Quốc hiệu bold,
  "Độc lập - Tự do - Hạnh phúc" bold with a rule under it, then the italic date line.
"""

from __future__ import annotations

from dataclasses import dataclass

from daihoi.model.document import Block, Run
from daihoi.model.plan import SOURCES, Plan, header_left, header_right, number_line

__all__ = ["Run", "Block", "HeaderLine", "PlanLayout", "AddedRow", "plan_layout", "DOC_KIND_TITLE",
           "ADDED_TITLE", "ADDED_NOTE"]

DOC_KIND_TITLE = "KẾ HOẠCH"
ADDED_TITLE = "THỜI GIAN CÁC ĐỢT TUYÊN TRUYỀN"
ADDED_NOTE = ("Phần do chuyên mục tổng hợp từ kế hoạch để tiện theo dõi, không thuộc văn bản đã ký. "
              "Ngày nào văn bản không ghi thì được tính theo ngày của đại hội và ghi rõ cách tính.")


@dataclass(frozen=True)
class HeaderLine:
    text: str
    bold: bool = False
    # A rule drawn under the line: "full" as wide as the text (Party title, state
    # motto), "short" about a third of it (state issuer), None for no rule.
    rule: str | None = None


@dataclass(frozen=True)
class AddedRow:
    """One line of the added page: a track's title, or a phase with its dates."""
    kind: str            # "track" | "phase"
    text: str            # "Giai đoạn 1: Từ nay đến ..." / the track's title
    dates: str = ""      # "Từ 04/01/2016 đến 20/01/2016"
    source: str = ""     # "ngày bắt đầu: ghi trong kế hoạch; ngày kết thúc: theo ngày ... của đại hội"


@dataclass(frozen=True)
class PlanLayout:
    system: str  # "dang" | "nha-nuoc"
    left: tuple[HeaderLine, ...]
    number_line: str | None
    right: tuple[HeaderLine, ...]
    place_date: str | None
    kind_title: str
    summary: str
    body: tuple[Block, ...]
    signer: tuple[HeaderLine, ...]
    signer_name: str | None
    recipients: tuple[str, ...]
    added: tuple[AddedRow, ...]
    number: str | None
    title_for_metadata: str
    author: str | None


def _signer(plan: Plan) -> tuple[tuple[HeaderLine, ...], str | None]:
    signer = plan.signer or {}
    lines = tuple(HeaderLine(signer[k].upper(), bold=True) for k in ("on_behalf", "for", "position") if signer.get(k))
    return lines, signer.get("name") or None


def _source_text(phase) -> str:
    if phase.start_from == phase.end_from and phase.start_from:
        return f"ngày bắt đầu và kết thúc: {SOURCES[phase.start_from]}"
    parts = []
    if phase.start_from:
        parts.append(f"ngày bắt đầu: {SOURCES[phase.start_from]}")
    if phase.end_from:
        parts.append(f"ngày kết thúc: {SOURCES[phase.end_from]}")
    return "; ".join(parts)


def added_rows(plan: Plan) -> tuple[AddedRow, ...]:
    rows: list[AddedRow] = []
    for track in plan.tracks:
        if track.title:
            rows.append(AddedRow("track", track.title))
        for p in track.phases:
            rows.append(AddedRow("phase", f"{p.name}: {p.title}" if p.title else p.name,
                                 p.range_text or "Chưa có ngày", _source_text(p)))
    return tuple(rows)


def plan_layout(plan: Plan) -> PlanLayout:
    system = plan.system
    left: list[HeaderLine] = []
    for text, bold in header_left(plan)[:-1]:      # the number line is drawn on its own row
        rule = "short" if bold and system == "nha-nuoc" else None
        left.append(HeaderLine(text, bold=bold, rule=rule))
    right_lines = header_right(plan)
    right = tuple(HeaderLine(t, bold=True, rule="full" if i == len(right_lines) - 1 else None)
                  for i, (t, _) in enumerate(right_lines))
    signer_lines, signer_name = _signer(plan)
    return PlanLayout(
        system=system, left=tuple(left), number_line=number_line(plan), right=right,
        place_date=plan.place_date, kind_title=DOC_KIND_TITLE, summary=plan.title,
        body=plan.blocks, signer=signer_lines, signer_name=signer_name, recipients=plan.recipients,
        added=added_rows(plan) if plan.phases else (), number=plan.number,
        title_for_metadata=f"{DOC_KIND_TITLE} {plan.number} {plan.title}".strip(), author=plan.issuer,
    )
