from lawgov_check.report import render
from lawgov_check.report.github import command, escape_data, escape_property


def test_escaping_follows_the_workflow_command_rules():
    assert escape_data("50%\r\n下一行") == "50%25%0D%0A下一行"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    assert command("warning", "x:y,z", file="目录/a,b.txt", line=3, title="MD01 comment-period") == \
        "::warning file=目录/a%2Cb.txt,line=3,title=MD01 comment-period::x:y,z"


def test_one_annotation_per_finding_and_input_error(run):
    lines = render("github", run).splitlines()
    assert len(lines) == 7
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert sum(line.startswith("::notice ") for line in lines) == 1
    nc01 = next(line for line in lines if "NC01" in line)
    assert nc01.startswith("::warning file=reports/梧桐区2023年度报告.txt,line=7,col=39,endColumn=45,")
    # the message's own newline and the comma in "1,300件" inside the title-less message stay safe
    assert "\n" not in nc01 and "%0A建议：" in nc01
    docx = next(line for line in lines if "MD01" in line)
    assert "file=docs/停车场办法征求意见.docx" in docx  # backslashes become forward slashes
    assert lines[-1] == ("::error file=docs/损坏的文件.docx,title=输入错误::"
                         "docs/损坏的文件.docx: 不是有效的 Word 文件（压缩包已损坏）")
