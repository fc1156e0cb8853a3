"""A ReportLab canvas that embeds only the fonts the page draws with.

Why: a ReportLab canvas sets an initial font on every page, and a standard font
(Helvetica) would be written into every page's resources unembedded -- which a
print preflight rejects.  Our text never goes through ReportLab's fonts (faces are
embedded by render.cidfonts), so the canvas is given a "dynamic" font that ReportLab
never writes: the same path it takes for its own TrueType fonts, without
registering (and parsing) a real one.
"""

from __future__ import annotations

from typing import Any

NO_FONT = "layout-no-font"  # the canvas's initial font: never drawn with, never written
# zlib level of page content streams.  Content is operators and hex codes that repeat
# endlessly, where level 6's lazy matching costs ~10x level 3's time (5 ms vs 0.5 ms
# on the sample's 42 KB) for a stream ~13 % smaller (10 KB vs 11 KB of a 2 MB file).
CONTENT_COMPRESSION = 3


class _FastFlate:
    """A ReportLab stream filter: Flate at ``CONTENT_COMPRESSION``."""

    pdfname = "FlateDecode"

    def encode(self, data):
        import zlib

        return zlib.compress(data.encode("latin-1") if isinstance(data, str) else data, CONTENT_COMPRESSION)


class _NoFace:
    name = NO_FONT.encode("ascii")
    builtIn = 0


class _NoFont:
    """Enough of a ReportLab font for a canvas to start with; drawing with it is an error."""

    fontName = NO_FONT
    face = _NoFace()
    _dynamicFont = 1
    _multiByte = 0

    def splitString(self, text, doc, encoding="utf-8"):
        raise RuntimeError("text must be drawn with layout.render.text, not with the canvas's font")

    def stringWidth(self, text, size, encoding="utf-8"):
        raise RuntimeError("text must be measured with layout's faces, not with the canvas's font")


def new_canvas(out, pagesize: tuple[float, float], **options: Any):
    """A ReportLab ``Canvas`` writing to ``out`` (deterministic: invariant, no
    timestamps), PDF 1.6 with compressed pages unless ``options`` say otherwise."""
    from reportlab import rl_config
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfgen.canvas import Canvas

    if NO_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(_NoFont())
    # Binary streams: ASCII85 (ReportLab's default) makes images 25 % larger and its
    # pure-Python encoder costs seconds per photo.
    rl_config.useA85 = 0
    compress = options.pop("pageCompression", 1)
    kw = {"invariant": 1, "pdfVersion": (1, 6), **options}
    # Pages are compressed by the document's default filter (ReportLab's own page
    # compression is fixed at level 6); streams that must stay plain (XMP) say so.
    canvas = Canvas(out, pagesize=pagesize, initialFontName=NO_FONT, pageCompression=0, **kw)
    if compress:
        from layout.render.rlprivate import set_stream_filters

        set_stream_filters(canvas, [_FastFlate()])
    return canvas
