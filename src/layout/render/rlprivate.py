"""Every use of ReportLab's private parts, in one place.

Why: ReportLab's canvas has no public way to do several things a print PDF needs --
reach its document (stream filters, the catalog, the trailer /ID), place an image
XObject we encoded ourselves without decoding it again, add a font to the shared
page resources, set a stream's filters.  Those attributes (``canvas._doc``,
``_code``, ``_formsinuse``, ``_filters`` ...) can change in any ReportLab release;
with all of them here, an upgrade is checked in one module
(tests/render/test_rlprivate.py keeps it that way).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

PAGE_FONTS = "BasicFonts"  # ReportLab's one /Font dictionary, shared by every page's resources


def document(canvas) -> Any:
    """The ``PDFDocument`` a canvas writes into."""
    return canvas._doc


def pdf_version(canvas) -> tuple[int, int]:
    """The PDF version the canvas's document is written as."""
    return canvas._doc._pdfVersion


def set_stream_filters(canvas, filters: Sequence[object]) -> None:
    """The filters every stream of the document gets unless it says otherwise."""
    canvas._doc.defaultStreamFilters = list(filters)


def set_trailer_id(canvas, first: bytes, second: bytes) -> None:
    """The trailer's /ID array, written verbatim (``[<first><second>]``)."""
    canvas._doc._ID = b"\n[<" + first + b"><" + second + b">]\n"


def catalog_keeps(catalog, *keys: str) -> None:
    """Make the document catalog write ``keys`` although ReportLab's catalog class
    does not list them as its own (its ``__NoDefault__``)."""
    from reportlab.pdfbase.pdfdoc import PDFCatalog

    catalog.__NoDefault__ = [*PDFCatalog.__NoDefault__, *keys]


def document_attachment(canvas, name: str, make: Callable[[Any], Any]) -> Any:
    """An object of ours kept on the canvas's document (made by ``make(document)``
    on first use), so it lives and dies with the document."""
    doc = canvas._doc
    key = f"_layout_{name}"
    got = getattr(doc, key, None)
    if got is None:
        got = make(doc)
        setattr(doc, key, got)
    return got


def add_page_font(doc, name: str, font_object) -> None:
    """Add ``font_object`` (a reference is made) as ``/name`` to every page's /Font resources."""
    doc.idToObject[PAGE_FONTS].dict[name] = doc.Reference(font_object)


def draw_xobject(canvas, name: str, make: Callable[[], Any], x: float, y: float, width: float,
                 height: float) -> None:
    """Draw the image XObject ``name`` (``make()`` builds it the first time the
    document sees the name) scaled to ``width`` x ``height`` at (x, y), as
    ``canvas.drawImage`` would, without ReportLab decoding the image."""
    doc = canvas._doc
    reg = doc.getXObjectName(name)
    if reg not in doc.idToObject:
        obj = make()
        canvas._setXObjects(obj)
        doc.Reference(obj, reg)
        doc.addForm(name, obj)
    canvas._currentPageHasImages = 1
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(width, height)
    canvas._code.append(f"/{reg} Do")
    canvas.restoreState()
    canvas._formsinuse.append(name)


def set_image_stream(obj, data: bytes, filters: tuple[str, ...], adobe_inverted: bool | None = None) -> None:
    """An image XObject's encoded samples and their filters.  ``adobe_inverted``
    (JPEG only): the samples are stored inverted (CMYK JPEGs from Adobe and Pillow),
    written with /Decode [1 0 1 0 1 0 1 0]; None leaves ReportLab's default."""
    obj.streamContent = data
    obj._filters = filters
    if adobe_inverted is not None:
        obj._dotrans = 1 if adobe_inverted else 0


def register_form(canvas, name: str, obj: Any) -> None:
    """Register ``obj`` (a PDFObject that writes a form XObject) under the form name
    ``name``, as ``canvas.beginForm``/``endForm`` do for a form ReportLab draws."""
    from reportlab.pdfbase.pdfdoc import xObjectName

    canvas._doc.Reference(obj, xObjectName(name))


def draw_form_xobject(canvas, name: str, matrix: tuple[float, ...], *, artifact: bool = False) -> None:
    """Paint the registered form ``name`` through ``matrix`` (the page's XObject
    resources list it); ``artifact``: inside ``/Artifact`` marked content."""
    canvas.saveState()
    if artifact:
        canvas._code.append("/Artifact BMC")
    canvas.transform(*matrix)
    canvas.doForm(name)
    if artifact:
        canvas._code.append("EMC")
    canvas.restoreState()
