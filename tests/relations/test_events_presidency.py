"""Predicate ``presidency`` (pipeline/relations/events/presidency.py): hand parses."""

from __future__ import annotations

from typing import Any

import pytest

from tests.relations.event_parses import EventCase, found_by_events

CASES: list[EventCase] = [
    ("présidence tournante : passation d'un pays à l'autre",
     "La/DET/det>1/le présidence/NOUN/nsubj>6 de/ADP/case>4 l'/DET/det>4/le OTSC/PROPN/nmod>1 "
     "passera/VERB/ROOT>6/passer du/ADP/case>7/de Kazakhstan/PROPN/obl:arg>5 au/ADP/case>9/à "
     "Kirghizistan/PROPN/obl:arg>5 à/ADP/case>14 partir/VERB/fixed>10/partir "
     "du/ADP/fixed>10/de 1er/ADJ/amod>14/premier janvier/NOUN/obl:mod>5 2025/NUM/nmod>14 "
     "./PUNCT/punct>5",
     [("OTSC", "ORG", "OTSC"), ("Kazakhstan", "COUNTRY", "KZ"),
      ("Kirghizistan", "COUNTRY", "KG"), ("1er janvier 2025", "DATE", "2025-01-01")],
     {("presidency", "Kirghizistan", "org:OTSC", (("start_date", "2025-01-01"),)),
      ("presidency", "Kazakhstan", "org:OTSC", (("end_date", "2025-01-01"),))}),
    ("X assurera la présidence de Y",
     "Le/DET/det>1 Kazakhstan/PROPN/nsubj>2 assurera/VERB/ROOT>2/assurer la/DET/det>4/le "
     "présidence/NOUN/obj>2 de/ADP/case>7 l'/DET/det>7/le OCS/PROPN/nmod>4 en/ADP/case>9 "
     "2025/NUM/obl:mod>2 ./PUNCT/punct>2",
     [("Kazakhstan", "COUNTRY", "KZ"), ("OCS", "ORG", "OCS"), ("2025", "DATE", "2025")],
     {("presidency", "Kazakhstan", "org:OCS", (("date", "2025"),))}),
]


@pytest.mark.parametrize(("markup", "mentions", "expected"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_rules_on_hand_parses(markup: str, mentions: list[tuple[Any, ...]],
                              expected: set[tuple[Any, ...]]) -> None:
    assert found_by_events(markup, mentions) == expected
