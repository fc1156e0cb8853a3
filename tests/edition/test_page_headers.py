"""``header: page``: each page prints its own 报眉 (a reprint's: the archive's page
line as written), numbered by the edition where it has a 第N版, mirrored on even
pages as the edition's own 报眉 is (the house's ``mirror``)."""

from __future__ import annotations

import pdfplumber
from edition_helpers import copy_text, page_yaml, story_yaml, write

from layout.cli import main


def _edition(tmp_path, header: str, mirror: bool = True):
    pages = ""
    for n in (1, 2):
        story = story_yaml(f"s{n}", "1-5", "1-20", copy_text(3, seed=n))
        body = f"header:\n  title: 文化周刊\n{header}" + page_yaml(story)
        write(tmp_path, f"p{n}.yaml", body)
        pages += f"  - file: p{n}.yaml\n"
    return write(tmp_path, "edition.yaml", f"edition:\n  header: page\n  mirror: {str(mirror).lower()}\n"
                 f"pages:\n{pages}")


def _header(pdf):
    """Per page: (text, x0, x1, artifact) of each 报眉 line (the band at the top)."""
    out = []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            top = min(c["top"] for c in page.chars)
            lines: dict[float, list] = {}
            for c in page.chars:
                if c["top"] < top + 20:
                    lines.setdefault(round(c["bottom"]), []).append(c)
            out.append([("".join(c["text"] for c in cs), min(c["x0"] for c in cs), max(c["x1"] for c in cs),
                         cs[0].get("tag") == "Artifact") for _, cs in sorted(lines.items())])
            out[-1].append(page.width)
    return out


def test_a_page_line_without_a_number_is_printed_as_written_and_said(tmp_path, capsys):
    ed = _edition(tmp_path, "  paper: 清河日报　2020年10月6日\n")
    out = tmp_path / "ed.pdf"
    assert main(["render", str(ed), "-o", str(out), "--pdfx", "none"]) == 0
    err = capsys.readouterr().err
    assert err.count("prints no page number") == 1 and "第1、2版: the 报眉 (header: page)" in err
    assert "p1.yaml" in err.split("prints no page number")[0].splitlines()[-1]  # at the first such page
    assert main(["render", str(ed), "-o", str(out), "--pdfx", "none", "-q", "--strict"]) == 1
    (p1, p2) = _header(out)
    texts = [[t for t, *_ in p[:-1]] for p in (p1, p2)]
    assert sorted(texts[0]) == sorted(texts[1]) == sorted(["文化周刊", "清河日报2020年10月6日"])  # as written
    # odd page: the section left, the page line right; even page: mirrored (the text as written)
    for page, even in ((p1, False), (p2, True)):
        width = page[-1]
        title = next(line for line in page[:-1] if line[0] == "文化周刊")
        info = next(line for line in page[:-1] if line[0] != "文化周刊")
        assert (title[1] > width / 2) == even and (info[2] < width / 2) == even
    assert not any(a for _, _, _, a in p1[:-1]) and all(a for _, _, _, a in p2[:-1])  # repeated: artifacts


def test_a_numbered_page_line_is_numbered_and_mirrored_only_when_the_house_mirrors(tmp_path, capsys):
    ed = _edition(tmp_path, "  paper: 清河日报　第05版\n", mirror=False)
    out = tmp_path / "ed.pdf"
    assert main(["render", str(ed), "-o", str(out), "--pdfx", "none", "--strict", "-q"]) == 0
    assert "page number" not in capsys.readouterr().err
    p1, p2 = _header(out)
    # numbered by the edition (pages 1 and 2: no number: given), in the line's own form
    assert [[t for t, *_ in p[:-1] if "版" in t] for p in (p1, p2)] == [["清河日报第01版"], ["清河日报第02版"]]
    title = next(line for line in p2[:-1] if line[0] == "文化周刊")
    assert title[1] < p2[-1] / 2  # mirror: false: the section stays left on an even page
