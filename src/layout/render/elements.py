"""Display records of the items the content form and page items add: emphasis dots
(着重号) and PDF ads placed whole.  Kept apart from ``render.drawing.content_items``,
which only dispatches here.
"""

from __future__ import annotations

from layout.place.items import DotsItem, FormItem
from layout.render.display import BLACK, Dots, Form


def element_record(it: DotsItem | FormItem) -> Dots | Form:
    if isinstance(it, DotsItem):
        return Dots(it.xs, it.y, it.radius, it.color, overprint=tuple(it.color) == BLACK, story=it.story)
    return form_record(it)


def form_record(it: FormItem) -> Form:
    """The ad's page (``it.size``: its trim box) scaled to fit ``it.rect``, centred,
    proportions kept."""
    w, h = it.size
    r = it.rect
    scale = min(r.width / w, r.height / h)
    return Form(it.path, r.x0 + (r.width - w * scale) / 2, r.y0 + (r.height - h * scale) / 2, scale)
