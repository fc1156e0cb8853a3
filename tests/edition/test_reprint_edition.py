"""Reprint as an edition: an archive too long for one page gets the 报眉 on every
page (artifacts after the first), jump lines with the real page numbers and a 接题,
and its copy is exactly the archive's."""

from __future__ import annotations

import pdfplumber
from edition_helpers import ROOT, articles, copy_text

from layout.cli import main


def _archive(tmp_path):
    paras = copy_text(90, seed=5, sentences=5)
    text = ("\n\n文化周刊\n\n区文旅局\n\n黄河岸边的乡村旅游节热闹开幕\n\n本报讯 （记者 王金勇） " + "\n\n".join(paras)
            + "\n\n（林晓）\n")
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_long_reprint_is_an_edition_with_jump_lines(tmp_path, capsys):
    archive = _archive(tmp_path)
    out = tmp_path / "r.pdf"
    assert main(["reprint", str(archive), "-o", str(out), "--template", "tabloid", "-q"]) == 0
    err = capsys.readouterr().err
    assert "jumped too early" not in err and "unused continuation" not in err  # the parts fill their areas
    with pdfplumber.open(out) as pdf:
        pages = [("".join(c["text"] for c in p.chars if c.get("tag") != "Artifact"),
                  "".join(c["text"] for c in p.chars if c.get("tag") == "Artifact")) for p in pdf.pages]
    assert len(pages) >= 2
    (copy1, furn1), (copy2, furn2) = pages[:2]
    assert "（下转第2版）" in furn1 and "（上接第1版）" in furn2
    assert "黄河岸边的乡村旅游节热闹开幕" in furn2  # the 接题
    assert copy1.startswith("文化周刊") and "文化周刊" in furn2 and "文化周刊" not in copy2
    assert all("第0版" not in c + f for c, f in pages)  # every placeholder resolved
    assert main(["verify", str(out), "--source", str(archive)]) == 0  # the copy is the archive's
    # tagged as an edition: the one story is one article over every page, its copy whole
    (story,) = articles(out)
    assert story[1] == list(range(len(pages))) and story[2] == "".join(copy for copy, _ in pages)[4:]


def _chars(path):
    """Per page: every character with its place, face, size and whether it is an artifact."""
    with pdfplumber.open(path) as pdf:
        return [[(c["text"], round(c["x0"], 2), round(c["top"], 2), c["fontname"].split("+")[-1],
                  round(c["size"], 2), c.get("tag") == "Artifact") for c in p.chars] for p in pdf.pages]


def _furniture(pages):
    return ["".join(c[0] for c in p if c[5]) for p in pages]


def test_yaml_dir_is_an_edition_that_gives_the_reprints_pages(tmp_path, capsys):
    """A generated archive of a daily's length (page line 第06版, page credits last):
    three tabloid pages, a story continued mid-paragraph.  ``--yaml-dir`` writes the
    page files and edition.yaml; rendering the edition gives the reprint's pages
    character for character (place, face, artifact), checked against the archive;
    the page files rendered together verify identical (the page credits printed in
    the 报眉 are not "moved")."""
    import json
    import sys

    import yaml

    sys.path.insert(0, str(ROOT / "tests" / "archive"))
    from rawgen import write as write_archives

    (archive,) = write_archives(1, tmp_path, start=33, long=True)
    # the first story's first paragraph made longer than a page: the story is carried on
    # mid-paragraph whatever the layout chooses for the rest (text written for the test)
    text = archive.read_text(encoding="utf-8")
    at = text.index("\n", text.index("  本报讯"))
    archive.write_text(text[:at] + "街道今年围绕老旧小区改造开展了安全隐患排查，惠及居民两万余人。" * 170 + text[at:],
                       encoding="utf-8")
    out, folder = tmp_path / "r.pdf", tmp_path / "yaml"
    assert main(["reprint", str(archive), "-o", str(out), "--template", "tabloid", "--yaml-dir", str(folder),
                 "-q"]) == 0
    edition = yaml.safe_load((folder / "edition.yaml").read_text(encoding="utf-8"))
    files = [p["file"] for p in edition["pages"]]
    assert files == [f"page{n}.yaml" for n in range(1, len(files) + 1)] and len(files) >= 2
    assert edition["edition"]["header"] == "page" and edition["pages"][0]["number"] == 6
    assert edition["jumps"]
    # the 接题 and the indent are the page files': a continuation says where it comes from
    later = [yaml.safe_load((folder / f).read_text(encoding="utf-8")) for f in files[1:]]
    assert any(s.get("jump_from") == 6 and s.get("continued") for s in later[0]["stories"])
    capsys.readouterr()
    again = tmp_path / "e.pdf"
    assert main(["render", str(folder / "edition.yaml"), "-o", str(again), "--allow-path", str(tmp_path)]) == 0
    assert "checked: all" in capsys.readouterr().err  # the edition is checked against its archive
    assert again.read_bytes() == out.read_bytes()  # one code path: the reprint is its edition
    _tagged_in_reading_order(out, archive)
    reprinted, rendered = _chars(out), _chars(again)
    assert rendered == reprinted
    furniture = _furniture(rendered)
    assert "（下转第7版）" in furniture[0] and "第06版" not in furniture[0]  # page one's 报眉 is the archive's
    assert "第07版" in furniture[1] and "（上接第6版）" in furniture[1]
    assert all(f"第0{6 + n}版" in furniture[n] for n in range(1, len(files)))
    assert main(["verify", str(again), "--source", str(archive), "-q"]) == 0
    # a page file rendered alone is that page of the edition: its 接题 and jump lines
    # from its own jump_from:/jump_to: (no blank rows where they go); only its 报眉 is
    # copy here, the page's own header (repeated furniture in the edition)
    alone = tmp_path / "alone.pdf"
    assert main(["render", str(folder / files[1]), "-o", str(alone), "-q"]) == 0
    (page,) = _chars(alone)
    assert [c[:5] for c in page] == [c[:5] for c in rendered[1]]
    differ = [a for a, b in zip(page, rendered[1], strict=True) if a != b]
    assert differ and all(c[2] < 80 and not c[5] for c in differ)  # the 报眉 at the top, copy alone
    assert "（上接第6版）" in _furniture([page])[0]
    pages = tmp_path / "pages.pdf"
    assert main(["render", *(str(folder / f) for f in files), "-o", str(pages), "-q"]) == 0
    capsys.readouterr()
    assert main(["verify", str(pages), "--source", str(archive), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["identical"] and report["moved"] == 0
    assert any("page header" in d.get("kind", "") for d in report["reordered"])  # 责任编辑 … set in the 报眉
    # a paragraph deleted from a page file: the edition's check says what was lost (exit 1)
    page2 = folder / "page2.yaml"
    text = page2.read_text(encoding="utf-8")
    cut = text.index("      - paragraph: |-\n", text.index("stories:"))
    page2.write_text(text[:cut] + text[text.index("\n", text.index("\n", cut + 1) + 1) + 1:], encoding="utf-8")
    assert main(["render", str(folder / "edition.yaml"), "-o", str(tmp_path / "cut.pdf"), "--allow-path",
                 str(tmp_path)]) == 1
    assert "lost" in capsys.readouterr().err


def _tagged_in_reading_order(pdf, archive):
    """One article per story of the archive, in its order, a continued story one
    article across pages, each holding its story's copy (the headline and body
    read from the importer), and nothing of it in another article."""
    from layout.archive.import_page import import_archive
    from layout.check.verify import fold

    stories = import_archive(archive).page.stories
    got = articles(pdf)
    assert len(got) == len(stories)
    assert any(len(pages) > 1 for _, pages, _ in got)  # the continued story
    for story, (_title, _pages, text) in zip(stories, got, strict=True):
        body = "".join(fold(ch) for ch in "".join(story.body()) if not ch.isspace())
        flat = "".join(fold(ch) for ch in text if not ch.isspace())
        assert body[:20] in flat and body[-20:] in flat, story.headline


def test_a_page_line_kept_as_text_is_numbered_in_its_own_form():
    from layout.model.pagenumber import header_number, numbered
    from layout.model.types import Header

    kept = Header(title="清河日报", paper="2020年10月6日　第06版")
    assert header_number(kept) == 6 and numbered(kept, 7).paper == "2020年10月6日　第07版"
    assert numbered(Header(title="", paper="第9版"), 10).paper == "第10版"
    assert numbered(Header(title="", page=3), 4).page == 4
    unsure = Header(title="", paper="第1版 第2版")  # two numbers: which is the page's is not known
    assert header_number(unsure) is None and numbered(unsure, 5) == unsure
