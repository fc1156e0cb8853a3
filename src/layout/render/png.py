"""PNG previews of a PDF's pages (pypdfium2: a wheel from PyPI, no system tools),
so pages can be checked in a browser or a chat without a PDF viewer."""

from __future__ import annotations

from pathlib import Path

DEFAULT_DPI = 100


def write_pngs(pdf: bytes, folder: str | Path, stem: str, dpi: int = DEFAULT_DPI) -> list[Path]:
    """Render every page of ``pdf`` to ``folder/stem-pN.png``; returns the paths."""
    import pypdfium2 as pdfium

    from layout.cli.common import write_atomic

    out_dir = Path(folder)
    out_dir.mkdir(parents=True, exist_ok=True)
    doc = pdfium.PdfDocument(pdf)
    paths: list[Path] = []
    try:
        for i in range(len(doc)):
            image = doc[i].render(scale=dpi / 72, draw_annots=False).to_pil()
            import io

            buf = io.BytesIO()
            image.save(buf, format="PNG", optimize=False)
            path = out_dir / f"{stem}-p{i + 1}.png"
            write_atomic(path, buf.getvalue())
            paths.append(path)
    finally:
        doc.close()
    return paths
