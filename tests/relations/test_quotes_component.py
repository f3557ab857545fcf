"""The ``depeche_quotes`` component (pipeline/relations/quotes/component.py): one
statement one row, the rows it writes; then the real pipeline on sentences and on the sample
story (``@pytest.mark.model``)."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from pipeline.relations.quotes import QuoteExtractor
from tests.conftest import GOLD, SAMPLE_TEXT
from tests.relations.quote_parses import (
    POSTPOSED_NAME,
    Case,
    Q,
    add_mentions,
    check_rows,
    observed,
    parse,
    run,
)

CASES: list[Case] = [
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
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_rule_case(case: Case) -> None:
    _, quotes, _ = run(case)
    assert [observed(q) for q in quotes] == case.expect


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_rows_have_the_table_columns_and_coherent_offsets(case: Case) -> None:
    check_rows(case)


def test_call_writes_quotes_and_appends_relations() -> None:
    case = POSTPOSED_NAME
    doc = parse(case.table)
    add_mentions(doc, case.mentions)
    doc._.relations = [{"predicate": "role", "subject_start": 0, "subject_end": 1,
                        "object_start": None, "object_end": None, "rule": "roles.x"}]
    QuoteExtractor()(doc)
    assert len(doc._.quotes) == 1
    assert [r["predicate"] for r in doc._.relations] == ["role", "quote"]
    assert doc.to_bytes()  # msgpack-safe


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


#: Who speaks, and as what: a person is preferred to the organisation named with them; an
#: organisation or a country speaks when no person does. (text, [(speaker text, speaker id,
#: speaker type)]).
SPEAKER_TYPE_CASES = [
    ("Selon les analystes de la banque Natixis, la croissance ralentira en 2025.",
     [("Natixis", "org:natixis", "ORG")]),  # the model's span loses the noun "banque"
    ("Selon les analystes de Goldman Sachs, le pétrole va remonter.",
     [("Goldman Sachs", "org:goldman-sachs", "ORG")]),
    ("Les ventes ont reculé de 3 %, a indiqué le groupe Renault dans un communiqué.",
     [("Renault", "org:renault", "ORG")]),
    ("La trêve doit être respectée, a annoncé l'ONU mardi.", [("ONU", "org:ONU", "ORG")]),
    ("« Nous allons accélérer », a déclaré le PDG du groupe, Jean Dupont.",
     [("Jean Dupont", "per:jean-dupont", "PER")]),
    ("Les résultats sont solides, a déclaré le PDG du groupe, Patrick Martin.",
     [("Patrick Martin", "per:patrick-martin", "PER")]),
    ("Selon Jean Dupont, analyste chez Natixis, le pétrole va remonter.",
     [("Jean Dupont", "per:jean-dupont", "PER")]),
    ("La France a déclaré qu'elle ne participerait pas au sommet.",
     [("France", "country:FR", "COUNTRY")]),
    ("Le gouvernement français a annoncé que les retraites seraient revalorisées.",
     [("gouvernement français", "country:FR", "COUNTRY")]),
    ("Selon les autorités russes, le convoi est arrivé.",
     [("autorités russes", "country:RU", "COUNTRY")]),
    ("Selon le groupe Renault, les ventes ont baissé.", [("Renault", "org:renault", "ORG")]),
    ("Selon l'économiste de BNP Paribas, Jean Morel, la hausse va durer.",
     [("Jean Morel", "per:jean-morel", "PER")]),
    ("Les Français ont estimé que la réforme était injuste.", []),
    # a capital that speaks, or is cited, speaks for its country's government
    ("Washington a annoncé que les droits de douane seraient relevés.",
     [("Washington", "country:US", "COUNTRY")]),
    ("Selon Ottawa, les pourparlers reprendront en mai.",
     [("Ottawa", "country:CA", "COUNTRY")]),
    # who is told (à l'AFP, à la presse) is not who speaks
    ("Le plan sera présenté en juin, a précisé à l'AFP le porte-parole de la compagnie, "
     "Marc Ferrand.", [("Marc Ferrand", "per:marc-ferrand", "PER")]),
    ("« Rien n'est décidé », a déclaré à la presse Paul Morel.",
     [("Paul Morel", "per:paul-morel", "PER")]),
    ("« Tout va bien », a déclaré à Reuters Paul Morel.",
     [("Paul Morel", "per:paul-morel", "PER")]),
]


@pytest.mark.model
@pytest.mark.parametrize("text, expected", SPEAKER_TYPE_CASES, ids=lambda v: str(v)[:30])
def test_speaker_type(text: str, expected: list[tuple[str, str, str]], qnlp: Language) -> None:
    doc = qnlp(text)
    assert [(q["speaker_text"], q["speaker_id"], q["speaker_type"])
            for q in doc._.quotes] == expected
