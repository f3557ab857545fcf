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
    Case("inverted_role_then_comma_name",
         "Les comptes sont sains, a déclaré le PDG du groupe, Patrick Martin.", """
        0  Les          le           DET   det        1
        1  comptes      compte       NOUN  nsubj      3
        2  sont         être         AUX   cop        3
        3  sains        sain         ADJ   ROOT       3
        4  ,            ,            PUNCT punct      6
        5  a            avoir        AUX   aux:tense  6
        6  déclaré      déclarer     VERB  parataxis  3
        7  le           le           DET   det        8
        8  PDG          pdg          NOUN  nsubj      6
        9  du           de           ADP   case       10
        10 groupe       groupe       NOUN  nmod       8
        11 ,            ,            PUNCT punct      12
        12 Patrick      Patrick      PROPN appos      8
        13 Martin       Martin       PROPN flat:name  12
        14 .            .            PUNCT punct      3
        """, [(12, 14, "PER", "per:patrick-martin")],
         [Q("indirect", "Les comptes sont sains", "Patrick Martin", "per:patrick-martin",
            "explicit", "a déclaré", "déclarer", "quotes.indirect_postposed")]),
    Case("inverted_organisation_after_determiner",
         "La trêve tiendra, a annoncé l'ONU.", """
        0  La           le           DET   det        1
        1  trêve        trêve        NOUN  nsubj      2
        2  tiendra      tenir        VERB  ROOT       2
        3  ,            ,            PUNCT punct      5
        4  a            avoir        AUX   aux:tense  5
        5  annoncé      annoncer     VERB  parataxis  2
        6  l'           le           DET   det        7
        7  ONU          ONU          PROPN nsubj      5
        8  .            .            PUNCT punct      2
        """, [(7, 8, "ORG", "org:onu")],
         [Q("indirect", "La trêve tiendra", "ONU", "org:onu", "explicit", "a annoncé",
            "annoncer", "quotes.indirect_postposed")]),
    Case("experts_of_an_organisation",
         "Selon les économistes de la Banque mondiale, la croissance ralentira.", """
        0  Selon        selon        ADP   case       2
        1  les          le           DET   det        2
        2  économistes  économiste   NOUN  obl:mod    10
        3  de           de           ADP   case       5
        4  la           le           DET   det        5
        5  Banque       Banque       PROPN nmod       2
        6  mondiale     mondial      ADJ   amod       5
        7  ,            ,            PUNCT punct      2
        8  la           le           DET   det        9
        9  croissance   croissance   NOUN  nsubj      10
        10 ralentira    ralentir     VERB  ROOT       10
        11 .            .            PUNCT punct      10
        """, [(5, 7, "ORG", "org:banque-mondiale")],
         [Q("indirect", "la croissance ralentira", "Banque mondiale", "org:banque-mondiale",
            "explicit", "Selon", "selon", "quotes.indirect_selon")]),
    Case("government_noun_speaks_for_its_country",
         "Le gouvernement français a annoncé que les loyers seraient gelés.", """
        0  Le           le           DET   det        1
        1  gouvernement gouvernement NOUN  nsubj      4
        2  français     français     ADJ   amod       1
        3  a            avoir        AUX   aux:tense  4
        4  annoncé      annoncer     VERB  ROOT       4
        5  que          que          SCONJ mark       10
        6  les          le           DET   det        7
        7  loyers       loyer        NOUN  nsubj:pass 10
        8  seraient     être         AUX   aux:pass   10
        9  gelés        geler        VERB  ccomp      4
        10 .            .            PUNCT punct      4
        """, [(2, 3, "COUNTRY", "country:FR", "demonym")],
         [Q("indirect", "les loyers seraient gelés", "gouvernement français", "country:FR",
            "explicit", "a annoncé", "annoncer", "quotes.indirect_que")]),
    Case("who_is_told_is_not_who_speaks",
         "« Rien n'est signé », a confié à l'AFP le porte-parole, Marc Ferrand.", """
        0  «            «            PUNCT punct      4
        1  Rien         rien         PRON  nsubj:pass 4
        2  n'           ne           ADV   advmod     4
        3  est          être         AUX   aux:pass   4
        4  signé        signer       VERB  ROOT       4
        5  »            »            PUNCT punct      4
        6  ,            ,            PUNCT punct      8
        7  a            avoir        AUX   aux:tense  8
        8  confié       confier      VERB  parataxis  4
        9  à            à            ADP   case       11
        10 l'           le           DET   det        11
        11 AFP          AFP          PROPN obl:arg    8
        12 le           le           DET   det        13
        13 porte-parole porte-parole NOUN  nsubj      8
        14 ,            ,            PUNCT punct      15
        15 Marc         Marc         PROPN appos      13
        16 Ferrand      Ferrand      PROPN flat:name  15
        17 .            .            PUNCT punct      4
        """, [(11, 12, "ORG", "org:AFP"), (15, 17, "PER", "per:marc-ferrand")],
         [Q("direct", "« Rien n'est signé »", "Marc Ferrand", "per:marc-ferrand", "explicit",
            "a confié", "confier", "quotes.direct_postposed")]),
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
