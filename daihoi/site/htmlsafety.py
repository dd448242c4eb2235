"""The last check of each finished page, and rel="noopener noreferrer" on links to other sites.

What content brings into a page is cleaned before (daihoi/site/sanitize.py, an
allow-list applied by nh3). This is a second line of defence for what no single
step sees: the theme's templates printing values, MkDocs' titles and menus.

* `screen(page)` is a few regular expressions over the page text (under a
  millisecond for a 20 KB page): it finds every spot that *could* be unsafe. Theme
  pages normally have none, so nothing more runs;
* `page_dangers(page)` reads a page that the screen flagged with a real HTML
  parser, as the browser will, and says what must not be published (the build
  then fails: the page is never published).

The theme itself uses <script src> (its own files), <meta http-equiv> (the CSP),
<link> and <form> (search on our own pages): those are checked for where they lead.
"""
from __future__ import annotations

import re
from functools import lru_cache
from html.parser import HTMLParser

from daihoi.site.sanitize import normal_url

EMBED_TAGS = {"iframe", "frame", "frameset", "object", "embed", "applet", "portal"}
PAGE_TAGS = EMBED_TAGS | {"base", "style"}
UNSAFE_SCHEMES = ("javascript:", "vbscript:", "livescript:", "data:")
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "poster", "background", "data", "srcset",
             "cite", "longdesc", "dynsrc", "lowsrc", "codebase"}
LOADING_ATTRS = {"src", "poster", "background", "data", "srcset"}   # fetched when the page opens
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.I)

# Anything the parser would flag is matched by one of these (they match more: the parser decides).
# Several short patterns over the lower-cased page: each starts with a literal the regular
# expression engine looks for quickly (one pattern of alternatives took 3 ms a page, these 0.7).
_SCREENS = [re.compile(pattern) for pattern in (
    r"<(?:iframe|frame|frameset|object|embed|applet|portal|base|style)\b",
    r"=\s*[\"']?\s*data\s*:",                                             # data: as an attribute's value
    r"&(?:#|tab;|newline;|colon;)",                                        # a scheme hidden in entities
    r"http-equiv\s*=\s*(?![\"']?(?:content-security-policy|x-ua-compatible)[\"'\s>])",
)]
# Event handlers: "on…=" after a space, a slash or a quote (browsers read <img/onerror=…> and
# <p class="a"onclick=…>); found by its literal and the character before it looked at.
_HANDLER = re.compile(r"on[a-z]+\s*=")
# javascript:, vbscript:, livescript: with tabs or line breaks in them. Each ends as "pt:" does, which
# pages rarely hold: that is looked for first (the whole pattern took a fifth of the screen's time).
_SCRIPT_SCHEME = re.compile(r"(?:j\s*a\s*v\s*a|v\s*b|l\s*i\s*v\s*e)\s*s\s*c\s*r\s*i\s*p\s*t\s*:")
_SCHEME_END = re.compile(r"p\s*t\s*:")
_BEFORE_HANDLER = frozenset(" \t\n\r\f/\"'")
# An attribute that loads when the page opens, with "//" in its value (another host): the pattern
#   \s(?:src|srcset|poster|background|data)\s*=\s*["']?[^"'>]*//
# has no literal to start from, and a quarter of the screen's time went trying it at every space of
# a page. `_loads_from_another_host` starts from each "//" (a page has a few) and looks around it.
_LOADING = r"\s(?:src|srcset|poster|background|data)\s*=\s*"
_LOADING_IN_RUN = re.compile(_LOADING)
_LOADING_THEN_QUOTE = re.compile(_LOADING + r"\Z")
_DELIMITER = re.compile("[\"'>]")
_SCRIPT = re.compile(r"<script\b([^>]*)>(</script>)?")
_SRC = re.compile(r"""\ssrc\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""")
_LINK_OR_FORM = re.compile(r"<(?:link|form)\b[^>]*>")
_OUTSIDE = re.compile(r"""\s(?:href|action)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:)?//""")
_REL_OK = re.compile(r"""\srel\s*=\s*["']?(?:canonical|alternate|author|license)\b""")


def _unquote(value: str) -> str:
    return value[1:-1] if value[:1] in "\"'" and value[-1:] == value[:1] and len(value) > 1 else value


def own_script(src: str) -> bool:
    """Scripts the tool publishes itself: files of the site, never another host nor inline data."""
    seen = normal_url(src)
    return bool(seen) and not seen.startswith(UNSAFE_SCHEMES) and not _EXTERNAL.match(seen)


def _last_delimiter(page: str, start: int, end: int) -> int:
    return max(page.rfind('"', start, end), page.rfind("'", start, end), page.rfind(">", start, end))


def _loads_from_another_host(page: str) -> bool:
    """Does `page` match the pattern above (_LOADING)? Looked at run by run, a run being the characters
    between two of " ' > that holds a "//", since the pattern's value part cannot cross them: it
    matches when the attribute is in the run before one of its "//" (an unquoted value), or ends the
    run before it, at the quote that opens this one. Each of those runs, and the one before it, is
    read once: linear in the page, whatever it holds."""
    # Every backward search is bounded by `searched` (the delimiter that ended the last run looked
    # at), never by the page's start: looking for a '"' back to the start of a page that has none,
    # once for each of its runs, took 20 s on a 5 MB page.
    searched, last_start = 0, 0
    i = page.find("//")
    while i != -1:
        start = _last_delimiter(page, searched, i) + 1          # the run that holds this "//"
        delimiter = _DELIMITER.search(page, i)
        end = delimiter.start() if delimiter else len(page)
        found = _LOADING_IN_RUN.search(page, start, end)
        if found and page.find("//", found.end(), end) != -1:
            return True
        if start and page[start - 1] in "\"'":
            # The run before: the last one looked at, or one after it.
            before = last_start if start - 1 == searched else _last_delimiter(page, searched, start - 1) + 1
            if _LOADING_THEN_QUOTE.search(page, before, start - 1):
                return True
        searched, last_start, i = end, start, page.find("//", end)
    return False


def screen(page: str) -> bool:
    """Could `page` hold anything `page_dangers` flags? False is certain; True asks the parser."""
    page = page.lower()
    if any(pattern.search(page) for pattern in _SCREENS):
        return True
    if _SCHEME_END.search(page) and _SCRIPT_SCHEME.search(page):
        return True
    if _loads_from_another_host(page):
        return True
    if any(page[m.start() - 1] in _BEFORE_HANDLER for m in _HANDLER.finditer(page) if m.start()):
        return True
    for m in _SCRIPT.finditer(page):
        src = _SRC.search(m.group(1))
        if not m.group(2) or not src or not own_script(_unquote(src.group(1))):
            return True
    for m in _LINK_OR_FORM.finditer(page):
        if _OUTSIDE.search(m.group(0)) and not _REL_OK.search(m.group(0)):
            return True
    return False


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


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


def page_dangers(page: str, allowed_script=own_script) -> list[tuple[int, str]]:
    """(line, what) for each thing in a finished page that must not be published.

    `allowed_script(src)` says which `<script src>` are the tool's own files.
    """
    scan = _PageScan(allowed_script)
    scan.feed(page)
    scan.close()
    return scan.dangers


def final_check(page: str) -> list[tuple[int, str]]:
    """`page_dangers`, read only when the screen finds something to read."""
    return page_dangers(page) if screen(page) else []


_A_TAG = re.compile(r"<a\s[^>]*>", re.I)
_HREF = re.compile(r"""\shref\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", re.I)
_REL = re.compile(r"""\srel\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", re.I)
NOOPENER = ("noopener", "noreferrer")


def add_noopener(page: str) -> str:
    """`rel="noopener noreferrer"` on every link to another site (kept tokens of an existing rel).
    A page whose links all have what they need (most: the theme writes its share links with it) is
    returned as it is, found from its distinct <a> tags: a call back from the regular expression for
    each of a page's forty links took twice as long."""
    if all(_with_noopener(tag) == tag for tag in set(_A_TAG.findall(page))):
        return page
    return _A_TAG.sub(lambda m: _with_noopener(m.group(0)), page)


@lru_cache(maxsize=20_000)
def _with_noopener(tag: str) -> str:
    """One <a> tag, with the rel it needs. Remembered: the menus give each of 1,300 pages the same
    thirty-odd links, and reading each again was a quarter of a second of every cold build."""
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


def danger_problems(dangers: list[tuple[int, str]], shown: str) -> list:
    """`final_check`'s findings on one finished page as the editor's problems, naming the page's file:
    the last line of defence, after the allow-list (the site builder raises them, daihoi/site/reading.py)."""
    from daihoi.model.problems import Problem

    return sorted({Problem(shown, 0, f"Trang dựng ra có nội dung không an toàn: {what}",
                           "Xóa phần này khỏi tệp (mã chạy, khung nhúng, tệp từ máy chủ bên ngoài "
                           "không được đăng lên cổng thông tin)", code="unsafe-page")
                   for _, what in dangers})
