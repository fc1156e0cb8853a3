"""``layout watch``: renders at start, again after every save of the layout or a
file it reads, keeps the last good PDF when an edit breaks the page, and ends
cleanly on Ctrl-C."""

from __future__ import annotations

import pdfplumber
from cli_helpers import LEAD_TEXT, SIDE_TEXT, write_page
from watch_helpers import WatchProcess, save, save_in_place


def _text(pdf) -> str:
    with pdfplumber.open(pdf) as doc:
        return "".join((p.extract_text() or "") for p in doc.pages).replace("\n", "")


def test_watch_renders_again_after_edits_and_keeps_the_last_good_pdf(page_dir):
    out = page_dir / "out.pdf"
    with WatchProcess(["page.yaml", "-o", "out.pdf", "--pdfx", "none"], page_dir) as w:
        first = w.next_event("build")
        assert first["ok"] and first["number"] == 1 and out.exists()
        # 'lead' overflows, 'side' (rows 1-30 for two short paragraphs) ends short: each at its story
        assert [(d["kind"], d["story"], d["line"]) for d in first["diagnostics"]] == [
            ("overflow", "lead", 7), ("underfill", "side", 13)]

        # an edit of the layout: more rows, the overflow goes, the new headline is set
        page = write_page(page_dir, rows="1-40")
        save(page, page.read_text(encoding="utf-8").replace("新区建设稳步推进", "新区建设全面提速"))
        second = w.next_event("build")
        assert second["ok"] and {d["kind"] for d in second["diagnostics"]} == {"underfill"}
        assert "新区建设全面提速" in _text(out)
        good = out.read_bytes()

        # a broken edit: the diagnostic with its place, the good PDF untouched
        save(page, page.read_text(encoding="utf-8") + "    colums: 1-2\n")
        broken = w.next_event("build")
        assert not broken["ok"] and broken["output"] is None
        [d] = broken["diagnostics"]
        assert (d["severity"], d["file"], d["line"], d["column"]) == ("error", "page.yaml", 18, 5)
        assert out.read_bytes() == good

        # a text file the layout reads is watched too (and still, after the broken render);
        # this editor writes in place: the watch waits for the file to settle
        save_in_place(page_dir / "side.txt", SIDE_TEXT.replace("便民窗口", "自助终端"))
        still_broken = w.next_event("build")
        assert not still_broken["ok"] and out.read_bytes() == good

        save(page, page.read_text(encoding="utf-8").replace("    colums: 1-2\n", ""))
        fixed = w.next_event("build")
        text = _text(out)  # (columns side by side: a line of one story, then of the other)
        assert fixed["ok"] and "自助终" in text and "便民窗口" not in text and LEAD_TEXT[:10] in text
        assert w.stop() == 0
    assert w.next_event("exit")["exit"] == 0
    assert "the last good PDF is kept" in "".join(w.stderr) and "Traceback" not in "".join(w.stderr)


def test_watch_of_a_missing_layout_is_a_usage_error(tmp_path, cli):
    r = cli("watch", "absent.yaml", cwd=tmp_path)
    assert r.code == 2 and "absent.yaml: no such layout file" in r.err


def test_watch_refuses_to_write_over_a_file_it_reads(page_dir):
    with WatchProcess(["page.yaml", "-o", "side.txt"], page_dir) as w:
        build = w.next_event("build")
        assert not build["ok"] and "one of the files the page reads" in build["diagnostics"][0]["message"]
    assert (page_dir / "side.txt").read_text(encoding="utf-8") == SIDE_TEXT


def test_warm_renders_give_the_bytes_of_a_cold_render(page_dir, cli, monkeypatch):
    """Paragraphs kept warm (compose.warm) change nothing in the PDF: the watch's second
    render of an edited page is byte-identical to ``layout render`` of it."""
    from pathlib import Path

    from layout.compose import warm
    from layout.watch.build import Builder, WatchSettings

    monkeypatch.chdir(page_dir)
    from layout.cli.common import write_atomic

    builder = Builder(WatchSettings(("page.yaml",), Path("watch.pdf")), write_atomic)
    try:
        assert builder.build().ok
        page = write_page(page_dir, body=LEAD_TEXT + "补充一句。", rows="1-12")
        build = builder.build()
        assert build.ok and build.warm_hits > 0 and build.warm_misses > 0  # only the changed story set again
    finally:
        builder.close()
    assert not warm.active
    assert cli("render", str(page), "-o", "cold.pdf", "-q").code == 0
    assert (page_dir / "watch.pdf").read_bytes() == (page_dir / "cold.pdf").read_bytes()


def test_holes_are_grid_space_no_story_covers():
    from layout.model.types import Span
    from layout.watch.marks import holes

    stories = [(Span(1, 2), Span(1, 10)), (Span(3, 3), Span(1, 4))]
    assert holes(3, 10, stories) == [(3, 3, 5, 10)]
    assert holes(3, 10, [(Span(1, 3), Span(1, 9))]) == []  # one free row is the grid's slack
    assert holes(2, 4, []) == [(1, 2, 1, 4)]  # side by side, joined


def test_a_port_in_use_is_a_usage_error_and_the_watch_ends(page_dir, cli):
    import socket

    from layout.compose import warm

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        r = cli("watch", "page.yaml", "--serve", str(port), cwd=page_dir)
    assert r.code == 2 and f"cannot serve the preview on 127.0.0.1:{port}" in r.err and "--serve 8766" in r.err
    assert not warm.active and not (page_dir / "page.pdf").exists()


def test_a_save_during_a_render_is_not_lost(tmp_path):
    """Files watched already keep their old stamp when the watch list is renewed after
    a render, so a save that came while rendering is still a change."""
    import os

    from layout.watch.poll import Watched

    a, b = tmp_path / "a.yaml", tmp_path / "b.txt"
    a.write_text("1", encoding="utf-8")
    w = Watched([a])
    a.write_text("22", encoding="utf-8")  # saved while the render ran
    b.write_text("x", encoding="utf-8")
    w.retarget([a, b])  # the render read a and b
    assert w.changed() == [a] and w.changed() == []
    os.replace(b, tmp_path / "c")  # deleted (an editor's rename) is a change too
    assert w.changed() == [b]


def test_the_samples_have_nothing_to_mark():
    """Both samples are page-bar clean: no overflow, no short story, no hole -- the
    second one's page items (导读 box, 报花, ad) cover the grid they stand on."""
    from cli_helpers import ROOT

    from layout.model import load_layout
    from layout.place import place_page
    from layout.watch.marks import page_marks

    for name in ("kaifaqu-news.yaml", "qinghe-news.yaml"):
        layout = load_layout(ROOT / "samples" / name)
        assert page_marks(layout, place_page(layout, layout.fonts.fontset())) == [], name
