"""Files written by a real office suite (LibreOffice converts a factory DOCX) load well."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.loaders import load_document
from desktop.core.model import StatementRole
from tests.factories import HEADLINE, PARAGRAPHS, make_docx
from tests.office import SOFFICE, convert

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed"),
]


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("office")
    source = make_docx(folder, "story.docx")
    profile = tmp_path_factory.mktemp("profile")
    out: dict[str, Path] = {}
    for fmt in ("odt", "rtf", "pdf", "html"):
        out[fmt] = convert(source, fmt, profile=profile)
    return out


@pytest.mark.timeout(600)
@pytest.mark.parametrize("fmt", ["odt", "rtf", "pdf", "html"])
def test_office_export_keeps_headline_and_sentences(exports: dict[str, Path], fmt: str) -> None:
    doc = load_document(exports[fmt])
    texts = [s.text for s in doc.statements]
    assert doc.format == fmt
    assert doc.title == HEADLINE
    assert doc.statements[0].text == HEADLINE
    assert doc.statements[0].role is StatementRole.HEADLINE
    assert PARAGRAPHS[0] in texts
    assert "Production could begin within months." in texts
    assert PARAGRAPHS[2] in texts
    assert any(t.endswith("Iran denied the report.") for t in texts)
