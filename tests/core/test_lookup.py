"""ComparisonLookup: built once per comparison, or shared with a view without walking again."""

from __future__ import annotations

import pytest

from desktop.core.compare import compare_documents
from desktop.core.loaders import build_document
from desktop.core.lookup import ComparisonLookup
from desktop.core.model import Comparison, Verdict


def _doc(text: str, name: str) -> object:
    return build_document(text, path=f"/n/{name}.txt", fmt="txt", sha256=name.ljust(64, "0"))


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    ref = _doc("The storm killed 12 people on Monday. Schools stay closed until Friday.", "a1")
    one = _doc("The storm killed 14 people on Monday. Schools stay closed until Friday.", "b2")
    two = _doc("Twelve people died in the storm on Monday. Power is back.", "c3")
    return compare_documents(ref, [one, two])  # type: ignore[arg-type]


def test_answers_from_the_comparison(comparison: Comparison) -> None:
    lookup = ComparisonLookup(comparison)
    report = comparison.reports[0]
    links = lookup.pair_links(report.id)
    assert links and all(lk.verdict is not Verdict.UNRELATED for lk in links)
    first = links[0]
    assert lookup.link(first.other, first.reference) is first  # either order
    assert lookup.statement(first.reference) is not None
    assert lookup.order(first.reference) == 0  # the first reference statement
    assert lookup.statement("nope") is None and lookup.order("nope") == -1


def test_shared_tables_answer_the_same_without_rebuilding(comparison: Comparison) -> None:
    built = ComparisonLookup(comparison)
    shared = ComparisonLookup(comparison, built=built)
    assert vars(shared).keys() == vars(built).keys()  # no table forgotten by _share
    assert all(vars(shared)[k] is v for k, v in vars(built).items())  # the same objects
    sid = comparison.reference.statements[0].id
    assert shared.links_of(sid) == built.links_of(sid)


def test_tables_of_another_comparison_are_refused(comparison: Comparison) -> None:
    other = compare_documents(comparison.reference, comparison.reports[:1])
    with pytest.raises(ValueError, match="another comparison"):
        ComparisonLookup(other, built=ComparisonLookup(comparison))
