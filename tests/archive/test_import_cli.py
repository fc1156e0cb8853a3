"""layout import: the command, its report, and bad input (exit 2, no file written)."""

from __future__ import annotations

import yaml
from archive_helpers import DATA

from layout.archive.import_page import import_archive
from layout.cli import main


def test_import_writes_the_layout_and_a_summary(seed_path, tmp_path, capsys):
    """The import's YAML and summary; the YAML is placed (automatic layout) and renders
    as it is; the reprint loses nothing (layout verify).  (One import of the seed for
    what were two tests: test_imported_layout_renders_and_verifies is this one's end.)"""
    out = tmp_path / "page.yaml"
    assert main(["import", str(seed_path), "-o", str(out)]) == 0
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["header"]["title"] == "开发区新闻" and len(data["stories"]) == 7
    assert "7 stories, 2 unsure decisions" in capsys.readouterr().err
    assert all("columns" in s and "rows" in s for s in data["stories"])
    pdf = tmp_path / "page.pdf"
    assert main(["render", str(out), "-o", str(pdf), "-q"]) == 0
    assert main(["verify", str(pdf), "--source", str(seed_path)]) == 0


def test_report_story_by_story_with_confidences(seed_path, tmp_path, capsys):
    assert main(["import", str(seed_path), "-o", str(tmp_path / "p.yaml"), "--report"]) == 0
    report = capsys.readouterr().out
    assert "archive " in report and "utf-8 (detected)" in report
    assert "normalised 204 characters" in report and "','->'，' x180" in report
    assert "story 4: 梦想从这里起航" in report and "byline_line   本报记者 王金勇" in report
    assert "? captions.0    开展政策宣讲。" in report  # flagged as unsure
    assert "caption 2   上图, cut off in the archive, kept as it is" in report
    assert report.rstrip().endswith("2 of 61 decisions unsure (marked ?)")
    for line in report.splitlines():  # every decision line carries a confidence
        if line.startswith(("? ", "  label", "  headline", "  byline", "  credit", "  leads")):
            assert "[0." in line or "[1." in line


def test_yaml_to_stdout_and_report_to_stderr(seed_path, capsys):
    assert main(["import", str(seed_path), "--report"]) == 0
    cap = capsys.readouterr()
    assert cap.out.startswith("# Imported from kaifaqu-news.txt") and "story 1:" in cap.err


def test_named_encoding(tmp_path, capsys):
    out = tmp_path / "p.yaml"
    assert main(["import", str(DATA / "evening-shehui.txt"), "--encoding", "gbk", "-o", str(out)]) == 0
    assert "家门口的“口袋公园”开放了" in out.read_text(encoding="utf-8")
    assert main(["import", str(DATA / "evening-shehui.txt"), "--encoding", "utf-8", "-o", str(tmp_path / "x.yaml")]) == 2
    err = capsys.readouterr().err
    assert "byte offset 0" in err and "utf-8" in err and not (tmp_path / "x.yaml").exists()


def _import_exit(tmp_path, capsys, data: bytes) -> tuple[int, str]:
    src = tmp_path / "a.txt"
    src.write_bytes(data)
    code = main(["import", str(src), "-o", str(tmp_path / "out.yaml")])
    assert code != 2 or not (tmp_path / "out.yaml").exists()
    return code, capsys.readouterr().err


def test_bad_input_is_a_clear_message_and_exit_2(tmp_path, capsys):
    cases = {
        b"": "the archive is empty",
        b"\r\n\r\n  \n": "the archive is empty",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00": "PNG image, not a text archive",
        bytes(range(256)): "binary file",
        "开发区新闻\n\n\n".encode(): "no recognisable story",
        "开发区新闻\n\n区妇联\n\n巧媳妇培训班开班\n".encode(): "no recognisable story",
        "开发区新闻\n\n本报讯 今天开会。".encode() + b"\xff" + "后面。".encode(): "undecodable bytes at byte offset",
    }
    for data, message in cases.items():
        code, err = _import_exit(tmp_path, capsys, data)
        assert (code, message in err, "Traceback" in err) == (2, True, False), (data[:20], err)


def test_a_30000_character_paragraph_imports(tmp_path):
    para = "".join(f"第{i}句话讲述开发区的发展变化，数据为{i % 97}.{i % 7}%。" for i in range(2000))[:30000]
    src = tmp_path / "long.txt"
    src.write_text(f"开发区新闻\n\n一篇很长的报道\n\n本报讯 {para}\n", encoding="utf-8")
    result = import_archive(src)
    (story,) = result.page.stories
    assert story.headline == "一篇很长的报道" and len(story.paragraphs[0]) == 30000
    assert yaml.safe_load(result.yaml_text)["stories"][0]["body"] == para
    bare = tmp_path / "bare.txt"
    bare.write_text(para, encoding="utf-8")
    page = import_archive(bare).page
    assert page.name is None and page.stories[0].paragraphs == (para,)


def test_long_archive_is_written_as_an_edition(seed_path, tmp_path, capsys):
    """An archive longer than a page: the output is an edition file (as reprint
    --yaml-dir writes it, one code path) with the pages and the template they extend
    beside it; ``layout render`` takes it, checks it against the archive, and gives
    the reprint's PDF byte for byte; the pages together hold every character."""
    text = seed_path.read_text(encoding="utf-8")
    body = text.split("开发区新闻", 1)[1]
    long = tmp_path / "long.txt"
    long.write_text("开发区新闻\n" + body + "\n\n" + body.replace("全国文明城市", "全省文明城市"), encoding="utf-8")
    out = tmp_path / "pages" / "long.yaml"
    assert main(["import", str(long), "-o", str(out), "--no-place"]) == 0  # content only still works
    assert main(["import", str(long), "-o", str(out), "--place", "tabloid"]) == 0
    edition = yaml.safe_load(out.read_text(encoding="utf-8"))
    pages = [out.parent / p["file"] for p in edition["pages"]]
    assert [p.name for p in pages] == [f"long-p{n}.yaml" for n in range(1, len(pages) + 1)] and len(pages) >= 2
    template = yaml.safe_load(pages[0].read_text(encoding="utf-8"))["extends"]
    assert (out.parent / f"{template}.yaml").exists()
    assert edition["edition"]["header"] == "page"
    capsys.readouterr()
    pdf = tmp_path / "edition.pdf"
    assert main(["render", str(out), "-o", str(pdf), "--allow-path", str(tmp_path)]) == 0
    assert "checked: all" in capsys.readouterr().err  # against the archive its pages name
    reprinted = tmp_path / "reprint.pdf"
    assert main(["reprint", str(long), "-o", str(reprinted), "--template", "tabloid", "-q"]) == 0
    assert pdf.read_bytes() == reprinted.read_bytes()
    assert main(["verify", str(pdf), "--source", str(long)]) == 0
    together = tmp_path / "pages.pdf"
    assert main(["render", *map(str, pages), "-o", str(together), "-q"]) == 0
    assert main(["verify", str(together), "--source", str(long)]) == 0
