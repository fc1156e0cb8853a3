"""Preflight: is this PDF fit to send to the newspaper plant?

Checks any PDF - ours or an ad supplied by a client - against the plant's rules of
issue 5 ("Print-ready output"): PDF/X identification (X-4 or X-1a), output intent
with a CMYK profile, Trapped, title/dates/ID, TrimBox and BleedBox, no RGB, fonts
embedded and no .notdef, image resolution (warn < 150 ppi, error < 100 ppi), total
ink of images and vectors (default 240 %, coldset), text in pure overprinting K, no
encryption and no JavaScript.  One ``Finding`` per check, each OK / WARN / ERROR;
``Report.ok`` is False on any ERROR.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from dataclasses import asdict, dataclass, field

from layout.errors import LayoutError

OK, WARN, ERROR = "OK", "WARN", "ERROR"
STANDARDS = ("auto", "X-4", "X-1a")
DEFAULT_INK_LIMIT = 240.0
DEFAULT_MIN_PPI = 150.0
DEFAULT_ERROR_PPI = 100.0
TAC_TOLERANCE = 2.0  # percentage points: JPEG ringing and 8-bit rounding after limiting
SMALL_TEXT_PT = 12.0  # text this size or smaller must be one ink (registration)
MAX_DETAILS = 8  # where-lines listed per finding


@dataclass(frozen=True)
class Finding:
    check: str
    status: str  # OK | WARN | ERROR
    message: str
    details: tuple[str, ...] = ()


@dataclass
class Report:
    file: str
    standard: str  # the standard checked against ('X-4', 'X-1a' or 'none')
    pages: int
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(f.status == ERROR for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.status == WARN for f in self.findings)

    @property
    def ok(self) -> bool:
        return self.errors == 0

    def add(self, check: str, status: str, message: str, details=()) -> None:
        self.findings.append(Finding(check, status, message, tuple(details)[:MAX_DETAILS]))

    def to_dict(self) -> dict:
        return {"file": self.file, "standard": self.standard, "pages": self.pages, "ok": self.ok,
                "errors": self.errors, "warnings": self.warnings,
                "checks": [asdict(f) | {"details": list(f.details)} for f in self.findings]}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1)

    def format_text(self) -> str:
        lines = [f"preflight {self.file}: {self.pages} page(s), checked as "
                 f"{'PDF/' + self.standard if self.standard != 'none' else 'no PDF/X standard'}"]
        for f in self.findings:
            lines.append(f"{f.status:5}  {f.check:16} {f.message}")
            lines.extend(f"{'':23}{d}" for d in f.details)
        verdict = "ready for press" if self.ok else "NOT ready for press"
        lines.append(f"{self.file}: {self.errors} error(s), {self.warnings} warning(s): {verdict}")
        return "\n".join(lines)


def preflight(source: str | os.PathLike[str] | bytes, *, standard: str = "auto",
              ink_limit: float = DEFAULT_INK_LIMIT, min_ppi: float = DEFAULT_MIN_PPI,
              error_ppi: float = DEFAULT_ERROR_PPI, name: str | None = None) -> Report:
    """Check a PDF file (path or bytes).  Raises LayoutError when it is not a PDF."""
    import pikepdf

    if standard not in STANDARDS:
        raise LayoutError(f"unknown standard {standard!r}", hint=f"use one of {', '.join(STANDARDS)}")
    label = name or ("<bytes>" if isinstance(source, bytes) else str(source))
    from layout.check.pdfbounds import open_bounded

    data = _read(source, label)
    try:
        pdf = open_bounded(data, label)
    except pikepdf.PasswordError:
        rep = Report(label, standard, 0)
        rep.add("encryption", ERROR, "encrypted with a password: the plant cannot open it")
        return rep
    from layout.check.pdfbounds import refuse
    from layout.check.structure import MALFORMED

    with pdf:
        try:
            return _check(pdf, data, label, standard, ink_limit, min_ppi, error_ppi)
        except (*MALFORMED, pikepdf.PdfError) as e:
            raise refuse(label, f"{type(e).__name__}: {str(e)[:200]}") from None


def _read(source, label: str) -> bytes:
    if isinstance(source, bytes):
        data = source
    else:
        from layout.check.pdfbounds import MAX_PDF_BYTES
        from layout.files import read_input

        data = read_input(source, "PDF", MAX_PDF_BYTES)
    if b"%PDF-" not in data[:1024]:
        raise LayoutError(f"{label} is not a PDF (no %PDF- header)", hint="preflight checks PDF files only")
    return data


def _check(pdf, data: bytes, label: str, standard: str, ink_limit: float, min_ppi: float,
           error_ppi: float) -> Report:
    from layout.check import pdfscan
    from layout.check.structure import check_structure, claimed_standard

    std = standard if standard != "auto" else (claimed_standard(pdf) or "none")
    rep = Report(label, std, len(pdf.pages))
    check_structure(pdf, rep, std, standard == "auto")
    scan = pdfscan.scan(pdf, ink_limit)
    _colour(rep, scan)
    _fonts(rep, scan)
    _text_colour(rep, scan)
    _images(rep, scan, min_ppi, error_ppi, ink_limit)
    _vector_ink(rep, scan, ink_limit)
    if scan.errors:
        rep.add("content", WARN, f"{len(scan.errors)} problem(s) reading content streams", scan.errors)
    return rep


def _colour(rep: Report, scan) -> None:
    if scan.rgb:
        rep.add("colour", ERROR, f"RGB colour used {len(scan.rgb)} time(s): the plant prints CMYK only",
                _summarise(scan.rgb))
    else:
        fams = ", ".join(f"{k} ({v})" for k, v in sorted(scan.colours.items())) or "none"
        rep.add("colour", OK, f"no RGB; colour spaces used: {fams}")
    if scan.lab:
        rep.add("colour-lab", WARN, "Lab colour: the RIP converts it, check the result", _summarise(scan.lab))


def _summarise(where: list[str]) -> list[str]:
    """Group 'pN: what' lines: 'p1: rg operator (x12)'."""
    counts: dict[str, int] = defaultdict(int)
    for w in where:
        counts[w] += 1
    return [f"{w} (x{n})" if n > 1 else w for w, n in counts.items()]


def _fonts(rep: Report, scan) -> None:
    from layout.check.fontcheck import is_embedded, notdef_codes

    missing, notdef, unchecked = [], [], 0
    shown: dict[object, list[bytes]] = defaultdict(list)
    for t in scan.texts:
        key = t.font.objgen if t.font.is_indirect else id(t.font)
        shown[key].append(t.codes)
    for key, (name, font, pages) in scan.fonts.items():
        if not is_embedded(font):
            missing.append(f"{name} ({str(font.get('/Subtype')).lstrip('/')}), pages {_pages(pages)}")
        n = notdef_codes(font, shown.get(key, []))
        if n is None:
            unchecked += bool(shown.get(key))
        elif n:
            notdef.append(f"{name}: {n} glyph(s), pages {_pages(pages)}")
    if missing:
        rep.add("fonts", ERROR, f"{len(missing)} font(s) not embedded", missing)
    else:
        rep.add("fonts", OK, f"{len(scan.fonts)} font(s), all embedded")
    if notdef:
        rep.add("notdef", ERROR, ".notdef glyphs shown: characters missing from their font", notdef)
    else:
        extra = f" ({unchecked} font(s) not checkable)" if unchecked else ""
        rep.add("notdef", OK, f"no .notdef glyph shown{extra}")


def _pages(pages) -> str:
    p = sorted(pages)
    return ",".join(map(str, p[:10])) + ("..." if len(p) > 10 else "")


def _text_colour(rep: Report, scan) -> None:
    """Small text must be one ink; black text should overprint (issue 5)."""
    multi, knockout, total = [], 0, 0
    for t in scan.texts:
        fam, comps = t.colour
        total += 1
        inks = sum(v > 0.001 for v in comps) if fam in ("cmyk", "icc-cmyk") else 1
        if inks > 1 and t.size <= SMALL_TEXT_PT:
            multi.append(f"p{t.page}: {t.size:.1f} pt text in {'/'.join(f'{v:g}' for v in comps)}")
        is_black = (fam == "cmyk" and len(comps) == 4 and comps[3] >= 0.999 and max(comps[:3]) < 0.001) or \
                   (fam == "gray" and comps and comps[0] <= 0.001)
        if is_black and not t.overprint:
            knockout += 1
    if multi:
        rep.add("text-colour", WARN, f"small text printed in several inks ({len(multi)} show(s)): "
                "misregistration blurs it", _summarise(multi))
    elif total:
        rep.add("text-colour", OK, "small text is single-ink")
    if knockout:
        rep.add("overprint", WARN, f"{knockout} of {total} black text show(s) knock out instead of overprinting")
    elif total:
        rep.add("overprint", OK, "black text overprints")


def _images(rep: Report, scan, min_ppi: float, error_ppi: float, ink_limit: float) -> None:
    from layout.check.imageink import image_cmyk_samples, measure_ink

    if not scan.placements:
        rep.add("images", OK, "no images")
        return
    worst: dict[tuple, object] = {}
    for p in scan.placements:
        if p.key not in worst or p.ppi < worst[p.key].ppi:
            worst[p.key] = p
    low = [p for p in worst.values() if p.ppi < error_ppi]
    soft = [p for p in worst.values() if error_ppi <= p.ppi < min_ppi]

    def line(p) -> str:
        w, h = (v / 72 * 25.4 for v in p.placed)
        return f"p{p.page}: {p.name} {p.px[0]}x{p.px[1]} px at {w:.0f}x{h:.0f} mm = {p.ppi:.0f} ppi"

    lowest = min(p.ppi for p in worst.values())
    if low:
        rep.add("resolution", ERROR, f"{len(low)} image(s) below {error_ppi:g} ppi", [line(p) for p in low])
    if soft:
        rep.add("resolution", WARN, f"{len(soft)} image(s) below {min_ppi:g} ppi", [line(p) for p in soft])
    if not low and not soft:
        rep.add("resolution", OK, f"{len(worst)} image(s), lowest {lowest:.0f} ppi")
    over, measured = [], 0
    for key, p in worst.items():
        xobj = scan.images.get(key)
        if xobj is None:
            continue
        samples = image_cmyk_samples(xobj)
        if samples is None:
            continue
        measured += 1
        ppi = p.ppi * samples.shape[1] / max(p.px[0], 1) if p.ppi != float("inf") else 0
        ink = measure_ink(samples, ppi, ink_limit)
        if ink.max_total > ink_limit + TAC_TOLERANCE:
            over.append(f"p{p.page}: {p.name} reaches {ink.max_total:.0f} % "
                        f"({ink.over_fraction:.1%} of its area over {ink_limit:g} %)")
    if over:
        rep.add("image-ink", ERROR, f"{len(over)} image(s) over the {ink_limit:g} % total ink limit", over)
    elif measured:
        rep.add("image-ink", OK, f"{measured} CMYK image(s) within {ink_limit:g} % total ink")


def _vector_ink(rep: Report, scan, ink_limit: float) -> None:
    if scan.heavy_vectors:
        worst = max(t for _, t in scan.heavy_vectors)
        pages = sorted({p for p, _ in scan.heavy_vectors})
        rep.add("vector-ink", WARN, f"{len(scan.heavy_vectors)} fill(s)/stroke(s) over {ink_limit:g} % "
                f"total ink (up to {worst:.0f} %), pages {_pages(pages)}")
    else:
        rep.add("vector-ink", OK, f"vector colours within {ink_limit:g} % total ink")

