"""Text positions of one PDF page, read straight from its content stream.

pypdf opens the file and hands over each page's decompressed content stream, its
fonts and their ToUnicode maps; this module tokenises the stream with one regular
expression and follows the text state (BT/ET, Tf, Td/TD/Tm/T*, Tc/Tw/Tz/TL, q/Q/cm)
to say where each piece of text starts and ends, in which font and size. It also
collects the ruling lines (m/l strokes, thin rectangles) tables are drawn with.

Why not pypdf's own extract_text with visitors: on a 14-page plan it took 0.6-0.9 s
of the 1 s an import may take, most of it in its general-purpose operand parser;
this reader does the same page in a tenth of that. Anything it does not handle - a
font without a ToUnicode map (its letters would need the font's encoding tables),
text inside a form XObject, an inline image, a stream it cannot tokenise - raises
Unsupported, and the caller reads that page with pypdf instead.
"""
from __future__ import annotations

import re
import statistics

_TOKEN = re.compile(rb"""
  (?P<ws>\s+|%[^\r\n]*)
 |(?P<str>\((?:\\.|[^\\()]|\((?:\\.|[^\\()]|\((?:\\.|[^\\()])*\))*\))*\))
 |(?P<hex><[0-9A-Fa-f\s]*>)
 |(?P<dict><<|>>)
 |(?P<arr>[\[\]])
 |(?P<name>/[^\s/\[\]()<>{}%]*)
 |(?P<num>[+-]?(?:\d+\.?\d*|\.\d+))
 |(?P<op>[A-Za-z'"*][A-Za-z0-9'"*]*)
 |(?P<bad>.)
""", re.X | re.S)
_ESCAPES = {ord("n"): b"\n", ord("r"): b"\r", ord("t"): b"\t", ord("b"): b"\b", ord("f"): b"\f",
            ord("("): b"(", ord(")"): b")", ord("\\"): b"\\"}


class Unsupported(Exception):
    """This page needs pypdf's general reader."""


def _literal(raw: bytes) -> bytes:
    """The bytes of a (literal string), escapes resolved."""
    body = raw[1:-1]
    if b"\\" not in body:
        return body
    out = bytearray()
    i = 0
    while i < len(body):
        c = body[i]
        if c != 0x5C:
            out.append(c)
            i += 1
            continue
        i += 1
        if i >= len(body):
            break
        e = body[i]
        if e in _ESCAPES:
            out += _ESCAPES[e]
            i += 1
        elif 0x30 <= e <= 0x37:
            j = i
            while j < len(body) and j < i + 3 and 0x30 <= body[j] <= 0x37:
                j += 1
            out.append(int(body[i:j], 8) & 0xFF)
            i = j
        elif e in (0x0A, 0x0D):          # line continuation
            i += 1
            if e == 0x0D and i < len(body) and body[i] == 0x0A:
                i += 1
        else:
            out.append(e)
            i += 1
    return bytes(out)


def _hexstr(raw: bytes) -> bytes:
    digits = raw[1:-1].translate(None, b" \t\r\n\f\x00")
    if len(digits) % 2:
        digits += b"0"
    return bytes.fromhex(digits.decode("ascii"))


# ---------------------------------------------------------------- fonts


def _cmap(data: bytes) -> tuple[dict[int, str], int]:
    """A ToUnicode CMap: code -> text, and the code length in bytes (1 or 2)."""
    text = data.decode("latin-1")
    out: dict[int, str] = {}
    width = 1
    for block in re.findall(r"begincodespacerange(.*?)endcodespacerange", text, re.S):
        for lo in re.findall(r"<([0-9A-Fa-f]+)>\s*<[0-9A-Fa-f]+>", block):
            width = max(width, len(lo) // 2)

    def uni(h: str) -> str:
        b = bytes.fromhex(h if len(h) % 4 == 0 else h.rjust((len(h) + 3) // 4 * 4, "0"))
        return b.decode("utf-16-be", errors="replace")

    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            out[int(src, 16)] = uni(dst) if dst else ""
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, rest in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])", block):
            a, b = int(lo, 16), int(hi, 16)
            if b - a > 65535:
                raise Unsupported("cmap range")
            if rest.startswith("["):
                for k, h in enumerate(re.findall(r"<([0-9A-Fa-f]*)>", rest)):
                    out[a + k] = uni(h)
            else:
                base = bytes.fromhex(rest[1:-1]) if len(rest) > 2 else b""
                if len(base) < 2:
                    continue
                start = int.from_bytes(base[-2:], "big")
                prefix = base[:-2].decode("utf-16-be", errors="replace")
                for code in range(a, b + 1):
                    out[code] = prefix + chr(start + code - a) if start + code - a < 0x110000 else ""
    return out, width


def font_widths(fd) -> tuple[dict[int, float], float]:
    """(advance widths by character code, width of a code not listed) of a PDF font.

    Type0 fonts list them in /W (runs "first [w1 w2 ...]" or "first last w"), simple
    fonts in /Widths from /FirstChar; the default is the font's stated one, else the
    median width."""
    widths: dict[int, float] = {}
    if fd.get("/Subtype") == "/Type0":
        desc = fd["/DescendantFonts"][0].get_object()
        default = float(desc.get("/DW", 1000))
        w = desc.get("/W")
        w = w.get_object() if w is not None else []
        i = 0
        while i < len(w):
            first = int(w[i])
            nxt = w[i + 1].get_object() if i + 1 < len(w) else None
            if isinstance(nxt, list):
                for k, v in enumerate(nxt):
                    widths[first + k] = float(v)
                i += 2
            else:
                last, wd = int(w[i + 1]), float(w[i + 2])
                for code in range(first, min(last, first + 65535) + 1):
                    widths[code] = wd
                i += 3
        return widths, default
    first = int(fd.get("/FirstChar", 0))
    for k, v in enumerate(fd.get("/Widths", []) or []):
        widths[first + k] = float(v)
    desc = fd.get("/FontDescriptor")
    missing = float(desc.get_object().get("/MissingWidth", 0) or 0) if desc is not None else 0.0
    return widths, missing or (statistics.median(widths.values()) if widths else 500.0)


class PageFont:
    """What the reader needs of a font: its name, widths by code, code length, ToUnicode map."""

    def __init__(self, fd):
        self.name = str(fd.get("/BaseFont", ""))
        sub = fd.get("/Subtype")
        if sub == "/Type3":
            raise Unsupported("Type3 font")
        self.two_bytes = sub == "/Type0"
        tu = fd.get("/ToUnicode")
        if tu is None:
            raise Unsupported("font without ToUnicode")
        self.to_unicode, width = _cmap(tu.get_object().get_data())
        self.code_len = 2 if self.two_bytes else 1
        if not self.two_bytes and width != 1:
            raise Unsupported("multi-byte simple font")
        if self.two_bytes and fd.get("/Encoding") not in ("/Identity-H", "/Identity-V"):
            raise Unsupported("Type0 font with a CMap encoding")
        self.widths, self.default = font_widths(fd)

    def show(self, raw: bytes, size: float, tc: float, tw: float) -> tuple[str, float]:
        """(text, advance in text space units) of a string shown in this font."""
        text = []
        adv = 0.0
        step = self.code_len
        for i in range(0, len(raw) - step + 1, step):
            code = raw[i] if step == 1 else (raw[i] << 8 | raw[i + 1])
            text.append(self.to_unicode.get(code, ""))
            adv += self.widths.get(code, self.default) / 1000 * size + tc
            if step == 1 and code == 32:
                adv += tw
        return "".join(text), adv


def page_fonts(page, cache: dict | None = None) -> dict[str, PageFont]:
    """The page's fonts by resource name; `cache` keeps fonts shared by pages read once."""
    res = page.get("/Resources")
    res = res.get_object() if res is not None else {}
    fonts = res.get("/Font")
    fonts = fonts.get_object() if fonts is not None else {}
    out = {}
    for name, ref in fonts.items():
        key = (getattr(ref, "idnum", None), getattr(ref, "generation", None))
        if cache is not None and key[0] is not None and key in cache:
            out[str(name)] = cache[key]
            continue
        font = PageFont(ref.get_object())
        if cache is not None and key[0] is not None:
            cache[key] = font
        out[str(name)] = font
    return out


def has_forms(page) -> bool:
    res = page.get("/Resources")
    res = res.get_object() if res is not None else {}
    xo = res.get("/XObject")
    xo = xo.get_object() if xo is not None else {}
    return any(v.get_object().get("/Subtype") == "/Form" for v in xo.values())


# ---------------------------------------------------------------- the content stream


def _mul(m, n):
    """m × n for PDF matrices [a b c d e f]."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F]


def read_page(data: bytes, fonts: dict[str, PageFont]):
    """Yield ("text", x, y, x_end, text, font name, size) and ("rule", x0, y0, x1, y1) items."""
    operands: list = []
    arrays: list[list] = []
    ctm = [1.0, 0, 0, 1.0, 0, 0]
    gstack: list = []
    tm = tlm = [1.0, 0, 0, 1.0, 0, 0]
    font: PageFont | None = None
    size = tc = tw = tl = 0.0
    tz = 1.0
    pos = None
    tokens = _TOKEN.finditer(data)
    for m in tokens:
        kind = m.lastgroup
        if kind == "ws" or kind == "dict":
            continue
        tok = m.group(kind)
        if kind == "num":
            val = float(tok)
            (arrays[-1] if arrays else operands).append(val)
        elif kind == "str":
            (arrays[-1] if arrays else operands).append(_literal(tok))
        elif kind == "hex":
            (arrays[-1] if arrays else operands).append(_hexstr(tok))
        elif kind == "name":
            (arrays[-1] if arrays else operands).append(tok.decode("latin-1"))
        elif kind == "arr":
            if tok == b"[":
                arrays.append([])
            elif arrays:
                done = arrays.pop()
                (arrays[-1] if arrays else operands).append(done)
        elif kind == "bad":
            raise Unsupported("token")
        else:
            op = tok
            args = operands
            operands = []
            if op == b"BI":                      # an inline image's bytes are no tokens: pypdf reads this page
                raise Unsupported("inline image")
            if op == b"Tj" or op == b"'" or op == b'"' or op == b"TJ":
                if op == b"'" or op == b'"':
                    if op == b'"' and len(args) >= 3:
                        tw, tc = args[0], args[1]
                    tlm = _mul([1, 0, 0, 1, 0, -tl], tlm)
                    tm = tlm
                if font is None or not args:
                    continue
                items = args[-1] if op == b"TJ" else [args[-1]]
                if not isinstance(items, list):
                    continue
                trm = _mul(tm, ctm)
                x0 = trm[4]
                y0 = trm[5]
                scale_y = abs(tm[3] * ctm[3]) or abs(tm[0] * ctm[0]) or 1.0
                text = []
                adv_total = 0.0
                for it in items:
                    if isinstance(it, float):
                        shift = -it / 1000 * size
                        if it < -200 and text and not text[-1].endswith(" "):
                            text.append(" ")          # a space drawn as a gap
                        adv_total += shift
                    elif isinstance(it, bytes):
                        t, adv = font.show(it, size, tc, tw)
                        text.append(t)
                        adv_total += adv
                adv_total *= tz
                tm = [tm[0], tm[1], tm[2], tm[3], tm[4] + adv_total * tm[0], tm[5] + adv_total * tm[1]]
                x_end = _mul(tm, ctm)[4]
                s = "".join(text)
                if s.strip():
                    yield ("text", x0, y0, x_end, s, font.name, size * scale_y)
            elif op == b"Tf" and len(args) >= 2:
                if args[0] not in fonts:
                    raise Unsupported("unknown font")
                font, size = fonts[args[0]], float(args[1])
            elif op == b"Td" and len(args) >= 2:
                tlm = _mul([1, 0, 0, 1, args[0], args[1]], tlm)
                tm = tlm
            elif op == b"TD" and len(args) >= 2:
                tl = -args[1]
                tlm = _mul([1, 0, 0, 1, args[0], args[1]], tlm)
                tm = tlm
            elif op == b"Tm" and len(args) >= 6:
                tlm = tm = [float(a) for a in args[:6]]
            elif op == b"T*":
                tlm = _mul([1, 0, 0, 1, 0, -tl], tlm)
                tm = tlm
            elif op == b"BT":
                tm = tlm = [1.0, 0, 0, 1.0, 0, 0]
            elif op == b"Tc" and args:
                tc = args[0]
            elif op == b"Tw" and args:
                tw = args[0]
            elif op == b"Tz" and args:
                tz = args[0] / 100
            elif op == b"TL" and args:
                tl = args[0]
            elif op == b"q":
                gstack.append(ctm)
            elif op == b"Q":
                ctm = gstack.pop() if gstack else [1.0, 0, 0, 1.0, 0, 0]
            elif op == b"cm" and len(args) >= 6:
                ctm = _mul([float(a) for a in args[:6]], ctm)
            elif op == b"m" and len(args) >= 2:
                pos = _mul([1, 0, 0, 1, args[0], args[1]], ctm)[4:]
            elif op == b"l" and len(args) >= 2 and pos is not None:
                end = _mul([1, 0, 0, 1, args[0], args[1]], ctm)[4:]
                yield ("rule", pos[0], pos[1], end[0], end[1])
                pos = end
            elif op == b"re" and len(args) >= 4:
                x, y = _mul([1, 0, 0, 1, args[0], args[1]], ctm)[4:]
                w, h = args[2] * ctm[0], args[3] * ctm[3]
                if 0 < abs(h) < 2.5 and abs(w) > 5:
                    yield ("rule", x, y + h / 2, x + w, y + h / 2)
                elif 0 < abs(w) < 2.5 and abs(h) > 5:
                    yield ("rule", x + w / 2, y, x + w / 2, y + h)
