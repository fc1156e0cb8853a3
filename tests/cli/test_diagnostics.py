"""Diagnostics as a user sees them: the offending source line with a caret under the
span, then the hint; one line per problem with --diagnostic-format short; warnings
about a story at the story's file:line; never a traceback."""

from __future__ import annotations

import json

from cli_helpers import write_page

from layout.diagnostics import Diagnostic, Severity, display_width, format_short, source_snippet, token_length
from layout.errors import EXIT_OK, EXIT_USAGE, Location


def test_bad_key_shows_its_source_line_and_a_caret_under_it(page_dir, cli):
    write_page(page_dir, extra="    colums: 1-2\n")  # a typo in the last story
    r = cli("render", "page.yaml", "-o", "out.pdf", cwd=page_dir)
    assert r.code == EXIT_USAGE and not (page_dir / "out.pdf").exists()
    lines = r.err.splitlines()
    head = next(i for i, ln in enumerate(lines) if "unknown key 'colums'" in ln)
    assert lines[head].startswith("layout: error: page.yaml:18:5: unknown key 'colums'")
    assert lines[head + 2] == "18 |     colums: 1-2"
    assert lines[head + 3] == "   |     ^^^^^^"  # under the key, as long as the key
    assert lines[head + 4] == "   = hint: did you mean 'columns'?"
    assert "Traceback" not in r.err


def test_caret_under_chinese_text_counts_two_columns_per_character(page_dir, cli):
    text = (page_dir / "page.yaml").read_text(encoding="utf-8")
    (page_dir / "page.yaml").write_text(text.replace("headline: 新区建设稳步推进",
                                                     "headline_style: 大标题\n    headline: 新区建设稳步推进"),
                                        encoding="utf-8")
    r = cli("render", "page.yaml", "-o", "out.pdf", cwd=page_dir)
    assert r.code == EXIT_USAGE
    lines = r.err.splitlines()
    i = next(i for i, ln in enumerate(lines) if ln.endswith("headline_style: 大标题"))
    source, caret = lines[i], lines[i + 1]
    col = source.index("大标题")
    assert caret.index("^") == col and caret.count("^") == 6  # three wide characters


def test_short_format_is_one_line_per_problem_for_editors(page_dir, cli):
    write_page(page_dir, extra="    colums: 1-2\n")
    r = cli("render", "page.yaml", "--diagnostic-format", "short", cwd=page_dir)
    assert r.code == EXIT_USAGE
    assert r.err.splitlines() == [
        "page.yaml:18:5: error: unknown key 'colums' in layout.stories[2]; allowed: " + r.err.split("allowed: ")[1]
        .split(" (hint")[0] + " (hint: did you mean 'columns'?)"]


def test_overflow_warning_points_at_the_story(page_dir, cli):
    r = cli("render", "page.yaml", "-o", "out.pdf", "--diagnostic-format", "short", cwd=page_dir)
    assert r.code == EXIT_OK and (page_dir / "out.pdf").exists()
    warning = next(ln for ln in r.err.splitlines() if "do not fit" in ln)
    assert warning.startswith("page.yaml:7:5: warning: story 'lead': ")
    under = next(ln for ln in r.err.splitlines() if "underfill" in ln)
    assert under.startswith("page.yaml:13:5: warning: story 'side': underfill")
    human = cli("render", "page.yaml", "-o", "out.pdf", cwd=page_dir).err.splitlines()
    i = next(i for i, ln in enumerate(human) if "do not fit" in ln)
    assert human[i + 2] == "7 |   - id: lead" and human[i + 3] == "  |     ^^^^^^^^"  # the story's line
    assert "more rows or columns" in human[i + 4]


def test_strict_makes_the_overflow_an_error_exit_but_not_the_underfill(page_dir, cli):
    assert cli("render", "page.yaml", "-o", "out.pdf", "--strict", "-q", cwd=page_dir).code == 1
    write_page(page_dir, rows="1-40")  # no overflow now; both stories end short
    r = cli("render", "page.yaml", "-o", "out.pdf", "--strict", "--json", cwd=page_dir)
    assert r.code == 0 and {d["kind"] for d in json.loads(r.out)["diagnostics"]} == {"underfill"}


def test_json_carries_the_diagnostics_with_their_places(page_dir, cli):
    r = cli("render", "page.yaml", "-o", "out.pdf", "--json", cwd=page_dir)
    data = json.loads(r.out)
    over, under = data["diagnostics"]
    assert (over["severity"], over["kind"], over["file"], over["line"], over["column"], over["story"]) == (
        "warning", "overflow", "page.yaml", 7, 5, "lead")
    assert (under["kind"], under["file"], under["line"], under["story"]) == ("underfill", "page.yaml", 13, "side")
    write_page(page_dir, extra="    colums: 1-2\n")
    bad = json.loads(cli("render", "page.yaml", "--json", "-q", cwd=page_dir).out)
    assert (bad["exit"], bad["ok"], bad["outputs"]) == (EXIT_USAGE, False, [])
    assert (bad["diagnostics"][0]["line"], bad["diagnostics"][0]["hint"]) == (18, "did you mean 'columns'?")


def test_yaml_syntax_error_shows_the_line(page_dir, cli):
    (page_dir / "page.yaml").write_text("extends: house\nheader: {title: 新闻\nstories: []\n", encoding="utf-8")
    r = cli("render", "page.yaml", cwd=page_dir)
    assert r.code == EXIT_USAGE and "YAML syntax" in r.err and " | " in r.err and "^" in r.err


def test_spans_of_keys_values_quotes_and_flow_items():
    assert token_length("    colums: 1-2", 4) == 6
    assert token_length("    rows: 60-80 # comment", 10) == 5
    assert token_length('    headline: "引题：正文"', 14) == 7
    assert token_length("page: {size: 大五, margins: 15mm}", 13) == 2
    assert token_length("rule: [below, rihgt]", 14) == 5
    assert display_width("本报讯 a") == 8


def test_no_snippet_when_the_file_cannot_be_read(tmp_path):
    d = Diagnostic(Severity.ERROR, "bad", Location(str(tmp_path / "gone.yaml"), 3, 1), "fix it")
    assert source_snippet(d.where) is None
    assert format_short(d) == f"{tmp_path / 'gone.yaml'}:3:1: error: bad (hint: fix it)"


def test_any_story_problem_points_at_its_story_and_header_ones_at_the_page():
    """Whatever placing reports by story (underfill included) gets the story's place;
    a problem of the page header gets the layout file."""
    from types import SimpleNamespace as NS

    from layout.diagnostics import pages_diagnostics

    layout = NS(source="/abs/page.yaml", stories=[NS(id="a", where=Location("page.yaml", 7, 5))])
    problems = [NS(kind="underfill", story="a", message="story 'a': 3 empty lines"),
                NS(kind="missing-glyph", story=None, message="header: no font has 'X'")]
    under, header = pages_diagnostics([(layout, problems)])
    assert (str(under.where), under.kind, under.story, under.severity) == ("page.yaml:7:5", "underfill", "a",
                                                                           Severity.WARNING)
    assert under.hint is None  # (underfill's message says what to do)
    fit = pages_diagnostics([(layout, [NS(kind="fit", story="a", message="story 'a': tracking -0.02em")])])[0]
    assert fit.severity is Severity.NOTE  # what copyfit changed is said, not warned
    assert header.where.file.endswith("page.yaml") and header.where.line is None
