"""Joining plates into an edition without qpdf (render.pdfjoin): every page's
objects copied byte for byte, the document objects new, the same bytes twice."""

from __future__ import annotations

import datetime
import io

import pikepdf
import pytest
from pdfx_render_helpers import print_page

from layout.edition.output import join_pages
from layout.render.pdfjoin import Name, Part, PdfJoinError, Ref, parse_object, refs_in, serialize
from layout.render.pdfxwrite import PdfxDocument

DATE = datetime.date(2020, 8, 10)


@pytest.fixture(scope="module")
def plates() -> list[bytes]:
    return [print_page(text=f"第{n}版", with_image=n == 2, pdfx=PdfxDocument(f"plate {n}")) for n in (1, 2, 3)]


def _streams(doc: pikepdf.Pdf, page: pikepdf.Page) -> list[bytes]:
    """The raw (still encoded) bytes of the page's content and of every stream its resources reach."""
    out = [page.obj.Contents.read_raw_bytes()]
    res = page.obj.Resources
    for kind in ("/Font", "/XObject"):
        for _, obj in sorted(res.get(kind, {}).items()):
            if isinstance(obj, pikepdf.Stream):
                out.append(obj.read_raw_bytes())
            else:
                out.append(repr(sorted(obj.keys())).encode())
    return out


def test_pages_copied_byte_for_byte(plates):
    joined = join_pages(plates, None, standard="X-4", title="开发区报 2020年8月10日", date=DATE)
    with pikepdf.open(io.BytesIO(joined)) as doc:
        assert len(doc.pages) == 3
        for n, data in enumerate(plates):
            with pikepdf.open(io.BytesIO(data)) as part:
                assert _streams(doc, doc.pages[n]) == _streams(part, part.pages[0])
                for box in ("/MediaBox", "/TrimBox", "/BleedBox"):
                    assert list(doc.pages[n].obj[box]) == list(part.pages[0].obj[box])
        assert str(doc.docinfo["/Title"]) == "开发区报 2020年8月10日"
        assert str(doc.docinfo["/GTS_PDFXVersion"]) == "PDF/X-4"
        assert "开发区报" in doc.Root.Metadata.read_bytes().decode("utf-8")
        assert len(doc.Root.OutputIntents) == 1
        assert doc.Root.OutputIntents[0].DestOutputProfile.read_bytes()[36:40] == b"acsp"  # an ICC profile
        assert doc.trailer.ID[0] == doc.trailer.ID[1]


def test_same_parts_same_bytes_and_tags(plates):
    from layout.edition.jumps import article_key

    # story a of page 1 continued on page 2 (its lines named by the article), b on page 3
    marked = [["a", None], [article_key("a", 0)], ["b", "b"]]
    one = join_pages(plates, marked, standard="X-4", title="t", date=DATE)
    assert one == join_pages(plates, marked, standard="X-4", title="t", date=DATE)
    assert one != join_pages(plates, marked, standard="X-4", title="u", date=DATE)  # the id hashes the title
    with pikepdf.open(io.BytesIO(one)) as doc:
        root = doc.Root.StructTreeRoot
        arts = [e for e in root.K.K if e.S == "/Art"]
        assert [str(e.T) for e in arts] == ["a", "b"]
        assert [doc.pages.index(pikepdf.Page(m.Pg)) for m in arts[0].K] == [0, 1]  # one article across pages
        assert [int(doc.pages[i].obj.StructParents) for i in range(3)] == [0, 1, 2]
        assert len(root.ParentTree.Nums) == 6


def test_plain_pdf_keeps_its_info_with_the_title():
    parts = [print_page(with_image=False), print_page(with_image=False, text="二")]
    joined = join_pages(parts, None, standard=None, title="样张", date=None)
    with pikepdf.open(io.BytesIO(joined)) as doc:
        assert len(doc.pages) == 2 and str(doc.docinfo["/Title"]) == "样张"
        assert "/Metadata" not in doc.Root and "/OutputIntents" not in doc.Root
        assert joined.startswith(b"%PDF-1.")


def test_parser_strings_and_references():
    text = rb"<< /T (a \(1 0 R\) (nested 2 0 R) \101\n) /H <feff4e00> /K [ 3 0 R 4 0 R ] /N /A#20B /F 1.5 /B true >>"
    value, end = parse_object(text)
    assert end == len(text)
    assert value == {"T": b"a (1 0 R) (nested 2 0 R) A\n", "H": b"\xfe\xff\x4e\x00", "K": [Ref(3), Ref(4)],
                     "N": "A B", "F": 1.5, "B": True}
    assert refs_in(rb"<< /T (x 9 0 R) /K [ 3 0 R ] /P 12 0 R >>") == [3, 12]  # not inside a string
    again, _ = parse_object(serialize(value))
    assert again == value and isinstance(again["N"], Name)
    assert serialize({"T": "开发区"}) == b"<< /T <feff5f0053d1533a> >>"


def test_not_a_file_of_ours():
    with pikepdf.new() as pdf:
        pdf.add_blank_page()
        buf = io.BytesIO()
        pdf.save(buf, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    with pytest.raises(PdfJoinError):
        Part(buf.getvalue()).page()
