"""Predicate ``located_in`` (pipeline/relations/events/located_in.py): hand parses, then
the model."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from pipeline.relations.events import EventExtractor
from tests.markup import parsed, with_mentions
from tests.relations.event_parses import SESSION, SESSION_MENTIONS, EventCase, found_by_events

CASES: list[EventCase] = [
    ("le sommet de l'OTAN à Vilnius",
     "Le/DET/det>1 sommet/NOUN/nsubj>8 de/ADP/case>4 l'/DET/det>4/le OTAN/PROPN/nmod>1 "
     "à/ADP/case>6 Vilnius/PROPN/nmod>1 a/AUX/aux:tense>8/avoir réuni/VERB/ROOT>8/réunir "
     "les/DET/det>10/le dirigeants/NOUN/obj>8/dirigeant ./PUNCT/punct>8",
     [("OTAN", "ORG", "OTAN"), ("Vilnius", "LOC")],
     {("located_in", "OTAN", "loc:vilnius", (("event", "sommet"),))}),
    ("la réunion a eu lieu à Genève : lieu sans organisateur",
     "La/DET/det>1/le réunion/NOUN/nsubj>3 a/AUX/aux:tense>3/avoir eu/VERB/ROOT>3/avoir "
     "lieu/NOUN/obj>3 à/ADP/case>6 Genève/PROPN/obl:mod>3 ./PUNCT/punct>3",
     [("Genève", "LOC")],
     {("located_in", None, "loc:geneve", (("event", "réunion"),))}),
    ("en visite à Moscou : la personne qui voyage, pas celle qui reçoit",
     "Xi/PROPN/nsubj>9 Jinping/PROPN/flat:name>0 ,/PUNCT/punct>4 en/ADP/case>4 "
     "visite/NOUN/nmod>0 à/ADP/case>6 Moscou/PROPN/nmod>4 ,/PUNCT/punct>9 "
     "a/AUX/aux:tense>9/avoir rencontré/VERB/ROOT>9/rencontrer Vladimir/PROPN/obj>9 "
     "Poutine/PROPN/flat:name>10 ./PUNCT/punct>9",
     [("Xi Jinping", "PER"), ("Moscou", "LOC"), ("Vladimir Poutine", "PER")],
     {("located_in", "Xi Jinping", "loc:moscou", (("event", "visite"),))}),
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
    ("lieu en tête, sujet suivi d'une apposition : la première virgule suivie d'un nom",
     "À/ADP/case>1 Tours/PROPN/obl:mod>11 ,/PUNCT/punct>1 Monsieur/NOUN/nsubj>11 "
     "Hugo/PROPN/appos>3 Brel/PROPN/flat:name>4 ,/PUNCT/punct>7 trésorier/NOUN/appos>3 "
     "du/ADP/case>9/de Cercle/PROPN/nmod>7 Vert/PROPN/flat:name>9 ,/PUNCT/punct>7 "
     "témoigne/VERB/ROOT>11/témoigner ./PUNCT/punct>11",
     [("Tours", "LOC"), ("Monsieur Hugo Brel", "PER"), ("Cercle Vert", "ORG", "cercle-vert")],
     {("located_in", "Monsieur Hugo Brel", "loc:tours", ()),
      ("located_in", "Cercle Vert", "loc:tours", ())}),
    ("lieu en tête : les autres personnes de la phrase y sont aussi (events.opening_scene)",
     "À/ADP/case>1 Brest/PROPN/obl:mod>5 ,/PUNCT/punct>1 Lina/PROPN/nsubj>5 "
     "Robin/PROPN/flat:name>3 accueille/VERB/ROOT>5/accueillir Yves/PROPN/obj>5 "
     "Caron/PROPN/flat:name>6 ./PUNCT/punct>5",
     [("Brest", "LOC"), ("Lina Robin", "PER"), ("Yves Caron", "PER")],
     {("located_in", "Lina Robin", "loc:brest", ()),
      ("located_in", "Yves Caron", "loc:brest", ())}),
    ("lieu atteint par un nom commun : la personne de la phrase y est (events.scene)",
     "Inès/PROPN/nsubj:pass>4 Roy/PROPN/flat:name>0 a/AUX/aux:tense>4/avoir "
     "été/AUX/aux:pass>4/être renversée/VERB/ROOT>4/renverser dans/ADP/case>7 "
     "la/DET/det>7/le ville/NOUN/obl:mod>4 de/ADP/case>9 Lyon/PROPN/nmod>7 ./PUNCT/punct>4",
     [("Inès Roy", "PER"), ("Lyon", "LOC")],
     {("located_in", "Inès Roy", "loc:lyon", ())}),
    ("lieu de naissance : pas la scène",
     "Inès/PROPN/nsubj>7 Roy/PROPN/flat:name>0 ,/PUNCT/punct>3 née/VERB/acl>0/naître "
     "à/ADP/case>5 Lyon/PROPN/obl:mod>3 ,/PUNCT/punct>3 chante/VERB/ROOT>7/chanter "
     "./PUNCT/punct>7",
     [("Inès Roy", "PER"), ("Lyon", "LOC")],
     set()),
    ("deux lieux sans lien : pas de scène",
     "Inès/PROPN/nsubj>2 Roy/PROPN/flat:name>0 chante/VERB/ROOT>2/chanter sur/ADP/case>5 "
     "la/DET/det>5/le scène/NOUN/obl:mod>2 de/ADP/case>7 Lyon/PROPN/nmod>5 et/CCONJ/cc>9 "
     "danse/VERB/conj>2/danser sur/ADP/case>12 la/DET/det>12/le place/NOUN/obl:mod>9 "
     "de/ADP/case>14 Nice/PROPN/nmod>12 ./PUNCT/punct>2",
     [("Inès Roy", "PER"), ("Lyon", "LOC"), ("Nice", "LOC")],
     set()),
    ("lieu et pays enchaînés : la personne est aux deux (events.scene)",
     "Inès/PROPN/nsubj>2 Roy/PROPN/flat:name>0 chante/VERB/ROOT>2/chanter sur/ADP/case>5 "
     "la/DET/det>5/le place/NOUN/obl:mod>2 de/ADP/case>7 Mombasa/PROPN/nmod>5 "
     "en/ADP/case>9 Kenya/PROPN/nmod>7 ./PUNCT/punct>2",
     [("Inès Roy", "PER"), ("Mombasa", "LOC"), ("Kenya", "COUNTRY", "KE")],
     {("located_in", "Inès Roy", "loc:mombasa", ()),
      ("located_in", "Inès Roy", "country:KE", ()),
      ("located_in", "Mombasa", "country:KE", ())}),
    ("lieu avant le nom hors du complément d'ouverture : rien",
     "Le/DET/det>1 tournage/NOUN/nsubj>9 ,/PUNCT/punct>1 fini/VERB/acl>1/finir "
     "en/ADP/case>5 Corse/PROPN/obl:mod>3 ,/PUNCT/punct>1 a/AUX/aux:tense>9/avoir "
     "ému/VERB/acl>1/émouvoir Inès/PROPN/obj>9 Roy/PROPN/flat:name>10 ./PUNCT/punct>9",
     [("Corse", "LOC"), ("Inès Roy", "PER")],
     set()),
    ("organisation décrite après être, lieu après le nom (events.described)",
     "Le/DET/det>1 lycée/NOUN/nsubj>9 Jules/PROPN/appos>1 Ferry/PROPN/flat:name>2 "
     "est/AUX/cop>9/être une/DET/det>9/un école/NOUN/ROOT>9 publique/ADJ/amod>6 "
     "à/ADP/case>9 Dole/PROPN/nmod>6 ./PUNCT/punct>6",
     [("Jules Ferry", "ORG", "jules-ferry"), ("Dole", "LOC")],
     {("located_in", "Jules Ferry", "loc:dole", ())}),
    ("basée à : l'organisation sujet, pas celle du complément",
     "Les/DET/det>1/le Loups/PROPN/nsubj>4 sont/AUX/cop>4/être une/DET/det>4/un "
     "équipe/NOUN/ROOT>4 de/ADP/case>7 la/DET/det>7/le Ligue/PROPN/nmod>4 "
     "Ouest/PROPN/flat:name>7 basée/VERB/acl>4/baser à/ADP/case>11 Brest/PROPN/obl:mod>9 "
     "./PUNCT/punct>4",
     [("Loups", "ORG", "loups"), ("Ligue Ouest", "ORG", "ligue-ouest"), ("Brest", "LOC")],
     {("located_in", "Loups", "loc:brest", ())}),
    ("sigle entre parenthèses avant le lieu (events.adjacent_place)",
     "L'/DET/det>1/le Agence/PROPN/nsubj>9 Nord/PROPN/flat:name>1 (/PUNCT/punct>4 "
     "AGN/PROPN/appos>1 )/PUNCT/punct>4 à/ADP/case>7 Brest/PROPN/nmod>1 "
     "recrute/VERB/ROOT>9/recruter ./PUNCT/punct>9",
     [("Agence Nord", "ORG", "agence-nord"), ("AGN", "ORG", "agence-nord"), ("Brest", "LOC")],
     {("located_in", "Agence Nord", "loc:brest", ())}),
    ("émigrer aux États-Unis : la personne y est (events.scene)",
     "Inès/PROPN/nsubj>3 Roy/PROPN/flat:name>0 a/AUX/aux:tense>3/avoir "
     "émigré/VERB/ROOT>3/émigrer aux/ADP/case>5/à États-Unis/PROPN/obl:arg>3 ./PUNCT/punct>3",
     [("Inès Roy", "PER"), ("États-Unis", "COUNTRY", "US")],
     {("located_in", "Inès Roy", "country:US", ())}),
    ("présidence qui passe à un pays : un détenteur, pas un lieu",
     "Selon/ADP/case>2 Inès/PROPN/obl:mod>6 Roy/PROPN/flat:name>1 ,/PUNCT/punct>1 "
     "la/DET/det>5/le présidence/NOUN/nsubj>6 passera/VERB/ROOT>6/passer au/ADP/case>8/à "
     "Chili/PROPN/obl:arg>6 ./PUNCT/punct>6",
     [("Inès Roy", "PER"), ("Chili", "COUNTRY", "CL")],
     set()),
    ("verbe avant la virgule : pas de complément de lieu en tête",
     "Il/PRON/nsubj>1/il vit/VERB/ROOT>1/vivre à/ADP/case>3 Paris/PROPN/obl:mod>1 "
     ",/PUNCT/punct>5 Marie/PROPN/conj>1 Curie/PROPN/flat:name>5 aussi/ADV/advmod>5 "
     "./PUNCT/punct>1",
     [("Paris", "LOC"), ("Marie Curie", "PER")],
     # no opening place; the sentence's one place is Marie Curie's scene too (events.scene)
     {("located_in", "Marie Curie", "loc:paris", ())}),
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


# seats, residence, chained and adjacent places: (id, parse, mentions, expected {(subject,
# object_id, rule)})
SEAT_CASES: list[tuple[str, str, list[tuple[Any, ...]], set[tuple[Any, ...]]]] = [
    ("dont le siège est à : le siège de l'organisation (events.seat)",
     "Vialis/PROPN/nsubj>9 ,/PUNCT/punct>5 dont/PRON/nmod>4 le/DET/det>4 siège/NOUN/nsubj>5 "
     "est/AUX/acl:relcl>0/être à/ADP/case>7 Lyon/PROPN/obl:mod>5 ,/PUNCT/punct>5 "
     "recrute/VERB/ROOT>9/recruter ./PUNCT/punct>9",
     [("Vialis", "ORG", "vialis"), ("Lyon", "LOC")],
     {("Vialis", "loc:lyon", "events.seat")}),
    ("le siège de X à Y",
     "Le/DET/det>1 siège/NOUN/nsubj>7 de/ADP/case>3 Vialis/PROPN/nmod>1 à/ADP/case>5 "
     "Lyon/PROPN/nmod>1 a/AUX/aux:tense>7/avoir fermé/VERB/ROOT>7/fermer ./PUNCT/punct>7",
     [("Vialis", "ORG", "vialis"), ("Lyon", "LOC")],
     {("Vialis", "loc:lyon", "events.seat")}),
    ("le siège d'une association au nom entre guillemets, transféré à",
     "Le/DET/det>1 siège/NOUN/nsubj:pass>11 de/ADP/case>4 l'/DET/det>4/le "
     "association/NOUN/nmod>1 «/PUNCT/punct>6 Terre/PROPN/appos>4 Vive/PROPN/flat:name>6 "
     "»/PUNCT/punct>6 a/AUX/aux:tense>11/avoir été/AUX/aux:pass>11/être "
     "transféré/VERB/ROOT>11/transférer à/ADP/case>13 Rennes/PROPN/obl:mod>11 "
     "./PUNCT/punct>11",
     [("Rennes", "LOC")],
     {("Terre Vive", "loc:rennes", "events.seat")}),
    ("le siège d'une ville (un siège militaire) : pas d'organisation",
     "Le/DET/det>1 siège/NOUN/nsubj>4 de/ADP/case>3 Sarajevo/PROPN/nmod>1 "
     "dura/VERB/ROOT>4/durer quatre/NUM/nummod>6 ans/NOUN/obj>4/an ./PUNCT/punct>4",
     [("Sarajevo", "LOC")],
     set()),
    ("basée dans la banlieue de X, en Y : les deux lieux (events.based)",
     "Vialis/PROPN/nsubj>3 est/AUX/cop>3/être une/DET/det>3/un société/NOUN/ROOT>3 "
     "basée/VERB/acl>3/baser dans/ADP/case>7 la/DET/det>7/le banlieue/NOUN/obl:mod>4 "
     "de/ADP/case>9 Nantes/PROPN/nmod>7 ,/PUNCT/punct>12 en/ADP/case>12 "
     "France/PROPN/nmod>9 ./PUNCT/punct>3",
     [("Vialis", "ORG", "vialis"), ("Nantes", "LOC"), ("France", "COUNTRY", "FR")],
     {("Vialis", "loc:nantes", "events.based"), ("Vialis", "country:FR", "events.based"),
      ("Nantes", "country:FR", "events.adjacent_place")}),
    ("l'une des écoles de Dole (events.described)",
     "L'/DET/det>1/le institut/NOUN/nsubj>5 Bréval/PROPN/appos>1 est/AUX/cop>5/être "
     "l'/DET/det>5/le une/PRON/ROOT>5/un des/ADP/case>8/de trois/NUM/nummod>8 "
     "écoles/NOUN/nmod>5/école publiques/ADJ/amod>8/public de/ADP/case>11 "
     "Dole/PROPN/nmod>8 ./PUNCT/punct>5",
     [("Bréval", "ORG", "breval"), ("Dole", "LOC")],
     {("Bréval", "loc:dole", "events.described")}),
    ("sujet de être loin du verbe : le premier nom d'organisation du sujet (parse)",
     "L'/DET/det>1/le institut/NOUN/nsubj>11 Bréval/PROPN/appos>1 ,/PUNCT/punct>5 "
     "anciennement/ADV/advmod>5 nommé/VERB/acl>1/nommer Lycée/PROPN/xcomp>5 "
     "Sud/PROPN/flat:name>6 ,/PUNCT/punct>5 est/AUX/cop>11/être l'/DET/det>11/le "
     "une/PRON/ROOT>11/un des/ADP/case>13/de écoles/NOUN/nmod>11/école de/ADP/case>15 "
     "Dole/PROPN/nmod>13 ./PUNCT/punct>11",
     [("Bréval", "ORG", "breval"), ("Lycée Sud", "ORG", "lycee-sud"), ("Dole", "LOC")],
     {("Bréval", "loc:dole", "events.described")}),
    ("résidant à : là où la personne vit (events.resident)",
     "Marc/PROPN/nsubj>8 Petit/PROPN/flat:name>0 ,/PUNCT/punct>3 résidant/VERB/acl>0/résider "
     "à/ADP/case>5 Lille/PROPN/obl:mod>3 ,/PUNCT/punct>8 a/AUX/aux:tense>8/avoir "
     "vu/VERB/ROOT>8/voir l'/DET/det>10/le accident/NOUN/obj>8 ./PUNCT/punct>8",
     [("Marc Petit", "PER"), ("Lille", "LOC")],
     {("Marc Petit", "loc:lille", "events.resident")}),
    ("métier puis résidant à : la personne avant la description",
     "Lina/PROPN/nsubj>11 Morel/PROPN/flat:name>0 ,/PUNCT/punct>3 "
     "chercheuse/NOUN/appos>0/chercheur en/ADP/case>5 chimie/NOUN/nmod>3 "
     "résidant/VERB/acl>3/résider à/ADP/case>8 Nancy/PROPN/obl:mod>6 ,/PUNCT/punct>3 "
     "a/AUX/aux:tense>11/avoir publié/VERB/ROOT>11/publier une/DET/det>13/un "
     "étude/NOUN/obj>11 ./PUNCT/punct>11",
     [("Lina Morel", "PER"), ("Nancy", "LOC")],
     {("Lina Morel", "loc:nancy", "events.resident")}),
    ("une habitante de Brest, en apposition",
     "Claire/PROPN/nsubj>9 Dubois/PROPN/flat:name>0 ,/PUNCT/punct>4 une/DET/det>4/un "
     "habitante/NOUN/appos>0/habitant de/ADP/case>6 Brest/PROPN/nmod>4 ,/PUNCT/punct>4 "
     "a/AUX/aux:tense>9/avoir témoigné/VERB/ROOT>9/témoigner ./PUNCT/punct>9",
     [("Claire Dubois", "PER"), ("Brest", "LOC")],
     {("Claire Dubois", "loc:brest", "events.resident")}),
    ("les habitants de Brest après un nom : pas une apposition",
     "Selon/ADP/case>1 Claire/PROPN/obl:mod>8 Dubois/PROPN/flat:name>1 ,/PUNCT/punct>1 "
     "les/DET/det>5/le habitants/NOUN/nsubj>8/habitant de/ADP/case>7 Brest/PROPN/nmod>5 "
     "ont/VERB/ROOT>8/avoir peur/NOUN/obj>8 ./PUNCT/punct>8",
     [("Claire Dubois", "PER"), ("Brest", "LOC")],
     set()),
    ("qui vit à : l'antécédent de la relative y vit (events.reside; lemme « voir » du modèle)",
     "Paul/PROPN/nsubj>9 Roy/PROPN/flat:name>0 ,/PUNCT/punct>4 qui/PRON/nsubj>4 "
     "vit/VERB/acl:relcl>0/voir à/ADP/case>6 Nantes/PROPN/obl:mod>4 ,/PUNCT/punct>9 "
     "a/AUX/aux:tense>9/avoir témoigné/VERB/ROOT>9/témoigner ./PUNCT/punct>9",
     [("Paul Roy", "PER"), ("Nantes", "LOC")],
     {("Paul Roy", "loc:nantes", "events.reside")}),
    ("participe en tête de phrase : l'organisation nommée après la virgule",
     "Basée/VERB/acl>5/baser à/ADP/case>2 Lyon/PROPN/obl:mod>0 ,/PUNCT/punct>0 "
     "la/DET/det>5/le société/NOUN/nsubj>7 Vialis/PROPN/appos>5 recrute/VERB/ROOT>7/recruter "
     "./PUNCT/punct>7",
     [("Lyon", "LOC"), ("Vialis", "ORG", "vialis")],
     {("Vialis", "loc:lyon", "events.based")}),
    ("âge puis ville en apposition : la ville où la personne vit",
     "Paul/PROPN/nsubj>10 Roy/PROPN/flat:name>0 ,/PUNCT/punct>4 45/NUM/nummod>4 "
     "ans/NOUN/appos>0/an ,/PUNCT/punct>7 de/ADP/case>7 Rennes/PROPN/nmod>0 ,/PUNCT/punct>10 "
     "a/AUX/aux:tense>10/avoir témoigné/VERB/ROOT>10/témoigner ./PUNCT/punct>10",
     [("Paul Roy", "PER"), ("Rennes", "LOC")],
     {("Paul Roy", "loc:rennes", "events.resident")}),
    ("pays en apposition : une nationalité, pas un domicile",
     "Paul/PROPN/nsubj>7 Roy/PROPN/flat:name>0 ,/PUNCT/punct>4 de/ADP/case>4 "
     "Chine/PROPN/nmod>0 ,/PUNCT/punct>0 a/AUX/aux:tense>7/avoir témoigné/VERB/ROOT>7/témoigner "
     "./PUNCT/punct>7",
     [("Paul Roy", "PER"), ("Chine", "COUNTRY", "CN")],
     set()),
    ("organisation suivie de sa ville après de (events.adjacent_place)",
     "Le/DET/det>1 lycée/NOUN/nsubj>5 Arc-en-ciel/PROPN/appos>1 de/ADP/case>4 "
     "Toulouse/PROPN/nmod>1 ferme/VERB/ROOT>5/fermer ./PUNCT/punct>5",
     [("Arc-en-ciel", "ORG", "arc-en-ciel"), ("Toulouse", "LOC")],
     {("Arc-en-ciel", "loc:toulouse", "events.adjacent_place")}),
    ("de Paris à Lyon après une organisation : un trajet",
     "Le/DET/det>1 train/NOUN/nsubj>9 de/ADP/case>4 la/DET/det>4/le SNCF/PROPN/nmod>1 "
     "de/ADP/case>6 Paris/PROPN/nmod>1 à/ADP/case>8 Lyon/PROPN/nmod>1 part/VERB/ROOT>9/partir "
     "./PUNCT/punct>9",
     [("SNCF", "ORG", "SNCF"), ("Paris", "LOC"), ("Lyon", "LOC")],
     set()),
    ("ville, virgule, au + pays",
     "Une/DET/det>1/un usine/NOUN/nsubj>9 de/ADP/case>3 Porto/PROPN/nmod>1 ,/PUNCT/punct>6 "
     "au/ADP/case>6/à Portugal/PROPN/nmod>3 ,/PUNCT/punct>6 a/AUX/aux:tense>9/avoir "
     "brûlé/VERB/ROOT>9/brûler ./PUNCT/punct>9",
     [("Porto", "LOC"), ("Portugal", "COUNTRY", "PT")],
     {("Porto", "country:PT", "events.adjacent_place")}),
    ("a grandi à : là où la personne a vécu (events.reside)",
     "Paul/PROPN/nsubj>3 Roy/PROPN/flat:name>0 a/AUX/aux:tense>3/avoir "
     "grandi/VERB/ROOT>3/grandir à/ADP/case>5 Brest/PROPN/obl:mod>3 ./PUNCT/punct>3",
     [("Paul Roy", "PER"), ("Brest", "LOC")],
     {("Paul Roy", "loc:brest", "events.reside")}),
    ("né à : un lieu de naissance, pas un domicile",
     "Paul/PROPN/nsubj:pass>3 Roy/PROPN/flat:name>0 est/AUX/aux:pass>3/être "
     "né/VERB/ROOT>3/naître à/ADP/case>5 Brest/PROPN/obl:mod>3 ./PUNCT/punct>3",
     [("Paul Roy", "PER"), ("Brest", "LOC")],
     set()),
    ("dans le nord du Mali : un lieu atteint par un nom commun et du (events.scene)",
     "Inès/PROPN/nsubj:pass>4 Roy/PROPN/flat:name>0 a/AUX/aux:tense>4/avoir "
     "été/AUX/aux:pass>4/être hospitalisée/VERB/ROOT>4/hospitaliser dans/ADP/case>7 "
     "le/DET/det>7 nord/NOUN/obl:mod>4 du/ADP/case>9/de Mali/PROPN/nmod>7 ./PUNCT/punct>4",
     [("Inès Roy", "PER"), ("Mali", "COUNTRY", "ML")],
     {("Inès Roy", "country:ML", "events.scene")}),
]


@pytest.mark.parametrize(("markup", "mentions", "expected"),
                         [c[1:] for c in SEAT_CASES], ids=[c[0] for c in SEAT_CASES])
def test_seat_and_residence_rules(markup: str, mentions: list[tuple[Any, ...]],
                                  expected: set[tuple[Any, ...]]) -> None:
    doc = with_mentions(parsed(markup), *mentions)
    rows = EventExtractor().process(doc)
    assert {(r["subject_text"], r["object_id"], r["rule"]) for r in rows
            if r["predicate"] == "located_in"} == expected


@pytest.mark.parametrize(("markup", "mentions", "expected"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_rules_on_hand_parses(markup: str, mentions: list[tuple[Any, ...]],
                              expected: set[tuple[Any, ...]]) -> None:
    assert found_by_events(markup, mentions) == expected


def test_located_in_evidence_spans_event_place_and_date() -> None:
    doc = with_mentions(parsed(SESSION), *SESSION_MENTIONS)
    [row] = [r for r in EventExtractor().process(doc) if r["predicate"] == "located_in"]
    assert row["evidence"] == ("la session du Conseil de sécurité collective qui s’est tenue "
                               "à Astana le 24 novembre dernier")
    assert row["rule"] == "events.venue"


# -- end-to-end: the real model ------------------------------------------------------------

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


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("À Lyon, un incendie a ravagé un entrepôt dans la nuit de mardi. Le gérant de la "
     "société Vialis, Paul Roy, a dû évacuer les lieux.",
     {("Paul Roy", "Lyon", "events.story_setting"), ("Vialis", "Lyon", "events.story_setting")}),
    ("Un incendie a ravagé un entrepôt à Lyon. Le gérant de la société Vialis, Paul Roy, "
     "a dû évacuer les lieux.",
     set()),
    ("À Lyon, un incendie a ravagé un entrepôt. Paul Roy, qui habite à Grenoble, a témoigné.",
     {("Paul Roy", "Grenoble", "events.reside")}),  # where he lives: the residence rule
])
def test_story_setting_end_to_end(model_nlp: Language, text: str,
                                  expected: set[tuple[str, str, str]]) -> None:
    doc = model_nlp(text)
    assert {(r["subject_text"], r["object_text"], r["rule"]) for r in doc._.relations
            if r["predicate"] == "located_in"} == expected


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("Marc Petit, résidant à Lille, a vu l'accident.",
     {("Marc Petit", "Lille", "events.resident")}),
    ("Claire Dubois, une habitante de Brest, a témoigné.",
     {("Claire Dubois", "Brest", "events.resident")}),
    ("Paul Roy, qui vit à Nantes, a témoigné.", {("Paul Roy", "Nantes", "events.reside")}),
    ("Basée à Toulouse, la société Airbus emploie des milliers de personnes.",
     {("Airbus", "Toulouse", "events.based")}),
])
def test_seats_and_homes_end_to_end(model_nlp: Language, text: str,
                                    expected: set[tuple[str, str, str]]) -> None:
    doc = model_nlp(text)
    assert {(r["subject_text"], r["object_text"], r["rule"]) for r in doc._.relations
            if r["predicate"] == "located_in"} == expected
