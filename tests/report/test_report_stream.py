"""Report streams: the same text as rendering a whole run, written document by document."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawgov_check.model import RunResult
from lawgov_check.report import FORMATS, open_stream, render
from lawgov_check.report.json_text import dumps
from lawgov_check.report.spool import Spool

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=8) | st.integers(), children, max_size=4),
    max_leaves=20,
)


@given(json_values, st.integers(min_value=0, max_value=3))
def test_fast_json_is_the_standard_indented_json(value, level):
    expected = json.dumps(value, ensure_ascii=False, indent=2, default=str)
    assert dumps(value, level) == expected.replace("\n", "\n" + "  " * level)


def test_fast_json_falls_back_to_str_like_default_str():
    import datetime as dt

    value = {"date": dt.date(2024, 5, 1), "items": (1, "二")}
    assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=2, default=str)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_stream_writes_each_document_as_it_comes(run, fmt, lang):
    whole = render(fmt, run, lang=lang)
    out = io.StringIO()
    stream = open_stream(fmt, out, lang=lang)
    stream.begin(RunResult(documents=[], rules=run.rules, tool_version=run.tool_version, lang=run.lang))
    sizes = []
    for doc in run.documents:
        stream.add(doc)
        sizes.append(len(out.getvalue()))
    stream.finish(run)
    assert out.getvalue() == whole
    if fmt in ("text", "json", "github"):  # the others park their parts until the head is known
        assert sizes == sorted(sizes) and sizes[0] > 0


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_empty_run_renders_like_before(fmt):
    empty = RunResult(documents=[], rules=[], tool_version="9.9")
    out = render(fmt, empty)
    if fmt == "json":
        assert json.loads(out)["documents"] == []
    elif fmt == "sarif":
        assert json.loads(out)["runs"][0]["results"] == []
    elif fmt == "junit":
        root = ET.fromstring(out.encode("utf-8"))
        assert root.get("tests") == "0" and root.find("testsuite").get("tests") == "0"
    elif fmt == "github":
        assert out == ""


def test_the_spool_moves_to_disk_past_its_memory_size(monkeypatch):
    from lawgov_check.report import spool

    monkeypatch.setattr(spool, "IN_MEMORY_CHARS", 10)
    parked = Spool()
    parked.write(",一二三四五六七八九十" * 5)
    parked.skip_first(1)
    out = io.StringIO()
    parked.copy_to(out)
    assert out.getvalue() == ("一二三四五六七八九十," * 5)[:-1]
