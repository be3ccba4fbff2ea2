"""What a document is: its family (doc_type) and finer kind (subtype), from the title first, then
from what the body says it is — never `other` when the opening plainly says what it is."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..facts.doc_numbers import find_doc_numbers, is_normative_number
from ..model import Heading
from . import vocabulary as v
from .evidence import Decision, Evidence, shorten
from .report_parts import parts_in_headings, parts_named

TITLE_CONFIDENCE = 0.9
BODY_CONFIDENCE = 0.75
UNSURE = 0.5

_ORDER_NUMBER = re.compile(r"令\s*(?:第|[〔\[(【]|\d{4}\s*年\s*第)")  # 令第5号, 令〔2018〕5号, 令2011年第115号
_NOTICE_IN_FORCE = re.compile(r"本(?:通知|决定)自.{2,20}(?:起)?(?:施行|实施|生效)[^\n]{0,20}有效期")
_NOTICE_END = re.compile(r"(?:通知|通告|公告|通报|决定|公示)$")
# …办法, 印发《…办法》的通知, 印发〈…办法(暂行)〉的通知 (a qualifier inside the name, inner quotes)
_RULE_TITLE = re.compile(r"(?:办法|规定|细则|规则|实施意见|暂行|试行|若干措施|制度)(?:\([^()]{1,8}\))?[》〉]?(?:的通知|的决定)?$")
# A regulation (条例: 行政法规 or 地方性法规) is neither a government rule nor a normative document.
_REGULATION_TITLE = re.compile(r"条例$")
_REPORT_TITLE = re.compile(r"报告|情况|总结")
_QUOTED_NAME = re.compile(r"《[^《》]*》")
_SOLICIT_TITLE = re.compile(r"征求意见|意见征集|征集意见|公开征求|征求.{0,20}意见")
_HEARING_TITLE = re.compile(r"听证(?:会|公告|通告|通知|公示)")
_REGISTRATION_FIELDS = ("统一编号", "登记编号", "登记号")


@dataclass
class TypeInputs:
    title: str | None
    metadata: dict[str, str]
    headings: list[Heading]
    opening: str  # the first few hundred characters of the body
    text: str  # the whole normalized text
    doc_number: str | None
    has_addressee: bool
    embedded_title: str | None  # the title of a document issued under a covering notice
    header_notes: list[str]  # parenthetical notes under the title: (…人民政府令第N号公布…)


def _decided(doc_type: str, subtype: str | None, confidence: float, source: str, cue: str,
             text: str) -> tuple[Decision[str], Decision[str]]:
    evidence = (Evidence(source, cue, shorten(text)),)
    return Decision(doc_type, confidence, evidence), Decision(subtype, confidence if subtype else 0.0, evidence if subtype else ())


def decide_type(x: TypeInputs) -> tuple[Decision[str], Decision[str]]:
    return _by_title(x) or _by_body(x) or _decided("other", None, 0.3 if not x.title else UNSURE, "title" if x.title else "body",
                                                  "未见可判断类型的标志 (no sign of a known kind)", x.title or x.opening[:40])


def _by_title(x: TypeInputs) -> tuple[Decision[str], Decision[str]] | None:
    title = x.title or ""
    if not title:
        return _by_number(x)
    if v.SITE_NAME.search(title):  # a site's column (…意见征集平台) is no kind of document
        return _decided("other", None, UNSURE, "title", "网站栏目名称 (the name of a site's column)", title)
    outer = _QUOTED_NAME.sub("《》", title)  # the title without the names it quotes
    core = v.without_qualifiers(title)
    c = TITLE_CONFIDENCE

    def t(doc_type: str, subtype: str | None, cue: str):
        return _decided(doc_type, subtype, c, "title", cue, title)

    if v.DISCLOSURE_REPORT.search(title) and re.search(r"年度报告|工作报告|年报", title):
        return t("other", "information_disclosure_report", "政府信息公开年度报告 (a disclosure report, not judged here)")
    if v.INTERPRETATION.search(core) and not (_NOTICE_END.search(core) and not v.INTERPRETATION_END.search(core)):
        # …政策解读工作检查情况通报 is a circular about interpretation work, not an interpretation
        return t("drafting_explanation", None, "起草说明或政策解读 (an explanation)")
    if v.REVIEW_RECORD.search(title):
        return t("review_record", None, "合法性审查意见 (a legality review record)")
    if _HEARING_TITLE.search(outer):
        return t("major_decision", "hearing", "听证会公告 (a hearing announcement)")
    if v.FEEDBACK.search(outer):
        return t("comment_notice", "feedback", "征求意见结果反馈 (feedback on comments received)")
    if v.CATALOGUE.search(title) and not _RULE_TITLE.search(core):
        return t("major_decision", "catalogue", "重大行政决策事项目录 (a decision catalogue)")
    if v.DECISION_ITEMS_CALL.search(title):
        return t("major_decision", "call_for_items", "征集重大行政决策事项 (a call for decision items)")
    if _SOLICIT_TITLE.search(outer) or ("征求意见稿" in title and not _NOTICE_END.search(core)):
        return t("comment_notice", "draft_for_comment", "征求意见 (a draft put out for comment)")
    if v.CALL_FOR_PROPOSALS.search(outer):
        return t("comment_notice", "call_for_proposals", "征集建议 (a call for proposals)")
    if v.MAJOR_DECISION.search(outer) and not _RULE_TITLE.search(core):
        return t("major_decision", "decision", "重大行政决策事项 (a major administrative decision)")
    if v.REPORT_HEARD.search(title):
        return t("other", None, "会议听取或审议报告的消息 (news that a meeting heard a report)")
    if _NOTICE_END.search(core) and not v.ISSUING_TITLE.search(outer) and v.COMMENT_INVITATION.search(
            _QUOTED_NAME.sub("《》", x.opening[:COMMENT_OPENING_REACH])):  # not 《…征求意见反馈办法》
        return t("comment_notice", "draft_for_comment", "公告正文公开征求意见 (a notice that puts a draft out for comment)")
    if v.LEGISLATURE.match(outer):
        return t("other", None, "人大或其常委会的文件，非政府文件 (a legislature's act, not the government's)")
    if v.STUDY_REPORT.search(outer):
        return t("other", None, "调研或评估报告，非政府的年度报告 (a study or an assessment, not an annual report)")
    if v.RULE_OF_LAW_GOVERNMENT.search(outer) and _REPORT_TITLE.search(outer) and not v.PLAN_WORDS.search(outer):
        return t("annual_report", None, "法治政府建设情况报告 (a report on rule-of-law government)")
    by_number = _by_number(x)
    if by_number:
        return by_number
    if _REGULATION_TITLE.search(core):
        return t("other", None, "条例为法规，非规章或规范性文件 (a regulation, not a rule or normative document)")
    if _RULE_TITLE.search(core) or _NOTICE_IN_FORCE.search(x.text) or any(
            (x.metadata.get(k) or "").strip() for k in _REGISTRATION_FIELDS):
        return t("normative_document", None, "标题为办法、规定等 (the title names rules)")
    if _NOTICE_END.search(core):
        return t("notice", None, "标题以通知、公告等结尾 (the title names a notice)")
    return None


def _by_number(x: TypeInputs) -> tuple[Decision[str], Decision[str]] | None:
    """A government rule is published by an order (令第N号), whatever its title ends with (a rule may be
    titled …通告 or …的决定); a normative document's number has 规."""
    number = x.doc_number or ""
    title = x.title or ""
    if re.search(r"国务院令", number) and not re.search(r"部令|委员会令|署令|局令|行令", number):
        # 国务院令 publishes administrative regulations (行政法规), not 规章
        return _decided("other", "administrative_regulation", TITLE_CONFIDENCE, "header",
                        "以国务院令公布的行政法规 (an administrative regulation)", number)
    if _ORDER_NUMBER.search(number) or any(v.PUBLICATION_NOTE.match(note.strip()) for note in x.header_notes):
        return _decided("government_rule", None, TITLE_CONFIDENCE, "header", "以政府令公布 (published by an order)",
                        number or " ".join(x.header_notes))
    if any(is_normative_number(f) for f in find_doc_numbers(f"{number} {title}", ("doc_number", "registration"))):
        return _decided("normative_document", None, TITLE_CONFIDENCE, "header",
                        "发文字号含“规” (a normative document's number)", number or title)
    return None


def _by_body(x: TypeInputs) -> tuple[Decision[str], Decision[str]] | None:
    opening = x.opening
    c = BODY_CONFIDENCE

    def b(doc_type: str, subtype: str | None, cue: str, text: str = opening):
        return _decided(doc_type, subtype, c, "opening", cue, text)

    article = _FIRST_ARTICLE.search(opening[:FIRST_ARTICLE_REACH]) if x.title is None else None
    if article and not (v.COMMENT_INVITATION.search(opening[: article.start()])
                        or v.HEARING_ANNOUNCEMENT.search(opening[: article.start()])):
        # the words after 第一条 are the rules' own (公开征求意见 as a procedure they lay down)
        return _decided("normative_document", None, UNSURE, "opening",
                        "无标题，正文以条文开头 (untitled; the body opens on articles of rules)", opening)
    if x.title is None and _RULES_PREAMBLE.match(opening[:RULES_PREAMBLE_REACH]) \
            and not v.COMMENT_INVITATION.search(opening[:RULES_PREAMBLE_REACH]):
        return _decided("normative_document", None, UNSURE, "opening",
                        "无标题，开头说明制定本办法或措施 (untitled; the preamble says it lays down rules)", opening)
    if x.title is None and v.INTERPRETATION_OPENING.search(opening[:200]):
        return b("drafting_explanation", None, "开头说明将作解读 (the opening says it interprets a document)")

    if not x.has_addressee and v.NEWS_REPORT.search(x.text[:NEWS_CUE_REACH]):
        return b("other", None, "新闻报道 (a news report)", x.text[:NEWS_CUE_REACH])
    if v.HEARING.search(opening) and v.HEARING_ANNOUNCEMENT.search(opening):
        return b("major_decision", "hearing", "开头宣布举行听证会 (the opening announces a hearing)")
    if v.CATALOGUE.search(opening) and re.search(r"印发|公布|发布|通知如下", opening):
        return b("major_decision", "catalogue", "开头印发或公布决策事项目录 (the opening issues a catalogue)")
    if v.DECISION_ITEMS_CALL.search(opening):
        return b("major_decision", "call_for_items", "开头征集重大行政决策事项 (the opening calls for items)")
    if v.COMMENT_INVITATION.search(opening):
        return b("comment_notice", "draft_for_comment", "开头公开征求意见 (the opening invites comment)")
    if v.FEEDBACK_REPORTED.search(opening):
        return b("comment_notice", "feedback", "开头报告意见征集结果 (the opening reports the comments received)")
    if v.CALL_FOR_PROPOSALS.search(opening[:200]) and re.search(r"公开征集|面向社会", opening):
        return b("comment_notice", "call_for_proposals", "开头公开征集建议 (the opening calls for proposals)")
    if _looks_like_annual_report(x) or (len(parts_in_headings([h.text for h in x.headings if h.level == 1])) >= 3
                                        and "法治" in x.text[:20000]):
        return b("annual_report", None, "开头回顾本年度法治政府建设 (the opening reports on a year)")
    if x.has_addressee and x.title is None and v.REPORT_AS_FOLLOWS.search(opening[:400]) \
            and v.LAWFUL_ADMINISTRATION.search(x.text[:20000]):
        return b("annual_report", None, "向上级机关报告依法行政情况 (a report on lawful administration to an organ)")
    if x.title is None and _opens_on_a_report_part(x):
        return _decided("annual_report", None, UNSURE, "opening",
                        "无标题，以年度报告的第一部分开头 (untitled, opening on a report's first part)", opening)
    level1 = [h.text for h in x.headings if h.level == 1]
    if any(v.EXPLANATION_BACKGROUND.search(h) for h in level1) and any(v.EXPLANATION_CONTENT.search(h) for h in level1):
        return b("drafting_explanation", None, "各部分说明制定背景和主要内容 (parts on the background and the content)",
                 " / ".join(level1[:2]))
    if x.has_addressee and v.ADDRESSEE_ISSUE.search(opening):
        issued = x.embedded_title or ""
        if _RULE_TITLE.search(v.without_qualifiers(issued)):
            return b("normative_document", None, "印发办法、规定等的通知 (a notice issuing rules)", issued)
        return b("notice", None, "印发文件的通知 (a covering notice)")
    if v.NOTICE_OPENING.search(opening[:400]):
        return b("notice", None, "开头通告或公告事项 (the opening gives notice)")
    if x.has_addressee and x.title is None:
        return b("notice", None, "有主送机关 (addressed to organs)")
    return None


def _looks_like_annual_report(x: TypeInputs) -> bool:
    head = x.opening[:400]
    if not v.RULE_OF_LAW_GOVERNMENT.search(head) or v.PLAN_OPENING.search(head):
        return False
    if v.DISCLOSURE_REPORT.search(head[:120]) or v.NOTICE_OPENING.search(head):
        return False  # a disclosure report, or a circular on the year's results (现将…通报如下)
    if v.REPORT_HEARD.search(head[:200]) or v.REPORT_REPORTED.search(head):
        return False  # news of a meeting that heard the report, or of what the report shows
    return bool(v.YEAR_OPENING.match(x.opening) or v.REPORT_PHRASE.search(head))


# 结合本地实际，制定本办法。/ 特制定如下政策措施: the preamble of rules, first in an untitled excerpt
_RULES_PREAMBLE = re.compile(
    r"^(?:为了?|根据|按照|依据)[^。]{0,280}?(?:制定|制订)(?:本|如下|以下)(?:政策)?(?:办法|规定|细则|措施|若干措施)")
RULES_PREAMBLE_REACH = 300
# 第一条 at the start of the body, or after the preamble's first sentence: the body is articles.
_FIRST_ARTICLE = re.compile(r"(?:^|(?<=[。：:；;]))\s*第一条")
FIRST_ARTICLE_REACH = 200

COMMENT_OPENING_REACH = 300  # a notice that puts a draft out for comment says so at once
NEWS_CUE_REACH = 120  # a byline or a wire's opening stands in a news report's first lines
OPENING_HEADING_REACH = 12  # the first heading stands at the very start of an untitled excerpt


def _opens_on_a_report_part(x: TypeInputs) -> bool:
    """An excerpt without its title that starts on a report's first part (一、2020年法治政府建设基本情况 /
    一、工作开展情况) and speaks of rule-of-law government: a report, but only the body says so."""
    first = x.headings[0] if x.headings else None
    if first is None or first.level != 1 or first.number != 1:
        return False
    if not 0 <= x.opening.find(first.text) <= OPENING_HEADING_REACH or v.PLAN_OPENING.search(x.opening[:400]):
        return False
    parts = parts_named(first.text, None)
    return bool(parts & {"measures", "first_responsible"}) and bool(v.LAWFUL_ADMINISTRATION.search(x.opening[:400]))
