"""detect/sources.py: who a claim is credited to, and claims credited to another source."""

from __future__ import annotations

import pytest

from desktop.core.detect.prepared import prepare
from desktop.core.detect.sources import detect_attribution, sources
from tests.core.detecthelp import found


def test_sources_tell_a_named_outlet_from_generic_officials() -> None:
    side = prepare("The deal was agreed, officials told the Washington Post.")
    assert [(sorted(s.keys), s.specific) for s in sources(side)] == [
        (["official"], False),
        (["post", "washington"], True),
    ]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # two different outlets
        (
            "The deal was agreed, officials told the Washington Post.",
            "The deal was agreed, officials told the New York Times.",
            [("attribution", "sources differ: 'the Washington Post' vs 'the New York Times'")],
        ),
        # the report drops the source
        (
            "The deal was agreed, according to Reuters.",
            "The deal was agreed.",
            [("dropped-detail", "the report does not name the source 'Reuters'")],
        ),
        # the same speaker
        ("Peskov said the deal was agreed.", "Peskov said the deal was agreed.", []),
    ],
)
def test_detect_attribution(a: str, b: str, expected: list[tuple[str, str]]) -> None:
    assert found(detect_attribution, a, b) == expected
