"""Tables with a repeated header row, fixed widths and rows that never split across pages."""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from desktop.export.docx_xml import (
    SYMBOLS,
    add_symbol,
    add_text,
    is_rtl,
    keep_row_together,
    make_rtl,
    repeat_as_header,
    set_table_look,
)
from desktop.export.docx_xml import set_column_widths as _set_widths
from desktop.export.text import clean

LIST_STYLE = "Light Grid Accent 1"
PLAIN_STYLE = "Table Grid"


def text_width(document: DocxDocument) -> Length:
    """The width between the margins of the last section."""
    section = document.sections[-1]
    width = (
        (section.page_width or Cm(21)) - (section.left_margin or 0) - (section.right_margin or 0)
    )
    return Length(width)


def add_table(
    document: DocxDocument,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths_cm: Sequence[float],
    *,
    style: str = LIST_STYLE,
    numeric: Sequence[int] = (),
    size: float | None = None,
    first_column: bool = True,
    prose: Sequence[int] = (),
) -> Table:
    """A table with a header row repeated on every page.

    ``numeric`` columns are centred; ``prose`` columns (titles, statements) turn right to left
    when their text is Arabic or Hebrew.
    """
    table: Table = document.add_table(rows=1 + len(rows), cols=len(headers))
    table.style = document.styles[style]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        fill_cell(cell, text, bold=True, size=size)
    repeat_as_header(table.rows[0])
    for row, values in zip(table.rows[1:], rows, strict=True):
        keep_row_together(row)
        for index, (cell, text) in enumerate(zip(row.cells, values, strict=True)):
            fill_cell(cell, text, centre=index in numeric, size=size, rtl=index in prose)
    set_table_look(table, first_column=first_column)
    set_widths(document, table, widths_cm)
    return table


def set_widths(document: DocxDocument, table: Table, widths_cm: Sequence[float]) -> None:
    """Scale relative widths so the table fills exactly the text width."""
    total = sum(widths_cm) or 1.0
    available = text_width(document)
    _set_widths(table, [Length(int(available * w / total)) for w in widths_cm])


def fill_cell(
    cell: _Cell,
    text: str,
    *,
    bold: bool = False,
    centre: bool = False,
    size: float | None = None,
    rtl: bool = False,
) -> None:
    """Put text in a cell's first paragraph; line breaks in ``text`` become new lines."""
    paragraph = cell.paragraphs[0]
    tight_spacing(paragraph)
    for number, line in enumerate(text.split("\n")):
        if number:
            paragraph.add_run().add_break()
        if line.startswith(tuple(SYMBOLS)):
            add_symbol(paragraph, line[0])
            line = line[1:]
        add_text(paragraph, [(clean(line), False)])
    for run in paragraph.runs:
        run.bold = bold or None
        if size is not None:
            run.font.size = Pt(size)
    if rtl and is_rtl(paragraph.text):
        make_rtl(paragraph)
    if centre:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def tight_spacing(paragraph: Paragraph) -> None:
    """Single lines and no space after: a table cell needs none of the body's spacing.

    Written as XML (python-docx's setters look the element up on every call, and a matrix of
    1,000 claims has thousands of cells).
    """
    spacing = paragraph._p.get_or_add_pPr().get_or_add_spacing()  # in schema order
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    spacing.set(qn("w:lineRule"), "auto")
