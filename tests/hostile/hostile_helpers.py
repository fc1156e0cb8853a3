"""Helpers for the hostile-input tests (issue 17): the CLI run in-process with its
exit code, stdout bytes and stderr text, and small fixtures written by the tests."""

from __future__ import annotations

import contextlib
import io
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

from layout.cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "kaifaqu-news.yaml"
_SEEDS = (ROOT.parent / "shared" / "seed" / "kaifaqu-news.txt", Path("/work/shared/seed/kaifaqu-news.txt"))
SEED = next((p for p in _SEEDS if p.exists()), _SEEDS[0])

# a small page of our own text (not copied from anywhere)
PAGE = """\
extends: house
header:
  title: 测试日报
  date: 2026-12-06
  page: 2
stories:
  - id: one
    columns: 1-4
    rows: 1-24
    headline: 河畔新建口袋公园开放
    byline: 本报讯（记者 林晓）
    body: |
      周末清晨，城东河畔新建的口袋公园迎来第一批游客。园内步道沿河铺设，老人在树荫下下棋，孩子们在草坪上放风筝。

      公园管理处介绍，园区保留了原有的十余棵老槐树，并增设了饮水点和休息座椅。
"""

ARCHIVE = """\
第02版：城市

河畔新建口袋公园开放

本报讯（记者 林晓）周末清晨，城东河畔新建的口袋公园迎来第一批游客。园内步道沿河铺设，老人在树荫下下棋，孩子们在草坪上放风筝。

公园管理处介绍，园区保留了原有的十余棵老槐树，并增设了饮水点和休息座椅。
"""


# Peak memory of a child process: VmHWM of its own address space.  (ru_maxrss is
# not usable: Linux carries the parent's high-water mark across fork and exec.)
HWM = ("def _hwm_kb():\n"
       "    for line in open('/proc/self/status'):\n"
       "        if line.startswith('VmHWM:'):\n"
       "            return int(line.split()[1])\n")


@dataclass
class Run:
    code: int
    out: bytes
    err: str


class _Stdin(io.TextIOWrapper):
    pass


def run(*argv: str, stdin: bytes | None = None) -> Run:
    """``layout ARGV`` in this process.  argparse's own usage errors (SystemExit)
    become their exit code, as the installed command would show."""
    out, err = io.BytesIO(), io.StringIO()
    fake_out = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    fake_in = io.TextIOWrapper(io.BytesIO(stdin or b""), encoding="utf-8")
    old_in, old_out = sys.stdin, sys.stdout
    sys.stdin, sys.stdout = fake_in, fake_out
    try:
        with contextlib.redirect_stderr(err):
            try:
                code = main(list(argv))
            except SystemExit as e:
                code = int(e.code or 0)
    finally:
        sys.stdin, sys.stdout = old_in, old_out
    fake_out.flush()
    return Run(code, out.getvalue(), err.getvalue())


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def page(folder: Path, name: str = "page.yaml", extra: str = "") -> Path:
    return write(folder, name, PAGE + extra)


def no_traceback(r: Run) -> None:
    assert "Traceback" not in r.err, r.err
