"""Short column labels for documents: outlet or first words, distinct, the reference marked."""

from __future__ import annotations

from dataclasses import replace

from desktop.core.summary import ReportCounts
from desktop.ui.labels import REFERENCE_LABEL, column_labels, column_tooltip, first_words
from tests.workers.fakes import REFERENCE, REPORT_A, REPORT_B, fake_compare, make_document


def test_first_words_keeps_whole_words_and_elides_at_the_right():
    assert first_words("Russia has made drone deal with Iran") == "Russia has…"
    assert first_words("Short one") == "Short one"
    assert first_words("Extraordinarilylongword here") == "Extraordi…"
    assert first_words("   ") == ""


def test_labels_use_outlet_then_title_and_mark_the_reference():
    ref = make_document(REFERENCE, path="ref.txt")
    a = make_document(REPORT_A, path="a.txt")  # outlet "Fake Wire"
    b = replace(
        make_document(REPORT_B, path="b.txt", title="Tehran denies supplying drones"), outlet=None
    )
    labels = column_labels(fake_compare(ref, [a, b]))
    assert labels[ref.id] == REFERENCE_LABEL
    assert labels[a.id] == "Fake Wire"
    assert labels[b.id] == "Tehran…"
    assert all(len(label) <= 14 for label in labels.values())


def test_same_outlet_twice_gets_numbered():
    ref = make_document(REFERENCE, path="ref.txt")
    a = make_document(REPORT_A, path="a.txt")
    b = make_document(REPORT_B, path="b.txt")  # also "Fake Wire"
    labels = column_labels(fake_compare(ref, [a, b]))
    assert labels[a.id] == "Fake Wire"
    assert labels[b.id] == "Fake Wire 2"


def test_tooltip_names_title_file_and_counts():
    doc = make_document(REPORT_A, path="/x/report-a.txt", title="A long title of a report")
    tip = column_tooltip(doc, reference=False, counts=ReportCounts(3, 2, 1, 4, 5))
    assert "A long title of a report" in tip
    assert "report-a.txt" in tip
    assert "✗ 1 conflict" in tip and "– 4 left out" in tip
    assert column_tooltip(doc, reference=True, counts=None).startswith("Reference article: ")


def test_titles_that_begin_alike_are_told_apart_by_their_endings():
    ref = make_document(REFERENCE, path="ref.txt")
    reports = [
        replace(make_document(text, path=f"{n}.txt", title=f"Generated report {n}"), outlet=None)
        for n, text in enumerate((REPORT_A, REPORT_B))
    ]
    labels = column_labels(fake_compare(ref, reports))
    assert [labels[d.id] for d in reports] == ["…report 0", "…report 1"]
