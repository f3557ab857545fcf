"""Predicate ``date`` (pipeline/relations/events/dates.py): written with the ``located_in``
row of the same statement; hand parses, then the model."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from tests.conftest import SAMPLE_TEXT, gold_relations, overlaps
from tests.relations.event_parses import EventCase, found_by_events

CASES: list[EventCase] = [
    ("X s'est rendu à Pékin le 5 avril",
     "Emmanuel/PROPN/nsubj>4 Macron/PROPN/flat:name>0 s'/PRON/expl:comp>4/se "
     "est/AUX/aux:tense>4/être rendu/VERB/ROOT>4/rendre à/ADP/case>6 Pékin/PROPN/obl:mod>4 "
     "le/DET/det>8 5/NUM/obl:mod>4 avril/NOUN/nmod>8 ./PUNCT/punct>4",
     [("Emmanuel Macron", "PER"), ("Pékin", "LOC"), ("5 avril", "DATE", "2025-04-05")],
     {("located_in", "Emmanuel Macron", "loc:pekin",
       (("date", "2025-04-05"), ("event", "visite"))),
      ("date", "Emmanuel Macron", "date:2025-04-05", (("event", "visite"),))}),
    ("le Conseil européen se réunira à Bruxelles le 3 mars",
     "Le/DET/det>1 Conseil/PROPN/nsubj>4 européen/ADJ/amod>1 se/PRON/expl:comp>4 "
     "réunira/VERB/ROOT>4/réunir à/ADP/case>6 Bruxelles/PROPN/obl:arg>4 le/DET/det>8 "
     "3/NUM/obl:mod>4 mars/NOUN/nmod>8 ./PUNCT/punct>4",
     [("Conseil européen", "ORG", "conseil-europeen"), ("Bruxelles", "LOC"),
      ("3 mars", "DATE", "2025-03-03")],
     {("located_in", "Conseil européen", "loc:bruxelles",
       (("date", "2025-03-03"), ("event", "réunion"))),
      ("date", "Conseil européen", "date:2025-03-03", (("event", "réunion"),))}),
    ("une date d'une autre proposition n'est pas prise",
     "Le/DET/det>1 Conseil/PROPN/nsubj>4 européen/ADJ/amod>1 se/PRON/expl:comp>4 "
     "réunira/VERB/ROOT>4/réunir à/ADP/case>6 Bruxelles/PROPN/obl:arg>4 et/CCONJ/cc>12 "
     "la/DET/det>9/le décision/NOUN/nsubj:pass>12 sera/AUX/aux:pass>12/être "
     "publiée/VERB/conj>4/publier le/DET/det>14 3/NUM/obl:mod>12 mars/NOUN/nmod>14 "
     "./PUNCT/punct>4",
     [("Conseil européen", "ORG", "conseil-europeen"), ("Bruxelles", "LOC"),
      ("3 mars", "DATE", "2025-03-03")],
     {("located_in", "Conseil européen", "loc:bruxelles", (("event", "réunion"),))}),
]


@pytest.mark.parametrize(("markup", "mentions", "expected"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_rules_on_hand_parses(markup: str, mentions: list[tuple[Any, ...]],
                              expected: set[tuple[Any, ...]]) -> None:
    assert found_by_events(markup, mentions) == expected


# -- end-to-end: the real model ------------------------------------------------------------

@pytest.mark.model
def test_sample_required_located_in_and_date_match_gold(model_nlp: Language) -> None:
    doc = model_nlp(SAMPLE_TEXT)
    rows = doc._.relations
    for gold in gold_relations("located_in"):
        located = [r for r in rows if r["predicate"] == "located_in"
                   and r["subject_text"] == gold["subject"] and r["object_text"] == gold["object"]
                   and overlaps(r, gold["evidence"])]
        assert located, rows
        assert located[0]["attributes"]["date"] == gold["date"]
        assert any(r["predicate"] == "date" and r["subject_text"] == gold["subject"]
                   and r["object_id"] == f"date:{gold['date']}" for r in rows)
