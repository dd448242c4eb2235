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

ROOT = Path(__file__).resolve().parents[2]
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


def satisfied(requirements: Path) -> bool:
    """Does this interpreter already have every pinned package at its pinned version?"""
    from importlib import metadata

    for line in requirements.read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line.startswith("-r "):
            if not satisfied(requirements.parent / line[3:].strip()):
                return False
        elif "==" in line:
            name, version = (part.strip() for part in line.split(";")[0].split("==", 1))
            name = name.split("[")[0].strip()       # "pkg[extra]==1.0" is installed as "pkg"
            try:
                if metadata.version(name) != version:
                    return False
            except metadata.PackageNotFoundError:
                return False
    return True


def ensure(requirements: str = "requirements.txt") -> None:
    """Make sure we run with `requirements` installed: here if they already are, else in .venv."""
    req = ROOT / requirements
    stamp = _stamp(req)
    up_to_date = stamp.is_file() and stamp.read_text() == _digest(req)
    # Our own .venv, installed from these very files (the stamp), is used as it is, whatever
    # `satisfied` says; so it is asked first: asking each package its version took 40 ms of
    # every command.
    if _in_venv() and up_to_date:
        return
    if satisfied(req):
        if _in_venv() and not up_to_date:
            # Installed otherwise (by hand, by the tests' setup): the next command need not ask again.
            try:
                stamp.write_text(_digest(req))
            except OSError:
                pass
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
