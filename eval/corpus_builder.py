"""Build realistic documents in several styles for the rule cases and the evaluation set.

Styles: a county government (full-width punctuation), a city department, a province, a district
report without a title, and scraped web pages (half-width punctuation, page chrome, traditional
characters with pinyin artefacts). Every text here is original.
"""

from __future__ import annotations

import re

_PINYIN = {"關於": "關(guān)於", "發": "發(fā)", "報告": "報(bào)告", "規範": "規(guī)範"}


def half_width(text: str) -> str:
    """What a scraper does to full-width punctuation: ，：；（） become , : ; ( )."""
    return text.translate(str.maketrans({"，": ",", "：": ":", "；": ";", "（": "(", "）": ")"}))


def traditional(text: str) -> str:
    """Traditional characters with pinyin glued to some of them, as some scraped pages have."""
    import opencc

    out = opencc.OpenCC("s2t").convert(text)
    for plain, noisy in _PINYIN.items():
        out = out.replace(plain, noisy, 2)
    return out


def web_page(text: str, *, index: str, publisher: str, date: str) -> str:
    """Page chrome above a document: 索引号, 发布机构, 成文日期 and a visit counter."""
    return (f"信息索引号: {index}  主题分类: 政府法制\n 发布机构: {publisher}\n 成文日期: {date}  公开方式: 主动公开\n\n"
            + text + "\n\n字体:【大 中 小】  分享到:\n")


# ---- annual reports ---------------------------------------------------------------------------

MEASURES = {
    "county": "{y}年法治政府建设主要举措和成效",
    "department": "{y}年推进法治政府建设的主要做法和成效",
    "province": "{y}年法治政府建设工作情况",
    "district": "主要工作成效",
}
SHORTCOMINGS = {
    "county": "存在的不足和原因",
    "department": "存在的问题及原因分析",
    "province": "存在的短板和不足",
    "district": "{y}年法治政府建设短板分析",
}
FIRST = {
    "county": "党政主要负责人履行推进法治建设第一责任人职责情况",
    "department": "主要负责人履行推进法治建设第一责任人职责情况",
    "province": "{y}年党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况",
    "district": "党政主要负责人履行推进法治建设第一责任人职责情况",
}
PLANS = {
    "county": "{n}年主要安排",
    "department": "下一步工作打算",
    "province": "{n}年推进法治政府建设的工作思路",
    "district": "{n}年工作计划",
}
ENTITY = {"county": "某某县", "department": "某某市司法局", "province": "某某省", "district": "某某区"}
CN_NUM = "一二三四五六七八九十"


def annual_report(style: str = "county", year: int = 2021, *, drop: str | None = None,
                  plan_year: int | None = None, title_year: int | None = None,
                  causes: bool = True, first_as_subsection: bool = False, title: bool = True,
                  date: str | None = None, comment_days: str = "10个工作日",
                  title_text: str | None = None) -> str:
    """An annual report with the four parts; `drop` removes one (measures/shortcomings/first/plans)."""
    n = plan_year if plan_year is not None else year + 1
    entity = ENTITY[style]
    parts: list[tuple[str, str]] = []
    measures_body = (f"（一）依法全面履行政府职能\n深化“放管服”改革，{year}年取消和下放行政许可事项12项，"
                     f"全面推行证明事项告知承诺制。\n（二）完善依法行政制度体系\n全年制定规范性文件9件，"
                     f"出台前均在政府网站公开征求意见{comment_days}，全部经合法性审核。\n"
                     "（三）严格规范公正文明执法\n全年办理行政复议案件36件，其中维持20件，纠错16件。")
    if first_as_subsection:
        measures_body += "\n（四）切实履行法治建设第一责任人职责\n主要负责人带头学法，四次主持召开专题会议研究法治政府建设。"
    parts.append(("measures", MEASURES[style].format(y=year) + "\n" + measures_body))
    cause = ("原因主要在于基层法治工作力量配备不足。" if causes else "")
    parts.append(("shortcomings", SHORTCOMINGS[style].format(y=year) + "\n"
                  f"一是部分干部运用法治思维的能力还不够强。二是基层执法规范化水平有待提高。{cause}"))
    if not first_as_subsection:
        parts.append(("first", FIRST[style].format(y=year) + "\n"
                      "主要负责人认真履行第一责任人职责，带头尊法学法守法用法，年内专题听取法治政府建设汇报4次。"))
    parts.append(("plans", PLANS[style].format(n=n) + "\n"
                  "持续深化法治政府示范创建，推进行政执法“三项制度”全面落实，加强行政复议规范化建设。"))
    parts = [p for p in parts if p[0] != drop]
    body = "\n".join(f"{CN_NUM[i]}、{text}" for i, (_, text) in enumerate(parts))
    ty = title_year if title_year is not None else year
    head = title_text or f"{entity}{ty}年度法治政府建设情况的报告"
    opening = (f"{year}年，{entity}坚持以习近平新时代中国特色社会主义思想为指导，深入推进依法行政。"
               f"现将{year}年度法治政府建设情况报告如下：")
    text = (head + "\n\n" if title else "") + opening + "\n" + body
    sign_date = date or f"{year + 1}年2月20日"
    text += f"\n\n{entity if style != 'province' else '某某省人民政府'}\n{sign_date}\n"
    return text


# ---- normative documents ----------------------------------------------------------------------

def normative_document(*, organ: str = "某某市人民政府", number: str = "某政规〔2021〕3号",
                       name: str = "某某市城市道路挖掘管理办法", basis: bool = True, effective: bool = True,
                       validity: str | None = "有效期5年", penalty: str | None = None,
                       signature: str | None = None, date: str = "2021年4月10日") -> str:
    lines = [f"{organ}文件", number] if number else [f"{organ}文件"]
    lines.append(f"{organ}关于印发{name}的通知")
    lines.append("各县（区）人民政府，市政府各部门：")
    lines.append(f"现将《{name}》印发给你们，请认真贯彻执行。")
    lines.append("")
    lines.append(signature or organ)
    lines.append(date)
    lines.append("")
    lines.append(name)
    first = "第一条 为加强城市道路挖掘管理，保障道路完好和交通安全，"
    first += "根据《城市道路管理条例》等有关规定，结合本市实际，制定本办法。" if basis else "制定本办法。"
    lines.append(first)
    lines.append("第二条 本办法适用于本市市区范围内城市道路的挖掘及其监督管理。")
    lines.append("第三条 因工程建设需要挖掘城市道路的，建设单位应当向城市管理部门提出申请。")
    if penalty:
        lines.append("第十五条 " + penalty)
    last = "第十六条 本办法由市城市管理局负责解释。"
    if effective:
        last += "本办法自2021年5月10日起施行"
        last += f"，{validity}。" if validity else "。"
    elif validity:
        last += f"本办法{validity}。"
    lines.append(last)
    return "\n".join(lines) + "\n"


# ---- comment notices --------------------------------------------------------------------------

def comment_notice(*, subject: str = "《某某县农村宅基地管理办法（征求意见稿）》", issuer: str = "某某县农业农村局",
                   published: str = "2021年3月1日", deadline: str | None = "2021年3月15日",
                   channels: bool = True, contact: bool = True, intro: str = "",
                   stated: str | None = None) -> str:
    lines = [f"关于公开征求{subject}意见的通知", ""]
    lines.append((intro or f"为增强政策制定的透明度和公众参与度，现将{subject}全文公布，公开征求社会各界意见。"))
    if deadline:
        lines.append(f"征求意见截止日期为{deadline}。")
    if stated:
        lines.append(stated)
    if channels:
        lines.append("有关单位和个人可通过以下方式提出意见：（一）发送电子邮件至yjzj@example.gov.cn；（二）信函寄至某某路1号，邮编310000。")
    if contact:
        lines.append("联系人：李某，联系电话：0571-87001234。")
    lines += ["", issuer, published]
    return "\n".join(lines) + "\n"


# ---- major decisions --------------------------------------------------------------------------

def major_decision(*, procedures: tuple[str, ...] = ("comment", "expert", "risk", "review", "discussion"),
                   comment: str = "于2021年3月1日至3月31日在市政府网站公开征求意见",
                   negated: str | None = None, title: str = "关于某某市生活垃圾分类处理设施布局规划重大行政决策事项的报告") -> str:
    sentences = {
        "comment": f"决策草案{comment}，共收到意见建议46条，采纳21条。",
        "expert": "组织环境工程、城市规划等领域专家7人进行专家论证，形成论证意见。",
        "risk": "委托第三方机构开展社会稳定风险评估，评估结论为低风险。",
        "review": "市司法局对决策草案进行了合法性审查，出具了审查意见。",
        "discussion": "决策草案经2021年4月20日市政府常务会议集体讨论决定。",
    }
    body = [title, "", "一、决策背景", "为解决生活垃圾处理能力不足问题，市城市管理局起草了决策草案。", "二、决策程序履行情况"]
    body += [sentences[p] for p in procedures]
    if negated:
        body.append(negated)
    body += ["", "某某市城市管理局", "2021年4月25日"]
    return "\n".join(body) + "\n"


# ---- implementation plans ---------------------------------------------------------------------

TASKS = [
    ("依法全面履行政府职能", "深化行政审批制度改革，全面清理行政审批中介服务事项。", "县政府办、县发改局", "县直各部门、各乡镇人民政府"),
    ("完善依法行政制度体系", "加强行政规范性文件管理，实行统一登记、统一编号、统一印发制度。", "县司法局", "县直各部门"),
    ("推进行政决策科学化民主化法治化", "严格落实重大行政决策法定程序，建立决策事项目录。", "县政府办、县司法局", "县直各部门、各乡镇人民政府"),
    ("坚持严格规范公正文明执法", "全面推行行政执法公示、执法全过程记录、重大执法决定法制审核制度。", "县司法局", "各行政执法部门"),
    ("强化对行政权力的制约和监督", "自觉接受人大监督、民主监督，加强审计监督。", "县审计局、县司法局", "县直各部门"),
    ("依法有效化解社会矛盾纠纷", "健全行政复议案件审理机制，规范行政应诉工作。", "县司法局、县信访局", "县直各部门、各乡镇人民政府"),
]


def plan(*, label_style: str = "full", unlabelled: int | None = None, missing: int | None = None,
         missing_resp: int | None = None, numbering_gap: bool = False, deadline: dict[int, str] | None = None,
         date: str = "2021年3月1日", county: str = "某某县", continuous: bool = True) -> str:
    lines = [f"中共{county}委 {county}人民政府关于印发《{county}法治政府建设实施方案（2021—2025年）》的通知", "",
             "各乡镇党委、人民政府，县直各部门：",
             "现将《实施方案》印发给你们，请结合实际认真贯彻落实。", "",
             f"中共{county}委  {county}人民政府", date, "",
             f"{county}法治政府建设实施方案（2021—2025年）", "一、总体要求",
             "（一）指导思想。以习近平新时代中国特色社会主义思想为指导，全面推进依法行政。",
             "（二）工作目标。到2025年，政府行为全面纳入法治轨道。", "二、主要任务"]
    number = 3 if continuous else 1
    for i, (head, body, lead, resp) in enumerate(TASKS):
        if numbering_gap and i == 3:
            number += 1
        marker = f"（{CN_NUM[number - 1] if number <= 10 else '十' + CN_NUM[number - 11]}）"
        extra = (deadline or {}).get(i, "")
        if i == missing:
            units = ""
        elif i == unlabelled:
            units = f"（{lead}，责任单位：{resp}）"
        elif i == missing_resp:
            units = f"（牵头单位：{lead}）"
        else:
            units = f"（牵头单位：{lead}，责任单位：{resp}）"
        lines.append(f"{marker}{head}。{body}{extra}{units}")
        number += 1
    lines.append("三、保障措施")
    lines.append(f"（{CN_NUM[number - 1] if number <= 10 else '十' + CN_NUM[number - 11]}）加强组织领导。各级党委和政府要把法治政府建设摆在全局工作的突出位置。（牵头单位：县委办、县政府办，责任单位：县直各部门）")
    text = "\n".join(lines) + "\n"
    if label_style == "half":
        text = half_width(text)
    return re.sub(r"\n{3,}", "\n\n", text)
