"""What went wrong on one story of real coverage: wrong links, missed pairs, wrong verdicts.

Used by ``python -m bench.coverage --errors``; matching follows the data set's ``score.py``.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType


def print_errors(story: Path, result: Path, scorer: ModuleType) -> None:
    """Print, per report, the links that match no labelled pair, the pairs no link found and
    the right links whose verdict differs from the label."""
    gold = json.loads((story / "gold.json").read_text(encoding="utf-8"))
    res = json.loads(result.read_text(encoding="utf-8"))
    stmt = {s["id"]: (d, s["text"]) for d in res["documents"] for s in d["statements"]}
    ref_id = next(d["id"] for d in res["documents"] if d["role"] == "reference")
    name = {d["id"]: Path(d["path"]).name for d in res["documents"]}
    pairs: dict[str, list[dict[str, str]]] = {}
    for p in gold["pairs"]:
        pairs.setdefault(p["doc"], []).append(p)
    hit: set[tuple[str, int]] = set()
    print(f"\n=== {story.name}")
    for link in res["links"]:
        (da, ta), (db, tb) = stmt[link["reference"]], stmt[link["other"]]
        if da["id"] != ref_id:
            continue
        doc = name[db["id"]]
        match = [
            i
            for i, p in enumerate(pairs.get(doc, []))
            if scorer.same(ta, p["ref"]) and scorer.same(tb, p["text"])
        ]
        hit.update((doc, i) for i in match)
        labels = {pairs[doc][i]["label"] for i in match}
        why = "; ".join(f["message"] for f in link.get("findings", []))
        if not match:
            print(f"FALSE {doc} [{link['verdict']} {link['score']}] {why}\n   R: {ta}\n   O: {tb}")
        elif link["verdict"] not in labels:
            reason = pairs[doc][match[0]]["reason"]
            print(
                f"VERDICT {doc} {link['verdict']}≠{'/'.join(sorted(labels))} "
                f"[{link['score']}] {why}\n   gold: {reason}\n   R: {ta}\n   O: {tb}"
            )
    for doc, plist in sorted(pairs.items()):
        for i, p in enumerate(plist):
            if (doc, i) not in hit:
                print(
                    f"MISSED {doc} [{p['label']}] {p['reason']}\n   R: {p['ref']}\n"
                    f"   O: {p['text']}"
                )
