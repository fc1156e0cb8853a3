"""Walk the content of a PDF the way a RIP would, and record what preflight judges.

Why a walker of our own: the plant's rules (issue 5) are about what is *painted* -
the colour each operator sets, the size at which each image is placed, the font each
string is shown in - so resources alone do not tell.  The walker follows the
graphics state (q/Q, cm, cs/CS, colour operators, gs, Tf) through page content, form
XObjects (with their /Matrix), annotation appearances, and records:

- colour uses by family (gray, cmyk, rgb, lab, separation, ...), with where;
- image placements with the CTM-derived size, hence the effective resolution;
- text shows: font, size, fill colour, overprint, raw codes (for .notdef);
- vector fills and strokes whose total ink exceeds the limit.

It reads with pikepdf only; nothing is rendered.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

# operators whose operands set a fill / stroke colour in the current space
_FILL_SET = {"sc", "scn"}
_STROKE_SET = {"SC", "SCN"}
_PAINT_FILL = {"f", "F", "f*", "B", "B*", "b", "b*"}
_PAINT_STROKE = {"S", "s", "B", "B*", "b", "b*"}
_TEXT_SHOW = {"Tj", "TJ", "'", '"'}
MAX_FORM_DEPTH = 12  # forms nested deeper than this are a loop or an attack


@dataclass
class Placement:
    page: int
    key: tuple[int, int]  # image object id (0, n) for inline images
    name: str
    px: tuple[int, int]
    placed: tuple[float, float]  # pt

    @property
    def ppi(self) -> float:
        w, h = self.placed
        if w < 0.01 or h < 0.01:
            return math.inf
        return min(self.px[0] * 72 / w, self.px[1] * 72 / h)


@dataclass
class TextShow:
    page: int
    font: object  # the font dictionary (pikepdf object)
    font_name: str
    size: float  # effective size in pt (Tf size x text and graphics scale)
    colour: tuple[str, tuple[float, ...]]  # (family, components)
    overprint: bool
    codes: bytes


@dataclass
class Scan:
    colours: Counter = field(default_factory=Counter)  # family -> uses
    rgb: list[str] = field(default_factory=list)  # where RGB is used (human-readable)
    lab: list[str] = field(default_factory=list)
    placements: list[Placement] = field(default_factory=list)
    images: dict = field(default_factory=dict)  # key -> image stream
    texts: list[TextShow] = field(default_factory=list)
    fonts: dict = field(default_factory=dict)  # objgen or id -> (name, font dict, pages set)
    heavy_vectors: list[tuple[int, float]] = field(default_factory=list)  # (page, total ink %)
    errors: list[str] = field(default_factory=list)


def cs_family(cs, resources=None, depth: int = 0) -> str:
    """Family of a colour space object: 'gray', 'rgb', 'cmyk', 'lab', 'icc-rgb',
    'icc-cmyk', 'icc-gray', 'separation(cmyk)', 'indexed(rgb)', 'pattern', ..."""
    import pikepdf

    if depth > 5:
        return "unknown"
    if isinstance(cs, pikepdf.Name):
        name = str(cs)
        base = {"/DeviceRGB": "rgb", "/RGB": "rgb", "/DeviceCMYK": "cmyk", "/CMYK": "cmyk",
                "/DeviceGray": "gray", "/G": "gray", "/Pattern": "pattern"}.get(name)
        if base:
            return base
        named = _lookup(resources, "/ColorSpace", name)
        return cs_family(named, resources, depth + 1) if named is not None else "unknown"
    if isinstance(cs, pikepdf.Array) and len(cs):
        fam = str(cs[0])
        if fam == "/ICCBased":
            n = int(cs[1].get("/N", 0))
            return {1: "icc-gray", 3: "icc-rgb", 4: "icc-cmyk"}.get(n, "icc")
        if fam in ("/Indexed", "/I"):
            return f"indexed({cs_family(cs[1], resources, depth + 1)})"
        if fam in ("/Separation", "/DeviceN"):
            return f"{fam[1:].lower()}({cs_family(cs[2], resources, depth + 1)})"
        if fam == "/CalRGB":
            return "rgb"
        if fam == "/CalGray":
            return "gray"
        if fam == "/Lab":
            return "lab"
        if fam == "/Pattern":
            return "pattern"
        if len(cs) == 1:
            return cs_family(cs[0], resources, depth + 1)
    return "unknown"


def is_rgb(family: str) -> bool:
    return "rgb" in family


def _lookup(resources, category: str, name: str):
    if resources is None:
        return None
    try:
        cat = resources.get(category)
        return cat.get(name) if cat is not None else None
    except (AttributeError, TypeError, ValueError):
        return None


def _mul(m, n):
    """Matrix product m x n for PDF 6-element matrices."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


@dataclass
class _State:
    ctm: tuple = (1, 0, 0, 1, 0, 0)
    fill_cs: str = "gray"
    stroke_cs: str = "gray"
    fill: tuple = (0.0,)
    stroke: tuple = (0.0,)
    fill_sep_all: bool = False
    stroke_sep_all: bool = False
    overprint_fill: bool = False
    font: object = None
    font_name: str = ""
    font_size: float = 0.0
    tm_scale: float = 1.0

    def copy(self) -> _State:
        return _State(**self.__dict__)


def scan(pdf, ink_limit: float) -> Scan:
    """Scan every page (and what it draws) of an open pikepdf document."""
    out = Scan()
    for i, page in enumerate(pdf.pages, start=1):
        res = page.obj.get("/Resources")
        try:
            _walk(page.obj, res, _State(), i, out, ink_limit, set(), 0)
        except Exception as e:  # a broken stream is a finding, not a crash
            out.errors.append(f"p{i}: cannot parse content ({e})")
        for annot in page.obj.get("/Annots", []) or []:
            ap = annot.get("/AP") if hasattr(annot, "get") else None
            normal = ap.get("/N") if ap is not None else None
            if normal is not None and hasattr(normal, "read_bytes") and int(annot.get("/F", 0)) & 4:
                _walk_form(normal, res, _State(), i, out, ink_limit, set(), 1)
    return out


def _where(page: int, what: str) -> str:
    return f"p{page}: {what}"


def _colour_use(out: Scan, family: str, page: int, what: str) -> None:
    out.colours[family] += 1
    if is_rgb(family):
        out.rgb.append(_where(page, what))
    elif family == "lab":
        out.lab.append(_where(page, what))


def _walk(owner, resources, st: _State, page: int, out: Scan, ink_limit: float, seen: set, depth: int) -> None:
    import pikepdf

    stack: list[_State] = []
    for operands, op in pikepdf.parse_content_stream(owner):
        o = str(op)
        if o == "q":
            stack.append(st.copy())
        elif o == "Q":
            st = stack.pop() if stack else st
        elif o == "cm" and len(operands) == 6:
            st.ctm = _mul(tuple(float(v) for v in operands), st.ctm)
        elif o in ("cs", "CS") and operands:
            fam = cs_family(operands[0], resources)
            sep_all = _is_all_separation(operands[0], resources)
            if o == "cs":
                st.fill_cs, st.fill, st.fill_sep_all = fam, (), sep_all
            else:
                st.stroke_cs, st.stroke, st.stroke_sep_all = fam, (), sep_all
            _colour_use(out, fam, page, f"{o} {operands[0]}")
        elif o in ("g", "G", "rg", "RG", "k", "K"):
            fam = {"g": "gray", "rg": "rgb", "k": "cmyk"}[o.lower()]
            comps = tuple(float(v) for v in operands)
            if o.islower():
                st.fill_cs, st.fill, st.fill_sep_all = fam, comps, False
            else:
                st.stroke_cs, st.stroke, st.stroke_sep_all = fam, comps, False
            _colour_use(out, fam, page, f"{o} operator")
        elif o in _FILL_SET:
            st.fill = tuple(float(v) for v in operands if isinstance(v, int | float) or _is_number(v))
        elif o in _STROKE_SET:
            st.stroke = tuple(float(v) for v in operands if isinstance(v, int | float) or _is_number(v))
        elif o == "gs" and operands:
            gs = _lookup(resources, "/ExtGState", str(operands[0]))
            if gs is not None:
                if "/op" in gs:
                    st.overprint_fill = bool(gs.get("/op"))
                elif "/OP" in gs:
                    st.overprint_fill = bool(gs.get("/OP"))
                if "/Font" in gs:
                    st.font, st.font_size = gs.Font[0], float(gs.Font[1])
        elif o in _PAINT_FILL | _PAINT_STROKE:
            _check_vector_ink(st, o, page, out, ink_limit)
        elif o == "BT":
            st.tm_scale = 1.0
        elif o == "Tf" and len(operands) == 2:
            st.font_name = str(operands[0])
            st.font = _lookup(resources, "/Font", st.font_name)
            st.font_size = float(operands[1])
            _note_font(out, st.font, st.font_name, page)
        elif o == "Tm" and len(operands) == 6:
            a, b = float(operands[0]), float(operands[1])
            st.tm_scale = math.hypot(a, b)
        elif o in _TEXT_SHOW:
            _text(st, operands, o, page, out)
        elif o == "Do" and operands:
            _do(operands[0], resources, st, page, out, ink_limit, seen, depth)
        elif o == "INLINE IMAGE" and operands:
            _inline(operands[0], resources, st, page, out)
        elif o == "sh" and operands:
            sh = _lookup(resources, "/Shading", str(operands[0]))
            if sh is not None and "/ColorSpace" in sh:
                _colour_use(out, cs_family(sh.ColorSpace, resources), page, f"shading {operands[0]}")


def _is_number(v) -> bool:
    try:
        float(v)
        return True
    except (TypeError, ValueError):
        return False


def _is_all_separation(cs, resources) -> bool:
    """True for a Separation /All space (registration marks: exempt from ink limits)."""
    import pikepdf

    obj = _lookup(resources, "/ColorSpace", str(cs)) if isinstance(cs, pikepdf.Name) else cs
    return (isinstance(obj, pikepdf.Array) and len(obj) > 1 and str(obj[0]) == "/Separation"
            and str(obj[1]) == "/All")


def _check_vector_ink(st: _State, op: str, page: int, out: Scan, ink_limit: float) -> None:
    for is_fill, applies in ((True, op in _PAINT_FILL), (False, op in _PAINT_STROKE)):
        if not applies:
            continue
        fam, comps, sep_all = ((st.fill_cs, st.fill, st.fill_sep_all) if is_fill
                               else (st.stroke_cs, st.stroke, st.stroke_sep_all))
        if sep_all or fam not in ("cmyk", "icc-cmyk") or len(comps) != 4:
            continue
        total = 100 * sum(comps)
        if total > ink_limit + 0.5:
            out.heavy_vectors.append((page, total))


def _note_font(out: Scan, font, name: str, page: int) -> None:
    if font is None:
        out.errors.append(_where(page, f"font {name} used but not in resources"))
        return
    key = font.objgen if font.is_indirect else id(font)
    entry = out.fonts.setdefault(key, [str(font.get("/BaseFont", name)).lstrip("/"), font, set()])
    entry[2].add(page)


def _text(st: _State, operands, op: str, page: int, out: Scan) -> None:
    import pikepdf

    codes = b""
    items = operands[0] if op == "TJ" else operands[-1:]
    for item in items:
        if isinstance(item, pikepdf.String):
            codes += bytes(item)
    if not codes or st.font is None:
        return
    gscale = math.sqrt(abs(st.ctm[0] * st.ctm[3] - st.ctm[1] * st.ctm[2]))
    out.texts.append(TextShow(page, st.font, st.font_name, st.font_size * st.tm_scale * gscale,
                              (st.fill_cs, st.fill), st.overprint_fill, codes))


def _placed_size(ctm) -> tuple[float, float]:
    a, b, c, d, _, _ = ctm
    return (math.hypot(a, b), math.hypot(c, d))


def _do(name, resources, st: _State, page: int, out: Scan, ink_limit: float, seen: set, depth: int) -> None:
    xo = _lookup(resources, "/XObject", str(name))
    if xo is None:
        out.errors.append(_where(page, f"XObject {name} missing from resources"))
        return
    sub = str(xo.get("/Subtype"))
    if sub == "/Image":
        key = xo.objgen if xo.is_indirect else (0, len(out.images))
        out.images.setdefault(key, xo)
        px = (int(xo.get("/Width", 0)), int(xo.get("/Height", 0)))
        out.placements.append(Placement(page, key, str(name), px, _placed_size(st.ctm)))
        if xo.get("/ImageMask", False):
            return
        if "/ColorSpace" in xo:
            _colour_use(out, cs_family(xo.ColorSpace, resources), page, f"image {name}")
    elif sub == "/Form":
        _walk_form(xo, resources, st, page, out, ink_limit, seen, depth + 1)


def _walk_form(xo, parent_res, st: _State, page: int, out: Scan, ink_limit: float, seen: set, depth: int) -> None:
    key = xo.objgen if xo.is_indirect else id(xo)
    if depth > MAX_FORM_DEPTH or key in seen:
        return
    inner = st.copy()
    m = xo.get("/Matrix")
    if m is not None and len(m) == 6:
        inner.ctm = _mul(tuple(float(v) for v in m), st.ctm)
    seen = seen | {key}
    _walk(xo, xo.get("/Resources", parent_res), inner, page, out, ink_limit, seen, depth)


def _inline(image, resources, st: _State, page: int, out: Scan) -> None:
    """Inline images (BI ... ID ... EI): colour space and placement."""
    import pikepdf

    try:
        d = image.obj if isinstance(image, pikepdf.PdfInlineImage) else image
        w = int(d.get("/W", d.get("/Width", 0)))
        h = int(d.get("/H", d.get("/Height", 0)))
        cs = d.get("/CS", d.get("/ColorSpace"))
        mask = bool(d.get("/IM", d.get("/ImageMask", False)))
    except (AttributeError, TypeError, ValueError) as e:
        out.errors.append(_where(page, f"unreadable inline image ({e})"))
        return
    out.placements.append(Placement(page, (0, -len(out.placements) - 1), "inline image", (w, h),
                                    _placed_size(st.ctm)))
    if cs is not None and not mask:
        _colour_use(out, cs_family(cs, resources), page, "inline image")
