"""Checks every automatic page must pass, read from the placed pages (not from
the search's own model)."""

from __future__ import annotations

from pathlib import Path

import pytest

from layout.autolayout import AutoLayout
from layout.autolayout.content import base_id, is_continuation
from layout.model.types import Story
from layout.place.items import TextItem


def assert_invariants(result: AutoLayout, stories: list[Story]) -> None:
    """No overlap, no overflow, no hole, inside the grid, reading order and rank
    kept, every page but the last filled to its last row by some story, and every
    paragraph set exactly once.  (How full a page is, is a metric, not an
    invariant: see benchmarks/autolayout.py.)"""
    for layout, placed, metrics in zip(result.layouts, result.placed, result.metrics.pages, strict=True):
        geo = placed.geometry
        for s in layout.stories:
            assert 1 <= s.columns.first <= s.columns.last <= geo.columns, s.id
            assert 1 <= s.rows.first <= s.rows.last <= geo.rows, s.id
        for i, a in enumerate(layout.stories):
            for b in layout.stories[i + 1:]:
                assert not (a.columns.overlap(b.columns) and a.rows.overlap(b.rows)), (a.id, b.id)
        assert all(r.lines_over == 0 for r in placed.stories)
        assert metrics.overflow_lines == 0 and metrics.overlaps == 0
        assert metrics.holes == 0, metrics.problems
        assert metrics.order_violations == 0
        assert metrics.rank_violations == 0
    for layout in result.layouts:
        # the stories tile a rectangle: every column reaches the same last row
        bottom = max(s.rows.last for s in layout.stories)
        for c in range(1, layout.geometry().columns + 1):
            assert max(s.rows.last for s in layout.stories if c in s.columns) == bottom
    assert_text_kept(result, stories)


def assert_text_kept(result: AutoLayout, stories: list[Story]) -> None:
    """The parts of every story, in page order, hold its paragraphs exactly."""
    parts: dict[str, list[Story]] = {}
    for page in result.pages:
        for s in page:
            parts.setdefault(base_id(s.id), []).append(s)
    assert list(parts) == [s.id for s in stories]  # reading order across pages
    for original in stories:
        got = "".join("".join(p.paragraphs) for p in parts[original.id])
        assert got == "".join(original.paragraphs), original.id
        # the headline group once; a continuation repeats the headline only as its 接题
        assert sum(1 for p in parts[original.id] if p.headline and not is_continuation(p)) == \
            (1 if original.headline else 0)
        assert all(p.headline in ((), ("".join(original.headline),)) for p in parts[original.id][1:])


def page_text(result: AutoLayout) -> str:
    return "".join(it.line.text for placed in result.placed for it in placed.items if isinstance(it, TextItem))


def pdfcheck_script() -> Path:
    """../shared/tools/pdfcheck.py above the checkout (the page checker the tests
    read real PDFs back with); the test is skipped where it is not there."""
    found = next((p / "shared" / "tools" / "pdfcheck.py" for p in Path(__file__).resolve().parents
                  if (p / "shared" / "tools" / "pdfcheck.py").exists()), None)
    if found is None:
        pytest.skip("../shared/tools/pdfcheck.py not found above the checkout")
    return found


def long_archive_laid_out(seed: int, template: str, fit: tuple[float, float], folder: Path):
    """rawgen's long archive ``seed`` reprinted on ``template`` at body ``fit``
    (size pt, leading as a multiple), as ``layout reprint`` lays it out: the
    AutoLayout and its fonts (tests that read the engine's page against pdfcheck's)."""
    import sys

    from layout.archive.import_page import import_archive
    from layout.autolayout import auto_layout
    from layout.autolayout.archive import archive_header
    from layout.autolayout.content import stories_from_archive
    from layout.autolayout.template import BodyFit, loosened

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "archive"))
    from rawgen import generate

    path = folder / f"long-{seed:03d}.txt"
    path.write_text(generate(seed, long=True).text, encoding="utf-8")
    imported = import_archive(path)
    tpl = loosened(template, BodyFit(*fit))
    fonts = tpl.fonts.fontset()
    return auto_layout(stories_from_archive(imported.page), tpl, fonts,
                       header=archive_header(imported.yaml_text)), fonts


def checker_fills(result, folder: Path, *extra: str) -> list[dict]:
    """``result``'s pages printed (no PDF/X) and read back by pdfcheck: each page's
    ``fill`` report (holes, the largest, down to the page's foot)."""
    import json
    import subprocess
    import sys

    from layout import pipeline
    from layout.render.output import OutputOptions

    pdf = folder / "pages.pdf"
    pdf.write_bytes(pipeline.render_layouts(list(result.layouts), OutputOptions(pdfx=None)).pdf)
    report = folder / "pages.json"
    subprocess.run([sys.executable, str(pdfcheck_script()), str(pdf), *extra, "--json", str(report)],
                   capture_output=True, check=False, timeout=300)
    return [page["fill"] for page in json.loads(report.read_text(encoding="utf-8"))["pages"]]
