"""Why a ruleset applies to a document or is skipped: codes and values from `selection`, put into
words here in Chinese and English (the report shows them in the run's language)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .templates import fill

WORDS: dict[str, tuple[str, str]] = {
    "type-outside": ("文档类型 {doc_type} 不在适用范围 ({allowed})", "document type {doc_type} is not among {allowed}"),
    "subtype-outside": ("文档子类型 {subtype} 不在适用范围 ({allowed})", "document subtype {subtype} is not among {allowed}"),
    "place-outside": ("辖区 {place} 不在适用范围 ({allowed})", "jurisdiction {place} is not among {allowed}"),
    "before-law": ("成文日期 {date} 早于《{law}》施行（{effective}）", "dated {date}, before {law} took effect ({effective})"),
    "before-start": ("成文日期 {date} 早于适用起始日期 {start}", "dated {date}, before the start date {start}"),
    "after-end": ("成文日期 {date} 晚于适用截止日期 {end}", "dated {date}, after the end date {end}"),
    "year-before-law": ("{year} 年度报告早于《{law}》施行（{effective}）", "a report for {year}, before {law} took effect ({effective})"),
    "year-before-start": ("报告年度 {year} 早于适用起始年度 {start}", "report year {year} is before the first year {start}"),
    "year-after-end": ("报告年度 {year} 晚于适用截止年度 {end}", "report year {year} is after the last year {end}"),
    "all-types": ("适用于所有文档类型", "applies to every document type"),
    "type-inside": ("文档类型 {doc_type} 在适用范围内", "document type {doc_type} is in scope"),
    "place-inside": ("辖区 {place} 在适用范围内", "jurisdiction {place} is in scope"),
    "date-unknown": ("成文日期未识别，未按日期排除", "date not recognised, so not excluded by date"),
    "year-unknown": ("报告年度未识别，未按年度排除", "report year not recognised, so not excluded by year"),
    "not-chosen": ("未在 --ruleset 中选定", "not chosen by --ruleset"),
    "chosen": ("由 --ruleset 指定", "chosen by --ruleset"),
    "no-rules-left": ("所有规则均被 --select/--ignore 排除或已停用", "every rule is excluded by --select/--ignore or deprecated"),
}
UNKNOWN = {"zh": "未识别", "en": "not recognised"}


@dataclass(frozen=True)
class Reason:
    code: str
    values: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str = "zh") -> str:
        zh, en = WORDS[self.code]
        values = {k: (UNKNOWN[lang if lang in UNKNOWN else "zh"] if v is None else v) for k, v in self.values.items()}
        return fill(en if lang == "en" else zh, values)


def worded(reasons: list[Reason], lang: str = "zh") -> str:
    return ("; " if lang == "en" else "；").join(r.text(lang) for r in reasons)
