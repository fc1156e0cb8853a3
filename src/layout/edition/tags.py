"""A tagged PDF for an edition (ISO 32000-1 §14.7-14.8): a structure tree with one
article (/Art) per story in reading order, a continued story one article across
its pages, so archive search and screen readers read stories whole.

The renderer marks each line of copy as ``/P <</MCID n>> BDC ... EMC`` and says
which story it belongs to (``Rendered.marked``); furniture is an artifact and is
not in the tree.  Copy outside stories (the section name in a 报眉) becomes a /Sect
of its page.  Not for PDF/X-1a (PDF 1.3 has no structure trees).
"""

from __future__ import annotations

from collections.abc import Sequence

from layout.edition.jumps import article_id


def add_structure(pdf, marked: Sequence[Sequence[str | None]], lang: str = "zh-CN") -> None:
    """Build the structure tree of the open pikepdf document ``pdf`` from the
    marked content of its pages (``marked[i][mcid]`` = story id or None)."""
    import pikepdf

    root = pdf.make_indirect(pikepdf.Dictionary({"/Type": pikepdf.Name.StructTreeRoot}))
    document = pdf.make_indirect(pikepdf.Dictionary({"/Type": pikepdf.Name.StructElem,
                                                     "/S": pikepdf.Name.Document, "/P": root}))
    elements: dict[str, pikepdf.Object] = {}
    kids: dict[str, list] = {}
    order: list[str] = []
    nums = []
    for index, (page, ids) in enumerate(zip(pdf.pages, marked, strict=True)):
        parents = []
        for mcid, story in enumerate(ids):
            key = article_id(story) if story is not None else f"#page{index + 1}"
            elem = elements.get(key)
            if elem is None:
                kind = pikepdf.Name.Art if story is not None else pikepdf.Name.Sect
                elem = elements[key] = pdf.make_indirect(pikepdf.Dictionary({
                    "/Type": pikepdf.Name.StructElem, "/S": kind, "/P": document,
                    "/T": pikepdf.String(key if story is not None else f"page {index + 1}")}))
                kids[key] = []
                order.append(key)
            kids[key].append(pikepdf.Dictionary({"/Type": pikepdf.Name.MCR, "/Pg": page.obj, "/MCID": mcid}))
            parents.append(elem)
        page.obj["/StructParents"] = index
        nums += [index, pdf.make_indirect(pikepdf.Array(parents))]
    for key in order:
        elements[key]["/K"] = pikepdf.Array(kids[key])
    document["/K"] = pikepdf.Array([elements[k] for k in order])
    root["/K"] = document
    root["/ParentTree"] = pdf.make_indirect(pikepdf.Dictionary({"/Nums": pikepdf.Array(nums)}))
    root["/ParentTreeNextKey"] = len(marked)
    pdf.Root["/StructTreeRoot"] = root
    pdf.Root["/MarkInfo"] = pikepdf.Dictionary({"/Marked": True})
    pdf.Root["/Lang"] = pikepdf.String(lang)
