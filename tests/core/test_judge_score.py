"""The fitted same-claim score and the debunk cues (features, weights, scale)."""

from __future__ import annotations

from desktop.core.detect.context import PairContext
from desktop.core.detect.features import BIAS, NAMES, SHIFT, WEIGHTS, features, logistic
from desktop.core.detect.polarity import debunk_cues
from desktop.core.judge import judge_pair, prepare, score_prepared


def test_features_are_bounded_and_named() -> None:
    ctx = PairContext(
        prepare("Russia deployed 400 drones in August, Kyiv said."),
        prepare("Kyiv said 450 drones were deployed by Russia."),
    )
    values = features(ctx)
    assert len(values) == len(NAMES) == len(WEIGHTS)
    assert all(0.0 <= v <= 1.0 for v in values), dict(zip(NAMES, values, strict=True))


def test_paraphrase_outscores_a_same_topic_pair() -> None:
    a = "The deal was agreed earlier this month at a meeting in Iran."
    para = "The deal was struck at a meeting in Iran earlier this month."
    other = "Iran has denied sending any drones to Russia for use in the war."
    assert (
        score_prepared(prepare(a), prepare(para)) > 70 > score_prepared(prepare(a), prepare(other))
    )


def test_identical_statements_score_100_and_empty_ones_0() -> None:
    assert judge_pair("Drones hit Kyiv.", "Drones hit Kyiv.").score == 100
    assert judge_pair("", "Drones hit Kyiv.").score == 0


def test_logistic_is_monotone_and_bounded() -> None:
    low = logistic(tuple(0.0 for _ in NAMES), WEIGHTS, BIAS + SHIFT)
    high = logistic(tuple(1.0 if w > 0 else 0.0 for w in WEIGHTS), WEIGHTS, BIAS + SHIFT)
    assert 0.0 < low < 0.5 < high < 1.0


def test_debunk_cues_find_words_and_phrases() -> None:
    side = prepare("The story is a hoax and there is no evidence it is not true.")
    found = {side.tokens[i].norm for i in debunk_cues(side)}
    assert {"hoax", "no", "not"} <= found
    assert debunk_cues(prepare("Russia deployed drones over Kyiv.")) == []


def test_coverage_joins_sentences_and_weights_rare_words() -> None:
    from desktop.core.detect.coverage import coverage, idf_table
    from desktop.core.normalise import content_words

    headline = prepare("Russia to build Iranian drones at Alabuga plant")
    first = prepare("Russia will build the drones itself, officials said.")
    second = prepare("Production of the Iranian design starts at the Alabuga plant.")
    docs = [
        "Russia said drones hit Kyiv.",
        "Russia and Iran signed a deal.",
        "Officials said the Alabuga plant is in Tatarstan.",
    ]
    idf_of = idf_table(content_words(t) for t in docs)
    one = coverage(headline, [first], idf_of=idf_of)
    both = coverage(headline, [first, second], idf_of=idf_of)
    assert 0.0 < one < both == 1.0
    # 'Russia' is in every document: finding only it covers less than its share of the words
    only_common = coverage(
        prepare("Russia signs Alabuga contract"), [prepare("Russia said so.")], idf_of=idf_of
    )
    assert only_common < 1 / 3
    assert coverage(prepare("..."), [first], idf_of=idf_of) == 0.0
