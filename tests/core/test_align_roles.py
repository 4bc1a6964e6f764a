"""Section headings and datelines are structure, not claims: no links, no additions."""

from __future__ import annotations

from pathlib import Path

from desktop.core.compare import compare_documents
from desktop.core.loaders import load_document
from desktop.core.model import StatementRole


def test_section_heading_is_not_a_claim_or_addition(tmp_path: Path) -> None:
    ref = tmp_path / "ref.md"
    ref.write_text(
        "# Drone deal\n\nRussia deployed 400 drones since August.\n\n"
        "Iran denied supplying the drones.\n",
        encoding="utf-8",
    )
    rep = tmp_path / "rep.md"
    rep.write_text(
        "# Drone deal agreed\n\nRussia deployed 400 drones since August.\n\n"
        "## Denials and admissions\n\nIran denied supplying the drones.\n",
        encoding="utf-8",
    )
    reference, report = load_document(ref), load_document(rep)
    heading = next(s for s in report.statements if s.text == "Denials and admissions")
    assert heading.role is StatementRole.HEADING
    comparison = compare_documents(reference, [report])
    assert all(heading.id != link.other for link in comparison.links)
    assert all(heading.id not in claim.statements for claim in comparison.claims)
    body = [s.id for s in report.statements if s.role is StatementRole.BODY]
    assert {link.other for link in comparison.links} >= set(body)  # the body still links
