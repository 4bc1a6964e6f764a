"""Short, readable names for documents where room is scarce (claim matrix columns)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from desktop.core import glyphs as g
from desktop.core.model import Comparison, Document
from desktop.core.summary import ReportCounts
from desktop.core.webdoc import describe_source

LABEL_CHARS = 10  # what a matrix column shows whole without crowding out the claims
OUTLET_EXTRA = 4  # an outlet is a name: a few more characters beat cutting it
REFERENCE_LABEL = "◆ Reference"
ELLIPSIS = "…"


def first_words(text: str, limit: int = LABEL_CHARS) -> str:
    """The leading whole words of ``text`` that fit ``limit`` characters, elided at the right."""
    words = text.split()
    if not words:
        return ""
    kept: list[str] = []
    for word in words:
        candidate = " ".join((*kept, word))
        if len(candidate) > limit:
            break
        kept.append(word)
    if not kept:  # one long first word: cut it
        return words[0][: limit - 1].rstrip(" ,;:–-") + ELLIPSIS
    label = " ".join(kept).rstrip(" ,;:–-")
    return label if len(kept) == len(words) else label + ELLIPSIS


def short_label(doc: Document, *, limit: int = LABEL_CHARS) -> str:
    """The outlet when the document names one, else the first words of its title."""
    outlet = (doc.outlet or "").strip()
    if outlet:
        room = limit + OUTLET_EXTRA
        return outlet if len(outlet) <= room else first_words(outlet, room)
    return first_words(doc.title, limit) or first_words(Path(doc.path).stem, limit)


def last_words(text: str, limit: int = LABEL_CHARS) -> str:
    """The trailing whole words of ``text`` that fit ``limit`` characters, led by an ellipsis."""
    kept: list[str] = []
    for word in reversed(text.split()):
        if len(" ".join((word, *kept))) + 1 > limit:
            break
        kept.insert(0, word)
    return ELLIPSIS + " ".join(kept) if kept else ""


def column_labels(comparison: Comparison, *, limit: int = LABEL_CHARS) -> dict[str, str]:
    """A distinct short label per document id; the reference is marked as such.

    Titles that begin alike ("Generated report 0", "Generated report 1") are told apart by
    their endings; what is still the same (one outlet twice) gets a number.
    """
    bases = {doc.id: short_label(doc, limit=limit) for doc in comparison.reports}
    shared = {label for label, n in Counter(bases.values()).items() if n > 1}
    for doc in comparison.reports:
        if bases[doc.id] in shared and not (doc.outlet or "").strip():
            bases[doc.id] = last_words(doc.title, limit) or bases[doc.id]
    labels = {comparison.reference.id: REFERENCE_LABEL}
    seen: dict[str, int] = {}
    room = limit + OUTLET_EXTRA
    for doc in comparison.reports:
        base = bases[doc.id]
        seen[base] = seen.get(base, 0) + 1
        if seen[base] == 1:
            labels[doc.id] = base
            continue
        suffix = f" {seen[base]}"  # the same outlet twice: number the later ones
        stem = base.rstrip(ELLIPSIS)
        if len(stem) + len(suffix) > room:
            stem = stem[: room - len(suffix) - 1] + ELLIPSIS
        labels[doc.id] = stem + suffix
    return labels


def column_tooltip(doc: Document, *, reference: bool, counts: ReportCounts | None) -> str:
    """Full title, file, outlet and date, and the report's counts, for a column header."""
    source = describe_source(doc) or Path(doc.path).name  # a web page: address and time
    lines = [("Reference article: " if reference else "") + doc.title, source]
    about = " · ".join(x for x in (doc.outlet, doc.published) if x)
    if about:
        lines.append(about)
    lines.append(f"{len(doc.statements)} statements")
    if counts is not None:
        lines.append(
            f"{g.AGREE} {counts.agree} agree   {g.PARTIAL} {counts.partial} in part   "
            f"{g.CONFLICT} {counts.conflict} conflict   {g.OMITTED} {counts.omitted} left out   "
            f"{g.ADDED} {counts.added} added"
        )
    return "\n".join(lines)
