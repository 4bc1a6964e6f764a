"""Titles that start alike are told apart by the outlet, else the file name."""

from __future__ import annotations

from dataclasses import replace

from desktop.ui.titles import distinct_titles
from tests.workers.fakes import make_document

SAME = "Russia and Iran agree a drone deal, officials say"


def _doc(text, path, title, outlet=""):
    return replace(make_document(text, path=path, title=title), outlet=outlet)


def test_titles_that_differ_early_stay_as_they_are():
    a = _doc("One.", "/x/a.txt", "Drones over Kyiv")
    b = _doc("Two.", "/x/b.txt", "Iran denies the deal")
    assert distinct_titles([a, b]) == {a.id: a.title, b.id: b.title}


def test_titles_that_start_alike_are_led_by_the_outlet():
    a = _doc("One.", "/x/a.txt", SAME + " in Tehran", "Reuters")
    b = _doc("Two.", "/x/b.txt", SAME + " in Moscow", "AP")
    names = distinct_titles([a, b])
    assert names[a.id].startswith("Reuters: ") and names[b.id].startswith("AP: ")


def test_same_outlet_falls_back_to_the_file_name_then_its_folder():
    a = _doc("One.", "/x/report-a.txt", SAME, "Wire")
    b = _doc("Two.", "/x/report-b.txt", SAME, "Wire")
    c = _doc("Three.", "/y/report-b.txt", SAME, "")
    names = distinct_titles([a, b, c])
    assert names[a.id] == f"report-a.txt: {SAME}"
    assert names[b.id] == f"x/report-b.txt: {SAME}"
    assert names[c.id] == f"y/report-b.txt: {SAME}"
    assert len(set(names.values())) == 3


def test_titles_alike_only_as_far_as_a_narrow_dock_shows_are_told_apart():
    # the Documents dock shows about ten characters at 1280 px: "Russia to b…" / "Russia to m…"
    a = _doc("One.", "/x/a.txt", "Russia to build Iranian drones", "Newswire")
    b = _doc("Two.", "/x/b.txt", "Russia to make Iranian drones at home", "")
    names = distinct_titles([a, b])
    assert names[a.id] == "Newswire: Russia to build Iranian drones"
    assert names[b.id] == "b.txt: Russia to make Iranian drones at home"
