"""Downloadable documents of a plan (issue 4): PDF and Word in the official layout,
slogan banners, the slogan list, a calendar, QR codes, and attachment descriptions.

Entry point for the build: `generate_plan_documents(plan, out_dir, ...)`. Everything is
generated from the resolved plan (daihoi.model.plan.Plan: the same facts every page
shows), offline, reproducibly (same input and build date give the same bytes) and with
a content-hash cache for the slow PDF and DOCX outputs. No MkDocs import here: the
build wires it in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

from daihoi.text.numbers import file_size as format_size
from daihoi.text.vndate import long_form as official_date
from daihoi.text.vntext import slugify

from .attachments import attachment_entry, check_attachment_path, describe_attachment
from .cache import Cache, content_key, write_if_changed

__all__ = [
    "Download",
    "generate_plan_documents",
    "plan_document_paths",
    "format_size",
    "official_date",
    "describe_attachment",
    "check_attachment_path",
    "attachment_entry",
]

# Size labels use the same type names readers see elsewhere ("PDF, 182 KB").
_KIND_TYPE = {"pdf": "PDF", "banner-pdf": "PDF", "docx": "Word", "ics": "Lịch ICS", "txt": "Văn bản", "svg": "Ảnh SVG"}


@dataclass(frozen=True)
class Download:
    path: str  # relative to out_dir, with "/" separators
    kind: str  # "pdf" | "docx" | "ics" | "banner-pdf" | "txt" | "svg"
    title: str  # Vietnamese, for the download button
    size_bytes: int
    size_label: str  # "PDF, 182 KB"
    group: str = ""  # "" for the main files (plan PDF and Word, calendar); else the group it is listed in


GROUP_BANNERS = "Băng rôn từng khẩu hiệu (2000 × 400 mm)"
GROUP_SLOGANS = "Khẩu hiệu: tất cả trong một tệp, danh sách"
GROUP_QR = "Mã QR"
WORDS_IN_NAME = 7   # a banner is named by its slogan's first words


def slogan_words(text: str, n: int = WORDS_IN_NAME) -> str:
    """"Nhiệt liệt chào mừng Đại hội đại biểu toàn quốc…": what a reader recognises a banner by."""
    words = text.split()
    return " ".join(words[:n]) + ("…" if len(words) > n else "")


def _absolute(url: str | None) -> str | None:
    """Only absolute http(s) links go on paper, in QR codes and in calendars: a
    relative "ke-hoach/07/" printed on a banner leads nowhere."""
    return url if url and re.match(r"^https?://[^/\s]+", url) else None


def generate_plan_documents(
    plan,
    out_dir: Path,
    *,
    page_url: str,
    build_date: date,
    cache_dir: Path | None,
    congresses: dict,
    comment_url: str | None = None,
    banner_color: str = "vang",
) -> list[Download]:
    """Write every downloadable file of one resolved plan under out_dir/<slug>/ and list them.

    page_url: the plan page's absolute URL, printed as a link and a QR code on the
    PDF, the Word file and the banners, and set as the calendar events' URL. A
    relative URL (no portal address configured) leaves the QR codes out.
    comment_url (or the plan's own): where readers send comments on a draft; printed
    as a link and a QR code on the PDF and Word files, and as its own QR SVG.
    congresses: id -> congress, for the calendar.
    """
    out_dir = Path(out_dir)
    planned = _planned(plan, page_url=page_url, build_date=build_date, congresses=congresses,
                       comment_url=comment_url, banner_color=banner_color)
    jobs = _jobs(plan, page_url=_absolute(page_url), comment_url=_absolute(comment_url or plan.comment_url),
                 banner_color=banner_color)
    made = Cache(cache_dir).get_or_make_all(jobs)
    downloads: list[Download] = []
    for item in planned:
        data = made[item.job] if item.job is not None else item.make()
        path = out_dir / item.path
        write_if_changed(path, data)
        size = len(data)
        downloads.append(Download(item.path, item.kind, item.title, size,
                                  f"{_KIND_TYPE[item.kind]}, {format_size(size)}", item.group))
    if plan.slogans:
        _remove_stale_banners(out_dir / plan.slug / "bang-ron", len(plan.slogans))
    return downloads


def plan_document_paths(plan, *, page_url: str, build_date: date, congresses: dict,
                        comment_url: str | None = None) -> list[str]:
    """The paths (relative to out_dir, "/" separators) generate_plan_documents writes for this plan,
    told without making anything: the build lists the files while they are still being made."""
    return [item.path for item in _planned(plan, page_url=page_url, build_date=build_date, congresses=congresses,
                                           comment_url=comment_url)]


@dataclass(frozen=True)
class _Planned:
    path: str               # relative to out_dir
    kind: str
    title: str
    group: str
    job: int | None         # the index of its slow job (_jobs), or None: `make` draws it at once
    make: Callable[[], bytes] | None = None


def _planned(plan, *, page_url: str, build_date: date, congresses: dict, comment_url: str | None = None,
             banner_color: str = "vang") -> list[_Planned]:
    """Every file of a plan, in the order it is listed: its path, title and group, and what makes it.
    One list for making the files and for naming them before they are made."""
    from .banners import BANNER_FORMATS, render_slogans_txt
    from .calendar import plan_events, render_ics

    slug = plan.slug
    if not re.fullmatch(r"[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*", slug) or ".." in slug.split("/"):
        raise ValueError(f"slug không hợp lệ: {slug!r}")
    comment_url = _absolute(comment_url or plan.comment_url)
    page_url = _absolute(page_url)  # type: ignore[assignment]
    stem = slugify(plan.number) or slugify(slug) or "ke-hoach"
    slogans = [s.text for s in plan.slogans]
    out: list[_Planned] = []
    jobs = iter(range(1_000_000))       # the slow files come in _jobs' order

    def add(rel: str, kind: str, title: str, group: str = "", make: Callable[[], bytes] | None = None) -> None:
        out.append(_Planned(f"{slug}/{rel}", kind, title, group, None if make else next(jobs), make))

    add(f"ke-hoach-{stem}.pdf", "pdf", "Kế hoạch (PDF, bản in A4)")
    add(f"ke-hoach-{stem}.docx", "docx", "Kế hoạch (Word, chỉnh sửa được)")

    events = plan_events(plan, congresses, page_url=page_url)
    if events:
        add(f"lich-{stem}.ics", "ics", "Lịch các đợt và hạn báo cáo (ICS, thêm vào điện thoại)",
            make=lambda: render_ics(events, build_date=build_date, calendar_name=plan.name, page_url=page_url))

    if slogans:
        for key, fmt in BANNER_FORMATS.items():
            add(f"{key}-{stem}-tat-ca.pdf", "banner-pdf", f"{fmt.label}: tất cả khẩu hiệu (PDF)", GROUP_SLOGANS)
        add(f"khau-hieu-{stem}.docx", "docx", "Danh sách khẩu hiệu (Word)", GROUP_SLOGANS)
        add(f"khau-hieu-{stem}.txt", "txt", "Danh sách khẩu hiệu (văn bản thuần)", GROUP_SLOGANS,
            make=lambda: render_slogans_txt(plan))
        for i, slogan in enumerate(slogans, 1):
            add(f"bang-ron/khau-hieu-{i:02d}.pdf", "banner-pdf", f"{i}. “{slogan_words(slogan)}”", GROUP_BANNERS)

    if page_url:
        add(f"qr-{stem}.svg", "svg", "Mã QR dẫn đến trang kế hoạch (SVG)", GROUP_QR)
    if comment_url:
        add(f"qr-gop-y-{stem}.svg", "svg", "Mã QR góp ý dự thảo (SVG)", GROUP_QR)
    return out


QR_PAGE_TITLE = "Mã QR trang kế hoạch"
QR_COMMENT_TITLE = "Mã QR góp ý dự thảo"


def _jobs(plan, *, page_url: str | None, comment_url: str | None, banner_color: str) -> list:
    """The slow files of a plan as (kind, key, function, args, kwargs), in the order they are written.

    The key of a document is everything it is drawn from: the resolved plan (a frozen dataclass,
    so its repr is its content) and the links printed on it."""
    from .banners import BANNER_FORMATS

    # The plan's own date is the "creation date" of its files: fixed, meaningful, and it
    # keeps the cache warm across days (the build date would not).
    doc_date = plan.date
    slogans = [s.text for s in plan.slogans]
    inputs = {"plan": repr(plan), "page_url": page_url, "comment_url": comment_url}
    links = {"page_url": page_url, "doc_date": doc_date, "comment_url": comment_url}
    jobs = [("pdf", content_key("plan-pdf", inputs), _plan_pdf, (plan,), links),
            ("docx", content_key("plan-docx", inputs), _plan_docx, (plan,), links)]
    if slogans:
        banner_inputs = {"slogans": slogans, "page_url": page_url, "doc_date": doc_date.isoformat(), "color": banner_color}
        banner = {"doc_date": doc_date, "qr_url": page_url, "color": banner_color}
        whole_title = f"Khẩu hiệu - {plan.number}"
        jobs += [("banner-pdf", content_key(f"banners-{key}", banner_inputs), _banners_pdf, (slogans, key),
                  dict(banner, title=whole_title)) for key in BANNER_FORMATS]
        jobs.append(("docx", content_key("slogans-docx", inputs), _slogans_docx, (plan,), {"doc_date": doc_date}))
        # Each strip alone is that page of the strip of all (render_banner_alone): made of all the slogans.
        jobs += [("banner-pdf", content_key("banner-bang-ron-alone", {**banner_inputs, "number": i, "title": whole_title}),
                  _banner_alone, (slogans, i, "bang-ron"), dict(banner, title=f"Khẩu hiệu số {i} - {plan.number}",
                                                                whole_title=whole_title))
                 for i in range(1, len(slogans) + 1)]
    # The QR codes last, as _planned lists them. Kept like the rest: a rebuild does not load segno
    # (40 ms of the build's own process) to draw the same two pictures again.
    for url, title in ((page_url, QR_PAGE_TITLE), (comment_url, QR_COMMENT_TITLE)):
        if url:
            jobs.append(("svg", content_key("qr-svg", {"url": url, "title": title}), _qr_svg, (url,), {"title": title}))
    return jobs


def start_plan_documents(plan, *, page_url: str, cache_dir: Path, comment_url: str | None = None,
                         banner_color: str = "vang") -> None:
    """Begin making, in the worker processes, the slow files of a plan that are not in the cache,
    and return at once: the build goes on with its pages meanwhile, and generate_plan_documents
    later takes them up (or makes them then, if these links turn out not to be the page's)."""
    Cache(cache_dir).start(_jobs(plan, page_url=_absolute(page_url),
                                 comment_url=_absolute(comment_url or plan.comment_url), banner_color=banner_color))


# The renderers load fpdf2, python-docx and fontTools: imported only when a file is not in the
# cache (a rebuild with nothing to make does not load them), and in the worker that makes it.
def _plan_pdf(plan, *, page_url, doc_date, comment_url) -> bytes:
    from .pdf_plan import render_plan_pdf
    return render_plan_pdf(plan, page_url=page_url, doc_date=doc_date, comment_url=comment_url)


def _plan_docx(plan, *, page_url, doc_date, comment_url) -> bytes:
    from .docx_plan import render_plan_docx
    return render_plan_docx(plan, page_url=page_url, doc_date=doc_date, comment_url=comment_url)


def _banners_pdf(slogans, key, **options) -> bytes:
    from .banners import render_banners_pdf
    return render_banners_pdf(slogans, key, **options)


def _banner_alone(slogans, number, key, **options) -> bytes:
    from .banners import render_banner_alone
    return render_banner_alone(slogans, number, key, **options)


def _qr_svg(url, *, title) -> bytes:
    from .qr import qr_svg
    return qr_svg(url, title=title)


def _slogans_docx(plan, *, doc_date) -> bytes:
    from .banners import render_slogans_docx
    return render_slogans_docx(plan, doc_date=doc_date)


def _remove_stale_banners(folder: Path, count: int) -> None:
    """A slogan removed from the plan takes its banner file with it."""
    if not folder.is_dir():
        return
    for f in folder.glob("khau-hieu-*.pdf"):
        m = re.fullmatch(r"khau-hieu-(\d+)\.pdf", f.name)
        if m and int(m.group(1)) > count:
            f.unlink()
