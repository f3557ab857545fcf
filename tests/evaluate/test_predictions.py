"""Tests for pipeline/evaluate/predictions.py: the two spaCy predictors.

No statistical model is loaded: ``spacy.blank("fr")`` with a stand-in component.
"""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.evaluate import (
    GoldDoc,
    PredEntity,
    Prediction,
    PredRelation,
    pipeline_predictor,
    spacy_baseline_predictor,
)


@Language.component("test_evaluate_fake_depeche")
def fake_depeche(doc: Doc) -> Doc:
    """Stand-in for dépêche's components: fixed mentions and relations, date from doc_date."""
    doc._.mentions = [
        {"start_char": 0, "end_char": 15, "label": "PER", "norm": "", "form": "name"},
        {"start_char": 28, "end_char": 34, "label": "COUNTRY", "norm": "FR", "form": "name"},
        {"start_char": 38, "end_char": 42, "label": "DATE", "norm": doc._.doc_date, "form": "name"},
        {"start_char": 28, "end_char": 34, "label": "COUNTRY", "norm": "FR", "form": "demonym"},
    ]
    doc._.relations = [
        {
            "predicate": "located_in",
            "subject_start": 0,
            "subject_end": 15,
            "object_start": 28,
            "object_end": 34,
            "rule": "test",
        },
        {
            "predicate": "quote",
            "subject_start": 0,
            "subject_end": 15,
            "object_start": None,
            "object_end": None,
        },
    ]
    return doc


def test_pipeline_predictor_reads_mentions_and_relations(macron: GoldDoc) -> None:
    nlp = spacy.blank("fr")
    nlp.add_pipe("test_evaluate_fake_depeche")
    dated = GoldDoc(macron.id, macron.text, "2024-05-01", macron.entities, macron.relations)
    (prediction,) = pipeline_predictor(nlp)([dated])
    assert prediction.entities == [
        PredEntity(0, 15, "PER", None),
        PredEntity(28, 34, "COUNTRY", "FR"),
        PredEntity(38, 42, "DATE", "2024-05-01"),  # doc._.doc_date was set from the gold date
    ]  # the demonym mention is not an entity prediction
    assert prediction.relations == [PredRelation("located_in", 0, 15, 28, 34)]


def test_spacy_baseline_predictor_reads_doc_ents(macron: GoldDoc) -> None:
    nlp = spacy.blank("fr")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [{"label": "PER", "pattern": "Macron"}, {"label": "LOC", "pattern": "France"}]
    )
    (prediction,) = spacy_baseline_predictor(nlp)([macron])
    assert prediction == Prediction([PredEntity(9, 15, "PER"), PredEntity(28, 34, "LOC")], [])
