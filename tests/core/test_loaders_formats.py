"""Every supported format loads into a Document with the right text, roles and metadata."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.errors import LoadError
from desktop.core.loaders import (
    SUPPORTED_SUFFIXES,
    build_document,
    is_supported,
    load_document,
)
from desktop.core.model import Document, StatementRole
from tests.factories import (
    HEADLINE,
    PARAGRAPHS,
    Spec,
    make_docx,
    make_html,
    make_odt,
    make_pdf,
    make_rtf,
    make_txt,
    news_text,
)


def texts(doc: Document) -> list[str]:
    return [statement.text for statement in doc.statements]


def roles(doc: Document) -> dict[str, StatementRole]:
    return {statement.text: statement.role for statement in doc.statements}


def assert_offsets(doc: Document) -> None:
    for statement in doc.statements:
        assert doc.text[statement.start : statement.end] == statement.text


def test_txt_news_story_has_headline_dateline_and_sentences(tmp_path: Path) -> None:
    spec = Spec(dateline="20 Nov, 2022 07:28 / Updated 2 years ago")
    path = make_txt(tmp_path, "story.txt", news_text(spec))
    doc = load_document(path)
    assert doc.format == "txt"
    assert doc.title == HEADLINE
    assert doc.published == "2022-11-20"
    assert roles(doc)[HEADLINE] is StatementRole.HEADLINE
    assert roles(doc)["20 Nov, 2022 07:28 / Updated 2 years ago"] is StatementRole.DATELINE
    assert "The deal was reportedly agreed earlier this month at a meeting in Iran." in texts(doc)
    assert doc.id == hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    assert [st.id for st in doc.statements][:2] == [f"{doc.id}:s0", f"{doc.id}:s1"]
    assert_offsets(doc)


FRENCH = (
    "Le café de la rue Saint-André a été fermé après l'enquête du préfet. "
    "Les élèves étaient déçus, et la directrice a réagi à la décision.\n"
) * 4
RUSSIAN = (
    "Москва и Тегеран углубили оборонное сотрудничество, сообщила газета. "
    "Иранские беспилотники будут собирать в России.\n"
) * 4


@pytest.mark.parametrize(
    ("text", "encoding", "bom"),
    [
        (FRENCH, "utf-8", False),
        (FRENCH, "utf-8", True),
        (FRENCH, "utf-16-le", True),
        (FRENCH, "utf-16-be", True),
        (FRENCH, "utf-16-le", False),
        (FRENCH, "cp1252", False),
        (RUSSIAN, "cp1251", False),
        (RUSSIAN, "utf-8", False),
    ],
)
def test_txt_encodings_are_detected(tmp_path: Path, text: str, encoding: str, bom: bool) -> None:
    doc = load_document(make_txt(tmp_path, "enc.txt", text, encoding=encoding, bom=bom))
    assert doc.text == text.strip()
    assert not doc.text.startswith("\ufeff")


def test_windows_line_endings_become_plain_breaks(tmp_path: Path) -> None:
    doc = load_document(make_txt(tmp_path, "crlf.txt", "Title line\r\n\r\nBody one. Body two.\r\n"))
    assert "\r" not in doc.text
    assert texts(doc) == ["Title line", "Body one.", "Body two."]


def test_markdown_markup_is_stripped(tmp_path: Path) -> None:
    source = (
        "---\ntitle: Drone deal\ndate: 2022-11-20\n---\n"
        "# Russia and Iran agree **drone** deal\n\n"
        "Moscow and *Tehran* agreed, [the Post](https://example.com) said. "
        "![a chart](chart.png)It was `confirmed`.\n\n"
        "## Reactions\n\n"
        "- Iran denied the report.\n"
        "- Russia declined to comment.\n\n"
        "| Drones | 400 |\n|---|---|\n| Since | August |\n\n"
        "```\ncode_is_not_prose()\n```\n"
    )
    path = tmp_path / "post.md"
    path.write_text(source, encoding="utf-8")
    doc = load_document(path)
    assert doc.format == "md"
    assert doc.title == "Drone deal"
    assert doc.published == "2022-11-20"
    for mark in ("**", "*", "[", "](", "`", "#", "!", "---"):
        assert mark not in doc.text
    assert "code_is_not_prose" not in doc.text
    by_text = roles(doc)
    assert by_text["Russia and Iran agree drone deal"] is StatementRole.HEADLINE
    assert by_text["Reactions"] is StatementRole.HEADING
    assert by_text["Iran denied the report."] is StatementRole.LIST_ITEM
    assert "Moscow and Tehran agreed, the Post said." in texts(doc)
    assert "Drones; 400" in texts(doc)


def test_docx_paragraphs_headings_lists_tables_footnotes(tmp_path: Path) -> None:
    doc = load_document(make_docx(tmp_path, created="2022-11-21T09:00:00"))
    assert doc.format == "docx"
    assert doc.title == HEADLINE
    assert doc.published == "2022-11-21"
    by_text = roles(doc)
    assert by_text[HEADLINE] is StatementRole.HEADLINE
    assert by_text["Denials"] is StatementRole.HEADING
    assert by_text["Iran denied the report."] is StatementRole.LIST_ITEM
    assert "Drones; 400" in texts(doc)
    assert "Figures from the Washington Post." in texts(doc)
    assert PARAGRAPHS[0] in texts(doc)
    assert_offsets(doc)


def test_docx_core_title_wins_over_first_heading(tmp_path: Path) -> None:
    doc = load_document(make_docx(tmp_path, core_title="Stored title"))
    assert doc.title == "Stored title"


def test_html_keeps_article_drops_page_furniture(tmp_path: Path) -> None:
    doc = load_document(make_html(tmp_path))
    assert doc.format == "html"
    assert doc.title == HEADLINE
    assert doc.published == "2022-11-20"
    assert doc.outlet == "Daily Courier"
    for para in PARAGRAPHS:
        assert para in doc.text
    for junk in (
        "cookies",
        "Subscribe",
        "ADVERTISEMENT",
        "dataLayer",
        "Celebrity chef",
        "All rights reserved",
        "Privacy policy",
        "display: block",
    ):
        assert junk not in doc.text, junk
    assert roles(doc)[HEADLINE] is StatementRole.HEADLINE


def test_html_date_is_not_guessed_from_a_copyright_line(tmp_path: Path) -> None:
    path = tmp_path / "undated.html"
    path.write_text(
        "<html><head><title>Drone deal</title></head><body><article><h1>Drone deal</h1>"
        f"<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p></article>"
        "<footer>© 2021 Daily Courier</footer></body></html>"
    )
    doc = load_document(path)
    assert doc.published is None
    assert PARAGRAPHS[0] in texts(doc)


def test_html_title_is_not_a_sub_heading(tmp_path: Path) -> None:
    path = tmp_path / "untitled.html"
    path.write_text(
        f"<html><head><title></title></head><body><p>{HEADLINE}</p>"
        f"<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p><h2>Denials</h2>"
        f"<p>{PARAGRAPHS[2]}</p></body></html>"
    )
    doc = load_document(path)
    assert doc.title == HEADLINE
    assert roles(doc)[HEADLINE] is StatementRole.HEADLINE


def test_plain_text_saved_as_htm_is_read_as_text(tmp_path: Path) -> None:
    doc = load_document(make_txt(tmp_path, "plain.htm", news_text()))
    assert doc.title == HEADLINE
    assert PARAGRAPHS[0] in texts(doc)


def test_html_declared_charset_is_honoured(tmp_path: Path) -> None:
    spec = Spec(title="Москва и Тегеран договорились", paragraphs=(RUSSIAN.strip(),))
    doc = load_document(make_html(tmp_path, "ru.htm", spec, charset="windows-1251"))
    assert "Иранские беспилотники будут собирать в России." in texts(doc)
    assert doc.title == "Москва и Тегеран договорились"


def test_pdf_text_layer_paragraphs_and_title(tmp_path: Path) -> None:
    doc = load_document(make_pdf(tmp_path))
    assert doc.format == "pdf"
    assert doc.title == HEADLINE
    assert doc.statements[0].text == HEADLINE
    assert doc.statements[0].role is StatementRole.HEADLINE
    assert "Production could begin within months." in texts(doc)
    assert PARAGRAPHS[2] in texts(doc)  # paragraphs without a blank line between them
    assert doc.published == "2022-11-24"  # from the PDF's creation date
    assert "Denials" in texts(doc)  # a one-line heading is not glued to what follows
    assert roles(doc)["• Iran denied the report."] is StatementRole.LIST_ITEM


def test_rtf_text_accents_and_title(tmp_path: Path) -> None:
    spec = Spec(paragraphs=("Le café a été fermé après l'enquête.", *PARAGRAPHS))
    doc = load_document(make_rtf(tmp_path, spec=spec))
    assert doc.format == "rtf"
    assert doc.title == HEADLINE
    assert "Le café a été fermé après l'enquête." in texts(doc)
    assert PARAGRAPHS[0] in texts(doc)
    assert "\\" not in doc.text and "{" not in doc.text
    assert roles(doc)["• Iran denied the report."] is StatementRole.LIST_ITEM
    assert "Drones; 400" in texts(doc)


def test_rtf_pictures_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "pic.rtf"
    path.write_text(
        "{\\rtf1\\ansi Before the picture.\\par {\\pict\\pngblip "
        + "89504e47" * 50_000
        + "}After it.\\par }"
    )
    assert texts(load_document(path)) == ["Before the picture.", "After it."]


def test_html_scripts_and_inline_images_are_dropped_json_ld_kept(tmp_path: Path) -> None:
    from desktop.core.loaders.htmlprep import strip_heavy

    page = (
        '<p>a</p><script>var x = "<p>fake</p>";</script><svg><path/></svg>'
        '<script type="application/ld+json">{"datePublished": "2022-11-20"}</script>'
        '<img src="data:image/png;base64,' + "A" * 5000 + '"><p>b</p>'
    )
    kept = strip_heavy(page)
    assert "fake" not in kept and "<path" not in kept and "AAAA" not in kept
    assert '"datePublished": "2022-11-20"' in kept and "<p>b</p>" in kept


def test_odt_headings_lists_tables_notes_meta(tmp_path: Path) -> None:
    doc = load_document(make_odt(tmp_path, meta_title="Meta title"))
    assert doc.format == "odt"
    assert doc.title == "Meta title"
    assert doc.published == "2022-11-21"
    by_text = roles(doc)
    assert by_text[HEADLINE] is StatementRole.HEADLINE
    assert by_text["Denials"] is StatementRole.HEADING
    assert by_text["Russia declined to comment."] is StatementRole.LIST_ITEM
    assert "Since; August" in texts(doc)
    assert PARAGRAPHS[0] in texts(doc)  # the note is not glued into the paragraph
    assert "Figures from the Washington Post." in texts(doc)


def test_unknown_suffix_with_text_loads_as_txt(tmp_path: Path) -> None:
    doc = load_document(make_txt(tmp_path, "notes.log", news_text()))
    assert doc.format == "txt"
    assert doc.title == HEADLINE


def test_unknown_suffix_with_pdf_content_loads_as_pdf(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path)
    renamed = pdf.rename(tmp_path / "download.bin")
    assert load_document(renamed).format == "pdf"


def test_title_falls_back_to_file_name(tmp_path: Path) -> None:
    text = "This report starts with a full sentence. It has no headline at all."
    doc = load_document(make_txt(tmp_path, "my-report.txt", text))
    assert doc.title == "my-report"


def test_wire_dateline_names_the_outlet(tmp_path: Path) -> None:
    text = "Drone deal agreed\n\nLONDON, Nov 19 (Reuters) – Russia and Iran agreed a deal."
    assert load_document(make_txt(tmp_path, "wire.txt", text)).outlet == "Reuters"


def test_byline_names_the_outlet(tmp_path: Path) -> None:
    text = "Drone deal agreed\n\nBy Jane Doe | The Courier | 20 November 2022\n\nRussia agreed."
    doc = load_document(make_txt(tmp_path, "byline.txt", text))
    assert doc.outlet == "The Courier"
    assert doc.published == "2022-11-20"


def test_build_document_rebuilds_the_same_statements(tmp_path: Path) -> None:
    doc = load_document(make_docx(tmp_path))
    again = build_document(
        doc.text,
        path=doc.path,
        fmt=doc.format,
        sha256=doc.sha256,
        title=doc.title,
        paragraphs=doc.paragraphs,
    )
    assert again.statements == doc.statements
    assert again.id == doc.id


def test_is_supported_by_suffix() -> None:
    for suffix in (".txt", ".md", ".docx", ".html", ".htm", ".pdf", ".rtf", ".odt"):
        assert suffix in SUPPORTED_SUFFIXES
        assert is_supported(f"folder/Report{suffix.upper()}")
    assert not is_supported("photo.jpg")
    assert not is_supported("README")


def test_seed_reference_roles(seeds_dir: Path) -> None:
    doc = load_document(seeds_dir / "reference-rt-drone-deal.txt")
    assert [st.role for st in doc.statements[:4]] == [
        StatementRole.HEADLINE,
        StatementRole.DATELINE,
        StatementRole.STANDFIRST,
        StatementRole.BODY,
    ]
    assert doc.published == "2022-11-20"
    assert len(doc.statements) == 16


def test_same_page_loaded_many_times_gives_the_same_text(tmp_path: Path) -> None:
    pages = [make_html(tmp_path, f"copy{i}.html") for i in range(5)]
    assert len({load_document(page).text for page in pages}) == 1


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")) | st.just("\n"),
        max_size=300,
    )
)
def test_any_utf8_text_round_trips(tmp_path: Path, text: str) -> None:
    path = tmp_path / "any.txt"
    path.write_text(text, encoding="utf-8")
    try:
        doc = load_document(path)
    except LoadError as exc:
        assert not text.strip() or "binary" in exc.reason
        return
    assert doc.text == "\n".join(line.rstrip() for line in text.split("\n")).strip()
    for statement in doc.statements:
        assert doc.text[statement.start : statement.end] == statement.text


def test_a_broken_pdf_page_is_left_out_with_a_debug_line(caplog) -> None:
    from desktop.core.loaders import pdf

    class BrokenPage:
        def extract_text(self) -> str:
            raise KeyError("/Contents")

    with caplog.at_level("DEBUG", logger="desktop.core.loaders.pdf"):
        assert pdf._page_text(BrokenPage()) is None
    assert any(r.exc_info and isinstance(r.exc_info[1], KeyError) for r in caplog.records)
