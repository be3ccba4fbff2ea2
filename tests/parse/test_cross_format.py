"""The same document as UTF-8, GB18030, Big5 (traditional), UTF-16, .docx and .pdf parses alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawgov_check.parse.output import render_json
from lawgov_check.pipeline import load_document

VARIANTS = ["sample_annual_report.gb18030.txt", "sample_annual_report.big5.txt",
            "sample_annual_report.utf16.txt", "sample_annual_report.docx", "sample_annual_report.pdf"]


def _summary(path):
    result = render_json(load_document(str(path)), with_tree=False)
    outline = [(o["level"], o["text"]) for o in result["outline"] if o["level"] <= 2]
    return result["doc_type"], result["year"], outline


FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


@pytest.fixture(scope="module")
def reference():
    return _summary(FIXTURES / "sample_annual_report.txt")


def test_reference_is_a_complete_annual_report(reference):
    doc_type, year, outline = reference
    assert doc_type == "annual_report"
    assert year == 2021
    assert sum(1 for level, _ in outline if level == 1) == 4


@pytest.mark.parametrize("name", VARIANTS)
def test_variant_parses_like_the_reference(fixtures_dir, reference, name):
    assert _summary(fixtures_dir / name) == reference
