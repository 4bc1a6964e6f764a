"""The whole comparison: progress, cancel, copies, report-only claims, decisions."""

from __future__ import annotations

import pytest

from desktop.core.compare import compare_documents
from desktop.core.errors import Cancelled
from desktop.core.model import (
    Action,
    CompareOptions,
    Decision,
    Skipped,
    Support,
    Verdict,
    document_of,
)
from tests.core.test_claims import fake_judge, make_doc

REF = make_doc(
    "ref",
    [
        "Russian forces have deployed 400 Iranian drones since August.",
        "The deal was agreed this month at a meeting in Tehran.",
        "Kremlin spokesman Dmitry Peskov said all weapons come from domestic stockpiles.",
    ],
)
WIRE = make_doc(
    "wire",
    [
        "Russian forces have deployed 450 Iranian drones since August.",
        "The deal was agreed this month at a meeting in Tehran.",
        "Ukrainian engineers examined the wreckage of a drone near Odesa on Sunday.",
        "Peskov said all weapons come from domestic stockpiles, the Kremlin said.",
    ],
)
COPY = make_doc(
    "copy",
    [  # the wire story with its last line dropped
        "Russian forces have deployed 450 Iranian drones since August.",
        "The deal was agreed this month at a meeting in Tehran.",
        "Ukrainian engineers examined the wreckage of a drone near Odesa on Sunday!",
    ],
)
EDITED = make_doc(
    "edited",
    [  # the same, with one line rewritten: 2 of 3 near-verbatim
        "Russian forces have deployed 450 Iranian drones since August.",
        "The deal was agreed this month at a meeting in Tehran.",
        "Engineers in Ukraine examined drone wreckage found near Odesa on Sunday.",
    ],
)
OTHER = make_doc(
    "other",
    [
        "Engineers in Ukraine looked at the wreckage of a drone near Odesa last Sunday.",
        "Russian forces have deployed 400 Iranian drones since August.",
        "Air raid sirens sounded across Kyiv in the early hours of Monday morning.",
    ],
)


def run(*reports, **kwargs):
    return compare_documents(REF, list(reports), judge=fake_judge, **kwargs)


def test_progress_after_each_report() -> None:
    calls: list[tuple[int, int]] = []
    run(WIRE, COPY, OTHER, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 3), (2, 3), (3, 3)]


def test_cancel_at_every_step_between_steps() -> None:
    asked: list[int] = []
    run(WIRE, COPY, OTHER, should_cancel=lambda: bool(asked.append(1)))
    steps = len(asked)
    assert steps >= 6  # start, each report, report-only claims, copies
    for allowed in range(steps):
        count: list[int] = []

        def should_cancel(count: list[int] = count, allowed: int = allowed) -> bool:
            count.append(1)
            return len(count) > allowed

        with pytest.raises(Cancelled):
            run(WIRE, COPY, OTHER, should_cancel=should_cancel)


def test_never_cancelled_gives_the_full_result() -> None:
    c = run(WIRE, COPY, OTHER, should_cancel=lambda: False, skipped=[Skipped("x.pdf", "bad")])
    assert [d.id for d in c.reports] == [WIRE.id, COPY.id, OTHER.id]
    assert c.skipped == (Skipped("x.pdf", "bad"),)
    assert len([k for k in c.links if not k.between_reports]) >= 5


def test_wire_copy_is_detected_and_counted_once() -> None:
    c = run(WIRE, COPY, OTHER)
    assert c.copies == ((COPY.id, WIRE.id),)
    drones = c.claims[0]
    assert drones.support[WIRE.id] is Support.CONFLICT
    assert drones.support[OTHER.id] is Support.AGREE
    deal = c.claims[1]
    assert deal.support[WIRE.id] is Support.AGREE and deal.support[COPY.id] is Support.AGREE
    assert deal.corroboration == 1  # wire and its copy are one source


def test_copies_with_small_edits_anywhere_in_a_sentence_are_found() -> None:
    edited = [s.text for s in WIRE.statements]
    edited[0] = edited[0].replace("Russian forces", "Russia's forces")  # edit at the start
    edited[1] = edited[1].replace("agreed this", "sealed this")  # in the middle
    edited[2] = edited[2].replace("on Sunday.", "on Saturday.")  # at the end
    retold = make_doc("retold", edited[:3])
    assert run(WIRE, retold).copies == ((retold.id, WIRE.id),)
    reworded = make_doc("reworded", [s.text.upper().replace("E", "A") for s in WIRE.statements])
    assert run(WIRE, reworded).copies == ()


def test_copy_threshold_is_the_share_of_near_verbatim_statements() -> None:
    assert run(WIRE, EDITED).copies == ()
    loose = run(WIRE, EDITED, options=CompareOptions(copy_threshold=60.0)).copies
    assert (EDITED.id, WIRE.id) in loose


def test_report_only_statements_are_grouped_across_reports() -> None:
    c = run(WIRE, OTHER)
    extra = [cl for cl in c.claims if not cl.in_reference]
    odesa = next(cl for cl in extra if "Odesa" in c.statement(cl.anchor).text)
    assert {document_of(s) for s in odesa.statements} == {WIRE.id, OTHER.id}
    assert odesa.support[OTHER.id] is Support.PARTIAL
    assert odesa.corroboration == 1
    between = [k for k in c.links if k.between_reports]
    assert all(document_of(k.reference) == WIRE.id for k in between)


def test_compare_reports_links_every_pair_of_reports() -> None:
    plain = run(WIRE, OTHER)
    full = run(WIRE, OTHER, options=CompareOptions(compare_reports=True))
    pairs = {(k.reference, k.other) for k in full.links if k.between_reports}
    assert (WIRE.statements[0].id, OTHER.statements[1].id) in pairs
    assert len(pairs) > len([k for k in plain.links if k.between_reports])


def test_duplicate_reports_and_the_reference_itself_are_dropped() -> None:
    c = run(REF, WIRE, WIRE)
    assert [d.id for d in c.reports] == [WIRE.id]


def test_decisions_are_applied() -> None:
    first = run(WIRE)
    target = next(k for k in first.links if k.verdict is Verdict.CONFLICT)
    decided = run(
        WIRE,
        decisions=[
            Decision(
                target.reference,
                target.other,
                Action.SET_VERDICT,
                Verdict.AGREE,
                "same figure in the wire update",
            )
        ],
    )
    changed = next(
        k for k in decided.links if (k.reference, k.other) == (target.reference, target.other)
    )
    assert changed.verdict is Verdict.AGREE and changed.machine_verdict is Verdict.CONFLICT
    assert changed.reviewed and changed.note == "same figure in the wire update"


def test_deterministic() -> None:
    assert run(WIRE, COPY, OTHER) == run(WIRE, COPY, OTHER)


def test_a_report_without_statements_is_all_omissions() -> None:
    empty = make_doc("empty", [])
    c = run(empty)
    assert c.links == ()
    assert all(cl.support[empty.id] is Support.OMITTED for cl in c.claims)


def test_degenerate_inputs_give_a_result_not_an_error() -> None:
    empty = make_doc("empty", [])
    only_reports = compare_documents(empty, [WIRE, OTHER])
    assert [c.in_reference for c in only_reports.claims] == [False] * len(only_reports.claims)
    assert compare_documents(REF, []).reports == ()
    odd = make_doc("odd", ["", "   ", "!!!", "1", "a" * 5000, "The The The"])
    c = compare_documents(REF, [odd])
    assert c.links == () and all(
        cl.support[odd.id] is Support.OMITTED for cl in c.claims if cl.in_reference
    )


def test_preparing_many_statements_is_checked_every_few() -> None:
    """The caller's check runs while statements are prepared (cancel, give way to the GUI)."""
    from desktop.core.align import CHECK_EVERY, build_index

    many = make_doc(
        "many",
        [f"Officials counted {n} drones over the city {n} times." for n in range(5 * CHECK_EVERY)],
    )
    calls: list[int] = []
    build_index((REF, many), check=lambda: calls.append(1))
    assert len(calls) >= 5
    with pytest.raises(Cancelled):
        run(many, should_cancel=lambda: len(calls.append(1) or calls) > 8)
