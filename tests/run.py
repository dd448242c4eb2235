#!/usr/bin/env python3
"""Set up and run every test: `python3 tests/run.py` (extra arguments go to pytest).

On a fresh machine this creates .venv with requirements-dev.txt, installs the
Debian packages of tests/system-packages.txt with apt-get when they are missing
(as root; otherwise it prints the command), installs the npm packages locally if
there is a package.json, then runs pytest over tests/.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from daihoi.cli import bootstrap  # noqa: E402  (standard library only)


def system_packages() -> list[str]:
    lines = (ROOT / "tests/system-packages.txt").read_text(encoding="utf-8").splitlines()
    return [line.split("#")[0].strip() for line in lines if line.split("#")[0].strip()]


def missing_debian(packages: list[str]) -> list[str]:
    if not shutil.which("dpkg-query"):
        return []
    out = []
    for name in packages:
        r = subprocess.run(["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True)
        if "install ok installed" not in r.stdout:
            out.append(name)
    return out


def ensure_system() -> None:
    missing = missing_debian(system_packages())
    if not missing:
        return
    if os.geteuid() != 0:
        sys.exit(f"Thiếu gói hệ thống: {' '.join(missing)}. Cài bằng: sudo apt-get install -y {' '.join(missing)}")
    print(f"Đang cài gói hệ thống: {' '.join(missing)}", flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], check=True, env=env,
                   stdout=subprocess.DEVNULL)


def ensure_npm() -> None:
    if (ROOT / "package.json").is_file():
        lock = ROOT / "package-lock.json"
        cmd = ["npm", "ci"] if lock.is_file() else ["npm", "install"]
        subprocess.run([*cmd, "--no-audit", "--no-fund", "--loglevel=error"], cwd=ROOT, check=True)


def main() -> int:
    bootstrap.ensure("requirements-dev.txt")     # re-runs this script inside .venv if needed
    ensure_system()
    ensure_npm()
    os.chdir(ROOT)
    return subprocess.run([sys.executable, "-m", "pytest", "tests", "-q", "-p", "no:cacheprovider",
                           *sys.argv[1:]]).returncode


if __name__ == "__main__":
    sys.exit(main())
