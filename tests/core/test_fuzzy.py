"""detect/fuzzy.py: the rapidfuzz ratios of a pair, alone or in bulk (same values)."""

from __future__ import annotations

import pytest

from desktop.core.detect.fuzzy import PARTIAL_MAX_CHARS, fuzzy_pair, fuzzy_pairs

PAIRS = [
    ("the storm hit the city", "the city the storm hit"),  # same words, another order
    ("storm", "the storm hit"),  # one inside the other
    ("flood warning", "drone deal"),  # nothing alike
    ("x" * (PARTIAL_MAX_CHARS + 5), "x" * (PARTIAL_MAX_CHARS + 9)),  # long: partial is ratio
    ("", "anything"),  # empty side
]


def test_word_order_matters_to_ratio_not_to_sort() -> None:
    f = fuzzy_pair(*PAIRS[0])
    assert f.sort == 100 and f.ratio < 70


def test_a_text_inside_another_is_a_full_partial_match() -> None:
    f = fuzzy_pair(*PAIRS[1])
    assert f.partial == 100 and f.ratio < 60


def test_long_texts_use_the_plain_ratio_for_partial() -> None:
    f = fuzzy_pair(*PAIRS[3])
    assert f.partial == f.ratio < 100


@pytest.mark.parametrize("pair", PAIRS)
def test_bulk_gives_the_same_ratios_as_one_by_one(pair: tuple[str, str]) -> None:
    assert fuzzy_pairs([pair]) == [fuzzy_pair(*pair)]


def test_bulk_keeps_the_order_and_accepts_nothing() -> None:
    assert fuzzy_pairs(PAIRS) == [fuzzy_pair(a, b) for a, b in PAIRS]
    assert fuzzy_pairs([]) == []
