"""Safe YAML: positions, no arbitrary tags, bounded aliases and nesting, duplicate
keys refused, one document, UTF-8 only."""

from __future__ import annotations

import pickle

from model_helpers import BASE, at

from layout.errors import LayoutError
from layout.model.yamlsafe import MAX_NODES, SCALAR, Source, parse_yaml


def parse(text: str):
    from pathlib import Path

    return parse_yaml(text, Source(Path("/tmp/x.yaml"), "x.yaml"))


def error(text: str) -> LayoutError:
    try:
        parse(text)
    except LayoutError as e:
        return e
    raise AssertionError("no error")


def test_values_carry_file_line_and_column():
    root = parse("page:\n  size: 4开\nstories:\n  - id: a\n    rows: 1-3\n")
    size = root.value["page"].value["size"]
    assert (size.where.file, size.where.line, size.where.column) == ("x.yaml", 2, 9)
    story = root.value["stories"].value[0]
    assert story.value["rows"].where.line == 5
    assert root.value["page"].key_where("size").column == 3


def test_scalars_keep_their_source_text():
    root = parse("a: 2020\nb: yes\nc: 2020-08-10\n")
    assert root.value["a"].value == 2020 and root.value["a"].text == "2020"
    assert root.value["b"].value is True and root.value["b"].text == "yes"
    assert str(root.value["c"].value) == "2020-08-10"


def test_python_tags_are_refused_not_constructed():
    err = error("a: !!python/object/apply:os.system ['echo pwned']\n")
    assert "!!python/object/apply:os.system" in err.message and "not allowed" in err.message
    at(err, 1, 4)


def test_other_non_plain_tags_are_refused():
    for text in ("a: !!binary aGk=\n", "a: !!set {x, y}\n", "a: !custom 3\n", "a: !!omap [b: 1]\n"):
        assert "not allowed" in error(text).message


def test_billion_laughs_is_refused_with_a_message():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, cur = chr(96 + i), chr(97 + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    err = error("\n".join(lines) + "\n")
    assert f"more than {MAX_NODES} values" in err.message
    assert "alias bomb" in err.hint


def test_small_aliases_and_merge_keys_work():
    root = parse("base: &b {face: hei, size: 五号}\nx:\n  <<: *b\n  size: 小五\ny: *b\n")
    x = root.value["x"].value
    assert x["face"].value == "hei" and x["size"].value == "小五"
    assert root.value["y"].value["size"].value == "五号"


def test_recursive_alias_is_refused():
    err = error("a: &x [1, *x]\n")
    assert "no finished anchor" in err.message
    at(err, 1, 11)


def test_deep_nesting_is_an_error_not_a_crash():
    """Whichever answers first -- our limit or libyaml's own (PyYAML >= 6.0.4) -- the
    user gets one message, with the line."""
    for text in ("a: " + "[" * 100_000 + "]" * 100_000 + "\n", "a: " + "[" * 70 + "]" * 70 + "\n"):
        err = error(text)
        assert "nested more than" in err.message
        assert err.where is not None and err.where.line == 1


def test_duplicate_keys_name_both_lines():
    err = error("page:\n  size: 4开\n  bleed: 3mm\n  size: A3\n")
    assert "duplicate key 'size'" in err.message and "line 2" in err.message
    at(err, 4, 3)


def test_second_document_is_refused():
    err = error("a: 1\n---\nb: 2\n")
    assert "one YAML document" in err.message
    at(err, 2)


def test_syntax_error_is_located_with_a_hint():
    err = error("stories:\n  - headline: 引题: 主题\n")
    assert err.message.startswith("YAML syntax")
    at(err, 2)
    assert "quoted" in err.hint


def test_non_utf8_layout_is_reported_at_the_bad_byte(page):
    path = page.folder / "gbk.yaml"
    path.write_bytes("header:\n  title: 开发区\n".encode("gbk"))
    from layout.model import load_layout

    try:
        load_layout(path)
    except LayoutError as e:
        assert "not UTF-8" in e.message and "iconv" in e.hint
        at(e, 2, 10)
    else:
        raise AssertionError("no error")


def test_empty_layout_says_what_it_needs(page):
    err = page.error("# nothing yet\n")
    assert "empty" in err.message and "page:" in err.message


def test_nodes_are_plain_data():
    root = parse(BASE)
    assert root.kind != SCALAR
    assert pickle.loads(pickle.dumps(root)).value["stories"].value[0].value["id"].value == "wenming"
