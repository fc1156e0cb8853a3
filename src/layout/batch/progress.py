"""A progress line on stderr: archives and pages done, pages/s, ETA.

Drawn only when stderr is a terminal (a log file or a CI console gets the summary
alone) and not under ``-q``.  One line rewritten in place with ``\\r``; no
dependency: a batch prints a line at most every ``EVERY`` seconds.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

EVERY = 0.2  # seconds between redraws


class Progress:
    def __init__(self, total: int, *, enabled: bool | None = None, stream: TextIO | None = None):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.total = total
        self.archives = 0
        self.pages = 0
        self.failed = 0
        self.start = time.monotonic()
        self._drawn = 0.0
        self._width = 0

    def add(self, pages: int, failed: bool = False) -> None:
        self.archives += 1
        self.pages += pages
        self.failed += failed
        now = time.monotonic()
        if self.enabled and (now - self._drawn >= EVERY or self.archives == self.total):
            self._draw(now)

    def line(self, now: float | None = None) -> str:
        elapsed = max(1e-6, (now or time.monotonic()) - self.start)
        rate = self.pages / elapsed
        left = self.total - self.archives
        eta = f", ETA {_clock(elapsed / self.archives * left)}" if self.archives and left else ""
        failed = f", {self.failed} failed" if self.failed else ""
        return (f"layout reprint: {self.archives}/{self.total} archives, {self.pages} pages{failed}, "
                f"{rate:.2f} pages/s{eta}")

    def _draw(self, now: float) -> None:
        text = self.line(now)
        self.stream.write("\r" + text.ljust(self._width))
        self.stream.flush()
        self._width = len(text)
        self._drawn = now

    def close(self) -> None:
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()


def _clock(seconds: float) -> str:
    s = int(seconds + 0.5)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"
