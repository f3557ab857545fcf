"""Roles (``role``): table-driven rule tests on hand-written parses, then end-to-end cases.

The rule layer builds each sentence by hand as a French UD parser would parse it (written
``mot/POS/dep>tête[/lemme]``), on ``spacy.blank("fr")``, and sets ``doc._.mentions`` by hand,
so that a model upgrade cannot change what a case means. The parse and mention helpers are
in :mod:`tests.markup`, the sample story and its gold relations in :mod:`tests.conftest`.
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from pipeline.entities.gazetteers import GazetteerError
from pipeline.relations.roles import RoleExtractor, load_titles
from tests.conftest import SAMPLE_TEXT, gold_relations, overlaps
from tests.markup import parsed, with_mentions

# -- rule layer: hand-written parses -------------------------------------------------------

# (id, parse, mentions, expected {(person, object_id, title)})
ROLE_CASES: list[tuple[str, str, list[tuple[Any, ...]], set[tuple[Any, ...]]]] = [
    ("titre + gentilé + nom",
     "Selon/ADP/case>2 le/DET/det>2 président/NOUN/obl:mod>9 kirghize/ADJ/amod>2 "
     "Sadyr/PROPN/appos>2 Japarov/PROPN/flat:name>4 ,/PUNCT/punct>2 la/DET/det>8 "
     "République/NOUN/nsubj>9 a/VERB/ROOT>9/avoir ses/DET/det>11 projets/NOUN/obj>9 "
     "./PUNCT/punct>9",
     [("kirghize", "COUNTRY", "KG", "demonym"), ("Sadyr Japarov", "PER")],
     {("Sadyr Japarov", "country:KG", "président")}),
    ("gentilé absent des mentions : lexique des gentilés",
     "Le/DET/det>1 président/NOUN/nsubj>5 kirghize/ADJ/amod>1 Sadyr/PROPN/appos>1 "
     "Japarov/PROPN/flat:name>3 parle/VERB/ROOT>5/parler ./PUNCT/punct>5",
     [("Sadyr Japarov", "PER")],
     {("Sadyr Japarov", "country:KG", "président")}),
    ("apposition avec gentilé à l'intérieur du titre",
     "Sergueï/PROPN/nsubj>10 Lavrov/PROPN/flat:name>0 ,/PUNCT/punct>3 ministre/NOUN/appos>0 "
     "russe/ADJ/amod>3 des/ADP/case>6/de Affaires/NOUN/nmod>3/affaire "
     "étrangères/ADJ/amod>6/étranger ,/PUNCT/punct>3 a/AUX/aux:tense>10/avoir "
     "rencontré/VERB/ROOT>10/rencontrer son/DET/det>12 homologue/NOUN/obj>10 ./PUNCT/punct>10",
     [("Sergueï Lavrov", "PER"), ("russe", "COUNTRY", "RU", "demonym")],
     {("Sergueï Lavrov", "country:RU", "ministre des Affaires étrangères")}),
    ("titre de l'organisation, virgule, nom",
     "Le/DET/det>1 secrétaire/NOUN/nsubj>10 général/ADJ/amod>1 de/ADP/case>5 l'/DET/det>5/le "
     "ONU/PROPN/nmod>1 ,/PUNCT/punct>7 António/PROPN/appos>1 Guterres/PROPN/flat:name>7 "
     ",/PUNCT/punct>7 alerte/VERB/ROOT>10/alerter ./PUNCT/punct>10",
     [("ONU", "ORG", "ONU"), ("António Guterres", "PER")],
     {("António Guterres", "org:ONU", "secrétaire général")}),
    ("chef de la diplomatie + gentilé final",
     "Jean-Noël/PROPN/nsubj>10 Barrot/PROPN/flat:name>0 ,/PUNCT/punct>3 chef/NOUN/appos>0 "
     "de/ADP/case>6 la/DET/det>6/le diplomatie/NOUN/nmod>3 française/ADJ/amod>6/français "
     ",/PUNCT/punct>3 est/AUX/aux:pass>10/être attendu/VERB/ROOT>10/attendre ./PUNCT/punct>10",
     [("Jean-Noël Barrot", "PER"), ("française", "COUNTRY", "FR", "demonym")],
     {("Jean-Noël Barrot", "country:FR", "ministre des Affaires étrangères")}),
    ("Premier ministre + gentilé + nom",
     "Le/DET/det>2 Premier/ADJ/amod>2/premier ministre/NOUN/nsubj>7 indien/ADJ/amod>2 "
     "Narendra/PROPN/appos>2 Modi/PROPN/flat:name>4 est/AUX/aux:tense>7/être "
     "arrivé/VERB/ROOT>7/arriver ./PUNCT/punct>7",
     [("indien", "COUNTRY", "IN", "demonym"), ("Narendra Modi", "PER")],
     {("Narendra Modi", "country:IN", "Premier ministre")}),
    ("présidente d'une institution européenne, virgule, nom",
     "La/DET/det>1 présidente/NOUN/nsubj>13/président de/ADP/case>4 la/DET/det>4/le "
     "Commission/PROPN/nmod>1 européenne/ADJ/amod>4/européen ,/PUNCT/punct>7 "
     "Ursula/PROPN/appos>1 von/PROPN/flat:name>7 der/PROPN/flat:name>7 Leyen/PROPN/flat:name>7 "
     ",/PUNCT/punct>7 a/AUX/aux:tense>13/avoir salué/VERB/ROOT>13/saluer ./PUNCT/punct>13",
     [("Commission européenne", "ORG", "commission-europeenne"),
      ("Ursula von der Leyen", "PER")],
     {("Ursula von der Leyen", "org:commission-europeenne", "président")}),
    ("président de la République seul : rôle sans objet",
     "Emmanuel/PROPN/nsubj>8 Macron/PROPN/flat:name>0 ,/PUNCT/punct>3 président/NOUN/appos>0 "
     "de/ADP/case>5 la/DET/det>5/le République/NOUN/nmod>3 ,/PUNCT/punct>3 "
     "parle/VERB/ROOT>8/parler ./PUNCT/punct>8",
     [("Emmanuel Macron", "PER")],
     {("Emmanuel Macron", None, "président")}),
    ("président de la République française",
     "Emmanuel/PROPN/nsubj>9 Macron/PROPN/flat:name>0 ,/PUNCT/punct>3 président/NOUN/appos>0 "
     "de/ADP/case>5 la/DET/det>5/le République/NOUN/nmod>3 française/ADJ/amod>5/français "
     ",/PUNCT/punct>3 parle/VERB/ROOT>9/parler ./PUNCT/punct>9",
     [("Emmanuel Macron", "PER"), ("française", "COUNTRY", "FR", "demonym")],
     {("Emmanuel Macron", "country:FR", "président")}),
    ("président de la Russie, virgule, nom",
     "Le/DET/det>1 président/NOUN/nsubj>8 de/ADP/case>4 la/DET/det>4/le Russie/PROPN/nmod>1 "
     ",/PUNCT/punct>6 Vladimir/PROPN/appos>1 Poutine/PROPN/flat:name>6 "
     "répond/VERB/ROOT>8/répondre ./PUNCT/punct>8",
     [("Russie", "COUNTRY", "RU"), ("Vladimir Poutine", "PER")],
     {("Vladimir Poutine", "country:RU", "président")}),
    ("présidente (forme féminine) + gentilé + nom",
     "La/DET/det>1 présidente/NOUN/nsubj>5/président moldave/ADJ/amod>1 Maia/PROPN/appos>1 "
     "Sandu/PROPN/flat:name>3 proteste/VERB/ROOT>5/protester ./PUNCT/punct>5",
     [("moldave", "COUNTRY", "MD", "demonym"), ("Maia Sandu", "PER")],
     {("Maia Sandu", "country:MD", "président")}),
    ("deux personnes : le titre ne va qu'au nom voisin",
     "Emmanuel/PROPN/nsubj>2 Macron/PROPN/flat:name>0 a/AUX/aux:tense>3/avoir "
     "reçu/VERB/ROOT>3/recevoir le/DET/det>5 chancelier/NOUN/obj>3 allemand/ADJ/amod>5 "
     "Olaf/PROPN/appos>5 Scholz/PROPN/flat:name>7 ./PUNCT/punct>3",
     [("Emmanuel Macron", "PER"), ("allemand", "COUNTRY", "DE", "demonym"),
      ("Olaf Scholz", "PER")],
     {("Olaf Scholz", "country:DE", "chancelier")}),
    ("titres sans nom : rien",
     "Le/DET/det>1 président/NOUN/nsubj>2 a/AUX/aux:tense>3/avoir reçu/VERB/ROOT>3/recevoir "
     "le/DET/det>5 ministre/NOUN/obj>3 des/ADP/case>7/de Affaires/NOUN/nmod>5/affaire "
     "étrangères/ADJ/amod>7/étranger ./PUNCT/punct>3",
     [],
     set()),
    ("le dirigeant kirghize sans nom : rien",
     "Le/DET/det>1 dirigeant/NOUN/nsubj>4 kirghize/ADJ/amod>1 a/AUX/aux:tense>4/avoir "
     "souligné/VERB/ROOT>4/souligner le/DET/det>6 problème/NOUN/obj>4 ./PUNCT/punct>4",
     [("kirghize", "COUNTRY", "KG", "demonym")],
     set()),
    ("une phrase plus loin : pas de rôle à travers la frontière de phrase",
     "Il/PRON/nsubj>1/il parle/VERB/ROOT>1/parler au/ADP/case>3/à président/NOUN/obl:arg>1 "
     "./PUNCT/punct>1 Sadyr/PROPN/nsubj>7 Japarov/PROPN/flat:name>5 "
     "répond/VERB/ROOT>7/répondre ./PUNCT/punct>7",
     [("Sadyr Japarov", "PER")],
     set()),
    ("apposition, nom d'organisation entre guillemets après « l'association »",
     "Lucien/PROPN/nsubj>13 Morel/PROPN/flat:name>0 ,/PUNCT/punct>3 président/NOUN/appos>0 "
     "de/ADP/case>6 l'/DET/det>6/le association/NOUN/nmod>3 \"/PUNCT/punct>8 "
     "Terre/PROPN/appos>6 Vive/PROPN/flat:name>8 \"/PUNCT/punct>8 ,/PUNCT/punct>3 "
     "a/AUX/aux:tense>13/avoir donné/VERB/ROOT>13/donner ./PUNCT/punct>13",
     [("Lucien Morel", "PER")],
     {("Lucien Morel", "org:terre-vive", "président")}),
    ("la présidente de l'ONG, mention ORG après le nom commun",
     "Claire/PROPN/nsubj>8 Vasseur/PROPN/flat:name>0 ,/PUNCT/punct>4 la/DET/det>4/le "
     "présidente/NOUN/appos>0/président de/ADP/case>6 l'/DET/det>7/le ONG/NOUN/nmod>4 "
     "Terre/PROPN/appos>6 Claire/PROPN/flat:name>8 parle/VERB/ROOT>9/parler ./PUNCT/punct>9",
     [("Claire Vasseur", "PER"), ("Terre Claire", "ORG", "terre-claire")],
     {("Claire Vasseur", "org:terre-claire", "président")}),
    ("titre + parti politique entre guillemets, virgule, nom",
     "Le/DET/det>1 secrétaire/NOUN/nsubj>13 du/ADP/case>3/de parti/NOUN/nmod>1 "
     "politique/ADJ/amod>3 «/PUNCT/punct>6 Renouveau/PROPN/appos>3 »/PUNCT/punct>6 "
     ",/PUNCT/punct>9 Paul/PROPN/appos>1 Brandt/PROPN/flat:name>9 ,/PUNCT/punct>9 "
     "est/AUX/aux:pass>13/être mort/VERB/ROOT>13/mourir ./PUNCT/punct>13",
     [("Paul Brandt", "PER")],
     {("Paul Brandt", "org:renouveau", "secrétaire")}),
    ("fondatrice de l'organisation, mention ORG",
     "Sylvie/PROPN/nsubj>7 Garnaud/PROPN/flat:name>0 ,/PUNCT/punct>3 fondatrice/NOUN/appos>0 "
     "de/ADP/case>6 l'/DET/det>5/le organisation/NOUN/nmod>3 GREN/PROPN/appos>5 "
     "échoue/VERB/ROOT>7/échouer ./PUNCT/punct>7",
     [("Sylvie Garnaud", "PER"), ("GREN", "ORG", "GREN")],
     {("Sylvie Garnaud", "org:GREN", "fondateur")}),
    ("guillemets non fermés dans la phrase : pas d'organisation inventée",
     "Marc/PROPN/nsubj>0 Aubry/PROPN/flat:name>0 ,/PUNCT/punct>3 président/NOUN/appos>0 "
     "de/ADP/case>6 l'/DET/det>6/le association/NOUN/nmod>3 \"/PUNCT/punct>8 "
     "Saveur/PROPN/appos>6 ./PUNCT/punct>0",
     [("Marc Aubry", "PER")],
     {("Marc Aubry", None, "président")}),
    ("ORG, dirigée par une personne (roles.led_by)",
     "L'/DET/det>1/le équipe/NOUN/nsubj>11 Alpha/PROPN/appos>1 Secours/PROPN/flat:name>2 "
     ",/PUNCT/punct>5 dirigée/VERB/acl>1/diriger par/ADP/case>8 Monsieur/NOUN/obl:agent>5 "
     "Henri/PROPN/appos>7 Tissot/PROPN/flat:name>8 ,/PUNCT/punct>5 "
     "sauve/VERB/ROOT>11/sauver ./PUNCT/punct>11",
     [("Alpha Secours", "ORG", "alpha-secours"), ("Henri Tissot", "PER")],
     {("Henri Tissot", "org:alpha-secours", "dirigeant")}),
    ("deux personnes, virgule, description puis titre : les deux (apposition)",
     "Luc/PROPN/nsubj>15 Morel/PROPN/flat:name>0 et/CCONJ/cc>3 Anne/PROPN/conj>0 "
     "Morel/PROPN/flat:name>3 ,/PUNCT/punct>7 deux/NUM/nummod>7 frères/NOUN/appos>0/frère "
     "cofondateurs/NOUN/amod>7/cofondateur de/ADP/case>12 la/DET/det>12/le "
     "société/NOUN/nmod>8 Vialis/PROPN/appos>10 ,/PUNCT/punct>7 ont/AUX/aux:tense>15/avoir "
     "témoigné/VERB/ROOT>15/témoigner ./PUNCT/punct>15",
     [("Luc Morel", "PER"), ("Anne Morel", "PER"), ("Vialis", "ORG", "vialis")],
     {("Luc Morel", "org:vialis", "fondateur"), ("Anne Morel", "org:vialis", "fondateur")}),
    ("apposition sans virgule, titre avec complément",
     "Jeanne/PROPN/nsubj>6 Roux/PROPN/flat:name>0 PDG/NOUN/appos>0 de/ADP/case>4 "
     "Vialis/PROPN/nmod>2 a/AUX/aux:tense>6/avoir démissionné/VERB/ROOT>6/démissionner "
     "./PUNCT/punct>6",
     [("Jeanne Roux", "PER"), ("Vialis", "ORG", "vialis")],
     {("Jeanne Roux", "org:vialis", "président-directeur général")}),
    ("personne, être, titre (roles.copula)",
     "Paul/PROPN/nsubj>5 Henri/PROPN/flat:name>0 était/AUX/cop>5/être le/DET/det>5 "
     "directeur/NOUN/ROOT>5 de/ADP/case>7 l'/DET/det>7/le association/NOUN/nmod>4 "
     "Terre/PROPN/appos>7 Vive/PROPN/flat:name>8 ./PUNCT/punct>4",
     [("Paul Henri", "PER"), ("Terre Vive", "ORG", "terre-vive")],
     {("Paul Henri", "org:terre-vive", "directeur")}),
    ("copule niée : rien",
     "Paul/PROPN/nsubj>6 Henri/PROPN/flat:name>0 n'/ADV/advmod>6/ne est/AUX/cop>6/être "
     "pas/ADV/advmod>6 le/DET/det>6 directeur/NOUN/ROOT>6 de/ADP/case>8 Vialis/PROPN/nmod>6 "
     "./PUNCT/punct>6",
     [("Paul Henri", "PER"), ("Vialis", "ORG", "vialis")],
     set()),
    ("poste chez une organisation (kind staff)",
     "Marc/PROPN/nsubj>8 Petit/PROPN/flat:name>0 ,/PUNCT/punct>3 ingénieur/NOUN/appos>0 "
     "chez/ADP/case>5 Renault/PROPN/nmod>3 ,/PUNCT/punct>3 a/AUX/aux:tense>8/avoir "
     "parlé/VERB/ROOT>8/parler ./PUNCT/punct>8",
     [("Marc Petit", "PER"), ("Renault", "ORG", "renault")],
     {("Marc Petit", "org:renault", "ingénieur")}),
    ("poste sans organisation : rien",
     "Le/DET/det>1 journaliste/NOUN/nsubj>4 Paul/PROPN/appos>1 Henri/PROPN/flat:name>2 "
     "écrit/VERB/ROOT>4/écrire ./PUNCT/punct>4",
     [("Paul Henri", "PER")],
     set()),
    ("ORG, appartenant à une personne (roles.led_by, propriétaire)",
     "Le/DET/det>1 restaurant/NOUN/nsubj>10 Bon/PROPN/appos>1 Goût/PROPN/flat:name>2 "
     ",/PUNCT/punct>5 appartenant/VERB/acl>1/appartenir à/ADP/case>7 Inès/PROPN/obl:arg>5 "
     "Roy/PROPN/flat:name>7 ,/PUNCT/punct>5 brûle/VERB/ROOT>10/brûler ./PUNCT/punct>10",
     [("Bon Goût", "ORG", "bon-gout"), ("Inès Roy", "PER")],
     {("Inès Roy", "org:bon-gout", "propriétaire")}),
    ("à la tête de, après être (roles.copula)",
     "Luc/PROPN/nsubj>6 Roy/PROPN/flat:name>0 est/AUX/cop>6/être à/ADP/case>5 "
     "la/DET/det>5/le tête/NOUN/ROOT>5 du/ADP/case>8/de label/NOUN/nmod>5 Vinyl/PROPN/appos>7 "
     "Club/PROPN/flat:name>8 ./PUNCT/punct>5",
     [("Luc Roy", "PER"), ("Vinyl Club", "ORG", "vinyl-club")],
     {("Luc Roy", "org:vinyl-club", "dirigeant")}),
    ("l'un des fondateurs : description avant le titre",
     "Luc/PROPN/nsubj>11 Roy/PROPN/flat:name>0 ,/PUNCT/punct>4 l'/DET/det>4/le "
     "un/PRON/appos>0 des/ADP/case>6/de fondateurs/NOUN/nmod>4/fondateur de/ADP/case>9 "
     "la/DET/det>9/le société/NOUN/nmod>6 Vialis/PROPN/appos>9 ,/PUNCT/punct>4 "
     "parle/VERB/ROOT>11/parler ./PUNCT/punct>11",
     [("Luc Roy", "PER"), ("Vialis", "ORG", "vialis")],
     {("Luc Roy", "org:vialis", "fondateur")}),
    ("ami du président : pas une description qui porte le titre",
     "Luc/PROPN/nsubj>9 Roy/PROPN/flat:name>0 ,/PUNCT/punct>3 ami/NOUN/appos>0 "
     "du/ADP/case>5/de président/NOUN/nmod>3 de/ADP/case>7 Vialis/PROPN/nmod>5 "
     ",/PUNCT/punct>3 parle/VERB/ROOT>9/parler ./PUNCT/punct>9",
     [("Luc Roy", "PER"), ("Vialis", "ORG", "vialis")],
     set()),
    ("premier titre sans objet, second avec : les deux",
     "Inès/PROPN/nsubj>12 Roy/PROPN/flat:name>0 ,/PUNCT/punct>3 porte-parole/NOUN/appos>0 "
     "des/ADP/case>5/de grévistes/NOUN/nmod>3/gréviste et/CCONJ/cc>7 "
     "présidente/NOUN/conj>3/président de/ADP/case>9 Aube/PROPN/nmod>7 Claire/PROPN/flat:name>9 "
     ",/PUNCT/punct>3 a/AUX/aux:tense>12/avoir parlé/VERB/ROOT>12/parler ./PUNCT/punct>12",
     [("Inès Roy", "PER"), ("Aube Claire", "ORG", "aube-claire")],
     {("Inès Roy", None, "porte-parole"), ("Inès Roy", "org:aube-claire", "président")}),
    ("organisation entre guillemets, virgule, nom",
     "Le/DET/det>1 président/NOUN/nsubj>13 du/ADP/case>3/de parti/NOUN/nmod>1 "
     "«/PUNCT/punct>5 Avenir/PROPN/appos>3 Commun/PROPN/flat:name>5 »/PUNCT/punct>5 "
     ",/PUNCT/punct>9 Luc/PROPN/appos>1 Roy/PROPN/flat:name>9 ,/PUNCT/punct>9 "
     "a/AUX/aux:tense>13/avoir parlé/VERB/ROOT>13/parler ./PUNCT/punct>13",
     [("Avenir Commun", "ORG", "avenir-commun"), ("Luc Roy", "PER")],
     {("Luc Roy", "org:avenir-commun", "président")}),
    ("poste, travaillant au sein de",
     "Paul/PROPN/nsubj>12 Roy/PROPN/flat:name>0 ,/PUNCT/punct>3 chercheur/NOUN/appos>0 "
     "travaillant/VERB/acl>3/travailler au/ADP/case>6/à sein/NOUN/obl>4 du/ADP/case>8/de "
     "laboratoire/NOUN/nmod>6 Biotex/PROPN/appos>8 ,/PUNCT/punct>3 a/AUX/aux:tense>12/avoir "
     "parlé/VERB/ROOT>12/parler ./PUNCT/punct>12",
     [("Paul Roy", "PER"), ("Biotex", "ORG", "biotex")],
     {("Paul Roy", "org:biotex", "chercheur")}),
    ("copule : sont les deux fondateurs",
     "Paul/PROPN/nsubj>8 Roy/PROPN/flat:name>0 ,/PUNCT/punct>0 sont/AUX/cop>6/être "
     "les/DET/det>6/le deux/NUM/nummod>6 fondateurs/NOUN/ROOT>6/fondateur de/ADP/case>8 "
     "Vialis/PROPN/nmod>6 ./PUNCT/punct>6",
     [("Paul Roy", "PER"), ("Vialis", "ORG", "vialis")],
     {("Paul Roy", "org:vialis", "fondateur")}),
    ("titre + adjectif + complément, virgule, nom",
     "Le/DET/det>1 chanteur/NOUN/nsubj>12 principal/ADJ/amod>1 des/ADP/case>4/de "
     "Rats/PROPN/nmod>1 Bleus/PROPN/flat:name>4 ,/PUNCT/punct>7 Marc/PROPN/appos>1 "
     "Petit/PROPN/flat:name>7 ,/PUNCT/punct>7 a/AUX/aux:tense>12/avoir "
     "quitté/VERB/acl>1/quitter chante/VERB/ROOT>12/chanter ./PUNCT/punct>12",
     [("Rats Bleus", "ORG", "rats-bleus"), ("Marc Petit", "PER")],
     {("Marc Petit", "org:rats-bleus", "chanteur")}),
    ("a été nommé directeur de (roles.copula)",
     "Paul/PROPN/nsubj:pass>4 Roy/PROPN/flat:name>0 a/AUX/aux:tense>4/avoir "
     "été/AUX/aux:pass>4/être nommé/VERB/ROOT>4/nommer directeur/NOUN/xcomp>4 "
     "de/ADP/case>7 Vialis/PROPN/nmod>5 ./PUNCT/punct>4",
     [("Paul Roy", "PER"), ("Vialis", "ORG", "vialis")],
     {("Paul Roy", "org:vialis", "directeur")}),
    ("a rencontré le directeur : pas une copule",
     "Paul/PROPN/nsubj>3 Roy/PROPN/flat:name>0 a/AUX/aux:tense>3/avoir "
     "rencontré/VERB/ROOT>3/rencontrer le/DET/det>5 directeur/NOUN/obj>3 de/ADP/case>7 "
     "Vialis/PROPN/nmod>5 ./PUNCT/punct>3",
     [("Paul Roy", "PER"), ("Vialis", "ORG", "vialis")],
     set()),
    ("verbe de direction : la personne sujet dirige l'organisation objet (roles.verb)",
     "Paul/PROPN/nsubj>2 Roy/PROPN/flat:name>0 dirige/VERB/ROOT>2/diriger le/DET/det>4 "
     "groupe/NOUN/obj>2 Vialis/PROPN/appos>4 ./PUNCT/punct>2",
     [("Paul Roy", "PER"), ("Vialis", "ORG", "vialis")],
     {("Paul Roy", "org:vialis", "dirigeant")}),
    ("relative : qui préside, l'antécédent préside",
     "Léa/PROPN/nsubj>11 Simon/PROPN/flat:name>0 ,/PUNCT/punct>4 qui/PRON/nsubj>4 "
     "préside/VERB/acl:relcl>0/présider l'/DET/det>6/le association/NOUN/obj>4 "
     "Terre/PROPN/appos>6 Vive/PROPN/flat:name>7 ,/PUNCT/punct>11 a/AUX/aux:tense>11/avoir "
     "parlé/VERB/ROOT>11/parler ./PUNCT/punct>11",
     [("Léa Simon", "PER"), ("Terre Vive", "ORG", "terre-vive")],
     {("Léa Simon", "org:terre-vive", "président")}),
    ("ne dirige plus : rien",
     "Paul/PROPN/nsubj>3 Roy/PROPN/flat:name>0 ne/ADV/advmod>3 dirige/VERB/ROOT>3/diriger "
     "plus/ADV/advmod>3 le/DET/det>6 groupe/NOUN/obj>3 Vialis/PROPN/appos>6 ./PUNCT/punct>3",
     [("Paul Roy", "PER"), ("Vialis", "ORG", "vialis")],
     set()),
    ("travailler pour une organisation",
     "Inès/PROPN/nsubj>2 Roy/PROPN/flat:name>0 travaille/VERB/ROOT>2/travailler "
     "pour/ADP/case>4 Vialis/PROPN/obl:mod>2 depuis/ADP/case>6 2019/NUM/obl:mod>2 "
     "./PUNCT/punct>2",
     [("Inès Roy", "PER"), ("Vialis", "ORG", "vialis")],
     {("Inès Roy", "org:vialis", "employé")}),
    ("travailler à une ville : pas un employeur",
     "Inès/PROPN/nsubj>2 Roy/PROPN/flat:name>0 travaille/VERB/ROOT>2/travailler à/ADP/case>4 "
     "Lyon/PROPN/obl:mod>2 ./PUNCT/punct>2",
     [("Inès Roy", "PER"), ("Lyon", "LOC")],
     set()),
    ("au poste de : le sujet du verbe, pas l'agent (roles.post)",
     "Paul/PROPN/nsubj:pass>4 Roy/PROPN/flat:name>0 a/AUX/aux:tense>4/avoir "
     "été/AUX/aux:pass>4/être choisi/VERB/ROOT>4/choisir par/ADP/case>6 Léa/PROPN/obl:agent>4 "
     "Simon/PROPN/flat:name>6 au/ADP/case>9/à poste/NOUN/obl:mod>4 de/ADP/case>11 "
     "directeur/NOUN/nmod>9 de/ADP/case>13 Vialis/PROPN/nmod>11 ./PUNCT/punct>4",
     [("Paul Roy", "PER"), ("Léa Simon", "PER"), ("Vialis", "ORG", "vialis")],
     {("Paul Roy", "org:vialis", "directeur")}),
    ("en tant que : la personne dont la fonction dépend",
     "Léa/PROPN/nsubj>11 Simon/PROPN/flat:name>0 ,/PUNCT/punct>6 en/ADP/case>6 "
     "tant/ADV/fixed>3 que/SCONJ/fixed>3 présidente/NOUN/nmod>0/président de/ADP/case>8 "
     "Vialis/PROPN/nmod>6 ,/PUNCT/punct>11 a/AUX/aux:tense>11/avoir signé/VERB/ROOT>11/signer "
     "./PUNCT/punct>11",
     [("Léa Simon", "PER"), ("Vialis", "ORG", "vialis")],
     {("Léa Simon", "org:vialis", "président")}),
    ("titre, nom, puis complément : le gouverneur X de l'Ohio",
     "Le/DET/det>1 gouverneur/NOUN/nsubj>8 Paul/PROPN/appos>1 Roy/PROPN/flat:name>2 "
     "de/ADP/case>6 l'/DET/det>6/le Ohio/PROPN/nmod>2 a/AUX/aux:tense>8/avoir "
     "signé/VERB/ROOT>8/signer la/DET/det>10 loi/NOUN/obj>8 ./PUNCT/punct>8",
     [("Paul Roy", "PER"), ("Ohio", "LOC")],
     {("Paul Roy", "loc:ohio", "gouverneur")}),
    ("civilité hors de la mention du nom, après la virgule",
     "Le/DET/det>1 directeur/NOUN/nsubj>10 de/ADP/case>3 Vialis/PROPN/nmod>1 ,/PUNCT/punct>5 "
     "Monsieur/NOUN/appos>1 Paul/PROPN/flat:name>5 Roy/PROPN/flat:name>5 ,/PUNCT/punct>5 "
     "a/AUX/aux:tense>10/avoir parlé/VERB/ROOT>10/parler ./PUNCT/punct>10",
     [("Paul Roy", "PER"), ("Vialis", "ORG", "vialis")],
     {("Paul Roy", "org:vialis", "directeur")}),
    ("fonction possessive : l'organisation nommée avant",
     "L'/DET/det>1/le association/NOUN/nsubj>5 Terre/PROPN/appos>1 Vive/PROPN/flat:name>2 "
     "a/AUX/aux:tense>5/avoir élu/VERB/ROOT>5/élire sa/DET/det>7/son "
     "présidente/NOUN/obj>5/président ,/PUNCT/punct>9 Léa/PROPN/appos>7 "
     "Simon/PROPN/flat:name>9 ./PUNCT/punct>5",
     [("Terre Vive", "ORG", "terre-vive"), ("Léa Simon", "PER")],
     {("Léa Simon", "org:terre-vive", "président")}),
    ("fonction possessive après une personne : le possesseur peut être elle, pas d'objet",
     "Chez/ADP/case>1 Vialis/PROPN/obl:mod>13 ,/PUNCT/punct>1 Paul/PROPN/nsubj>13 "
     "Roy/PROPN/flat:name>3 et/CCONJ/cc>7 son/DET/det>7 directeur/NOUN/conj>3 "
     ",/PUNCT/punct>9 Jean/PROPN/appos>7 Lenoir/PROPN/flat:name>9 ,/PUNCT/punct>9 "
     "sont/AUX/aux:tense>13/être venus/VERB/ROOT>13/venir ./PUNCT/punct>13",
     [("Vialis", "ORG", "vialis"), ("Paul Roy", "PER"), ("Jean Lenoir", "PER")],
     {("Jean Lenoir", None, "directeur")}),
    ("poste dans une société de + nom : la société de nettoyage X",
     "Paul/PROPN/nsubj>12 Roy/PROPN/flat:name>0 ,/PUNCT/punct>3 employé/NOUN/appos>0 "
     "de/ADP/case>6 la/DET/det>6/le société/NOUN/nmod>3 de/ADP/case>8 "
     "nettoyage/NOUN/nmod>6 Net/PROPN/appos>6 Plus/PROPN/flat:name>9 ,/PUNCT/punct>3 "
     "témoigne/VERB/ROOT>12/témoigner ./PUNCT/punct>12",
     [("Paul Roy", "PER"), ("Net Plus", "ORG", "net-plus")],
     {("Paul Roy", "org:net-plus", "employé")}),
    ("personne et son organisation en apposition (roles.affiliation, sans titre)",
     "Selon/ADP/case>1 Paul/PROPN/obl:mod>11 Roy/PROPN/flat:name>1 ,/PUNCT/punct>6 "
     "de/ADP/case>6 l'/DET/det>6/le Inserm/PROPN/nmod>1 ,/PUNCT/punct>1 la/DET/det>9/le "
     "hausse/NOUN/nsubj>11 est/AUX/cop>11/être nette/ADJ/ROOT>11/net ./PUNCT/punct>11",
     [("Paul Roy", "PER"), ("Inserm", "ORG", "inserm")],
     {("Paul Roy", "org:inserm", None)}),
    ("personne suivie de son organisation entre guillemets, sans virgule",
     "Le/DET/det>1 rapport/NOUN/nsubj:pass>4 a/AUX/aux:tense>4/avoir été/AUX/aux:pass>4/être "
     "rédigé/VERB/ROOT>4/rédiger par/ADP/case>6 M./NOUN/obl:agent>4 Paul/PROPN/flat:name>6 "
     "Roy/PROPN/flat:name>6 du/ADP/case>10/de laboratoire/NOUN/nmod>6 «/PUNCT/punct>12 "
     "Biotek/PROPN/appos>10 »/PUNCT/punct>12 ./PUNCT/punct>4",
     [("Paul Roy", "PER"), ("Biotek", "ORG", "biotek")],
     {("Paul Roy", "org:biotek", None)}),
    ("personne et sa ville en apposition : pas une organisation",
     "Paul/PROPN/nsubj>7 Roy/PROPN/flat:name>0 ,/PUNCT/punct>4 de/ADP/case>4 "
     "Lyon/PROPN/nmod>0 ,/PUNCT/punct>0 a/AUX/aux:tense>7/avoir parlé/VERB/ROOT>7/parler "
     "./PUNCT/punct>7",
     [("Paul Roy", "PER"), ("Lyon", "LOC")],
     set()),
    ("deux fonctions coordonnées partagent un complément : le premier titre",
     "Paul/PROPN/nsubj>3 Roy/PROPN/flat:name>0 était/AUX/cop>3/être président/NOUN/ROOT>3 "
     "et/CCONJ/cc>5 directeur/NOUN/conj>3 général/ADJ/amod>5 de/ADP/case>8 "
     "Vialis/PROPN/nmod>5 ./PUNCT/punct>3",
     [("Paul Roy", "PER"), ("Vialis", "ORG", "vialis")],
     {("Paul Roy", "org:vialis", "président")}),
    ("fonctions coordonnées en apposition",
     "Léa/PROPN/nsubj>10 Simon/PROPN/flat:name>0 ,/PUNCT/punct>3 "
     "fondatrice/NOUN/appos>0/fondateur et/CCONJ/cc>5 présidente/NOUN/conj>3/président "
     "de/ADP/case>7 Vialis/PROPN/nmod>5 ,/PUNCT/punct>3 a/AUX/aux:tense>10/avoir "
     "parlé/VERB/ROOT>10/parler ./PUNCT/punct>10",
     [("Léa Simon", "PER"), ("Vialis", "ORG", "vialis")],
     {("Léa Simon", "org:vialis", "fondateur")}),
    ("et suivi d'une autre personne : pas de complément partagé",
     "Paul/PROPN/nsubj>3 Roy/PROPN/flat:name>0 était/AUX/cop>3/être président/NOUN/ROOT>3 "
     "et/CCONJ/cc>5 Léa/PROPN/conj>3 Simon/PROPN/flat:name>5 "
     "directrice/NOUN/appos>5/directeur de/ADP/case>9 Vialis/PROPN/nmod>7 ./PUNCT/punct>3",
     [("Paul Roy", "PER"), ("Léa Simon", "PER"), ("Vialis", "ORG", "vialis")],
     {("Paul Roy", None, "président"), ("Léa Simon", "org:vialis", "directeur")}),
    ("prendre la tête de : la personne sujet dirige (roles.verb)",
     "Léa/PROPN/nsubj>3 Simon/PROPN/flat:name>0 a/AUX/aux:tense>3/avoir "
     "pris/VERB/ROOT>3/prendre la/DET/det>5/le tête/NOUN/obj>3 de/ADP/case>7 "
     "Vialis/PROPN/nmod>5 en/ADP/case>9 2021/NUM/obl:mod>3 ./PUNCT/punct>3",
     [("Léa Simon", "PER"), ("Vialis", "ORG", "vialis")],
     {("Léa Simon", "org:vialis", "dirigeant")}),
    ("prendre les rênes du groupe",
     "Léa/PROPN/nsubj>3 Simon/PROPN/flat:name>0 a/AUX/aux:tense>3/avoir "
     "pris/VERB/ROOT>3/prendre les/DET/det>5/le rênes/NOUN/obj>3/rêne du/ADP/case>7/de "
     "groupe/NOUN/nmod>5 Vialis/PROPN/appos>7 ./PUNCT/punct>3",
     [("Léa Simon", "PER"), ("Vialis", "ORG", "vialis")],
     {("Léa Simon", "org:vialis", "dirigeant")}),
    ("prendre la tête du classement : pas une organisation",
     "Léa/PROPN/nsubj>3 Simon/PROPN/flat:name>0 a/AUX/aux:tense>3/avoir "
     "pris/VERB/ROOT>3/prendre la/DET/det>5/le tête/NOUN/obj>3 du/ADP/case>7/de "
     "classement/NOUN/nmod>5 ./PUNCT/punct>3",
     [("Léa Simon", "PER")],
     set()),
    ("prendre une décision devant une organisation : rien",
     "Léa/PROPN/nsubj>3 Simon/PROPN/flat:name>0 a/AUX/aux:tense>3/avoir "
     "pris/VERB/ROOT>3/prendre la/DET/det>5/le parole/NOUN/obj>3 devant/ADP/case>7 "
     "Vialis/PROPN/obl:mod>3 ./PUNCT/punct>3",
     [("Léa Simon", "PER"), ("Vialis", "ORG", "vialis")],
     set()),
    ("chef de la direction : le directeur général de la presse canadienne",
     "Paul/PROPN/nsubj>11 Roy/PROPN/flat:name>0 ,/PUNCT/punct>3 chef/NOUN/appos>0 "
     "de/ADP/case>6 la/DET/det>6/le direction/NOUN/nmod>3 de/ADP/case>8 Vialis/PROPN/nmod>6 "
     ",/PUNCT/punct>3 a/AUX/aux:tense>11/avoir parlé/VERB/ROOT>11/parler ./PUNCT/punct>11",
     [("Paul Roy", "PER"), ("Vialis", "ORG", "vialis")],
     {("Paul Roy", "org:vialis", "directeur général")}),
    ("description avec gentilé avant le titre en apposition",
     "Léa/PROPN/nsubj>11 Simon/PROPN/flat:name>0 ,/PUNCT/punct>4 une/DET/det>4/un "
     "ingénieure/NOUN/appos>0 belge/ADJ/amod>4 et/CCONJ/cc>7 présidente/NOUN/conj>4/président "
     "de/ADP/case>9 Vialis/PROPN/nmod>7 ,/PUNCT/punct>4 a/AUX/aux:tense>11/avoir "
     "réagi/VERB/ROOT>11/réagir ./PUNCT/punct>11",
     [("Léa Simon", "PER"), ("belge", "COUNTRY", "BE", "demonym"), ("Vialis", "ORG", "vialis")],
     {("Léa Simon", "org:vialis", "président")}),
    ("description avec « en » avant le titre en apposition",
     "Léa/PROPN/nsubj>11 Simon/PROPN/flat:name>0 ,/PUNCT/punct>3 experte/NOUN/appos>0 "
     "en/ADP/case>5 droit/NOUN/nmod>3 et/CCONJ/cc>7 directrice/NOUN/conj>3/directeur "
     "de/ADP/case>9 Vialis/PROPN/nmod>7 ,/PUNCT/punct>3 explique/VERB/ROOT>11/expliquer "
     "./PUNCT/punct>11",
     [("Léa Simon", "PER"), ("Vialis", "ORG", "vialis")],
     {("Léa Simon", "org:vialis", "directeur")}),
    ("participe en apposition : X, une chimiste travaillant pour Y",
     "Léa/PROPN/nsubj:pass>12 Simon/PROPN/flat:name>0 ,/PUNCT/punct>4 une/DET/det>4/un "
     "chimiste/NOUN/appos>0 travaillant/VERB/acl>4/travailler pour/ADP/case>7 "
     "Vialis/PROPN/obl:arg>5 ,/PUNCT/punct>4 a/AUX/aux:tense>12/avoir "
     "été/AUX/aux:pass>12/être blessée/VERB/ROOT>12/blesser ./PUNCT/punct>12",
     [("Léa Simon", "PER"), ("Vialis", "ORG", "vialis")],
     {("Léa Simon", "org:vialis", "employé")}),
    ("participe après un objet : les ouvriers, pas le sujet du verbe",
     "Paul/PROPN/nsubj>3 Roy/PROPN/flat:name>0 a/AUX/aux:tense>3/avoir "
     "rencontré/VERB/ROOT>3/rencontrer des/DET/det>5/un ouvriers/NOUN/obj>3/ouvrier "
     "travaillant/VERB/acl>5/travailler pour/ADP/case>8 Vialis/PROPN/obl:arg>6 "
     "./PUNCT/punct>3",
     [("Paul Roy", "PER"), ("Vialis", "ORG", "vialis")],
     set()),
    ("PDG du groupe : le groupe nommé avant",
     "Le/DET/det>1 groupe/NOUN/nsubj>4 Vialis/PROPN/appos>1 a/AUX/aux:tense>4/avoir "
     "publié/VERB/ROOT>4/publier ses/DET/det>6/son résultats/NOUN/obj>4/résultat "
     "./PUNCT/punct>4 Paul/PROPN/nsubj>16 Roy/PROPN/flat:name>8 ,/PUNCT/punct>11 "
     "PDG/NOUN/appos>8 du/ADP/case>13/de groupe/NOUN/nmod>11 ,/PUNCT/punct>11 "
     "est/AUX/cop>16/être satisfait/ADJ/ROOT>16 ./PUNCT/punct>16",
     [("Vialis", "ORG", "vialis"), ("Paul Roy", "PER")],
     {("Paul Roy", "org:vialis", "président-directeur général")}),
    ("verbe de direction, une date avant l'objet",
     "Paul/PROPN/nsubj>2 Roy/PROPN/flat:name>0 dirige/VERB/ROOT>2/diriger "
     "depuis/ADP/case>4 2019/NUM/obl:mod>2 le/DET/det>6 groupe/NOUN/obj>2 "
     "Vialis/PROPN/appos>6 ./PUNCT/punct>2",
     [("Paul Roy", "PER"), ("2019", "DATE", "2019"), ("Vialis", "ORG", "vialis")],
     {("Paul Roy", "org:vialis", "dirigeant")}),
    ("verbe de direction, un adverbe avant l'objet",
     "Paul/PROPN/nsubj>2 Roy/PROPN/flat:name>0 préside/VERB/ROOT>2/présider "
     "désormais/ADV/advmod>2 Vialis/PROPN/obj>2 ./PUNCT/punct>2",
     [("Paul Roy", "PER"), ("Vialis", "ORG", "vialis")],
     {("Paul Roy", "org:vialis", "président")}),
    ("élue à la présidence de : copule",
     "Léa/PROPN/nsubj:pass>4 Simon/PROPN/flat:name>0 a/AUX/aux:tense>4/avoir "
     "été/AUX/aux:pass>4/être élue/VERB/ROOT>4/élire à/ADP/case>7 la/DET/det>7/le "
     "présidence/NOUN/obl:arg>4 de/ADP/case>9 Vialis/PROPN/nmod>7 ./PUNCT/punct>4",
     [("Léa Simon", "PER"), ("Vialis", "ORG", "vialis")],
     {("Léa Simon", "org:vialis", "président")}),
    ("candidate à la présidence : pas une fonction tenue",
     "Léa/PROPN/nsubj>6 Simon/PROPN/flat:name>0 ,/PUNCT/punct>3 candidate/NOUN/appos>0 "
     "à/ADP/case>6 la/DET/det>6/le présidence/NOUN/nmod>3 de/ADP/case>8 "
     "Vialis/PROPN/nmod>6 ,/PUNCT/punct>3 parle/VERB/ROOT>10/parler ./PUNCT/punct>10",
     [("Léa Simon", "PER"), ("Vialis", "ORG", "vialis")],
     set()),
    ("complément en chaîne : présidente du conseil d'administration de Y",
     "La/DET/det>1/le présidente/NOUN/nsubj>13/président du/ADP/case>3/de "
     "conseil/NOUN/nmod>1 d'/ADP/case>5/de administration/NOUN/nmod>3 de/ADP/case>7 "
     "Vialis/PROPN/nmod>3 ,/PUNCT/punct>9 Léa/PROPN/appos>1 Simon/PROPN/flat:name>9 "
     ",/PUNCT/punct>9 a/AUX/aux:tense>13/avoir parlé/VERB/ROOT>13/parler ./PUNCT/punct>13",
     [("Vialis", "ORG", "vialis"), ("Léa Simon", "PER")],
     {("Léa Simon", "org:vialis", "président")}),
    ("complément en chaîne vers une ville : pas un objet",
     "Le/DET/det>1 président/NOUN/nsubj>10 du/ADP/case>3/de jury/NOUN/nmod>1 de/ADP/case>5 "
     "Cannes/PROPN/nmod>3 ,/PUNCT/punct>7 Paul/PROPN/appos>1 Roy/PROPN/flat:name>7 "
     ",/PUNCT/punct>7 a/AUX/aux:tense>10/avoir parlé/VERB/ROOT>10/parler ./PUNCT/punct>10",
     [("Cannes", "LOC"), ("Paul Roy", "PER")],
     set()),
    ("lieu du poste après le complément : l'ambassadeur de France au Mali, X",
     "L'/DET/det>1/le ambassadeur/NOUN/nsubj:pass>12 de/ADP/case>3 France/PROPN/nmod>1 "
     "au/ADP/case>5/à Mali/PROPN/nmod>1 ,/PUNCT/punct>7 Paul/PROPN/appos>1 "
     "Roy/PROPN/flat:name>7 ,/PUNCT/punct>7 a/AUX/aux:tense>12/avoir "
     "été/AUX/aux:pass>12/être convoqué/VERB/ROOT>12/convoquer ./PUNCT/punct>12",
     [("France", "COUNTRY", "FR"), ("Mali", "COUNTRY", "ML"), ("Paul Roy", "PER")],
     {("Paul Roy", "country:FR", "ambassadeur")}),
    ("dirigée par sans organisation avant : rien",
     "Une/DET/det>1/un équipe/NOUN/nsubj>6 dirigée/VERB/acl>1/diriger par/ADP/case>4 "
     "Henri/PROPN/obl:agent>2 Tissot/PROPN/flat:name>4 arrive/VERB/ROOT>6/arriver "
     "./PUNCT/punct>6",
     [("Henri Tissot", "PER")],
     set()),
]


@pytest.fixture(scope="module")
def extractor() -> RoleExtractor:
    return RoleExtractor()


@pytest.mark.parametrize(("markup", "mentions", "expected"),
                         [c[1:] for c in ROLE_CASES], ids=[c[0] for c in ROLE_CASES])
def test_role_rules_on_hand_parses(extractor: RoleExtractor, markup: str,
                                   mentions: list[tuple[Any, ...]],
                                   expected: set[tuple[Any, ...]]) -> None:
    doc = with_mentions(parsed(markup), *mentions)
    rows = extractor.process(doc)
    assert {(r["subject_text"], r["object_id"], (r["attributes"] or {}).get("title"))
            for r in rows} == expected
    assert all(r["predicate"] == "role" for r in rows)


def test_former_title_is_marked(extractor: RoleExtractor) -> None:
    doc = with_mentions(parsed(
        "Il/PRON/nsubj>1/il reçoit/VERB/ROOT>1/recevoir l'/DET/det>4/le ancien/ADJ/amod>4 "
        "président/NOUN/obj>1 américain/ADJ/amod>4 Barack/PROPN/appos>4 "
        "Obama/PROPN/flat:name>6 ./PUNCT/punct>1"),
        ("américain", "COUNTRY", "US", "demonym"), ("Barack Obama", "PER"))
    [row] = extractor.process(doc)
    assert row["attributes"] == {"title": "président", "status": "former"}
    assert row["evidence"] == "l'ancien président américain Barack Obama"


def test_ex_prefix_marks_a_former_title(extractor: RoleExtractor) -> None:
    doc = with_mentions(parsed(
        "Paul/PROPN/nsubj>9 Roy/PROPN/flat:name>0 ,/PUNCT/punct>4 l'/DET/det>4/le "
        "ex-PDG/NOUN/appos>0 de/ADP/case>6 Vialis/PROPN/nmod>4 ,/PUNCT/punct>4 "
        "a/AUX/aux:tense>9/avoir parlé/VERB/ROOT>9/parler ./PUNCT/punct>9"),
        ("Paul Roy", "PER"), ("Vialis", "ORG", "vialis"))
    [row] = extractor.process(doc)
    assert (row["subject_text"], row["object_id"]) == ("Paul Roy", "org:vialis")
    assert row["attributes"] == {"title": "président-directeur général", "status": "former"}


def test_next_title_is_future(extractor: RoleExtractor) -> None:
    doc = with_mentions(parsed(
        "Paul/PROPN/nsubj>2 Roy/PROPN/flat:name>0 deviendra/VERB/ROOT>2/devenir "
        "le/DET/det>5 prochain/ADJ/amod>5 président/NOUN/obj>2 de/ADP/case>7 "
        "Vialis/PROPN/nmod>5 ./PUNCT/punct>2"),
        ("Paul Roy", "PER"), ("Vialis", "ORG", "vialis"))
    [row] = extractor.process(doc)
    assert (row["subject_text"], row["object_id"], row["rule"]) == (
        "Paul Roy", "org:vialis", "roles.copula")
    assert row["attributes"] == {"title": "président", "status": "future"}


def test_role_row_shape_and_component_appends(extractor: RoleExtractor) -> None:
    doc = with_mentions(parsed(ROLE_CASES[0][1]), *ROLE_CASES[0][2])
    extractor(doc)
    extractor(doc)  # idempotent: exact duplicates are skipped
    [row] = doc._.relations
    assert row["evidence"] == "le président kirghize Sadyr Japarov"
    assert row["rule"] == "roles.title_name"
    assert row["object_text"] == "kirghize"


def test_nationality_object_is_the_country_named_in_the_story(
        extractor: RoleExtractor) -> None:
    doc = with_mentions(parsed(
        "Le/DET/det>1 président/NOUN/nsubj>5 tchèque/ADJ/amod>1/tchèque Karel/PROPN/appos>1 "
        "Dvorak/PROPN/flat:name>3 visite/VERB/ROOT>5/visiter la/DET/det>7/le "
        "Tchéquie/PROPN/obj>5 ./PUNCT/punct>5"),
        ("tchèque", "COUNTRY", "CZ", "demonym"), ("Karel Dvorak", "PER"),
        ("Tchéquie", "COUNTRY", "CZ"))
    [row] = extractor.process(doc)
    assert (row["object_id"], row["object_text"]) == ("country:CZ", "Tchéquie")
    assert row["evidence"] == "Le président tchèque Karel Dvorak"


def test_bad_title_file_names_file_and_line(tmp_path: Any) -> None:
    bad = tmp_path / "titres.csv"
    bad.write_text("form,gender,title\nprésident,x,président\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"titres.csv:2"):
        load_titles(str(bad))


# -- end-to-end: the real model ------------------------------------------------------------

@pytest.mark.model
def test_sample_required_role_matches_gold(model_nlp: Language) -> None:
    doc = model_nlp(SAMPLE_TEXT)
    roles = [r for r in doc._.relations if r["predicate"] == "role"]
    for gold in gold_relations("role"):
        assert any(r["subject_text"] == gold["subject"] and r["object_id"] == f"country:"
                   f"{gold['object']}" and r["attributes"]["title"] == gold["role"]
                   and overlaps(r, gold["evidence"]) for r in roles), roles


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("Le secrétaire général de l'ONU, António Guterres, s'est dit inquiet.",
     {("António Guterres", "secrétaire général")}),
    ("Emmanuel Macron a reçu mardi le chancelier allemand Olaf Scholz à l'Élysée.",
     {("Olaf Scholz", "chancelier")}),
    ("Sergueï Lavrov, ministre russe des Affaires étrangères, a rencontré son homologue.",
     {("Sergueï Lavrov", "ministre des Affaires étrangères")}),
    ("Le président a reçu hier le ministre des Affaires étrangères.", set()),
])
def test_roles_end_to_end(model_nlp: Language, text: str, expected: set[tuple[str, str]]) -> None:
    doc = model_nlp(text)
    assert {(r["subject_text"], r["attributes"]["title"]) for r in doc._.relations
            if r["predicate"] == "role"} == expected


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("Carlos Tavares dirige le groupe Renault.",
     {("Carlos Tavares", "Renault", "roles.verb")}),
    ("Jean Castex, qui préside la SNCF, a parlé.",
     {("Jean Castex", "SNCF", "roles.verb")}),
    ("Léa Simon travaille pour Air France depuis 2010.",
     {("Léa Simon", "Air France", "roles.verb")}),
    ("Léa Simon, en tant que directrice de Greenpeace, a signé.",
     {("Léa Simon", "Greenpeace", "roles.post")}),
    ("Carlos Tavares ne dirige plus Renault.", set()),
])
def test_clause_roles_end_to_end(model_nlp: Language, text: str,
                                 expected: set[tuple[str, str, str]]) -> None:
    doc = model_nlp(text)
    assert {(r["subject_text"], r["object_text"], r["rule"]) for r in doc._.relations
            if r["predicate"] == "role"} == expected


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    # a body the model takes for a person, after a chief's title
    ("Jean Tardieu, le PDG de Vialis, a démenti.", {("Jean Tardieu", "Vialis")}),
    # a body of several words after a title: the name after the comma is the person
    ("Le président du Real Madrid, Florentino Pérez, a démenti.",
     {("Florentino Pérez", "Real Madrid")}),
    # a body's name followed by its head's name, no comma between
    ("Le président du groupe Vialis Media Jean Tardieu a démenti.",
     {("Jean Tardieu", "Vialis Media")}),
    ("Paul Verrier était président et directeur général de la société Torvane Industries.",
     {("Paul Verrier", "Torvane Industries")}),
    ("Claire Vasseur a pris la tête de la Fédération française de cyclisme en 2021.",
     {("Claire Vasseur", "Fédération française de cyclisme")}),
    ("Vialis, dirigé par Jean Tardieu, a démenti.", {("Jean Tardieu", "Vialis")}),
    ("La présidente de Lumex, Léa Simon, a parlé à Lyon.", {("Léa Simon", "Lumex")}),
    ("Paul Roy, qui dirige depuis 2019 la société Orvane, a parlé.", {("Paul Roy", "Orvane")}),
])
def test_entity_layer_feeds_roles_end_to_end(model_nlp: Language, text: str,
                                             expected: set[tuple[str, str]]) -> None:
    doc = model_nlp(text)
    assert {(r["subject_text"], r["object_text"]) for r in doc._.relations
            if r["predicate"] == "role"} == expected
