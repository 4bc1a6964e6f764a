"""The sample comparison: readable reports, and ground-truth labels that point at real text."""

from __future__ import annotations

import importlib
import json
import sys
from collections import Counter
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from rapidfuzz import fuzz

from desktop.core.loaders import load_document
from desktop.core.model import CONFLICT_KINDS, Document, FindingKind, StatementRole
from tests.conftest import SEEDS

LABELS = SEEDS / "labels.json"
VERDICTS = {"agree", "partial", "conflict"}
KINDS = {kind.value for kind in FindingKind}
# Every kind of disagreement the sample is meant to show must be labelled at least once.
REQUIRED_KINDS = {
    "number",
    "date",
    "quantity",
    "negation",
    "hedge",
    "entity",
    "attribution",
    "added-detail",
    "dropped-detail",
}
NOTE = "Constructed sample for Crosscheck; not real coverage."
PAGE_CLUTTER = (
    "Accept all cookies",
    "Related stories",
    "Lowest mortgage rates",
    "Sponsored",
    "Privacy policy",
    "Copyright 2022 NewsPortal24",
    "Share on Facebook",
    "Sport",
)


@cache
def labels() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(LABELS.read_text(encoding="utf-8"))
    return data


def reports() -> list[str]:
    return sorted(p.name for p in SEEDS.glob("report-*"))


@cache
def document(name: str) -> Document:
    return load_document(SEEDS / name)


def report_texts() -> Iterator[tuple[str, str]]:
    """Every (report, report_text) the labels hold, pairs and additions alike."""
    data = labels()
    for item in [*data["pairs"], *data["additions"]]:
        yield item["report"], item["report_text"]


def reference_texts() -> Iterator[str]:
    data = labels()
    for item in [*data["pairs"], *data["omissions"]]:
        yield item["reference_text"]


def test_labels_header_and_files() -> None:
    data = labels()
    assert data["format"] == "crosscheck-labels" and data["version"] == 1
    assert (SEEDS / data["reference"]).is_file()
    named = {item["report"] for key in ("pairs", "omissions", "additions") for item in data[key]}
    named |= {name for pair in data["copies"] for name in pair}
    assert named == set(reports()), "every sample report is labelled and every label names one"
    assert len(reports()) == 6


def test_pairs_use_the_vocabulary_and_kinds_fit_the_verdict() -> None:
    conflict_kinds = {kind.value for kind in CONFLICT_KINDS}
    for pair in labels()["pairs"]:
        kinds = set(pair["kinds"])
        assert pair["verdict"] in VERDICTS, pair
        assert kinds <= KINDS, pair
        assert pair["reason"].strip() and "\n" not in pair["reason"], pair
        # agree carries no finding; conflict needs a conflicting kind; partial has none of those
        expected = "agree" if not kinds else "conflict" if kinds & conflict_kinds else "partial"
        assert pair["verdict"] == expected, pair


def test_every_kind_of_disagreement_is_labelled() -> None:
    used = Counter(kind for pair in labels()["pairs"] for kind in pair["kinds"])
    assert set(used) >= REQUIRED_KINDS, REQUIRED_KINDS - set(used)
    verdicts = Counter(pair["verdict"] for pair in labels()["pairs"])
    assert min(verdicts.values()) >= 5 and 60 <= sum(verdicts.values()) <= 100, verdicts


def test_reference_quotes_occur_once_in_the_reference_file() -> None:
    text = (SEEDS / labels()["reference"]).read_text(encoding="utf-8")
    for quote in reference_texts():
        assert text.count(quote) == 1, quote


def test_no_pair_is_labelled_twice() -> None:
    keys = [(p["report"], p["report_text"]) for p in labels()["pairs"]]
    assert len(keys) == len(set(keys))
    omitted = {(o["report"], o["reference_text"]) for o in labels()["omissions"]}
    paired = {(p["report"], p["reference_text"]) for p in labels()["pairs"]}
    assert not omitted & paired, "a reference claim cannot be both matched and left out"


def _statement_holding(doc: Document, quote: str) -> str:
    """The one statement of ``doc`` containing ``quote`` (which occurs once in the text)."""
    assert doc.text.count(quote) == 1, f"{doc.path}: {quote!r} occurs {doc.text.count(quote)}x"
    start = doc.text.index(quote)
    holders = [s for s in doc.statements if s.start <= start and start + len(quote) <= s.end]
    assert len(holders) == 1, f"{doc.path}: {quote!r} is not inside one statement"
    return holders[0].id


def test_reference_quotes_sit_inside_one_reference_statement() -> None:
    reference = document(labels()["reference"])
    for quote in reference_texts():
        _statement_holding(reference, quote)


def test_report_quotes_sit_inside_one_extracted_statement() -> None:
    for name, quote in report_texts():
        _statement_holding(document(name), quote)


def test_each_report_statement_is_labelled_at_most_once() -> None:
    held = Counter(_statement_holding(document(name), quote) for name, quote in report_texts())
    assert max(held.values()) == 1, [sid for sid, n in held.items() if n > 1]


@pytest.mark.parametrize("name", reports())
def test_report_is_a_readable_article_of_the_right_length(name: str) -> None:
    doc = document(name)
    assert 12 <= len(doc.statements) <= 30, (name, len(doc.statements))
    assert "drone" in doc.text


def test_constructed_sample_note_is_in_metadata_not_in_the_statements() -> None:
    # The note marks the files as constructed without becoming a "claim" every report makes.
    import zipfile

    import docx
    from pypdf import PdfReader

    for name in reports():
        assert all(NOTE not in st.text for st in document(name).statements), name
    assert docx.Document(str(SEEDS / "report-03-daily.docx")).core_properties.comments == NOTE
    assert PdfReader(str(SEEDS / "report-05-weekly.pdf")).metadata.subject == NOTE
    with zipfile.ZipFile(SEEDS / "report-06-agency.odt") as odt:
        assert NOTE in odt.read("meta.xml").decode("utf-8")
    assert NOTE in (SEEDS / "report-04-portal.html").read_text(encoding="utf-8")


def test_saved_page_keeps_the_article_and_drops_the_clutter() -> None:
    text = document("report-04-portal.html").text
    assert "Iran's mission to the United Nations" in text
    for clutter in PAGE_CLUTTER:
        assert clutter not in text, clutter


def _verbatim_share(copy: Document, original: Document, *, cutoff: float = 90.0) -> float:
    """Share of the copy's statements that have a near-identical statement in the original."""

    def near(text: str) -> bool:
        return any(fuzz.ratio(text, s.text) >= cutoff for s in original.statements)

    return sum(near(s.text) for s in copy.statements) / len(copy.statements)


def test_copies_are_near_verbatim_and_other_reports_are_not() -> None:
    for copy, original in labels()["copies"]:
        assert _verbatim_share(document(copy), document(original)) >= 0.8
    wire = document("report-01-wire.txt")
    for name in ("report-02-blog.md", "report-03-daily.docx", "report-06-agency.odt"):
        assert _verbatim_share(document(name), wire) < 0.3, name


def test_generator_rebuilds_the_committed_samples(tmp_path: Path) -> None:
    sys.path.insert(0, str(SEEDS))
    try:
        make_samples = importlib.import_module("make_samples")
    finally:
        sys.path.remove(str(SEEDS))
    for name, sample in make_samples.SAMPLES.items():
        target = tmp_path / name
        make_samples.WRITERS[target.suffix](sample, target)
        if target.suffix in {".txt", ".md", ".html"}:
            assert target.read_bytes() == (SEEDS / name).read_bytes(), name
        else:
            assert load_document(target).text == document(name).text, name


# The reference says twice that Moscow and Tehran denied deliveries (standfirst and body):
# a report that repeats the denial is paired with the closer of the two.
DENIAL_TWINS = (
    "have repeatedly denied that any arms deliveries",
    "Previously, Moscow and Tehran denied",
)
UNCLAIMED_ROLES = {StatementRole.HEADLINE, StatementRole.HEADING, StatementRole.DATELINE}


def test_every_reference_claim_is_paired_or_omitted_in_each_report() -> None:
    reference = document(labels()["reference"])
    twins = {_statement_holding(reference, quote) for quote in DENIAL_TWINS}
    claims = {s.id for s in reference.statements if s.role not in UNCLAIMED_ROLES}
    for name in reports():
        items = [*labels()["pairs"], *labels()["omissions"]]
        accounted = {
            _statement_holding(reference, item["reference_text"])
            for item in items
            if item["report"] == name
        }
        left = claims - accounted
        assert left <= twins and len(left) < 2, (name, left)


@pytest.mark.parametrize("name", reports())
def test_every_report_statement_is_paired_or_added(name: str) -> None:
    doc = document(name)
    labelled = {
        _statement_holding(doc, quote) for report, quote in report_texts() if report == name
    }
    unlabelled = [s for s in doc.statements if s.id not in labelled]
    assert all(s.role in UNCLAIMED_ROLES for s in unlabelled), [s.text for s in unlabelled]
