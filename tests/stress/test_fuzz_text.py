"""Segmentation, normalisation and the pair judge on arbitrary Unicode: no crash, sane results."""

from __future__ import annotations

import tracemalloc

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.judge import judge_pair
from desktop.core.model import CompareOptions, Paragraph, Statement, Verdict
from desktop.core.normalise import normalise_text
from desktop.core.segment import MAX_STATEMENT_CHARS, split_statements
from tests.stress.conftest import budget, fuzz_settings

NEWS_WORDS = (
    "Russia",
    "Iran",
    "deal",
    "drones",
    "400",
    "four hundred",
    "450",
    "more than",
    "about",
    "denied",
    "did not",
    "confirmed",
    "officials",
    "said",
    "reportedly",
    "since August",
    "2022-11-20",
    "Nov. 20",
    "U.S.",
    "Mr.",
    "e.g.",
    "3.5",
    "1,000",
    "$40m",
    "%",
    "—",
    "–",
    "«",
    "»",
    "“",
    "”",
    "‘",
    "’",
    '"',
    "'",
    "...",
    "…",
    "!",
    "?",
    ";",
    ":",
    "(",
    ")",
    "\n",
    "\n\n",
    "\t",
    "\u00a0",
    "\u200b",
    "\u200f",
    "\u202e",
    "\ufeff",
    "e\u0301",
    "ﬁ",
    "İ",
    "ß",
    "Σ",
    "ς",
    "Москва",
    "Тегеран",
    "طهران",
    "北京",
    "🇮🇷",
    "👍🏽",
    "0",
    "٣",
    "½",
    "Ⅻ",
    "-1",
    "•",
    "1.",
    "a)",
    "#",
    "*",
    ">",
    "http://x.y/z",
    "e-mail",
    "co-op",
    "10:30",
    "9/11",
)
news_text = st.lists(st.sampled_from(NEWS_WORDS) | st.text(max_size=12), max_size=80).map(
    lambda parts: " ".join(parts)
)
any_text = st.text(max_size=400) | news_text
BIG_PEAK = 400 * 1024 * 1024  # Python-heap ceiling for the long inputs below


def check_statements(
    text: str, statements: tuple[Statement, ...], paragraphs: tuple[Paragraph, ...] = ()
) -> None:
    """Ordered, disjoint, exact slices; capped in length; never across a given paragraph."""
    last = 0
    for statement in statements:
        assert last <= statement.start < statement.end <= len(text)
        assert text[statement.start : statement.end] == statement.text
        assert statement.text.strip()
        assert len(statement.text) <= MAX_STATEMENT_CHARS
        last = statement.end
    for para in paragraphs:
        lo, hi = max(0, para.start), min(len(text), para.end)
        for statement in statements:
            inside = lo <= statement.start and statement.end <= hi
            outside = statement.end <= lo or statement.start >= hi
            assert lo >= hi or inside or outside, (para, statement)


@pytest.mark.timeout(budget(120))
@fuzz_settings(60)
@given(any_text)
def test_split_statements_any_text(text: str) -> None:
    statements = split_statements(text, doc_id="d")
    check_statements(text, statements)
    assert [s.id for s in statements] == [f"d:s{i}" for i in range(len(statements))]
    assert split_statements(text, doc_id="d") == statements  # deterministic


@st.composite
def text_and_paragraphs(draw: st.DrawFn) -> tuple[str, tuple[Paragraph, ...]]:
    """Text with paragraphs a loader might report, including out-of-range and overlapping ones."""
    text = draw(news_text)
    bound = len(text) + 20
    cuts = draw(st.lists(st.tuples(st.integers(-5, bound), st.integers(-5, bound)), max_size=8))
    return text, tuple(Paragraph(a, b) for a, b in cuts)


@pytest.mark.timeout(budget(120))
@fuzz_settings(60)
@given(text_and_paragraphs())
def test_split_statements_with_hostile_paragraphs(case: tuple[str, tuple[Paragraph, ...]]) -> None:
    text, paragraphs = case
    statements = split_statements(text, doc_id="d", paragraphs=paragraphs)
    last = 0
    for statement in statements:  # paragraphs may overlap: only order and exact slices hold
        assert last <= statement.start < statement.end <= len(text)
        assert text[statement.start : statement.end] == statement.text
        last = statement.end


@pytest.mark.timeout(budget(120))
@fuzz_settings(60)
@given(any_text)
def test_normalise_text_any_text(text: str) -> None:
    out = normalise_text(text)
    assert isinstance(out, str)
    assert out == " ".join(out.split())  # single spaces, no edges
    assert normalise_text(text) == out


@pytest.mark.timeout(budget(120))
@fuzz_settings(60)
@given(any_text, any_text, st.floats(0, 100))
def test_judge_pair_any_text(a: str, b: str, threshold: float) -> None:
    judgement = judge_pair(a, b, options=CompareOptions(threshold=threshold))
    assert 0.0 <= judgement.score <= 100.0
    assert isinstance(judgement.verdict, Verdict)
    if judgement.verdict is Verdict.UNRELATED:
        assert judgement.score < threshold or not judgement.findings
    for finding in judgement.findings:
        assert finding.message and "\n" not in finding.message
        for span, side in ((finding.reference_span, a), (finding.other_span, b)):
            if span is not None:
                assert 0 <= span[0] <= span[1] <= len(side), (finding, len(side))


@pytest.mark.timeout(budget(120))
@fuzz_settings(60)
@given(news_text)
def test_statement_agrees_with_itself(a: str) -> None:
    """An identical copy of a statement (a wire copy) gets no finding at all."""
    judgement = judge_pair(a, a)
    assert judgement.verdict in (Verdict.AGREE, Verdict.UNRELATED), judgement


def _long_text(seed_words: tuple[str, ...], size: int) -> str:
    words = []
    length = 0
    index = 0
    while length < size:
        word = seed_words[(index * 7919) % len(seed_words)]
        words.append(word)
        length += len(word) + 1
        index += 1
    return " ".join(words)


def _peak(fn: object, *args: object) -> int:
    tracemalloc.start()
    try:
        fn(*args)  # type: ignore[operator]
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.timeout(budget(180))
@pytest.mark.parametrize("shape", ["prose", "one-line-no-stops", "newlines"])
def test_big_text_memory_is_bounded(shape: str) -> None:
    """200,000 characters of text are segmented and normalised within a bounded Python heap."""
    base = _long_text(NEWS_WORDS, 200_000)
    text = {
        "prose": base,
        "one-line-no-stops": base.replace(".", "").replace("\n", " "),
        "newlines": base.replace(" ", "\n"),
    }[shape]
    peak = _peak(lambda: check_statements(text, split_statements(text, doc_id="d")))
    assert peak < BIG_PEAK, f"split_statements peak {peak / 1e6:.0f} MB"
    peak = _peak(normalise_text, text)
    assert peak < BIG_PEAK, f"normalise_text peak {peak / 1e6:.0f} MB"


@pytest.mark.timeout(budget(120))
def test_judge_pair_on_huge_statements_is_bounded() -> None:
    """Two 50,000-character 'statements' (a paragraph without a full stop, passed straight to
    the API; the segmenter caps statements at 600) are judged within bounds."""
    a = _long_text(NEWS_WORDS, 50_000)
    b = _long_text(tuple(reversed(NEWS_WORDS)), 50_000)
    peak = _peak(judge_pair, a, b)
    assert peak < BIG_PEAK, f"judge_pair peak {peak / 1e6:.0f} MB"
