"""The ``layout`` command builds only the subcommand it is given (no imports of the
others), and still knows every command for --help and mistakes."""

from __future__ import annotations

import subprocess
import sys

import pytest

from layout.cli import COMMAND_NAMES, SUBCOMMANDS, build_parser, main

ALL = [COMMAND_NAMES.get(n, n) for n in SUBCOMMANDS]


def test_parser_for_one_command_has_only_it():
    assert build_parser(only="render").parse_args(["render", "a.yaml"]).command == "render"
    with pytest.raises(SystemExit):
        build_parser(only="render").parse_args(["import", "a.txt"])
    assert build_parser(only="import").parse_args(["import", "a.txt"]).command == "import"


def test_unknown_command_lists_every_command(capsys):
    with pytest.raises(SystemExit) as e:
        main(["bogus"])
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert all(repr(c) in err for c in ALL)


def test_render_does_not_import_the_other_commands():
    code = ("import sys; from layout.cli import main\n"
            "try: main(['render', '--help'])\nexcept SystemExit: pass\n"
            "print(sorted(m for m in sys.modules if m.startswith('layout.cli.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "layout.cli.render" in out and "layout.cli.reprint" not in out and "layout.cli.verify" not in out
