"""Lengths and type sizes at the YAML/CLI boundary.

Internally every length is a float in points.  Users write ``12mm``, ``9pt``,
``2em``, ``1.5`` (a bare number: points, or a factor where the caller says so) or a
Chinese type size (``小五``, ``五号``) -- spec typography.md §6.  Only this module
knows those spellings.
"""

from __future__ import annotations

import math
import re

PT_PER_MM = 72.0 / 25.4
PT_PER_INCH = 72.0
# the largest page a PDF viewer shows (ISO 32000-1 Annex C.2: 14,400 units a side);
# no length on a page can meaningfully be longer
MAX_PAGE_PT = 14_400.0

# spec §6: Chinese type sizes (号) in points
CHINESE_SIZES: dict[str, float] = {
    "初号": 42.0, "小初": 36.0, "一号": 26.0, "小一": 24.0, "二号": 22.0, "小二": 18.0,
    "三号": 16.0, "小三": 15.0, "四号": 14.0, "小四": 12.0, "五号": 10.5, "小五": 9.0,
    "六号": 7.5, "小六": 6.5, "七号": 5.5, "八号": 5.0,
}

_LENGTH = re.compile(r"^\s*([-+]?\d+(?:\.\d+)?|[-+]?\.\d+)\s*(mm|cm|pt|in|em|字|q|Q)?\s*$")


class UnitError(ValueError):
    """A length the user wrote that we cannot read; the message lists what is allowed."""


def parse_length(value: object, em: float | None = None, *, bare: str = "pt") -> float:
    """Return ``value`` in points.

    ``em`` is the size one em (or one 字, a character of body type) stands for; when
    it is None, em units are refused.  ``bare`` says what a number without unit means:
    ``"pt"`` or ``"em"``.  Chinese sizes (小五) are accepted as lengths too: one em of
    that size.
    """
    if isinstance(value, bool):
        raise UnitError(f"expected a length, got {value!r}")
    if isinstance(value, int | float):
        return _scale(float(value), bare, em, value)
    if not isinstance(value, str):
        raise UnitError(f"expected a length such as 12mm, 9pt or 2em, got {value!r}")
    text = value.strip()
    if text in CHINESE_SIZES:
        return CHINESE_SIZES[text]
    m = _LENGTH.match(text)
    if not m:
        raise UnitError(f"cannot read length {value!r}; write e.g. 12mm, 9pt, 2em or 小五")
    number, unit = float(m.group(1)), (m.group(2) or bare)
    return _scale(number, unit, em, value)


def _scale(number: float, unit: str, em: float | None, original: object) -> float:
    points = _unit(number, unit, em, original)
    if not math.isfinite(points) or abs(points) > MAX_PAGE_PT:
        raise UnitError(f"length {original!r} is out of range: at most {MAX_PAGE_PT:,.0f} pt "
                        f"({MAX_PAGE_PT / PT_PER_MM / 1000:.2f} m), the largest page a PDF may have")
    return points


def _unit(number: float, unit: str, em: float | None, original: object) -> float:
    if unit == "pt":
        return number
    if unit == "mm":
        return number * PT_PER_MM
    if unit == "cm":
        return number * 10 * PT_PER_MM
    if unit == "in":
        return number * PT_PER_INCH
    if unit in ("q", "Q"):  # Japanese/Chinese phototype unit: 0.25 mm
        return number * 0.25 * PT_PER_MM
    if unit in ("em", "字"):
        if em is None:
            raise UnitError(f"{original!r}: em is not allowed here; use mm or pt")
        return number * em
    raise UnitError(f"unknown unit in {original!r}")


def parse_size(value: object) -> float:
    """A type size in points: ``9``, ``9pt``, ``3.5mm``, ``小五``, ``五号``."""
    if isinstance(value, str) and value.strip() in CHINESE_SIZES:
        return CHINESE_SIZES[value.strip()]
    size = parse_length(value, None)
    if size <= 0:
        raise UnitError(f"a type size must be positive, got {value!r}")
    return size


def size_name(points: float) -> str | None:
    """The Chinese name of a size in points, if it has one (for reports)."""
    for name, pt in CHINESE_SIZES.items():
        if abs(pt - points) < 1e-6:
            return name
    return None
