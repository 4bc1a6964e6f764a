"""The claim matrix: claims down, documents across, a glyph and a fill in every cell."""

from __future__ import annotations

import copy
import weakref
from collections.abc import Sequence
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from docx.table import _Cell

from desktop.core.glyphs import GLYPHS
from desktop.core.model import Claim, Comparison, Document, Support
from desktop.export.docx_table import PLAIN_STYLE, fill_cell, set_widths, text_width
from desktop.export.docx_xml import (
    add_heading,
    add_text,
    keep_row_together,
    repeat_as_header,
    set_orientation,
    set_symbol_font,
    shade_cell,
)
from desktop.export.options import ReportContext
from desktop.export.text import (
    FILLS,
    LEGEND,
    SUPPORT_WORDS,
    document_label,
    find_statement,
    matrix_rows,
    short_text,
    support_of,
)

LANDSCAPE_AFTER = 5  # documents; more than this and the matrix gets a landscape page
PER_TABLE = {False: 5, True: 11}
GLYPH_WIDTH = 1.1  # cm per document column  # report columns per table, portrait / landscape


def add_matrix(document: DocxDocument, ctx: ReportContext) -> None:
    """The matrix section, on landscape pages when there are many documents."""
    c = ctx.comparison
    landscape = len(c.documents) > LANDSCAPE_AFTER
    if landscape:
        wide = document.add_section(WD_SECTION.NEW_PAGE)
        set_orientation(wide, landscape=True)
        # A landscape page is short: a little less margin keeps a 16-claim matrix on one page.
        wide.top_margin = wide.bottom_margin = Cm(1.5)
    heading = add_heading(document, "Claim matrix", 1)
    heading.paragraph_format.page_break_before = not landscape  # a landscape section is a new page
    _add_legend(document, c)
    rows = matrix_rows(c)
    size = PER_TABLE[landscape]
    chunks = [list(c.reports[i : i + size]) for i in range(0, len(c.reports), size)] or [[]]
    for index, chunk in enumerate(chunks):
        if len(chunks) > 1:
            first = index * size + 1
            add_heading(document, f"Reports {first}–{first + len(chunk) - 1}", 2)
        _add_table(document, c, rows, chunk, first_number=index * size + 1)
    if landscape:
        tall = document.add_section(WD_SECTION.NEW_PAGE)
        set_orientation(tall, landscape=False)
        tall.top_margin = tall.bottom_margin = Cm(2.0)


def _add_legend(document: DocxDocument, comparison: Comparison) -> None:
    intro = document.add_paragraph(
        "Each row is a claim of the reference, numbered in its order (the findings use the same "
        "numbers), then claims the reference does not make but two or more reports do (+1, +2 …)."
        " Each cell shows how a document stands towards the claim, by symbol and by shade:"
    )
    intro.paragraph_format.keep_with_next = True
    legend = document.add_table(rows=1, cols=len(LEGEND))
    legend.style = document.styles[PLAIN_STYLE]
    for cell, support in zip(legend.rows[0].cells, LEGEND, strict=True):
        _glyph_cell(cell, support, label=SUPPORT_WORDS[support])
        cell.paragraphs[0].paragraph_format.keep_with_next = True
    keep_row_together(legend.rows[0])
    set_widths(document, legend, [1.0] * len(LEGEND))
    key = document.add_paragraph()
    key.paragraph_format.keep_with_next = len(comparison.documents) <= 20
    key.paragraph_format.space_before = Pt(6)
    key.add_run("Columns: ").bold = True
    add_text(
        key,
        [
            (
                "“Backed by” counts independent reports that agree or agree in part; "
                "copies of one wire text count once.",
                False,
            )
        ],
    )
    names = [("Ref.", comparison.reference)]
    names += [(str(i), d) for i, d in enumerate(comparison.reports, 1)]
    for number, (label, doc) in enumerate(names):
        # One flowing paragraph: a line per document took a third of the matrix's page.
        key.add_run(" · " if number else " ").bold = True
        key.add_run(f"{label} = ").bold = True
        add_text(key, [(short_text(document_label(doc), 55), False)])


_CELL_STAMPS: weakref.WeakKeyDictionary[object, dict[str, list[Any]]] = weakref.WeakKeyDictionary()


def _glyph_cell(cell: _Cell, support: Support, *, label: str = "") -> None:
    """Glyph, font and shading; later cells of a kind copy the first one's XML (a matrix of
    1,000 claims has thousands of them, and python-docx's setters are slow)."""
    stamps = _CELL_STAMPS.setdefault(cell.part, {})
    key = f"{support.value}:{label}"
    if key in stamps:
        tc = cell._tc
        for child in list(tc):
            tc.remove(child)
        tc.extend(copy.deepcopy(child) for child in stamps[key])
        return
    fill_cell(cell, GLYPHS[support] + (f" {label}" if label else ""), centre=True, size=9)
    set_symbol_font(cell.paragraphs[0])
    shade_cell(cell, FILLS[support])
    stamps[key] = [copy.deepcopy(child) for child in cell._tc]


def _add_table(
    document: DocxDocument,
    comparison: Comparison,
    rows: Sequence[tuple[str, Claim]],
    reports: Sequence[Document],
    *,
    first_number: int,
) -> None:
    docs = [comparison.reference, *reports]
    headers = [
        "#",
        "Claim",
        "Ref.",
        *(str(first_number + i) for i in range(len(reports))),
        "Backed by",
    ]
    table = document.add_table(rows=1 + len(rows), cols=len(headers))
    table.style = document.styles[PLAIN_STYLE]
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        fill_cell(cell, text, bold=True, centre=text != "Claim", size=9)
        shade_cell(cell, "DCE3EC")
    repeat_as_header(table.rows[0])
    for row, (label, claim) in zip(table.rows[1:], rows, strict=True):
        keep_row_together(row)
        cells = row.cells
        statement = find_statement(comparison, claim.anchor)
        fill_cell(cells[0], label, centre=True, size=9)
        fill_cell(cells[1], statement.text if statement else claim.anchor, size=9, rtl=True)
        for cell, doc in zip(cells[2:-1], docs, strict=True):
            _glyph_cell(cell, support_of(claim, doc.id))
        fill_cell(cells[-1], str(claim.corroboration), centre=True, size=9)
        cells[-1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    # The claim column takes what the symbols leave, so claims wrap instead of being cut.
    fixed = 0.9 + GLYPH_WIDTH * len(docs) + 1.6
    claim_width = max(5.0, text_width(document).cm - fixed)
    set_widths(document, table, [0.9, claim_width, *([GLYPH_WIDTH] * len(docs)), 1.6])
