"""Events (``located_in``, ``date``, ``participant``, ``presidency``): hand parses, then model."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from pipeline.relations.events import EventExtractor
from tests.conftest import SAMPLE_TEXT, gold_relations, overlaps
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

# (id, parse, mentions, expected {(predicate, subject_text, object_id, attributes)})
EVENT_CASES: list[tuple[str, str, list[tuple[Any, ...]], set[tuple[Any, ...]]]] = [
    ("session tenue à Astana le 24 novembre, puis participants coordonnés",
     SESSION, SESSION_MENTIONS,
     {("located_in", "Conseil de sécurité collective", "loc:astana",
       (("date", "2024-11-24"), ("event", "session"))),
      ("date", "Conseil de sécurité collective", "date:2024-11-24", (("event", "session"),)),
      ("participant", "Russie", "org:conseil-securite-collective",
       (("event", "session"), ("via", "président"))),
      ("participant", "Biélorussie", "org:conseil-securite-collective",
       (("event", "session"), ("via", "président"))),
      ("participant", "Kazakhstan", "org:conseil-securite-collective",
       (("event", "session"), ("via", "président")))}),
    ("le sommet de l'OTAN à Vilnius",
     "Le/DET/det>1 sommet/NOUN/nsubj>8 de/ADP/case>4 l'/DET/det>4/le OTAN/PROPN/nmod>1 "
     "à/ADP/case>6 Vilnius/PROPN/nmod>1 a/AUX/aux:tense>8/avoir réuni/VERB/ROOT>8/réunir "
     "les/DET/det>10/le dirigeants/NOUN/obj>8/dirigeant ./PUNCT/punct>8",
     [("OTAN", "ORG", "OTAN"), ("Vilnius", "LOC")],
     {("located_in", "OTAN", "loc:vilnius", (("event", "sommet"),))}),
    ("X s'est rendu à Pékin le 5 avril",
     "Emmanuel/PROPN/nsubj>4 Macron/PROPN/flat:name>0 s'/PRON/expl:comp>4/se "
     "est/AUX/aux:tense>4/être rendu/VERB/ROOT>4/rendre à/ADP/case>6 Pékin/PROPN/obl:mod>4 "
     "le/DET/det>8 5/NUM/obl:mod>4 avril/NOUN/nmod>8 ./PUNCT/punct>4",
     [("Emmanuel Macron", "PER"), ("Pékin", "LOC"), ("5 avril", "DATE", "2025-04-05")],
     {("located_in", "Emmanuel Macron", "loc:pekin",
       (("date", "2025-04-05"), ("event", "visite"))),
      ("date", "Emmanuel Macron", "date:2025-04-05", (("event", "visite"),))}),
    ("la réunion a eu lieu à Genève : lieu sans organisateur",
     "La/DET/det>1/le réunion/NOUN/nsubj>3 a/AUX/aux:tense>3/avoir eu/VERB/ROOT>3/avoir "
     "lieu/NOUN/obj>3 à/ADP/case>6 Genève/PROPN/obl:mod>3 ./PUNCT/punct>3",
     [("Genève", "LOC")],
     {("located_in", None, "loc:geneve", (("event", "réunion"),))}),
    ("le Conseil européen se réunira à Bruxelles le 3 mars",
     "Le/DET/det>1 Conseil/PROPN/nsubj>4 européen/ADJ/amod>1 se/PRON/expl:comp>4 "
     "réunira/VERB/ROOT>4/réunir à/ADP/case>6 Bruxelles/PROPN/obl:arg>4 le/DET/det>8 "
     "3/NUM/obl:mod>4 mars/NOUN/nmod>8 ./PUNCT/punct>4",
     [("Conseil européen", "ORG", "conseil-europeen"), ("Bruxelles", "LOC"),
      ("3 mars", "DATE", "2025-03-03")],
     {("located_in", "Conseil européen", "loc:bruxelles",
       (("date", "2025-03-03"), ("event", "réunion"))),
      ("date", "Conseil européen", "date:2025-03-03", (("event", "réunion"),))}),
    ("une date d'une autre proposition n'est pas prise",
     "Le/DET/det>1 Conseil/PROPN/nsubj>4 européen/ADJ/amod>1 se/PRON/expl:comp>4 "
     "réunira/VERB/ROOT>4/réunir à/ADP/case>6 Bruxelles/PROPN/obl:arg>4 et/CCONJ/cc>12 "
     "la/DET/det>9/le décision/NOUN/nsubj:pass>12 sera/AUX/aux:pass>12/être "
     "publiée/VERB/conj>4/publier le/DET/det>14 3/NUM/obl:mod>12 mars/NOUN/nmod>14 "
     "./PUNCT/punct>4",
     [("Conseil européen", "ORG", "conseil-europeen"), ("Bruxelles", "LOC"),
      ("3 mars", "DATE", "2025-03-03")],
     {("located_in", "Conseil européen", "loc:bruxelles", (("event", "réunion"),))}),
    ("en visite à Moscou : la personne qui voyage, pas celle qui reçoit",
     "Xi/PROPN/nsubj>9 Jinping/PROPN/flat:name>0 ,/PUNCT/punct>4 en/ADP/case>4 "
     "visite/NOUN/nmod>0 à/ADP/case>6 Moscou/PROPN/nmod>4 ,/PUNCT/punct>9 "
     "a/AUX/aux:tense>9/avoir rencontré/VERB/ROOT>9/rencontrer Vladimir/PROPN/obj>9 "
     "Poutine/PROPN/flat:name>10 ./PUNCT/punct>9",
     [("Xi Jinping", "PER"), ("Moscou", "LOC"), ("Vladimir Poutine", "PER")],
     {("located_in", "Xi Jinping", "loc:moscou", (("event", "visite"),))}),
    ("X a participé au sommet de l'OCS",
     "Le/DET/det>1 Kazakhstan/PROPN/nsubj>3 a/AUX/aux:tense>3/avoir "
     "participé/VERB/ROOT>3/participer au/ADP/case>5/à sommet/NOUN/obl:arg>3 de/ADP/case>8 "
     "l'/DET/det>8/le OCS/PROPN/nmod>5 ./PUNCT/punct>3",
     [("Kazakhstan", "COUNTRY", "KZ"), ("OCS", "ORG", "OCS")],
     {("participant", "Kazakhstan", "org:OCS", (("event", "sommet"),))}),
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
    ("un sommet sans lieu : rien",
     "Le/DET/det>1 sommet/NOUN/nsubj:pass>6 de/ADP/case>4 l'/DET/det>4/le OTAN/PROPN/nmod>1 "
     "a/AUX/aux:tense>6/avoir été/AUX/aux:pass>6/être reporté/VERB/ROOT>6/reporter "
     "./PUNCT/punct>6",
     [("OTAN", "ORG", "OTAN")],
     set()),
    ("parler de Pékin n'est pas s'y rendre",
     "Emmanuel/PROPN/nsubj>2 Macron/PROPN/flat:name>0 parle/VERB/ROOT>2/parler "
     "de/ADP/case>4 Pékin/PROPN/obl:arg>2 ./PUNCT/punct>2",
     [("Emmanuel Macron", "PER"), ("Pékin", "LOC")],
     set()),
    ("phrase ouverte par un lieu : le sujet nommé après la virgule y est",
     "À/ADP/case>1 Paris/PROPN/obl:mod>8 ,/PUNCT/punct>1 Monsieur/NOUN/nsubj>8 "
     "Lucien/PROPN/appos>3 Morel/PROPN/flat:name>4 a/AUX/aux:tense>8/avoir "
     "été/AUX/aux:pass>8/être volé/VERB/ROOT>8/voler ./PUNCT/punct>8",
     [("Paris", "LOC"), ("Monsieur Lucien Morel", "PER")],
     {("located_in", "Monsieur Lucien Morel", "loc:paris", ())}),
    ("date puis lieu en tête de phrase, sujet après la dernière virgule",
     "Ce/DET/det>1 soir/NOUN/obl:mod>8 au/ADP/case>3/à Ghana/PROPN/obl:mod>8 "
     ",/PUNCT/punct>3 M./NOUN/nsubj>8 Paul/PROPN/appos>5 Brandt/PROPN/flat:name>6 "
     "distribue/VERB/ROOT>8/distribuer des/DET/det>10/un repas/NOUN/obj>8/repas ./PUNCT/punct>8",
     [("Ghana", "COUNTRY", "GH"), ("Paul Brandt", "PER")],
     {("located_in", "Paul Brandt", "country:GH", ())}),
    ("verbe avant la virgule : pas de complément de lieu en tête",
     "Il/PRON/nsubj>1/il vit/VERB/ROOT>1/vivre à/ADP/case>3 Paris/PROPN/obl:mod>1 "
     ",/PUNCT/punct>5 Marie/PROPN/conj>1 Curie/PROPN/flat:name>5 aussi/ADV/advmod>5 "
     "./PUNCT/punct>1",
     [("Paris", "LOC"), ("Marie Curie", "PER")],
     set()),
    ("ORG suivi d'un complément de lieu (events.adjacent_place)",
     "Le/DET/det>1 magasin/NOUN/nsubj>5 Vitalis/PROPN/appos>1 au/ADP/case>4/à "
     "Portugal/PROPN/nmod>2 ferme/VERB/ROOT>5/fermer ./PUNCT/punct>5",
     [("Vitalis", "ORG", "vitalis"), ("Portugal", "COUNTRY", "PT")],
     {("located_in", "Vitalis", "country:PT", ())}),
    ("de Paris à Lyon : un trajet, pas une localisation",
     "Le/DET/det>1 train/NOUN/nsubj>6 de/ADP/case>3 Paris/PROPN/nmod>1 à/ADP/case>5 "
     "Lyon/PROPN/nmod>1 arrive/VERB/ROOT>6/arriver ./PUNCT/punct>6",
     [("Paris", "LOC"), ("Lyon", "LOC")],
     set()),
    ("société basée à une ville (events.based)",
     "Brico-Rhône/PROPN/nsubj>4 est/AUX/cop>4/être une/DET/det>4/un "
     "chaîne/NOUN/ROOT>4 basée/VERB/acl>3/baser à/ADP/case>6 Grenoble/PROPN/obl:mod>4 "
     "./PUNCT/punct>3",
     [("Brico-Rhône", "ORG", "brico-rhone"), ("Grenoble", "LOC")],
     {("located_in", "Brico-Rhône", "loc:grenoble", ())}),
    ("personne sujet, complément de lieu du verbe (events.clause_place)",
     "Claire/PROPN/nsubj>3 Vasseur/PROPN/flat:name>0 a/AUX/aux:tense>3/avoir "
     "travaillé/VERB/ROOT>3/travailler à/ADP/case>5 Genève/PROPN/obl:mod>3 ./PUNCT/punct>3",
     [("Claire Vasseur", "PER"), ("Genève", "LOC")],
     {("located_in", "Claire Vasseur", "loc:geneve", ())}),
    ("à + pays argument du verbe (datif) : rien",
     "Claire/PROPN/nsubj>3 Vasseur/PROPN/flat:name>0 a/AUX/aux:tense>3/avoir "
     "écrit/VERB/ROOT>3/écrire à/ADP/case>6 la/DET/det>6/le France/PROPN/obl:arg>3 "
     "./PUNCT/punct>3",
     [("Claire Vasseur", "PER"), ("France", "COUNTRY", "FR")],
     set()),
]


@pytest.fixture(scope="module")
def extractor() -> EventExtractor:
    return EventExtractor()


@pytest.mark.parametrize(("markup", "mentions", "expected"),
                         [c[1:] for c in EVENT_CASES], ids=[c[0] for c in EVENT_CASES])
def test_event_rules_on_hand_parses(extractor: EventExtractor, markup: str,
                                    mentions: list[tuple[Any, ...]],
                                    expected: set[tuple[Any, ...]]) -> None:
    doc = with_mentions(parsed(markup), *mentions)
    rows = extractor.process(doc)
    found = {(r["predicate"], r["subject_text"], r["object_id"],
              tuple(sorted((r["attributes"] or {}).items()))) for r in rows}
    assert found == expected


def test_located_in_evidence_spans_event_place_and_date(extractor: EventExtractor) -> None:
    doc = with_mentions(parsed(SESSION), *SESSION_MENTIONS)
    [row] = [r for r in extractor.process(doc) if r["predicate"] == "located_in"]
    assert row["evidence"] == ("la session du Conseil de sécurité collective qui s’est tenue "
                               "à Astana le 24 novembre dernier")
    assert row["rule"] == "events.venue"


# -- end-to-end: the real model ------------------------------------------------------------

@pytest.mark.model
def test_sample_required_located_in_and_date_match_gold(model_nlp: Language) -> None:
    doc = model_nlp(SAMPLE_TEXT)
    rows = doc._.relations
    for gold in gold_relations("located_in"):
        located = [r for r in rows if r["predicate"] == "located_in"
                   and r["subject_text"] == gold["subject"] and r["object_text"] == gold["object"]
                   and overlaps(r, gold["evidence"])]
        assert located, rows
        assert located[0]["attributes"]["date"] == gold["date"]
        assert any(r["predicate"] == "date" and r["subject_text"] == gold["subject"]
                   and r["object_id"] == f"date:{gold['date']}" for r in rows)


@pytest.mark.model
def test_sample_participants_expand_the_coordination(model_nlp: Language) -> None:
    doc = model_nlp(SAMPLE_TEXT)
    participants = {r["subject_text"] for r in doc._.relations
                    if r["predicate"] == "participant"
                    and r["object_text"] == "Conseil de sécurité collective"}
    assert participants == {"Russie", "Biélorussie", "Kazakhstan", "Kirghizistan",
                            "Tadjikistan"}


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("Emmanuel Macron s'est rendu à Pékin le 5 avril.",
     {("located_in", "Emmanuel Macron", "Pékin"), ("date", "Emmanuel Macron", "5 avril")}),
    ("Le sommet de l'OTAN à Vilnius a réuni les dirigeants alliés.",
     {("located_in", "OTAN", "Vilnius")}),
    ("Le Conseil européen se réunira à Bruxelles le 3 mars.",
     {("located_in", "Conseil européen", "Bruxelles"), ("date", "Conseil européen", "3 mars")}),
])
def test_events_end_to_end(model_nlp: Language, text: str,
                           expected: set[tuple[str, str, str]]) -> None:
    doc = model_nlp(text)
    assert {(r["predicate"], r["subject_text"], r["object_text"]) for r in doc._.relations
            if r["predicate"] in ("located_in", "date")} == expected
