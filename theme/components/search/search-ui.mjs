/* Search module (published as assets/dh-search.js, loaded by search.js on first use).
   Reads the index made by daihoi/site/search_index.py: words are folded ("Đại" -> "dai",
   "đ" -> "d"), so any accents typed find the page; pages with the words spelled
   exactly as typed come first. Queries are NFC first, since some keyboards type NFD.
   Every word typed matches as the start of a word ("hoi ngh" finds "hội nghị"); words in
   quotes ("hội nghị quán triệt") must stand side by side, whole. Ranking: words in the
   title, words side by side (in the title above all), exact accents, how often. */
const ROOT = new URL("../", import.meta.url);
const INDEX = new URL("tim-kiem/chi-muc/", ROOT);
const SHOWN = 8, EXACT = 50, WHOLE = 5, PAIR = 15, PAIR_TITLE = 25;

const nfc = (s) => s.normalize("NFC").toLowerCase();
const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").normalize("NFC");
const words = (s) => nfc(s).match(/[\p{L}\p{N}_]+/gu) || [];
const escape = (s) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
const cache = new Map();
const get = (path) => {
  if (!cache.has(path)) cache.set(path, fetch(new URL(path, INDEX)).then((r) => (r.ok ? r.json() : null)));
  return cache.get(path);
};

/* The query as groups of words: each quoted phrase is one group (whole words, side by
   side), each other word a group of its own. A quote left open counts to the end. */
function parse(query) {
  const groups = [];
  const re = /["“”«»]([^"“”«»]*)(?:["“”«»]|$)|[^"“”«»]+/g;
  for (const m of query.matchAll(re)) {
    if (m[1] !== undefined) { const ws = words(m[1]); if (ws.length) groups.push({ phrase: true, words: ws }); }
    else for (const w of words(m[0])) groups.push({ phrase: false, words: [w] });
  }
  return groups;
}

/* page id -> score for one word: whole words, or every word it starts (two letters or more). */
async function wordScores(manifest, word, prefix) {
  const folded = fold(word), key = folded.slice(0, 2);
  const shard = manifest.shards.includes(key) ? await get(`s/${key}.json`) : null;
  const score = new Map();
  for (const [token, [forms, flat]] of Object.entries(shard || {})) {
    if (token !== folded && !(prefix && folded.length > 1 && token.startsWith(folded))) continue;
    const exactBit = forms.indexOf(word);
    for (let i = 0, id = 0; i < flat.length; i += 3) {
      id += flat[i];
      let s = flat[i + 1] + (token === folded ? WHOLE : 0);
      if (exactBit >= 0 && flat[i + 2] & (1 << exactBit)) s += EXACT;
      score.set(id, Math.max(score.get(id) || 0, s));
    }
  }
  return score;
}

/* page id -> 1 (in the title) or 0, for two words side by side; the second may be unfinished. */
async function pairPages(manifest, first, second, prefix) {
  const a = fold(first), b = fold(second), key = a.slice(0, 2);
  const shard = manifest.pairs && manifest.pairs.includes(key) ? await get(`b/${key}.json`) : null;
  const pages = new Map();
  for (const [pair, flat] of Object.entries(shard || {})) {
    const [x, y] = pair.split(" ");
    if (x !== a || !(y === b || (prefix && b.length > 1 && y.startsWith(b)))) continue;
    for (let i = 0, id = 0; i < flat.length; i += 2) {
      id += flat[i];
      pages.set(id, Math.max(pages.get(id) || 0, flat[i + 1]));
    }
  }
  return pages;
}

/* Pages having every word and every quoted phrase, best first. */
async function find(query) {
  const manifest = await get("index.json");
  const groups = parse(query);
  const all = groups.flatMap((g, n) => g.words.map((w) => ({ w, phrase: g.phrase, group: n })));
  if (!all.length) return [];
  const scores = await Promise.all(all.map(({ w, phrase }) => wordScores(manifest, w, !phrase)));
  const [first, ...rest] = [...scores].sort((a, b) => a.size - b.size);
  const found = new Map();
  for (const [id, s] of first) {
    let total = s;
    if (rest.every((m) => m.has(id) && (total += m.get(id), true))) found.set(id, total);
  }
  // Words side by side: required inside a quoted phrase, a bonus anywhere else.
  for (let i = 0; i + 1 < all.length && found.size; i++) {
    const inPhrase = all[i].phrase && all[i].group === all[i + 1].group;
    const pages = await pairPages(manifest, all[i].w, all[i + 1].w, !all[i + 1].phrase);
    for (const [id, total] of [...found]) {
      if (pages.has(id)) found.set(id, total + PAIR + (pages.get(id) ? PAIR_TITLE : 0));
      else if (inPhrase) found.delete(id);
    }
  }
  return [...found].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([id]) => ({ id, manifest }));
}

async function details(results) {
  return Promise.all(results.map(async ({ id, manifest }) => {
    const chunk = await get(`p/${Math.floor(id / manifest.chunk)}.json`);
    const [url, title, excerpt] = chunk[id % manifest.chunk];
    return { url: new URL(url, ROOT).pathname, title, excerpt };
  }));
}

function render(box, query, all, items, moreUrl) {
  if (!all.length) {
    box.innerHTML = `<p class="dh-search__none" role="status">Không tìm thấy trang nào có “${escape(query)}”.</p>`;
    return;
  }
  const list = items.map((d) =>
    `<li><a href="${escape(d.url)}">${escape(d.title)}</a><p>${escape(d.excerpt)}</p></li>`).join("");
  const more = moreUrl && all.length > items.length ? `<p><a href="${escape(moreUrl)}">Xem tất cả ${all.length} kết quả</a></p>` : "";
  box.innerHTML = `<p class="dh-search__count" role="status">Tìm thấy ${all.length} kết quả cho “${escape(query)}”</p><ol class="dh-search__list">${list}</ol>${more}`;
}

function attach(input, box, count, pageUrl) {
  let timer;
  async function update() {
    const query = nfc(input.value).replace(/\s+/g, " ").trim();
    if (!query) { box.hidden = true; box.innerHTML = ""; return; }
    const all = await find(query);
    const items = await details(all.slice(0, count));
    if (nfc(input.value).replace(/\s+/g, " ").trim() !== query) return;     // a newer query is on its way
    box.hidden = false;
    render(box, query, all, items, pageUrl && pageUrl + "?q=" + encodeURIComponent(query));
  }
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(update, 150); });
  input.addEventListener("keydown", (e) => { if (e.key === "Escape") { input.value = ""; update(); } });
  if (input.value) update();
}

const header = document.querySelector("[data-dh-search]");
const page = document.querySelector("[data-dh-search-page]");
if (page) {
  const input = page.querySelector("[data-dh-search-input]");
  input.value = new URLSearchParams(location.search).get("q") || input.value;
  attach(input, page.parentNode.querySelector("[data-dh-search-results]"), 30, null);
}
if (header) attach(header.querySelector("[data-dh-search-input]"), header.querySelector("[data-dh-search-results]"),
  SHOWN, header.getAttribute("action"));
document.documentElement.dataset.dhSearch = "ready";
