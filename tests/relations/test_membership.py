"""Membership (``member_of``): hand parses, then the real model."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from pipeline.relations.membership import MembershipExtractor
from pipeline.relations.roles import RoleExtractor
from tests.markup import parsed, with_mentions

# (id, parse, mentions, expected {(member, organisation_id, qualifier)})
MEMBERSHIP_CASES: list[tuple[str, str, list[tuple[Any, ...]], set[tuple[Any, ...]]]] = [
    ("X, membre de l'OCS",
     "L'/DET/det>1/le Inde/PROPN/nsubj>9 ,/PUNCT/punct>3 membre/NOUN/appos>1 de/ADP/case>6 "
     "l'/DET/det>6/le OCS/PROPN/nmod>3 ,/PUNCT/punct>9 a/AUX/aux:tense>9/avoir "
     "voté/VERB/ROOT>9/voter ./PUNCT/punct>9",
     [("Inde", "COUNTRY", "IN"), ("OCS", "ORG", "OCS")],
     {("Inde", "org:OCS", None)}),
    ("X, Y et Z, membres fondateurs de l'OCS : une ligne par membre",
     "La/DET/det>1/le Russie/PROPN/nsubj>15 ,/PUNCT/punct>4 la/DET/det>4/le "
     "Chine/PROPN/conj>1 et/CCONJ/cc>7 l'/DET/det>7/le Inde/PROPN/conj>1 ,/PUNCT/punct>9 "
     "membres/NOUN/appos>1/membre fondateurs/ADJ/amod>9/fondateur de/ADP/case>13 "
     "l'/DET/det>13/le OCS/PROPN/nmod>9 ,/PUNCT/punct>15 signent/VERB/ROOT>15/signer "
     "./PUNCT/punct>15",
     [("Russie", "COUNTRY", "RU"), ("Chine", "COUNTRY", "CN"), ("Inde", "COUNTRY", "IN"),
      ("OCS", "ORG", "OCS")],
     {("Russie", "org:OCS", "fondateurs"), ("Chine", "org:OCS", "fondateurs"),
      ("Inde", "org:OCS", "fondateurs")}),
    ("les pays membres de l'OTAN : pas de membre nommé",
     "Les/DET/det>1/le pays/NOUN/nsubj>7 membres/NOUN/amod>1/membre de/ADP/case>5 "
     "l'/DET/det>5/le OTAN/PROPN/nmod>2 ont/AUX/aux:tense>7/avoir salué/VERB/ROOT>7/saluer "
     "l'/DET/det>9/le accord/NOUN/obj>7 ./PUNCT/punct>7",
     [("OTAN", "ORG", "OTAN")],
     set()),
    ("les États membres de l'OTSC (États étiqueté LOC) : rien",
     "Les/DET/det>1/le États/NOUN/nsubj>6/état membres/NOUN/amod>1/membre de/ADP/case>5 "
     "l'/DET/det>5/le OTSC/PROPN/nmod>2 sont/VERB/ROOT>6/être intéressés/ADJ/xcomp>6/intéressé "
     "./PUNCT/punct>6",
     [("États", "LOC"), ("OTSC", "ORG", "OTSC")],
     set()),
    ("X a rejoint l'OTAN",
     "La/DET/det>1/le Finlande/PROPN/nsubj>3 a/AUX/aux:tense>3/avoir "
     "rejoint/VERB/ROOT>3/rejoindre l'/DET/det>5/le OTAN/PROPN/obj>3 ./PUNCT/punct>3",
     [("Finlande", "COUNTRY", "FI"), ("OTAN", "ORG", "OTAN")],
     {("Finlande", "org:OTAN", None)}),
    ("X et Y ont rejoint l'OTAN : une ligne par pays",
     "La/DET/det>1/le Finlande/PROPN/nsubj>6 et/CCONJ/cc>4 la/DET/det>4/le "
     "Suède/PROPN/conj>1 ont/AUX/aux:tense>6/avoir rejoint/VERB/ROOT>6/rejoindre "
     "l'/DET/det>8/le OTAN/PROPN/obj>6 ./PUNCT/punct>6",
     [("Finlande", "COUNTRY", "FI"), ("Suède", "COUNTRY", "SE"), ("OTAN", "ORG", "OTAN")],
     {("Finlande", "org:OTAN", None), ("Suède", "org:OTAN", None)}),
    ("l'adhésion de X à Y",
     "Il/PRON/nsubj>1/il salue/VERB/ROOT>1/saluer l'/DET/det>3/le adhésion/NOUN/obj>1 "
     "de/ADP/case>6 la/DET/det>6/le Suède/PROPN/nmod>3 à/ADP/case>9 l'/DET/det>9/le "
     "OTAN/PROPN/nmod>3 ./PUNCT/punct>1",
     [("Suède", "COUNTRY", "SE"), ("OTAN", "ORG", "OTAN")],
     {("Suède", "org:OTAN", None)}),
    ("X est devenu membre de l'OMC",
     "Le/DET/det>1 Kazakhstan/PROPN/nsubj>4 est/AUX/aux:tense>3/être "
     "devenu/VERB/cop>4/devenir membre/NOUN/ROOT>4 de/ADP/case>7 l'/DET/det>7/le "
     "OMC/PROPN/nmod>4 ./PUNCT/punct>4",
     [("Kazakhstan", "COUNTRY", "KZ"), ("OMC", "ORG", "OMC")],
     {("Kazakhstan", "org:OMC", None)}),
    ("négation : X n'est pas membre de Y",
     "La/DET/det>1/le Suède/PROPN/nsubj>5 n'/ADV/advmod>5/ne est/AUX/cop>5/être "
     "pas/ADV/advmod>5 membre/NOUN/ROOT>5 de/ADP/case>8 l'/DET/det>8/le OTSC/PROPN/nmod>5 "
     "./PUNCT/punct>5",
     [("Suède", "COUNTRY", "SE"), ("OTSC", "ORG", "OTSC")],
     set()),
    ("rejoindre un lieu n'est pas adhérer",
     "Le/DET/det>1 ministre/NOUN/nsubj>3 a/AUX/aux:tense>3/avoir "
     "rejoint/VERB/ROOT>3/rejoindre Paris/PROPN/obj>3 ./PUNCT/punct>3",
     [("Paris", "LOC")],
     set()),
    ("X, membre de l'association « Y » (nom entre guillemets sans mention)",
     "Sylvie/PROPN/nsubj>11 Garnaud/PROPN/flat:name>0 ,/PUNCT/punct>3 membre/NOUN/appos>0 "
     "de/ADP/case>6 l'/DET/det>6/le association/NOUN/nmod>3 «/PUNCT/punct>8 "
     "Solidaires/PROPN/appos>6 »/PUNCT/punct>8 ,/PUNCT/punct>3 était/AUX/cop>11/être "
     "absent/ADJ/ROOT>11 ./PUNCT/punct>11",
     [("Sylvie Garnaud", "PER")],
     {("Sylvie Garnaud", "org:solidaires", None)}),
    ("faire partie de (membership.join)",
     "La/DET/det>1/le Suède/PROPN/nsubj>2 fait/VERB/ROOT>2/faire partie/NOUN/obj>2 "
     "de/ADP/case>6 l'/DET/det>6/le OTAN/PROPN/nmod>3 ./PUNCT/punct>2",
     [("Suède", "COUNTRY", "SE"), ("OTAN", "ORG", "OTAN")],
     {("Suède", "org:OTAN", None)}),
    ("faire sans partie : pas une adhésion",
     "Le/DET/det>1 PSG/PROPN/nsubj>3 a/AUX/aux:tense>3/avoir fait/VERB/ROOT>3/faire "
     "appel/NOUN/obj>3 à/ADP/case>7 l'/DET/det>7/le UEFA/PROPN/obl:arg>3 ./PUNCT/punct>3",
     [("PSG", "ORG", "psg"), ("UEFA", "ORG", "UEFA")],
     set()),
    ("appartenir à un parti",
     "Paul/PROPN/nsubj>2 Roy/PROPN/flat:name>0 appartient/VERB/ROOT>2/appartenir "
     "au/ADP/case>4/à Parti/PROPN/obl:arg>2 vert/ADJ/amod>4 ./PUNCT/punct>2",
     [("Paul Roy", "PER"), ("Parti vert", "ORG", "parti-vert")],
     {("Paul Roy", "org:parti-vert", None)}),
    ("apposition avec une description avant et membre de",
     "Inès/PROPN/nsubj>14 Roy/PROPN/flat:name>0 ,/PUNCT/punct>3 médecin/NOUN/appos>0 "
     "à/ADP/case>5 Lyon/PROPN/nmod>3 et/CCONJ/cc>7 membre/NOUN/conj>3 de/ADP/case>10 "
     "l'/DET/det>10/le association/NOUN/nmod>7 Terre/PROPN/appos>10 Vive/PROPN/flat:name>11 "
     ",/PUNCT/punct>3 témoigne/VERB/ROOT>14/témoigner ./PUNCT/punct>14",
     [("Inès Roy", "PER"), ("Lyon", "LOC"), ("Terre Vive", "ORG", "terre-vive")],
     {("Inès Roy", "org:terre-vive", None)}),
    ("une ville n'est jamais membre",
     "Brest/PROPN/nsubj>9 ,/PUNCT/punct>2 membre/NOUN/appos>0 de/ADP/case>5 "
     "l'/DET/det>5/le association/NOUN/nmod>2 Villes/PROPN/appos>5 Unies/PROPN/flat:name>6 "
     ",/PUNCT/punct>2 vote/VERB/ROOT>9/voter ./PUNCT/punct>9",
     [("Brest", "LOC"), ("Villes Unies", "ORG", "villes-unies")],
     set()),
    ("deux membres coordonnés, civilités hors des mentions",
     "Monsieur/NOUN/nsubj>16 Paul/PROPN/flat:name>0 Roy/PROPN/flat:name>0 et/CCONJ/cc>4 "
     "Madame/NOUN/conj>0 Léa/PROPN/flat:name>4 Simon/PROPN/flat:name>4 ,/PUNCT/punct>8 "
     "membres/NOUN/appos>0/membre de/ADP/case>11 l'/DET/det>11/le association/NOUN/nmod>8 "
     "Terre/PROPN/appos>11 Vive/PROPN/flat:name>12 ,/PUNCT/punct>8 "
     "sont/AUX/aux:tense>16/être venus/VERB/ROOT>16/venir ./PUNCT/punct>16",
     [("Paul Roy", "PER"), ("Léa Simon", "PER"), ("Terre Vive", "ORG", "terre-vive")],
     {("Paul Roy", "org:terre-vive", None), ("Léa Simon", "org:terre-vive", None)}),
    ("lieu, les membres de l'ONG : un nouveau groupe nominal, pas une apposition",
     "À/ADP/case>1 Rennes/PROPN/obl:mod>11 ,/PUNCT/punct>1 les/DET/det>4/le "
     "membres/NOUN/nsubj>11/membre de/ADP/case>7 l'/DET/det>7/le ONG/NOUN/nmod>4 "
     "Water/PROPN/appos>7 for/X/flat:name>8 Life/X/flat:name>8 sont/AUX/aux:tense>11/être "
     "venus/VERB/ROOT>11/venir ./PUNCT/punct>11",
     [("Rennes", "LOC"), ("Water for Life", "ORG", "water-for-life")],
     set()),
]


@pytest.fixture(scope="module")
def extractor() -> MembershipExtractor:
    return MembershipExtractor()


@pytest.mark.parametrize(("markup", "mentions", "expected"),
                         [c[1:] for c in MEMBERSHIP_CASES],
                         ids=[c[0] for c in MEMBERSHIP_CASES])
def test_membership_rules_on_hand_parses(extractor: MembershipExtractor, markup: str,
                                         mentions: list[tuple[Any, ...]],
                                         expected: set[tuple[Any, ...]]) -> None:
    doc = with_mentions(parsed(markup), *mentions)
    rows = extractor.process(doc)
    assert {(r["subject_text"], r["object_id"], (r["attributes"] or {}).get("qualifier"))
            for r in rows} == expected
    assert all(r["predicate"] == "member_of" for r in rows)


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("La Pologne, membre de l'OTAN, a salué la décision.", {("Pologne", "OTAN")}),
    ("La Finlande et la Suède ont rejoint l'OTAN.", {("Finlande", "OTAN"), ("Suède", "OTAN")}),
    ("Les pays membres de l'OTAN ont salué l'accord.", set()),
    ("La Suède n'est pas membre de l'OTSC.", set()),
    ("La Suède fait partie de l'OTAN depuis 2024.", {("Suède", "OTAN")}),
    ("La France ne fait pas partie de l'OPEP.", set()),
])
def test_membership_end_to_end(model_nlp: Language, text: str,
                               expected: set[tuple[str, str]]) -> None:
    doc = model_nlp(text)
    # the object's text, not its id: the model's "l'OTAN" may still beat the gazetteer's "OTAN"
    assert {(r["subject_text"], r["object_text"].removeprefix("l'")) for r in doc._.relations
            if r["predicate"] == "member_of"} == expected


def test_function_in_an_organisation_makes_a_member(extractor: MembershipExtractor) -> None:
    doc = with_mentions(parsed(
        "Nadia/PROPN/nsubj>9 Fabre/PROPN/flat:name>0 ,/PUNCT/punct>3 trésorière/NOUN/appos>0 "
        "de/ADP/case>5 la/DET/det>5/le Ligue/PROPN/nmod>3 Bleue/PROPN/flat:name>5 ,/PUNCT/punct>3 "
        "a/AUX/aux:tense>9/avoir parlé/VERB/ROOT>9/parler ./PUNCT/punct>9"),
        ("Nadia Fabre", "PER"), ("Ligue Bleue", "ORG", "ligue-bleue"))
    RoleExtractor()(doc)
    rows = extractor.process(doc)
    assert [(r["subject_text"], r["object_id"], r["rule"], r["attributes"]) for r in rows] == [
        ("Nadia Fabre", "org:ligue-bleue", "membership.staff", {"title": "trésorier"})]


def test_function_in_a_country_makes_no_member(extractor: MembershipExtractor) -> None:
    doc = with_mentions(parsed(ROLE_IN_COUNTRY), ("Léa Marin", "PER"),
                        ("Chili", "COUNTRY", "CL"))
    RoleExtractor()(doc)
    assert [r["predicate"] for r in doc._.relations] == ["role"]
    assert extractor.process(doc) == []


ROLE_IN_COUNTRY = ("Léa/PROPN/nsubj>7 Marin/PROPN/flat:name>0 ,/PUNCT/punct>3 "
                   "ambassadrice/NOUN/appos>0 du/ADP/case>5/de Chili/PROPN/nmod>3 ,/PUNCT/punct>3 "
                   "arrive/VERB/ROOT>7/arriver ./PUNCT/punct>7")
