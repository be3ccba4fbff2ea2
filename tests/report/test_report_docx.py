import hashlib
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from lawgov_check.model import DOCX_MEDIA_TYPE, DocumentResult, Finding, InputError, Location
from lawgov_check.report import annotate_docx
from lawgov_check.report.docx_annotate import numbered_paragraphs

PARAGRAPHS = ["关于公开征求《清川市公共停车场管理办法（征求意见稿）》意见的通知",
              "为提高立法质量，现将征求意见稿全文公布。", "一、征求意见时间"]
TABLE_ROWS = [("起止日期", "2023年8月1日至2023年8月15日"), ("反馈邮箱", "tingche@example.gov.cn")]
CLOSING = "清川市司法局"


def _finding(code: str, severity: str, line: int, evidence: str, span=(0, 0), paragraph=None, page=None):
    return Finding(code, "comment-period", severity, f"{code}的问题说明", "延长征求意见期限",
                   [], Location(line, 1, page, paragraph), "一、", evidence, "major_decision", "1.0.0", span)


@pytest.fixture
def word_file(tmp_path) -> Path:
    document = docx.Document()
    for text in PARAGRAPHS:
        document.add_paragraph(text)
    table = document.add_table(rows=len(TABLE_ROWS), cols=2)
    for row, values in zip(table.rows, TABLE_ROWS):
        for cell, value in zip(row.cells, values):
            cell.text = value
    document.add_paragraph(CLOSING)
    path = tmp_path / "停车场办法征求意见.docx"
    document.save(str(path))
    return path


def _comments_by_paragraph(path: Path) -> dict[str, list[str]]:
    """Text of each commented paragraph → the comment texts anchored on it."""
    document = docx.Document(str(path))
    texts = {c.comment_id: c.text for c in document.comments}
    found: dict[str, list[str]] = {}
    for p in document.element.body.iter(qn("w:p")):
        for start in p.iter(qn("w:commentRangeStart")):
            paragraph_text = "".join(t.text or "" for t in p.iter(qn("w:t")))
            found.setdefault(paragraph_text, []).append(texts[int(start.get(qn("w:id")))])
    return found


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_paragraph_numbering_counts_table_rows(word_file):
    paragraphs = numbered_paragraphs(docx.Document(str(word_file)))
    assert [p.text for p in paragraphs] == [*PARAGRAPHS, "起止日期", "反馈邮箱", CLOSING]


def test_word_input_gets_comments_on_the_offending_paragraphs(word_file, tmp_path):
    before = _digest(word_file)
    result = DocumentResult(str(word_file), media_type=DOCX_MEDIA_TYPE, findings=[
        _finding("MD01", "warning", 4, "2023年8月1日至2023年8月15日", paragraph=4),
        _finding("MD02", "error", 2, "征求意见稿", paragraph=2),
        _finding("MD03", "info", 6, CLOSING, paragraph=6),
    ])
    out = annotate_docx(result, str(word_file), str(tmp_path / "out"))
    assert Path(out) == tmp_path / "out" / "停车场办法征求意见.lawgov-check.docx"
    assert _digest(word_file) == before
    comments = _comments_by_paragraph(Path(out))
    assert comments["起止日期"] == ["[MD01 警告] MD01的问题说明\n建议：延长征求意见期限"]
    assert comments[PARAGRAPHS[1]][0].startswith("[MD02 错误]")
    assert comments[CLOSING][0].startswith("[MD03 提示]")
    author = {c.author for c in docx.Document(out).comments}
    assert author == {"lawgov-check"}


TEXT = "清川市人民政府办公室关于加强城市养犬管理的通知\n清政办发〔2023〕12号\n二、本通知自发布之日起施行。"


def test_plain_text_input_becomes_a_commented_word_file(tmp_path):
    source = tmp_path / "养犬通知.txt"
    source.write_text(TEXT, encoding="utf-8")
    before = _digest(source)
    result = DocumentResult(str(source), media_type="text/plain", text=TEXT,
                            findings=[_finding("ND03", "error", 3, "本通知自发布之日起施行。")])
    out = Path(annotate_docx(result, str(source), str(tmp_path)))
    assert out.name == "养犬通知.lawgov-check.docx" and _digest(source) == before
    document = docx.Document(str(out))
    assert [p.text for p in document.paragraphs] == TEXT.split("\n")
    assert list(_comments_by_paragraph(out)) == ["二、本通知自发布之日起施行。"]


def test_pdf_findings_are_anchored_by_their_evidence(tmp_path):
    source = tmp_path / "养犬通知.pdf"
    source.write_bytes(b"%PDF-1.4 placeholder")
    result = DocumentResult(str(source), media_type="application/pdf", text=TEXT,
                            findings=[_finding("GF01", "warning", 1, "清政办发〔2023〕12号", page=1)])
    out = Path(annotate_docx(result, str(source), str(tmp_path), lang="en"))
    assert _comments_by_paragraph(out) == {"清政办发〔2023〕12号": ["[GF01 warning] GF01的问题说明\nSuggestion: 延长征求意见期限"]}


def test_unreadable_word_file_is_an_input_error(tmp_path):
    source = tmp_path / "坏.docx"
    source.write_bytes(b"not a zip")
    with pytest.raises(InputError, match="坏.docx"):
        annotate_docx(DocumentResult(str(source), media_type=DOCX_MEDIA_TYPE), str(source), str(tmp_path))


# ------------------------------------------------------------------ comments on the exact span

def _comment_ranges(path: Path) -> dict[str, str]:
    """Comment text → the document text between its range start and end."""
    document = docx.Document(str(path))
    texts = {c.comment_id: c.text for c in document.comments}
    open_ids: set[int] = set()
    covered: dict[int, str] = {}
    for el in document.element.body.iter():
        if el.tag == qn("w:commentRangeStart"):
            open_ids.add(int(el.get(qn("w:id"))))
            covered.setdefault(int(el.get(qn("w:id"))), "")
        elif el.tag == qn("w:commentRangeEnd"):
            open_ids.discard(int(el.get(qn("w:id"))))
        elif el.tag == qn("w:t"):
            for i in open_ids:
                covered[i] += el.text or ""
        elif el.tag == qn("w:p") and open_ids:
            for i in open_ids:
                covered[i] += "\n" if covered[i] else ""
    return {texts[i]: covered[i] for i in covered}


def _at(text: str, code: str, evidence: str, *, line: int = 1, empty: bool = False) -> Finding:
    start = text.index(evidence)
    span = (start, start) if empty else (start, start + len(evidence))
    return _finding(code, "warning", line, "" if empty else evidence, span=span, paragraph=line)


@pytest.fixture
def formatted_word_file(tmp_path) -> Path:
    """Runs with their own formatting, a table, and a paragraph of one run."""
    document = docx.Document()
    document.add_paragraph(PARAGRAPHS[0])
    paragraph = document.add_paragraph()
    paragraph.add_run("为提高立法质量，").bold = True
    paragraph.add_run("现将征求意见稿").italic = True
    paragraph.add_run("全文公布。")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = TABLE_ROWS[0]
    document.add_paragraph("清川市司法局\t2023-08-01")
    path = tmp_path / "格式.docx"
    document.save(str(path))
    return path


def test_word_comments_cover_exactly_the_evidence_and_runs_keep_their_formatting(formatted_word_file, tmp_path):
    from lawgov_check.ingest.docx import load_docx
    from lawgov_check.ingest.limits import DEFAULT_LIMITS

    text = load_docx(str(formatted_word_file), formatted_word_file.read_bytes(), DEFAULT_LIMITS).text
    findings = [_at(text, "MD01", "立法质量，现将征求", line=2),   # across a bold and an italic run
                _at(text, "MD02", "8月1日至2023年8月", line=3),    # inside a table cell
                _at(text, "MD03", "2023-08-01", line=4),           # after a tab, to the end
                _at(text, "MD04", "将征求意见", line=2),            # overlaps MD01
                _at(text, "AR01", PARAGRAPHS[0], line=1, empty=True)]  # document-level
    result = DocumentResult(str(formatted_word_file), media_type=DOCX_MEDIA_TYPE, text=text, findings=findings)
    out = Path(annotate_docx(result, str(formatted_word_file), str(tmp_path / "out")))
    ranges = {comment.split("]")[0][1:5]: covered for comment, covered in _comment_ranges(out).items()}
    assert ranges == {"MD01": "立法质量，现将征求", "MD02": "8月1日至2023年8月", "MD03": "2023-08-01",
                      "MD04": "将征求意见", "AR01": PARAGRAPHS[0]}
    copy = docx.Document(str(out))
    paragraph = copy.paragraphs[1]
    assert paragraph.text == "为提高立法质量，现将征求意见稿全文公布。"
    assert [(r.text, r.bold, r.italic) for r in paragraph.runs if r.text] == [  # without comment marks
        ("为提高", True, None), ("立法质量，", True, None), ("现", None, True), ("将征求", None, True),
        ("意见", None, True), ("稿", None, True), ("全文公布。", None, None)]
    # the copy still reads as the original: the same text, paragraph by paragraph
    assert load_docx(str(out), out.read_bytes(), DEFAULT_LIMITS).text == text


def test_text_input_comments_cover_exactly_the_evidence(tmp_path):
    text = "某县人民政府文件\n\n某政发[2021]5号\n\n一、总体要求。坚持依法行政，\n严格执行2021-03-05的规定。\n"
    source = tmp_path / "某县.txt"
    source.write_text(text, encoding="utf-8")
    findings = [_at(text, "GF01", "[2021]"), _at(text, "GF05", "2021-03-05"),
                _at(text, "NC01", "依法行政，\n严格执行"),  # over two lines
                _at(text, "AR01", "", empty=True)]  # document-level, at the very start
    result = DocumentResult(str(source), media_type="text/plain", text=text, findings=findings)
    out = Path(annotate_docx(result, str(source), str(tmp_path)))
    ranges = {comment.split("]")[0][1:5]: covered for comment, covered in _comment_ranges(out).items()}
    assert ranges == {"GF01": "[2021]", "GF05": "2021-03-05", "NC01": "依法行政，\n严格执行",
                      "AR01": "某县人民政府文件"}


def test_text_input_is_laid_out_as_gbt_9704(tmp_path):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    text = ("清川市人民政府关于加强\n城市养犬管理的通知\n\n各区人民政府：\n一、总体要求\n（一）工作目标。到2025年，\n"
            "（二）基本原则\n现将有关事项通知如下。\n")
    source = tmp_path / "通知.txt"
    source.write_text(text, encoding="utf-8")
    result = DocumentResult(str(source), media_type="text/plain", text=text,
                            title="清川市人民政府关于加强城市养犬管理的通知")
    document = docx.Document(annotate_docx(result, str(source), str(tmp_path)))
    section = document.sections[0]
    in_mm = lambda length: round(length.mm, 1)  # noqa: E731  (Word stores twips)
    assert (in_mm(section.page_width), in_mm(section.page_height)) == (210, 297)  # A4
    assert [in_mm(section.top_margin), in_mm(section.bottom_margin), in_mm(section.left_margin),
            in_mm(section.right_margin)] == [37, 35, 28, 26]

    def east_asian(element) -> str:
        return element.rPr.rFonts.get(qn("w:eastAsia"))

    styles = document.styles
    assert east_asian(styles["Normal"].element) == "仿宋_GB2312" and styles["Normal"].font.size == Pt(16)
    assert east_asian(styles["Title"].element) == "方正小标宋简体" and styles["Title"].font.size == Pt(22)
    assert styles["Title"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert east_asian(styles["Heading 1"].element) == "黑体" and east_asian(styles["Heading 2"].element) == "楷体_GB2312"
    assert not any(k.endswith("Theme") for k in styles["Normal"].element.rPr.rFonts.keys())
    by_text = {p.text: p for p in document.paragraphs}
    assert "" not in by_text  # no blank paragraphs
    assert by_text["清川市人民政府关于加强"].style.name == by_text["城市养犬管理的通知"].style.name == "Title"
    assert by_text["一、总体要求"].style.name == "Heading 1"
    assert by_text["各区人民政府："].paragraph_format.first_line_indent == 0  # the addressee is flush left
    assert by_text["现将有关事项通知如下。"].paragraph_format.first_line_indent is None  # body: the style's 2 characters
    assert by_text["（二）基本原则"].style.name == "Heading 2"
    run_in = by_text["（一）工作目标。到2025年，"]  # a run-in heading: the heading sentence in 楷体
    assert run_in.style.name == "Normal" and run_in.runs[0].text == "（一）工作目标。"
    assert east_asian(run_in.runs[0]._r) == "楷体_GB2312" and run_in.runs[1]._r.rPr is None
    # a missing font falls back as Word does: by the alternative name and character set declared
    font_table = next(p for p in document.part.package.iter_parts() if str(p.partname) == "/word/fontTable.xml")
    declared = {f.get(qn("w:name")): (f.find(qn("w:altName")).get(qn("w:val")), f.find(qn("w:charset")).get(qn("w:val")))
                for f in parse_xml(font_table.blob).findall(qn("w:font")) if f.find(qn("w:altName")) is not None}
    assert declared["仿宋_GB2312"] == ("仿宋", "86") and declared["楷体_GB2312"] == ("楷体", "86")


def test_word_comments_across_hyperlinks_tabs_and_deleted_text(tmp_path):
    from lawgov_check.ingest.docx import load_docx
    from lawgov_check.ingest.limits import DEFAULT_LIMITS

    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph._p.append(parse_xml(
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:rPr><w:u w:val="single"/></w:rPr>'
        '<w:t>联系电话</w:t><w:tab/><w:t>0571-1234</w:t></w:r>'))
    paragraph._p.append(parse_xml(
        '<w:del xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:id="9" w:author="a">'
        '<w:r><w:delText>删去的</w:delText></w:r></w:del>'))
    paragraph._p.append(parse_xml(
        '<w:hyperlink xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:anchor="x">'
        '<w:r><w:t>，网址见链接</w:t></w:r></w:hyperlink>'))
    source = tmp_path / "链接.docx"
    document.save(str(source))
    text = load_docx(str(source), source.read_bytes(), DEFAULT_LIMITS).text
    assert text == "联系电话\t0571-1234，网址见链接"
    findings = [_at(text, "CN08", "电话\t0571"), _at(text, "CN07", "1234，网址")]
    result = DocumentResult(str(source), media_type=DOCX_MEDIA_TYPE, text=text, findings=findings)
    out = Path(annotate_docx(result, str(source), str(tmp_path / "out")))
    ranges = {comment.split("]")[0][1:5]: covered for comment, covered in _comment_ranges(out).items()}
    assert ranges == {"CN08": "电话0571", "CN07": "1234，网址"}  # (the tab is not a w:t)
    assert load_docx(str(out), out.read_bytes(), DEFAULT_LIMITS).text == text
    underlined = [r for r in docx.Document(str(out)).paragraphs[0]._p.iter(qn("w:r"))
                  if r.find(qn("w:rPr")) is not None and r.find(qn("w:rPr")).find(qn("w:u")) is not None]
    assert "".join(t.text for r in underlined for t in r.iter(qn("w:t"))) == "联系电话0571-1234"
