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
"""

from __future__ import annotations

from collections.abc import Sequence

from layout.compose.model import Glyph, Line
from layout.fonts import FontSet
from layout.render.pdffonts import register_face

BODY_CMYK = (0.0, 0.0, 0.0, 1.0)  # text in 100 % K: no registration trouble on press
TJ_EPSILON = 0.0005  # thousandths of an em below which a pen correction is not written
# Characters that draw nothing: not written at all (their room is kept by the next glyph's x).
_INVISIBLE = frozenset(" \t\n\r\u00a0\u3000\u200b\u200c\u200d\u2060\ufeff\u00ad")


def draw_line(canvas, line: Line, x: float, baseline: float, fonts: FontSet,
              color: Sequence[float] | None = None) -> None:
    """Draw ``line`` with its measure's left edge at ``x`` and its baseline at
    ``baseline`` (PDF points, origin bottom-left).  ``color`` is CMYK (0..1);
    the default is 100 % black."""
    glyphs = [g for g in line.glyphs if g.ch not in _INVISIBLE and _drawable(g, fonts)]
    if not glyphs:
        return
    c, m, y, k = color if color is not None else BODY_CMYK
    canvas.setFillColorCMYK(c, m, y, k)
    canvas.addLiteral(text_object(canvas, glyphs, x, baseline, fonts))


def _drawable(g: Glyph, fonts: FontSet) -> bool:
    """A character its face lacks (after fallback) is left out, never drawn as a
    .notdef box; the composer reported it and the proof marks its place."""
    return fonts.face(g.face).covers(ord(g.ch))


def text_object(canvas, glyphs: Sequence[Glyph], x: float, baseline: float, fonts: FontSet) -> str:
    """The ``BT ... ET`` operators that draw ``glyphs`` (see module doc)."""
    doc = canvas._doc  # ReportLab's subsets are per document
    out = [f"BT 1 0 0 1 {_num(x + glyphs[0].x)} {_num(baseline)} Tm"]
    pen = glyphs[0].x  # where the pen is, in pt from the measure's left edge
    cur_font = None
    arr: list[str] = []  # the TJ array being built
    hexs: list[str] = []  # glyph codes not yet flushed into ``arr`` as one string
    for run in _runs(glyphs):
        font = _rl_font(register_face(fonts.face(run[0].face)))
        size = run[0].size
        text = "".join(g.ch for g in run)
        codes = [(sub, b) for sub, bs in font.splitString(text, doc) for b in bs]
        width = font.face.getCharWidth
        for g, (sub, code) in zip(run, codes, strict=True):
            key = (font.fontName, sub, size)
            if key != cur_font:
                _flush(out, arr, hexs)
                out.append(f"{font.getSubsetInternalName(sub, doc)} {_num(size)} Tf")
                cur_font = key
            move = (g.x - pen) * 1000.0 / size
            if abs(move) > TJ_EPSILON:
                num = round(-move, 3)
                if hexs:
                    arr.append(f"<{''.join(hexs)}>")
                    hexs.clear()
                arr.append(_num(num))
                pen -= num * size / 1000.0
            hexs.append(f"{code:02x}")
            pen += width(ord(g.ch)) * size / 1000.0
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


def _runs(glyphs: Sequence[Glyph]) -> list[list[Glyph]]:
    """Consecutive glyphs of one face and size."""
    runs: list[list[Glyph]] = []
    for g in glyphs:
        if runs and runs[-1][0].face == g.face and runs[-1][0].size == g.size:
            runs[-1].append(g)
        else:
            runs.append([g])
    return runs


def _rl_font(name: str):
    from reportlab.pdfbase import pdfmetrics

    return pdfmetrics.getFont(name)


def _num(v: float) -> str:
    """A PDF number: at most 3 decimals, no exponent, no trailing zeros."""
    s = f"{v:.3f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s
