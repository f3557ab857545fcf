"""Tests for pipeline/evaluate/errors.py: the rows of the errors file."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.evaluate import Prediction, PredRelation, evaluate, find_errors
from tests.evaluate.helpers import (
    MACRON,
    RELATION_MAP,
    at,
    ent,
    gold_docs,
    other_label_doc,
    pred,
    write_gold,
)


def test_errors_file_rows(tmp_path: Path) -> None:
    gold = write_gold(
        tmp_path / "gold.jsonl",
        [
            {
                "id": "m",
                "text": MACRON,
                "entities": [ent(MACRON, "Emmanuel Macron", "PER"), ent(MACRON, "France", "LOC")],
            }
        ],
    )
    prediction = Prediction([pred(MACRON, "Macron", "PER"), pred(MACRON, "Emmanuel", "LOC")])
    errors = tmp_path / "errors.jsonl"
    result = evaluate(gold, lambda docs: [prediction] * len(docs), errors_path=errors)
    rows = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    base = {"doc_id": "m", "level": "entity", "norm": None}
    assert rows == [
        # "Emmanuel" LOC: no LOC gold there; overlaps the PER gold: partner by label
        {
            **base,
            "kind": "fp",
            "label": "LOC",
            "start": 0,
            "end": 8,
            "text": "Emmanuel",
            "partner": {
                "start": 0,
                "end": 15,
                "label": "PER",
                "text": "Emmanuel Macron",
                "norm": None,
                "match": "label",
            },
            "left": "",
            "right": " Macron est allé en France en 2024.",
        },
        # the PER gold, paired by overlap with "Macron"
        {
            **base,
            "kind": "fn",
            "label": "PER",
            "start": 0,
            "end": 15,
            "text": "Emmanuel Macron",
            "partner": {
                "start": 9,
                "end": 15,
                "label": "PER",
                "text": "Macron",
                "norm": None,
                "match": "overlap",
            },
            "left": "",
            "right": " est allé en France en 2024.",
        },
        {
            **base,
            "kind": "fp",
            "label": "PER",
            "start": 9,
            "end": 15,
            "text": "Macron",
            "partner": {
                "start": 0,
                "end": 15,
                "label": "PER",
                "text": "Emmanuel Macron",
                "norm": None,
                "match": "overlap",
            },
            "left": "Emmanuel ",
            "right": " est allé en France en 2024.",
        },
        {
            **base,
            "kind": "fn",
            "label": "LOC",
            "start": 28,
            "end": 34,
            "text": "France",
            "partner": None,
            "left": "Emmanuel Macron est allé en ",
            "right": " en 2024.",
        },
    ]
    assert list(rows[0]) == [
        "doc_id",
        "level",
        "kind",
        "label",
        "start",
        "end",
        "text",
        "norm",
        "partner",
        "left",
        "right",
    ]
    assert (result.errors, result.errors_path) == (4, errors)


def test_errors_context_is_60_characters(tmp_path: Path) -> None:
    text = "a" * 100 + "Paris" + "b" * 100
    (doc,) = gold_docs(
        tmp_path, [{"id": "p", "text": text, "entities": [ent(text, "Paris", "LOC")]}]
    )
    (row,) = find_errors([(doc, Prediction())], relation_map=())
    assert (row["left"], row["right"]) == ("a" * 60, "b" * 60)


def test_a_false_positive_row_names_the_gold_label_of_its_pair(tmp_path: Path) -> None:
    text, doc = other_label_doc(tmp_path)
    koskinen = PredRelation("role", *at(text, "Aino Koskinen"), *at(text, "Finlande"))
    rows = [r for r in find_errors([(doc, Prediction(relations=[koskinen]))],
                                   relation_map=RELATION_MAP) if r["kind"] == "fp"]
    assert [(r["label"], r["gold_label"]) for r in rows] == [("role", "per:origin")]
