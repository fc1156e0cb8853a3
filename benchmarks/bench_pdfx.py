"""Cost of PDF/X post-processing and preflight on a ~1 MB page with embedded CJK fonts.

    python benchmarks/bench_pdfx.py [--repeat 5]

Builds a broadsheet-sized print page set with the seed text in three bundled CJK
faces (three subsets embedded) plus a photo, then times make_pdfx (pikepdf open,
edit, save) and preflight on it.
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
from pathlib import Path

from PIL import Image
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from layout.check.preflight import preflight
from layout.render import images, inks, marks, pdfbackend, pdfx

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "kaifaqu-news.txt"
FACES = ("NotoSerifSC-Regular.ttf", "NotoSansSC-Regular.ttf", "LXGWWenKai-Regular.ttf")


def build(pages: int) -> bytes:
    names = []
    for f in FACES:
        name = "Bench" + f.split("-")[0]
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(ROOT / "fonts" / f), asciiReadable=False))
        names.append(name)
    text = SEED.read_text(encoding="utf-8").replace("\n", "")
    buf = io.BytesIO()
    c = Canvas(buf, invariant=1, initialFontName=names[0])
    boxes = marks.page_boxes(marks.mm(350), marks.mm(500))
    photo = images.prepare_image(Image.radial_gradient("L").resize((1200, 800)).convert("RGB"),
                                 placed_size=(marks.mm(150), marks.mm(100)))
    per_line = 38
    for p in range(pages):
        pdfbackend.begin_page(c, boxes)
        images.draw_image(c, photo, marks.mm(10), marks.mm(380), marks.mm(150), marks.mm(100))
        t = c.beginText(marks.mm(10), marks.mm(370))
        inks.set_text_black(t)
        for i in range(120):
            t.setFont(names[(i + p) % 3], 9)
            start = ((p * 120 + i) * per_line) % max(1, len(text) - per_line)
            t.textLine(text[start:start + per_line])
        c.drawText(t)
        pdfbackend.end_page(c)
    c.save()
    return buf.getvalue()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--pages", type=int, default=4)
    a = ap.parse_args()
    raw = build(a.pages)
    times, pf = [], []
    for _ in range(a.repeat):
        t = time.perf_counter()
        out = pdfx.make_pdfx(raw, title="bench")
        times.append(time.perf_counter() - t)
        t = time.perf_counter()
        rep = preflight(out)
        pf.append(time.perf_counter() - t)
    print(f"input {len(raw) / 1e6:.2f} MB, {a.pages} page(s); output {len(out) / 1e6:.2f} MB; preflight ok={rep.ok}")
    print(f"make_pdfx: median {statistics.median(times) * 1000:.0f} ms (min {min(times) * 1000:.0f})")
    print(f"preflight: median {statistics.median(pf) * 1000:.0f} ms (min {min(pf) * 1000:.0f})")


if __name__ == "__main__":
    main()
