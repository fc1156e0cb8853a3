"""Photos for the press: CMYK through ICC profiles, total ink limited, resolution checked.

Why (issue 5, "Print-ready output"): a newspaper plant prints four inks on newsprint.
An RGB photo must be separated with the press's output profile (Pillow ImageCms,
i.e. LittleCMS), its total area coverage kept under the plant's limit (240 % for
coldset, ISO 12647-3; more ink does not dry and sets off on the next page), and its
effective resolution at the placed size checked (below 150 ppi the screen shows
pixels; below 100 ppi the plant rejects it).  Grey photos print on the K plate alone,
through a tone curve taken from the same profile so that newsprint's dot gain is
compensated.

Output is deterministic: the same file and settings give the same bytes (no
timestamps, no embedded profile in the image stream, fixed JPEG settings).
"""

from __future__ import annotations

import hashlib
import io
import math
import os
from dataclasses import field
from functools import lru_cache
from pathlib import Path

from layout.errors import LayoutError
from layout.model.content import MAX_FULL_PIXELS  # the loader checks it first, with the YAML line
from layout.records import record

DEFAULT_INK_LIMIT = 240.0  # percent; coldset offset on newsprint (ISO 12647-3)
WARN_PPI = 150.0  # below this the halftone shows pixels at newspaper screen rulings
ERROR_PPI = 100.0  # below this plants reject the image
DEFAULT_MAX_PPI = 300.0  # above ~2.5x a 100-120 lpi coldset screen, pixels only add bytes
JPEG_QUALITY = 90  # no visible loss on newsprint; a third of the Flate size
OUTPUT_PROFILE = "layout-newsprint-coldset.icc"
INTENTS = {"perceptual": 0, "relative": 1, "saturation": 2, "absolute": 3}


@record
class Resolution:
    """Effective resolution of an image at its placed size."""

    px_width: int
    px_height: int
    placed_width: float  # pt
    placed_height: float  # pt
    ppi_x: float
    ppi_y: float
    status: str  # 'ok' | 'warn' | 'error'
    message: str

    @property
    def ppi(self) -> float:
        return min(self.ppi_x, self.ppi_y)


@record
class InkStats:
    """Total area coverage of a CMYK image, in percent, before and after limiting."""

    limit: float
    max_before: float
    max_after: float
    limited_fraction: float  # share of pixels that were over the limit


@record
class PreparedImage:
    """A photo ready to draw: encoded stream plus what the caller must report."""

    width: int  # px
    height: int  # px
    mode: str  # 'CMYK' or 'L' (L is DeviceGray = the K plate)
    encoding: str  # 'jpeg' or 'flate'
    data: bytes  # JPEG file bytes, or raw samples for flate
    source: str
    ink: InkStats | None
    resolution: Resolution | None
    digest: str = field(default="")

    def reader(self):  # -> reportlab.lib.utils.ImageReader
        """A ReportLab ImageReader for this image.  A JPEG is passed through as a
        DCTDecode stream; ReportLab marks 4-channel JPEGs with /Decode [1 0 ...]
        because Adobe (and Pillow) store CMYK JPEG samples inverted, which is what
        we write.  Raw samples become a FlateDecode DeviceCMYK/DeviceGray stream."""
        from PIL import Image
        from reportlab.lib.utils import ImageReader

        if self.encoding == "jpeg":
            return ImageReader(io.BytesIO(self.data))
        return ImageReader(Image.frombytes(self.mode, (self.width, self.height), self.data))


def effective_ppi(px_size: tuple[int, int], placed_size: tuple[float, float],
                  warn_below: float = WARN_PPI, error_below: float = ERROR_PPI) -> Resolution:
    """Pixels per inch of an image of ``px_size`` placed at ``placed_size`` points."""
    pw, ph = px_size
    w, h = placed_size
    if w <= 0 or h <= 0:
        raise ValueError(f"placed size must be positive, got {w} x {h} pt")
    ppi_x, ppi_y = pw * 72.0 / w, ph * 72.0 / h
    ppi = min(ppi_x, ppi_y)
    if ppi < error_below:
        status, what = "error", f"below {error_below:g} ppi: will print visibly pixelated"
    elif ppi < warn_below:
        status, what = "warn", f"below {warn_below:g} ppi: soft at newspaper screen rulings"
    else:
        status, what = "ok", "sufficient"
    msg = (f"{pw}x{px_size[1]} px at {w / 72 * 25.4:.1f}x{h / 72 * 25.4:.1f} mm = {ppi:.0f} ppi ({what})")
    return Resolution(pw, ph, w, h, ppi_x, ppi_y, status, msg)


def default_output_profile() -> Path:
    """Path of the bundled newsprint coldset profile (see data/LICENSE-newsprint-icc.txt)."""
    from layout.resources import data_dir

    return data_dir() / OUTPUT_PROFILE


# Decoding bounds (issue 17, class 6).  A JPEG is decoded reduced (1/2, 1/4, 1/8 in
# the DCT, "draft" mode) to what the placed size needs at ``max_ppi``; other formats
# cannot be, so they are refused above ``MAX_FULL_PIXELS`` and box-reduced right
# after decoding.  Pillow's own bomb check (``Image.MAX_IMAGE_PIXELS``) still applies.


def load_image(source: str | os.PathLike[str] | bytes, need: tuple[int, int] | None = None):
    """Open an image file (or bytes) with Pillow; a user error if it cannot be read.

    ``need``: the pixel size the caller will use at most (whole image); the image is
    then decoded at the smallest size not below it, where the format allows."""
    from PIL import Image, UnidentifiedImageError

    name = "<bytes>" if isinstance(source, bytes) else str(source)
    try:
        im = Image.open(io.BytesIO(source) if isinstance(source, bytes) else source)
        _decode_reduced(im, need, name)
        im.load()
    except FileNotFoundError:
        raise LayoutError(f"image not found: {name}") from None
    except Image.DecompressionBombError as e:
        raise LayoutError(f"image {name} is too large to open safely: {e}") from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as e:
        raise LayoutError(f"cannot read image {name}: {e}", hint="use JPEG, PNG or TIFF") from None
    if need is not None and im.format != "JPEG":
        factor = min(im.width // max(need[0], 1), im.height // max(need[1], 1))
        if factor >= 2:
            info, fmt = im.info, im.format
            im = im.reduce(factor)
            im.info, im.format = info, fmt
    return im


def _decode_reduced(im, need: tuple[int, int] | None, name: str) -> None:
    """Ask the decoder for fewer pixels before it runs (JPEG draft), or refuse an
    image that would decode whole to more than ``MAX_FULL_PIXELS``."""
    if im.format == "JPEG":
        if need is not None:
            im.draft(im.mode, (max(need[0], 1), max(need[1], 1)))
        return
    if im.width * im.height > MAX_FULL_PIXELS:
        raise LayoutError(f"image {name} is {im.width}x{im.height} px ({im.width * im.height / 1e6:.0f} Mpx); "
                          f"a {im.format} is decoded whole, at most {MAX_FULL_PIXELS // 1_000_000} Mpx",
                          hint="scale it down, or save it as JPEG (decoded at the size the page needs)")


def pixel_size(path: str | os.PathLike[str]) -> tuple[int, int]:
    """The image's size in pixels, from its header (nothing decoded)."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as im:
            return im.size
    except FileNotFoundError:
        raise LayoutError(f"image not found: {path}") from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as e:
        raise LayoutError(f"cannot read image {path}: {e}") from None


@lru_cache(maxsize=8)
def _profile(path: str):
    from PIL import ImageCms

    try:
        return ImageCms.getOpenProfile(path)
    except (OSError, ImageCms.PyCMSError) as e:
        raise LayoutError(f"cannot read ICC profile {path}: {e}") from None


@lru_cache(maxsize=16)
def _transform(src_icc: bytes | None, src_mode: str, dst_path: str, intent: int):
    """LittleCMS transform from the image's profile (sRGB when it has none) to the
    output profile; cached because building one costs ~10 ms."""
    from PIL import ImageCms

    if src_icc:
        src = ImageCms.ImageCmsProfile(io.BytesIO(src_icc))
    elif src_mode == "RGB":
        src = ImageCms.createProfile("sRGB")
    else:
        raise ValueError(f"no source profile for mode {src_mode}")
    flags = ImageCms.Flags.BLACKPOINTCOMPENSATION if intent == INTENTS["relative"] else ImageCms.Flags.NONE
    return ImageCms.buildTransform(src, _profile(dst_path), src_mode, "CMYK", renderingIntent=intent, flags=flags)


def _flatten(im):
    """Drop alpha by compositing on white (the paper); palette and bilevel to RGB/L;
    16-bit grey to 8-bit.  PDF/X-1a allows no transparency, and a photo has none."""
    from PIL import Image

    if im.mode in ("I;16", "I;16B", "I;16L", "I"):
        import numpy as np

        a = np.asarray(im, dtype=np.float64)
        peak = 65535.0 if im.mode.startswith("I;16") or a.max() > 255 else 255.0
        return Image.fromarray(np.clip(a / peak * 255.0 + 0.5, 0, 255).astype(np.uint8), "L")
    if im.mode == "P":
        im = im.convert("RGBA" if "transparency" in im.info else "RGB")
    if im.mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        base = "L" if im.mode.startswith("L") else "RGB"
        bg = Image.new(base, im.size, 255)
        bg.paste(im.convert(base), mask=im.getchannel("A"))
        return bg
    if im.mode == "1":
        return im.convert("L")
    if im.mode not in ("RGB", "L", "CMYK"):
        return im.convert("RGB")
    return im


def to_cmyk(im, *, profile: str | os.PathLike[str] | None = None, intent: str = "perceptual"):
    """Separate an RGB (or profiled CMYK) image into the output profile's CMYK.

    An embedded ICC profile is honoured; an RGB image without one is taken as sRGB
    (the web and camera default).  A CMYK image without a profile is assumed to be
    separated for this press already and is returned as is."""
    if intent not in INTENTS:
        raise LayoutError(f"unknown rendering intent {intent!r}", hint=f"use one of {', '.join(INTENTS)}")
    im = _flatten(im)
    icc = im.info.get("icc_profile") or None
    if im.mode == "CMYK" and not icc:
        return im
    if im.mode == "L":
        im = im.convert("RGB")
        icc = None  # a grey profile does not fit an RGB image; grey is neutral in sRGB
    dst = str(profile or default_output_profile())
    from PIL import ImageCms

    try:
        out = ImageCms.applyTransform(im, _transform(icc, im.mode, dst, INTENTS[intent]))
    except ImageCms.PyCMSError:
        # a broken or mismatched embedded profile: fall back to sRGB, as browsers do
        if im.mode != "RGB":
            raise LayoutError(f"cannot convert {im.mode} image with its embedded ICC profile") from None
        out = ImageCms.applyTransform(im, _transform(None, "RGB", dst, INTENTS[intent]))
    out.info.pop("icc_profile", None)
    return out


GREY_RAMP_STEPS = 17  # K samples measured through the profile; 8-bit L* is too coarse for 256


@lru_cache(maxsize=8)
def _grey_to_k_lut(dst_path: str) -> tuple[int, ...]:
    """256-entry curve from a grey pixel (sRGB tone) to the DeviceGray value that
    prints the same relative lightness with K alone on this press: a K ramp is
    measured through the output profile (dot gain included) and inverted by linear
    interpolation; source black..white maps to solid K..paper."""
    from PIL import Image, ImageCms

    ks = [round(i * 255 / (GREY_RAMP_STEPS - 1)) for i in range(GREY_RAMP_STEPS)]
    ramp = Image.frombytes("CMYK", (len(ks), 1), bytes(b for k in ks for b in (0, 0, 0, k)))
    to_lab = ImageCms.buildTransform(_profile(dst_path), ImageCms.createProfile("LAB"), "CMYK", "LAB",
                                     renderingIntent=INTENTS["relative"])
    lab_ramp = ImageCms.applyTransform(ramp, to_lab)
    lk = [lab_ramp.getpixel((i, 0))[0] * 100 / 255 for i in range(len(ks))]
    for i in range(1, len(lk)):  # force monotone: more K is never lighter
        lk[i] = min(lk[i], lk[i - 1] - 1e-6)
    l_paper, l_solid = lk[0], lk[-1]
    lut = []
    for g in range(256):
        v = g / 255
        lin = v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
        l_src = 116 * lin ** (1 / 3) - 16 if lin > 0.008856 else 903.3 * lin
        target = l_solid + (l_paper - l_solid) * l_src / 100
        k = 255.0
        for i in range(1, len(lk)):
            if lk[i] <= target:
                t = (lk[i - 1] - target) / (lk[i - 1] - lk[i])
                k = ks[i - 1] + t * (ks[i] - ks[i - 1])
                break
        lut.append(255 - round(k))  # DeviceGray: 0 = full K
    return tuple(lut)


def grey_to_k(im, *, profile: str | os.PathLike[str] | None = None):
    """A grey ('L') image as DeviceGray samples that print on K only, tone-corrected."""
    return _flatten(im).convert("L").point(list(_grey_to_k_lut(str(profile or default_output_profile()))))


def limit_total_ink(im, limit: float = DEFAULT_INK_LIMIT):
    """Return (image, InkStats) with every pixel's C+M+Y+K at most ``limit`` percent.

    Over-limit pixels first give their grey component to K (under-colour removal:
    equal C, M and Y make a neutral that K replaces), then C, M and Y are scaled down
    together if K alone cannot absorb the excess; K is kept, so shadows stay dark
    and neutral."""
    import numpy as np
    from PIL import Image

    if im.mode != "CMYK":
        raise ValueError(f"limit_total_ink needs a CMYK image, got {im.mode}")
    a = np.asarray(im)  # uint8: a 40 Mpx photo is 160 MB, not 640 MB as int32
    total = a.sum(axis=-1, dtype=np.uint16)
    cap = int(limit * 255 / 100)
    before = float(total.max()) * 100 / 255 if total.size else 0.0
    over = total > cap
    n_over = int(over.sum())
    if n_over:
        a = np.array(a)  # a writable copy, still uint8
        px = a[over].astype(np.float64)
        cmy, k = px[:, :3], px[:, 3]
        excess = px.sum(axis=1) - cap
        ucr = np.minimum.reduce([cmy.min(axis=1), excess / 2, 255 - k])
        cmy = cmy - ucr[:, None]
        k = np.rint(k + ucr)
        budget = np.maximum(cap - k, 0)
        s = cmy.sum(axis=1)
        scale = np.where(s > budget, budget / np.maximum(s, 1e-9), 1.0)
        cmy = np.floor(cmy * scale[:, None] + 1e-9)
        a[over] = np.concatenate([cmy, k[:, None]], axis=1).astype(a.dtype)
        im = Image.fromarray(a.astype(np.uint8), "CMYK")
    after = float(a.sum(axis=-1, dtype=np.uint16).max()) * 100 / 255 if total.size else 0.0
    return im, InkStats(limit, before, after, n_over / max(total.size, 1))


def _downsample(im, placed_size: tuple[float, float] | None, max_ppi: float | None):
    """Resample to ``max_ppi`` at the placed size when the image is much finer."""
    from PIL import Image

    if not placed_size or not max_ppi:
        return im
    w, h = placed_size
    tw, th = round(w / 72 * max_ppi), round(h / 72 * max_ppi)
    if im.width <= tw * 1.1 or im.height <= th * 1.1 or tw < 1 or th < 1:
        return im
    return im.resize((tw, th), Image.Resampling.LANCZOS)


def prepare_image(source, *, placed_size: tuple[float, float] | None = None,
                  crop: tuple[int, int, int, int] | None = None,
                  profile: str | os.PathLike[str] | None = None, intent: str = "perceptual",
                  ink_limit: float = DEFAULT_INK_LIMIT, encoding: str = "jpeg",
                  quality: int = JPEG_QUALITY, max_ppi: float | None = DEFAULT_MAX_PPI,
                  warn_ppi: float = WARN_PPI, error_ppi: float = ERROR_PPI) -> PreparedImage:
    """Load (path, bytes or PIL image), crop (source pixels, left-top-right-bottom),
    separate, limit ink, check resolution at ``placed_size`` (pt) and encode.

    The resolution verdict is in the result, not raised: the caller reports it with
    the story's location (warn < 150 ppi, error < 100 ppi)."""
    if encoding not in ("jpeg", "flate"):
        raise ValueError(f"encoding must be 'jpeg' or 'flate', got {encoding!r}")
    name = source if isinstance(source, str | os.PathLike) else "<image>"
    if isinstance(source, str | os.PathLike | bytes):
        full = pixel_size(source) if not isinstance(source, bytes) else None
        im = load_image(source, _need(full, crop, placed_size, max_ppi))
    else:
        im, full = source, None
    full = full or im.size
    if crop:
        im = im.crop(_scaled_crop(crop, full, im.size))
    shown = (crop[2] - crop[0], crop[3] - crop[1]) if crop else full
    res = effective_ppi(shown, placed_size, warn_ppi, error_ppi) if placed_size else None
    im = _flatten(im)
    grey = im.mode == "L" and not _has_colour_profile(im)
    if grey:
        out, ink = grey_to_k(im, profile=profile), None
    else:
        out, ink = limit_total_ink(to_cmyk(im, profile=profile, intent=intent), ink_limit)
    out = _downsample(out, placed_size, max_ppi)
    if encoding == "jpeg":
        buf = io.BytesIO()
        out.save(buf, format="JPEG", quality=quality, optimize=False, progressive=False)
        data = buf.getvalue()
    else:
        data = out.tobytes()
    return PreparedImage(out.width, out.height, out.mode, encoding, data, str(name), ink, res,
                         hashlib.sha256(data).hexdigest()[:16])


def _need(full: tuple[int, int] | None, crop: tuple[int, int, int, int] | None,
          placed_size: tuple[float, float] | None, max_ppi: float | None) -> tuple[int, int] | None:
    """Pixels of the whole image needed so that the (cropped) part placed at
    ``placed_size`` still has ``max_ppi``; None when everything is needed."""
    if full is None or not placed_size or not max_ppi:
        return None
    cw, ch = (crop[2] - crop[0], crop[3] - crop[1]) if crop else full
    if cw <= 0 or ch <= 0:
        return None
    tw, th = placed_size[0] / 72 * max_ppi * 1.1, placed_size[1] / 72 * max_ppi * 1.1
    return (max(1, math.ceil(tw * full[0] / cw)), max(1, math.ceil(th * full[1] / ch)))


def _scaled_crop(crop: tuple[int, int, int, int], full: tuple[int, int], got: tuple[int, int]):
    """A crop box in source pixels, for the image as decoded (maybe reduced)."""
    if got == full:
        return crop
    sx, sy = got[0] / full[0], got[1] / full[1]
    return (round(crop[0] * sx), round(crop[1] * sy), round(crop[2] * sx), round(crop[3] * sy))


def _has_colour_profile(im) -> bool:
    """A grey image that carries a non-grey profile is treated as colour."""
    icc = im.info.get("icc_profile")
    return bool(icc) and len(icc) > 20 and icc[16:20] != b"GRAY"


def draw_image(canvas, image: PreparedImage, x: float, y: float, width: float, height: float) -> None:
    """Draw a prepared image at (x, y) with the given size in the canvas's current
    coordinates (trim coordinates on a print page).

    Why not ``canvas.drawImage``: given an ImageReader, ReportLab decodes the whole
    JPEG and hashes its pixels just to name the XObject (~50 ms per photo), although
    the prepared stream, its size and mode are known.  The image XObject is written
    here as ReportLab would write it (same dictionary, same Adobe-inverted /Decode
    for CMYK JPEGs), named after the prepared bytes, once per document."""
    if width <= 0 or height <= 0:
        raise ValueError(f"image size must be positive, got {width} x {height} pt")
    from layout.render.rlprivate import draw_xobject

    name = xobject_name(image)
    draw_xobject(canvas, name, lambda: image_xobject(image, name), x, y, width, height)


_COLOR_SPACES = {"CMYK": "DeviceCMYK", "L": "DeviceGray", "RGB": "DeviceRGB"}


def xobject_name(image: PreparedImage) -> str:
    """A name for the image in the PDF, a hash of what is drawn: the same picture
    drawn twice is stored once, two different ones never share a name."""
    key = image.digest or hashlib.sha256(image.data).hexdigest()
    what = f"{key}|{image.width}|{image.height}|{image.mode}|{image.encoding}"
    return hashlib.sha256(what.encode()).hexdigest()[:32]


def image_xobject(image: PreparedImage, name: str):  # -> reportlab PDFImageXObject
    """ReportLab's image XObject for a prepared image, without decoding it: a JPEG
    goes in as a DCTDecode stream (CMYK with /Decode [1 0 1 0 1 0 1 0]: Adobe and
    Pillow store CMYK JPEG samples inverted), raw samples Flate-compressed."""
    import zlib

    from reportlab.pdfbase.pdfdoc import PDFImageXObject

    from layout.render.rlprivate import set_image_stream

    if image.mode not in _COLOR_SPACES:
        raise ValueError(f"cannot draw a {image.mode} image; prepare_image makes CMYK or L")
    obj = PDFImageXObject(name)
    obj.width, obj.height = image.width, image.height
    obj.bitsPerComponent = 8
    obj.colorSpace = _COLOR_SPACES[image.mode]
    obj.mask = None
    if image.encoding == "jpeg":
        set_image_stream(obj, image.data, ("DCTDecode",), adobe_inverted=image.mode == "CMYK")
    else:
        set_image_stream(obj, zlib.compress(image.data), ("FlateDecode",))
    return obj
