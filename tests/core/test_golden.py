"""The engine's output is frozen: speed work must not change a single link, verdict or claim.

The digests in tests/core/data/golden.json were written by ``python -m tests.core.golden``
before the engine was optimised; regenerate them only for a deliberate change of behaviour.
"""

from __future__ import annotations

import json

import pytest

from desktop.core.memo import forget
from tests.core.golden import CASES, GOLDEN, SAMPLE_JSON, canonical, digest

# a comparison of the same texts with other options, run first to leave its work behind
PARTNER = {
    "sample": "sample-35",
    "sample-35": "sample-70",
    "sample-70": "sample-all-pairs",
    "sample-all-pairs": "sample",
    "generated-50": "generated-50-35",
    "generated-50-35": "generated-50",
}


@pytest.mark.parametrize("warm", [False, True], ids=["from-scratch", "after-another"])
@pytest.mark.parametrize("name", sorted(CASES))
def test_comparison_json_is_unchanged(name: str, warm: bool) -> None:
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))[name]
    forget()
    if warm:
        CASES[PARTNER[name]]()
    text = canonical(CASES[name]())
    if name == "sample":  # the full text, so that a failure shows what moved
        assert text == SAMPLE_JSON.read_text(encoding="utf-8").rstrip("\n")
    assert digest(text) == expected


def test_a_changed_verdict_changes_the_digest() -> None:
    text = canonical(CASES["sample"]())
    changed = text.replace('"verdict": "agree"', '"verdict": "partial"', 1)
    assert changed != text
    assert digest(changed) != digest(text)
