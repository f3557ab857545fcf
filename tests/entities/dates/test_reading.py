"""Reading a date expression: what its words say, before any anchor."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span

from pipeline.entities.dates.reading import Found, Reading, full_dates, read_tokens


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("fr")


@pytest.mark.parametrize(("text", "rule", "reading"), [
    ("mardi 3 mars dernier", "", Reading(day=3, month=3, weekday=1, direction=-1)),
    ("1er janvier 2025", "", Reading(day=1, month=1, year=2025)),
    ("15/03/2024", "", Reading(day=15, month=3, year=2024)),
    ("14/02/87", "", Reading(day=14, month=2, year=1987)),
    ("2024-03-15", "dates.iso", Reading(day=15, month=3, year=2024)),
    ("mi-janvier", "", Reading(month=1, part="mid")),
    ("fin 2023", "", Reading(year=2023, part="end")),
    ("octobre 98", "", Reading(month=10, year=1998)),
    ("la semaine dernière", "", Reading(unit="week", direction=-1)),
    ("cet hiver", "", Reading(season="WI", direction=0)),
    ("il y a deux jours", "dates.offset", Reading(unit="day", offset=-2)),
    ("dans trois semaines", "dates.offset", Reading(unit="week", offset=3)),
    ("années 90", "", Reading(decade=199)),
    ("XIXe siècle", "", Reading(century=19, unit="century")),
    ("avant-hier", "", Reading(relative_days=-2)),
])
def test_read_tokens(blank: Language, text: str, rule: str, reading: Reading) -> None:
    assert read_tokens(list(blank(text)), rule) == reading


def test_full_dates_are_the_days_with_their_year(blank: Language) -> None:
    doc = blank("du 3 au 5 mars 2025 et le 30 février 2025")
    found = [Found(doc[1:6], "dates.range", Reading(day=5, month=3, year=2025),
                   (Reading(day=3, month=3, year=2025), Reading(day=5, month=3, year=2025))),
             Found(Span(doc, 8, 11), "dates.day_month", Reading(day=30, month=2, year=2025)),
             Found(doc[8:10], "dates.day_month", Reading(day=30, month=2))]
    assert full_dates(found) == [dt.date(2025, 3, 3), dt.date(2025, 3, 5)]
