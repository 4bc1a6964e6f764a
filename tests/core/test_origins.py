"""Who a thing belongs to: a country adjective before it ('a Russian missile'), a maker
('Russian-made'), and speakers who are sources, not actors (table-driven; invented sentences)."""

from __future__ import annotations

import pytest

from desktop.core.detect.origins import origins
from desktop.core.detect.prepared import prepare
from desktop.core.judge import judge_pair
from desktop.core.model import FindingKind, Verdict

# (text, country, made, the first thing's words as written) of the statement's one origin
READ = [
    ("A Russian missile hit the depot.", "russia", False, "missile"),  # actor
    ("The blast came from a Ukrainian anti-air missile.", "ukraine", False, "anti"),  # modifiers
    ("Officials said it was a Russian-made rocket.", "russia", True, "rocket"),  # maker
    ("He said it was most probably Russian-made.", "russia", True, None),  # a maker alone
]


@pytest.mark.parametrize(("text", "country", "made", "first_thing"), READ)
def test_origins_are_read(text: str, country: str, made: bool, first_thing: str | None) -> None:
    side = prepare(text)
    (found,) = origins(side)
    assert (found.country, found.made) == (country, made)
    if first_thing is not None:
        assert text[slice(*side.span(found.last, found.last))] == first_thing


@pytest.mark.parametrize(
    "text",
    [
        "Tehran denied sending any drones.",  # a capital that ends like an adjective
        "Russia and Iran signed the deal.",  # country names, no adjective
        "The Polish foreign ministry summoned the envoy.",  # a speaker: a source
        "Russian state media called it a provocation.",  # a speaker again
    ],
)
def test_no_origin_where_none_is_named(text: str) -> None:
    assert origins(prepare(text)) == ()


# (reference, report, verdict, the message of an origin finding, or None for none)
PAIRS = [
    # another country's missile for the same strike
    (
        "A Russian missile hit the grain depot near the border.",
        "A Ukrainian missile hit the grain depot near the border.",
        Verdict.CONFLICT,
        "whose it is differs: 'Russian missile' vs 'Ukrainian missile'",
    ),
    # another maker
    (
        "The drones that hit the plant were Iranian-made, officials said.",
        "The drones that hit the plant were Turkish-made, officials said.",
        Verdict.CONFLICT,
        "who made it differs: 'Iranian-made' vs 'Turkish-made'",
    ),
    # a maker and a user can both be true
    (
        "A Russian-made missile hit the grain depot near the border.",
        "A Ukrainian missile hit the grain depot near the border.",
        None,
        None,
    ),
    # two ministries are two sources, not two actors
    (
        "The Polish foreign ministry said a rocket hit the depot.",
        "The Russian foreign ministry said a rocket hit the depot.",
        None,
        None,
    ),
]


@pytest.mark.parametrize(("a", "b", "verdict", "message"), PAIRS)
def test_origins_are_compared(a: str, b: str, verdict: Verdict | None, message: str | None) -> None:
    j = judge_pair(a, b)
    found = [f for f in j.findings if f.message.startswith(("whose it is", "who made it"))]
    if message is None:
        assert not found, [f.message for f in j.findings]
        return
    assert j.verdict is verdict
    assert [f.message for f in found] == [message]
    assert found[0].kind is FindingKind.ENTITY
