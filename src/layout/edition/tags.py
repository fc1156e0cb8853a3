"""A tagged PDF for an edition (ISO 32000-1 §14.7-14.8): a structure tree with one
article (/Art) per story in reading order, a continued story one article across
its pages, so archive search and screen readers read stories whole.

The renderer marks each line of copy as ``/P <</MCID n>> BDC ... EMC`` and says
which story it belongs to (``Rendered.marked``); furniture is an artifact and is
not in the tree.  A story is its page's (ids are unique on a page only); a
continuation's lines carry their article's key (``edition.jumps.article_key``).  Copy outside stories (the section name in a 报眉) becomes a /Sect
of its page.  Not for PDF/X-1a (PDF 1.3 has no structure trees).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from layout.edition.jumps import article_of


def add_structure(writer, pages: Sequence, marked: Sequence[Sequence[str | None]], lang: str = "zh-CN"
                  ) -> dict[str, Any]:
    """Write the structure tree into ``writer`` (a ``render.pdfjoin.Writer``) from
    the marked content of the pages (``pages[i]``: the page object's reference,
    ``marked[i][mcid]`` = story id or None) and return the catalog entries that
    point to it.  Each page ``i`` must carry ``/StructParents i``."""
    from layout.render.pdfjoin import Name, Raw

    root = writer.reserve()
    document = writer.reserve()
    elements: dict[str, Any] = {}  # key -> reference
    heads: dict[str, dict[str, Any]] = {}
    kids: dict[str, list] = {}
    order: list[str] = []
    nums: list = []
    for index, (page, ids) in enumerate(zip(pages, marked, strict=True)):
        parents = []
        keys: dict[str, tuple[str, str]] = {}  # story -> article, title (a story has thousands of marked lines)
        for mcid, story in enumerate(ids):
            if story is None:
                key, title = f"#page{index + 1}", f"page {index + 1}"
            else:
                got = keys.get(story)
                if got is None:
                    got = keys[story] = article_of(story, index)
                key, title = got
            elem = elements.get(key)
            if elem is None:
                elem = elements[key] = writer.reserve()
                heads[key] = {"Type": Name("StructElem"), "S": Name("Art" if story is not None else "Sect"),
                              "P": document, "T": title}
                kids[key] = []
                order.append(key)
            # a marked-content reference (§14.7.4.3), written as is: an edition has thousands
            kids[key].append(Raw(b"<< /Type /MCR /Pg %d 0 R /MCID %d >>" % (page.num, mcid)))
            parents.append(elem)
        nums += [index, writer.add(parents)]
    for key in order:
        writer.set(elements[key], {**heads[key], "K": kids[key]})
    writer.set(document, {"Type": Name("StructElem"), "S": Name("Document"), "P": root,
                          "K": [elements[k] for k in order]})
    writer.set(root, {"Type": Name("StructTreeRoot"), "K": document, "ParentTree": writer.add({"Nums": nums}),
                      "ParentTreeNextKey": len(marked)})
    return {"StructTreeRoot": root, "MarkInfo": {"Marked": True}, "Lang": lang}
