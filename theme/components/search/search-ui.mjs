/* Search module (published as assets/dh-search.js, loaded by search.js on first use).
   Reads the index made by daihoi/site/search_index.py: words are folded ("Đại" -> "dai",
   "đ" -> "d"), so any accents typed find the page; pages with the words spelled
   exactly as typed come first. Queries are NFC first, since some keyboards type NFD. */
const ROOT = new URL("../", import.meta.url);
const INDEX = new URL("tim-kiem/chi-muc/", ROOT);
const SHOWN = 8, EXACT = 50;

const nfc = (s) => s.normalize("NFC").toLowerCase();
const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").normalize("NFC");
const words = (s) => nfc(s).match(/[\p{L}\p{N}_]+/gu) || [];
const escape = (s) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
const cache = new Map();
const get = (path) => {
  if (!cache.has(path)) cache.set(path, fetch(new URL(path, INDEX)).then((r) => (r.ok ? r.json() : null)));
  return cache.get(path);
};

/* Pages having every word (the last one may be unfinished: its prefix counts), best first. */
async function find(query) {
  const manifest = await get("index.json");
  const typed = words(query);
  if (!typed.length) return [];
  const scores = [];
  for (const [n, word] of typed.entries()) {
    const key = fold(word).slice(0, 2);
    const shard = manifest.shards.includes(key) ? await get(`s/${key}.json`) : null;
    const folded = fold(word), last = n === typed.length - 1 && word.length > 1;
    const score = new Map();
    for (const [token, [forms, flat]] of Object.entries(shard || {})) {
      if (token !== folded && !(last && token.startsWith(folded))) continue;
      const exactBit = forms.indexOf(word);
      for (let i = 0, id = 0; i < flat.length; i += 3) {
        id += flat[i];
        let s = flat[i + 1] + (token === folded ? 5 : 0);
        if (exactBit >= 0 && flat[i + 2] & (1 << exactBit)) s += EXACT;
        score.set(id, Math.max(score.get(id) || 0, s));
      }
    }
    scores.push(score);
  }
  const [first, ...rest] = scores.sort((a, b) => a.size - b.size);
  const found = [];
  for (const [id, s] of first) {
    let total = s;
    if (rest.every((m) => m.has(id) && (total += m.get(id), true))) found.push([id, total]);
  }
  return found.sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([id]) => ({ id, manifest }));
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
