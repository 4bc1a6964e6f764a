"""The pair judge: verdicts, finding kinds, messages and spans (table-driven)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, utils

from desktop.core.detect.token import words
from desktop.core.judge import judge_pair, judge_prepared, prepare, score_prepared
from desktop.core.model import CompareOptions, FindingKind, Verdict

K = FindingKind
V = Verdict

# (reference statement, other statement, verdict, finding kinds that must be reported)
VERDICT_CASES = [
    # the same claim in other words
    (
        "Iranian-designed drones will be built in Russia for use in Ukraine.",
        "Iranian-designed drones will be built in Russia to be used in Ukraine.",
        V.AGREE,
        set(),
    ),
    # word order changed, names spelled differently
    (
        "Kiev insists the drones are Iranian-made.",
        "Kyiv insists the drones are Iranian-made.",
        V.AGREE,
        set(),
    ),
    # numbers attached to the same noun
    (
        "Russian forces have deployed 400 Iranian-made attack drones.",
        "Russian forces have deployed 450 Iranian-made attack drones.",
        V.CONFLICT,
        {K.NUMBER},
    ),
    # months after "since"
    (
        "Russia has used the drones since August.",
        "Russia has used the drones since September.",
        V.CONFLICT,
        {K.DATE},
    ),
    # days of the week
    (
        "The newspaper reported the deal on Saturday.",
        "The newspaper reported the deal on Sunday.",
        V.CONFLICT,
        {K.DATE},
    ),
    # years
    (
        "The treaty was signed in 2019 in Geneva.",
        "The treaty was signed in 2021 in Geneva.",
        V.CONFLICT,
        {K.DATE},
    ),
    # "within months" against "within weeks"
    (
        "Production could begin within months, the Post said.",
        "Production could begin within weeks, the Post said.",
        V.CONFLICT,
        {K.DATE},
    ),
    # a vague quantity against another
    (
        "Iran supplied Russia with a small number of drones.",
        "Iran supplied Russia with hundreds of drones.",
        V.CONFLICT,
        {K.QUANTITY},
    ),
    # "dozens" against "hundreds"
    (
        "Officials said dozens of drones were shot down.",
        "Officials said hundreds of drones were shot down.",
        V.CONFLICT,
        {K.QUANTITY},
    ),
    # a vague quantity against a figure out of its range
    (
        "Iran supplied Russia with a small number of drones.",
        "Iran supplied Russia with 400 drones.",
        V.CONFLICT,
        {K.QUANTITY},
    ),
    # a denial against a confirmation
    (
        "Moscow denied that arms deliveries had taken place.",
        "Moscow confirmed that arms deliveries had taken place.",
        V.CONFLICT,
        {K.NEGATION},
    ),
    # "no ... have taken place" against an assertion
    (
        "No arms deliveries have taken place, the ministry said.",
        "Arms deliveries have taken place, the ministry said.",
        V.CONFLICT,
        {K.NEGATION},
    ),
    # "never"
    (
        "The minister never visited the drone factory.",
        "The minister visited the drone factory.",
        V.CONFLICT,
        {K.NEGATION},
    ),
    # "rejected claims"
    (
        "Tehran rejected claims that it supplied drones to Russia.",
        "Tehran supplied drones to Russia.",
        V.CONFLICT,
        {K.NEGATION},
    ),
    # hedged on one side only: less sure, not a contradiction, so partial
    (
        "The deal was reportedly agreed at a meeting in Iran.",
        "The deal was agreed at a meeting in Iran.",
        V.PARTIAL,
        {K.HEDGE},
    ),
    # "officials believe" against a flat statement: a hedge alone is partial
    (
        "Western officials believe Russia has made a drone deal with Iran.",
        "Russia has made a drone deal with Iran.",
        V.PARTIAL,
        {K.HEDGE},
    ),
    # a modal hedge in the report: a hedge alone is partial
    (
        "The drones were assembled in Russia.",
        "The drones may have been assembled in Russia.",
        V.PARTIAL,
        {K.HEDGE},
    ),
    # different outlets: whose claim it is differs, not what it says, so partial
    (
        "The deal was agreed this month, the Post said.",
        "The deal was agreed this month, the New York Times said.",
        V.PARTIAL,
        {K.ATTRIBUTION},
    ),
    # "Western officials" against "US officials": another source is partial
    (
        "Western officials told reporters the deal was agreed.",
        "US officials told reporters the deal was agreed.",
        V.PARTIAL,
        {K.ATTRIBUTION},
    ),
    # a different place in the same role
    (
        "The drones will be built in Russia under the deal.",
        "The drones will be built in Iran under the deal.",
        V.CONFLICT,
        {K.ENTITY},
    ),
    # a different speaker of the same words: another source, so partial
    (
        "Kremlin spokesman Dmitry Peskov said all weapons are from domestic stockpiles.",
        "Foreign Minister Sergei Lavrov said all weapons are from domestic stockpiles.",
        V.PARTIAL,
        {K.ATTRIBUTION},
    ),
    # a differently named body
    (
        "Further questions can be addressed to the Defense Ministry, Peskov said.",
        "Further questions can be addressed to the Foreign Ministry, Peskov said.",
        V.CONFLICT,
        {K.ENTITY},
    ),
    # a qualifier added to a figure
    (
        "Russian forces have deployed 400 Iranian-made attack drones since August.",
        "Russian forces have deployed more than 400 Iranian-made attack drones since August.",
        V.PARTIAL,
        {K.ADDED_DETAIL},
    ),
    # an actor dropped
    (
        "Moscow and Tehran denied that arms deliveries had taken place.",
        "Moscow denied that arms deliveries had taken place.",
        V.PARTIAL,
        {K.DROPPED_DETAIL},
    ),
    # a clause added
    (
        "The deal was agreed at a meeting in Iran.",
        "The deal was agreed at a meeting in Iran attended by senior Revolutionary Guard "
        "commanders and defence ministry engineers.",
        V.PARTIAL,
        {K.ADDED_DETAIL},
    ),
    # a source the reference does not give: a detail, not an attribution conflict
    (
        "Allegations surfaced after Moscow began using kamikaze drones in Ukraine.",
        "Allegations surfaced after Moscow began using kamikaze drones in Ukraine, Ukrainian "
        "officials said.",
        V.PARTIAL,
        {K.ADDED_DETAIL},
    ),
    # a source the report leaves out
    (
        "The deal was agreed this month, the Washington Post reported.",
        "The deal was agreed this month.",
        V.PARTIAL,
        {K.DROPPED_DETAIL},
    ),
    # "according to" a named source on one side only is a source, not a hedge
    (
        "The deal was agreed this month.",
        "The deal was agreed this month, according to US intelligence officials.",
        V.PARTIAL,
        {K.ADDED_DETAIL},
    ),
    # two different sources, one cited and one quoted: another source is partial
    (
        "The deal was agreed this month, citing three unidentified people.",
        "The deal was agreed this month, according to US intelligence officials.",
        V.PARTIAL,
        {K.ATTRIBUTION},
    ),
    # an adverb before the verb is not a source
    (
        "Disney has repeatedly said the safety of its guests was the reason for the ban.",
        "Disney spokeswoman Rena Callahan said the safety of its guests was the reason"
        " for the ban.",
        V.AGREE,
        set(),
    ),
    # "the company" points back at a named speaker: a dropped name, not a rival source
    (
        "Sales did not improve in June, said Chief Financial Officer Robert Rivet.",
        "Sales did not improve in June, the company said.",
        V.PARTIAL,
        {K.DROPPED_DETAIL},
    ),
    # one body named two ways is one source
    (
        "Homeland security officials announced that three companies were chosen.",
        "The Department of Homeland Security announced that three companies were chosen.",
        V.AGREE,
        set(),
    ),
    # "reportedly" and "was reported as saying" are the same hedge
    (
        "He reportedly claims the minister made a deal with him to keep his guns.",
        "He was reported as saying the minister made a deal with him to keep his guns.",
        V.AGREE,
        set(),
    ),
    # "alleged" against "said" by the same named body: it speaks either way
    (
        "The FTC said AOL failed to deliver timely rebates to consumers.",
        "The FTC alleged that AOL failed to deliver timely rebates to consumers.",
        V.AGREE,
        set(),
    ),
    # a headline's trailing credit is a source: another credit and a hedge are partial
    (
        "Western officials believe Russia has made drone deal with Iran – WaPo",
        "Russia has made drone deal with Iran, says the Guardian",
        V.PARTIAL,
        {K.HEDGE, K.ATTRIBUTION},
    ),
    # one credit on one side only is a detail
    (
        "Shahed-136 drones hit Kyiv",
        "Shahed-136 drones hit Kyiv - Reuters",
        V.PARTIAL,
        {K.ADDED_DETAIL},
    ),
    # the first word of a sentence still belongs to the name it opens
    (
        "Merrill neither admitted to nor denied wrongdoing in the accord.",
        "Merrill Lynch did not admit to wrongdoing in the accord.",
        V.AGREE,
        set(),
    ),
    # a figure the other side leaves out
    (
        "Russia deployed 400 drones against Ukrainian cities.",
        "Russia deployed drones against Ukrainian cities.",
        V.PARTIAL,
        {K.DROPPED_DETAIL},
    ),
    # a date the other side adds
    (
        "The Washington Post reported the deal.",
        "The Washington Post reported the deal on Saturday.",
        V.PARTIAL,
        {K.ADDED_DETAIL},
    ),
    # "declined to comment" and "had no comment" both say no
    (
        "The company declined to comment on the report.",
        "The company had no comment on the report.",
        V.AGREE,
        set(),
    ),
    # "declined" about prices is no denial
    (
        "Oil prices declined 5 percent on Monday.",
        "Oil prices fell 5 percent on Monday.",
        V.AGREE,
        set(),
    ),
    # "one fifth" is "a fifth", not a count of one
    (
        "Retirees will rise from a fifth to a third of the population by 2040.",
        "Retirees will rise from one fifth to a third of the population by 2040.",
        V.AGREE,
        set(),
    ),
    # "yesterday" against "today": reports written on different days, a partial at most
    (
        "Thousands of demonstrators gathered yesterday before the legislature.",
        "Thousands of demonstrators gathered today before the legislature.",
        V.PARTIAL,
        {K.ADDED_DETAIL},
    ),
    # honorifics are not names
    (
        "Mr. Hatfill was struck by a vehicle in Georgetown.",
        "Hatfill was struck by a vehicle in Georgetown.",
        V.AGREE,
        set(),
    ),
    # a figure inside the range of the vague quantity: a detail, not a contradiction
    (
        "Iran supplied Russia with hundreds of drones last year.",
        "Iran supplied Russia with 400 drones last year.",
        V.PARTIAL,
        {K.ADDED_DETAIL},
    ),
    # an approximate figure close to the exact one
    (
        "Nearly 400 drones were launched at Ukrainian cities.",
        "Some 390 drones were launched at Ukrainian cities.",
        V.PARTIAL,
        {K.DROPPED_DETAIL},
    ),
    # a source after the verb ("..., said the Post") is still a source; another one is partial
    (
        "The deal was agreed this month, said the Post.",
        "The deal was agreed this month, said the Guardian.",
        V.PARTIAL,
        {K.ATTRIBUTION},
    ),
    # a capital and its country are one source
    (
        "Kiev insists that the drones are Iranian-made Shahed-136 models.",
        "Ukraine says the drones are Iranian-made Shahed-136 models.",
        V.AGREE,
        set(),
    ),
    # an acronym and its full name are one body
    (
        "The SEC said its staff was preparing rules to combat trading abuses.",
        "The Securities and Exchange Commission said its staff was preparing rules to combat "
        "trading abuses.",
        V.AGREE,
        set(),
    ),
    # one name spelled two ways
    (
        "The epidemic began in Guangdong province in November.",
        "The epidemic began in Guandong province in November.",
        V.AGREE,
        set(),
    ),
    # a wire dateline is not part of the claim
    (
        "Russia and Iran have agreed to build drones in Russia, the Post reported.",
        "LONDON, Nov 19 (Newswire) - Russia and Iran have agreed to build drones in Russia, "
        "the Post reported.",
        V.AGREE,
        set(),
    ),
    # a denial clause appended to the same claim
    (
        "The US says Iran has been supplying Russia with drones.",
        "The US says Iran has been supplying Russia with drones, a charge Tehran rejects.",
        V.PARTIAL,
        {K.ADDED_DETAIL},
    ),
    # a "not" inside a clause the other side does not have is no contradiction
    (
        "The deal lets Russia shore up its supply of munitions, while Iranian leaders believe "
        "they can avoid sanctions because the drones would not be assembled in their country.",
        "The deal lets Russia shore up its supply of munitions.",
        V.PARTIAL,
        {K.DROPPED_DETAIL},
    ),
    # a hedge inside a clause the report drops is not a hedge on the shared claim
    (
        "Russia and Iran are working to transfer designs and key components for the drones, "
        "which could allow production to begin within months.",
        "Russia and Iran are working to transfer designs and key components for the drones.",
        V.PARTIAL,
        {K.DROPPED_DETAIL},
    ),
    # unrelated statements get no link
    (
        "Russian forces have deployed 400 Iranian-made attack drones.",
        "The central bank raised interest rates by half a point on Thursday.",
        V.UNRELATED,
        set(),
    ),
]


@pytest.mark.parametrize(("a", "b", "verdict", "kinds"), VERDICT_CASES)
def test_verdicts_and_kinds(a: str, b: str, verdict: Verdict, kinds: set[FindingKind]) -> None:
    j = judge_pair(a, b)
    found = {f.kind for f in j.findings}
    assert j.verdict is verdict, (j.score, [f.message for f in j.findings])
    assert kinds <= found, [f.message for f in j.findings]
    if verdict is V.PARTIAL:
        # a hedge or another source is reported only where the case is about one
        assert found & {K.HEDGE, K.ATTRIBUTION} <= kinds, [f.message for f in j.findings]
    assert 0 <= j.score <= 100


def test_containment_trap_is_not_agree() -> None:
    # token_set_ratio calls these identical; the judge must not
    a = "The drones will be built in Russia."
    b = "The drones will be built in Russia, officials later denied it."
    assert fuzz.token_set_ratio(a, b, processor=utils.default_process) == 100
    j = judge_pair(a, b)
    assert j.verdict is not Verdict.AGREE
    assert j.verdict is not Verdict.UNRELATED
    assert any("denial" in f.message or f.kind is K.NEGATION for f in j.findings)


# (reference, other, kind, message, words in a, words in b)
MESSAGE_CASES = [
    # the number message names both figures and the noun
    (
        "Russian forces have deployed 400 drones.",
        "Russian forces have deployed 450 drones.",
        K.NUMBER,
        "numbers differ: 400 vs 450 drones",
        "400",
        "450",
    ),
    # the date message quotes both dates with their preposition
    (
        "Russia has used the drones since August.",
        "Russia has used the drones since September.",
        K.DATE,
        "dates differ: since August vs since September",
        "since August",
        "since September",
    ),
    # day-month dates are quoted as written
    (
        "The attack began on 24 August, officials said.",
        "The attack began on 25 August, officials said.",
        K.DATE,
        "dates differ: on 24 August vs on 25 August",
        "on 24 August",
        "on 25 August",
    ),
    # the negation message quotes both verbs
    (
        "Moscow denied that arms deliveries had taken place.",
        "Moscow confirmed that arms deliveries had taken place.",
        K.NEGATION,
        "one side denies what the other asserts: 'denied' vs 'confirmed'",
        "denied",
        "confirmed",
    ),
    # who believes is part of the hedge
    (
        "Western officials believe Russia has made a drone deal with Iran.",
        "Russia has made a drone deal with Iran.",
        K.HEDGE,
        "the report states flatly what the reference hedges ('Western officials believe')",
        "Western officials believe",
        None,
    ),
    # the hedge message says which side hedges
    (
        "The deal was reportedly agreed at a meeting in Iran.",
        "The deal was agreed at a meeting in Iran.",
        K.HEDGE,
        "the report states flatly what the reference hedges ('reportedly')",
        "reportedly",
        None,
    ),
    # the quantity message quotes both quantities
    (
        "Iran supplied Russia with a small number of drones.",
        "Iran supplied Russia with hundreds of drones.",
        K.QUANTITY,
        "quantities differ: 'a small number' vs 'hundreds'",
        "a small number",
        "hundreds",
    ),
    # the entity message names both places
    (
        "The drones will be built in Russia under the deal.",
        "The drones will be built in Iran under the deal.",
        K.ENTITY,
        "different places: Russia vs Iran",
        "Russia",
        "Iran",
    ),
    # the dropped actor is highlighted in the reference
    (
        "Moscow and Tehran denied that arms deliveries had taken place.",
        "Moscow denied that arms deliveries had taken place.",
        K.DROPPED_DETAIL,
        "the report leaves out 'Tehran'",
        "Tehran",
        None,
    ),
    # the qualifier is part of the highlighted words
    (
        "Russian forces have deployed 400 drones.",
        "Russian forces have deployed more than 400 drones.",
        K.ADDED_DETAIL,
        "the figure is qualified differently: '400' vs 'more than 400'",
        "400",
        "more than 400",
    ),
]


@pytest.mark.parametrize(("a", "b", "kind", "message", "in_a", "in_b"), MESSAGE_CASES)
def test_messages_and_spans(
    a: str, b: str, kind: FindingKind, message: str, in_a: str | None, in_b: str | None
) -> None:
    j = judge_pair(a, b)
    finding = next(f for f in j.findings if f.kind is kind)
    assert finding.message == message
    if in_a is None:
        assert finding.reference_span is None
    else:
        assert finding.reference_span is not None
        s, e = finding.reference_span
        assert a[s:e] == in_a
    if in_b is None:
        assert finding.other_span is None
    else:
        assert finding.other_span is not None
        s, e = finding.other_span
        assert b[s:e] == in_b


def test_hedge_message_when_the_report_hedges() -> None:
    j = judge_pair(
        "The deal was agreed at a meeting in Iran.",
        "The deal was allegedly agreed at a meeting in Iran.",
    )
    hedge = next(f for f in j.findings if f.kind is K.HEDGE)
    assert hedge.message == "the report hedges ('allegedly') what the reference states flatly"


def test_spans_index_the_original_text_with_curly_quotes_and_number_words() -> None:
    a = "“Four hundred” drones were deployed, officials said."
    b = "“Four hundred and fifty” drones were deployed, officials said."
    finding = next(f for f in judge_pair(a, b).findings if f.kind is K.NUMBER)
    assert finding.reference_span and finding.other_span
    assert a[slice(*finding.reference_span)] == "Four hundred"
    assert b[slice(*finding.other_span)] == "Four hundred and fifty"


def test_only_chosen_finding_kinds_are_reported() -> None:
    a = "The deal was reportedly agreed with 400 drones."
    b = "The deal was agreed with 450 drones."
    full = judge_pair(a, b)
    assert {K.HEDGE, K.NUMBER} <= {f.kind for f in full.findings}
    assert full.verdict is Verdict.CONFLICT  # the figures cannot both be true
    only_hedge = judge_pair(a, b, options=CompareOptions(finding_kinds=frozenset({K.HEDGE})))
    assert {f.kind for f in only_hedge.findings} == {K.HEDGE}
    assert only_hedge.verdict is Verdict.PARTIAL  # the verdict rests on the kept hedge alone
    only_number = judge_pair(a, b, options=CompareOptions(finding_kinds=frozenset({K.NUMBER})))
    assert {f.kind for f in only_number.findings} == {K.NUMBER}
    assert only_number.verdict is Verdict.CONFLICT
    no_number = frozenset(FindingKind) - {K.NUMBER, K.HEDGE}
    assert judge_pair(a, b, options=CompareOptions(finding_kinds=no_number)).verdict is not (
        Verdict.CONFLICT
    )
    none = judge_pair(a, b, options=CompareOptions(finding_kinds=frozenset()))
    assert none.verdict is Verdict.AGREE and none.findings == ()


def test_threshold_decides_unrelated() -> None:
    a = "The deal was agreed at a meeting in Iran."
    b = "The deal was agreed at a meeting in Iran."
    assert judge_pair(a, b).verdict is Verdict.AGREE
    strict = judge_pair(a, "A deal was struck in Tehran.", options=CompareOptions(threshold=95))
    assert strict.verdict is Verdict.UNRELATED and strict.findings == ()


def test_user_alias_removes_an_entity_difference() -> None:
    a = "Shelling near the Zaporozhye plant continued overnight."
    b = "Shelling near the Zaporizhzhia plant continued overnight."
    plain = judge_pair(a, b)
    assert plain.verdict is not Verdict.AGREE
    aliased = judge_pair(a, b, options=CompareOptions(aliases=(("Zaporozhye", "Zaporizhzhia"),)))
    assert aliased.verdict is Verdict.AGREE


def test_prepared_path_matches_the_wrapper_and_is_deterministic() -> None:
    a = "Russian forces have deployed 400 drones since August, the Post said."
    b = "Russian forces reportedly deployed 450 drones since September."
    j1, j2 = judge_pair(a, b), judge_pair(a, b)
    assert j1 == j2
    pa, pb = prepare(a), prepare(b)
    assert judge_prepared(pa, pb) == j1
    assert score_prepared(pa, pb) == j1.score
    assert judge_prepared(pa, pb, score=j1.score) == j1


def test_empty_and_punctuation_only_statements() -> None:
    assert judge_pair("", "").verdict is Verdict.UNRELATED
    assert judge_pair("...", "—").verdict is Verdict.UNRELATED
    assert judge_pair("Drones.", "").score == 0


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.text(max_size=200))
def test_any_unicode_pair_is_judged_with_spans_in_range(a: str, b: str) -> None:
    j = judge_pair(a, b, options=CompareOptions(threshold=0))
    assert 0 <= j.score <= 100
    for f in j.findings:
        if f.reference_span is not None:
            assert 0 <= f.reference_span[0] < f.reference_span[1] <= len(a)
        if f.other_span is not None:
            assert 0 <= f.other_span[0] < f.other_span[1] <= len(b)
        assert f.message


NEWS_WORDS = tuple(
    sorted(
        words(
            "Moscow Tehran denied confirmed 400 450 drones since August September reportedly "
            "a small number of hundreds the Post said , . not never in Iran Russia more than "
            "twenty-five 2022 Nov Saturday"
        )
    )
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(NEWS_WORDS), max_size=25),
    st.lists(st.sampled_from(NEWS_WORDS), max_size=25),
)
def test_news_like_word_salad_never_breaks(a_words: list[str], b_words: list[str]) -> None:
    a, b = " ".join(a_words), " ".join(b_words)
    j = judge_pair(a, b, options=CompareOptions(threshold=0))
    for f in j.findings:
        if f.reference_span is not None:
            assert a[slice(*f.reference_span)].strip()
        if f.other_span is not None:
            assert b[slice(*f.other_span)].strip()


def test_runaway_statements_get_a_readable_number_of_findings() -> None:
    # a PDF without full stops can make one "statement" of thousands of words
    a = " ".join(f"Moscow said {n} drones reportedly hit Kyiv on Monday," for n in range(400))
    b = " ".join(f"Tehran said {n + 1} drones hit Lviv on Friday," for n in range(400))
    j = judge_pair(a, b, options=CompareOptions(threshold=0))
    assert 0 < len(j.findings) <= 8 * len(FindingKind)
    for f in j.findings:
        if f.reference_span is not None:
            assert 0 <= f.reference_span[0] < f.reference_span[1] <= len(a)
