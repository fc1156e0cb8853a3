"""``layout watch`` as a real process: its JSON Lines events read on a thread, waited
for with a deadline; stopped with SIGINT (Ctrl-C) and killed if it does not end."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

from cli_helpers import spawn

DEADLINE = 90.0  # seconds for one render to show up (the first loads fonts; the CI machine is shared)


class WatchProcess:
    def __init__(self, args: list[str], cwd: Path):
        self.proc = spawn(["watch", *args, "--json"], cwd)
        self.events: queue.Queue[dict[str, Any]] = queue.Queue()
        self.seen: list[dict[str, Any]] = []
        self.stderr: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._read_err, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.events.put(json.loads(line))

    def _read_err(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.stderr.append(line)

    def next_event(self, name: str, timeout: float = DEADLINE) -> dict[str, Any]:
        end = time.monotonic() + timeout
        while True:
            left = end - time.monotonic()
            if left <= 0 or self.proc.poll() is not None and self.events.empty():
                raise AssertionError(f"no {name!r} event in {timeout:.0f} s; stderr:\n{''.join(self.stderr)}")
            try:
                event = self.events.get(timeout=min(left, 0.5))
            except queue.Empty:
                continue
            self.seen.append(event)
            if event["event"] == name:
                return event

    def stop(self, timeout: float = 20.0) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        return self.proc.returncode

    def __enter__(self) -> WatchProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def save(path: Path, text: str) -> None:
    """Save as most editors do: the new text written to a temporary file renamed over
    the old one (a reader never sees half a file); the stamp moves on even on a
    coarse clock."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    tmp = path.with_name(f".{path.name}.swp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
    if path.stat().st_mtime_ns == before:
        os.utime(path, ns=(before + 1_000_000, before + 1_000_000))


def save_in_place(path: Path, text: str) -> None:
    """Save as an editor that rewrites the file in place does (truncate, then write)."""
    with path.open("w", encoding="utf-8") as f:
        f.write(text[: len(text) // 2])
        f.flush()
        time.sleep(0.002)  # a slow writer: half the file is there for a moment
        f.write(text[len(text) // 2:])
