"""Facts about the tasks a plan assigns: unit annotations, task clauses, deadlines."""

from __future__ import annotations

import datetime as dt

from lawgov_check.facts import extract_facts
from lawgov_check.pipeline import document_from_text

PLAN = ("某县法治政府建设实施方案\n一、主要任务\n"
        "（一）规范执法。2021年6月31日前完成清理。（牵头单位：县司法局，责任单位：县直各部门）\n"
        "（二）完善制度。2020年底前建立目录。（县审计局、县财政局，责任单位：县直各部门）\n"
        "（三）加强监督。深化政务公开。\n"
        "（四）强化保障。落实经费。（牵头单位：县财政局）\n\n某县人民政府\n2021年3月1日")


def _facts(text: str = PLAN):
    return extract_facts(document_from_text(text))


def test_units_listed_without_their_label() -> None:
    notes = _facts().task_annotations
    assert [n.attrs["unlabelled_lead"] for n in notes] == [None, "县审计局、县财政局", None]
    assert [(n.attrs["has_lead"], n.attrs["has_resp"]) for n in notes] == [(True, True), (False, True), (True, False)]


def test_what_each_clause_lacks() -> None:
    clauses = _facts().task_clauses
    assert [c.value for c in clauses] == ["（一）", "（二）", "（三）", "（四）"]
    assert [c.attrs["missing"] for c in clauses] == [None, None, "lead-and-responsible", "responsible"]


def test_deadlines_that_are_no_date_or_passed_when_issued() -> None:
    deadlines = {d.text: (d.value, d.attrs["problem"]) for d in _facts().task_deadlines}
    assert deadlines["2021年6月31日"] == (None, "invalid")
    assert deadlines["2020年底前"] == (dt.date(2020, 12, 31), "before-issue")


def test_a_document_naming_no_lead_units_assigns_no_tasks() -> None:
    facts = _facts("某县关于做好春耕工作的通知\n一、提高认识\n（一）加强领导。（责任单位：县农业局）")
    assert facts.task_annotations == facts.task_clauses == facts.task_deadlines == []
