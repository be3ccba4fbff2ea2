import xml.etree.ElementTree as ET

from lawgov_check.report import render


def test_junit_structure(run):
    root = ET.fromstring(render("junit", run).encode("utf-8"))
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [d.path for d in run.documents]
    report, pdf, docx, broken = suites
    # annual report: AR01 AR02 AR05 NC01 applied, ND03 ND04 skipped with the ruleset
    assert [c.get("name") for c in report.findall("testcase")] == ["AR01", "AR02", "AR05", "NC01", "ND03", "ND04"]
    assert report.get("tests") == "6" and report.get("failures") == "2" and report.get("skipped") == "2"
    failed = {c.get("name"): c.find("failure") for c in report.findall("testcase")}
    assert failed["AR01"] is None and failed["AR05"] is None  # info does not fail
    assert failed["AR02"].get("type") == "error" and "建议：" in failed["AR02"].text
    assert all(c.get("classname") == run.documents[0].path for c in report.findall("testcase"))
    assert pdf.get("failures") == "2" and docx.get("failures") == "1"
    assert broken.find("testcase/error") is not None and broken.get("errors") == "1"
    assert root.get("tests") == "10" and root.get("failures") == "5"


def test_markup_in_documents_is_escaped(run):
    out = render("junit", run)
    assert "<script>" not in out
    root = ET.fromstring(out.encode("utf-8"))
    messages = [f.get("message") for f in root.iter("failure")]
    assert '正文含有无法识别的内容“<script>alert("xss")</script>”' in messages


def test_control_characters_do_not_break_the_xml(run):
    run.documents[0].findings[0].message += "\x0c\x00"
    ET.fromstring(render("junit", run).encode("utf-8"))
