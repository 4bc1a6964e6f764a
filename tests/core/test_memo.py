"""What one comparison leaves for the next: only the same texts, only the same aliases."""

from __future__ import annotations

from desktop.core.judge import prepare
from desktop.core.memo import forget, take_over


def test_the_next_comparison_takes_over_only_the_texts_it_still_compares() -> None:
    forget()
    first = take_over((), ["Kyiv said 40 drones.", "Moscow denied it."])
    first.prepared["Kyiv said 40 drones."] = kyiv = prepare("Kyiv said 40 drones.")
    first.prepared["Moscow denied it."] = prepare("Moscow denied it.")
    first.scores[("Kyiv said 40 drones.", "Moscow denied it.")] = 12.0
    second = take_over((), ["Kyiv said 40 drones.", "A new sentence."])
    assert second.prepared == {"Kyiv said 40 drones.": kyiv}
    assert second.prepared["Kyiv said 40 drones."] is kyiv
    assert second.scores == {}  # one of its texts is gone


def test_other_aliases_start_from_scratch() -> None:
    forget()
    first = take_over((), ["Kyiv said."])
    first.prepared["Kyiv said."] = prepare("Kyiv said.")
    first.scores[("Kyiv said.", "Kyiv said.")] = 100.0
    assert take_over((("kiev", "kyiv"),), ["Kyiv said."]).prepared == {}
    again = take_over((), ["Kyiv said."])
    assert again.prepared == {}  # the comparison with aliases replaced the one without


def test_forget_drops_everything() -> None:
    forget()
    take_over((), ["Kyiv said."]).prepared["Kyiv said."] = prepare("Kyiv said.")
    forget()
    assert take_over((), ["Kyiv said."]).prepared == {}
