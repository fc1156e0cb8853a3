"""Test PDFs written without the layout engine's placement: text runs drawn in the
order given, 40 characters a line, so the content stream holds exactly them."""

from __future__ import annotations

from pathlib import Path

from layout.fonts import default_fontset
from layout.render.canvas import new_canvas
from layout.render.text import draw_text

PER_LINE = 40
SIZE = 9.0


def text_pdf(runs: list[str], path: Path, per_page: int = 80) -> Path:
    fonts = default_fontset()
    c = new_canvas(str(path), (420, 842))
    n = 0
    for run in runs:
        for k in range(0, len(run), PER_LINE):
            if n == per_page:
                c.showPage()
                n = 0
            draw_text(c, run[k:k + PER_LINE], 20, 820 - 10 * n, fonts, "song", SIZE)
            n += 1
    c.showPage()
    c.save()
    return path
