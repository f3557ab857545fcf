"""Pair predictions with the gold: entities by span and label, relations by resolved arguments.

:func:`match_pairs` matches a whole gold set for both :func:`~pipeline.evaluate.score` (which
counts the pairs) and :func:`~pipeline.evaluate.find_errors` (which lists what is left over).
The rules are those written in :mod:`pipeline.evaluate`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from pipeline.evaluate.gold import (
    GoldDoc,
    GoldEntity,
    GoldRelation,
    label_inventory,
    relation_inventory,
)
from pipeline.evaluate.predictions import PredEntity, Prediction, PredRelation
from pipeline.evaluate.relation_map import RelationMapping, load_relation_map
from pipeline.relations.base import PREDICATES

#: Predicted label -> gold label, applied before scoring (the gold has no COUNTRY).
DEFAULT_LABEL_MAP: Mapping[str, str] = MappingProxyType({"COUNTRY": "LOC"})


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Number of characters ``[a_start, a_end)`` and ``[b_start, b_end)`` have in common."""
    return max(0, min(a_end, b_end) - max(a_start, b_start))


# --------------------------------------------------------------------------- entities


@dataclass
class EntityMatch:
    """Matching of one document: scored gold and predicted entities and their pairs."""

    gold: list[GoldEntity]
    pred: list[PredEntity]
    exact: dict[int, int]  # gold index -> pred index
    overlap: dict[int, int]


def _match_entities(gold: list[GoldEntity], pred: list[PredEntity]) -> EntityMatch:
    exact: dict[int, int] = {}
    by_key: dict[tuple[int, int, str], list[int]] = {}
    for gi, g in enumerate(gold):
        by_key.setdefault((g.start, g.end, g.label), []).append(gi)
    for pj, p in enumerate(pred):
        candidates = by_key.get((p.start, p.end, p.label))
        if candidates:
            exact[candidates.pop(0)] = pj
    paired = dict(exact)
    used = set(exact.values())
    pairs = [
        (overlap(g.start, g.end, p.start, p.end), gi, pj)
        for gi, g in enumerate(gold)
        if gi not in paired
        for pj, p in enumerate(pred)
        if pj not in used and p.label == g.label
    ]
    pairs = [pair for pair in pairs if pair[0] > 0]
    pairs.sort(
        key=lambda t: (-t[0], gold[t[1]].start, gold[t[1]].end, pred[t[2]].start, pred[t[2]].end)
    )
    for _, gi, pj in pairs:
        if gi not in paired and pj not in used:
            paired[gi] = pj
            used.add(pj)
    return EntityMatch(gold, pred, exact, paired)


def _scored_entities(
    gold_doc: GoldDoc, prediction: Prediction, labels: tuple[str, ...], label_map: Mapping[str, str]
) -> EntityMatch:
    wanted = set(labels)
    gold = sorted(
        (e for e in gold_doc.entities if e.label in wanted), key=lambda e: (e.start, e.end)
    )
    pred = sorted(
        {
            PredEntity(p.start, p.end, label_map.get(p.label, p.label), p.norm)
            for p in prediction.entities
            if label_map.get(p.label, p.label) in wanted
        },
        key=lambda p: (p.start, p.end, p.label, p.norm or ""),
    )
    return _match_entities(gold, pred)


# --------------------------------------------------------------------------- relations


@dataclass(frozen=True)
class GoldUnit:
    """A gold relation as a predicate between resolved arguments (dépêche's orientation)."""

    predicate: str
    subject: str
    object: str
    either: bool
    label: str
    relation: GoldRelation

    def matches(self, subject: str, object_: str) -> bool:
        """Whether a prediction between these resolved arguments is this relation."""
        if (subject, object_) == (self.subject, self.object):
            return True
        return self.either and (subject, object_) == (self.object, self.subject)


def entity_key(doc: GoldDoc, index: int) -> str:
    """The gold entity ``index`` as a relation argument: its cluster when it has one."""
    cluster = doc.entities[index].cluster
    return f"cluster:{cluster}" if cluster is not None else f"entity:{index}"


def _resolve(doc: GoldDoc, start: int, end: int) -> str | None:
    """Key of the gold entity overlapping [start, end) most (ties: earlier entity), or None."""
    best, best_index = 0, -1
    for index, entity in enumerate(doc.entities):
        amount = overlap(start, end, entity.start, entity.end)
        if amount > best:
            best, best_index = amount, index
    return None if best_index < 0 else entity_key(doc, best_index)


@dataclass
class RelationMatch:
    """Relation outcome of one document for one predicate."""

    gold: list[GoldUnit]
    found: list[bool]
    judged: list[tuple[str, str, PredRelation]]  # subject key, object key, first prediction
    correct: list[bool]
    ignored: int
    other_label: int  # judged pairs the gold relates only by a label not mapped here


def _match_relations(
    doc: GoldDoc,
    prediction: Prediction,
    predicates: tuple[str, ...],
    relation_map: Sequence[RelationMapping],
) -> dict[str, RelationMatch]:
    units: dict[str, list[GoldUnit]] = {p: [] for p in predicates}
    for relation in doc.relations:
        head, tail = entity_key(doc, relation.head), entity_key(doc, relation.tail)
        for row in relation_map:
            if row.gold_label != relation.label or row.predicate not in units:
                continue
            subject, object_ = (tail, head) if row.direction == "reversed" else (head, tail)
            either = row.direction == "either"
            if not any(
                (u.subject, u.object, u.either) == (subject, object_, either)
                for u in units[row.predicate]
            ):
                units[row.predicate].append(
                    GoldUnit(row.predicate, subject, object_, either, relation.label, relation)
                )
    outcome: dict[str, RelationMatch] = {}
    for predicate in predicates:
        labels = {row.gold_label for row in relation_map if row.predicate == predicate}
        # pairs the gold relates by a label that is not this predicate's (the lenient view)
        other_pairs = {
            frozenset((entity_key(doc, r.head), entity_key(doc, r.tail)))
            for r in doc.relations
            if r.label not in labels
        } - {frozenset((u.subject, u.object)) for u in units[predicate]}
        judged: dict[tuple[str, str], PredRelation] = {}
        ignored = 0
        for rel in sorted(
            (r for r in prediction.relations if r.predicate == predicate),
            key=lambda r: (r.subject_start, r.subject_end, r.object_start, r.object_end),
        ):
            subject = _resolve(doc, rel.subject_start, rel.subject_end)
            object_ = _resolve(doc, rel.object_start, rel.object_end)
            if subject is None or object_ is None:
                ignored += 1
            else:
                judged.setdefault((subject, object_), rel)
        gold = units[predicate]
        correct = [any(u.matches(s, o) for u in gold) for s, o in judged]
        found = [any(u.matches(s, o) for s, o in judged) for u in gold]
        other = sum(1 for s, o in judged if frozenset((s, o)) in other_pairs)
        outcome[predicate] = RelationMatch(
            gold, found, [(s, o, r) for (s, o), r in judged.items()], correct, ignored, other
        )
    return outcome


# --------------------------------------------------------------------------- a gold set


def _scored_predicates(
    docs: Iterable[GoldDoc], relation_map: Sequence[RelationMapping]
) -> tuple[str, ...]:
    present = set(relation_inventory(docs))
    mapped = {row.predicate for row in relation_map if row.gold_label in present}
    return tuple(p for p in PREDICATES if p in mapped)


def _scored_labels(docs: Sequence[GoldDoc], labels: Iterable[str] | None) -> tuple[str, ...]:
    inventory = label_inventory(docs)
    if labels is None:
        return inventory
    wanted = set(labels)
    return tuple(label for label in inventory if label in wanted)


@dataclass(frozen=True)
class DocMatch:
    """One gold document with its entity matching and its relation outcome per predicate."""

    doc: GoldDoc
    entities: EntityMatch
    relations: dict[str, RelationMatch]


@dataclass(frozen=True)
class Matching:
    """A gold set matched with its predictions: what is scored, and each document's pairs."""

    labels: tuple[str, ...]
    predicates: tuple[str, ...]
    docs: tuple[DocMatch, ...]


def match_pairs(
    pairs: Sequence[tuple[GoldDoc, Prediction]],
    *,
    labels: Iterable[str] | None = None,
    label_map: Mapping[str, str] | None = None,
    relation_map: Sequence[RelationMapping] | None = None,
) -> Matching:
    """Match every (gold, prediction) pair; the scored labels and predicates come from the gold.

    ``labels`` restricts the scored labels (labels outside the inventory are ignored);
    ``label_map`` maps predicted labels (default :data:`DEFAULT_LABEL_MAP`); ``relation_map``
    defaults to :func:`~pipeline.evaluate.load_relation_map`.
    """
    label_map = DEFAULT_LABEL_MAP if label_map is None else label_map
    relation_map = load_relation_map() if relation_map is None else relation_map
    docs = [gold for gold, _ in pairs]
    scored = _scored_labels(docs, labels)
    predicates = _scored_predicates(docs, relation_map)
    return Matching(
        scored,
        predicates,
        tuple(
            DocMatch(
                gold_doc,
                _scored_entities(gold_doc, prediction, scored, label_map),
                _match_relations(gold_doc, prediction, predicates, relation_map),
            )
            for gold_doc, prediction in pairs
        ),
    )
