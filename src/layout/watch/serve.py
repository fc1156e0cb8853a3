"""The live preview: a small web server on 127.0.0.1 showing the watched pages as
PNGs, the problems with file:line, and marks over the pages for overflow, underfill
and holes.  The page reloads itself when a render finishes (a long poll on /wait),
so the browser follows the editor's saves.

Only the loopback interface is bound, only a fixed set of paths is answered (no file
is served from disk), and a request whose Host is not this server is refused (a web
page elsewhere cannot read the preview through DNS rebinding).

Routes: ``/`` the page; ``/page/N.png`` page N's picture; ``/page.pdf`` the last good
PDF; ``/state.json`` the same as data; ``/wait?v=V`` answers with the version once it
differs from V (or after 25 s).
"""

from __future__ import annotations

import html
import json
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from layout.diagnostics import Diagnostic, Severity, source_snippet
from layout.watch.marks import Mark
from layout.watch.preview import PagePicture

WAIT_SECONDS = 25.0  # a long poll answers at the latest after this (proxies and browsers time out later)


@dataclass
class PreviewState:
    """What the preview shows; ``update`` replaces it and wakes the waiting browsers."""

    title: str
    output: str
    version: int = 0
    ok: bool = True
    status: str = "starting"
    diagnostics: list[Diagnostic] = field(default_factory=list)
    pictures: list[PagePicture] = field(default_factory=list)
    marks: list[list[Mark]] = field(default_factory=list)
    pdf: bytes = b""  # the last good PDF, served as /page.pdf
    build: int = 0  # the render whose status and problems are shown
    changed: threading.Condition = field(default_factory=threading.Condition)

    def update(self, build: int, *, ok: bool, status: str, diagnostics: Sequence[Diagnostic],
               pictures: Sequence[PagePicture] | None = None, marks: Sequence[Sequence[Mark]] | None = None,
               pdf: bytes | None = None) -> None:
        """Render ``build`` finished: ``pictures``/``marks``/``pdf`` None keeps the last
        good ones.  A good render's pictures arrive after later renders may have been
        shown (they are drawn on a thread): they are taken, its status is not."""
        with self.changed:
            if build >= self.build:
                self.build, self.ok, self.status, self.diagnostics = build, ok, status, list(diagnostics)
            if pdf is not None:
                self.pdf = pdf
            if pictures is not None:
                self.pictures = list(pictures)
            if marks is not None:
                self.marks = [list(m) for m in marks]
            self.version += 1
            self.changed.notify_all()

    def wait(self, seen: int, timeout: float = WAIT_SECONDS) -> int:
        with self.changed:
            self.changed.wait_for(lambda: self.version != seen, timeout)
            return self.version

    def to_json(self) -> dict[str, Any]:
        with self.changed:
            return {"version": self.version, "build": self.build, "ok": self.ok, "status": self.status, "output": self.output,
                    "diagnostics": [d.to_json() for d in self.diagnostics],
                    "pages": [{"png": f"/page/{n}.png?v={self.version}", "width": p.width, "height": p.height,
                               "marks": [m.to_json() for m in (self.marks[n - 1] if n <= len(self.marks) else [])]}
                              for n, p in enumerate(self.pictures, 1)]}


class PictureWorker:
    """Draws the pictures of good renders on a thread of its own, so the watch goes
    back to polling as soon as the PDF is written (drawing a broadsheet page with its
    photos takes longer than setting it).  Only the newest render waiting is drawn:
    a render that a newer one overtook is skipped."""

    def __init__(self, state: PreviewState, draw: Callable[[Any], dict[str, Any]]):
        self.state, self.draw = state, draw
        self._job: tuple[int, Any] | None = None
        self._ready = threading.Condition()
        self._stop = False
        self.thread = threading.Thread(target=self._run, name="layout-preview-pictures", daemon=True)
        self.thread.start()

    def submit(self, build: int, job: Any) -> None:
        with self._ready:
            self._job = (build, job)
            self._ready.notify()

    def idle(self, timeout: float = 60.0) -> bool:
        """Wait until no job is waiting or being drawn (tests, shutdown)."""
        with self._ready:
            return self._ready.wait_for(lambda: self._job is None and not self._busy, timeout)

    _busy = False

    def _run(self) -> None:
        while True:
            with self._ready:
                self._ready.wait_for(lambda: self._job is not None or self._stop)
                if self._stop:
                    return
                assert self._job is not None
                (build, job), self._job = self._job, None
                self._busy = True
            try:
                self.state.update(build, **self.draw(job))
            except Exception as e:  # a picture that cannot be drawn must not end the watch
                self.state.update(build, ok=False, status=f"the preview could not be drawn: {e}",
                                  diagnostics=[])
            finally:
                with self._ready:
                    self._busy = False
                    self._ready.notify_all()

    def stop(self) -> None:
        with self._ready:
            self._stop = True
            self._ready.notify_all()
        self.thread.join(10)


class PreviewServer:
    """The HTTP server in a daemon thread; ``url`` once started, ``stop()`` to end."""

    def __init__(self, state: PreviewState, port: int = 0, host: str = "127.0.0.1"):
        self.state = state
        handler = type("Handler", (_Handler,), {"state": state})
        self.httpd = ThreadingHTTPServer((host, port), handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.url = f"http://{host}:{self.port}/"
        handler.allowed_hosts = {f"{host}:{self.port}", f"localhost:{self.port}"}
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="layout-preview", daemon=True)

    def start(self) -> PreviewServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        with self.state.changed:  # release long polls so their threads end
            self.state.changed.notify_all()
        self.httpd.shutdown()
        self.httpd.server_close()


class _Handler(BaseHTTPRequestHandler):
    state: PreviewState
    allowed_hosts: set[str] = set()
    server_version = "layout-watch"

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the terminal belongs to the diagnostics

    def do_GET(self) -> None:
        if self.headers.get("Host", "") not in self.allowed_hosts:
            self._send(403, "text/plain; charset=utf-8", b"this preview answers on 127.0.0.1 only\n")
            return
        url = urlsplit(self.path)
        if url.path == "/":
            self._send(200, "text/html; charset=utf-8", render_html(self.state).encode("utf-8"))
        elif url.path == "/state.json":
            self._send(200, "application/json", json.dumps(self.state.to_json(), ensure_ascii=False).encode())
        elif url.path == "/wait":
            seen = _int(parse_qs(url.query).get("v", ["-1"])[0])
            self._send(200, "text/plain; charset=utf-8", str(self.state.wait(seen)).encode())
        elif url.path.startswith("/page/") and url.path.endswith(".png"):
            self._picture(url.path)
        elif url.path == "/page.pdf" and self.state.pdf:
            self._send(200, "application/pdf", self.state.pdf)
        else:
            self._send(404, "text/plain; charset=utf-8", b"not found\n")

    def _picture(self, path: str) -> None:
        n = _int(path[len("/page/"):-len(".png")])
        pictures = self.state.pictures
        if not 1 <= n <= len(pictures):
            self._send(404, "text/plain; charset=utf-8", b"no such page\n")
            return
        self._send(200, "image/png", pictures[n - 1].png)

    def _send(self, code: int, kind: str, body: bytes) -> None:
        try:
            self.send_response(code)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser went away (a reload while we answered)


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        return -1


# ----------------------------------------------------------------- the page
_STYLE = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 0; background: #e8e8e8; color: #222; }
header { background: #fff; padding: 8px 16px; border-bottom: 1px solid #ccc; position: sticky; top: 0; z-index: 2; }
h1 { font-size: 16px; margin: 0; display: inline; } #status { margin-left: 1em; }
#status.ok { color: #176117; } #status.broken { color: #b00020; font-weight: bold; }
#problems { background: #fff; margin: 0; padding: 4px 16px 8px; border-bottom: 1px solid #ccc; }
#problems ul { margin: 0; padding-left: 1.2em; } #problems li.error { color: #b00020; }
#problems li.warning { color: #8a5a00; } #problems .hint { color: #555; }
#problems code { color: #222; }
#problems pre.snippet { margin: 2px 0 4px; padding: 4px 8px; background: #f6f6f6; color: #222; }
#pages { display: flex; flex-wrap: wrap; gap: 16px; padding: 16px; }
figure { margin: 0; } figcaption { text-align: center; color: #555; }
.sheet { position: relative; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.3); }
.sheet img { display: block; width: 100%; height: 100%; }
.mark { position: absolute; box-sizing: border-box; font-size: 11px; color: #fff; overflow: hidden; }
.mark span { background: rgba(0,0,0,.65); padding: 0 3px; }
.mark.overflow { border: 2px solid #e00000; background: rgba(255,0,0,.10); }
.mark.underfill { border: 1px dashed #c07000; background: rgba(255,160,0,.25); }
.mark.hole { border: 1px dashed #0050c0; background: repeating-linear-gradient(45deg, rgba(0,80,192,.18) 0 6px,
  transparent 6px 12px); }
"""

_SCRIPT = """
(function () {
  var seen = document.body.getAttribute('data-version');
  function poll() {
    fetch('/wait?v=' + seen, {cache: 'no-store'}).then(function (r) { return r.text(); }).then(function (v) {
      if (v.trim() !== seen) { location.reload(); } else { poll(); }
    }).catch(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
"""


def render_html(state: PreviewState) -> str:
    """The whole preview page for the state as it is now (the browser needs no script
    to show it; the script only reloads it)."""
    with state.changed:
        version, ok, status = state.version, state.ok, state.status
        diagnostics, pictures, marks = list(state.diagnostics), list(state.pictures), list(state.marks)
    e = html.escape
    parts = [
        "<!DOCTYPE html>", '<html lang="zh"><head><meta charset="utf-8">',
        f"<title>{e(state.title)} – layout watch</title><style>{_STYLE}</style></head>",
        f'<body data-version="{version}">',
        f'<header><h1>{e(state.title)}</h1><span id="status" class="{"ok" if ok else "broken"}">{e(status)}</span>'
        f' <a id="pdf" href="/page.pdf?v={version}">PDF</a></header>',
        _problems_html(diagnostics),
        '<main id="pages">',
    ]
    for n, pic in enumerate(pictures, 1):
        page_marks = marks[n - 1] if n <= len(marks) else []
        parts.append(f'<figure class="page" id="page-{n}"><div class="sheet" style="width:{pic.width}px;'
                     f'height:{pic.height}px"><img src="/page/{n}.png?v={version}" alt="page {n}" '
                     f'width="{pic.width}" height="{pic.height}">')
        parts += [_mark_html(m) for m in page_marks]
        parts.append(f"</div><figcaption>page {n}</figcaption></figure>")
    parts += ["</main>", f"<script>{_SCRIPT}</script>", "</body></html>"]
    return "\n".join(parts)


def _problems_html(diagnostics: Sequence[Diagnostic]) -> str:
    e = html.escape
    if not diagnostics:
        return '<section id="problems" data-count="0"><p>No problems.</p></section>'
    items = []
    for d in diagnostics:
        where = f"<code>{e(str(d.where))}</code> " if d.where else ""
        hint = f' <span class="hint">– {e(d.hint)}</span>' if d.hint else ""
        items.append(f'<li class="{d.severity.value} {e(d.kind)}" data-kind="{e(d.kind)}">{where}'
                     f"{e(d.severity.value)}: {e(d.message)}{hint}{_snippet_html(d)}</li>")
    return (f'<section id="problems" data-count="{len(diagnostics)}"><ul>' + "".join(items) + "</ul></section>")


def _snippet_html(d: Diagnostic) -> str:
    """An error's source line with the caret under it, as the terminal shows it."""
    if d.severity is not Severity.ERROR:
        return ""
    snippet = source_snippet(d.where)
    if snippet is None:
        return ""
    number, text, caret = snippet
    pad = " " * len(str(number))
    return f'<pre class="snippet">{number} | {html.escape(text)}\n{pad} | {caret}</pre>'


def _mark_html(m: Mark) -> str:
    e = html.escape
    title = f"{m.where}: {m.label}" if m.where else m.label
    style = (f"left:{m.left * 100:.3f}%;top:{m.top * 100:.3f}%;width:{m.width * 100:.3f}%;"
             f"height:{m.height * 100:.3f}%")
    return (f'<div class="mark {e(m.kind)}" data-kind="{e(m.kind)}" style="{style}" title="{e(title)}">'
            f"<span>{e(m.label)}</span></div>")


def now() -> str:
    return time.strftime("%H:%M:%S")
