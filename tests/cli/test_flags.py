"""-q, -v and --json on every command, with one meaning: -q prints nothing but
warnings and errors; -v adds what was read and how long each step took; --json puts
one JSON object on stdout (command, exit code, files written, diagnostics, what was
found).  Every command that writes a file says so.  `layout` alone is a usage error
with the help on stderr; help texts carry no markup."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from cli_helpers import ROOT

from layout.cli import COMMAND_NAMES, SUBCOMMANDS, build_parser, main
from layout.errors import EXIT_USAGE

ARCHIVE = ROOT / "tests" / "archive" / "data" / "city-briefs.txt"

# command -> (arguments, the files it writes)
COMMANDS = {
    "render": (["render", "page.yaml", "-o", "out.pdf"], ["out.pdf"]),
    "galley": (["galley", "side.txt", "-o", "galley.pdf"], ["galley.pdf"]),
    "fonts": (["fonts", "--check", "side.txt"], []),
    "schema": (["schema", "-o", "schema.json"], ["schema.json"]),
    "preflight": (["preflight", "press.pdf"], []),
    "import": (["import", "archive.txt", "-o", "imported.yaml"], ["imported.yaml"]),
    "reprint": (["reprint", "archive.txt", "-o", "reprint.pdf", "--template", "tabloid"], ["reprint.pdf"]),
    "verify": (["verify", "press.pdf", "--source", "archive.txt"], []),
}


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    """A folder with the test page, its text, an archive and the archive reprinted (press.pdf)."""
    from cli_helpers import write_page

    folder = tmp_path_factory.mktemp("flags")
    write_page(folder)
    shutil.copy(ARCHIVE, folder / "archive.txt")
    assert main(["reprint", str(folder / "archive.txt"), "-o", str(folder / "press.pdf"), "-q",
                 "--template", "tabloid"]) == 0
    return folder


def test_every_command_is_covered():
    assert set(COMMANDS) | {"watch"} == {COMMAND_NAMES.get(n, n) for n in SUBCOMMANDS}


@pytest.mark.parametrize("name", COMMANDS)
def test_json_is_one_object_with_the_result(name, work, cli):
    args, writes = COMMANDS[name]
    r = cli(*args, "--json", cwd=work)
    data = json.loads(r.out)
    assert data["command"] == name and data["exit"] == r.code and data["ok"] == (r.code == 0)
    assert [o["path"] for o in data["outputs"]] == writes
    assert all((work / p).stat().st_size > 0 for p in writes)
    assert isinstance(data["diagnostics"], list)
    assert len(data) > 5  # and what the command found


@pytest.mark.parametrize("name", COMMANDS)
def test_quiet_prints_only_problems_and_verbose_adds_steps(name, work, cli):
    args, writes = COMMANDS[name]
    normal = cli(*args, cwd=work)
    quiet = cli(*args, "-q", cwd=work)
    verbose = cli(*args, "-v", cwd=work)
    assert normal.code == quiet.code == verbose.code
    for path in writes:  # every command says what it wrote ...
        assert re.search(rf"^{re.escape(path)}: \S", normal.err, re.M), normal.err
        assert not re.search(rf"^{re.escape(path)}: ", quiet.err, re.M)  # ... but not under -q
    assert all(ln.startswith(("layout: warning", "layout: error", " ", "=")) or "|" in ln or ln.endswith("^")
               for ln in quiet.err.splitlines()), quiet.err
    if normal.code == 0:
        assert len(quiet.out) <= len(normal.out)
    assert re.search(r": \d+\.\d ms$", verbose.err, re.M), verbose.err
    assert len(verbose.err) > len(normal.err)


def test_quiet_and_verbose_exclude_each_other(work, cli, capsys):
    with pytest.raises(SystemExit) as e:
        main(["schema", "-q", "-v"])
    assert e.value.code == EXIT_USAGE and "not allowed with" in capsys.readouterr().err


def test_schema_json_embeds_the_schema_when_not_written(work, cli):
    data = json.loads(cli("schema", "--json", cwd=work).out)
    assert data["schema"]["type"] == "object" and data["outputs"] == []


def test_layout_alone_prints_help_on_stderr_and_exits_2(capsys):
    assert main([]) == EXIT_USAGE
    captured = capsys.readouterr()
    assert captured.out == "" and "usage: layout" in captured.err and "watch" in captured.err


def test_usage_errors_go_to_stderr(capsys):
    with pytest.raises(SystemExit) as e:
        main(["render"])
    captured = capsys.readouterr()
    assert e.value.code == EXIT_USAGE and captured.out == "" and "usage:" in captured.err


@pytest.mark.parametrize("name", [COMMAND_NAMES.get(n, n) for n in SUBCOMMANDS])
def test_help_has_no_markup_and_the_shared_flags(name):
    parser = build_parser(only=name)
    sub = next(a for a in parser._actions if a.dest == "command").choices[name]
    text = sub.format_help()
    assert "``" not in text and ":func:" not in text and ":class:" not in text
    for flag in ("-q", "--verbose", "--json", "--diagnostic-format"):
        assert flag in text


def test_json_and_stdout_output_exclude_each_other(work, cli):
    r = cli("schema", "-o", "-", "--json", cwd=work)
    assert r.code == EXIT_USAGE and "both write to standard output" in r.err
    assert json.loads(r.out)["exit"] == EXIT_USAGE and not (work / "-").exists()


def test_a_usage_mistake_under_json_is_in_the_json_too(capsys):
    with pytest.raises(SystemExit) as e:
        main(["render", "--json", "--pdfx", "x9", "page.yaml"])
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert e.value.code == EXIT_USAGE and data["exit"] == EXIT_USAGE and data["command"] == "render"
    assert data["diagnostics"][0]["kind"] == "usage" and "invalid choice" in data["diagnostics"][0]["message"]
    assert "usage:" in captured.err
