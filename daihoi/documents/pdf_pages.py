"""One page of a PDF made by fpdf2 as a file of its own (each slogan's strip, from the strip of all).

A plan's slogans are printed twice as strips: all in one file, and each in a file of its own
for the print shop. fpdf2 parses the font and subsets it for every file it writes: the 42
single strips of the sample's three plans took over a second of a first build (27 ms each),
where drawing the pages themselves is a few milliseconds. The single strip is now the page of
the file of all, copied with pypdf (already the importer's PDF reader): about 1 ms once that
file is read, the same page drawn by the same code, with the embedded font subset of all the
slogans (12 kB -> 17 kB a file).

The copy keeps what fpdf2 wrote for the whole document (version, language, metadata but the
title, opening at the page's width) and gets a file identifier made from its own bytes, so
that the same input gives the same file (fpdf2 does the same).
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from io import BytesIO

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, ByteStringObject, NameObject, NullObject, TextStringObject

__all__ = ["page_alone"]

# What a document says of itself, kept from the whole one (the page is drawn the same).
_CATALOG = ("/Lang", "/PageLayout")


def page_alone(data: bytes, index: int, title: str) -> bytes:
    """Page `index` (from 0) of the PDF `data`, as a PDF of one page titled `title`."""
    reader = _reader(data)
    writer = PdfWriter()
    writer.pdf_header = reader.pdf_header
    page = writer.add_page(reader.pages[index])
    root, catalog = reader.trailer["/Root"], writer.root_object
    for name in _CATALOG:
        if name in root:
            catalog[NameObject(name)] = root[name]
    # fpdf2 opens a document at its first page, fitted to the window's width.
    catalog[NameObject("/OpenAction")] = ArrayObject([page.indirect_reference, NameObject("/FitH"), NullObject()])
    info = {name: value for name, value in (reader.metadata or {}).items()}
    info["/Title"] = TextStringObject(title)
    writer.add_metadata(info)
    # pypdf draws the identifier at random, which would make every build's file new: one from the
    # inputs instead (pypdf writes whatever _ID holds; there is no public way to set it).
    made = hashlib.md5(data + index.to_bytes(4, "little") + title.encode("utf-8"), usedforsecurity=False).digest()
    writer._ID = ArrayObject([ByteStringObject(made), ByteStringObject(made)])
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


@lru_cache(maxsize=2)
def _reader(data: bytes) -> PdfReader:
    """The whole document read once for all its pages (reading its tree of pages was most of a copy)."""
    return PdfReader(BytesIO(data))
