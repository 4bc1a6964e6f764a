"""Omissions and additions: what each report leaves out, what only some reports say."""

from __future__ import annotations

from docx.document import Document as DocxDocument

from desktop.core.model import Claim, Comparison
from desktop.export.docx_table import add_table
from desktop.export.docx_xml import add_heading, add_styled, add_text
from desktop.export.options import ReportContext
from desktop.export.text import (
    added_claims,
    embed,
    find_statement,
    makers,
    missing_everywhere,
    omitted_by,
    plural,
    reference_claims,
    report_number,
    short_text,
    statement_number,
)


def claim_text(comparison: Comparison, claim: Claim, limit: int = 160) -> str:
    """The anchor statement's text, shortened."""
    statement = find_statement(comparison, claim.anchor)
    return short_text(statement.text if statement else claim.anchor, limit)


def add_omissions(document: DocxDocument, ctx: ReportContext) -> None:
    """Missing claims per report, claims no report repeats, claims the reference lacks."""
    c = ctx.comparison
    add_heading(document, "Omissions and additions", 1)
    _add_missing_per_report(document, c)
    add_heading(document, "Claims of the reference that no report makes", 2)
    lonely = missing_everywhere(c)
    if not lonely:
        document.add_paragraph("Every claim of the reference appears in at least one report.")
    for claim in lonely:
        _bullet(document, f"Statement {statement_number(claim.anchor)}: ",
                claim_text(c, claim))
    add_heading(document, "Claims the reference does not make", 2)
    extra = added_claims(c)
    if not extra:
        document.add_paragraph("The reports make no claim that the reference lacks.")
        return
    document.add_paragraph(
        "Claims made by one report only are single-source: nothing else in this comparison "
        "backs them.")
    rows = []
    for claim in extra:
        who = ", ".join(str(report_number(c, d)) for d in makers(claim))
        source = "single source" if len(makers(claim)) == 1 else f"{len(makers(claim))} reports"
        rows.append([claim_text(c, claim), f"{who}\n({source})", str(claim.corroboration)])
    add_table(document, ["Claim", "Made by report", "Backed by"], rows, [11.0, 3.6, 2.0],
              numeric=(1, 2), first_column=False, prose=(0,))


def _add_missing_per_report(document: DocxDocument, comparison: Comparison) -> None:
    add_heading(document, "Reference claims missing from each report", 2)
    total = len(reference_claims(comparison))
    for number, doc in enumerate(comparison.reports, 1):
        missing = omitted_by(comparison, doc.id)
        para = document.add_paragraph()
        para.paragraph_format.keep_with_next = bool(missing)
        add_text(para, [(f"Report {number}, {embed(short_text(doc.title, 70))}: ", False)])
        para.runs[-1].bold = True
        para.add_run(f"{len(missing)} of {plural(total, 'claim')} missing.")
        for claim in missing:
            _bullet(document, f"Statement {statement_number(claim.anchor)}: ",
                    claim_text(comparison, claim, 110))


def _bullet(document: DocxDocument, label: str, text: str) -> None:
    item = add_styled(document, "List Bullet")
    item.add_run(label).bold = True
    add_text(item, [(text, False)])
