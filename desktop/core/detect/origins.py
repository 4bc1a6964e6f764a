"""Who a thing belongs to, by the country adjective before it: 'a Russian missile'.

'A Russian missile' against 'Ukrainian missiles' names another actor for the same thing;
'Russian-made' names who made it, which can be true together with either. A country's
ministry, agency or officials are who speaks, a source, never the thing at issue.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.aliases import cities, place_of
from desktop.core.detect.prepared import Prepared, memoised
from desktop.core.detect.token import words
from desktop.core.normalise import content_key


@dataclass(frozen=True)
class Origin:
    """A thing named with the country it comes from: 'a Russian missile', 'Ukrainian forces'."""

    things: tuple[str, ...]  # content keys of the words after the country, first one first
    country: str
    made: bool  # 'Russian-made': who made it, which says nothing of who used it
    first: int
    last: int  # the first thing's token: 'Russian missile' is quoted, not what follows
    denied: bool = False  # 'unlikely to have been fired from Russia': the country is doubted

    def same_thing(self, other: Origin) -> bool:
        """Whether both name the same thing ('missile' first on at least one side)."""
        return (bool(self.things) and self.things[0] in other.things) or (
            bool(other.things) and other.things[0] in self.things
        )


_MAKERS = frozenset({"made", "produced", "built", "manufactured", "designed"})
# Who speaks for a country is a source, not who did it: 'the Polish foreign ministry said'
# against 'the Russian defence ministry said' is two sources (attribution), no contradiction.
SPEAKERS = frozenset(
    content_key(w)
    for w in words(
        "ministry ministries government officials official president minister spokesman "
        "spokeswoman spokesperson agency media embassy ambassador diplomat diplomats leader "
        "leaders authorities counterpart counterparts prime foreign defence defense intelligence "
        "sources police newspaper press expert experts analyst analysts state news"
    )
)
RUN = 3  # content words after a country's adjective read as the thing it qualifies


@memoised
def origins(side: Prepared) -> tuple[Origin, ...]:
    """Things the statement names with a country's adjective before them."""
    out: list[Origin] = []
    toks = side.tokens
    for i, tok in enumerate(toks):
        country = place_of(tok.norm)
        if country is None or not adjective(tok.norm, country):
            continue
        things: list[str] = []
        made = False
        head = j = i + 1
        while j < len(toks) and len(things) < RUN:
            norm = toks[j].norm
            if norm == "-":
                j += 1
                continue
            if norm in _MAKERS and j == i + 2 and toks[i + 1].norm == "-":
                made = True
            elif side.keys[j] and not toks[j].is_number and place_of(norm) is None:
                if not things:
                    head = j
                things.append(side.keys[j])
            else:
                break
            j += 1
        if SPEAKERS.intersection(things):
            continue
        if not things and not made:  # 'Russian and Ukrainian missiles': the things come later
            things, head = _coordinated(side, i + 1)
        if things or made:  # "it was most probably Russian-made": made, of what it is
            out.append(Origin(tuple(things), country, made, i, head if things else i + 2))
    out.extend(_fired_from(side))
    return tuple(sorted(out, key=lambda o: o.first))


# Verbs that send a weapon from somewhere: 'the missile was fired from Russia' says whose
# missile it was as 'a Russian missile' does.
_LAUNCHED = words("fired launched shot lobbed sent flown")
# Things a country fires: the thing named before the verb, so that 'fired from Lebanon' is
# compared with 'a Lebanese rocket' and not with whatever else the sentence names.
WEAPONS = frozenset(
    content_key(w)
    for w in words(
        "missile missiles rocket rockets projectile projectiles drone drones shell shells "
        "bomb bombs mortar mortars munition munitions interceptor interceptors"
    )
)
_DOUBT = words("not never unlikely improbable doubtful no")
_BACK = 8  # tokens searched before the verb for the thing and a doubt


def _fired_from(side: Prepared) -> list[Origin]:
    """'The missile was (unlikely to have been) fired from Russia': the weapon's country,
    doubted when a negation stands between the weapon and the verb."""
    toks, out = side.tokens, []
    for i in range(1, len(toks) - 1):
        if toks[i].norm != "from" or toks[i - 1].norm not in _LAUNCHED:
            continue
        country = place_of(toks[i + 1].norm)
        if country is None or adjective(toks[i + 1].norm, country):
            continue
        for k in range(i - 2, max(-1, i - 2 - _BACK), -1):
            if side.keys[k] in WEAPONS:
                denied = any(t.norm in _DOUBT for t in toks[k + 1 : i - 1])
                out.append(Origin((side.keys[k],), country, False, k, i + 1, denied))
                break
    return out


_AND = frozenset({"and", "or", ",", "nor"})


def _coordinated(side: Prepared, j: int) -> tuple[list[str], int]:
    """The things of the next adjective in a list of them ('Russian, Belarusian and Ukrainian
    missiles' gives each country the missiles), else nothing."""
    toks = side.tokens
    while j < len(toks) and toks[j].norm in _AND:
        j += 1
        if (
            j < len(toks)
            and (country := place_of(toks[j].norm))
            and adjective(toks[j].norm, country)
        ):
            j += 1
            if (
                j < len(toks)
                and toks[j].norm not in _AND
                and side.keys[j]
                and not toks[j].is_number
            ):
                return [side.keys[k] for k in range(j, min(j + RUN, len(toks))) if side.keys[k]], j
    return [], j


_ADJECTIVE_ENDINGS = ("an", "ish", "ese", "i", "ic", "ch")
# Adjectives of the gazetteer that end otherwise ('Swiss troops', 'a Filipino vessel').
_IRREGULAR = words(
    "swiss filipino kazakh uzbek kyrgyz tajik turkmen slovak serb croat malagasy cypriot "
    "burkinabe kosovar argentine lao"
)
# Capitals and cities ending like an adjective ('Tehran denied' names a government, not a thing).
_NOT_ADJECTIVES = frozenset(
    words("tehran yerevan amman isfahan wuhan abidjan milan astana islamabad teheran sanaa baghdad")
)


def adjective(norm: str, country: str) -> bool:
    """Whether a word standing for a country is its adjective ('Russian', 'Polish', 'Iraqi'),
    not its name or its capital."""
    return (
        norm != country
        and (norm.endswith(_ADJECTIVE_ENDINGS) or norm in _IRREGULAR)
        and norm not in _NOT_ADJECTIVES
        and norm not in cities()
    )


def origin_pairs(a: Prepared, b: Prepared) -> list[tuple[Origin, Origin]]:
    """Things both statements name with a country, both as who made them ('Russian-made')
    or both as whose they are ('a Russian missile'); a maker and a user can both be true."""
    return [
        (x, y)
        for x in origins(a)
        for y in origins(b)
        if x.made == y.made and (x.same_thing(y) or (x.made and not (x.things and y.things)))
    ]
