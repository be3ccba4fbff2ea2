from __future__ import annotations

import datetime as dt
from typing import Callable

import pytest

from facts_support import make_document
from lawgov_check.facts import Facts, extract_facts
from lawgov_check.model import Document


@pytest.fixture
def doc_facts() -> Callable[..., tuple[Document, Facts]]:
    def run(text: str, year: int | None = None, date: dt.date | None = None) -> tuple[Document, Facts]:
        doc = make_document(text, year=year, date=date)
        return doc, extract_facts(doc)
    return run


@pytest.fixture
def facts_of() -> Callable[..., Facts]:
    def run(text: str, year: int | None = None, date: dt.date | None = None) -> Facts:
        return extract_facts(make_document(text, year=year, date=date))
    return run
