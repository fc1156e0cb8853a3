"""Copyfit (fit: true, render --fit) and underfill reports (place.fit,
place.underfill; issue 15)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from layout.cli import main
from layout.errors import LayoutError
from layout.model import load_layout
from layout.model.types import Span
from layout.place import place_page
from layout.place.items import TextItem

from .conftest import SAMPLE, write_layout


def _kinds(placed, story: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for p in placed.problems:
        if p.story == story:
            out.setdefault(p.kind, []).append(p.message)
    return out


def _on_grid(placed, story: str) -> bool:
    geo = placed.geometry
    bases = {round(geo.baseline(r), 3) for r in range(1, geo.rows + 1)}
    return all(round(it.baseline, 3) in bases for it in placed.items
               if isinstance(it, TextItem) and it.story == story and it.kind == "body")


@pytest.fixture(scope="module")
def sample():
    return load_layout(SAMPLE)


def _moved(sample, rows: int, fit: bool):
    """The sample with the 头条 ``rows`` lines too short and the story below as much
    too tall (negative: the other way round)."""
    stories = []
    for s in sample.stories:
        if s.id == "wenming":
            s = replace(s, rows=Span(s.rows.first, s.rows.last - rows), fit=fit)
        elif s.id == "mengxiang":
            s = replace(s, rows=Span(s.rows.first - rows, s.rows.last), fit=fit)
        stories.append(s)
    return replace(sample, stories=tuple(stories))


@pytest.mark.parametrize("rows", [1, -1])
def test_neighbours_one_too_short_one_too_tall_both_fit(sample, rows: int):
    bare = place_page(_moved(sample, rows, False))
    short, tall = ("wenming", "mengxiang") if rows > 0 else ("mengxiang", "wenming")
    assert "overflow" in _kinds(bare, short)
    assert "underfill" in _kinds(bare, tall)
    fitted = place_page(_moved(sample, rows, True))
    for sid in ("wenming", "mengxiang"):
        kinds = _kinds(fitted, sid)
        assert set(kinds) == {"fit"}, kinds  # no overflow, no underfill: only the report of what changed
        assert "copyfit:" in kinds["fit"][0] and "cannot" not in kinds["fit"][0]
        assert _on_grid(fitted, sid)
    result = {r.id: r for r in fitted.stories}
    assert result["wenming"].lines_over == 0


def test_story_beyond_tolerance_reports_the_amount(tmp_path):
    page = write_layout(tmp_path, """
        extends: house
        header: {title: 开发区新闻}
        stories:
          - id: long
            columns: 1-2
            rows: 1-10
            fit: true
            balance: true
            headline: 多措并举推进人口普查工作
            body: |
              %s
          - id: short
            columns: 3-5
            rows: 1-40
            fit: true
            balance: true
            headline: 扎实做好意识形态工作
            body: 督查组采取听取汇报、个别谈话等多种方式。
        """ % ("加强组织领导，科学安排部署。" * 40))
    placed = place_page(load_layout(page))
    long = _kinds(placed, "long")
    assert "overflow" in long
    assert "cannot fit within the house tolerances" in long["fit"][0] and "over" in long["fit"][0]
    short = _kinds(placed, "short")
    assert "underfill" in short and "short" in short["fit"][0]
    assert main(["render", str(page), "-o", str(tmp_path / "o.pdf"), "-q", "--strict"]) == 1  # the overflow


def test_underfill_is_reported_without_fit_and_is_not_strict(tmp_path, capsys):
    page = write_layout(tmp_path, """
        extends: house
        header: {title: 开发区新闻}
        stories:
          - id: brief
            columns: 1-3
            rows: 1-30
            balance: true
            headline: 扎实做好意识形态工作
            body: 督查组采取听取汇报、个别谈话、查阅资料、理论测试等多种方式。
        """)
    assert main(["render", str(page), "-o", str(tmp_path / "o.pdf"), "--strict"]) == 0
    err = capsys.readouterr().err
    assert "story 'brief': underfill: columns 1, 2, 3 end up to" in err


def test_render_fit_fits_every_story_and_says_what_changed(capsys, tmp_path):
    assert main(["render", str(SAMPLE), "-o", str(tmp_path / "s.pdf"), "--fit", "--strict"]) == 0
    err = capsys.readouterr().err
    assert "underfill" not in err and "do not fit" not in err


@pytest.mark.parametrize("setting, message", [
    ("{tighten: 0.5em}", "copyfit.tighten: 0.5em is beyond what type can take"),
    ("{loosen: 2}", "copyfit.loosen: 2em is beyond"),
    ("{photo: 80}", "copyfit.photo"),
])
def test_a_fit_range_that_cannot_hold_is_an_error(tmp_path, setting: str, message: str, capsys):
    page = write_layout(tmp_path, f"""
        extends: house
        header: {{title: 开发区新闻}}
        copyfit: {setting}
        stories:
          - id: a
            columns: 1-3
            rows: 1-20
            body: 正文。
        """)
    with pytest.raises(LayoutError) as e:
        load_layout(page)
    assert message in str(e.value)
    assert main(["render", str(page), "-o", str(tmp_path / "o.pdf")]) == 2
    assert not (tmp_path / "o.pdf").exists()
