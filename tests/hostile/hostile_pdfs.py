"""Small hostile PDFs written by the tests (issue 17 classes 4, 6, 12)."""

from __future__ import annotations

import zlib

CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
PAGES = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"


def pdf(objects: list[bytes], root_extra: bytes = b"") -> bytes:
    """A classic PDF with an xref table; object 1 is the catalog."""
    out = b"%PDF-1.6\n"
    offsets = []
    for i, body in enumerate(objects, 1):
        if i == 1 and root_extra:
            body = body[:-2] + root_extra + b" >>"
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def page(contents: bytes = b"4 0 R", resources: bytes = b"<< >>", extra: bytes = b"") -> bytes:
    return (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents %s /Resources %s %s >>"
            % (contents, resources, extra))


def self_referencing() -> bytes:
    """Objects that are references to themselves; a /Length pointing to itself."""
    content = b"0 0 m 10 10 l S"
    return pdf([CATALOG, PAGES, page(resources=b"5 0 R"),
                b"<< /Length 6 0 R >>\nstream\n" + content + b"\nendstream", b"5 0 R", b"6 0 R"])


def nested_forms(levels: int = 11, draws: int = 10) -> bytes:
    """Forms nested ``levels`` deep, each drawing the next ``draws`` times."""
    draw = b" ".join([b"q /X Do Q"] * draws)
    objs = [CATALOG, PAGES, page(resources=b"<< /XObject << /X 5 0 R >> >>"), stream(draw)]
    for k in range(levels):
        num = 5 + k
        last = k == levels - 1
        res = b"" if last else b"/Resources << /XObject << /X %d 0 R >> >>" % (num + 1)
        body = b"0 0 1 1 re f" if last else draw
        objs.append(stream(body, b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] " + res))
    return pdf(objs)


def inflate_bomb(megabytes: int) -> bytes:
    """A page whose content stream inflates to ``megabytes`` MiB of zeros (built from
    one compressed block repeated: the test does not compress the whole)."""
    chunk = b"\0" * (1 << 20)
    co = zlib.compressobj(9)
    first = co.compress(chunk) + co.flush(zlib.Z_FULL_FLUSH)
    again = co.compress(chunk) + co.flush(zlib.Z_FULL_FLUSH)
    adler = ((megabytes << 20) % 65521) << 16 | 1  # Adler-32 of n zero bytes: a = 1, b = n mod 65521
    tail = co.flush()[:-4] + adler.to_bytes(4, "big")
    data = first + again * (megabytes - 1) + tail
    return pdf([CATALOG, PAGES, page(), stream(data, b"/Filter /FlateDecode")])


def long_content(megabytes: int) -> bytes:
    """One page of ``megabytes`` MiB of plain drawing operators (compressed)."""
    line = b"q 1 0 0 1 10 10 cm 0 0 m 5 5 l S Q\n"
    data = line * ((megabytes << 20) // len(line) + 1)
    return pdf([CATALOG, PAGES, page(), stream(zlib.compress(data, 1), b"/Filter /FlateDecode")])


def with_action(action: bytes) -> bytes:
    """A plain page whose catalog runs ``action`` when the document opens."""
    return pdf([CATALOG, PAGES, page(), stream(b"0 0 m 10 10 l S"), action], root_extra=b" /OpenAction 5 0 R")


def with_attachment() -> bytes:
    ef = stream(b"MZ\x90\x00 pretend program", b"/Type /EmbeddedFile")
    spec = b"<< /Type /Filespec /F (setup.exe) /UF (setup.exe) /EF << /F 5 0 R >> >>"
    names = b" /Names << /EmbeddedFiles << /Names [(setup.exe) 6 0 R] >> >>"
    return pdf([CATALOG, PAGES, page(), stream(b"0 0 m 10 10 l S"), ef, spec], root_extra=names)


def broken_startxref(data: bytes) -> bytes:
    at = data.rindex(b"startxref")
    return data[:at] + b"startxref\n999999\n%%EOF\n"
