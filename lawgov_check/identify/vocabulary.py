"""The words the recognisers look for: document kinds, organs, metadata labels, page furniture.

Patterns run on normalized text (simplified characters, half-width ASCII punctuation).
"""

from __future__ import annotations

import re

from ..facts.publishing_order import PUBLISHED_NOW
from ..lazyre import lazy

# The kind a title names, at its end: 《党政机关公文处理工作条例》's 15 kinds and the kinds real pages add.
_DOC_KIND_WORDS = (
    "报告", "通知", "通告", "公告", "通报", "意见", "办法", "规定", "细则", "规则", "方案", "要点", "计划",
    "规划", "决定", "决议", "请示", "批复", "复函", "函", "纪要", "说明", "条例", "命令", "令", "议案", "公报",
    "指引", "标准", "清单", "目录", "制度", "章程", "纲要", "意见书", "情况", "体系", "措施", "公示", "反馈",
    "答复", "指南", "解读", "建议", "汇报", "总结", "细则", "守则", "导则", "公约", "名单", "结果",
)
_KIND_ALTERNATION = "|".join(sorted(set(_DOC_KIND_WORDS), key=len, reverse=True))
# A trailing parenthesis qualifies the title without ending it: (征求意见稿) (试行) (2021—2025年).
_QUALIFIER_AT_END = re.compile(r"[(\[【][^()\[\]【】]{1,20}[)\]】]\s*$")
QUALIFIERS_MAX = 3


def without_qualifiers(title: str) -> str:
    """The title without trailing parentheses such as (征求意见稿)(试行), at most a few of them."""
    text = title.rstrip()
    for _ in range(QUALIFIERS_MAX):
        match = _QUALIFIER_AT_END.search(text, max(0, len(text) - 40))
        if not match:
            break
        text = text[: match.start()].rstrip()
    return text
KIND_AT_END = re.compile(rf"(?:{_KIND_ALTERNATION})[》>]?$")

# An organ's name ends with one of these (a signature line, an issuer line above the title).
ORGAN_AT_END = re.compile(
    r"(?:人民政府|人民代表大会(?:常务委员会)?|常务委员会|政府|委员会|党委|市委|县委|区委|省委|州委|党工委|"
    r"办公室|办公厅|办事处|管委会|管理委员会|局|厅|部|委|办|会|院|署|中心|所|站|队|处|科|街道|乡|镇)$"
)

# A news headline's verb: 某市司法局召开法治政府建设推进会 names an event, not an organ, though it ends in 会.
EVENT_VERB = re.compile(r"召开|举行|举办|开展|部署|启动|出席|调研|视察|考察|走访|慰问|开幕|闭幕|签约|揭牌")
# A news headline's subtitle: ——部署2024年重点工作.
DASH_SUBTITLE = re.compile(r"^(?:——|—|--)")

# Web-page labels of the metadata block, written with or without spaces between their characters.
METADATA_LABELS = (
    "信息索引号", "索引号", "发布时间", "主题分类", "体裁分类", "组配分类", "服务对象", "发布机构", "发文机关",
    "发文机构", "发文单位", "成文日期", "成文时间", "发文日期", "发布日期", "公开日期", "印发日期", "生效日期",
    "施行日期", "实施日期", "公布日期", "废止日期", "失效日期", "有效期", "有效性", "公开方式", "公开范围",
    "公开形式", "公开时限", "发文字号", "文号", "统一编号", "登记编号", "登记号", "公文种类", "文种", "所属机构",
    "信息来源", "来源", "生成日期", "发布单位", "信息分类", "内容分类", "公开属性", "文件编号", "效力状态",
    "时效性", "时效", "关键词", "主题词", "标题", "名称", "文件名称", "信息名称", "题名", "内容概述", "摘要",
    "公开目录", "效力位阶", "效力级别", "所属主题", "发布部门", "作者", "浏览", "下载地址", "文章来源", "信息来源",
    "更新时间", "更新日期", "归档时间", "点击量", "阅读量", "时间", "产生日期", "制发机关", "制发机构",
    "制发单位", "成文单位", "文件类型", "颁布日期",
    "颁布单位", "统一登记号", "登记日期", "公开责任部门", "信息时效期", "发布文号",
)
# Keys whose value is the document's title, its number, its date of signature, its issuer.
TITLE_KEYS = ("标题", "名称", "文件名称", "信息名称", "题名")
NUMBER_KEYS = ("文号", "发文字号", "发布文号")
# 文件编号 holds the 发文字号 in a disclosure catalogue's grid, or another code: taken only when it reads as one.
CHECKED_NUMBER_KEYS = ("文件编号",)
# 生成日期 / 产生日期: the catalogue's date the record was made, the signing date for a 公文 — after the others.
DATE_KEYS = ("成文日期", "成文时间", "发文日期", "印发日期", "公布日期", "颁布日期", "生成日期", "产生日期")
ISSUER_KEYS = ("发文机关", "发文机构", "发文单位", "制发机关", "制发机构", "制发单位", "成文单位", "颁布单位", "发布机构",
               "信息来源", "来源")
# 某政呈〔2017〕3号  签发人：张三 — the signer a report to a higher organ names beside its number.
SIGNER = re.compile(r"[ \t\u3000]+签发人[ \t\u3000]*[:：].*$")
ISSUING_TITLE = re.compile(r"印发|转发|批转|颁布")  # 关于印发《…》的通知: a covering notice
SOURCE_KEYS = ("信息来源", "来源")  # where the page got it: an organ only when it reads as one


def spaced(label: str) -> str:
    """A label that tolerates spaces between its characters: 索 引 号, or a two-character label padded
    to a grid's width (标        题)."""
    return "[ \u3000]{0,8}".join(re.escape(ch) for ch in label)


_LABEL_ALTERNATION = "|".join(spaced(k) for k in sorted(METADATA_LABELS, key=len, reverse=True))
# "索引号: 123 主题分类: …" — a label then a colon, at the start or after a space, bullet or bar, or
# glued to the end of the value before it when that ends in a digit, a bracket or 号 (…-00012文  号:
# 某政发〔2024〕9号索 引 号: — padded labels whose spaces the normalizer took away from the value).
LABEL_WITH_COLON = re.compile(rf"(?:^|(?<=[\s|•·●▪■◆*\-0-9)\]】〕号]))(?P<key>{_LABEL_ALTERNATION})[ \u3000]*:")
# "索引号000/2024-00012文号某政发〔2024〕9号": labels without colons, at the start or after a value's
# digit, bracket or 号, and followed by a value (not by a colon: those are LABEL_WITH_COLON's).
GLUED_LABEL = re.compile(rf"(?:^|(?<=[\s0-9)\]】〕号]))(?P<key>{_LABEL_ALTERNATION})(?=[ \u3000]*[^\s:])")
# "[ 索引号 ]1150…/2021-00118 [ 发文字号 ] [ 发布机构 ]某县人民政府": labels in square brackets.
BRACKETED_LABEL = lazy(rf"[\[【［][ \u3000]*(?P<key>{_LABEL_ALTERNATION})[ \u3000]*[\]】］]")
# A value line with the next label glued to its end: 某县关于印发某办法的通知发文机关
TRAILING_LABEL = lazy(
    "(?P<key>" + "|".join(spaced(k) for k in sorted(METADATA_LABELS, key=len, reverse=True) if len(k) >= 3) + ")$")
LABEL_CELL = re.compile(rf"^(?P<key>{_LABEL_ALTERNATION})[ \u3000]*:?$")
BULLET = re.compile(r"^[\s•·●▪■◆*-]+")

# A line that is a page's date or byline, never a title: "2022-03-30 15:59", "政策法规科 2023-12-29",
# "作者:… 时间:2024-07-22 14:39:19", "瑞律网整理发布 169°c 2023-12-05".
PAGE_DATE = re.compile(r"(?:19|20)\d{2}-\d{1,2}-\d{1,2}|\d{1,2}:\d{2}(?::\d{2})?(?!\d)")
# "今天是2024年3月5日 星期二", "天津市某区人民政府 2019年12月3日星期二": a site banner's stale date.
STALE_DATE = re.compile(r"今天是|星期[一二三四五六日天]|农历|【\s*字[体号]\s*[:：]|视力保护色|打印本页|关闭窗口")
# A site's greeting, an advert or a link put above the document: never a title nor an organ.
PAGE_FURNITURE = re.compile(r"欢迎(?:访问|光临|来到|您)|[【\[(](?:广告|推广|置顶|热门)[】\])]|点击(?:领取|进入|查看|下载|这里|此处)"
                            r"|www\.|https?:|扫码|公众号|无障碍|关怀版|长者模式|适老化|设为首页|加入收藏")
# A menu: 首页 | 政务公开 | 办事服务 (three or more short items between bars), or the same between spaces.
NAV_MENU = re.compile(r"^[^|\n]{1,10}(?:\|[^|\n]{1,10}){2,}\|?$|^\S{1,6}(?: {1,4}\S{1,6}){3,}$")
SITE_NAME = re.compile(r"(?:网|网站|门户|平台|之家|频道|专栏|新闻中心)$")
# 您所在的位置: 政务公开 > 工作报告, 首页 » 法规 » — a breadcrumb, with or without its label.
BREADCRUMB = lazy(r"位置\s*:|^\s*[>»›]|^\s*首页\s*[>»›]|(?:[^>»›]{1,20}[>»›]){2,}"
                        r"|^[^>»›]{1,20}[>»›]\s*(?:正文|正文阅览|内容|详情|详细内容|阅读|浏览)\s*$")  # 某栏目 > 正文
# A news report's byline: 某某融媒体记者 张三 / 通讯员 李四 / 责任编辑: 王五.
BYLINE = lazy(r"(?:记者|通讯员|责任编辑|编辑|审核|作者|摄影)[ \u3000]*[:：]?[ \u3000]*[\u4e00-\u9fff]{2,4}"
                    r"(?:[ \u3000、,]+[\u4e00-\u9fff]{2,4}){0,3}$")
# A news report: a byline or a wire's opening in its first lines.
NEWS_REPORT = re.compile(r"记者|通讯员|(?:本报|本台|本网|新华社)讯|据悉")
# An addressee names organs or people: 各县(市、区)人民政府,市政府各部门: / 各位人大代表:
ADDRESSEE_END = re.compile(r"(?:单位|部门|机构|代表|同志|们|企业|组织|各界|人士|居民|市民|群众|朋友|委员)$")
CONTENTS = re.compile(r"^目\s*录$")

# The opening of a document that states what it is.
REPORT_AS_FOLLOWS = re.compile(r"(?:报告|汇报|总结)如下")
REPORT_PHRASE = re.compile(r"(?:报告|汇报|总结)如下|情况报告|工作报告如下")
RULE_OF_LAW_GOVERNMENT = re.compile(r"法治政府(?:部门)?建设")  # 法治政府部门建设: a department's report
# 2021年, 2024年以来, 2022 年度, 二〇二三年 at the very start of the opening: a report looking back on its year.
YEAR_OPENING = re.compile(r"^\s*(?P<year>(?:19|20)\d{2}|[一二][〇○零0九][〇○零0一二三四五六七八九]{2})\s*年(?:度)?(?:以来|来)?\s*[,，、]?"
                          r"(?!是|为|全年|将|要)")
DISCLOSURE_REPORT = re.compile(r"政府信息公开|政务公开|信息公开工作")
# What a plan or a guideline calls itself — in its title, or in its opening (制定本指引, 现提出…要点).
PLAN_WORDS = re.compile(r"工作要点|实施方案|工作计划|工作指引|指标体系|规划|纲要|考核办法|评估办法|制定本")
PLAN_OPENING = re.compile(r"制定本|特制定|现提出如下|工作要点如下|要点如下|方案如下")
COMMENT_INVITATION = re.compile(
    r"(?:现将|现就|现向|特向|予以公布|全文公布|全文公开|公开征集|向社会|面向社会).{0,60}?(?:征求|听取).{0,12}?意见"
    r"|征求(?:社会(?:各界|公众)|公众|广大市民|群众).{0,6}?意见|意见反馈截止|反馈意见截止"
)
FEEDBACK = re.compile(r"结果反馈|意见(?:建议)?(?:的)?(?:采纳|处理|反馈)情况|征求意见情况|采纳情况")
# The comments a solicitation received, reported: 共征集意见3条，采纳2条 / 未收到任何意见.
# 共收到意见12条，采纳8条 / 予以采纳 / 未收到意见 — not a commentary's 采不采纳.
FEEDBACK_REPORTED = re.compile(r"(?:征求|征集).{0,10}?意见.{0,80}?(?:共(?:收到|征集|征求)到?.{0,6}?意见"
                               r"|(?:予以|未予|部分)采纳|采纳(?:了|情况|[0-9一二三四五六七八九十两])|未收到)")
CALL_FOR_PROPOSALS = re.compile(r"征集.{0,30}?(?:建议|项目|提案|选题|线索|意见建议)|(?:意见建议|建议)征集")
HEARING = re.compile(r"听证")
HEARING_ANNOUNCEMENT = re.compile(
    r"(?:举行|召开|组织|举办).{0,60}?听证会|听证会.{0,12}?(?:公告|通告|通知|公示)|听证事项|参加人.{0,8}?报名|听证代表"
)
CATALOGUE = re.compile(r"重大(?:行政)?决策(?:事项)?(?:目录|清单)")  # 重大决策目录清单: 行政 left out
# 征集 with 重大行政决策 as its object, in one clause: 公开征集2024年度重大行政决策事项建议 — not
# 征集期间未收到意见，…体现了重大行政决策的公开透明.
DECISION_ITEMS_CALL = re.compile(
    r"征集[^。;,:!?]{0,30}?重大行政决策(?:事项)?|重大行政决策(?:事项)?[^。;,:!?]{0,10}?(?:建议项目|征集)")
# 市政府常务会议听取…法治政府建设工作情况汇报: a report named as what a meeting heard or reviewed — news.
REPORT_HEARD = re.compile(r"(?:听取|审议|研究|讨论)[^。;,:!?]{0,30}?法治政府建设")
MAJOR_DECISION = re.compile(r"重大行政决策")
INTERPRETATION = re.compile(r"起草说明|编制说明|制定说明|政策解读|的说明$|解读$|一图(?:读懂|看懂|解读)|^图解")
# 现就《某规定》的相关情况作如下解读 / 现将…解读如下: an untitled interpretation's opening.
INTERPRETATION_OPENING = re.compile(r"作如下解读|解读如下|(?:起草|制定)情况(?:说明|作)如下")
# An explanation's own title ends on what it is (…的说明, …解读, …起草说明).
INTERPRETATION_END = re.compile(r"(?:说明|解读)$")
# 某市人民代表大会常务委员会关于…的规定 / 某市人大常委会公告: the legislature's acts (local regulations).
LEGISLATURE = re.compile(r"^(?:(?!关于).){0,12}?(?:人民代表大会(?:常务委员会)?|人大常委会)(?:关于|公告|决定|决议|$)")
# 法治政府建设调查报告 / 评估报告 / 调研报告: a study of rule-of-law government, not its annual report.
STUDY_REPORT = re.compile(r"(?:调查|调研|评估|研究|考察)报告|心得体会|范文")
REVIEW_RECORD = re.compile(r"合法性(?:审查|审核)(?:意见|报告)|(?:审查|审核)意见书")
# What an untitled page says it is: 现将有关事项通告如下 / 特公告如下 / 现将考核结果通报如下 (a notice).
NOTICE_OPENING = re.compile(r"(?:通告|公告|通报)如下")
# What news says of a report: 会议听取和审议了…报告 / 报告显示 — the page is about the report, not the report.
REPORT_REPORTED = re.compile(r"报告(?:显示|指出|称|提到)")
# A report's subject when it is the government's lawful administration (依法行政, 法治建设).
LAWFUL_ADMINISTRATION = re.compile(r"法治政府|依法行政|法治建设")
# The headings of an explanation or a policy interpretation: its background, then its content.
EXPLANATION_BACKGROUND = re.compile(r"(?:起草|制定|出台|编制|修订|制订)(?:的)?(?:背景|依据|过程|目的|必要性)|背景(?:和|及|与)?依据|政策背景")
EXPLANATION_CONTENT = re.compile(r"主要内容|主要条款|核心内容|重点内容|条款解读|解读机关")
ADDRESSEE_ISSUE = re.compile(r"(?:现(?:予)?印发|现将.{0,60}?印发|现转发|现予公布|现予发布|现印发给你们)")

# The note under a government rule's title: (2021年6月21日某省人民政府令第4号公布 自…起施行),
# (1991年3月26日某市人民政府令19号发布).
_NOTE_BODY = r"[(（][^()（）\n]{0,60}?令\s*第?\s*[\d一二三四五六七八九十百零〇]{1,6}\s*号\s*(?:公布|发布)[^()（）\n]{0,60}"
PUBLICATION_NOTE = re.compile(rf"^{_NOTE_BODY}[)）]?$")  # the ) may be lost
# 《某省某办法》(2009年11月27日某省人民政府令第63号公布): the note glued to the end of the title line
NOTE_AFTER_TITLE = re.compile(rf"(?<=\S){_NOTE_BODY}[)）](?=(?:\.(?:docx?|pdf|wps|txt))?$)", re.IGNORECASE)
# 《某市某办法》已经…市人民政府常务会议通过，现予公布: an order's words publishing the rule it names
_PROMULGATED = r"^《(?P<name>[^《》\n]{2,60})》(?:已经|业经|已于|经)"
PROMULGATION = re.compile(_PROMULGATED)
PROMULGATION_SENTENCE = re.compile(rf"{_PROMULGATED}[^。]{{0,150}}?{PUBLISHED_NOW}")
# 《某市人民政府2018年度法治政府建设工作报告》是2019年某市人民政府发布的通知。— an encyclopedia's lead
ENCYCLOPEDIA_LEAD = re.compile(r"^《(?P<name>[^《》\n]{4,80})》是")

