"""Typed settings: defaults declared once, round trips, bad values, recent list, window layout."""

from __future__ import annotations

from PySide6.QtCore import QByteArray

from desktop.core.model import THRESHOLD_MIN, CompareOptions, FindingKind
from desktop.export.options import ALL_SECTIONS
from desktop.ui.settings import MAX_RECENT, Preferences
from tests.ui.persisthelp import ini_settings


def test_an_empty_store_gives_the_defaults(tmp_path):
    prefs = ini_settings(tmp_path).preferences()
    assert prefs == Preferences()
    assert prefs.threshold == round(CompareOptions().threshold)
    assert prefs.finding_kinds == frozenset(FindingKind)
    assert prefs.report_sections == ALL_SECTIONS and prefs.include_partials


def test_preferences_survive_a_new_store_on_the_same_file(tmp_path):
    chosen = Preferences(
        threshold=72,
        finding_kinds=frozenset({FindingKind.NUMBER}),
        compare_reports=True,
        report_sections=frozenset({"summary"}),
        include_partials=False,
        export_folder=str(tmp_path / "out"),
        aliases=(("Artemovsk", "Bakhmut"), ("Zelenskiy", "Zelensky")),
    )
    ini_settings(tmp_path).set_preferences(chosen)
    assert ini_settings(tmp_path).preferences() == chosen


def test_an_empty_choice_of_kinds_is_kept_not_reset(tmp_path):
    ini_settings(tmp_path).set_preferences(Preferences(finding_kinds=frozenset()))
    assert ini_settings(tmp_path).preferences().finding_kinds == frozenset()


def test_damaged_values_fall_back_to_their_defaults(tmp_path):
    settings = ini_settings(tmp_path)
    for key, value in (
        ("compare/threshold", "high"),
        ("compare/finding_kinds_off", '{"number": 1}'),
        ("compare/compare_reports", "perhaps"),
        ("report/sections", "{oops"),
        ("report/include_partials", "7"),
        ("compare/aliases", '[["one"]]'),
    ):
        settings.store.setValue(key, value)
    settings.store.setValue("report/export_folder", "/tmp/reports")
    prefs = settings.preferences()
    assert prefs == Preferences(export_folder="/tmp/reports")


def test_the_kinds_switched_off_are_stored(tmp_path):
    """A kind a later version adds is on for people who saved preferences before it."""
    settings = ini_settings(tmp_path)
    settings.set_preferences(
        Preferences(finding_kinds=frozenset(FindingKind) - {FindingKind.HEDGE})
    )
    assert settings.store.value("compare/finding_kinds_off") == '["hedge"]'
    # a kind this version does not know (from a later one, or removed) is passed over
    settings.store.setValue("compare/finding_kinds_off", '["hedge", "rumour"]')
    assert ini_settings(tmp_path).preferences().finding_kinds == frozenset(FindingKind) - {
        FindingKind.HEDGE
    }


def test_kinds_saved_as_switched_on_by_an_older_version_still_read(tmp_path):
    settings = ini_settings(tmp_path)
    settings.store.setValue("compare/finding_kinds", '["number", "date"]')
    assert settings.preferences().finding_kinds == {FindingKind.NUMBER, FindingKind.DATE}
    settings.store.setValue("compare/finding_kinds", '["gossip"]')  # damaged: the default
    assert settings.preferences().finding_kinds == frozenset(FindingKind)
    settings.store.setValue("compare/finding_kinds_off", "[]")  # the new key wins
    settings.store.setValue("compare/finding_kinds", '["number"]')
    assert settings.preferences().finding_kinds == frozenset(FindingKind)


def test_threshold_is_clamped_to_the_slider_range(tmp_path):
    settings = ini_settings(tmp_path)
    settings.store.setValue("compare/threshold", "250")
    assert settings.preferences().threshold == 100
    settings.store.setValue("compare/threshold", "0")  # an older version's lowest
    assert settings.preferences().threshold == THRESHOLD_MIN


def test_preferences_build_the_engine_and_report_options(tmp_path):
    prefs = Preferences(
        threshold=65,
        finding_kinds=frozenset({FindingKind.DATE}),
        compare_reports=True,
        report_sections=frozenset({"matrix"}),
        include_partials=False,
        aliases=(("Artemovsk", "Bakhmut"),),
    )
    base = CompareOptions(aliases=(("Tehran", "Iran"),), threshold=20)
    options = prefs.compare_options(base)
    # the preferences' spellings are the table in force: they replace the base's
    assert options == CompareOptions(
        threshold=65.0,
        compare_reports=True,
        finding_kinds=frozenset({FindingKind.DATE}),
        aliases=(("Artemovsk", "Bakhmut"),),
    )
    report = prefs.report_options()
    assert report.sections == frozenset({"matrix"}) and not report.include_partials


def test_recent_sessions_latest_first_without_repeats_and_bounded(tmp_path):
    settings = ini_settings(tmp_path)
    for n in range(MAX_RECENT + 3):
        settings.add_recent_session(tmp_path / f"s{n}.crosscheck")
    settings.add_recent_session(tmp_path / "s5.crosscheck")
    recent = ini_settings(tmp_path).recent_sessions()
    assert len(recent) == MAX_RECENT
    assert recent[0].endswith("s5.crosscheck") and recent[1].endswith(
        f"s{MAX_RECENT + 2}.crosscheck"
    )
    assert len(set(recent)) == len(recent)
    settings.remove_recent_session(recent[0])
    assert recent[0] not in settings.recent_sessions()
    settings.clear_recent_sessions()
    assert settings.recent_sessions() == []


def test_a_damaged_recent_list_reads_as_empty(tmp_path):
    settings = ini_settings(tmp_path)
    settings.store.setValue("sessions/recent", "not json")
    assert settings.recent_sessions() == []


def test_window_layout_is_kept_apart_from_preferences(tmp_path):
    settings = ini_settings(tmp_path)
    assert settings.window_layout() == (None, None)
    settings.set_window_layout(QByteArray(b"geometry"), QByteArray(b"docks"))
    settings.set_preferences(Preferences())  # restoring default preferences keeps the layout
    geometry, state = ini_settings(tmp_path).window_layout()
    assert bytes(geometry) == b"geometry" and bytes(state) == b"docks"
