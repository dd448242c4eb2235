"""SVG pictures in content/: published only when they are pictures, never programs.

An SVG opened directly runs its scripts in the portal's origin, where the page's
Content-Security-Policy does not apply. A picture that passes `problems` is
published byte for byte; any other is refused with what was found, and the editor
exports it again as PNG or JPEG. Refusing rather than rewriting means there is no
serializer to get wrong and the editor's file is never silently changed.

There is no kept Python library that sanitizes SVG (ammonia, behind nh3, is for
HTML only), so this small allow-list is written here: the XML is read with
defusedxml (no entities, no external DTD), and every element, attribute and
reference is checked against what drawings use.
"""
from __future__ import annotations

import re
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree as safe_xml
from defusedxml import DefusedXmlException

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
# Metadata drawing programs write (Inkscape, Illustrator, Sodipodi, RDF licence data):
# browsers ignore elements of these namespaces.
METADATA_NAMESPACES = {
    "http://www.inkscape.org/namespaces/inkscape", "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://creativecommons.org/ns#",
    "http://purl.org/dc/elements/1.1/", "http://ns.adobe.com/AdobeIllustrator/10.0/",
    "http://ns.adobe.com/Graphs/1.0/", "http://ns.adobe.com/SaveForWeb/1.0/", "http://ns.adobe.com/Variables/1.0/",
    "http://ns.adobe.com/Extensibility/1.0/", "http://ns.adobe.com/Flows/1.0/", "http://ns.adobe.com/ImageReplacement/1.0/",
    "http://ns.adobe.com/GenericCustomNamespace/1.0/", "http://ns.adobe.com/XPath/1.0/",
}
ELEMENTS = {
    "svg", "g", "defs", "symbol", "use", "title", "desc", "metadata", "switch", "view",
    "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
    "text", "tspan", "textPath",
    "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker", "image", "style", "a",
    "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix",
    "feDiffuseLighting", "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA", "feFuncB",
    "feFuncG", "feFuncR", "feGaussianBlur", "feImage", "feMerge", "feMergeNode", "feMorphology", "feOffset",
    "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
}
# Pictures embedded in a drawing as data (Illustrator does this); anything else a reference
# may load is outside the file.
_DATA_IMAGE = re.compile(r"^data:image/(?:png|jpeg|gif|webp);", re.I)
_LINK = re.compile(r"^(?:https?:|mailto:|#)", re.I)
_URL_REF = re.compile(r"url\(\s*(['\"]?)\s*([^)'\"]*)", re.I)
_SPACES = re.compile(r"[\x00-\x20\x7f]+")


def _local(name: str) -> tuple[str, str]:
    """('{ns}local' or 'local') -> (ns, local)."""
    if name.startswith("{"):
        ns, _, local = name[1:].partition("}")
        return ns, local
    return "", name


def _css_problem(css: str) -> str | None:
    seen = _SPACES.sub("", css).lower()
    if "@import" in seen or "expression(" in seen or "javascript:" in seen or "-moz-binding" in seen:
        return "định dạng CSS tải tệp khác hoặc chạy mã (@import, expression, javascript:)"
    for m in _URL_REF.finditer(css):
        target = m.group(2).strip()
        if target and not target.startswith("#") and not _DATA_IMAGE.match(target):
            return f"tham chiếu ra ngoài tệp: url({target[:60]})"
    return None


def problems(data: bytes) -> list[str]:
    """What keeps `data` from being published as a picture (Vietnamese; empty: it is a picture)."""
    if b"<?xml-stylesheet" in data.lower():
        return ["có chỉ thị <?xml-stylesheet …?> tải định dạng từ tệp khác"]
    try:
        root = safe_xml.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        return ["có khai báo ENTITY hoặc tham chiếu DTD bên ngoài (có thể dùng để đọc tệp hoặc làm treo máy)"]
    except (ParseError, ValueError, UnicodeError) as exc:
        return [f"không đọc được nội dung SVG (XML sai cú pháp: {exc})"]
    ns, local = _local(root.tag)
    if ns != SVG or local != "svg":
        return ["không phải ảnh SVG (thẻ gốc không phải <svg xmlns=\"http://www.w3.org/2000/svg\">)"]
    found: list[str] = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue        # comments, processing instructions
        ns, local = _local(element.tag)
        if ns in METADATA_NAMESPACES:
            continue
        if ns != SVG:
            found.append(f"có phần tử <{local}> không thuộc SVG (ví dụ HTML, có thể chứa mã chạy)")
        elif local == "script":
            found.append("có mã chạy <script>")
        elif local == "foreignObject":
            found.append("có <foreignObject> (nhúng trang HTML vào hình)")
        elif local in ("set", "animate", "animateTransform", "animateMotion", "animateColor", "discard"):
            found.append(f"có hoạt ảnh <{local}> (có thể đổi liên kết thành mã chạy)")
        elif local not in ELEMENTS:
            found.append(f"có phần tử <{local}> không dùng cho hình vẽ")
        elif local == "style":
            problem = _css_problem(element.text or "")
            if problem:
                found.append(f"phần <style> có {problem}")
        for name, value in element.attrib.items():
            attr_ns, attr = _local(name)
            if attr_ns in METADATA_NAMESPACES:
                continue
            if attr.lower().startswith("on"):
                found.append(f"có thuộc tính sự kiện “{attr}” ở <{local}> (mã chạy khi mở hoặc bấm vào hình)")
            elif attr == "href" and attr_ns in ("", XLINK):
                target = _SPACES.sub("", value)
                if local in ("image", "feImage") and _DATA_IMAGE.match(target):
                    continue
                if target.startswith("#") or (local == "a" and _LINK.match(target)):
                    continue
                found.append(f"có tham chiếu ra ngoài tệp ở <{local}>: “{value[:60]}”")
            elif attr == "style" or "url(" in value.lower():
                problem = _css_problem(value)
                if problem:
                    found.append(f"thuộc tính “{attr}” ở <{local}> có {problem}")
    return list(dict.fromkeys(found))
