"""Word XML that python-docx has no API for: shading, header rows, fields, right-to-left text."""

from __future__ import annotations

import copy
import unicodedata
import weakref
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.shared import Length, Pt, RGBColor
from docx.table import Table, _Cell, _Row
from docx.text.font import Font
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from desktop.core.glyphs import AGREE, CONFLICT, PARTIAL, SOURCE
from desktop.export.text import clean

# Schema order of the children of w:tcPr and w:trPr; Word rejects files that break it.
_TCPR_ORDER = (
    "cnfStyle",
    "tcW",
    "gridSpan",
    "hMerge",
    "vMerge",
    "tcBorders",
    "shd",
    "noWrap",
    "tcMar",
    "textDirection",
    "tcFitText",
    "vAlign",
    "hideMark",
)
_TRPR_ORDER = (
    "cnfStyle",
    "divId",
    "gridBefore",
    "gridAfter",
    "wBefore",
    "wAfter",
    "cantSplit",
    "trHeight",
    "tblHeader",
    "tblCellSpacing",
    "jc",
    "hidden",
)
_PPR_AFTER_BIDI = (
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
)
_RPR_ORDER = (
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
)
SYMBOL_FONT = "Segoe UI Symbol"  # has the glyphs; LibreOffice falls back to DejaVu Sans
SYMBOLS = frozenset(AGREE + PARTIAL + CONFLICT + SOURCE)


def _put_in_order(parent: BaseOxmlElement, child: BaseOxmlElement, order: Sequence[str]) -> None:
    """Insert ``child`` (replacing one of the same tag) where the schema wants it."""
    tag = child.tag.split("}")[1]
    for old in parent.findall(qn(f"w:{tag}")):
        parent.remove(old)
    later = order[order.index(tag) + 1 :]
    for existing in parent:
        if existing.tag.split("}")[1] in later:
            existing.addprevious(child)
            return
    parent.append(child)


def use_current_word_layout(document: DocxDocument) -> None:
    """Mark the file as Word 2013+ so Word does not open it in "Compatibility Mode"."""
    for setting in document.settings.element.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")


def shade_cell(cell: _Cell, fill: str) -> None:
    """Give a table cell a solid background colour (``fill`` as RRGGBB)."""
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    _put_in_order(cell._tc.get_or_add_tcPr(), shd, _TCPR_ORDER)


def repeat_as_header(row: _Row) -> None:
    """Repeat this row at the top of every page the table runs onto."""
    _put_in_order(row._tr.get_or_add_trPr(), OxmlElement("w:tblHeader"), _TRPR_ORDER)


def keep_row_together(row: _Row) -> None:
    """Never split this row across two pages."""
    _put_in_order(row._tr.get_or_add_trPr(), OxmlElement("w:cantSplit"), _TRPR_ORDER)


def set_column_widths(table: Table, widths: Sequence[Length]) -> None:
    """Fix column widths in both the grid (LibreOffice) and every cell (Word)."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=False):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = width


_STYLE_IDS: weakref.WeakKeyDictionary[object, dict[str, str]] = weakref.WeakKeyDictionary()


def add_styled(document: DocxDocument, style: str, text: str = "") -> Paragraph:
    """A paragraph in a built-in style; set by id, as python-docx's lookup by name is slow."""
    paragraph = document.add_paragraph(clean(text))
    ids = _STYLE_IDS.setdefault(document.part, {})
    if style not in ids:
        ids[style] = document.styles[style].style_id
    paragraph._p.style = ids[style]
    return paragraph


_STAMPS: weakref.WeakKeyDictionary[object, dict[str, Any]] = weakref.WeakKeyDictionary()


def add_stamped(
    document: DocxDocument, key: str, make: Callable[[DocxDocument], Paragraph]
) -> Paragraph:
    """A new body paragraph formatted like the first one ``make`` built under ``key``.

    python-docx's formatting setters search their parent's children on every call; copying the
    first paragraph's properties gives the same XML for thousands of entries at a fraction of
    the cost.
    """
    stamps = _STAMPS.setdefault(document.part, {})
    key = f"paragraph:{key}"
    if key not in stamps:
        paragraph = make(document)
        ppr = paragraph._p.pPr
        stamps[key] = copy.deepcopy(ppr) if ppr is not None else None
        return paragraph
    paragraph = document.add_paragraph()
    if stamps[key] is not None:
        paragraph._p.insert(0, copy.deepcopy(stamps[key]))
    return paragraph


def add_stamped_run(paragraph: Paragraph, text: str, key: str, style: Callable[[Run], None]) -> Run:
    """A run formatted like the first one ``style`` formatted under ``key`` (in this document)."""
    stamps = _STAMPS.setdefault(paragraph.part, {})
    key = f"run:{key}"  # runs and paragraphs may share a name; their stamps differ
    run = paragraph.add_run(clean(text))
    if key not in stamps:
        style(run)
        rpr = run._r.rPr
        stamps[key] = copy.deepcopy(rpr) if rpr is not None else None
    elif stamps[key] is not None:
        run._r.insert(0, copy.deepcopy(stamps[key]))
    return run


def add_heading(document: DocxDocument, text: str, level: int) -> Paragraph:
    """A built-in heading (level 0 is the title), so Word's navigation pane lists it."""
    return add_styled(document, "Title" if level == 0 else f"Heading {level}", text)


def add_field(paragraph: Paragraph, instruction: str, placeholder: str = "1") -> None:
    """Append a Word field (``PAGE``, ``NUMPAGES``) that the reader computes when it lays out."""

    def char(kind: str) -> BaseOxmlElement:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    for part in (char("begin"), instr, char("separate")):
        paragraph.add_run()._r.append(part)
    paragraph.add_run(placeholder)
    paragraph.add_run()._r.append(char("end"))


def add_page_numbers(section: Section, label: str) -> None:
    """Footer ``label · Page N of M``, centred."""
    footer = section.footer
    paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run(f"{clean(label)} · Page ")
    add_field(paragraph, "PAGE")
    paragraph.add_run(" of ")
    add_field(paragraph, "NUMPAGES")
    for run in paragraph.runs:
        run.font.size = Pt(8)


def set_orientation(section: Section, *, landscape: bool) -> None:
    """Turn a section to landscape or portrait, swapping the page sides as Word expects."""
    width, height = section.page_width, section.page_height
    if width is None or height is None:
        return
    wide = width > height
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    if wide != landscape:
        section.page_width, section.page_height = height, width


def is_rtl(text: str) -> bool:
    """Whether most letters of ``text`` belong to a right-to-left script (Arabic, Hebrew…)."""
    letters = [ch for ch in text if ch.isalpha()]
    rtl = sum(1 for ch in letters if unicodedata.bidirectional(ch) in ("R", "AL"))
    return bool(letters) and rtl * 2 > len(letters)


def make_rtl(paragraph: Paragraph) -> None:
    """Lay a paragraph out right to left, with its runs marked as complex script."""
    ppr = paragraph._p.get_or_add_pPr()
    _put_in_order(ppr, OxmlElement("w:bidi"), ("bidi", *_PPR_AFTER_BIDI))
    for run in paragraph.runs:
        rpr = run._r.get_or_add_rPr()
        # Word formats right-to-left runs with the complex-script twins of bold and size.
        if rpr.find(qn("w:b")) is not None:
            _put_in_order(rpr, OxmlElement("w:bCs"), _RPR_ORDER)
        size = rpr.find(qn("w:sz"))
        if size is not None:
            twin = OxmlElement("w:szCs")
            twin.set(qn("w:val"), size.get(qn("w:val")))
            _put_in_order(rpr, twin, _RPR_ORDER)
        _put_in_order(rpr, OxmlElement("w:rtl"), _RPR_ORDER)


def add_text(
    paragraph: Paragraph,
    pieces: Iterable[tuple[str, object]],
    *,
    colours: Mapping[object, RGBColor] | None = None,
    detect_rtl: bool = False,
) -> None:
    """Append text pieces; marked ones bold, underlined and coloured by mark (legible in grey).

    With ``detect_rtl`` a paragraph mostly in Arabic or Hebrew is laid out right to left;
    leave it off for labels that mix a left-to-right prefix with a title.
    """
    for text, marked in pieces:
        colour = (colours or {}).get(marked) if marked else None
        _append_run(paragraph, clean(text), marked=bool(marked), colour=colour)
    if detect_rtl and is_rtl(paragraph.text):
        make_rtl(paragraph)


def _append_run(paragraph: Paragraph, text: str, *, marked: bool, colour: RGBColor | None) -> None:
    """``paragraph.add_run`` with bold, underline and colour, built directly in the XML.

    The same elements python-docx writes (``w:b``, ``w:color``, ``w:u`` in schema order) at a
    fraction of the cost, which matters in reports with thousands of quotes. Tabs and line breaks
    take python-docx's path, which turns them into ``w:tab`` and ``w:br``.
    """
    if any(ch in text for ch in "\t\n\r"):
        run = paragraph.add_run(text)
        if marked:
            run.bold = run.underline = True
            if colour is not None:
                run.font.color.rgb = colour
        return
    r = OxmlElement("w:r")
    if marked:
        rpr = OxmlElement("w:rPr")
        rpr.append(OxmlElement("w:b"))
        if colour is not None:
            rpr.append(OxmlElement("w:color", {qn("w:val"): str(colour)}))
        rpr.append(OxmlElement("w:u", {qn("w:val"): "single"}))
        r.append(rpr)
    t = OxmlElement("w:t")
    t.text = text
    if text[:1].isspace() or text[-1:].isspace():
        t.set(qn("xml:space"), "preserve")
    r.append(t)
    paragraph._p.append(r)


def set_table_look(table: Table, *, first_column: bool) -> None:
    """Whether the table style emphasises the first column (off where it holds prose)."""
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    if look is None:
        look = OxmlElement("w:tblLook")
        table._tbl.tblPr.append(look)
    look.set(qn("w:firstColumn"), "1" if first_column else "0")
    look.set(qn("w:val"), "04A0" if first_column else "0420")


def set_style_font(font: Font, name: str) -> None:
    """Use one font for every script, so Word and LibreOffice pick the same face."""
    font.name = name
    fonts = font.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)


def add_symbol(paragraph: Paragraph, glyph: str) -> None:
    """Append one matrix glyph in a font that has it."""
    run = paragraph.add_run(glyph)
    run.font.name = SYMBOL_FONT
    fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:eastAsia", "w:cs"):
        fonts.set(qn(attr), SYMBOL_FONT)


def set_symbol_font(paragraph: Paragraph) -> None:
    """Use a font that has the matrix glyphs for every run of the paragraph."""
    for run in paragraph.runs:
        run.font.name = SYMBOL_FONT
        fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
        for attr in ("w:eastAsia", "w:cs"):
            fonts.set(qn(attr), SYMBOL_FONT)
