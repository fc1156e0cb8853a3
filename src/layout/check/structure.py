"""Document-level PDF/X checks: identification, output intent, metadata, boxes,
encryption, JavaScript, transparency (for X-1a).

Why each (ISO 15930-7 for X-4, 15930-1 for X-1a:2001, as the plant applies them):
the version keys tell the RIP which rules the file promises; the GTS_PDFX output
intent with an embedded CMYK profile says what press the colours were made for;
Trapped True/False says whether the plant must trap; TrimBox/BleedBox say where to
cut and how far images run off; Title, dates and /ID identify the file in the
workflow.  JavaScript and encryption are forbidden outright.
"""

from __future__ import annotations

import re

from layout.pdfread import all_dicts, transparency_uses

OK, WARN, ERROR = "OK", "WARN", "ERROR"
# what pikepdf raises on objects of the wrong type or shape (a damaged or hostile file)
MALFORMED = (AttributeError, TypeError, ValueError, KeyError, IndexError, RuntimeError, RecursionError)


def xmp_text(pdf) -> str:
    try:
        md = pdf.Root.get("/Metadata")
        return md.read_bytes().decode("utf-8", "replace") if md is not None else ""
    except (AttributeError, ValueError):
        return ""


def xmp_prop(xmp: str, prop: str) -> str | None:
    """Value of an XMP property written as attribute, element or rdf:li."""
    m = re.search(prop + r'\s*=\s*"([^"]*)"', xmp) or re.search(
        "<" + prop + r">\s*([^<]*?)\s*</" + prop, xmp)
    if m:
        return m.group(1)
    m = re.search("<" + prop + r">.*?<rdf:li[^>]*>([^<]*)</rdf:li>", xmp, re.S)
    return m.group(1) if m else None


def _info(pdf) -> dict[str, str]:
    info = pdf.trailer.get("/Info")
    if info is None:
        return {}
    return {str(k): str(v) for k, v in info.items()}


def claimed_standard(pdf) -> str | None:
    """'X-4' or 'X-1a' as the file claims it (Info or XMP), else None."""
    info = _info(pdf)
    xmp = xmp_text(pdf)
    version = info.get("/GTS_PDFXVersion", "") or (xmp_prop(xmp, "pdfxid:GTS_PDFXVersion") or "")
    conformance = info.get("/GTS_PDFXConformance", "")
    if version.startswith("PDF/X-4"):
        return "X-4"
    if conformance.startswith("PDF/X-1a") or version.startswith("PDF/X-1a"):
        return "X-1a"
    return None


def check_structure(pdf, rep, std: str, auto: bool) -> None:
    """Add the document-level findings to ``rep`` for standard ``std``.  A check
    that meets a malformed structure (a catalog entry of the wrong type, …) reports
    that as an error of its own instead of ending the preflight."""
    checks = [("pdfx", lambda: _version(pdf, rep, std, auto)), ("encryption", lambda: _encryption(pdf, rep)),
              ("output-intent", lambda: _output_intent(pdf, rep, std)), ("metadata", lambda: _metadata(pdf, rep, std)),
              ("boxes", lambda: _boxes(pdf, rep)), ("javascript", lambda: _javascript(pdf, rep)),
              ("actions", lambda: _actions(pdf, rep)), ("attachments", lambda: _attachments(pdf, rep)),
              ("damage", lambda: _damage(pdf, rep))]
    if std == "X-1a":
        checks.append(("transparency", lambda: _transparency(pdf, rep)))
    for name, check in checks:
        try:
            check()
        except MALFORMED as e:
            rep.add(name, ERROR, f"malformed structure: {type(e).__name__}: {str(e)[:200]}")


def _version(pdf, rep, std: str, auto: bool) -> None:
    info, xmp = _info(pdf), xmp_text(pdf)
    iv = info.get("/GTS_PDFXVersion")
    conf = info.get("/GTS_PDFXConformance")
    xv = xmp_prop(xmp, "pdfxid:GTS_PDFXVersion")
    ver = tuple(int(x) for x in pdf.pdf_version.split(".")[:2])
    keys = f"Info GTS_PDFXVersion={iv!r}" + (f" GTS_PDFXConformance={conf!r}" if conf else "") + \
           f", XMP pdfxid:GTS_PDFXVersion={xv!r}"
    if std == "none":
        rep.add("pdfx", ERROR, "not a PDF/X file (no GTS_PDFXVersion): the plant requires PDF/X-4 or X-1a",
                [keys])
        return
    if std == "X-4":
        good = (iv or "").startswith("PDF/X-4") and (xv or "").startswith("PDF/X-4")
        rep.add("pdfx", OK if good else ERROR,
                f"PDF/X-4 identification {'present' if good else 'missing or incomplete'}" +
                (" (detected)" if auto else ""), [keys])
        rep.add("pdf-version", OK if ver >= (1, 6) else ERROR, f"PDF {pdf.pdf_version} (PDF/X-4 needs >= 1.6)")
    else:
        good = (conf or iv or "").startswith("PDF/X-1a") and (iv or "").startswith("PDF/X-1")
        rep.add("pdfx", OK if good else ERROR,
                f"PDF/X-1a identification {'present' if good else 'missing or incomplete'}" +
                (" (detected)" if auto else ""), [keys])
        rep.add("pdf-version", OK if ver <= (1, 4) else ERROR, f"PDF {pdf.pdf_version} (PDF/X-1a needs <= 1.4)")


def _encryption(pdf, rep) -> None:
    rep.add("encryption", ERROR if pdf.is_encrypted else OK,
            "encrypted (forbidden in PDF/X)" if pdf.is_encrypted else "not encrypted")


def _output_intent(pdf, rep, std: str) -> None:
    intents = pdf.Root.get("/OutputIntents") or []
    gts = [oi for oi in intents if str(oi.get("/S")) == "/GTS_PDFX"]
    if not gts:
        rep.add("output-intent", ERROR, "no GTS_PDFX output intent: the press condition is unknown")
        return
    if len(gts) > 1:
        rep.add("output-intent", ERROR, f"{len(gts)} GTS_PDFX output intents (exactly one allowed)")
        return
    oi = gts[0]
    ident = str(oi.get("/OutputConditionIdentifier", ""))
    prof = oi.get("/DestOutputProfile")
    problems = []
    if not ident:
        problems.append("OutputConditionIdentifier missing")
    desc = "none embedded"
    if prof is not None:
        head = bytes(prof.read_bytes()[:132])
        space, cls = head[16:20].decode("latin1").strip(), head[12:16].decode("latin1")
        desc = f"{cls} {space} ICC v{head[8]}.{head[9] >> 4}"
        if space != "CMYK":
            problems.append(f"profile is {space}, the newspaper press needs CMYK")
        if std == "X-1a" and head[8] > 2:
            problems.append("PDF/X-1a:2001 needs an ICC v2 profile")
    elif std == "X-4" or str(oi.get("/RegistryName", "")) == "":
        problems.append("DestOutputProfile missing (required unless a registered condition is named)")
    rep.add("output-intent", ERROR if problems else OK,
            f"{ident or '?'}, profile {desc}" + (f": {'; '.join(problems)}" if problems else ""))


def _metadata(pdf, rep, std: str) -> None:
    info, xmp = _info(pdf), xmp_text(pdf)
    trapped = info.get("/Trapped")
    xtr = xmp_prop(xmp, "pdf:Trapped")
    bad_trapped = trapped not in ("/True", "/False") or (xtr is not None and f"/{xtr}" != trapped)
    rep.add("trapped", ERROR if bad_trapped else OK,
            f"Info /Trapped={trapped}, XMP pdf:Trapped={xtr}" +
            (" (must be True or False, and agree)" if bad_trapped else ""))
    missing = [k for k in ("/Title", "/CreationDate", "/ModDate") if not info.get(k, "").strip()]
    if "/ID" not in pdf.trailer:
        missing.append("trailer /ID")
    if std == "X-4" and not xmp:
        missing.append("XMP metadata")
    rep.add("metadata", ERROR if missing else OK,
            f"missing: {', '.join(m.lstrip('/') for m in missing)}" if missing else
            f"title {info.get('/Title')!r}, dates and ID present")


def _rect(a) -> tuple[float, float, float, float]:
    v = [float(x) for x in a]
    return (min(v[0], v[2]), min(v[1], v[3]), max(v[0], v[2]), max(v[1], v[3]))


def _inside(a, b, tol: float = 0.01) -> bool:
    return a[0] >= b[0] - tol and a[1] >= b[1] - tol and a[2] <= b[2] + tol and a[3] <= b[3] + tol


def _boxes(pdf, rep) -> None:
    bad, bleeds = [], []
    for i, page in enumerate(pdf.pages, start=1):
        media = _rect(page.mediabox)
        trim, bleed = page.obj.get("/TrimBox"), page.obj.get("/BleedBox")
        if trim is None:
            bad.append(f"p{i}: TrimBox missing")
            continue
        t = _rect(trim)
        b = _rect(bleed) if bleed is not None else None
        if b is None:
            bad.append(f"p{i}: BleedBox missing")
        elif not (_inside(t, b) and _inside(b, media)):
            bad.append(f"p{i}: TrimBox {t} / BleedBox {b} not nested in MediaBox {media}")
        else:
            bleeds.append(min(t[0] - b[0], t[1] - b[1], b[2] - t[2], b[3] - t[3]) / 72 * 25.4)
    if bad:
        rep.add("boxes", ERROR, f"{len(bad)} page(s) without valid TrimBox/BleedBox", bad)
    else:
        rep.add("boxes", OK, f"TrimBox in BleedBox in MediaBox on every page; bleed "
                f"{min(bleeds):.1f} mm" if bleeds else "no pages")


def _javascript(pdf, rep) -> None:

    found = []
    names = pdf.Root.get("/Names")
    if names is not None and "/JavaScript" in names:
        found.append("document JavaScript name tree")
    for obj in all_dicts(pdf):
        if str(obj.get("/S", "")) == "/JavaScript" or "/JS" in obj:
            where = f"object {obj.objgen[0]}" if obj.is_indirect else "direct object"
            found.append(f"JavaScript action ({where})")
    rep.add("javascript", ERROR if found else OK,
            f"{len(found)} JavaScript item(s): forbidden in PDF/X" if found else "none", found)


# actions a plate must not carry (ISO 15930: no actions that run, open or send
# anything; JavaScript is its own check above).  Named/GoTo (navigation) are allowed.
FORBIDDEN_ACTIONS = {"/Launch": "launches a program or opens a file", "/URI": "opens a web address",
                     "/SubmitForm": "sends form data", "/ImportData": "imports data from a file",
                     "/ResetForm": "changes form fields", "/GoToR": "opens another PDF",
                     "/GoToE": "opens an embedded PDF", "/Sound": "plays a sound", "/Movie": "plays a movie",
                     "/Rendition": "plays media", "/Hide": "hides annotations", "/SetOCGState": "switches layers"}


def _actions(pdf, rep) -> None:
    """Actions (``/S`` of an action dictionary) anywhere in the file; ``/OpenAction``
    and ``/AA`` (additional actions) named as such.  Forbidden in PDF/X."""
    found = []
    for obj in all_dicts(pdf):
        kind = str(obj.get("/S", ""))
        if kind in FORBIDDEN_ACTIONS and ("/Type" not in obj or str(obj.get("/Type")) == "/Action"):
            where = f"object {obj.objgen[0]}" if obj.is_indirect else "direct object"
            target = obj.get("/F", obj.get("/URI", ""))
            shown = f" {str(target)[:60]!r}" if target is not None and not hasattr(target, "keys") else ""
            found.append(f"{kind[1:]} action{shown} ({where}): {FORBIDDEN_ACTIONS[kind]}")
    opening = pdf.Root.get("/OpenAction")
    if hasattr(opening, "get") and str(opening.get("/S", "")) in FORBIDDEN_ACTIONS:
        found.insert(0, "the document runs an action when opened (/OpenAction)")
    rep.add("actions", ERROR if found else OK,
            f"{len(found)} action(s) that run, open or send something: forbidden in PDF/X" if found else "none",
            found)


def _attachments(pdf, rep) -> None:
    found = []
    names = pdf.Root.get("/Names")
    if names is not None and hasattr(names, "get") and "/EmbeddedFiles" in names:
        found.append("document attachments (/EmbeddedFiles name tree)")
    for obj in all_dicts(pdf):
        if str(obj.get("/Type", "")) == "/EmbeddedFile" or str(obj.get("/Subtype", "")) == "/FileAttachment":
            where = f"object {obj.objgen[0]}" if obj.is_indirect else "direct object"
            found.append(f"embedded file ({where})")
        elif str(obj.get("/Type", "")) == "/Filespec" and ("/EF" in obj):
            name = obj.get("/UF", obj.get("/F", ""))
            found.append(f"attached file {str(name)[:60]!r}")
    rep.add("attachments", ERROR if found else OK,
            f"{len(found)} embedded file(s): forbidden in PDF/X" if found else "none", found)


# qpdf's words for a file it had to rebuild: the cross-reference table was wrong
_REPAIRED = ("file is damaged", "reconstruct cross-reference", "xref not found", "xref table")


def _damage(pdf, rep) -> None:
    """qpdf's warnings while reading: a rebuilt cross-reference table is an error
    (the plant's RIP may read the file differently); other warnings are warnings."""
    from layout.check.pdfbounds import qpdf_text

    warnings = [qpdf_text(w) for w in pdf.get_warnings()]
    repaired = [w for w in warnings if any(k in w for k in _REPAIRED)]
    others = [w for w in warnings if w not in repaired]
    if repaired:
        rep.add("damage", ERROR, "the file is damaged: its cross-reference table had to be rebuilt",
                repaired)
    if others:
        rep.add("damage", WARN, f"{len(others)} warning(s) while reading the file", others)
    if not warnings:
        rep.add("damage", OK, "read without repairs")




def _transparency(pdf, rep) -> None:
    found = transparency_uses(pdf)
    rep.add("transparency", ERROR if found else OK,
            "transparency, forbidden in PDF/X-1a: " + ", ".join(sorted(found)) if found else "none")
