"""The gazetteer: countries by name, demonym and city; bodies are places but not countries."""

from __future__ import annotations

import pytest

from desktop.core.aliases import cities, is_country, place_of
from desktop.core.detect.origins import adjective
from desktop.core.judge import judge_pair
from desktop.core.model import Verdict as V
from desktop.core.normalise import tokenize


def _norm(text: str) -> str:
    (token,) = tokenize(text)
    return token.norm


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Seoul", "southkorea"),
        ("South Korea", "southkorea"),
        ("South Korean", "southkorea"),
        ("Pyongyang", "northkorea"),
        ("Khartoum", "sudan"),
        ("South Sudan", "southsudan"),
        ("Addis Ababa", "ethiopia"),
        ("Port-au-Prince", "haiti"),
        ("Swiss", "switzerland"),
        ("Dutch", "netherlands"),
        ("Democratic Republic of Congo", "congo"),
        ("Saudi Arabia", "saudi"),
        ("Moscow", "russia"),
    ],
)
def test_names_demonyms_and_cities_stand_for_their_country(text: str, country: str) -> None:
    assert place_of(_norm(text)) == country


@pytest.mark.parametrize(
    ("word", "is_adjective"),
    [
        ("russian", True),
        ("swiss", True),
        ("filipino", True),
        ("thai", True),
        ("southkorean", True),
        ("helsinki", False),  # a capital ending like an adjective
        ("khartoum", False),
        ("nairobi", False),
        ("delhi", False),
        ("russia", False),
    ],
)
def test_only_demonyms_are_adjectives(word: str, is_adjective: bool) -> None:
    country = place_of(word)
    assert country is not None
    assert adjective(word, country) is is_adjective


def test_cities_are_not_countries_adjectives_and_bodies_are_not_countries() -> None:
    assert {"seoul", "helsinki", "kremlin"} <= cities()
    assert is_country("poland")
    assert not any(is_country(b) for b in ("nato", "eu", "un", "west", "europe"))


def test_a_count_in_an_alliance_member_is_not_scoped_to_the_alliance() -> None:
    verdict = judge_pair(
        "A missile killed two people in NATO member Poland.",
        "The explosion killed two people.",
    )
    assert not any("only on one side" in f.message for f in verdict.findings)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("South Korean troops fired on the boat.", "North Korean troops fired on the boat."),
        ("A Swiss drone crashed near the border.", "An Austrian drone crashed near the border."),
        ("Sudanese soldiers crossed the river.", "Ethiopian soldiers crossed the river."),
    ],
)
def test_another_countrys_thing_is_a_conflict_beyond_the_old_list(a: str, b: str) -> None:
    verdict = judge_pair(a, b)
    assert verdict.verdict is V.CONFLICT
    assert any("whose it is differs" in f.message for f in verdict.findings)
