"""Coreference (pipeline/relations/quotes/coreference.py): the person a pronoun or a role
description refers to, or nobody when two fit."""

from __future__ import annotations

import pytest

from tests.relations.quote_parses import Case, Q, check_rows, observed, run

CASES: list[Case] = [
    Case("pronoun_with_two_candidates_stays_unresolved",
         "Jean Dupont a rencontré Paul Martin. Il a déclaré que la paix était proche.", """
        0  Jean         Jean         PROPN nsubj      3
        1  Dupont       Dupont       PROPN flat:name  0
        2  a            avoir        AUX   aux:tense  3
        3  rencontré    rencontrer   VERB  ROOT       3
        4  Paul         Paul         PROPN obj        3
        5  Martin       Martin       PROPN flat:name  4
        6  .            .            PUNCT punct      3
        7  Il           il           PRON  nsubj      9  S
        8  a            avoir        AUX   aux:tense  9
        9  déclaré      déclarer     VERB  ROOT       9
        10 que          que          SCONJ mark       14
        11 la           le           DET   det        12
        12 paix         paix         NOUN  nsubj      14
        13 était        être         AUX   cop        14
        14 proche       proche       ADJ   ccomp      9
        15 .            .            PUNCT punct      9
        """, [(0, 2, "PER", "per:jean-dupont"), (4, 6, "PER", "per:paul-martin")],
         [Q("indirect", "la paix était proche", None, None, None, "a déclaré", "déclarer",
            "quotes.indirect_que")]),
    Case("pronoun_gender_picks_the_woman",
         "Mme Curie a rencontré M. Martin. Elle a estimé que la paix était proche.", """
        0  Mme          Mme          NOUN  nsubj      3
        1  Curie        Curie        PROPN flat:name  0
        2  a            avoir        AUX   aux:tense  3
        3  rencontré    rencontrer   VERB  ROOT       3
        4  M.           m.           NOUN  obj        3
        5  Martin       Martin       PROPN flat:name  4
        6  .            .            PUNCT punct      3
        7  Elle         elle         PRON  nsubj      9  S
        8  a            avoir        AUX   aux:tense  9
        9  estimé       estimer      VERB  ROOT       9
        10 que          que          SCONJ mark       14
        11 la           le           DET   det        12
        12 paix         paix         NOUN  nsubj      14
        13 était        être         AUX   cop        14
        14 proche       proche       ADJ   ccomp      9
        15 .            .            PUNCT punct      9
        """, [(0, 2, "PER", "per:marie-curie"), (4, 6, "PER", "per:paul-martin")],
         [Q("indirect", "la paix était proche", "Elle", "per:marie-curie", "coreference",
            "a estimé", "estimer", "quotes.indirect_que")]),
    Case("story_selon_postposed_and_description",
         "Selon le président kirghize Sadyr Japarov, le pays agira. Le Kirghizistan organisera "
         "une conférence, a déclaré M. Japarov. Le dirigeant kirghize a souligné que la "
         "République souhaite agir.", """
        0  Selon        selon        ADP   case       2
        1  le           le           DET   det        2
        2  président    président    NOUN  obl:mod    9
        3  kirghize     kirghize     ADJ   amod       2
        4  Sadyr        Sadyr        PROPN appos      2
        5  Japarov      Japarov      PROPN flat:name  4
        6  ,            ,            PUNCT punct      2
        7  le           le           DET   det        8
        8  pays         pays         NOUN  nsubj      9
        9  agira        agir         VERB  ROOT       9
        10 .            .            PUNCT punct      9
        11 Le           le           DET   det        12 S
        12 Kirghizistan Kirghizistan PROPN nsubj      13
        13 organisera   organiser    VERB  ROOT       13
        14 une          un           DET   det        15
        15 conférence   conférence   NOUN  obj        13
        16 ,            ,            PUNCT punct      18
        17 a            avoir        AUX   aux:tense  18
        18 déclaré      déclarer     VERB  parataxis  13
        19 M.           m.           NOUN  nsubj      18
        20 Japarov      Japarov      PROPN flat:name  19
        21 .            .            PUNCT punct      13
        22 Le           le           DET   det        23 S
        23 dirigeant    dirigeant    NOUN  nsubj      26
        24 kirghize     kirghize     ADJ   amod       23
        25 a            avoir        AUX   aux:tense  26
        26 souligné     souligner    VERB  ROOT       26
        27 que          que          SCONJ mark       30
        28 la           le           DET   det        29
        29 République   république   NOUN  nsubj      30
        30 souhaite     souhaiter    VERB  ccomp      26
        31 agir         agir         VERB  xcomp      30
        32 .            .            PUNCT punct      26
        """, [(4, 6, "PER", "per:sadyr-japarov"), (12, 13, "COUNTRY", "country:KG"),
              (19, 21, "PER", "per:sadyr-japarov")],
         [Q("indirect", "le pays agira", "Sadyr Japarov", "per:sadyr-japarov", "explicit",
            "Selon", "selon", "quotes.indirect_selon"),
          Q("indirect", "Le Kirghizistan organisera une conférence", "M. Japarov",
            "per:sadyr-japarov", "explicit", "a déclaré", "déclarer",
            "quotes.indirect_postposed"),
          Q("indirect", "la République souhaite agir", "Le dirigeant kirghize",
            "per:sadyr-japarov", "coreference", "a souligné", "souligner",
            "quotes.indirect_que")]),
    Case("description_role_picks_the_minister",
         "Le président Jean Dupont a reçu le ministre Paul Martin. Le ministre a déclaré que "
         "l'accord était proche.", """
        0  Le           le           DET   det        1
        1  président    président    NOUN  nsubj      5
        2  Jean         Jean         PROPN appos      1
        3  Dupont       Dupont       PROPN flat:name  2
        4  a            avoir        AUX   aux:tense  5
        5  reçu         recevoir     VERB  ROOT       5
        6  le           le           DET   det        7
        7  ministre     ministre     NOUN  obj        5
        8  Paul         Paul         PROPN appos      7
        9  Martin       Martin       PROPN flat:name  8
        10 .            .            PUNCT punct      5
        11 Le           le           DET   det        12 S
        12 ministre     ministre     NOUN  nsubj      14
        13 a            avoir        AUX   aux:tense  14
        14 déclaré      déclarer     VERB  ROOT       14
        15 que          que          SCONJ mark       19
        16 l'           le           DET   det        17
        17 accord       accord       NOUN  nsubj      19
        18 était        être         AUX   cop        19
        19 proche       proche       ADJ   ccomp      14
        20 .            .            PUNCT punct      14
        """, [(2, 4, "PER", "per:jean-dupont"), (8, 10, "PER", "per:paul-martin")],
         [Q("indirect", "l'accord était proche", "Le ministre", "per:paul-martin",
            "coreference", "a déclaré", "déclarer", "quotes.indirect_que")]),
    Case("description_fitting_two_people_stays_unresolved",
         "Le président Jean Dupont a reçu le président Paul Martin. Le président a déclaré que "
         "l'accord était proche.", """
        0  Le           le           DET   det        1
        1  président    président    NOUN  nsubj      5
        2  Jean         Jean         PROPN appos      1
        3  Dupont       Dupont       PROPN flat:name  2
        4  a            avoir        AUX   aux:tense  5
        5  reçu         recevoir     VERB  ROOT       5
        6  le           le           DET   det        7
        7  président    président    NOUN  obj        5
        8  Paul         Paul         PROPN appos      7
        9  Martin       Martin       PROPN flat:name  8
        10 .            .            PUNCT punct      5
        11 Le           le           DET   det        12 S
        12 président    président    NOUN  nsubj      14
        13 a            avoir        AUX   aux:tense  14
        14 déclaré      déclarer     VERB  ROOT       14
        15 que          que          SCONJ mark       19
        16 l'           le           DET   det        17
        17 accord       accord       NOUN  nsubj      19
        18 était        être         AUX   cop        19
        19 proche       proche       ADJ   ccomp      14
        20 .            .            PUNCT punct      14
        """, [(2, 4, "PER", "per:jean-dupont"), (8, 10, "PER", "per:paul-martin")],
         [Q("indirect", "l'accord était proche", None, None, None, "a déclaré", "déclarer",
            "quotes.indirect_que")]),
    Case("pronoun_after_sentences_without_people",
         "M. Martin est parti. M. Dupont est arrivé. L'Unesco a voté. Lyon attend. "
         "« Nous partirons demain », a-t-il ajouté.", """
        0  M.           m.           NOUN  nsubj      3
        1  Martin       Martin       PROPN flat:name  0
        2  est          être         AUX   aux:tense  3
        3  parti        partir       VERB  ROOT       3
        4  .            .            PUNCT punct      3
        5  M.           m.           NOUN  nsubj      8  S
        6  Dupont       Dupont       PROPN flat:name  5
        7  est          être         AUX   aux:tense  8
        8  arrivé       arriver      VERB  ROOT       8
        9  .            .            PUNCT punct      8
        10 L'           le           DET   det        11 S
        11 Unesco       Unesco       PROPN nsubj      13
        12 a            avoir        AUX   aux:tense  13
        13 voté         voter        VERB  ROOT       13
        14 .            .            PUNCT punct      13
        15 Lyon         Lyon         PROPN nsubj      16 S
        16 attend       attendre     VERB  ROOT       16
        17 .            .            PUNCT punct      16
        18 «            «            PUNCT punct      20 S
        19 Nous         nous         PRON  nsubj      20
        20 partirons    partir       VERB  ROOT       20
        21 demain       demain       ADV   advmod     20
        22 »            »            PUNCT punct      20
        23 ,            ,            PUNCT punct      27
        24 a            avoir        AUX   aux:tense  27
        25 -t           -t           PRON  dep        27
        26 -il          il           PRON  nsubj      27
        27 ajouté       ajouter      VERB  parataxis  20
        28 .            .            PUNCT punct      20
        """, [(0, 2, "PER", "per:paul-martin"), (5, 7, "PER", "per:jean-dupont"),
              (11, 12, "ORG", "org:unesco"), (15, 16, "LOC", "loc:lyon")],
         [Q("direct", "« Nous partirons demain »", "il", "per:jean-dupont", "coreference",
            "a-t-il ajouté", "ajouter", "quotes.direct_postposed")]),
    Case("pronoun_after_sentences_without_people_two_in_the_last_stays_unresolved",
         "M. Martin a reçu M. Dupont. L'Unesco a voté. Lyon attend. "
         "« Nous partirons demain », a-t-il ajouté.", """
        0  M.           m.           NOUN  nsubj      3
        1  Martin       Martin       PROPN flat:name  0
        2  a            avoir        AUX   aux:tense  3
        3  reçu         recevoir     VERB  ROOT       3
        4  M.           m.           NOUN  obj        3
        5  Dupont       Dupont       PROPN flat:name  4
        6  .            .            PUNCT punct      3
        7  L'           le           DET   det        8  S
        8  Unesco       Unesco       PROPN nsubj      10
        9  a            avoir        AUX   aux:tense  10
        10 voté         voter        VERB  ROOT       10
        11 .            .            PUNCT punct      10
        12 Lyon         Lyon         PROPN nsubj      13 S
        13 attend       attendre     VERB  ROOT       13
        14 .            .            PUNCT punct      13
        15 «            «            PUNCT punct      17 S
        16 Nous         nous         PRON  nsubj      17
        17 partirons    partir       VERB  ROOT       17
        18 demain       demain       ADV   advmod     17
        19 »            »            PUNCT punct      17
        20 ,            ,            PUNCT punct      24
        21 a            avoir        AUX   aux:tense  24
        22 -t           -t           PRON  dep        24
        23 -il          il           PRON  nsubj      24
        24 ajouté       ajouter      VERB  parataxis  17
        25 .            .            PUNCT punct      17
        """, [(0, 2, "PER", "per:paul-martin"), (4, 6, "PER", "per:jean-dupont"),
              (8, 9, "ORG", "org:unesco"), (12, 13, "LOC", "loc:lyon")],
         [Q("direct", "« Nous partirons demain »", None, None, None, "a-t-il ajouté", "ajouter",
            "quotes.direct_postposed")]),
    Case("nationality_noun_feminine",
         "Mme Curie a gagné. « Nous partirons demain », a confié la Kényane.", """
        0  Mme          Mme          NOUN  nsubj      3
        1  Curie        Curie        PROPN flat:name  0
        2  a            avoir        AUX   aux:tense  3
        3  gagné        gagner       VERB  ROOT       3
        4  .            .            PUNCT punct      3
        5  «            «            PUNCT punct      7  S
        6  Nous         nous         PRON  nsubj      7
        7  partirons    partir       VERB  ROOT       7
        8  demain       demain       ADV   advmod     7
        9  »            »            PUNCT punct      7
        10 ,            ,            PUNCT punct      12
        11 a            avoir        AUX   aux:tense  12
        12 confié       confier      VERB  parataxis  7
        13 la           le           DET   det        14
        14 Kényane      Kényane      PROPN nsubj      12
        15 .            .            PUNCT punct      7
        """, [(0, 2, "PER", "per:marie-curie")],
         [Q("direct", "« Nous partirons demain »", "la Kényane", "per:marie-curie",
            "coreference", "a confié", "confier", "quotes.direct_postposed")]),
    Case("nationality_noun_gender_picks_the_man",
         "M. Dupont a battu Mme Curie. « Nous partirons demain », a confié le Français.", """
        0  M.           m.           NOUN  nsubj      3
        1  Dupont       Dupont       PROPN flat:name  0
        2  a            avoir        AUX   aux:tense  3
        3  battu        battre       VERB  ROOT       3
        4  Mme          Mme          NOUN  obj        3
        5  Curie        Curie        PROPN flat:name  4
        6  .            .            PUNCT punct      3
        7  «            «            PUNCT punct      9  S
        8  Nous         nous         PRON  nsubj      9
        9  partirons    partir       VERB  ROOT       9
        10 demain       demain       ADV   advmod     9
        11 »            »            PUNCT punct      9
        12 ,            ,            PUNCT punct      14
        13 a            avoir        AUX   aux:tense  14
        14 confié       confier      VERB  parataxis  9
        15 le           le           DET   det        16
        16 Français     Français     PROPN nsubj      14
        17 .            .            PUNCT punct      9
        """, [(0, 2, "PER", "per:jean-dupont"), (4, 6, "PER", "per:marie-curie")],
         [Q("direct", "« Nous partirons demain »", "le Français", "per:jean-dupont",
            "coreference", "a confié", "confier", "quotes.direct_postposed")]),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_rule_case(case: Case) -> None:
    _, quotes, _ = run(case)
    assert [observed(q) for q in quotes] == case.expect


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_rows_have_the_table_columns_and_coherent_offsets(case: Case) -> None:
    check_rows(case)
