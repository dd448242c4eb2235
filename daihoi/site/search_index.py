"""A small static search index, split so that a phone fetches only what a query needs.

Why not Pagefind alone: measured on 1,000 posts of 400 words, one Pagefind query
for "dai hoi" transfers about 340 KB gzip (66 KB of WebAssembly, 24 KB of code, and
index pieces of about 110 KB each, since they store every word position), three
times the 120 KB budget. This index keeps, for each word, only which pages have it
and how often; it is plain JSON read by a 3 KB script.

Layout (under `tim-kiem/chi-muc/`):

    index.json       {"v": 2, "pages": N, "chunk": C, "shards": ["da", "ho", ...], "pairs": ["da", ...]}
    s/<key>.json     words whose folded form starts with <key> (first two letters):
                     {"dai": [["đại", "dài"], [id delta, score, variant bits, ...]], ...}
    b/<key>.json     pairs of words that follow each other, by the first word's <key>:
                     {"dai hoi": [id delta, in title (0/1), ...], ...}
    p/<k>.json       pages k*C .. k*C+C-1: [[url, title, excerpt], ...]

Words are folded ("Đại" -> "dai", "đ" -> "d") so any accents typed find the page;
the variant bits say which accented spellings each page has, so pages with the
exact diacritics typed rank first. Text is NFC before anything else, so an NFD
page or query behaves like an NFC one.

Pairs: a quoted phrase ("hội nghị quán triệt") matches a page that has each pair of
its words side by side (a phrase of three or more words could, rarely, be matched by
its pairs found in different places); unquoted words found side by side, and in the
title, rank a page higher. Pairs are fetched only for a query of two words or more.
Pairs never cross the end of a sentence, a heading or a list item.

Made from every page's terms (`build`), or, after a few pages changed, from the last index of the
same pages (`rebuild`: only the shards where their words differ are grouped and made again, from what
the other pages gave them last time); both give the same bytes.

The excerpt shown under a result is the post's summary, else the page's first
paragraph of running text (a plan's official header and its title are not that).
"""
from __future__ import annotations

import hashlib
import json
import marshal
import operator
import re
from collections import Counter, defaultdict, deque
from itertools import accumulate, chain, islice, repeat

from lxml import etree

from daihoi.text.vntext import fold, nfc

INDEX_DIR = "tim-kiem/chi-muc"
CHUNK = 10                 # pages per result-data file: a result list touches few, small files
MAX_VARIANTS = 30          # accented spellings tracked per folded word (bits of an int)
EXCERPT = 160
TITLE_BONUS = 20
LEAD_WORDS = 12            # a paragraph this long is running text, not a header line or a label
_WORD = re.compile(r"\w+", re.U)
_BREAK = re.compile(r"[.!?;:]\s|\n")          # where a pair of words may not span
_TOKEN = re.compile(r"(\w+)|" + _BREAK.pattern)  # a word, or a break: findall gives "" for it (its one group)


def words(text: str) -> list[str]:
    return _WORD.findall(nfc(text).lower())


# A folded word's or pair's shard: its first two letters ("dai hoi" -> "da"). An itemgetter, a function
# of C: terms maps it over every word and pair of every page.
shard_key = operator.itemgetter(slice(2))


# What a page's text is made of (read_page). Blocks end a line of the text: pairs of words do not
# cross them. A paragraph under a heading, a header or a caption is not the page's lead.
_SKIP = ("script", "style", "noscript", "template", "svg")
_BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "div", "section", "header",
           "blockquote", "figcaption", "summary", "br")
_NOT_LEAD = frozenset({"header", "nav", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "summary"})
_IGNORED = etree.XPath(" | ".join([".//*[@data-pagefind-ignore]"] + [f".//{tag}" for tag in _SKIP]))
_BLOCK_IN = etree.XPath(" | ".join(f"descendant-or-self::{tag}" for tag in _BLOCKS))


def _one_line(element) -> str:
    return " ".join("".join(element.itertext()).split())


def _is_body(element) -> bool:
    return element.tag == "article" and element.get("data-pagefind-body") is not None


def _body_text(body) -> str:
    """The text of one indexed article, with a line break where each block starts and ends."""
    for element in _IGNORED(body):             # in document order: an ignored element before those in it
        if body not in element.iterancestors():
            continue                            # inside one already taken out
        tail = element.tail or ""
        if _BLOCK_IN(element):
            tail = "\n" + tail                 # what it held still ended a line
        previous, parent = element.getprevious(), element.getparent()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
        parent.remove(element)
    for element in _BLOCK_IN(body):
        if element is body:
            continue
        if element.tag == "br":
            element.tail = "\n" + (element.tail or "")
            continue
        element.text = "\n" + (element.text or "")
        if len(element):
            element[-1].tail = (element[-1].tail or "") + "\n"
        else:
            element.text += "\n"
    return "".join(body.itertext())


def _lead(body) -> str:
    """The body's first paragraph of running text (LEAD_WORDS words or more, not all capitals)."""
    for paragraph in body.iter("p"):
        above = []
        for element in paragraph.iterancestors():
            if element is body:
                break
            above.append(element.tag)
        if _NOT_LEAD.isdisjoint(above):
            text = _one_line(paragraph)
            if len(words(text)) >= LEAD_WORDS and not text.isupper():
                return text
    return ""


def read_page(html: str) -> dict | None:
    """{title, text, lead} of a page's articles marked for the index (data-pagefind-body), without
    what is in their parts marked data-pagefind-ignore, scripts and styles; None when none is
    marked. `text` keeps a line break between blocks (pairs of words do not cross it).

    Read with lxml (libxml2 parses in C): the standard library's HTMLParser, with a Python call
    for every tag and piece of text, took twice as long on 1,300 pages (1.1 s against 0.5 s)."""
    # Parse only the articles: the menus before them are most of a page's bytes.
    start, end = html.find("<article "), html.rfind("</article>")
    # huge_tree: no limit on a text's length, and elements nested up to 2,048 deep (libxml2's own
    # limit is 256; what is deeper than 2,048 is left out of the page's search text).
    root = etree.HTML(html[start:end + len("</article>")] if 0 <= start < end else html,
                      etree.HTMLParser(huge_tree=True))
    if root is None:
        return None
    bodies = [article for article in root.iter("article")
              if _is_body(article) and not any(map(_is_body, article.iterancestors()))]
    text, title, lead = "", "", ""
    for body in bodies:
        text += _body_text(body)       # first: it takes out the ignored parts, and ends blocks' lines
        title = title or next((heading for heading in map(_one_line, body.iter("h1")) if heading), "")
        lead = lead or _lead(body)
    if not text.strip():
        return None
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return {"title": title, "text": "\n".join(line for line in lines if line), "lead": lead}


def page_text(html: str) -> tuple[str, str] | None:
    """(title, text) of a page marked for the index (text on one line), or None."""
    page = read_page(html)
    return (page["title"], " ".join(page["text"].split())) if page else None


_FOLDED: dict[str, str] = {}     # word -> folded: a site's words repeat, and folding one costs three normalizations
_FOLDED_MAX = 200_000


def fold_word(word: str) -> str:
    folded = _FOLDED.get(word)
    if folded is None:
        if len(_FOLDED) >= _FOLDED_MAX:     # a page of random words must not grow it without end
            _FOLDED.clear()
        folded = _FOLDED[word] = fold(word)
    return folded


def _tokens(lowered: str) -> list[str]:
    """The words of `lowered` in order, as _WORD finds them, with "" where _BREAK matches: a word and a
    break share no character, so these are the words of each piece _BREAK.split leaves, with "" between
    pieces. One pass of the text, where finding its words and its pieces' words took two."""
    return _TOKEN.findall(lowered)


def _folded(words: list[str]) -> dict[str, str]:
    """{word: fold_word(word)} of distinct `words`, and the break "" as "". A page's words are mostly
    folded already: they are looked up in C, and fold_word is called only when one is new."""
    folds = list(map(_FOLDED.get, words))
    if None in folds:
        folds = list(map(fold_word, words))
    folded = dict(zip(words, folds))
    folded[""] = ""
    return folded


def _pairs(tokens: list[str], folded: dict[str, str]) -> list[str]:
    """Folded pairs of words side by side in `tokens` (_tokens), none across a break. `folded`: each word
    of them, and "", folded (_folded). A pair with "" in it, across a break, is the one `all` drops: no
    word folds to "" (a test folds every \\w character). Looking 700,000 words up and joining them in
    C (map) took less than a call of fold_word for each."""
    ws = list(map(folded.__getitem__, tokens))
    return list(map(" ".join, filter(all, zip(ws, islice(ws, 1, None)))))


def pairs(text: str) -> list[str]:
    """Folded pairs of words side by side, within a sentence ("dai hoi", "hoi nghi", ...)."""
    tokens = _tokens(nfc(text).lower())
    return _pairs(tokens, _folded([w for w in dict.fromkeys(tokens) if w]))


def _grouped(keys, items) -> dict[str, list]:
    """{key: [its items]}, keys[i] the key of items[i], keys in first-seen order and items in order.
    Each item is put in its key's list by map, in C (the deque of no length only runs it): a Python
    loop for each of a page's 500 words and pairs was a fifth of terms."""
    groups: dict[str, list] = defaultdict(list)
    deque(map(list.append, map(groups.__getitem__, keys), items), maxlen=0)
    return groups


def _slices(groups: dict[str, list]):
    """The slice of each group's items in all groups' items one after another."""
    bounds = list(accumulate(map(len, groups.values()), initial=0))
    return map(slice, bounds, islice(bounds, 1, None))


def terms(page: dict) -> dict:
    """What one page gives the index, by shard, kept with the page in the page cache
    (daihoi/site/pagecache.py) so that a rebuild after one edit tokenizes one page, not all.
    Compact, because every cached page is read back on each rebuild: a few strings per shard,
    not thousands of small objects.

    {"words": {shard: ("w1 w2 ..." in first-seen order as UTF-8, counts (bytes, at most 255 each),
                       in the title (bytes, 0/1 each))},
     "pairs": {shard: ("folded pair\nfolded pair..." as UTF-8, in the title (bytes, 0/1 each))}}

    Shards are in first-seen order too (title first). Made for every page of a site, so with functions
    of C over a page's words and pairs (map, Counter, bytes), not a Python loop for each."""
    title, text = _tokens(nfc(page["title"]).lower()), _tokens(nfc(page["text"]).lower())
    counts = Counter(title)             # first-seen order, title first
    counts.update(text)
    counts.pop("", None)                # the breaks
    in_title = set(title)
    distinct = list(counts)
    folded = _folded(distinct)
    found: dict[str, int] = dict.fromkeys(_pairs(text, folded), 0)
    found.update(dict.fromkeys(_pairs(title, folded), 1))
    words_by = _grouped(map(shard_key, map(folded.__getitem__, distinct)), distinct)
    pairs_by = _grouped(map(shard_key, found), found)
    # Each kind's bytes made at once, in its groups' order, then a slice for each group.
    grouped = list(chain.from_iterable(words_by.values()))
    word_counts = bytes(map(min, map(counts.__getitem__, grouped), repeat(255)))
    word_titles = bytes(map(in_title.__contains__, grouped))
    pair_titles = bytes(map(found.__getitem__, chain.from_iterable(pairs_by.values())))
    return {"words": {key: (" ".join(ws).encode("utf-8", "surrogatepass"), word_counts[at], word_titles[at])
                      for (key, ws), at in zip(words_by.items(), _slices(words_by))},
            "pairs": {key: ("\n".join(ps).encode("utf-8", "surrogatepass"), pair_titles[at])
                      for (key, ps), at in zip(pairs_by.items(), _slices(pairs_by))}}


def packed_terms(page: dict) -> bytes:
    """`terms(page)` as it is kept with the page in the page cache: one bytes object. A rebuild reads
    every cached page back, and unpickling each page's terms (thousands of small objects a page) was
    0.13 s of a rebuild after one edit, for the terms of pages that did not change and are not used
    (`rebuild` takes what they gave each shard from the last index). marshal, version 2: as `_inputs`."""
    return marshal.dumps(terms(page), 2)


def page_terms(page: dict) -> dict:
    """The terms of a page whose "terms" are `packed_terms`; made again from its text if they cannot
    be read (a damaged page cache only slows a build)."""
    try:
        found = marshal.loads(page["terms"])
    except (KeyError, TypeError, ValueError, EOFError):
        found = None
    return found if isinstance(found, dict) else terms(page)


def make_shards(jobs: list) -> list[str]:
    """[(kind "s" or "b", its groups marshalled)] -> each shard's JSON text, in order (a worker's share
    of `build`). Marshalled: the digest of the inputs is made of those bytes already, and handing
    6 MB of them to another process is a copy, where pickling the groups' 300,000 small objects took
    a quarter of the time of making the shards."""
    return [(_word_shard if kind == "s" else _pair_shard)(marshal.loads(blob)) for kind, blob in jobs]


def _made(jobs: list) -> list[str]:
    return make_shards([(kind, blob) for _, kind, blob, _ in jobs])


FIELDS = {"s": "words", "b": "pairs"}       # a shard's kind -> what of a page's terms it is made of


def shard_path(shard: tuple[str, str]) -> str:
    """Where a shard (kind, key) is under INDEX_DIR: "s/da.json"."""
    return f"{shard[0]}/{shard[1]}.json"


def build(pages: list[dict], terms_of=terms, made=_made) -> dict[str, str]:
    """`pages`: [{url, title, text, summary?, lead?}] -> {path under INDEX_DIR: JSON text}.
    `terms_of(page)`: the page's terms (`terms`), or the same kept from an earlier build.
    `made(jobs)`: each shard's text, for [(digest of its inputs, kind, its groups marshalled, (kind, key))]:
    `make_shards` of the (kind, blob), or the same kept from an earlier build under the digest, so
    that after one edit the shards of the words that changed are made again, not all (and they may
    be made in several processes at once: `spread`)."""
    pages = sorted(pages, key=lambda p: p["url"])
    word_groups: dict[str, list] = {}       # shard -> [(page id, that page's words in it)]
    pair_groups: dict[str, list] = {}
    for pid, page in enumerate(pages):
        found = terms_of(page)
        for key, group in found["words"].items():
            word_groups.setdefault(key, []).append((pid, group))
        for key, group in found["pairs"].items():
            pair_groups.setdefault(key, []).append((pid, group))
    jobs = [("s", key, groups) for key, groups in sorted(word_groups.items())]
    jobs += [("b", key, groups) for key, groups in sorted(pair_groups.items())]
    return _with_pages(_shards(jobs, made), pages)


def changed_shards(before: dict, after: dict) -> set[tuple[str, str]]:
    """The shards, as (kind "s" or "b", key), where one page's terms (`terms`) before and after differ."""
    out = set()
    for kind, field in FIELDS.items():
        old, new = before[field], after[field]
        out.update((kind, key) for key in old.keys() | new.keys() if old.get(key) != new.get(key))
    return out


def rebuild(pages: list[dict], before: dict[str, str], changed: set, groups_before: dict, renewed: dict,
            made=_made) -> dict[str, str]:
    """What `build(pages)` gives, from `before`, the files `build` gave for pages at the same addresses
    (so with the same ids), of which only the shards `changed` (changed_shards of the pages whose terms
    changed) can differ: those are made again, the others are taken as they were.

    `renewed`: {address: terms} of the pages whose terms changed; `groups_before`: {shard: its groups as
    `build` or `rebuild` gave them to `made`, marshalled} of each changed shard the last index had (a
    shard it did not have had none). A changed shard's groups are those, with the renewed pages' groups
    in place of theirs: the other pages' terms are not read at all. After one edit, unpickling every
    cached page's terms only to regroup a few shards was 0.13 s of the rebuild."""
    pages = sorted(pages, key=lambda p: p["url"])
    listed = set(_listed(before))
    new = {pid: renewed[page["url"]] for pid, page in enumerate(pages) if page["url"] in renewed}
    groups: dict = {}
    for kind, key in changed:
        old = marshal.loads(groups_before[kind, key]) if (kind, key) in listed else []
        found = [group for group in old if group[0] not in new]
        found += [(pid, terms[FIELDS[kind]][key]) for pid, terms in new.items() if key in terms[FIELDS[kind]]]
        groups[kind, key] = sorted(found, key=operator.itemgetter(0))
    kept = {shard: before[shard_path(shard)] for shard in listed - changed}
    made_again = _shards([(kind, key, found) for (kind, key), found in sorted(groups.items()) if found], made)
    return _with_pages(dict(sorted({**kept, **made_again}.items(), key=lambda item: (item[0][0] == "b", item[0]))),
                       pages)


def _listed(files: dict[str, str]) -> list[tuple[str, str]]:
    """The shards (kind, key) an index's files hold, as its index.json lists them."""
    listed = json.loads(files["index.json"])
    return [("s", key) for key in listed["shards"]] + [("b", key) for key in listed["pairs"]]


def _shards(jobs: list, made) -> dict[tuple[str, str], str]:
    """{(kind, key): text} of the shards [(kind, key, groups)], made by `made` (see build)."""
    blobs = [marshal.dumps(groups, 2) for _, _, groups in jobs]
    texts = made([(_inputs(kind, key, blob), kind, blob, (kind, key)) for (kind, key, _), blob in zip(jobs, blobs)])
    return {(kind, key): text for (kind, key, _), text in zip(jobs, texts)}


def _with_pages(shards: dict[tuple[str, str], str], pages: list[dict]) -> dict[str, str]:
    """The index's files: the shards, each chunk of result data, and index.json (`pages` sorted by url)."""
    files = {shard_path(shard): text for shard, text in shards.items()}
    for k in range(0, len(pages), CHUNK):
        rows = [[p["url"], p["title"], _excerpt(p)] for p in pages[k:k + CHUNK]]
        files[f"p/{k // CHUNK}.json"] = _dump(rows)
    files["index.json"] = _dump({"v": 2, "pages": len(pages), "chunk": CHUNK,
                                 "shards": sorted(key for kind, key in shards if kind == "s"),
                                 "pairs": sorted(key for kind, key in shards if kind == "b")})
    return files


SPREAD_FROM = 50        # shards to make: fewer are made in the build's own process (one edit makes a few)


def spread(jobs: list, share, parts: int) -> list[str]:
    """`make_shards(jobs)` in `parts` batches of about equal size, made by `share([(function, args,
    kwargs)])` (daihoi.documents.workers.shared: by the workers and this process together), and put back
    in order. A cold build makes 370 shards at its very end, while a worker prunes the stylesheets: the
    other worker and this process share them (the two workers run at a lower priority, so the three share
    the two cores)."""
    if len(jobs) < SPREAD_FROM or parts < 2:
        return make_shards(jobs)
    batches: list[list] = [[] for _ in range(parts)]
    sizes = [0] * parts
    for i in sorted(range(len(jobs)), key=lambda i: -len(jobs[i][1])):    # largest first, to the lightest batch
        lightest = sizes.index(min(sizes))
        batches[lightest].append(i)
        sizes[lightest] += len(jobs[i][1])
    batches = [batch for batch in batches if batch]
    made = share([(make_shards, ([jobs[i] for i in batch],), {}) for batch in batches])
    out: list = [None] * len(jobs)
    for batch, texts in zip(batches, made):
        for i, text in zip(batch, texts):
            out[i] = text
    return out


def _inputs(kind: str, key: str, blob: bytes) -> str:
    """A digest of what makes one shard: which pages give it what (`blob`: the groups marshalled).
    marshal's version 2 writes equal values as equal bytes whatever objects hold them (pickle shares
    an object met twice, so the same words read back from the page cache digested differently from
    the same words just made); numbers and bytes only: marshal may mark a str as interned."""
    h = hashlib.blake2b(f"{kind}/{key}".encode("utf-8", "surrogatepass"), digest_size=16)
    h.update(blob)
    return h.hexdigest()


def _word_shard(groups: list) -> str:
    """{folded: [[accented forms], [id delta, score, variant bits, ...]]} of one shard."""
    postings: dict[str, dict[int, list]] = {}      # folded -> page id -> [count, bits, in_title]
    variants: dict[str, list[str]] = {}
    for pid, (joined, counts, titles) in groups:
        for w, count, in_title in zip(joined.decode("utf-8", "surrogatepass").split(" "), counts, titles):
            f = fold_word(w)
            forms = variants.get(f)
            if forms is None:
                forms = variants[f] = []
                postings[f] = {}
            if w not in forms and len(forms) < MAX_VARIANTS:
                forms.append(w)
            by_page = postings[f]
            entry = by_page.get(pid)
            if entry is None:
                entry = by_page[pid] = [0, 0, 0]
            entry[0] += count
            if w in forms:
                entry[1] |= 1 << forms.index(w)
            if in_title:
                entry[2] = 1
    data = {}
    for f, by_page in postings.items():
        flat, last = [], 0
        for pid in sorted(by_page):
            count, bits, in_title = by_page[pid]
            flat += [pid - last, min(count, 9) + (TITLE_BONUS if in_title else 0), bits]
            last = pid
        data[f] = [variants[f], flat]
    return _dump(data)


def _pair_shard(groups: list) -> str:
    """{"dai hoi": [id delta, in title (0/1), ...]} of one shard."""
    postings: dict[str, dict[int, int]] = {}
    for pid, (joined, flags) in groups:
        for pair, flag in zip(joined.decode("utf-8", "surrogatepass").split("\n"), flags):
            postings.setdefault(pair, {})[pid] = flag
    data = {}
    for pair, by_page in postings.items():
        flat, last = [], 0
        for pid in sorted(by_page):
            flat += [pid - last, by_page[pid]]
            last = pid
        data[pair] = flat
    return _dump(data)


def _excerpt(page: dict) -> str:
    text = page.get("summary") or page.get("lead") or " ".join(page["text"].split())
    if text.startswith(page["title"]):
        text = text[len(page["title"]):].lstrip(" .:")
    return text if len(text) <= EXCERPT else text[:EXCERPT].rsplit(" ", 1)[0] + "…"


def _dump(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
