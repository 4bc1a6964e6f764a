"""The report's "Documents compared" and "Summary per report" sections."""

from __future__ import annotations

from docx.document import Document as DocxDocument

from desktop.core.glyphs import GLYPHS
from desktop.core.model import Document, Support
from desktop.export.docx_table import add_table
from desktop.export.docx_xml import add_heading, add_styled, add_text
from desktop.export.options import ReportContext
from desktop.export.text import (
    clean,
    copy_groups,
    file_name,
    plural,
    reference_claims,
    source_name,
    titles,
)


def _document_row(number: str, doc: Document) -> list[str]:
    where = "\n".join(x for x in (doc.outlet, doc.published) if x) or "—"
    return [
        number,
        doc.title,
        where,
        f"{source_name(doc)}\n({doc.format.upper()})",
        str(len(doc.statements)),
        doc.sha256[:12],
    ]


def add_documents(document: DocxDocument, ctx: ReportContext) -> None:
    """Table of every document, the wire copies among them, and the files not read."""
    c = ctx.comparison
    add_heading(document, "Documents compared", 1)
    rows = [_document_row("Ref.", c.reference)]
    rows += [_document_row(str(i), doc) for i, doc in enumerate(c.reports, 1)]
    add_table(
        document,
        ["#", "Title", "Outlet · date", "File (format)", "Statements", "SHA-256"],
        rows,
        [1.0, 4.6, 2.8, 3.6, 2.2, 2.5],
        numeric=(0, 4),
        size=9,
        prose=(1,),
    )
    document.add_paragraph(
        "SHA-256 shows the first 12 hex digits of the file's fingerprint, so the same files can "
        "be found again. Report numbers are used as column headings in the claim matrix."
    )
    groups = copy_groups(c)
    if groups:
        add_heading(document, "Copies of the same wire text", 2)
        for group in groups:
            item = add_styled(document, "List Bullet")
            add_text(
                item,
                [
                    (
                        f"{titles(c, group)}: near-verbatim copies, counted as one source "
                        "when claims are corroborated.",
                        False,
                    )
                ],
            )
    if c.skipped:
        add_heading(document, "Files not read", 2)
        for skipped in c.skipped:
            item = add_styled(document, "List Bullet")
            item.add_run(clean(file_name(skipped.path))).bold = True
            add_text(item, [(f": {skipped.reason}", False)])


def add_summary(document: DocxDocument, ctx: ReportContext) -> None:
    """Per report: how many reference claims it backs, qualifies, contradicts, leaves out."""
    c = ctx.comparison
    add_heading(document, "Summary per report", 1)
    total = len(reference_claims(c))
    document.add_paragraph(
        f"Counts are over the reference's {plural(total, 'claim')}. “Added” counts a report's "
        "statements that the reference does not have."
    )
    headers = [
        "#",
        "Report",
        f"{GLYPHS[Support.AGREE]} Agree",
        f"{GLYPHS[Support.PARTIAL]} Partial",
        f"{GLYPHS[Support.CONFLICT]} Conflict",
        f"{GLYPHS[Support.OMITTED]} Omitted",
        "+ Added",
    ]
    rows = []
    for number, doc in enumerate(c.reports, 1):
        n = ctx.counts.get(doc.id)
        values = (n.agree, n.partial, n.conflict, n.omitted, n.added) if n else (0,) * 5
        rows.append(
            [
                str(number),
                doc.title + (f"\n{doc.outlet}" if doc.outlet else ""),
                *(str(v) for v in values),
            ]
        )
    add_table(
        document,
        headers,
        rows,
        [0.8, 5.6, 2.0, 2.1, 2.4, 2.3, 2.0],
        numeric=(0, 2, 3, 4, 5, 6),
        size=9.5,
        prose=(1,),
    )
