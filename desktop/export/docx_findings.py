"""Conflicts and partial agreements: both quotes, the words that differ, why, and the review."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.shared import Cm, Pt, RGBColor

from desktop.core.model import Comparison, Link, Verdict, document_of
from desktop.export.docx_xml import add_heading, add_styled, add_text
from desktop.export.options import ReportContext
from desktop.export.text import (
    Piece,
    between_report_conflicts,
    clean,
    embed,
    find_document,
    find_statement,
    ordered_findings,
    other_spans,
    plural,
    reference_spans,
    review_line,
    short_text,
    side_label,
    split_spans,
)

QUOTE_STYLE = "Quote"
MARK_COLOURS: dict[object, RGBColor] = {"conflict": RGBColor(0xB0, 0x1E, 0x1E),
                                        "partial": RGBColor(0x9A, 0x5B, 0x00)}
HEADINGS = {Verdict.CONFLICT: ("Conflicts", "No report conflicts with the reference."),
            Verdict.PARTIAL: ("Partial agreements", "No report agrees only in part.")}


def add_findings(document: DocxDocument, ctx: ReportContext) -> None:
    """Conflicts first, then (unless left out) partial agreements, each with its evidence."""
    c = ctx.comparison
    links = ordered_findings(c, include_partials=ctx.options.include_partials)
    add_heading(document, "Conflicts and partial agreements" if ctx.options.include_partials
                else "Conflicts", 1)
    conflicts = sum(1 for lk in links if lk.verdict is Verdict.CONFLICT)
    lead = f"{plural(conflicts, 'conflict')}"
    if ctx.options.include_partials:
        lead += f" and {plural(len(links) - conflicts, 'partial agreement')}"
    document.add_paragraph(
        f"{lead}, the claims disputed by the most reports first. In each quote the words that "
        "differ are bold and underlined: red where they conflict, amber where a detail is "
        "added, dropped, hedged or attributed differently.")
    verdicts = [Verdict.CONFLICT] + ([Verdict.PARTIAL] if ctx.options.include_partials else [])
    for verdict in verdicts:
        title, none = HEADINGS[verdict]
        add_heading(document, title, 2)
        chosen = [lk for lk in links if lk.verdict is verdict]
        if not chosen:
            document.add_paragraph(none)
        for link in chosen:
            _add_link(document, c, link)
    between = between_report_conflicts(c)
    if between:
        add_heading(document, "Conflicts between reports", 2)
        document.add_paragraph("Claims the reference does not make, on which two reports "
                               "contradict each other.")
        for link in between:
            _add_link(document, c, link)


def _add_link(document: DocxDocument, comparison: Comparison, link: Link) -> None:
    ref = find_statement(comparison, link.reference)
    other = find_statement(comparison, link.other)
    doc = find_document(comparison, document_of(link.other))
    if ref is None or other is None or doc is None:
        return
    heading = add_heading(document, "", 3)
    owner = side_label(comparison, other.id).split(",")[0]
    add_text(heading, [(f"{owner}: {embed(short_text(doc.title, 60))} — "
                        f"{side_label(comparison, ref.id).lower()}", False)])
    _add_quote(document, side_label(comparison, ref.id),
               split_spans(ref.text, reference_spans(link)))
    _add_quote(document, side_label(comparison, other.id),
               split_spans(other.text, other_spans(link)))
    for finding in link.findings:
        item = add_styled(document, "List Bullet")
        item.add_run(f"{finding.kind.value}: ").bold = True
        add_text(item, [(finding.message, False)])
    meta = document.add_paragraph()
    meta.paragraph_format.space_after = Pt(10)
    add_text(meta, [(review_line(link), False)])
    for run in meta.runs:
        run.italic = True


def _add_quote(document: DocxDocument, label: str, pieces: list[Piece]) -> None:
    caption = document.add_paragraph()
    caption.paragraph_format.keep_with_next = True
    caption.paragraph_format.space_after = Pt(0)
    run = caption.add_run(clean(label))
    run.font.size = Pt(9)
    run.bold = True
    quote = add_styled(document, QUOTE_STYLE)
    quote.paragraph_format.keep_together = True
    quote.paragraph_format.left_indent = Cm(0.8)
    quote.paragraph_format.right_indent = Cm(0.4)
    add_text(quote, pieces, colours=MARK_COLOURS, detect_rtl=True)
