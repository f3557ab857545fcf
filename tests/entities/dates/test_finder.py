"""The date finder: the grammar's matcher run around the anchors of dates, checked, chosen."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.matcher import Matcher

from pipeline.entities.dates.finder import DateFinder
from pipeline.entities.dates.reading import Reading
from tests.entities.dates.test_component import (
    ABSOLUTE,
    NEGATIVES,
    OLD_PRINT,
    OLD_PRINT_NEGATIVES,
    RANGES_AND_BOUNDS,
    RELATIVE,
    UNANCHORED,
)
from tests.markup import parse_date_markup


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("fr")


@pytest.fixture(scope="module")
def finder(blank: Language) -> DateFinder:
    return DateFinder(blank.vocab)


TEXTS = [parse_date_markup(markup)[0] for markup, _ in (
    *ABSOLUTE, *RANGES_AND_BOUNDS, *RELATIVE, *UNANCHORED, *NEGATIVES, *OLD_PRINT,
    *OLD_PRINT_NEGATIVES)]
#: Dates far apart and close together in one text: windows apart and merged.
TEXTS.append("Le 3 mars, il pleuvait. " + "Puis rien ne se passa pendant longtemps, " * 3
             + "jusqu'au mardi 4 novembre 2003 et au mercredi suivant, en été.")


@pytest.mark.parametrize("text", TEXTS)
def test_matches_around_anchors_are_the_matches_of_the_whole_text(
        blank: Language, finder: DateFinder, text: str) -> None:
    """The grouped matchers run around their anchors find what the whole grammar finds in
    the whole text (sorted by start, end and pattern)."""
    doc = blank(text)
    whole = Matcher(blank.vocab)
    for i, spec in enumerate(finder.specs):
        whole.add(f"{spec.rule}#{i}", [[*spec.context, *spec.det, *spec.body]])
    keys = sorted(whole(doc), key=lambda m: (m[1], m[2], list(finder._spec_by_key).index(m[0])))
    expected = [(finder._spec_by_key[key], start, end) for key, start, end in keys]
    assert finder.matches(doc) == expected


def test_find_reads_each_expression(blank: Language, finder: DateFinder) -> None:
    doc = blank("Le salon se tient du 3 au 5 mars 2025, puis le 24 novembre dernier.")
    found = finder.find(doc)
    assert [(f.span.text, f.rule) for f in found] == [
        ("3 au 5 mars 2025", "dates.range"), ("24 novembre dernier", "dates.day_month")]
    assert found[0].pieces == (Reading(day=3, month=3, year=2025), Reading(day=5, month=3,
                                                                           year=2025))
    assert found[1].reading == Reading(day=24, month=11, direction=-1)


def test_the_dateline_date_is_left_to_the_datelines(blank: Language, finder: DateFinder) -> None:
    doc = blank("PARIS, 3 mars (AFP) - Le texte sera voté le 5 mars.")
    doc._.dateline = {"date_start_char": 7, "date_end_char": 13}
    assert [s.text for s in finder.select(doc)] == ["5 mars"]
