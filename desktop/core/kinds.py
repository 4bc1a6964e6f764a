"""The kinds of difference a finding reports: what each is called, what it means, and whether
it makes a conflict.

``KINDS`` is the one table of this knowledge. The engine's verdicts (``CONFLICT_KINDS``), the
reports' methods text, the window's labels and preferences read it; the JSON schemas' lists of
kinds are checked against it by a test.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class FindingKind(enum.Enum):
    """What kind of difference a finding reports; the values are the JSON vocabulary."""

    NUMBER = "number"
    DATE = "date"
    QUANTITY = "quantity"
    NEGATION = "negation"
    HEDGE = "hedge"
    ATTRIBUTION = "attribution"
    ENTITY = "entity"
    ADDED_DETAIL = "added-detail"
    DROPPED_DETAIL = "dropped-detail"


@dataclass(frozen=True)
class KindInfo:
    """How a kind of finding is shown and weighed."""

    label: str  # a word or two a reader understands, lower case: "number", "added detail"
    explanation: str  # one line: what differs, with an example (reference vs report)
    conflict: bool  # whether such a finding alone makes a conflict (else a partial agreement)

    @property
    def makes(self) -> str:
        """What a finding of this kind makes of a link, in words."""
        return "conflict" if self.conflict else "partial agreement"


# A conflict is kept for claims that cannot both be true. A hedge or another source changes
# how sure or whose a claim is, not what it says; a detail one side lacks says nothing against
# the other side (PRODUCT.md): those make a partial agreement.
KINDS: dict[FindingKind, KindInfo] = {
    FindingKind.NUMBER: KindInfo(
        "number", "the same figure given with another value: 400 vs 450 drones", True
    ),
    FindingKind.DATE: KindInfo(
        "date", "the same event at another time: since August vs since September", True
    ),
    FindingKind.QUANTITY: KindInfo(
        "quantity", "amounts that cannot both hold: a small number vs hundreds", True
    ),
    FindingKind.NEGATION: KindInfo(
        "denial", "one side denies or disputes what the other asserts: confirmed vs denied", True
    ),
    FindingKind.HEDGE: KindInfo(
        "hedge", "one side hedges what the other states flatly: officials believe X vs X", False
    ),
    FindingKind.ATTRIBUTION: KindInfo(
        "source", "the claim is credited to another source: told the Post vs told the Times", False
    ),
    FindingKind.ENTITY: KindInfo(
        "name",
        "another place, actor or maker for the same thing: a Russian vs a Ukrainian missile",
        True,
    ),
    FindingKind.ADDED_DETAIL: KindInfo(
        "added detail",
        "the report gives a detail the reference does not: 400 vs more than 400",
        False,
    ),
    FindingKind.DROPPED_DETAIL: KindInfo(
        "dropped detail",
        "the report leaves out a detail of the reference: Moscow and Tehran "
        "denied vs Moscow denied",
        False,
    ),
}
CONFLICT_KINDS = frozenset(kind for kind, info in KINDS.items() if info.conflict)


def kind_label(kind: FindingKind) -> str:
    """The kind's label for a reader; its JSON value only if the table ever lacks it."""
    info = KINDS.get(kind)
    return info.label if info else kind.value


def kinds_that_conflict(conflict: bool = True) -> tuple[FindingKind, ...]:
    """The kinds that make a conflict (or, with ``conflict=False``, a partial), in table order."""
    return tuple(kind for kind, info in KINDS.items() if info.conflict is conflict)
