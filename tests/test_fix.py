"""`check --fix`: corrected copies of .txt and .docx with the unambiguous format fixes only."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from lawgov_check.api import check_text
from lawgov_check.cli import app
from lawgov_check.fix import fixed_name
from lawgov_check.resources import schema_path

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "fix_format_defects.txt"
# The fixture with every mechanical fix made: brackets and serial of the 发文字号, one half-width
# comma, one half-width pair of parentheses, the signature date.
FIXED = (FIXTURE.read_text(encoding="utf-8")
         .replace("某县政办发[2021]第08号", "某县政办发〔2021〕8号")
         .replace("严格合法性审核,未经", "严格合法性审核，未经")
         .replace("制度(涉及群众切身利益的文件应当公开征求意见)", "制度（涉及群众切身利益的文件应当公开征求意见）")
         .replace("2021.3.5", "2021年3月5日"))
# Ambiguous cases, left alone: a lone parenthesis, a two-digit year, serial 0, Chinese numerals
# (fixable: GF04) for contrast.
LONE_PAREN = FIXTURE.read_text(encoding="utf-8").replace("(涉及群众切身利益的文件应当公开征求意见)",
                                                          "(涉及群众切身利益的文件应当公开征求意见")


def _check(tmp_path: Path, text: str, *args: str, name: str = "通知.txt", encoding: str = "utf-8",
           newline: str = "\n"):
    path = tmp_path / name
    path.write_bytes(text.replace("\n", newline).encode(encoding))
    result = CliRunner().invoke(app, ["check", str(path), "--no-progress", *args])
    assert "Traceback" not in result.output + result.stderr, result.stderr
    return path, result


def test_fix_writes_a_corrected_copy_and_leaves_the_original(tmp_path):
    original = FIXTURE.read_text(encoding="utf-8")
    path, result = _check(tmp_path, original, "--fix")
    assert result.exit_code == 0, result.output  # warnings and advice only
    assert path.read_text(encoding="utf-8") == original
    copy = fixed_name(str(path))
    assert copy.name == "通知.fixed.txt" and copy.read_text(encoding="utf-8") == FIXED
    assert f"已写出修正副本 {copy}（6 处修正）" in result.output
    assert "  -某县政办发[2021]第08号" in result.output and "  +某县政办发〔2021〕8号" in result.output
    assert "  +2021年3月5日" in result.output


def test_checking_the_corrected_copy_finds_no_fixable_findings(tmp_path):
    path, _ = _check(tmp_path, FIXTURE.read_text(encoding="utf-8"), "--fix")
    after = check_text(fixed_name(str(path)).read_text(encoding="utf-8"))
    assert not [f for f in after.findings if f.fix is not None]
    assert not {"GF01", "GF03", "GF05", "GF14"} & {f.code for f in after.findings}


def test_in_place_changes_the_file_itself(tmp_path):
    path, result = _check(tmp_path, FIXTURE.read_text(encoding="utf-8"), "--fix", "--in-place")
    assert result.exit_code == 0
    assert path.read_text(encoding="utf-8") == FIXED and not fixed_name(str(path)).exists()


def test_in_place_needs_fix(tmp_path):
    path, result = _check(tmp_path, FIXTURE.read_text(encoding="utf-8"), "--in-place")
    assert result.exit_code == 2 and "--in-place" in result.stderr


@pytest.mark.parametrize(("encoding", "bom"), [("gb18030", b""), ("utf-8", codecs.BOM_UTF8),
                                              ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-16-le", codecs.BOM_UTF16_LE)])
def test_encoding_byte_order_mark_and_line_endings_are_kept(tmp_path, encoding, bom):
    path = tmp_path / "通知.txt"
    path.write_bytes(bom + FIXTURE.read_text(encoding="utf-8").replace("\n", "\r\n").encode(encoding))
    result = CliRunner().invoke(app, ["check", str(path), "--fix"])
    assert result.exit_code == 0, result.output
    assert fixed_name(str(path)).read_bytes() == bom + FIXED.replace("\n", "\r\n").encode(encoding)


def test_standard_input_is_checked_but_not_fixed(tmp_path):
    result = CliRunner().invoke(app, ["check", "-", "--fix", "--format", "json"],
                                input=FIXTURE.read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)["documents"][0]
    assert "fixed" not in document and any("未写出修正副本" in w for w in document["warnings"])


def test_without_fix_no_copy_is_written(tmp_path):
    path, result = _check(tmp_path, FIXTURE.read_text(encoding="utf-8"))
    assert not fixed_name(str(path)).exists() and "修正副本" not in result.output


@pytest.mark.parametrize(("before", "after", "code"), [
    ("2021.3.5", "2021年3月5日", "GF05"),
    ("2021-03-05", "2021年3月5日", "GF05"),
    ("2021/3/5", "2021年3月5日", "GF05"),
    ("2021年03月05日", "2021年3月5日", "GF05"),
    ("二〇二一年三月五日", "2021年3月5日", "GF04"),
])
def test_date_forms_are_rewritten(tmp_path, before, after, code):
    text = FIXTURE.read_text(encoding="utf-8").replace("2021.3.5", before)
    path, result = _check(tmp_path, text, "--fix", "--select", code)
    assert fixed_name(str(path)).read_text(encoding="utf-8").endswith(f"\n{after}\n"), result.output


@pytest.mark.parametrize(("number", "fixed"), [
    ("某县政办发[2021]8号", "某县政办发〔2021〕8号"),
    ("某县政办发（2021）8号", "某县政办发〔2021〕8号"),
    ("某县政办发【2021】8号", "某县政办发〔2021〕8号"),
    ("某县政办发〔2021〕08号", "某县政办发〔2021〕8号"),
    ("某县政办发〔2021〕第8号", "某县政办发〔2021〕8号"),
])
def test_doc_number_brackets_and_serials(tmp_path, number, fixed):
    text = FIXTURE.read_text(encoding="utf-8").replace("某县政办发[2021]第08号", number)
    path, result = _check(tmp_path, text, "--fix", "--select", "GF01,GF03")
    assert f"\n{fixed}\n" in fixed_name(str(path)).read_text(encoding="utf-8"), result.output


@pytest.mark.parametrize(("text", "code"), [
    (FIXTURE.read_text(encoding="utf-8").replace("2021.3.5", "21年3月5日"), "GF05"),  # which century
    (FIXTURE.read_text(encoding="utf-8").replace("某县政办发[2021]第08号", "某县政办发〔2021〕第00号"), "GF03"),
])
def test_ambiguous_findings_are_reported_but_not_fixed(tmp_path, text, code):
    path, result = _check(tmp_path, text, "--fix", "--select", code, "--format", "json")
    [finding] = json.loads(result.stdout)["documents"][0]["findings"]
    assert finding["code"] == code and "fix" not in finding
    assert not fixed_name(str(path)).exists()


def test_a_lone_parenthesis_is_left_alone(tmp_path):
    path, result = _check(tmp_path, LONE_PAREN, "--fix", "--select", "GF14")
    findings = json.loads(CliRunner().invoke(app, ["check", str(path), "--select", "GF14", "--format", "json"]
                                             ).stdout)["documents"][0]["findings"]
    assert {f["evidence"] for f in findings} == {",", "("}
    assert [f["evidence"] for f in findings if "fix" in f] == [","]
    fixed = fixed_name(str(path)).read_text(encoding="utf-8")
    assert "严格合法性审核，未经" in fixed and "制度(涉及" in fixed


def test_json_carries_the_fix_and_the_copy(tmp_path):
    path, result = _check(tmp_path, FIXTURE.read_text(encoding="utf-8"), "--fix", "--format", "json")
    log = json.loads(result.stdout)
    schema = json.loads(schema_path("result.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(log)
    document = log["documents"][0]
    gf01 = next(f for f in document["findings"] if f["code"] == "GF01")
    assert gf01["fix"]["kind"] == "doc-number-brackets"
    assert [e["text"] for e in gf01["fix"]["edits"]] == ["〔", "〕"]
    assert document["fixed"] == {"path": str(fixed_name(str(path))), "applied": 6, "skipped": 0}


# ---------------------------------------------------------------- docx

def _docx(path: Path, paragraphs: list[list[tuple[str, bool]]]) -> Path:
    """A Word file whose paragraphs are given as runs (text, bold)."""
    import docx

    document = docx.Document()
    for runs in paragraphs:
        paragraph = document.add_paragraph()
        for text, bold in runs:
            paragraph.add_run(text).bold = bold
    document.save(path)
    return path


def _runs(path: Path) -> list[list[tuple[str, bool]]]:
    import docx

    return [[(r.text, bool(r.bold)) for r in p.runs] for p in docx.Document(path).paragraphs]


DOCX_PARAGRAPHS = [
    [("某县人民政府办公室文件", True)],
    [("某县政办发[", True), ("2021]第0", False), ("8号", True)],  # the number split over three runs
    [("某县人民政府办公室关于进一步规范行政规范性文件管理的通知", True)],
    [("各乡镇人民政府，县政府各部门：", False)],
    [("为进一步规范行政规范性文件制定和监督管理工作，现就有关事项通知如下：一是严格合法性审核", False),
     (",", False), ("未经审核的文件不得提交审议；二是落实公开征求意见制度；三是加强备案审查，按规定报送县司法局；"
                    "四是定期开展清理，清理结果向社会公布。", False)],
    [("某县人民政府办公室", False)],
    [("2021-03-05", False)],
]


def test_docx_fixes_inside_runs_keeping_their_formatting(tmp_path):
    path = _docx(tmp_path / "通知.docx", DOCX_PARAGRAPHS)
    result = CliRunner().invoke(app, ["check", str(path), "--fix", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert _runs(path) == DOCX_PARAGRAPHS  # the original is untouched
    fixed = _runs(fixed_name(str(path)))
    assert fixed[1] == [("某县政办发〔", True), ("2021〕", False), ("8号", True)]
    assert fixed[4][1] == ("，", False)
    assert fixed[6] == [("2021年3月5日", False)]
    assert fixed_name(str(path)).name == "通知.fixed.docx"
    assert "  +某县政办发〔2021〕8号" in result.output


def test_docx_in_place(tmp_path):
    path = _docx(tmp_path / "通知.docx", DOCX_PARAGRAPHS)
    result = CliRunner().invoke(app, ["check", str(path), "--fix", "--in-place", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert _runs(path)[6] == [("2021年3月5日", False)] and not fixed_name(str(path)).exists()


def test_docx_fix_outside_runs_is_not_made(tmp_path):
    """A date in a table row is reported, but a table row is not edited (its text is rebuilt)."""
    import docx

    path = tmp_path / "表格.docx"
    document = docx.Document()
    for text in ["某县人民政府办公室关于进一步规范行政规范性文件管理的通知", "各乡镇人民政府：", "请认真贯彻落实。",
                 "某县人民政府办公室"]:
        document.add_paragraph(text)
    document.add_table(rows=1, cols=1).rows[0].cells[0].text = "2021-03-05"
    document.save(path)
    result = CliRunner().invoke(app, ["check", str(path), "--fix", "--select", "GF05", "--format", "json"])
    document = json.loads(result.stdout)["documents"][0]
    if not document["findings"]:
        pytest.skip("the date in a table row is not taken for the signature date")
    assert document["fixed"]["applied"] == 0 and document["fixed"]["skipped"] == 1
    assert not fixed_name(str(path)).exists()
