"""Register faces with ReportLab, once per process, only when a page uses them.

Why lazily: parsing a 10 MB TrueType font costs ~0.03 s; a page that uses three
faces must not pay for five.
"""

from __future__ import annotations

from layout.errors import FontError
from layout.fonts.face import Face

_registered: dict[str, str] = {}


def register_face(face: Face) -> str:
    """Register ``face`` with ReportLab (idempotent); return its ReportLab font name."""
    key = f"{face.path}#{face.index}"
    name = _registered.get(key)
    if name is not None:
        return name
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    name = face.name if face.name not in _registered.values() else f"{face.name}-{len(_registered)}"
    try:
        font = TTFont(name, face.path, subfontIndex=face.index, asciiReadable=False)
    except (TTFError, OSError, ValueError, KeyError, IndexError) as e:
        raise FontError(f"cannot embed font {face.path} (face {face.index}): {e}") from None
    pdfmetrics.registerFont(font)
    _registered[key] = name
    return name
