"""ReportLab's C accelerator (rl_accel, a dependency for speed) changes no byte of
the output: a page rendered with it and without it (the import blocked, so
ReportLab falls back to its Python code) is the same file."""

from __future__ import annotations

import subprocess
import sys

from .conftest import SHORT_PAGE, write_layout

RENDER = ("import sys\n"
          "if sys.argv[1] == 'blocked': sys.modules['_rl_accel'] = None\n"
          "from reportlab.lib import rl_accel\n"
          "from layout.cli import main\n"
          "assert bool(rl_accel._c_funcs) == (sys.argv[1] == 'accel'), rl_accel._c_funcs\n"
          "sys.exit(main(['render', sys.argv[2], '-o', sys.argv[3], '-q']))\n")


def test_same_bytes_with_and_without_the_accelerator(tmp_path):
    page = write_layout(tmp_path, SHORT_PAGE)
    out = {}
    for mode in ("accel", "blocked"):
        out[mode] = tmp_path / f"{mode}.pdf"
        subprocess.run([sys.executable, "-c", RENDER, mode, str(page), str(out[mode])], check=True)
    assert out["accel"].read_bytes() == out["blocked"].read_bytes()
