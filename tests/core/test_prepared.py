"""detect/prepared.py: a statement normalised once for matching against many others."""

from __future__ import annotations

import pytest

from desktop.core.detect.prepared import is_acronym_of, key_in, matched_mask, prepare


def test_a_dateline_is_not_content() -> None:
    p = prepare("LONDON, Nov 19 (Reuters) - The storm killed 12 people in Kenya.")
    assert p.tokens[p.body].norm == "the"
    assert not any(p.keys[: p.body]) and "london" not in p.key_set
    assert {"storm", "12", "kenya"} <= p.key_set and p.places == {"kenya"}


def test_spans_and_quotes_are_in_the_original_text() -> None:
    p = prepare("On 25  August the storm hit.")
    first = next(i for i, t in enumerate(p.tokens) if t.norm == "august")
    day = next(i for i, t in enumerate(p.tokens) if t.norm == "25")
    assert p.quote(min(first, day), max(first, day)) == "25 August"  # stored month first
    assert p.span(first, first) == (p.text.index("August"), p.text.index("August") + 6)


@pytest.mark.parametrize(
    ("key", "other", "found"),
    [
        ("storm", "The storms came.", True),  # the same word, inflected
        ("kill", "Twelve people died.", True),  # a synonym of the engine's
        ("kenya", "The storm hit Nairobi.", True),  # a capital stands for its country
        ("flood", "The storm hit.", False),  # absent
    ],
)
def test_key_in_another_statement(key: str, other: str, found: bool) -> None:
    assert key_in(key, prepare(other)) is found


def test_matched_mask_has_one_flag_per_token() -> None:
    a, b = prepare("The storm hit Kenya."), prepare("Kenya was flooded.")
    mask = matched_mask(a, b)
    assert len(mask) == len(a.tokens)
    assert [t.norm for t, m in zip(a.tokens, mask, strict=True) if m] == ["kenya"]


@pytest.mark.parametrize(
    ("short", "long", "expected"),
    [
        ("WHO said", "The World Health Organization said", True),  # initials of the name
        ("IAEA said", "The International Atomic Energy Agency said", True),  # four words
        ("WHO said", "The International Atomic Energy Agency said", False),  # another body
    ],
)
def test_acronym_of_a_name_in_the_other(short: str, long: str, expected: bool) -> None:
    assert is_acronym_of(prepare(short), 0, prepare(long)) is expected


def test_aliases_fold_spellings_together() -> None:
    plain = prepare("Talks in Bolgrad.")
    aliased = prepare("Talks in Bolgrad.", aliases=[("Bolgrad", "Bolhrad")])  # a user's spelling
    assert "bolhrad" in aliased.key_set and "bolhrad" not in plain.key_set
