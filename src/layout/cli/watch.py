"""layout watch PAGE.yaml -o page.pdf [--serve [PORT]]: render again on every save.

The layout, the house styles it extends, its text files, photos and fonts are
watched; each save renders the page again in the same process (fonts and composed
paragraphs stay warm) and writes the PDF whole.  An edit that breaks the page shows
its diagnostic and leaves the last good PDF in place.  --serve adds a live preview
on http://127.0.0.1:PORT/.  Stop with Ctrl-C.
"""

from __future__ import annotations

import argparse
import signal
import time
from pathlib import Path

from layout.cli.common import Reporter, add_common_options
from layout.errors import EXIT_OK, LayoutError

DEFAULT_PORT = 8765
POLL_SECONDS = 0.01  # a stat per watched file every 10 ms: ~0.2 % of a core for a page of 10 files
SETTLE_SECONDS = 0.005  # a file still changing this soon after is still being written
SETTLE_MAX = 1.0


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "watch", help="render a page again on every save, optionally with a live preview in the browser",
        description=__doc__.split("\n\n", 1)[1].strip(), formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("layouts", nargs="+", metavar="PAGE.yaml", help="page layouts, in page order")
    p.add_argument("-o", "--output", help="the PDF to write (default: the first layout's name with .pdf)")
    p.add_argument("--proof", action="store_true",
                   help="write a proof: grid, story frames and ids, overflow, placeholders, slug line")
    p.add_argument("--pdfx", choices=("x4", "x1a", "none"), default="x4",
                   help="print standard of the PDF (default x4 = PDF/X-4; ignored for proofs)")
    p.add_argument("--marks", action="store_true", help="crop and registration marks in a slug outside the bleed")
    p.add_argument("--output-profile", metavar="FILE.icc", help="the plant's CMYK output profile")
    p.add_argument("--allow-path", action="append", default=[], metavar="DIR",
                   help="let the layout read files under DIR (outside its own folder)")
    p.add_argument("--serve", nargs="?", type=_port, const=DEFAULT_PORT, metavar="PORT",
                   help=f"serve a live preview on http://127.0.0.1:PORT/ (default port {DEFAULT_PORT}; "
                        "0 picks a free one)")
    p.add_argument("--dpi", type=int, default=60, help="resolution of the preview pictures (default 60)")
    add_common_options(p)
    p.set_defaults(run=run)


def _port(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 0 <= n <= 65535:
        raise argparse.ArgumentTypeError(f"{n}: a port is 0-65535")
    return n


def run(args: argparse.Namespace) -> int:
    from layout.files import STDIO, plan_output
    from layout.render.output import PDFX_CHOICES
    from layout.watch.build import Builder, WatchSettings
    from layout.watch.poll import Watched

    report: Reporter = args.reporter
    report.streaming = True
    for name in args.layouts:
        if not Path(name).is_file():
            raise LayoutError(f"{name}: no such layout file")
    if not 10 <= args.dpi <= 600:
        raise LayoutError(f"--dpi {args.dpi}: the preview takes 10-600")
    if args.output == STDIO or STDIO in args.layouts:
        raise LayoutError("layout watch reads and writes files ('-' is not a file to watch or to write again)",
                          hint="use layout render for standard input and output")
    out = Path(args.output) if args.output else Path(args.layouts[0]).with_suffix(".pdf")
    target = plan_output(out, inputs=args.layouts)  # checked once, before any work (layout.files)
    settings = WatchSettings(tuple(args.layouts), out, args.proof, PDFX_CHOICES[args.pdfx], args.marks,
                             args.output_profile, tuple(args.allow_path))
    builder = Builder(settings, lambda _path, data: target.write(data))
    watched = Watched(builder.inputs)
    session = _Session(report, builder, args)
    before = signal.signal(signal.SIGTERM, _interrupt)  # `kill PID` ends the watch as Ctrl-C does
    try:
        if args.serve is not None:
            session.serve(args.serve)
        session.render([])
        watched.retarget(builder.inputs)
        report.info(f"watching {len(watched.paths)} files; Ctrl-C to stop")
        for path in watched.paths:
            report.detail(f"  {path}")
        while True:
            time.sleep(POLL_SECONDS)
            changed = watched.changed()
            if changed:
                changed += _settle(watched)
                session.render(changed)
                watched.retarget(builder.inputs)
    except KeyboardInterrupt:
        report.info("stopped")
    finally:
        session.close()
        builder.close()
        signal.signal(signal.SIGTERM, before)
    return EXIT_OK


class _Session:
    """One watch: renders, tells the user, feeds the preview."""

    def __init__(self, report: Reporter, builder, args: argparse.Namespace):
        self.report, self.builder, self.args = report, builder, args
        self.server = None
        self.state = None
        self.pictures = None

    def serve(self, port: int) -> None:
        from layout.watch.serve import PictureWorker, PreviewServer, PreviewState

        self.state = PreviewState(", ".join(self.args.layouts), str(self.builder.settings.output))
        self.pictures = PictureWorker(self.state, self._draw)
        try:
            self.server = PreviewServer(self.state, port).start()
        except OSError as e:
            raise LayoutError(f"cannot serve the preview on 127.0.0.1:{port}: {e.strerror or e}",
                              hint="another program uses the port: give another (--serve 8766) or 0") from None
        self.report.info(f"preview: {self.server.url}")
        self.report.event("serve", url=self.server.url, port=self.server.port)

    def render(self, changed: list[Path]) -> None:
        r = self.report
        if changed:
            r.detail("changed: " + ", ".join(str(p) for p in changed))
        b = self.builder.build()
        for d in b.diagnostics:
            r.diagnose(d)
        out = self.builder.settings.output
        stamp = time.strftime("%H:%M:%S")
        if b.ok:
            r.info(f"[{stamp}] {out}: {b.kind}, {len(b.pages)} page(s), {b.stories} stories, "
                   f"{len(b.pdf) / 1024:.0f} KiB in {b.seconds * 1000:.0f} ms")
            r.detail(f"composed paragraphs: {b.warm_hits} kept warm, {b.warm_misses} set again")
        else:
            kept = "the last good PDF is kept" if self.builder.last_good else "no PDF written yet"
            r.info(f"[{stamp}] render {b.number} failed; {kept}")
        r.event("build", number=b.number, ok=b.ok, seconds=round(b.seconds, 4), cpu=round(b.cpu, 4),
                output=str(out) if b.ok else None, diagnostics=[d.to_json() for d in b.diagnostics])
        if self.state is not None:
            self._preview(b, stamp)

    def _preview(self, b, stamp: str) -> None:
        if b.ok:
            status = f"rendered {stamp} in {b.seconds * 1000:.0f} ms → {self.builder.settings.output}"
            self.pictures.submit(b.number, (b, status))
        else:
            kept = "showing the last good render" if self.builder.last_good else "nothing rendered yet"
            self.state.update(b.number, ok=False, status=f"render failed at {stamp}; {kept}",
                              diagnostics=b.diagnostics)

    def _draw(self, job) -> dict:
        """(on the picture thread) a good render's pictures and marks."""
        from layout.watch.marks import page_marks
        from layout.watch.preview import page_pictures

        b, status = job
        marks = [page_marks(lay, page) for lay, page in zip(b.layouts, b.pages, strict=True)]
        return {"ok": True, "status": status, "diagnostics": b.diagnostics, "pictures": page_pictures(b.pdf, self.args.dpi),
                "marks": marks, "pdf": b.pdf}

    def close(self) -> None:
        if self.pictures is not None:
            self.pictures.stop()
        if self.server is not None:
            self.server.stop()


def _settle(watched) -> list[Path]:
    """Wait until the watched files stop changing: an editor that rewrites a file in
    place (truncate, write) would otherwise be caught half-way and show an error
    that is gone a moment later.  Returns what else changed meanwhile."""
    more: list[Path] = []
    end = time.monotonic() + SETTLE_MAX
    while time.monotonic() < end:
        time.sleep(SETTLE_SECONDS)
        now = watched.changed()
        if not now:
            break
        more += now
    return more


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt
