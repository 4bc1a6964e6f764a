"""Facts keyed by what they measure: a death toll, the injured, a distance, a count of things.

Two reports of one event often give the same measure in sentences that share few words
("killing at least 62" / "the death toll has risen to 162"). Each figure or vague quantity of
a statement is read with the measure its clause names (a casualty word near it, else the thing
it counts) and with the range of values its wording allows ("more than 160", "dozens",
"10 miles" in kilometres). Two statements that give the same measure speak of the same fact;
their ranges say whether they agree, differ in precision, or cannot both be true.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from desktop.core.aliases import is_country, place_of
from desktop.core.detect.numbers import figures
from desktop.core.detect.numwords import MONTH_NAMES
from desktop.core.detect.origins import Origin, adjective, origin_pairs, origins
from desktop.core.detect.prepared import Prepared, memoised
from desktop.core.detect.quantity import vague_quantities
from desktop.core.detect.stem import stem
from desktop.core.detect.token import words
from desktop.core.normalise import content_key

# What a clause measures, by the words that name it (any inflection: stems are compared).
MEASURE_WORDS: dict[str, str] = {
    "deaths": "dead die died dies dying death deaths kill killed kills killing toll fatalities "
    "fatality perished lives",
    # bodies found so far are a part of the dead, never a rival toll
    "bodies": "bodies corpses",
    "injured": "injured injuring injure injures injuries injury wounded wounding hurt",
    "missing": "missing unaccounted",
    "trapped": "trapped",
    "displaced": "displaced displacing homeless evacuated evacuees evacuation shelters "
    "refugees fled flee fleeing",
    "rescued": "rescued",
    "arrested": "arrested arrests detained",
    "damaged": "damaged destroyed collapsed flattened",
    "magnitude": "magnitude richter",
}
# Counted words that name people in general: "162 people" and "162" count the same thing.
PEOPLE = frozenset(
    content_key(w)
    for w in words(
        "people persons person residents villagers civilians citizens others individuals victims "
        "inhabitants"
    )
)
# Units of length, in kilometres: "10 km" and "10 miles" are different distances.
LENGTH_UNITS = {
    "km": 1.0,
    "kilometre": 1.0,
    "kilometer": 1.0,
    "kms": 1.0,
    "mile": 1.609,
    "metre": 0.001,
    "meter": 0.001,
    "m": 0.001,
    "feet": 0.0003048,
    "foot": 0.0003048,
}
# Units of time, in days: "three days" and "a week" are different durations.
DURATION_UNITS = {
    "second": 1 / 86400,
    "minute": 1 / 1440,
    "hour": 1 / 24,
    "day": 1.0,
    "week": 7.0,
    "month": 30.0,
    "year": 365.0,
}
# How a qualifier widens the value it qualifies: (low factor, high factor).
BOUNDS = {
    "more than": (1.0, 1.25),
    "over": (1.0, 1.25),
    "above": (1.0, 1.25),
    "at least": (1.0, 1.25),
    "past": (1.0, 1.25),
    "as many as": (0.9, 1.0),
    "up to": (0.8, 1.0),
    "nearly": (0.85, 1.0),
    "almost": (0.85, 1.0),
    "less than": (0.8, 1.0),
    "fewer than": (0.8, 1.0),
    "under": (0.8, 1.0),
    "at most": (0.8, 1.0),
    "about": (0.9, 1.1),
    "around": (0.9, 1.1),
    "roughly": (0.9, 1.1),
    "approximately": (0.9, 1.1),
    "some": (0.9, 1.1),
    "an estimated": (0.9, 1.1),
    "estimated": (0.9, 1.1),
}
COUNT = "count:"  # the measure of a figure named only by what it counts
WINDOW = 8  # tokens either side of a figure searched for the measure's word
_CLAUSE_STOPS = frozenset({";", ".", "while", "whereas", "but", ":"})
_ERA_STOPS = _CLAUSE_STOPS | {"now", "today", "currently"}  # 'in 2018 …; now 300 have died'
_REJECTING = (
    ("not",),
    ("rather", "than"),
    ("instead", "of"),
    ("different", "from"),
    ("contrary", "to"),
)

QUAKE = content_key("quake")  # "a 5.6 earthquake" gives its magnitude
_MEASURE_OF = {stem(w): m for m, ws in MEASURE_WORDS.items() for w in ws.split()}


@dataclass(frozen=True)
class Fact:
    """One value a statement gives for a measure, with the range its wording allows."""

    measure: str  # "deaths", "distance", "count:drone", …
    about: frozenset[str]  # what is counted when it is not people in general ("child")
    low: float
    high: float
    exact: bool  # a plain figure, not a bound or a vague word
    first: int  # token span of the words that give it
    last: int
    negated: bool = False  # "62 not 162": the report gives 162 only to reject it
    era: int = 0  # a year the statement sets it in ("since 2018, when … killed 2,000"), or 0
    scope: str = ""  # the country it is counted in ("1,500 in Turkey"), or "" for all of it

    def same_measure(self, other: Fact) -> bool:
        """Whether both give a value for the same thing (in the same year, when one is named;
        in the same country, or one of them for the whole)."""
        return (self.measure, self.about, self.era) == (other.measure, other.about, other.era) and (
            self.scope == other.scope or not self.scope or not other.scope
        )

    def compatible(self, other: Fact) -> bool:
        """Whether both values can be true at once (a count for one country can be a part of
        the whole's, not more)."""
        if self.scope != other.scope:
            part, whole = (self, other) if self.scope else (other, self)
            return part.low <= whole.high * 1.0001
        return self.low <= other.high * 1.0001 and other.low <= self.high * 1.0001

    def same_value(self, other: Fact) -> bool:
        """Whether both give the value with the same precision, for the same country."""
        return (self.low, self.high, self.exact, self.scope) == (
            other.low,
            other.high,
            other.exact,
            other.scope,
        )


@memoised
def facts(side: Prepared) -> tuple[Fact, ...]:
    """Every figure and vague quantity of a statement, read with its measure."""
    out: list[Fact] = []
    for f in figures(side):
        found = _fact(side, f.index, f.first, f.index, f.value, f.units, f.qualifier)
        if found is not None:
            out.append(found)
    out = _ranges(side, out)
    out.extend(_single_units(side))
    for v in vague_quantities(side):
        measure, about = _measure(side, v.first, v.last, v.units)
        if measure:
            out.append(Fact(measure, about, v.low, v.high, False, v.first, v.last))
    years = _era_years(side)
    if years:
        stops = [i for i, t in enumerate(side.tokens) if t.norm in _ERA_STOPS]
        out = [replace(f, era=_era(years, f.first, stops)) for f in out]
    return tuple(replace(f, scope=_scope(side, f.first, f.last)) for f in out)


def _ranges(side: Prepared, found: list[Fact]) -> list[Fact]:
    """'10 to 15 seconds', 'between 40 and 50 people', '10-15 dead': one fact whose range
    runs from the first figure to the second, not two facts."""
    out: list[Fact] = []
    toks = side.tokens
    for f in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.measure == f.measure
            and not prev.negated
            and prev.low < f.low
            and (
                prev.first < f.first <= prev.last  # the unit came after the second figure
                or (f.first == prev.last + 2 and toks[prev.last + 1].norm in _RANGE)
            )
            and (toks[prev.last + 1].norm != "and" or _between(side, prev.first))
        ):
            first = prev.first - 1 if _between(side, prev.first) else prev.first
            out[-1] = replace(
                prev,
                low=prev.low,
                high=f.high,
                exact=False,
                first=first,
                last=max(prev.last, f.last),
            )
            continue
        out.append(f)
    return [_hyphen_range(side, f) for f in out]


def _hyphen_range(side: Prepared, f: Fact) -> Fact:
    """'10-15 dead': the figure after the hyphen ends the range (it is read as no figure)."""
    toks, k = side.tokens, f.first
    if not f.exact or k + 2 >= len(toks) or toks[k + 1].norm != "-":
        return f
    high = toks[k + 2].value
    if high is None or toks[k + 2].is_number or not f.low < high < 100 * f.low:
        return f
    return replace(f, high=high * f.high / f.low, exact=False, last=max(f.last, k + 2))


def _between(side: Prepared, first: int) -> bool:
    return first > 0 and side.tokens[first - 1].norm in ("between", "from")


_IN = frozenset({"in", "across", "inside"})


def _scope(side: Prepared, first: int, last: int) -> str:
    """The country a count is given for: 'in Turkey' in its clause, nearest first
    ('killed 1,500 people in Turkey and 800 in Syria')."""
    best: tuple[int, str] | None = None
    toks = side.tokens
    for j in _clause(side, first, last):
        if toks[j].norm not in _IN:
            continue
        for k in range(j + 1, min(j + 3, len(toks))):
            country = place_of(toks[k].norm)
            if country is not None and is_country(country) and not adjective(toks[k].norm, country):
                distance = first - k if k < first else k - last
                if best is None or distance < best[0]:
                    best = (distance, country)
                break
    return best[1] if best else ""


def _era_years(side: Prepared) -> list[tuple[int, int]]:
    """(token index, year) of years named on their own ('in 2004', 'since 2018'), not as
    the end of a full date ('November 15, 2022'), which dates the story itself."""
    out = []
    for i, tok in enumerate(side.tokens):
        raw = side.text[tok.start : tok.end]
        if not (
            tok.value is not None and raw.isdigit() and len(raw) == 4 and 1900 <= tok.value <= 2100
        ):
            continue
        before = {t.norm for t in side.tokens[max(0, i - 3) : i]}
        if before.isdisjoint(MONTH_NAMES):
            out.append((i, int(tok.value)))
    return out


def _era(years: list[tuple[int, int]], first: int, stops: list[int]) -> int:
    """The year named last before a fact in its clause ('in 2018, when 2,000 died'; a ';'
    or 'but' ends it), or the first one after it within its clause."""
    before = [(i, y) for i, y in years if i < first]
    if before and not any(before[-1][0] < s < first for s in stops):
        return before[-1][1]
    after = [
        y for i, y in years if first < i <= first + WINDOW and not any(first < s < i for s in stops)
    ]
    return after[0] if after else 0


def measures(side: Prepared) -> frozenset[tuple[str, frozenset[str]]]:
    """The measures a statement gives a value for."""
    return frozenset((f.measure, f.about) for f in facts(side))


def _fact(
    side: Prepared,
    index: int,
    first: int,
    last: int,
    value: float,
    units: frozenset[str],
    qualifier: str,
) -> Fact | None:
    scaled = _scaled(side, index, value)
    if scaled is not None:
        measure, value, unit_at = scaled
        about = _about_after(side, unit_at + 1)
        last = unit_at
    else:
        measure, about = _measure(side, first, last, units, whole=value == int(value))
        if not measure:
            return None
    low, high = BOUNDS.get(" ".join(qualifier.lower().split()), (1.0, 1.0))
    negated = _rejected(side, first)
    return Fact(measure, about, value * low, value * high, not qualifier, first, last, negated)


def _rejected(side: Prepared, first: int) -> bool:
    """'62 not 162', '62 rather than 162': the figure at ``first`` is named to be rejected."""
    return rejection_start(side, first) < first


def rejection_start(side: Prepared, first: int) -> int:
    """The first token of the words that reject the figure at ``first`` (``first`` if none):
    'not 162', 'rather than the 162', 'different from the 162 deaths reported'."""
    end = first - 1 if first > 0 and side.tokens[first - 1].norm == "the" else first
    before = tuple(t.norm for t in side.tokens[max(0, end - 2) : end])
    for p in _REJECTING:
        if len(p) <= len(before) and before[len(before) - len(p) :] == p:
            return end - len(p)
    return first


def _scaled(side: Prepared, index: int, value: float) -> tuple[str, float, int] | None:
    """A length or a duration right after the number, in one unit ('10 to 15 seconds': the
    unit after the range's end)."""
    j = index + 1
    toks = side.tokens
    half = 0.0
    if j + 1 < len(toks) and toks[j].norm in _RANGE and toks[j + 1].value is not None:
        j += 2
    elif _and_a_half(side, j):  # 'two and a half days'
        j, half = j + 3, 0.5
    if j < len(side.tokens) and side.tokens[j].norm == "-":
        j += 1
    if j >= len(side.tokens):
        return None
    word = side.tokens[j].norm
    single = (
        word[:-1]
        if word.endswith("s") and word[:-1] in {**LENGTH_UNITS, **DURATION_UNITS}
        else word
    )
    if single in LENGTH_UNITS:
        return "distance", (value + half) * LENGTH_UNITS[single], j
    if single in DURATION_UNITS:
        return "duration", (value + half) * DURATION_UNITS[single], j
    return None


def _about_after(side: Prepared, j: int) -> frozenset[str]:
    """What a length or duration is of: 'three days of national mourning' -> mourning."""
    keys = []
    for k in range(j, min(j + 4, len(side.tokens))):
        if side.keys[k] and not side.tokens[k].is_number:
            keys.append(side.keys[k])
        elif side.tokens[k].norm not in ("of", "the", "-", "national"):
            break
    return frozenset(keys[-1:])


def _measure(
    side: Prepared, first: int, last: int, units: frozenset[str], *, whole: bool = True
) -> tuple[str, frozenset[str]]:
    """The measure a quantity gives: the nearest measure word of its clause, else its unit.

    A fraction ("5.6") counts no people: only a magnitude or its unit can be what it gives.
    """
    counted = [u for u in _ordered_units(side, last) if u in units]
    if not whole and counted and counted[0] == QUAKE:
        return "magnitude", frozenset()
    best: tuple[float, str] | None = None
    for j in _clause(side, first, last):
        m = _MEASURE_OF.get(stem(side.tokens[j].norm))
        if m is not None and (whole or m == "magnitude"):
            gap = first - j if j < first else j - last
            if m == "magnitude" and gap > 3:
                continue  # 'magnitude 5.6', '5.6 on the Richter scale': the word is by its figure
            # a tie goes to the word after: in 'five died and 20 were wounded' 20 were wounded
            distance = gap + 0.5 if j < first else gap
            if best is None or distance < best[0]:
                best = (distance, m)
    head = next((u for u in counted if not u[:1].isdigit()), "")
    if best is not None:
        about = frozenset() if not head or head in PEOPLE or _MEASURE_OF.get(head) else {head}
        return best[1], frozenset(about)
    if head and head not in PEOPLE:
        return f"{COUNT}{head}", frozenset()
    return "", frozenset()


def _ordered_units(side: Prepared, last: int) -> list[str]:
    """The content keys right after a quantity, in order ('of', 'the' skipped)."""
    out = []
    for k in range(last + 1, min(last + 5, len(side.tokens))):
        if side.keys[k]:
            out.append(side.keys[k])
        elif side.tokens[k].norm not in ("of", "the", "-"):
            break
    return out


def _clause(side: Prepared, first: int, last: int) -> range:
    """Token indices around a quantity up to the clause's edges, at most WINDOW each way."""
    toks = side.tokens
    start = first
    while start > 0 and first - start < WINDOW and toks[start - 1].norm not in _CLAUSE_STOPS:
        start -= 1
    end = last
    while end + 1 < len(toks) and end - last < WINDOW and toks[end + 1].norm not in _CLAUSE_STOPS:
        end += 1
    return range(start, end + 1)


_ONE = frozenset({"a", "an", "one", "single"})
_RANGE = frozenset({"to", "-", "and", "or"})


def _single_units(side: Prepared) -> list[Fact]:
    """'a week', 'a mile': one unit of a length or duration with no figure."""
    out = []
    for i, tok in enumerate(side.tokens[:-1]):
        if tok.norm in _ONE:
            scaled = _scaled(side, i, 1.0)
            if scaled is not None:
                measure, value, unit_at = scaled
                if _and_a_half(side, unit_at + 1):  # 'a day and a half'
                    value, unit_at = value * 1.5, unit_at + 3
                about = _about_after(side, unit_at + 1)
                out.append(Fact(measure, about, value, value, True, i, unit_at))
    return out


def _and_a_half(side: Prepared, j: int) -> bool:
    return tuple(t.norm for t in side.tokens[j : j + 3]) == ("and", "a", "half")


def shares_measure(a: Prepared, b: Prepared) -> bool:
    """Whether two statements give a value for the same measure (not just a count of things)
    or name the same thing with its country ('a Russian missile', 'Ukrainian missiles')."""
    return bool(shared_facts(a, b))


def shared_facts(a: Prepared, b: Prepared) -> frozenset[str]:
    """The keys (as :func:`fact_keys` names them for ``a``) of the facts both statements give."""
    theirs = measures(b)
    found = {_measure_key(m) for m in measures(a) if not m[0].startswith(COUNT) and m in theirs}
    for x, y in origin_pairs(a, b):
        found.update(_origin_keys(x, y.things))
    return frozenset(found)


def fact_keys(side: Prepared) -> frozenset[str]:
    """Every fact a statement gives, as a key: to count how many statements of a document give
    it (a fact the whole reference repeats says little about which claim a sentence makes)."""
    keys = {_measure_key(m) for m in measures(side) if not m[0].startswith(COUNT)}
    for x in origins(side):
        keys.update(_origin_keys(x, x.things))
    return frozenset(keys)


def _measure_key(measure: tuple[str, frozenset[str]]) -> str:
    return f"{measure[0]}|{','.join(sorted(measure[1]))}"


# Whose troops or people they are names an actor, which most sentences of a story about a war
# share; whose missile or drone it is names a fact that two sentences can give or dispute.
ACTORS = frozenset(
    content_key(w)
    for w in words(
        "forces force troops soldiers army military people citizens civilians nationals "
        "residents authorities side units"
    )
)


def _origin_keys(origin: Origin, things: tuple[str, ...]) -> set[str]:
    """'made:dron', 'of:missil': one key per thing both name (or the maker alone); whose
    troops or people they are is no fact to link by."""
    role = "made" if origin.made else "of"
    shared = [t for t in origin.things if t in things] or [""]
    if origin.made or ACTORS.intersection(shared[:1]):
        return set()
    return {f"{role}:{t}" for t in shared}


def fact_at(side: Prepared, first: int) -> Fact | None:
    """The fact whose words start at token ``first`` (a figure's or a vague quantity's)."""
    return _by_first(side).get(first)


@memoised
def _by_first(side: Prepared) -> dict[int, Fact]:
    return {f.first: f for f in facts(side)}


def both_measured(a: Prepared, first_a: int, b: Prepared, first_b: int) -> bool:
    """Whether both quantities have a named measure, so that facts alone compare them."""
    x, y = fact_at(a, first_a), fact_at(b, first_b)
    return (
        x is not None
        and y is not None
        and not x.measure.startswith(COUNT)
        and not y.measure.startswith(COUNT)
    )
