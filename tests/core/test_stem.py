"""detect/stem.py: a light suffix stripper, so inflections of one word meet."""

from __future__ import annotations

import pytest

from desktop.core.detect.stem import stem


@pytest.mark.parametrize(
    ("words", "same"),
    [
        (("statement", "statements"), True),  # plural of a -ment noun
        (("report", "reported", "reports", "reportedly"), True),  # tense and adverb
        (("meeting", "meetings"), True),  # -ing plural
        (("city", "cities"), True),  # -ies plural
        (("carry", "carried"), True),  # -ied past
        (("close", "closes"), True),  # -es after e
        (("drone", "drones"), True),  # plain plural
        (("storm", "flood"), False),  # different words stay apart
        (("kind", "kindness"), True),  # -ness
    ],
)
def test_inflections_share_a_stem(words: tuple[str, ...], same: bool) -> None:
    assert (len({stem(w) for w in words}) == 1) is same


@pytest.mark.parametrize(
    "word",
    [
        "run",  # three letters or fewer are left alone
        "boss",  # a double s is not a plural
        "virus",  # nor is -us
        "crisis",  # nor is -is
        "new york",  # a phrase is left alone
    ],
)
def test_words_that_are_not_inflected_stay(word: str) -> None:
    assert stem(word) == word


def test_no_stem_shorter_than_three_letters() -> None:
    assert all(len(stem(w)) >= 3 for w in ("uses", "ties", "eyes", "seed", "ings", "ment"))
