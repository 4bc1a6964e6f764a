"""Names that tell documents apart where their titles start alike (report combo, file list)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from desktop.core.model import Document

ALIKE_CHARS = 10  # titles that agree this far look the same in a narrow Documents dock


def distinct_titles(documents: Sequence[Document]) -> dict[str, str]:
    """Each document's title by id; titles that start alike are led by the outlet, else the
    file name (its folder too when even that is shared)."""
    groups: dict[str, list[Document]] = {}
    for doc in documents:
        groups.setdefault(_start(doc.title), []).append(doc)
    names: dict[str, str] = {}
    for group in groups.values():
        if len(group) == 1:
            names[group[0].id] = group[0].title
            continue
        outlets = Counter(_outlet(d) for d in group)
        tags = {
            d.id: _outlet(d) if _outlet(d) and outlets[_outlet(d)] == 1 else Path(d.path).name
            for d in group
        }
        repeated = Counter(tags.values())
        for doc in group:
            tag = tags[doc.id]
            if not tag or repeated[tag] > 1:
                tag = "/".join(Path(doc.path).parts[-2:]) or doc.id
            names[doc.id] = f"{tag}: {doc.title}"
    return names


def _start(title: str) -> str:
    return " ".join(title.casefold().split())[:ALIKE_CHARS]


def _outlet(doc: Document) -> str:
    return (doc.outlet or "").strip()
