#!/usr/bin/env python3
"""Where a rendered page's time goes, stage by stage, fonts and photos already cached:
place, draw text, draw photos and the rest, canvas save (font subsets, streams),
the same with the PDF/X-4 objects written in that pass (the default output), and
``make_pdfx``'s pikepdf round trip (X-1a's path).

Why: render_sample.py gives the totals; this says which stage to work on.  The
machine is shared, so the clock is the process's CPU time (``time.process_time``:
waiting for a core another process holds is not counted) and every stage is timed
--repeat times; median and best are printed.

    python benchmarks/render_stages.py [--repeat 15] [--profile STAGE]

``--profile text`` (or place, images, save, pdfx) runs pyinstrument over that
stage's repeats.
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "kaifaqu-news.yaml"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--profile", choices=("place", "text", "images", "save", "save x4", "make_pdfx"))
    a = ap.parse_args()

    from layout.model import load_layout
    from layout.place import place_page
    from layout.place.items import ImageItem, TextItem
    from layout.render.canvas import new_canvas
    from layout.render.display import DisplayPage
    from layout.render.drawing import PageSetup, content_items, page_boxes_for
    from layout.render.output import OutputOptions, render_output
    from layout.render.pdfbackend import begin_page, draw_content, end_page
    from layout.render.pdfx import make_pdfx
    from layout.render.pdfxwrite import PdfxDocument, add_pdfx

    layout = load_layout(SAMPLE)
    fonts = layout.fonts.fontset()
    placed = place_page(layout, fonts)
    render_output([placed], fonts, OutputOptions())  # warm: fonts registered, photos cached
    boxes = page_boxes_for(placed, PageSetup())

    def canvas(out=None):
        c = new_canvas(out if out is not None else io.BytesIO(), boxes.media_size)
        begin_page(c, boxes, ())
        return c

    def draw_items(c, page, fonts):  # drawing (display list) + painting, as render_output does
        return draw_content(c, DisplayPage(boxes, fonts, content_items(page)))

    def only(kind) -> object:
        return type(placed)(placed.geometry, tuple(i for i in placed.items if isinstance(i, kind)),
                            placed.stories, placed.problems, placed.title, placed.source)

    text_page, image_page = only(TextItem), only(ImageItem)

    def save(x4: bool = False) -> float:  # a fresh canvas per run: fonts are embedded per document
        out = io.BytesIO()
        c = canvas(out)
        draw_items(c, placed, fonts)
        end_page(c)
        t = time.process_time()
        finish = add_pdfx(c, PdfxDocument("bench")) if x4 else None
        c.save()
        if finish:
            finish(out.getvalue())
        return time.process_time() - t

    buf = io.BytesIO()
    c = canvas(buf)
    draw_items(c, placed, fonts)
    end_page(c)
    c.save()
    plain = buf.getvalue()

    stages: dict[str, Callable[[], float | None]] = {
        "place": lambda: place_page(layout, fonts),
        "text": lambda: draw_items(canvas(), text_page, fonts),
        "images": lambda: draw_items(canvas(), image_page, fonts),
        "all items": lambda: draw_items(canvas(), placed, fonts),
        "save": save,
        "save x4": lambda: save(x4=True),
        "make_pdfx": lambda: make_pdfx(plain, title="bench"),
    }
    print(f"{len(text_page.items)} text lines, {len(image_page.items)} photos, "
          f"{len(plain) / 1024:.0f} KiB before PDF/X")
    for name, fn in stages.items():
        prof = None
        if a.profile and name == a.profile:
            from pyinstrument import Profiler

            prof = Profiler(interval=0.0005)
            prof.start()
        times = []
        for _ in range(a.repeat):
            t = time.process_time()
            inner = fn()
            times.append(inner if isinstance(inner, float) else time.process_time() - t)
        if prof is not None:
            prof.stop()
            print(prof.output_text(show_all=True))
        print(f"{name:10}: median {statistics.median(times) * 1000:6.1f} ms, best {min(times) * 1000:6.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
