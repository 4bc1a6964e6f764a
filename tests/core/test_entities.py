"""detect/entities.py: names in a statement, and another place or actor for the same thing."""

from __future__ import annotations

import pytest

from desktop.core.detect.entities import detect_entities, entities
from desktop.core.detect.prepared import prepare
from tests.core.detecthelp import found


def test_names_are_runs_of_capitalised_words_and_places_know_their_country() -> None:
    names = entities(prepare("The World Health Organization met Peskov in Geneva."))
    assert [(e.keys, e.place) for e in names][-1] == (("geneva",), "switzerland")
    assert "health" in names[0].keys


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # another country for the same delivery
        (
            "Iran sent drones to Russia.",
            "Iran sent drones to Belarus.",
            [("entity", "different places: Russia vs Belarus")],
        ),
        # one name spelled two ways is one name
        ("Amirabdollahian said so.", "Amirabdolahian said so.", []),
        # the same names
        ("Peskov said the deal was done.", "Peskov said the deal was done.", []),
    ],
)
def test_detect_entities(a: str, b: str, expected: list[tuple[str, str]]) -> None:
    assert found(detect_entities, a, b) == expected
