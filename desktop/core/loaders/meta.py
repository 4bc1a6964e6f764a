"""Publication date and outlet, where the text of a news report states them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop.core.model import Paragraph
from desktop.core.segment import is_dateline, parse_date

LEAD_PARAGRAPHS = 8  # datelines and bylines sit at the top of a report
_WIRE_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'’-]{1,40}(?:,[^()\n]{1,30})?\s*\((?P<outlet>[A-Z][\w.&' -]{1,30})\)\s*[-–—]"
)
_BYLINE_OUTLET = re.compile(
    r"^by\s+[^|\n]{2,60}?\s*[|·•]\s*(?P<outlet>[^|·•\n]{2,40}?)\s*(?:[|·•]|$)", re.IGNORECASE
)


def guess_metadata(text: str, paragraphs: Sequence[Paragraph]) -> tuple[str | None, str | None]:
    """``(published, outlet)`` from a dateline, a byline or a wire dateline in the lead."""
    published = outlet = None
    for para in paragraphs[:LEAD_PARAGRAPHS]:
        block = text[para.start : para.end]
        for line in block.split("\n")[:3]:
            if published is None and is_dateline(line):
                published = parse_date(line)
            outlet = outlet or _outlet_of(line)
    return published, outlet


def _outlet_of(line: str) -> str | None:
    for pattern in (_WIRE_DATELINE, _BYLINE_OUTLET):
        match = pattern.match(line.strip())
        if match and parse_date(match.group("outlet")) is None:
            return match.group("outlet").strip()
    return None
