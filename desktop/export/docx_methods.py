"""The methods appendix: options, how verdicts are made, their limits, review, reproduction."""

from __future__ import annotations

import shlex

from docx.document import Document as DocxDocument
from docx.shared import Pt

from desktop import APP_NAME, __version__
from desktop.core.model import Comparison
from desktop.export.docx_table import add_table
from desktop.export.docx_xml import add_heading, add_styled
from desktop.export.methods import LIMITS, how_paragraphs, kind_rows
from desktop.export.options import ReportContext
from desktop.export.text import clean, file_name, option_rows, plural, review_tally


def add_methods(document: DocxDocument, ctx: ReportContext) -> None:
    """Everything someone needs to judge the report and to reproduce it."""
    c = ctx.comparison
    add_heading(document, "Methods", 1)
    add_heading(document, "Options used", 2)
    add_table(
        document, ["Setting", "Value"], option_rows(ctx), [7.5, 9.5], first_column=False, size=9
    )
    add_heading(document, "How verdicts are made", 2)
    for text in how_paragraphs():
        document.add_paragraph(text)
    add_table(
        document,
        ["Kind", "Makes", "What differs"],
        kind_rows(),
        [2.4, 3.0, 11.6],
        first_column=False,
        size=9,
    )
    add_heading(document, "Limits", 2)
    for text in LIMITS:
        add_styled(document, "List Bullet", text)
    add_heading(document, "Review decisions applied", 2)
    tally = review_tally(c, ctx.decisions)
    if tally.total:
        document.add_paragraph(
            f"{plural(tally.total, 'review decision')}: {tally.confirmed} confirmed, "
            f"{tally.changed} changed, {tally.unlinked} unlinked, {tally.linked} linked by hand. "
            "The verdicts in this report are the reviewed ones; the engine's own verdict is "
            "shown beside every conflict and partial agreement."
        )
    else:
        document.add_paragraph("No review decisions: every verdict is the engine's.")
    add_heading(document, "To reproduce", 2)
    document.add_paragraph(
        f"Compare the files listed under “Documents compared” (check their SHA-256) in "
        f"{APP_NAME} {__version__} with the options above, reference first, or run:"
    )
    command = document.add_paragraph()
    run = command.add_run(clean(reproduce_command(c)))
    run.font.name = "Consolas"
    run.font.size = Pt(8.5)
    if tally.total:
        document.add_paragraph(
            "Review decisions are kept in the saved session; open it with "
            "--session to apply them again."
        )


def reproduce_command(comparison: Comparison) -> str:
    """The command line that compares the same files with the same options."""
    files = [shlex.quote(file_name(d.path)) for d in comparison.documents]
    parts = ["crosscheck-cli compare", *files, f"--threshold {comparison.options.threshold:g}"]
    if comparison.options.compare_reports:
        parts.append("--compare-reports")
    return " ".join(parts)
