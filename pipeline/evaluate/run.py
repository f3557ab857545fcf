"""Run an evaluation: read a gold file, predict in batches, score, write the errors file."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from pipeline.evaluate.errors import find_errors
from pipeline.evaluate.gold import GoldDoc, read_gold
from pipeline.evaluate.predictions import DEFAULT_BATCH_SIZE, Prediction, Predictor
from pipeline.evaluate.relation_map import RelationMapping, load_relation_map
from pipeline.evaluate.report import EvaluationResult
from pipeline.evaluate.scoring import score


def _predict(docs: list[GoldDoc], predict: Predictor, batch_size: int) -> list[Prediction]:
    predictions: list[Prediction] = []
    for offset in range(0, len(docs), batch_size):
        batch = docs[offset : offset + batch_size]
        out = list(predict(batch))
        if len(out) != len(batch):
            raise ValueError(
                f"predictor returned {len(out)} predictions for a batch of {len(batch)} documents"
            )
        predictions += out
    return predictions


def evaluate(
    gold_path: str | Path,
    predict: Predictor,
    *,
    baseline_predict: Predictor | None = None,
    errors_path: str | Path | None = None,
    label_map: Mapping[str, str] | None = None,
    labels: Iterable[str] | None = None,
    relation_map: Sequence[RelationMapping] | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> EvaluationResult:
    """Read a gold file, run the predictor(s) on it in batches and score them.

    >>> result = evaluate("dev.jsonl", pipeline_predictor(nlp),
    ...                   baseline_predict=spacy_baseline_predictor(base), errors_path="err.jsonl")
    >>> print(result.to_text())

    Raises :class:`GoldFormatError` for a malformed gold file (before predicting anything) and
    ``ValueError`` when a predictor returns the wrong number of predictions. With
    ``errors_path``, the system's errors (see :func:`find_errors`) are written there as JSONL.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    labels = None if labels is None else tuple(labels)
    relation_map = load_relation_map() if relation_map is None else relation_map
    docs = list(read_gold(gold_path))
    options: dict[str, Any] = {
        "labels": labels,
        "label_map": label_map,
        "relation_map": relation_map,
    }
    pairs = list(zip(docs, _predict(docs, predict, batch_size), strict=True))
    report = score(pairs, gold_path=str(gold_path), **options)
    baseline = None
    if baseline_predict is not None:
        base_pairs = list(zip(docs, _predict(docs, baseline_predict, batch_size), strict=True))
        baseline = score(base_pairs, gold_path=str(gold_path), **options)
    n_errors = 0
    written: Path | None = None
    if errors_path is not None:
        written = Path(errors_path)
        rows = find_errors(pairs, **options)
        with written.open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        n_errors = len(rows)
    return EvaluationResult(report, baseline, written, n_errors)
