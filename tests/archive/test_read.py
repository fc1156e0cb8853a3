"""Reading archives as they really come: encodings, BOMs, line ends, bad bytes."""

from __future__ import annotations

import codecs

import pytest
from archive_helpers import DATA

from layout.archive.read import decode_archive, read_archive
from layout.errors import LayoutError

TEXT = "开发区新闻\n\n区妇联\n\n巧媳妇工程开班\n\n本报讯 8月4日,培训班开班。\n"


@pytest.mark.parametrize(("name", "encoding", "bom", "newline"), [
    ("renmin-yaowen.txt", "utf-8", True, "CRLF"),
    ("evening-shehui.txt", "gb18030", False, "LF"),
    ("keji-weekly.txt", "utf-16-le", True, "CRLF"),
    ("city-briefs.txt", "utf-16-be", False, "CR"),
    ("pinglun.txt", "utf-8", False, "LF"),
    ("guoji.txt", "gb18030", False, "CRLF"),
])
def test_test_archives_are_detected(name, encoding, bom, newline):
    a = read_archive(DATA / name)
    assert (a.encoding, a.bom, a.newline, a.detected) == (encoding, bom, newline, True)
    assert "\r" not in a.text and "\ufeff" not in a.text and "\ufffd" not in a.text


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_every_encoding_and_line_end_reads_back_the_same_text(codec, newline):
    data = TEXT.replace("\n", newline).encode(codec)
    assert decode_archive(data).text == TEXT


def test_named_encoding_is_used_without_detection():
    a = decode_archive(TEXT.encode("gbk"), encoding="gbk")
    assert a.text == TEXT and a.encoding == "gbk" and not a.detected


def test_big5_needs_to_be_named():
    data = "新聞\n\n本報訊 今天開會。\n".encode("big5")
    assert decode_archive(data, encoding="big5").text.startswith("新聞")


@pytest.mark.parametrize("data", [b"", b"   \r\n\n\t", codecs.BOM_UTF8, codecs.BOM_UTF16_LE + " \n".encode("utf-16-le")])
def test_empty_archive_is_an_error(data):
    with pytest.raises(LayoutError, match="empty"):
        decode_archive(data)


def test_damaged_utf8_names_the_byte_offset():
    good = "开发区新闻\n\n本报讯 今天，开发区召开全国文明城市创建工作推进会。".encode()
    data = good + b"\xff\xfe" + "后面的文字。".encode()
    with pytest.raises(LayoutError) as e:
        decode_archive(data, "x.txt")
    msg = str(e.value)
    assert f"byte offset {len(good)}" in msg and "ff" in msg and "utf-8" in msg and "x.txt" in msg


def test_damaged_gbk_names_the_byte_offset():
    good = "开发区新闻\n\n本报讯 今天开会。".encode("gbk")
    data = good + b"\x81\x20" + "结束。".encode("gbk")
    with pytest.raises(LayoutError, match=f"byte offset {len(good)}"):
        decode_archive(data)


def test_wrong_named_encoding_is_an_error_not_a_replacement():
    with pytest.raises(LayoutError, match=r"byte offset 0 .*utf-8"):
        decode_archive("开发区新闻".encode("gbk"), encoding="utf-8")


def test_unknown_encoding_name():
    with pytest.raises(LayoutError, match="unknown encoding"):
        decode_archive(b"abc", encoding="klingon")


@pytest.mark.parametrize(("data", "what"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
    (bytes(range(256)) * 4, "binary"),
    (b"hello\x00\x01\x02\x03world\x00\xff\xfe\x00", "binary"),
    (b"plain text with controls " + bytes(range(1, 9)) * 2 + b" in it", "binary"),
])
def test_binary_files_are_refused(data, what):
    with pytest.raises(LayoutError, match=what):
        decode_archive(data)


def test_missing_file():
    with pytest.raises(LayoutError, match="cannot read"):
        read_archive(DATA / "no-such-archive.txt")
