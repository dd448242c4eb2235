"""What an editor's HTML may contain on a page: one allow-list, applied by nh3 (ammonia).

Editors paste from Word and from other web sites, and Markdown passes raw HTML
through. Everything that reaches a page from content goes through ALLOWED below:

* the HTML that Markdown makes of a page's text is cleaned by `clean_fragment`
  (hooks/safety_mkdocs.py, on every page): nh3, the Python binding of the Rust
  crate ammonia, parses it as a browser does (html5ever) and keeps only the listed
  tags, attributes and URL schemes;
* front matter and data values, which templates print as they are, must already be
  what the allow-list keeps (`value_problems`): anything it would remove is an error;
* single-line values (titles, names) lose zero-width characters and are refused
  with bidirectional controls (`clean_line`, daihoi/text/invisible.py).

nh3 decides; it does not say what it removed. The editor must learn it, with the
file and line, so `clean_fragment` reads the input's tags and attributes (with lxml,
libxml2's parser), names each one the allow-list's data does not keep, and checks
the count against nh3's output so that nothing it dropped goes unreported. That
explanation is the only hand-written part: no kept library reports what a
sanitizer dropped.

Dangerous removals (code, frames, forms, event handlers, javascript:/data: links,
pictures from other hosts) are errors, as before: the editor who pasted a script
must know it is not on the page. Harmless ones (a <font> tag, a style or class
attribute, a half-written tag) are warnings, and the cleaned page is published.
"""
from __future__ import annotations

import html as html_lib
import re
from collections import Counter
from dataclasses import dataclass

import nh3
from lxml import etree as lxml_etree
from lxml import html as lxml_html

from daihoi.model.problems import ERROR, WARNING, Problem
from daihoi.text import invisible

# ---------------------------------------------------------------------------
# The allow-list: what news, plans and pages need, nothing that runs, embeds or restyles.

TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details",
    "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
    "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "summary", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "wbr",
})
ATTRIBUTES = {
    "*": {"id", "title", "lang"},       # id: headings' anchors (toc, attr_list)
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "time": {"datetime"},
    "details": {"open"},
    "col": {"span"},
    "colgroup": {"span"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Removed with everything inside them (their text is code or a fallback, not prose).
CLEAN_CONTENT = frozenset({"script", "style", "noscript", "template", "textarea", "title", "xmp", "iframe",
                           "noembed", "noframes"})

# What removing a tag or attribute means, for the message and its level.
CODE_TAGS = {"script", "noscript", "template"}
EMBED_TAGS = {"iframe", "frame", "frameset", "object", "embed", "applet", "portal", "svg", "math"}
HEAD_TAGS = {"base", "meta", "link", "style"}
FORM_TAGS = {"form", "input", "button", "textarea", "select", "option"}
DANGER_TAGS = CODE_TAGS | EMBED_TAGS | HEAD_TAGS | FORM_TAGS
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "poster", "background", "data", "srcset",
             "cite", "longdesc", "dynsrc", "lowsrc", "codebase"}
RUNS_CODE = ("javascript:", "vbscript:", "livescript:", "data:")
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.I)
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.I)
# Markdown's tables write their column alignment as a style the page's CSP blocks anyway:
# the tool made it, so dropping it is not the editor's concern.
_TABLE_ALIGN = re.compile(r"^\s*text-align:\s*(?:left|right|center);?\s*$")
_INVISIBLE = dict.fromkeys([*range(0x21), 0x7F])


def normal_url(value: str) -> str:
    """A URL as the browser reads it: entities decoded, controls and spaces gone, lower case."""
    return html_lib.unescape(value).translate(_INVISIBLE).lower()


def _keep_attribute(tag: str, attr: str, value: str) -> str | None:
    # Pictures load when the page opens: from another host they slow the page and tell
    # that host who reads it. Links to other sites are fine.
    if tag == "img" and attr == "src" and _EXTERNAL.match(normal_url(value)):
        return None
    return value


_CLEANER = nh3.Cleaner(tags=set(TAGS), clean_content_tags=set(CLEAN_CONTENT), attributes=ATTRIBUTES,
                       url_schemes=set(URL_SCHEMES), attribute_filter=_keep_attribute, link_rel=None,
                       strip_comments=True)


# ---------------------------------------------------------------------------
# What was removed, in the editor's words.

@dataclass(frozen=True)
class Removal:
    line: int           # 1-based line in the cleaned fragment's input
    what: str           # Vietnamese, no final period
    fix: str
    danger: bool        # an error (code, frames, unsafe links) rather than a warning
    needles: tuple      # regular expressions that find the spot in the editor's source, best first
    key: str            # what was removed, for grouping repeats


def _short(text: str, limit: int = 60) -> str:
    text = invisible.visible(" ".join(text.split()))
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _tag_removal(tag: str) -> tuple[str, str, bool]:
    if tag in CODE_TAGS:
        return (f"Có mã chạy “<{tag}>” (có thể dán nhầm từ trang web khác)",
                "Xóa thẻ này cùng nội dung bên trong; trang không được chứa mã chạy", True)
    if tag in EMBED_TAGS:
        return (f"Có khung nhúng “<{tag}>” (tải nội dung từ trang khác hoặc chứa mã chạy)",
                "Xóa thẻ này; muốn dẫn tới video, bản đồ thì viết một liên kết [tên](https://...), "
                "muốn đăng hình thì lưu thành tệp ảnh", True)
    if tag in FORM_TAGS:
        return (f"Có ô nhập liệu “<{tag}>” (biểu mẫu gửi dữ liệu của người đọc đi nơi khác)",
                "Xóa thẻ này; muốn nhận góp ý thì viết liên kết tới trang góp ý của cổng thông tin", True)
    if tag in HEAD_TAGS:
        return (f"Có thẻ “<{tag}>” làm thay đổi cả trang (chuyển hướng, tải tệp ngoài, đổi giao diện)",
                "Xóa thẻ này; giao diện và thông tin trang do công cụ tạo ra", True)
    return (f"Thẻ “<{tag}>” không dùng được trên trang nên đã bị bỏ (chữ bên trong vẫn giữ)",
            "Xóa thẻ này; định dạng chữ bằng Markdown: **đậm**, *nghiêng*, ## tiêu đề, - danh sách", False)


def _url_removal(tag: str, attr: str, value: str) -> tuple[str, str, bool]:
    seen = normal_url(value)
    thing = "Ảnh" if tag == "img" else "Tệp" if attr in ("src", "poster", "background", "data", "srcset") \
        else "Liên kết"
    if seen.startswith("data:"):
        return (f"{thing} nhúng thẳng dữ liệu “{_short(value, 30)}” (data:)",
                "Lưu ảnh hoặc tài liệu thành tệp trong thư mục content/ rồi ghi tên tệp, "
                "ví dụ ![mô tả ảnh](anh/le-mit-tinh.jpg)", True)
    for scheme in RUNS_CODE:
        if seen.startswith(scheme):
            return (f"Liên kết “{_short(value)}” chạy mã (giao thức {scheme}), không phải địa chỉ trang",
                    "Thay bằng địa chỉ bắt đầu bằng https:// hoặc tên một tệp trong content/", True)
    if tag == "img" and _EXTERNAL.match(seen):
        return (f"Ảnh “{_short(value)}” lấy từ máy chủ bên ngoài (trang bị chậm và lộ người đọc cho trang khác)",
                "Tải ảnh về, đặt vào thư mục content/ rồi ghi tên tệp, ví dụ ![mô tả ảnh](anh/le-mit-tinh.jpg)", True)
    scheme = _SCHEME.match(seen)
    named = f"giao thức {scheme.group(1)}:" if scheme else "địa chỉ"
    return (f"{thing} “{_short(value)}” dùng {named} không được phép nên đã bị bỏ",
            "Dùng địa chỉ https://..., mailto:, tel: hoặc tên một tệp trong content/", False)


def _attr_removal(tag: str, attr: str, value: str) -> tuple[str, str, bool] | None:
    """(what, fix, danger) for an attribute nh3 removed; None when the tool made it (table alignment)."""
    if attr.startswith("on"):
        return (f"Có thuộc tính “{attr}” ở thẻ “<{tag}>” (mã chạy khi người đọc bấm hoặc mở trang)",
                f"Xóa “{attr}=...” khỏi thẻ “<{tag}>”", True)
    if attr in URL_ATTRS and value and (normal_url(value).startswith(RUNS_CODE) or
                                        (tag == "img" and attr == "src")):
        return _url_removal(tag, attr, value)
    if attr in ("href", "src"):
        return _url_removal(tag, attr, value)
    if attr == "style":
        if tag in ("td", "th") and _TABLE_ALIGN.match(value):
            return None
        danger = "url(" in normal_url(value) or "expression(" in normal_url(value)
        return (f"Thuộc tính “style” ở thẻ “<{tag}>” không dùng được (trang không nhận định dạng riêng) "
                "nên đã bị bỏ", "Xóa “style=...”; giao diện do công cụ định sẵn", danger)
    return (f"Thuộc tính “{attr}” ở thẻ “<{tag}>” không dùng được nên đã bị bỏ",
            f"Xóa “{attr}=...” khỏi thẻ “<{tag}>”", False)


@dataclass
class _Tags:
    """Start tags (name, attributes, line, inside an element nh3 drops with its content) and words."""
    tags: list
    words: list


# libxml2's HTML parser (lxml, already installed for python-docx) reads any text in linear
# time; the standard library's HTMLParser takes minutes on 90 KB of "<a <a <a" (unclosed tags).
_LXML = lxml_html.HTMLParser(recover=True, remove_comments=True, remove_pis=True, encoding="utf-8")


def _read(fragment: str) -> _Tags:
    out = _Tags([], [])
    try:
        root = lxml_html.document_fromstring(("<body>" + fragment).encode("utf-8", "surrogatepass"), parser=_LXML)
    except (lxml_etree.ParserError, ValueError):
        return out          # nothing an HTML parser can read: no tags, no words
    body = root.find("body")
    if body is None:
        return out
    stack = [(child, False) for child in reversed(body)]
    out.words.extend((body.text or "").split())
    while stack:
        element, hidden = stack.pop()
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        out.tags.append((tag, list(element.attrib.items()), element.sourceline or 1, hidden))
        inside = hidden or tag in CLEAN_CONTENT
        if not inside:
            out.words.extend((element.text or "").split())
        if not hidden:
            out.words.extend((element.tail or "").split())
        stack.extend((child, inside) for child in reversed(element))
    return out


def _kept(tag: str, attr: str, value: str) -> bool:
    """Does the allow-list keep `attr` on `tag` (an allowed tag)? The same data nh3 is given."""
    if attr not in ATTRIBUTES["*"] and attr not in ATTRIBUTES.get(tag, ()):
        return False
    if attr in ("href", "src"):
        scheme = _SCHEME.match(normal_url(value))
        if scheme and scheme.group(1) not in URL_SCHEMES:
            return False
    return _keep_attribute(tag, attr, value) is not None


def _removals(fragment: str, cleaned: str) -> list[Removal]:
    """What nh3 removed from `fragment`, explained tag by tag with the allow-list's own data,
    then checked against nh3's output: a tag it dropped that the list allows (a link inside
    an inline SVG, a tag in broken markup) is reported too."""
    before, after = _read(fragment), _read(cleaned)
    out: list[Removal] = []
    expected: Counter = Counter()
    first_line: dict[str, int] = {}
    for tag, attrs, line, hidden in before.tags:
        if hidden:
            continue        # inside a <script> or <iframe>: reported with it
        if tag not in TAGS:
            what, fix, danger = _tag_removal(tag)
            # A harmless tag carrying a handler or a javascript: link is not harmless.
            worse = [_attr_removal(tag, a, v or "") for a, v in attrs]
            worse = [w for w in worse if w and w[2]]
            if worse and not danger:
                what, fix, danger = worse[0]
            out.append(Removal(line, what, fix, danger, (rf"<\s*{re.escape(tag)}\b",), f"<{tag}>"))
            continue
        expected[tag] += 1
        first_line.setdefault(tag, line)
        for attr, value in attrs:
            if _kept(tag, attr, value or ""):
                continue
            found = _attr_removal(tag, attr, value or "")
            if found:
                # A link's value as written (Markdown links have no attribute name); entities
                # in the source hide it, then the attribute's name finds the line.
                named = rf"\b{re.escape(attr)}\s*="
                needles = (re.escape(value), named) if value and attr in URL_ATTRS else (named,)
                out.append(Removal(line, *found, needles, f"{tag}[{attr}]"))
    actual = Counter(t[0] for t in after.tags)
    for tag, n in expected.items():
        if actual[tag] < n:
            out.append(Removal(first_line[tag], f"{n - actual[tag]} thẻ “<{tag}>” nằm trong HTML không hợp lệ "
                               "nên đã bị bỏ cùng nội dung", "Sửa hoặc xóa đoạn HTML dán vào quanh chỗ này",
                               False, (rf"<\s*{re.escape(tag)}\b",), f"<{tag}>?"))
    lost = _lost_words(before.words, after.words)
    if lost:
        out.append(Removal(1, f"Một đoạn HTML dở dang (thiếu dấu “>” hoặc thẻ đóng) đã bị bỏ: “{_short(' '.join(lost))}”",
                           "Viết đủ thẻ HTML, hoặc thêm dấu cách sau dấu “<” nếu đó là dấu nhỏ hơn", False,
                           (re.escape(lost[0]),), "text"))
    return out


def _lost_words(before: list[str], after: list[str]) -> list[str]:
    if len(before) == len(after):
        return []
    remaining: dict[str, int] = {}
    for word in after:
        remaining[word] = remaining.get(word, 0) + 1
    lost = []
    for word in before:
        if remaining.get(word):
            remaining[word] -= 1
        else:
            lost.append(word)
    return lost


@dataclass(frozen=True)
class Cleaned:
    html: str
    removed: list[Removal]


def clean_fragment(fragment: str) -> Cleaned:
    """`fragment` through the allow-list, and what was removed (empty when nothing was).

    For the lead's plan pages, pages and posts alike: the one place HTML from content is cleaned.
    """
    cleaned = _CLEANER.clean(fragment)
    if cleaned == fragment or ("<" not in fragment and "&" not in fragment):
        # Given back as it came (most pages: Markdown writes what the list keeps), or plain text:
        # nothing was removed, and reading both with lxml to say so was most of the cost.
        return Cleaned(cleaned, [])
    return Cleaned(cleaned, _removals(fragment, cleaned))


def page_problems(removed: list[Removal], source_text: str, shown: str) -> list[Problem]:
    """Removals from a page's HTML as problems of its source file, each at the line that wrote it.

    Markdown's HTML has no line numbers: each removal is found in the source by what it
    removed (the tag, the attribute, the link). Markdown keeps the order of the text, so
    each is looked for from where the previous one was found, and an occurrence already
    used is not used twice. Repeated harmless removals are reported once, with their count.
    """
    lines = source_text.split("\n")
    used: dict[tuple[int, str], int] = {}
    floor = 0
    out: list[Problem] = []
    repeats: dict[str, list] = {}
    for r in removed:
        line = 0
        for needle in r.needles:
            line = _find_line(lines, needle, floor, used)
            if line:
                floor = line - 1
                break
        if r.danger:
            out.append(Problem(shown, line, r.what, r.fix, ERROR, "unsafe-html"))
        else:
            repeats.setdefault(r.key, []).append((line, r))
    for found in repeats.values():
        line, r = found[0]
        more = f" (và {len(found) - 1} chỗ khác)" if len(found) > 1 else ""
        out.append(Problem(shown, line, r.what + more, r.fix, WARNING, "html-removed"))
    return sorted(set(out))


def _find_line(lines: list[str], needle: str, floor: int, used: dict) -> int:
    """1-based line of the next unused occurrence of `needle`, from line index `floor` on, then from the top."""
    pattern = re.compile(needle, re.I)
    for n in [*range(floor, len(lines)), *range(0, floor)]:
        if needle and len(pattern.findall(lines[n])) > used.get((n, needle), 0):
            used[(n, needle)] = used.get((n, needle), 0) + 1
            return n + 1
    return 0


# ---------------------------------------------------------------------------
# Values that templates print as they are: front matter and data files.

_URL_KEY = re.compile(r"(?:^|_)(?:url|href|link)$")


def value_problems(data, line_of, shown: str, path: tuple = ()) -> list[Problem]:
    """Every string in front matter `data` that the allow-list would change: an error at its line.

    Templates print these values into pages unescaped, so a value must already be
    what the allow-list keeps. A value named *_url must use an allowed scheme.
    `line_of(path)` gives the line of a value.
    """
    if isinstance(data, dict):
        return [p for key, value in data.items() for p in value_problems(value, line_of, shown, path + (key,))]
    if isinstance(data, list):
        return [p for i, value in enumerate(data) for p in value_problems(value, line_of, shown, path + (i,))]
    if not isinstance(data, str):
        return []
    out = []
    if "<" in data or "&" in data:
        cleaned = clean_fragment(data)
        for r in cleaned.removed:
            out.append(Problem(shown, line_of(path), r.what, r.fix + "; phần thông tin đầu trang chỉ nên có chữ",
                               ERROR, "unsafe-html"))
        # Printed as it is, "a <b" swallows the rest of the page into a tag, "<b>đậm" makes it bold.
        if not cleaned.removed and html_lib.unescape(cleaned.html) != html_lib.unescape(data):
            out.append(Problem(shown, line_of(path), f"Giá trị “{_short(data)}” có HTML dở dang (thẻ không đóng, "
                               "hoặc dấu “<” liền với chữ): trên trang, phần sau nó bị mất hoặc đổi định dạng",
                               "Viết đủ thẻ đóng, hoặc thêm dấu cách sau dấu “<”, hoặc viết “nhỏ hơn”",
                               ERROR, "unsafe-html"))
    key = next((str(k) for k in reversed(path) if isinstance(k, str)), "")
    if _URL_KEY.search(key.lower()):
        seen = normal_url(data)
        scheme = _SCHEME.match(seen)
        if seen.startswith(RUNS_CODE) or (scheme and scheme.group(1) not in URL_SCHEMES):
            what, fix, _ = _url_removal("a", "href", data)
            out.append(Problem(shown, line_of(path), f"Mục “{key}”: " + what[0].lower() + what[1:], fix,
                               ERROR, "unsafe-html"))
    return out


def clean_line(value: str) -> tuple[str, list[str]]:
    """A single-line value (a title, a name) as pages may print it, and what must be refused.

    Returns (the value without zero-width characters, controls and bidirectional
    controls; the Vietnamese names of the bidirectional controls found). A caller
    reports a non-empty list as an error: U+202E in a title shows the reader other
    words than the ones published.
    """
    refused = [invisible.name_of(c) for c in dict.fromkeys(value) if c in invisible.BIDI_CONTROLS]
    text = invisible.strip_zero_width(value)
    text = "".join(c for c in text if c not in invisible.BIDI_CONTROLS and (c >= " " or c == "\t") and c != "\x7f")
    return text, refused
