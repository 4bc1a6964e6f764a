"""The CSV export: one row per link, UTF-8 with BOM, formulas neutralised."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from desktop.core.model import Comparison
from desktop.export.csvfile import COLUMNS, safe_cell, write_csv


def rows(path: Path) -> list[dict[str, str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM that makes Excel read UTF-8
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_one_row_per_link_with_every_column(comparison: Comparison, out_dir: Path) -> None:
    path = out_dir / "links.csv"
    write_csv(comparison, path)
    table = rows(path)
    assert len(table) == len(comparison.links)
    assert tuple(table[0]) == COLUMNS


def test_conflict_row_carries_its_evidence(comparison: Comparison, out_dir: Path) -> None:
    path = out_dir / "links.csv"
    write_csv(comparison, path)
    row = next(r for r in rows(path) if r["verdict"] == "conflict" and "450" in r["other_text"])
    assert row["report"] == "Россия и Иран договорились о производстве дронов"
    assert row["reference_text"].startswith("Russian forces have already deployed 400")
    assert row["findings"] == (
        "number: numbers differ: 400 vs 450 drones; "
        "date: dates differ: since August vs since September"
    )
    assert (row["score"], row["reviewed"], row["machine_verdict"]) == ("71.0", "no", "conflict")


def test_reviewed_rows_show_both_verdicts_and_the_note(
    comparison: Comparison, out_dir: Path
) -> None:
    path = out_dir / "links.csv"
    write_csv(comparison, path)
    row = next(r for r in rows(path) if r["note"].startswith("“More than 400”"))
    assert (row["verdict"], row["machine_verdict"], row["reviewed"]) == (
        "partial",
        "conflict",
        "yes",
    )
    by_hand = next(r for r in rows(path) if r["note"].startswith("Linked by hand"))
    assert by_hand["machine_verdict"] == ""


def test_rows_follow_the_reference_order(comparison: Comparison, out_dir: Path) -> None:
    path = out_dir / "links.csv"
    write_csv(comparison, path)
    ids = [r["reference_id"] for r in rows(path)]
    reference = [int(i.rsplit(":s", 1)[1]) for i in ids if i.startswith(comparison.reference.id)]
    assert reference == sorted(reference) and len(reference) == len(ids) - 1
    assert ids[-1] == comparison.reports[2].statements[3].id  # links between reports come last


def test_formula_text_is_quoted(comparison: Comparison, out_dir: Path) -> None:
    path = out_dir / "links.csv"
    write_csv(comparison, path)
    hostile = next(r for r in rows(path) if "HYPERLINK" in r["other_text"])
    assert hostile["other_text"].startswith("'=HYPERLINK")
    assert safe_cell("-5 degrees") == "'-5 degrees" and safe_cell("5 - 3") == "5 - 3"
