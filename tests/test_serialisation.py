"""Processed docs survive Doc.to_bytes() and multiprocessing: extension values are plain."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from tests.conftest import SAMPLE_TEXT as TEXT

pytestmark = pytest.mark.model

OTHER = ("PARIS, 3 mars 2024 (AFP) - Le ministre russe des Affaires étrangères Sergueï "
         "Lavrov s'est rendu à Pékin mardi, a indiqué le Kremlin.")
ATTRIBUTES = ("mentions", "relations", "quotes", "dateline", "anchor")


def test_doc_to_bytes_round_trip_keeps_every_extension(nlp: Language) -> None:
    doc = nlp(TEXT)
    copy = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    for name in ATTRIBUTES:
        assert getattr(copy._, name) == getattr(doc._, name), name
    assert len(doc._.mentions) > 30 and len(doc._.relations) > 10


def test_two_processes_give_the_same_rows_as_one(nlp: Language) -> None:
    texts = [TEXT, OTHER] * 2
    one = [(d._.mentions, d._.relations, d._.quotes) for d in nlp.pipe(texts)]
    two = [(d._.mentions, d._.relations, d._.quotes)
           for d in nlp.pipe(texts, n_process=2, batch_size=1)]
    assert two == one
