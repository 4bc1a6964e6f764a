"""detect/token.py: the normalised token and the phrase tables the detectors share."""

from __future__ import annotations

import pytest

from desktop.core.detect.token import Token, phrase_at, phrase_index, words


@pytest.mark.parametrize(
    ("token", "is_word", "is_number"),
    [
        (Token("storm", 0, 5), True, False),  # a word
        (Token("400", 0, 3, value=400.0), True, True),  # a count
        (Token("136", 7, 10, value=136.0, ident=True), True, False),  # 'Shahed-136': a name
        (Token(",", 5, 6), False, False),  # punctuation
        (Token("“", 0, 1), False, False),  # a quote mark
    ],
)
def test_token_kinds(token: Token, is_word: bool, is_number: bool) -> None:
    assert token.is_word is is_word and token.is_number is is_number


def test_words_splits_a_lexicon_string() -> None:
    assert words("said  told\nadded ") == frozenset({"said", "told", "added"})


INDEX = phrase_index(
    [
        (("according", "to"), "lead"),
        (("according", "to", "reports"), "hedge"),
        (("said",), "speech"),
    ]
)


@pytest.mark.parametrize(
    ("norms", "i", "found"),
    [
        (["according", "to", "reports", "x"], 0, (("according", "to", "reports"), "hedge")),
        (["according", "to", "police"], 0, (("according", "to"), "lead")),  # longest that fits
        (["police", "said"], 1, (("said",), "speech")),  # at another position
        (["according"], 0, None),  # the text ends before the phrase does
        (["told"], 0, None),  # not indexed
    ],
)
def test_longest_phrase_at_a_position(norms: list[str], i: int, found: object) -> None:
    assert phrase_at(norms, i, INDEX) == found


def test_index_orders_each_first_word_longest_first() -> None:
    assert [len(p) for p, _ in INDEX["according"]] == [3, 2]
