"""Read an editor's file: bytes -> text -> (front matter data, line map, body).

Scalars are kept as the strings the editor typed (YAML 1.1 would turn `1.10`
into the float 1.1, `07` into 7 and `no` into False); the schema converts them.
Each value's line is recorded so a message can say `x.md:12`.

Bounded: a file over MAX_BYTES, YAML nested deeper than MAX_DEPTH (libyaml's
composer recurses in C and crashes the process on ~100,000 levels), a list or
mapping of more than MAX_ITEMS entries, and YAML aliases (`*a`, a "billion laughs"
expands nine levels of them into 10^9 values) are refused with a message before
anything walks the data. Bidirectional controls are refused anywhere in a file;
zero-width characters are dropped from front matter values and keys
(daihoi/text/invisible.py says why).
"""
from __future__ import annotations

import codecs
import hashlib
import os
import re
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import yaml

from daihoi.cli import kept
from daihoi.model.problems import Problem
from daihoi.text import invisible
from daihoi.text.vntext import nfc

Path_ = tuple  # a path into the data, e.g. ("phases", 0, "start")

MAX_BYTES = 2_000_000  # a plan is ~40 KB; anything this large is a mistake
MAX_DEPTH = 40         # a plan nests 4 levels (phases > relative > congress)
MAX_ITEMS = 500        # entries in one list or mapping: a plan has ~50 slogans; each slogan is a banner PDF

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


@dataclass
class Source:
    path: str                       # as shown to the editor
    data: object = None             # plain dicts / lists / str / None
    lines: dict = field(default_factory=dict)   # Path_ -> 1-based line
    body: str = ""
    body_line: int = 1              # line where the Markdown body starts

    def line(self, path: Path_) -> int:
        """Line of `path`, or of its nearest ancestor that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


def decode(raw: bytes, shown: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 (BOM allowed) to NFC text; anything else is a clear error."""
    if raw.startswith(codecs.BOM_UTF16_LE) or raw.startswith(codecs.BOM_UTF16_BE):
        return None, [Problem(shown, 0, "Tệp được lưu bằng bảng mã UTF-16",
                              "Mở tệp và lưu lại với bảng mã UTF-8 (trong Notepad: Lưu thành… > Mã hóa: UTF-8)",
                              code="encoding")]
    if b"\x00" in raw[:8192]:
        return None, [Problem(shown, 0, "Tệp không phải văn bản (có thể là tệp nhị phân đặt nhầm đuôi .md)",
                              "Chỉ đặt tệp văn bản Markdown trong thư mục content/; tệp đính kèm để đúng đuôi của nó",
                              code="binary")]
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        return None, [Problem(shown, line, "Tệp không phải bảng mã UTF-8 (có thể là Windows-1258 hoặc TCVN3)",
                              "Mở tệp và lưu lại với bảng mã UTF-8",
                              code="encoding")]
    return printable_nfc(text.replace("\r\n", "\n").replace("\r", "\n")), []


# Invisible control characters pasted from Word (Shift+Enter is \x0b, a page break \x0c)
# or other programs: XML (DOCX, sitemap) cannot carry them, and no reader sees them.
# C1 controls (U+0080-U+009F) come from text decoded with the wrong code page; lone
# surrogates only from YAML escapes ("\uD800"), and no file can be written with them.
# Next line (U+0085) and the line and paragraph separators are line breaks, as YAML reads them.
_BREAKS = re.compile(r"[\x0b\x0c\x85\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff\ud800-\udfff]")


def printable(text: str) -> str:
    """Text without control characters: Word's line and page breaks become line breaks."""
    return _CONTROL.sub("", _BREAKS.sub("\n", text))


# Every character `printable` changes (_BREAKS and _CONTROL together).
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff\ud800-\udfff]")


def printable_nfc(text: str) -> str:
    """printable(nfc(text)); a text that is NFC and has nothing `printable` removes, as most pages
    are, is only searched once (the two substitutions and the normalisation of every page's text
    were a twentieth of a rebuild's own time after one edit)."""
    if _UNPRINTABLE.search(text) is None and unicodedata.is_normalized("NFC", text):
        return text
    return printable(nfc(text))


_once: dict | None = None      # absolute path -> (bytes, their SHA-256), while `one_reading` lasts


@contextmanager
def one_reading():
    """While it lasts, each file is read from the disk once (`file_bytes`), and every later reading of
    it takes those bytes. A build reads each post four times, its digest three (the content check,
    the posts against the plans, the engine): 4,300 files opened and 3,000 digests for 1,000 posts,
    30 ms of every build and rebuild. For a process that is one build (build.py build), which reads
    the content once: the check and the engine then read the very same bytes, even of a file saved
    meanwhile. The preview and the desk, which read the content again after each save, do not use it."""
    global _once
    _once = {}
    try:
        yield
    finally:
        _once = None


def file_bytes(file) -> tuple[bytes, bytes]:
    """(the bytes of `file`, their SHA-256 digest): read now, or as first read within `one_reading`."""
    path = os.path.abspath(file) if _once is not None else None
    found = _once.get(path) if _once is not None else None
    if found is None:
        raw = Path(file).read_bytes()
        found = (raw, hashlib.sha256(raw).digest())
        if _once is not None:
            _once[path] = found
    return found


def read(file: Path, shown: str) -> tuple[Source | None, list[Problem]]:
    """Read a Markdown file with optional front matter, or a .yml data file."""
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:
            return None, [Problem(shown, 0, f"Tệp quá lớn ({size:,} byte; giới hạn {MAX_BYTES:,} byte)".replace(",", "."),
                                  "Chia nội dung thành nhiều trang, hoặc đưa tệp lớn vào mục tài liệu đính kèm",
                                  code="too-large")]
        raw, digest = file_bytes(file)
    except OSError as exc:
        return None, [Problem(shown, 0, f"Không đọc được tệp ({exc.strerror})", "Kiểm tra tệp còn tồn tại và có quyền đọc",
                              code="unreadable")]
    # The same bytes read the same: the check, the build and each `serve` rebuild read every file.
    key = (shown, file.suffix, digest)
    if key not in _read:
        if len(_read) > 20000:
            _read.clear()
        _read[key] = _read_bytes(raw, file.suffix, shown)
    _state["used"].add(key)
    src, problems = _read[key]
    # A copy of the list: callers add their own problems to it (news.read_post does), and those
    # must not be handed to the next reader of the same bytes (the desk and `serve` live on).
    return src, list(problems)


_read: dict = {}
_state: dict = {"used": set(), "loaded": set()}     # since remember(): the keys read, the keys taken up


def remember(file: Path, tag: str) -> None:
    """Take up what an earlier run read (`keep`), if it was written by the same code (`tag`): a
    build reads every page's front matter, and on 1,000 posts parsing them was 0.4 s of each rebuild.
    The same bytes are still read and their digest compared; only the parsing is skipped."""
    entries = kept.readings(file, tag)
    learn(entries)
    _state["used"], _state["loaded"] = set(), set(entries)


def known() -> dict:
    """Every reading this process holds, for another process that reads the same files (`learn`):
    the content check's worker (content_check.after_plans) reads every page the build's own process
    has read already, and parsing the 1,000 posts' front matter again there took 0.5 s of CPU;
    handing them over pickled takes 0.03 s on each side."""
    return dict(_read)


def learn(entries: dict) -> None:
    """Take up readings made by another process of this code (`known`) or an earlier run (`remember`)."""
    for key, value in entries.items():
        _read.setdefault(key, value)


def keep(file: Path, tag: str) -> None:
    """Write what this run read since remember(), for the next run (daihoi/cli/kept.py); nothing
    when it read just what it took up."""
    kept.keep_readings(file, tag, {key: _read[key] for key in _state["used"] if key in _read}, _state["loaded"])


def _read_bytes(raw: bytes, suffix: str, shown: str) -> tuple[Source | None, list[Problem]]:
    text, problems = decode(raw, shown)
    if text is None:
        return None, problems
    if not text.strip():
        return None, [Problem(shown, 0, "Tệp rỗng", "Viết nội dung vào tệp, hoặc xóa tệp", code="empty")]
    bidi = bidi_problems(text, shown)
    if suffix in (".yml", ".yaml"):
        src, problems = parse_yaml(text, shown, first_line=1)
        return src, list(dict.fromkeys(bidi + problems))
    m = _FRONT.match(text)
    if not m:
        src = Source(shown, data={}, body=text)
        return src, bidi
    src, problems = parse_yaml(m.group(1) or "", shown, first_line=2)
    if src is None:
        return None, list(dict.fromkeys(bidi + problems))      # a raw bidi control is found twice
    src.body = text[m.end():]
    src.body_line = text[:m.end()].count("\n") + 1
    return src, bidi + problems


def bidi_problems(text: str, shown: str) -> list[Problem]:
    """A bidirectional control on a line is an error: the reader would see other words than the editor."""
    return [Problem(shown, line, f"Có ký tự vô hình đổi chiều chữ {invisible.name_of(char)}: "
                                 "trên trang, chữ sau nó hiện ngược hoặc đảo chỗ, khác với chữ đã viết",
                    "Xóa ký tự này (thường dính vào khi dán từ trang web, tin nhắn, PDF): "
                    "gõ lại dòng này, hoặc đưa con trỏ qua từng chữ và xóa chỗ con trỏ dừng mà không thấy chữ",
                    code="bidi")
            for line, char in invisible.bidi_lines(text)]


class _Refused(Exception):
    """YAML that must not be walked: `.problem` says why and where."""

    def __init__(self, problem: Problem):
        super().__init__(problem.what)
        self.problem = problem


def _too_deep(text: str, shown: str, offset: int) -> Problem | None:
    """YAML nested deeper than MAX_DEPTH, found by scanning tokens (the scanner does not recurse).

    Nesting needs a bracket, a dash or a new line per level: text with fewer of them
    than MAX_DEPTH cannot be too deep and is not scanned (the usual case).
    """
    bound = text.count("[") + text.count("{") + text.count("-") + text.count("?") + text.count("\n")
    if bound <= MAX_DEPTH:
        return None
    depth = 0
    opening = (yaml.BlockMappingStartToken, yaml.BlockSequenceStartToken,
               yaml.FlowMappingStartToken, yaml.FlowSequenceStartToken)
    closing = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)
    try:
        for token in yaml.scan(text, Loader=_FAST or _Loader):
            if isinstance(token, opening):
                depth += 1
                if depth > MAX_DEPTH:
                    return Problem(shown, token.start_mark.line + 1 + offset,
                                   f"Phần thông tin đầu trang (YAML) lồng nhau quá {MAX_DEPTH} tầng",
                                   "Viết các mục theo mẫu (kế hoạch chỉ cần 3, 4 tầng thụt lề); "
                                   "bỏ các dấu [ { - thừa", code="yaml-limit")
            elif isinstance(token, closing):
                depth -= 1
    except yaml.YAMLError:
        return None         # a syntax error: compose reports it with the familiar message
    return None


def _alias_line(text: str, fallback: int) -> int:
    """0-based line of the first alias (*name) in `text`, found by the scanner."""
    try:
        for token in yaml.scan(text, Loader=_FAST or _Loader):
            if isinstance(token, yaml.AliasToken):
                return token.start_mark.line
    except yaml.YAMLError:
        pass
    return fallback


class _Loader(yaml.SafeLoader):
    pass


# libyaml composes ~17x faster than pure Python and keeps line marks; a build asks for
# the same front matter several times (check, then hooks). On an error the pure
# loader runs again, so the message is the one _EXPLAIN knows.
_FAST = getattr(yaml, "CSafeLoader", None)
_composed: dict = {}


def composed(text: str):
    """The node `read` composed for this YAML text (the libyaml reading), or None if it composed none:
    the engine's own reading of a page's front matter constructs its values from it (the adapter's
    _front_matter_from_check) instead of parsing the same text again."""
    return _composed.get(text)


def _compose(text: str):
    if text in _composed:
        return _composed[text]
    try:
        node = yaml.compose(text, Loader=_FAST) if _FAST else yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        node = yaml.compose(text, Loader=_Loader)     # raises the familiar error
    if len(_composed) > 20000:
        _composed.clear()
    _composed[text] = node
    return node


def parse_yaml(text: str, shown: str, first_line: int) -> tuple[Source | None, list[Problem]]:
    offset = first_line - 1
    if "\t" in text:
        for n, line in enumerate(text.split("\n"), start=first_line):
            stripped = line.lstrip(" ")
            if stripped.startswith("\t"):
                return None, [Problem(shown, n, "Dòng thụt lề bằng phím Tab",
                                      "YAML chỉ cho phép thụt lề bằng dấu cách: thay Tab bằng 2 dấu cách",
                                      code="yaml-tab")]
    deep = _too_deep(text, shown, offset)
    if deep:
        return None, [deep]
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        # An unclosed quote is reported at the end of the text; its opening is
        # where the editor must look.
        unclosed = (exc.problem or "").startswith("found unexpected end of stream")
        # "key value" without its colon is noticed on the next line; the key is where it started.
        no_colon = (exc.problem or "").startswith("could not find expected ':'") and \
            exc.context == "while scanning a simple key"
        mark = (exc.context_mark if unclosed or no_colon else exc.problem_mark) or exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + offset) if mark else first_line
        explained = _explain(exc)
        # A quote left open swallows the next line, and PyYAML complains there.
        opened = _open_quote_line(text, line - offset)
        if opened and opened < line - offset:
            line, explained = opened + offset, "thiếu dấu ngoặc kép đóng"
        return None, [Problem(shown, line, f"Phần thông tin đầu trang (YAML) sai cú pháp: {explained}",
                              "Sửa dòng này theo mẫu; giá trị có dấu hai chấm hoặc ngoặc thì đặt trong ngoặc kép \"...\"",
                              code="yaml-syntax")]
    except yaml.YAMLError as exc:
        return None, [Problem(shown, first_line, f"Phần thông tin đầu trang (YAML) sai cú pháp: {exc}",
                              "Sửa theo mẫu", code="yaml-syntax")]
    src = Source(shown)
    src.lines[()] = first_line if node is None else node.start_mark.line + 1 + offset
    try:
        src.data = {} if node is None else _plain(node, (), src, offset, set(), 0)
    except _Refused as exc:
        problem = exc.problem
        if problem.code == "yaml-alias":
            problem = Problem(problem.path, _alias_line(text, problem.line - 1 - offset) + 1 + offset,
                              problem.what, problem.fix, code=problem.code)
        return None, [problem]
    return src, []


def _open_quote_line(text: str, upto: int) -> int | None:
    """First line (1-based, up to `upto`) with an odd number of double quotes, if any."""
    for n, line in enumerate(text.split("\n")[:upto], start=1):
        if line.lstrip().startswith("#"):
            continue
        if line.replace('\\"', "").count('"') % 2:
            return n
    return None


_NULLS = {"", "~", "null", "Null", "NULL"}


def _plain(node, path, src: Source, offset: int, seen: set, depth: int):
    line = node.start_mark.line + 1 + offset
    src.lines.setdefault(path, line)
    # An alias is the same node met twice: refused before it is expanded.
    if id(node) in seen:
        raise _Refused(Problem(src.path, line, "Phần thông tin đầu trang (YAML) dùng tham chiếu “*…” tới một giá trị "
                               "đặt tên bằng “&…”: công cụ không nhận cách viết này",
                               "Viết đầy đủ giá trị ở từng chỗ cần dùng; nếu giá trị bắt đầu bằng * hoặc & thì đặt "
                               "nó trong ngoặc kép, ví dụ title: \"*Chú ý\"", code="yaml-alias"))
    seen.add(id(node))
    if depth > MAX_DEPTH:
        raise _Refused(Problem(src.path, line, f"Phần thông tin đầu trang (YAML) lồng nhau quá {MAX_DEPTH} tầng",
                               "Viết các mục theo mẫu (kế hoạch chỉ cần 3, 4 tầng thụt lề)", code="yaml-limit"))
    if isinstance(node, yaml.ScalarNode):
        if not node.style and node.value in _NULLS:      # plain: None (PyYAML) or "" (libyaml)
            return None
        # "\x01" escapes in quoted YAML, too; zero-width marks make equal-looking titles differ;
        # a value of only combining marks or format characters shows nothing: it is empty.
        value = invisible.strip_zero_width(printable_nfc(node.value))
        if invisible.has_bidi(value):       # written as an escape ("\u202e"): the text scan did not see it
            raise _Refused(replace(bidi_problems(value.replace("\n", " "), src.path)[0], line=line))
        return value if invisible.has_visible(value) or not value.strip() else ""
    if len(node.value) > MAX_ITEMS:
        name = next((p for p in reversed(path) if isinstance(p, str)), "")
        where = f"Mục “{name}”" if name else "Danh sách"
        raise _Refused(Problem(src.path, src.lines.get(path, line), f"{where} có {len(node.value):,} phần tử "
                               f"(giới hạn {MAX_ITEMS:,})"
                               .replace(",", "."),
                               "Giữ những phần tử cần đăng; chia thành nhiều kế hoạch hoặc trang nếu thật sự cần",
                               code="yaml-limit"))
    if isinstance(node, yaml.SequenceNode):
        return [_plain(child, path + (i,), src, offset, seen, depth + 1) for i, child in enumerate(node.value)]
    out: dict = {}
    for key_node, value_node in node.value:
        key = invisible.strip_zero_width(printable(str(key_node.value)))
        src.lines[path + (key,)] = key_node.start_mark.line + 1 + offset
        out[key] = _plain(value_node, path + (key,), src, offset, seen, depth + 1)
    return out


def engine_meta(meta: dict) -> dict:
    """The values of a page's front matter as the engine parsed them, cleaned as `read` cleans
    them: {key: cleaned value} for those that differ. YAML escapes ("\\u200b", "\\x9a") are only
    decoded by the engine's own parser, after `engine_text` has seen the text."""
    def clean(value):
        if isinstance(value, str):
            text = invisible.strip_zero_width(printable_nfc(value))
            return text if invisible.has_visible(text) or not text.strip() else ""
        if isinstance(value, list):
            return [clean(v) for v in value]
        return value
    cleaned = {key: clean(value) for key, value in meta.items()}
    return {key: value for key, value in cleaned.items() if value != meta[key]}


@lru_cache(maxsize=4096)        # the preview passes every page's unchanged text again at each save
def engine_text(text: str) -> str:
    """A page's text as MkDocs should read it: as `read` sees it (NFC, no control characters)
    and without zero-width characters in the front matter, where MkDocs takes the title from."""
    text = printable_nfc(text)
    m = _FRONT.match(text)
    if not m:
        return text
    return invisible.strip_zero_width(text[:m.end()]) + text[m.end():]


# PyYAML's messages, by prefix, in words an editor understands.
_EXPLAIN = [
    ("mapping values are not allowed here", "có dấu hai chấm (:) không đúng chỗ"),
    ("could not find expected ':'", "thiếu dấu hai chấm (:) sau tên mục"),
    ("found character '\\t'", "có ký tự Tab"),
    ("expected <block end>, but found '-'", "dấu gạch đầu dòng (-) thụt lề không khớp"),
    ("expected <block end>", "thụt lề không khớp với dòng trên"),
    ("did not find expected key", "thụt lề không khớp với dòng trên"),
    ("did not find expected '-' indicator", "dấu gạch đầu dòng (-) thụt lề không khớp"),
    ("found unexpected end of stream", "thiếu dấu ngoặc kép đóng"),
    ("found undefined alias", "có ký tự * ở đầu giá trị"),
    ("found undefined tag handle", "có ký tự ! ở đầu giá trị"),
    ("found duplicate anchor", "có ký tự & ở đầu giá trị"),
]


def _explain(exc: yaml.MarkedYAMLError) -> str:
    problem = (exc.problem or "").strip()
    for english, vietnamese in _EXPLAIN:
        if problem.startswith(english):
            return vietnamese
    return f"lỗi cú pháp ({problem})" if problem else "lỗi cú pháp"


def links_out(content_dir: Path, shown) -> list[Problem]:
    """Symbolic links in the content folder that point outside it (or nowhere).

    The engine would publish whatever such a link points to (/etc/passwd, the
    repository's .git, a colleague's private folder); `shown(path)` gives the path
    as the editor sees it.
    """
    import os

    root = Path(content_dir).resolve()
    out = []
    for folder, dirs, files in os.walk(content_dir):
        for name in sorted(dirs + files):
            path = Path(folder) / name
            if not path.is_symlink():
                continue
            try:
                target = path.resolve(strict=True)
            except (OSError, RuntimeError):
                out.append(Problem(shown(path), 0, "Liên kết (shortcut) trỏ tới tệp không có hoặc trỏ vòng",
                                   "Xóa liên kết này; chép tệp thật vào thư mục content/", code="symlink"))
                continue
            if target != root and root not in target.parents:
                out.append(Problem(shown(path), 0, "Liên kết (shortcut) trỏ ra ngoài thư mục content/: "
                                   "công cụ sẽ không đưa tệp ngoài thư mục nội dung lên trang",
                                   "Xóa liên kết này; chép tệp cần đăng vào thư mục content/", code="symlink"))
    return sorted(out)


def find_line(file: Path, needle: str) -> int:
    """1-based line of the first occurrence of `needle` in `file` (0 when not found or unreadable).

    The engine names a link but not its line; the editor needs the line.
    """
    try:
        text, _ = decode(Path(file).read_bytes(), str(file))
    except OSError:
        return 0
    needle = nfc(needle)
    for n, line in enumerate((text or "").split("\n"), start=1):
        if needle and needle in line:
            return n
    return 0


def read_text(text: str, shown: str) -> tuple[Source | None, list[Problem]]:
    """Front matter and body of a Markdown text already in memory (as `read` does for a file)."""
    m = _FRONT.match(text)
    if not m:
        return Source(shown, data={}, body=text), []
    src, problems = parse_yaml(m.group(1) or "", shown, first_line=2)
    if src is not None:
        src.body = text[m.end():]
        src.body_line = text[:m.end()].count("\n") + 1
    return src, problems
