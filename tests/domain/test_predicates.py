"""Helpers behind the domain predicates: periods, classification, issuers, parts."""

from __future__ import annotations

import pytest

from lawgov_check.pipeline import document_from_text
from lawgov_check.rules.predicates.annual_report import is_department, report_parts, reporting_entity
from lawgov_check.rules.predicates.plans import annotations


def test_department_or_government() -> None:
    assert is_department("某某市司法局")
    assert is_department("某某市发展和改革委员会")
    assert not is_department("椒江区")
    assert not is_department("某某县人民政府")
    assert not is_department("某某市人民政府办公室")
    assert not is_department(None)


def test_reporting_entity_ignores_the_web_publisher() -> None:
    text = ("索引号: | 11331023002683116U/2021-98164 | ||\n---|---|---|---|\n发布机构: | 县司法局 | 发文日期: | 2021-02-22 |\n"
            "2020年,某某县以习近平新时代中国特色社会主义思想为指导,推进法治政府建设。\n"
            "一、2020年推进法治政府建设的主要举措和成效\n内容。\n")
    assert reporting_entity(document_from_text(text)) == "某某县"


def test_parts_in_any_order_and_wording() -> None:
    text = ("某某县2021年度法治政府建设情况的报告\n一、党政主要负责人履行推进法治建设第一责任人职责情况\n内容。\n"
            "二、2021年工作情况\n内容。\n三、存在问题和下一步工作打算\n内容。\n")
    parts = report_parts(document_from_text(text))
    assert set(parts) == {"measures", "shortcomings", "first_responsible", "plans"}


def test_subsection_problem_is_not_a_shortcomings_part() -> None:
    text = ("某某县2021年度法治政府建设情况的报告\n一、2021年主要举措和成效\n（一）着力解决群众反映强烈的突出问题。全年化解矛盾纠纷126件。\n"
            "二、党政主要负责人履行推进法治建设第一责任人职责情况\n内容。\n三、2022年工作安排\n内容。\n")
    assert "shortcomings" not in report_parts(document_from_text(text))


def test_unlabelled_lead_units() -> None:
    text = "(四)加强理论研究。(市政府办、市政府法制办,责任单位:市直各部门、各县区政府)"
    [annotation] = annotations(text, 0, len(text))
    assert annotation.unlabelled_lead == "市政府办、市政府法制办"
    assert not annotation.has_lead and annotation.has_resp
