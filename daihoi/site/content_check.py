"""The safety checks of a whole content folder, before a build: what pages and files may publish.

* every front matter and data value passes the allow-list as it is
  (daihoi/site/sanitize.py), and a post's `cover:` names a picture that can be used
  (daihoi/site/images.py);
* the files published as they are, their names and sizes (daihoi/site/content_files.py);
* symbolic links out of content/ (daihoi/model/source.py).

The HTML that Markdown makes of each page is cleaned during the build itself
(hooks/safety_mkdocs.py), where MkDocs renders it anyway; `body_problems` does the
same for `python build.py check`, which builds nothing.
"""
from __future__ import annotations

from pathlib import Path

from daihoi.model import source
from daihoi.model.content import shown
from daihoi.model.problems import WARNING, Problem
from daihoi.site import content_files, images, sanitize


def _text_files(root: Path, skip: set) -> list[Path]:
    files = [p for suffix in sorted(content_files.TEXT) for p in root.rglob(f"*{suffix}")]
    return sorted(f for f in files if shown(f) not in skip and f.is_file() and not f.is_symlink()
                  and not any(part.startswith(".") for part in f.relative_to(root).parts))


def scan(content_dir: Path) -> list[Problem]:
    """Problems of `content_dir` that the content model does not check (it reports the rest)."""
    root = Path(content_dir)
    out = source.links_out(root, shown) + content_files.problems(root, shown)
    refused = {p.path for p in out}
    for file in _text_files(root, refused):
        src, found = source.read(file, shown(file))
        if file.suffix in content_files.MARKDOWN - {".md"}:
            out += found        # MkDocs renders .markdown too; content.load reads only .md and .yml
        if src is None:
            continue
        out += sanitize.value_problems(src.data, src.line, src.path)
        if isinstance(src.data, dict) and isinstance(src.data.get("cover"), str) and src.data["cover"].strip():
            picture = (file.parent / src.data["cover"].strip()).resolve()
            if picture.is_file() and root.resolve() in picture.parents:
                found = images.problem(picture)
                if found:
                    out.append(Problem(src.path, src.line(("cover",)), *found, code="picture"))
    return sorted(set(out))


def after_plans(content_dir: Path, plans: list | None, congresses: dict | None,
                known: dict | None = None, posts: bool = True) -> list[Problem]:
    """Every check that comes after the plans are read: the posts against the plans' phases, every
    file (`scan`), the characters of the plans (`glyph_problems`); `plans` None (none could be read):
    the files only. A build runs it in a worker process while the engine builds (build.py,
    ContentCheck), and passes what its own process has read of the files already (`known`:
    daihoi.model.source.known), since that process starts without it. `posts` False: the posts
    were checked already (daihoi.model.news.load, in the build's own process, whose engine takes
    that reading of them: SiteBuild's `checked`)."""
    if known:
        source.learn(known)
    root = Path(content_dir)
    if plans is None:
        return scan(root)
    return (posts_problems(root, plans, congresses) if posts else []) + scan(root) + \
        glyph_problems(root, [plan.path for plan in plans])


def posts_problems(content_dir: Path, plans: list, congresses: dict) -> list[Problem]:
    """The posts against the plans' phases (daihoi.model.news.load, which remembers each post)."""
    from daihoi.model import news

    return news.load(content_dir, plans, congresses)[1]


def glyph_problems(content_dir: Path, plan_paths) -> list[Problem]:
    """Lines of the plans (printed whole into the plan PDF and Word file, slogans onto banners)
    with characters the bundled fonts cannot draw: a warning on each line, with the characters."""
    from daihoi.documents.fonts import unprintable

    out = []
    for rel in plan_paths:
        file = Path(content_dir) / rel
        text, _ = source.decode(file.read_bytes(), shown(file))
        for n, line in enumerate((text or "").splitlines(), 1):
            missing = unprintable(line) if not line.isascii() else []
            if missing:
                named = ", ".join(f"“{ch}” (U+{ord(ch):04X})" for ch in missing[:5])
                more = f" và {len(missing) - 5} ký tự khác" if len(missing) > 5 else ""
                out.append(Problem(shown(file), n, f"Dòng này có ký tự mà phông chữ của bản PDF không có: "
                                   f"{named}{more}; bản PDF in chúng thành ô trống",
                                   "Thay bằng chữ, số hoặc dấu thường dùng, hoặc bỏ đi nếu không cần",
                                   WARNING, "glyph-missing"))
    return out


def body_problems(content_dir: Path, render, skip: set = frozenset()) -> list[Problem]:
    """What the allow-list removes from each page's HTML; `render(markdown)` is the site's Markdown.

    `skip`: pages (paths under content/) whose text is not the engine's Markdown; plans are
    drawn from their blocks with every character escaped (daihoi/site/plan_html.py).
    """
    root = Path(content_dir)
    out: list[Problem] = []
    for file in _text_files(root, set()):
        if file.suffix not in content_files.MARKDOWN or file.relative_to(root).as_posix() in skip:
            continue
        src, _ = source.read(file, shown(file))
        if src is None:
            continue
        removed = sanitize.clean_fragment(render(src.body)).removed
        if removed:
            text, _ = source.decode(file.read_bytes(), src.path)
            out += sanitize.page_problems(removed, text or "", src.path)
    return sorted(set(out))
