"""Ship only the CSS the built pages use: a deterministic purge of the site's stylesheets.

Material's stylesheet is 134 KB (22 KB gzip) of rules for components our pages never
show (its search dialog, tabs, admonitions, code annotations, …); on a phone's first
view it was a third of every byte. After a build, `prune_site` reads every page of
the finished site and every script, and rewrites each stylesheet the pages link to
with only the rules that can match:

* a selector is kept when every simple selector in it names something that occurs:
  a tag, a class, an id, an attribute (and, for `[a=v]`, `[a^=v]` …, a value) found
  in some page, in some script's text, or in the runtime list (below). Structure is
  not checked (`.a .b` is kept when `.a` and `.b` occur anywhere): the purge can
  keep a rule that never applies, never drop one that could. `:is()`, `:where()`,
  `:has()` need one of their alternatives; `:not()` and other pseudo-classes need
  nothing (they depend on state: focus, hover, checked);
* a rule keeps only its selectors that can match, and goes when none can; at-rules
  (`@media`, `@supports`) go when they are left empty;
* custom properties (`--md-…`) stay only when a kept declaration, a page or a script
  refers to them, directly or through another kept property; `@keyframes` only when
  a kept declaration or a script names them;
* comments and runs of white space go (the output is minified).

What scripts add after the page loads cannot be read from the pages: the words of
every script shipped in the site count as present (class names in strings such as
`innerHTML` templates), and the theme keeps a list of what its scripts compute or
switch (a class made by concatenation, attributes whose values they set, like
`data-state`): `read_runtime` reads it (theme/components/base/css-runtime.txt).

The output depends only on the site's files, read in sorted order, so two builds of
the same content give the same bytes (tests/test_reproducible.py), and pruning an
already pruned site changes nothing.

Why by hand: no kept Python library does this. The tools that remove unused CSS are
PurgeCSS, UnCSS and lightningcss's `unused_symbols` (JavaScript or Rust); on PyPI,
filtercss (0.0.2, 2022), cssdeadwood (0.3.0, 2021, only reports) and treeshake
(0.3.1, 2021) are single releases nobody maintains. The CSS itself is read by
tinycss2 (Kozea, the parser of WeasyPrint), so only the matching rule above, about
two hundred lines, is ours.
"""
from __future__ import annotations

import hashlib
import html
import json
import os
import pickle
import posixpath
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import tinycss2
from tinycss2 import ast

from daihoi.cli.atomic import write_file

# Pseudo-classes whose arguments are selectors of which at least one must match.
ANY_OF = frozenset({"is", "where", "matches", "-webkit-any", "-moz-any", "has"})
ATTRIBUTE_OPERATORS = frozenset({"=", "~=", "|=", "^=", "$=", "*="})
_WHITESPACE = ast.WhitespaceToken(0, 0, " ")
CACHE_VERSION = 1       # with this file's own digest (_code): results kept by other code are not reused
CACHE_KEEP = 8          # results kept in the cache folder (one per vocabulary; the newest)

# A start tag with its attributes; quoted values may hold ">" (possessive: linear time).
_START_TAG = re.compile(rb"""<[A-Za-z](?:[^>"']++|"[^"]*+"|'[^']*+')*+>""")
_TAG_NAME = re.compile(rb"<([A-Za-z][A-Za-z0-9-]*)")
_ATTRIBUTE = re.compile(rb"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_VAR = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)")
_SCRIPT_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_SCRIPT_VAR = re.compile(r"--[A-Za-z0-9_-]+")


@dataclass
class Used:
    """What the pages and scripts can show: the selectors' vocabulary that occurs."""
    tags: set[str] = field(default_factory=set)             # lower case
    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    attributes: set[str] = field(default_factory=set)       # names, lower case
    values: dict[str, set[str]] = field(default_factory=dict)   # name -> values seen in pages
    any_value: set[str] = field(default_factory=set)        # names whose values scripts set: any value
    words: set[str] = field(default_factory=set)            # scripts' words: possible values too
    variables: set[str] = field(default_factory=set)        # custom properties named by pages, scripts

    def update(self, other: "Used") -> None:
        for name in ("tags", "classes", "ids", "attributes", "any_value", "words", "variables"):
            getattr(self, name).update(getattr(other, name))
        for name, values in other.values.items():
            self.values.setdefault(name, set()).update(values)


# ---------------------------------------------------------------------------
# What the site uses

def read_runtime(file: Path) -> Used:
    """The theme's list of what its scripts add at run time (one item a line, `#` comments):
    `class NAME`, `tag NAME`, `id NAME`, `attr NAME` (any value), `attr NAME=VALUE`, `var --NAME`."""
    used = Used()
    for n, line in enumerate(Path(file).read_text(encoding="utf-8").splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        kind, _, item = line.partition(" ")
        item = item.strip()
        if kind == "class":
            used.classes.add(item)
        elif kind == "tag":
            used.tags.add(item.lower())
        elif kind == "id":
            used.ids.add(item)
        elif kind == "var":
            used.variables.add(item)
        elif kind == "attr" and "=" in item:
            name, value = item.split("=", 1)
            used.attributes.add(name.strip().lower())
            used.values.setdefault(name.strip().lower(), set()).add(value.strip().strip("\"'"))
        elif kind == "attr":
            used.attributes.add(item.lower())
            used.any_value.add(item.lower())
        else:
            raise ValueError(f"{file}:{n}: không hiểu dòng “{line}” (class, tag, id, attr, var)")
    return used


def _value(groups: tuple) -> str:
    """An attribute's value from its regex groups (double-quoted, single-quoted, bare); "" when absent."""
    raw = next((group for group in groups if group), b"")
    value = raw.decode("utf-8", "replace")
    return html.unescape(value) if "&" in value else value


def page_tags(data: bytes) -> set[bytes]:
    """The distinct start tags of a page, as written (`<a class="x" href="…">`)."""
    return set(_START_TAG.findall(data))


def scan_tags(tags, used: Used) -> None:
    """Add what these start tags show: tag names, classes, ids, attribute names and values,
    custom properties named in style attributes.

    What an attribute shows does not depend on its tag, and the site's 16,000 distinct tags (1,000
    posts) hold 40,000 attributes but far fewer distinct ones (the same class on many tags): each
    distinct attribute is read once."""
    found: set = set()
    for tag in tags:
        name = _TAG_NAME.match(tag)
        used.tags.add(name.group(1).decode("ascii").lower())
        found.update(_ATTRIBUTE.findall(tag, name.end(), len(tag) - 1))
    for attribute, *groups in found:
        attribute = attribute.decode("utf-8", "replace").lower()
        value = _value(groups)
        used.attributes.add(attribute)
        used.values.setdefault(attribute, set()).add(value)
        if attribute == "class":
            used.classes.update(value.split())
        elif attribute == "id":
            used.ids.add(value.strip())
        elif attribute == "style":
            used.variables.update(_VAR.findall(value))


def scan_script(text: str, used: Used) -> None:
    """Every word of a script may become a class, a tag, an id, an attribute or its value."""
    words = set(_SCRIPT_WORD.findall(text))
    used.words.update(words)
    used.classes.update(words)
    used.ids.update(words)
    lower = {w.lower() for w in words}
    used.tags.update(lower)
    used.attributes.update(lower)
    used.variables.update(_SCRIPT_VAR.findall(text))


# ---------------------------------------------------------------------------
# Selectors

def _split(tokens: list, separator: str = ",") -> list[list]:
    parts, current = [], []
    for token in tokens:
        if token.type == "literal" and token.value == separator:
            parts.append(current)
            current = []
        else:
            current.append(token)
    parts.append(current)
    return parts


def _significant(tokens: list) -> list:
    return [t for t in tokens if t.type not in ("whitespace", "comment")]


def _attribute_matches(block, used: Used) -> bool:
    tokens = _significant(block.content)
    if len(tokens) >= 3 and tokens[1].type == "literal" and tokens[1].value == "|":
        tokens = tokens[2:]                      # [ns|name …]: the namespace does not matter here
    if not tokens or tokens[0].type != "ident":
        return True
    name = tokens[0].value.lower()
    if name not in used.attributes:
        return False
    if len(tokens) < 3 or tokens[1].type != "literal" or tokens[1].value not in ATTRIBUTE_OPERATORS:
        return True
    if name in used.any_value:
        return True
    op, wanted = tokens[1].value, tokens[2].value
    if not isinstance(wanted, str):
        return True
    insensitive = len(tokens) > 3 and tokens[3].type == "ident" and tokens[3].value.lower() == "i"
    seen = used.values.get(name, set()) | ({wanted} & used.words if op == "=" else set())
    if insensitive:
        wanted, seen = wanted.lower(), {v.lower() for v in seen}
    for value in seen:
        if (op == "=" and value == wanted or op == "~=" and wanted in value.split()
                or op == "|=" and (value == wanted or value.startswith(wanted + "-"))
                or op == "^=" and value.startswith(wanted) or op == "$=" and value.endswith(wanted)
                or op == "*=" and wanted in value):
            return True
    return False


def can_match(selector: list, used: Used) -> bool:
    """Could this complex selector match an element of the site? (see the module's docstring)"""
    tokens = _significant(selector)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == "ident":
            following_bar = i + 1 < len(tokens) and tokens[i + 1].type == "literal" and tokens[i + 1].value == "|"
            if not following_bar and token.lower_value not in used.tags:
                return False
        elif token.type == "hash":
            if token.value not in used.ids:
                return False
        elif token.type == "literal" and token.value == "." and i + 1 < len(tokens) and tokens[i + 1].type == "ident":
            if tokens[i + 1].value not in used.classes:
                return False
            i += 1
        elif token.type == "[] block":
            if not _attribute_matches(token, used):
                return False
        elif token.type == "literal" and token.value == ":":
            # :name, ::name or :name(...): only the selector-list functions require something
            j = i + 1
            if j < len(tokens) and tokens[j].type == "literal" and tokens[j].value == ":":
                j += 1
            if j < len(tokens):
                following = tokens[j]
                if following.type == "function" and following.lower_name in ANY_OF:
                    if not any(can_match(alt, used) for alt in _split(following.arguments)):
                        return False
                i = j
        i += 1
    return True


# ---------------------------------------------------------------------------
# Output

def _compact(tokens: list, separators: frozenset = frozenset({","})) -> list:
    """Tokens without comments, with white space collapsed, and none at the ends or beside a separator."""
    out = []
    for token in tokens:
        if token.type == "comment":
            continue
        if token.type == "whitespace":
            if out and out[-1].type != "whitespace":
                out.append(_WHITESPACE)
            continue
        if token.type == "function":
            token = ast.FunctionBlock(token.source_line, token.source_column, token.name, _compact(token.arguments))
        elif token.type == "() block":
            token = ast.ParenthesesBlock(token.source_line, token.source_column, _compact(token.content))
        elif token.type == "[] block":
            token = ast.SquareBracketsBlock(token.source_line, token.source_column, _compact(token.content))
        elif token.type == "{} block":
            token = ast.CurlyBracketsBlock(token.source_line, token.source_column, _compact(token.content))
        out.append(token)

    def separator(t) -> bool:
        return t.type == "literal" and t.value in separators

    kept = []
    for i, token in enumerate(out):
        if token.type == "whitespace":
            after = out[i + 1] if i + 1 < len(out) else None
            if not kept or after is None or separator(kept[-1]) or separator(after):
                continue
        kept.append(token)
    return kept


def _css(tokens: list, separators: frozenset = frozenset({","})) -> str:
    return tinycss2.serialize(_compact(tokens, separators))


_SELECTOR_SEPARATORS = frozenset({",", ">", "~", "+"})


def _selector_text(selector: list) -> str:
    return tinycss2.serialize(_compact(selector, _SELECTOR_SEPARATORS))


def _variables_in(tokens: list, found: set[str]) -> None:
    for token in tokens:
        if token.type == "ident" and token.value.startswith("--"):
            found.add(token.value)
        elif token.type == "function":
            _variables_in(token.arguments, found)
        elif token.type in ("() block", "[] block", "{} block"):
            _variables_in(token.content, found)


def _idents_in(tokens: list, found: set[str]) -> None:
    for token in tokens:
        if token.type in ("ident", "string"):
            found.add(token.value)
        elif token.type == "function":
            _idents_in(token.arguments, found)
        elif token.type in ("() block", "[] block", "{} block"):
            _idents_in(token.content, found)


@dataclass
class _Rule:
    """A kept style rule: selectors as text, declarations as (name, tokens, important) or text."""
    selectors: list[str]
    declarations: list


@dataclass
class _Group:
    """A kept at-rule: '@media …' and what it holds (rules and groups), or text when kept as it is."""
    head: str
    body: list | None
    keyframes: str | None = None        # the name, for @keyframes
    text: str | None = None             # the block as it is, for at-rules kept whole


def _declarations(content: list) -> list:
    out = []
    for item in tinycss2.parse_blocks_contents(content, skip_comments=True, skip_whitespace=True):
        if item.type == "declaration":
            out.append((item.name, item.value, item.important))
        elif item.type != "error":
            out.append(tinycss2.serialize([item]))      # nested rule (CSS nesting): kept as it is
    return out


def _prune_rules(rules: list, used: Used) -> list:
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            kept = [s for s in _split(rule.prelude) if can_match(s, used)]
            if kept:
                out.append(_Rule([_selector_text(s) for s in kept], _declarations(rule.content)))
        elif rule.type == "at-rule":
            head = "@" + rule.at_keyword
            prelude = _css(rule.prelude)
            if prelude:
                head += ("" if prelude.startswith("(") else " ") + prelude
            keyword = rule.lower_at_keyword
            if keyword == "charset":
                continue                        # written back first by prune_site
            if rule.content is None:
                out.append(_Group(head, None))
            elif keyword in ("media", "supports", "container", "layer", "document", "-moz-document", "scope",
                             "starting-style"):
                body = _prune_rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True),
                                    used)
                if body:
                    out.append(_Group(head, body))
            elif keyword.endswith("keyframes"):
                name = _significant(rule.prelude)
                out.append(_Group(head, None, keyframes=name[0].value if name else "",
                                  text="{" + _css(rule.content) + "}"))
            elif keyword in ("page", "font-face", "counter-style", "property", "font-feature-values",
                             "viewport", "-ms-viewport"):
                out.append(_Group(head, [_Rule([], _declarations(rule.content))]))
            else:
                out.append(_Group(head, None, text="{" + _css(rule.content) + "}"))
    return out


def _walk(items: list):
    for item in items:
        if isinstance(item, _Rule):
            yield item
        elif isinstance(item, _Group) and item.body:
            yield from _walk(item.body)


def _drop_unused(items: list, variables: set[str], animations: set[str]) -> list:
    out = []
    for item in items:
        if isinstance(item, _Rule):
            item.declarations = [d for d in item.declarations
                                 if isinstance(d, str) or not d[0].startswith("--") or d[0] in variables]
            if item.declarations:
                out.append(item)
        elif item.keyframes is not None:
            if item.keyframes in animations:
                out.append(item)
        elif item.body is None:
            out.append(item)
        else:
            item.body = _drop_unused(item.body, variables, animations)
            if item.body:
                out.append(item)
    return out


def _declaration_text(declaration) -> str:
    if isinstance(declaration, str):
        return declaration
    name, value, important = declaration
    return f"{name}:{_css(value)}{'!important' if important else ''}"


def _text_of(items: list, top: bool = True) -> str:
    parts = []
    for item in items:
        if isinstance(item, _Rule):
            body = ";".join(_declaration_text(d) for d in item.declarations)
            parts.append(f"{','.join(item.selectors)}{{{body}}}" if item.selectors else body)
        elif item.body is None:
            parts.append(item.head + (item.text or ";"))
        else:
            parts.append(f"{item.head}{{{_text_of(item.body, top=False)}}}")
    return ("\n" if top else "").join(parts) + ("\n" if top and parts else "")


def prune(stylesheets: dict[str, str], used: Used) -> dict[str, str]:
    """{name: CSS} -> {name: the CSS the site can use}; custom properties are shared across the sheets."""
    parsed = {}
    for name in sorted(stylesheets):
        rules = tinycss2.parse_stylesheet(stylesheets[name], skip_comments=True, skip_whitespace=True)
        parsed[name] = _prune_rules(rules, used)

    # Custom properties: from the declarations that are not custom properties, through the
    # ones they name, to a fixed point; keyframes: names in what is kept.
    definitions: dict[str, list] = {}
    variables = set(used.variables)
    words: set[str] = set()
    for items in parsed.values():
        for rule in _walk(items):
            for declaration in rule.declarations:
                if isinstance(declaration, str):
                    variables.update(_SCRIPT_VAR.findall(declaration))
                    words.update(_SCRIPT_WORD.findall(declaration))
                elif declaration[0].startswith("--"):
                    definitions.setdefault(declaration[0], []).append(declaration[1])
                else:
                    _variables_in(declaration[1], variables)
                    _idents_in(declaration[1], words)
    pending = list(variables)
    while pending:
        for value in definitions.get(pending.pop(), []):
            found: set[str] = set()
            _variables_in(value, found)
            _idents_in(value, words)
            pending.extend(found - variables)
            variables |= found
    animations = words | used.words
    return {name: _text_of(_drop_unused(items, variables, animations)) for name, items in parsed.items()}


# ---------------------------------------------------------------------------
# A built site

def _charset(css: str) -> str:
    return '@charset "UTF-8";\n' if css.lstrip().lower().startswith("@charset") else ""


def linked_stylesheets(folder: Path, tags_by_page: dict[str, set[bytes]]) -> list[str]:
    """The site's own stylesheets that some page links to (not other hosts'), as paths in the site.
    `tags_by_page`: {page's path in the site: its start tags (its <link> tags are enough)}."""
    # The <link> tags naming a stylesheet, read once: the pages repeat the same few (a page's own
    # tags are then only intersected with them, not each looked at on 1,300 pages).
    hrefs = {tag: url for tag in filter(_is_link, set().union(*tags_by_page.values()))
             for url in (_stylesheet_href(tag),) if url}
    found = set()
    for page, tags in tags_by_page.items():
        base = posixpath.dirname(page)
        for tag in tags & hrefs.keys():
            target = posixpath.normpath(posixpath.join(base, hrefs[tag]))
            if not target.startswith("../") and target.endswith(".css"):
                found.add(target)
    return sorted(t for t in found if (Path(folder) / t).is_file())


def _is_link(tag: bytes) -> bool:
    return tag[:5].lower() == b"<link"


def _stylesheet_href(tag: bytes) -> str:
    """The address a <link rel="stylesheet"> tag names in this site, or "" (another host, a data: URL,
    outside the section, not a stylesheet)."""
    attributes = {a.decode("utf-8", "replace").lower(): _value(g) for a, *g in _ATTRIBUTE.findall(tag, 5)}
    if "stylesheet" not in attributes.get("rel", "").lower().split():
        return ""
    url = attributes.get("href", "").split("#", 1)[0].split("?", 1)[0]
    return "" if not url or ":" in url or url.startswith("/") else url


def _key(texts: dict[str, str], used: Used) -> str:
    """A digest of everything `prune` reads: the stylesheets and the vocabulary in use."""
    state = {"version": [CACHE_VERSION, _code()], "sheets": sorted(texts.items()),
             "used": {name: sorted(getattr(used, name)) for name in
                      ("tags", "classes", "ids", "attributes", "any_value", "words", "variables")},
             "values": sorted((name, sorted(values)) for name, values in used.values.items())}
    return hashlib.blake2b(json.dumps(state, ensure_ascii=False).encode("utf-8"), digest_size=20).hexdigest()


def prune_cached(texts: dict[str, str], used: Used, cache_dir: Path | None) -> dict[str, str]:
    """`prune`, kept in `cache_dir` by a digest of its inputs: a rebuild whose pages use
    the same vocabulary (most edits of a post's words) skips parsing Material's 134 KB
    again. Only the newest few results are kept; a cache that cannot be read or written
    is ignored."""
    if cache_dir is None:
        return prune(texts, used)

    def read(entry: Path):
        kept = json.loads(entry.read_text(encoding="utf-8"))
        return kept if isinstance(kept, dict) and sorted(kept) == sorted(texts) else None
    return _kept(Path(cache_dir) / (_key(texts, used) + ".json"), "*.json", lambda: prune(texts, used), read,
                 lambda pruned: json.dumps(pruned, ensure_ascii=False))


def _vocabulary(tags: set[bytes], cache_dir: Path | None) -> Used:
    """What these start tags show (scan_tags), kept in `cache_dir` by a digest of the tags: an edit
    of a post's words leaves the site's distinct tags as they were, and reading the 16,000 distinct
    tags of 1,000 posts again took a fifth of a second."""
    def scanned() -> Used:
        used = Used()
        scan_tags(tags, used)
        return used
    if cache_dir is None:
        return scanned()
    key = hashlib.blake2b(_code().encode() + b"\x00" + b"\x00".join(sorted(tags)), digest_size=20).hexdigest()
    return _kept(Path(cache_dir) / f"tu-vung-{CACHE_VERSION}-{key}.pickle", "tu-vung-*.pickle", scanned, _pickled(Used),
                 lambda used: pickle.dumps(used, protocol=pickle.HIGHEST_PROTOCOL))


@lru_cache(maxsize=1)
def _code() -> str:
    """This file's digest: the rule that prunes and the reading of tags are in it."""
    return hashlib.blake2b(Path(__file__).read_bytes(), digest_size=8).hexdigest()


def _kept(entry: Path, pattern: str, make, read, dump):
    """What an earlier build kept in `entry` (`read(entry)`, None if it is not that), or `make()`,
    then kept as `dump(value)` (bytes) with the newest CACHE_KEEP files matching `pattern` (`_keep`)."""
    value = _read_kept(entry, read)
    if value is not None:
        try:
            os.utime(entry)             # the newest, for _keep
        except OSError:
            pass
        return value
    value = make()
    _keep(entry, dump(value), pattern, CACHE_KEEP)
    return value


def _read_kept(entry: Path, read):
    """`read(entry)`, or None where the cache cannot be read (it is then ignored)."""
    try:
        return read(entry)
    except (OSError, ValueError, EOFError, pickle.PickleError, TypeError, AttributeError, ImportError):
        return None


def _keep(entry: Path, data: bytes | str, pattern: str, count: int) -> None:
    """Write `data` into `entry`; of the other files matching `pattern` beside it, only the newest
    `count - 1` stay. A cache that cannot be written is ignored."""
    try:
        write_file(entry, data)
        others = sorted((f for f in entry.parent.glob(pattern) if f != entry), key=lambda f: f.stat().st_mtime)
        for old in others[:max(len(others) - (count - 1), 0)]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


def _files(root: Path, suffixes: tuple[str, ...]) -> dict[str, list[str]]:
    """Paths in the site (sorted, "/" separators) of the files with each suffix: one walk of the tree."""
    found: dict[str, list[str]] = {suffix: [] for suffix in suffixes}
    for folder, dirs, names in os.walk(root):
        dirs.sort()
        # os.path, not pathlib: a Path for each of 1,300 folders was a quarter of a rebuild's pruning.
        rel = os.path.relpath(folder, root).replace(os.sep, "/")
        for name in names:
            suffix = os.path.splitext(name)[1]
            if suffix in found:
                found[suffix].append(name if rel == "." else f"{rel}/{name}")
    return {suffix: sorted(paths) for suffix, paths in found.items()}


def _site_tags(root: Path, pages: list[str], keys: dict[str, str], cache_dir: Path | None):
    """(every distinct start tag of `pages`, {page: its <link> tags}): what pruning reads of the pages.

    `keys`: {page: a key that names its bytes} (the page cache's key of its inputs: the same key, the
    same bytes) for the pages that have one. With `cache_dir`, a page's tags are kept under its key,
    and a page whose key was there is not read: after one edit, reading the 1,300 pages (27 MB)
    again for their tags was 0.15-0.2 s in which the build's own process had nothing left but to
    wait. Each page's tags are kept as one bytes value (NUL between tags; a page with a NUL in a tag
    is read each time), as loading 1,300 sets of 200 tags took ten times longer, with its <link>
    tags beside it (what linked_stylesheets reads)."""
    entry = Path(cache_dir) / f"the-trang-{CACHE_VERSION}-{_code()}.pickle" if cache_dir is not None else None
    kept = (_read_kept(entry, _pickled(dict)) if entry is not None and keys else None) or {}
    now: dict = {}
    every: set[bytes] = set()
    links: dict[str, set[bytes]] = {}
    for rel in pages:
        key = keys.get(rel)
        value = kept.get(key) if key is not None else None
        if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], bytes):
            now[key] = value
            if value[0]:
                every.update(value[0].split(b"\x00"))
            links[rel] = set(value[1])
            continue
        tags = page_tags((root / rel).read_bytes())
        every.update(tags)
        found = tuple(filter(_is_link, tags))
        links[rel] = set(found)
        blob = b"\x00".join(tags)
        if key is not None and blob.count(b"\x00") == max(len(tags) - 1, 0):     # else a NUL in a tag: read each time
            now[key] = (blob, found)
    if entry is not None and keys and now.keys() != kept.keys():
        _keep(entry, pickle.dumps(now, protocol=pickle.HIGHEST_PROTOCOL), "the-trang-*.pickle", 1)    # this build's only
    return every, links


def _pickled(kind: type):
    """A reader of a kept file (`_read_kept`, `_kept`): its pickled value, None if it is not a `kind`."""
    def read(entry: Path):
        with open(entry, "rb") as f:
            loaded = pickle.load(f)
        return loaded if isinstance(loaded, kind) else None
    return read


def prune_site(folder: Path, runtime: Used | None = None, cache_dir: Path | None = None,
               listed: list[str] | None = None, keys: dict[str, str] | None = None) -> dict[str, tuple[int, int]]:
    """Rewrite the stylesheets `folder`'s pages link to with what its pages and scripts use.
    Returns {stylesheet path in the site: (bytes before, bytes after)}. With `cache_dir`,
    the result for the same stylesheets and vocabulary is reused (prune_cached), and so are the
    tags of the pages `keys` names (`_site_tags`). `listed`: the folder's files to read (paths in
    it), when it still holds others (`begin`); else all."""
    root = Path(folder)
    if listed is None:
        files = _files(root, (".html", ".js", ".mjs"))
    else:
        files = {suffix: sorted(p for p in listed if p.endswith(suffix)) for suffix in (".html", ".js", ".mjs")}
    every, links = _site_tags(root, files[".html"], keys or {}, cache_dir)
    sheets = linked_stylesheets(root, links)
    if not sheets:
        return {}
    texts = {sheet: (root / sheet).read_text(encoding="utf-8") for sheet in sheets}
    used = _vocabulary(every, cache_dir)
    for script in sorted(files[".js"] + files[".mjs"]):
        scan_script((root / script).read_text(encoding="utf-8", errors="replace"), used)
    if runtime is not None:
        used.update(runtime)

    pruned = prune_cached(texts, used, cache_dir)
    report = {}
    for name, css in pruned.items():
        css = _charset(texts[name]) + css
        report[name] = (len(texts[name].encode("utf-8")), len(css.encode("utf-8")))
        if css != texts[name]:
            (root / name).write_text(css, encoding="utf-8", newline="\n")
    return report


RUNTIME = "components/base/css-runtime.txt"     # in the theme: what its scripts add at run time


def runtime_of(theme_dir: Path) -> Used:
    return read_runtime(Path(theme_dir) / RUNTIME)


# A build's pruning, begun in a worker process as soon as the engine has written the pages (`begin`):
# it then runs while the build's own process makes the search index and saves the page cache, where
# it came after them (half a second at the end of a cold 1,000-post build, with the workers idle).
def begin(folder: Path, listed: list[str], theme_dir: Path, cache_dir: Path | None,
          keys: dict[str, str] | None = None):
    """Begin `prune_site` of `folder` in a worker process (daihoi.documents.workers), reading only
    `listed` (the files this build wrote or kept: the folder still holds the site before last's
    until the build ends); `keys`: see `_site_tags`. Its future, for `pruned`; None where there are
    no workers."""
    from daihoi.documents import workers

    return workers.submit(prune_site, (folder, runtime_of(theme_dir), cache_dir, listed, keys), {})


def pruned(begun, folder: Path, theme_dir: Path, cache_dir: Path | None) -> dict[str, tuple[int, int]]:
    """`prune_site` of `folder`: the one begun (`begin`'s future), waited for, or made now (None)."""
    from daihoi.documents import workers

    return workers.result(begun) if begun is not None else prune_site(folder, runtime_of(theme_dir), cache_dir)
