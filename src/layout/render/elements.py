"""Drawing the items the content form and page items add: emphasis dots (着重号)
and PDF ads placed as forms.  Kept apart from ``render.page.draw_items``, which only
dispatches here, so the drawing of the older items stays as it was.
"""

from __future__ import annotations

from layout.place.items import DotsItem, FormItem, Problem


def draw_element(c, it: DotsItem | FormItem) -> list[Problem]:
    if isinstance(it, DotsItem):
        draw_dots(c, it)
        return []
    return draw_form(c, it)


def draw_dots(c, it: DotsItem) -> None:
    """着重号: filled round dots (vector, no text: the copy is unchanged)."""
    c.setFillColorCMYK(*it.color)
    for x in it.xs:
        c.circle(x, it.y, it.radius, stroke=0, fill=1)


def draw_form(c, it: FormItem) -> list[Problem]:
    """The ad's first page scaled to fit ``it.rect`` (centred, proportions kept),
    inside ``/Artifact`` marked content: the ad's words are not the paper's copy, so
    text extraction for verification leaves them out (PDF 1.7 §14.8.2.2)."""
    from layout.render.pdfforms import import_first_page

    form = import_first_page(c, it.path)
    x0, y0, x1, y1 = form.bbox
    w, h = x1 - x0, y1 - y0
    r = it.rect
    scale = min(r.width / w, r.height / h)
    dx, dy = r.x0 + (r.width - w * scale) / 2, r.y0 + (r.height - h * scale) / 2
    c.saveState()
    c._code.append("/Artifact BMC")
    c.transform(scale, 0, 0, scale, dx - x0 * scale, dy - y0 * scale)
    c.doForm(form.name)
    c._code.append("EMC")
    c.restoreState()
    return []
