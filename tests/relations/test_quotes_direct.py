"""Direct quotes (pipeline/relations/quotes/direct.py): quotation marks and their
attribution, postposed, incise, preposed, embedded, or none."""

from __future__ import annotations

import pytest

from tests.relations.quote_parses import POSTPOSED_NAME, Case, Q, check_rows, observed, run

CASES: list[Case] = [
    POSTPOSED_NAME,
    Case("direct_postposed_clitic_pronoun",
         "M. Dupont est arrivé. « Nous partirons demain », a-t-il ajouté.", """
        0  M.           m.           NOUN  nsubj      3
        1  Dupont       Dupont       PROPN flat:name  0
        2  est          être         AUX   aux:tense  3
        3  arrivé       arriver      VERB  ROOT       3
        4  .            .            PUNCT punct      3
        5  «            «            PUNCT punct      7  S
        6  Nous         nous         PRON  nsubj      7
        7  partirons    partir       VERB  ROOT       7
        8  demain       demain       ADV   advmod     7
        9  »            »            PUNCT punct      7
        10 ,            ,            PUNCT punct      14
        11 a            avoir        AUX   aux:tense  14
        12 -t           -t           PRON  dep        14
        13 -il          il           PRON  nsubj      14
        14 ajouté       ajouter      VERB  parataxis  7
        15 .            .            PUNCT punct      7
        """, [(0, 2, "PER", "per:jean-dupont")],
         [Q("direct", "« Nous partirons demain »", "il", "per:jean-dupont", "coreference",
            "a-t-il ajouté", "ajouter", "quotes.direct_postposed")]),
    Case("direct_postposed_description",
         "Le ministre Jean Dupont est à Lyon. « La paix est possible », estime le ministre.", """
        0  Le           le           DET   det        1
        1  ministre     ministre     NOUN  nsubj      6
        2  Jean         Jean         PROPN appos      1
        3  Dupont       Dupont       PROPN flat:name  2
        4  est          être         AUX   cop        6
        5  à            à            ADP   case       6
        6  Lyon         Lyon         PROPN ROOT       6
        7  .            .            PUNCT punct      6
        8  «            «            PUNCT punct      12 S
        9  La           le           DET   det        10
        10 paix         paix         NOUN  nsubj      12
        11 est          être         AUX   cop        12
        12 possible     possible     ADJ   ROOT       12
        13 »            »            PUNCT punct      12
        14 ,            ,            PUNCT punct      15
        15 estime       estimer      VERB  parataxis  12
        16 le           le           DET   det        17
        17 ministre     ministre     NOUN  nsubj      15
        18 .            .            PUNCT punct      12
        """, [(2, 4, "PER", "per:jean-dupont"), (6, 7, "LOC", "loc:lyon")],
         [Q("direct", "« La paix est possible »", "le ministre", "per:jean-dupont",
            "coreference", "estime", "estimer", "quotes.direct_postposed")]),
    Case("direct_postposed_selon", "« La paix est possible », selon M. Dupont.", """
        0  «            «            PUNCT punct      4
        1  La           le           DET   det        2
        2  paix         paix         NOUN  nsubj      4
        3  est          être         AUX   cop        4
        4  possible     possible     ADJ   ROOT       4
        5  »            »            PUNCT punct      4
        6  ,            ,            PUNCT punct      8
        7  selon        selon        ADP   case       8
        8  M.           m.           NOUN  obl:mod    4
        9  Dupont       Dupont       PROPN flat:name  8
        10 .            .            PUNCT punct      4
        """, [(8, 10, "PER", "per:jean-dupont")],
         [Q("direct", "« La paix est possible »", "M. Dupont", "per:jean-dupont", "explicit",
            "selon", "selon", "quotes.direct_postposed")]),
    Case("direct_preposed_colon", "M. Dupont a déclaré : « Nous partirons demain. »", """
        0  M.           m.           NOUN  nsubj      3
        1  Dupont       Dupont       PROPN flat:name  0
        2  a            avoir        AUX   aux:tense  3
        3  déclaré      déclarer     VERB  ROOT       3
        4  :            :            PUNCT punct      7
        5  «            «            PUNCT punct      7
        6  Nous         nous         PRON  nsubj      7
        7  partirons    partir       VERB  parataxis  3
        8  demain       demain       ADV   advmod     7
        9  .            .            PUNCT punct      7
        10 »            »            PUNCT punct      7
        """, [(0, 2, "PER", "per:jean-dupont")],
         [Q("direct", "« Nous partirons demain. »", "M. Dupont", "per:jean-dupont", "explicit",
            "a déclaré", "déclarer", "quotes.direct_preposed")]),
    Case("direct_preposed_que_unresolved_description",
         "Le ministre a affirmé que « la guerre est finie ».", """
        0  Le           le           DET   det        1
        1  ministre     ministre     NOUN  nsubj      3
        2  a            avoir        AUX   aux:tense  3
        3  affirmé      affirmer     VERB  ROOT       3
        4  que          que          SCONJ mark       9
        5  «            «            PUNCT punct      9
        6  la           le           DET   det        7
        7  guerre       guerre       NOUN  nsubj      9
        8  est          être         AUX   cop        9
        9  finie        fini         ADJ   ccomp      3
        10 »            »            PUNCT punct      9
        11 .            .            PUNCT punct      3
        """, [],
         [Q("direct", "« la guerre est finie »", None, None, None, "a affirmé", "affirmer",
            "quotes.direct_preposed")]),
    Case("direct_without_speaker", "« Nous ne céderons pas. »", """
        0  «            «            PUNCT punct      3
        1  Nous         nous         PRON  nsubj      3
        2  ne           ne           ADV   advmod     3
        3  céderons     céder        VERB  ROOT       3
        4  pas          pas          ADV   advmod     3
        5  .            .            PUNCT punct      3
        6  »            »            PUNCT punct      3
        """, [],
         [Q("direct", "« Nous ne céderons pas. »", None, None, None, None, None,
            "quotes.direct")]),
    Case("scare_quotes_are_not_quotes", "Des « terroristes » ont attaqué la ville.", """
        0  Des          un           DET   det        2
        1  «            «            PUNCT punct      2
        2  terroristes  terroriste   NOUN  nsubj      5
        3  »            »            PUNCT punct      2
        4  ont          avoir        AUX   aux:tense  5
        5  attaqué      attaquer     VERB  ROOT       5
        6  la           le           DET   det        7
        7  ville        ville        NOUN  obj        5
        8  .            .            PUNCT punct      5
        """, [], []),
    Case("direct_multi_sentence",
         "« Nous partirons. Nous reviendrons », a déclaré Marie Curie.", """
        0  «            «            PUNCT punct      2
        1  Nous         nous         PRON  nsubj      2
        2  partirons    partir       VERB  ROOT       2
        3  .            .            PUNCT punct      2
        4  Nous         nous         PRON  nsubj      5  S
        5  reviendrons  revenir      VERB  ROOT       5
        6  »            »            PUNCT punct      5
        7  ,            ,            PUNCT punct      9
        8  a            avoir        AUX   aux:tense  9
        9  déclaré      déclarer     VERB  parataxis  5
        10 Marie        Marie        PROPN nsubj      9
        11 Curie        Curie        PROPN flat:name  10
        12 .            .            PUNCT punct      5
        """, [(10, 12, "PER", "per:marie-curie")],
         [Q("direct", "« Nous partirons. Nous reviendrons »", "Marie Curie", "per:marie-curie",
            "explicit", "a déclaré", "déclarer", "quotes.direct_postposed")]),
    Case("direct_nested_quote", "« Il a dit “non” hier », a affirmé Marie Curie.", """
        0  «            «            PUNCT punct      3
        1  Il           il           PRON  nsubj      3
        2  a            avoir        AUX   aux:tense  3
        3  dit          dire         VERB  ROOT       3
        4  “            “            PUNCT punct      5
        5  non          non          INTJ  obj        3
        6  ”            ”            PUNCT punct      5
        7  hier         hier         ADV   advmod     3
        8  »            »            PUNCT punct      3
        9  ,            ,            PUNCT punct      11
        10 a            avoir        AUX   aux:tense  11
        11 affirmé      affirmer     VERB  parataxis  3
        12 Marie        Marie        PROPN nsubj      11
        13 Curie        Curie        PROPN flat:name  12
        14 .            .            PUNCT punct      3
        """, [(12, 14, "PER", "per:marie-curie")],
         [Q("direct", "« Il a dit “non” hier »", "Marie Curie", "per:marie-curie", "explicit",
            "a affirmé", "affirmer", "quotes.direct_postposed")]),
    Case("direct_english_marks", "“Nous partirons demain”, a déclaré Marie Curie.", """
        0  “            “            PUNCT punct      2
        1  Nous         nous         PRON  nsubj      2
        2  partirons    partir       VERB  ROOT       2
        3  demain       demain       ADV   advmod     2
        4  ”            ”            PUNCT punct      2
        5  ,            ,            PUNCT punct      7
        6  a            avoir        AUX   aux:tense  7
        7  déclaré      déclarer     VERB  parataxis  2
        8  Marie        Marie        PROPN nsubj      7
        9  Curie        Curie        PROPN flat:name  8
        10 .            .            PUNCT punct      2
        """, [(8, 10, "PER", "per:marie-curie")],
         [Q("direct", "“Nous partirons demain”", "Marie Curie", "per:marie-curie", "explicit",
            "a déclaré", "déclarer", "quotes.direct_postposed")]),
    Case("direct_incise_feminine_pronoun",
         "Mme Curie est à Lyon. « La paix, a-t-elle dit, est possible. »", """
        0  Mme          Mme          NOUN  nsubj      4
        1  Curie        Curie        PROPN flat:name  0
        2  est          être         AUX   cop        4
        3  à            à            ADP   case       4
        4  Lyon         Lyon         PROPN ROOT       4
        5  .            .            PUNCT punct      4
        6  «            «            PUNCT punct      16 S
        7  La           le           DET   det        8
        8  paix         paix         NOUN  nsubj      16
        9  ,            ,            PUNCT punct      13
        10 a            avoir        AUX   aux:tense  13
        11 -t           -t           PRON  dep        13
        12 -elle        elle         PRON  nsubj      13
        13 dit          dire         VERB  parataxis  16
        14 ,            ,            PUNCT punct      13
        15 est          être         AUX   cop        16
        16 possible     possible     ADJ   ROOT       16
        17 .            .            PUNCT punct      16
        18 »            »            PUNCT punct      16
        """, [(0, 2, "PER", "per:marie-curie"), (4, 5, "LOC", "loc:lyon")],
         [Q("direct", "« La paix, a-t-elle dit, est possible. »", "elle", "per:marie-curie",
            "coreference", "a-t-elle dit", "dire", "quotes.direct_incise")]),
    Case("qualifier_de_short_quote", "Il a qualifié les discussions de « constructives ».", """
        0  Il           il           PRON  nsubj      2
        1  a            avoir        AUX   aux:tense  2
        2  qualifié     qualifier    VERB  ROOT       2
        3  les          le           DET   det        4
        4  discussions  discussion   NOUN  obj        2
        5  de           de           ADP   case       7
        6  «            «            PUNCT punct      7
        7  constructives constructif ADJ   obl:arg    2
        8  »            »            PUNCT punct      7
        9  .            .            PUNCT punct      2
        """, [],
         [Q("direct", "« constructives »", None, None, None, "a qualifié", "qualifier",
            "quotes.direct_embedded")]),
    Case("parler_de_short_quote", "Mme Curie a parlé d'un « saut quantique ».", """
        0  Mme          Mme          NOUN  nsubj      3
        1  Curie        Curie        PROPN flat:name  0
        2  a            avoir        AUX   aux:tense  3
        3  parlé        parler       VERB  ROOT       3
        4  d'           de           ADP   case       7
        5  un           un           DET   det        7
        6  «            «            PUNCT punct      7
        7  saut         saut         NOUN  obl:arg    3
        8  quantique    quantique    ADJ   amod       7
        9  »            »            PUNCT punct      7
        10 .            .            PUNCT punct      3
        """, [(0, 2, "PER", "per:marie-curie")],
         [Q("direct", "« saut quantique »", "Mme Curie", "per:marie-curie", "explicit",
            "a parlé", "parler", "quotes.direct_embedded")]),
    Case("short_quote_under_a_speakerless_verb_is_no_quote",
         "Le rapport qualifie la situation de « grave ».", """
        0  Le           le           DET   det        1
        1  rapport      rapport      NOUN  nsubj      2
        2  qualifie     qualifier    VERB  ROOT       2
        3  la           le           DET   det        4
        4  situation    situation    NOUN  obj        2
        5  de           de           ADP   case       7
        6  «            «            PUNCT punct      7
        7  grave        grave        ADJ   obl:arg    2
        8  »            »            PUNCT punct      7
        9  .            .            PUNCT punct      2
        """, [], []),
    Case("scare_quotes_after_a_non_reporting_verb_stay_absent",
         "M. Dupont a rencontré des « amis ».", """
        0  M.           m.           NOUN  nsubj      3
        1  Dupont       Dupont       PROPN flat:name  0
        2  a            avoir        AUX   aux:tense  3
        3  rencontré    rencontrer   VERB  ROOT       3
        4  des          un           DET   det        6
        5  «            «            PUNCT punct      6
        6  amis         ami          NOUN  obj        3
        7  »            »            PUNCT punct      6
        8  .            .            PUNCT punct      3
        """, [(0, 2, "PER", "per:jean-dupont")], []),
    Case("short_embedded_quote_after_name_and_apposition",
         "Marine Le Pen, présidente du groupe RN, a jugé le texte « insuffisant ».", """
        0  Marine       marine       NOUN  advcl      10
        1  Le           le           DET   det        2
        2  Pen          Pen          PROPN dep        0
        3  ,            ,            PUNCT punct      4
        4  présidente   président    NOUN  conj       0
        5  du           de           ADP   case       6
        6  groupe       groupe       NOUN  nmod       4
        7  RN           RN           PROPN nmod       6
        8  ,            ,            PUNCT punct      10
        9  a            avoir        AUX   aux:tense  10
        10 jugé         juger        VERB  ROOT       11
        11 le           le           DET   det        12
        12 texte        texte        NOUN  obj        10
        13 «            «            PUNCT punct      14
        14 insuffisant  insuffisant  ADJ   acl        12
        15 »            »            PUNCT punct      10
        16 .            .            PUNCT punct      10
        """, [(0, 3, "PER", "per:marine-le-pen"), (7, 8, "ORG", "org:RN")],
         [Q("direct", "« insuffisant »", "Marine Le Pen", "per:marine-le-pen", "explicit",
            "a jugé", "juger", "quotes.direct_embedded")]),
    Case("embedded_quote_without_speaker_person_keeps_the_direct_row",
         "Le ministre a affirmé que la guerre « durera encore des mois ».", """
        0  Le           le           DET   det        1
        1  ministre     ministre     NOUN  nsubj      3
        2  a            avoir        AUX   aux:tense  3
        3  affirmé      affirmer     VERB  ROOT       3
        4  que          que          SCONJ mark       8
        5  la           le           DET   det        6
        6  guerre       guerre       NOUN  nsubj      8
        7  «            «            PUNCT punct      8
        8  durera       durer        VERB  ccomp      3
        9  encore       encore       ADV   advmod     8
        10 des          de           ADP   case       11
        11 mois         mois         NOUN  obj        8
        12 »            »            PUNCT punct      8
        13 .            .            PUNCT punct      3
        """, [],
         [Q("indirect", "la guerre « durera encore des mois »", None, None, None, "a affirmé",
            "affirmer", "quotes.indirect_que")]),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_rule_case(case: Case) -> None:
    _, quotes, _ = run(case)
    assert [observed(q) for q in quotes] == case.expect


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_rows_have_the_table_columns_and_coherent_offsets(case: Case) -> None:
    check_rows(case)
