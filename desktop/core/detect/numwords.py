"""Number words to digits ("four hundred" -> 400, "2.5 million" -> 2500000) and date order."""

from __future__ import annotations

from desktop.core.detect.token import Token

MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MONTH_ABBREV = {
    "jan": "january",
    "feb": "february",
    "mar": "march",
    "apr": "april",
    "jun": "june",
    "jul": "july",
    "aug": "august",
    "sep": "september",
    "sept": "september",
    "oct": "october",
    "nov": "november",
    "dec": "december",
}
_UNITS = {
    w: float(i)
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
_TENS = {
    w: float(10 * (i + 2))
    for i, w in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    )
}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_WORDS = {**_UNITS, **_TENS}
# "one" after these is a pronoun ("no one", "the one who"), not a count.
_NOT_COUNT_BEFORE = frozenset(
    {"no", "any", "every", "the", "this", "that", "each", "which", "anyone", "someone", "another"}
)
_FRACTIONS = frozenset({"half", "third", "quarter", "fourth", "fifth", "sixth", "tenth"})
_SENTENCE_STOP = frozenset({".", "!", "?"})


def format_number(value: float) -> str:
    """Digits without trailing zeros: 400.0 -> '400', 2.5 -> '2.5'."""
    if value == int(value) and abs(value) < 1e18:
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")


def merge_numbers(tokens: list[Token]) -> list[Token]:
    """Fold number words and digit-plus-scale runs into single number tokens; month before day."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        parsed = _parse_number(tokens, i, out[-1].norm if out else "")
        if parsed is None:
            out.append(tokens[i])
            i += 1
        else:
            token, i = parsed
            out.append(token)
    return _month_before_day(out)


def _parse_number(tokens: list[Token], i: int, before: str) -> tuple[Token, int] | None:
    """The number starting at ``tokens[i]`` and the index after it, or None."""
    first = tokens[i]
    if first.ident:
        return None
    j, total, current, seen = i, 0.0, 0.0, False
    if (
        first.norm == "a"
        and i + 1 < len(tokens)
        and tokens[i + 1].norm in ("hundred", "dozen", *_SCALES)
    ):
        j, current = i + 1, 1.0
    elif first.value is not None:
        j, current, seen = i + 1, first.value, True
    last = j - 1
    while j < len(tokens):
        norm = tokens[j].norm
        if norm in _WORDS:
            if seen and current % 100 and norm in _TENS:
                break
            current += _WORDS[norm]
        elif norm == "hundred":
            current = (current or 1.0) * 100
        elif norm == "dozen":
            current = (current or 1.0) * 12
        elif norm in _SCALES or (j == i + 1 and first.value is not None and norm[:-1] in _SCALES):
            # "1.1 millions" (a plural scale after digits) is a figure, "millions" alone is vague
            total += (current or 1.0) * _SCALES[norm.rstrip("s")]
            current = 0.0
        elif norm in ("-", "and") and seen and j + 1 < len(tokens) and tokens[j + 1].norm in _WORDS:
            j += 1
            continue
        else:
            break
        seen, last, j = True, j, j + 1
    if not seen or last < i or (last == i and first.value is not None):
        return None
    if last == i and first.norm == "one" and before in _NOT_COUNT_BEFORE:
        return None
    if (
        last == i
        and first.norm == "one"
        and i + 1 < len(tokens)
        and (tokens[i + 1].norm in _FRACTIONS)
    ):
        return None  # "one fifth" reads like "a fifth": a share, not a count
    value = total + current
    end = tokens[last]
    return Token(format_number(value), first.start, end.end, value=value), last + 1


def _month_before_day(tokens: list[Token]) -> list[Token]:
    """'20 Nov' becomes 'november 20' so both date orders normalise alike."""
    out = list(tokens)
    for k in range(len(out) - 1):
        day, month = out[k], out[k + 1]
        if (
            day.is_number
            and day.value is not None
            and 1 <= day.value <= 31
            and day.value == int(day.value)
            and month.norm in MONTH_NAMES
            and (month.norm != "may" or month.cap)
        ):
            out[k], out[k + 1] = month, day
    return out
