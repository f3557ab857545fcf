"""Speakers as written (pipeline/relations/quotes/speakers.py): the subject of the
reporting verb, a role noun with a name, an organisation."""

from __future__ import annotations

import pytest

from tests.relations.quote_parses import Case, Q, check_rows, observed, run

CASES: list[Case] = [
    Case("role_noun_with_apposed_name",
         "Le porte-parole du Kremlin, Dmitri Peskov, a déclaré que la Russie était prête.", """
        0  Le           le           DET   det        1
        1  porte-parole porte-parole NOUN  nsubj      9
        2  du           de           ADP   case       3
        3  Kremlin      Kremlin      PROPN nmod       1
        4  ,            ,            PUNCT punct      5
        5  Dmitri       Dmitri       PROPN appos      1
        6  Peskov       Peskov       PROPN flat:name  5
        7  ,            ,            PUNCT punct      5
        8  a            avoir        AUX   aux:tense  9
        9  déclaré      déclarer     VERB  ROOT       9
        10 que          que          SCONJ mark       14
        11 la           le           DET   det        12
        12 Russie       Russie       PROPN nsubj      14
        13 était        être         AUX   cop        14
        14 prête        prêt         ADJ   ccomp      9
        15 .            .            PUNCT punct      9
        """, [(3, 4, "ORG", "org:kremlin"), (5, 7, "PER", "per:dmitri-peskov"),
              (12, 13, "COUNTRY", "country:RU")],
         [Q("indirect", "la Russie était prête", "Dmitri Peskov", "per:dmitri-peskov",
            "explicit", "a déclaré", "déclarer", "quotes.indirect_que")]),
    Case("organisation_subject", "L'Unesco a annoncé que le site serait protégé.", """
        0  L'           le           DET   det        1
        1  Unesco       Unesco       PROPN nsubj      3
        2  a            avoir        AUX   aux:tense  3
        3  annoncé      annoncer     VERB  ROOT       3
        4  que          que          SCONJ mark       8
        5  le           le           DET   det        6
        6  site         site         NOUN  nsubj:pass 8
        7  serait       être         AUX   aux:pass   8
        8  protégé      protéger     VERB  ccomp      3
        9  .            .            PUNCT punct      3
        """,
         [(1, 2, "ORG", "org:unesco")],
         [Q("indirect", "le site serait protégé", "Unesco", "org:unesco", "explicit",
            "a annoncé", "annoncer", "quotes.indirect_que")]),
    # -- new-user trial: one statement, one row; obvious speakers; qualifier / parler de ------,
    Case("common_noun_then_name_subject",
         "Le sélectionneur Guillaume Gille a salué « un groupe exceptionnel ».", """
        0  Le           le           DET   det        1
        1  sélectionneur sélectionneur NOUN nsubj     5
        2  Guillaume    Guillaume    PROPN appos      1
        3  Gille        Gille        PROPN flat:name  2
        4  a            avoir        AUX   aux:tense  5
        5  salué        saluer       VERB  ROOT       5
        6  «            «            PUNCT punct      8
        7  un           un           DET   det        8
        8  groupe       groupe       NOUN  obj        5
        9  exceptionnel exceptionnel ADJ   amod       8
        10 »            »            PUNCT punct      8
        11 .            .            PUNCT punct      5
        """, [(2, 4, "PER", "per:guillaume-gille")],
         [Q("direct", "« un groupe exceptionnel »", "Guillaume Gille", "per:guillaume-gille",
            "explicit", "a salué", "saluer", "quotes.direct_preposed")]),
    Case("any_noun_then_name_subject",
         "L'acteur Jean Dupont a déclaré que le film sortirait.", """
        0  L'           le           DET   det        1
        1  acteur       acteur       NOUN  nsubj      5
        2  Jean         Jean         PROPN appos      1
        3  Dupont       Dupont       PROPN flat:name  2
        4  a            avoir        AUX   aux:tense  5
        5  déclaré      déclarer     VERB  ROOT       5
        6  que          que          SCONJ mark       9
        7  le           le           DET   det        8
        8  film         film         NOUN  nsubj      9
        9  sortirait    sortir       VERB  ccomp      5
        10 .            .            PUNCT punct      5
        """, [(2, 4, "PER", "per:jean-dupont")],
         [Q("indirect", "le film sortirait", "Jean Dupont", "per:jean-dupont", "explicit",
            "a déclaré", "déclarer", "quotes.indirect_que")]),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_rule_case(case: Case) -> None:
    _, quotes, _ = run(case)
    assert [observed(q) for q in quotes] == case.expect


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_rows_have_the_table_columns_and_coherent_offsets(case: Case) -> None:
    check_rows(case)
