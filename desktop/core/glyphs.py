"""The marks every view and report shows for how a document stands towards a claim.

Written once here; the window (``ui/marks.py``, the Documents dock, tooltips) and the reports
(DOCX, HTML, text) read them. A test keeps the characters out of every other module.
"""

from __future__ import annotations

from desktop.core.model import Support

SOURCE = "●"
AGREE = "✓"
PARTIAL = "◐"
CONFLICT = "✗"
OMITTED = "–"
ADDED = "+"

GLYPHS: dict[Support, str] = {
    Support.SOURCE: SOURCE,
    Support.AGREE: AGREE,
    Support.PARTIAL: PARTIAL,
    Support.CONFLICT: CONFLICT,
    Support.OMITTED: OMITTED,
}
