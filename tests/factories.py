"""Build test documents of every supported format, and hostile files, in a temporary folder."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

HEADLINE = "Russia and Iran agree drone deal, officials say"
PARAGRAPHS = (
    "Moscow and Tehran have deepened their defence ties under a deal, Western officials said.",
    "The deal was reportedly agreed earlier this month at a meeting in Iran. Production could "
    "begin within months.",
    "Russian forces have already deployed 400 Iranian-made drones since August, the U.S. said.",
)


@dataclass(frozen=True)
class Spec:
    """What a test document says: a title, a heading, paragraphs, list items, a table."""

    title: str = HEADLINE
    paragraphs: Sequence[str] = PARAGRAPHS
    heading: str | None = "Denials"
    bullets: Sequence[str] = ("Iran denied the report.", "Russia declined to comment.")
    table: Sequence[Sequence[str]] = (("Drones", "400"), ("Since", "August"))
    footnote: str | None = "Figures from the Washington Post."
    dateline: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


def make_txt(
    folder: Path, name: str, text: str, *, encoding: str = "utf-8", bom: bool = False
) -> Path:
    """A text file in ``encoding`` (with a byte-order mark when asked)."""
    data = text.encode(encoding)
    if bom:
        data = {"utf-8": b"\xef\xbb\xbf", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[
            encoding
        ] + data
    path = folder / name
    path.write_bytes(data)
    return path


def news_text(spec: Spec = Spec()) -> str:
    """The spec as a plain-text news story: headline, dateline, paragraphs."""
    lines = [spec.title, ""]
    if spec.dateline:
        lines += [spec.dateline, ""]
    for para in spec.paragraphs:
        lines += [para, ""]
    return "\n".join(lines)


def make_docx(
    folder: Path,
    name: str = "story.docx",
    spec: Spec = Spec(),
    *,
    core_title: str | None = None,
    created: str | None = None,
) -> Path:
    """A Word document: Title style, body, heading, bullets, a table, a footnote part."""
    import datetime

    import docx

    document = docx.Document()
    document.add_paragraph(spec.title, style="Title")
    if spec.dateline:
        document.add_paragraph(spec.dateline)
    for para in spec.paragraphs:
        document.add_paragraph(para)
    if spec.heading:
        document.add_heading(spec.heading, level=2)
    for item in spec.bullets:
        document.add_paragraph(item, style="List Bullet")
    if spec.table:
        table = document.add_table(rows=len(spec.table), cols=len(spec.table[0]))
        for r, row in enumerate(spec.table):
            for c, cell in enumerate(row):
                table.cell(r, c).text = cell
    if core_title:
        document.core_properties.title = core_title
    if created:
        document.core_properties.created = datetime.datetime.fromisoformat(created)
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    if spec.footnote:
        data = _add_member(data, "word/footnotes.xml", _footnotes_xml(spec.footnote))
    path = folder / name
    path.write_bytes(data)
    return path


def _footnotes_xml(text: str) -> bytes:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{w}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        f'</w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p>'
        "</w:footnote></w:footnotes>"
    ).encode()


def _add_member(data: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename != name:
                dst.writestr(info, src.read(info.filename))
        dst.writestr(name, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def replace_member(path: Path, name: str, content: bytes) -> Path:
    """Rewrite one member of a ZIP-based document (to plant hostile XML)."""
    path.write_bytes(_add_member(path.read_bytes(), name, content))
    return path


def make_pdf(
    folder: Path,
    name: str = "story.pdf",
    spec: Spec = Spec(),
    *,
    empty_pages: int = 0,
    text: bool = True,
) -> Path:
    """A PDF with a text layer (DejaVu when present, else a core font and ASCII)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title(spec.title)
    pdf.set_creation_date(__import__("datetime").datetime(2022, 11, 24, 6, 0))
    unicode_font = DEJAVU.exists()
    if unicode_font:
        pdf.add_font("DejaVu", "", str(DEJAVU))
    family = "DejaVu" if unicode_font else "Helvetica"
    pdf.add_page()
    if text:
        pdf.set_font(family, size=18)
        pdf.multi_cell(0, 9, _pdf_text(spec.title, unicode_font), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(family, size=11)
        for para in spec.paragraphs:
            pdf.multi_cell(0, 6, _pdf_text(para, unicode_font), new_x="LMARGIN", new_y="NEXT")
        if spec.heading:
            pdf.multi_cell(
                0, 6, _pdf_text(spec.heading, unicode_font), new_x="LMARGIN", new_y="NEXT"
            )
        bullet = "•" if unicode_font else "-"
        for item in spec.bullets:
            pdf.multi_cell(
                0, 6, _pdf_text(f"{bullet} {item}", unicode_font), new_x="LMARGIN", new_y="NEXT"
            )
    for _ in range(empty_pages):
        pdf.add_page()
    path = folder / name
    path.write_bytes(bytes(pdf.output()))
    return path


def _pdf_text(text: str, unicode_font: bool) -> str:
    return text if unicode_font else text.encode("ascii", "replace").decode()


def make_encrypted_pdf(folder: Path, name: str = "locked.pdf", *, password: str = "secret") -> Path:
    """A PDF that needs a password to open (pypdf's writer.encrypt)."""
    import pypdf

    source = make_pdf(folder, "plain-for-lock.pdf")
    writer = pypdf.PdfWriter(clone_from=str(source))
    writer.encrypt(user_password=password, owner_password=password + "-owner")
    path = folder / name
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def make_html(
    folder: Path,
    name: str = "page.html",
    spec: Spec = Spec(),
    *,
    charset: str = "utf-8",
    sitename: str = "Daily Courier",
    date: str = "2022-11-20",
) -> Path:
    """A page as saved from a browser: nav, cookie banner, ads, scripts, related links, footer."""
    body = "\n".join(f"<p>{escape(p)}</p>" for p in spec.paragraphs)
    items = "".join(f"<li>{escape(b)}</li>" for b in spec.bullets)
    page = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="{charset}">
<title>{escape(spec.title)} | {sitename}</title>
<meta property="og:title" content="{escape(spec.title)}">
<meta property="og:site_name" content="{sitename}">
<meta property="article:published_time" content="{date}T07:28:00Z">
<script>window.dataLayer = [{{"page": "article"}}]; function track() {{ return 1; }}</script>
<style>.ad {{ display: block; }}</style>
</head><body>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience.
 <button>Accept all cookies</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/subscribe">Subscribe now</a></li></ul></nav>
</header>
<main><article>
<h1>{escape(spec.title)}</h1>
<p class="byline">By Jane Doe | {sitename} | Published {date}</p>
{body}
<div class="ad advert" id="ad-slot-1">ADVERTISEMENT Buy cheap flights today, limited offer!</div>
<h2>{escape(spec.heading or "More")}</h2>
<ul>{items}</ul>
</article>
<aside class="related"><h3>Related stories</h3><ul>
<li><a href="/a">Celebrity chef opens new restaurant</a></li>
<li><a href="/b">Ten tips for a better night's sleep</a></li></ul></aside>
</main>
<footer><p>© 2022 {sitename}. All rights reserved.</p><a href="/privacy">Privacy policy</a>
</footer>
<script src="https://ads.example.com/tracker.js"></script>
</body></html>"""
    path = folder / name
    path.write_bytes(page.encode(charset, errors="xmlcharrefreplace"))
    return path


def make_rtf(folder: Path, name: str = "story.rtf", spec: Spec = Spec()) -> Path:
    """An RTF file (code page 1252) with an info title and one \\par per paragraph."""

    def rtf_escape(text: str) -> str:
        out = []
        for ch in text:
            if ch in "\\{}":
                out.append("\\" + ch)
            elif ord(ch) < 128:
                out.append(ch)
            else:
                try:
                    out.append("\\'" + ch.encode("cp1252").hex())
                except UnicodeEncodeError:
                    out.append(f"\\u{ord(ch)}?")
        return "".join(out)

    body = "".join(f"{rtf_escape(p)}\\par\n" for p in (spec.title, *spec.paragraphs))
    for item in spec.bullets:  # Word writes the bullet as a Symbol-font character in listtext
        body += f"{{\\listtext\\f1 \\u61623?\\tab}}{rtf_escape(item)}\\par\n"
    for row in spec.table:
        cells = "".join(f"{rtf_escape(cell)}\\cell " for cell in row)
        body += f"\\trowd\\cellx2000\\cellx4000 {cells}\\row\n"
    source = (
        "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Times New Roman;}}"
        f"{{\\info{{\\title {rtf_escape(spec.title)}}}}}\n\\f0\\fs24 {body}}}"
    )
    path = folder / name
    path.write_bytes(source.encode("ascii"))
    return path


ODT_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'
)


def odt_content(spec: Spec = Spec()) -> str:
    """content.xml for the spec: heading, paragraphs (with a note), a list, a table."""
    paras = [f"<text:p>{escape(p)}</text:p>" for p in spec.paragraphs]
    if spec.footnote and paras:
        note = (
            f'<text:note text:note-class="footnote"><text:note-citation>1'
            f"</text:note-citation><text:note-body><text:p>{escape(spec.footnote)}"
            "</text:p></text:note-body></text:note>"
        )
        paras[0] = paras[0].replace("</text:p>", note + "</text:p>")
    items = "".join(
        f"<text:list-item><text:p>{escape(b)}</text:p></text:list-item>" for b in spec.bullets
    )
    rows = "".join(
        "<table:table-row>"
        + "".join(f"<table:table-cell><text:p>{escape(c)}</text:p></table:table-cell>" for c in row)
        + "</table:table-row>"
        for row in spec.table
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {ODT_NS}>'
        f'<office:body><office:text><text:h text:outline-level="1">{escape(spec.title)}</text:h>'
        + "".join(paras)
        + (
            f'<text:h text:outline-level="2">{escape(spec.heading)}</text:h>'
            if spec.heading
            else ""
        )
        + f"<text:list>{items}</text:list><table:table>{rows}</table:table>"
        "</office:text></office:body></office:document-content>"
    )


def make_odt(
    folder: Path,
    name: str = "story.odt",
    spec: Spec = Spec(),
    *,
    content: str | None = None,
    meta_title: str | None = None,
    created: str = "2022-11-21T10:00:00",
) -> Path:
    """An ODT written by hand: the mimetype stored first, content.xml, meta.xml, a manifest."""
    meta = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta {ODT_NS}>'
        f"<office:meta><dc:title>{escape(meta_title or spec.title)}</dc:title>"
        f"<meta:creation-date>{created}</meta:creation-date></office:meta>"
        "</office:document-meta>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest='
        '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry '
        'manifest:full-path="/" manifest:media-type='
        '"application/vnd.oasis.opendocument.text"/></manifest:manifest>'
    )
    path = folder / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED
        )
        archive.writestr("content.xml", content if content is not None else odt_content(spec))
        archive.writestr("meta.xml", meta)
        archive.writestr("META-INF/manifest.xml", manifest)
    return path


# -- hostile files -------------------------------------------------------------------------

XXE = (
    b'<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM '
    b'"file:///etc/passwd">]>\n<w:document xmlns:w="http://schemas.openxmlformats.org/'
    b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>'
    b"</w:body></w:document>"
)
BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + f"]>\n<office:document-content {ODT_NS}><office:body><office:text>"
    "<text:p>&lol9;</text:p></office:text></office:body></office:document-content>"
)


def make_zip_bomb(
    folder: Path,
    name: str = "bomb.docx",
    *,
    inflated_mb: int = 20,
    member: str = "word/document.xml",
) -> Path:
    """A DOCX-shaped (or ODT-shaped) archive whose main part inflates to MBs of zeros."""
    path = folder / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open(member, "w", force_zip64=True) as handle:
            block = b"\0" * (1024 * 1024)
            for _ in range(inflated_mb):
                handle.write(block)
    return path


def make_truncated(source: Path, name: str, *, keep: float = 0.5) -> Path:
    """The first part of a file, as if a copy stopped half way."""
    data = source.read_bytes()
    path = source.parent / name
    path.write_bytes(data[: int(len(data) * keep)])
    return path
