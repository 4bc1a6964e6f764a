"""One look per verdict: glyph, word and colour, so colour is never the only signal."""

from __future__ import annotations

import enum

from PySide6.QtGui import QColor, QPalette

from desktop.core import glyphs
from desktop.core.glyphs import GLYPHS
from desktop.core.model import Support, Verdict


class Mark(enum.Enum):
    """How a statement or a cell is shown."""

    SOURCE = "source"
    AGREE = "agree"
    PARTIAL = "partial"
    CONFLICT = "conflict"
    OMITTED = "omitted"
    ADDED = "added"
    NONE = "none"

    @classmethod
    def of(cls, value: Verdict | Support | None) -> Mark:
        """The mark of a verdict or a support value."""
        if value is None:
            return cls.NONE
        return _OF[value]  # a dictionary: views ask tens of thousands of times per update

    @property
    def glyph(self) -> str:
        """A character that says the verdict without colour."""
        return _GLYPHS[self]

    @property
    def word(self) -> str:
        """The verdict as a word, for tooltips and accessible text."""
        return _WORDS[self]

    @property
    def is_difference(self) -> bool:
        """Whether navigation stops here as a difference."""
        return self in (Mark.PARTIAL, Mark.CONFLICT, Mark.OMITTED, Mark.ADDED)


_OF: dict[Verdict | Support, Mark] = {
    **{v: (Mark.NONE if v is Verdict.UNRELATED else Mark(v.value)) for v in Verdict},
    **{v: Mark(v.value) for v in Support},
}
_GLYPHS = {
    **{Mark(support.value): glyph for support, glyph in GLYPHS.items()},
    Mark.ADDED: glyphs.ADDED,
    Mark.NONE: "",
}
_WORDS = {
    Mark.SOURCE: "source",
    Mark.AGREE: "agrees",
    Mark.PARTIAL: "agrees in part",
    Mark.CONFLICT: "conflicts",
    Mark.OMITTED: "omitted",
    Mark.ADDED: "added",
    Mark.NONE: "",
}
# Mid-tone hues that keep their meaning on light and dark bases once blended.
_HUES = {
    Mark.SOURCE: "#7a6fd0",
    Mark.AGREE: "#2f9e58",
    Mark.PARTIAL: "#d69a00",
    Mark.CONFLICT: "#dd3c3c",
    Mark.OMITTED: "#8c8c8c",
    Mark.ADDED: "#3d7fd9",
    Mark.NONE: "#8c8c8c",
}
REVIEWED_GLYPH = "★"


def hue(mark: Mark) -> QColor:
    """The mark's full colour (glyphs, link outlines)."""
    return QColor(_HUES[mark])


def tint(mark: Mark, palette: QPalette, strength: float = 0.26) -> QColor:
    """A background for text: the palette's base blended towards the hue, so text stays legible."""
    base, colour = palette.color(QPalette.ColorRole.Base), hue(mark)
    if mark is Mark.NONE:
        return base
    dark = base.lightness() < 128
    k = strength * (1.25 if dark else 1.0)
    return QColor(
        round(base.red() + (colour.red() - base.red()) * k),
        round(base.green() + (colour.green() - base.green()) * k),
        round(base.blue() + (colour.blue() - base.blue()) * k),
    )


def glyph_colour(mark: Mark, palette: QPalette) -> QColor:
    """The glyph colour: the hue, lightened on dark bases so it reads."""
    colour = hue(mark)
    if palette.color(QPalette.ColorRole.Base).lightness() < 128:
        return colour.lighter(135)
    return colour.darker(115)


def marker_colours(palette: QPalette) -> tuple[QColor, QColor]:
    """Background and text for the words a finding names: dark amber on light bases, light
    amber on dark ones, so they stand out on every verdict tint, yellow included."""
    if palette.color(QPalette.ColorRole.Base).lightness() < 128:
        return QColor("#ffd56b"), QColor("#000000")
    return QColor("#8c5e00"), QColor("#ffffff")
