import xml.etree.ElementTree as ET

from lawgov_check.report import render


def _cases(out: str) -> list[ET.Element]:
    root = ET.fromstring(out.encode("utf-8"))
    suites = root.findall("testsuite")
    assert len(suites) == 1
    return suites[0].findall("testcase")


def test_one_testcase_per_document(run):
    root = ET.fromstring(render("junit", run).encode("utf-8"))
    cases = root.findall("testsuite/testcase")
    assert [c.get("name") for c in cases] == [d.path for d in run.documents]
    assert [c.get("file") for c in cases] == [d.path for d in run.documents]
    # no test case for a rule or a ruleset that did not apply: the skip is a note in the output
    assert not list(root.iter("skipped"))
    assert "normative_document 1.0.0：文种不是行政规范性文件" in cases[0].find("system-out").text
    assert root.get("tests") == "4" and root.find("testsuite").get("tests") == "4"


def test_failures_are_the_findings_at_or_above_fail_on(run):
    report, pdf, docx, broken = _cases(render("junit", run))  # default: error
    failure = report.find("failure")
    assert failure.get("type") == "error" and failure.get("message").startswith("1 条问题：AR02 ")
    assert "AR02" in failure.text and "建议：" in failure.text and "NC01" not in failure.text
    assert "NC01" in report.find("system-out").text and "AR05" in report.find("system-out").text
    assert docx.find("failure") is None and "MD01" in docx.find("system-out").text
    assert broken.find("error").get("type") == "InputError" and broken.find("failure") is None

    cases = _cases(render("junit", run, fail_on="warning"))
    failure = cases[0].find("failure")
    assert failure.get("message").startswith("2 条问题：AR02 ") and failure.get("message").endswith("（+1）")
    assert "NC01" in failure.text and "AR05" not in failure.text
    assert cases[2].find("failure") is not None
    root = ET.fromstring(render("junit", run, fail_on="warning").encode("utf-8"))
    assert root.get("failures") == "3" and root.get("errors") == "1"

    assert all(c.find("failure") is None for c in _cases(render("junit", run, fail_on="never")))
    per_doc = _cases(render("junit", run, fail_on=lambda d: "info" if d.path.endswith(".txt") else "never"))
    assert "AR05" in per_doc[0].find("failure").text and per_doc[1].find("failure") is None


def test_markup_in_documents_is_escaped(run):
    out = render("junit", run, fail_on="warning")
    assert "<script>" not in out
    root = ET.fromstring(out.encode("utf-8"))
    bodies = [f.text for f in root.iter("failure")]
    assert any('正文含有无法识别的内容“<script>alert("xss")</script>”' in body for body in bodies)


def test_control_characters_do_not_break_the_xml(run):
    run.documents[0].findings[0].message += "\x0c\x00"
    ET.fromstring(render("junit", run).encode("utf-8"))
