"""Synthetic reports for benchmarks, generated from the seed articles (deterministic).

Each report takes the sentences of one seed article, tops them up from the other seeds to
``statements`` sentences, drops about 15%, shuffles them, swaps words for synonyms, changes
some numbers, drops a word here and there and credits some sentences to its own outlet, so
that (as in real coverage) most of its sentences are worded like no other report's. About one
report in ten is a near-verbatim copy of an earlier one, so wire-copy detection has work to do.
"""

from __future__ import annotations

import hashlib
import random
import re
from pathlib import Path

from desktop.core.errors import LoadError
from desktop.core.loaders import build_document, is_supported, load_document
from desktop.core.model import Document, StatementRole

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
REFERENCE_NAME = "reference-rt-drone-deal.txt"

SYNONYMS = {
    "said": "stated",
    "deal": "agreement",
    "drones": "UAVs",
    "rapidly": "quickly",
    "build": "assemble",
    "officials": "sources",
    "reported": "said",
    "months": "weeks",
    "denied": "rejected claims",
    "deployed": "used",
    "meeting": "summit",
    "Moscow": "the Kremlin",
    "Ukrainian": "Ukraine's",
    "allegations": "claims",
    "supplying": "providing",
    "production": "manufacturing",
    "begin": "start",
    "expand": "grow",
    "key": "crucial",
    "according to": "citing",
    "country": "nation",
    "effective": "efficient",
}
CREDITS = ("according to", "reported", "as reported by", "sources told")
_NUMBER = re.compile(r"\b\d+\b")
_BODY = (StatementRole.BODY, StatementRole.LIST_ITEM, StatementRole.STANDFIRST)


def load_seeds(folder: Path = SEEDS) -> tuple[Document, list[Document]]:
    """The reference article and every sample report that loads."""
    reference = load_document(folder / REFERENCE_NAME)
    reports = []
    for path in sorted(folder.iterdir()):
        if not path.name.startswith("report-") or not is_supported(path):
            continue
        try:
            reports.append(load_document(path))
        except LoadError:
            continue
    return reference, reports


def generate_reports(
    count: int, *, seed: int = 0, statements: int = 35, sources: list[Document] | None = None
) -> list[Document]:
    """``count`` synthetic reports of about ``statements`` sentences each."""
    if sources is None:
        reference, reports = load_seeds()
        sources = [reference, *reports]
    pools = [[s.text for s in d.statements if s.role in _BODY] for d in sources]
    rng = random.Random(seed)
    made: list[list[str]] = []
    for n in range(count):
        if made and rng.random() < 0.1:
            sentences = _near_copy(rng.choice(made), rng)
        else:
            sentences = _rewrite(pools, n, statements, rng)
        made.append(sentences)
    return [_document(sentences, n, seed) for n, sentences in enumerate(made)]


def _rewrite(pools: list[list[str]], n: int, size: int, rng: random.Random) -> list[str]:
    base = list(pools[n % len(pools)])
    while len(base) < size:
        base.append(rng.choice(rng.choice(pools)))
    kept = [s for s in base[:size] if rng.random() > 0.15]
    rng.shuffle(kept)
    return [
        _credit(_drop_word(_change_numbers(_swap_words(s, rng), rng), rng), n, rng) for s in kept
    ]


def _near_copy(sentences: list[str], rng: random.Random) -> list[str]:
    copy = list(sentences)
    if copy:
        i = rng.randrange(len(copy))
        copy[i] = copy[i].rstrip(".") + ", the agency said."
    return copy


def _swap_words(sentence: str, rng: random.Random) -> str:
    for word, synonym in SYNONYMS.items():
        if word in sentence and rng.random() < 0.5:
            sentence = re.sub(rf"\b{re.escape(word)}\b", synonym, sentence, count=1)
    return sentence


def _drop_word(sentence: str, rng: random.Random) -> str:
    words = sentence.split()
    if len(words) < 8 or rng.random() >= 0.5:
        return sentence
    del words[rng.randrange(1, len(words) - 1)]
    return " ".join(words)


def _credit(sentence: str, n: int, rng: random.Random) -> str:
    if rng.random() >= 0.5:
        return sentence
    outlet = rng.choice(("Outlet", "Herald", "Courier", "Tribune")) + f" {n}"
    return sentence.rstrip(".") + f", {rng.choice(CREDITS)} {outlet}."


def _change_numbers(sentence: str, rng: random.Random) -> str:
    if rng.random() >= 0.2:
        return sentence
    return _NUMBER.sub(lambda m: str(int(m.group()) + rng.choice((1, 5, 50))), sentence, count=1)


def _document(sentences: list[str], n: int, seed: int) -> Document:
    text = "\n\n".join(sentences) + "\n"
    digest = hashlib.sha256(f"{seed}:{n}:{text}".encode()).hexdigest()
    return build_document(
        text,
        path=f"generated/report-{n:03d}.txt",
        fmt="txt",
        sha256=digest,
        title=f"Generated report {n}",
    )
