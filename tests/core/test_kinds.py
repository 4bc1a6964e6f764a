"""The table of finding kinds: complete, readable, and the one source of what makes a conflict."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from desktop.core import kinds, model
from desktop.core.kinds import CONFLICT_KINDS, KINDS, FindingKind, kind_label, kinds_that_conflict
from desktop.core.model import Finding
from desktop.core.session import SCHEMA_PATH


def kind_enums(node: Any) -> Iterator[list[str]]:
    """Every ``enum`` in a JSON schema that lists finding kinds (recognised by "hedge")."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "enum" and "hedge" in value:
                yield value
            else:
                yield from kind_enums(value)
    elif isinstance(node, list):
        for item in node:
            yield from kind_enums(item)


def test_table_covers_every_kind_with_a_label_and_an_explanation() -> None:
    assert list(KINDS) == list(FindingKind)
    labels = [info.label for info in KINDS.values()]
    assert len(set(labels)) == len(labels)  # a reader tells every kind apart
    for kind, info in KINDS.items():
        assert info.label and info.label == info.label.lower() and "-" not in info.label, kind
        assert info.explanation and "\n" not in info.explanation, kind
        assert kind_label(kind) == info.label


def test_conflict_kinds_are_derived_from_the_table() -> None:
    assert {k for k, info in KINDS.items() if info.conflict} == CONFLICT_KINDS
    assert model.CONFLICT_KINDS is kinds.CONFLICT_KINDS and model.FindingKind is FindingKind
    assert set(kinds_that_conflict()) | set(kinds_that_conflict(False)) == set(FindingKind)
    assert not set(kinds_that_conflict()) & set(kinds_that_conflict(False))


@pytest.mark.parametrize("kind", list(FindingKind))
def test_a_finding_is_a_conflict_exactly_when_the_table_says_so(kind: FindingKind) -> None:
    assert Finding(kind, "m").is_conflict is KINDS[kind].conflict
    assert KINDS[kind].makes == ("conflict" if KINDS[kind].conflict else "partial agreement")


def test_a_hedge_or_another_source_is_partial_never_a_conflict() -> None:
    # PRODUCT.md: they change how sure or whose a claim is, not what it says
    for kind in (FindingKind.HEDGE, FindingKind.ATTRIBUTION):
        assert not KINDS[kind].conflict and kind not in CONFLICT_KINDS
    for kind in (FindingKind.ADDED_DETAIL, FindingKind.DROPPED_DETAIL):
        assert not KINDS[kind].conflict  # a detail one side lacks says nothing against the other


def test_session_schema_lists_exactly_the_tables_kinds() -> None:
    enums = list(kind_enums(json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))))
    assert enums  # the schema does list them
    for enum in enums:
        assert enum == [k.value for k in KINDS]


def test_the_json_format_page_names_every_kind_and_what_it_makes() -> None:
    from tests.conftest import ROOT

    page = (ROOT / "docs" / "json-format.md").read_text(encoding="utf-8")
    assert all(f"`{kind.value}`" in page for kind in FindingKind)
    conflicts = ", ".join(f"`{k.value}`" for k in kinds_that_conflict()[:-1])
    last = kinds_that_conflict()[-1].value
    flat = " ".join(page.split())
    assert f"{conflicts} and `{last}` make a link a `conflict`" in flat
