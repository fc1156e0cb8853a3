"""One render of the watched page(s), the way ``layout render`` does it, in a process
that stays up between saves.

What stays warm between renders: the faces (loaded once per font file version; a
font set is rebuilt only when the layout's fonts: or a font file changed), photos
(render.imagecache), and composed paragraphs (compose.warm: a paragraph whose runs,
measure, style and faces did not change is not composed again).

A render that fails (a broken edit: bad YAML, an unknown key, a missing photo) writes
nothing: the last good PDF stays where it is, and the build carries the diagnostic.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from layout.diagnostics import Diagnostic, Severity, from_error, pages_diagnostics
from layout.errors import LayoutError
from layout.records import record
from layout.watch.poll import stamp

FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")


@record
class WatchSettings:
    """What to render and how (the ``layout render`` options that make sense here)."""

    layouts: tuple[str, ...]
    output: Path
    proof: bool = False
    pdfx: str | None = "X-4"
    marks: bool = False
    output_profile: str | None = None
    allow_paths: tuple[str, ...] = ()


@dataclass
class Build:
    """How one render went.  ``ok``: the PDF was written; otherwise ``diagnostics``
    holds the error and the previous PDF is untouched.  ``layouts``/``pages`` are the
    model and the placed pages (for the preview's marks); ``inputs`` every file the
    render read (what to watch next)."""

    number: int
    ok: bool
    seconds: float
    diagnostics: list[Diagnostic] = field(default_factory=list)
    inputs: list[str] = field(default_factory=list)
    pdf: bytes | None = None
    layouts: list[Any] = field(default_factory=list)
    pages: list[Any] = field(default_factory=list)
    stories: int = 0
    warm_hits: int = 0  # paragraphs taken from compose.warm, and composed anew
    warm_misses: int = 0
    kind: str = ""  # "PDF/X-4", "proof" … (pipeline.Output.kind)
    cpu: float = 0.0  # CPU seconds of the render (what the machine's load does not change)


class Builder:
    """Renders the page(s) of ``settings`` on demand; see the module doc."""

    def __init__(self, settings: WatchSettings, write: Callable[[Path, bytes], None]):
        """``write(path, data)`` puts the PDF in place whole (the command line's
        writer: the same rules as every output the CLI writes)."""
        from layout.compose import warm

        self.settings = settings
        self.write = write
        self.count = 0
        self.last_good: Build | None = None
        self.inputs: list[str] = [str(Path(p).resolve()) for p in settings.layouts]
        self._fontsets: dict[Any, Any] = {}
        warm.keep_warm(True)

    def close(self) -> None:
        """Stop keeping composed paragraphs (the memory goes with them)."""
        from layout.compose import warm

        warm.keep_warm(False)

    def build(self) -> Build:
        self.count += 1
        t0, c0 = time.perf_counter(), time.process_time()
        try:
            done = self._render()
        except LayoutError as e:
            done = Build(self.count, False, 0.0, [from_error(e)])
        except OSError as e:  # the output folder vanished, the disk is full …
            msg = f"cannot write {self.settings.output}: {e.strerror or e}"
            done = Build(self.count, False, 0.0, [Diagnostic(Severity.ERROR, msg)])
        except Exception as e:  # a bug must not end a session an editor relies on
            msg = f"internal error while rendering ({type(e).__name__}: {e})"
            done = Build(self.count, False, 0.0, [Diagnostic(Severity.ERROR, msg, kind="internal")])
        done.seconds = time.perf_counter() - t0
        done.cpu = time.process_time() - c0
        if done.ok:
            self.inputs = done.inputs
            self.last_good = done
        else:
            done.inputs = self.inputs  # a broken edit: keep watching what the last good render read
        return done

    def _render(self) -> Build:
        """``layout render``'s pipeline (``pipeline.load`` … ``render_placed``), with the
        font sets kept from render to render (``_fontset``)."""
        from layout.compose import warm
        from layout.pipeline import load, render_placed
        from layout.place import place_page
        from layout.render.output import OutputOptions

        s = self.settings
        layouts = load(s.layouts, s.allow_paths)
        inputs = list(dict.fromkeys(i for lay in layouts for i in lay.inputs))
        _refuse_overwriting_an_input(s.output, inputs)
        fontsets = [self._fontset(lay) for lay in layouts]
        pages = [place_page(lay, fonts) for lay, fonts in zip(layouts, fontsets, strict=True)]
        header = layouts[0].header
        opts = OutputOptions(pdfx=s.pdfx, marks=s.marks, proof=s.proof, date=header.date if header else None,
                             output_profile=s.output_profile)
        out = render_placed(pages, fontsets, opts, source=s.layouts[0])
        self.write(s.output, out.pdf)
        hits, misses = warm.hits, warm.misses
        warm.new_round()  # after a good render only: a broken edit in between keeps what the page used
        placed = sum(len(p.problems) for p in pages)
        diagnostics = pages_diagnostics([(lay, page.problems) for lay, page in zip(layouts, pages, strict=True)],
                                        out.problems[placed:])
        return Build(self.count, True, 0.0, diagnostics, inputs, out.pdf, layouts, pages, out.stories, hits, misses,
                     out.kind)

    def _fontset(self, layout: Any) -> Any:
        """The layout's font set, the one built before when neither its fonts: nor a
        font file changed (faces are loaded once, and compose.warm keys on it)."""
        files = tuple((i, stamp(Path(i))) for i in layout.inputs if i.lower().endswith(FONT_SUFFIXES))
        key = (repr(layout.fonts), files)  # FontsConfig holds dicts: its repr is the hashable form
        fonts = self._fontsets.get(key)
        if fonts is None:
            fonts = layout.fonts.fontset()
            self._fontsets = {key: fonts}  # one font configuration at a time is what an edit needs
        return fonts


def _refuse_overwriting_an_input(output: Path, inputs: Sequence[str]) -> None:
    target = output.resolve()
    if str(target) in inputs:
        raise LayoutError(f"the output {output} is one of the files the page reads; it would be overwritten",
                          hint="choose another -o")
