"""Review decisions: confirm, change a verdict, unlink, link by hand; survival and orphans."""

from __future__ import annotations

from desktop.core.compare import compare_documents
from desktop.core.model import (
    Action,
    CompareOptions,
    Comparison,
    Decision,
    Link,
    LinkOrigin,
    Support,
    Verdict,
)
from desktop.core.review import apply_decisions, orphaned_decisions
from tests.core.test_claims import fake_judge
from tests.core.test_compare import OTHER, REF, WIRE


def base(threshold: float = 50.0, decisions: tuple[Decision, ...] = ()) -> Comparison:
    return compare_documents(
        REF,
        [WIRE, OTHER],
        judge=fake_judge,
        decisions=decisions,
        options=CompareOptions(threshold=threshold),
    )


def find(c: Comparison, a: str, b: str) -> Link | None:
    return next((k for k in c.links if (k.reference, k.other) == (a, b)), None)


def test_confirm_marks_reviewed_and_keeps_the_verdict() -> None:
    c = base()
    k = c.links[0]
    after = apply_decisions(c, [Decision(k.reference, k.other, Action.CONFIRM, note="ok")])
    changed = find(after, k.reference, k.other)
    assert changed is not None and changed.reviewed and changed.note == "ok"
    assert changed.verdict is k.verdict
    assert not c.links[0].reviewed  # the input comparison is untouched


def test_set_verdict_keeps_the_machine_verdict_and_rebuilds_claims() -> None:
    c = base()
    k = next(k for k in c.links if k.verdict is Verdict.CONFLICT)
    after = apply_decisions(
        c, [Decision(k.reference, k.other, Action.SET_VERDICT, Verdict.PARTIAL)]
    )
    changed = find(after, k.reference, k.other)
    assert changed is not None
    assert (changed.verdict, changed.machine_verdict) == (Verdict.PARTIAL, Verdict.CONFLICT)
    claim = next(cl for cl in after.claims if cl.anchor == k.reference)
    assert claim.support[WIRE.id] is Support.PARTIAL


def test_unlink_removes_the_link_and_the_statement_becomes_an_addition() -> None:
    c = base()
    k = next(k for k in c.links if k.verdict is Verdict.CONFLICT)
    after = apply_decisions(c, [Decision(k.reference, k.other, Action.UNLINK)])
    assert find(after, k.reference, k.other) is None
    claim = next(cl for cl in after.claims if cl.anchor == k.reference)
    assert claim.support[WIRE.id] is Support.OMITTED
    assert any(cl.anchor == k.other and not cl.in_reference for cl in after.claims)


def test_link_by_hand_is_judged_for_findings() -> None:
    c = base()
    a, b = REF.statements[2].id, OTHER.statements[2].id  # Peskov vs air raid sirens
    assert find(c, a, b) is None
    after = apply_decisions(c, [Decision(a, b, Action.LINK, Verdict.CONFLICT, "same night")])
    made = find(after, a, b)
    assert made is not None
    assert made.origin is LinkOrigin.REVIEWER and made.reviewed and made.note == "same night"
    assert made.verdict is Verdict.CONFLICT
    assert made.machine_verdict is not Verdict.UNRELATED
    claim = next(cl for cl in after.claims if cl.anchor == a)
    assert claim.support[OTHER.id] is Support.CONFLICT


def test_link_given_the_wrong_way_round_is_stored_reference_first() -> None:
    a, b = REF.statements[2].id, OTHER.statements[2].id
    after = apply_decisions(base(), [Decision(b, a, Action.LINK)])
    made = find(after, a, b)
    assert made is not None and made.verdict is not Verdict.UNRELATED


def test_decisions_survive_a_recomputation_with_another_threshold() -> None:
    c = base()
    weak = min((k for k in c.links if not k.between_reports), key=lambda k: k.score)
    strong = max(c.links, key=lambda k: k.score)
    decisions = (
        Decision(weak.reference, weak.other, Action.SET_VERDICT, Verdict.AGREE),
        Decision(strong.reference, strong.other, Action.UNLINK),
    )
    strict = base(threshold=weak.score + 1)
    assert find(strict, weak.reference, weak.other) is None  # the engine alone drops it
    reviewed = base(threshold=weak.score + 1, decisions=decisions)
    kept = find(reviewed, weak.reference, weak.other)
    assert kept is not None and kept.verdict is Verdict.AGREE and kept.reviewed
    assert find(reviewed, strong.reference, strong.other) is None
    assert orphaned_decisions(reviewed, decisions) == []


def test_orphaned_decisions_are_reported_and_ignored() -> None:
    c = base()
    k = c.links[0]
    gone = Decision(k.reference, "0123456789ab:s99", Action.CONFIRM)
    same_doc = Decision(REF.statements[0].id, REF.statements[1].id, Action.LINK)
    good = Decision(k.reference, k.other, Action.CONFIRM)
    assert orphaned_decisions(c, [gone, good, same_doc]) == [gone, same_doc]
    after = apply_decisions(c, [gone, same_doc])
    assert after.links == c.links


def test_last_decision_on_a_pair_wins() -> None:
    c = base()
    k = c.links[0]
    after = apply_decisions(
        c,
        [
            Decision(k.reference, k.other, Action.UNLINK),
            Decision(k.reference, k.other, Action.LINK, Verdict.PARTIAL),
        ],
    )
    relinked = find(after, k.reference, k.other)
    assert relinked is not None and relinked.verdict is Verdict.PARTIAL
