"""Reports name a page fetched from the web by its address and retrieval time; a pasted text
as such. File documents are written as before (the golden digests hold that too)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import docx
import jsonschema

from desktop.core.compare import compare_documents
from desktop.core.model import Comparison
from desktop.export import write_export
from desktop.export.htmlfile import comparison_to_html
from desktop.export.jsonfile import comparison_to_dict, load_schema
from desktop.export.text import file_name, source_name
from tests.core.test_claims import fake_judge
from tests.core.test_compare import OTHER, REF, WIRE

URL = "https://news.example/world/drone-deal.html"


def web_comparison() -> Comparison:
    page = dataclasses.replace(WIRE, path=URL, url=URL, retrieved="2026-12-05T18:20:07+00:00")
    return compare_documents(REF, [page, OTHER], judge=fake_judge)


def test_json_gives_a_page_its_address_and_time_and_stays_valid() -> None:
    data = comparison_to_dict(web_comparison())
    jsonschema.validate(data, load_schema())
    page, other = data["documents"][1:]
    assert (page["url"], page["retrieved"]) == (URL, "2026-12-05T18:20:07+00:00")
    assert "url" not in other and "retrieved" not in other  # files as before


def test_docx_and_html_name_the_address_and_the_retrieval_time(tmp_path: Path) -> None:
    comparison = web_comparison()
    expected = f"{URL}, fetched 5 Dec 2026, 18:20 UTC"
    assert source_name(comparison.reports[0]) == expected
    assert expected in comparison_to_html(comparison)
    path = tmp_path / "report.docx"
    write_export(comparison, path)
    cells = [c.text for t in docx.Document(str(path)).tables for r in t.rows for c in r.cells]
    assert any(expected in cell for cell in cells)


def test_file_names() -> None:
    assert file_name(URL) == URL
    assert file_name("/home/ana/story/report.docx") == "report.docx"
    assert file_name("C:\\news\\report.pdf") == "report.pdf"
    assert file_name("") == "pasted text"
