"""A page of another PDF (an ad, delivered as PDF/X-1a) as a form XObject in ours.

Why not redraw it: an ad is approved as delivered; its content stream, fonts and
images are copied byte for byte (streams keep their filters), only wrapped in a
form.  The objects are read with pikepdf and handed to ReportLab as objects that
write themselves raw, registered before the document is saved so ReportLab numbers
them like its own.  Same ad, same bytes.
"""

from __future__ import annotations

import hashlib
import zlib
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFObject

from layout.errors import LayoutError, Location
from layout.records import record


@record
class ImportedForm:
    """A registered form: its ReportLab name and the ad page's box (pt)."""

    name: str
    bbox: tuple[float, float, float, float]


def import_first_page(canvas, path: str) -> ImportedForm:
    """Register ``path``'s first page as a form on ``canvas`` (once per file content)."""
    import pikepdf

    from layout.render.rlprivate import document, document_attachment

    doc = document(canvas)
    cache: dict[str, ImportedForm] = document_attachment(canvas, "forms", lambda _doc: {})
    try:
        with open(path, "rb") as fh:
            name = "Ad" + hashlib.sha256(fh.read()).hexdigest()[:16]
        if name in cache:
            return cache[name]
        return _import(canvas, doc, path, name, cache)
    except (pikepdf.PdfError, ValueError, OSError) as e:
        raise LayoutError(f"ad {path!r} cannot be placed: {e}", Location(path),
                          "export the ad again as PDF/X-1a") from None


def _import(canvas, doc, path: str, name: str, cache: dict[str, ImportedForm]) -> ImportedForm:
    import pikepdf

    from layout.render.rlprivate import register_form

    with pikepdf.open(path) as pdf:
        page = pdf.pages[0]
        box = page.obj.get("/TrimBox") or page.mediabox
        bbox = tuple(float(v) for v in box)
        content = b"\n".join(_contents(page))
        refs: dict[tuple[int, int], Any] = {}
        parts: list[Any] = [b"<< /Type /XObject /Subtype /Form /FormType 1 /BBox [" + _nums(bbox)
                            + b"] /Resources "]
        _convert(page.obj.get("/Resources", pikepdf.Dictionary()), doc, refs, parts)
        body = zlib.compress(content, 6)
        parts.append(b" /Filter /FlateDecode /Length " + str(len(body)).encode() + b" >>\nstream\n"
                     + body + b"\nendstream")
        register_form(canvas, name, _Raw(parts))
    out = ImportedForm(name, bbox)  # type: ignore[arg-type]
    cache[name] = out
    return out


def _contents(page) -> list[bytes]:
    import pikepdf

    c = page.obj.get("/Contents")
    if c is None:
        return []
    if isinstance(c, pikepdf.Array):
        return [s.read_bytes() for s in c]
    return [c.read_bytes()]


class _Raw(PDFObject):
    """An object ReportLab writes as the parts given: bytes, and references to other
    registered objects (numbered only when the document is written)."""

    def __init__(self, parts: list[Any]):
        self.parts = parts

    def format(self, document) -> bytes:
        return b"".join(p if isinstance(p, bytes) else p.format(document) for p in self.parts)


def _nums(values) -> bytes:
    return b" ".join(f"{v:g}".encode() for v in values)


MAX_DEPTH = 64  # nesting of the ad's objects; a real ad needs a handful


def _convert(obj, doc, refs: dict, out: list[Any], depth: int = 0) -> None:
    """Append ``obj`` as PDF syntax to ``out``, registering its indirect objects in ``doc``."""
    if depth > MAX_DEPTH:
        raise ValueError(f"the ad's objects nest more than {MAX_DEPTH} deep")
    import pikepdf
    from reportlab.pdfbase.pdfdoc import PDFObjectReference

    if not isinstance(obj, pikepdf.Object):  # pikepdf hands out numbers and booleans as Python values
        out.append(_scalar(obj))
        return
    if obj.is_indirect:
        key = obj.objgen
        if key not in refs:
            holder = _Raw([])
            name = f"Imported.{len(doc.idToObject)}.{key[0]}.{key[1]}"
            doc.Reference(holder, name)
            refs[key] = PDFObjectReference(name)
            _direct(obj, doc, refs, holder.parts, depth)
        out.append(refs[key])
        return
    _direct(obj, doc, refs, out, depth)


def _scalar(v: Any) -> bytes:
    from decimal import Decimal

    if isinstance(v, bool):
        return b"true" if v else b"false"
    if v is None:
        return b"null"
    if isinstance(v, int):
        return str(v).encode()
    d = Decimal(str(v)) if isinstance(v, float) else Decimal(v)
    text = format(d.normalize(), "f")
    return text.encode()


def _direct(obj, doc, refs: dict, out: list[Any], depth: int) -> None:
    import pikepdf

    if isinstance(obj, pikepdf.Stream):
        d = obj.stream_dict
        raw = obj.read_raw_bytes()
        out.append(b"<<")
        for k in d:
            if k != "/Length":
                out.append(b" " + pikepdf.Name(k).unparse() + b" ")
                _convert(d[k], doc, refs, out, depth + 1)
        out.append(b" /Length " + str(len(raw)).encode() + b" >>\nstream\n" + raw + b"\nendstream")
    elif isinstance(obj, pikepdf.Dictionary):
        out.append(b"<<")
        for k in obj:
            out.append(b" " + pikepdf.Name(k).unparse() + b" ")
            _convert(obj[k], doc, refs, out, depth + 1)
        out.append(b" >>")
    elif isinstance(obj, pikepdf.Array):
        out.append(b"[")
        for i, v in enumerate(obj):
            if i:
                out.append(b" ")
            _convert(v, doc, refs, out, depth + 1)
        out.append(b"]")
    else:
        out.append(obj.unparse())
