"""The shape of a personal name (``pipeline.entities.people.names``).

Markup of :mod:`tests.entities.people_markup`: ``{...}`` a model PER entity, ``[...](PER
clé=valeur ...)`` an expected people span.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from pipeline.entities.people.names import (
    is_name_word,
    parse_name,
    split_name,
    word_end,
)
from tests.entities.people_markup import check
from tests.markup import blank_fixture

people_nlp = blank_fixture("depeche_people")

CASES = [
    # abbreviated given names, elisions, regnal numbers
    pytest.param("en remplacement de [M. {Ed}. Guyot](PER title=M.), puis", id="abbrev-ed"),
    pytest.param("les créanciers du [citoyen {Aug. Chappuis}](PER title=citoyen first=Aug.) "
                 "sont invités",
                 id="abbrev-aug"),
    pytest.param("Em. a écrit", id="abbreviation-without-name"),
    pytest.param("1811, {T'}offre au prix de six batz", id="elided-letter-not-a-name"),
    pytest.param("ON DEMANDE A LOUER. {XII}. M.", id="roman-numeral-alone-not-a-name"),
    pytest.param("le roi [{Louis XIV}](PER last=Louis XIV)", id="regnal-number-kept"),
]


@pytest.mark.parametrize("markup", CASES)
def test_names(people_nlp: Language, markup: str) -> None:
    check(people_nlp, markup)


@pytest.mark.parametrize(("name", "first", "last"), [
    ("Jean-Marie Le Pen", "Jean-Marie", "Le Pen"),
    ("Bachar al-Assad", "Bachar", "al-Assad"),
    ("Ursula von der Leyen", "Ursula", "von der Leyen"),
    ("Japarov", None, "Japarov"),
    ("Charles III", None, "Charles III"),
    ("Valéry Giscard d'Estaing", "Valéry Giscard", "d'Estaing"),
])
def test_split_name(name: str, first: str | None, last: str) -> None:
    assert split_name(list(spacy.blank("fr")(name))) == (first, last)


@pytest.mark.parametrize(("text", "start", "name"), [
    ("a reçu Dominique de Villepin hier", 2, "Dominique de Villepin"),
    ("a reçu J. F. Kennedy hier", 2, "J. F. Kennedy"),
    ("le roi Charles III a parlé", 2, "Charles III"),
    ("le président Japarov de Kirghizie", 2, "Japarov de Kirghizie"),
    ("le président a parlé", 1, None),
])
def test_parse_name(text: str, start: int, name: str | None) -> None:
    doc = spacy.blank("fr")(text)
    end = parse_name(doc, start)
    assert (doc[start:end].text if end is not None else None) == name


def test_parse_name_stops_at_a_known_span() -> None:
    doc = spacy.blank("fr")("le président Japarov de Kirghizie")
    assert doc[2:parse_name(doc, 2, known=[4])].text == "Japarov"


@pytest.mark.parametrize(("word", "expected"), [
    ("Dupont", True), ("DUPONT", True), ("Mme", False), ("Selon", False),
    ("Président", False), ("XIV", False), ("dupont", False), ("J.", False),
])
def test_is_name_word(word: str, expected: bool) -> None:
    (token,) = spacy.blank("fr")(word)
    assert is_name_word(token) is expected


@pytest.mark.parametrize(("text", "word"), [
    ("O’Brien a dit", "O’Brien"),
    ("O'Brien a dit", "O'Brien"),
    ("Dupond-Moretti a dit", "Dupond-Moretti"),
    ("Jean - Luc a dit", "Jean"),
])
def test_word_end_takes_joined_parts(text: str, word: str) -> None:
    doc = spacy.blank("fr")(text)
    assert doc[:word_end(doc, 0, len(doc))].text == word
