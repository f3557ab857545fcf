"""Resolving readings against the story's anchor: values, bounds, kinds and the anchor."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.language import Language

from pipeline.entities.dates.reading import Found, Reading, read_tokens
from pipeline.entities.dates.resolution import (
    anchor_of,
    bound_of,
    closest_day,
    kind_of,
    parse_iso,
    resolve,
)
from pipeline.extensions import register_extensions

register_extensions()
#: Wednesday 5 March 2025.
WED = dt.date(2025, 3, 5)


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("fr")


def test_resolve_without_anchor_never_guesses_year(blank: Language) -> None:
    doc = blank.make_doc("24 novembre")
    assert resolve(read_tokens(list(doc)), None) == ("XXXX-11-24", "day", True)


@pytest.mark.parametrize(("reading", "hint", "resolved"), [
    (Reading(day=24, month=11, direction=-1), None, ("2024-11-24", "day", True)),
    (Reading(month=6, direction=1), None, ("2025-06", "month", True)),
    (Reading(weekday=1), -1, ("2025-03-04", "day", True)),  # "a annoncé mardi"
    (Reading(weekday=4), 1, ("2025-03-07", "day", True)),  # "présentera vendredi"
    (Reading(unit="week", direction=-1), None, ("2025-W09", "week", True)),
    (Reading(unit="quarter", direction=1), None, ("2025-Q2", "quarter", True)),
    (Reading(season="SU", direction=-1), None, ("2024-SU", "season", True)),
    (Reading(season="SU"), None, ("XXXX-SU", "season", False)),
    (Reading(decade=199), None, ("199", "decade", False)),
    (Reading(century=19, unit="century"), None, ("18", "century", False)),
    (Reading(year=2023, part="end"), None, ("2023", "year", False)),
])
def test_resolve(reading: Reading, hint: int | None, resolved: tuple[str, str, bool]) -> None:
    assert resolve(reading, WED, hint) == resolved


@pytest.mark.parametrize(("month", "day", "anchor", "direction", "weekday", "date"), [
    (11, 24, dt.date(2025, 1, 1), None, None, dt.date(2024, 11, 24)),
    (1, 2, dt.date(2025, 12, 20), None, None, dt.date(2026, 1, 2)),
    (3, 3, WED, 1, None, dt.date(2026, 3, 3)),  # "3 mars prochain", said on 5 March
    (3, 7, WED, -1, None, dt.date(2024, 3, 7)),  # "7 mars dernier"
    (8, 29, dt.date(2021, 9, 1), None, 6, dt.date(2021, 8, 29)),  # "dimanche 29 août"
    (2, 29, dt.date(2025, 3, 1), None, None, dt.date(2024, 2, 29)),  # the last leap day
    (2, 30, WED, None, None, None),
])
def test_closest_day(month: int, day: int, anchor: dt.date, direction: int | None,
                     weekday: int | None, date: dt.date | None) -> None:
    assert closest_day(month, day, anchor, direction, weekday) == date


@pytest.mark.parametrize(("text", "bound"), [
    ("à partir du 1er janvier", "start"), ("depuis mardi", "start"), ("dès le 3 mars", "start"),
    ("jusqu'au 15 mai", "end"), ("avant le 30 juin", "end"), ("d'ici 2030", "end"),
    ("au plus tard le 3 mars", "end"), ("en janvier", "point"), ("le 3 mars", "point")])
def test_bound_of(blank: Language, text: str, bound: str) -> None:
    doc = blank.make_doc(text)
    first_date_word = next(t.i for t in doc if t.text[:1].isdigit()
                           or t.text in ("mardi", "janvier"))
    assert bound_of(doc, first_date_word) == bound


@pytest.mark.parametrize(("text", "rule", "used", "kind"), [
    ("15/03/2024", "dates.numeric", False, "numeric"),
    ("hier", "dates.relative_day", True, "relative"),
    ("mardi", "dates.weekday", True, "relative"),
    ("la semaine dernière", "dates.unit", True, "relative"),
    ("24 novembre", "dates.day_month", True, "partial"),
    ("24 novembre 2024", "dates.day_month", False, "absolute")])
def test_kind_of(blank: Language, text: str, rule: str, used: bool, kind: str) -> None:
    doc = blank.make_doc(text)
    assert kind_of(Found(doc[:], rule, read_tokens(list(doc), rule)), used) == kind


@pytest.mark.parametrize(("doc_date", "dateline", "anchor"), [
    ("2025-03-05", {"date": "2025-03-03"}, {"date": "2025-03-05", "source": "metadata"}),
    ("2025-03-05T10:00:00", None, {"date": "2025-03-05", "source": "metadata"}),
    (None, {"date": "2025-03-03"}, {"date": "2025-03-03", "source": "dateline"}),
    (None, {"date": "2025-01-01", "date_source": "inferred"},
     {"date": "2025-01-01", "source": "inferred"}),
    ("mars", None, {"date": "2025-02-02", "source": "inferred"}),
    (None, None, {"date": "2025-02-02", "source": "inferred"}),
])
def test_anchor_of(blank: Language, doc_date: str | None, dateline: dict[str, str] | None,
                   anchor: dict[str, str]) -> None:
    doc = blank.make_doc("Né le 3 mars 1950, mort le 2 février 2025.")
    doc._.doc_date, doc._.dateline = doc_date, dateline
    found = [Found(doc[2:5], "dates.day_month", Reading(day=3, month=3, year=1950)),
             Found(doc[8:11], "dates.day_month", Reading(day=2, month=2, year=2025))]
    assert anchor_of(doc, found) == anchor


def test_no_anchor_without_a_full_date(blank: Language) -> None:
    doc = blank.make_doc("Il est venu hier.")
    assert anchor_of(doc, []) is None


@pytest.mark.parametrize(("value", "date"), [
    ("2025-03-05", dt.date(2025, 3, 5)), ("2025-03-05T08:00", dt.date(2025, 3, 5)),
    ("05/03/2025", None), (None, None), (20250305, None)])
def test_parse_iso(value: object, date: dt.date | None) -> None:
    assert parse_iso(value) == date
