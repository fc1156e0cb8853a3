"""Drawing makes a display list of neutral records; the PDF backend is the only painter.

Checked: the drawing modules import neither ReportLab nor the PDF backend (a second
backend reads the same records); the records carry what a backend needs (glyph
positions, colours, overprint, crops, marks, the proof overlay)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from layout import pipeline
from layout.render.display import Box, CropMark, Picture, RegistrationTarget, Rule, TextRun
from layout.render.drawing import PageSetup, display_pages

RENDER = Path(__file__).resolve().parents[2] / "src" / "layout" / "render"
DRAWING = ("display.py", "drawing.py", "proof.py")
BACKEND = {"pdfbackend", "text", "canvas", "cidfonts", "pdfxwrite", "pdfx", "rlprivate", "imagecache", "truetype"}
SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "kaifaqu-news.yaml"


@pytest.mark.parametrize("name", DRAWING)
def test_drawing_imports_no_painter(name):
    tree = ast.parse((RENDER / name).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        mods = [a.name for a in node.names] if isinstance(node, ast.Import) else (
            [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
        for mod in mods:
            assert not mod.startswith("reportlab"), f"{name}:{node.lineno} imports {mod}"
            assert mod.rpartition(".")[2] not in BACKEND or not mod.startswith("layout.render"), \
                f"{name}:{node.lineno} imports the backend module {mod}"


@pytest.fixture(scope="module")
def placed():
    pages, fonts = pipeline.place(pipeline.load([SAMPLE]))
    return pages, fonts


def test_records_carry_the_page(placed):
    pages, fonts = placed
    (page,) = display_pages(pages, fonts, PageSetup(marks=True))
    runs = [it for it in page.content if isinstance(it, TextRun)]
    assert sum(len(r.glyphs.chars) for r in runs) == sum(
        len(it.line.chars) for it in pages[0].items if hasattr(it, "line"))
    assert all(r.overprint for r in runs if r.color == (0.0, 0.0, 0.0, 1.0))  # 100 % K text overprints
    pictures = [it for it in page.content if isinstance(it, Picture)]
    assert pictures and all(not p.overprint for p in pictures)
    assert any(isinstance(it, Rule) for it in page.content) and any(isinstance(it, Box) for it in page.content)
    assert sum(isinstance(m, CropMark) for m in page.marks) == 8
    assert sum(isinstance(m, RegistrationTarget) for m in page.marks) == 4
    assert page.fonts is fonts[0] and page.overlay == ()
    assert {r.story for r in runs} == {None} | {s.id for s in pages[0].stories}  # None: the header
    assert {"headline", "body", "caption", "header"} <= {r.kind for r in runs}


def test_proof_overlay_is_records(placed):
    from layout.render.proof import SLUG, ProofOverlay

    pages, fonts = placed
    (page,) = display_pages(pages, fonts, PageSetup(slug=SLUG), ProofOverlay("x.yaml"))
    labels = ["".join(it.glyphs.chars) for it in page.overlay if isinstance(it, TextRun)]
    assert all(s.id in labels for s in pages[0].stories)  # every story's id on its frame
    assert any(text.startswith("kaifaqu-news.yaml  page 1  stories:") for text in labels)  # the slug line
    assert all(it.spaces for it in page.overlay if isinstance(it, TextRun))
    geo = pages[0].geometry
    grid = [it for it in page.overlay if isinstance(it, Rule)]
    assert len(grid) == geo.rows  # one light line per baseline
