"""The sample TASS story against its hand-checked gold file (tests/data/)."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from pipeline.runner import analyse
from tests.conftest import GOLD, SAMPLE_ID
from tests.conftest import SAMPLE_TEXT as TEXT

REQUIRED = [e for e in GOLD["entities"] if e["required"]]

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def rows(nlp: Language) -> dict[str, list[dict[str, Any]]]:
    return analyse(TEXT, nlp=nlp, doc_id=SAMPLE_ID)


@pytest.fixture(scope="module")
def by_span(rows: dict[str, list[dict[str, Any]]]) -> dict[tuple[int, int], dict[str, Any]]:
    return {(m["start_char"], m["end_char"]): m for m in rows["mentions"]}


def test_gold_offsets_match_the_corpus_text() -> None:
    for entity in GOLD["entities"]:
        assert TEXT[entity["start"]:entity["end"]] == entity["text"]


@pytest.mark.parametrize("gold", REQUIRED, ids=lambda e: f"{e['start']}-{e['text']}")
def test_required_entity_is_found_with_span_label_and_value(
        gold: dict[str, Any], by_span: dict[tuple[int, int], dict[str, Any]]) -> None:
    mention = by_span.get((gold["start"], gold["end"]))
    assert mention is not None, f"missing {gold['text']!r} at {gold['start']}"
    assert mention["label"] == gold["label"]
    if gold["label"] in ("COUNTRY", "DATE"):
        assert mention["norm"] == gold["norm"]
    if "country" in gold:
        assert mention["country"] == gold["country"]
    assert mention["form"] == gold["form"]


def test_mentions_of_one_gold_entity_share_one_entity_id_and_no_other(
        by_span: dict[tuple[int, int], dict[str, Any]]) -> None:
    ids: dict[str, set[str]] = {}
    for gold in REQUIRED:
        mention = by_span[(gold["start"], gold["end"])]
        ids.setdefault(gold["entity"], set()).add(mention["entity_id"])
    assert all(len(found) == 1 for found in ids.values()), ids
    flat = [next(iter(found)) for found in ids.values()]
    assert len(set(flat)) == len(flat), "two gold entities merged into one entity_id"


def test_dateline_fills_the_documents_row(rows: dict[str, list[dict[str, Any]]]) -> None:
    [document] = rows["documents"]
    assert (document["dateline_place"], document["dateline_date"], document["agency"]) == (
        GOLD["dateline"]["place"], GOLD["dateline"]["date"], GOLD["dateline"]["agency"])
    assert document["anchor_date"] == GOLD["doc_date"]
