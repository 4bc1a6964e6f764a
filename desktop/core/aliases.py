"""Name spellings that mean the same thing, and a small gazetteer of places and peoples.

The built-in table lives in ``aliases.json`` beside this module; users add their own pairs
through ``CompareOptions.aliases``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from desktop.core.detect.stem import stem


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    text = resources.files("desktop.core").joinpath("aliases.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def builtin_aliases() -> tuple[tuple[str, str], ...]:
    """The built-in (variant, canonical) name spellings."""
    return tuple((str(v), str(c)) for c, variants in _data()["aliases"].items() for v in variants)


@lru_cache(maxsize=1)
def places() -> dict[str, str]:
    """Normalised place, capital or demonym -> the country or body it stands for."""
    out: dict[str, str] = {}
    for country, names in _data()["places"].items():
        out[country] = country
        out[stem(country)] = country
        for name in (*names, *_data()["cities"].get(country, ())):
            out[name.lower()] = country
            out[stem(name.lower())] = country
    return out


@lru_cache(maxsize=1)
def cities() -> frozenset[str]:
    """Normalised capitals and cities of the gazetteer: they name a place, never qualify a
    thing as its country's ('Tbilisi said', not 'a Tbilisi missile')."""
    return frozenset(c.lower() for names in _data()["cities"].values() for c in names)


def is_country(place: str) -> bool:
    """Whether a place of the gazetteer is a country or territory, not a body such as NATO,
    the EU, the UN or 'the West'."""
    return place not in _data()["bodies"]


def place_of(norm: str) -> str | None:
    """The country a normalised word stands for ('moscow' -> 'russia'), or None."""
    return places().get(norm)


@lru_cache(maxsize=1)
def synonyms() -> dict[str, str]:
    """Word stem -> the stem that stands for its group ('purchas' -> 'buy')."""
    out: dict[str, str] = {}
    for group in _data().get("synonyms", ()):
        head = stem(group[0])
        for word in group:
            out[stem(word.lower())] = head
    return out
