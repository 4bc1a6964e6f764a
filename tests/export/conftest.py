"""Hand-built comparisons for the export tests (the engine is not needed to test reports)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from desktop.core.model import (
    Claim,
    CompareOptions,
    Comparison,
    Document,
    Finding,
    FindingKind,
    Link,
    LinkOrigin,
    Skipped,
    Statement,
    Support,
    Verdict,
)

REFERENCE = (
    "Western officials believe Russia has made drone deal with Iran – WaPo",
    "Moscow and Tehran have deepened their defense ties under a deal in which Iranian-designed "
    "drones will be built in Russia for use in Ukraine, Western security officials have told "
    "the Washington Post.",
    "The deal was reportedly agreed earlier this month at a meeting in Iran.",
    "Russian forces have already deployed 400 Iranian-made attack drones since August, advancing "
    "its strategy of “relentless air assaults on Ukrainian cities,” according to the report.",
    "Iranian Foreign Minister Hossein Amirabdollahian has said that his nation only provided "
    "Russia with a “small number of drones” months before the conflict began.",
    "Kremlin spokesman Dmitry Peskov said in October that all weapons used by Russian troops "
    "are from domestic stockpiles.",
    "Kiev insists that the drones, known as Geran-2, are actually Iranian-made Shahed-136 UAVs.",
)

# A finding: (kind, message, words in the reference statement, words in the other statement).
FindingSpec = tuple[FindingKind, str, str | None, str | None]


@dataclass
class LinkSpec:
    """One link of a report to the reference, described by statement positions."""

    ref: int
    other: int
    verdict: Verdict
    score: float
    findings: tuple[FindingSpec, ...] = ()
    machine: Verdict | None = None
    reviewed: bool = False
    note: str = ""
    by_hand: bool = False


@dataclass
class ReportSpec:
    """A report: its statements and how they link to the reference."""

    title: str
    outlet: str | None
    sentences: tuple[str, ...]
    links: tuple[LinkSpec, ...] = ()
    fmt: str = "txt"
    published: str | None = "2022-11-20"
    file: str = ""
    extra_claims: tuple[tuple[int, str], ...] = field(default=())  # (statement, claim key)


NUMBER = FindingKind.NUMBER
REPORTS = (
    ReportSpec(
        "Россия и Иран договорились о производстве дронов",
        "Коммерсантъ",
        (
            "Россия и Иран договорились о производстве дронов в России.",
            "По данным The Washington Post, соглашение было достигнуто в начале ноября в Иране.",
            "С сентября российские войска применили 450 беспилотников иранского производства.",
            "Киев сообщил, что над столицей сбиты «Шахеды».",
        ),
        (
            LinkSpec(1, 0, Verdict.AGREE, 84.0),
            LinkSpec(2, 1, Verdict.AGREE, 78.5),
            LinkSpec(
                3,
                2,
                Verdict.CONFLICT,
                71.0,
                (
                    (NUMBER, "numbers differ: 400 vs 450 drones", "400", "450"),
                    (
                        FindingKind.DATE,
                        "dates differ: since August vs since September",
                        "since August",
                        "С сентября",
                    ),
                ),
            ),
        ),
        fmt="docx",
        file="kommersant-drony.docx",
        extra_claims=((3, "shot-down"),),
    ),
    ReportSpec(
        "إيران وروسيا تتفقان على تصنيع الطائرات المسيرة",
        "الجزيرة",
        (
            "قال مسؤولون غربيون إن روسيا ستصنع طائرات مسيرة إيرانية التصميم على أراضيها.",
            "وقال وزير الخارجية الإيراني إن بلاده زودت روسيا بعدد صغير من الطائرات المسيرة.",
            "ونفت طهران أن تكون قد أرسلت أي أسلحة منذ بدء الحرب.",
        ),
        (
            LinkSpec(
                1,
                0,
                Verdict.PARTIAL,
                66.0,
                (
                    (
                        FindingKind.DROPPED_DETAIL,
                        "the report leaves out “for use in Ukraine”",
                        "for use in Ukraine",
                        None,
                    ),
                ),
            ),
            LinkSpec(4, 1, Verdict.AGREE, 70.0),
        ),
        fmt="html",
        file="aljazeera-drones.html",
        extra_claims=((2, "denial"),),
    ),
    ReportSpec(
        "Iran to help Russia build drones, officials say",
        "Reuters",
        (
            "Iran has agreed to help Russia build drones on Russian soil, U.S. officials said.",
            "Russian forces may have deployed more than 400 Iranian-made drones since August, "
            "officials believe.",
            "Kremlin spokesman Dmitry Peskov said in October that “all weapons” are Russian-made.",
            "Tehran has denied sending any weapons since the war began.",
        ),
        (
            LinkSpec(
                1,
                0,
                Verdict.PARTIAL,
                61.0,
                (
                    (
                        FindingKind.ATTRIBUTION,
                        "different sources: Western security officials vs U.S. officials",
                        "Western security officials",
                        "U.S. officials",
                    ),
                ),
            ),
            LinkSpec(
                3,
                1,
                Verdict.PARTIAL,
                80.0,
                (
                    (
                        FindingKind.HEDGE,
                        "the report hedges: “may have” against a flat statement",
                        None,
                        "may have",
                    ),
                    (
                        FindingKind.QUANTITY,
                        "quantities differ: 400 vs more than 400",
                        "400",
                        "more than 400",
                    ),
                ),
                machine=Verdict.CONFLICT,
                reviewed=True,
                note="“More than 400” is compatible with 400 — a partial, not a conflict.",
            ),
            LinkSpec(5, 2, Verdict.AGREE, 88.0, machine=Verdict.AGREE, reviewed=True),
        ),
        file="reuters.txt",
        extra_claims=((3, "denial"),),
    ),
    ReportSpec(
        "Iran to help Russia build drones, officials say",
        "Yahoo News",
        (
            "Iran has agreed to help Russia build drones on Russian soil, U.S. officials said.",
            "Russian forces may have deployed more than 400 Iranian-made drones since August, "
            "officials believe.",
            "Tehran has denied sending any weapons since the war began.",
            "Tehran has confirmed sending a few drones before the war began.",
        ),
        (
            LinkSpec(
                1,
                0,
                Verdict.PARTIAL,
                61.0,
                (
                    (
                        FindingKind.ATTRIBUTION,
                        "different sources: Western security officials vs U.S. officials",
                        "Western security officials",
                        "U.S. officials",
                    ),
                ),
            ),
            LinkSpec(
                3,
                1,
                Verdict.PARTIAL,
                80.0,
                (
                    (
                        FindingKind.HEDGE,
                        "the report hedges: “may have” against a flat statement",
                        None,
                        "may have",
                    ),
                ),
            ),
        ),
        fmt="md",
        file="yahoo-copy.md",
        extra_claims=((2, "denial"),),
    ),
    ReportSpec(
        "Kremlin <b>denies</b> & rejects “drone deal” <script>alert('x')</script>",
        None,
        (
            "The Kremlin said no deal on drones had been agreed with Iran at any meeting.",
            '=HYPERLINK("http://evil.example") Russian troops use only domestic weapons, the '
            "Kremlin said, adding that “all further questions can be addressed to the Defense "
            "Ministry”, and that reports of an assembly line were “an invention of Western media "
            "who have never once visited the factories in Yelabuga or anywhere else in the "
            "Republic of Tatarstan, where, the spokesman said, nothing of the kind is built.”",
        ),
        (
            LinkSpec(
                2,
                0,
                Verdict.CONFLICT,
                58.0,
                (
                    (
                        FindingKind.NEGATION,
                        "one says the deal was agreed, the other that no deal was agreed",
                        "was reportedly agreed",
                        "no deal on drones had been agreed",
                    ),
                ),
                machine=Verdict.CONFLICT,
                reviewed=True,
                note="Checked: the Kremlin statement is a flat denial <confirmed>.",
            ),
            LinkSpec(
                6,
                1,
                Verdict.PARTIAL,
                52.0,
                by_hand=True,
                reviewed=True,
                note="Linked by hand; the engine missed it.",
            ),
        ),
        published=None,
        file="kremlin.pdf",
        fmt="pdf",
    ),
)


def _document(
    title: str,
    sentences: tuple[str, ...],
    *,
    outlet: str | None,
    fmt: str,
    published: str | None,
    file: str,
) -> Document:
    text = "\n\n".join(sentences)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    doc_id = sha[:12]
    statements = []
    pos = 0
    for index, sentence in enumerate(sentences):
        start = text.index(sentence, pos)
        statements.append(Statement(f"{doc_id}:s{index}", sentence, start, start + len(sentence)))
        pos = start + len(sentence)
    return Document(
        doc_id,
        text,
        tuple(statements),
        title,
        f"/home/ана/news/{file}",
        sha,
        fmt,
        published=published,
        outlet=outlet,
    )


def _span(text: str, words: str | None) -> tuple[int, int] | None:
    if words is None:
        return None
    start = text.index(words)
    return (start, start + len(words))


def _link(ref: Document, doc: Document, spec: LinkSpec) -> Link:
    a, b = ref.statements[spec.ref], doc.statements[spec.other]
    findings = tuple(
        Finding(kind, message, _span(a.text, wa), _span(b.text, wb))
        for kind, message, wa, wb in spec.findings
    )
    origin = LinkOrigin.REVIEWER if spec.by_hand else LinkOrigin.ENGINE
    machine = None if spec.by_hand else (spec.machine or spec.verdict)
    return Link(
        a.id, b.id, spec.score, spec.verdict, findings, machine, origin, spec.reviewed, spec.note
    )


def _between(a: Statement, b: Statement) -> Link:
    finding = Finding(
        FindingKind.NEGATION,
        "one side denies what the other confirms: 'denied' vs 'confirmed'",
        _span(a.text, "denied"),
        _span(b.text, "confirmed"),
    )
    return Link(
        a.id, b.id, 64.0, Verdict.CONFLICT, (finding,), Verdict.CONFLICT, between_reports=True
    )


SUPPORT = {
    Verdict.AGREE: Support.AGREE,
    Verdict.PARTIAL: Support.PARTIAL,
    Verdict.CONFLICT: Support.CONFLICT,
}


def _claims(
    ref: Document,
    reports: list[Document],
    links: list[Link],
    copies: dict[str, str],
    specs: tuple[ReportSpec, ...],
) -> list[Claim]:
    claims = []
    for st in ref.statements:
        support = {ref.id: Support.SOURCE}
        members = [st.id]
        for doc in reports:
            mine = [lk for lk in links if lk.reference == st.id and lk.other.startswith(doc.id)]
            support[doc.id] = SUPPORT[mine[0].verdict] if mine else Support.OMITTED
            members += [lk.other for lk in mine]
        backers = {
            copies.get(d, d) for d, s in support.items() if s in (Support.AGREE, Support.PARTIAL)
        }
        claims.append(Claim(f"c{len(claims)}", tuple(members), support, len(backers)))
    # Report statements the reference lacks; statements with the same key are one claim.
    extra: dict[str, Claim] = {}
    for doc, spec in zip(reports, specs, strict=True):
        for index, key in spec.extra_claims:
            st = doc.statements[index]
            if key in extra:
                old = extra[key]
                support = {**old.support, doc.id: Support.AGREE}
                extra[key] = Claim(
                    old.id,
                    (*old.statements, st.id),
                    support,
                    len({copies.get(d, d) for d in support}),
                    in_reference=False,
                )
            else:
                extra[key] = Claim(
                    f"c{len(claims) + len(extra)}",
                    (st.id,),
                    {doc.id: Support.SOURCE},
                    1,
                    in_reference=False,
                )
    return claims + list(extra.values())


def build_comparison(report_count: int = len(REPORTS)) -> Comparison:
    """The reference with the first ``report_count`` sample reports (more repeat with suffixes)."""
    ref = _document(
        REFERENCE[0],
        REFERENCE,
        outlet="RT",
        fmt="txt",
        published="2022-11-20",
        file="reference-rt-drone-deal.txt",
    )
    specs = tuple(REPORTS[i % len(REPORTS)] for i in range(report_count))
    reports = []
    for i, spec in enumerate(specs):
        suffix = f" ({i // len(REPORTS) + 1})" if i >= len(REPORTS) else ""
        sentences = tuple(s + suffix for s in spec.sentences) if suffix else spec.sentences
        reports.append(
            _document(
                spec.title + suffix,
                sentences,
                outlet=spec.outlet,
                fmt=spec.fmt,
                published=spec.published,
                file=spec.file,
            )
        )
    links = [
        _link(ref, doc, ls) for doc, spec in zip(reports, specs, strict=True) for ls in spec.links
    ]
    copies = {}
    if report_count >= 4:
        copies[reports[3].id] = reports[2].id
        links.append(_between(reports[2].statements[3], reports[3].statements[3]))
    claims = _claims(ref, reports, links, copies, specs)
    options = CompareOptions(threshold=45.0, aliases=(("Kiev", "Kyiv"), ("Tehran", "Iran")))
    skipped = (Skipped("/home/ана/news/scan.pdf", "the PDF has no text layer; it may be a scan"),)
    return Comparison(
        ref, tuple(reports), tuple(links), tuple(claims), options, skipped, tuple(copies.items())
    )


@pytest.fixture
def comparison() -> Comparison:
    return build_comparison()


@pytest.fixture
def small_comparison() -> Comparison:
    return build_comparison(3)


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "отчёты"
    folder.mkdir()
    return folder
