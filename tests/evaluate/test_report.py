"""Tests for pipeline/evaluate/report.py: reports as JSON and as aligned text."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.evaluate import GoldDoc, Prediction, PredRelation, score
from tests.evaluate.helpers import MACRON, RELATION_MAP, at, other_label_doc, pred


def test_report_to_dict_and_to_text(macron: GoldDoc) -> None:
    report = score(
        [(macron, Prediction([pred(MACRON, "Macron", "PER")]))],
        relation_map=(),
        gold_path="g.jsonl",
    )
    data = report.to_dict()
    assert list(data) == ["gold_path", "docs", "labels", "entities", "micro", "dates", "relations"]
    assert data["entities"][0] == {
        "label": "PER",
        "gold": 1,
        "pred": 1,
        "exact": {"tp": 0, "gold": 1, "pred": 1, "precision": 0.0, "recall": 0.0, "f1": 0.0},
        "overlap": {"tp": 1, "gold": 1, "pred": 1, "precision": 1.0, "recall": 1.0, "f1": 1.0},
    }
    json.dumps(data)  # JSON-ready
    lines = report.to_text().splitlines()
    table = lines[2:6]  # header, PER, LOC, micro
    assert table[0].split() == ["label", "gold", "pred", "P", "R", "F1", "P~", "R~", "F1~"]
    assert table[1].split() == [
        "PER",
        "1",
        "1",
        "0.000",
        "0.000",
        "0.000",
        "1.000",
        "1.000",
        "1.000",
    ]
    assert table[3].split()[0] == "micro"
    assert len({len(line) for line in table}) == 1  # aligned


def test_lenient_precision_is_printed_only_beside_the_strict_one(tmp_path: Path) -> None:
    text, doc = other_label_doc(tmp_path)
    koskinen = PredRelation("role", *at(text, "Aino Koskinen"), *at(text, "Finlande"))
    right = PredRelation("role", *at(text, "Jean Dupont"), *at(text, "Acme"))
    report = score([(doc, Prediction(relations=[koskinen, right]))], relation_map=RELATION_MAP)
    (role,) = report.relations
    assert (role.judged, role.correct, role.other_label) == (2, 1, 1)
    assert (role.precision, role.lenient_precision) == (0.5, 1.0)
    strict = report.to_text()
    assert "P lenient" not in strict and "strict precision" in strict
    role_line = next(line for line in report.to_text(lenient=True).splitlines()
                     if line.lstrip().startswith("role"))
    # strict P 1/2, R 1/1, F1 2/3; then the other-label count and the lenient P 1/1 beside it
    assert role_line.split()[6:] == ["0.500", "1.000", "0.667", "1", "1.000"]
    assert report.to_dict()["relations"][0]["lenient_precision"] == 1.0
