"""A real headless browser for the preview tests: Debian's chromium, driven by its
command line (--dump-dom) or by chromedriver over plain HTTP/JSON (the W3C WebDriver
protocol: a handful of POSTs, no client library).  Each test starts and stops its own
browser; every wait has a deadline."""

from __future__ import annotations

import contextlib
import json
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
CHROMEDRIVER = shutil.which("chromedriver")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage"]


def dump_dom(url: str, profile: Path, timeout: float = 90.0) -> str:
    """The page's DOM after it loaded, as chromium serialises it."""
    r = subprocess.run([CHROMIUM or "chromium", *FLAGS, f"--user-data-dir={profile}", "--dump-dom", url],
                       capture_output=True, text=True, timeout=timeout)
    assert r.returncode == 0, r.stderr[-2000:]
    return r.stdout


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_json(method: str, url: str, body: dict[str, Any] | None = None, timeout: float = 60.0) -> Any:
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return json.loads(r.read() or b"null")


class Driver:
    """chromedriver and one browser session; ``run(js)`` returns the script's value."""

    def __init__(self, profile: Path):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen([CHROMEDRIVER or "chromedriver", f"--port={self.port}"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.session: str | None = None
        try:
            self._wait_ready()
            caps = {"browserName": "chrome", "goog:chromeOptions": {
                "binary": CHROMIUM, "args": [*FLAGS, f"--user-data-dir={profile}"]}}
            reply = http_json("POST", f"{self.base}/session", {"capabilities": {"alwaysMatch": caps}})
            self.session = reply["value"]["sessionId"]
        except BaseException:
            self.close()
            raise

    def _wait_ready(self, timeout: float = 30.0) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                if http_json("GET", f"{self.base}/status", timeout=2)["value"]["ready"]:
                    return
            except (OSError, urllib.error.URLError, KeyError, ValueError):
                pass
            time.sleep(0.1)
        raise AssertionError("chromedriver did not start")

    def open(self, url: str) -> None:
        http_json("POST", f"{self.base}/session/{self.session}/url", {"url": url})

    def run(self, script: str) -> Any:
        return http_json("POST", f"{self.base}/session/{self.session}/execute/sync",
                         {"script": script, "args": []})["value"]

    def until(self, script: str, want: Any, timeout: float = 60.0) -> Any:
        """Run ``script`` until ``want(value)`` holds (the page reloads by itself meanwhile)."""
        end = time.monotonic() + timeout
        value = None
        while time.monotonic() < end:
            try:
                value = self.run(script)
            except urllib.error.HTTPError:  # the page is between two loads
                value = None
            if value is not None and want(value):
                return value
            time.sleep(0.1)
        raise AssertionError(f"the page never showed it; last: {value!r}")

    def close(self) -> None:
        if self.session:
            with contextlib.suppress(OSError, urllib.error.URLError):
                http_json("DELETE", f"{self.base}/session/{self.session}", timeout=20)
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)
