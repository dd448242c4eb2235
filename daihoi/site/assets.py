"""Bundle the theme's components into one stylesheet and one script.

Each component keeps its CSS and JS in its own folder (theme/components/<name>/);
a phone on a slow network should fetch one small file of each, not a dozen.
Order: `base` first, then the components by name, so the output is reproducible.
"""
from __future__ import annotations

from pathlib import Path


def component_files(theme_dir: Path, ext: str) -> list[Path]:
    root = Path(theme_dir) / "components"
    files = sorted(root.glob(f"*/*.{ext}"), key=lambda f: (f.parent.name != "base", f.parent.name, f.name))
    return files


def bundle(theme_dir: Path, ext: str) -> str:
    parts = []
    for file in component_files(theme_dir, ext):
        rel = file.relative_to(theme_dir).as_posix()
        parts.append(f"/* {rel} */\n{file.read_text(encoding='utf-8').strip()}\n")
    return "\n".join(parts)
