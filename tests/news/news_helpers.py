"""A fixture site with news posts, built once per test session (shared by tests/news and
tests/browser): the plain fixture site plus posts written here, so the shared fixture
site stays as the other tests expect it."""
from __future__ import annotations

import shutil
from pathlib import Path

from PIL import Image, ImageDraw

from helpers import SITE_FIXTURE, run_cli

TODAY = "2025-05-15"
_BUILT: dict = {}

# (file stem, front matter lines, body). Two words matter to the search tests:
# "Đại hội" and "dài hơi", which fold to the same letters "dai hoi".
POSTS = [
    ("2025-05-12-dai-hoi-chi-bo-khu-3", {
        "title": "Chi bộ khu dân cư số 3 tổ chức Đại hội nhiệm kỳ 2025 - 2027",
        "date": "2025-05-12", "author": "Thu Hà", "cover": "anh/dai-hoi-chi-bo.jpg",
        "cover_alt": "Đảng viên biểu quyết tại đại hội chi bộ", "summary": "Đại hội chi bộ diễn ra dân chủ, đúng tiến độ.",
        "categories": ["Hoạt động", "Đại hội cơ sở"], "plan": "12-KH/ĐU", "phase": "Đợt 2"},
     "Sáng 12/5, Chi bộ khu dân cư số 3 tổ chức Đại hội nhiệm kỳ 2025 - 2027. Đại hội bầu cấp ủy mới.\n"),
    ("2025-04-02-ke-hoach-dai-hoi", {
        "title": "Một chương trình dài hơi cho công tác dân vận ở khu dân cư",
        "date": "02/04/2025", "author": "Minh Khôi", "summary": "Bàn về một chương trình dài hơi.",
        "categories": ["Bình luận"], "plan": "12-KH/ĐU", "phase": "Đợt 1"},
     "Công tác dân vận cần một chương trình dài hơi, bền bỉ, gần dân.\n"),
    ("2025-05-20-treo-khau-hieu", {
        "title": "Treo khẩu hiệu chào mừng trên các tuyến phố",
        "date": "2025-05-14", "summary": "Các tổ dân phố treo băng rôn, khẩu hiệu.",
        "categories": ["Tuyên truyền trực quan"], "plan": "12-KH/ĐU", "phase": "Đợt 2"},
     "Từ ngày 14/5, các tổ dân phố treo băng rôn, khẩu hiệu chào mừng.\n"),   # before TODAY: published
] + [
    (f"2025-03-{day:02d}-ban-tin-{day}", {
        "title": f"Bản tin tuần số {day}: tình hình tuyên truyền ở cơ sở", "date": f"2025-03-{day:02d}",
        "summary": f"Tóm tắt tuần {day}.", "categories": ["Bản tin"]},
     f"Nội dung bản tin tuần số {day} về tuyên truyền ở cơ sở.\n")
    for day in range(1, 11)
]


def _yaml(value) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(f'"{v}"' for v in value) + "]"
    return f'"{value}"'


def write_posts(content: Path) -> None:
    folder = content / "tin-tuc"
    (folder / "anh").mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", (1600, 900), (183, 28, 28))
    ImageDraw.Draw(image).regular_polygon((800, 450, 200), 5, fill=(255, 213, 79))
    image.save(folder / "anh" / "dai-hoi-chi-bo.jpg", quality=85)
    for stem, meta, body in POSTS:
        front = "\n".join(f"{k}: {_yaml(v)}" for k, v in meta.items())
        (folder / f"{stem}.md").write_text(f"---\n{front}\n---\n\n{body}", encoding="utf-8")


def news_site(tmp_path_factory) -> Path:
    """The built site (fixture site + POSTS), built once for TODAY."""
    if "site" not in _BUILT:
        root = tmp_path_factory.mktemp("news")
        content = root / "content"
        shutil.copytree(SITE_FIXTURE, content)
        write_posts(content)
        out = root / "site"
        result = run_cli("build", "--content-dir", content, "--site-dir", out, "--today", TODAY)
        assert result.returncode == 0, result.stderr
        _BUILT.update(site=out, content=content)
    return _BUILT["site"]
