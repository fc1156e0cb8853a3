"""Helpers for the command-line tests: the test page (written into a folder), the CLI
as a real process (``spawn``)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src"

# A page with one story that overflows (rows 1-6 hold less than its text) and one
# that fits, its body in a text file beside the layout.
PAGE = """\
extends: house
header:
  title: 测试新闻
  date: 2020-08-10
  page: 2
stories:
  - id: lead
    columns: 1-3
    rows: 1-6
    headline: 新区建设稳步推进
    body: |
      {body}
  - id: side
    columns: 4-5
    rows: 1-30
    headline: 社区服务再升级
    body_file: side.txt
"""

LEAD_TEXT = "今年以来，新区围绕重点项目建设，统筹推进道路、管网和公共服务设施，各项工作稳步向前。" * 6
SIDE_TEXT = "社区服务中心新设了便民窗口，居民办事不再来回跑。\n\n工作人员说，下一步还将延长服务时间。\n"


@dataclass
class Ran:
    code: int
    out: str
    err: str


def write_page(folder: Path, body: str = LEAD_TEXT, rows: str = "1-6", extra: str = "") -> Path:
    text = PAGE.format(body=body).replace("rows: 1-6", f"rows: {rows}") + extra
    (folder / "side.txt").exists() or (folder / "side.txt").write_text(SIDE_TEXT, encoding="utf-8")
    path = folder / "page.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def layout_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH", "")]))
    env["NO_COLOR"] = "1"
    return env


def ctrl_c_as_in_a_terminal() -> None:
    """In the child before exec: SIGINT back to its default.  A test run started in the
    background of a non-interactive shell inherits SIGINT ignored, and Python then
    installs no KeyboardInterrupt handler: Ctrl-C tests would test nothing."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def spawn(args: list[str], cwd: Path) -> subprocess.Popen[str]:
    """``layout ARGS`` as a process of its own (what a user starts in a terminal)."""
    return subprocess.Popen([sys.executable, "-m", "layout", *args], cwd=cwd, env=layout_env(), text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, encoding="utf-8",
                            preexec_fn=ctrl_c_as_in_a_terminal)
