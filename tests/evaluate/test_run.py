"""Tests for pipeline/evaluate/run.py: evaluate reads, predicts in batches and scores."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluate import Counts, GoldDoc, GoldFormatError, PredEntity, Prediction, evaluate
from tests.evaluate.helpers import ent, write_gold


def test_evaluate_batches_baseline_and_diff(tmp_path: Path) -> None:
    texts = ["Paris.", "Lyon.", "Nice."]
    gold = write_gold(
        tmp_path / "gold.jsonl",
        [
            {"id": f"d{i}", "text": t, "entities": [ent(t, t[:-1], "LOC")]}
            for i, t in enumerate(texts)
        ],
    )
    batches: list[list[str]] = []

    def perfect(docs: list[GoldDoc]) -> list[Prediction]:
        batches.append([doc.id for doc in docs])
        return [Prediction([PredEntity(0, len(doc.text) - 1, "LOC")]) for doc in docs]

    result = evaluate(
        gold, perfect, baseline_predict=lambda docs: [Prediction()] * len(docs), batch_size=2
    )
    assert batches == [["d0", "d1"], ["d2"]]
    assert result.report.micro.exact == Counts(3, 3, 3)
    assert result.baseline is not None
    assert result.baseline.micro.exact == Counts(0, 3, 0)
    diff = result.diff()
    assert diff is not None
    deltas = {row.metric: row.delta for row in diff.rows}
    assert deltas["micro.exact.f1"] == pytest.approx(1.0)  # 1.0 - 0.0
    assert deltas["LOC.overlap.recall"] == pytest.approx(1.0)
    assert "micro.exact.f1" in diff.to_text(("pipeline", "baseline"))
    assert result.to_dict()["diff"][0]["metric"] == "LOC.exact.precision"


def test_evaluate_rejects_a_predictor_returning_the_wrong_count(tmp_path: Path) -> None:
    gold = write_gold(tmp_path / "g.jsonl", [{"id": "a", "text": "x"}, {"id": "b", "text": "y"}])
    with pytest.raises(ValueError, match="1 predictions for a batch of 2"):
        evaluate(gold, lambda docs: [Prediction()])


def test_evaluate_reports_a_malformed_gold_before_predicting(tmp_path: Path) -> None:
    gold = tmp_path / "g.jsonl"
    gold.write_text('{"id": "a", "text": "x"}\n{oops\n', encoding="utf-8")
    called: list[int] = []
    with pytest.raises(GoldFormatError, match=r"g\.jsonl:2: invalid JSON"):
        evaluate(gold, lambda docs: called.append(1) or [Prediction()] * len(docs))
    assert called == []
