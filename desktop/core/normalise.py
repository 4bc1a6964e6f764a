"""Text normalisation for matching: tokens with their places in the original text.

Every normalised token remembers the span of the original characters it came from, so that
findings computed on normalised text can highlight the exact words in the statement.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from desktop.core import aliases as _aliases
from desktop.core.detect import numwords
from desktop.core.detect.stem import stem
from desktop.core.detect.token import Token, words

_FOLD = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "`": "'",
        "´": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "«": '"',
        "»": '"',
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "―": "-",
        "−": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
    }
)

# A number (with thousands separators and decimals), a word (letters, inner apostrophes),
# or any other single visible character.
_TOKEN_RE = re.compile(
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[^\W\d_]+(?:'[^\W\d_]+)*|[^\w\s]|_",
)
_ISO_DATE_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_SENTENCE_END = frozenset({".", "!", "?", ":", ";", '"', "(", "-"})
_CURRENCY = {"$": "usd", "£": "gbp", "€": "eur", "¥": "yen"}
_CONTRACTIONS = {"ca": "can", "wo": "will", "sha": "shall", "ai": "is"}
# Negative contractions written without the apostrophe ("havent"), common in pasted text.
_BARE_NOT = words(
    "dont doesnt didnt isnt arent wasnt werent havent hasnt hadnt wont cant couldnt "
    "wouldnt shouldnt aint"
)
_CAPS_ALIASES = {"us": "usa", "uk": "britain", "un": "un", "eu": "eu"}

STOPWORDS = words(
    """
a about above after again against all also am an and any are aren as at be because been
before being below between both but by can could did do does doing down during each few
for from further had has have having he her here hers herself him himself his how i if in
into is it its itself just me more most my myself no nor not of off on once only or other
our ours ourselves out over own same she should so some such than that the their theirs
them themselves then there these they this those through to too under until up very was we
were what when where which while who whom why will with would you your yours yourself
yourselves said says say saying told tell tells would may might must shall should can
could also however yet still already even upon per via among amid amidst within without
whether though although since ago s t one us
mr mrs ms dr prof rep sen gov sir dame rev
"""
)


def tokenize(text: str, *, aliases: Iterable[tuple[str, str]] = ()) -> tuple[Token, ...]:
    """Split ``text`` into normalised tokens carrying their spans in ``text``."""
    folded = text.translate(_FOLD)
    raw = _raw_tokens(folded)
    merged = numwords.merge_numbers(raw)
    return _apply_aliases(merged, _alias_table(tuple(aliases)))


def normalise_text(text: str, *, aliases: Iterable[tuple[str, str]] = ()) -> str:
    """Lower-case matching form: folded quotes and dashes, digits, dates and names unified."""
    return join_tokens(tokenize(text, aliases=aliases))


def join_tokens(tokens: Iterable[Token]) -> str:
    """The normalised text of some tokens: words and numbers separated by single spaces."""
    return " ".join(t.norm for t in tokens if t.is_word)


def content_words(text: str, *, aliases: Iterable[tuple[str, str]] = ()) -> list[str]:
    """Content-word keys of ``text``: normalised, stopwords dropped, endings stripped."""
    return [key for t in tokenize(text, aliases=aliases) if (key := content_key(t.norm))]


@lru_cache(maxsize=65536)
def content_key(norm: str) -> str:
    """The matching key of one normalised token, or '' for stopwords and punctuation."""
    if not norm[:1].isalnum() or norm in STOPWORDS:
        return ""
    if norm[0].isdigit():
        return norm
    key = stem(norm)
    return _aliases.synonyms().get(key, key)


def _raw_tokens(folded: str) -> list[Token]:
    """Word, number and punctuation tokens before numbers and names are merged."""
    iso = {m.start(): m for m in _ISO_DATE_RE.finditer(folded)}
    out: list[Token] = []
    skip_to = -1
    for m in _TOKEN_RE.finditer(folded):
        start, end, word = m.start(), m.end(), m.group()
        if start < skip_to:
            continue
        if start in iso:
            out.extend(_iso_tokens(iso[start]))
            skip_to = iso[start].end()
            continue
        out.extend(_word_tokens(folded, start, end, word, out))
    return out


def _iso_tokens(m: re.Match[str]) -> list[Token]:
    """'2022-11-20' as month, day and year tokens over the same characters."""
    year, month, day = (int(g) for g in m.groups())
    if not 1 <= month <= 12:
        return [Token(m.group(), m.start(), m.end())]
    s, e = m.start(), m.end()
    return [
        Token(numwords.MONTH_NAMES[month - 1], s, e, cap=True),
        Token(str(day), s, e, value=float(day)),
        Token(str(year), s, e, value=float(year)),
    ]


def _word_tokens(text: str, start: int, end: int, word: str, prev: list[Token]) -> list[Token]:
    """The token(s) for one regex match (contractions give two)."""
    initial = not prev or prev[-1].norm in _SENTENCE_END
    cap = word[:1].isupper() and not initial
    if word[0].isdecimal():  # "¹" is a digit but not a number
        # glued to a word ("PYY3", "Shahed-136", "PYY3-36"): part of a name, not a count
        ident = start > 0 and (
            text[start - 1].isalpha()
            or (start > 1 and text[start - 1] == "-" and text[start - 2].isalnum())
        )
        value = float(word.replace(",", ""))
        return [Token(numwords.format_number(value), start, end, value=value, ident=ident)]
    head, cut, upper_alias = _word_form(word)
    if cut:
        return [Token(head, start, end - cut, cap), Token("not", end - cut, end)]
    if upper_alias:
        return [Token(head, start, end, cap=True)]
    return [Token(head, start, end, cap)]


@lru_cache(maxsize=65536)
def _word_form(word: str) -> tuple[str, int, bool]:
    """Normalised form of a word, characters of a 'not' ending, and whether it is 'US'-like."""
    if word in _CURRENCY:
        return _CURRENCY[word], 0, False
    if word == "%":
        return "percent", 0, False
    low = _fold_word(word)
    cut = 3 if low.endswith("n't") and len(low) > 3 else 2 if low in _BARE_NOT else 0
    if cut:
        head = low[:-cut]
        return _CONTRACTIONS.get(head, head), cut, False
    if low.endswith("'s"):
        low = low[:-2]
    if word.isupper() and low in _CAPS_ALIASES:
        return _CAPS_ALIASES[low], 0, True
    low = low.replace("'", "")
    return numwords.MONTH_ABBREV.get(low, low), 0, False


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    """Lower case without accents: 'Jiménez' -> 'jimenez'."""
    low = word.lower()
    if low.isascii():
        return low
    decomposed = unicodedata.normalize("NFKD", low)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=64)
def _alias_table(extra: tuple[tuple[str, str], ...]) -> dict[tuple[str, ...], str]:
    """Alias keys as normalised token tuples -> canonical form (built-ins plus the user's)."""
    table: dict[tuple[str, ...], str] = {}
    for variant, canonical in (*_aliases.builtin_aliases(), *extra):
        key = tuple(t.norm for t in _raw_tokens(variant.translate(_FOLD)) if t.is_word)
        canon = join_tokens(_raw_tokens(canonical.translate(_FOLD)))
        if key and canon:
            table[key] = canon
    return table


_SHAPE_CACHE: dict[int, tuple[dict[tuple[str, ...], str], int, frozenset[str]]] = {}


def _shape(table: dict[tuple[str, ...], str]) -> tuple[int, frozenset[str]]:
    """Longest alias and the first words of all aliases (most tokens start none)."""
    hit = _SHAPE_CACHE.get(id(table))
    if hit is None or hit[0] is not table:  # the table is kept in the entry: ids stay unique
        hit = (table, max(len(k) for k in table), frozenset(k[0] for k in table))
        _SHAPE_CACHE[id(table)] = hit
        if len(_SHAPE_CACHE) > 256:
            _SHAPE_CACHE.clear()
            _SHAPE_CACHE[id(table)] = hit
    return hit[1], hit[2]


def _apply_aliases(tokens: list[Token], table: dict[tuple[str, ...], str]) -> tuple[Token, ...]:
    """Replace the longest alias spelling at each place by its canonical form."""
    if not table:
        return tuple(tokens)
    longest, starts = _shape(table)
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        hit = _match_alias(tokens, i, longest, table) if tokens[i].norm in starts else None
        if hit is None:
            out.append(tokens[i])
            i += 1
            continue
        n, canon = hit
        first, last = tokens[i], tokens[i + n - 1]
        cap = any(t.cap for t in tokens[i : i + n])
        out.append(Token(canon, first.start, last.end, cap=cap))
        i += n
    return tuple(out)


def _match_alias(
    tokens: list[Token], i: int, longest: int, table: dict[tuple[str, ...], str]
) -> tuple[int, str] | None:
    """Length and canonical form of the longest alias starting at ``tokens[i]``."""
    words: list[str] = []
    widths: list[int] = []
    j = i
    while j < len(tokens) and len(words) < longest:
        if tokens[j].is_word:
            words.append(tokens[j].norm)
            widths.append(j - i + 1)
        elif tokens[j].norm not in ("-", "."):
            break
        j += 1
    for n in range(len(words), 0, -1):
        canon = table.get(tuple(words[:n]))
        if canon is not None:
            return widths[n - 1], canon
    return None
