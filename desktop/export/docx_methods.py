"""The methods appendix: options, how verdicts are made, their limits, review, reproduction."""

from __future__ import annotations

import shlex

from docx.document import Document as DocxDocument
from docx.shared import Pt

from desktop import APP_NAME, __version__
from desktop.core.model import Comparison
from desktop.export.docx_table import add_table
from desktop.export.docx_xml import add_heading, add_styled
from desktop.export.options import ReportContext
from desktop.export.text import clean, file_name, option_rows, plural, review_tally

HOW = (
    "Each document is split into statements (sentences, headlines, list items). For matching, "
    "text is normalised: lower case, quotes and dashes folded, number words turned into digits "
    "and name aliases mapped to one spelling.",
    "Candidate pairs are found by shared words, rare ones (numbers, names) weighing most, "
    "and scored 0–100 by comparing the two statements. Pairs at or above the match threshold "
    "are linked: each report statement keeps its best partner in the reference and each "
    "reference statement its best partner in the report, whatever their order in the text, so "
    "a sentence a report splits in two links to both halves.",
    "Each linked pair is then checked for typed differences. A different number, date, "
    "quantity or named actor, or a denial against an assertion, makes a conflict; a hedge, a "
    "different attribution, or a detail one side adds or drops makes a partial agreement; no "
    "difference means the two agree. A similarity score alone never decides agreement.",
    "Linked statements form claims. A reference claim with no linked statement in a report is "
    "omitted by it; report statements linked to nothing in the reference are added claims. "
    "“Backed by” counts the independent reports that agree or agree in part: documents that "
    "are near-verbatim copies of one wire text (at least the wire-copy threshold of their "
    "statements nearly identical) count once.",
)
LIMITS = (
    "The tool compares what reports say, not what is true: a conflict shows that two reports "
    "are incompatible, not which one is right.",
    "A paraphrase far from the reference's words can fall under the threshold and show as "
    "omitted; a lower threshold finds more links and more wrong ones.",
    "Statements in different languages share few words and are linked, if at all, through "
    "names and numbers.",
    "A claim spread over several sentences, irony, and speech reported at second hand can be "
    "misread. Every flag therefore shows both quotes so that a person can check it.",
    "Text taken from PDF files and saved web pages may lack or garble parts of the article.",
)


def add_methods(document: DocxDocument, ctx: ReportContext) -> None:
    """Everything someone needs to judge the report and to reproduce it."""
    c = ctx.comparison
    add_heading(document, "Methods", 1)
    add_heading(document, "Options used", 2)
    add_table(document, ["Setting", "Value"], option_rows(ctx), [6.5, 10.5], first_column=False)
    add_heading(document, "How verdicts are made", 2)
    for text in HOW:
        document.add_paragraph(text)
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
            "shown beside every conflict and partial agreement.")
    else:
        document.add_paragraph("No review decisions: every verdict is the engine's.")
    add_heading(document, "To reproduce", 2)
    document.add_paragraph(
        f"Compare the files listed under “Documents compared” (check their SHA-256) in "
        f"{APP_NAME} {__version__} with the options above, reference first, or run:")
    command = document.add_paragraph()
    run = command.add_run(clean(reproduce_command(c)))
    run.font.name = "Consolas"
    run.font.size = Pt(8.5)
    if tally.total:
        document.add_paragraph("Review decisions are kept in the saved session; open it with "
                               "--session to apply them again.")


def reproduce_command(comparison: Comparison) -> str:
    """The command line that compares the same files with the same options."""
    files = [shlex.quote(file_name(d.path)) for d in comparison.documents]
    parts = ["crosscheck-cli compare", *files, f"--threshold {comparison.options.threshold:g}"]
    if comparison.options.compare_reports:
        parts.append("--compare-reports")
    return " ".join(parts)
