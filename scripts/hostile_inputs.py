"""Write every hostile or broken input the checker must survive into a directory.

    python scripts/hostile_inputs.py OUTDIR [--small]

Large inputs (the 50 MB text, the gigabyte zip bomb) are generated here and never committed.
`--small` shrinks them (the CI tests use the small versions through `build_cases(small=True)`).
Besides the inputs, OUTDIR gets `manifest.json`: for each file its case name, what it is, and
what the checker must do with it ("error": exit 2 with one line naming the file; "ok": a normal
result; "either": odd but maybe readable — only no traceback and bounded resources).
Special paths (a directory, a FIFO, a symlink loop, an unreadable file) are made too.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import struct
import sys
import zipfile
import zlib
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "fixtures"
MB = 1024 * 1024

# A short, original government-style paragraph used to build text inputs.
PARAGRAPH = (
    "2023年，本县坚持依法行政，全年共办理行政复议案件40件，其中维持25件，驳回5件，纠错10件。"
    "重大行政决策事项均经过公众参与、专家论证、风险评估、合法性审查和集体讨论决定程序。"
)
REPORT_HEAD = "某某县人民政府关于2023年度法治政府建设情况的报告\n\n市人民政府：\n\n"


@dataclass
class Case:
    name: str          # file name inside the output directory
    description: str   # what the input is (Chinese + English, for docs/robustness.md)
    expect: str        # "error", "ok" or "either"
    cause: str = ""    # a fragment the one-line error must contain (when expect == "error")


Writer = Callable[[Path], None]


def sample_text() -> str:
    return (FIXTURES / "sample_annual_report.txt").read_text(encoding="utf-8")


def sample_bytes(suffix: str) -> bytes:
    return (FIXTURES / f"sample_annual_report.{suffix}").read_bytes()


# ---- plain text -------------------------------------------------------------------------------

def _repeat_to(path: Path, unit: bytes, size: int, head: bytes = b"") -> None:
    with path.open("wb") as out:
        out.write(head)
        written = len(head)
        while written < size:
            out.write(unit)
            written += len(unit)


def write_nul_in_text(path: Path) -> None:
    # NUL bytes between the lines of real text (a broken export): valid UTF-8, but odd.
    lines = sample_text().split("\n")
    path.write_bytes("\n".join(line + ("\0" if i % 10 == 0 else "") for i, line in enumerate(lines)).encode("utf-8"))


def write_nul_splitting_characters(path: Path) -> None:
    # NUL bytes every 1000 bytes, cutting through multi-byte characters.
    text = sample_text().encode("utf-8")
    path.write_bytes(b"\0".join(text[i:i + 1000] for i in range(0, len(text), 1000)))


def write_mixed_encodings(path: Path) -> None:
    # UTF-8, then GB18030, then bytes valid in neither, in one file.
    path.write_bytes(
        REPORT_HEAD.encode("utf-8") + PARAGRAPH.encode("utf-8") + b"\n"
        + PARAGRAPH.encode("gb18030") + b"\n" + b"\xff\xfe\xc3\x28\xa0\xa1\xe2\x28\xa1\n"
        + PARAGRAPH.encode("utf-8") + b"\n"
    )


def write_utf16_without_bom(path: Path, codec: str = "utf-16-le") -> None:
    path.write_bytes(sample_text().encode(codec))


def write_chinese_only_utf16_without_bom(path: Path) -> None:
    # Only CJK characters and full-width punctuation: almost no NUL bytes to go by.
    text = "\n".join(line for line in sample_text().split("\n") if line.strip())
    only_cjk = "".join(ch for ch in text if ord(ch) > 0x2000 or ch == "\n")
    path.write_bytes(only_cjk.encode("utf-16-le"))


def write_big_text(path: Path, size: int) -> None:
    unit = (sample_text() + "\n").encode("utf-8")
    _repeat_to(path, unit, size)


def write_one_long_line(path: Path, size: int) -> None:
    unit = PARAGRAPH.encode("utf-8")
    _repeat_to(path, unit, size, head=REPORT_HEAD.encode("utf-8"))


def write_many_short_lines(path: Path, count: int) -> None:
    lines = [f"{i}、第{i}项" if i % 3 else "（一）" for i in range(count)]
    path.write_text(REPORT_HEAD + "\n".join(lines) + "\n", encoding="utf-8")


def write_nested_heading_lines(path: Path, count: int) -> None:
    markers = ("一、", "（一）", "1.", "（1）", "①")
    lines = [f"{'　' * (i % 40)}{markers[i % len(markers)]}第{i}层标题" for i in range(count)]
    path.write_text(REPORT_HEAD + "\n".join(lines) + "\n", encoding="utf-8")


def write_nested_parentheses(path: Path, depth: int) -> None:
    path.write_text(REPORT_HEAD + "（" * depth + "一" + "）" * depth + "标题\n" + PARAGRAPH + "\n",
                    encoding="utf-8")


def write_only_heading_markers(path: Path, count: int) -> None:
    markers = ("一、", "（一）", "1.", "（1）", "第一条", "第一章", "附件：")
    path.write_text("\n".join(markers[i % len(markers)] for i in range(count)) + "\n", encoding="utf-8")


def write_binary_noise(path: Path, size: int = 64 * 1024) -> None:
    path.write_bytes(random.Random(20240501).randbytes(size))


def write_control_soup(path: Path) -> None:
    # Text full of ANSI escapes, bidi overrides, BOMs and private-use characters.
    odd = "\x1b[31m\u202e\ufeff\ue000\u200b\u2028\u2029\U0010fffd"
    path.write_text(REPORT_HEAD + (odd + PARAGRAPH + "\n") * 50, encoding="utf-8")


def write_lone_surrogates(path: Path) -> None:
    # UTF-8-encoded surrogates (CESU style) are invalid UTF-8.
    path.write_bytes(REPORT_HEAD.encode("utf-8") + b"\xed\xa0\x80\xed\xb0\x80" + PARAGRAPH.encode("utf-8") + b"\n")


# ---- docx -------------------------------------------------------------------------------------

def _rezip(package: bytes, replace: dict[str, bytes], add: dict[str, bytes] | None = None) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(package))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, replace.get(item.filename, source.read(item)))
        for name, content in (add or {}).items():
            target.writestr(name, content)
    return buffer.getvalue()


def _document_xml(body: str, prolog: str = "") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + prolog +
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    ).encode("utf-8")


def _paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def write_truncated_docx(path: Path) -> None:
    data = sample_bytes("docx")
    path.write_bytes(data[: len(data) // 2])


def write_docx_renamed_text(path: Path) -> None:
    path.write_bytes(sample_text().encode("utf-8"))


def write_docx_external_entity(path: Path) -> None:
    prolog = '<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/hostname">]>\n'
    xml = _document_xml(_paragraph("标题&secret;"), prolog)
    path.write_bytes(_rezip(sample_bytes("docx"), {"word/document.xml": xml}))


def write_docx_billion_laughs(path: Path) -> None:
    entities = ['<!ENTITY lol0 "哈哈哈哈哈哈哈哈哈哈">']
    entities += [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    prolog = "<!DOCTYPE w:document [" + "".join(entities) + "]>\n"
    xml = _document_xml(_paragraph("&lol9;"), prolog)
    path.write_bytes(_rezip(sample_bytes("docx"), {"word/document.xml": xml}))


def write_docx_entity_utf16(path: Path) -> None:
    # The same external entity, but the XML part is UTF-16: a byte search for "<!DOCTYPE" misses it.
    prolog = '<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/hostname">]>\n'
    body = _paragraph("标题&secret;") + _paragraph(PARAGRAPH)
    xml = (
        '<?xml version="1.0" encoding="UTF-16" standalone="yes"?>\n' + prolog +
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    ).encode("utf-16")
    path.write_bytes(_rezip(sample_bytes("docx"), {"word/document.xml": xml}))


def write_docx_entity_in_renamed_part(path: Path) -> None:
    # The main part lives at word/main.bin (found through _rels/.rels), with an external entity.
    package = sample_bytes("docx")
    source = zipfile.ZipFile(io.BytesIO(package))
    rels = source.read("word/_rels/document.xml.rels")
    content_types = source.read("[Content_Types].xml").replace(
        b'PartName="/word/document.xml"', b'PartName="/word/main.bin"')
    prolog = '<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/hostname">]>\n'
    xml = _document_xml(_paragraph("标题&secret;") + _paragraph(PARAGRAPH), prolog)
    root_rels = source.read("_rels/.rels").replace(b"word/document.xml", b"word/main.bin")
    path.write_bytes(_rezip(package, {"_rels/.rels": root_rels, "[Content_Types].xml": content_types},
                            {"word/main.bin": xml, "word/_rels/main.bin.rels": rels}))


def write_docx_malformed_xml(path: Path) -> None:
    xml = _document_xml(_paragraph("标题") + "<w:p><w:r><w:t>未闭合")
    path.write_bytes(_rezip(sample_bytes("docx"), {"word/document.xml": xml}))


def write_docx_undefined_entity(path: Path) -> None:
    xml = _document_xml(_paragraph("标题&undefined;&#xFFFFFFF;"))
    path.write_bytes(_rezip(sample_bytes("docx"), {"word/document.xml": xml}))


def write_docx_deep_nesting(path: Path, depth: int = 5000) -> None:
    # Content controls nested thousands deep: recursion in the reader must not blow the stack.
    inner = _paragraph(PARAGRAPH)
    body = "<w:sdt><w:sdtContent>" * depth + inner + "</w:sdtContent></w:sdt>" * depth
    path.write_bytes(_rezip(sample_bytes("docx"), {"word/document.xml": _document_xml(body)}))


def write_docx_empty_body(path: Path) -> None:
    path.write_bytes(_rezip(sample_bytes("docx"), {"word/document.xml": _document_xml("")}))


def write_docx_missing_main_part(path: Path) -> None:
    # Relationships point at word/document.xml, which is not in the archive.
    package = sample_bytes("docx")
    source = zipfile.ZipFile(io.BytesIO(package))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename != "word/document.xml":
                target.writestr(item.filename, source.read(item))
        target.writestr("word/document.xml/", b"")  # a directory entry with the expected name
    path.write_bytes(buffer.getvalue())


def write_zip_bomb(path: Path, inflated: int, *, lie_about_size: bool = False) -> None:
    """A .docx whose word/document.xml inflates to `inflated` bytes of XML whitespace.

    Written by hand (a single deflate stream) so that gigabytes never sit in memory. With
    `lie_about_size`, the headers declare a tiny uncompressed size.
    """
    package = sample_bytes("docx")
    source = zipfile.ZipFile(io.BytesIO(package))
    members = [(item.filename, source.read(item)) for item in source.infolist()
               if item.filename != "word/document.xml"]
    head = _document_xml(_paragraph(PARAGRAPH))[:-len(b"</w:body></w:document>")]
    tail = b"</w:body></w:document>"
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    crc = 0
    chunks = []
    filler = b" " * MB
    remaining = inflated - len(head) - len(tail)
    for piece in [head] + [None] * (remaining // MB) + [b" " * (remaining % MB), tail]:
        block = filler if piece is None else piece
        crc = zlib.crc32(block, crc)
        chunks.append(compressor.compress(block))
    chunks.append(compressor.flush())
    deflated = b"".join(chunks)
    declared = 4096 if lie_about_size else inflated
    with path.open("wb") as out:
        entries = []
        for name, content in members:
            entries.append(_write_local(out, name.encode(), zlib.compress(content)[2:-4], zlib.crc32(content),
                                        len(content)))
        entries.append(_write_local(out, b"word/document.xml", deflated, crc, declared))
        directory_start = out.tell()
        for name, offset, crc_value, compressed, size in entries:
            out.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc_value,
                                  compressed, size, len(name), 0, 0, 0, 0, 0, offset) + name)
        directory_size = out.tell() - directory_start
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), directory_size,
                              directory_start, 0))


def _write_local(out, name: bytes, deflated: bytes, crc: int, size: int) -> tuple:
    offset = out.tell()
    out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(deflated), size, len(name), 0))
    out.write(name)
    out.write(deflated)
    return name, offset, crc, len(deflated), size


# ---- pdf --------------------------------------------------------------------------------------

def build_pdf(objects: dict[int, bytes], root: int = 1, trailer_extra: bytes = b"") -> bytes:
    """A PDF with a correct cross-reference table from numbered object bodies."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = out.tell()
        out.write(b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n")
    size = max(objects) + 1
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
    for number in range(1, size):
        if number in offsets:
            out.write(b"%010d 00000 n \n" % offsets[number])
        else:
            out.write(b"0000000000 65535 f \n")
    out.write(b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (size, root, trailer_extra, xref))
    return out.getvalue()


def _stream(content: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(content), extra) + content + b"\nendstream"


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
_PAGE_TEXT = b"BT /F1 12 Tf 72 720 Td (Annual report on law-based government) Tj ET"


def write_pdf_self_drawing_form(path: Path) -> None:
    # Form XObject 5 draws itself (and the page draws it).
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
           b"/Resources << /Font << /F1 6 0 R >> /XObject << /Fx 5 0 R >> >> >>",
        4: _stream(_PAGE_TEXT + b" q /Fx Do Q"),
        5: _stream(b"BT /F1 12 Tf 72 700 Td (loop) Tj ET q /Fx Do Q",
                   b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] "
                   b"/Resources << /Font << /F1 6 0 R >> /XObject << /Fx 5 0 R >> >> "),
        6: _FONT,
    }
    path.write_bytes(build_pdf(objects))


def write_pdf_mutual_forms(path: Path) -> None:
    # Two Form XObjects that draw each other, each twice: exponential if followed naively.
    form = (b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] "
            b"/Resources << /Font << /F1 7 0 R >> /XObject << /Fa 5 0 R /Fb 6 0 R >> >> ")
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
           b"/Resources << /Font << /F1 7 0 R >> /XObject << /Fa 5 0 R >> >> >>",
        4: _stream(_PAGE_TEXT + b" q /Fa Do Q"),
        5: _stream(b"BT /F1 12 Tf (a) Tj ET q /Fb Do Q q /Fb Do Q", form),
        6: _stream(b"BT /F1 12 Tf (b) Tj ET q /Fa Do Q q /Fa Do Q", form),
        7: _FONT,
    }
    path.write_bytes(build_pdf(objects))


def write_pdf_page_tree_cycle(path: Path) -> None:
    # Pages node 2 has node 3 as kid, and node 3 has node 2 as kid.
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
        3: b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
        4: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R "
           b"/Resources << /Font << /F1 6 0 R >> >> >>",
        5: _stream(_PAGE_TEXT),
        6: _FONT,
    }
    path.write_bytes(build_pdf(objects))


def write_pdf_parent_loop(path: Path) -> None:
    # A page without its own resources whose Parent chain loops (3 → 7 → 3): inheritance lookup.
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 7 0 R /Contents 4 0 R >>",
        4: _stream(_PAGE_TEXT),
        6: _FONT,
        7: b"<< /Type /Pages /Parent 3 0 R /Kids [3 0 R] /Count 1 >>",
    }
    path.write_bytes(build_pdf(objects))


def write_pdf_self_parent(path: Path) -> None:
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 2 0 R >>",
        3: b"<< /Type /Page /Parent 3 0 R /Contents 4 0 R >>",
        4: _stream(_PAGE_TEXT),
    }
    path.write_bytes(build_pdf(objects))


def write_pdf_huge_count(path: Path) -> None:
    # The page tree claims two billion pages.
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R 3 0 R 3 0 R] /Count 2000000000 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
           b"/Resources << /Font << /F1 5 0 R >> >> >>",
        4: _stream(_PAGE_TEXT),
        5: _FONT,
    }
    path.write_bytes(build_pdf(objects))


def write_pdf_flate_bomb(path: Path, inflated: int = 512 * MB) -> None:
    # A content stream that inflates to hundreds of megabytes of text operators.
    line = b"BT /F1 12 Tf 72 720 Td (x) Tj ET\n"
    compressor = zlib.compressobj(9)
    chunk = line * (MB // len(line))
    parts = [compressor.compress(chunk) for _ in range(inflated // len(chunk))]
    parts.append(compressor.flush())
    data = b"".join(parts)
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
           b"/Resources << /Font << /F1 5 0 R >> >> >>",
        4: _stream(data, b"/Filter /FlateDecode "),
        5: _FONT,
    }
    path.write_bytes(build_pdf(objects))


def write_pdf_deep_arrays(path: Path, depth: int = 100_000) -> None:
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R /Junk " + b"[" * depth + b"]" * depth + b" >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
           b"/Resources << /Font << /F1 5 0 R >> >> >>",
        4: _stream(_PAGE_TEXT),
        5: _FONT,
    }
    path.write_bytes(build_pdf(objects))


def write_pdf_deep_content_nesting(path: Path, depth: int = 200_000) -> None:
    # q/Q and BT nesting far beyond any real document in the content stream itself.
    content = b"q " * depth + _PAGE_TEXT + b" Q" * depth
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
           b"/Resources << /Font << /F1 5 0 R >> >> >>",
        4: _stream(content),
        5: _FONT,
    }
    path.write_bytes(build_pdf(objects))


def write_pdf_xref_loop(path: Path) -> None:
    # The trailer's /Prev points at an update section whose /Prev points back at the first one.
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
           b"/Resources << /Font << /F1 5 0 R >> >> >>",
        4: _stream(_PAGE_TEXT),
        5: _FONT,
    }
    placeholder = build_pdf(objects, trailer_extra=b"/Prev %010d " % 0)
    base = build_pdf(objects, trailer_extra=b"/Prev %010d " % len(placeholder))
    first_xref = int(base.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    update = (b"xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 6 /Root 1 0 R /Prev %d >>\n"
              b"startxref\n%d\n%%%%EOF\n" % (first_xref, len(base)))
    path.write_bytes(base + update)


def write_truncated_pdf(path: Path) -> None:
    data = sample_bytes("pdf")
    path.write_bytes(data[: len(data) // 3])


def write_pdf_header_only(path: Path) -> None:
    path.write_bytes(b"%PDF-1.7\n")


def write_pdf_renamed_text(path: Path) -> None:
    path.write_bytes(sample_text().encode("utf-8"))


def write_encrypted_pdf(path: Path) -> None:
    path.write_bytes((FIXTURES / "encrypted.pdf").read_bytes())


def write_scanned_pdf(path: Path) -> None:
    path.write_bytes((FIXTURES / "scanned.pdf").read_bytes())


# ---- round two (issue 11) ---------------------------------------------------------------------

def write_table_rule_backtracking(path: Path, groups: int = 100) -> None:
    # `---` then groups of "|  ": the old TABLE_RULE pattern backtracked 3^k times.
    path.write_text(REPORT_HEAD + "---" + "|  " * groups + "x\n" + PARAGRAPH + "\n", encoding="utf-8")


def write_table_rule_fullwidth(path: Path, groups: int = 100) -> None:
    path.write_text(REPORT_HEAD + "－－－" + "｜　　" * groups + "ｘ\n" + PARAGRAPH + "\n", encoding="utf-8")


def write_long_space_runs(path: Path, size: int) -> None:
    path.write_text(REPORT_HEAD + "|" + " " * size + "---" + " " * size + "|" + " " * size + "x\n",
                    encoding="utf-8")


_NUMBERING_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _numbered_docx(levels: str, paragraphs: int, text: str = "条目") -> bytes:
    """The sample .docx with a numbering part of `levels` (w:lvl elements) and numbered paragraphs."""
    numbering = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering {_NUMBERING_NS}>'
                 f'<w:abstractNum w:abstractNumId="0">{levels}</w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>').encode("utf-8")
    para = ('<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
            f'<w:r><w:t>{text}</w:t></w:r></w:p>')
    document = _document_xml(_paragraph(REPORT_HEAD.splitlines()[0]) + para * paragraphs)
    # The sample package already has a numbering part (and its relationship): replace it.
    return _rezip(sample_bytes("docx"), {"word/document.xml": document, "word/numbering.xml": numbering})


def _level(num_format: str, start: str, text: str) -> str:
    return (f'<w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="{num_format}"/>'
            f'<w:lvlText w:val="{text}"/></w:lvl>')


def write_docx_numbering_huge_start(path: Path) -> None:
    path.write_bytes(_numbered_docx(_level("upperRoman", "10000000000000", "%1."), 20))


def write_docx_numbering_long_level_text(path: Path, paragraphs: int = 20_000) -> None:
    path.write_bytes(_numbered_docx(_level("decimal", "1", "%1" * 50_000), paragraphs))


def write_docx_numbering_letters(path: Path, paragraphs: int = 5_000) -> None:
    # upperLetter repeats its letter once per 26: AAAA… grows with the counter.
    path.write_bytes(_numbered_docx(_level("upperLetter", "32767", "%1%1%1%1%1%1%1%1"), paragraphs))


def write_docx_numbering_odd_values(path: Path) -> None:
    levels = (_level("ideographDigital", "-5", "%1、") +
              _level("chineseCounting", "99999999999999999999", "%1、").replace('w:ilvl="0"', 'w:ilvl="1"'))
    path.write_bytes(_numbered_docx(levels, 5))


def write_docx_dtd_after_comment(path: Path) -> None:
    types = zipfile.ZipFile(io.BytesIO(sample_bytes("docx"))).read("[Content_Types].xml")
    head, _, body = types.partition(b"?>")
    comment = b"<!--" + b"x" * (70 * 1024) + b"-->"
    dtd = b'<!DOCTYPE Types [<!ENTITY e SYSTEM "file:///etc/hostname">]>'
    path.write_bytes(_rezip(sample_bytes("docx"), {"[Content_Types].xml": head + b"?>" + comment + dtd + body}))


def _to_unicode_pdf(cmap_target: bytes) -> bytes:
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def "
            b"1 begincodespacerange <00> <FF> endcodespacerange "
            b"2 beginbfchar <41> <" + cmap_target + b"> <42> <4E2D> endbfchar endcmap end end")
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
           b"/Resources << /Font << /F1 5 0 R >> >> >>",
        4: _stream(b"BT /F1 12 Tf 72 720 Td (ABABAB BBB) Tj ET"),
        5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        6: _stream(cmap),
    }
    return build_pdf(objects)


def write_pdf_tounicode_surrogate(path: Path) -> None:
    path.write_bytes(_to_unicode_pdf(b"D800"))


def write_pdf_runlength_bomb(path: Path, inflated: int = 256 * MB) -> None:
    # RunLengthDecode: two bytes repeat one byte 128 times.
    data = b"\x81 " * (inflated // 128) + b"\x80"
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
           b"/Resources << /Font << /F1 5 0 R >> >> >>",
        4: _stream(data, b"/Filter /RunLengthDecode "),
        5: _FONT,
    }
    path.write_bytes(build_pdf(objects))


def write_text_mentioning_pdf(path: Path) -> None:
    path.write_text(REPORT_HEAD + "附件格式要求：请勿上传以 %PDF-1.7 开头的扫描件。\n" + PARAGRAPH + "\n", encoding="utf-8")


def write_bom_then_utf8(path: Path) -> None:
    path.write_bytes(b"\xff\xfe" + (REPORT_HEAD + PARAGRAPH + "\n").encode("utf-8"))


def write_digits(path: Path, size: int) -> None:
    _repeat_to(path, b"1234567890", size)


def write_single_line(path: Path, size: int) -> None:
    _repeat_to(path, PARAGRAPH.encode("utf-8"), size)


def write_escape_codes(path: Path) -> None:
    path.write_text(REPORT_HEAD + "\x1b]0;pwned\x07\x1b[2J共办理案件10件，其中维持8件，纠错5件。\x1b[0m\n"
                    + PARAGRAPH + "\n", encoding="utf-8")


# ---- names ------------------------------------------------------------------------------------

def write_sample_text(path: Path) -> None:
    path.write_text(sample_text(), encoding="utf-8")


# ---- the catalogue ----------------------------------------------------------------------------

def build_cases(small: bool = False) -> list[tuple[Case, Writer]]:
    """Every hostile file input with its writer. `small` shrinks the big ones for CI."""
    big = 2 * MB if small else 50 * MB
    long_line = 512 * 1024 if small else 5 * MB
    many_lines = 20_000 if small else 100_000
    headings = 2_000 if small else 10_000
    bomb = 64 * MB if small else 2 * 1024 * MB - 1
    pdf_bomb = 4 * MB if small else 512 * MB
    q_depth = 50_000 if small else 200_000
    space_run = 16 * 1024 if small else 200 * 1024
    numbered = 2_000 if small else 20_000
    rl_bomb = 64 * MB if small else 256 * MB
    digits = 1 * MB if small else 10 * MB
    single = 4 * MB if small else 50 * MB  # over a million characters either way
    e, o, x = "error", "ok", "either"
    return [
        (Case("empty.txt", "空文件 empty file", e, "文件为空"), lambda p: p.write_bytes(b"")),
        (Case("whitespace.txt", "只有空白（空格、制表符、全角空格、换行） only whitespace", e, "文件为空"),
         lambda p: p.write_bytes(" \t\r\n\u3000\u00a0\n".encode("utf-8") * 200)),
        (Case("noise.txt", "64 KB 随机字节 binary noise", e), write_binary_noise),
        (Case("nul-in-text.txt", "正文中夹有少量 NUL 字节 NUL bytes in text", o), write_nul_in_text),
        (Case("nul-splitting-characters.txt", "NUL 字节切断多字节字符 NULs cutting characters", x),
         write_nul_splitting_characters),
        (Case("nul-heavy.txt", "每个字符后都有 NUL the text with NUL after every byte", x),
         lambda p: p.write_bytes(b"\0".join(bytes([b]) for b in sample_text().encode("utf-8")))),
        (Case("mixed-encodings.txt", "一个文件中混有 UTF-8、GB18030 和无效字节 mixed encodings", o),
         write_mixed_encodings),
        (Case("invalid-utf8-surrogates.txt", "UTF-8 编码的代理项（无效 UTF-8） encoded surrogates", x),
         write_lone_surrogates),
        (Case("utf16-le-nobom.txt", "无 BOM 的 UTF-16LE UTF-16 without BOM", o), write_utf16_without_bom),
        (Case("utf16-be-nobom.txt", "无 BOM 的 UTF-16BE UTF-16BE without BOM", o),
         lambda p: write_utf16_without_bom(p, "utf-16-be")),
        (Case("utf16-cjk-only-nobom.txt", "无 BOM 且几乎全为汉字的 UTF-16LE CJK-only UTF-16 without BOM", o),
         write_chinese_only_utf16_without_bom),
        (Case("control-soup.txt", "ANSI 转义、双向控制符、私用区字符 control and bidi characters", o),
         write_control_soup),
        (Case("big-50mb.txt" if not small else "big.txt", f"{big // MB} MB 文本 large text file", o),
         lambda p: write_big_text(p, big)),
        (Case("one-long-line.txt", f"{long_line // 1024} KB 的单行 one long line", x),
         lambda p: write_one_long_line(p, long_line)),
        (Case("many-short-lines.txt", f"{many_lines} 个短行 many short lines", o),
         lambda p: write_many_short_lines(p, many_lines)),
        (Case("nested-headings.txt", f"{headings} 个层层嵌套的标题 nested heading markers", o),
         lambda p: write_nested_heading_lines(p, headings)),
        (Case("nested-parentheses.txt", f"{headings} 层嵌套括号的序号 nested parentheses", o),
         lambda p: write_nested_parentheses(p, headings)),
        (Case("only-heading-markers.txt", "只有标题序号的文档 only heading markers", o),
         lambda p: write_only_heading_markers(p, headings)),
        (Case("truncated.docx", "截断一半的 .docx truncated docx", e, "损坏"), write_truncated_docx),
        (Case("renamed-text.docx", "改名为 .docx 的纯文本 text renamed to .docx", e, "纯文本"),
         write_docx_renamed_text),
        (Case("zip-bomb.docx", f"压缩炸弹：解压后 {bomb / MB / 1024:.1f} GB zip bomb", e, "压缩炸弹"),
         lambda p: write_zip_bomb(p, bomb)),
        (Case("zip-bomb-lying.docx", "声明尺寸作假的压缩炸弹 zip bomb with false sizes", e),
         lambda p: write_zip_bomb(p, bomb, lie_about_size=True)),
        (Case("xxe-external.docx", "外部实体 file:///etc/hostname external entity", e, "DTD"),
         write_docx_external_entity),
        (Case("xxe-billion-laughs.docx", "实体指数展开 billion laughs", e, "DTD"), write_docx_billion_laughs),
        (Case("xxe-utf16.docx", "UTF-16 编码 XML 中的外部实体 external entity in UTF-16 XML", e),
         write_docx_entity_utf16),
        (Case("xxe-renamed-part.docx", "主文档部件改名为 .bin 并含外部实体 entity in a part not named .xml", e),
         write_docx_entity_in_renamed_part),
        (Case("malformed-xml.docx", "XML 未闭合 malformed XML", e, "XML"), write_docx_malformed_xml),
        (Case("undefined-entity.docx", "未定义的实体和越界字符引用 undefined entity", e), write_docx_undefined_entity),
        (Case("deep-nesting.docx", "内容控件嵌套 5000 层 deeply nested content controls", x),
         write_docx_deep_nesting),
        (Case("empty-body.docx", "没有段落的 Word 文档 docx with empty body", e, "文件为空"), write_docx_empty_body),
        (Case("missing-main-part.docx", "缺少 word/document.xml 内容 missing main part", e),
         write_docx_missing_main_part),
        (Case("truncated.pdf", "截断的 PDF truncated pdf", x), write_truncated_pdf),
        (Case("header-only.pdf", "只有文件头的 PDF header only", e), write_pdf_header_only),
        (Case("renamed-text.pdf", "改名为 .pdf 的纯文本 text renamed to .pdf", e, "纯文本"), write_pdf_renamed_text),
        (Case("encrypted.pdf", "需要打开密码的 PDF encrypted pdf", e, "加密"), write_encrypted_pdf),
        (Case("scanned.pdf", "没有文本层的 PDF（扫描件） no text layer", e, "文本层"), write_scanned_pdf),
        (Case("self-drawing-form.pdf", "Form XObject 绘制自身 self-drawing form", x), write_pdf_self_drawing_form),
        (Case("mutual-forms.pdf", "两个 Form XObject 互相绘制 mutually drawing forms", x), write_pdf_mutual_forms),
        (Case("page-tree-cycle.pdf", "页面树有环 page tree cycle", x), write_pdf_page_tree_cycle),
        (Case("parent-loop.pdf", "Parent 链成环 Parent loop", x), write_pdf_parent_loop),
        (Case("self-parent.pdf", "Parent 指向自身 Parent points to itself", x), write_pdf_self_parent),
        (Case("huge-page-count.pdf", "页面树声明二十亿页 page count of two billion", x), write_pdf_huge_count),
        (Case("flate-bomb.pdf", f"内容流解压后 {pdf_bomb // MB} MB flate bomb in a content stream", x),
         lambda p: write_pdf_flate_bomb(p, pdf_bomb)),
        (Case("deep-arrays.pdf", "十万层嵌套数组 deeply nested arrays", x), write_pdf_deep_arrays),
        (Case("deep-content-nesting.pdf", f"内容流 {q_depth} 层 q 嵌套 deeply nested graphics state", x),
         lambda p: write_pdf_deep_content_nesting(p, q_depth)),
        (Case("xref-loop.pdf", "交叉引用表 Prev 互相指向 xref Prev loop", x), write_pdf_xref_loop),
        (Case("table-rule-backtracking.txt", "表格分隔线后跟 100 组“竖线加两个空格”（原正则指数回溯） table rule backtracking", o),
         write_table_rule_backtracking),
        (Case("table-rule-fullwidth.txt", "全角形式的同一行 the same line in full-width forms", o),
         write_table_rule_fullwidth),
        (Case("long-space-runs.txt", f"{space_run // 1024} KB 的空格串夹着分隔符 long runs of spaces", o),
         lambda p: write_long_space_runs(p, space_run)),
        (Case("numbering-huge-start.docx", "自动编号 w:start=1e13、大写罗马数字 numbering start 1e13 in upperRoman", o),
         write_docx_numbering_huge_start),
        (Case("numbering-long-level-text.docx", f"lvlText 为 %1×50000，{numbered} 个编号段落 level text of 50,000 placeholders", o),
         lambda p: write_docx_numbering_long_level_text(p, numbered)),
        (Case("numbering-letters.docx", "字母编号从 32767 起（AAAA… 随计数增长） letters growing with the counter", o),
         write_docx_numbering_letters),
        (Case("numbering-odd-values.docx", "负数起始的 ideographDigital 与超过 16 位的中文计数 negative and 20-digit starts", o),
         write_docx_numbering_odd_values),
        (Case("dtd-after-comment.docx", "[Content_Types].xml 中 70 KB 注释之后的 DTD DTD after a long comment", e, "DTD"),
         write_docx_dtd_after_comment),
        (Case("tounicode-surrogate.pdf", "ToUnicode 映射到孤立代理项 <D800> ToUnicode map to a lone surrogate", o),
         write_pdf_tounicode_surrogate),
        (Case("runlength-bomb.pdf", f"RunLength 解压后 {rl_bomb // MB} MB RunLength bomb", e, "超过解析上限"),
         lambda p: write_pdf_runlength_bomb(p, rl_bomb)),
        (Case("mentions-pdf.txt", "正文提到 %PDF-1.7 的文本 a text that mentions %PDF-1.7", o), write_text_mentioning_pdf),
        (Case("bom-then-utf8.txt", "FF FE 之后是 UTF-8 UTF-16 BOM followed by UTF-8", o), write_bom_then_utf8),
        (Case("digits.txt", f"{digits // MB} MB 的数字（一行） digits only, one line", e, "不像是文档"), lambda p: write_digits(p, digits)),
        (Case("single-line.txt", f"{single // MB} MB 的单行 one line", e, "不像是文档"), lambda p: write_single_line(p, single)),
        (Case("escape-codes.txt", "正文含 ESC 终端控制序列 terminal escape sequences", o), write_escape_codes),
        (Case("name with spaces.txt", "文件名含空格 spaces in the name", o), write_sample_text),
        (Case("法治政府年度报告.txt", "中文文件名 Chinese file name", o), write_sample_text),
        (Case("-x.txt", "以 - 开头的文件名 leading dash", o), write_sample_text),
    ]


def make_special_paths(directory: Path) -> list[Case]:
    """A directory, a FIFO, a symlink loop and an unreadable file (root can still read it)."""
    cases = []
    sub = directory / "a-directory.txt"
    sub.mkdir(exist_ok=True)
    (sub / "inside.txt").write_text(sample_text(), encoding="utf-8")
    cases.append(Case(sub.name, "以 .txt 结尾的目录（内有一份文件，递归检查） a directory", "ok"))
    empty = directory / "empty-directory"
    empty.mkdir(exist_ok=True)
    cases.append(Case(empty.name, "空目录 an empty directory", "error"))
    e = "error"
    fifo = directory / "fifo.txt"
    if not fifo.exists():
        os.mkfifo(fifo)
    cases.append(Case(fifo.name, "命名管道 FIFO", e, "不是普通文件"))
    loop_a, loop_b = directory / "loop-a.txt", directory / "loop-b.txt"
    for link, target in ((loop_a, loop_b.name), (loop_b, loop_a.name)):
        if not link.is_symlink():
            link.symlink_to(target)
    cases.append(Case(loop_a.name, "符号链接循环 symlink loop", e))
    dangling = directory / "dangling.txt"
    if not dangling.is_symlink():
        dangling.symlink_to("does-not-exist.txt")
    cases.append(Case(dangling.name, "悬空符号链接 dangling symlink", e, "不存在"))
    secret = directory / "unreadable.txt"
    secret.write_text(sample_text(), encoding="utf-8")
    secret.chmod(0)
    cases.append(Case(secret.name, "无读取权限（root 仍可读） no read permission", "either"))
    return cases


def generate(directory: Path, *, small: bool = False, only: set[str] | None = None) -> list[Case]:
    directory.mkdir(parents=True, exist_ok=True)
    cases = []
    for case, writer in build_cases(small):
        if only and case.name not in only:
            continue
        writer(directory / case.name)
        cases.append(case)
    if not only:
        cases += make_special_paths(directory)
    (directory / "manifest.json").write_text(
        json.dumps([asdict(c) for c in cases], ensure_ascii=False, indent=1), encoding="utf-8")
    return cases


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--small", action="store_true", help="shrink the large inputs (as CI does)")
    parser.add_argument("--only", nargs="*", help="generate only these file names")
    args = parser.parse_args(argv)
    cases = generate(args.outdir, small=args.small, only=set(args.only or ()))
    total = sum((args.outdir / c.name).stat().st_size for c in cases
                if (args.outdir / c.name).is_file() and not (args.outdir / c.name).is_fifo())
    print(f"{len(cases)} inputs written to {args.outdir} ({total / MB:.1f} MB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
