"""Write tests/rule_cases/<CODE>.yml for the AR, ND, CN, MD and IP rules.

    python eval/make_rule_cases.py

The cases are built from eval/corpus_builder.py in several styles (county, city department,
province, district; 2016–2024; full-width, scraped half-width, traditional with pinyin artefacts).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_builder import (annual_report, comment_notice, half_width, major_decision,  # noqa: E402
                            normative_document, plan, traditional, web_page)

OUT = Path(__file__).resolve().parent.parent / "tests" / "rule_cases"


def case(text: str, expect: list[dict[str, Any]] | None = None, **extra: Any) -> dict[str, Any]:
    d: dict[str, Any] = {"text": text}
    d.update(extra)
    if expect:
        d["expect"] = expect
    return d


def scraped_report(**kw: Any) -> str:
    return web_page(half_width(annual_report(**kw)), index="11330000002482073A/2022-001234",
                    publisher="县司法局", date="2022-02-18")


def cases() -> dict[str, dict[str, dict[str, Any]]]:
    c: dict[str, dict[str, dict[str, Any]]] = {}
    # ---- AR ------------------------------------------------------------------------------------
    c["AR01"] = {
        "pass_county_2021": case(annual_report("county", 2021)),
        "pass_topical_sections_department": case(annual_report("department", 2020).replace(
            "推进法治政府建设的主要做法和成效", "依法全面履行政府职能")),
        "pass_traditional_province_2023": case(traditional(annual_report("province", 2023))),
        "pass_2017_report_not_judged": case(annual_report("county", 2017, drop="measures")),
        "fail_county_no_measures": case(annual_report("county", 2021, drop="measures"), [{"text": "某某县2021年度"}]),
        "fail_scraped_department_2019": case(scraped_report(style="department", year=2019, drop="measures")),
        "fail_province_2024": case(annual_report("province", 2023, drop="measures", date="2024年3月1日")),
    }
    c["AR02"] = {
        "pass_county": case(annual_report("county", 2022)),
        "pass_short_board_analysis": case(annual_report("district", 2019)),
        "pass_scraped_department": case(scraped_report(style="department", year=2021)),
        "fail_county": case(annual_report("county", 2022, drop="shortcomings"), [{"line": 1}]),
        "fail_traditional_province": case(traditional(annual_report("province", 2020, drop="shortcomings"))),
        "fail_department_2024": case(annual_report("department", 2024, drop="shortcomings", date="2025年2月10日")),
    }
    c["AR03"] = {
        "pass_own_part": case(annual_report("county", 2020)),
        "pass_as_subsection": case(annual_report("department", 2021, first_as_subsection=True)),
        "pass_province_long_heading": case(annual_report("province", 2022)),
        "fail_county": case(annual_report("county", 2020, drop="first")),
        "fail_scraped_district": case(scraped_report(style="district", year=2021, drop="first")),
        "fail_traditional_department": case(traditional(annual_report("department", 2019, drop="first"))),
    }
    c["AR04"] = {
        "pass_next_year_arrangements": case(annual_report("county", 2019)),
        "pass_next_step": case(annual_report("department", 2022)),
        "pass_scraped_province": case(scraped_report(style="province", year=2020)),
        "fail_county": case(annual_report("county", 2019, drop="plans")),
        "fail_district_no_title": case(annual_report("district", 2021, drop="plans", title=False), doc_type="annual_report"),
        "fail_traditional_province": case(traditional(annual_report("province", 2023, drop="plans"))),
    }
    c["AR05"] = {
        "pass_causes_in_heading": case(annual_report("county", 2021, causes=False)),
        "pass_analysis_heading": case(annual_report("district", 2019, causes=False)),
        "pass_causes_in_body": case(annual_report("province", 2022, causes=True)),
        "fail_province_no_causes": case(annual_report("province", 2022, causes=False), [{"text": "存在的短板和不足"}]),
        "fail_county_plain_heading": case(annual_report("county", 2020, causes=False).replace("存在的不足和原因", "存在的不足")),
        "fail_scraped_department": case(scraped_report(style="department", year=2021, causes=False).replace(
            "存在的问题及原因分析", "存在的问题")),
    }
    c["AR06"] = {
        "pass_county": case(annual_report("county", 2021)),
        "pass_next_step_without_year": case(annual_report("department", 2019)),
        "pass_traditional_province": case(traditional(annual_report("province", 2023))),
        "fail_same_year": case(annual_report("county", 2021, plan_year=2021), [{"text": "2021年主要安排"}]),
        "fail_district_two_years_on": case(annual_report("district", 2020, plan_year=2022)),
        "fail_scraped_province": case(scraped_report(style="province", year=2019, plan_year=2019)),
    }
    c["AR07"] = {
        "pass_county": case(annual_report("county", 2021)),
        "pass_department": case(annual_report("department", 2022)),
        "pass_scraped_district": case(scraped_report(style="district", year=2020)),
        "fail_county_title_2020": case(annual_report("county", 2021, title_year=2020), [{"line": 1}]),
        "fail_province": case(annual_report("province", 2022, title_year=2021)),
        "fail_traditional_department": case(traditional(annual_report("department", 2020, title_year=2019))),
    }
    c["AR08"] = {
        "pass_february": case(annual_report("county", 2021, date="2022年2月20日")),
        "pass_march_31": case(annual_report("province", 2020, date="2021年3月31日")),
        "pass_scraped": case(scraped_report(style="county", year=2021)),
        "fail_april_1": case(annual_report("county", 2021, date="2022年4月1日")),
        "fail_june_district": case(annual_report("district", 2019, date="2020年6月12日")),
        "fail_meta_publication": case(annual_report("province", 2022, date="2023年3月20日"),
                                      meta={"publication_date": "2023-05-08"}),
    }
    c["AR09"] = {
        "pass_department_february": case(annual_report("department", 2021, date="2022年2月25日")),
        "pass_county_government_march": case(annual_report("county", 2021, date="2022年3月20日")),
        "pass_scraped_county_published_by_bureau": case(scraped_report(style="county", year=2021)),
        "fail_department_march": case(annual_report("department", 2021, date="2022年3月10日")),
        "fail_commission": case(annual_report("department", 2020, date="2021年3月15日").replace(
            "某某市司法局", "某某市发展和改革委员会")),
        "fail_traditional_bureau": case(traditional(annual_report("department", 2022, date="2023年3月2日"))),
    }
    c["AR10"] = {
        "pass_situation_report": case(annual_report("county", 2021)),
        "pass_annual_report_title": case(annual_report("department", 2022, title_text="某某市司法局2022年法治政府建设年度报告")),
        "pass_no_title_scraped": case(annual_report("district", 2020, title=False), doc_type="annual_report"),
        "fail_work_report": case(annual_report("county", 2021, title_text="某某县人民政府关于2021年依法行政工作情况的报告"),
                                 [{"line": 1}], doc_type="annual_report"),
        "fail_summary": case(annual_report("province", 2022, title_text="某某省人民政府关于2022年度依法行政工作的报告"),
                             doc_type="annual_report"),
        "fail_department": case(annual_report("department", 2020, title_text="某某市司法局关于2020年度依法治市工作情况的报告"),
                                doc_type="annual_report"),
    }
    # ---- ND ------------------------------------------------------------------------------------
    c["ND01"] = {
        "pass_city": case(normative_document()),
        "pass_department": case(normative_document(organ="某某县市场监督管理局", number="某市监规〔2020〕2号")),
        "pass_number_in_title_scraped": case(half_width(normative_document(number="").replace(
            "的通知", "的通知（某政规〔2021〕3号）"))),
        "fail_no_number": case(normative_document(number="")),
        "fail_province_no_number": case(normative_document(organ="某某省人民政府办公厅", number="")),
        "fail_number_without_year": case(normative_document(number="某政规3号"), doc_type="normative_document"),
    }
    c["ND02"] = {
        "pass_not_required_by_default": case(normative_document()),
        "pass_huizhou_with_number": case("HFGS—2021—12\n" + normative_document(organ="惠州市人民政府", number="惠府〔2021〕12号"),
                                         jurisdiction="惠州市"),
        "pass_huizhou_meta": case(normative_document(organ="惠州市人民政府", number="惠府〔2021〕12号"), jurisdiction="惠州市",
                                  meta={"registration_number": "HFGS-2021-12"}),
        "fail_huizhou_missing": case(normative_document(organ="惠州市人民政府", number="惠府〔2021〕12号"), jurisdiction="惠州市"),
        "fail_huizhou_bad_form": case(normative_document(organ="惠州市人民政府", number="惠府〔2021〕12号"), jurisdiction="惠州市",
                                      meta={"registration_number": "惠规2021-12"}),
        "fail_huizhou_department": case(normative_document(organ="惠州市住房和城乡建设局", number="惠市住建〔2022〕4号"),
                                        jurisdiction="惠州市"),
    }
    c["ND03"] = {
        "pass_city": case(normative_document()),
        "pass_spirit_of_documents": case(normative_document(basis=False).replace(
            "制定本办法。", "按照省政府关于加强城市管理工作的部署要求，结合本市实际，制定本办法。", 1)),
        "pass_scraped": case(half_width(normative_document())),
        "fail_no_basis": case(normative_document(basis=False)),
        "fail_department": case(normative_document(basis=False, organ="某某县自然资源局", number="某自然资规〔2019〕1号")),
        "fail_traditional": case(traditional(normative_document(basis=False)), doc_type="normative_document"),
    }
    c["ND04"] = {
        "pass_date": case(normative_document()),
        "pass_from_issue": case(normative_document(effective=False).replace(
            "负责解释。", "负责解释。本办法自印发之日起施行。")),
        "pass_scraped": case(half_width(normative_document())),
        "fail_none": case(normative_document(effective=False, validity=None), doc_type="normative_document"),
        "fail_validity_only": case(normative_document(effective=False), doc_type="normative_document"),
        "fail_department": case(normative_document(effective=False, validity=None, organ="某某区教育局",
                                                   number="某教规〔2022〕1号"), doc_type="normative_document"),
    }
    c["ND05"] = {
        "pass_years": case(normative_document()),
        "pass_until_date": case(normative_document(validity="有效期至2026年5月9日")),
        "pass_from_to": case(normative_document(validity=None).replace(
            "本办法自2021年5月10日起施行。", "本办法自2021年5月10日起施行，至2024年5月9日止。")),
        "fail_none": case(normative_document(validity=None)),
        "fail_department_scraped": case(half_width(normative_document(validity=None, organ="某某县卫生健康局",
                                                                     number="某卫规〔2020〕2号"))),
        "fail_province": case(normative_document(validity=None, organ="某某省人民政府办公厅", number="某政办规〔2023〕5号")),
    }
    c["ND06"] = {
        "pass_five_years": case(normative_document()),
        "pass_provisional_two_years": case(normative_document(name="某某市城市道路挖掘管理暂行办法", validity="有效期2年")),
        "pass_until_date": case(normative_document(validity="有效期至2026年5月9日")),
        "fail_ten_years": case(normative_document(validity="有效期10年"), [{"text": "有效期10年"}]),
        "fail_provisional_three_years": case(normative_document(name="某某市城市道路挖掘管理暂行办法", validity="有效期三年")),
        "fail_until_date": case(normative_document(validity="有效期至2029年12月31日")),
    }
    c["ND07"] = {
        "pass_cites_law": case(normative_document(penalty="违反本办法规定的，由城市管理部门依照《城市道路管理条例》的规定予以处罚。")),
        "pass_prohibits_fees": case(normative_document(penalty="办理挖掘许可不得收取任何费用。")),
        "pass_by_law": case(normative_document(penalty="擅自挖掘城市道路的，由城市管理部门依法查处。")),
        "fail_fine": case(normative_document(penalty="擅自挖掘城市道路的，由城市管理部门处5000元以上2万元以下罚款。"),
                          [{"text": "罚款"}]),
        "fail_approval": case(normative_document(penalty="在城市道路上设置临时摊点，须经街道办事处批准。")),
        "fail_fee_scraped": case(half_width(normative_document(penalty="挖掘城市道路的，由城市管理部门按每平方米200元的标准收取道路占用费。"))),
    }
    c["ND08"] = {
        "pass_bureau": case(normative_document(organ="某某市市场监督管理局", number="某市监规〔2021〕1号")),
        "pass_government_office": case(normative_document(organ="某某市人民政府办公室", number="某政办规〔2021〕2号")),
        "pass_city_government": case(normative_document()),
        "fail_section": case(normative_document(organ="某某市市场监督管理局法规科", number="某市监法〔2021〕1号"),
                             [{"text": "法规科"}]),
        "fail_bureau_office": case(normative_document(organ="某某县交通运输局办公室", number="某交办〔2020〕3号")),
        "fail_division_scraped": case(half_width(normative_document(organ="某某省教育厅高等教育处", number="某教高〔2019〕5号"))),
    }
    c["ND09"] = {
        "pass_ten_working_days": case(normative_document(), meta={"comment_period": {"start": "2021-03-01", "end": "2021-03-12"}}),
        "pass_no_manifest": case(normative_document()),
        "pass_scraped_twelve_days": case(half_width(normative_document()),
                                         meta={"comment_period": {"start": "2022-09-01", "end": "2022-09-13"}}),
        "fail_five_working_days": case(normative_document(), meta={"comment_period": {"start": "2021-03-01", "end": "2021-03-05"}}),
        "fail_spring_festival": case(normative_document(), meta={"comment_period": {"start": "2021-02-09", "end": "2021-02-19"}}),
        "fail_scraped_department": case(half_width(normative_document(organ="某某县民政局", number="某民规〔2022〕1号")),
                                        meta={"comment_period": {"start": "2022-09-28", "end": "2022-10-08"}}),
    }
    c["ND10"] = {
        "pass_thirty_days": case(normative_document(name="某某市支持中小企业发展若干措施"),
                                 meta={"comment_period": {"start": "2021-03-01", "end": "2021-03-30"}}),
        "pass_not_market_related": case(normative_document(), meta={"market_related": False,
                                                                    "comment_period": {"start": "2021-03-01", "end": "2021-03-12"}}),
        "pass_manifest_flag": case(normative_document(), meta={"market_related": True,
                                                               "comment_period": {"start": "2021-06-01", "end": "2021-07-01"}}),
        "fail_title_enterprises": case(normative_document(name="某某市支持中小企业发展若干措施"),
                                       meta={"comment_period": {"start": "2021-03-01", "end": "2021-03-12"}}),
        "fail_manifest_flag": case(normative_document(), meta={"market_related": True,
                                                               "comment_period": {"start": "2021-06-01", "end": "2021-06-20"}}),
        "fail_business_environment": case(normative_document(name="某某县优化营商环境若干规定"),
                                          meta={"comment_period": {"start": "2022-05-05", "end": "2022-05-25"}}),
    }
    review = {"start": "2021-03-15", "end": "2021-03-24", "conclusion": "合法"}
    c["ND11"] = {
        "pass_manifest": case(normative_document(), meta={"legality_review": review}),
        "pass_partial_manifest": case(normative_document(), meta={"comment_period": {"start": "2021-03-01",
                                                                                     "end": "2021-03-12"}}),
        "pass_text_mentions_review": case(normative_document().replace("印发给你们", "经市司法局合法性审核，已经市政府常务会议审议通过，现印发给你们"),
                                          meta={"publication_date": "2021-04-10"}),
        "fail_manifest_without_review": case(normative_document(), meta={"collective_deliberation": {"date": "2021-03-30"}}),
        "fail_text_says_not_reviewed": case(normative_document().replace("印发给你们", "因时间紧迫未经合法性审核，现印发给你们"),
                                            meta={"publication_date": "2021-04-10"}),
        "fail_scraped_department": case(half_width(normative_document(organ="某某县民政局", number="某民规〔2022〕1号")),
                                        meta={"publication_date": "2022-11-01"}),
    }
    c["ND12"] = {
        "pass_eight_days": case(normative_document(), meta={"legality_review": review}),
        "pass_five_days": case(normative_document(), meta={"legality_review": {"start": "2021-03-15", "end": "2021-03-19"}}),
        "pass_fifteen_days": case(normative_document(), meta={"legality_review": {"start": "2021-03-01", "end": "2021-03-19"}}),
        "fail_two_days": case(normative_document(), meta={"legality_review": {"start": "2021-03-15", "end": "2021-03-16"}}),
        "fail_over_holiday": case(normative_document(), meta={"legality_review": {"start": "2021-09-29", "end": "2021-10-08"}}),
        "fail_too_long": case(normative_document(), meta={"legality_review": {"start": "2021-03-01", "end": "2021-04-16"}}),
    }
    c["ND13"] = {
        "pass_before": case(normative_document(), meta={"legality_review": review, "collective_deliberation": {"date": "2021-03-30"}}),
        "pass_same_day": case(normative_document(), meta={"legality_review": review, "collective_deliberation": {"date": "2021-03-24"}}),
        "pass_no_deliberation_date": case(normative_document(), meta={"legality_review": review}),
        "fail_after": case(normative_document(), meta={"legality_review": review, "collective_deliberation": {"date": "2021-03-20"}}),
        "fail_long_after": case(normative_document(), meta={"legality_review": {"start": "2021-05-06", "end": "2021-05-14"},
                                                            "collective_deliberation": {"date": "2021-04-28"}}),
        "fail_department": case(normative_document(organ="某某县民政局", number="某民规〔2022〕1号"),
                                meta={"legality_review": {"start": "2022-08-01", "end": "2022-08-10"},
                                      "collective_deliberation": {"date": "2022-08-09"}}),
    }
    c["ND14"] = {
        "pass_lawful": case(normative_document(), meta={"legality_review": review}),
        "pass_to_amend": case(normative_document(), meta={"legality_review": {**review, "conclusion": "应当予以修改"}}),
        "pass_no_conclusion": case(normative_document(), meta={"legality_review": {"start": "2021-03-15", "end": "2021-03-24"}}),
        "fail_unlawful_deliberated": case(normative_document(), meta={"legality_review": {**review, "conclusion": "不合法"},
                                                                      "collective_deliberation": {"date": "2021-03-30"}}),
        "fail_unlawful_issued": case(normative_document(), meta={"legality_review": {**review, "conclusion": "不合法"}}),
        "fail_department": case(half_width(normative_document(organ="某某县民政局", number="某民规〔2022〕1号")),
                                meta={"legality_review": {"start": "2022-08-01", "end": "2022-08-10", "conclusion": "不合法"}}),
    }
    c["ND15"] = {
        "pass_manifest": case(normative_document(), meta={"collective_deliberation": {"date": "2021-03-30"}}),
        "pass_partial_manifest": case(normative_document(), meta={"legality_review": review}),
        "pass_text_executive_meeting": case(normative_document().replace("印发给你们", "已经市政府常务会议审议通过，现印发给你们"),
                                            meta={"legality_review": review}),
        "fail_manifest_without": case(normative_document(), meta={"legality_review": review,
                                                                   "publication_date": "2021-04-10"}),
        "fail_text_not_deliberated": case(normative_document().replace("印发给你们", "未经集体讨论，现印发给你们"),
                                          meta={"legality_review": review}),
        "fail_department": case(normative_document(organ="某某县民政局", number="某民规〔2022〕1号"),
                                meta={"publication_date": "2022-11-01"}),
    }
    c["ND16"] = {
        "pass_within_30": case(normative_document(), meta={"publication_date": "2021-04-10", "filing": {"date": "2021-05-08"}}),
        "pass_document_date": case(normative_document(), meta={"filing": {"date": "2021-05-10"}}),
        "pass_no_filing": case(normative_document(), meta={"publication_date": "2021-04-10"}),
        "fail_late": case(normative_document(), meta={"publication_date": "2021-04-10", "filing": {"date": "2021-06-01"}}),
        "fail_document_date": case(normative_document(), meta={"filing": {"date": "2021-05-20"}}),
        "fail_department": case(normative_document(organ="某某县民政局", number="某民规〔2022〕1号", date="2022年11月1日"),
                                meta={"filing": {"date": "2023-01-05"}}),
    }
    # ---- CN ------------------------------------------------------------------------------------
    rule = "《某某市电梯安全管理办法（草案）》"
    rule_intro = f"为提高政府立法质量，现将{rule}全文公布，公开征求社会各界意见。"
    c["CN01"] = {
        "pass_thirty_one_days": case(comment_notice(subject=rule, intro=rule_intro, issuer="某某市司法局",
                                                    published="2021年3月31日", deadline="2021年4月30日")),
        "pass_stated_thirty_days": case(comment_notice(subject=rule, intro=rule_intro, issuer="某某市司法局", deadline=None,
                                                       stated="征求意见期限为30日。")),
        "pass_normative_not_judged_here": case(comment_notice()),
        "fail_eleven_days": case(comment_notice(subject=rule, intro=rule_intro, issuer="某某市司法局", published="2021年3月31日",
                                                deadline="2021年4月10日"), [{"text": "2021年4月10日"}]),
        "fail_scraped_half_width": case(half_width(comment_notice(subject="《某某市物业管理办法(草案)》",
                                                                  intro="根据《规章制定程序条例》,现将草案公布征求意见。",
                                                                  issuer="某某市司法局", published="2020年6月1日",
                                                                  deadline="6月20日"))),
        "fail_stated_twenty_days": case(comment_notice(subject=rule, intro=rule_intro, issuer="某某市司法局", deadline=None,
                                                       stated="征求意见期限为二十日。")),
    }
    md = "某某区老旧小区改造重大行政决策事项"
    c["CN02"] = {
        "pass_thirty_days": case(comment_notice(subject=md, issuer="某某区人民政府办公室", published="2021年6月1日",
                                                deadline="2021年7月1日")),
        "pass_across_year": case(comment_notice(subject=md, issuer="某某区人民政府办公室", published="2021年12月10日",
                                                deadline="1月10日")),
        "pass_before_2019_regulation": case(comment_notice(subject=md, issuer="某某区人民政府办公室", published="2018年6月1日",
                                                           deadline="2018年6月10日")),
        "fail_fifteen_days": case(comment_notice(subject=md, issuer="某某区人民政府办公室", published="2021年6月1日",
                                                 deadline="2021年6月15日")),
        "fail_scraped": case(half_width(comment_notice(subject="某某县城区停车收费调整重大行政决策", issuer="某某县发展和改革局",
                                                       published="2022年8月1日", deadline="8月20日"))),
        "fail_traditional": case(traditional(comment_notice(subject=md, issuer="某某区人民政府办公室", published="2023年3月1日",
                                                            deadline="2023年3月21日")), doc_type="comment_notice"),
    }
    market = "《某某县促进民营企业发展若干措施（征求意见稿）》"
    c["CN03"] = {
        "pass_thirty_days": case(comment_notice(subject=market, issuer="某某县发展和改革局", published="2021年5月6日",
                                                deadline="2021年6月5日")),
        "pass_not_market_related": case(comment_notice(published="2021年3月1日", deadline="2021年3月15日")),
        "pass_before_2020": case(comment_notice(subject=market, issuer="某某县发展和改革局", published="2019年5月6日",
                                                deadline="2019年5月20日")),
        "fail_fourteen_days": case(comment_notice(subject=market, issuer="某某县发展和改革局", published="2021年5月6日",
                                                  deadline="2021年5月20日")),
        "fail_business_environment_scraped": case(half_width(comment_notice(
            subject="《某某市优化营商环境若干措施(征求意见稿)》", issuer="某某市发展和改革委员会",
            published="2022年3月1日", deadline="3月15日"))),
        "fail_manifest_flag": case(comment_notice(published="2021年3月1日", deadline="2021年3月20日"),
                                   meta={"market_related": True}),
    }
    c["CN04"] = {
        "pass_eleven_working_days": case(comment_notice()),
        "pass_department_ten_working_days": case(comment_notice(deadline="2021年3月12日", issuer="某某市园林局")),
        "pass_county_2024": case(comment_notice(published="2024年4月1日", deadline="2024年4月12日",
                                                issuer="某某县自然资源和规划局")),
        "fail_five_days": case(comment_notice(deadline="2021年3月5日"), [{"text": "2021年3月5日"}]),
        "fail_over_national_day": case(comment_notice(published="2021年9月28日", deadline="10月8日")),
        "fail_scraped_city": case(web_page(half_width(comment_notice(subject="《某某市城市绿化管理办法(征求意见稿)》",
                                                                     issuer="某某市园林局", published="2020年7月1日",
                                                                     deadline="7月6日")),
                                           index="11330100MB1234567X/2020-05678", publisher="市园林局", date="2020-07-01")),
    }
    reg = "《某某市养犬管理条例（草案）》"
    c["CN05"] = {
        "pass_thirty_two_days": case(comment_notice(subject=reg, issuer="某某市人大常委会法制工作委员会", published="2021年7月30日",
                                                    deadline="2021年8月31日")),
        "pass_scraped": case(half_width(comment_notice(subject="《某某省旅游条例(修订草案)》",
                                                       issuer="某某省人大常委会法制工作委员会",
                                                       published="2022年5月5日", deadline="6月10日"))),
        "pass_stated": case(comment_notice(subject=reg, issuer="某某市人大常委会法制工作委员会", deadline=None,
                                           stated="征求意见时间为三十日。")),
        "fail_twelve_days": case(comment_notice(subject=reg, issuer="某某市人大常委会法制工作委员会", published="2021年7月30日",
                                                deadline="2021年8月10日")),
        "fail_scraped": case(half_width(comment_notice(subject="《某某省旅游条例(修订草案)》", issuer="某某省人大常委会法制工作委员会",
                                                       published="2022年5月5日", deadline="5月25日"))),
        "fail_stated": case(comment_notice(subject=reg, issuer="某某市人大常委会法制工作委员会", deadline=None,
                                           stated="征求意见时间为15日。")),
    }
    c["CN06"] = {
        "pass_deadline": case(comment_notice()),
        "pass_stated_length": case(comment_notice(deadline=None, stated="征求意见期限为30日。")),
        "pass_range": case(comment_notice(deadline=None, stated="征求意见时间：2021年3月1日至2021年3月31日。")),
        "fail_none": case(comment_notice(deadline=None)),
        "fail_scraped": case(half_width(comment_notice(deadline=None, issuer="某某市园林局"))),
        "fail_traditional": case(traditional(comment_notice(deadline=None)), doc_type="comment_notice"),
    }
    c["CN07"] = {
        "pass_email_letter": case(comment_notice()),
        "pass_website": case(comment_notice(channels=False, stated="社会公众可登录某某县人民政府网站“意见征集”栏目提出意见。")),
        "pass_scraped": case(half_width(comment_notice())),
        "fail_none": case(comment_notice(channels=False)),
        "fail_department": case(comment_notice(channels=False, issuer="某某市园林局")),
        "fail_traditional": case(traditional(comment_notice(channels=False)), doc_type="comment_notice"),
    }
    c["CN08"] = {
        "pass_contact": case(comment_notice()),
        "pass_phone_only": case(comment_notice(contact=False, stated="咨询电话：0571-87005678。")),
        "pass_scraped": case(half_width(comment_notice())),
        "fail_none": case(comment_notice(contact=False)),
        "fail_department": case(comment_notice(contact=False, issuer="某某市园林局")),
        "fail_traditional": case(traditional(comment_notice(contact=False)), doc_type="comment_notice"),
    }
    c["CN09"] = {
        "pass_ten_working_days": case(annual_report("county", 2021, comment_days="10个工作日")),
        "pass_twenty_days_chinese": case(annual_report("province", 2022, comment_days="二十天")),
        "pass_fifteen_days": case(annual_report("district", 2020, comment_days="15天")),
        "fail_seven_calendar_days": case(annual_report("county", 2019, comment_days="7天"), [{"text": "7天"}]),
        "fail_three_days": case(annual_report("department", 2021, comment_days="三天")),
        "fail_scraped_seven_days_chinese": case(scraped_report(style="county", year=2020, comment_days="七天")),
    }
    # ---- MD ------------------------------------------------------------------------------------
    c["MD01"] = {
        "pass_comment": case(major_decision()),
        "pass_hearing": case(major_decision(comment="召开听证会听取公众意见")),
        "pass_manifest": case(major_decision(procedures=("expert", "risk", "review", "discussion")),
                              meta={"comment_period": {"start": "2021-03-01", "end": "2021-03-31"}}),
        "fail_missing": case(major_decision(procedures=("expert", "risk", "review", "discussion"))),
        "fail_scraped": case(half_width(major_decision(procedures=("expert", "risk", "review", "discussion")))),
        "fail_negated": case(major_decision(procedures=("expert", "risk", "review", "discussion"),
                                            negated="因时间紧迫，决策草案未公开征求意见。")),
    }
    all_but = lambda p: tuple(x for x in ("comment", "expert", "risk", "review", "discussion") if x != p)  # noqa: E731
    for code, proc, neg in (("MD02", "expert", "该事项未组织专家论证。"), ("MD03", "risk", "该事项未开展风险评估。"),
                            ("MD04", "review", "决策草案未经合法性审查即提交会议。"),
                            ("MD05", "discussion", "决策草案未经集体讨论即印发实施。")):
        c[code] = {
            "pass_all_five": case(major_decision()),
            "pass_scraped": case(half_width(major_decision())),
            "pass_traditional": case(traditional(major_decision()), doc_type="major_decision"),
            "fail_missing": case(major_decision(procedures=all_but(proc))),
            "fail_negated": case(major_decision(procedures=all_but(proc), negated=neg)),
            "fail_scraped": case(half_width(major_decision(procedures=all_but(proc)))),
        }
    c["MD04"]["pass_manifest"] = case(major_decision(procedures=all_but("review")),
                                      meta={"legality_review": {"start": "2021-04-06", "end": "2021-04-15"}})
    c["MD06"] = {
        "pass_thirty_one_days": case(major_decision()),
        "pass_stated_thirty": case(major_decision(comment="在市政府网站公开征求意见30日")),
        "pass_manifest": case(major_decision(comment="在市政府网站公开征求意见"),
                              meta={"comment_period": {"start": "2021-03-01", "end": "2021-03-30"}}),
        "fail_stated_fifteen": case(major_decision(comment="在市政府网站公开征求意见15日")),
        "fail_manifest": case(major_decision(comment="在市政府网站公开征求意见"),
                              meta={"comment_period": {"start": "2021-03-01", "end": "2021-03-20"}}),
        "fail_scraped_ten_days": case(half_width(major_decision(comment="进行为期10天的公开征求意见"))),
    }
    c["MD07"] = {
        "pass_eight_days": case(major_decision(), meta={"legality_review": {"start": "2021-04-06", "end": "2021-04-15"}}),
        "pass_no_manifest": case(major_decision()),
        "pass_seven_days": case(major_decision(), meta={"legality_review": {"start": "2021-04-06", "end": "2021-04-14"}}),
        "fail_four_days": case(major_decision(), meta={"legality_review": {"start": "2021-04-06", "end": "2021-04-09"}}),
        "fail_over_may_day": case(major_decision(), meta={"legality_review": {"start": "2021-04-29", "end": "2021-05-07"}}),
        "fail_scraped": case(half_width(major_decision()), meta={"legality_review": {"start": "2022-03-01", "end": "2022-03-03"}}),
    }
    c["MD08"] = {
        "pass_before": case(major_decision(), meta={"legality_review": {"start": "2021-04-06", "end": "2021-04-15"},
                                                    "collective_deliberation": {"date": "2021-04-20"}}),
        "pass_same_day": case(major_decision(), meta={"legality_review": {"start": "2021-04-06", "end": "2021-04-20"},
                                                      "collective_deliberation": {"date": "2021-04-20"}}),
        "pass_no_manifest": case(major_decision()),
        "fail_after": case(major_decision(), meta={"legality_review": {"start": "2021-04-06", "end": "2021-04-15"},
                                                   "collective_deliberation": {"date": "2021-04-12"}}),
        "fail_weeks_after": case(major_decision(), meta={"legality_review": {"start": "2021-05-06", "end": "2021-05-20"},
                                                         "collective_deliberation": {"date": "2021-04-20"}}),
        "fail_scraped": case(half_width(major_decision()), meta={"legality_review": {"start": "2022-03-01", "end": "2022-03-11"},
                                                                 "collective_deliberation": {"date": "2022-03-10"}}),
    }
    # ---- IP ------------------------------------------------------------------------------------
    c["IP01"] = {
        "pass_full": case(plan()),
        "pass_half_width": case(plan(label_style="half")),
        "pass_no_tasks": case(annual_report("county", 2021)),
        "fail_unlabelled": case(plan(unlabelled=2), [{"text": "（县政府办、县司法局，责任单位"}]),
        "fail_half_width": case(plan(label_style="half", unlabelled=4), [{"text": "(县审计局、县司法局,责任单位"}]),
        "fail_restart_numbering": case(plan(continuous=False, unlabelled=0, county="某某区")),
    }
    c["IP02"] = {
        "pass_full": case(plan()),
        "pass_general_requirements_unassigned": case(plan(label_style="half")),
        "pass_unlabelled_is_ip01": case(plan(unlabelled=1)),
        "fail_no_units": case(plan(missing=3), [{"text": "（六）"}]),
        "fail_no_responsible": case(plan(missing_resp=1)),
        "fail_half_width": case(plan(label_style="half", missing=5)),
    }
    c["IP03"] = {
        "pass_real_dates": case(plan(deadline={0: "2021年6月30日前完成清理。", 1: "2021年底前建立目录。"})),
        "pass_year_end": case(plan(deadline={2: "2022年底前全面完成。"}, label_style="half")),
        "pass_no_deadlines": case(plan()),
        "fail_june_31": case(plan(deadline={0: "2021年6月31日前完成清理。"}), [{"text": "6月31日"}]),
        "fail_month_13": case(plan(deadline={1: "2021年13月底前建立目录。"})),
        "fail_before_plan_date": case(plan(deadline={2: "2020年底前全面完成。"}, label_style="half")),
    }
    c["IP04"] = {
        "pass_continuous": case(plan()),
        "pass_restart": case(plan(continuous=False)),
        "pass_half_width": case(plan(label_style="half")),
        "fail_gap": case(plan(numbering_gap=True)),
        "fail_gap_restart": case(plan(continuous=False, numbering_gap=True)),
        "fail_gap_half_width": case(plan(numbering_gap=True, label_style="half")),
    }
    return c


class _Literal(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Literal.add_representer(str, _str)


def _regression_cases(path: Path) -> dict[str, Any]:
    """Hand-written regression cases (names containing `_regression_`) survive a rebuild."""
    if not path.exists():
        return {}
    existing = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {name: c for name, c in (existing.get("cases") or {}).items() if "_regression_" in name}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for code, named in cases().items():
        path = OUT / f"{code}.yml"
        named = {**named, **_regression_cases(path)}
        data = {"code": code, "cases": named}
        path.write_text(yaml.dump(data, Dumper=_Literal, allow_unicode=True, sort_keys=False, width=1000),
                        encoding="utf-8")
    print(f"wrote {len(cases())} files to {OUT}")


if __name__ == "__main__":
    main()
