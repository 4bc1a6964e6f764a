"""The link threshold: one number, owned by the workspace, the same range everywhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.cli import EXIT_USAGE, main
from desktop.core.model import THRESHOLD_MAX, THRESHOLD_MIN
from desktop.ui.persistence import open_preferences
from tests.conftest import ROOT, SEEDS


def test_slider_and_preferences_offer_the_range_the_cli_accepts(window, capsys):
    slider = window.sensitivity
    assert (slider.minimum(), slider.maximum()) == (THRESHOLD_MIN, THRESHOLD_MAX)
    assert slider.accessibleName() == "Link threshold"
    assert "Higher is stricter" in slider.toolTip()
    dialog = open_preferences(window)
    assert (dialog.threshold.minimum(), dialog.threshold.maximum()) == (
        THRESHOLD_MIN,
        THRESHOLD_MAX,
    )
    assert "higher is stricter" in dialog.threshold.toolTip().lower()
    dialog.reject()
    files = [str(SEEDS / "reference-rt-drone-deal.txt"), str(SEEDS / "report-01-wire.txt")]
    assert main(["compare", "--quiet", *files, "--threshold", str(THRESHOLD_MIN)]) == 0
    assert main(["compare", *files, "--threshold", str(THRESHOLD_MIN - 1)]) == EXIT_USAGE
    assert f"from {THRESHOLD_MIN} to {THRESHOLD_MAX}" in capsys.readouterr().err


def test_slider_follows_the_workspace(loaded):
    loaded.workspace.set_threshold(65)
    assert loaded.sensitivity.value() == 65
    assert loaded.sensitivity_label.text().strip() == "65"


def test_an_older_session_below_the_range_is_brought_into_it(loaded):
    ws = loaded.workspace
    old = ws.options.__class__(threshold=0.0)
    ws.restore(ws.documents, ws.reference_id, old, ())
    assert ws.options.threshold == THRESHOLD_MIN
    assert loaded.sensitivity.value() == THRESHOLD_MIN


def test_preferences_open_on_a_slider_move_still_in_its_debounce(window):
    window.sensitivity.setValue(44)  # the debounce has not fired
    dialog = open_preferences(window)
    assert dialog.threshold.value() == 44 and window.workspace.options.threshold == 44.0
    dialog.reject()


@pytest.mark.parametrize("module", sorted((ROOT / "desktop" / "ui").glob("*.py")))
def test_only_settings_py_touches_the_settings_file(module: Path):
    if module.name == "settings.py":
        return
    text = module.read_text(encoding="utf-8")
    assert not re.search(r"\bQSettings\b", text), f"{module.name} reads settings itself"
