"""The ``depeche_events`` component (pipeline/relations/events/component.py): the predicates
run together, one row per fact, rows appended to ``doc._.relations``."""

from __future__ import annotations

from pipeline.relations.events import EventExtractor
from tests.markup import blank_pipeline, parsed, with_mentions
from tests.relations.event_parses import SESSION, SESSION_MENTIONS

SUMMIT = ("Le/DET/det>1 sommet/NOUN/nsubj>8 de/ADP/case>4 l'/DET/det>4/le OTAN/PROPN/nmod>1 "
          "à/ADP/case>6 Vilnius/PROPN/nmod>1 a/AUX/aux:tense>8/avoir réuni/VERB/ROOT>8/réunir "
          "les/DET/det>10/le dirigeants/NOUN/obj>8/dirigeant ./PUNCT/punct>8")


def test_one_fact_found_by_two_rules_gives_one_row() -> None:
    # "le sommet de l'OTAN à Vilnius": the event noun's rule and the name-then-place rule
    # both place the OTAN in Vilnius; the first (with the event) is kept
    doc = with_mentions(parsed(SUMMIT), ("OTAN", "ORG", "OTAN"), ("Vilnius", "LOC"))
    rows = EventExtractor().process(doc)
    assert [(r["predicate"], r["subject_text"], r["object_text"], r["rule"]) for r in rows] == [
        ("located_in", "OTAN", "Vilnius", "events.noun_place")]


def test_the_factory_builds_the_component_and_call_appends() -> None:
    nlp = blank_pipeline("depeche_events")
    component = nlp.get_pipe("depeche_events")
    assert isinstance(component, EventExtractor)
    doc = with_mentions(parsed(SESSION), *SESSION_MENTIONS)
    doc._.relations = [{"predicate": "role", "subject_start": 0, "subject_end": 1,
                        "object_start": None, "object_end": None, "rule": "roles.x"}]
    component(doc)
    assert [r["predicate"] for r in doc._.relations] == [
        "role", "located_in", "date", "participant", "participant", "participant"]
    assert doc.to_bytes()  # msgpack-safe
