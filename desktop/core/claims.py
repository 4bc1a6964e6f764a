"""Group linked statements across documents into claims, with support and corroboration.

Every reference statement anchors a claim. Report statements linked to nothing in the
reference become report-only claims, grouped across reports through the links between reports.
A document with several statements in one claim supports it by the strongest signal:
a conflict beats an agreement, which beats a partial agreement.
Corroboration counts the documents other than the source that agree or partly agree, counting
a group of wire copies once (and not at all when the source belongs to it).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from desktop.core.align import is_claim
from desktop.core.copies import copy_groups
from desktop.core.model import Claim, Document, Link, Support, Verdict, document_of

_STRENGTH = {Support.CONFLICT: 3, Support.AGREE: 2, Support.PARTIAL: 1}
_SUPPORT = {
    Verdict.AGREE: Support.AGREE,
    Verdict.PARTIAL: Support.PARTIAL,
    Verdict.CONFLICT: Support.CONFLICT,
}

__all__ = ["build_claims", "claim_id"]


def claim_id(anchor: str) -> str:
    """The stable id of the claim anchored on statement ``anchor``."""
    return f"claim:{anchor}"


def build_claims(
    reference: Document,
    reports: Sequence[Document],
    links: Iterable[Link],
    copies: Sequence[tuple[str, str]] = (),
) -> tuple[Claim, ...]:
    """Reference claims in reference order, then report-only claims in report order."""
    docs = (reference, *reports)
    order = _statement_order(docs)
    groups = copy_groups(docs, copies)
    links = [k for k in links if k.verdict is not Verdict.UNRELATED]
    to_reference = [k for k in links if not k.between_reports]
    by_anchor: dict[str, list[Link]] = {}
    for k in to_reference:
        by_anchor.setdefault(k.reference, []).append(k)
    claims = [
        _claim(st.id, by_anchor.get(st.id, []), docs, order, groups, in_reference=True)
        for st in reference.statements
        if is_claim(st)
    ]
    linked = {k.other for k in to_reference}
    claims.extend(_report_only_claims(reports, links, linked, docs, order, groups))
    return tuple(claims)


def _report_only_claims(
    reports: Sequence[Document],
    links: Sequence[Link],
    linked: set[str],
    docs: Sequence[Document],
    order: dict[str, tuple[int, int]],
    groups: dict[str, str],
) -> list[Claim]:
    unlinked = [s.id for d in reports for s in d.statements if is_claim(s) and s.id not in linked]
    parent = {sid: sid for sid in unlinked}
    between = [
        k for k in links if k.between_reports and k.reference in parent and k.other in parent
    ]
    for k in between:
        a, b = _root(parent, k.reference), _root(parent, k.other)
        if a != b:
            parent[max(a, b, key=order.__getitem__)] = min(a, b, key=order.__getitem__)
    members: dict[str, list[str]] = {}
    for sid in unlinked:
        members.setdefault(_root(parent, sid), []).append(sid)
    claims = []
    for anchor in sorted(members, key=order.__getitem__):
        inside = set(members[anchor])
        own = [k for k in between if k.reference in inside]
        claims.append(_claim(anchor, own, docs, order, groups, in_reference=False))
    return claims


def _claim(
    anchor: str,
    links: Sequence[Link],
    docs: Sequence[Document],
    order: dict[str, tuple[int, int]],
    groups: dict[str, str],
    *,
    in_reference: bool,
) -> Claim:
    source = document_of(anchor)
    support: dict[str, Support] = {d.id: Support.OMITTED for d in docs}
    support[source] = Support.SOURCE
    statements = {anchor}
    direct = {
        document_of(k.other if k.reference == anchor else k.reference)
        for k in links
        if anchor in (k.reference, k.other)
    }
    for k in links:
        statements.update((k.reference, k.other))
        for sid in (k.reference, k.other):
            doc = document_of(sid)
            # a link to the anchor itself says more than a link through a third report
            if doc != source and (doc not in direct or anchor in (k.reference, k.other)):
                support[doc] = _stronger(support[doc], _SUPPORT[k.verdict])
    others = sorted(statements - {anchor}, key=lambda s: order.get(s, (len(docs), 0)))
    backing = {
        groups.get(d, d) for d, s in support.items() if s in (Support.AGREE, Support.PARTIAL)
    }
    backing.discard(groups.get(source, source))
    return Claim(claim_id(anchor), (anchor, *others), support, len(backing), in_reference)


def _stronger(current: Support, new: Support) -> Support:
    if _STRENGTH.get(new, 0) > _STRENGTH.get(current, 0):
        return new
    return current


def _statement_order(docs: Sequence[Document]) -> dict[str, tuple[int, int]]:
    return {s.id: (n, m) for n, d in enumerate(docs) for m, s in enumerate(d.statements)}


def _root(parent: dict[str, str], x: str) -> str:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x
