"""daihoi.site.search_index: page text without ignored parts, folded words, exact-spelling bits."""
import json

from daihoi.site import search_index

PAGE = ('<html><body><header>Đầu trang</header><article class="md-content__inner md-typeset" data-pagefind-body>'
        '<h1>Đại hội <b>chi bộ</b></h1><p>Khẩu hiệu<br>chào mừng</p><img src="x.jpg" alt="">'
        '<div data-pagefind-ignore><p>Chia sẻ</p></div><script>var x = 1;</script><p>Cuối.</p></article>'
        '<footer>Chân trang</footer></body></html>')


def test_page_text_is_the_article_without_ignored_parts():
    title, text = search_index.page_text(PAGE)
    assert title == "Đại hội chi bộ"
    assert text == "Đại hội chi bộ Khẩu hiệu chào mừng Cuối."
    assert search_index.page_text(PAGE.replace(" data-pagefind-body", "")) is None


def test_read_page_lines_lead_and_what_is_left_out():
    lead = "Đây là đoạn văn đầu tiên của bài, đủ dài để làm đoạn dẫn cho kết quả tìm kiếm."
    page = ('<nav>Menu</nav><article data-pagefind-body><header><p>' + "Chữ đầu trang " * 5 + '</p></header>'
            '<h1></h1><h1 data-pagefind-ignore>Ẩn</h1><h1>Tiêu <span data-pagefind-ignore>bỏ</span>đề</h1>'
            '<p>NGHỊ QUYẾT CỦA BAN CHẤP HÀNH ĐẢNG BỘ VỀ CÔNG TÁC TUYÊN TRUYỀN NĂM HAI NGHÌN</p>'
            f'<p>{lead}</p><p>một <b>hai</b> ba<br>bốn</p>'
            'trước<span data-pagefind-ignore><div>khối ẩn</div></span>sau, a&amp;b&nbsp;c'
            '<em data-pagefind-ignore>chữ ẩn</em>liền<svg><text>hình</text></svg><!-- ghi chú -->hết'
            '<ul><li>mục 1</li><li>mục 2<ul><li>mục con</li></ul></li></ul>'
            '<table><tr><td>ô 1</td><td>ô 2</td></tr></table></article>'
            '<article data-pagefind-body><p>bài thứ hai</p></article>')
    found = search_index.read_page(page)
    assert found["title"] == "Tiêu đề"                       # the first heading with text, ignored parts out
    assert found["lead"] == lead                             # not the header's, not one in capitals
    assert found["text"].split("\n") == [
        "Chữ đầu trang " * 4 + "Chữ đầu trang", "Tiêu đề",
        "NGHỊ QUYẾT CỦA BAN CHẤP HÀNH ĐẢNG BỘ VỀ CÔNG TÁC TUYÊN TRUYỀN NĂM HAI NGHÌN", lead,
        "một hai ba", "bốn", "trước", "sau, a&b cliềnhết", "mục 1", "mục 2", "mục con", "ô 1", "ô 2",
        "bài thứ hai"]
    assert search_index.read_page('<article data-pagefind-body><p data-pagefind-ignore>x</p></article>') is None
    deep = '<article data-pagefind-body><p>đầu</p>' + "<div>" * 1000 + "sâu" + "</div>" * 1000 + "</article>"
    assert search_index.read_page(deep)["text"] == "đầu\nsâu"                  # deeper than libxml2's 256
    long = '<article data-pagefind-body><p>' + "chữ " * 2_600_000 + "</p></article>"     # over its 10 MB
    assert len(search_index.read_page(long)["text"]) == len("chữ " * 2_600_000) - 1


def lookup(files, word):
    folded = search_index.words(word)[0]
    from daihoi.text.vntext import fold
    shard = json.loads(files[f"s/{search_index.shard_key(fold(folded))}.json"])
    return shard.get(fold(folded))


def test_words_are_folded_and_exact_spellings_are_marked():
    pages = [{"url": "a/", "title": "Đại hội", "text": "Đại hội chi bộ"},
             {"url": "b/", "title": "Bàn", "text": "Một chương trình dài hơi"},
             {"url": "c/", "title": "NFD", "text": "\u0110a\u0323i ho\u0302\u0323i"}]     # "Đại hội" typed in NFD
    files = search_index.build(pages)
    forms, flat = lookup(files, "dai")
    assert sorted(forms) == ["dài", "đại"]
    postings = {}
    pid = 0
    for i in range(0, len(flat), 3):
        pid += flat[i]
        postings[pid] = (flat[i + 1], flat[i + 2])
    assert set(postings) == {0, 1, 2}
    exact = 1 << forms.index("đại")
    assert postings[0][1] & exact and postings[2][1] & exact and not postings[1][1] & exact
    assert postings[0][0] > search_index.TITLE_BONUS                  # in the title
    index = json.loads(files["index.json"])
    assert index["pages"] == 3 and "da" in index["shards"]
    rows = json.loads(files["p/0.json"])
    assert [r[0] for r in rows] == ["a/", "b/", "c/"]


def test_result_data_is_chunked_and_excerpts_are_short():
    pages = [{"url": f"p{i:03d}/", "title": f"Tin {i}", "text": f"Tin {i} " + "chữ " * 200} for i in range(25)]
    files = search_index.build(pages)
    chunks = sorted(k for k in files if k.startswith("p/"))
    assert chunks == ["p/0.json", "p/1.json", "p/2.json"]
    assert all(len(r[2]) <= search_index.EXCERPT + 1 for k in chunks for r in json.loads(files[k]))


def _shards_kept():
    """A `made` for search_index.build that keeps each shard by its key, and the keys it made."""
    kept: dict = {}
    made: list = []

    def keep(jobs):
        for key, kind, blob, _ in jobs:
            if key not in kept:
                made.append(key)
                kept[key] = search_index.make_shards([(kind, blob)])[0]
        return [kept[key] for key, *_ in jobs]
    return keep, made


def test_after_one_edit_only_the_shards_of_its_changed_words_are_made_again():
    pages = [{"url": f"tin-{i}/", "title": f"Tin {i}", "text": f"Đại hội chi bộ lần thứ {i}. Hội nghị quán triệt."}
             for i in range(30)]
    keep, made = _shards_kept()
    first = search_index.build(pages, made=keep)
    assert first == search_index.build(pages)
    shards = len(made)
    made.clear()
    pages[7] = dict(pages[7], text=pages[7]["text"] + " Xuân mới.")
    again = search_index.build(pages, made=keep)
    assert again == search_index.build(pages)           # the same bytes as made from nothing
    assert 1 <= len(made) <= 4 < shards                   # "xu" and "mo", their pairs' shards


def test_words_read_back_from_the_page_cache_find_the_shards_kept_for_them():
    """The page cache gives back each page's words unpickled: the shards' digests must not depend on
    which objects hold them (pickle's would: 102 of 120 shards were made again on a real site)."""
    import pickle

    pages = [{"url": f"tin-{i}/", "title": f"Tin {i}", "text": f"Đại hội chi bộ lần thứ {i}. Hội nghị quán triệt "
              f"nghị quyết, học tập và làm theo. Khẩu hiệu số {i % 3}."} for i in range(40)]
    for page in pages:
        page["terms"] = search_index.terms(page)
    keep, made = _shards_kept()
    first = search_index.build(pages, terms_of=lambda p: p["terms"], made=keep)
    made.clear()
    read_back = [dict(p, terms=pickle.loads(pickle.dumps(p["terms"]))) for p in pages]
    assert search_index.build(read_back, terms_of=lambda p: p["terms"], made=keep) == first
    assert made == []


def test_shards_spread_over_processes_are_the_shards_made_here():
    """spread: the shards in batches of about equal size, made by the workers and this process together
    (daihoi.documents.workers.shared, tested with pools that begin all, none or some of them in
    tests/documents/test_documents_workers.py); put back in order. Few shards are made here."""
    from daihoi.documents import workers

    pages = [{"url": f"tin-{i}/", "title": f"Tin {i}", "text": f"Đại hội chi bộ lần thứ {i}. Hội nghị {i * 7919} "
              f"quán triệt nghị quyết, thi đua lập thành tích chào mừng. Mã {i * 104729}."} for i in range(120)]
    captured: list = []

    def grab(jobs):
        captured.extend(jobs)
        return search_index.make_shards([job[1:3] for job in jobs])
    expected = search_index.build(pages, made=grab)
    jobs = [job[1:3] for job in captured]
    assert len(jobs) >= search_index.SPREAD_FROM
    mine = search_index.make_shards(jobs)
    shared: list = []

    def with_the_workers(calls):
        shared.append([len(args[0]) for _, args, _ in calls])
        return workers.shared(calls)

    def here(calls):
        shared.append([len(args[0]) for _, args, _ in calls])
        return [function(*args, **kwargs) for function, args, kwargs in calls]
    assert search_index.spread(jobs, with_the_workers, 8) == mine
    assert len(shared[0]) == 8 and sum(shared[0]) == len(jobs)
    assert search_index.spread(jobs, here, 8) == mine
    assert search_index.build(pages, made=lambda jobs: search_index.spread([j[1:3] for j in jobs], with_the_workers, 4)) \
        == expected
    shared.clear()
    assert search_index.spread(jobs[:3], with_the_workers, 4) == search_index.make_shards(jobs[:3]) and shared == []


def test_an_index_made_again_from_the_last_one_is_the_index_made_from_nothing():
    """rebuild: from the last index of pages at the same addresses, only the shards where a changed
    page's words differ (changed_shards) are made again, from what each was made of before (the groups
    `made` was given) with the changed page's groups in place of its old ones; the files are build's,
    byte for byte, whether a page gains words (new shards), loses them (a shard no page has any more
    goes) or changes its title; those shards are the only ones made, and no other page's terms are read."""
    pages = [{"url": f"tin-{i}/", "title": f"Tin {i}", "text": f"Đại hội chi bộ lần thứ {i}. Hội nghị quán triệt.",
              "lead": "", "summary": ""} for i in range(30)]
    pages[4]["text"] += " Xuân quyết thắng."                       # "xu", "qu", "th": only on this page
    for page in pages:
        page["terms"] = search_index.terms(page)
    keep, made = _shards_kept()
    groups: dict = {}

    def keep_groups(jobs):
        groups.update((shard, blob) for _, _, blob, shard in jobs)
        return keep(jobs)
    before = search_index.build(pages, terms_of=lambda p: p["terms"], made=keep_groups)
    edits = [(4, dict(pages[4], text="Đại hội chi bộ lần thứ 4.")),                  # words gone
             (9, dict(pages[9], text=pages[9]["text"] + " Ý Đảng lòng dân.")),       # new words, new shards
             (12, dict(pages[12], title="Tin mười hai đã sửa"))]                    # its title
    for i, page in edits:
        page["terms"] = search_index.terms(page)
        changed = search_index.changed_shards(pages[i]["terms"], page["terms"])
        if i == 9:
            assert changed - groups.keys()                  # shards the last index did not have
        after = pages[:i] + [page] + pages[i + 1:]
        unread = [{k: v for k, v in p.items() if k != "terms"} for p in after]     # rebuild reads no page's terms
        made.clear()
        again = search_index.rebuild(unread, before, changed, {shard: groups[shard] for shard in changed & groups.keys()},
                                     {page["url"]: page["terms"]}, made=keep)
        assert again == search_index.build(after, terms_of=lambda p: p["terms"])
        assert list(again) == list(search_index.build(after, terms_of=lambda p: p["terms"]))    # same order
        assert 1 <= len(made) <= len(changed)
    assert search_index.changed_shards(pages[3]["terms"], pickle_copy(pages[3]["terms"])) == set()


def pickle_copy(value):
    import pickle

    return pickle.loads(pickle.dumps(value))


def test_terms_are_kept_packed_and_made_again_when_they_cannot_be_read():
    page = {"url": "tin/", "title": "Tin", "text": "Đại hội chi bộ. Hội nghị quán triệt.", "lead": "", "summary": ""}
    packed = search_index.packed_terms(page)
    assert isinstance(packed, bytes) and search_index.page_terms(dict(page, terms=packed)) == search_index.terms(page)
    for damaged in (packed[:7], b"", None, {"words": {}}):
        assert search_index.page_terms(dict(page, terms=damaged)) == search_index.terms(page)


def test_terms_of_a_page_by_shard_in_first_seen_order():
    """terms: words and folded pairs by shard, shards and what is in each in first-seen order (title
    first); counts at most 255; pairs not across a sentence's end or a line; NFD text as NFC."""
    # "đảng" in NFD, then in NFC
    text = "Đại hội \u0111a\u0309ng bộ. Hội nghị: quán triệt\nđảng bộ; Bộ đội " + "hội " * 300 + "x_1 9"
    found = search_index.terms({"title": "Đại hội Đảng", "text": text})
    assert found == {
        "words": {"da": ("đại đảng".encode(), bytes([2, 3]), b"\1\1"), "ho": ("hội".encode(), b"\xff", b"\1"),
                  "bo": ("bộ".encode(), b"\3", b"\0"), "ng": ("nghị".encode(), b"\1", b"\0"),
                  "qu": ("quán".encode(), b"\1", b"\0"), "tr": ("triệt".encode(), b"\1", b"\0"),
                  "do": ("đội".encode(), b"\1", b"\0"), "x_": (b"x_1", b"\1", b"\0"), "9": (b"9", b"\1", b"\0")},
        "pairs": {"da": (b"dai hoi\ndang bo", b"\1\0"),
                  "ho": (b"hoi dang\nhoi nghi\nhoi hoi\nhoi x_1", b"\1\0\0\0"), "qu": (b"quan triet", b"\0"),
                  "bo": (b"bo doi", b"\0"), "do": (b"doi hoi", b"\0"), "x_": (b"x_1 9", b"\0")}}
    assert [list(found["words"]), list(found["pairs"])] == [["da", "ho", "bo", "ng", "qu", "tr", "do", "x_", "9"],
                                                           ["da", "ho", "qu", "bo", "do", "x_"]]
    assert search_index.terms({"title": "", "text": " .; \n!"}) == {"words": {}, "pairs": {}}
    assert search_index.pairs("Đại hội. Hội nghị\nquán triệt") == ["dai hoi", "hoi nghi", "quan triet"]


def test_no_word_character_folds_to_nothing():
    """terms and pairs take "" for a break between words (search_index._pairs): no word may fold to ""."""
    import re
    import sys

    from daihoi.text.vntext import fold

    word_characters = re.findall(r"\w", "".join(map(chr, range(sys.maxunicode + 1))))
    assert len(word_characters) > 100_000
    assert [c for c in word_characters if not fold(c)] == []
