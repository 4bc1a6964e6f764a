"""The methods text says what the engine does: what makes a conflict comes from the table of
kinds and the engine's same-matter share, never from words written beside them."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from desktop.core.detect.context import SAME_MATTER
from desktop.core.kinds import KINDS, FindingKind
from desktop.export import methods
from desktop.export.methods import (
    how_paragraphs,
    join_words,
    kind_rows,
    same_matter_rule,
    share_words,
    verdict_rule,
)

CONFLICT_LABELS = {info.label for info in KINDS.values() if info.conflict}
PARTIAL_LABELS = {info.label for info in KINDS.values() if not info.conflict}


def listed(text: str, pattern: str) -> set[str]:
    """The labels a sentence lists where ``pattern``'s group is: "a, b or c" as {a, b, c}."""
    found = re.search(pattern, text)
    assert found, f"{pattern!r} not in {text!r}"
    return set(re.split(r", | or ", found.group(1)))


def conflict_kinds_named(text: str) -> set[str]:
    """The kinds the methods text says make a conflict."""
    return listed(text, r"a finding of kind (.+?) makes one\.")


def partial_kinds_named(text: str) -> set[str]:
    """The kinds the methods text says make only a partial agreement."""
    return listed(text, r"A finding of kind (.+?) makes a partial agreement, never a conflict")


def test_rule_names_exactly_the_conflict_kinds_and_the_rest_partial() -> None:
    text = verdict_rule()
    assert conflict_kinds_named(text) == CONFLICT_LABELS
    assert partial_kinds_named(text) == PARTIAL_LABELS
    for kind in (FindingKind.HEDGE, FindingKind.ATTRIBUTION):
        assert KINDS[kind].label in partial_kinds_named(text)


def test_rule_follows_the_table_when_it_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    hedge = KINDS[FindingKind.HEDGE]
    monkeypatch.setitem(KINDS, FindingKind.HEDGE, replace(hedge, conflict=True))
    assert "hedge" in conflict_kinds_named(verdict_rule())
    assert ["hedge", "conflict"] in [row[:2] for row in kind_rows()]


def test_same_matter_rule_reads_the_engines_share(monkeypatch: pytest.MonkeyPatch) -> None:
    assert SAME_MATTER == 0.5 and "under half of the shorter one's content words" in (
        same_matter_rule()
    )
    assert listed(same_matter_rule(), r"a finding of kind (.+?) drawn from") == CONFLICT_LABELS
    assert "comparing facts always count" in same_matter_rule()
    monkeypatch.setattr(methods, "SAME_MATTER", 0.4)
    assert "under 40% of the shorter one's" in same_matter_rule()


def test_how_paragraphs_carry_both_rules() -> None:
    paragraphs = how_paragraphs()
    assert verdict_rule() in paragraphs and same_matter_rule() in paragraphs


def test_kind_rows_cover_every_kind_conflicts_first() -> None:
    rows = kind_rows()
    assert [r[0] for r in rows] == sorted(
        (i.label for i in KINDS.values()), key=lambda label: label not in CONFLICT_LABELS
    )
    assert {r[0]: r[1] for r in rows} == {i.label: i.makes for i in KINDS.values()}
    assert {r[0]: r[1] for r in rows}["hedge"] == "partial agreement"
    assert {r[0]: r[1] for r in rows}["source"] == "partial agreement"


@pytest.mark.parametrize(
    ("share", "words"), [(0.5, "half"), (1 / 3, "a third"), (0.75, "three quarters"), (0.6, "60%")]
)
def test_shares_in_words(share: float, words: str) -> None:
    assert share_words(share) == words


def test_join_words() -> None:
    assert join_words([]) == "" and join_words(["a"]) == "a"
    assert join_words(["a", "b", "c"], "or") == "a, b or c"
