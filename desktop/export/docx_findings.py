"""Conflicts and partial agreements: both quotes, the words that differ, why, and the review."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from desktop.core.kinds import kind_label
from desktop.core.model import Comparison, Link, Verdict, document_of
from desktop.export.docx_xml import (
    add_heading,
    add_stamped,
    add_stamped_run,
    add_styled,
    add_text,
)
from desktop.export.methods import labels_of
from desktop.export.options import ReportContext
from desktop.export.text import (
    Piece,
    between_report_conflicts,
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
        f"differ are bold and underlined: red where they conflict ({labels_of(True)}), "
        f"amber where they make a partial agreement ({labels_of(False)}).")
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
        item = add_stamped(document, "finding", lambda d: add_styled(d, "List Bullet"))
        add_stamped_run(item, f"{kind_label(finding.kind)}: ", "bold", _bold)
        add_text(item, [(finding.message, False)])
    meta = add_stamped(document, "meta", _meta_paragraph)
    add_stamped_run(meta, review_line(link), "italic", _italic)


def _meta_paragraph(document: DocxDocument) -> Paragraph:
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.space_after = Pt(10)
    return paragraph


def _caption_paragraph(document: DocxDocument) -> Paragraph:
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.keep_with_next = True
    paragraph.paragraph_format.space_after = Pt(0)
    return paragraph


def _quote_paragraph(document: DocxDocument) -> Paragraph:
    paragraph = add_styled(document, QUOTE_STYLE)
    paragraph.paragraph_format.keep_together = True
    paragraph.paragraph_format.left_indent = Cm(0.8)
    paragraph.paragraph_format.right_indent = Cm(0.4)
    return paragraph


def _bold(run: Run) -> None:
    run.bold = True


def _italic(run: Run) -> None:
    run.italic = True


def _caption_run(run: Run) -> None:
    run.font.size = Pt(9)
    run.bold = True


def _add_quote(document: DocxDocument, label: str, pieces: list[Piece]) -> None:
    caption = add_stamped(document, "caption", _caption_paragraph)
    add_stamped_run(caption, label, "caption", _caption_run)
    quote = add_stamped(document, "quote", _quote_paragraph)
    add_text(quote, pieces, colours=MARK_COLOURS, detect_rtl=True)
