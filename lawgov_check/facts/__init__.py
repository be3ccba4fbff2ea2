"""Facts: typed values with spans, extracted from a parsed Document's normalized text.

`extract_facts(doc)` runs every family; each family also has its own pure function taking
`(text, context)` for use on any text.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Document
from .attachments import extract_attachment_items
from .citations import extract_citations
from .comment_periods import extract_comment_periods
from .dates import extract_dates_and_years
from .doc_numbers import extract_doc_numbers
from .durations import extract_durations
from .numbers import extract_totals_and_rates
from .procedures import extract_procedures
from .publishing_order import extract_entry_into_force, extract_order_items
from .ranges import extract_date_ranges
from .validity import extract_validity_periods
from .report_parts import extract_report_parts
from .report_subject import extract_report_subject
from .signature_dates import extract_signature_dates
from .tasks import extract_tasks
from .types import Duration, Fact, FactContext, Facts

__all__ = ["Duration", "Fact", "FactContext", "Facts", "extract_facts", "extract_text_facts"]


def extract_text_facts(text: str, context: FactContext | None = None) -> Facts:
    """Every fact family over `text`."""
    context = context or FactContext()
    dates, years = extract_dates_and_years(text, context)
    durations = extract_durations(text, context)
    doc_numbers = extract_doc_numbers(text, context)
    totals, rates = extract_totals_and_rates(text, context)
    facts = Facts(
        dates=dates,
        years=years,
        date_ranges=extract_date_ranges(text, context, dates),
        durations=durations,
        doc_numbers=doc_numbers,
        citations=extract_citations(text, context, doc_numbers),
        totals=totals,
        rates=rates,
        procedures=extract_procedures(text, context, durations, dates),
        validity_periods=extract_validity_periods(text, context),
    )
    context.forget()
    return facts


def extract_facts(doc: Document) -> Facts:
    """Every fact family over `doc.text`, dating year-less dates with `doc.year` / `doc.date`."""
    facts = extract_text_facts(doc.text, FactContext.from_document(doc))
    # Families that read the document's structure and identity, for the types they describe.
    more: dict[str, list] = dict(zip(("task_annotations", "task_clauses", "task_deadlines"),
                                     extract_tasks(doc, facts.dates)))
    more.update(attachment_items=extract_attachment_items(doc), signature_dates=extract_signature_dates(doc))
    if doc.doc_type == "annual_report":
        more.update(report_parts=extract_report_parts(doc), report_subject=extract_report_subject(doc))
    if doc.doc_type == "government_rule":
        more.update(order_items=extract_order_items(doc), entry_into_force=extract_entry_into_force(doc))
    more.update(comment_periods=extract_comment_periods(doc, facts.date_ranges))
    return replace(facts, **more)
