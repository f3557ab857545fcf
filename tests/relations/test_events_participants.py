"""Predicate ``participant`` (pipeline/relations/events/participants.py): hand parses,
then the model."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from tests.conftest import SAMPLE_TEXT
from tests.relations.event_parses import SESSION, SESSION_MENTIONS, EventCase, found_by_events

CASES: list[EventCase] = [
    ("session tenue à Astana le 24 novembre, puis participants coordonnés",
     SESSION, SESSION_MENTIONS,
     {("located_in", "Conseil de sécurité collective", "loc:astana",
       (("date", "2024-11-24"), ("event", "session"))),
      ("date", "Conseil de sécurité collective", "date:2024-11-24", (("event", "session"),)),
      ("participant", "Russie", "org:conseil-securite-collective",
       (("event", "session"), ("via", "président"))),
      ("participant", "Biélorussie", "org:conseil-securite-collective",
       (("event", "session"), ("via", "président"))),
      ("participant", "Kazakhstan", "org:conseil-securite-collective",
       (("event", "session"), ("via", "président")))}),
    ("X a participé au sommet de l'OCS",
     "Le/DET/det>1 Kazakhstan/PROPN/nsubj>3 a/AUX/aux:tense>3/avoir "
     "participé/VERB/ROOT>3/participer au/ADP/case>5/à sommet/NOUN/obl:arg>3 de/ADP/case>8 "
     "l'/DET/det>8/le OCS/PROPN/nmod>5 ./PUNCT/punct>3",
     [("Kazakhstan", "COUNTRY", "KZ"), ("OCS", "ORG", "OCS")],
     {("participant", "Kazakhstan", "org:OCS", (("event", "sommet"),))}),
]


@pytest.mark.parametrize(("markup", "mentions", "expected"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_rules_on_hand_parses(markup: str, mentions: list[tuple[Any, ...]],
                              expected: set[tuple[Any, ...]]) -> None:
    assert found_by_events(markup, mentions) == expected


# -- end-to-end: the real model ------------------------------------------------------------

@pytest.mark.model
def test_sample_participants_expand_the_coordination(model_nlp: Language) -> None:
    doc = model_nlp(SAMPLE_TEXT)
    participants = {r["subject_text"] for r in doc._.relations
                    if r["predicate"] == "participant"
                    and r["object_text"] == "Conseil de sécurité collective"}
    assert participants == {"Russie", "Biélorussie", "Kazakhstan", "Kirghizistan",
                            "Tadjikistan"}
