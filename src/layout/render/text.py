"""Draw composed lines on a ReportLab canvas.

The canvas only draws what the composer decided (style.md: "the canvas as a thin
drawing layer"): every glyph lands at its ``Glyph.x``.  One text object per line;
glyphs of one face and size go into one ``TJ`` array whose numbers move the pen
from where the font's own advance leaves it to where the composer put the next
glyph -- the fewest operators that still position every glyph exactly, and what
text extractors (pdfplumber) read back glyph by glyph.

Why raw operators: ReportLab's text object can only advance by the font's widths
or a uniform char spacing; a justified CJK line needs per-glyph positions.  Faces
are embedded as composite fonts with two-byte codes (render.cidfonts), one per
face and document, with ToUnicode maps (extractable text).  The lines are read
through their columns (``Line.chars``, ``faces``, ``sizes``, ``xs``), not as
``Glyph`` tuples: a page draws ~15,000 glyphs.
"""

from __future__ import annotations

from collections.abc import Sequence

from layout.compose.model import Line
from layout.fonts import FontSet
from layout.render.cidfonts import document_fonts
from layout.render.display import Glyphs

BODY_CMYK = (0.0, 0.0, 0.0, 1.0)  # text in 100 % K: no registration trouble on press
TJ_EPSILON = 0.0005  # thousandths of an em below which a pen correction is not written
# Characters that draw nothing: not written at all (their room is kept by the next glyph's x).
_INVISIBLE = frozenset(" \t\n\r\u00a0\u3000\u200b\u200c\u200d\u2060\ufeff\u00ad")


def draw_line(canvas, line: Line | Glyphs, x: float, baseline: float, fonts: FontSet,
              color: Sequence[float] | None = None, *, spaces: bool = False, rotated: bool = False) -> None:
    """Draw ``line`` with its measure's left edge at ``x`` and its baseline at
    ``baseline`` (PDF points, origin bottom-left).  ``color`` is CMYK (0..1);
    the default is 100 % black.  ``spaces``: draw U+0020 too (see ``text_object``).
    ``rotated``: turned 90 degrees clockwise about (x, baseline), reading downwards."""
    ops = line_operators(canvas, line, x, baseline, fonts, color, spaces=spaces, rotated=rotated)
    if ops:
        canvas.addLiteral(ops)


def line_operators(canvas, line: Line | Glyphs, x: float, baseline: float, fonts: FontSet,
                   color: Sequence[float] | None = None, *, spaces: bool = False, rotated: bool = False) -> str:
    """What ``draw_line`` adds to the page: the fill colour and the text object
    ("" when nothing on the line draws), for a caller that adds it with more."""
    ops = text_object(canvas, line, x, baseline, fonts, spaces=spaces, rotated=rotated)
    if not ops:
        return ""
    # The fill colour goes in with the text (ReportLab's setFillColorCMYK builds a
    # colour object per call); canvas users set their own colour before filling.
    return f"{_fill_op(tuple(color) if color is not None else BODY_CMYK)} {ops}"


_FILL_OPS: dict[tuple[float, ...], str] = {}


def _fill_op(cmyk: tuple[float, ...]) -> str:
    """The ``k`` operator setting fill colour ``cmyk`` (a page uses a handful)."""
    op = _FILL_OPS.get(cmyk)
    if op is None:
        op = _FILL_OPS[cmyk] = " ".join(_num(v) for v in cmyk) + " k"
    return op


def draw_text(canvas, text: str, x: float, baseline: float, fonts: FontSet, role: str, size: float,
              color: Sequence[float] | None = None) -> float:
    """Draw a label (``render.drawing.label_glyphs``) with its left edge at ``x``; returns its width."""
    from layout.render.drawing import label_glyphs

    glyphs, width = label_glyphs(text, fonts, role, size)
    draw_line(canvas, glyphs, x, baseline, fonts, color, spaces=True)
    return width


def text_object(canvas, line: Line | Glyphs, x: float, baseline: float, fonts: FontSet, *,
                spaces: bool = False, rotated: bool = False) -> str:
    """The ``BT ... ET`` operators that draw ``line`` (see module doc); "" when
    nothing on it draws.  A character its face lacks (after fallback) is left out,
    never drawn as a .notdef box: the composer reported it and the proof marks it.
    Blanks are not drawn (their room is in the next glyph's x); ``spaces`` draws
    U+0020 as a glyph, so a label's words extract as words."""
    chars, faces, sizes, xs = line.chars, line.faces, line.sizes, line.xs
    invisible = _INVISIBLE - {" "} if spaces else _INVISIBLE
    doc_fonts = document_fonts(canvas)
    out: list[str] = []
    arr: list[str] = []  # the TJ array being built
    hexs: list[str] = []  # glyph codes not yet flushed into ``arr`` as one string
    pen = 0.0  # where the pen is, in pt from the measure's left edge
    role = size = font = codes = None
    per_pt = per_unit = 0.0  # thousandths of an em per pt, and pt per thousandth, at ``size``
    cur = None  # (font, size) of the last Tf
    set_font = False  # a Tf is due before the next glyph
    for i, ch in enumerate(chars):
        if ch in invisible:
            continue
        if faces[i] != role or sizes[i] != size:
            role, size = faces[i], sizes[i]
            font = doc_fonts.font(fonts.face(role))
            codes = font.codes
            per_pt, per_unit = 1000.0 / size, size / 1000.0
            set_font = cur != (font, size)
        info = codes.get(ch) or font.code(ch)
        if info is None:
            continue
        code, width = info
        if not out:
            if rotated:  # the text space turned clockwise: its x runs down the page
                out.append(f"BT 0 -1 1 0 {_num(x)} {_num(baseline - xs[i])} Tm")
            else:
                out.append(f"BT 1 0 0 1 {_num(x + xs[i])} {_num(baseline)} Tm")
            pen = xs[i]
        if set_font:
            _flush(out, arr, hexs)
            out.append(f"{font.resource} {_num(size)} Tf")
            cur, set_font = (font, size), False
        move = (xs[i] - pen) * per_pt
        if move > TJ_EPSILON or move < -TJ_EPSILON:
            num = round(-move, 3)
            if hexs:
                arr.append(f"<{''.join(hexs)}>")
                hexs.clear()
            arr.append(_num(num))
            pen -= num * per_unit
        hexs.append(code)
        pen += width * per_unit
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
