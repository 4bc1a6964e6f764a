"""detect/coverage.py: how much of a short statement the best sentences of another hold."""

from __future__ import annotations

import math

import pytest

from desktop.core.detect.coverage import coverage, idf, idf_table
from desktop.core.detect.prepared import prepare

# Three documents' content keys: "storm" is in two, "kenya" and "flood" in one.
TABLE = idf_table([["storm", "kenya"], ["storm"], ["flood"]])


def test_rarer_words_weigh_more() -> None:
    assert TABLE["kenya"] > TABLE["storm"] and TABLE["kenya"] == TABLE["flood"]
    assert TABLE[""] > TABLE["kenya"]  # a word no document has is the rarest
    assert idf(0, 0) == 1.0 and math.isclose(idf(1, 3), math.log(2) + 1)


@pytest.mark.parametrize(
    ("short", "sentences", "low", "high"),
    [
        # told across two sentences: storm and Kenya found, 'hits' (unseen, heaviest) not
        ("Storm hits Kenya", ["A storm came.", "It was in Kenya."], 0.5, 0.6),
        # all of it in one sentence
        ("Storm in Kenya", ["The storm reached Kenya."], 1.0, 1.0),
        # none of it
        ("Storm hits Kenya", ["A flood came."], 0.0, 0.0),
        # no content words at all: nothing to cover
        ("the and of", ["A flood came."], 0.0, 0.0),
        # no sentences
        ("Storm in Kenya", [], 0.0, 0.0),
    ],
)
def test_coverage_of_a_headline(short: str, sentences: list[str], low: float, high: float) -> None:
    value = coverage(prepare(short), [prepare(s) for s in sentences], idf_of=TABLE)
    assert low <= value <= high
