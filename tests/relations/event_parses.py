"""Shared by the event tests: the hand parse of the sample's session sentence and the check
that runs one table case through the ``depeche_events`` component."""

from __future__ import annotations

from typing import Any

from pipeline.relations.events import EventExtractor
from tests.markup import parsed, with_mentions

SESSION = (
    "la/DET/det>1/le session/NOUN/nsubj>20 du/ADP/case>3/de Conseil/PROPN/nmod>1 "
    "de/ADP/case>5 sécurité/NOUN/nmod>3 collective/ADJ/amod>3/collectif qui/PRON/nsubj>10 "
    "s’/PRON/expl:comp>10/se est/AUX/aux:tense>10/être tenue/VERB/acl:relcl>1/tenir "
    "à/ADP/case>12 Astana/PROPN/obl:mod>10 le/DET/det>14 24/NUM/obl:mod>10 "
    "novembre/NOUN/nmod>14 dernier/ADJ/amod>15 et/CCONJ/cc>20 à/ADP/case>19 "
    "laquelle/PRON/obl:arg>20/lequel ont/AUX/aux:tense>20/avoir "
    "participé/VERB/ROOT>20/participer les/DET/det>22/le présidents/NOUN/nsubj>20/président "
    "de/ADP/case>25 la/DET/det>25/le Russie/PROPN/nmod>22 ,/PUNCT/punct>29 de/ADP/case>29 "
    "la/DET/det>29/le Biélorussie/PROPN/conj>25 et/CCONJ/cc>32 du/ADP/case>32/de "
    "Kazakhstan/PROPN/conj>25 ./PUNCT/punct>20")
SESSION_MENTIONS = [("Conseil de sécurité collective", "ORG", "conseil-securite-collective"),
                    ("Astana", "LOC"), ("24 novembre dernier", "DATE", "2024-11-24"),
                    ("Russie", "COUNTRY", "RU"), ("Biélorussie", "COUNTRY", "BY"),
                    ("Kazakhstan", "COUNTRY", "KZ")]

#: A table case: (id, parse, mentions, expected {(predicate, subject_text, object_id,
#: attributes)}).
EventCase = tuple[str, str, list[tuple[Any, ...]], set[tuple[Any, ...]]]


def found_by_events(markup: str, mentions: list[tuple[Any, ...]]) -> set[tuple[Any, ...]]:
    """The rows ``EventExtractor.process`` finds in a hand parse with its mentions, as
    (predicate, subject_text, object_id, sorted attributes)."""
    doc = with_mentions(parsed(markup), *mentions)
    rows = EventExtractor().process(doc)
    return {(r["predicate"], r["subject_text"], r["object_id"],
             tuple(sorted((r["attributes"] or {}).items()))) for r in rows}
