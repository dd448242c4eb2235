"""From a checked plan file to its resolved facts (daihoi.model.plan.Plan), once per build.

The front matter holds data that points into the plan's text: each phase's and
track's title, each unit's name and each slogan quote the document's own words, so
they can be found in the blocks below the front matter. What the text says under a
phase (its bullets, its before / during / after parts) or under a unit (its tasks)
is read from there and never written twice.

One rule for each fact:
- a phase's name: its label when it carries its word ("Đợt 2"), else the word the
  plan uses for its periods ("theo ba giai đoạn" -> "Giai đoạn 1"), else "Đợt";
- a phase's dates: stated dates win; a phase defined by a congress takes the
  congress's dates (before: from the plan's date to the eve of the opening; during:
  opening to closing; after: from the day after the closing to the campaign's end the
  text states, else AFTER_DAYS days, marked as an estimate), and each bound keeps
  where it came from.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from daihoi.model import document
from daihoi.model.document import Block, match_key
from daihoi.model.plan import (WHEN_WORDS, Moment, Phase, Plan, Report, Slogan, Track, Unit)
from daihoi.model.problems import WARNING, Problem
from daihoi.text.vntext import fold, slugify

AFTER_DAYS = 30   # an "after the congress" phase with no written end lasts this long ("dự kiến")

_PERIOD_WORDS = (("giai doan", "Giai đoạn"), ("thoi diem", "Thời điểm"), ("thoi ky", "Thời kỳ"),
                 ("buoc", "Bước"), ("dot", "Đợt"))
# How a plan announces its periods: "theo ba giai đoạn", "chia làm 3 đợt", "Các đợt tuyên truyền".
_ANNOUNCE = re.compile(r"(?:\btheo|\bgom|\bchia (?:lam|thanh)|\bqua|\bcac|\bnhung)\s+(?:\w+\s+)?"
                       r"(giai doan|thoi diem|thoi ky|dot|buoc)\b")
_NUMBERING = re.compile(r"^(?:\*\s*)?(?:[ivxlc]+|\d{1,3}(?:\.\d{1,3})*|[a-zđ])\s*[.):\-–—]\s*|^[-+•*]\s+", re.I)


def _strip_numbering(text: str) -> str:
    return _NUMBERING.sub("", text.strip(), count=1)


def _label_at_start(label: str, text: str) -> bool:
    key, body = match_key(label), match_key(re.sub(r"^\*\s*", "", text.strip()))
    return bool(key) and re.match(re.escape(key) + r"(?![\w])(?!\.\d)", body) is not None


class _Finder:
    """Finds quoted front-matter text among the blocks, in document order, each block used once."""

    def __init__(self, blocks: list[Block]):
        self.blocks = blocks
        self.keys = [match_key(b.text) for b in blocks]
        self.bare = [match_key(_strip_numbering(b.text)) for b in blocks]
        self.taken: set[int] = set()

    def find(self, test, after: int = -1) -> int | None:
        order = list(range(after + 1, len(self.blocks))) + list(range(0, after + 1))
        for i in order:
            if i not in self.taken and test(i):
                self.taken.add(i)
                return i
        return None

    def phase(self, label: str, title: str, after: int) -> int | None:
        want = match_key(title)

        def test(i: int) -> bool:
            b = self.blocks[i]
            if b.kind == "table":
                return bool(want) and want in self.keys[i]
            if want and want not in self.keys[i]:
                return False
            return _label_at_start(label, b.text) or (bool(want) and self.bare[i].startswith(want))
        return self.find(test, after)

    def quote(self, text: str, after: int = -1, whole: bool = False) -> int | None:
        want = match_key(text)
        if not want:
            return None
        if whole:
            return self.find(lambda i: self.bare[i] == want or self.keys[i] == want, after)
        found = self.find(lambda i: self.bare[i].startswith(want) or self.keys[i].startswith(want), after)
        # A unit named inside its sentence ("1. Căn cứ Kế hoạch này, các đảng ủy … chỉ đạo …").
        return found if found is not None else self.find(lambda i: want in self.keys[i], after)


def _part(blocks: list[Block], i: int, stops: set[int], inner: set[int] = frozenset()) -> list[int]:
    """The blocks that belong to the block at `i` (a phase's heading, a unit's line):
    up to the next block in `stops`, the next heading at its level or above, or a
    paragraph after its bullets (the section's own closing remarks). `inner` are
    sub-parts (moments) that do not end it."""
    head = blocks[i]
    out: list[int] = []
    seen_item = False
    for j in range(i + 1, len(blocks)):
        b = blocks[j]
        if j in stops:
            break
        if j in inner:
            out.append(j)
            seen_item = False
            continue
        if b.kind == "heading" and (head.kind != "heading" or b.level <= head.level):
            break
        if b.kind == "para" and seen_item:
            break
        seen_item = seen_item or b.kind == "item"
        out.append(j)
    return out


def _texts(blocks: list[Block], indices: list[int]) -> tuple[str, ...]:
    """The bullets among `indices`; the paragraphs when there is no bullet."""
    items = [blocks[j].text for j in indices if blocks[j].kind == "item"]
    if items:
        return tuple(items)
    return tuple(blocks[j].text for j in indices if blocks[j].kind in ("para", "table"))


def _after(text: str, quote: str) -> str:
    """What a block says after the quoted words (a unit's task after its name), or ""."""
    words = document.plain(quote).split()
    if not words:
        return ""
    pattern = r"\s*".join(re.escape(w) for w in words)
    m = re.search(pattern, document.plain(text), re.I)
    return document.plain(text)[m.end():] if m else ""


def period_word(label: str, blocks: list[Block], at: int | None) -> str | None:
    """The word the plan uses for its periods, read near the first phase; None when the
    label says it itself ("Đợt 1", "Giai đoạn 2")."""
    f = fold(label).lower()
    if any(f.startswith(k) for k, _ in _PERIOD_WORDS):
        return None
    if at is not None:
        level = blocks[at].level if blocks[at].kind == "heading" else 7
        for j in range(at - 1, max(-1, at - 8), -1):
            b = blocks[j]
            m = _ANNOUNCE.search(fold(b.text).lower())
            if m:
                return dict(_PERIOD_WORDS)[m.group(1)]
            if b.kind == "heading" and b.level < level:
                level = b.level
                if b.level <= 2:
                    break
    return "Đợt"


def phase_name(label: str, word: str | None) -> str:
    """A phase's display name, the one rule: the plan's word for its periods with the label
    ("Giai đoạn 1", "Đợt 1.2"), or the label when it names itself ("Đợt 3", "Thời điểm 1")."""
    return f"{word} {label}" if word else label[:1].upper() + label[1:]


def _phase_blocks(find: "_Finder", phase_rows: list) -> list[int | None]:
    """The block each phase starts at, each searched after the one before (None: not found)."""
    out: list[int | None] = []
    last = -1
    for ph in phase_rows:
        at = find.phase(ph["label"], ph.get("title") or "", last)
        out.append(at)
        if at is not None:
            last = at
    return out


def phase_names(phase_rows: list, body: str, body_line: int = 1) -> list[str]:
    """Each phase's display name as the resolved plan will have it, from the front matter's
    phases and the plan's text: for messages written before the plan is resolved."""
    blocks = document.parse(body or "", body_line or 1)
    at = _phase_blocks(_Finder(blocks), phase_rows)
    first = next((b for b in at if b is not None), None)
    return [phase_name(ph["label"], period_word(ph["label"], blocks, first)) for ph in phase_rows]


def phase_dates(phase: dict, plan_date: date, congress: dict | None, campaign_end: date | None):
    """(start, start_from, end, end_from) of one phase, by the rule in this module's docstring."""
    start, end = phase.get("start"), phase.get("end")
    start_from, end_from = ("stated" if start else ""), ("stated" if end else "")
    when = (phase.get("relative") or {}).get("when")
    opening = (congress or {}).get("opening")
    closing = (congress or {}).get("closing") or opening
    if when and opening:
        if when == "before":
            if not start:
                start, start_from = plan_date, "plan-date"
            if not end:
                end, end_from = opening - timedelta(days=1), "congress"
        elif when == "during":
            if not start:
                start, start_from = opening, "congress"
            if not end:
                end, end_from = closing, "congress"
        elif when == "after" and not start:
            start, start_from = closing + timedelta(days=1), "congress"
    if when == "after" and start and not end:
        if campaign_end and campaign_end >= start:
            end, end_from = campaign_end, "campaign"
        else:
            end, end_from = start + timedelta(days=AFTER_DAYS - 1), "estimate"
    return start, start_from, end, end_from


def relative_text(phase: dict, congresses: dict) -> str:
    rel = phase.get("relative")
    if not rel:
        return ""
    congress = congresses.get(rel.get("congress") or "")
    event = (congress or {}).get("name") or rel.get("event") or "đại hội"
    event = event[0].upper() + event[1:] if fold(event).lower().startswith("dai hoi") else event
    return f"{WHEN_WORDS[rel['when']]} {event}"


def _key(track: str | None, label: str, taken: set[str]) -> str:
    key = slugify(f"{track}-{label}" if track else label) or "dot"
    base, n = key, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    taken.add(key)
    return key


_ISSUING = re.compile(r"((?:Ban Thường vụ|Ban Chấp hành|Thường trực|Ban Tuyên giáo|Đảng ủy|Đảng uỷ|Chi ủy|Chi bộ|Ủy ban nhân dân|"
                      r"UBND|Ban Chỉ đạo|Ban Thường trực|Đoàn|Hội)[^.;:]{2,120}?)\s+(?:xây dựng|ban hành|triển khai)\s+(?:Kế hoạch|kế hoạch)")


def suggested_issuer(blocks: list[Block]) -> str | None:
    """The issuing body the text names ("Ban Thường vụ Đảng ủy Khối … xây dựng Kế hoạch …"),
    as a header prints it: the committee's own organ ("Ban Thường vụ") dropped, capitals."""
    for b in blocks[:12]:
        m = _ISSUING.search(b.text)
        if m:
            body = re.sub(r"^.*?\b(?:của|,)\s+(?=(?:Ban|Đảng|Chi|Ủy|UBND|Đoàn|Hội))", "", m.group(1))
            body = re.sub(r"^(?:Ban Thường vụ|Ban Chấp hành|Thường trực|Ban Thường trực)\s+", "", body)
            return body.strip().upper() or None
    return None


def resolve(plan: dict, congresses: dict, src=None) -> tuple[Plan, list[Problem]]:
    """The resolved plan and the warnings about its pointers (a quote not found in the text,
    a missing issuer). `plan` is the checked front matter with path, slug, body, body_line."""
    problems: list[Problem] = []

    def warn(path: tuple, what: str, fix: str, code: str) -> None:
        if src is not None:
            problems.append(Problem(src.path, src.line(path), what, fix, WARNING, code))

    blocks = document.parse(plan.get("body") or "", plan.get("body_line") or 1)
    find = _Finder(blocks)

    # Tracks, then phases in front-matter order, each searched after the one before.
    track_rows = plan.get("tracks") or []
    track_block = {}
    for i, t in enumerate(track_rows):
        at = find.quote(t["title"])
        track_block[t["id"]] = at
        if at is None:
            warn(("tracks", i, "title"), f"Không tìm thấy tên nhóm đợt “{t['title']}” trong văn bản kế hoạch",
                 "Ghi “title” đúng như dòng đó trong văn bản (phần dưới dấu ---)", "quote-not-found")
    phase_rows = plan.get("phases") or []
    phase_block = _phase_blocks(find, phase_rows)
    for i, ph in enumerate(phase_rows):
        if phase_block[i] is None:
            warn(("phases", i, "title"),
                 f"Không tìm thấy dòng tiêu đề của đợt “{ph['label']}” trong văn bản kế hoạch",
                 "Ghi “label” và “title” đúng như dòng mở đầu đợt đó trong văn bản (phần dưới dấu ---); "
                 "trang vẫn hiện đợt trên dòng thời gian nhưng không có nội dung", "quote-not-found")

    # What each phase says: its part of the text, its before / during / after sub-parts.
    stops = {b for b in phase_block if b is not None} | {b for b in track_block.values() if b is not None}
    word_at = next((b for b in phase_block if b is not None), None)
    congress_ids = {}
    taken_keys: set[str] = set()
    titles = {t["id"]: t["title"] for t in track_rows}
    campaign = plan.get("campaign") or {}
    phases_by_track: dict = {}
    for i, ph in enumerate(phase_rows):
        at = phase_block[i]
        moments, inner = [], set()
        if at is not None:
            region = _part(blocks, at, stops - {at})
            for m in ph.get("moments") or []:
                mat = next((j for j in region if match_key(m.get("title") or "") and
                            match_key(blocks[j].text).lstrip("* ").startswith(match_key(m["title"]))), None)
                moments.append((m, mat))
                if mat is not None:
                    inner.add(mat)
            region = _part(blocks, at, stops - {at}, inner)
        else:
            region = []
            moments = [(m, None) for m in ph.get("moments") or []]
        marks = sorted(j for _, j in moments if j is not None)
        own = [j for j in region if not marks or j < marks[0]]
        moment_objs = []
        for m, mat in moments:
            nxt = min([k for k in marks if mat is not None and k > mat] + [max(region, default=-1) + 1])
            part = [j for j in region if mat is not None and mat < j < nxt]
            moment_objs.append(Moment(m["when"], m.get("title") or "", _texts(blocks, part), mat))
        rel = ph.get("relative") or {}
        cid = rel.get("congress")
        congress_ids[i] = cid
        start, start_from, end, end_from = phase_dates(ph, plan["date"], congresses.get(cid or ""), campaign.get("end"))
        name = phase_name(ph["label"], period_word(ph["label"], blocks, word_at))
        peak = (ph["peak"]["start"], ph["peak"]["end"]) if ph.get("peak") else None
        track = ph.get("track")
        phases_by_track.setdefault(track, []).append(Phase(
            key=_key(track, ph["label"], taken_keys), track=track, track_title=titles.get(track, ""),
            label=ph["label"], name=name, title=ph.get("title") or "",
            start=start, end=end, start_from=start_from, end_from=end_from,
            when=rel.get("when"), congress=cid, relative_text=relative_text(ph, congresses),
            items=_texts(blocks, own), moments=tuple(moment_objs), peak=peak, block=at))
    tracks = tuple(Track(tid, titles.get(tid, ""), tuple(ps), track_block.get(tid)) for tid, ps in phases_by_track.items())

    slogans = []
    last = -1
    for i, text in enumerate(plan.get("slogans") or []):
        at = find.quote(text, last, whole=True)
        if at is None:
            warn(("slogans", i), f"Không tìm thấy khẩu hiệu thứ {i + 1} trong văn bản kế hoạch",
                 "Chép khẩu hiệu đúng như trong văn bản (phần dưới dấu ---), hoặc thêm nó vào văn bản", "quote-not-found")
        else:
            last = at
        slogans.append(Slogan(text, at))

    unit_rows = plan.get("units") or []
    unit_block = []
    last = -1
    for i, u in enumerate(unit_rows):
        at = find.quote(u["name"], last)
        unit_block.append(at)
        if at is None:
            warn(("units", i, "name"), f"Không tìm thấy đơn vị “{u['name']}” trong văn bản kế hoạch",
                 "Ghi “name” đúng như tên đơn vị trong văn bản (phần dưới dấu ---)", "quote-not-found")
        else:
            last = at
    unit_stops = {b for b in unit_block if b is not None} | stops
    units = []
    for u, at in zip(unit_rows, unit_block):
        tasks: list[str] = []
        if at is not None:
            rest = _after(blocks[at].text, u["name"]).strip(" :,.-–")
            if len(rest) > 3:
                tasks.append(rest[0].upper() + rest[1:])
            tasks += _texts(blocks, _part(blocks, at, unit_stops - {at}))
        units.append(Unit(u["name"], tuple(tasks), at))

    for b in blocks:
        for href in b.links:
            if src is not None:
                problems.append(Problem(src.path, b.line, f"Văn bản kế hoạch có liên kết “{b.text[:60]}” ({href}): "
                                        "trên trang, bản PDF và bản Word chỉ hiện chữ, không có liên kết",
                                        "Văn bản kế hoạch giữ nguyên như bản đã ký; đặt liên kết trong tin bài "
                                        "hoặc một trang khác", WARNING, "plan-link"))

    issuer = plan.get("issuer") or None
    if not issuer:
        hint = suggested_issuer(blocks)
        warn(("number",), "Kế hoạch không ghi cơ quan ban hành (“issuer”): đầu văn bản sẽ để trống dòng này",
             (f"Văn bản nhắc tới “{hint}”: nếu đúng, thêm dòng issuer: \"{hint}\"" if hint else
              "Thêm dòng issuer: \"…\" với tên cơ quan ban hành như in ở góc trái đầu văn bản"), "issuer-missing")

    anchors = _anchors(blocks, tracks, slogans, units)
    sd = plan.get("slogan_display")
    return Plan(
        path=plan["path"], slug=plan["slug"], number=plan["number"], system=plan["system"], date=plan["date"],
        place=plan.get("place") or None, title=plan["title"], issuer=issuer,
        parent_issuer=plan.get("parent_issuer") or None, blocks=tuple(blocks), anchors=anchors, tracks=tracks,
        slogans=tuple(slogans), slogan_display=(sd["start"], sd["end"]) if sd else None, units=tuple(units),
        reporting=tuple(Report(r.get("due"), r.get("day_of_month"), r.get("to")) for r in plan.get("reporting") or []),
        recipients=tuple(plan.get("recipients") or ()), signer=plan.get("signer") or None,
        bases=tuple(plan.get("bases") or ()),
        campaign=(campaign.get("start"), campaign.get("end")) if campaign else None,
        congress=plan.get("congress"), description=plan.get("description"), comment_url=plan.get("comment_url"),
        attachments=tuple(plan.get("attachments") or ()), data=plan,
    ), problems


def _anchors(blocks: list[Block], tracks, slogans, units) -> tuple[str, ...]:
    """An id for every block a reader can be sent to: the plan's headings, each phase, unit and slogan."""
    ids = [""] * len(blocks)
    for t in tracks:
        if t.block is not None:
            ids[t.block] = f"nhom-{slugify(t.id or '')}"
        for p in t.phases:
            if p.block is not None:
                ids[p.block] = f"dot-{p.key}"
    for n, u in enumerate(units, 1):
        if u.block is not None and not ids[u.block]:
            ids[u.block] = f"don-vi-{n}"
    for n, s in enumerate(slogans, 1):
        if s.block is not None and not ids[s.block]:
            ids[s.block] = f"khau-hieu-{n}"
    used = set(ids)
    for i, b in enumerate(blocks):
        if b.kind == "heading" and not ids[i]:
            base = "muc-" + (slugify(_strip_numbering(b.text))[:48].strip("-") or str(i))
            key, n = base, 2
            while key in used:
                key, n = f"{base}-{n}", n + 1
            ids[i] = key
            used.add(key)
    return tuple(ids)
