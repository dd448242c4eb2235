"""Unsafe HTML in what an editor writes: found with its line, and never published.

Editors paste from Word and from other web sites; a pasted `<script>`, an
`onclick=`, a `javascript:` link or an `<iframe>` would run on the portal of a
public body. Markdown passes raw HTML through, and our templates print front
matter text as it is, so both are scanned before anything is built:

* `find(text)` scans Markdown or a front matter value and gives each danger
  with its line (what is wrong and how to fix it, in Vietnamese);
* `page_dangers(html)` checks a finished page with a real HTML parser, as a
  second line of defence for whatever the first scan did not recognise
  (the build then fails: the page is never published);
* `add_noopener(html)` gives every link to another site `rel="noopener noreferrer"`.

Policy (the same at both steps): refuse, never silently drop. An editor who
pasted a script must learn it is not on the page.
"""
from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from daihoi.model.problems import Problem

# Elements that run code, embed another site, redirect, restyle or collect input.
CODE_TAGS = {"script", "noscript"}
EMBED_TAGS = {"iframe", "frame", "frameset", "object", "embed", "applet", "portal"}
HEAD_TAGS = {"base", "meta", "link", "style"}
FORM_TAGS = {"form", "input", "button", "textarea", "select"}
UNSAFE_TAGS = CODE_TAGS | EMBED_TAGS | HEAD_TAGS | FORM_TAGS
# In a finished page: the theme itself uses <input> (menu toggles), <form> (search
# on our own pages) and <meta>/<link>; those are checked for where they lead.
PAGE_TAGS = EMBED_TAGS | {"base", "style"}
UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:")
# Attributes whose value is fetched or followed by the browser.
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "poster", "background", "data", "srcset",
             "cite", "longdesc", "dynsrc", "lowsrc", "codebase"}
LOADING_ATTRS = {"src", "poster", "background", "data", "srcset"}   # fetched when the page opens
_NAME = r"[A-Za-z][A-Za-z0-9:-]*"
_TAG = re.compile(r"<(/?)(" + _NAME + r")((?:[^<>\"']|\"[^\"]{0,4000}\"|'[^']{0,4000}')*)>?", re.S)
_ATTR_LIST = re.compile(r"\{:?([^{}\n]*)\}")           # Markdown attr_list: {: #id .class key=value }
_ATTR = re.compile(r"(?:^|(?<=[\s/\"'{:]))([A-Za-z_:][-\w:.]*)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'=<>`}]+)")
_MD_LINK = re.compile(r"(!?)\[(?:[^\[\]\n]|\[[^\[\]\n]{0,200}\]){0,500}\]\(\s*<?([^)\s>]*)")          # [text](url) and ![alt](url)
_MD_REF = re.compile(r"^[ ]{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)   # [id]: url
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.I)


@dataclass(frozen=True)
class Danger:
    line: int          # 0-based line in the scanned text
    what: str          # Vietnamese, no final period
    fix: str


def normal_url(value: str) -> str:
    """A URL as the browser reads it: entities decoded, controls and spaces gone, lower case.

    Browsers ignore tabs and newlines inside `java\tscript:` and decode
    `&#106;avascript:`; the check must see what the browser sees.
    """
    return html_lib.unescape(value).translate(_INVISIBLE).lower()


# Controls, space and DEL, removed in one pass (this runs for every link of every page).
_INVISIBLE = dict.fromkeys([*range(0x21), 0x7F])


def _unquote(value: str) -> str:
    return value[1:-1] if value[:1] in "\"'" and value[-1:] == value[:1] and len(value) > 1 else value


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _tag_danger(tag: str) -> tuple[str, str]:
    if tag in CODE_TAGS:
        return (f"Có mã chạy “<{tag}>” (có thể dán nhầm từ trang web khác)",
                "Xóa thẻ này cùng nội dung bên trong; trang không được chứa mã chạy")
    if tag in EMBED_TAGS:
        return (f"Có khung nhúng “<{tag}>” (tải nội dung từ trang khác)",
                "Xóa thẻ này; muốn dẫn tới video, bản đồ thì viết một liên kết [tên](https://...)")
    if tag in FORM_TAGS:
        return (f"Có ô nhập liệu “<{tag}>” (biểu mẫu gửi dữ liệu của người đọc đi nơi khác)",
                "Xóa thẻ này; muốn nhận góp ý thì viết liên kết tới trang góp ý của cổng thông tin")
    return (f"Có thẻ “<{tag}>” làm thay đổi cả trang (chuyển hướng, tải tệp ngoài, đổi giao diện)",
            "Xóa thẻ này; giao diện và thông tin trang do công cụ tạo ra")


def _url_danger(url: str, image: bool, thing: str = "Ảnh") -> tuple[str, str] | None:
    seen = normal_url(url)
    for scheme in UNSAFE_SCHEMES:
        if seen.startswith(scheme):
            if scheme == "data:":
                return (f"{thing if image else 'Liên kết'} nhúng thẳng dữ liệu “{_short(url, 30)}” (data:)",
                        "Lưu ảnh hoặc tài liệu thành tệp trong thư mục content/ rồi ghi tên tệp, "
                        "ví dụ ![mô tả ảnh](anh/le-mit-tinh.jpg)")
            return (f"Liên kết “{_short(url)}” chạy mã (giao thức {scheme}), không phải địa chỉ trang",
                    "Thay bằng địa chỉ bắt đầu bằng https:// hoặc tên một tệp trong content/")
    if image and _EXTERNAL.match(seen):
        return (f"{thing} “{_short(url)}” lấy từ máy chủ bên ngoài (trang bị chậm và lộ người đọc cho trang khác)",
                "Tải ảnh về, đặt vào thư mục content/ rồi ghi tên tệp, ví dụ ![mô tả ảnh](anh/le-mit-tinh.jpg)")
    return None


def _attr_dangers(tag: str, attrs: str):
    """(offset in attrs, what, fix) for each dangerous attribute of one tag or attr_list."""
    for m in _ATTR.finditer(attrs):
        name, value = m.group(1).lower(), _unquote(m.group(2))
        shown_tag = f"thẻ “<{tag}>”" if tag else "phần thuộc tính {...}"
        if name.startswith("on"):
            yield m.start(), (f"Có thuộc tính “{m.group(1)}” ở {shown_tag} (mã chạy khi người đọc bấm hoặc mở trang)",
                              f"Xóa “{m.group(1)}=...” khỏi {shown_tag}")
        elif name in URL_ATTRS:
            found = _url_danger(value, image=name in LOADING_ATTRS, thing="Ảnh" if tag == "img" else "Tệp")
            if found:
                yield m.start(), found


def find(text: str) -> list[Danger]:
    """Every danger in Markdown (or a front matter value), in order, with its 0-based line."""
    found: list[tuple[int, str, str]] = []
    for m in _TAG.finditer(text):
        closing, tag, attrs = m.group(1), m.group(2).lower(), m.group(3) or ""
        if closing:
            continue
        if tag in UNSAFE_TAGS:
            found.append((m.start(), *_tag_danger(tag)))
        for offset, (what, fix) in _attr_dangers(tag, attrs):
            found.append((m.start(3) + offset, what, fix))
    for m in _ATTR_LIST.finditer(text):
        for offset, (what, fix) in _attr_dangers("", m.group(1)):
            found.append((m.start(1) + offset, what, fix))
    for m in _MD_LINK.finditer(text):
        danger = _url_danger(m.group(2), image=m.group(1) == "!")
        if danger:
            found.append((m.start(2), *danger))
    for m in _MD_REF.finditer(text):
        danger = _url_danger(m.group(1), image=False)
        if danger:
            found.append((m.start(1), *danger))
    out, seen = [], set()
    for pos, what, fix in sorted(found):
        line = text.count("\n", 0, pos)
        if (line, what) not in seen:        # a tag and its attr_list form can meet twice
            seen.add((line, what))
            out.append(Danger(line, what, fix))
    return out


def problems(text: str, shown: str, first_line: int) -> list[Problem]:
    """`find` as Problems of the file `shown`, whose `text` starts at line `first_line`."""
    return [Problem(shown, first_line + d.line, d.what, d.fix, code="unsafe-html") for d in find(text)]


def value_problems(data, lines_of, shown: str, path: tuple = ()) -> list[Problem]:
    """`find` over every string in front matter data; `lines_of(path)` gives the line of a value."""
    if isinstance(data, dict):
        return [p for key, value in data.items() for p in value_problems(value, lines_of, shown, path + (key,))]
    if isinstance(data, list):
        return [p for i, value in enumerate(data) for p in value_problems(value, lines_of, shown, path + (i,))]
    if isinstance(data, str):
        return [Problem(shown, lines_of(path), d.what, d.fix, code="unsafe-html") for d in find(data)]
    return []


# ---------------------------------------------------------------------------
# Finished pages: a real parser, as the browser will read them.

class _PageScan(HTMLParser):
    def __init__(self, allowed_script):
        super().__init__(convert_charrefs=True)
        self.allowed_script = allowed_script
        self.dangers: list[tuple[int, str]] = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        self._check(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._check(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False

    def handle_data(self, data):
        if self.in_script and data.strip():
            self.dangers.append((self.getpos()[0], "mã chạy viết thẳng trong trang (<script> không có src)"))

    def _check(self, tag, attrs):
        line = self.getpos()[0]
        values = {name: value or "" for name, value in attrs}
        if tag == "script":
            self.in_script = True
            if "src" in values and not self.allowed_script(values["src"]):
                self.dangers.append((line, f"<script src=\"{_short(values.get('src', ''))}\"> không phải tệp của công cụ"))
        elif tag == "meta":
            if values.get("http-equiv", "").lower() not in ("", "content-security-policy", "x-ua-compatible"):
                self.dangers.append((line, f"<meta http-equiv=\"{values['http-equiv']}\">"))
        elif tag == "link":
            if _EXTERNAL.match(normal_url(values.get("href", ""))) and \
                    values.get("rel", "").lower() not in ("canonical", "alternate", "author", "license"):
                self.dangers.append((line, f"<link> tải tệp từ máy chủ bên ngoài: {_short(values['href'])}"))
        elif tag == "form":
            if _EXTERNAL.match(normal_url(values.get("action", ""))):
                self.dangers.append((line, f"<form> gửi dữ liệu tới máy chủ bên ngoài: {_short(values['action'])}"))
        elif tag in PAGE_TAGS:
            self.dangers.append((line, f"thẻ <{tag}>"))
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.dangers.append((line, f"thuộc tính {name}= ở thẻ <{tag}>"))
            elif name in URL_ATTRS and normal_url(value).startswith(UNSAFE_SCHEMES):
                self.dangers.append((line, f"địa chỉ “{_short(value, 40)}” ở thẻ <{tag}>"))
            elif name in LOADING_ATTRS and tag not in ("a", "link", "script") and _EXTERNAL.match(normal_url(value)):
                self.dangers.append((line, f"<{tag}> tải tệp từ máy chủ bên ngoài: {_short(value)}"))


def page_dangers(page: str, allowed_script=lambda src: False) -> list[tuple[int, str]]:
    """(line, what) for each thing in a finished page that must not be published.

    `allowed_script(src)` says which `<script src>` are the tool's own files.
    """
    scan = _PageScan(allowed_script)
    scan.feed(page)
    scan.close()
    return scan.dangers


_A_TAG = re.compile(r"<a\s[^>]*>", re.I)
_HREF = re.compile(r"""\shref\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", re.I)
_REL = re.compile(r"""\srel\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", re.I)
NOOPENER = ("noopener", "noreferrer")


def add_noopener(page: str) -> str:
    """`rel="noopener noreferrer"` on every link to another site (kept tokens of an existing rel)."""
    def fix(m: re.Match) -> str:
        tag = m.group(0)
        href = _HREF.search(tag)
        if not href or not _EXTERNAL.match(normal_url(_unquote(href.group(1)))):
            return tag
        rel = _REL.search(tag)
        if rel:
            tokens = _unquote(rel.group(1)).split()
            tokens += [t for t in NOOPENER if t not in tokens]
            return tag[:rel.start()] + f' rel="{" ".join(tokens)}"' + tag[rel.end():]
        end = len(tag) - (2 if tag.endswith("/>") else 1)
        return tag[:end] + ' rel="noopener noreferrer"' + tag[end:]
    return _A_TAG.sub(fix, page)


def scan_folder(content_dir) -> list[Problem]:
    """`find` over a whole content folder: Markdown bodies and every front matter or data value.

    Files that cannot be read are left to `content.load`, which reports them.
    """
    from pathlib import Path

    from daihoi.model import source
    from daihoi.model.content import shown

    root = Path(content_dir)
    out = source.links_out(root, shown)
    outside = {p.path for p in out}
    for file in sorted([*root.rglob("*.md"), *root.rglob("*.yml"), *root.rglob("*.yaml")]):
        if shown(file) in outside or not file.is_file():
            continue
        src, _ = source.read(file, shown(file))
        if src is None:
            continue
        out += value_problems(src.data, src.line, src.path)
        out += problems(src.body, src.path, src.body_line)
    return sorted(out)
