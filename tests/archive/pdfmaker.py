"""Test PDFs written straight with ReportLab (no layout engine): text runs drawn in
the order given, 40 characters a line, so the content stream holds exactly them."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfgen import canvas

from layout.fonts import default_fontset
from layout.render.pdffonts import register_face

PER_LINE = 40
SIZE = 9.0


def text_pdf(runs: list[str], path: Path, per_page: int = 80) -> Path:
    font = register_face(default_fontset().face("song"))
    c = canvas.Canvas(str(path), pagesize=(420, 842), invariant=1)
    c.setFont(font, SIZE)
    n = 0
    for run in runs:
        for k in range(0, len(run), PER_LINE):
            if n == per_page:
                c.showPage()
                c.setFont(font, SIZE)
                n = 0
            c.drawString(20, 820 - 10 * n, run[k:k + PER_LINE])
            n += 1
    c.showPage()
    c.save()
    return path
