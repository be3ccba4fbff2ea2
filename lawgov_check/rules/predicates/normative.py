"""The registration number of a normative document (ND02, owned by the jurisdictions work)."""

from __future__ import annotations

from typing import Iterator

from ..context import CheckContext
from ..hits import Hit
from ..kinds._common import title_span as _title_span
from . import predicate

_REGISTRATION_KEYS = ("统一编号", "登记编号", "登记号", "规范性文件登记号", "规范性文件编号", "备案登记号")


@predicate("nd.registration-number")
def registration_number(ctx: CheckContext, required: bool = False, pattern: str = "",
                        label: str = "统一编号") -> Iterator[Hit]:
    """Where the jurisdiction requires a registration number, it is present and has its form."""
    if not required:
        return
    doc = ctx.doc
    declared = (ctx.manifest or {}).get("registration_number")
    if not declared:
        declared = next((doc.metadata[k] for k in _REGISTRATION_KEYS if doc.metadata.get(k)), None)
    if declared:
        if pattern and not ctx.search(pattern, str(declared).strip()):
            yield Hit(*_title_span(doc), {"problem": f"登记编号“{declared}”不符合本辖区格式",
                                          "problem_en": f"registration number “{declared}” does not have the "
                                                        "jurisdiction's form"})
        return
    if pattern and ctx.search(pattern, doc.text):
        return
    yield Hit(*_title_span(doc), {"problem": f"未载明{label}", "problem_en": f"no {label} is given"})
