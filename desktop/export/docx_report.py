"""The DOCX comparison report: cover, documents, summary, matrix, findings, omissions, methods."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

import docx
from docx.document import Document as DocxDocument

from desktop.core.atomic import atomic_open
from desktop.core.model import Comparison, Decision
from desktop.export.docx_cover import add_cover, set_properties, set_up_pages
from desktop.export.docx_documents import add_documents, add_summary
from desktop.export.docx_fast import fast_body_appends
from desktop.export.docx_findings import add_findings
from desktop.export.docx_matrix import add_matrix
from desktop.export.docx_methods import add_methods
from desktop.export.docx_omissions import add_omissions
from desktop.export.options import DEFAULT_OPTIONS, ReportContext, ReportOptions

SectionWriter = Callable[[DocxDocument, ReportContext], None]
WRITERS: tuple[tuple[str, SectionWriter], ...] = (
    ("documents", add_documents),
    ("summary", add_summary),
    ("matrix", add_matrix),
    ("conflicts", add_findings),
    ("omissions", add_omissions),
    ("methods", add_methods),
)


def build_docx_report(
    comparison: Comparison,
    *,
    options: ReportOptions = DEFAULT_OPTIONS,
    decisions: Iterable[Decision] = (),
    generated: datetime | None = None,
) -> DocxDocument:
    """The report as a python-docx document, not yet saved."""
    ctx = ReportContext.build(comparison, options=options, decisions=decisions, generated=generated)
    document = docx.Document()
    with fast_body_appends():
        set_up_pages(document, ctx)
        set_properties(document, ctx)
        add_cover(document, ctx)
        for name, write in WRITERS:
            if options.has(name):
                write(document, ctx)
    return document


def write_docx_report(
    comparison: Comparison,
    path: str | Path,
    *,
    options: ReportOptions = DEFAULT_OPTIONS,
    decisions: Iterable[Decision] = (),
    generated: datetime | None = None,
) -> None:
    """Write the DOCX report to ``path`` atomically (an earlier file survives a failure)."""
    document = build_docx_report(
        comparison, options=options, decisions=decisions, generated=generated
    )
    with atomic_open(path, "wb") as handle:
        # Zip into memory first: a failed save then leaves no ZipFile bound to a closed file.
        buffer = io.BytesIO()
        document.save(buffer)
        handle.write(buffer.getvalue())
