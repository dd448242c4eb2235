"""Old Word .doc: converted to .docx by LibreOffice when it is installed.

LibreOffice reads a .doc's lists right, but its .docx export can drop a list's
"restart" or "continue" (two lists of one style then count on their own). So the
.doc is also exported as plain text, where LibreOffice writes each number as it
displays it, and the numbers of the .docx are set to those. The two conversions run
side by side (each LibreOffice needs its own profile folder).
"""
from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from .decode import Piece
from .errors import PlanImportError

HOW_TO = ("Hãy mở tệp bằng Microsoft Word hoặc LibreOffice, chọn “Lưu thành” (Save As) "
          "kiểu “Word Document (.docx)”, rồi nhập tệp .docx đó.")


def _office() -> str:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if not office:
        raise PlanImportError("Tệp là định dạng Word cũ (.doc), máy này chưa cài LibreOffice "
                              f"để chuyển đổi. {HOW_TO}")
    return office


def convert(path: Path) -> tuple[bytes, str | None]:
    """(the .docx bytes LibreOffice makes of a .doc, its plain text with the numbers as displayed)."""
    try:
        office = _office()
    except PlanImportError as e:
        raise PlanImportError(f"Tệp “{path.name}” là định dạng Word cũ (.doc), máy này chưa cài LibreOffice "
                              f"để chuyển đổi. {HOW_TO}") from e
    with tempfile.TemporaryDirectory() as out:
        procs = []
        for name, kind in (("docx", "docx"), ("txt", "txt:Text (encoded):UTF8")):
            target = Path(out) / name
            target.mkdir()
            profile = Path(out) / f"profile-{name}"
            try:
                procs.append(subprocess.Popen(
                    [office, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", kind,
                     "--outdir", str(target), str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
            except OSError:
                raise PlanImportError(f"LibreOffice không chuyển được “{path.name}” sang .docx. {HOW_TO}")
        for p in procs:
            try:
                p.wait(timeout=120)
            except subprocess.TimeoutExpired:
                p.kill()
        produced = list((Path(out) / "docx").glob("*.docx"))
        if not produced:
            raise PlanImportError(f"LibreOffice không chuyển được “{path.name}” sang .docx. {HOW_TO}")
        texts = list((Path(out) / "txt").glob("*.txt"))
        text = texts[0].read_text(encoding="utf-8-sig", errors="replace") if texts else None
        return produced[0].read_bytes(), text


def relabel(pieces: list[Piece], shown: str | None) -> list[Piece]:
    """Each numbered paragraph gets the number LibreOffice displays for it in the .doc."""
    if not shown:
        return pieces
    lines = [re.sub(r"\s+", " ", ln).strip() for ln in shown.split("\n")]
    lines = [ln for ln in lines if ln]
    out, k = [], 0
    for p in pieces:
        if p.label and p.label not in ("-", "+"):
            body = re.sub(r"\s+", " ", p.text[len(p.label):].split("\n")[0]).strip()
            for j in range(k, min(len(lines), k + 200)):
                if body and lines[j].endswith(body) and len(lines[j]) > len(body):
                    label = lines[j][:-len(body)].strip()
                    if label and label != p.label:
                        p = dataclasses.replace(p, text=label + p.text[len(p.label):], label=label)
                    k = j + 1
                    break
        out.append(p)
    return out


def doc_pieces(path: Path) -> list[Piece]:
    from .docx import docx_pieces
    data, shown = convert(path)
    return relabel(docx_pieces(data, path.name), shown)


def doc_text(path: Path) -> str:
    return "\n".join(p.text for p in doc_pieces(path))
