"""Cues (pipeline/relations/quotes/cues.py): the verb group as written and its listed lemma."""

from __future__ import annotations

import pytest

from tests.relations.quote_parses import Case, Q, check_rows, observed, run

CASES: list[Case] = [
    Case("pronominal_verb", "Mme Curie est à Lyon. Elle s'est félicitée que l'équipe soit unie.",
         """
        0  Mme          Mme          NOUN  nsubj      4
        1  Curie        Curie        PROPN flat:name  0
        2  est          être         AUX   cop        4
        3  à            à            ADP   case       4
        4  Lyon         Lyon         PROPN ROOT       4
        5  .            .            PUNCT punct      4
        6  Elle         elle         PRON  nsubj      9  S
        7  s'           se           PRON  expl:pv    9
        8  est          être         AUX   aux:tense  9
        9  félicitée    féliciter    VERB  ROOT       9
        10 que          que          SCONJ mark       14
        11 l'           le           DET   det        12
        12 équipe       équipe       NOUN  nsubj      14
        13 soit         être         AUX   cop        14
        14 unie         uni          ADJ   ccomp      9
        15 .            .            PUNCT punct      9
        """, [(0, 2, "PER", "per:marie-curie"), (4, 5, "LOC", "loc:lyon")],
         [Q("indirect", "l'équipe soit unie", "Elle", "per:marie-curie", "coreference",
            "s'est félicitée", "se féliciter", "quotes.indirect_que")]),
    Case("two_verb_cue", "Emmanuel Macron a fait savoir qu'il se rendrait à Kiev.", """
        0  Emmanuel     Emmanuel     PROPN nsubj      3
        1  Macron       Macron       PROPN flat:name  0
        2  a            avoir        AUX   aux:tense  3
        3  fait         faire        VERB  ROOT       3
        4  savoir       savoir       VERB  xcomp      3
        5  qu'          que          SCONJ mark       8
        6  il           il           PRON  nsubj      8
        7  se           se           PRON  expl:pv    8
        8  rendrait     rendre       VERB  ccomp      4
        9  à            à            ADP   case       10
        10 Kiev         Kiev         PROPN obl:arg    8
        11 .            .            PUNCT punct      3
        """, [(0, 2, "PER", "per:emmanuel-macron"), (10, 11, "LOC", "loc:kiev")],
         [Q("indirect", "il se rendrait à Kiev", "Emmanuel Macron", "per:emmanuel-macron",
            "explicit", "a fait savoir", "faire savoir", "quotes.indirect_que")]),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_rule_case(case: Case) -> None:
    _, quotes, _ = run(case)
    assert [observed(q) for q in quotes] == case.expect


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_rows_have_the_table_columns_and_coherent_offsets(case: Case) -> None:
    check_rows(case)
