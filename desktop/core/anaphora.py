"""'That claim is false': a sentence that disputes the sentence before it.

A report often states a claim, then disputes it in the next sentence with a pronoun ("That is
not true", "There is information that contests this"). The disputing sentence shares few words
with the reference, so no similarity links it; read with the sentence before, it conflicts
with every reference claim that sentence is linked to.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise

from desktop.core.detect.polarity import debunk_cues
from desktop.core.detect.prepared import Prepared, prepare
from desktop.core.detect.token import words
from desktop.core.model import Finding, FindingKind, Link, Statement, Verdict

ANAPHORS = words("this that these those it such")
# Words that dispute a statement beyond DEBUNK's ('contests that', 'an error in the count').
DISPUTES = words(
    "contests contested contest disputes disputed dispute wrong incorrect "
    "inaccurate erroneous error rejects rejected refutes refuted"
)
CLAIM_NOUNS = words(
    "claim claims report reports account accounts figure figures data "
    "allegation allegations statement statements information story version"
)
COPULAS = words("is was are were")
_FILLERS = words("not a completely entirely simply totally")
MAX_WORDS = 14  # a sentence longer than this says more than that the one before is untrue

__all__ = ["disputing_links"]


def disputing_links(
    others: Sequence[Statement],
    links: Sequence[Link],
    *,
    prepared: Callable[[Statement], Prepared] | None = None,
) -> list[Link]:
    """Conflicts for sentences that dispute the sentence before them, which ``links`` tie to
    reference claims; ``others`` are the report's statements in order."""
    by_other: dict[str, list[Link]] = {}
    for link in links:
        by_other.setdefault(link.other, []).append(link)
    made: list[Link] = []
    for before, statement in pairwise(others):
        earlier = by_other.get(before.id)
        if not earlier or statement.id in by_other:
            continue
        side = prepared(statement) if prepared else prepare(statement.text)
        cue = _dispute(side)
        if cue is None:
            continue
        word = side.quote(*cue)
        for link in earlier:
            message = (
                f"the report disputes the sentence before it ('{word}'): “{_short(before.text)}”"
            )
            finding = Finding(FindingKind.NEGATION, message, None, side.span(*cue))
            made.append(
                Link(
                    link.reference,
                    statement.id,
                    link.score,
                    Verdict.CONFLICT,
                    (finding,),
                    machine_verdict=Verdict.CONFLICT,
                )
            )
    return made


def _dispute(side: Prepared) -> tuple[int, int] | None:
    """The disputing words of a short sentence that points back: a pointer called untrue
    ('That claim is false', 'it was a hoax') or a dispute of a pointer ('contests that',
    'denied it'). 'The union said it rejected the offer' points at nothing said before."""
    norms = [t.norm for t in side.tokens]
    content = sum(1 for t in side.tokens if t.is_word)
    if content > MAX_WORDS:
        return None
    cues = set(debunk_cues(side)) | {i for i, n in enumerate(norms) if n in DISPUTES}
    for i, norm in enumerate(norms):
        if norm not in ANAPHORS:
            continue
        called = _called_untrue(norms, i, cues)
        if called is not None:
            return called, called
        if i - 1 in cues and _points_back(norms, i):
            return i - 1, i - 1
    return None


def _called_untrue(norms: list[str], i: int, cues: set[int]) -> int | None:
    """'that claim is (not) false', 'it was a hoax': the cue after a pointer and its verb."""
    j = i + 1
    if j < len(norms) and norms[j] in CLAIM_NOUNS:
        j += 1
    if j >= len(norms) or norms[j] not in COPULAS:
        return None
    j += 1
    negated = False
    while j < len(norms) and norms[j] in _FILLERS and j not in cues:  # 'not true' is a cue
        negated = negated or norms[j] == "not"
        j += 1
    return j if j in cues and not negated else None  # 'it was not a hoax' upholds it


def _points_back(norms: list[str], i: int) -> bool:
    """'denied it.', 'contests that,', 'disputed this account': the pointer is the object,
    not the start of a clause ('denied that the offer was final')."""
    after = norms[i + 1] if i + 1 < len(norms) else "."
    return not after[:1].isalnum() or after in CLAIM_NOUNS


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 80 else text[:77] + "…"
