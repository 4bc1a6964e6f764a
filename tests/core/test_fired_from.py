"""'Fired from <country>' says whose the weapon was, as '<country's> missile' does; a doubt
between the weapon and the verb ('unlikely to have been fired from') disputes it."""

from __future__ import annotations

import pytest

from desktop.core.detect.origins import origins
from desktop.core.detect.prepared import prepare
from desktop.core.judge import judge_pair
from desktop.core.model import Verdict as V


@pytest.mark.parametrize(
    ("text", "country", "denied"),
    [
        ("Two rockets were fired from Gaza overnight.", "gaza", False),
        ("The drone was launched from Iran, officials said.", "iran", False),
        ("The missile was unlikely to have been fired from Russia.", "russia", True),
        ("The shell was not fired from Syria, the army said.", "syria", True),
    ],
)
def test_a_weapon_fired_from_a_country_is_that_countrys(
    text: str, country: str, denied: bool
) -> None:
    found = [o for o in origins(prepare(text)) if o.country == country]
    assert len(found) == 1
    assert found[0].denied is denied
    assert not found[0].made


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("The minister flew from Russia to Turkey on Monday.", []),  # no weapon
        ("Aid was sent from Poland to the border town.", []),  # no weapon
        ("A Russian missile was fired at the port.", ["russia"]),  # the adjective alone
    ],
)
def test_no_weapon_or_no_country_gives_no_launch_origin(text: str, countries: list[str]) -> None:
    assert [o.country for o in origins(prepare(text))] == countries


CASES = [
    # 'unlikely' says probably not: a doubt against a flat claim, not a hedge
    (
        "The fire at the warehouse was started deliberately, police said.",
        "Police said it was unlikely that the fire at the warehouse was started deliberately.",
        V.CONFLICT,
        "the report negates ('unlikely')",
    ),
    (
        "A Russian missile killed two people in the village, an official said.",
        "The missile was unlikely to have been fired from Russia, the president said.",
        V.CONFLICT,
        "whose it is doubted by one side",
    ),
    (
        "A Russian missile killed two people in the village, an official said.",
        "The missile was fired from Ukraine, the president said.",
        V.CONFLICT,
        "whose it is differs",
    ),
    (
        "Rockets were fired from Lebanon at the town overnight.",
        "Syrian rockets hit the town overnight.",
        V.CONFLICT,
        "whose it is differs",
    ),
    (
        "Rockets were fired from Lebanon at the town overnight.",
        "A Lebanese rocket hit the town overnight.",
        V.AGREE,
        "",
    ),
]


@pytest.mark.parametrize(("a", "b", "verdict", "message"), CASES)
def test_launch_origins_are_compared(a: str, b: str, verdict: V, message: str) -> None:
    j = judge_pair(a, b)
    messages = [f.message for f in j.findings]
    assert j.verdict is verdict, (j.score, messages)
    if message:
        assert any(m.startswith(message) for m in messages), messages
