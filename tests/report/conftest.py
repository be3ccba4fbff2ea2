"""A hand-built RunResult that exercises every reporter: several documents, all severities,
pdf and docx locations, an unreadable input, wide characters and hostile markup."""

from __future__ import annotations

import datetime as dt

import pytest

from lawgov_check.model import (
    DOCX_MEDIA_TYPE, Basis, DocumentResult, Finding, Jurisdiction, Location, RuleInfo,
    RulesetDecision, RunResult,
)

REPORT_TEXT = """清川市梧桐区2023年度法治政府建设情况的报告

2023年，梧桐区坚持以习近平新时代中国特色社会主义思想为指导，深入推进依法行政。现将有关情况报告如下：

一、2023年推进法治政府建设的主要举措和成效
（一）健全依法决策机制。全年共作出重大行政决策5项，均经过合法性审查和集体讨论决定。
（二）规范行政执法行为。全区共办理行政执法案件1,236件，其中行政处罚案件1,300件。

二、存在的不足和原因
部分执法人员运用法治思维的能力有待提高。

三、2024年推进法治政府建设的主要安排
继续深化行政执法“三项制度”，加强执法监督。"""

NORMATIVE_TEXT = """清川市人民政府办公室关于加强城市养犬管理的通知
清政办发〔2023〕12号
各区人民政府，市政府各部门：
为规范养犬行为，保障市民人身安全，现就有关事项通知如下：
一、养犬人应当依法办理养犬登记。<script>alert("xss")</script>
二、本通知自发布之日起施行。
清川市人民政府办公室
2023年6月1日"""

COMMENT_TEXT = """关于公开征求《清川市公共停车场管理办法（征求意见稿）》意见的通知
为提高立法质量，现将《清川市公共停车场管理办法（征求意见稿）》全文公布，征求社会各界意见。
一、征求意见时间
2023年8月1日至2023年8月15日。
二、意见反馈方式
电子邮件：tingche@example.gov.cn"""


def _finding(text: str, needle: str, *, code: str, name: str, severity: str, message: str,
             suggestion: str, basis: list[Basis], ruleset: str, heading_path: str = "",
             page: int | None = None, paragraph: int | None = None, occurrence: int = 0,
             empty: bool = False) -> Finding:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    end = start + len(needle)
    if empty:  # an insertion point just after the needle (e.g. something missing at the end)
        start = end
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return Finding(
        code=code, name=name, severity=severity, message=message, suggestion=suggestion,
        basis=basis, location=Location(line if paragraph is None else paragraph, column, page, paragraph),
        heading_path=heading_path, evidence=text[start:end], ruleset=ruleset, ruleset_version="1.0.0",
        span=(start, end), fingerprint=f"{code.lower()}-{start:04d}-{end:04d}",
    )


GUIDELINE = Basis("法治政府建设与责任落实督察工作规定", "中办发〔2019〕", "第二十五条", "2019-05-06", "verified")
REGULATION = Basis("重大行政决策程序暂行条例", "国务院令第713号", "第十四条", "2019-09-01", "verified")
NORMATIVE_BASIS = Basis("国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知",
                        "国办发〔2018〕37号", None, None, "secondary")


def build_rules() -> list[RuleInfo]:
    def rule(code: str, name: str, severity: str, zh: str, en: str, basis: list[Basis], ruleset: str,
             doc_types: list[str]) -> RuleInfo:
        return RuleInfo(code=code, name=name, severity=severity, summary={"zh": zh, "en": en}, basis=basis,
                        ruleset=ruleset, ruleset_version="1.0.0",
                        suggestion={"zh": "按规定补充相关内容", "en": "Add the required content"},
                        doc_types=doc_types)

    return [
        rule("AR01", "report-title", "error", "报告标题应写明年度和“法治政府建设”",
             "The title names the year and the topic", [GUIDELINE], "annual_report", ["annual_report"]),
        rule("AR02", "leader-duty-section", "error", "报告应写明党政主要负责人履行第一责任人职责情况",
             "The report covers the principal leaders' duties", [GUIDELINE], "annual_report", ["annual_report"]),
        rule("AR05", "publication-date", "info", "报告宜写明公开发布日期",
             "The report states its publication date", [GUIDELINE], "annual_report", ["annual_report"]),
        rule("NC01", "part-exceeds-total", "warning", "分项数字不应大于合计数",
             "A part does not exceed its total", [], "numeric_consistency", []),
        rule("ND03", "effective-date-rule", "error", "规范性文件应载明施行日期和有效期",
             "A normative document states its effective date and validity", [NORMATIVE_BASIS],
             "normative_document", ["normative_document"]),
        rule("ND04", "no-penalty-creation", "warning", "规范性文件不得增设罚款",
             "A normative document creates no fines", [NORMATIVE_BASIS], "normative_document",
             ["normative_document"]),
        rule("MD01", "comment-period", "warning", "征求意见期限一般不少于30日",
             "Public comment lasts at least 30 days", [REGULATION], "major_decision", ["comment_notice"]),
    ]


def build_run() -> RunResult:
    report_findings = [
        _finding(REPORT_TEXT, "清川市梧桐区2023年度法治政府建设情况的报告", code="AR02",
                 name="leader-duty-section", severity="error",
                 message="报告未写明党政主要负责人履行推进法治建设第一责任人职责的情况",
                 suggestion="增加“党政主要负责人履行推进法治建设第一责任人职责情况”一节",
                 basis=[GUIDELINE], ruleset="annual_report"),
        _finding(REPORT_TEXT, "1,300件", code="NC01", name="part-exceeds-total", severity="warning",
                 message="分项“行政处罚案件1,300件”大于合计“行政执法案件1,236件”",
                 suggestion="核对执法案件统计数字", basis=[], ruleset="numeric_consistency",
                 heading_path="一、（二）"),
        _finding(REPORT_TEXT, "加强执法监督。", code="AR05", name="publication-date", severity="info",
                 message="报告末尾未写明发布日期", suggestion="在文末注明发布机关和日期",
                 basis=[GUIDELINE], ruleset="annual_report", heading_path="三、", empty=True),
    ]
    report = DocumentResult(
        path="reports/梧桐区2023年度报告.txt", media_type="text/plain", encoding="utf-8",
        doc_type="annual_report", year=2023, title="清川市梧桐区2023年度法治政府建设情况的报告",
        date=dt.date(2024, 3, 15), jurisdiction=Jurisdiction(None, "清川市", "梧桐区"),
        rulesets_applied=[
            RulesetDecision("annual_report", "1.0.0", "文种为法治政府建设年度报告"),
            RulesetDecision("numeric_consistency", "1.0.0", "适用于所有文件"),
        ],
        rulesets_skipped=[RulesetDecision("normative_document", "1.0.0", "文种不是行政规范性文件")],
        findings=report_findings, text=REPORT_TEXT,
    )

    normative = DocumentResult(
        path="docs/养犬管理通知.pdf", media_type="application/pdf", encoding=None,
        doc_type="normative_document", year=2023, title="清川市人民政府办公室关于加强城市养犬管理的通知",
        date=dt.date(2023, 6, 1), jurisdiction=Jurisdiction(None, "清川市", None),
        rulesets_applied=[RulesetDecision("normative_document", "1.0.0", "文种为行政规范性文件")],
        findings=[
            _finding(NORMATIVE_TEXT, "本通知自发布之日起施行。", code="ND03", name="effective-date-rule",
                     severity="error", message="文件只写明“自发布之日起施行”，未载明有效期",
                     suggestion="写明有效期，一般不超过5年", basis=[NORMATIVE_BASIS],
                     ruleset="normative_document", heading_path="二、", page=2),
            _finding(NORMATIVE_TEXT, '<script>alert("xss")</script>', code="ND04",
                     name="no-penalty-creation", severity="warning",
                     message='正文含有无法识别的内容“<script>alert("xss")</script>”',
                     suggestion="删除网页残留代码 <b>后</b> 重新检查", basis=[NORMATIVE_BASIS],
                     ruleset="normative_document", heading_path="一、", page=1),
        ],
        warnings=["第2页的文字层不完整"], text=NORMATIVE_TEXT,
    )
    # pdf lines are counted per page
    normative.findings[0] = _with_location(normative.findings[0], Location(2, 1, 2, None))

    notice = DocumentResult(
        path="docs\\停车场办法征求意见.docx", media_type=DOCX_MEDIA_TYPE, encoding=None,
        doc_type="comment_notice", year=2023, title="关于公开征求《清川市公共停车场管理办法（征求意见稿）》意见的通知",
        jurisdiction=Jurisdiction(None, "清川市", None),
        rulesets_applied=[RulesetDecision("major_decision", "1.0.0", "征求意见通知")],
        findings=[
            _finding(COMMENT_TEXT, "2023年8月1日至2023年8月15日", code="MD01", name="comment-period",
                     severity="warning", message="征求意见期限为15日，少于30日",
                     suggestion="将征求意见期限延长至不少于30日，或说明缩短的理由", basis=[REGULATION],
                     ruleset="major_decision", heading_path="一、", paragraph=4),
        ],
        text=COMMENT_TEXT,
    )

    broken = DocumentResult(
        path="docs/损坏的文件.docx", media_type=DOCX_MEDIA_TYPE,
        errors=["docs/损坏的文件.docx: 不是有效的 Word 文件（压缩包已损坏）"],
    )
    return RunResult(documents=[report, normative, notice, broken], rules=build_rules(),
                     tool_version="0.1.0", lang="zh",
                     waivers_applied=[{"path": "reports/*.txt", "code": "AR01", "reason": "已人工核对"}])


def _with_location(f: Finding, location: Location) -> Finding:
    return Finding(**{**f.__dict__, "location": location})


@pytest.fixture
def run() -> RunResult:
    return build_run()


@pytest.fixture
def fresh_run():
    """Builds another, independent RunResult equal to `run`."""
    return build_run
