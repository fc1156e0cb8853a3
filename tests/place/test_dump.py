"""The dump of the sample page: every story, every body line on the grid, nothing over."""

from __future__ import annotations

from pathlib import Path

from layout import pipeline
from layout.place.dump import dump

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "kaifaqu-news.yaml"


def test_sample_dump_reads_in_grid_terms():
    pages, _ = pipeline.place(pipeline.load([SAMPLE]))
    text = dump(pages[0])
    stories = [ln.split()[1] for ln in text.splitlines() if ln.startswith("story ")]
    assert stories == [s.id for s in pages[0].stories]
    body = [ln.split() for ln in text.splitlines() if ln.strip().startswith(("text body", "text credit"))]
    assert len(body) == sum(s.body_lines for s in pages[0].stories)  # body_lines counts the credit line
    assert all(parts[3].startswith("r") for parts in body)  # on the baseline grid
    assert all(" over 0/0 " in ln for ln in text.splitlines() if ln.startswith("story "))
    assert text.splitlines()[0].startswith("page ") and "grid 8 columns x 97 rows" in text
