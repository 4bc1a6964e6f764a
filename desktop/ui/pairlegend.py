"""The legend under the side-by-side view: what its glyphs, tints, bands and marked words mean,
in the palette's own colours (so it reads in light and dark themes alike)."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget

from desktop.ui.marks import REVIEWED_GLYPH, Mark, glyph_colour, marker_colours, tint

SHOWN = (Mark.AGREE, Mark.PARTIAL, Mark.CONFLICT, Mark.OMITTED, Mark.ADDED)
WHERE = {
    Mark.AGREE: "the other text says the same",
    Mark.PARTIAL: "it adds, drops or hedges a detail, or credits another source",
    Mark.CONFLICT: "the two cannot both be true",
    Mark.OMITTED: "a claim of the reference the report leaves out (left side)",
    Mark.ADDED: "a statement of the report the reference lacks (right side)",
}


class PairLegend(QLabel):
    """One line of glyph-and-tint chips, with a tooltip that says each in a sentence."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setAccessibleName("Legend of the side-by-side view")
        self.setToolTip(tooltip())
        self._update()

    def _update(self) -> None:
        palette = self.palette()
        chips = []
        for mark in SHOWN:
            back, fore = tint(mark, palette).name(), glyph_colour(mark, palette).name()
            chips.append(
                f"<span style='background-color:{back}'>&nbsp;<b style='color:{fore}'>"
                f"{mark.glyph}</b>&nbsp;{html.escape(mark.word)}&nbsp;</span>"
            )
        back, fore = (c.name() for c in marker_colours(palette))
        chips.append(f"{REVIEWED_GLYPH} reviewed")
        chips.append(
            f"<span style='background-color:{back}; color:{fore}'><u><b>words</b></u></span> "
            "a finding names"
        )
        chips.append("bands join linked statements")
        self.setText(" &nbsp; ".join(chips))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._update()


def tooltip() -> str:
    """Each sign of the side-by-side view in a sentence."""
    lines = [f"{m.glyph} {m.word}: {WHERE[m]}" for m in SHOWN]
    lines += [
        f"{REVIEWED_GLYPH} a person reviewed the link",
        "Tint: the statement's verdict, as the glyph says",
        "Underlined, highlighted words: what a finding names (the differing number, date, source…)",
        "Bands between the texts join linked statements, in the colour of their verdict; "
        "the picked pair's band is darker",
    ]
    return "\n".join(lines)
