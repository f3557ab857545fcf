"""Quotes and reported speech (pipeline/relations/quotes.py).

Layer 1: hand-written parses (``spacy.blank("fr")`` Docs with heads, deps, POS, lemmas written
the way a French UD parser analyses the sentence) and hand-set mentions, so that a model
upgrade cannot change what a case means. Each parse is a table, one token a line:
``index  word  lemma  POS  dep  head [S]`` (``S`` marks a sentence start); spaces follow French
typography (none before ``,`` ``.`` or a clitic ``-t``/``-il``, none after ``l'``/``d'``).

Layer 2 (``@pytest.mark.model``): the real pipeline on sentences and on the sample story.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.entities.gazetteers import GazetteerError
from pipeline.io.tables import columns
from pipeline.relations.quotes import QuoteExtractor, find_quote_marks, load_lexicon
from tests.conftest import GOLD, SAMPLE_TEXT
from tests.markup import build_doc, mention_row


def parse(table: str) -> Doc:
    """Build a Doc from a parse table (see the module docstring)."""
    words, lemmas, pos, deps, heads, starts = [], [], [], [], [], []
    for line in table.strip().splitlines():
        cells = line.split()
        index, word, lemma, tag, dep, head = cells[:6]
        assert int(index) == len(words), f"bad index in {line!r}"
        words.append(word)
        lemmas.append(lemma)
        pos.append(tag)
        deps.append(dep)
        heads.append(int(head))
        starts.append(len(words) == 1 or cells[6:] == ["S"])
    return build_doc(words, pos, deps, heads, lemmas, starts)


def add_mentions(doc: Doc, mentions: list[tuple[int, int, str, str]]) -> None:
    """Set ``doc._.mentions`` from (first word, end word, label, entity_id) tuples."""
    spans = [(doc[start:end], label, entity_id) for start, end, label, entity_id in mentions]
    doc._.mentions = [mention_row(span.start_char, span.end_char, span.text, label, entity_id)
                      for span, label, entity_id in spans]


@dataclass(frozen=True)
class Q:
    """An expected quote row (only these columns are checked)."""

    kind: str
    quote: str
    speaker: str | None
    speaker_id: str | None
    resolution: str | None
    cue: str | None
    lemma: str | None
    rule: str


@dataclass(frozen=True)
class Case:
    """A sentence, its parse, its mentions and the quotes a French reader sees in it."""

    name: str
    text: str
    table: str
    mentions: list[tuple[int, int, str, str]] = field(default_factory=list)
    expect: list[Q] = field(default_factory=list)


CASES: list[Case] = [
    Case("direct_postposed_name", "« Nous partirons demain », a déclaré M. Japarov.", """
        0  «            «            PUNCT punct      2
        1  Nous         nous         PRON  nsubj      2
        2  partirons    partir       VERB  ROOT       2
        3  demain       demain       ADV   advmod     2
        4  »            »            PUNCT punct      2
        5  ,            ,            PUNCT punct      7
        6  a            avoir        AUX   aux:tense  7
        7  déclaré      déclarer     VERB  parataxis  2
        8  M.           m.           NOUN  nsubj      7
        9  Japarov      Japarov      PROPN flat:name  8
        10 .            .            PUNCT punct      2
        """, [(8, 10, "PER", "per:sadyr-japarov")],
         [Q("direct", "« Nous partirons demain »", "M. Japarov", "per:sadyr-japarov", "explicit",
            "a déclaré", "déclarer", "quotes.direct_postposed")]),
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
    Case("embedded_partial_quote_is_one_indirect_row",
         "Le ministre Jean Dupont a affirmé que la Russie « ne reculera pas ».", """
        0  Le           le           DET   det        1
        1  ministre     ministre     NOUN  nsubj      5
        2  Jean         Jean         PROPN appos      1
        3  Dupont       Dupont       PROPN flat:name  2
        4  a            avoir        AUX   aux:tense  5
        5  affirmé      affirmer     VERB  ROOT       5
        6  que          que          SCONJ mark       11
        7  la           le           DET   det        8
        8  Russie       Russie       PROPN nsubj      11
        9  «            «            PUNCT punct      11
        10 ne           ne           ADV   advmod     11
        11 reculera     reculer      VERB  ccomp      5
        12 pas          pas          ADV   advmod     11
        13 »            »            PUNCT punct      11
        14 .            .            PUNCT punct      5
        """, [(2, 4, "PER", "per:jean-dupont"), (8, 9, "COUNTRY", "country:RU")],
         # one statement, one row: the embedded quote is part of the indirect row
         [Q("indirect", "la Russie « ne reculera pas »", "Jean Dupont", "per:jean-dupont",
            "explicit", "a affirmé", "affirmer", "quotes.indirect_que")]),
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
    # -- new-user trial: one statement, one row; obvious speakers; qualifier / parler de ------
    Case("embedded_quote_in_reported_clause_is_one_row",
         "Marie Curie a affirmé que la guerre « durera encore des mois ».", """
        0  Marie        Marie        PROPN nsubj      3
        1  Curie        Curie        PROPN flat:name  0
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
        """, [(0, 2, "PER", "per:marie-curie")],
         [Q("indirect", "la guerre « durera encore des mois »", "Marie Curie", "per:marie-curie",
            "explicit", "a affirmé", "affirmer", "quotes.indirect_que")]),
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
]


def run(case: Case) -> tuple[Doc, list[dict[str, Any]], list[dict[str, Any]]]:
    """Parse a case, set its mentions and run the component's pure ``process``."""
    doc = parse(case.table)
    assert doc.text == case.text, f"parse table does not spell the text: {doc.text!r}"
    add_mentions(doc, case.mentions)
    quotes, relations = QuoteExtractor().process(doc)
    return doc, quotes, relations


def observed(row: dict[str, Any]) -> Q:
    """The checked columns of a quote row."""
    return Q(row["kind"], row["quote_text"], row["speaker_text"], row["speaker_id"],
             row["speaker_resolution"], row["cue"], row["cue_lemma"], row["rule"])


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_rule_case(case: Case) -> None:
    _, quotes, _ = run(case)
    assert [observed(q) for q in quotes] == case.expect


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_rows_have_the_table_columns_and_coherent_offsets(case: Case) -> None:
    doc, quotes, relations = run(case)
    wanted = set(columns("quotes")) - {"doc_id", "quote_id"}
    for q in quotes:
        assert set(q) == wanted
        assert doc.text[q["quote_start"]:q["quote_end"]] == q["quote_text"]
        if q["speaker_id"]:
            assert doc.text[q["speaker_start"]:q["speaker_end"]] == q["speaker_text"]
        assert all(v is None or isinstance(v, str | int) for v in q.values())
    spoken = [q for q in quotes if q["speaker_id"]]
    assert len(relations) == len(spoken)
    for rel, q in zip(relations, spoken, strict=True):
        assert rel["predicate"] == "quote" and rel["object_id"] is None
        assert (rel["subject_id"], rel["subject_start"]) == (q["speaker_id"], q["speaker_start"])
        assert rel["attributes"]["kind"] == q["kind"]
        assert (rel["attributes"]["quote_start"], rel["attributes"]["quote_end"]) == (
            q["quote_start"], q["quote_end"])
        assert rel["evidence_start"] <= q["quote_start"] and rel["evidence_end"] >= q["quote_end"]


def test_call_writes_quotes_and_appends_relations() -> None:
    case = next(c for c in CASES if c.name == "direct_postposed_name")
    doc = parse(case.table)
    add_mentions(doc, case.mentions)
    doc._.relations = [{"predicate": "role", "subject_start": 0, "subject_end": 1,
                        "object_start": None, "object_end": None, "rule": "roles.x"}]
    QuoteExtractor()(doc)
    assert len(doc._.quotes) == 1
    assert [r["predicate"] for r in doc._.relations] == ["role", "quote"]
    assert doc.to_bytes()  # msgpack-safe


@pytest.mark.parametrize("text, spans", [
    ("Il a dit : « Oui. » Puis “non”.", ["« Oui. »", "“non”"]),
    ("« Il a dit “non” hier », a-t-elle affirmé.", ["« Il a dit “non” hier »"]),
    ('Il a dit "oui" puis "non".', ['"oui"', '"non"']),
    ("« Premier paragraphe.\n« Second paragraphe », a-t-il dit.",
     ["« Premier paragraphe.\n« Second paragraphe »"]),
    ("« Jamais fermé.\nAutre paragraphe.", []),
])
def test_quote_marks(text: str, spans: list[str]) -> None:
    assert [text[s:e] for s, e in find_quote_marks(text)] == spans


def test_lexicon_has_real_reporting_verbs() -> None:
    lexicon = load_lexicon()
    lemmas = {e.lemma for entries in lexicon.by_lemma.values() for e in entries}
    assert len(lemmas) >= 60
    assert {"déclarer", "affirmer", "souligner", "se féliciter", "faire savoir"} <= lemmas
    assert lexicon.by_form["martelé"][0].lemma == "marteler"
    assert lexicon.roles["présidente"] == "f"


def test_bad_data_file_names_file_and_line(tmp_path: Any) -> None:
    verbs = tmp_path / "verbs.csv"
    verbs.write_text("lemma,class,forms\ndéclarer,declare,\ndire,shout,\n", encoding="utf-8")
    roles = tmp_path / "roles.csv"
    roles.write_text("noun,gender\nministre,\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"verbs\.csv:3"):
        load_lexicon(str(verbs), str(roles))
    verbs.write_text("lemma,class,forms\ndéclarer,declare,\n", encoding="utf-8")
    roles.write_text("noun,gender\nministre,\nministre,\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"roles\.csv:3"):
        load_lexicon(str(verbs), str(roles))


# -- layer 2: the real model ---------------------------------------------------------------

@pytest.fixture(scope="module")
def qnlp(nlp: Language) -> Language:
    """The full pipeline, which holds the quotes component."""
    assert "depeche_quotes" in nlp.pipe_names
    return nlp


def _gold_quotes() -> list[dict[str, Any]]:
    return [r for r in GOLD["relations"] if r["predicate"] == "quote"]


def _gold_entity_spans(entity: str) -> list[tuple[int, int]]:
    return [(e["start"], e["end"]) for e in GOLD["entities"] if e["entity"] == entity]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@pytest.mark.model
@pytest.mark.parametrize("gold", [q for q in _gold_quotes() if q["required"]],
                         ids=lambda q: f"{q['quote'][0]}-{q['kind']}")
def test_sample_required_quotes(gold: dict[str, Any], qnlp: Language) -> None:
    doc = qnlp(SAMPLE_TEXT)
    span = tuple(gold["quote"])
    found = [q for q in doc._.quotes if _overlaps((q["quote_start"], q["quote_end"]), span)
             and q["kind"] == gold["kind"]]
    assert len(found) == 1, found
    [quote] = found
    # the speaker is one of the gold mentions of Sadyr Japarov, with that mention's entity id
    speaker = (quote["speaker_start"], quote["speaker_end"])
    assert speaker in _gold_entity_spans(gold["subject"])
    ids = {m["entity_id"] for m in doc._.mentions
           if (m["start_char"], m["end_char"]) == speaker}
    assert quote["speaker_id"] in ids
    assert quote["cue_lemma"] == ("selon" if gold["cue"] == "Selon" else "déclarer")
    assert quote["cue"] == gold["cue"]


@pytest.mark.model
def test_sample_description_speaker_by_coreference(qnlp: Language) -> None:
    doc = qnlp(SAMPLE_TEXT)
    gold = next(q for q in _gold_quotes() if not q["required"])
    [quote] = [q for q in doc._.quotes
               if _overlaps((q["quote_start"], q["quote_end"]), tuple(gold["quote"]))]
    assert (quote["kind"], quote["speaker_text"], quote["speaker_resolution"]) == (
        "indirect", "Le dirigeant kirghize", "coreference")
    japarov_ids = {m["entity_id"] for m in doc._.mentions if "Japarov" in m["text"]}
    assert quote["speaker_id"] in japarov_ids


@pytest.mark.model
def test_sample_speakers_are_the_full_name_entity(qnlp: Language) -> None:
    doc = qnlp(SAMPLE_TEXT)
    spans = [tuple(q["quote"]) for q in _gold_quotes() if q["required"]]
    speakers = {q["speaker_id"] for q in doc._.quotes
                if any(_overlaps((q["quote_start"], q["quote_end"]), s) for s in spans)}
    assert speakers == {"per:sadyr-japarov"}


MODEL_CASES = [
    ("« Nous ne céderons pas », a déclaré Emmanuel Macron.",
     [("direct", "« Nous ne céderons pas »", "Emmanuel Macron", "déclarer")]),
    ("Emmanuel Macron a affirmé que la France soutiendrait l'Ukraine.",
     [("indirect", "la France soutiendrait l'Ukraine", "Emmanuel Macron", "affirmer")]),
    ("Selon Olaf Scholz, l'Allemagne augmentera son budget militaire.",
     [("indirect", "l'Allemagne augmentera son budget militaire", "Olaf Scholz", "selon")]),
    ("L'Allemagne augmentera son budget militaire, a indiqué Olaf Scholz.",
     [("indirect", "L'Allemagne augmentera son budget militaire", "Olaf Scholz", "indiquer")]),
    ("Angela Merkel est arrivée à Paris. « Nous devons agir ensemble », a-t-elle ajouté.",
     [("direct", "« Nous devons agir ensemble »", "elle", "ajouter")]),
    ("Selon les statistiques officielles, le chômage a baissé en mars.", []),
]


@pytest.mark.model
@pytest.mark.parametrize("text, expected", MODEL_CASES, ids=lambda v: str(v)[:30])
def test_model_cases(text: str, expected: list[tuple[str, str, str, str]],
                     qnlp: Language) -> None:
    doc = qnlp(text)
    got = [(q["kind"], q["quote_text"], q["speaker_text"], q["cue_lemma"]) for q in doc._.quotes]
    assert got == expected


#: New-user trial on realistic sentences: (text, [(kind, quote, speaker text, speaker id, cue
#: lemma)]).
TRIAL_MODEL_CASES = [
    ("Emmanuel Macron a affirmé que la guerre « durera encore des mois ».",
     [("indirect", "la guerre « durera encore des mois »", "Emmanuel Macron",
       "per:emmanuel-macron", "affirmer")]),
    ("Marine Le Pen, présidente du groupe RN à l'Assemblée, a jugé le texte « insuffisant ».",
     [("direct", "« insuffisant »", "Marine Le Pen", "per:marine-le-pen", "juger")]),
    ("Le sélectionneur Guillaume Gille a salué « un groupe exceptionnel ».",
     [("direct", "« un groupe exceptionnel »", "Guillaume Gille", "per:guillaume-gille",
       "saluer")]),
    ("Emmanuel Macron a reçu lundi les dirigeants européens à Paris. Volodymyr Zelensky est "
     "arrivé mardi à Bruxelles. L'Union européenne a promis de nouveaux fonds. L'OTAN doit se "
     "réunir jeudi. « Nous n'avons pas de temps à perdre », a-t-il affirmé.",
     [("direct", "« Nous n'avons pas de temps à perdre »", "il", "per:volodymyr-zelensky",
       "affirmer")]),
    ("Faith Kipyegon a battu le record du monde. « C'était un rêve », a confié la Kényane.",
     [("direct", "« C'était un rêve »", "la Kényane", "per:faith-kipyegon", "confier")]),
    ("Emmanuel Macron a qualifié les discussions de « constructives ».",
     [("direct", "« constructives »", "Emmanuel Macron", "per:emmanuel-macron", "qualifier")]),
    ("Il a qualifié les discussions de « constructives ».",
     [("direct", "« constructives »", None, None, "qualifier")]),
    ("Marie Curie a parlé d'un « saut quantique ».",
     [("direct", "« saut quantique »", "Marie Curie", "per:marie-curie", "parler")]),
    ("Des « terroristes » ont attaqué la ville.", []),
    ("Le rapport du ministère qualifie la situation de « grave ».", []),
]


@pytest.mark.model
@pytest.mark.parametrize("text, expected", TRIAL_MODEL_CASES, ids=lambda v: str(v)[:30])
def test_trial_model_cases(text: str, expected: list[tuple[Any, ...]], qnlp: Language) -> None:
    doc = qnlp(text)
    got = [(q["kind"], q["quote_text"], q["speaker_text"], q["speaker_id"], q["cue_lemma"])
           for q in doc._.quotes]
    assert got == expected
