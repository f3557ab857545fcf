"""The tense of the clause, read by the real model's tagger and parser, picks the direction of
a weekday, a month or a feast without ``dernier`` / ``prochain`` (anchor: Wednesday 5 March
2025)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.processing import make_doc

WED = "2025-03-05"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("La ministre a inauguré le pont lundi.", ("lundi", "2025-03-03"),
                     id="passe-compose"),
        pytest.param("La ministre inaugurera le pont lundi.", ("lundi", "2025-03-10"),
                     id="futur"),
        pytest.param("La ministre va inaugurer le pont lundi.", ("lundi", "2025-03-10"),
                     id="futur-proche"),
        pytest.param("Une visite du chantier est prévue lundi.", ("lundi", "2025-03-10"),
                     id="prevue"),
        pytest.param("Le pont a été inauguré en octobre.", ("octobre", "2024-10"),
                     id="mois-passe"),
        pytest.param("Le pont sera inauguré en octobre.", ("octobre", "2025-10"),
                     id="mois-futur"),
        pytest.param("Les pèlerins sont rentrés après Noël.", ("Noël", "2024-12-25"),
                     id="fete-passee"),
    ],
)
def test_tense_gives_direction(nlp: Language, text: str, expected: tuple[str, str]) -> None:
    doc = nlp(make_doc(nlp, text, WED))
    assert [(s.text, s.kb_id_) for s in doc.spans["dates"]] == [expected]
