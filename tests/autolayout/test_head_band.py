"""White under the page's head when a continued part opens the page, read as the
page checker reads it (``autolayout.headband.top_holes``; page-layout.md rule 2, no
holes).  A continued part's 接题 and its （上接第N版） are furniture: the checker
reads an artifact as bare ink, filling nothing beside it, so the band they take
under the header is white but for their glyphs, about 2.8 lines deep.  Whether it
reads as a hole turns on the glyphs under it: the fresh set's long-113 on
broadsheet at 10.5/15.73 pt (a copyfit leading by whole lines) has a 3.0 x 2.9-em
hole there -- a gutter beside a line ending in ，, whose ink sits low -- that the
engine read clean, so copyfit chose it."""

from __future__ import annotations

import pytest
from autolayout_helpers import checker_fills, long_archive_laid_out

from layout.autolayout.headband import top_holes


@pytest.fixture(scope="module")
def long_113(tmp_path_factory):
    """The archive on broadsheet at 10.5 pt on 1.498 (15.73 pt: 91 whole lines)."""
    return long_archive_laid_out(113, "broadsheet", (10.5, 1.498), tmp_path_factory.mktemp("head"))


def test_the_band_under_a_continued_parts_head_is_read_as_the_checker_reads_it(long_113, tmp_path):
    """Page 2 opens with the part carried from page 1: the engine reads the band
    under the header as the checker reads it -- the same holes (none since the
    （上接） line sits beside a lone 接题: classb; 3.0 x 2.9 ems before), and where
    there is one, the same depth, width and place; page 1 (no continued part) is
    not read."""
    result, fonts = long_113
    assert len(result.layouts) == 2
    first, second = (top_holes(lay, placed, fonts) for lay, placed in zip(result.layouts, result.placed, strict=True))
    assert first == ()
    page = result.metrics.pages[1]
    assert page.band == second and page.holes == 0  # not a hole between stories
    assert page.clean == (not second)
    assert any("under the page's head" in n for n in page.notes) == bool(second)
    fill = checker_fills(result, tmp_path)[1]
    assert fill["holes"] == len(second), (fill, second)
    for hole in second:
        found = fill["largest"]
        assert abs(hole.lines - found["lines"]) < 0.15 and abs(hole.ems - found["ems"]) < 0.3, (hole, found)
        assert hole.first == 1 <= hole.last <= 2  # between grid columns 1 and 2, as the checker's bbox


def test_no_hole_is_read_without_outlines_or_where_no_part_is_continued(long_113):
    """The band is read only where it can be read as the checker does (the glyphs'
    outlines), and only on a page a continued part opens."""
    result, fonts = long_113
    assert top_holes(result.layouts[1], result.placed[1], None) == ()
    assert top_holes(result.layouts[0], result.placed[0], fonts) == ()
