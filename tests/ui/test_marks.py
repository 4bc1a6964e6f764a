"""One look per verdict: the window's marks show the glyphs the reports use."""

from __future__ import annotations

from desktop.core import glyphs
from desktop.core.model import Support
from desktop.export.text import LEGEND
from desktop.ui.documentmodel import COLUMNS
from desktop.ui.marks import Mark


def test_views_and_reports_show_the_same_glyphs() -> None:
    assert all(Mark(s.value).glyph == glyphs.GLYPHS[s] for s in Support)
    assert Mark.ADDED.glyph == glyphs.ADDED and Mark.NONE.glyph == ""
    # the Documents dock's count columns, in the reports' legend order
    assert COLUMNS[2:6] == tuple(glyphs.GLYPHS[s] for s in LEGEND if s is not Support.SOURCE)
