"""The details panel shows every document's statement with verdict, score and findings."""

from __future__ import annotations

from desktop.core.kinds import kind_label


def test_details_show_quotes_findings_and_omissions(loaded):
    loaded.go(conflicts=True)
    text = loaded.details.toPlainText()
    assert "Russia has deployed 400 drones" in text
    assert "Russia has deployed 450 drones" in text
    assert "numbers differ: 400 vs 450" in text
    assert "similarity 80 of 100" in text
    claim = loaded.index.claim_of(loaded.selection.statement)
    assert (
        f"Backed by {claim.corroboration} independent document" in text
    ) and "besides the reference" in text
    html = loaded.details.claim_html(loaded.index.claim_of(loaded.selection.statement))
    assert "<span style=" in html and ">450</span>" in html


def test_details_name_each_findings_kind_with_the_tables_label(loaded):
    loaded.go(conflicts=True)
    claim = loaded.index.claim_of(loaded.selection.statement)
    html = loaded.details.claim_html(claim)
    findings = [
        f for sid in claim.statements for lk in loaded.index.links_of(sid) for f in lk.findings
    ]
    assert findings
    for f in findings:
        assert f"<b>{kind_label(f.kind)}:</b>" in html
    assert "number: numbers differ: 400 vs 450" in loaded.details.toPlainText()


def test_details_say_when_a_document_lacks_the_claim(loaded):
    loaded.find_field.setText("air defence")
    loaded.find_text()
    assert "Does not make the claim" in loaded.details.toPlainText()


def test_hint_when_nothing_selected(window):
    assert "Select a statement" in window.details.toPlainText()
