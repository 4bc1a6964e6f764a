"""The DOCX report read back with python-docx: structure, matrix, evidence, Word details."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.table import Table
from pypdf import PdfReader

from desktop import __version__
from desktop.core.glyphs import GLYPHS
from desktop.core.kinds import KINDS
from desktop.core.model import Action, Comparison, Decision, Finding, FindingKind, Link, Verdict
from desktop.core.summary import count_comparison
from desktop.export.docx_report import write_docx_report
from desktop.export.options import ReportOptions
from desktop.export.text import FILLS, LEGEND
from tests.export.conftest import build_comparison
from tests.export.test_methods import conflict_kinds_named, listed, partial_kinds_named
from tests.office import SOFFICE, convert

WHEN = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
TCPR_ORDER = ("tcW", "gridSpan", "vMerge", "tcBorders", "shd", "noWrap", "tcMar", "vAlign")


def written(comparison: Comparison, tmp_path: Path, **kwargs: object) -> DocxDocument:
    path = tmp_path / "report.docx"
    kwargs.setdefault("generated", WHEN)
    write_docx_report(comparison, path, **kwargs)  # type: ignore[arg-type]
    return docx.Document(str(path))


def headings(doc: DocxDocument, level: int) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name == f"Heading {level}"]


def matrix_tables(doc: DocxDocument) -> list[Table]:
    return [
        t
        for t in doc.tables
        if t.rows[0].cells[0].text == "#" and t.rows[0].cells[-1].text == "Backed by"
    ]


def fill(cell: object) -> str | None:
    shd = cell._tc.tcPr.find(qn("w:shd"))  # type: ignore[attr-defined]
    return None if shd is None else shd.get(qn("w:fill"))


def test_sections_are_built_in_headings_in_order(comparison: Comparison, tmp_path: Path) -> None:
    doc = written(comparison, tmp_path)
    assert headings(doc, 1) == [
        "Documents compared",
        "Summary per report",
        "Claim matrix",
        "Conflicts and partial agreements",
        "Omissions and additions",
        "Methods",
    ]
    assert [p.text for p in doc.paragraphs if p.style.name == "Title"] == [
        comparison.reference.title
    ]


def test_cover_has_date_version_and_plain_summary(comparison: Comparison, tmp_path: Path) -> None:
    text = "\n".join(p.text for p in written(comparison, tmp_path).paragraphs[:12])
    assert "25 November 2026, 09:30" in text
    assert f"Crosscheck {__version__}" in text
    totals = count_comparison(comparison)
    assert (
        f"5 reports; {7 + totals.added_claims} claims: 7 from the reference, "
        f"{totals.added_claims} added by reports; 2 conflicts (2 reports, 2 claims)"
    ) in text
    assert "1 claim of the reference appears in no other report" in text
    assert "are copies of the same wire text" in text


def test_documents_table_lists_every_document_and_skipped_file(
    comparison: Comparison, tmp_path: Path
) -> None:
    doc = written(comparison, tmp_path)
    table = doc.tables[0]
    assert len(table.rows) == 1 + len(comparison.documents)
    row = table.rows[2].cells
    assert row[1].text == "Россия и Иран договорились о производстве дронов"
    assert "kommersant-drony.docx" in row[3].text and "DOCX" in row[3].text
    assert row[4].text == "4" and row[5].text == comparison.reports[0].sha256[:12]
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "scan.pdf: the PDF has no text layer; it may be a scan" in body


def test_summary_table_counts(comparison: Comparison, tmp_path: Path) -> None:
    table = next(
        t for t in written(comparison, tmp_path).tables if t.rows[0].cells[1].text == "Report"
    )
    first = [c.text for c in table.rows[1].cells]
    # Kommersant: agrees on statements 2 and 3, conflicts on 4, leaves out the other four.
    assert first[2:6] == ["2", "0", "1", "4"]


def test_matrix_cells_have_glyph_and_shading(comparison: Comparison, tmp_path: Path) -> None:
    table = matrix_tables(written(comparison, tmp_path))[0]
    header = [c.text for c in table.rows[0].cells]
    assert header[:3] == ["#", "Claim", "Ref."] and header[-1] == "Backed by"
    by_glyph = {GLYPHS[s]: FILLS[s] for s in LEGEND}
    for row in table.rows[1:]:
        for cell in row.cells[2:-1]:
            assert fill(cell) == by_glyph[cell.text]
    statement_4 = next(r for r in table.rows if r.cells[0].text == "4")
    assert statement_4.cells[3].text == "✗"  # report 1 says 450 drones, not 400
    assert statement_4.cells[-1].text == "1"
    assert any(r.cells[0].text == "+1" for r in table.rows)  # a claim three reports add


def test_matrix_header_repeats_and_rows_do_not_split(
    comparison: Comparison, tmp_path: Path
) -> None:
    doc = written(comparison, tmp_path)
    for table in (t for t in doc.tables if len(t.rows) > 1):  # the legend is one row
        tr_pr = table.rows[0]._tr.trPr
        assert tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None
    matrix = matrix_tables(doc)[0]
    assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in matrix.rows[1:])


def test_cell_properties_follow_the_schema_order(comparison: Comparison, tmp_path: Path) -> None:
    for table in written(comparison, tmp_path).tables:
        for row in table.rows:
            for cell in row.cells:
                tags = [child.tag.split("}")[1] for child in cell._tc.tcPr]
                assert tags == sorted(tags, key=TCPR_ORDER.index)


def test_legend_names_every_glyph(comparison: Comparison, tmp_path: Path) -> None:
    doc = written(comparison, tmp_path)
    legend = next(t for t in doc.tables if len(t.rows) == 1)
    assert [c.text for c in legend.rows[0].cells] == [
        "✓ agrees",
        "◐ agrees in part",
        "✗ conflicts",
        "– missing",
        "● source",
    ]


def test_landscape_only_for_many_documents(tmp_path: Path) -> None:
    wide = written(build_comparison(5), tmp_path)
    assert [s.page_width > s.page_height for s in wide.sections] == [False, True, False]
    narrow = written(build_comparison(3), tmp_path)
    assert len(narrow.sections) == 1


def test_many_reports_split_the_matrix(tmp_path: Path) -> None:
    doc = written(build_comparison(14), tmp_path)
    tables = matrix_tables(doc)
    assert len(tables) == 2
    assert [c.text for c in tables[1].rows[0].cells][3] == "12"
    assert "Reports 1–11" in headings(doc, 2) and "Reports 12–14" in headings(doc, 2)


def quotes(doc: DocxDocument) -> list[object]:
    return [p for p in doc.paragraphs if p.style.name == "Quote"]


def quoted(paragraph: object) -> str:
    """A quote's words without the bold label saying whose they are."""
    return "".join(r.text for r in paragraph.runs[1:])  # type: ignore[attr-defined]


def marked_runs(paragraph: object) -> list[str]:
    """The highlighted words of a quote (bold and underlined; the label is only bold)."""
    return [r.text for r in paragraph.runs if r.bold and r.underline]  # type: ignore[attr-defined]


def test_conflicts_first_with_highlighted_words(comparison: Comparison, tmp_path: Path) -> None:
    doc = written(comparison, tmp_path)
    marked = [marked_runs(q) for q in quotes(doc)]
    assert ["400", "since August"] in marked
    assert ["С сентября", "450"] in marked
    partial = next(i for i, m in enumerate(marked) if "Western security officials" in m)
    assert marked.index(["400", "since August"]) < partial  # conflicts before partials
    run = next(r for q in quotes(doc) for r in q.runs if r.text == "450")  # type: ignore[attr-defined]
    assert run.font.color.rgb is not None and run.underline


def test_findings_messages_scores_and_review(comparison: Comparison, tmp_path: Path) -> None:
    body = "\n".join(p.text for p in written(comparison, tmp_path).paragraphs)
    assert "number: numbers differ: 400 vs 450 drones" in body
    assert "Score 71" not in body and "not reviewed" not in body  # said only of reviewed links
    assert (
        "engine verdict: conflict · reviewer changed it to partial. Note: “More than 400” "
        "is compatible with 400"
    ) in body
    assert "linked by hand as partial. Note: Linked by hand; the engine missed it." in body


def test_conflicts_between_reports(comparison: Comparison, tmp_path: Path) -> None:
    doc = written(comparison, tmp_path)
    assert "Conflicts between reports" in headings(doc, 2)
    heading = headings(doc, 3)[-1]
    assert heading == "Report 3, statement 4 against Report 4, statement 4"
    marked = [marked_runs(q) for q in quotes(doc)]
    assert marked[-2:] == [["denied"], ["confirmed"]]


def test_partials_can_be_left_out(comparison: Comparison, tmp_path: Path) -> None:
    doc = written(comparison, tmp_path, options=ReportOptions(include_partials=False))
    assert "Partial agreements" not in headings(doc, 2)
    assert "Conflicts" in headings(doc, 1)
    assert len(quotes(doc)) == 6  # three conflicts (one between reports), two quotes each


def test_sections_can_be_chosen(comparison: Comparison, tmp_path: Path) -> None:
    options = ReportOptions(sections=frozenset({"summary", "methods"}))
    doc = written(comparison, tmp_path, options=options)
    assert headings(doc, 1) == ["Summary per report", "Methods"]


def test_omissions_and_additions(comparison: Comparison, tmp_path: Path) -> None:
    doc = written(comparison, tmp_path)
    body = "\n".join(p.text for p in doc.paragraphs)
    arabic = "إيران وروسيا تتفقان على تصنيع الطائرات المسيرة"
    assert f"Report 2, {arabic}\u200e: 5 of 7 missing: claim 1; claim 3 “" in body  # mark keeps ":"
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Claim")
    made_by = {r.cells[0].text: r.cells[1].text for r in table.rows[1:]}
    assert made_by["Киев сообщил, что над столицей сбиты «Шахеды»."] == "1 (single source)"
    assert made_by["ونفت طهران أن تكون قد أرسلت أي أسلحة منذ بدء الحرب."] == "2, 3, 4 (3 reports)"


def test_methods_record_options_and_review(comparison: Comparison, tmp_path: Path) -> None:
    doc = written(comparison, tmp_path)
    options = next(t for t in doc.tables if t.rows[0].cells[0].text == "Setting")
    values = {r.cells[0].text: r.cells[1].text for r in options.rows[1:]}
    assert values["Link threshold (minimum link score, 30–100; higher is stricter)"] == "45"
    assert values["Name aliases"] == "Kiev = Kyiv; Tehran = Iran"
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "4 review decisions: 2 confirmed, 1 changed, 0 unlinked, 1 linked by hand." in body
    assert "crosscheck-cli compare reference-rt-drone-deal.txt kommersant-drony.docx" in body


def test_methods_say_which_kinds_make_a_conflict(comparison: Comparison, tmp_path: Path) -> None:
    doc = written(comparison, tmp_path)
    methods = "\n".join(p.text for p in doc.paragraphs).split("How verdicts are made")[1]
    assert conflict_kinds_named(methods) == {i.label for i in KINDS.values() if i.conflict}
    assert {"hedge", "source"} <= partial_kinds_named(methods)
    assert "under half of the shorter one's content words" in methods
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Kind")
    makes = {r.cells[0].text: r.cells[1].text for r in table.rows[1:]}
    assert makes == {i.label: i.makes for i in KINDS.values()}
    assert makes["hedge"] == makes["source"] == "partial agreement"


def test_findings_lead_colours_kinds_as_the_table_does(
    comparison: Comparison, tmp_path: Path
) -> None:
    body = "\n".join(p.text for p in written(comparison, tmp_path).paragraphs)
    assert listed(body, r"red where they conflict \((.+?)\)") == {
        i.label for i in KINDS.values() if i.conflict
    }
    assert listed(body, r"amber where they make a partial agreement \((.+?)\)") == {
        i.label for i in KINDS.values() if not i.conflict
    }


def test_methods_count_given_decisions(comparison: Comparison, tmp_path: Path) -> None:
    decisions = [Decision("a:s0", "b:s0", Action.UNLINK), Decision("a:s1", "b:s1", Action.CONFIRM)]
    body = "\n".join(p.text for p in written(comparison, tmp_path, decisions=decisions).paragraphs)
    assert "2 review decisions: 1 confirmed, 0 changed, 1 unlinked, 0 linked by hand." in body


def test_not_in_compatibility_mode(comparison: Comparison, tmp_path: Path) -> None:
    settings = written(comparison, tmp_path).settings.element
    modes = [
        s.get(qn("w:val"))
        for s in settings.iter(qn("w:compatSetting"))
        if s.get(qn("w:name")) == "compatibilityMode"
    ]
    assert modes == ["15"]


def test_footer_has_page_field(comparison: Comparison, tmp_path: Path) -> None:
    footer = written(comparison, tmp_path).sections[0].footer._element
    instructions = [e.text.strip() for e in footer.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]


def test_core_properties(comparison: Comparison, tmp_path: Path) -> None:
    props = written(comparison, tmp_path).core_properties
    assert props.title == comparison.reference.title
    assert props.author == "" and props.last_modified_by == ""
    assert props.subject.startswith("5 reports compared with")
    named = written(
        comparison, tmp_path, options=ReportOptions(author="Ана Ли", title="Drone deal")
    ).core_properties
    assert (named.author, named.title) == ("Ана Ли", "Drone deal")
    moscow = WHEN.astimezone(timezone(timedelta(hours=3)))
    assert written(comparison, tmp_path, generated=moscow).core_properties.created == WHEN


def test_unicode_and_hostile_text_round_trip(comparison: Comparison, tmp_path: Path) -> None:
    doc = written(comparison, tmp_path)
    cells = {c.text for t in doc.tables for r in t.rows for c in r.cells}
    assert "إيران وروسيا تتفقان على تصنيع الطائرات المسيرة" in cells
    assert "Kremlin <b>denies</b> & rejects “drone deal” <script>alert('x')</script>" in cells


def test_arabic_paragraphs_run_right_to_left(comparison: Comparison, tmp_path: Path) -> None:
    doc = written(comparison, tmp_path)
    arabic = next(q for q in quotes(doc) if quoted(q).startswith("قال"))
    assert arabic._p.pPr.find(qn("w:bidi")) is not None
    cell = next(
        c for t in doc.tables for r in t.rows for c in r.cells if c.text.startswith("إيران وروسيا")
    )
    run = cell.paragraphs[0].runs[0]._r.rPr
    assert run.find(qn("w:rtl")) is not None
    assert run.find(qn("w:szCs")).get(qn("w:val")) == run.find(qn("w:sz")).get(qn("w:val"))
    english = quotes(doc)[0]
    assert english._p.pPr.find(qn("w:bidi")) is None  # type: ignore[attr-defined]


def test_bad_offsets_and_missing_statements_do_not_crash(
    comparison: Comparison, tmp_path: Path
) -> None:
    ref, other = comparison.reference.statements[1], comparison.reports[0].statements[0]
    wild = Link(
        ref.id,
        other.id,
        60.0,
        Verdict.CONFLICT,
        (Finding(FindingKind.NUMBER, "odd\x07 spans", (-5, 9999), (40, 3)),),
    )
    ghost = Link("nowhere:s3", other.id, 60.0, Verdict.CONFLICT)
    broken = Comparison(
        comparison.reference,
        comparison.reports,
        (*comparison.links, wild, ghost),
        comparison.claims,
    )
    doc = written(broken, tmp_path)
    assert any(quoted(q) == ref.text for q in quotes(doc))
    assert "number: odd spans" in "\n".join(p.text for p in doc.paragraphs)


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
@pytest.mark.timeout(180)
def test_libreoffice_opens_the_report(comparison: Comparison, tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    write_docx_report(comparison, path)
    pages = PdfReader(convert(path, "pdf", profile=tmp_path / "lo", timeout=170)).pages
    text = "".join(page.extract_text() for page in pages)
    assert len(pages) >= 5 and "Claim matrix" in text and "Коммерсантъ" in text


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
@pytest.mark.timeout(240)
def test_sample_report_fits_ten_pages_without_dropping_a_finding(tmp_path: Path) -> None:
    from desktop.core.compare import compare_documents
    from desktop.core.loaders import load_document
    from desktop.paths import sample_files

    reference, *reports = [load_document(p) for p in sample_files()]
    sample = compare_documents(reference, reports)
    path = tmp_path / "sample.docx"
    write_docx_report(sample, path)
    body = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    # Every finding of a conflict or partial agreement with the reference, and of a conflict
    # between two reports (the report never listed partials between two reports).
    shown = [
        f.message
        for k in sample.links
        for f in k.findings
        if k.verdict is Verdict.CONFLICT or (k.verdict is Verdict.PARTIAL and not k.between_reports)
    ]
    assert shown and all(message in body for message in shown)
    pages = PdfReader(convert(path, "pdf", profile=tmp_path / "lo", timeout=230)).pages
    assert len(pages) <= 10
    lines = [len(page.extract_text().strip().splitlines()) for page in pages]
    assert min(lines) >= 8, lines  # no nearly empty page (the footer alone is one line)
