"""A synthetic site for measurements: the sample's settings, congresses and plans, plus N news
posts of realistic Vietnamese text (about 400 words each, title/date/author/summary/categories,
some with a cover picture and a plan phase), reproducible from a seed.

    python bench/synth.py OUT_DIR [--posts 1000] [--plans 3] [--seed 1]

OUT_DIR becomes a content folder (replaced if it exists):
`python build.py build --content-dir OUT_DIR --site-dir SITE`. Until news support lands,
the posts in tin-tuc/ build as plain Markdown pages.
"""
from __future__ import annotations

import atexit
import json
import random
import shutil
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "content"
POSTS_DIR = "tin-tuc"

UNITS = ["Đảng ủy phường Quang Trung", "Ban Tuyên giáo Huyện ủy", "Chi bộ khu dân cư số {n}",
         "Đoàn Thanh niên xã Tân Lập", "Hội Liên hiệp Phụ nữ quận", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
         "Hội Cựu chiến binh phường", "Đảng bộ Khối các cơ quan tỉnh", "Trường Chính trị tỉnh",
         "Trung tâm Văn hóa - Thể thao huyện"]
DEEDS = ["tổ chức hội nghị quán triệt", "triển khai kế hoạch tuyên truyền về", "lấy ý kiến góp ý dự thảo văn kiện",
         "treo băng rôn, khẩu hiệu chào mừng", "phát động phong trào thi đua chào mừng",
         "tổ chức cuộc thi tìm hiểu về", "biểu dương gương người tốt, việc tốt gắn với",
         "tổ chức triển lãm ảnh về", "tọa đàm về"]
TOPICS = ["Đại hội đại biểu toàn quốc lần thứ XIV của Đảng", "đại hội đảng bộ các cấp nhiệm kỳ 2025 - 2030",
          "Nghị quyết Đại hội lần thứ XIII của Đảng", "công tác dân vận ở cơ sở", "chuyển đổi số ở xã, phường",
          "cải cách hành chính", "xây dựng nông thôn mới nâng cao",
          "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "phòng, chống tham nhũng, tiêu cực",
          "bảo vệ nền tảng tư tưởng của Đảng"]
SENTENCES = [
    "Sáng ngày {d}/{m}, {u} đã {a} {t}, thu hút đông đảo cán bộ, đảng viên và nhân dân tham gia.",
    "Các đại biểu thảo luận sôi nổi, đóng góp nhiều ý kiến tâm huyết, sát thực tế về {t}.",
    "Theo kế hoạch, đợt tuyên truyền cao điểm diễn ra từ ngày {d} tháng {m} đến hết tháng {m2}.",
    "Báo cáo viên nhấn mạnh yêu cầu bám sát thực tiễn, kịp thời cung cấp thông tin định hướng, "
    "phản bác các quan điểm sai trái, thù địch.",
    "Kết quả bước đầu cho thấy nhận thức của cán bộ, đảng viên về {t} có chuyển biến rõ nét.",
    "Ban Thường vụ đề nghị các chi bộ tiếp tục đổi mới nội dung, hình thức sinh hoạt, nâng cao chất lượng "
    "sinh hoạt chi bộ.",
    "Nhiều mô hình hay, cách làm sáng tạo ở cơ sở được nhân rộng, tạo khí thế phấn khởi trong nhân dân.",
    "Dịp này, {u} khen thưởng {n} tập thể và cá nhân có thành tích xuất sắc.",
    "Hệ thống loa truyền thanh cơ sở phát tin, bài về {t} vào các buổi sáng và chiều hằng ngày.",
    "Phát biểu chỉ đạo, đồng chí Bí thư yêu cầu các cấp ủy chuẩn bị chu đáo văn kiện, nhân sự và "
    "công tác tổ chức đại hội.",
    "Các khẩu hiệu tuyên truyền được treo tại trụ sở, trường học, nhà văn hóa và trên các tuyến phố chính.",
    "Hội nghị cũng dành thời gian đánh giá kết quả thực hiện nhiệm vụ quý {q} và bàn giải pháp thời gian tới.",
    "Đến nay, {n} chi bộ trực thuộc đã tổ chức xong đại hội, bảo đảm đúng tiến độ và hướng dẫn của cấp trên.",
]
AUTHORS = ["Phòng Tuyên truyền", "Ban biên tập", "Trần Văn Minh", "Nguyễn Thị Hồng Nhung", "Lê Quang Huy"]
CATEGORIES = ["Hoạt động", "Đại hội cơ sở", "Góp ý văn kiện", "Tuyên truyền trực quan", "Gương điển hình",
              "Chỉ đạo, hướng dẫn"]


def work_folder(keep: str | None, prefix: str) -> Path:
    """A bench's folder: `keep` (--keep DIR), left for a look afterwards; else a temporary one,
    removed when the bench ends."""
    if keep:
        work = Path(keep)
        work.mkdir(parents=True, exist_ok=True)
        return work
    work = Path(tempfile.mkdtemp(prefix=prefix))
    atexit.register(shutil.rmtree, work, ignore_errors=True)
    return work


def bench_content(keep: str | None, prefix: str, posts: int) -> tuple[Path, Path]:
    """(a bench's folder (`work_folder`), the synthetic site of `posts` posts generated in it)."""
    work = work_folder(keep, prefix)
    return work, generate(work / "content", posts=posts)


def sentences(rng: random.Random, words: int) -> list[str]:
    out, count = [], 0
    while count < words:
        m = rng.randint(1, 11)
        s = rng.choice(SENTENCES).format(u=rng.choice(UNITS).format(n=rng.randint(1, 12)), a=rng.choice(DEEDS),
                                         t=rng.choice(TOPICS), d=rng.randint(1, 28), m=m, m2=m + 1,
                                         n=rng.randint(3, 40), q=rng.randint(1, 4))
        out.append(s)
        count += len(s.split())
    return out


def _front(text: str) -> dict:
    return yaml.safe_load(text.split("---", 2)[1]) if text.startswith("---") else {}


def plan_phases(plan_files: list[Path]) -> list[tuple[str, list[tuple[str | None, str]]]]:
    """(plan number, its phases as (track, label)) for each plan copied, read from the plans themselves:
    a post in a plan with parallel tracks names its track too, as the news check asks."""
    out = []
    for f in plan_files:
        front = _front(f.read_text(encoding="utf-8"))
        out.append((front["number"], [(p.get("track"), str(p["label"])) for p in front.get("phases") or []
                                      if p.get("label")]))
    return out


def post(rng: random.Random, day: date, words: int, phases: list, covers: list[str]) -> str:
    title, summary = sentences(rng, 1)[0].rstrip("."), sentences(rng, 1)[0]
    body = sentences(rng, words)
    front = {"title": title, "date": day.isoformat(), "author": rng.choice(AUTHORS), "summary": summary,
             "categories": rng.sample(CATEGORIES, rng.randint(1, 2))}
    if covers and rng.random() < 0.6:
        front |= {"cover": rng.choice(covers), "cover_alt": "Quang cảnh hoạt động tuyên truyền"}
    number, labels = rng.choice(phases) if phases else (None, [])
    if number and labels and rng.random() < 0.5:
        track, label = rng.choice(labels)
        front |= {"plan": number, "phase": label} | ({"track": str(track)} if track else {})
    # A JSON string is a YAML double-quoted string: values stay quoted, as the README asks editors.
    head = "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in front.items())
    paragraphs = [" ".join(body[k:k + 4]) for k in range(0, len(body), 4)]
    return f"---\n{head}---\n\n" + "\n\n".join(paragraphs) + "\n"


def generate(out_dir, posts: int = 1000, plans: int = 3, seed: int = 1, words: int = 400) -> Path:
    """Write a full content folder into `out_dir` (replaced) and return it. The defaults (3 plans, seed 1)
    make the site every bench measures: bench/run.py's, whose figures the others are read against."""
    rng = random.Random(seed)
    out = Path(out_dir)
    if out.exists():
        shutil.rmtree(out)
    # Settings, congresses and the sample's pages as they are; plans: the first `plans` of them.
    shutil.copytree(SAMPLE, out, ignore=shutil.ignore_patterns(POSTS_DIR, "ke-hoach"))
    (out / "ke-hoach").mkdir()
    sample_plans = sorted(f for f in (SAMPLE / "ke-hoach").glob("*.md") if f.name != "index.md")
    for f in [SAMPLE / "ke-hoach" / "index.md", *sample_plans[:plans]]:
        if f.is_file():
            shutil.copy(f, out / "ke-hoach" / f.name)
    folder = out / POSTS_DIR
    folder.mkdir()
    covers = []
    if (SAMPLE / POSTS_DIR / "anh").is_dir():      # the sample's pictures, as editors would add them
        shutil.copytree(SAMPLE / POSTS_DIR / "anh", folder / "anh")
        covers = sorted(f"anh/{p.name}" for p in (folder / "anh").iterdir() if p.suffix.lower() in
                        (".jpg", ".jpeg", ".png", ".webp"))
    phases = plan_phases(sample_plans[:plans])
    first = date(2024, 1, 1)
    for i in range(posts):
        day = first + timedelta(days=i * 730 // max(posts, 1))
        (folder / f"{day.isoformat()}-tin-{i:05d}.md").write_text(post(rng, day, words, phases, covers),
                                                                  encoding="utf-8")
    return out


def main(argv=None) -> int:
    sys.path.insert(0, str(ROOT))
    from daihoi.cli.cliparse import Parser

    parser = Parser(prog="bench/synth.py", description="Tạo thư mục nội dung tổng hợp để đo: kế hoạch mẫu và N tin bài.")
    parser.add_argument("out", help="thư mục nội dung sẽ tạo (xóa nếu đã có)")
    parser.add_argument("--posts", type=int, default=1000, help="số tin bài (mặc định 1000)")
    parser.add_argument("--plans", type=int, default=3, help="số kế hoạch chép từ content/ (mặc định 3)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    generate(args.out, args.posts, args.plans, args.seed)
    print(f"Đã tạo {args.posts} tin bài, {args.plans} kế hoạch trong {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
