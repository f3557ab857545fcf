"""The errors file: every false positive, false negative and wrong date value, with context."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from pipeline.evaluate.gold import GoldDoc, GoldEntity
from pipeline.evaluate.matching import (
    EntityMatch,
    RelationMatch,
    entity_key,
    match_pairs,
    overlap,
)
from pipeline.evaluate.predictions import PredEntity, Prediction
from pipeline.evaluate.relation_map import RelationMapping

CONTEXT_CHARS = 60


def _clip(text: str, limit: int = 2 * CONTEXT_CHARS) -> str:
    """``text`` itself, or its two ends around `` … `` when longer than ``limit``."""
    if len(text) <= limit:
        return text
    half = limit // 2
    return f"{text[:half]} … {text[-half:]}"


def _span(text: str, item: GoldEntity | PredEntity, match: str | None = None) -> dict[str, Any]:
    row = {
        "start": item.start,
        "end": item.end,
        "label": item.label,
        "text": text[item.start : item.end],
        "norm": item.norm,
    }
    return row if match is None else {**row, "match": match}


def _partner(
    text: str,
    item: GoldEntity | PredEntity,
    paired: GoldEntity | PredEntity | None,
    others: Sequence[GoldEntity | PredEntity],
) -> dict[str, Any] | None:
    """The overlap-matched counterpart, else the most overlapping one with another label."""
    if paired is not None:
        return _span(text, paired, "overlap")
    best: GoldEntity | PredEntity | None = None
    best_amount = 0
    for other in others:
        amount = overlap(item.start, item.end, other.start, other.end)
        if other.label != item.label and amount > best_amount:
            best, best_amount = other, amount
    return None if best is None else _span(text, best, "label")


def _error_row(
    doc: GoldDoc, level: str, kind: str, label: str, start: int, end: int, **extra: Any
) -> dict[str, Any]:
    """One errors-file row; ``extra`` holds ``norm``, ``partner`` and relation arguments."""
    return {
        "doc_id": doc.id,
        "level": level,
        "kind": kind,
        "label": label,
        "start": start,
        "end": end,
        "text": _clip(doc.text[start:end]),
        **extra,
        "left": doc.text[max(0, start - CONTEXT_CHARS) : start],
        "right": doc.text[end : end + CONTEXT_CHARS],
    }


def _entity_errors(doc: GoldDoc, entities: EntityMatch) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    overlap_pred = {pj: gi for gi, pj in entities.overlap.items()}
    exact_pred = set(entities.exact.values())

    def row(kind: str, item: GoldEntity | PredEntity, partner: Any) -> dict[str, Any]:
        return _error_row(
            doc, "entity", kind, item.label, item.start, item.end, norm=item.norm, partner=partner
        )

    for gi, gold in enumerate(entities.gold):
        if gi in entities.exact:
            pred = entities.pred[entities.exact[gi]]
            if gold.label == "DATE" and gold.norm and pred.norm != gold.norm:
                rows.append(row("norm", gold, _span(doc.text, pred, "exact")))
            continue
        paired = entities.pred[entities.overlap[gi]] if gi in entities.overlap else None
        rows.append(row("fn", gold, _partner(doc.text, gold, paired, entities.pred)))
    for pj, pred in enumerate(entities.pred):
        if pj not in exact_pred:
            paired = entities.gold[overlap_pred[pj]] if pj in overlap_pred else None
            rows.append(row("fp", pred, _partner(doc.text, pred, paired, entities.gold)))
    return rows


def _relation_row(
    doc: GoldDoc,
    kind: str,
    predicate: str,
    gold_label: str | None,
    arguments: dict[str, GoldEntity | PredEntity],
) -> dict[str, Any]:
    """A relation row spanning its two ``arguments`` (``head, tail`` or ``subject, object``)."""
    first, second = arguments.values()
    start, end = min(first.start, second.start), max(first.end, second.end)
    return _error_row(
        doc,
        "relation",
        kind,
        predicate,
        start,
        end,
        norm=None,
        partner=None,
        gold_label=gold_label,
        **{name: _span(doc.text, item) for name, item in arguments.items()},
    )


def _relation_errors(doc: GoldDoc, outcome: dict[str, RelationMatch]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    # the gold label relating each pair, named in a false positive's row (the other-label view)
    other_labels = {frozenset((entity_key(doc, r.head), entity_key(doc, r.tail))): r.label
                    for r in reversed(doc.relations)}
    for predicate, relations in outcome.items():
        for unit, found in zip(relations.gold, relations.found, strict=True):
            if not found:
                head = doc.entities[unit.relation.head]
                tail = doc.entities[unit.relation.tail]
                rows.append(
                    _relation_row(doc, "fn", predicate, unit.label, {"head": head, "tail": tail})
                )
        for (subject_key, object_key, rel), correct in zip(relations.judged, relations.correct,
                                                           strict=True):
            if not correct:
                arguments: dict[str, GoldEntity | PredEntity] = {
                    "subject": PredEntity(rel.subject_start, rel.subject_end, ""),
                    "object": PredEntity(rel.object_start, rel.object_end, ""),
                }
                gold_label = other_labels.get(frozenset((subject_key, object_key)))
                rows.append(_relation_row(doc, "fp", predicate, gold_label, arguments))
    return rows


def find_errors(
    pairs: Sequence[tuple[GoldDoc, Prediction]],
    *,
    labels: Iterable[str] | None = None,
    label_map: Mapping[str, str] | None = None,
    relation_map: Sequence[RelationMapping] | None = None,
) -> list[dict[str, Any]]:
    """Every exact-score entity error and relation error, as JSON-ready rows.

    >>> find_errors([(doc, Prediction())])[0]["kind"]
    'fn'

    Row keys: ``doc_id, level`` (``entity``/``relation``), ``kind`` (``fp``, ``fn``, ``norm``:
    exact DATE match with a wrong value), ``label`` (predicate for relations), ``start, end,
    text, norm, partner`` (overlapping counterpart with ``match`` = ``overlap``, ``exact`` or
    ``label``, else null), relation rows add ``gold_label, head, tail`` (fn) or ``gold_label``
    (the label by which the gold relates the pair, or null), ``subject, object`` (fp), then
    ``left, right`` context. Ordered by document, then start, end, level,
    kind, label.
    """
    rows: list[dict[str, Any]] = []
    matching = match_pairs(pairs, labels=labels, label_map=label_map, relation_map=relation_map)
    for matched in matching.docs:
        doc_rows = _entity_errors(matched.doc, matched.entities)
        doc_rows += _relation_errors(matched.doc, matched.relations)
        doc_rows.sort(key=lambda r: (r["start"], r["end"], r["level"], r["kind"], r["label"]))
        rows += doc_rows
    return rows
