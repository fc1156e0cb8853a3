"""Issue 13, "Done when": our own test archives, in the forms real archives take
(``rawgen``: raw day pages and a daily's real length, ../shared/spec/archives.md),
reprint verify-identical AND clean on the page bar of ../shared/tools/pdfcheck.py
(0 kinsoku, justification <= 0.05 pt, 0 off-grid, 0 orphans, 0 holes down to the
page's foot, nothing overfull), page by page -- the same judgement as
``benchmarks/raw_archives.py``, on a few archives of its fresh set (seeds 100-)."""

from __future__ import annotations

import pytest
from pagebar import CHECKER, page_faults
from rawgen import write

from layout.check.verify import verify
from layout.cli import main


@pytest.mark.skipif(CHECKER is None, reason="../shared/tools/pdfcheck.py not found above the checkout")
@pytest.mark.parametrize(("start", "long"), [(100, False), (101, False), (102, False), (100, True)])
def test_generated_archive_reprints_clean_on_the_page_bar(tmp_path, start, long):
    (src,) = write(1, tmp_path, start, long=long)
    pdf = tmp_path / "r.pdf"
    assert main(["reprint", str(src), "-o", str(pdf), "-q"]) == 0
    assert verify(pdf, src).identical
    faults = page_faults(pdf, tmp_path)
    assert not faults, f"{src.name}: {faults}"
