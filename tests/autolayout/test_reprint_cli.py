"""``layout reprint``: import + automatic layout + render, the PDF read back; the
pages as YAML that render the same; bad input gives a message and no PDF."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pdfplumber
import pytest

from layout.archive.import_page import recognise
from layout.cli import main
from layout.model import load_layout

DATA = Path(__file__).parent / "data"
SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "kaifaqu-news.txt"


def _fold(text: str) -> str:
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", text))


def _pdf_text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return "".join(page.extract_text() or "" for page in pdf.pages)


def _chars(text: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for ch in _fold(text):
        out[ch] = out.get(ch, 0) + 1
    return out


@pytest.mark.parametrize("name", ["keji.txt", "shequ.txt"])
def test_reprint_sets_every_character_once(tmp_path, name):
    out = tmp_path / "r.pdf"
    assert main(["reprint", str(DATA / name), "-o", str(out), "-q", "--pdfx", "none", "--template", "tabloid"]) == 0
    _page, _archive, normalized = recognise(DATA / name)
    assert _chars(_pdf_text(out)) == _chars(normalized.text)


def test_reprint_writes_yaml_that_renders_the_same(tmp_path):
    out, folder = tmp_path / "r.pdf", tmp_path / "pages"
    assert main(["reprint", str(DATA / "tiyu.txt"), "-o", str(out), "-q", "--pdfx", "none",
                 "--template", "broadsheet", "--yaml-dir", str(folder)]) == 0
    pages = sorted(folder.glob("page*.yaml"))
    assert pages and (folder / "broadsheet.yaml").exists()
    layout = load_layout(pages[0])
    assert layout.geometry().columns == 8
    assert all(p.placeholder and p.file is None for s in layout.stories for p in s.photos)
    again = tmp_path / "again.pdf"
    assert main(["render", *map(str, pages), "-o", str(again), "-q", "--pdfx", "none"]) == 0
    assert _fold(_pdf_text(again)) == _fold(_pdf_text(out))


def test_auto_template_and_report(tmp_path, capsys):
    out = tmp_path / "r.pdf"
    assert main(["reprint", str(DATA / "wenhua.txt"), "-o", str(out), "--report", "--pdfx", "none"]) == 0
    captured = capsys.readouterr()
    assert "automatic layout:" in captured.out and "fill" in captured.out
    assert re.search(r"(tabloid|broadsheet|octavo), \d page", captured.err)
    assert out.exists()


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02\xff\xfe binary", "只有一行版名\n".encode()])
def test_bad_archives_give_a_message_and_no_pdf(tmp_path, capsys, content):
    src = tmp_path / "bad.txt"
    src.write_bytes(content)
    out = tmp_path / "r.pdf"
    assert main(["reprint", str(src), "-o", str(out), "-q"]) == 2
    assert "layout: error:" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.skipif(not SEED.exists(), reason="seed archive not available")
def test_seed_reprints_on_one_full_page(tmp_path):
    out = tmp_path / "seed.pdf"
    assert main(["reprint", str(SEED), "-o", str(out), "-q", "--pdfx", "none"]) == 0
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) == 1


@pytest.mark.skipif(not SEED.exists(), reason="seed archive not available")
def test_short_archive_is_copyfitted_to_a_full_page(tmp_path):
    """Three of the seed's stories (~2,100 characters) leave a tabloid page a third
    empty at the house body; the reprint opens the body up (leading, 五号) instead,
    down to the page's foot, and the page still reads back whole."""
    from layout.autolayout.archive import reprint
    from layout.autolayout.copyfit import FULL_PCT

    text = SEED.read_text(encoding="utf-8")
    short = tmp_path / "short.txt"
    short.write_text(text[: text.index("梦想从这里起航")], encoding="utf-8")
    result = reprint(short, "tabloid")
    (page,) = result.layout.metrics.pages
    assert result.body is not None and page.fill_pct >= FULL_PCT and not page.foot_holes
    out, yaml_dir = tmp_path / "short.pdf", tmp_path / "yaml"
    assert main(["reprint", str(short), "-o", str(out), "-q", "--template", "tabloid",
                 "--yaml-dir", str(yaml_dir)]) == 0
    assert main(["verify", str(out), "--source", str(short)]) == 0
    again = tmp_path / "again.pdf"  # the written page carries the looser body
    assert main(["render", str(yaml_dir / "page1.yaml"), "-o", str(again), "-q"]) == 0
    assert main(["verify", str(again), "--source", str(short)]) == 0


def test_reprint_sets_subheads_as_subheads(tmp_path):
    """An archive's subheads (小标题) come out as subheads: 黑体 lines of their own inside
    their story, not body paragraphs, kickers or new stories."""
    import pdfplumber

    from layout.cli import main

    archive = Path(__file__).resolve().parents[1] / "archive" / "data" / "renmin-yaowen.txt"
    out = tmp_path / "r.pdf"
    assert main(["reprint", str(archive), "-o", str(out), "-q"]) == 0
    with pdfplumber.open(out) as pdf:
        chars = [c for page in pdf.pages for c in page.chars]
    text = "".join(c["text"] for c in chars)
    for sub in ("一、铁路运力再创新高", "二、公路出行平稳有序", "三、民航航班正点率保持高位"):
        at = text.index(sub)
        faces = {c["fontname"].split("+")[-1] for c in chars[at:at + len(sub)]}
        assert len(faces) == 1 and "Sans" in faces.pop(), sub  # 黑体, the subhead style
        assert "Serif" in chars[at + len(sub)]["fontname"]  # the body after it is song
        line = {round(c["top"], 1) for c in chars[at:at + len(sub)]}
        assert len(line) <= 2  # lines of its own (two in a narrow column) ...
        before, after = chars[at - 1], chars[at + len(sub)]
        assert round(before["top"], 1) not in line and round(after["top"], 1) not in line  # ... shared with no body text
