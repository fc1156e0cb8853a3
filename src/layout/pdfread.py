"""Reading PDF objects: helpers shared by the stages that write PDFs (render.pdfx) and
the ones that check them (check.*), kept below both so neither imports the other.

pikepdf is imported inside the functions that need it (it costs ~50 ms to import).
"""

from __future__ import annotations

_TRANSPARENT_BM = ("/Normal", "/Compatible")


def decode_general(name: str, data: bytes) -> bytes | None:
    """Undo one general-purpose PDF filter (ASCII85, ASCIIHex, Flate); None if other."""
    import base64
    import zlib

    try:
        if name in ("/ASCII85Decode", "/A85"):
            body = data.strip()
            body = body[2:] if body.startswith(b"<~") else body
            body = body[:-2] if body.endswith(b"~>") else body
            return base64.a85decode(b"".join(body.split()))
        if name in ("/ASCIIHexDecode", "/AHx"):
            body = b"".join(data.split()).rstrip(b">")
            return bytes.fromhex((body + b"0" * (len(body) % 2)).decode("ascii"))
        if name in ("/FlateDecode", "/Fl"):
            return zlib.decompress(data)
    except (ValueError, zlib.error):
        return None
    return None


def all_dicts(pdf):
    """Every dictionary and stream of the file, indirect or nested directly inside
    another object (ReportLab writes ExtGStates directly in the page resources)."""
    import pikepdf

    def nested(obj, depth: int):
        if depth > 32:
            return
        if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            yield obj
            children = obj.stream_dict.values() if isinstance(obj, pikepdf.Stream) else obj.values()
        elif isinstance(obj, pikepdf.Array):
            children = list(obj)
        else:
            return
        for child in children:
            if isinstance(child, pikepdf.Object) and not child.is_indirect:
                yield from nested(child, depth + 1)

    for obj in pdf.objects:
        yield from nested(obj, 0)
    yield from nested(pdf.trailer, 0)


def transparency_uses(pdf) -> set[str]:
    """What in the file is transparency (PDF/X-1a forbids it): soft masks, alpha
    below 1, blend modes other than Normal, transparency groups."""
    import pikepdf

    found = set()
    for obj in all_dicts(pdf):
        if obj.get("/Subtype") == "/Image" and "/SMask" in obj:
            found.add("image soft mask")
        if obj.get("/Type") == "/ExtGState" or any(k in obj for k in ("/CA", "/ca", "/BM")):
            for key in ("/CA", "/ca"):
                v = obj.get(key)
                if v is not None and float(v) < 1:
                    found.add(f"{key[1:]} {float(v):g}")
            bm = obj.get("/BM")
            if bm is not None and str(bm) not in _TRANSPARENT_BM:
                found.add(f"blend mode {bm}")
            sm = obj.get("/SMask")
            if sm is not None and str(sm) != "/None" and obj.get("/Subtype") != "/Image":
                found.add("soft mask in ExtGState")
        group = obj.get("/Group")
        if isinstance(group, pikepdf.Dictionary) and str(group.get("/S")) == "/Transparency":
            found.add("transparency group")
    return found
