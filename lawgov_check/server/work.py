"""What runs inside a worker process: check one uploaded document (and annotate it).

Nothing here imports the web stack. The document arrives as bytes and its annotated copy leaves as
bytes: nothing is written to disk, so a worker killed mid-way leaves nothing behind.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..api import CheckOptions, check_bytes, check_text
from ..model import DocumentResult, InputError


@dataclass(frozen=True)
class Upload:
    name: str                 # file name as sent (its suffix helps recognise the format)
    data: bytes
    options: CheckOptions
    annotate: bool = False    # also produce the annotated .docx
    text: str | None = None   # a document sent as JSON text instead of file bytes


@dataclass
class Checked:
    result: DocumentResult
    annotated: bytes | None = None
    annotate_error: str | None = None


def check_one(upload: Upload, options: CheckOptions) -> DocumentResult:
    """The one call into the checker (switch to `check_*(..., timeout=)` here once they take one)."""
    if upload.text is not None:
        from ..ingest.limits import DEFAULT_LIMITS, Limits
        from ..ingest.reading import read_input

        try:  # the size limit of a file holds for text sent as JSON too
            read_input(upload.name, upload.text.encode("utf-8"),
                       Limits(max_bytes=options.max_bytes or DEFAULT_LIMITS.max_bytes))
        except InputError as exc:
            return DocumentResult(upload.name, errors=[str(exc)])
        return check_text(upload.text, options=options, name=upload.name)
    return check_bytes(upload.data, upload.name, options=options)


def check_upload(upload: Upload) -> Checked:
    options = dataclasses.replace(upload.options, keep_text=upload.options.keep_text or upload.annotate)
    result = check_one(upload, options)
    checked = Checked(result)
    if upload.annotate and result.media_type is not None:
        from ..report.docx_annotate import annotated_bytes

        try:
            data = upload.data if upload.text is None else upload.text.encode("utf-8")
            checked.annotated = annotated_bytes(result, upload.name, data, lang=options.lang)
        except InputError as exc:
            checked.annotate_error = str(exc)
    if not upload.options.keep_text:
        result.text = None  # kept only to annotate: not sent back
    return checked


def warm_up() -> None:
    """Load the grammar, the rule catalogue and the readers once, before workers are forked."""
    from ..api import load_rules
    from ..pipeline import document_from_text

    load_rules()
    document_from_text("")
    for module in ("docx", "pdf", "txt"):
        __import__(f"lawgov_check.ingest.{module}")
    __import__("lawgov_check.report.docx_annotate")
