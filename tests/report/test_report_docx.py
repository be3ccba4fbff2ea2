import hashlib
from pathlib import Path

import docx
import pytest
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
