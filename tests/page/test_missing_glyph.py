"""A character no face has is reported with its code point and never drawn as a
.notdef box (issue 2: never silently drawn as a blank or tofu)."""

from __future__ import annotations

from layout.cli import main

from .conftest import write_layout

RARE = """
    extends: house
    header: false
    stories:
      - id: rare
        columns: 1-2
        rows: 1-10
        headline: 罕见字测试
        body: 人名𠀀中有一个字库里没有的字。
"""


def _glyph_ids_drawn(path) -> list[int]:
    """Every glyph id the page's text shows: each 2-byte CID of a Tj/TJ string mapped
    through its font's CIDToGIDMap (our fonts are Identity-H Type0 fonts)."""
    import pikepdf

    with pikepdf.open(path) as pdf:
        page = pdf.pages[0]
        maps = {}
        for name, font in page.resources.Font.items():
            cid_font = font.DescendantFonts[0]
            maps[name] = bytes(cid_font.CIDToGIDMap.read_bytes())
        gids, current = [], None
        for operands, op in pikepdf.parse_content_stream(page):
            if str(op) == "Tf":
                current = maps[str(operands[0])]
            elif str(op) in ("Tj", "TJ"):
                items = operands[0] if str(op) == "TJ" else [operands[0]]
                for item in items:
                    if isinstance(item, pikepdf.String):
                        raw = bytes(item)
                        for i in range(0, len(raw), 2):
                            cid = int.from_bytes(raw[i:i + 2], "big")
                            gids.append(int.from_bytes(current[2 * cid:2 * cid + 2], "big"))
        return gids


def test_missing_character_is_reported_not_drawn(tmp_path, capsys):
    import pypdfium2

    src = write_layout(tmp_path, RARE)
    out = tmp_path / "rare.pdf"
    assert main(["render", str(src), "-o", str(out)]) == 0
    assert "U+20000" in capsys.readouterr().err
    assert main(["render", str(src), "-o", str(out), "--strict"]) == 1
    gids = _glyph_ids_drawn(out)
    assert len(gids) > 10 and 0 not in gids  # no .notdef glyph anywhere
    text = pypdfium2.PdfDocument(out)[0].get_textpage().get_text_range()
    assert "𠀀" not in text and "人名" in text
