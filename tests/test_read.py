"""Reading: encodings, normalisation and bad files, on real report text."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.errors import InputError
from kg.read import decode, find_sources, normalise, read_document

from .conftest import SAMPLE


def test_paragraphs_broken_mid_sentence_are_joined():
    text = normalise(SAMPLE.read_text(encoding="utf-8"))
    assert "签约落地过亿元项目10个以上" in text
    assert "分阶段引导作用" in text
    assert "加快朱家庄尹家堂、西南红庙片区开发建设" in text


def test_headings_and_bylines_stay_on_their_own_lines():
    lines = normalise(SAMPLE.read_text(encoding="utf-8")).splitlines()
    assert "杜春娜 通讯员 孙化鹏 孔雪" in lines
    assert "济南报道" in lines
    assert "加快产业转型升级，着力构建现代化产业新格局" in lines


def test_crlf_and_full_width_spaces():
    assert normalise("　　市中区将推进项目。\r\n\r\n新增就业2万人。\r\n") == "市中区将推进项目。\n新增就业2万人。\n"


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-16", "utf-8-sig"])
def test_chinese_encodings_are_decoded(tmp_path, encoding):
    text = SAMPLE.read_text(encoding="utf-8")
    p = tmp_path / f"report-{encoding}.txt"
    p.write_bytes(text.encode(encoding))
    doc = read_document(p)
    assert "国网山东电力战新产业园" in doc.text


def test_empty_file(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"  \n\n")
    with pytest.raises(InputError, match="empty"):
        read_document(p)


def test_binary_file(tmp_path):
    p = tmp_path / "image.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(InputError, match="binary"):
        read_document(p)


def test_undecodable_file(tmp_path):
    p = tmp_path / "broken.txt"
    p.write_bytes("市中区".encode("utf-8") + b"\x80\xff\xfe\x81" * 50)
    with pytest.raises(InputError, match="decode"):
        read_document(p)


def test_missing_path():
    with pytest.raises(InputError, match="no such file"):
        find_sources(["does/not/exist.txt"])


def test_folder_without_text(tmp_path):
    with pytest.raises(InputError, match="no .txt"):
        find_sources([tmp_path])


def test_too_large(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text("市中区。" * 100, encoding="utf-8")
    with pytest.raises(InputError, match="split it into one file per report"):
        read_document(p, max_bytes=100)


@given(st.text())
def test_normalise_is_idempotent(text):
    once = normalise(text)
    assert normalise(once) == once


@given(st.binary(max_size=200))
def test_decode_either_returns_text_or_raises_input_error(data):
    try:
        text, enc = decode(data)
    except InputError:
        return
    assert isinstance(text, str) and enc


def test_utf8_with_a_broken_byte_is_refused_not_misread(tmp_path):
    text = SAMPLE.read_text(encoding="utf-8")
    head = text[:1000].encode("utf-8")
    p = tmp_path / "broken.txt"
    p.write_bytes(head + b"\xff" + text[1000:].encode("utf-8"))
    with pytest.raises(InputError, match=f"invalid UTF-8 at byte {len(head)}"):
        read_document(p)


def test_full_width_digits_and_decimal_points_are_numbers():
    from kg.read import normalise
    assert normalise("完成投资６０．５亿元，增长１２％，（一）") == "完成投资60.5亿元，增长12%，（一）\n"
