"""Split a document's text into statements with exact offsets and a role each.

pysbd finds sentence boundaries (abbreviations, decimals, initials, quotations). It is
roughly quadratic in the length of what it is given, so paragraphs are fed to it in chunks
of about ``CHUNK_CHARS`` cut at safe boundaries; statements longer than
``MAX_STATEMENT_CHARS`` are cut at whitespace so one run-on line cannot swamp the matcher.
"""

from __future__ import annotations

import itertools
import re
import threading
from collections.abc import Iterator, Sequence
from typing import Any

from desktop.core.model import Paragraph, Statement, StatementRole
from desktop.core.pace import checkpoint

MAX_STATEMENT_CHARS = 600
CHECK_EVERY = 16  # paragraphs between two checkpoints
CHUNK_CHARS = 1000
DENSE_STOPS = 40
HEADLINE_MAX_CHARS = 200
STANDFIRST_MAX_CHARS = 320
DATELINE_MAX_CHARS = 120

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<{0}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = re.compile(
    r"\b(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH.format("m1") + r",?\s+(?P<y1>(?:19|20)\d\d)"
    r"|" + _MONTH.format("m2") + r"\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>(?:19|20)\d\d)"
    r"|(?P<y3>(?:19|20)\d\d)-(?P<m3>[01]?\d)-(?P<d3>[0-3]?\d)"
    r"|(?P<d4>[0-3]?\d)\.(?P<m4>[01]?\d)\.(?P<y4>(?:19|20)\d\d))(?!\d)",
    re.IGNORECASE,
)
# What may surround a date on a dateline: times, "Updated", "Published", "ago", zones, bars.
_DATELINE_FILLER = re.compile(
    r"\b(?:updated|published|posted|last|modified|on|at|am|pm|a\.m\.|p\.m\.|gmt|utc|bst|cet|"
    r"edt|est|msk|ago|an?|one|two|three|four|five|\d+|seconds?|minutes?|hours?|days?|weeks?|"
    r"months?|years?|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)\b|[\d:./|,–—\-()]",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\b", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-*•‣◦▪·–]|\d{1,3}[.)])\s+")
_SAFE_CUT = re.compile(r"(?:(?<=[a-z]{3})|(?<=\d)|(?=[!?]))[.!?][\"”’)\]]?\s+(?=[\"“‘(]?[A-Z])")
_LINE = re.compile(r"\S(?:[^\n]*\S)?")  # one line without its outer whitespace
_BULLET_STARTS = frozenset("-*•‣◦▪·–0123456789")
_BULLET_AT = re.compile(r"(?:[-*•‣◦▪·–]|\d{1,3}[.)])\s+")  # _BULLET, for match(text, pos)
_BLOCK = re.compile(r"\S[^\n]*(?:\n(?![ \t]*\n)[^\n]*)*")  # up to a blank line; linear
_INNER_STOP = re.compile(r"(?<![.!?…])[.!?…]+[\"”’)\]]*\s+\S")
_FINAL_PUNCT = '.!?:;…"”’)'


def split_statements(
    text: str, *, doc_id: str, paragraphs: Sequence[Paragraph] = ()
) -> tuple[Statement, ...]:
    """Statements of ``text`` in order, never crossing a paragraph, each with its role."""
    paras = _usable_paragraphs(text, paragraphs) if paragraphs else paragraphs_from_text(text)
    spans: list[tuple[int, int, int]] = []
    for index, para in enumerate(paras):
        if index % CHECK_EVERY == 0:
            checkpoint()  # a long text: the worker running this may be cancelled or give way
        spans.extend((s, e, index) for s, e in _sentences(text, para.start, para.end))
    roles = _assign_roles(text, paras, spans)
    return tuple(
        Statement(f"{doc_id}:s{i}", text[s:e], s, e, role)
        for i, ((s, e, _), role) in enumerate(zip(spans, roles, strict=True))
    )


def paragraphs_from_text(text: str) -> tuple[Paragraph, ...]:
    """Paragraphs of plain text: lines, or blank-line blocks when the text is hard-wrapped."""
    blocks = [(m.start(), m.end()) for m in _BLOCK.finditer(text)]
    wrapped = _looks_hard_wrapped(text, blocks)
    out: list[Paragraph] = []
    for start, end in blocks:
        if not wrapped:
            out.extend(_line_paragraphs(text, start, end))
            continue
        for s, e in _split_at_bullets(text, start, end):
            out.append(Paragraph(s, e, "list-item" if _BULLET.match(text[s:e]) else "paragraph"))
    return tuple(out)


def parse_date(text: str) -> str | None:
    """The first date written in ``text`` as ISO ``YYYY-MM-DD``, or None."""
    for match in _DATE.finditer(text):
        iso = _iso_from_match(match)
        if iso:
            return iso
    return None


def is_dateline(text: str) -> bool:
    """Whether a short line is only a date (and times, "Updated", a byline) rather than prose."""
    line = text.strip()
    if not line or len(line) > DATELINE_MAX_CHARS:
        return False
    if _BYLINE.match(line) and line[-1] not in ".!?":
        return True
    match = _DATE.search(line)
    if match is None:
        return False
    rest = _DATELINE_FILLER.sub(" ", line[: match.start()] + " " + line[match.end() :])
    if line[-1] not in ".!?" and re.match(r"\s*by\s+[A-Z]", rest, re.IGNORECASE):
        return True  # "Posted 2022-11-20 by Alex Blogger — source: ..."
    return len(rest.split()) <= 2


def _iso_from_match(match: re.Match[str]) -> str | None:
    g = match.groupdict()
    for n in "1234":
        if g[f"y{n}"]:
            year, day, month = int(g[f"y{n}"]), int(g[f"d{n}"]), g[f"m{n}"]
            break
    else:  # pragma: no cover - the pattern always fills one alternative
        return None
    number = int(month) if month.isdigit() else _MONTHS.get(month.lower().rstrip(".")[:4], 0)
    if number == 0:
        number = _MONTHS.get(month.lower()[:3], 0)
    if not (1 <= number <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{number:02d}-{day:02d}"


def _usable_paragraphs(text: str, paragraphs: Sequence[Paragraph]) -> tuple[Paragraph, ...]:
    """Paragraphs clipped to the text, in order, without overlaps."""
    out: list[Paragraph] = []
    cursor = 0
    for para in sorted(paragraphs, key=lambda p: (p.start, p.end)):
        start, end = max(para.start, cursor, 0), min(para.end, len(text))
        if start < end:
            out.append(Paragraph(start, end, para.kind))
            cursor = end
    return tuple(out)


def _looks_hard_wrapped(text: str, blocks: list[tuple[int, int]]) -> bool:
    """Text wrapped at a fixed width: most inner lines are long and end mid-sentence."""
    inner = 0
    mid_sentence = 0
    for start, end in blocks:
        lines = text[start:end].split("\n")
        for line in lines[:-1]:
            inner += 1
            stripped = line.rstrip()
            if len(stripped) >= 40 and stripped[-1:] not in _FINAL_PUNCT:
                mid_sentence += 1
    return inner >= 2 and mid_sentence >= 0.6 * inner


def _line_paragraphs(text: str, start: int, end: int) -> Iterator[Paragraph]:
    for match in _LINE.finditer(text, start, end):
        s, e = match.span()
        bullet = text[s] in _BULLET_STARTS and _BULLET_AT.match(text, s, e) is not None
        yield Paragraph(s, e, "list-item" if bullet else "paragraph")


def _split_at_bullets(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A wrapped block, cut before each line that starts a bullet."""
    cut = start
    for match in re.finditer(r"\n(?=[ \t]*(?:[-*•‣◦▪·]|\d{1,3}[.)])\s)", text[start:end]):
        yield _strip_span(text, cut, start + match.start())
        cut = start + match.end()
    yield _strip_span(text, cut, end)


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentence spans of one paragraph, stripped, capped in length."""
    if end - start <= MAX_STATEMENT_CHARS and not _INNER_STOP.search(text, start, end):
        s, e = _strip_span(text, start, end)  # the common one-sentence paragraph, fast
        if s < e:
            yield s, e
        return
    for c_start, c_end in _chunks(text, start, end):
        checkpoint()
        for s, e in _merge_fragments(text, _pysbd_spans(text, c_start, c_end)):
            s, e = _strip_span(text, s, e)
            if s < e:
                yield from _cap_length(text, s, e)


def _chunks(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Pieces of at most CHUNK_CHARS, cut where a sentence very likely ends."""
    while end - start > CHUNK_CHARS:
        window = text[start : start + CHUNK_CHARS]
        cut = max((m.end() for m in _SAFE_CUT.finditer(window, CHUNK_CHARS // 4)), default=0)
        if cut == 0:  # no sentence end in sight: cut as _cap_length would
            cut = window.rfind(" ", 0, MAX_STATEMENT_CHARS + 1) + 1 or MAX_STATEMENT_CHARS
        yield start, start + cut
        start += cut
    yield start, end


def _dense(chunk: str) -> bool:
    """Far more full stops than prose has (under 25 characters a sentence): not news text."""
    stops = itertools.islice(_INNER_STOP.finditer(chunk), DENSE_STOPS)
    return sum(1 for _ in stops) >= DENSE_STOPS


def _simple_spans(chunk: str, start: int) -> list[tuple[int, int]]:
    """Cut after every full stop followed by whitespace: linear, for text pysbd is slow on."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    for match in _INNER_STOP.finditer(chunk):
        cut = match.end() - 1
        spans.append((start + cursor, start + cut))
        cursor = cut
    spans.append((start + cursor, start + len(chunk)))
    return spans


def _pysbd_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """pysbd's sentences mapped back to offsets in ``text``."""
    chunk = re.sub(r"\s", " ", text[start:end])  # same length: offsets survive
    if not _INNER_STOP.search(chunk):  # one sentence at most: spare pysbd the work
        return [(start, end)]
    if _dense(chunk):
        return _simple_spans(chunk, start)
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in _segmenter().segment(chunk):
        core = piece.strip()
        if not core:
            continue
        found = chunk.find(core, cursor)
        if found < 0:  # pysbd altered the text; keep the rest of the chunk whole
            break
        # Characters pysbd dropped stay with the sentence that follows them.
        begin = cursor if chunk[cursor:found].strip() else found
        spans.append((start + begin, start + found + len(core)))
        cursor = found + len(core)
    if cursor < len(chunk.rstrip()):
        spans.append((start + cursor, end))
    return spans


def _merge_fragments(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a piece that cannot start a sentence (", said he") to the one before it."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        head = text[s:e].lstrip()[:1]
        if out and head and (head.islower() or head in ",;:)]}%"):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _cap_length(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Cut a run longer than MAX_STATEMENT_CHARS at the last whitespace before the limit."""
    while end - start > MAX_STATEMENT_CHARS:
        window = text[start : start + MAX_STATEMENT_CHARS + 1]
        cut = max(window.rfind(" "), window.rfind("\n"), window.rfind("\t"))
        piece_end = start + cut if cut > MAX_STATEMENT_CHARS // 2 else start + MAX_STATEMENT_CHARS
        s, e = _strip_span(text, start, piece_end)
        if s < e:
            yield s, e
        start, _ = _strip_span(text, piece_end, end)
    if start < end:
        yield start, end


def _assign_roles(
    text: str, paras: Sequence[Paragraph], spans: list[tuple[int, int, int]]
) -> list[StatementRole]:
    """A role per statement: headings, list items, headline, dateline, standfirst, body."""
    per_para: dict[int, int] = {}
    for _, _, index in spans:
        per_para[index] = per_para.get(index, 0) + 1
    roles: list[StatementRole] = []
    seen_body = False
    for s, e, index in spans:
        role = _role_of(text, paras, index, s, e, per_para, seen_body=seen_body, first=not roles)
        seen_body = seen_body or role is StatementRole.BODY
        roles.append(role)
    return roles


def _role_of(
    text: str,
    paras: Sequence[Paragraph],
    index: int,
    s: int,
    e: int,
    per_para: dict[int, int],
    *,
    seen_body: bool,
    first: bool,
) -> StatementRole:
    kind = paras[index].kind
    if kind == "title" or (kind == "heading" and first):
        return StatementRole.HEADLINE
    fixed = {"heading": StatementRole.HEADING, "list-item": StatementRole.LIST_ITEM}
    if kind in fixed:
        return fixed[kind]
    if kind != "paragraph" or per_para[index] != 1 or seen_body or index > 6:
        return StatementRole.BODY
    line = text[s:e]
    if is_dateline(line):
        return StatementRole.DATELINE
    unfinished = line.rstrip()[-1:] not in ".…"
    more_follow = index + 1 < len(paras)
    if first and unfinished and len(line) <= HEADLINE_MAX_CHARS and more_follow:
        return StatementRole.HEADLINE
    if not first and unfinished and len(line) <= STANDFIRST_MAX_CHARS and more_follow:
        return StatementRole.STANDFIRST
    return StatementRole.BODY


_LOCAL = threading.local()


def _segmenter() -> Any:
    """One pysbd segmenter per thread: it keeps the text being split on itself."""
    segmenter = getattr(_LOCAL, "segmenter", None)
    if segmenter is None:
        import pysbd

        segmenter = _LOCAL.segmenter = pysbd.Segmenter(language="en", clean=False)
    return segmenter
