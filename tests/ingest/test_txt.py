"""Plain text: encodings, line endings, stdin."""

from __future__ import annotations

import io
import sys
import types

import opencc
import pytest

from lawgov_check.ingest import load
from lawgov_check.ingest.txt import guess_bomless_utf16

SAMPLE = "sample_annual_report"


@pytest.fixture
def original(fixtures_dir) -> str:
    return (fixtures_dir / f"{SAMPLE}.txt").read_text(encoding="utf-8")


def test_utf8_original(fixtures_dir, original):
    source = load(str(fixtures_dir / f"{SAMPLE}.txt"))
    assert source.encoding == "utf-8"
    assert source.media_type == "text/plain"
    assert source.text == original
    assert source.warnings == []


@pytest.mark.parametrize(("suffix", "encoding"), [("gb18030", "gb18030"), ("utf16", "utf-16")])
def test_encoded_variants(fixtures_dir, original, suffix, encoding):
    source = load(str(fixtures_dir / f"{SAMPLE}.{suffix}.txt"))
    assert source.encoding == encoding
    assert source.text == original


def test_big5_variant_is_the_traditional_original(fixtures_dir, original):
    source = load(str(fixtures_dir / f"{SAMPLE}.big5.txt"))
    assert source.encoding == "big5"
    assert "報告" in source.text
    assert opencc.OpenCC("t2s").convert(source.text) == original


def test_gb18030_is_reported_as_a_guess(fixtures_dir):
    source = load(str(fixtures_dir / f"{SAMPLE}.gb18030.txt"))
    assert any("GB18030" in warning for warning in source.warnings)


def test_utf8_with_bom():
    source = load("bom.txt", data="\ufeff一、总体要求\n".encode("utf-8"))
    assert source.encoding == "utf-8-sig"
    assert source.text == "一、总体要求\n"


def test_short_gbk_line_is_not_mistaken_for_utf16():
    source = load("short.txt", data="行政复议案件45件".encode("gbk"))
    assert source.encoding == "gb18030"
    assert source.text == "行政复议案件45件"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(codec):
    text = "Report 2021\n法治政府建设年度报告\n"
    source = load("nobom.txt", data=text.encode(codec))
    assert source.encoding == codec
    assert source.text == text


def test_bomless_utf16_guess_needs_alternating_nuls():
    assert guess_bomless_utf16("法治政府".encode("gb18030")) is None
    assert guess_bomless_utf16("ab cd ef gh".encode("utf-16-le")) == "utf-16-le"


def test_utf8_is_preferred_when_it_decodes():
    text = "成文日期：2022年3月15日"
    assert load("x.txt", data=text.encode("utf-8")).encoding == "utf-8"


def test_crlf_and_cr_keep_file_line_numbers():
    source = load("crlf.txt", data="第一行\r\n第二行\r第三行\n第四行".encode("utf-8"))
    assert source.text == "第一行\n第二行\n第三行\n第四行"
    assert source.locate(source.text.index("第三行")).line == 3
    assert source.locate(source.text.index("四")).line == 4
    assert source.locate(source.text.index("四")).column == 2


def test_undecodable_bytes_are_replaced_with_a_warning():
    data = "一、总体要求。".encode("gb18030") * 40 + b"\x81\x20" + "二、主要任务".encode("gb18030")
    source = load("broken.txt", data=data)
    assert source.encoding == "gb18030"
    assert "\ufffd" in source.text
    assert any("\ufffd" in warning for warning in source.warnings)


def test_stdin_dash(monkeypatch, original):
    fake = types.SimpleNamespace(buffer=io.BytesIO(original.encode("gb18030")))
    monkeypatch.setattr(sys, "stdin", fake)
    source = load("-")
    assert source.path == "-"
    assert source.encoding == "gb18030"
    assert source.text == original


def test_data_uses_path_as_display_name(original):
    source = load("upload/报告.txt", data=original.encode("utf-8"))
    assert source.path == "upload/报告.txt"
    assert source.text == original


def test_extension_does_not_override_content(fixtures_dir, tmp_path):
    renamed = tmp_path / "report.txt"
    renamed.write_bytes((fixtures_dir / f"{SAMPLE}.pdf").read_bytes())
    assert load(str(renamed)).media_type == "application/pdf"
