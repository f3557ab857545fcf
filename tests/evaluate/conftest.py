"""Fixtures of the tests of pipeline/evaluate/."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluate import GoldDoc
from tests.evaluate.helpers import MACRON, ent, gold_docs


@pytest.fixture
def macron(tmp_path: Path) -> GoldDoc:
    """Gold: [Emmanuel Macron](PER) est allé en [France](LOC) en 2024 (no DATE in this set)."""
    (doc,) = gold_docs(
        tmp_path,
        [
            {
                "id": "m",
                "text": MACRON,
                "entities": [ent(MACRON, "Emmanuel Macron", "PER"), ent(MACRON, "France", "LOC")],
            }
        ],
    )
    return doc
