"""``layout watch --serve``: the preview in a real headless browser (Debian's chromium):
the page pictures, the problems with file:line, overflow marked; after a save the
open page reloads by itself and shows the new render; a broken edit shows the error
over the last good pictures."""

from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.request

import pytest
from browser_helpers import CHROMEDRIVER, CHROMIUM, Driver, dump_dom
from cli_helpers import write_page
from watch_helpers import WatchProcess, save

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (sh scripts/test-deps.sh)")

STATE = ("var img = document.querySelector('#page-1 img');"
         "return {version: document.body.getAttribute('data-version'),"
         " status: document.getElementById('status').className,"
         " overflow: document.querySelectorAll('.mark.overflow').length,"
         " problems: Array.from(document.querySelectorAll('#problems li')).map(function (li) {"
         "   return li.textContent; }),"
         " image: img ? (img.complete ? img.naturalWidth : -1) : 0};")


def _serve(page_dir) -> tuple[WatchProcess, str]:
    w = WatchProcess(["page.yaml", "-o", "out.pdf", "--pdfx", "none", "--serve", "0"], page_dir)
    url = w.next_event("serve")["url"]
    assert url.startswith("http://127.0.0.1:")
    _drawn(url, w.next_event("build"))
    return w, url


def _drawn(url: str, build: dict, timeout: float = 90.0) -> dict:
    """The preview's state once the pictures of ``build`` are drawn (on a thread of
    the watch, after the PDF is written)."""
    assert build["ok"]
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        with urllib.request.urlopen(url + "state.json", timeout=30) as r:
            state = json.loads(r.read())
        if state["build"] == build["number"] and state["pages"]:
            return state
        time.sleep(0.05)
    raise AssertionError(f"render {build['number']} never reached the preview")


def test_preview_page_shows_pictures_problems_and_marks_and_follows_edits(page_dir, tmp_path_factory):
    profile = tmp_path_factory.mktemp("chromium")
    w, url = _serve(page_dir)
    with w:
        dom = dump_dom(url, profile)
        version = re.search(r'data-version="(\d+)"', dom).group(1)
        assert f'src="/page/1.png?v={version}"' in dom
        assert re.search(r'<li class="warning overflow"[^>]*><code>page\.yaml:7:5</code>', dom)
        assert 'class="mark overflow"' in dom

        with urllib.request.urlopen(url + "page/1.png", timeout=30) as r:
            png = r.read()
        with urllib.request.urlopen(url + "page.pdf", timeout=30) as r:
            assert r.read() == (page_dir / "out.pdf").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        width = int.from_bytes(png[16:20], "big")
        assert f'width="{width}"' in dom

        save(page_dir / "page.yaml", write_page(page_dir, rows="1-40").read_text(encoding="utf-8"))
        state = _drawn(url, w.next_event("build"))
        kinds = {(m["kind"], m["story"]) for m in state["pages"][0]["marks"]}
        assert {d["kind"] for d in state["diagnostics"]} == {"underfill"}  # 40 rows: the story ends short
        assert ("underfill", "lead") in kinds
        assert not any(kind == "overflow" for kind, _ in kinds)
        after = dump_dom(url, profile)
        assert int(re.search(r'data-version="(\d+)"', after).group(1)) > int(version)
        assert 'class="mark overflow"' not in after and 'class="warning overflow"' not in after
        assert re.search(r'<li class="warning underfill"[^>]*><code>page\.yaml:7:5</code>', after)


def test_preview_answers_only_to_its_own_host(page_dir):
    w, url = _serve(page_dir)
    with w:
        req = urllib.request.Request(url, headers={"Host": "attacker.example:80"})
        with pytest.raises(urllib.error.HTTPError) as e:
            urllib.request.urlopen(req, timeout=30)
        assert e.value.code == 403
        with pytest.raises(urllib.error.HTTPError) as e:
            urllib.request.urlopen(url + "../page.yaml", timeout=30)
        assert e.value.code == 404


@pytest.mark.skipif(CHROMEDRIVER is None, reason="chromedriver is not installed (sh scripts/test-deps.sh)")
def test_open_preview_reloads_itself_after_a_save(page_dir, tmp_path_factory):
    w, url = _serve(page_dir)
    with w:
        driver = Driver(tmp_path_factory.mktemp("chromedriver"))
        try:
            driver.open(url)
            first = driver.until(STATE, lambda s: s["image"] > 0)
            assert first["overflow"] == 1 and first["status"] == "ok"
            assert any("page.yaml:7:5" in p and "do not fit" in p for p in first["problems"])

            save(page_dir / "page.yaml", write_page(page_dir, rows="1-40").read_text(encoding="utf-8"))
            fixed = driver.until(STATE, lambda s: s["version"] != first["version"] and s["image"] > 0)
            assert fixed["overflow"] == 0 and not any("do not fit" in p for p in fixed["problems"])

            page = page_dir / "page.yaml"
            save(page, page.read_text(encoding="utf-8") + "    colums: 1-2\n")
            broken = driver.until(STATE, lambda s: s["status"] == "broken")
            assert broken["image"] > 0  # the last good pictures stay
            assert any("page.yaml:18:5" in p and "unknown key 'colums'" in p for p in broken["problems"])
            snippet = driver.run("return document.querySelector('#problems li.error pre.snippet').textContent;")
            assert snippet.splitlines() == ["18 |     colums: 1-2", "   |     ^^^^^^"]
        finally:
            driver.close()
