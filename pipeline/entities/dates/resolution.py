"""Resolving date expressions against the story's anchor: ISO value, precision, bound, kind.

Anchor (``doc._.anchor``)
    ``doc._.doc_date`` (``source="metadata"``), else the dateline date written by the
    datelines component (``"dateline"``; ``"inferred"`` when the dateline's own year was
    inferred), else the chronologically latest fully specified date of the text
    (``"inferred"``), else ``None``. A span's ``anchored`` attr is the anchor source its value
    depends on, ``None`` when the text gives the full value, ``"missing"`` when it needs an
    anchor and there is none.

Values (``span.kb_id_``)
    ``2025-01-01`` (day), ``2025-01`` (month), ``2025`` (year), ``2025-W03`` (ISO week),
    ``2025-W03-WE`` (week-end), ``2025-Q1`` (quarter), ``2025-H1`` (half year),
    ``2024-SU`` (season: SP, SU, FA, WI), ``199`` (decade: the 1990s), ``18`` (century: the
    19th century, TimeML style), ranges ``2025-03-03/2025-03-05``. Without an anchor a
    year-less date keeps ``XXXX-11-24`` / ``XXXX-11``; a purely relative date (``hier``,
    ``mardi``, ``la semaine dernière``) gets an empty value. A bare season (``en été``) is
    taken as generic: ``XXXX-SU``.

Resolution conventions
    * year-less ``24 novembre``: the closest such date to the anchor (it is within six
      months); ``24 novembre dernier``: the last one strictly before the anchor;
      ``prochain``: the first one strictly after; with a weekday (``dimanche 29 août``) the
      year whose calendar agrees with the weekday is preferred.
    * a month alone works the same way at month precision.
    * a weekday alone (``mardi``, ``ce lundi``): ``dernier``/``prochain`` give the previous /
      next such day strictly before / after the anchor; otherwise a cue of the clause
      (``depuis``; past tense such as ``a annoncé``, imperfect; future such as ``sera``,
      ``va signer``; ``token.morph`` when a tagger ran) picks the day on-or-before /
      on-or-after the anchor; with no cue, the nearest one (TimeML / French TimeBank
      practice).
    * two-digit years (``octobre 98``) are 19xx from 31 to 99 and 20xx from 00 to 30.

Bounds and kinds
    ``à partir de``, ``depuis``, ``dès``, ``après`` give the bound ``start``; ``jusqu'à``,
    ``avant``, ``d'ici``, ``au plus tard`` give ``end``; otherwise ``point``. ``du A au B``,
    ``de A à B``, ``entre A et B`` of two complete dates are ``start`` and ``end`` (A takes
    B's year when it has none); a range in one span (``du 3 au 5 mars``) is ``range``. The
    kind (``form`` value) is ``numeric`` (``15/03/2024``), ``relative`` (``hier``, ``mardi``,
    ``il y a deux jours``), ``partial`` (the anchor gives the year) or ``absolute``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from spacy.tokens import Doc, Token

from pipeline.entities.dates.grammar import SENTENCE_BREAKS, norm
from pipeline.entities.dates.reading import Found, Reading, full_dates, safe_date

__all__ = ["anchor_of", "bound_of", "bounds_of", "closest_day", "easter", "kind_of", "parse_iso",
           "resolve", "tense_hint"]


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _week(day: dt.date) -> str:
    iso = day.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _pick(candidates: list[tuple[int, Any]], direction: int | None) -> Any:
    """Pick among ``(signed distance to anchor, value)``: last before / first after / closest."""
    if direction == -1:
        before = [c for c in candidates if c[0] < 0]
        return max(before, key=lambda c: c[0])[1] if before else None
    if direction == 1:
        after = [c for c in candidates if c[0] > 0]
        return min(after, key=lambda c: c[0])[1] if after else None
    return min(candidates, key=lambda c: (abs(c[0]), c[0] > 0))[1] if candidates else None


def _weekday_date(anchor: dt.date, weekday: int, direction: int | None,
                  hint: int | None) -> dt.date:
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if direction == -1:
        return anchor - dt.timedelta(days=back or 7)
    if direction == 1:
        return anchor + dt.timedelta(days=ahead or 7)
    if hint == -1:
        return anchor - dt.timedelta(days=back)
    if hint == 1:
        return anchor + dt.timedelta(days=ahead)
    return anchor - dt.timedelta(days=back) if back <= ahead else anchor + dt.timedelta(
        days=ahead)


def _season_year(anchor: dt.date, season: str, direction: int) -> int:
    """Year of ``cet été`` / ``l'hiver dernier``: a winter is named by the year it starts."""
    year = anchor.year if not (season == "WI" and anchor.month <= 2) else anchor.year - 1
    return year + (direction if direction in (-1, 1) else 0)


def resolve(reading: Reading, anchor: dt.date | None,
            hint: int | None = None) -> tuple[str, str, bool]:
    """Return ``(value, precision, used_anchor)`` for ``reading``.

    ``hint`` is the direction (-1 past, +1 future) suggested by the clause, used for a weekday
    alone. Without an anchor, a value that needs one is underspecified (``XXXX-11-24``) or
    empty; so is one that would fall before year 1 or after 9999 (an anchor at the edge of
    the calendar, ``hier`` in a story dated 0001-01-01).
    """
    try:
        return _resolve(reading, anchor, hint)
    except OverflowError:
        return "", "day", True


def _resolve(reading: Reading, anchor: dt.date | None,
             hint: int | None = None) -> tuple[str, str, bool]:
    r = reading
    if r.relative_days is not None:
        if anchor is None:
            return "", "day", True
        return (anchor + dt.timedelta(days=r.relative_days)).isoformat(), "day", True
    if r.offset is not None and r.unit is not None:
        return _shift_unit(anchor, r.unit, r.offset)
    if r.easter_offset is not None:
        return _resolve_movable(r, anchor, hint)
    if r.ordinal is not None and r.unit is not None:
        letter, count = ("Q", 4) if r.unit == "quarter" else ("H", 2)
        if r.ordinal > count:
            return "", r.unit, False
        if r.year is not None:
            return f"{r.year:04d}-{letter}{r.ordinal}", r.unit, False
        if anchor is None:
            return f"XXXX-{letter}{r.ordinal}", r.unit, True
        return f"{anchor.year:04d}-{letter}{r.ordinal}", r.unit, True
    if r.century is not None:
        return f"{r.century - 1:02d}", "century", False
    if r.decade is not None:
        return f"{r.decade:03d}", "decade", False
    if r.season is not None:
        if r.year is not None:
            return f"{r.year:04d}-{r.season}", "season", False
        if r.direction is None:
            return f"XXXX-{r.season}", "season", False
        if anchor is None:
            return "", "season", True
        return f"{_season_year(anchor, r.season, r.direction):04d}-{r.season}", "season", True
    if r.unit is not None and r.day is None and r.month is None and r.year is None:
        return _shift_unit(anchor, r.unit, r.direction or 0, hint)
    if r.day is not None and r.month is not None:
        return _resolve_day(r, anchor, hint)
    if r.month is not None:
        if r.year is not None:
            return f"{r.year:04d}-{r.month:02d}", "month", False
        if anchor is None:
            return f"XXXX-{r.month:02d}", "month", True
        here = anchor.year * 12 + anchor.month - 1
        months = [((y * 12 + r.month - 1) - here, (y, r.month))
                  for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
        year, month = _pick_hinted(months, r.direction, hint) or (anchor.year, r.month)
        return f"{year:04d}-{month:02d}", "month", True
    if r.year is not None:
        return f"{r.year:04d}", "year", False
    if r.weekday is not None:
        if anchor is None:
            return "", "day", True
        return _weekday_date(anchor, r.weekday, r.direction, hint).isoformat(), "day", True
    return "", "day", False


def easter(year: int) -> dt.date:
    """Easter Sunday of ``year`` (Gregorian calendar, the anonymous algorithm of Meeus).

    >>> easter(2025)
    datetime.date(2025, 4, 20)
    """
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    lx = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * lx) // 451
    month, day = divmod(h + lx - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _resolve_movable(r: Reading, anchor: dt.date | None,
                     hint: int | None) -> tuple[str, str, bool]:
    """A feast counted from Easter: in the year written, else the closest to the anchor (the
    last before it in a past-tense clause, the next after it in a future one)."""
    assert r.easter_offset is not None
    offset = dt.timedelta(days=r.easter_offset)
    if r.year is not None:
        return (easter(r.year) + offset).isoformat(), "day", False
    if anchor is None:
        return "", "day", True
    days = [easter(y) + offset for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    candidates = [((d - anchor).days, d) for d in days]
    chosen = _pick_hinted(candidates, r.direction, hint)
    return chosen.isoformat(), "day", True


def _pick_hinted(candidates: list[tuple[int, Any]], direction: int | None,
                 hint: int | None) -> Any:
    """:func:`_pick`, where without ``direction`` the tense ``hint`` keeps the candidates on
    its side of the anchor (the anchor's own day included), when there are any."""
    if direction is None and hint in (-1, 1):
        side = [c for c in candidates if c[0] * hint >= 0]
        if side:
            return _pick(side, None)
    return _pick(candidates, direction)


def _resolve_day(r: Reading, anchor: dt.date | None,
                 hint: int | None = None) -> tuple[str, str, bool]:
    assert r.day is not None and r.month is not None
    if r.year is not None:
        day = safe_date(r.year, r.month, r.day)
        return (day.isoformat() if day else ""), "day", False
    if anchor is None:
        return f"XXXX-{r.month:02d}-{r.day:02d}", "day", True
    chosen = closest_day(r.month, r.day, anchor, r.direction, r.weekday, hint)
    return (chosen.isoformat() if chosen else ""), "day", True


def closest_day(month: int, day: int, anchor: dt.date, direction: int | None = None,
                weekday: int | None = None, hint: int | None = None) -> dt.date | None:
    """The date of ``day``/``month`` in the anchor's year or the one before or after: the
    closest to ``anchor`` (the earlier on a tie), the last before it (``direction=-1``) or the
    first after it (``+1``); with a ``weekday`` and no direction, a year whose calendar agrees
    with it is preferred. None when no such day exists.

    >>> closest_day(11, 24, dt.date(2025, 1, 1))
    datetime.date(2024, 11, 24)
    """
    options = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1)
               if (d := safe_date(y, month, day)) is not None]
    if weekday is not None and direction is None:
        agreeing = [d for d in options if d.weekday() == weekday]
        options = agreeing or options
    if weekday is not None and direction is None and len(options) == 1:
        return options[0]
    return _pick_hinted([((d - anchor).days, d) for d in options], direction, hint)


def _shift_unit(anchor: dt.date | None, unit: str, offset: int,
                hint: int | None = None) -> tuple[str, str, bool]:
    precision = {"weekend": "week"}.get(unit, unit)
    if anchor is None:
        return "", precision, True
    if unit == "day":
        return (anchor + dt.timedelta(days=offset)).isoformat(), "day", True
    if unit == "weekend" and offset == 0 and anchor.weekday() < 5:
        # "ce week-end" said on a weekday: the coming one, or the past one when the clause is
        # in the past tense (or, with no cue, when it is nearer: Monday, Tuesday)
        past = hint == -1 or (hint is None and anchor.weekday() <= 1)
        day = anchor - dt.timedelta(days=anchor.weekday() + 1) if past else anchor
        return _week(day) + "-WE", "week", True
    if unit in ("week", "weekend"):
        value = _week(anchor + dt.timedelta(weeks=offset))
        return (value + "-WE" if unit == "weekend" else value), "week", True
    if unit == "month":
        year, month = _add_months(anchor.year, anchor.month, offset)
        return f"{year:04d}-{month:02d}", "month", True
    if unit == "quarter":
        year, month = _add_months(anchor.year, anchor.month, 3 * offset)
        return f"{year:04d}-Q{(month - 1) // 3 + 1}", "quarter", True
    if unit == "half":
        year, month = _add_months(anchor.year, anchor.month, 6 * offset)
        return f"{year:04d}-H{(month - 1) // 6 + 1}", "half", True
    if unit == "year":
        return f"{anchor.year + offset:04d}", "year", True
    if unit == "decade":
        return f"{anchor.year // 10 + offset:03d}", "decade", True
    if unit == "century":
        return f"{anchor.year // 100 + offset:02d}", "century", True
    return "", precision, True


# ---------------------------------------------------------------------------------------------
# Context cues: tense and bounds
# ---------------------------------------------------------------------------------------------

_FUTURE_ENDINGS = ("rai", "ras", "ra", "rons", "rez", "ront")
_NOT_FUTURE = frozenset({"opéra", "caméra", "extra", "contra", "cobra", "tiara", "mantra",
                         "agora", "hydra", "sera-t-il", "fra", "para", "ultra", "vera"})
#: Participles of planning: the date they govern is ahead (``prévue mardi``).
_SCHEDULED = frozenset({"prévu", "prévue", "prévus", "prévues", "programmé", "programmée",
                        "programmés", "programmées", "attendu", "attendue", "attendus",
                        "attendues"})
_PAST_AUX = frozenset({"a", "ont", "avait", "avaient", "est", "sont", "était", "étaient", "ai",
                       "avons", "avez", "as", "eut", "fut", "furent", "s'est"})
_PARTICIPLE_RE = re.compile(r"^[a-zàâçéèêëîïôûùüÿœ]{2,}(é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|"
                            r"it|ite|its|ert|erte|int|ainte|ort)$")


def _clause(doc: Doc, start: int, end: int, reach: int = 15) -> Iterator[Token]:
    """The tokens around ``doc[start:end]`` in the same clause (up to ``reach`` on each side,
    not across a sentence break), nearest first; at equal distance the one before."""
    n = len(doc)
    left, right = start - 1, end
    left_open = right_open = True
    for _ in range(reach):
        if left_open:
            if left >= 0 and doc[left].text not in SENTENCE_BREAKS:
                yield doc[left]
                left -= 1
            else:
                left_open = False
        if right_open:
            if right < n and doc[right].text not in SENTENCE_BREAKS:
                yield doc[right]
                right += 1
            else:
                right_open = False
        if not (left_open or right_open):
            return


def _token_tense(token: Token, doc: Doc) -> int | None:
    if norm(token.text) in ("va", "vont", "vas", "allons", "allez") and any(
            "Inf" in t.morph.get("VerbForm") for t in token.doc[token.i + 1: token.i + 3]):
        return 1  # "va signer": near future, whatever the tagger says of "va"
    if norm(token.text) in _SCHEDULED:
        return 1  # "une réunion est prévue mardi": what is planned is ahead
    tense = token.morph.get("Tense")
    if "Part" in token.morph.get("VerbForm") and not _PARTICIPLE_RE.match(norm(token.text)):
        tense = []  # a mistagged participle ("signera"): the word's form tells
    if tense and "Part" in token.morph.get("VerbForm") and token.doc.has_annotation("DEP"):
        # a participle is past only with a tense auxiliary ("a signé", not "est prévue")
        auxes = [c for c in token.children if c.dep_ in ("aux", "aux:tense")]
        if not auxes:
            return None
        return 1 if any("Fut" in a.morph.get("Tense") for a in auxes) else -1
    if tense:
        if "Fut" in tense:
            return 1
        if "Past" in tense or "Imp" in tense:
            return -1
        return None
    word = norm(token.text)
    if not token.text.islower() or not word.replace("-", "").isalpha():
        return None
    if word in ("hier", "avant-hier"):
        return -1
    if word in ("demain", "après-demain", "prochainement"):
        return 1
    if word in _PAST_AUX:
        nxt = doc[token.i + 1: token.i + 3]
        if any(_PARTICIPLE_RE.match(norm(t.text)) for t in nxt):
            return -1
        return None
    if len(word) > 4 and (word.endswith("ait") or word.endswith("aient")):
        return -1
    if word in ("va", "vont", "allons", "doit", "doivent", "devra"):
        following = doc[token.i + 1: token.i + 3]
        if any(re.match(r"^[a-zéè]+(er|ir|re)$", norm(t.text)) for t in following):
            return 1
        return None
    if len(word) >= 4 and word.endswith(_FUTURE_ENDINGS) and word not in _NOT_FUTURE \
            and not word.endswith(("tra", "ora", "éra")):
        return 1
    return None


def tense_hint(doc: Doc, start: int, end: int) -> int | None:
    """Return -1 (past), +1 (future) or None from the clause around tokens ``start:end``.

    Uses ``token.morph`` when a tagger ran, else French verb-form cues: auxiliary plus past
    participle, imperfect ``-ait``, future ``-ra``/``-ront``, ``va``/``doit`` + infinitive.
    The cue closest to the expression wins.
    """
    left = [norm(t.text) for t in doc[max(0, start - 2): start]]
    if "depuis" in left:
        return -1
    before = [norm(t.text) for t in doc[max(0, start - 3): start]]
    while before and before[-1] in ("le", "la", "les", "l'"):
        before.pop()
    if before[-2:] == ["d'", "ici"]:
        return 1  # "d'ici la Toussaint": ahead
    for token in _clause(doc, start, end):
        sign = _token_tense(token, doc)
        if sign is not None:
            return sign  # the nearest cue
    return None


_DETERMINERS = frozenset({"le", "la", "les", "l'"})


def bound_of(doc: Doc, start: int) -> str:
    """Return ``start``/``end``/``point`` from the words before token ``start``."""
    words = [norm(t.text) for t in doc[max(0, start - 4): start]]
    while words and words[-1] in _DETERMINERS:
        words.pop()
    if not words:
        return "point"
    last = words[-1]
    before = words[-2] if len(words) > 1 else ""
    if last in ("depuis", "dès", "après"):
        return "start"
    if last in ("du", "de", "d'") and before == "partir":
        return "start"
    if last in ("avant",):
        return "end"
    if last in ("au", "à", "en") and before == "jusqu'":
        return "end"
    if last == "ici" and before == "d'":
        return "end"
    if last == "tard" and before == "plus":
        return "end"
    return "point"



# ---------------------------------------------------------------------------------------------
# The story's anchor, bounds of paired dates, kinds
# ---------------------------------------------------------------------------------------------


def parse_iso(value: object) -> dt.date | None:
    """The date of an ISO ``YYYY-MM-DD`` string (a longer timestamp is cut), else None."""
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def anchor_of(doc: Doc, found: list[Found]) -> dict[str, str] | None:
    """The anchor ``{"date", "source"}`` of ``doc`` given its date expressions ``found`` (see
    the module docstring), or None."""
    doc_date = parse_iso(doc._.doc_date)
    if doc_date is not None:
        return {"date": doc_date.isoformat(), "source": "metadata"}
    dateline = doc._.dateline or {}
    if parse_iso(dateline.get("date")) is not None:
        source = "inferred" if dateline.get("date_source") == "inferred" else "dateline"
        return {"date": str(dateline["date"]), "source": source}
    explicit = full_dates(found)
    if explicit:
        return {"date": max(explicit).isoformat(), "source": "inferred"}
    return None


def _words_between(doc: Doc, start: int, end: int) -> list[str]:
    """The words of ``doc[start:end]`` but determiners, up to the second (a range is joined
    by one word: ``au``, ``à``, ``et``)."""
    words: list[str] = []
    for i in range(start, end):
        word = norm(doc[i].text)
        if word not in _DETERMINERS:
            words.append(word)
            if len(words) > 1:
                break
    return words


def bounds_of(doc: Doc, found: list[Found]) -> tuple[list[Found], list[str]]:
    """The bound of each expression (:func:`bound_of`), ``du A au B`` / ``de A à B`` /
    ``entre A et B`` marked ``start`` and ``end``; A takes the year of B when it has none
    (``du lundi 7 octobre au jeudi 10 octobre 2024``). Returns the expressions so completed
    and their bounds."""
    found = list(found)
    bounds = [bound_of(doc, f.start) for f in found]
    for i in range(len(found) - 1):
        a, b = found[i], found[i + 1]
        between = _words_between(doc, a.span.end, b.start)
        opener = [w for w in (norm(t.text) for t in doc[max(0, a.start - 2): a.start])
                  if w not in _DETERMINERS]
        if not opener or a.pieces or b.pieces:
            continue
        pair = (opener[-1], tuple(between))
        if pair[0] in ("du", "de", "d'", "depuis") and pair[1] in (("au",), ("à",)) or \
                pair[0] == "entre" and pair[1] == ("et",):
            bounds[i], bounds[i + 1] = "start", "end"
            if a.reading.year is None and b.reading.year is not None and \
                    a.reading.month is not None:
                year = b.reading.year
                if (a.reading.month, a.reading.day or 1) > (b.reading.month or 12,
                                                            b.reading.day or 31):
                    year -= 1
                found[i] = replace(a, reading=replace(a.reading, year=year))
    return found, bounds


def kind_of(found: Found, used_anchor: bool) -> str:
    """How the expression gives its date (``form`` value): ``numeric``, ``relative``,
    ``partial`` (the anchor gives what the text omits) or ``absolute``."""
    if found.rule in ("dates.numeric", "dates.iso"):
        return "numeric"
    r = found.reading
    if r.relative_days is not None or r.offset is not None or (
            r.unit is not None and r.direction is not None) or (
            r.weekday is not None and r.day is None):
        return "relative"
    if used_anchor:
        return "partial"
    return "absolute"
