"""One CSV row per link, UTF-8 with a byte-order mark so that Excel reads it as UTF-8."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from desktop.core.atomic import write_bytes_atomic
from desktop.core.model import Comparison, Link, Verdict, document_of
from desktop.export.text import (
    VERDICT_WORDS,
    clean,
    find_document,
    find_statement,
    findings_text,
    statement_number,
)

COLUMNS = (
    "reference_id",
    "reference_text",
    "report",
    "other_id",
    "other_text",
    "verdict",
    "machine_verdict",
    "score",
    "findings",
    "reviewed",
    "note",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    """Text a spreadsheet shows as text: a leading formula character is quoted with ``'``."""
    text = clean(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def link_row(comparison: Comparison, link: Link) -> list[str]:
    """The CSV cells of one link."""
    ref = find_statement(comparison, link.reference)
    other = find_statement(comparison, link.other)
    doc = find_document(comparison, document_of(link.other))
    machine = link.machine_verdict
    return [
        link.reference,
        safe_cell(ref.text if ref else ""),
        safe_cell(doc.title if doc else ""),
        link.other,
        safe_cell(other.text if other else ""),
        VERDICT_WORDS[link.verdict],
        VERDICT_WORDS[machine] if machine else "",
        f"{link.score:.1f}",
        safe_cell(findings_text(link.findings)),
        "yes" if link.reviewed else "no",
        safe_cell(link.note),
    ]


def comparison_to_csv(comparison: Comparison) -> str:
    """The CSV text: links in the reference's order, then by report."""
    order = {doc.id: i for i, doc in enumerate(comparison.documents)}
    links = sorted(
        (lk for lk in comparison.links if lk.verdict is not Verdict.UNRELATED or lk.reviewed),
        key=lambda lk: (
            lk.between_reports,
            order.get(document_of(lk.reference), 0),
            statement_number(lk.reference),
            order.get(document_of(lk.other), 0),
            statement_number(lk.other),
        ),
    )
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for link in links:
        writer.writerow(link_row(comparison, link))
    return buffer.getvalue()


def write_csv(comparison: Comparison, path: str | Path) -> None:
    """Write the CSV to ``path`` atomically."""
    write_bytes_atomic(path, comparison_to_csv(comparison).encode("utf-8-sig", "replace"))
