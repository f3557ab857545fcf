"""Reported speech (pipeline/relations/quotes/indirect.py): ``que`` clauses, postposed
attributions and incises, ``selon``/``d'après``/``pour``; and what is no quote."""

from __future__ import annotations

import pytest

from tests.relations.quote_parses import Case, Q, check_rows, observed, run

CASES: list[Case] = [
    Case("indirect_que", "Marie Curie a déclaré que la France soutiendra le projet.", """
        0  Marie        Marie        PROPN nsubj      3
        1  Curie        Curie        PROPN flat:name  0
        2  a            avoir        AUX   aux:tense  3
        3  déclaré      déclarer     VERB  ROOT       3
        4  que          que          SCONJ mark       7
        5  la           le           DET   det        6
        6  France       France       PROPN nsubj      7
        7  soutiendra   soutenir     VERB  ccomp      3
        8  le           le           DET   det        9
        9  projet       projet       NOUN  obj        7
        10 .            .            PUNCT punct      3
        """, [(0, 2, "PER", "per:marie-curie"), (6, 7, "COUNTRY", "country:FR")],
         [Q("indirect", "la France soutiendra le projet", "Marie Curie", "per:marie-curie",
            "explicit", "a déclaré", "déclarer", "quotes.indirect_que")]),
    Case("indirect_postposed", "La France soutiendra le projet, a indiqué Marie Curie.", """
        0  La           le           DET   det        1
        1  France       France       PROPN nsubj      2
        2  soutiendra   soutenir     VERB  ROOT       2
        3  le           le           DET   det        4
        4  projet       projet       NOUN  obj        2
        5  ,            ,            PUNCT punct      7
        6  a            avoir        AUX   aux:tense  7
        7  indiqué      indiquer     VERB  parataxis  2
        8  Marie        Marie        PROPN nsubj      7
        9  Curie        Curie        PROPN flat:name  8
        10 .            .            PUNCT punct      2
        """, [(1, 2, "COUNTRY", "country:FR"), (8, 10, "PER", "per:marie-curie")],
         [Q("indirect", "La France soutiendra le projet", "Marie Curie", "per:marie-curie",
            "explicit", "a indiqué", "indiquer", "quotes.indirect_postposed")]),
    Case("indirect_postposed_present", "La crise va durer, estime Marie Curie.", """
        0  La           le           DET   det        1
        1  crise        crise        NOUN  nsubj      3
        2  va           aller        AUX   aux:tense  3
        3  durer        durer        VERB  ROOT       3
        4  ,            ,            PUNCT punct      5
        5  estime       estimer      VERB  parataxis  3
        6  Marie        Marie        PROPN nsubj      5
        7  Curie        Curie        PROPN flat:name  6
        8  .            .            PUNCT punct      3
        """, [(6, 8, "PER", "per:marie-curie")],
         [Q("indirect", "La crise va durer", "Marie Curie", "per:marie-curie", "explicit",
            "estime", "estimer", "quotes.indirect_postposed")]),
    Case("indirect_selon", "Selon Marie Curie, la France soutiendra le projet.", """
        0  Selon        selon        ADP   case       1
        1  Marie        Marie        PROPN obl:mod    6
        2  Curie        Curie        PROPN flat:name  1
        3  ,            ,            PUNCT punct      1
        4  la           le           DET   det        5
        5  France       France       PROPN nsubj      6
        6  soutiendra   soutenir     VERB  ROOT       6
        7  le           le           DET   det        8
        8  projet       projet       NOUN  obj        6
        9  .            .            PUNCT punct      6
        """,
         [(1, 3, "PER", "per:marie-curie"), (5, 6, "COUNTRY", "country:FR")],
         [Q("indirect", "la France soutiendra le projet", "Marie Curie", "per:marie-curie",
            "explicit", "Selon", "selon", "quotes.indirect_selon")]),
    Case("indirect_d_apres_organisation", "D'après l'Unesco, la France soutiendra le projet.", """
        0  D'           de           ADP   case       3
        1  après        après        ADP   fixed      0
        2  l'           le           DET   det        3
        3  Unesco       Unesco       PROPN obl:mod    7
        4  ,            ,            PUNCT punct      3
        5  la           le           DET   det        6
        6  France       France       PROPN nsubj      7
        7  soutiendra   soutenir     VERB  ROOT       7
        8  le           le           DET   det        9
        9  projet       projet       NOUN  obj        7
        10 .            .            PUNCT punct      7
        """,
         [(3, 4, "ORG", "org:unesco"), (6, 7, "COUNTRY", "country:FR")],
         [Q("indirect", "la France soutiendra le projet", "Unesco", "org:unesco", "explicit",
            "D'après", "d'après", "quotes.indirect_selon")]),
    Case("indirect_pour_person", "Pour Marie Curie, la France doit agir.", """
        0  Pour         pour         ADP   case       1
        1  Marie        Marie        PROPN obl:mod    6
        2  Curie        Curie        PROPN flat:name  1
        3  ,            ,            PUNCT punct      1
        4  la           le           DET   det        5
        5  France       France       PROPN nsubj      6
        6  doit         devoir       VERB  ROOT       6
        7  agir         agir         VERB  xcomp      6
        8  .            .            PUNCT punct      6
        """,
         [(1, 3, "PER", "per:marie-curie"), (5, 6, "COUNTRY", "country:FR")],
         [Q("indirect", "la France doit agir", "Marie Curie", "per:marie-curie", "explicit",
            "Pour", "pour", "quotes.indirect_selon")]),
    Case("pour_a_country_is_no_quote", "Pour la France, c'est un succès.", """
        0  Pour         pour         ADP   case       2
        1  la           le           DET   det        2
        2  France       France       PROPN obl:mod    7
        3  ,            ,            PUNCT punct      2
        4  c'           ce           PRON  nsubj      7
        5  est          être         AUX   cop        7
        6  un           un           DET   det        7
        7  succès       succès       NOUN  ROOT       7
        8  .            .            PUNCT punct      7
        """,
         [(2, 3, "COUNTRY", "country:FR")], []),
    Case("selon_statistics_is_no_quote", "Selon les statistiques, le chômage a baissé.", """
        0  Selon        selon        ADP   case       2
        1  les          le           DET   det        2
        2  statistiques statistique  NOUN  obl:mod    7
        3  ,            ,            PUNCT punct      2
        4  le           le           DET   det        5
        5  chômage      chômage      NOUN  nsubj      7
        6  a            avoir        AUX   aux:tense  7
        7  baissé       baisser      VERB  ROOT       7
        8  .            .            PUNCT punct      7
        """, [], []),
    Case("report_subject_is_no_speaker", "Le rapport indique que le chômage a baissé.", """
        0  Le           le           DET   det        1
        1  rapport      rapport      NOUN  nsubj      2
        2  indique      indiquer     VERB  ROOT       2
        3  que          que          SCONJ mark       7
        4  le           le           DET   det        5
        5  chômage      chômage      NOUN  nsubj      7
        6  a            avoir        AUX   aux:tense  7
        7  baissé       baisser      VERB  ccomp      2
        8  .            .            PUNCT punct      2
        """, [], []),
    Case("indirect_incise_after_connective",
         "M. Japarov est arrivé. En outre, a-t-il assuré, le pays compte développer le dialogue.",
         """
        0  M.           m.           NOUN  nsubj      3
        1  Japarov      Japarov      PROPN flat:name  0
        2  est          être         AUX   aux:tense  3
        3  arrivé       arriver      VERB  ROOT       3
        4  .            .            PUNCT punct      3
        5  En           en           ADP   advmod     15 S
        6  outre        outre        ADV   fixed      5
        7  ,            ,            PUNCT punct      5
        8  a            avoir        AUX   aux:tense  11
        9  -t           -t           PRON  dep        11
        10 -il          il           PRON  nsubj      11
        11 assuré       assurer      VERB  parataxis  15
        12 ,            ,            PUNCT punct      11
        13 le           le           DET   det        14
        14 pays         pays         NOUN  nsubj      15
        15 compte       compter      VERB  ROOT       15
        16 développer   développer   VERB  xcomp      15
        17 le           le           DET   det        18
        18 dialogue     dialogue     NOUN  obj        16
        19 .            .            PUNCT punct      15
        """,
         [(0, 2, "PER", "per:sadyr-japarov")],
         [Q("indirect", "le pays compte développer le dialogue", "il", "per:sadyr-japarov",
            "coreference", "a-t-il assuré", "assurer", "quotes.indirect_incise")]),
    Case("impersonal_passive_is_no_quote",
         "M. Dupont est arrivé. Il a été annoncé que le sommet aurait lieu.", """
        0  M.           m.           NOUN  nsubj      3
        1  Dupont       Dupont       PROPN flat:name  0
        2  est          être         AUX   aux:tense  3
        3  arrivé       arriver      VERB  ROOT       3
        4  .            .            PUNCT punct      3
        5  Il           il           PRON  expl:subj  8  S
        6  a            avoir        AUX   aux:tense  8
        7  été          être         AUX   aux:pass   8
        8  annoncé      annoncer     VERB  ROOT       8
        9  que          que          SCONJ mark       12
        10 le           le           DET   det        11
        11 sommet       sommet       NOUN  nsubj      12
        12 aurait       avoir        VERB  ccomp      8
        13 lieu         lieu         NOUN  obj        12
        14 .            .            PUNCT punct      8
        """, [(0, 2, "PER", "per:jean-dupont")], []),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_rule_case(case: Case) -> None:
    _, quotes, _ = run(case)
    assert [observed(q) for q in quotes] == case.expect


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_rows_have_the_table_columns_and_coherent_offsets(case: Case) -> None:
    check_rows(case)
