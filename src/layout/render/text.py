"""Draw composed lines on a ReportLab canvas.

The canvas only draws what the composer decided (style.md: "the canvas as a thin
drawing layer"): every glyph lands at its ``Glyph.x``.  One text object per line;
glyphs of one font subset and size go into one ``TJ`` array whose numbers move the
pen from where the font's own advance leaves it to where the composer put the next
glyph -- the fewest operators that still position every glyph exactly, and what
text extractors (pdfplumber) read back glyph by glyph.

Why raw operators: ReportLab's text object can only advance by the font's widths
or a uniform char spacing; a justified CJK line needs per-glyph positions.  We use
ReportLab's own subsetting (``splitString``/``getSubsetInternalName``), so fonts
stay embedded subsets with ToUnicode maps (extractable text).

Why the caches: a page draws ~15,000 glyphs, and asking ReportLab for each one's
subset code and width costs more than the rest of drawing.  A character's code in
a document never changes once ReportLab has assigned it, so ``_DocFont`` asks once
per character and document (in drawing order, so the assignment is ReportLab's own)
and keeps the code, its hex form and its width.  The lines are read through their
columns (``Line.chars``, ``faces``, ``sizes``, ``xs``), not as ``Glyph`` tuples.
"""

from __future__ import annotations

from collections.abc import Sequence
from weakref import WeakKeyDictionary

from layout.compose.model import Line
from layout.fonts import FontSet
from layout.render.pdffonts import register_face

BODY_CMYK = (0.0, 0.0, 0.0, 1.0)  # text in 100 % K: no registration trouble on press
TJ_EPSILON = 0.0005  # thousandths of an em below which a pen correction is not written
# Characters that draw nothing: not written at all (their room is kept by the next glyph's x).
_INVISIBLE = frozenset(" \t\n\r\u00a0\u3000\u200b\u200c\u200d\u2060\ufeff\u00ad")
_HEX = tuple(f"{b:02x}" for b in range(256))


def draw_line(canvas, line: Line, x: float, baseline: float, fonts: FontSet,
              color: Sequence[float] | None = None) -> None:
    """Draw ``line`` with its measure's left edge at ``x`` and its baseline at
    ``baseline`` (PDF points, origin bottom-left).  ``color`` is CMYK (0..1);
    the default is 100 % black."""
    ops = text_object(canvas, line, x, baseline, fonts)
    if not ops:
        return
    c, m, y, k = color if color is not None else BODY_CMYK
    canvas.setFillColorCMYK(c, m, y, k)
    canvas.addLiteral(ops)


class _DocFont:
    """One ReportLab font in one document: per character its subset, code (hex)
    and advance (1/1000 em), assigned by ReportLab on first use; per subset its
    resource name."""

    __slots__ = ("chars", "font", "names")

    def __init__(self, font):
        self.font = font
        self.chars: dict[str, tuple[int, str, float]] = {}
        self.names: dict[int, str] = {}

    def char(self, ch: str, doc) -> tuple[int, str, float]:
        """ReportLab's code for ``ch`` (assigned now if the document has not used it)."""
        (sub, code), = self.font.splitString(ch, doc)
        info = self.chars[ch] = (sub, _HEX[code[0]], self.font.face.getCharWidth(ord(ch)))
        return info

    def name(self, sub: int, doc) -> str:
        name = self.names[sub] = self.font.getSubsetInternalName(sub, doc)
        return name


# document -> face role -> (its _DocFont, the Face it was made for); weak, so the
# caches go with the document (a _DocFont holds no reference to it)
_docs: WeakKeyDictionary = WeakKeyDictionary()


def _doc_font(canvas, fonts: FontSet, role: str) -> _DocFont:
    """The document's ``_DocFont`` for the face ``fonts`` gives ``role``."""
    doc = canvas._doc
    per_doc = _docs.get(doc)
    if per_doc is None:
        per_doc = _docs[doc] = {}
    face = fonts.face(role)
    known = per_doc.get(role)
    if known is not None and known[1] is face:
        return known[0]
    from reportlab.pdfbase import pdfmetrics

    font = pdfmetrics.getFont(register_face(face))
    same = next((df for df, _ in per_doc.values() if df.font is font), None)
    df = same or _DocFont(font)
    per_doc[role] = (df, face)
    return df


def text_object(canvas, line: Line, x: float, baseline: float, fonts: FontSet) -> str:
    """The ``BT ... ET`` operators that draw ``line`` (see module doc); "" when
    nothing on it draws.  A character its face lacks (after fallback) is left out,
    never drawn as a .notdef box: the composer reported it and the proof marks it."""
    chars, faces, sizes, xs = line.chars, line.faces, line.sizes, line.xs
    doc = canvas._doc
    out: list[str] = []
    arr: list[str] = []  # the TJ array being built
    hexs: list[str] = []  # glyph codes not yet flushed into ``arr`` as one string
    pen = 0.0  # where the pen is, in pt from the measure's left edge
    face = size = df = covers = None
    cur = None  # (font, subset, size) of the last Tf
    for i, ch in enumerate(chars):
        if ch in _INVISIBLE:
            continue
        if faces[i] != face or sizes[i] != size:
            face, size = faces[i], sizes[i]
            df = _doc_font(canvas, fonts, face)
            covers = fonts.face(face).covers
        info = df.chars.get(ch)
        if info is None:
            if not covers(ord(ch)):
                continue
            info = df.char(ch, doc)
        sub, code, width = info
        if not out:
            out.append(f"BT 1 0 0 1 {_num(x + xs[i])} {_num(baseline)} Tm")
            pen = xs[i]
        if cur is None or cur[0] is not df or cur[1] != sub or cur[2] != size:
            _flush(out, arr, hexs)
            out.append(f"{df.names.get(sub) or df.name(sub, doc)} {_num(size)} Tf")
            cur = (df, sub, size)
        move = (xs[i] - pen) * 1000.0 / size
        if move > TJ_EPSILON or move < -TJ_EPSILON:
            num = round(-move, 3)
            if hexs:
                arr.append(f"<{''.join(hexs)}>")
                hexs.clear()
            arr.append(_num(num))
            pen -= num * size / 1000.0
        hexs.append(code)
        pen += width * size / 1000.0
    if not out:
        return ""
    _flush(out, arr, hexs)
    out.append("ET")
    return " ".join(out)


def _flush(out: list[str], arr: list[str], hexs: list[str]) -> None:
    """Close the TJ array being built (if any) into ``out``."""
    if hexs:
        arr.append(f"<{''.join(hexs)}>")
        hexs.clear()
    if arr:
        out.append(f"[{' '.join(arr)}] TJ")
        arr.clear()


_NUMS: dict[float, str] = {}  # pen corrections repeat (a justified line's spacing): formatted once
_NUMS_MAX = 50_000


def _num(v: float) -> str:
    """A PDF number: at most 3 decimals, no exponent, no trailing zeros."""
    s = _NUMS.get(v)
    if s is not None:
        return s
    s = f"{v:.3f}".rstrip("0").rstrip(".")
    s = "0" if s in ("-0", "") else s
    if len(_NUMS) < _NUMS_MAX:
        _NUMS[v] = s
    return s
