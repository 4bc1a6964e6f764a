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
DISPUTES = words("contests contested contest disputes disputed dispute wrong incorrect "
                 "inaccurate erroneous error rejects rejected refutes refuted")
MAX_WORDS = 14  # a sentence longer than this says more than that the one before is untrue

__all__ = ["disputing_links"]


def disputing_links(others: Sequence[Statement], links: Sequence[Link], *,
                    prepared: Callable[[Statement], Prepared] | None = None) -> list[Link]:
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
            message = (f"the report disputes the sentence before it ('{word}'): "
                       f"“{_short(before.text)}”")
            finding = Finding(FindingKind.NEGATION, message, None, side.span(*cue))
            made.append(Link(link.reference, statement.id, link.score, Verdict.CONFLICT,
                             (finding,), machine_verdict=Verdict.CONFLICT))
    return made


def _dispute(side: Prepared) -> tuple[int, int] | None:
    """The disputing words of a short sentence that points back with a pronoun."""
    norms = [t.norm for t in side.tokens]
    content = sum(1 for t in side.tokens if t.is_word)
    if content > MAX_WORDS or not ANAPHORS.intersection(norms):
        return None
    cues = debunk_cues(side)
    if cues:
        return cues[0], cues[0]
    hit = next((i for i, n in enumerate(norms) if n in DISPUTES), None)
    return (hit, hit) if hit is not None else None


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 80 else text[:77] + "…"
