import json

import jsonschema
import pytest

from lawgov_check.report import render
from lawgov_check.resources import schema_path


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(schema_path("result.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_json_validates_against_its_schema(run, validator):
    data = json.loads(render("json", run))
    errors = sorted(validator.iter_errors(data), key=str)
    assert not errors, errors[0].message


def test_json_content(run):
    out = render("json", run)
    assert "梧桐区" in out  # not \\u-escaped
    data = json.loads(out)
    assert data["schema_version"] == "1.0"
    assert data["tool"] == {"name": "lawgov-check", "version": "0.1.0"}
    assert data["summary"] == {"documents": 4, "errors": 2, "warnings": 3, "infos": 1, "input_errors": 1}
    pdf, docx = data["documents"][1], data["documents"][2]
    assert pdf["findings"][0]["location"] == {"line": 2, "column": 1, "page": 2, "heading_path": "二、"}
    assert docx["findings"][0]["location"]["paragraph"] == 4
    assert data["documents"][3]["errors"] and data["documents"][3]["findings"] == []
    assert data["documents"][0]["date"] == "2024-03-15"
    assert data["waivers"]["applied"][0]["code"] == "AR01"
    assert list(data) == ["schema_version", "tool", "lang", "documents", "summary", "waivers"]


def test_schema_rejects_a_bad_severity(run, validator):
    data = json.loads(render("json", run))
    data["documents"][0]["findings"][0]["severity"] = "fatal"
    assert not validator.is_valid(data)
