"""What a phone reader can tap and read, measured in the page (shared by the reader tests
and bench/screenshots.py).

Tap targets: every visible link, button, form field, <summary> and <label for> of the
page. A link inside running text is exempt (WCAG 2.5.8 "inline" exception): its block
has other words than the link's own. Text: every visible text node, at its computed
font size (text hidden for screen readers only, 1×1 px clipped, is not seen).
"""
from __future__ import annotations

MIN_TARGET = 24      # px, WCAG 2.2 SC 2.5.8 (AA)
MIN_PRIMARY = 44     # px high: copy and download buttons (WCAG 2.5.5 AAA size, Apple/Google guidance)
MIN_TEXT = 12        # px

MEASURE_JS = r"""
() => {
  const TARGETS = 'a[href], button, input:not([type=hidden]), select, textarea, summary, label[for], [role=button], [tabindex]:not([tabindex="-1"])';
  const BLOCK = /^(block|flex|grid|list-item|table|table-cell|flow-root)/;
  const seen = (el) => {
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden' || s.visibility === 'collapse' || +s.opacity === 0) return false;
      if (s.clipPath === 'inset(50%)' || s.clip === 'rect(0px, 0px, 0px, 0px)') return false;
    }
    const r = el.getBoundingClientRect();
    return r.width > 1 && r.height > 1 && r.right > 0 && r.left < innerWidth + 1;
  };
  const name = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    if (el.classList.length) s += '.' + [...el.classList].join('.');
    return s;
  };
  const path = (el) => {
    const out = [];
    for (let e = el; e && e.nodeType === 1 && out.length < 4; e = e.parentElement) out.unshift(name(e));
    return out.join(' > ');
  };
  const words = (s) => (s.match(/[\p{L}\p{N}]+/gu) || []).length;
  const inSentence = (el) => {
    if (el.tagName !== 'A' || !/^inline/.test(getComputedStyle(el).display)) return false;
    let block = el.parentElement;
    while (block && !BLOCK.test(getComputedStyle(block).display)) block = block.parentElement;
    if (!block) return false;
    // The block's words other than this link's (and other links', which are targets too).
    const clone = block.cloneNode(true);
    clone.querySelectorAll('a, button, .md-visually-hidden').forEach((x) => x.remove());
    return words(clone.textContent) >= 2;
  };
  const targets = [];
  for (const el of document.querySelectorAll(TARGETS)) {
    if (el.matches('label[for]') && document.getElementById(el.htmlFor)?.matches('input[type=checkbox]') === false) continue;
    if (!seen(el)) continue;
    const r = el.getBoundingClientRect();
    targets.push({what: path(el), text: (el.textContent || el.value || el.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ').slice(0, 60),
                  width: Math.round(r.width * 10) / 10, height: Math.round(r.height * 10) / 10,
                  inSentence: inSentence(el), tag: el.tagName.toLowerCase(), cls: el.className || ''});
  }
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.nodeValue.trim() || !n.parentElement || !seen(n.parentElement)) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    const r = range.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) continue;
    const size = parseFloat(getComputedStyle(n.parentElement).fontSize);
    texts.push({what: path(n.parentElement), text: n.nodeValue.trim().replace(/\s+/g, ' ').slice(0, 60), size});
  }
  return {targets, texts};
}
"""


def measure(page) -> dict:
    return page.evaluate(MEASURE_JS)


def small_targets(found: dict) -> list[dict]:
    return [t for t in found["targets"]
            if not t["inSentence"] and (t["width"] < MIN_TARGET or t["height"] < MIN_TARGET)]


def small_texts(found: dict) -> list[dict]:
    return [t for t in found["texts"] if t["size"] < MIN_TEXT]
