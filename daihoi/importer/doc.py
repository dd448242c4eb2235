"""Old Word .doc: converted to .docx by LibreOffice when it is installed."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from .errors import PlanImportError

HOW_TO = ("Hãy mở tệp bằng Microsoft Word hoặc LibreOffice, chọn “Lưu thành” (Save As) "
          "kiểu “Word Document (.docx)”, rồi nhập tệp .docx đó.")


def doc_text(path: Path) -> str:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if not office:
        raise PlanImportError(f"Tệp “{path.name}” là định dạng Word cũ (.doc), máy này chưa cài LibreOffice "
                              f"để chuyển đổi. {HOW_TO}")
    with tempfile.TemporaryDirectory() as out:
        try:
            subprocess.run([office, "--headless", "--convert-to", "docx", "--outdir", out, str(path)],
                           check=True, capture_output=True, timeout=120)
        except (subprocess.SubprocessError, OSError):
            raise PlanImportError(f"LibreOffice không chuyển được “{path.name}” sang .docx. {HOW_TO}")
        produced = list(Path(out).glob("*.docx"))
        if not produced:
            raise PlanImportError(f"LibreOffice không chuyển được “{path.name}” sang .docx. {HOW_TO}")
        from .docx import docx_text
        return docx_text(produced[0].read_bytes(), path.name)
