"""layout verify: a faithful PDF passes; a dropped, added, swapped or un-normalised
character is caught and located; moves the layout makes on purpose are not
differences (unless --strict-order)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from archive_helpers import ARCHIVES
from pdfmaker import text_pdf

from layout.archive.import_page import recognise
from layout.check.verify import verify
from layout.cli import main
from layout.errors import LayoutError


@pytest.fixture(scope="module")
def seed_runs(seed_path):
    page, _, _ = recognise(seed_path)
    return [t for _, _, t in page.positioned()]  # every element, in archive order


def _replace_in(runs, old, new):
    hit = [i for i, r in enumerate(runs) if old in r]
    assert hit, old
    out = list(runs)
    out[hit[0]] = out[hit[0]].replace(old, new, 1)
    return out


def test_a_faithful_pdf_is_identical(seed_path, seed_runs, tmp_path):
    rep = verify(text_pdf(seed_runs, tmp_path / "ok.pdf"), seed_path)
    assert rep.identical and rep.source_chars == rep.pdf_chars > 4000
    assert main(["verify", str(tmp_path / "ok.pdf"), "--source", str(seed_path)]) == 0


def test_a_dropped_character_is_named_with_its_place(seed_path, seed_runs, tmp_path, capsys):
    pdf = text_pdf(_replace_in(seed_runs, "开发区召开全国", "开发区开全国"), tmp_path / "drop.pdf")
    rep = verify(pdf, seed_path)
    assert [(d.kind, d.text, d.element) for d in rep.differences] == [("lost", "召", "stories.0.paragraphs.0")]
    assert rep.differences[0].source.endswith(":14:13")  # line 14, column 13 of the archive
    assert "开发区【召】开全国" in rep.differences[0].context
    assert main(["verify", str(pdf), "--source", str(seed_path)]) == 1
    out = capsys.readouterr().out
    assert "lost   '召'" in out and "DIFFERENT: 1 lost, 0 added, 0 moved" in out


def test_a_swapped_pair_is_reported_as_moved(seed_path, seed_runs, tmp_path):
    pdf = text_pdf(_replace_in(seed_runs, "认清形势", "认形清势"), tmp_path / "swap.pdf")
    rep = verify(pdf, seed_path)
    assert [d.kind for d in rep.differences] == ["moved"]
    assert rep.differences[0].text in ("清", "形") and rep.count("lost") == rep.count("added") == 0


def test_added_text_and_continuation_lines(seed_path, seed_runs, tmp_path):
    runs = _replace_in(seed_runs, "邵平主持。", "邵平主持。（下转第2版）")
    runs = _replace_in(runs, "首期开班。", "首期开班。XYZ")
    rep = verify(text_pdf(runs, tmp_path / "add.pdf"), seed_path)
    assert [(d.kind, d.text) for d in rep.differences] == [("added", "XYZ")]
    assert rep.differences[0].page == 1 and rep.differences[0].x is not None
    assert [d.text for d in rep.allowed] == ["（下转第2版）"]


def test_lost_normalisation_is_a_difference(seed_path, seed_runs, tmp_path):
    # a reprint with the archive's half-width comma: not folded away
    rep = verify(text_pdf(_replace_in(seed_runs, "8月3日，开发区", "8月3日,开发区"), tmp_path / "nf.pdf"), seed_path)
    assert sorted((d.kind, d.text) for d in rep.differences) == [("added", ","), ("lost", "，")]


def test_compatibility_forms_from_extraction_are_folded(seed_path, seed_runs, tmp_path):
    # 﨑-style compatibility ideographs and ligatures are what extraction may give back
    runs = _replace_in(seed_runs, "（尚丰军 施民法 宋香芬）", "（尚丰军 施民法 宋香芬）")
    rep = verify(text_pdf([r.replace("施", "施") for r in runs], tmp_path / "f.pdf"), seed_path)
    assert rep.identical


def test_layout_order_is_not_a_difference_but_strict_order_says_it(seed_path, tmp_path):
    page, _, _ = recognise(seed_path)
    runs = []
    for story in page.stories:  # as our renderer draws: label after headline, captions before the body
        runs += [story.headline or "", story.label or "", story.byline_line or "", *story.leads]
        runs += [c.text for c in story.captions] + [story.byline or "", *story.body(), story.credit or ""]
    runs.insert(0, page.name)
    pdf = text_pdf([r for r in runs if r], tmp_path / "order.pdf")
    rep = verify(pdf, seed_path)
    assert rep.identical and len(rep.reordered) >= 6
    assert {d.kind for d in rep.reordered} == {"reordered (whole elements placed by the layout)"}
    strict = verify(pdf, seed_path, strict_order=True)
    assert not strict.identical and {d.kind for d in strict.differences} == {"moved"}


def test_a_paragraph_out_of_order_is_a_difference(seed_path, seed_runs, tmp_path):
    i = next(k for k, r in enumerate(seed_runs) if r.startswith("陈晓华强调"))
    runs = list(seed_runs)
    runs[i], runs[i + 1] = runs[i + 1], runs[i]
    rep = verify(text_pdf(runs, tmp_path / "para.pdf"), seed_path)
    # both paragraphs start with 陈晓华 and end with 。: where the move is cut is a
    # matter of alignment; that it is a move of one paragraph's worth is not
    assert {d.kind for d in rep.differences} == {"moved"}
    assert rep.count("moved") == len(runs[i]) and rep.count("lost") == rep.count("added") == 0


def test_a_story_continued_on_a_later_page_is_not_a_difference(seed_path, seed_runs, tmp_path):
    # story 1's last paragraph and credit printed after everything else (on page 2)
    i = next(k for k, r in enumerate(seed_runs) if r.startswith("邵平强调"))
    runs = seed_runs[:i] + seed_runs[i + 2:] + seed_runs[i:i + 2]
    rep = verify(text_pdf(runs, tmp_path / "cont.pdf", per_page=60), seed_path)
    assert rep.identical and [d.kind for d in rep.reordered] == ["reordered (the rest of a story, continued later)"]


def test_json_report(seed_path, seed_runs, tmp_path, capsys):
    pdf = text_pdf(_replace_in(seed_runs, "开发区召开全国", "开发区开全国"), tmp_path / "j.pdf")
    assert main(["verify", str(pdf), "--source", str(seed_path), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert (data["identical"], data["lost"], data["added"], data["moved"]) == (False, 1, 0, 0)
    assert data["differences"][0]["text"] == "召" and data["differences"][0]["element"] == "stories.0.paragraphs.0"


@pytest.mark.parametrize("path", ARCHIVES, ids=lambda p: p.name)
def test_every_test_archive_verifies_against_its_own_galley(path, tmp_path):
    page, _, _ = recognise(path)
    assert verify(text_pdf([t for _, _, t in page.positioned()], tmp_path / "g.pdf"), path).identical


def test_the_real_pipeline_round_trip(seed_path, tmp_path):
    """import -> (a test placement) -> layout render -> layout verify: identical."""
    sys.path.insert(0, str(Path(__file__).parent))
    from test_emit import stacked_tall

    from layout.archive.import_page import import_archive

    result = import_archive(seed_path, place=stacked_tall)
    shutil.copy(Path(__file__).parents[2] / "samples" / "photos" / "training.jpg", tmp_path / "photo.jpg")
    (tmp_path / "page.yaml").write_text(result.yaml_text, encoding="utf-8")
    assert main(["render", "-q", str(tmp_path / "page.yaml"), "-o", str(tmp_path / "page.pdf")]) == 0
    rep = verify(tmp_path / "page.pdf", seed_path)
    assert rep.identical, rep.differences[:3]


def test_bad_input_is_exit_2(seed_path, tmp_path):
    (tmp_path / "not.pdf").write_text("hello")
    with pytest.raises(LayoutError, match="cannot read the PDF"):
        verify(tmp_path / "not.pdf", seed_path)
    assert main(["verify", str(tmp_path / "missing.pdf"), "--source", str(seed_path)]) == 2
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    r = subprocess.run([sys.executable, "-m", "layout", "verify", str(tmp_path / "not.pdf"), "--source", str(empty)],
                       capture_output=True, text=True)
    assert r.returncode == 2 and "empty" in r.stderr


def test_the_real_pipeline_with_a_page_header(tmp_path):
    """Header parts printed by the layout (paper, date with weekday, 第N版, editor)
    are the archive's own text: identical."""
    sys.path.insert(0, str(Path(__file__).parent))
    from test_emit import stacked_tall

    from layout.archive.import_page import import_archive

    src = tmp_path / "a.txt"
    src.write_text("濮阳日报\n开发区新闻\n2020年8月10日 星期一　第3版\n\n区妇联\n\n巧媳妇培训班开班\n\n"
                   "本报讯 （记者 王金勇） 8月4日，培训班在王助镇开班，为期10天。\n\n责任编辑：王某\n", encoding="utf-8")
    (tmp_path / "page.yaml").write_text(import_archive(src, place=stacked_tall).yaml_text, encoding="utf-8")
    assert main(["render", "-q", str(tmp_path / "page.yaml"), "-o", str(tmp_path / "page.pdf")]) == 0
    rep = verify(tmp_path / "page.pdf", src)
    assert rep.identical, (rep.differences, rep.reordered)


def test_the_page_header_repeated_on_a_continuation_page_is_allowed(seed_path, seed_runs, tmp_path):
    runs = _replace_in(seed_runs, "首期开班。", "首期开班。（下转第2版）")
    runs = [*runs[:40], "开发区新闻", "（上接第1版）", *runs[40:]]
    rep = verify(text_pdf(runs, tmp_path / "two.pdf"), seed_path)
    assert rep.identical and sorted(d.text for d in rep.allowed) == ["开发区新闻（上接第1版）", "（下转第2版）"]
    # but other added text next to them is still a difference
    runs = [*runs[:40], "开发区新闻多余", *runs[40:]]
    assert [d.text for d in verify(text_pdf(runs, tmp_path / "x.pdf"), seed_path).differences] == ["多余"]
