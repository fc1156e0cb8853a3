"""Run as the command, the CLI ends the process without tearing the interpreter
down (``cli.exit_now``): exit handlers still run, output is complete, codes kept."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"
PROGRAM = ("import atexit, sys\n"
           "atexit.register(lambda: print('handler ran', file=sys.stderr))\n"
           "from layout.cli import main\n"
           "sys.argv = ['layout', *sys.argv[1:]]\n"
           "main()\n"
           "print('not reached', file=sys.stderr)\n")


def _run(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run([sys.executable, "-c", PROGRAM, *args], capture_output=True, text=True, env=env,
                          timeout=120)


def test_output_complete_and_handlers_run():
    r = _run("fonts", "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["ok"] is True  # the whole JSON was flushed before the exit
    assert "handler ran" in r.stderr and "not reached" not in r.stderr


def test_exit_code_of_bad_input_kept(tmp_path):
    r = _run("render", str(tmp_path / "missing.yaml"), "-o", str(tmp_path / "x.pdf"))
    assert r.returncode == 2
    assert "missing.yaml" in r.stderr and "handler ran" in r.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_main_with_arguments_returns():
    from layout.cli import main

    assert main(["fonts", "-q"]) == 0  # called with argv (tests, the API): no exit


def test_a_profiler_still_gets_its_normal_exit(tmp_path):
    out = tmp_path / "prof.out"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    r = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(out), "-m", "layout", "fonts", "-q"],
                       capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    assert out.stat().st_size > 0  # cProfile wrote its statistics at exit
