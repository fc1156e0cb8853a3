"""Ink colours and overprint for print-ready pages (issue 5, "Print-ready output").

Why these values:
- Body text is 100 % K only (``TEXT_BLACK``): one plate, so small type stays sharp
  whatever the registration of a coldset web press.  It is set to *overprint*
  (ExtGState /OP /op true, /OPM 1) so that black text over a tint or photo does not
  knock out the other inks: a hairline misregistration then shows no white halo.
- Large solids use a rich black (``RICH_BLACK``, 40 C 30 M 30 Y 100 K = 200 %): a
  single K plate on newsprint looks grey; the undercolour deepens it while staying
  well under the 240 % total-ink limit of coldset (ISO 12647-3).  Never for text.
- Every colour is DeviceCMYK; DeviceRGB is refused by the plant (PDF/X with a CMYK
  output intent).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

CMYK = tuple[float, float, float, float]

TEXT_BLACK: CMYK = (0.0, 0.0, 0.0, 1.0)
RICH_BLACK: CMYK = (0.40, 0.30, 0.30, 1.0)
PAPER: CMYK = (0.0, 0.0, 0.0, 0.0)
RICH_BLACK_MIN_AREA = 36.0 * 36.0  # pt^2: below about half an inch square, use TEXT_BLACK (registration)


def total_ink(cmyk: CMYK) -> float:
    """Total area coverage in percent."""
    return 100.0 * sum(cmyk)


def solid_black(width: float, height: float, rich: CMYK = RICH_BLACK) -> CMYK:
    """The black to fill a ``width`` x ``height`` pt solid with: rich black when it is
    large enough to need it, plain K otherwise (thin rules and small shapes in four
    inks would show misregistration)."""
    return rich if width * height >= RICH_BLACK_MIN_AREA and min(width, height) >= 6.0 else TEXT_BLACK


def set_overprint(canvas_or_text, on: bool = True) -> None:
    """Turn fill and stroke overprint (with the nonzero overprint mode, OPM 1) on or
    off for what is drawn next.  Works on a ReportLab canvas and on a text object
    (``canvas.beginText()``), both of which emit an ExtGState ``gs``."""
    canvas_or_text.setFillOverprint(bool(on))
    canvas_or_text.setStrokeOverprint(bool(on))
    canvas_or_text.setOverprintMask(1 if on else 0)


@contextmanager
def overprint(canvas) -> Iterator[None]:
    """``with overprint(canvas): draw text`` - overprint on inside, state restored after."""
    canvas.saveState()
    set_overprint(canvas, True)
    try:
        yield
    finally:
        canvas.restoreState()


def set_text_black(canvas_or_text) -> None:
    """Body text colour: 100 % K, overprinting.

    The overprint ExtGState outlives the text object's ET (only Q restores it), so
    bracket the text with ``canvas.saveState()``/``restoreState()`` (or use
    ``with overprint(canvas)``): a light tint drawn later with overprint on would
    not knock out what lies below it."""
    canvas_or_text.setFillColorCMYK(*TEXT_BLACK)
    set_overprint(canvas_or_text, True)
