"""MkDocs adapter for the editors' side of the site: the portal widget and the editors' guide.

Glue only: the widget is made by daihoi/site/widget.py from theme/widget/; the guide
is docs/huong-dan-bien-tap.md with its screenshots docs/anh/, shown at huong-dan/ by
`build.py serve` only (it sets DAIHOI_GUIDE). The site uploaded to the portal is for
readers: an editors' manual there came first in searches for "dai hoi" and was in the
sitemap, and its screenshots were uploaded for nobody.
"""
from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.structure.files import File, InclusionLevel  # noqa: E402

from daihoi.model import content  # noqa: E402
from daihoi.site import widget  # noqa: E402

GUIDE = ROOT / "docs" / "huong-dan-bien-tap.md"
SCREENSHOTS = ROOT / "docs" / "anh"
GUIDE_URI = "huong-dan/index.md"
GUIDE_ENV = "DAIHOI_GUIDE"      # set by build.py serve: the editor's preview shows the guide

_state: dict = {}


def today() -> date:
    # The rule of hooks/daihoi_mkdocs.py: build.py --today, else SOURCE_DATE_EPOCH, else the clock.
    if os.environ.get("DAIHOI_TODAY"):
        return date.fromisoformat(os.environ["DAIHOI_TODAY"])
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return date.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]))
    return date.today()


def on_config(config):
    # The main hook has already refused a site with errors; this reads the same folder.
    site, _ = content.load(Path(config.docs_dir))
    _state.update(site=site, today=today(), theme_dir=Path(config.theme.custom_dir))
    return config


def on_files(files, config):
    # theme/widget/ would be copied as theme files; the widget's files are added below instead.
    for file in list(files):
        if file.src_uri.startswith(widget.FOLDER + "/"):
            files.remove(file)
    if os.environ.get(GUIDE_ENV) and GUIDE.is_file() and files.get_file_from_path(GUIDE_URI) is None:
        files.append(File.generated(config, GUIDE_URI, content=GUIDE.read_text(encoding="utf-8"),
                                    inclusion=InclusionLevel.NOT_IN_NAV))
        for picture in sorted(SCREENSHOTS.glob("*.png")):
            files.append(File.generated(config, f"huong-dan/anh/{picture.name}", abs_src_path=str(picture)))
    if _state["site"] is not None:
        def url_of(path: str) -> str:
            file = files.get_file_from_path(path)
            return file.url if file else path

        made = widget.files(_state["site"], _state["today"], url_of, _state["theme_dir"] / widget.FOLDER)
        for uri, text in made.items():
            files.append(File.generated(config, uri, content=text))
    return files
