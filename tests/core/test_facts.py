"""Facts keyed by what they measure: measure, what is counted, range, precision (table-driven).

The sentences are made up for these tests; they are not taken from any corpus.
"""

from __future__ import annotations

import pytest

from desktop.core.detect.facts import COUNT, Fact, facts, measures, shares_measure
from desktop.core.detect.origins import origin_pairs
from desktop.core.detect.prepared import prepare
from desktop.core.normalise import content_key

MILE = 1.609


def _keys(*words: str) -> frozenset[str]:
    return frozenset(content_key(w) for w in words)


def _fact(text: str, quote: str) -> Fact:
    """The one fact of ``text`` whose words are exactly ``quote``."""
    side = prepare(text)
    found = [f for f in facts(side) if text[slice(*side.span(f.first, f.last))] == quote]
    assert len(found) == 1, [(f, text[slice(*side.span(f.first, f.last))]) for f in facts(side)]
    return found[0]


# (statement, words that give the value, measure, what is counted, low, high, exact, negated)
FIGURE_CASES = [
    # "at least" widens the figure upwards; "people" is people in general, not a thing counted
    (
        "A landslide hit the valley town, killing at least 62 people.",
        "at least 62",
        "deaths",
        _keys(),
        62,
        77.5,
        False,
        False,
    ),
    # "some" is an approximation either side; residents are people in general
    (
        "Some 13,000 residents were displaced by the floods.",
        "Some 13,000",
        "displaced",
        _keys(),
        11_700,
        14_300,
        False,
        False,
    ),
    # a number word before "children ... among the dead": a death toll of children
    (
        "Forty children were among the dead, the ministry said.",
        "Forty",
        "deaths",
        _keys("children"),
        40,
        40,
        True,
        False,
    ),
    # the same in digits
    (
        "40 children were among the dead in the school fire.",
        "40",
        "deaths",
        _keys("children"),
        40,
        40,
        True,
        False,
    ),
    # "nearly" allows a little less, never more; "hurt" counts the injured
    (
        "Nearly 200 people were hurt in the crush at the gates.",
        "Nearly 200",
        "injured",
        _keys(),
        170,
        200,
        False,
        False,
    ),
    # "up to" bounds a count of damaged homes from above
    (
        "Up to 300 homes were damaged by the storm.",
        "Up to 300",
        "damaged",
        _keys("homes"),
        240,
        300,
        False,
        False,
    ),
    # arrests of a named group
    (
        "Police arrested 30 protesters outside parliament.",
        "30",
        "arrested",
        _keys("protesters"),
        30,
        30,
        True,
        False,
    ),
    # a number word for the trapped
    (
        "Eighteen miners are still trapped underground.",
        "Eighteen",
        "trapped",
        _keys("miners"),
        18,
        18,
        True,
        False,
    ),
    # "a dozen" is a plain twelve
    (
        "A dozen villagers remain missing after the mudslide.",
        "A dozen",
        "missing",
        _keys(),
        12,
        12,
        True,
        False,
    ),
    # "homeless" families are displaced
    (
        "The flood left 2,500 families homeless.",
        "2,500",
        "displaced",
        _keys("families"),
        2_500,
        2_500,
        True,
        False,
    ),
    # miles are read in kilometres; what follows the direction says where from
    (
        "The epicentre was 10 miles north of the port.",
        "10 miles",
        "distance",
        _keys("port"),
        10 * MILE,
        10 * MILE,
        True,
        False,
    ),
    # kilometres as written
    ("The convoy stopped 2 km from the border.", "2 km", "distance", _keys(), 2, 2, True, False),
    # metres in kilometres
    (
        "The plane came down 300 metres from the runway.",
        "300 metres",
        "distance",
        _keys(),
        0.3,
        0.3,
        True,
        False,
    ),
    # "a week" with no figure is seven days of mourning
    (
        "The president declared a week of mourning.",
        "a week",
        "duration",
        _keys("mourning"),
        7,
        7,
        True,
        False,
    ),
    # hours in days
    (
        "The march through the capital lasted two hours.",
        "two hours",
        "duration",
        _keys(),
        2 / 24,
        2 / 24,
        True,
        False,
    ),
    # a decimal before "earthquake" is its magnitude, not a count
    (
        "A 6.1 earthquake struck off the coast on Tuesday.",
        "6.1",
        "magnitude",
        _keys(),
        6.1,
        6.1,
        True,
        False,
    ),
    # "magnitude of" names the measure after the word
    (
        "The quake had a magnitude of 7.2, the survey said.",
        "7.2",
        "magnitude",
        _keys(),
        7.2,
        7.2,
        True,
        False,
    ),
    # one sentence, two measures: the magnitude ...
    (
        "A magnitude 5.6 quake killed 162 people.",
        "5.6",
        "magnitude",
        _keys(),
        5.6,
        5.6,
        True,
        False,
    ),
    # ... and the death toll
    ("A magnitude 5.6 quake killed 162 people.", "162", "deaths", _keys(), 162, 162, True, False),
    # two casualty words: each figure takes the nearest (injured ...)
    (
        "The explosion injured 79 people and killed 12.",
        "79",
        "injured",
        _keys(),
        79,
        79,
        True,
        False,
    ),
    # ... (and killed)
    (
        "The explosion injured 79 people and killed 12.",
        "12",
        "deaths",
        _keys(),
        12,
        12,
        True,
        False,
    ),
    # bodies recovered are bodies found (some of the dead), of climbers
    (
        "The bodies of 14 climbers were recovered from the glacier.",
        "14",
        "bodies",
        _keys("climbers"),
        14,
        14,
        True,
        False,
    ),
    # "kills 30 not 130": 30 is the toll given ...
    ("The blast kills 30 not 130, police said.", "30", "deaths", _keys(), 30, 30, True, False),
    # ... and 130 is named only to be rejected
    ("The blast kills 30 not 130, police said.", "130", "deaths", _keys(), 130, 130, True, True),
    # the same rejection set off by commas
    (
        "The flood killed 62, not 162, officials said.",
        "162",
        "deaths",
        _keys(),
        162,
        162,
        True,
        True,
    ),
    # with no casualty word a figure measures the thing it counts
    (
        "The ferry carried 300 passengers.",
        "300",
        f"{COUNT}{content_key('passengers')}",
        _keys(),
        300,
        300,
        True,
        False,
    ),
]


@pytest.mark.parametrize(
    ("text", "quote", "measure", "about", "low", "high", "exact", "negated"), FIGURE_CASES
)
def test_figures_are_read_with_their_measure(
    text: str,
    quote: str,
    measure: str,
    about: frozenset[str],
    low: float,
    high: float,
    exact: bool,
    negated: bool,
) -> None:
    fact = _fact(text, quote)
    assert fact.measure == measure
    assert fact.about == about
    assert fact.low == pytest.approx(low, rel=1e-3)
    assert fact.high == pytest.approx(high, rel=1e-3)
    assert fact.exact is exact
    assert fact.negated is negated


# (statement, vague words, measure, a value they allow, a value they rule out)
VAGUE_CASES = [
    # "hundreds" of injured allows 300, not 79
    ("Hundreds were injured when the stand collapsed.", "Hundreds", "injured", 300, 79),
    # "dozens" of dead allows 62, not 300
    ("Dozens were killed in the raid on the village.", "Dozens", "deaths", 62, 300),
    # "a few" hurt allows 3, not 100
    ("A few people were hurt in the fire at the depot.", "A few", "injured", 3, 100),
    # "thousands" left homeless allows 5,000, not 500
    ("Thousands of villagers were left homeless.", "Thousands", "displaced", 5_000, 500),
    # "a handful" of patients hurt allows 4, not 40
    ("The hospital said a handful of patients were hurt.", "a handful", "injured", 4, 40),
]


@pytest.mark.parametrize(("text", "quote", "measure", "inside", "outside"), VAGUE_CASES)
def test_vague_quantities_are_read_with_their_measure(
    text: str, quote: str, measure: str, inside: float, outside: float
) -> None:
    fact = _fact(text, quote)
    assert fact.measure == measure
    assert not fact.exact and not fact.negated
    assert fact.low <= inside <= fact.high
    assert not fact.low <= outside <= fact.high


# statements that give no value of any measure
NO_FACT_CASES = [
    # a year is a date, not a quantity
    "In 2019 the bridge was closed for repairs.",
    # money is not a measure of the story's facts
    "The council spent $5 million on the bridge.",
    # no figure at all
    "Rescuers searched the rubble through the night.",
]


@pytest.mark.parametrize("text", NO_FACT_CASES)
def test_statements_without_facts(text: str) -> None:
    assert facts(prepare(text)) == ()
    assert measures(prepare(text)) == frozenset()


# (one statement, another, whether they give a value for the same measure)
SHARED_CASES = [
    # a death toll in few shared words is still the same measure
    ("The death toll from the landslide rose to 162.", "The landslide killed 62 people.", True),
    # a magnitude and a death toll are different measures
    (
        "A magnitude 5.6 earthquake struck the region.",
        "The earthquake killed 162 people in the region.",
        False,
    ),
    # the injured and the dead are different measures
    (
        "Hundreds were injured when the stand collapsed.",
        "Twelve people died when the stand collapsed.",
        False,
    ),
    # a count of things alone is not a shared measure
    ("The ferry carried 300 passengers.", "The ferry carried 280 passengers.", False),
    # lengths in different units are one measure
    ("The dam is 10 km upstream of the town.", "The dam is 6 miles upstream of the town.", True),
]


@pytest.mark.parametrize(("a", "b", "shared"), SHARED_CASES)
def test_statements_sharing_a_measure(a: str, b: str, shared: bool) -> None:
    assert shares_measure(prepare(a), prepare(b)) is shared


# (statement, words that give the value, the year it is set in, or 0 for the story's own)
ERA_CASES = [
    # this storm's toll is the story's own ...
    (
        "The storm killed 62 people on the island, the worst since 2004, when a tsunami killed "
        "230,000.",
        "62",
        0,
    ),
    # ... the tsunami's is set in 2004
    (
        "The storm killed 62 people on the island, the worst since 2004, when a tsunami killed "
        "230,000.",
        "230,000",
        2004,
    ),
    # a year named before the figure
    ("Since 2018, when floods killed 2,000 people, the dams have been raised.", "2,000", 2018),
    # a year at the end of a full date dates the story itself, not the figure
    ("The storm killed 62 people on the island on November 15, 2022.", "62", 0),
]


@pytest.mark.parametrize(("text", "quote", "era"), ERA_CASES)
def test_figures_are_read_with_the_year_they_are_set_in(text: str, quote: str, era: int) -> None:
    fact = _fact(text, quote)
    assert fact.measure == "deaths"
    assert fact.era == era


def test_a_toll_of_another_year_is_not_the_same_measure() -> None:
    # the 2004 tsunami's dead are not this storm's dead
    side = prepare(
        "The storm killed 62 people on the island, the worst since 2004, when a "
        "tsunami killed 230,000."
    )
    this_year, other_year = sorted(facts(side), key=lambda f: f.low)
    assert not this_year.same_measure(other_year)
    assert this_year.same_measure(_fact("The storm killed 60 people.", "60"))


def test_a_range_of_seconds_is_a_duration() -> None:
    # the unit after the range's end gives its measure: a duration, not a count of seconds
    fact = _fact("The shaking lasted 10 to 15 seconds, witnesses said.", "10 to 15 seconds")
    assert fact.measure == "duration"


# (one statement, another, (country, country, made) of the origins compared, shared fact)
ORIGIN_PAIR_CASES = [
    # the same thing from two countries: compared, and a fact both give
    (
        "A Russian missile hit the village before dawn.",
        "Ukrainian missiles hit the village.",
        [("russia", "ukraine", False)],
        True,
    ),
    # two makers of the same drones: compared, but who made a thing is background a whole
    # story shares ('Iranian-made drones'), no fact that tells which claim a sentence makes
    (
        "The drones were Iranian-made, officials said.",
        "The drones were Turkish-made.",
        [("iran", "turkey", True)],
        False,
    ),
    # a maker alone against a maker of drones: both say who made it
    (
        "He said it was most probably Russian-made.",
        "The Iranian-made drones hit the depot.",
        [("russia", "iran", True)],
        False,
    ),
    # whose troops they are: compared, but an actor, not a fact to link by
    (
        "Russian troops entered the village at dawn.",
        "Ukrainian troops entered the village.",
        [("russia", "ukraine", False)],
        False,
    ),
    # a maker against a user: not compared, both can be true
    ("A Russian-made missile hit the village.", "A Ukrainian missile hit the village.", [], False),
    # a missile and troops are different things
    ("A Russian missile hit the village.", "Russian troops entered the village.", [], False),
    # ministries are who speaks, not what is at issue
    (
        "The Polish foreign ministry said a missile hit the village.",
        "The Russian defence ministry said a missile hit the village.",
        [],
        False,
    ),
]


@pytest.mark.parametrize(("a", "b", "pairs", "shared"), ORIGIN_PAIR_CASES)
def test_origins_compared_and_shared(
    a: str, b: str, pairs: list[tuple[str, str, bool]], shared: bool
) -> None:
    pa, pb = prepare(a), prepare(b)
    found = origin_pairs(pa, pb)
    assert [(x.country, y.country, x.made) for x, y in found] == pairs
    assert all(x.made == y.made for x, y in found)  # a maker is never compared with a user
    assert shares_measure(pa, pb) is shared
