"""Total ink of CMYK images, measured from their samples.

Why: coldset newsprint takes at most 240 % total area coverage (ISO 12647-3); more
ink does not dry and sets off on the facing page.  Vector colours can be read from
operators, but an image has to be decoded.  The total is measured on cells of about
``CELL_MM`` at the placed size (box-averaged), because what matters on press is ink
over an area, not one pixel's JPEG ringing; the worst cell is reported.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from layout.pdfread import decode_general

CELL_MM = 1.0  # measure ink over ~1 mm squares: the scale at which set-off shows
MAX_SAMPLE_PX = 1_500_000  # decode at most this many pixels per image (draft-scaled JPEG)


@dataclass(frozen=True)
class ImageInk:
    max_total: float  # percent, worst cell
    over_fraction: float  # share of cells over the limit


def image_cmyk_samples(xobj):  # -> numpy uint8 array (h, w, 4) or None
    """The CMYK samples of an image XObject as painted (Decode array applied), or
    None for images that are not 8-bit CMYK or whose filter we cannot decode."""
    import numpy as np
    import pikepdf

    from layout.check.pdfscan import cs_family

    fam = cs_family(xobj.get("/ColorSpace")) if "/ColorSpace" in xobj else "jpx/none"
    bpc = int(xobj.get("/BitsPerComponent", 8))
    w, h = int(xobj.get("/Width", 0)), int(xobj.get("/Height", 0))
    if w <= 0 or h <= 0 or bpc != 8:
        return None
    f = xobj.get("/Filter")
    names = [] if f is None else ([str(f)] if isinstance(f, pikepdf.Name) else [str(x) for x in f])
    if fam in ("cmyk", "icc-cmyk"):
        if names and names[-1] == "/DCTDecode":
            arr = _dct_cmyk(xobj)
        elif any(n in ("/JPXDecode", "/JBIG2Decode", "/CCITTFaxDecode") for n in names):
            return None
        else:
            raw = bytes(xobj.read_bytes())
            if len(raw) < w * h * 4:
                return None
            arr = np.frombuffer(raw[: w * h * 4], dtype=np.uint8).reshape(h, w, 4)
    elif fam == "indexed(cmyk)":
        arr = _indexed_cmyk(xobj, w, h)
    else:
        return None
    if arr is None:
        return None
    decode = xobj.get("/Decode")
    if decode is not None and fam != "indexed(cmyk)" and len(decode) == 8:
        d = [float(v) for v in decode]
        for ch in range(4):
            lo, hi = d[2 * ch], d[2 * ch + 1]
            if (lo, hi) != (0.0, 1.0):
                arr = arr.copy() if not arr.flags.writeable else arr
                arr[..., ch] = np.clip(lo * 255 + arr[..., ch].astype(np.float64) * (hi - lo), 0, 255)
    return arr


def _dct_cmyk(xobj):
    """Raw DCT samples: Pillow undoes Adobe's inversion itself, while a PDF reader
    does not (it relies on /Decode), so re-invert when the JPEG has the Adobe marker."""
    import numpy as np
    from PIL import Image

    data = undo_general_filters(xobj)
    if data is None:
        return None
    try:
        im = Image.open(io.BytesIO(data))
        if im.width * im.height > MAX_SAMPLE_PX:
            im.draft("CMYK", (im.width // 4, im.height // 4))
        im.load()
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return None
    if im.mode != "CMYK":
        return None
    arr = np.asarray(im, dtype=np.uint8)
    if "adobe" in im.info:
        arr = 255 - arr
    return arr


def undo_general_filters(xobj) -> bytes | None:
    """The stream's bytes with the filters before its last one undone (ReportLab
    writes images as [/ASCII85Decode /DCTDecode], which qpdf will not half-decode)."""
    import pikepdf

    f = xobj.get("/Filter")
    names = [] if f is None else ([str(f)] if isinstance(f, pikepdf.Name) else [str(x) for x in f])
    data = bytes(xobj.read_raw_bytes())
    for name in names[:-1]:
        decoded = decode_general(name, data)
        if decoded is None:
            return None
        data = decoded
    return data


def _indexed_cmyk(xobj, w: int, h: int):
    import numpy as np

    cs = xobj.ColorSpace
    lookup = cs[3]
    table = bytes(lookup.read_bytes()) if hasattr(lookup, "read_bytes") else bytes(lookup)
    idx = np.frombuffer(bytes(xobj.read_bytes())[: w * h], dtype=np.uint8)
    if idx.size < w * h:
        return None
    pal = np.frombuffer(table.ljust(256 * 4, b"\0")[: 256 * 4], dtype=np.uint8).reshape(256, 4)
    return pal[idx].reshape(h, w, 4)


def measure_ink(samples, ppi: float, limit: float) -> ImageInk:
    """Worst total ink over ~1 mm cells (``ppi`` at the largest placement)."""
    import numpy as np

    h, w, _ = samples.shape
    cell = max(1, round(ppi * CELL_MM / 25.4)) if ppi and ppi != float("inf") else 1
    cell = min(cell, h, w)
    hh, ww = (h // cell) * cell, (w // cell) * cell
    total = samples[:hh, :ww].astype(np.float32).sum(axis=-1) * (100.0 / 255.0)
    cells = total.reshape(hh // cell, cell, ww // cell, cell).mean(axis=(1, 3))
    return ImageInk(float(cells.max()), float((cells > limit).mean()))
