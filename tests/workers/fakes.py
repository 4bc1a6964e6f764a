"""A small fake engine: documents from sentences, links by shared opening words."""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from desktop.core.errors import Cancelled, LoadError
from desktop.core.model import (
    Action,
    Claim,
    CompareOptions,
    Comparison,
    Decision,
    Document,
    Finding,
    FindingKind,
    Link,
    LinkOrigin,
    Paragraph,
    Skipped,
    Statement,
    Support,
    Verdict,
)
from desktop.workers.engine import Engine

_SENTENCE = re.compile(r"[^.!?]+[.!?]")
_NUMBER = re.compile(r"\d+")


def make_document(text: str, *, path: str = "doc.txt", title: str | None = None) -> Document:
    """A Document whose statements are the sentences of ``text``."""
    sha = hashlib.sha256(text.encode()).hexdigest()
    doc_id = sha[:12]
    statements = []
    for index, match in enumerate(_SENTENCE.finditer(text)):
        start = match.start() + (len(match.group()) - len(match.group().lstrip()))
        statements.append(
            Statement(f"{doc_id}:s{index}", text[start : match.end()], start, match.end())
        )
    return Document(
        doc_id,
        text,
        tuple(statements),
        title or Path(path).stem,
        path,
        sha,
        "txt",
        (Paragraph(0, len(text)),),
        outlet="Fake Wire",
    )


def load_text(path: Path) -> Document:
    """Load a .txt file; anything else, or a file holding 'BROKEN', fails like a loader."""
    if path.suffix != ".txt":
        raise LoadError(path, "this kind of file is not supported")
    text = path.read_text(encoding="utf-8")
    if "BROKEN" in text:
        raise LoadError(path, "the file is damaged")
    return make_document(text, path=str(path))


def judge(a: Statement, b: Statement) -> Link | None:
    """Same text: agree; same first three words: conflict when numbers differ, else partial."""
    if a.text == b.text:
        return Link(a.id, b.id, 100.0, Verdict.AGREE, machine_verdict=Verdict.AGREE)
    if a.text.split()[:3] != b.text.split()[:3]:
        return None
    na, nb = _NUMBER.search(a.text), _NUMBER.search(b.text)
    if na and nb and na.group() != nb.group():
        finding = Finding(
            FindingKind.NUMBER,
            f"numbers differ: {na.group()} vs {nb.group()}",
            na.span(),
            nb.span(),
        )
        return Link(
            a.id, b.id, 80.0, Verdict.CONFLICT, (finding,), machine_verdict=Verdict.CONFLICT
        )
    finding = Finding(FindingKind.ADDED_DETAIL, "the report words it differently")
    return Link(a.id, b.id, 70.0, Verdict.PARTIAL, (finding,), machine_verdict=Verdict.PARTIAL)


def _apply(links: list[Link], decisions: Sequence[Decision]) -> list[Link]:
    for d in decisions:
        found = [
            i
            for i, link in enumerate(links)
            if (link.reference, link.other) == (d.reference, d.other)
        ]
        if d.action is Action.LINK and not found:
            links.append(
                Link(
                    d.reference,
                    d.other,
                    0.0,
                    d.verdict or Verdict.AGREE,
                    origin=LinkOrigin.REVIEWER,
                    reviewed=True,
                    note=d.note,
                )
            )
        for i in found:
            if d.action is Action.UNLINK:
                links[i] = replace(links[i], verdict=Verdict.UNRELATED, reviewed=True)
            elif d.action is Action.SET_VERDICT:
                links[i] = replace(
                    links[i], verdict=d.verdict or links[i].verdict, reviewed=True, note=d.note
                )
            else:
                links[i] = replace(links[i], reviewed=True, note=d.note)
    return [link for link in links if link.verdict is not Verdict.UNRELATED]


def _claims(reference: Document, reports: Sequence[Document], links: list[Link]) -> list[Claim]:
    claims = []
    linked: set[str] = set()
    for st in reference.statements:
        mine = [link for link in links if link.reference == st.id]
        support = {reference.id: Support.SOURCE}
        for report in reports:
            match = next((lk for lk in mine if lk.other.startswith(report.id + ":")), None)
            support[report.id] = Support(match.verdict.value) if match else Support.OMITTED
        linked.update(lk.other for lk in mine)
        agree = sum(1 for s in support.values() if s in (Support.AGREE, Support.PARTIAL))
        claims.append(Claim(f"c{len(claims)}", (st.id, *(lk.other for lk in mine)), support, agree))
    for report in reports:
        for st in report.statements:
            if st.id not in linked:
                support = {d.id: Support.OMITTED for d in (reference, *reports)}
                support[report.id] = Support.SOURCE
                claims.append(Claim(f"c{len(claims)}", (st.id,), support, 0, in_reference=False))
    return claims


def fake_compare(
    reference: Document,
    reports: Sequence[Document],
    *,
    options: CompareOptions | None = None,
    progress: Callable[[int, int], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
    skipped: Sequence[Skipped] = (),
    decisions: Sequence[Decision] = (),
    gate: threading.Event | None = None,
) -> Comparison:
    """Compare like the engine does, in miniature; ``gate`` holds it until set (cancel tests)."""
    links: list[Link] = []
    for done, report in enumerate(reports):
        while gate is not None and not gate.wait(0.01):
            if should_cancel and should_cancel():
                raise Cancelled()
        if should_cancel and should_cancel():
            raise Cancelled()
        for a in reference.statements:
            for b in report.statements:
                link = judge(a, b)
                if link and link.score >= (options or CompareOptions()).threshold:
                    links.append(link)
        if progress:
            progress(done + 1, len(reports))
    links = _apply(links, decisions)
    claims = _claims(reference, reports, links)
    return Comparison(
        reference,
        tuple(reports),
        tuple(links),
        tuple(claims),
        options or CompareOptions(),
        tuple(skipped),
    )


def fake_apply(comparison: Comparison, decisions: Sequence[Decision]) -> Comparison:
    """Decisions applied to a comparison at hand, claims rebuilt."""
    links = _apply(list(comparison.links), decisions)
    claims = _claims(comparison.reference, comparison.reports, links)
    return replace(comparison, links=tuple(links), claims=tuple(claims))


def fake_engine(*, gate: threading.Event | None = None) -> Engine:
    """An Engine made of the fakes above."""

    def compare(reference: Document, reports: Sequence[Document], **kwargs: object) -> Comparison:
        return fake_compare(reference, reports, gate=gate, **kwargs)  # type: ignore[arg-type]

    return Engine(
        load=load_text, compare=compare, supported=lambda p: p.suffix == ".txt", apply=fake_apply
    )


REFERENCE = (
    "Russia has deployed 400 drones since August. Officials met in Tehran last week. "
    "The deal was signed in secret. Kyiv has asked for more air defence."
)
REPORT_A = (
    "Russia has deployed 450 drones since August. Officials met in Tehran last week. "
    "The deal was signed in public view. Analysts expect more attacks."
)
REPORT_B = (
    "Officials met in Tehran last week. Kyiv has asked for more air defence. "
    "Russia has deployed 400 drones since August."
)


def write_sample(folder: Path) -> list[Path]:
    """The three texts above as files, the reference first."""
    paths = []
    for name, text in (("reference", REFERENCE), ("report-a", REPORT_A), ("report-b", REPORT_B)):
        path = folder / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
