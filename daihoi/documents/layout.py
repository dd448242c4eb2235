"""The official document layout, as data: header, title, body blocks, signer, recipients.

The PDF and the Word renderers both draw from `plan_layout(plan)`, so the two files
always say the same thing in the same order; only the drawing differs.

Format references:
- Party documents: Hướng dẫn 36-HD/VPTW (2018) — left: superior body, issuer in bold,
  a "*" under it, "Số 07-KH/ĐUK"; right: "ĐẢNG CỘNG SẢN VIỆT NAM" underlined, then the
  italic place and date line.
- State documents: Nghị định 30/2020/NĐ-CP, Phụ lục I — left: superior body, issuer in
  bold with a short rule under it, "Số: 192/KH-UBND"; right: Quốc hiệu bold,
  "Độc lập - Tự do - Hạnh phúc" bold with a rule under it, then the italic date line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .vnformat import nfc, official_date, parse_iso, short_date

__all__ = [
    "Run",
    "Block",
    "HeaderLine",
    "PlanLayout",
    "plan_layout",
    "parse_markdown",
    "roman",
    "DOC_KIND_TITLE",
]

DOC_KIND_TITLE = "KẾ HOẠCH"
PARTY_NATIONAL = "ĐẢNG CỘNG SẢN VIỆT NAM"
STATE_NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
STATE_MOTTO = "Độc lập - Tự do - Hạnh phúc"


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Block:
    """One paragraph of the body.

    kind: "section" (I., II. ... bold capitals), "subsection" (bold, indented),
    "para" (justified, first-line indent), "bullet" ("- " item).
    """

    kind: str
    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True)
class HeaderLine:
    text: str
    bold: bool = False
    # A rule drawn under the line: "full" as wide as the text (Party title, state
    # motto), "short" about a third of it (state issuer), None for no rule.
    rule: str | None = None


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
    number: str | None
    title_for_metadata: str = field(default="")


def roman(n: int) -> str:
    """1 -> 'I', 4 -> 'IV' (section numbers of the body)."""
    out = []
    for value, sym in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


_INLINE = re.compile(r"(\*\*.+?\*\*|__.+?__|\*[^*\s][^*]*?\*|_[^_\s][^_]*?_)")


def inline_runs(text: str, *, bold: bool = False, italic: bool = False) -> tuple[Run, ...]:
    """**bold** and *italic* / _italic_ inside a Markdown line; nothing else is markup."""
    runs: list[Run] = []
    for piece in _INLINE.split(text):
        if not piece:
            continue
        if (piece.startswith("**") and piece.endswith("**")) or (
            piece.startswith("__") and piece.endswith("__")
        ):
            runs.append(Run(piece[2:-2], bold=True, italic=italic))
        elif len(piece) > 2 and piece[0] in "*_" and piece[-1] == piece[0]:
            runs.append(Run(piece[1:-1], bold=bold, italic=True))
        else:
            runs.append(Run(piece, bold=bold, italic=italic))
    return tuple(runs)


_ROMAN_PREFIX = re.compile(r"^[IVXLC]+\s*[.)]\s*")
_BULLET = re.compile(r"^\s*[-*+•]\s+")


def parse_markdown(text: str) -> list[Block]:
    """The small Markdown subset editors use for the prose of a plan.

    '#'/'##' lines are sections (renumbered later, so an editor's own "I." is
    dropped), '###' and deeper are subsections, '- ' lines are bullets, other
    lines join into paragraphs until a blank line.
    """
    blocks: list[Block] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            blocks.append(Block("para", inline_runs(nfc(" ".join(para)))))
            para.clear()

    for raw in text.splitlines():
        line = raw.rstrip()
        if not line.strip():
            flush()
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", line.strip())
        if heading:
            flush()
            level, title = len(heading.group(1)), nfc(heading.group(2).strip("# "))
            if level <= 2:
                title = _ROMAN_PREFIX.sub("", title)
                blocks.append(Block("section", (Run(title.upper(), bold=True),)))
            else:
                blocks.append(Block("subsection", inline_runs(title, bold=True)))
            continue
        if _BULLET.match(line):
            flush()
            blocks.append(Block("bullet", inline_runs(nfc(_BULLET.sub("", line)))))
            continue
        para.append(line.strip())
    flush()
    return blocks


def _ends(text: str, mark: str) -> str:
    text = text.rstrip()
    return text if text[-1:] in ".:;!?…" else text + mark


def _period(start: str | None, end: str | None, *, through: bool = False) -> str | None:
    s, e = parse_iso(start), parse_iso(end)
    upto = "đến hết ngày" if through else "đến ngày"
    if s and e:
        return f"từ ngày {short_date(s)} {upto} {short_date(e)}"
    if s:
        return f"từ ngày {short_date(s)}"
    if e:
        return f"{upto} {short_date(e)}"
    return None


def phase_prefix(label: str) -> str:
    """'1.2' -> '1.2. ' (numbered heading); 'Đợt 1' -> 'Đợt 1: ' (as plans print it)."""
    return f"{label}. " if label[:1].isdigit() else f"{label}: "


def _phase_blocks(plan: dict) -> list[Block]:
    phases = plan.get("phases") or []
    blocks: list[Block] = []
    track_titles = plan.get("track_titles") or {}
    current_track: object = object()
    for phase in phases:
        track = phase.get("track")
        if track is not None and track != current_track:
            name = track_titles.get(track) or f"Tuyến tuyên truyền {track}"
            blocks.append(Block("subsection", (Run(f"{track}. {nfc(name)}", bold=True),)))
        current_track = track
        label = nfc(phase.get("label") or "")
        title = nfc(phase.get("title") or "")
        has_content = bool(phase.get("items") or phase.get("moments"))
        heading = _ends(title, ":" if has_content else ".") if title else ""
        blocks.append(
            Block("subsection", (Run(phase_prefix(label), bold=True), Run(heading, bold=True)))
        )
        peak = phase.get("peak")
        if peak:
            when = _period(peak.get("start"), peak.get("end"))
            if when:
                blocks.append(Block("para", (Run("Cao điểm: ", italic=True), Run(when + "."))))
        for item in phase.get("items") or []:
            blocks.append(Block("bullet", inline_runs(_ends(nfc(item), ";"))))
        for moment in phase.get("moments") or []:
            mtitle = nfc(moment.get("title") or "")
            if mtitle:
                blocks.append(Block("para", (Run(_ends(mtitle, ":"), italic=True),)))
            for item in moment.get("items") or []:
                blocks.append(Block("bullet", inline_runs(_ends(nfc(item), ";"))))
    return blocks


def _report_sentence(rep: dict, plan: dict) -> str | None:
    to = nfc(rep.get("to") or "")
    dest = f" gửi về {to}" if to else ""
    due = parse_iso(rep.get("due"))
    if due:
        return f"Báo cáo kết quả thực hiện{dest} trước ngày {short_date(due)}."
    if rep.get("day_of_month"):
        return f"Định kỳ báo cáo kết quả thực hiện{dest} vào ngày {rep['day_of_month']} hàng tháng."
    return None


def _generated_sections(plan: dict) -> list[tuple[str, list[Block]]]:
    sections: list[tuple[str, list[Block]]] = []
    phase_blocks = _phase_blocks(plan)
    if phase_blocks:
        sections.append(("THỜI GIAN, NỘI DUNG TUYÊN TRUYỀN", phase_blocks))
    forms = plan.get("forms") or []
    if forms:
        sections.append(
            (
                "HÌNH THỨC TUYÊN TRUYỀN",
                [Block("bullet", inline_runs(_ends(nfc(f), ";"))) for f in forms],
            )
        )
    slogans = plan.get("slogans") or []
    if slogans:
        blocks = [Block("para", (Run(f"{i}. "), Run(nfc(s)))) for i, s in enumerate(slogans, 1)]
        display = plan.get("slogan_display") or {}
        when = _period(display.get("start"), display.get("end"), through=True)
        if when:
            blocks.append(
                Block("para", (Run("Thời gian căng treo khẩu hiệu: ", italic=True), Run(when + ".")))
            )
        sections.append(("KHẨU HIỆU TUYÊN TRUYỀN", blocks))
    units = plan.get("units") or []
    reports = [s for s in (_report_sentence(r, plan) for r in plan.get("reporting") or []) if s]
    if units or reports:
        blocks = []
        for i, unit in enumerate(units, 1):
            blocks.append(Block("subsection", (Run(f"{i}. {_ends(nfc(unit.get('name') or ''), '')}", bold=True),)))
            for task in unit.get("tasks") or []:
                blocks.append(Block("bullet", inline_runs(_ends(nfc(task), ";"))))
        blocks.extend(Block("para", (Run(s),)) for s in reports)
        sections.append(("TỔ CHỨC THỰC HIỆN", blocks))
    return sections


# The kind of a document from the letters of its number (ký hiệu loại văn bản).
_KINDS = {
    "CT": "Chỉ thị", "NQ": "Nghị quyết", "KH": "Kế hoạch", "HD": "Hướng dẫn", "QĐ": "Quyết định",
    "QĐi": "Quy định", "TB": "Thông báo", "KL": "Kết luận", "CV": "Công văn", "BC": "Báo cáo", "CTr": "Chương trình",
}


def _kind_of(number: str) -> str:
    # Party "35-CT/TW": the kind follows the dash; state "192/KH-UBND": the slash.
    m = re.match(r"^\d+[-/]([A-Za-zĐđ]+)", number)
    return _KINDS.get(m.group(1), "văn bản") if m else "văn bản"


def _bases_blocks(plan: dict) -> list[Block]:
    blocks = []
    for base in plan.get("bases") or []:
        text = nfc(base.get("text") or "")
        if not text:
            # The contract only guarantees number and date; say it the way plans do.
            d = parse_iso(base.get("date"))
            when = f", ngày {short_date(d)}" if d else ""
            text = f"Thực hiện {_kind_of(base.get('number') or '')} số {base.get('number')}{when}."
        blocks.append(Block("para", (Run(_ends(text, ".")),)))
    return blocks


def _body(plan: dict) -> tuple[Block, ...]:
    blocks = _bases_blocks(plan)
    prose = parse_markdown(plan.get("body_markdown") or "")
    if prose and prose[0].kind != "section":
        prose.insert(0, Block("section", (Run("MỤC ĐÍCH, YÊU CẦU", bold=True),)))
    sections = [b for b in prose]
    for title, content in _generated_sections(plan):
        sections.append(Block("section", (Run(title, bold=True),)))
        sections.extend(content)
    # Number the sections in one pass: prose headings and generated ones alike.
    n = 0
    for b in sections:
        if b.kind == "section":
            n += 1
            blocks.append(Block("section", (Run(f"{roman(n)}. {b.text}", bold=True),)))
        else:
            blocks.append(b)
    return tuple(blocks)


def _signer(plan: dict) -> tuple[tuple[HeaderLine, ...], str | None]:
    signer = plan.get("signer") or None
    if not signer:
        return (), None
    lines = []
    for key in ("on_behalf", "for", "position"):
        if signer.get(key):
            lines.append(HeaderLine(nfc(signer[key]).upper(), bold=True))
    name = nfc(signer["name"]) if signer.get("name") else None
    return tuple(lines), name


def _number_line(plan: dict, system: str) -> str | None:
    number = plan.get("number")
    if not number:
        return None
    # Nghị định 30 prints "Số:"; Hướng dẫn 36 prints "Số" without a colon.
    return f"Số: {number}" if system == "nha-nuoc" else f"Số {number}"


def document_system(plan: dict) -> str:
    """"dang" or "nha-nuoc"; when the plan leaves it null, the number's shape tells
    (Party "07-KH/ĐUK" puts the kind first, state "192/KH-UBND" after the slash)."""
    if plan.get("system") in ("dang", "nha-nuoc"):
        return plan["system"]
    if re.fullmatch(r"\d+/[^/]+-.+", plan.get("number") or ""):
        return "nha-nuoc"
    return "dang"  # the site's documents are Party plans unless they say otherwise


def plan_layout(plan: dict) -> PlanLayout:
    system = document_system(plan)
    left: list[HeaderLine] = []
    if plan.get("parent_issuer"):
        left.append(HeaderLine(nfc(plan["parent_issuer"]).upper()))
    if plan.get("issuer"):
        left.append(HeaderLine(nfc(plan["issuer"]).upper(), bold=True, rule="short" if system == "nha-nuoc" else None))
        if system != "nha-nuoc":
            left.append(HeaderLine("*"))
    if system == "nha-nuoc":
        right = (HeaderLine(STATE_NATIONAL, bold=True), HeaderLine(STATE_MOTTO, bold=True, rule="full"))
    else:
        right = (HeaderLine(PARTY_NATIONAL, bold=True, rule="full"),)
    d = parse_iso(plan.get("date"))
    place = nfc(plan.get("place") or "")
    if d:
        place_date = f"{place}, {official_date(d)}" if place else official_date(d).capitalize()
    else:
        place_date = place or None
    signer_lines, signer_name = _signer(plan)
    summary = nfc(plan.get("title") or "")
    return PlanLayout(
        system=system,
        left=tuple(left),
        number_line=_number_line(plan, system),
        right=right,
        place_date=place_date,
        kind_title=DOC_KIND_TITLE,
        summary=summary,
        body=_body(plan),
        signer=signer_lines,
        signer_name=signer_name,
        recipients=tuple(nfc(r) for r in plan.get("recipients") or []),
        number=plan.get("number"),
        title_for_metadata=f"{DOC_KIND_TITLE} {plan.get('number') or ''} {summary}".strip(),
    )
