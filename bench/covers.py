"""CPU time of one post picture's copies (daihoi.site.images.variants: 5 widths and the share crop),
for photos of the sizes phones take, made from one of the sample's photos:

    python bench/covers.py [--repeat 5]

A cold build makes these for every post's picture, in the worker processes; a real unit's site has
a photo for most posts, so on a small site they are most of a first build's work (the synthetic site
of bench/run.py has the sample's six 1600 x 900 photos only). Each size is the median of --repeat
calls in this process. "sideways": stored turned, with the EXIF orientation a phone writes.
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PHOTO = ROOT / "content" / "tin-tuc" / "anh" / "khai-mac-dai-hoi.jpg"
SIZES = [("mẫu, 1600 x 900", (1600, 900), None), ("12 MP, 4000 x 3000", (4000, 3000), None),
         ("12 MP 16:9, 4032 x 2268", (4032, 2268), None), ("12 MP, chụp dọc (xoay 90°)", (4000, 3000), 6),
         ("48 MP, 8000 x 6000", (8000, 6000), None)]


def main(argv) -> int:
    sys.path.insert(0, str(ROOT))
    from PIL import Image

    from daihoi.cli.cliparse import Parser
    from daihoi.site import images

    parser = Parser(prog="bench/covers.py", description="Thời gian làm các bản sao của một ảnh bài, theo cỡ ảnh điện thoại.")
    parser.add_argument("--repeat", type=int, default=5, help="số lần đo mỗi cỡ, lấy trung vị (mặc định 5)")
    repeat = max(1, parser.parse_args(argv).repeat)
    source = Image.open(PHOTO).convert("RGB")
    print(f"Các bản sao của một ảnh (images.variants), trung vị {repeat} lần, CPU:")
    with tempfile.TemporaryDirectory() as tmp:
        for label, size, orientation in SIZES:
            file = Path(tmp) / f"{size[0]}x{size[1]}-{orientation}.jpg"
            exif = Image.Exif()
            if orientation:
                exif[0x0112] = orientation
            source.resize(size, Image.BICUBIC).save(file, quality=90, exif=exif)
            times = []
            for _ in range(repeat):
                start = time.process_time()
                picture, files = images.variants(file, "x", "anh")
                times.append(time.process_time() - start)
            decoded = images._open(file).size
            print(f"  {label:28} {statistics.median(times) * 1000:6.0f} ms  (giải mã {decoded[0]} x {decoded[1]}, "
                  f"{len(files)} tệp, {sum(map(len, files.values())) // 1000} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
