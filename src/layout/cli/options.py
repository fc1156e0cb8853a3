"""Option values checked before any work (issue 17 class 7): a value that would
make a job fail late, eat memory or write an unusable file is a usage error (exit 2)
naming what is allowed.  (Checked in ``run``, not as argparse types, so ``main``
returns the code rather than raising SystemExit.)"""

from __future__ import annotations

from layout.errors import LayoutError

MIN_DPI, MAX_DPI = 10, 1200  # a 1200 dpi broadsheet PNG is ~600 Mpx already
MAX_COLUMNS = 100


def check_dpi(value: int) -> int:
    """``--dpi``: a whole number from 10 to 1200."""
    if not MIN_DPI <= value <= MAX_DPI:
        raise LayoutError(f"--dpi {value}: the PNG resolution must be {MIN_DPI} to {MAX_DPI} dpi",
                          hint="100 for a screen preview, 300 to check detail")
    return value


def check_count(option: str, value: int, low: int, high: int) -> int:
    if not low <= value <= high:
        raise LayoutError(f"{option} {value}: must be {low} to {high}")
    return value


MAX_PNG_PIXELS = 150_000_000  # one page preview; a broadsheet at 600 dpi is ~95 Mpx


def check_png_size(width_pt: float, height_pt: float, dpi: int) -> None:
    """A page preview at ``dpi`` must stay a sane picture (pdfium needs ~4 bytes a
    pixel): checked from the layout's page size before the PDF is made."""
    px = (width_pt / 72 * dpi) * (height_pt / 72 * dpi)
    if px > MAX_PNG_PIXELS:
        raise LayoutError(f"--dpi {dpi}: a {width_pt:.0f}x{height_pt:.0f} pt page would be a "
                          f"{px / 1e6:.0f} Mpx PNG (at most {MAX_PNG_PIXELS // 1_000_000} Mpx)",
                          hint="use a lower --dpi")
