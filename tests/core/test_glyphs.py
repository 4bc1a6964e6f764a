"""The verdict glyphs are written once (desktop/core/glyphs.py); views and reports read them."""

from __future__ import annotations

from desktop.core import glyphs
from desktop.core.model import Support
from tests.conftest import ROOT

VERDICT_GLYPHS = (glyphs.SOURCE, glyphs.AGREE, glyphs.PARTIAL, glyphs.CONFLICT)
# A success message's tick is the message bar's icon, not a verdict.
ALLOWED = {"desktop/core/glyphs.py", "desktop/ui/messagebar.py"}


def test_every_support_has_its_own_glyph() -> None:
    assert set(glyphs.GLYPHS) == set(Support)
    assert len(set(glyphs.GLYPHS.values()) | {glyphs.ADDED}) == len(Support) + 1


def test_no_other_module_spells_a_verdict_glyph() -> None:
    offenders = []
    for path in sorted((ROOT / "desktop").rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        text = path.read_text(encoding="utf-8")
        if name not in ALLOWED and any(g in text for g in VERDICT_GLYPHS):
            offenders.append(name)
    assert offenders == []
