"""Constant-time body appends build exactly the document python-docx builds on its own."""

from __future__ import annotations

import docx
from docx.oxml.document import CT_Body

from desktop.export.docx_fast import fast_body_appends


def _build() -> bytes:
    document = docx.Document()
    document.add_heading("Report", level=1)
    for n in range(50):
        document.add_paragraph(f"paragraph {n}")
        if n % 10 == 0:
            document.add_table(rows=2, cols=2)
    document.add_section()
    document.add_paragraph("after the section break")
    return document.element.xml.encode()


def test_same_xml_as_python_docx_and_methods_restored() -> None:
    plain = _build()
    before = (CT_Body._insert_p, CT_Body._insert_tbl)
    with fast_body_appends():
        fast = _build()
    assert fast == plain
    assert (CT_Body._insert_p, CT_Body._insert_tbl) == before


def test_body_without_closing_section_still_appends() -> None:
    document = docx.Document()
    body = document.element.body
    body.remove(body.sectPr)
    with fast_body_appends():
        document.add_paragraph("only child")
    assert [p.text for p in document.paragraphs] == ["only child"]


def test_runs_built_directly_match_python_docx_runs() -> None:
    from docx.shared import RGBColor

    from desktop.export.docx_xml import add_text

    pieces = [
        ("Russia deployed ", False),
        ("400", "conflict"),
        (" drones ", False),
        ("since August", "partial"),
        (" tab\there", "conflict"),
    ]
    colours = {"conflict": RGBColor(0xB0, 0x1E, 0x1E), "partial": RGBColor(0x9A, 0x5B, 0x00)}
    fast = docx.Document().add_paragraph()
    add_text(fast, pieces, colours=colours)
    slow = docx.Document().add_paragraph()
    for text, marked in pieces:  # what python-docx's own API writes
        run = slow.add_run(text)
        if marked:
            run.bold = run.underline = True
            run.font.color.rgb = colours[marked]
    assert fast._p.xml == slow._p.xml


def test_stamped_paragraphs_and_runs_copy_the_first_ones_formatting() -> None:
    from docx.shared import Pt

    from desktop.export.docx_xml import add_stamped, add_stamped_run

    def make(document):
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.keep_with_next = True
        paragraph.paragraph_format.space_after = Pt(0)
        return paragraph

    def style(run):
        run.font.size = Pt(9)
        run.bold = True

    document = docx.Document()
    first = add_stamped(document, "caption", make)
    add_stamped_run(first, "Reference, statement 3", "caption", style)
    second = add_stamped(document, "caption", make)
    add_stamped_run(second, "Report 2, statement 7", "caption", style)
    assert first._p.xml.replace("Reference, statement 3", "X") == second._p.xml.replace(
        "Report 2, statement 7", "X"
    )
    assert second.paragraph_format.keep_with_next and second.runs[0].bold
    assert second.runs[0].font.size == Pt(9)


def test_matrix_glyph_cells_copied_from_the_first_equal_a_fresh_one() -> None:
    from desktop.core.model import Support
    from desktop.export.docx_matrix import _glyph_cell

    table = docx.Document().add_table(rows=3, cols=1)
    first, second, other = (row.cells[0] for row in table.rows)
    _glyph_cell(first, Support.CONFLICT)  # built with python-docx
    _glyph_cell(second, Support.CONFLICT)  # copied from the first
    _glyph_cell(other, Support.AGREE)
    assert first._tc.xml == second._tc.xml
    assert first._tc.xml != other._tc.xml
    assert second.text == first.text and "F4B9B9" in second._tc.xml  # the red fill came along
