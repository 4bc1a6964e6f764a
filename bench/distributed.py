"""A claim set against an archive on a Dask cluster: the same core, partitioned and pruned.

Dask is not a Crosscheck dependency. To run this example:

    .venv/bin/python -m pip install "dask[distributed]"
    .venv/bin/python -m bench.distributed [--articles 2000] [--on-topic 0.1] [--workers 2]

The archive is synthetic: ``--on-topic`` of it retells the reference story (bench/gen.py), the
rest is other news. Each partition is "read from storage" on its worker (generated there from
its number, as a worker would read a Parquet file), so no article crosses the network twice.

1. Index (once per archive): every partition returns posting lists word → article ids; the
   client merges them (a real archive keeps them in a key-value store or a search engine).
2. Query (per claim set): the reference's rarest content words pick the candidate articles
   through the posting lists; only partitions holding candidates get a task.
3. Compare: the reference is broadcast to every worker once; each task runs
   ``compare_documents(reference, candidates)`` and returns compact link rows, which the
   client appends to a JSON Lines file (in production: a table partitioned by claim set).

It prints the time of each step on the cluster and in one process, with and without pruning.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from bench.gen import generate_reports, load_seeds
from desktop.core.compare import compare_documents
from desktop.core.loaders import build_document
from desktop.core.model import Document
from desktop.core.normalise import content_words

PARTITION = 100  # articles per partition (a real one: a Parquet file of ~10,000)
MIN_SHARED = 4  # rare reference words an article must share to be compared at all
RARE_WORDS = 40  # how many of the reference's rarest words the query uses

OTHER_NEWS = (
    "The central bank of {Place} kept rates at {n} percent on {day}, citing {noun} prices.",
    "{Team} beat {Team2} {n} to {m} in front of {k} fans in {Place} on {day}.",
    "Heavy rain is expected in {Place} on {day}, with up to {n} millimetres near {Place2}.",
    "The {Place} council approved {k} million for {noun} and {n} new {noun2} halls.",
    "Shares in {Name} fell {n} percent after it cut its {noun} forecast for the year.",
    "The {noun} festival in {Place} drew {k} visitors over {n} days, {Name} said.",
    "Police closed the road to {Place} for {n} hours after a {noun} lorry overturned.",
    "The {Place} museum reopens on {day} after a {n}-month {noun} renovation.",
    "Farmers near {Place} warned the {noun} harvest could be {n} percent smaller.",
    "{Name} added {n} routes to {Place} and expects {k} {noun2} passengers this winter.",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SYLLABLES = (
    "ka",
    "lo",
    "mer",
    "vin",
    "sta",
    "ro",
    "bel",
    "tun",
    "dra",
    "ko",
    "sel",
    "mi",
    "var",
    "ne",
    "pol",
    "gri",
    "sha",
    "tov",
    "len",
    "qui",
    "bar",
    "dun",
    "fe",
    "zor",
)


def pseudo_word(rng: random.Random) -> str:
    """A made-up word: names, places and things of stories the reference does not tell."""
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))


def other_news(index: int, rng: random.Random) -> Document:
    """An article on another story: 15-30 sentences of everyday news with varied names."""
    sentences = []
    for _ in range(rng.randint(15, 30)):
        words = {key: pseudo_word(rng) for key in ("noun", "noun2")}
        words |= {
            key: pseudo_word(rng).capitalize()
            for key in ("Place", "Place2", "Name", "Team", "Team2")
        }
        sentences.append(
            rng.choice(OTHER_NEWS).format(
                n=rng.randint(2, 90),
                m=rng.randint(1, 9),
                k=rng.randint(100, 90000),
                day=rng.choice(DAYS),
                **words,
            )
        )
    text = "\n\n".join(sentences) + "\n"
    digest = f"{index:012x}" + "0" * 52
    return build_document(
        text,
        path=f"archive/other-{index:06d}.txt",
        fmt="txt",
        sha256=digest,
        title=f"Other news {index}",
    )


def read_partition(number: int, articles: int, on_topic: float) -> list[Document]:
    """The articles of one partition, as a worker would read them from storage."""
    rng = random.Random(number)
    first = number * PARTITION
    count = max(0, min(PARTITION, articles - first))
    story = sum(1 for _ in range(count) if rng.random() < on_topic)
    docs = generate_reports(story, seed=1000 + number) if story else []
    docs += [other_news(first + i, rng) for i in range(count - story)]
    rng.shuffle(docs)
    return docs


Postings = dict[str, list[str]]


def partition_postings(
    number: int, articles: int, on_topic: float
) -> tuple[int, list[str], Postings]:
    """Posting lists (content word → article ids) of one partition, and its article ids."""
    postings: Postings = {}
    docs = read_partition(number, articles, on_topic)
    for doc in docs:
        for word in set(content_words(doc.text)):
            postings.setdefault(word, []).append(doc.id)
    return number, [d.id for d in docs], postings


def merge_postings(
    parts: Iterable[tuple[int, list[str], Postings]],
) -> tuple[dict[str, int], Postings]:
    """One index: where each article lives, and every word's posting list."""
    home: dict[str, int] = {}
    merged: Postings = {}
    for number, ids, postings in parts:
        home.update(dict.fromkeys(ids, number))
        for word, docs in postings.items():
            merged.setdefault(word, []).extend(docs)
    return home, merged


def candidates(reference: Document, postings: Postings) -> set[str]:
    """Articles sharing at least MIN_SHARED of the reference's rarest words."""
    vocabulary = {w for w in content_words(reference.text) if w in postings and len(w) > 2}
    rare = sorted(vocabulary, key=lambda w: (len(postings[w]), w))[:RARE_WORDS]
    shared = Counter(doc for word in rare for doc in postings[word])
    return {doc for doc, n in shared.items() if n >= MIN_SHARED}


def compare_partition(
    reference: Document, number: int, articles: int, on_topic: float, keep: set[str] | None
) -> list[dict[str, Any]]:
    """Compare the reference with the partition's (kept) articles; compact link rows."""
    docs = [d for d in read_partition(number, articles, on_topic) if keep is None or d.id in keep]
    if not docs:
        return []
    comparison = compare_documents(reference, docs)
    return [
        {
            "article": link.other.rsplit(":", 1)[0],
            "reference": link.reference,
            "statement": link.other,
            "verdict": link.verdict.value,
            "score": link.score,
            "finding": link.findings[0].message if link.findings else "",
        }
        for link in comparison.links
        if not link.between_reports
    ]


def run_local(
    reference: Document, parts: Sequence[int], args: argparse.Namespace, keep: set[str] | None
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for number in parts:
        rows += compare_partition(reference, number, args.articles, args.on_topic, keep)
    return rows


def timed(label: str, fn: Any, *fn_args: Any) -> Any:
    start = time.perf_counter()
    value = fn(*fn_args)
    print(f"| {label} | {time.perf_counter() - start:.1f} |", flush=True)
    return value


def run_cluster(reference: Document, args: argparse.Namespace, out: Path) -> None:
    from dask.distributed import Client, LocalCluster

    numbers = list(range((args.articles + PARTITION - 1) // PARTITION))
    with (
        LocalCluster(
            n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        client.run(lambda: __import__("desktop.core.compare"))  # warm every worker
        print(f"| step ({args.articles:,} articles, {len(numbers)} partitions) | seconds |")
        print("|---|---:|")

        def index() -> tuple[dict[str, int], Postings]:
            futures = client.map(
                partition_postings, numbers, articles=args.articles, on_topic=args.on_topic
            )
            return merge_postings(client.gather(futures))

        def read_all() -> int:
            futures = client.map(
                lambda n: len(read_partition(n, args.articles, args.on_topic)), numbers
            )
            return sum(client.gather(futures))

        timed("cluster: only read every partition (the storage stand-in, in every step)", read_all)
        home, postings = timed(f"cluster ({args.workers} workers): build the inverted index", index)
        keep = timed("client: look up candidates in the index", candidates, reference, postings)
        wanted = sorted({home[doc] for doc in keep})
        shared = client.scatter(reference, broadcast=True)

        def compare(parts: Sequence[int], kept: set[str] | None) -> list[dict[str, Any]]:
            futures = client.map(
                compare_partition,
                [shared] * len(parts),
                parts,
                articles=args.articles,
                on_topic=args.on_topic,
                keep=kept,
            )
            rows: list[dict[str, Any]] = []
            with out.open("w", encoding="utf-8") as sink:
                for future in futures:  # in order; each batch is written as it arrives
                    batch = future.result()
                    sink.writelines(json.dumps(row) + "\n" for row in batch)
                    rows += batch
            return rows

        pruned = timed(
            f"cluster: compare {len(keep):,} candidates in {len(wanted)} partitions",
            compare,
            wanted,
            keep,
        )
        full = timed("cluster: compare every article (no pruning)", compare, numbers, None)
        local = timed(
            "one process: compare the candidates", run_local, reference, wanted, args, keep
        )
        timed(
            "one process: compare every article (no pruning)",
            run_local,
            reference,
            numbers,
            args,
            None,
        )
    on_topic = {r["article"] for r in full}
    print(
        f"\ncandidates kept: {len(keep):,} of {args.articles:,}; articles with a link: "
        f"{len(on_topic):,} without pruning, {len({r['article'] for r in pruned}):,} with; "
        f"links: {len(full):,} / {len(pruned):,} (one process: {len(local):,}); "
        f"rows written to {out}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--on-topic", type=float, default=0.1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    try:
        import dask.distributed  # noqa: F401
    except ImportError:
        print(
            "This example needs Dask, which Crosscheck does not install:\n"
            '    .venv/bin/python -m pip install "dask[distributed]"',
            file=sys.stderr,
        )
        return 0
    reference, _ = load_seeds()
    out = args.out or Path(tempfile.mkdtemp(prefix="crosscheck-archive-")) / "links.jsonl"
    run_cluster(reference, args, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
