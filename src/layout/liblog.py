"""Library log lines routed through our own messages (issue 17 class 11).

Why: fontTools, pdfminer and Pillow report through ``logging`` and ``warnings``;
left alone, Python prints them raw to stderr ("too much 'hmtx' table data",
"DecompressionBombWarning ...") between our messages, without saying which file or
that it is only a warning.  ``install`` gives those loggers one handler that prints
``layout: warning: LIBRARY: message`` once per distinct message (at most
``MAX_PER_LIBRARY`` a library, then a count), and silences Pillow's bomb warning:
the engine bounds decoding itself (``render.images``) and says so when it refuses.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import warnings

LIBRARIES = ("fontTools", "pdfminer", "pdfplumber", "PIL", "pikepdf", "reportlab")
MAX_PER_LIBRARY = 5


class _Handler(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.seen: set[tuple[str, str]] = set()
        self.counts: dict[str, int] = {}

    def emit(self, record: logging.LogRecord) -> None:
        with contextlib.suppress(Exception):  # a log line must never end a job
            self.say(record.name.split(".", 1)[0], record.getMessage().strip())

    def say(self, lib: str, text: str) -> None:
        if (lib, text) in self.seen:
            return
        self.seen.add((lib, text))
        n = self.counts[lib] = self.counts.get(lib, 0) + 1
        with contextlib.suppress(Exception):  # stderr closed: nothing to be done
            if n <= MAX_PER_LIBRARY:
                print(f"layout: warning: {lib}: {text}", file=sys.stderr)
            elif n == MAX_PER_LIBRARY + 1:
                print(f"layout: warning: {lib}: further warnings not shown", file=sys.stderr)


_handler: _Handler | None = None


def install() -> _Handler:
    """Route the libraries' log lines through our messages (idempotent)."""
    global _handler
    if _handler is None:
        _handler = _Handler()
    _handler.seen.clear()
    _handler.counts.clear()
    for name in LIBRARIES:
        log = logging.getLogger(name)
        if _handler not in log.handlers:
            log.addHandler(_handler)
        log.propagate = False
        if log.level == logging.NOTSET or log.level < logging.WARNING:
            log.setLevel(logging.WARNING)
    warnings.filterwarnings("ignore", message=r"Image size \(\d+ pixels\) exceeds limit")
    warnings.showwarning = _show_warning
    return _handler


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """``warnings.warn`` from a library (pikepdf: "Unexpected end of stream") as our
    warning line, named after the package the warning came from."""
    parts = str(filename).replace("\\", "/").split("/")
    lib = next((p for p in reversed(parts[:-1]) if p in LIBRARIES), None)
    if lib is None and "site-packages" in parts:
        lib = parts[parts.index("site-packages") + 1]
    if _handler is not None:
        _handler.say(lib or category.__name__, str(message).strip())
