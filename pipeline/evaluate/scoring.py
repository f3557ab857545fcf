"""Scores: counts of matched entities, date values and relations, added up over a gold set.

The rules (what counts as a match, the 0.0 conventions) are written in :mod:`pipeline.evaluate`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any, TypeVar

from pipeline.evaluate.gold import GoldDoc
from pipeline.evaluate.matching import EntityMatch, match_pairs
from pipeline.evaluate.predictions import Prediction
from pipeline.evaluate.relation_map import RelationMapping
from pipeline.evaluate.report import Report, rounded

_Record = TypeVar("_Record", "Counts", "DateScore", "RelationScore")


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def _f1(precision: float, recall: float) -> float:
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


def _added(left: _Record, right: _Record) -> _Record:
    """Field-by-field sum of two records of one kind; a text field (a predicate) is ``left``'s."""
    values = []
    for name in left.__match_args__:  # the dataclass's fields, in order
        mine = getattr(left, name)
        values.append(mine if isinstance(mine, str) else mine + getattr(right, name))
    return type(left)(*values)


def _as_dict(record: Counts | DateScore | RelationScore, **ratios: float | None) -> dict[str, Any]:
    """JSON-ready: the record's fields in order, then ``ratios`` rounded to 4 decimals."""
    return {
        **{f.name: getattr(record, f.name) for f in fields(record)},
        **{name: rounded(value) for name, value in ratios.items()},
    }


@dataclass(frozen=True)
class Counts:
    """True positives over gold and predicted counts, e.g. ``Counts(3, 4, 5).recall == 0.75``."""

    tp: int = 0
    gold: int = 0
    pred: int = 0

    @property
    def precision(self) -> float:
        """tp / pred; 0.0 when nothing was predicted."""
        return _ratio(self.tp, self.pred)

    @property
    def recall(self) -> float:
        """tp / gold; 0.0 when there is no gold."""
        return _ratio(self.tp, self.gold)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall; 0.0 when both are 0."""
        return _f1(self.precision, self.recall)

    def __add__(self, other: Counts) -> Counts:
        return _added(self, other)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready counts and ratios (rounded to 4 decimals)."""
        return _as_dict(self, precision=self.precision, recall=self.recall, f1=self.f1)


@dataclass(frozen=True)
class LabelScore:
    """Exact and overlap counts for one label (or ``"micro"`` for all scored labels)."""

    label: str
    exact: Counts
    overlap: Counts

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: label, gold, pred, exact and overlap scores."""
        return {
            "label": self.label,
            "gold": self.exact.gold,
            "pred": self.exact.pred,
            "exact": self.exact.to_dict(),
            "overlap": self.overlap.to_dict(),
        }


@dataclass(frozen=True)
class DateScore:
    """Date value accuracy: ``correct`` of ``exact_with_norm`` exact matches are right."""

    gold_with_norm: int = 0
    exact_with_norm: int = 0
    correct: int = 0

    @property
    def value_accuracy(self) -> float | None:
        """Share of exact DATE matches (gold with a norm) whose predicted norm is the gold's."""
        return self.correct / self.exact_with_norm if self.exact_with_norm else None

    @property
    def gold_accuracy(self) -> float | None:
        """Share of all gold DATEs with a norm that were found exactly with the right value."""
        return self.correct / self.gold_with_norm if self.gold_with_norm else None

    def __add__(self, other: DateScore) -> DateScore:
        return _added(self, other)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready counts and both accuracies (None when undefined)."""
        return _as_dict(
            self, value_accuracy=self.value_accuracy, gold_accuracy=self.gold_accuracy
        )


@dataclass(frozen=True)
class RelationScore:
    """Precision and recall of one predicate against the gold relations mapped to it."""

    predicate: str
    gold: int = 0
    found: int = 0
    judged: int = 0
    correct: int = 0
    ignored: int = 0
    other_label: int = 0

    @property
    def precision(self) -> float:
        """Strict precision: correct / judged; 0.0 when no prediction was judged."""
        return _ratio(self.correct, self.judged)

    @property
    def lenient_precision(self) -> float:
        """correct / (judged - other_label): pairs the gold relates by another label left out."""
        return _ratio(self.correct, self.judged - self.other_label)

    @property
    def recall(self) -> float:
        """found / gold; 0.0 when no gold relation maps to the predicate."""
        return _ratio(self.found, self.gold)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        return _f1(self.precision, self.recall)

    def __add__(self, other: RelationScore) -> RelationScore:
        return _added(self, other)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready counts and ratios."""
        return _as_dict(
            self,
            precision=self.precision,
            lenient_precision=self.lenient_precision,
            recall=self.recall,
            f1=self.f1,
        )


def score(
    pairs: Sequence[tuple[GoldDoc, Prediction]],
    *,
    labels: Iterable[str] | None = None,
    label_map: Mapping[str, str] | None = None,
    relation_map: Sequence[RelationMapping] | None = None,
    gold_path: str = "",
) -> Report:
    """Score predictions against gold; the label inventory is taken from the gold docs given.

    >>> score([(doc, Prediction([PredEntity(0, 5, "LOC")]))]).micro.exact.f1
    1.0

    ``labels`` restricts the scored labels (labels outside the inventory are ignored);
    ``label_map`` maps predicted labels (default :data:`DEFAULT_LABEL_MAP`); ``relation_map``
    defaults to :func:`load_relation_map`.
    """
    matching = match_pairs(pairs, labels=labels, label_map=label_map, relation_map=relation_map)
    scored, predicates = matching.labels, matching.predicates
    # per label: gold and predicted entities, exact and overlap pairs (only scored labels occur)
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    tp_exact: Counter[str] = Counter()
    tp_overlap: Counter[str] = Counter()
    dates = DateScore()
    relations = {p: RelationScore(p) for p in predicates}
    for matched in matching.docs:
        entities = matched.entities
        n_gold.update(g.label for g in entities.gold)
        n_pred.update(p.label for p in entities.pred)
        tp_exact.update(entities.gold[gi].label for gi in entities.exact)
        tp_overlap.update(entities.gold[gi].label for gi in entities.overlap)
        if "DATE" in scored:
            dates += _date_counts(entities)
        for predicate, outcome in matched.relations.items():
            relations[predicate] += RelationScore(
                predicate,
                gold=len(outcome.gold),
                found=sum(outcome.found),
                judged=len(outcome.judged),
                correct=sum(outcome.correct),
                ignored=outcome.ignored,
                other_label=outcome.other_label,
            )
    by_label = tuple(
        LabelScore(
            label,
            Counts(tp_exact[label], n_gold[label], n_pred[label]),
            Counts(tp_overlap[label], n_gold[label], n_pred[label]),
        )
        for label in scored
    )
    micro = LabelScore(
        "micro",
        sum((s.exact for s in by_label), Counts()),
        sum((s.overlap for s in by_label), Counts()),
    )
    return Report(
        gold_path,
        len(pairs),
        scored,
        by_label,
        micro,
        dates if "DATE" in scored else None,
        tuple(relations[p] for p in predicates),
    )


def _date_counts(entities: EntityMatch) -> DateScore:
    gold_with_norm = sum(1 for g in entities.gold if g.label == "DATE" and g.norm)
    exact_with_norm = correct = 0
    for gi, pj in entities.exact.items():
        gold = entities.gold[gi]
        if gold.label == "DATE" and gold.norm:
            exact_with_norm += 1
            correct += entities.pred[pj].norm == gold.norm
    return DateScore(gold_with_norm, exact_with_norm, correct)
