"""A layout mistake through the command line: exit 2, the message with file, line and
column on stderr, no PDF written."""

from __future__ import annotations

from model_helpers import BASE, line_of

from layout.cli import main
from layout.errors import EXIT_USAGE


def test_render_of_a_bad_layout_exits_2_without_a_pdf(page, capsys):
    text = BASE + "    colums: 1-2\n"
    src = page.write("page.yaml", text)
    out = page.folder / "page.pdf"
    assert main(["render", str(src), "-o", str(out)]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert f"page.yaml:{line_of(text, 'colums')}:5: unknown key 'colums'" in err
    assert "did you mean 'columns'?" in err and "Traceback" not in err
    assert not out.exists()
