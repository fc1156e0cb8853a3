"""Turn a rendered PDF into PDF/X-4 (default) or PDF/X-1a:2001 for the printing plant.

Why post-processing: ReportLab writes CMYK, page boxes and overprint but not the
PDF/X identification (issue 5).  pikepdf (qpdf) adds what ISO 15930 asks of the
document as a whole, and refuses what it forbids:

- one OutputIntent /S /GTS_PDFX with an embedded CMYK DestOutputProfile, its
  OutputConditionIdentifier, RegistryName and Info (15930-7 6.2.4);
- GTS_PDFXVersion in Info, and for X-4 pdfxid:GTS_PDFXVersion plus the xmpMM ids in
  the XMP packet (6.7); X-1a:2001 also GTS_PDFXConformance;
- Title, CreationDate, ModDate, Trapped (True/False, never Unknown) in Info and XMP,
  consistent with each other; trailer /ID;
- TrimBox and BleedBox on every page, nested in the MediaBox;
- PDF >= 1.6 for X-4; PDF 1.3 and no transparency for X-1a:2001; no encryption,
  no JavaScript.

Deterministic: dates come from the caller (default ``DEFAULT_DATE``, never the
clock unless ``date='now'``), the XMP ids and the trailer /ID are hashes of the
content, and pikepdf writes without object streams in a fixed order.
"""

from __future__ import annotations

import hashlib
import io
from datetime import UTC, datetime
from pathlib import Path

from layout.errors import LayoutError
from layout.records import record
from layout.render.images import default_output_profile

STANDARDS = ("X-4", "X-1a")
# Info GTS_PDFXVersion per standard; X-1a:2001 names its family in the version key
# and the conformance level in GTS_PDFXConformance (ISO 15930-1 6.2.2).
PDFX_VERSION = {"X-4": "PDF/X-4", "X-1a": "PDF/X-1:2001"}
PDFX_CONFORMANCE = {"X-1a": "PDF/X-1a:2001"}
PDF_VERSION = {"X-4": "1.6", "X-1a": "1.3"}
# A fixed date keeps two renders of one page byte-identical; pass the issue date.
DEFAULT_DATE = datetime(2000, 1, 1, tzinfo=UTC)
# The registered printing condition our bundled profile approximates (ICC registry):
# coldset offset on newsprint, ISO 12647-3:2013.  A plant's RIP may use its own
# profile for this identifier; DeviceCMYK prints as is either way.
DEFAULT_CONDITION_ID = "IFRA26"
DEFAULT_CONDITION = "Coldset offset on newsprint (ISO 12647-3:2013), total ink 240 %"
REGISTRY = "http://www.color.org"
PRODUCER = "layout (ReportLab, pikepdf)"


@record
class OutputIntent:
    """What the plant prints on: identifier, human description and ICC profile."""

    profile_path: Path
    condition_identifier: str = DEFAULT_CONDITION_ID
    condition: str = DEFAULT_CONDITION
    registry_name: str = REGISTRY
    info: str | None = None  # defaults to the profile's description


def make_pdfx(pdf_bytes: bytes, *, standard: str = "X-4", title: str,
              output_profile_path: str | Path | None = None,
              output_condition_identifier: str | None = None,
              output_condition: str | None = None, registry_name: str = REGISTRY,
              trapped: bool = False, date: datetime | str | None = None,
              author: str | None = None, subject: str | None = None,
              creator: str = "layout") -> bytes:
    """Return ``pdf_bytes`` as a PDF/X file (``standard`` 'X-4' or 'X-1a').

    Raises ValueError when the input cannot become PDF/X (a page without TrimBox or
    BleedBox, transparency for X-1a, encryption): those are renderer bugs, not
    user errors.  A custom profile must be a CMYK output ('prtr') profile."""
    import pikepdf

    if standard not in STANDARDS:
        raise ValueError(f"standard must be one of {STANDARDS}, got {standard!r}")
    intent, profile = output_intent(title, output_profile_path, output_condition_identifier,
                                    output_condition, registry_name)
    when = resolve_date(date)
    try:
        pdf = pikepdf.open(io.BytesIO(pdf_bytes))
    except pikepdf.PasswordError:
        raise ValueError("encrypted PDF cannot become PDF/X") from None
    with pdf:
        if pdf.is_encrypted:
            raise ValueError("encrypted PDF cannot become PDF/X")
        _check_boxes(pdf)
        _strip_javascript(pdf)
        _strip_ascii_filters(pdf)
        if standard == "X-1a":
            _check_no_transparency(pdf)
        _set_output_intent(pdf, intent, profile)
        digest = hashlib.sha256(pdf_bytes + repr((standard, title, intent, trapped, when)).encode()).digest()
        _set_info(pdf, info_entries(standard, title, trapped, when, author, subject, creator, PRODUCER))
        if standard == "X-4":  # PDF 1.3 (X-1a:2001) has no metadata streams; Info carries it all
            _set_xmp(pdf, xmp_packet(title, trapped, when, author, subject, creator, PRODUCER,
                                     format_uuid(digest[:16]), format_uuid(digest[16:32])))
        elif "/Metadata" in pdf.Root:
            del pdf.Root["/Metadata"]
        out = io.BytesIO()
        pdf.save(out, force_version=PDF_VERSION[standard],
                 deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.disable,
                 compress_streams=True, stream_decode_level=pikepdf.StreamDecodeLevel.none,
                 linearize=False, qdf=False, fix_metadata_version=False)
    return out.getvalue()


def output_intent(title: str, output_profile_path: str | Path | None = None,
                  output_condition_identifier: str | None = None, output_condition: str | None = None,
                  registry_name: str = REGISTRY) -> tuple[OutputIntent, bytes]:
    """The output intent and its ICC profile's bytes (the bundled newsprint profile
    unless a CMYK output profile is given; a custom profile names the condition
    after its own description).  ValueError for an empty title (PDF/X needs one)."""
    if not title.strip():
        raise ValueError("PDF/X needs a document title")
    profile_path = Path(output_profile_path) if output_profile_path else default_output_profile()
    custom = output_profile_path is not None
    # LittleCMS opens a plant's profile before anything is drawn with it; the bundled
    # one ships with us (tests/render/test_pdfx.py opens it): not opened in every
    # process (importing ImageCms and parsing the profile, ~4 ms)
    profile = _read_profile(profile_path, opens=custom)
    intent = OutputIntent(profile_path,
                          output_condition_identifier or (_icc_description(profile) if custom else DEFAULT_CONDITION_ID),
                          output_condition or (_icc_description(profile) if custom else DEFAULT_CONDITION),
                          registry_name, _icc_description(profile))
    return intent, profile


def resolve_date(date: datetime | str | None) -> datetime:
    """The document date: the caller's (ISO 8601 string or datetime, UTC when it has
    no zone), 'now', or ``DEFAULT_DATE``; whole seconds."""
    if date is None:
        return DEFAULT_DATE
    if date == "now":
        return datetime.now(UTC).replace(microsecond=0)
    if isinstance(date, str):
        try:
            date = datetime.fromisoformat(date)
        except ValueError:
            raise LayoutError(f"bad date {date!r}", hint="use ISO 8601, e.g. 2024-05-01 or 2024-05-01T06:00+08:00") from None
    if date.tzinfo is None:
        date = date.replace(tzinfo=UTC)
    return date.replace(microsecond=0)


MAX_PROFILE_BYTES = 16 * 1024 * 1024  # ICC output profiles are 0.5-4 MB


def check_output_profile(path: str | Path) -> bytes:
    """The bytes of a plant's output profile; LayoutError (exit 2) unless it is a CMYK
    output (prtr) ICC profile.  Checked before anything is drawn with it."""
    return _read_profile(Path(path))


def _read_profile(path: Path, opens: bool = True) -> bytes:
    from layout.files import read_input

    data = read_input(path, "output profile", MAX_PROFILE_BYTES)
    if len(data) < 132 or data[36:40] != b"acsp":
        raise LayoutError(f"{path} is not an ICC profile")
    if data[16:20] != b"CMYK" or data[12:16] != b"prtr":
        raise LayoutError(f"{path} is a {data[12:16].decode('latin1')} {data[16:20].decode('latin1').strip()} "
                          "profile; PDF/X for a newspaper needs a CMYK output (prtr) profile")
    declared = int.from_bytes(data[:4], "big")
    if declared != len(data):
        raise LayoutError(f"output profile {path} is damaged: its header says {declared} bytes, the file has "
                          f"{len(data)}", hint="copy the profile again from the plant")
    if opens:
        _check_opens(data, path)
    return data


def _check_opens(data: bytes, path: Path) -> None:
    """LittleCMS must be able to open the profile (it separates every photo with it)."""
    import io

    from PIL import ImageCms

    try:
        ImageCms.ImageCmsProfile(io.BytesIO(data))
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError) as e:
        raise LayoutError(f"output profile {path} cannot be opened: {e}",
                          hint="copy the profile again from the plant") from None


def _icc_description(data: bytes) -> str:
    """The profile's description tag ('desc' v2 or 'mluc' v4)."""
    n = int.from_bytes(data[128:132], "big")
    for i in range(min(n, 200)):
        o = 132 + 12 * i
        sig, off, size = data[o:o + 4], int.from_bytes(data[o + 4:o + 8], "big"), int.from_bytes(data[o + 8:o + 12], "big")
        if sig != b"desc":
            continue
        tag = data[off:off + size]
        if tag[:4] == b"desc":
            ln = int.from_bytes(tag[8:12], "big")
            return tag[12:12 + ln].rstrip(b"\0").decode("latin1")
        if tag[:4] == b"mluc":
            rl, ro = int.from_bytes(tag[20:24], "big"), int.from_bytes(tag[24:28], "big")
            return tag[ro:ro + rl].decode("utf-16-be", "replace")
    return "CMYK output profile"


def _rect(a) -> tuple[float, float, float, float]:
    v = [float(x) for x in a]
    return (min(v[0], v[2]), min(v[1], v[3]), max(v[0], v[2]), max(v[1], v[3]))


def _inside(a, b, tol: float = 0.01) -> bool:
    return a[0] >= b[0] - tol and a[1] >= b[1] - tol and a[2] <= b[2] + tol and a[3] <= b[3] + tol


def _check_boxes(pdf) -> None:
    """Every page needs TrimBox and BleedBox, TrimBox in BleedBox in MediaBox."""
    bad = []
    for i, page in enumerate(pdf.pages, start=1):
        media = _rect(page.mediabox)
        trim, bleed = page.obj.get("/TrimBox"), page.obj.get("/BleedBox")
        if trim is None or bleed is None:
            bad.append(f"page {i}: {'TrimBox' if trim is None else 'BleedBox'} missing")
        elif not (_inside(_rect(trim), _rect(bleed)) and _inside(_rect(bleed), media)):
            bad.append(f"page {i}: TrimBox {_rect(trim)} / BleedBox {_rect(bleed)} not nested in MediaBox {media}")
    if bad:
        raise ValueError("cannot make PDF/X: " + "; ".join(bad[:5]))


def _strip_javascript(pdf) -> None:
    """PDF/X forbids JavaScript and actions; remove document-level ones."""
    import pikepdf

    names = pdf.Root.get("/Names")
    if names is not None and "/JavaScript" in names:
        del names["/JavaScript"]
    for key in ("/OpenAction", "/AA"):
        if key in pdf.Root:
            del pdf.Root[key]
    for page in pdf.pages:
        if "/AA" in page.obj:
            del page.obj["/AA"]
        for annot in page.obj.get("/Annots", pikepdf.Array()):
            for key in ("/A", "/AA"):
                if isinstance(annot, pikepdf.Dictionary) and key in annot:
                    del annot[key]


def _strip_ascii_filters(pdf) -> None:
    """Undo a leading ASCII85/ASCIIHex filter (ReportLab's default for images): it
    adds 25 % to every photo and qpdf will not remove it in front of DCTDecode."""
    import pikepdf

    from layout.pdfread import decode_general

    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Stream):
            continue
        f = obj.get("/Filter")
        if not isinstance(f, pikepdf.Array) or len(f) < 2 or str(f[0]) not in ("/ASCII85Decode", "/A85",
                                                                                  "/ASCIIHexDecode", "/AHx"):
            continue
        data = decode_general(str(f[0]), bytes(obj.read_raw_bytes()))
        if data is None:
            continue
        rest = [pikepdf.Name(str(x)) for x in list(f)[1:]]
        parms = obj.get("/DecodeParms")
        rest_parms = list(parms)[1:] if isinstance(parms, pikepdf.Array) else None
        obj.write(data, filter=rest if len(rest) > 1 else rest[0],
                  decode_parms=(rest_parms if len(rest) > 1 else rest_parms[0]) if rest_parms else None)


def _check_no_transparency(pdf) -> None:
    """PDF/X-1a (PDF 1.3) has no transparency: no soft masks, alpha or blend modes."""
    from layout.pdfread import transparency_uses

    found = transparency_uses(pdf)
    if found:
        raise ValueError("PDF/X-1a allows no transparency: " + ", ".join(sorted(found)))


def _set_output_intent(pdf, intent: OutputIntent, profile: bytes) -> None:
    import pikepdf

    stream = pikepdf.Stream(pdf, profile)
    stream["/N"] = 4  # qpdf Flate-compresses it on save (compress_streams)
    oi = pikepdf.Dictionary({
        "/Type": pikepdf.Name.OutputIntent,
        "/S": pikepdf.Name.GTS_PDFX,
        "/OutputConditionIdentifier": pikepdf.String(intent.condition_identifier),
        "/OutputCondition": pikepdf.String(intent.condition),
        "/RegistryName": pikepdf.String(intent.registry_name),
        "/Info": pikepdf.String(intent.info or intent.condition),
        "/DestOutputProfile": pdf.make_indirect(stream),
    })
    pdf.Root["/OutputIntents"] = pikepdf.Array([pdf.make_indirect(oi)])


def _pdf_date(when: datetime) -> str:
    off = when.utcoffset()
    if not off:
        return when.strftime("D:%Y%m%d%H%M%SZ")
    minutes = int(off.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return when.strftime("D:%Y%m%d%H%M%S") + f"{sign}{abs(minutes) // 60:02d}'{abs(minutes) % 60:02d}'"


def _xmp_date(when: datetime) -> str:
    return when.isoformat().replace("+00:00", "Z")


def info_entries(standard: str, title: str, trapped: bool, when: datetime, author: str | None,
                 subject: str | None, creator: str, producer: str) -> dict[str, str]:
    """The Info dictionary of a PDF/X file, key -> text (``Trapped`` is a name,
    'True' or 'False'; the rest are strings)."""
    info = {
        "Title": title,
        "Creator": creator,
        "Producer": producer,
        "CreationDate": _pdf_date(when),
        "ModDate": _pdf_date(when),
        "Trapped": "True" if trapped else "False",
        "GTS_PDFXVersion": PDFX_VERSION[standard],
    }
    if standard in PDFX_CONFORMANCE:
        info["GTS_PDFXConformance"] = PDFX_CONFORMANCE[standard]
    if author:
        info["Author"] = author
    if subject:
        info["Subject"] = subject
    return info


def _set_info(pdf, entries: dict[str, str]) -> None:
    import pikepdf

    info = pikepdf.Dictionary({f"/{k}": pikepdf.Name(f"/{v}") if k == "Trapped" else pikepdf.String(v)
                               for k, v in entries.items()})
    pdf.trailer["/Info"] = pdf.make_indirect(info)


_XMP = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
{creator_xml}{subject_xml}   <xmp:CreateDate>{date}</xmp:CreateDate>
   <xmp:ModifyDate>{date}</xmp:ModifyDate>
   <xmp:MetadataDate>{date}</xmp:MetadataDate>
   <xmp:CreatorTool>{creator}</xmp:CreatorTool>
   <pdf:Producer>{producer}</pdf:Producer>
   <pdf:Trapped>{trapped}</pdf:Trapped>
   <xmpMM:DocumentID>uuid:{doc_id}</xmpMM:DocumentID>
   <xmpMM:InstanceID>uuid:{instance_id}</xmpMM:InstanceID>
   <xmpMM:VersionID>1</xmpMM:VersionID>
   <xmpMM:RenditionClass>default</xmpMM:RenditionClass>
{pdfx_xml}  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
{padding}
<?xpacket end="w"?>"""


def xml_escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as XML entities (all an XMP text node needs; what
    xml.sax.saxutils.escape does, without importing the XML package)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def format_uuid(b: bytes) -> str:
    """16 bytes as a version-4 UUID string (what ``uuid.UUID(bytes=b, version=4)``
    prints: version and variant bits set)."""
    n = int.from_bytes(b[:16], "big")
    n = (n & ~(0xC000 << 48)) | (0x8000 << 48)  # variant RFC 4122
    n = (n & ~(0xF000 << 64)) | (4 << 76)  # version 4
    h = f"{n:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def xmp_packet(title: str, trapped: bool, when: datetime, author: str | None, subject: str | None,
               creator: str, producer: str, doc_id: str, instance_id: str) -> str:
    """The PDF/X-4 XMP packet matching the Info dictionary (X-4 requires them
    equivalent), with the xmpMM document and instance ids (UUIDs)."""
    pdfx = f"   <pdfxid:GTS_PDFXVersion>{PDFX_VERSION['X-4']}</pdfxid:GTS_PDFXVersion>\n"
    return _XMP.format(
        title=xml_escape(title), date=_xmp_date(when), creator=xml_escape(creator), producer=xml_escape(producer),
        trapped="True" if trapped else "False",
        doc_id=doc_id, instance_id=instance_id,
        creator_xml=(f"   <dc:creator><rdf:Seq><rdf:li>{xml_escape(author)}</rdf:li></rdf:Seq></dc:creator>\n"
                     if author else ""),
        subject_xml=(f"   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{xml_escape(subject)}</rdf:li>"
                     "</rdf:Alt></dc:description>\n" if subject else ""),
        pdfx_xml=pdfx, padding=(" " * 99 + "\n") * 20)


def _set_xmp(pdf, xml: str) -> None:
    import pikepdf

    meta = pikepdf.Stream(pdf, xml.encode("utf-8"))
    meta["/Type"] = pikepdf.Name.Metadata
    meta["/Subtype"] = pikepdf.Name.XML
    pdf.Root["/Metadata"] = pdf.make_indirect(meta)


def set_document(pdf, *, standard: str | None, title: str, date: datetime | str | None, digest: bytes,
                 trapped: bool = False, creator: str = "layout") -> None:
    """Give an open pikepdf document the Info (and for X-4 the XMP) that
    ``make_pdfx`` writes, with ``title``: pages rendered apart and joined into one
    file (``layout.edition``) take the document's title.  ``standard`` None: a
    plain PDF, Title only.  ``digest``: 32+ bytes the XMP ids come from."""
    import pikepdf

    if standard is None:
        info = pdf.trailer.get("/Info")
        if info is not None:
            info["/Title"] = pikepdf.String(title)
        return
    when = resolve_date(date)
    _set_info(pdf, info_entries(standard, title, trapped, when, None, None, creator, PRODUCER))
    if standard == "X-4":
        _set_xmp(pdf, xmp_packet(title, trapped, when, None, None, creator, PRODUCER,
                                 format_uuid(digest[:16]), format_uuid(digest[16:32])))
