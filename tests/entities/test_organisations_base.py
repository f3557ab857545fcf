"""The word lists of the organisations family (``pipeline.entities.organisations.base``)."""

from __future__ import annotations

import pytest

from pipeline.entities.organisations.base import (
    honorific_words,
    load_adjectives,
    load_generic_words,
    load_head_nouns,
    load_heads,
    load_naming_words,
    load_nouns,
    load_phrase_heads,
)


def test_adjectives_file() -> None:
    adjectives, name_adjectives = load_adjectives()
    assert {"suisse", "armée", "privée"} <= adjectives
    assert {"fédéral", "nationale", "suisse"} <= name_adjectives
    assert "moderne" in adjectives - name_adjectives
    assert "fédéral" in name_adjectives - adjectives  # an adjective by its ending


def test_heads_and_nouns() -> None:
    assert {"conseil", "agence", "haut"} <= load_heads()
    assert "haut" not in load_phrase_heads()  # la Haute-Savoie, le Haut-Karabakh
    assert load_nouns()["association"] == "head" and load_nouns()["chez"] == "role"
    assert {"societe", "association"} <= load_head_nouns()
    assert {"nommée", "baptisé"} <= load_naming_words()
    assert {"État", "Gouvernement", "ONG"} <= load_generic_words()


@pytest.mark.parametrize(("word", "expected"), [
    ("m", True), ("mme", True), ("monsieur", True), ("madame", True), ("dr", True),
    ("mgr", True), ("sieur", True), ("soeur", True), ("dupont", False), ("societe", False),
])
def test_honorific_words_come_from_people_honorifics(word: str, expected: bool) -> None:
    assert (word in honorific_words()) is expected
