"""QR codes, generated offline with segno: SVG files and the module matrix for PDFs."""

from __future__ import annotations

import io
from functools import lru_cache

import segno

__all__ = ["qr_svg", "qr_png", "qr_matrix"]


def _make(url: str) -> "segno.QRCode":
    # Error level M survives a crease or a little dirt on a printed banner; the
    # version is chosen by segno from the URL length, so it is deterministic.
    return segno.make_qr(url, error="m", boost_error=False)


def qr_svg(url: str, *, title: str | None = None) -> bytes:
    """A standalone SVG (UTF-8, no XML declaration differences between runs)."""
    buf = io.BytesIO()
    _make(url).save(
        buf, kind="svg", scale=4, border=4, dark="#000", light="#fff",
        title=title, xmldecl=True, svgns=True, nl=True, encoding="utf-8",
    )
    return buf.getvalue()


def qr_png(url: str, *, scale: int = 8) -> bytes:
    """PNG for Word, which cannot show SVG pictures in older versions."""
    buf = io.BytesIO()
    _make(url).save(buf, kind="png", scale=scale, border=4)
    return buf.getvalue()


@lru_cache(maxsize=64)
def qr_matrix(url: str) -> tuple[tuple[bool, ...], ...]:
    """Dark/light modules without the quiet zone; PDFs draw them as vector squares."""
    return tuple(tuple(bool(v) for v in row) for row in _make(url).matrix)
