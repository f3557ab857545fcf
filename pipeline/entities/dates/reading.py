"""Reading a date expression: what its words say (day, month, year, weekday, offset...),
before any anchor is applied.

:func:`read_tokens` turns the tokens of a matched expression into a :class:`Reading`;
:func:`read_match` reads a chosen span into the :class:`Found` expressions it holds: one, or
the two ends of a range (``du 3 au 5 mars``: one span, bound ``range``), or two expressions
(``les 9 et 16 juin``; ``1914-1918`` under ``timeml_extent``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from spacy.tokens import Doc, Span, Token

from pipeline.entities.dates.grammar import (
    CALENDAR_UNITS,
    COUNT_UNITS,
    DAY_ARTICLES,
    DAY_LEADS,
    DECADE_WORDS,
    FEASTS,
    FOLLOWING_WORDS,
    LAST_WORDS,
    MI_RE,
    MONTHS,
    NEXT_WORDS,
    NUMBER_WORDS,
    NUMERIC_RE,
    ORDINAL_RE,
    ORDINAL_WORDS,
    PART_WORDS,
    PREPOSITION_LEADS,
    PREVIOUS_DAYS,
    RELATIVE_DAYS,
    SEASONS,
    THIS_WORDS,
    WEEKDAYS,
    norm,
    two_digit_year,
    year_range,
)

__all__ = ["Found", "Reading", "full_dates", "read_match", "read_tokens", "safe_date"]


@dataclass(frozen=True)
class Reading:
    """What a date expression says, before any anchor is applied."""

    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None
    relative_days: int | None = None
    #: -1 ``dernier``, +1 ``prochain``, 0 ``ce``/``cette``.
    direction: int | None = None
    #: calendar unit of ``la semaine dernière``..., or of a counted offset.
    unit: str | None = None
    #: signed count of ``il y a deux jours`` (-2) / ``dans trois semaines`` (+3).
    offset: int | None = None
    part: str | None = None
    season: str | None = None
    decade: int | None = None
    century: int | None = None
    #: days after Easter Sunday of a movable feast (``Pâques`` 0, ``Pentecôte`` 49).
    easter_offset: int | None = None
    #: the offset counts from the date told before (``le lendemain``), not from the anchor.
    from_previous: bool = False
    #: rank of ``le premier trimestre`` (1), ``le second semestre`` (2).
    ordinal: int | None = None


def _roman(text: str) -> int | None:
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    total = 0
    for i, ch in enumerate(text):
        v = values[ch]
        if i + 1 < len(text) and values[text[i + 1]] > v:
            total -= v
        else:
            total += v
    return total or None


def read_tokens(tokens: Sequence[Token], rule: str = "") -> Reading:
    """Read a date expression's tokens (``mardi 3 mars dernier``) into a :class:`Reading`."""
    fields: dict[str, Any] = {}
    words = [norm(t.text) for t in tokens]
    if rule == "dates.iso":
        digits = [w for w in words if w != "-"]
        return Reading(year=int(digits[0]), month=int(digits[1]), day=int(digits[2]))
    if rule == "dates.offset":
        count = next(w for w in words if w.isdigit() or w in NUMBER_WORDS)
        n = int(count) if count.isdigit() else NUMBER_WORDS[count]
        sign = -1 if words[0] == "il" else 1
        return Reading(unit=COUNT_UNITS[words[-1]], offset=sign * n)
    if rule == "dates.feast":
        return _read_feast(words)
    if rule == "dates.previous":
        return _read_previous(words)
    if rule == "dates.ordinal_unit":
        unit = "quarter" if "trimestre" in words else "half"
        year = next((int(w) for w in words if len(w) == 4 and w.isdigit()), None)
        return Reading(unit=unit, ordinal=next(ORDINAL_WORDS[w] for w in words
                                               if w in ORDINAL_WORDS), year=year)
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if match := NUMERIC_RE.match(word):
            year = int(match.group(4))
            fields.update(day=int(match.group(1)), month=int(match.group(3)),
                          year=year if year >= 100 else two_digit_year(year))
        elif (match := MI_RE.match(word)) is not None:
            fields["part"] = "mid"
            if match.group(1):
                fields["month"] = MONTHS[match.group(1)]
            else:
                fields["year"] = int(match.group(2))
        elif word in MONTHS and "month" not in fields:
            fields["month"] = MONTHS[word]
        elif word in WEEKDAYS:
            fields["weekday"] = WEEKDAYS[word]
        elif word in RELATIVE_DAYS:
            fields["relative_days"] = RELATIVE_DAYS[word]
        elif word in LAST_WORDS:
            fields["direction"] = -1
        elif word in NEXT_WORDS:
            fields["direction"] = 1
        elif word in THIS_WORDS or word == "nouvelle":
            fields.setdefault("direction", 0)
        elif word in PART_WORDS:
            fields["part"] = PART_WORDS[word]
        elif word in SEASONS:
            fields["season"] = SEASONS[word]
        elif word in CALENDAR_UNITS:
            fields["unit"] = CALENDAR_UNITS[word]
        elif word == "end" and i >= 2 and words[i - 2] == "week":
            fields["unit"] = "weekend"
        elif (match := ORDINAL_RE.match(word)) is not None and nxt == "siècle":
            fields["century"] = (_roman(match.group(1)) if match.group(1)
                                 else int(match.group(2)))
        elif word in DECADE_WORDS and i > 0 and words[i - 1] == "années":
            fields["decade"] = (1900 + DECADE_WORDS[word]) // 10
        elif word.isdigit():
            n = int(word)
            if i > 0 and words[i - 1] == "années":
                fields["decade"] = (n if n >= 100 else 1900 + n) // 10
            elif "month" not in fields and len(word) <= 2:
                fields.setdefault("day", n)
            elif len(word) == 4:
                fields["year"] = n
            elif len(word) == 2 and "month" in fields:
                fields["year"] = two_digit_year(n)
        elif word == "1er":
            fields.setdefault("day", 1)
    return Reading(**fields)


def _read_feast(words: Sequence[str]) -> Reading:
    """``Noël`` is a day of the calendar (``25 décembre``); ``Pâques``, ``lundi de Pentecôte``
    count from Easter."""
    year = next((int(w) for w in words if len(w) == 4 and w.isdigit()), None)
    if "an" in words:  # le jour de l'An, le Nouvel An
        return Reading(month=1, day=1, year=year)
    feast = FEASTS[next(w for w in words if w in FEASTS)]
    shift = 1 if words[0] == "lundi" else 0
    if isinstance(feast, tuple):
        return Reading(month=feast[0], day=feast[1] + shift, year=year)
    return Reading(easter_offset=feast + shift, year=year)


def _read_previous(words: Sequence[str]) -> Reading:
    """``le lendemain`` (+1 day), ``la veille`` (-1), ``le même jour`` (0), ``trois jours plus
    tard`` (+3), ``deux semaines plus tôt`` (-2 weeks), ``l'année suivante`` (+1 year), ``le mardi
    suivant`` (the first Tuesday after), from the date told before."""
    if words[-1] in PREVIOUS_DAYS:
        return Reading(unit="day", offset=PREVIOUS_DAYS[words[-1]], from_previous=True)
    if words[-1] in FOLLOWING_WORDS and words[-2] in WEEKDAYS:
        return Reading(weekday=WEEKDAYS[words[-2]], direction=FOLLOWING_WORDS[words[-1]],
                       from_previous=True)
    if words[-1] in FOLLOWING_WORDS:
        return Reading(unit=COUNT_UNITS[words[-2]], offset=FOLLOWING_WORDS[words[-1]],
                       from_previous=True)
    if words[-1] in ("même", "jour"):
        return Reading(unit="day", offset=0, from_previous=True)
    n = int(words[0]) if words[0].isdigit() else NUMBER_WORDS[words[0]]
    sign = -1 if words[-1] == "tôt" else 1
    return Reading(unit=COUNT_UNITS[words[1]], offset=sign * n, from_previous=True)


@dataclass(frozen=True)
class Found:
    """A date expression found in a doc: the extent written to ``doc.spans``, its rule, what it
    says and, for a range, what its two ends say."""

    span: Span
    rule: str
    reading: Reading
    pieces: tuple[Reading, ...] = ()  # the two ends of a range
    body_start: int = -1  # first token after the article or preposition kept in the extent

    @property
    def start(self) -> int:
        """Token index where the expression itself starts (for context cues)."""
        return self.body_start if self.body_start >= 0 else self.span.start


def body_tokens(span: Span, preposition_extent: bool = False) -> list[Token]:
    """The span's tokens without a leading article (and, with ``preposition_extent``, the
    preposition it then holds), nor ``l'année`` / ``l'an`` before a year."""
    tokens = list(span)
    leads = set(DAY_ARTICLES)
    if preposition_extent:
        leads |= {*DAY_LEADS, *PREPOSITION_LEADS}
    while tokens and norm(tokens[0].text) in leads and len(tokens) > 1:
        tokens = tokens[1:]
    if len(tokens) > 2 and norm(tokens[0].text) == "l'" and norm(tokens[1].text) in (
            "année", "an") and tokens[2].text.isdigit():
        tokens = tokens[2:]
    return tokens


def read_match(doc: Doc, span: Span, timeml_extent: bool = False,
               preposition_extent: bool = False) -> list[Found]:
    """The expressions of a chosen span (its label is the rule): one, the two ends of a range,
    or two expressions for coordinated days and, with ``timeml_extent``, year ranges."""
    rule = span.label_
    tokens = body_tokens(span, preposition_extent)
    body = tokens[0].i
    if rule == "dates.year_range":
        first, second = year_range(tokens[0].text, tokens[-1].text)
        ends = (Reading(year=first), Reading(year=second))
        if timeml_extent:  # TimeML: one TIMEX3 per year
            return [Found(doc[span.start: tokens[0].i + 1], "dates.year", ends[0], (), body),
                    Found(doc[tokens[-1].i: span.end], "dates.year", ends[1])]
        return [Found(span, rule, ends[1], ends, body)]
    if rule in ("dates.range", "dates.day_coord"):
        cut = _split_at(tokens, ("au", "à", "et"))
        assert cut is not None
        left, right = tokens[:cut], tokens[cut + 1:]
        while right and norm(right[0].text) in DAY_ARTICLES:
            right = right[1:]
        second = read_tokens(right, rule)
        first = _complete(read_tokens(left, rule), second)
        if rule == "dates.range" and not timeml_extent:
            return [Found(span, rule, second, (first, second), body)]
        if rule == "dates.range":  # TimeML: one TIMEX3 per end, "du [19] au [23 juillet]"
            right_start = tokens[cut + 1].i
            return [Found(doc[span.start: left[-1].i + 1], rule, first, (), body),
                    Found(doc[right_start: span.end], rule, second)]
        left_span = doc[span.start: left[-1].i + 1]
        return [Found(left_span, "dates.day_coord", first, (), body),
                Found(doc[right[0].i: span.end], "dates.day_coord", second)]
    return [Found(span, rule, read_tokens(tokens, rule), (), body)]


def _split_at(tokens: Sequence[Token], words: Iterable[str]) -> int | None:
    stops = set(words)
    for i, tok in enumerate(tokens):
        if norm(tok.text) in stops and i > 0:
            return i
    return None


def _complete(first: Reading, second: Reading) -> Reading:
    """Give the first end of a range what it omits and the second end says (month, year...)."""
    return replace(first,
                   month=first.month if first.month is not None else second.month,
                   year=first.year if first.year is not None else second.year,
                   direction=first.direction if first.direction is not None
                   else second.direction)


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when the calendar has no such day (``30 février``)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def full_dates(found: Iterable[Found]) -> list[dt.date]:
    """The fully specified dates (day, month and year written) among ``found`` and their ends."""
    return [day for f in found for r in (f.pieces or (f.reading,))
            if r.year is not None and r.month is not None and r.day is not None
            and (day := safe_date(r.year, r.month, r.day)) is not None]
