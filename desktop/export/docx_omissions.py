"""Omissions and additions: what each report leaves out, what only some reports say."""

from __future__ import annotations

from docx.document import Document as DocxDocument

from desktop.core.model import Claim, Comparison
from desktop.export.docx_table import add_table
from desktop.export.docx_xml import add_heading, add_styled, add_text
from desktop.export.options import ReportContext
from desktop.export.text import (
    added_claims,
    claim_numbers_of,
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
        _bullet(
            document, f"Claim {claim_numbers_of(c).get(claim.anchor, 0)}: ", claim_text(c, claim)
        )
    add_heading(document, "Claims the reference does not make", 2)
    extra = added_claims(c)
    if not extra:
        document.add_paragraph("The reports make no claim that the reference lacks.")
        return
    document.add_paragraph(
        "Claims made by one report only are single-source: nothing else in this comparison "
        "backs them."
    )
    rows = []
    for claim in extra:
        who = ", ".join(str(report_number(c, d)) for d in makers(claim))
        source = "single source" if len(makers(claim)) == 1 else f"{len(makers(claim))} reports"
        rows.append([claim_text(c, claim), f"{who} ({source})", str(claim.corroboration)])
    add_table(
        document,
        ["Claim", "Made by report", "Backed by"],
        rows,
        [11.4, 3.9, 1.7],
        numeric=(1, 2),
        first_column=False,
        prose=(0,),
        size=9,
    )


def _add_missing_per_report(document: DocxDocument, comparison: Comparison) -> None:
    add_heading(document, "Reference claims missing from each report", 2)
    total = len(reference_claims(comparison))
    numbers = claim_numbers_of(comparison)
    document.add_paragraph(
        "Claims by their number in the matrix; each claim’s words are "
        "quoted once, where it is first left out."
    )
    quoted: set[str] = set()
    for number, doc in enumerate(comparison.reports, 1):
        missing = omitted_by(comparison, doc.id)
        item = add_styled(document, "List Bullet")
        add_text(item, [(f"Report {number}, {embed(short_text(doc.title, 60))}: ", False)])
        item.runs[-1].bold = True
        if not missing:
            item.add_run(f"none of the {plural(total, 'claim')} missing.")
            continue
        parts = []
        for claim in missing:
            n = numbers.get(claim.anchor, statement_number(claim.anchor))
            said = "" if claim.anchor in quoted else f" “{claim_text(comparison, claim, 70)}”"
            quoted.add(claim.anchor)
            parts.append(f"claim {n}{said}")
        add_text(item, [(f"{len(missing)} of {total} missing: " + "; ".join(parts) + ".", False)])


def _bullet(document: DocxDocument, label: str, text: str) -> None:
    item = add_styled(document, "List Bullet")
    item.add_run(label).bold = True
    add_text(item, [(text, False)])
