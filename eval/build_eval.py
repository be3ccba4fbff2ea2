"""Write the labelled evaluation set: eval/docs/*.txt (+ *.meta.yml) and eval/labels.yml.

    python eval/build_eval.py

Documents are built in several styles and then mutated (a part deleted, a period shortened, a year
changed…). Each label lists the codes of the AR, ND, CN, MD and IP rulesets a careful reviewer
expects on that document — nothing more, nothing less.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_builder import (annual_report, comment_notice, half_width, major_decision,  # noqa: E402
                            normative_document, plan, traditional, web_page)

HERE = Path(__file__).resolve().parent
DOCS = HERE / "docs"

TOPICAL_REPORT = """某某市2021年法治政府建设年度报告

2021年，某某市深入学习贯彻习近平法治思想，法治政府建设取得新进展。现报告如下：
一、依法全面履行政府职能
全面实行政府权责清单制度，动态调整市级权责事项3412项。
二、健全依法行政制度体系
全年制定市政府规章2件，公开征求意见均不少于30日；制定市级规范性文件18件，全部经合法性审核。
三、严格规范公正文明执法
全年开展执法案卷评查，评查案卷526卷。
四、切实履行推进法治建设第一责任人职责
市政府主要负责人带头学法，主持召开常务会议专题研究法治政府建设4次。
五、存在的问题和原因
基层执法队伍专业化程度不高，原因是培训机制不够健全。
六、2022年工作安排
持续推进法治政府示范创建，健全行政执法协调监督体系。

某某市人民政府
2022年3月25日
"""

DISCLOSURE_REPORT = """某某县人民政府2021年政府信息公开工作年度报告

一、总体情况
2021年，某某县认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息2316条。
二、主动公开政府信息情况
全年制发规范性文件6件，均在县政府网站公开。
三、收到和处理政府信息公开申请情况
全年收到政府信息公开申请35件，均按期答复。
四、存在的主要问题及改进情况
个别部门信息更新不够及时。
五、其他需要报告的事项
无。

某某县人民政府
2022年1月20日
"""


def docs() -> list[tuple[str, str, list[str], dict[str, Any] | None]]:
    """(name, text, expected codes, manifest or None)."""
    d: list[tuple[str, str, list[str], dict[str, Any] | None]] = []
    # ---- annual reports
    d.append(("ar_county_2021_complete", annual_report("county", 2021, date="2022年3月1日"), [], None))
    d.append(("ar_department_2020_complete", annual_report("department", 2020, date="2021年2月25日"), [], None))
    d.append(("ar_province_2023_traditional", traditional(annual_report("province", 2023, date="2024年3月20日")), [], None))
    d.append(("ar_district_2019_no_title", annual_report("district", 2019, title=False, date="2020年2月10日"), [], None))
    d.append(("ar_topical_sections", TOPICAL_REPORT, [], None))
    d.append(("ar_measures_deleted", annual_report("county", 2022, drop="measures", date="2023年3月1日"), ["AR01"], None))
    d.append(("ar_shortcomings_deleted", annual_report("department", 2021, drop="shortcomings", date="2022年2月15日"),
              ["AR02"], None))
    scraped = web_page(half_width(annual_report("county", 2020, drop="first", date="2021年3月5日")),
                       index="11331082002671234X/2021-00456", publisher="县司法局", date="2021-03-05")
    d.append(("ar_first_responsible_deleted_scraped", scraped, ["AR03"], None))
    d.append(("ar_plans_deleted", annual_report("province", 2019, drop="plans", date="2020年3月28日"), ["AR04"], None))
    d.append(("ar_no_causes", annual_report("county", 2021, causes=False, date="2022年3月2日").replace(
        "存在的不足和原因", "存在的不足"), ["AR05"], None))
    d.append(("ar_plan_year_wrong", annual_report("district", 2022, plan_year=2022, date="2023年2月8日"), ["AR06"], None))
    d.append(("ar_title_year_wrong", annual_report("department", 2023, title_year=2022, date="2024年2月5日"), ["AR07"], None))
    d.append(("ar_published_late", annual_report("county", 2020, date="2021年4月15日"), ["AR08"], None))
    d.append(("ar_department_late", annual_report("department", 2021, date="2022年3月18日"), ["AR09"], None))
    d.append(("ar_title_not_named", annual_report("county", 2021, date="2022年3月1日",
                                                  title_text="某某县人民政府关于2021年依法行政工作情况的报告"),
              ["AR10"], {"doc_type": "annual_report"}))
    d.append(("ar_2018_not_judged", annual_report("county", 2018, drop="plans", date="2019年3月1日"), [], None))
    d.append(("ar_disclosure_report", DISCLOSURE_REPORT, [], None))
    d.append(("ar_seven_calendar_days", annual_report("county", 2021, comment_days="7天", date="2022年3月1日"),
              ["CN09"], None))
    d.append(("ar_first_deleted_five_days", annual_report("department", 2022, drop="first", comment_days="五天",
                                                          date="2023年2月20日"), ["AR03", "CN09"], None))
    # ---- normative documents
    d.append(("nd_clean", normative_document(), [], None))
    d.append(("nd_no_number", normative_document(number=""), ["ND01"], None))
    d.append(("nd_no_basis", normative_document(basis=False, organ="某某县自然资源局", number="某自然资规〔2020〕1号"),
              ["ND03"], None))
    d.append(("nd_no_effective_no_validity", normative_document(effective=False, validity=None),
              ["ND04", "ND05"], {"doc_type": "normative_document"}))
    d.append(("nd_validity_ten_years", normative_document(validity="有效期10年"), ["ND06"], None))
    d.append(("nd_sets_fine", half_width(normative_document(
        penalty="擅自挖掘城市道路的，由城市管理部门处5000元以上2万元以下罚款。")), ["ND07"], None))
    d.append(("nd_cites_law_only", normative_document(
        penalty="违反本办法规定的，由城市管理部门依照《城市道路管理条例》的规定予以处罚；办理挖掘许可不得收取任何费用。"), [], None))
    d.append(("nd_internal_division", normative_document(organ="某某县交通运输局运输管理股", number="某交运〔2021〕2号"),
              ["ND08"], None))
    d.append(("nd_comment_five_working_days", normative_document(), ["ND09"],
              {"comment_period": {"start": "2021-03-01", "end": "2021-03-05"}}))
    d.append(("nd_market_twenty_days", normative_document(name="某某市支持小微企业纾困发展若干措施"), ["ND10"],
              {"comment_period": {"start": "2021-03-01", "end": "2021-03-20"}}))
    d.append(("nd_review_short_and_late", normative_document(), ["ND12", "ND13"],
              {"legality_review": {"start": "2021-03-22", "end": "2021-03-24", "conclusion": "合法"},
               "collective_deliberation": {"date": "2021-03-23"}}))
    d.append(("nd_review_unlawful", normative_document(), ["ND14"],
              {"legality_review": {"start": "2021-03-15", "end": "2021-03-24", "conclusion": "不合法"},
               "collective_deliberation": {"date": "2021-03-30"}}))
    d.append(("nd_procedures_missing", normative_document(), ["ND11", "ND15"],
              {"publication_date": "2021-04-10"}))
    d.append(("nd_filing_late", normative_document(), ["ND16"],
              {"publication_date": "2021-04-10", "filing": {"date": "2021-06-20"},
               "legality_review": {"start": "2021-03-15", "end": "2021-03-24", "conclusion": "合法"},
               "collective_deliberation": {"date": "2021-03-30"}}))
    d.append(("nd_huizhou_no_registration", normative_document(organ="惠州市人民政府", number="惠府〔2021〕12号"),
              ["ND02"], {"jurisdiction": "惠州市"}))
    d.append(("nd_full_manifest_clean", half_width(normative_document(organ="某某县民政局", number="某民规〔2022〕1号",
                                                                      date="2022年11月1日")), [],
              {"comment_period": {"start": "2022-09-01", "end": "2022-09-14"},
               "legality_review": {"start": "2022-09-19", "end": "2022-09-28", "conclusion": "合法"},
               "collective_deliberation": {"date": "2022-10-12"}, "publication_date": "2022-11-01",
               "filing": {"date": "2022-11-20"}}))
    # ---- comment notices
    d.append(("cn_normative_fourteen_days", comment_notice(), [], None))
    d.append(("cn_normative_five_days", comment_notice(deadline="2021年3月5日"), ["CN04"], None))
    d.append(("cn_rule_eleven_days", comment_notice(subject="《某某市电梯安全管理办法（草案）》",
                                                    intro="为提高政府立法质量，现将规章草案全文公布，公开征求意见。",
                                                    issuer="某某市司法局", published="2021年3月31日", deadline="4月10日"),
              ["CN01"], None))
    d.append(("cn_decision_fifteen_days", half_width(comment_notice(subject="某某区老旧小区改造重大行政决策事项",
                                                                    issuer="某某区人民政府办公室", published="2021年6月1日",
                                                                    deadline="6月15日")), ["CN02"], None))
    d.append(("cn_market_fourteen_days", comment_notice(subject="《某某县促进民营企业发展若干措施（征求意见稿）》",
                                                        issuer="某某县发展和改革局", published="2021年5月6日",
                                                        deadline="2021年5月20日"), ["CN03"], None))
    d.append(("cn_regulation_twelve_days", comment_notice(subject="《某某市养犬管理条例（草案）》",
                                                          issuer="某某市人大常委会法制工作委员会", published="2021年7月30日",
                                                          deadline="2021年8月10日"), ["CN05"], None))
    d.append(("cn_bare_notice", comment_notice(deadline=None, channels=False, contact=False),
              ["CN06", "CN07", "CN08"], None))
    d.append(("cn_rule_across_year", traditional(comment_notice(subject="《某某市物业管理办法（草案）》",
                                                                intro="根据《规章制定程序条例》，现将规章草案公布征求意见。",
                                                                issuer="某某市司法局", published="2021年12月10日",
                                                                deadline="1月10日")), [], {"doc_type": "comment_notice"}))
    # ---- major decisions
    d.append(("md_complete", major_decision(), [], None))
    d.append(("md_no_expert_no_risk", major_decision(procedures=("comment", "review", "discussion")),
              ["MD02", "MD03"], None))
    d.append(("md_review_negated_short_comment", major_decision(procedures=("comment", "expert", "risk", "discussion"),
                                                                comment="在区政府网站公开征求意见15日",
                                                                negated="决策草案未经合法性审查。"),
              ["MD04", "MD06"], None))
    d.append(("md_review_short_and_late", half_width(major_decision()), ["MD07", "MD08"],
              {"legality_review": {"start": "2021-04-14", "end": "2021-04-19"},
               "collective_deliberation": {"date": "2021-04-16"}}))
    d.append(("md_no_participation_no_discussion", major_decision(procedures=("expert", "risk", "review")),
              ["MD01", "MD05"], None))
    # ---- plans
    d.append(("ip_clean", plan(), [], None))
    d.append(("ip_unlabelled_lead", plan(unlabelled=2, county="某某区"), ["IP01"], None))
    d.append(("ip_missing_units", plan(missing=4), ["IP02"], None))
    d.append(("ip_invalid_date", plan(deadline={1: "2021年2月30日前完成目录编制。"}), ["IP03"], None))
    d.append(("ip_numbering_gap", plan(numbering_gap=True, continuous=False), ["IP04"], None))
    d.append(("ip_half_width_two_defects", plan(label_style="half", unlabelled=5, deadline={0: "2020年底前完成清理。"}),
              ["IP01", "IP03"], None))
    return d


# Documents written by hand, in wordings the builders do not use (labelled before the first run).
HANDWRITTEN: dict[str, list[str]] = {
    "h01_combined_heading_report": [],
    "h02_bureau_report_march": ["AR09"],
    "h03_report_periods_ok": [],
    "h04_report_rule_fifteen_days": ["CN09"],
    "h05_notice_range_ok": [],
    "h06_notice_rule_scraped": ["CN01"],
    "h07_normative_licensing": ["ND06", "ND07"],
    "h08_normative_office_clean": [],
    "h09_workpoints_lines": ["IP02"],
    "h10_decision_complete": [],
    "h11_normative_2017_fine": [],
    "h12_traditional_division_office": ["ND08"],
    "h13_report_no_shortcomings": ["AR02"],  # its 第一责任人 subsection counts as the part
    "h14_notice_prior_consultation": [],
    "h15_normative_property_fees": [],
    "h16_plan_lead_only": [],
}


def handwritten() -> list[tuple[str, str, list[str], dict[str, Any] | None]]:
    return [(name, (HERE / "handwritten" / f"{name}.txt").read_text(encoding="utf-8"), codes, None)
            for name, codes in HANDWRITTEN.items()]


def main() -> None:
    DOCS.mkdir(parents=True, exist_ok=True)
    for old in DOCS.glob("*"):
        old.unlink()
    labels: dict[str, Any] = {}
    for name, text, expected, meta in docs() + handwritten():
        (DOCS / f"{name}.txt").write_text(text, encoding="utf-8")
        entry: dict[str, Any] = {"expected": sorted(expected)}
        if meta:
            (DOCS / f"{name}.meta.yml").write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False),
                                                   encoding="utf-8")
            entry["meta"] = f"{name}.meta.yml"
        labels[f"{name}.txt"] = entry
    header = "# Expected AR/ND/CN/MD/IP codes per document of eval/docs (written by eval/build_eval.py).\n"
    (HERE / "labels.yml").write_text(header + yaml.safe_dump(labels, allow_unicode=True, sort_keys=True),
                                     encoding="utf-8")
    print(f"wrote {len(labels)} documents to {DOCS}")


if __name__ == "__main__":
    main()
