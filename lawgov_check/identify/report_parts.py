"""The four required parts of an annual report (督察工作规定 第二十五条) as real headings word them.

Used by the recogniser (headings that cover three parts make a report) and by ruleset AR (which
part is missing), so both read one vocabulary.
"""

from __future__ import annotations

import re

FIRST_RESPONSIBLE = re.compile(r"第一责任人|主要负责人履行|履行(?:推进)?法治(?:政府)?建设(?:第一)?(?:责任|职责)")
SHORTCOMINGS = re.compile(r"存在(?:的)?(?:主要)?(?:问题|不足|短板|差距|困难|薄弱)|不足|短板|差距|薄弱环节|弱项|"
                           r"(?:^|[、和及与])(?:主要)?问题(?:和|及|与|分析|$)|困难和问题")
PLANS_STRONG = re.compile(r"工作思路|主要安排|工作安排|工作计划|下一步|下一年|下步|工作打算|工作设想|"
                           r"努力方向|明年|今后|展望|工作部署|工作谋划|主要任务和措施|重点工作|工作重点|主要目标")
MEASURES = re.compile(r"成效|成绩|主要做法|工作情况|举措|开展情况|主要工作|进展|推进情况|落实情况|"
                       r"完成情况|基本情况|工作成果|做法|亮点|工作开展|建设情况")
YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def parts_named(text: str, year: int | None) -> set[str]:
    """The parts a heading names; a heading naming next year (year + 1) is the plans part."""
    parts = set()
    if FIRST_RESPONSIBLE.search(text):
        parts.add("first_responsible")
        return parts
    if SHORTCOMINGS.search(text):
        parts.add("shortcomings")
    years = {int(y) for y in YEAR.findall(text)}
    next_year = year is not None and (year + 1) in years and year not in years
    if PLANS_STRONG.search(text) or next_year:
        parts.add("plans")
    if MEASURES.search(text) and not (next_year and not re.search(r"成效|成绩|完成情况", text)):
        parts.add("measures")
    if "plans" in parts and "measures" in parts and not re.search(r"下一步|下一年|明年|今后|打算|思路|安排|计划", text):
        parts.discard("plans")
    return parts


def parts_in_headings(texts: list[str]) -> set[str]:
    """The required parts that these level-1 headings name."""
    found: set[str] = set()
    for text in texts:
        found |= parts_named(text, None)
    return found
