"""The disputed facts the cover leads with, and the findings grouped under their claim."""

from __future__ import annotations

from desktop.core.model import Claim, Comparison, Finding, FindingKind, Link, Support, Verdict
from desktop.core.summary import count_comparison, disputed_facts, fact_line, widely_omitted
from desktop.export.groups import finding_groups
from desktop.export.text import cover_summary, report_names
from tests.core.test_claims import make_doc

REF = make_doc(
    "ref",
    [
        "The deal was agreed at a meeting in Iran.",
        "Russia has deployed 400 drones since August.",
        "The factory is in Tatarstan.",
    ],
)
SAYS = {
    "a": ["Russia has deployed 450 drones since August.", "The deal was agreed in Moscow."],
    "b": ["Russia has deployed 450 drones since August."],
    "c": ["Russia has deployed 500 drones since August."],
}
REPORTS = [make_doc(name, sentences) for name, sentences in SAYS.items()]


def span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def conflict(ref: int, report: int, other: int, kind: FindingKind, theirs: str, ours: str) -> Link:
    r, o = REF.statements[ref], REPORTS[report].statements[other]
    finding = Finding(kind, f"differ: {ours} vs {theirs}", span(r.text, ours), span(o.text, theirs))
    return Link(r.id, o.id, 70.0, Verdict.CONFLICT, (finding,))


def comparison() -> Comparison:
    links = (
        conflict(1, 0, 0, FindingKind.NUMBER, "450", "400"),
        conflict(1, 1, 0, FindingKind.NUMBER, "450", "400"),
        conflict(1, 2, 0, FindingKind.NUMBER, "500", "400"),
        conflict(0, 0, 1, FindingKind.ENTITY, "Moscow", "Iran"),
    )
    docs = [REF.id, *(d.id for d in REPORTS)]

    def claim(n: int, support: dict[str, Support]) -> Claim:
        full = {d: support.get(d, Support.OMITTED) for d in docs} | {REF.id: Support.SOURCE}
        return Claim(f"c{n}", (REF.statements[n].id,), full)

    conflicts = {d.id: Support.CONFLICT for d in REPORTS}
    claims = (claim(0, {REPORTS[0].id: Support.CONFLICT}), claim(1, conflicts), claim(2, {}))
    return Comparison(REF, tuple(REPORTS), links, claims)


def test_the_most_disputed_fact_comes_first_with_each_version_and_its_reports() -> None:
    c = comparison()
    facts = disputed_facts(c)
    assert [f.reference for f in facts] == ["400", "Iran"]  # three reports, then one
    drones = facts[0]
    assert [(v.words, v.documents) for v in drones.versions] == [
        ("450", (REPORTS[0].id, REPORTS[1].id)),
        ("500", (REPORTS[2].id,)),
    ]
    line = fact_line(drones, lambda ids: report_names(c, ids))
    assert line.endswith(": 400 (reference) vs 450 (Reports 1 and 2); 500 (Report 3)")
    assert "deployed 400 drones since August" in line  # the words around it say what it is


def test_the_cover_names_facts_by_claim_and_what_most_reports_leave_out() -> None:
    c = comparison()
    summary = cover_summary(c, count_comparison(c))
    assert summary.facts[0].startswith("Claim 2, “")
    assert summary.facts[1].endswith("Iran (reference) vs Moscow (Report 1)")
    assert widely_omitted(c) == [
        (REF.statements[2].id, tuple(d.id for d in REPORTS)),
        (REF.statements[0].id, (REPORTS[1].id, REPORTS[2].id)),
    ]
    assert summary.omitted == (
        "claim 1, “The deal was agreed at a meeting in Iran.” (Reports 2 and 3 of 3)",
    )  # claim 3 is in no report: a count
    assert "4 conflicts (3 reports, 2 claims)" in summary.counts


def test_each_link_is_listed_once_under_its_claim() -> None:
    c = comparison()
    groups = finding_groups(c, Verdict.CONFLICT)
    assert [(g.number, g.reports) for g in groups] == [(2, 3), (1, 1)]
    listed = [lk for g in groups for e in g.entries for lk in e.links]
    assert sorted(map(id, listed)) == sorted(map(id, c.links))
    assert finding_groups(c, Verdict.PARTIAL) == []
