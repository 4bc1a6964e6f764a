"""Statements: exact offsets, sentence boundaries news text needs, roles, bounded work."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.model import Paragraph, StatementRole
from desktop.core.segment import (
    MAX_STATEMENT_CHARS,
    is_dateline,
    paragraphs_from_text,
    parse_date,
    split_statements,
)


def sentences(text: str) -> list[str]:
    return [s.text for s in split_statements(text, doc_id="d")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # abbreviations of a country, a rank and a month do not end a sentence
        (
            "The U.S. said Gen. Smith met them on Nov. 20 in Kyiv. Russia denied it.",
            ["The U.S. said Gen. Smith met them on Nov. 20 in Kyiv.", "Russia denied it."],
        ),
        # decimals and thousands separators
        (
            "Prices rose 3.5 per cent to 1,250.75 roubles. Sales fell.",
            ["Prices rose 3.5 per cent to 1,250.75 roubles.", "Sales fell."],
        ),
        # initials
        (
            "J. R. R. Tolkien wrote it in 1937. It sold well.",
            ["J. R. R. Tolkien wrote it in 1937.", "It sold well."],
        ),
        # a quotation that ends with a full stop, then its attribution
        (
            "“The deal is done.” he said. Others disagreed.",
            ["“The deal is done.” he said.", "Others disagreed."],
        ),
        # a wire dateline stays with its sentence
        (
            "LONDON, Nov 20 (Reuters) – Russia and Iran agreed a deal. It was signed in Tehran.",
            [
                "LONDON, Nov 20 (Reuters) – Russia and Iran agreed a deal.",
                "It was signed in Tehran.",
            ],
        ),
        # times with a.m. / p.m.
        (
            "Mr. Peskov spoke at 10 a.m. on Monday. He left at noon.",
            ["Mr. Peskov spoke at 10 a.m. on Monday.", "He left at noon."],
        ),
        # a split pysbd makes after "Ariz." is joined back
        (
            "Sen. John McCain, R-Ariz., said no. He left.",
            ["Sen. John McCain, R-Ariz., said no.", "He left."],
        ),
        # titles, an acronym with stops, a decimal number
        (
            "Dr. Jane Doe of the U.N. said 2.5 million people had fled. Most went to Poland.",
            ["Dr. Jane Doe of the U.N. said 2.5 million people had fled.", "Most went to Poland."],
        ),
        # money with a thousands separator
        (
            "The drones cost about $20,000 each, according to the ISW. Iran denies it.",
            ["The drones cost about $20,000 each, according to the ISW.", "Iran denies it."],
        ),
        # two ranks in a row, a saint's name
        (
            "Lt. Col. Ivanov said the St. Petersburg plant was ready. Output starts in spring.",
            [
                "Lt. Col. Ivanov said the St. Petersburg plant was ready.",
                "Output starts in spring.",
            ],
        ),
        # a question inside a quotation
        (
            "He asked: “Who approved this?” Nobody answered.",
            ["He asked: “Who approved this?”", "Nobody answered."],
        ),
        # several dotted acronyms
        (
            "The E.U. and the U.K. imposed sanctions. Russia called them illegal.",
            ["The E.U. and the U.K. imposed sanctions.", "Russia called them illegal."],
        ),
        # company suffixes
        (
            "Shares of Apple Inc. fell 2%. Microsoft Corp. rose.",
            ["Shares of Apple Inc. fell 2%.", "Microsoft Corp. rose."],
        ),
        # a quotation, then its speaker with two ranks
        (
            "“We will respond,” said Maj. Gen. Igor Konashenkov. He gave no details.",
            ["“We will respond,” said Maj. Gen. Igor Konashenkov.", "He gave no details."],
        ),
        # a month abbreviation before a day number
        (
            "It shot down 29 of 35 drones on Oct. 17. Kyiv was hit.",
            ["It shot down 29 of 35 drones on Oct. 17.", "Kyiv was hit."],
        ),
        # "vs." before a number
        ("The vote was 52 vs. 48. It passed.", ["The vote was 52 vs. 48.", "It passed."]),
        # an initial inside a name
        (
            "Iran’s foreign minister, H. Amirabdollahian, spoke. He denied the report.",
            ["Iran’s foreign minister, H. Amirabdollahian, spoke.", "He denied the report."],
        ),
        # question and exclamation marks
        (
            "Is this the end? Officials think not! Talks resume on Monday.",
            ["Is this the end?", "Officials think not!", "Talks resume on Monday."],
        ),
        # an abbreviation inside brackets
        (
            "The report (published Nov. 19) cited three officials. It named none.",
            ["The report (published Nov. 19) cited three officials.", "It named none."],
        ),
        # a full stop inside a closing quotation
        (
            "Peskov said: “Questions go to the Defense Ministry.” The ministry did not reply.",
            ["Peskov said: “Questions go to the Defense Ministry.”", "The ministry did not reply."],
        ),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_never_splits_across_paragraphs() -> None:
    text = "A paragraph without a full stop\n\nanother paragraph starting low. Then more."
    assert sentences(text) == [
        "A paragraph without a full stop",
        "another paragraph starting low.",
        "Then more.",
    ]


def test_news_lead_roles() -> None:
    text = (
        "Western officials believe Russia has made drone deal with Iran – WaPo\n\n"
        "20 Nov, 2022 07:28 / Updated 2 years ago\n"
        "Moscow and Tehran have repeatedly denied that any arms deliveries took place\n\n"
        "Moscow and Tehran have deepened their defense ties. The deal was agreed.\n\n"
        "Short line without stop\n"
    )
    roles = [s.role for s in split_statements(text, doc_id="d")]
    assert roles == [
        StatementRole.HEADLINE,
        StatementRole.DATELINE,
        StatementRole.STANDFIRST,
        StatementRole.BODY,
        StatementRole.BODY,
        StatementRole.BODY,
    ]


def test_text_starting_with_a_sentence_has_no_headline() -> None:
    text = "Russia and Iran agreed a deal, officials said.\n\nIt was signed in Tehran."
    assert {s.role for s in split_statements(text, doc_id="d")} == {StatementRole.BODY}


def test_bullets_become_list_items() -> None:
    text = "Key points\n\n- Iran denied the report.\n- Russia declined to comment.\n• A third one"
    statements = split_statements(text, doc_id="d")
    assert [s.role for s in statements[1:]] == [StatementRole.LIST_ITEM] * 3
    assert statements[1].text == "- Iran denied the report."


def test_given_paragraph_kinds_set_roles() -> None:
    text = "Title here\n\nA heading\n\nBody text. More body.\n\nAn item"
    paras = (
        Paragraph(0, 10, "title"),
        Paragraph(12, 21, "heading"),
        Paragraph(23, 44, "paragraph"),
        Paragraph(46, 53, "list-item"),
    )
    statements = split_statements(text, doc_id="doc", paragraphs=paras)
    assert [(s.text, s.role) for s in statements] == [
        ("Title here", StatementRole.HEADLINE),
        ("A heading", StatementRole.HEADING),
        ("Body text.", StatementRole.BODY),
        ("More body.", StatementRole.BODY),
        ("An item", StatementRole.LIST_ITEM),
    ]
    assert [s.id for s in statements] == [f"doc:s{i}" for i in range(5)]


def test_hard_wrapped_text_keeps_sentences_whole() -> None:
    line = "Moscow and Tehran have deepened their defence ties under a deal in"
    text = f"{line}\nwhich drones will be built in Russia for use in Ukraine, officials\nsaid.\n"
    assert paragraphs_from_text(text) == (Paragraph(0, len(text) - 1, "paragraph"),)
    assert len(sentences(text)) == 1


def test_over_long_run_is_cut_at_whitespace() -> None:
    text = " ".join(f"word{i}" for i in range(2000))
    statements = split_statements(text, doc_id="d")
    assert len(statements) > 1
    assert all(len(s.text) <= MAX_STATEMENT_CHARS for s in statements)
    assert all(not s.text.endswith("word") for s in statements)  # no word cut in two
    assert " ".join(s.text for s in statements) == text


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("word " * 400_000, 400_000 * 5 // MAX_STATEMENT_CHARS),  # a 2 MB line, no stops
        ("x" * 2_000_000, 2_000_000 // MAX_STATEMENT_CHARS),  # no spaces at all
        ("Hi there. " * 50_000, 50_000),  # 50,000 tiny sentences
        ("The drone deal was agreed in Iran this month, officials said. " * 3_000, 3_000),
    ],
)
def test_pathological_input_is_bounded(text: str, count: int) -> None:
    statements = split_statements(text, doc_id="d")
    assert abs(len(statements) - count) <= count // 50 + 1
    assert max(len(s.text) for s in statements) <= MAX_STATEMENT_CHARS


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("20 Nov, 2022 07:28 / Updated 2 years ago", "2022-11-20"),
        ("Published November 20, 2022", "2022-11-20"),
        ("Sun 20 Nov 2022 10.00 GMT", "2022-11-20"),
        ("Posted 2022-11-20 by Alex", "2022-11-20"),
        ("2022-11-21T10:00:00", "2022-11-21"),
        ("20.11.2022", "2022-11-20"),
        ("Sept. 3rd, 2021", "2021-09-03"),
        ("31 Foo 2022", None),
        ("2022-13-40", None),
    ],
)
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("20 Nov, 2022 07:28 / Updated 2 years ago", True),
        ("Last updated: 21 November 2022, 14:05 GMT", True),
        ("By Jane Doe | The Courier | 20 November 2022", True),
        ("Russia said on 20 November 2022 that it had signed a deal with Iran.", False),
        ("The deal was agreed this month.", False),
    ],
)
def test_is_dateline(line: str, expected: bool) -> None:
    assert is_dateline(line) is expected


NEWSY = st.text(
    alphabet=st.sampled_from(list("abcXYZ  .....!?,;:\"“”'’()–-\n\n\t0123456789U.S.")),
    max_size=400,
)


def check_partition(text: str, paragraphs: tuple[Paragraph, ...] = ()) -> None:
    statements = split_statements(text, doc_id="p", paragraphs=paragraphs)
    cursor = 0
    for index, statement in enumerate(statements):
        assert statement.id == f"p:s{index}"
        assert cursor <= statement.start < statement.end <= len(text)
        assert text[statement.start : statement.end] == statement.text
        assert statement.text == statement.text.strip()
        assert text[cursor : statement.start].strip() == ""  # gaps are whitespace only
        cursor = statement.end
    assert text[cursor:].strip() == ""


@settings(max_examples=150, deadline=None)
@given(NEWSY)
def test_statements_and_gaps_rebuild_the_text(text: str) -> None:
    check_partition(text)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=120), max_size=8))
def test_any_unicode_with_paragraphs(blocks: list[str]) -> None:
    text = "\n\n".join(blocks)
    paragraphs, start = [], 0
    for block in blocks:
        paragraphs.append(Paragraph(start, start + len(block)))
        start += len(block) + 2
    check_partition(text, tuple(paragraphs))


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 300), st.integers(0, 300), st.text(max_size=200))
def test_odd_paragraph_offsets_never_crash(a: int, b: int, text: str) -> None:
    statements = split_statements(
        text, doc_id="p", paragraphs=(Paragraph(a, b), Paragraph(b // 2, a))
    )
    for statement in statements:
        assert 0 <= statement.start < statement.end <= len(text)
        assert text[statement.start : statement.end] == statement.text


def test_threads_get_the_same_statements() -> None:
    from concurrent.futures import ThreadPoolExecutor

    texts = [
        f"Mr. Smith met Gen. Jones on Nov. {i} in the U.S. capital. They talked. " * 30
        for i in range(1, 13)
    ]
    expected = [split_statements(t, doc_id="d") for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(lambda t: split_statements(t, doc_id="d"), texts)) == expected
