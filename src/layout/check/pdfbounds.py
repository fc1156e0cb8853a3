"""Bounds on the work of reading a PDF someone else made (issue 17, class 4 and 6).

Why: ``preflight`` and ``verify`` read PDFs from outside (clients' ads, plates sent
back).  A 3 KB file of form XObjects nested eleven deep, each drawing the next ten
times, asks for 10^11 interpretations; a 1 MB stream can inflate to 1 GB; an object
may be a reference to itself.  Before any content is interpreted, ``open_bounded``
measures what the file would cost and refuses (exit 2, "PDF too complex or
malformed") when it passes a budget:

- ``MAX_PDF_BYTES`` read at all (``layout.files.read_input`` stops there);
- ``MAX_OBJECTS`` objects;
- ``MAX_INFLATED`` bytes inflated over all streams, measured by inflating Flate
  streams ourselves in bounded steps (a bomb stops at the budget, not at 1 GB) and
  by an upper bound for the other general filters; ``MAX_IMAGE_PIXELS`` per image;
- ``MAX_DRAWN_BYTES`` (preflight) or ``VERIFY_DRAWN_BYTES`` (verify) of content
  interpreted, counting a form once each time it is
  drawn (memoised per form, so the count itself costs one pass per stream).

``verify``'s reader (pdfminer) follows indirect references without a loop check,
so it gets the file as qpdf rewrites it (``rewritten``): a reference to itself
becomes null, wrong ``/Length`` values and broken xref tables are mended.
"""

from __future__ import annotations

import io
import re
import zlib
from typing import Any

from layout.errors import LayoutError, Location

MAX_PDF_BYTES = 512 * 1024 * 1024
MAX_OBJECTS = 2_000_000
MAX_INFLATED = 256 * 1024 * 1024  # a 16-page edition: a few MB of content; images count compressed
# content interpreted, forms counted each time drawn.  Our broadsheet page is ~50 KB
# and a 16-page edition ~1 MB; interpreting costs ~1.3 s/MB in preflight (pikepdf)
# and ~6 s/MB in verify (pdfminer), so the bounds keep either at ~20 s of CPU at worst.
MAX_DRAWN_BYTES = 16 * 1024 * 1024  # preflight: a dense vector ad is a few MB
VERIFY_DRAWN_BYTES = 4 * 1024 * 1024  # verify reads our reprints: text pages, no vector art
MAX_IMAGE_PIXELS = 150_000_000  # one image (600 dpi broadsheet page ~120 Mpx); below Pillow's 179 Mpx error
MAX_FORM_DEPTH = 32
_STEP = 1 << 22
# upper bounds of bytes out per byte in, for filters qpdf would decode for us
_EXPANSION = {"/ASCIIHexDecode": 1, "/AHx": 1, "/ASCII85Decode": 1, "/A85": 1, "/RunLengthDecode": 128,
              "/RL": 128, "/LZWDecode": 4096, "/LZW": 4096}
_IMAGE_FILTERS = {"/DCTDecode", "/DCT", "/JPXDecode", "/CCITTFaxDecode", "/CCF", "/JBIG2Decode"}


class PdfTooComplex(LayoutError):
    """The PDF would cost more than the budgets allow (or loops on itself)."""


def refuse(label: str, why: str) -> PdfTooComplex:
    return PdfTooComplex(f"PDF too complex or malformed: {why}", Location(label),
                         "if this is a real job, ask for the file to be exported again (flattened)")


def open_bounded(data: bytes, label: str, drawn: int = MAX_DRAWN_BYTES) -> Any:
    """``data`` opened with pikepdf after the budget checks (see module doc).
    LayoutError when it is not a PDF, PdfTooComplex when over budget.  pikepdf's
    PasswordError passes through (the caller reports encryption)."""
    import pikepdf

    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PasswordError:
        raise
    except (pikepdf.PdfError, RuntimeError, ValueError) as e:
        raise LayoutError(f"cannot read the PDF: {qpdf_text(str(e))}", Location(label)) from None
    try:
        check_budget(pdf, label, drawn)
    except BaseException:
        pdf.close()
        raise
    return pdf


def qpdf_text(message: str) -> str:
    """qpdf's message without its 'stream <_io.BytesIO object at 0x…>: ' prefix."""
    return re.sub(r"^stream <[^>]*>(?: \(offset \d+\))?:\s*", "", message.strip())


def check_budget(pdf: Any, label: str, drawn: int = MAX_DRAWN_BYTES) -> None:
    import pikepdf

    try:
        if len(pdf.objects) > MAX_OBJECTS:
            raise refuse(label, f"{len(pdf.objects)} objects (at most {MAX_OBJECTS})")
        _inflated(pdf, label)
        _drawn(pdf, label, drawn)
    except PdfTooComplex:
        raise
    except (pikepdf.PdfError, RuntimeError, ValueError, TypeError, AttributeError) as e:
        raise refuse(label, str(e) or type(e).__name__) from None


def rewritten(pdf: Any, label: str) -> bytes:
    """The file as qpdf writes it (streams copied raw): loops of references broken,
    lengths and xref mended, for readers without those defences."""
    import pikepdf

    buf = io.BytesIO()
    try:
        pdf.save(buf, stream_decode_level=pikepdf.StreamDecodeLevel.none, compress_streams=False,
                 object_stream_mode=pikepdf.ObjectStreamMode.disable, fix_metadata_version=False)
    except (pikepdf.PdfError, RuntimeError, ValueError, TypeError) as e:
        raise refuse(label, f"cannot be rewritten: {str(e)[:200]}") from None
    return buf.getvalue()


# ----------------------------------------------------------------- inflation
def _filters(stream: Any) -> list[str]:
    f = stream.stream_dict.get("/Filter")
    if f is None:
        return []
    return [str(x) for x in f] if hasattr(f, "__iter__") and not isinstance(f, str) and _is_array(f) else [str(f)]


def _is_array(obj: Any) -> bool:
    import pikepdf

    return isinstance(obj, pikepdf.Array)


def _inflated(pdf: Any, label: str) -> None:
    import pikepdf

    total = 0
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Stream):
            continue
        _image_pixels(obj, label)
        raw = obj.read_raw_bytes()
        total += _stream_size(obj, raw, MAX_INFLATED - total, label)
        if total > MAX_INFLATED:
            raise refuse(label, f"streams inflate to more than {MAX_INFLATED >> 20} MiB")


def _image_pixels(obj: Any, label: str) -> None:
    if str(obj.stream_dict.get("/Subtype", "")) != "/Image":
        return
    try:
        w, h = int(obj.stream_dict.get("/Width", 0)), int(obj.stream_dict.get("/Height", 0))
    except (TypeError, ValueError):
        raise refuse(label, f"image object {obj.objgen[0]} has no usable /Width or /Height") from None
    if w < 0 or h < 0 or w * h > MAX_IMAGE_PIXELS:
        raise refuse(label, f"image object {obj.objgen[0]} is {w}x{h} pixels "
                            f"(at most {MAX_IMAGE_PIXELS // 1_000_000} Mpx)")


def _stream_size(obj: Any, raw: bytes, left: int, label: str) -> int:
    """Bytes the stream decodes to (general filters only; image codecs count raw),
    stopping once over ``left``.  Nothing inflated is kept: memory stays a step."""
    size = len(raw)
    for n, name in enumerate(_filters(obj)):
        if name in ("/FlateDecode", "/Fl") and n == 0:
            size = _inflate(raw, left)
        elif name in _IMAGE_FILTERS:
            break
        else:
            size *= _EXPANSION.get(name, 1) if name not in ("/FlateDecode", "/Fl") else 1032
        if size > left:
            break
    return size


def _inflate(data: bytes, left: int) -> int:
    """Inflated size, counted in steps and stopping once past ``left``.  A damaged
    stream counts what came out before the damage."""
    d = zlib.decompressobj()
    size = 0
    pending = data
    try:
        while pending and size <= left:
            size += len(d.decompress(pending, _STEP))
            pending = d.unconsumed_tail
            if d.eof:
                break
    except zlib.error:
        pass
    return size


# ----------------------------------------------------------------- drawing work
def _drawn(pdf: Any, label: str, limit: int) -> None:
    memo: dict[Any, int] = {}
    total = 0
    for page in pdf.pages:
        total += _cost(page.obj, page.obj.get("/Resources"), memo, (), label, limit)
        for annot in page.obj.get("/Annots", None) or []:
            ap = annot.get("/AP") if hasattr(annot, "get") else None
            normal = ap.get("/N") if ap is not None and hasattr(ap, "get") else None
            if normal is not None and hasattr(normal, "read_bytes"):
                total += _cost(normal, normal.get("/Resources"), memo, (), label, limit)
        if total > limit:
            raise refuse(label, f"drawing the pages interprets more than {limit >> 20} MiB of "
                                "content (a form counts each time it is drawn)")


def _cost(owner: Any, resources: Any, memo: dict[Any, int], chain: tuple, label: str, limit: int) -> int:
    """Content bytes interpreted to draw ``owner``, forms expanded."""
    import pikepdf

    key = owner.objgen if owner.is_indirect else None
    if key is not None and key in memo:
        return memo[key]
    if key is not None and key in chain or len(chain) > MAX_FORM_DEPTH:
        return 0  # readers skip a form inside itself; depth is bounded by them too
    if isinstance(owner, pikepdf.Dictionary) and "/Contents" in owner:
        contents = owner.get("/Contents")
        streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
        size = sum(len(s.read_bytes()) for s in streams if isinstance(s, pikepdf.Stream))
    else:
        size = len(owner.read_bytes())
    total = size
    for operands, _op in pikepdf.parse_content_stream(owner, "Do"):
        if not operands:
            continue
        form = _xobject(resources, operands[0])
        if form is not None and str(form.get("/Subtype", "")) == "/Form":
            total += _cost(form, form.get("/Resources", resources), memo, (*chain, key), label, limit)
        if total > limit:
            raise refuse(label, f"drawing the pages interprets more than {limit >> 20} MiB of "
                                "content (a form counts each time it is drawn)")
    if key is not None:
        memo[key] = total
    return total


def _xobject(resources: Any, name: Any) -> Any:
    try:
        xobjects = resources.get("/XObject") if resources is not None else None
        return xobjects.get(str(name)) if xobjects is not None else None
    except (AttributeError, TypeError, ValueError):
        return None
