"""The workflow manifest: loading, validation errors naming the field, dates."""

from __future__ import annotations

import json

import pytest

from lawgov_check.manifest import load_manifest, manifest_problems
from lawgov_check.model import InputError
from lawgov_check.rules.context import manifest_lookup

GOOD = {
    "doc_type": "normative_document", "jurisdiction": "浙江省",
    "comment_period": {"start": "2021-03-01", "end": "2021-03-31", "channel": ["网站", "信函"]},
    "legality_review": {"start": "2021-04-01", "end": "2021-04-12", "conclusion": "合法", "reviewer": "县司法局"},
    "collective_deliberation": {"date": "2021-04-20", "meeting": "县政府第12次常务会议"},
    "publication_date": "2021-04-28", "filing": {"date": "2021-05-10", "authority": "县人大常委会"},
    "registration_number": "ZJGS-2021-0012", "market_related": True,
}


def test_good_manifest_yaml_and_json(tmp_path):
    yml = tmp_path / "meta.yml"
    yml.write_text("publication_date: 2021-04-28\nlegality_review:\n  end: 2021-04-12\n  conclusion: 合法\n",
                   encoding="utf-8")
    data = load_manifest(yml)
    assert data["publication_date"] == "2021-04-28"  # YAML dates become ISO strings
    js = tmp_path / "meta.json"
    js.write_text(json.dumps(GOOD, ensure_ascii=False), encoding="utf-8")
    assert load_manifest(js)["registration_number"] == "ZJGS-2021-0012"
    assert manifest_lookup(GOOD, "legality_review.end").isoformat() == "2021-04-12"


@pytest.mark.parametrize(("data", "field"), [
    ({"legality_review": {"conclusion": "基本合法"}}, "legality_review.conclusion"),
    ({"comment_period": {"start": "2021-03-01"}}, "comment_period"),
    ({"comment_period": {"start": "2021-02-30", "end": "2021-03-05"}}, "comment_period.start"),
    ({"comment_period": {"start": "2021-03-09", "end": "2021-03-05"}}, "comment_period"),
    ({"market_related": "yes"}, "market_related"),
    ({"review_date": "2021-01-01"}, "(root)"),
])
def test_bad_manifest_names_the_field(data, field):
    problems = manifest_problems(data)
    assert any(p.startswith(field) for p in problems), problems


def test_bad_file_is_one_line_input_error(tmp_path):
    path = tmp_path / "meta.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_manifest(path)
    assert info.value.path == str(path) and "\n" not in str(info.value)
    with pytest.raises(InputError):
        load_manifest(tmp_path / "missing.yml")
