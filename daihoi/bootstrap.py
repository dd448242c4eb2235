"""First-run setup, standard library only: a .venv with the pinned requirements.

An editor on Windows types `python build.py` on a fresh machine; this creates
`.venv`, installs `requirements.txt` into it and runs the command again inside it.
The requirements file's hash is remembered, so a changed pin reinstalls.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv"


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _in_venv() -> bool:
    return Path(sys.prefix).resolve() == VENV.resolve()


def _stamp(requirements: Path) -> Path:
    return VENV / f".installed-{requirements.stem}"


def _digest(requirements: Path) -> str:
    # requirements-dev.txt includes requirements.txt: hash both.
    data = b"".join(f.read_bytes() for f in sorted(ROOT.glob("requirements*.txt")))
    return hashlib.sha256(data).hexdigest()


def ensure(requirements: str = "requirements.txt") -> None:
    """Make sure we run inside .venv with `requirements` installed; re-exec if needed."""
    req = ROOT / requirements
    stamp = _stamp(req)
    up_to_date = stamp.is_file() and stamp.read_text() == _digest(req)
    if _in_venv() and up_to_date:
        return
    if not venv_python().is_file():
        print("Lần chạy đầu: đang tạo môi trường Python riêng (.venv)…", file=sys.stderr)
        venv.create(VENV, with_pip=True)
    if not up_to_date:
        print(f"Đang cài các gói cần thiết ({requirements})…", file=sys.stderr)
        result = subprocess.run([str(venv_python()), "-m", "pip", "install", "--disable-pip-version-check", "-q",
                                 "-r", str(req)])
        if result.returncode != 0:
            print("Lỗi: không cài được các gói Python. Kiểm tra kết nối mạng rồi chạy lại lệnh.", file=sys.stderr)
            sys.exit(1)
        stamp.write_text(_digest(req))
    if not _in_venv():
        script = Path(sys.argv[0]).resolve()
        sys.exit(subprocess.run([str(venv_python()), str(script), *sys.argv[1:]]).returncode)
