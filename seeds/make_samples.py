"""Rebuild the six constructed sample reports in this folder (not real coverage).

Run from the checkout: ``.venv/bin/python seeds/make_samples.py``. Needs the dev dependencies
fpdf2 and python-docx, odfpy, and the DejaVu fonts (so the PDF can hold curly quotes).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from portal_page import render_page
from sample_texts import NOTE, SAMPLES, Sample

HERE = Path(__file__).resolve().parent
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


def write_txt(sample: Sample, path: Path) -> None:
    """A wire story as plain text: headline, blank line, paragraphs."""
    text = "\n\n".join((sample.headline, *sample.paragraphs)) + "\n"
    path.write_text(text, encoding="utf-8")


def write_md(sample: Sample, path: Path) -> None:
    """A blog post in Markdown with a title, a byline line and a source link."""
    lines = [
        f"# {sample.headline}",
        "",
        f"*Posted {sample.published} by {sample.author} — source: "
        "[Washington Post](https://www.washingtonpost.com/)*",
        "",
    ]
    for para in sample.paragraphs:
        lines += [para, ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def write_docx(sample: Sample, path: Path) -> None:
    """A daily-paper article: Title style headline, one Heading 2, core properties set."""
    import docx

    document = docx.Document()
    document.add_heading(sample.headline, level=0)
    for para in sample.paragraphs:
        if not para.endswith("."):
            document.add_heading(para, level=2)
        else:
            document.add_paragraph(para)
    props = document.core_properties
    props.title = sample.headline
    props.author = sample.author
    props.comments = NOTE
    stamp = dt.datetime.fromisoformat(sample.published + "T06:00:00")
    props.created = stamp
    props.modified = stamp
    props.last_modified_by = sample.author
    document.save(str(path))


def write_html(sample: Sample, path: Path) -> None:
    """A saved news-portal page with the article in the middle of the clutter."""
    path.write_text(render_page(sample), encoding="utf-8")


def write_pdf(sample: Sample, path: Path) -> None:
    """A weekly-magazine PDF with a real text layer in DejaVu (curly quotes survive)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_title(sample.headline)
    pdf.set_author(sample.author)
    pdf.set_subject(NOTE)
    pdf.set_creation_date(dt.datetime.fromisoformat(sample.published + "T06:00:00+00:00"))
    pdf.add_font("DejaVu", "", str(DEJAVU / "DejaVuSerif.ttf"))
    pdf.add_font("DejaVu", "B", str(DEJAVU / "DejaVuSerif-Bold.ttf"))
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 16)
    pdf.multi_cell(0, 8, sample.headline, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("DejaVu", "", 10.5)
    for para in sample.paragraphs:
        pdf.multi_cell(0, 5.5, para, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2.5)
    pdf.output(str(path))


def write_odt(sample: Sample, path: Path) -> None:
    """An agency story as OpenDocument text: a heading, paragraphs and document metadata."""
    from odf import dc, meta
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    document = OpenDocumentText()
    document.meta.addElement(dc.Title(text=sample.headline))
    document.meta.addElement(dc.Creator(text=sample.author))
    document.meta.addElement(dc.Description(text=NOTE))
    document.meta.addElement(meta.CreationDate(text=sample.published + "T06:00:00"))
    document.text.addElement(H(outlinelevel=1, text=sample.headline))
    for para in sample.paragraphs:
        document.text.addElement(P(text=para))
    document.save(str(path))


WRITERS: dict[str, Callable[[Sample, Path], None]] = {
    ".txt": write_txt,
    ".md": write_md,
    ".docx": write_docx,
    ".html": write_html,
    ".pdf": write_pdf,
    ".odt": write_odt,
}


def main() -> None:
    """Write every sample report next to this script."""
    for name, sample in SAMPLES.items():
        target = HERE / name
        WRITERS[target.suffix](sample, target)
        print(f"wrote {target.name} ({target.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
