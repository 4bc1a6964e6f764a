"""The methods text every report shares: how verdicts are made and where they fall short.

What makes a conflict is not written here: it is read from the table of finding kinds
(``desktop.core.kinds``) and the engine's same-matter share (``detect.context.SAME_MATTER``),
so the report says what the engine does.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.core.align import SURE_SCORE
from desktop.core.detect.context import SAME_MATTER
from desktop.core.kinds import KINDS, FindingKind, kind_label, kinds_that_conflict

_SHARES = (
    (0.25, "a quarter"),
    (1 / 3, "a third"),
    (0.5, "half"),
    (2 / 3, "two thirds"),
    (0.75, "three quarters"),
)


def join_words(words: Sequence[str], last: str = "and") -> str:
    """``"a, b and c"`` (or ``"a, b or c"``)."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + f" {last} " + words[-1]


def share_words(share: float) -> str:
    """A share as people say it: ``0.5`` is ``"half"``, an odd one a percentage."""
    for value, words in _SHARES:
        if abs(share - value) < 1e-6:
            return words
    return f"{share:.0%}"


def labels_of(conflict: bool) -> str:
    """The labels of the kinds that make a conflict (or a partial agreement), as prose."""
    return join_words([kind_label(k) for k in kinds_that_conflict(conflict)], "or")


def kinds_in_order() -> tuple[FindingKind, ...]:
    """The kinds that make a conflict, then those that make a partial agreement."""
    return kinds_that_conflict(True) + kinds_that_conflict(False)


def kind_rows() -> list[list[str]]:
    """One row per kind of finding: its label, what it makes, and what differs."""
    return [[KINDS[k].label, KINDS[k].makes, KINDS[k].explanation] for k in kinds_in_order()]


def verdict_rule() -> str:
    """Which kinds of finding make a conflict and which a partial agreement."""
    return (
        "Each linked pair is then checked for the kinds of difference listed below. A conflict "
        "is kept for claims that cannot both be true: a finding of kind "
        f"{labels_of(True)} makes one. A finding of kind {labels_of(False)} makes a partial "
        "agreement, never a conflict on its own. No difference means the two agree. A "
        "similarity score alone never decides agreement."
    )


def same_matter_rule() -> str:
    """When a difference of a conflicting kind is only a detail."""
    return (
        "A conflict also needs two statements about the same matter. When the two share "
        f"under {share_words(SAME_MATTER)} of the shorter one's content words, a finding of "
        f"kind {labels_of(True)} drawn from their words counts as a detail one side adds or "
        "drops, not as a conflict. Differences found by comparing facts always count: the same "
        "measure (a death toll, say) given with values that cannot both hold, or the same "
        "thing attributed to different countries."
    )


def how_paragraphs() -> tuple[str, ...]:
    """How verdicts are made, paragraph by paragraph, for the methods appendix."""
    return (
        "Each document is split into statements (sentences, headlines, list items). For "
        "matching, text is normalised: lower case, quotes and dashes folded, number words "
        "turned into digits and name aliases mapped to one spelling.",
        "Candidate pairs are found by shared words, rare ones (numbers, names) weighing most, "
        "and by shared facts: two statements that give a value for the same measure (a death "
        "toll, the number injured, a distance) or name the same thing with a country (a "
        "Russian missile) speak of one fact however few words they share. Pairs are scored "
        "0–100. At or above the link threshold, each report statement keeps its best partner "
        "in the reference and each reference statement its best partner in the report, "
        f"whatever their order in the text; every pair scoring {SURE_SCORE:.0f} or more is "
        "linked too (a fact both give scores that much), so a claim that a report restates in "
        "one sentence and disputes in another is linked to both.",
        "A sentence that disputes the one before it (“That claim is false”) is linked to every "
        "reference statement the sentence before is linked to, as a conflict.",
        verdict_rule(),
        same_matter_rule(),
        "Linked statements form claims. A reference claim with no linked statement in a report "
        "is omitted by it; report statements linked to nothing in the reference are added "
        "claims. “Backed by” counts the independent reports that agree or agree in part: "
        "documents that are near-verbatim copies of one wire text (at least the wire-copy "
        "threshold of their statements nearly identical) count once.",
    )


LIMITS = (
    "The tool compares what reports say, not what is true: a conflict shows that two reports "
    "are incompatible, not which one is right.",
    "A paraphrase far from the reference's words can fall under the threshold and show as "
    "omitted; a lower threshold finds more links and more wrong ones.",
    "Statements in different languages share few words and are linked, if at all, through "
    "names and numbers.",
    "A claim spread over several sentences, irony, and speech reported at second hand can be "
    "misread. Every flag therefore shows both quotes so that a person can check it.",
    "Text taken from PDF files and saved web pages may lack or garble parts of the article.",
)
