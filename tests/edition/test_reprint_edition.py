"""Reprint as an edition: an archive too long for one page gets the 报眉 on every
page (artifacts after the first), jump lines with the real page numbers and a 接题,
and its copy is exactly the archive's."""

from __future__ import annotations

import pdfplumber
from edition_helpers import copy_text

from layout.cli import main


def _archive(tmp_path):
    paras = copy_text(90, seed=5, sentences=5)
    text = ("\n\n文化周刊\n\n区文旅局\n\n黄河岸边的乡村旅游节热闹开幕\n\n本报讯 （记者 王金勇） " + "\n\n".join(paras)
            + "\n\n（林晓）\n")
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_long_reprint_is_an_edition_with_jump_lines(tmp_path):
    archive = _archive(tmp_path)
    out = tmp_path / "r.pdf"
    assert main(["reprint", str(archive), "-o", str(out), "--template", "tabloid", "-q"]) == 0
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
