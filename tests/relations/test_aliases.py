"""Aliases (``alias``): acronym definitions from the organisations family, then the model."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extensions import set_span_attrs
from pipeline.relations.aliases import AliasExtractor, spells
from tests.conftest import SAMPLE_TEXT, gold_relations, overlaps
from tests.markup import parsed
from tests.markup import with_mentions as mentions_on

OMS = ("Il/PRON/nsubj>1/il cite/VERB/ROOT>1/citer l'/DET/det>3/le "
       "Organisation/PROPN/obj>1 mondiale/ADJ/amod>3/mondial de/ADP/case>7 la/DET/det>7/le "
       "santé/NOUN/nmod>3 (/PUNCT/punct>9 OMS/PROPN/appos>3 )/PUNCT/punct>9 ./PUNCT/punct>1")
OMS_MENTIONS = [("Organisation mondiale de la santé", "ORG", "OMS"), ("OMS", "ORG", "OMS")]


def _define(doc: Doc, acronym: str, expansion: str) -> Doc:
    """Record a definition like the organisations family: ``defined_by`` on the acronym span."""
    a = doc.text.index(acronym)
    e = doc.text.index(expansion)
    span = doc.char_span(a, a + len(acronym), label="ORG")
    doc.spans["organisations"] = [span]
    set_span_attrs(span, "organisations", form="acronym", defined_by=[e, e + len(expansion)])
    return doc


def test_definition_from_the_organisations_family() -> None:
    doc = _define(mentions_on(parsed(OMS), *OMS_MENTIONS), "OMS",
                  "Organisation mondiale de la santé")
    [row] = AliasExtractor().process(doc)
    assert (row["subject_text"], row["object_text"], row["rule"]) == (
        "OMS", "Organisation mondiale de la santé", "aliases.definition")
    assert row["evidence"] == "Organisation mondiale de la santé (OMS)"


# (id, parse, mentions, expected {(acronym, expansion)}) -- no span attrs: the fallback
FALLBACK_CASES: list[tuple[str, str, list[tuple[Any, ...]], set[tuple[str, str]]]] = [
    ("Expansion (ACR)", OMS, OMS_MENTIONS, {("OMS", "Organisation mondiale de la santé")}),
    ("ACR (Expansion)",
     "Il/PRON/nsubj>1/il cite/VERB/ROOT>1/citer l'/DET/det>3/le OCS/PROPN/obj>1 "
     "(/PUNCT/punct>5 Organisation/PROPN/appos>3 de/ADP/case>7 coopération/NOUN/nmod>5 "
     "de/ADP/case>9 Shanghai/PROPN/nmod>5 )/PUNCT/punct>5 ./PUNCT/punct>1",
     [("OCS", "ORG", "OCS"), ("Organisation de coopération de Shanghai", "ORG", "OCS")],
     {("OCS", "Organisation de coopération de Shanghai")}),
    ("un pays entre parenthèses n'est pas un sigle",
     "Il/PRON/nsubj>1/il vit/VERB/ROOT>1/vivre à/ADP/case>3 Lyon/PROPN/obl:mod>1 "
     "(/PUNCT/punct>5 France/PROPN/appos>3 )/PUNCT/punct>5 ./PUNCT/punct>1",
     [("Lyon", "LOC"), ("France", "COUNTRY", "FR")],
     set()),
    ("un sigle qui n'épelle pas l'expansion : rien",
     "Il/PRON/nsubj>1/il cite/VERB/ROOT>1/citer la/DET/det>3/le Banque/PROPN/obj>1 "
     "mondiale/ADJ/amod>3/mondial (/PUNCT/punct>6 ONU/PROPN/appos>3 )/PUNCT/punct>6 "
     "./PUNCT/punct>1",
     [("Banque mondiale", "ORG", "banque-mondiale"), ("ONU", "ORG", "ONU")],
     set()),
]


@pytest.mark.parametrize(("markup", "mentions", "expected"),
                         [c[1:] for c in FALLBACK_CASES], ids=[c[0] for c in FALLBACK_CASES])
def test_parenthesis_fallback(markup: str, mentions: list[tuple[Any, ...]],
                              expected: set[tuple[str, str]]) -> None:
    rows = AliasExtractor().process(mentions_on(parsed(markup), *mentions))
    assert {(r["subject_text"], r["object_text"]) for r in rows} == expected
    assert all(r["rule"] == "aliases.parenthesis" for r in rows)


@pytest.mark.parametrize(("acronym", "expansion", "expected"), [
    ("OTSC", "Organisation du traité de sécurité collective", True),
    ("CEI", "Communauté des États indépendants", True),
    ("ONU", "Banque mondiale", False),
])
def test_spells(acronym: str, expansion: str, expected: bool) -> None:
    assert spells(acronym, expansion) is expected


@pytest.mark.model
def test_sample_required_aliases_match_gold(model_nlp: Language) -> None:
    doc = model_nlp(SAMPLE_TEXT)
    aliases = [r for r in doc._.relations if r["predicate"] == "alias"]
    expected = gold_relations("alias")
    assert len(expected) == 3
    for gold in expected:
        assert any(r["subject_text"] == gold["subject"] and r["object_text"] == gold["object"]
                   and overlaps(r, gold["evidence"])
                   and r["evidence"] == gold["evidence_text"] for r in aliases), aliases
    assert len(aliases) == 3
