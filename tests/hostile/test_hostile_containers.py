"""Containers that attack the reader: zip bombs, XML entities, PDF loops and bombs."""

from __future__ import annotations

import http.server
import io
import socket
import threading
import tracemalloc
import zipfile

import docx
import pytest

from hostile_support import hostile_inputs
from lawgov_check.ingest import load
from lawgov_check.model import InputError

MB = 1024 * 1024


def refused(path, *fragments: str, **limits) -> InputError:
    with pytest.raises(InputError) as caught:
        load(str(path), **limits)
    for fragment in fragments:
        assert fragment in caught.value.cause
    return caught.value


@pytest.mark.parametrize("lie", [False, True], ids=["honest-sizes", "false-sizes"])
def test_zip_bomb_is_refused_with_bounded_memory(tmp_path, lie):
    bomb = tmp_path / "bomb.docx"
    hostile_inputs.write_zip_bomb(bomb, 256 * MB, lie_about_size=lie)
    assert bomb.stat().st_size < 2 * MB
    tracemalloc.start()
    try:
        error = refused(bomb)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "压缩炸弹" in error.cause or "损坏" in error.cause
    assert peak < 32 * MB, f"peak {peak / MB:.0f} MB while refusing a zip bomb"


def test_zip_bomb_under_the_ratio_check_hits_the_inflated_limit(tmp_path):
    bomb = tmp_path / "bomb.docx"
    hostile_inputs.write_zip_bomb(bomb, 40 * MB)
    refused(bomb, "压缩炸弹", max_inflated=8 * MB)


@pytest.mark.parametrize("writer", [
    hostile_inputs.write_docx_external_entity,
    hostile_inputs.write_docx_billion_laughs,
    hostile_inputs.write_docx_entity_utf16,
    hostile_inputs.write_docx_entity_in_renamed_part,
])
def test_entity_declarations_are_refused(tmp_path, writer):
    target = tmp_path / "entity.docx"
    writer(target)
    error = refused(target, "DTD")
    assert "hostname" not in str(error)


def test_entities_are_never_expanded_even_past_the_guard(tmp_path):
    """Had the guard missed a part, the XML parser itself neither expands nor fetches."""
    target = tmp_path / "renamed.docx"
    hostile_inputs.write_docx_entity_in_renamed_part(target)
    document = docx.Document(str(target))
    text = "\n".join(p.text for p in document.paragraphs)
    with open("/etc/hostname", encoding="utf-8") as fh:
        hostname = fh.read().strip()
    assert hostname and hostname not in text


def test_external_entity_is_not_fetched_over_the_network(tmp_path):
    """An entity pointing at a local HTTP server: the server must see no request."""
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server naming)
            requests.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write("外部内容".encode("utf-8"))

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/entity"
        prolog = f'<!DOCTYPE w:document [<!ENTITY remote SYSTEM "{url}">]>\n'
        xml = hostile_inputs._document_xml(hostile_inputs._paragraph("&remote;"), prolog)
        package = hostile_inputs._rezip(hostile_inputs.sample_bytes("docx"), {"word/document.xml": xml})
        with pytest.raises(InputError):
            load("remote.docx", data=package)
        # Past the guard: python-docx's own parser on the same part.
        from docx.oxml.parser import parse_xml

        element = parse_xml(xml)
        assert "外部内容" not in "".join(element.itertext())
    finally:
        server.shutdown()
        server.server_close()
    assert requests == []


@pytest.mark.parametrize("writer", [
    hostile_inputs.write_pdf_self_drawing_form,
    hostile_inputs.write_pdf_mutual_forms,
    hostile_inputs.write_pdf_page_tree_cycle,
    hostile_inputs.write_pdf_parent_loop,
    hostile_inputs.write_pdf_self_parent,
    hostile_inputs.write_pdf_huge_count,
    hostile_inputs.write_pdf_xref_loop,
    hostile_inputs.write_pdf_deep_arrays,
])
def test_looping_pdfs_end_with_text_or_one_error(tmp_path, writer):
    target = tmp_path / "loop.pdf"
    writer(target)
    try:
        source = load(str(target))
    except InputError as error:
        assert error.path == str(target) and "\n" not in error.cause
        return
    assert source.text.strip()


def test_self_drawing_form_keeps_the_page_text(tmp_path):
    target = tmp_path / "form.pdf"
    hostile_inputs.write_pdf_self_drawing_form(target)
    source = load(str(target))
    assert "Annual report" in source.text
    assert any("结构不规范" in w for w in source.warnings)


def test_pdf_flate_bomb_is_bounded(tmp_path):
    target = tmp_path / "bomb.pdf"
    hostile_inputs.write_pdf_flate_bomb(target, 128 * MB)
    tracemalloc.start()
    try:
        with pytest.raises(InputError) as caught:
            load(str(target))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "无法解析" in caught.value.cause
    assert peak < 256 * MB


def test_pdf_content_budget_error_is_not_called_a_scan(tmp_path):
    target = tmp_path / "nesting.pdf"
    hostile_inputs.write_pdf_deep_content_nesting(target, 300_000)
    refused(target, "无法解析")


def test_truncated_pdf_at_every_tenth(tmp_path):
    data = hostile_inputs.sample_bytes("pdf")
    for tenth in range(1, 10):
        try:
            source = load("cut.pdf", data=data[: len(data) * tenth // 10])
        except InputError as error:
            assert error.cause and "\n" not in error.cause
        else:
            assert source.text


def test_many_member_zip(tmp_path):
    package = hostile_inputs.sample_bytes("docx")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target, zipfile.ZipFile(io.BytesIO(package)) as source:
        for item in source.infolist():
            target.writestr(item.filename, source.read(item))
        for i in range(20_000):
            target.writestr(f"customXml/item{i}.bin", b"")
    assert load("many.docx", data=buffer.getvalue()).text


def test_socket_unused_helper_is_importable():
    # socket is imported so that a sandbox without networking fails loudly here, not above.
    assert socket.AF_INET
