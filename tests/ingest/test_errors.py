"""Every unreadable input is one InputError naming the file, never a traceback or a hang."""

from __future__ import annotations

import io
import os
import zipfile

import docx
import pypdf
import pytest

from lawgov_check.ingest import load
from lawgov_check.model import InputError


def assert_input_error(path: str, *fragments: str, **kwargs) -> InputError:
    with pytest.raises(InputError) as caught:
        load(path, **kwargs)
    error = caught.value
    assert error.path == path
    assert str(error).startswith(f"{path}: ")
    for fragment in fragments:
        assert fragment in error.cause
    return error


def docx_bytes(*paragraphs: str) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def replace_member(package: bytes, name: str, content: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(package))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, content if item.filename == name else source.read(item))
    return buffer.getvalue()


def test_missing_file(tmp_path):
    assert_input_error(str(tmp_path / "无此文件.txt"), "文件不存在")


def test_directory(tmp_path):
    assert_input_error(str(tmp_path), "目录")


def test_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert_input_error(str(fifo), "不是普通文件")


def test_permission_denied(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("法治政府", encoding="utf-8")
    secret.chmod(0)
    try:
        if os.geteuid() == 0:
            pytest.skip("root can read files without permission")
        assert_input_error(str(secret), "权限")
    finally:
        secret.chmod(0o600)


@pytest.mark.parametrize("content", [b"", b"  \r\n\t\n", "\u3000\u3000\n".encode("utf-8"), "\ufeff".encode("utf-16")])
def test_empty_file(tmp_path, content):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(content)
    assert_input_error(str(empty), "文件为空")


def test_binary_noise(tmp_path):
    noise = tmp_path / "noise.txt"
    noise.write_bytes(bytes(range(256)) * 64 + os.urandom(4096))
    assert_input_error(str(noise), "二进制")


def test_high_byte_noise_without_controls():
    data = bytes((0x80 + (i * 37) % 0x7F) for i in range(8000))
    with pytest.raises(InputError):
        load("noise.dat", data=data)


def test_file_larger_than_max_bytes(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes("法治".encode("utf-8") * 1000)
    assert_input_error(str(big), "文件过大", max_bytes=1000)


def test_data_larger_than_max_bytes():
    assert_input_error("upload.txt", "文件过大", data=b"x" * 2001, max_bytes=2000)


def test_docx_that_is_really_text(tmp_path):
    fake = tmp_path / "report.docx"
    fake.write_text("一、总体要求\n", encoding="utf-8")
    assert_input_error(str(fake), "不是有效的 Word 文档", "实为纯文本")


def test_pdf_that_is_really_text(tmp_path):
    fake = tmp_path / "report.pdf"
    fake.write_text("一、总体要求\n", encoding="utf-8")
    assert_input_error(str(fake), "不是有效的 PDF", "实为纯文本")


def test_legacy_doc(tmp_path):
    legacy = tmp_path / "report.doc"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert_input_error(str(legacy), ".docx")


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.97])
def test_truncated_docx(tmp_path, fixtures_dir, fraction):
    data = (fixtures_dir / "sample_annual_report.docx").read_bytes()
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(data[: int(len(data) * fraction)])
    assert_input_error(str(truncated), "损坏")


def test_zip_without_word_part(tmp_path):
    archive = tmp_path / "report.docx"
    with zipfile.ZipFile(archive, "w") as target:
        target.writestr("readme.txt", "not a document")
    assert_input_error(str(archive), "word/document.xml")


def test_zip_bomb_is_refused_by_declared_size(tmp_path):
    package = docx_bytes("正文")
    bomb = tmp_path / "bomb.docx"
    source = zipfile.ZipFile(io.BytesIO(package))
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, source.read(item))
        target.writestr("word/media/padding.bin", b"\0" * (8 * 1024 * 1024))
    assert bomb.stat().st_size < 100_000
    assert_input_error(str(bomb), "压缩炸弹", max_inflated=4 * 1024 * 1024)


def test_zip_bomb_is_refused_by_ratio(tmp_path):
    package = replace_member(docx_bytes("正文"), "word/document.xml", b"<" * (3 * 1024 * 1024))
    assert_input_error("ratio.docx", "压缩炸弹", data=package)


def test_zip_member_that_lies_about_its_size(tmp_path):
    package = bytearray(replace_member(docx_bytes("正文"), "word/media/x.bin", b""))
    # Claim a tiny size for a member while its compressed data inflates further: zipfile stops at
    # the declared size and the CRC check fails.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        source = zipfile.ZipFile(io.BytesIO(bytes(package)))
        for item in source.infolist():
            target.writestr(item.filename, source.read(item))
        target.writestr("word/media/big.bin", b"a" * 500_000)
    data = buffer.getvalue()
    size_field = (500_000).to_bytes(4, "little")
    data = data.replace(size_field, (10).to_bytes(4, "little"))
    with pytest.raises(InputError):
        load("liar.docx", data=data)


EXTERNAL_ENTITY = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file://%s">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>&secret;</w:t></w:r></w:p></w:body></w:document>"""

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE w:document [<!ENTITY a "lollollollollollollollollollol">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>&e;</w:t></w:r></w:p></w:body></w:document>"""


def test_docx_with_external_entity_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    package = replace_member(docx_bytes("正文"), "word/document.xml", EXTERNAL_ENTITY % str(secret).encode())
    error = assert_input_error("entity.docx", "DTD", data=package)
    assert "TOP-SECRET-VALUE" not in str(error)


def test_docx_with_entity_expansion_is_refused():
    package = replace_member(docx_bytes("正文"), "word/document.xml", BILLION_LAUGHS)
    assert_input_error("laughs.docx", "DTD", data=package)


def test_python_docx_parser_does_not_resolve_entities(tmp_path):
    """Second line of defence behind the DTD check: the XML parser itself never expands entities."""
    from docx.oxml.parser import parse_xml

    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    external = parse_xml(EXTERNAL_ENTITY % str(secret).encode())
    laughs = parse_xml(BILLION_LAUGHS)
    assert b"TOP-SECRET-VALUE" not in __import__("lxml.etree").etree.tostring(external)
    assert "lol" not in "".join(laughs.itertext())


def test_docx_with_malformed_xml(tmp_path):
    package = replace_member(docx_bytes("正文"), "word/document.xml", b"<w:document><w:body><w:p>")
    assert_input_error("malformed.docx", "XML", data=package)


def test_docx_without_text():
    assert_input_error("blank.docx", "文件为空", data=docx_bytes("", "  "))


@pytest.mark.parametrize("fraction", [0.05, 0.5, 0.95])
def test_truncated_pdf(tmp_path, fixtures_dir, fraction):
    data = (fixtures_dir / "sample_annual_report.pdf").read_bytes()
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(data[: int(len(data) * fraction)])
    assert_input_error(str(truncated), "PDF")


def test_encrypted_pdf(fixtures_dir):
    assert_input_error(str(fixtures_dir / "encrypted.pdf"), "PDF 已加密")


def test_encrypted_pdf_fixture_opens_with_its_password(fixtures_dir):
    reader = pypdf.PdfReader(str(fixtures_dir / "encrypted.pdf"))
    assert reader.is_encrypted
    assert reader.decrypt("qingxi-2022")
    assert "清溪县" in reader.pages[0].extract_text()


def test_pdf_encrypted_with_empty_user_password_is_read(fixtures_dir):
    writer = pypdf.PdfWriter(clone_from=str(fixtures_dir / "sample_annual_report.pdf"))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    source = load("restricted.pdf", data=buffer.getvalue())
    assert "清溪县人民政府关于2021年度法治政府建设情况的报告" in source.text
    assert any("空" in warning for warning in source.warnings)


def test_scanned_pdf(fixtures_dir):
    assert_input_error(str(fixtures_dir / "scanned.pdf"), "PDF 没有文本层（可能是扫描件）")


def test_pdf_with_too_many_pages(fixtures_dir):
    assert_input_error(str(fixtures_dir / "sample_annual_report.pdf"), "页数过多", max_pages=2)


def test_permission_denied_is_reported_even_for_root(tmp_path, monkeypatch):
    from lawgov_check.ingest import reading

    readable = tmp_path / "locked.txt"
    readable.write_text("法治政府", encoding="utf-8")

    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(reading, "open", refuse, raising=False)
    assert_input_error(str(readable), "没有读取权限")
