"""The sentence guard: no sentence starts in the middle of a phrase."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from pipeline.sentences import can_start_sentence, must_start_sentence


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("fr")


@pytest.mark.parametrize(("text", "starts"), [
    ("Selon le président kirghize Sadyr Japarov, la présidence passera.", ["Selon"]),
    ("Il est parti. Elle est restée.", ["Il", "Elle"]),
    ("Il a dit : « C'est fini. » Puis il est parti.", ["Il", "Puis"]),
    ("M. Dupont est arrivé.", ["M."]),
    ("Quoi ? Non ! Si…", ["Quoi", "Non", "Si"]),
    ("Premier paragraphe\nSecond paragraphe", ["Premier", "Second"]),
    ("BICHKEK, 1er janvier. /TASS/. La présidence passera.", ["BICHKEK", "/TASS/.", "La"]),
], ids=["noun phrase", "full stops", "quote", "honorific", "? ! …", "line break", "dateline"])
def test_tokens_that_may_start_a_sentence(blank: Language, text: str,
                                          starts: list[str]) -> None:
    texts = [t.text for t in blank(text)]
    assert [w for i, w in enumerate(texts) if can_start_sentence(texts, i)] == starts


def test_the_guard_marks_the_others_and_sits_before_the_parser(blank: Language) -> None:
    from pipeline.nlp import add_components

    guard = blank.add_pipe("depeche_sentences")
    doc = guard(blank("Selon le président Sadyr Japarov, tout va bien. Oui."))
    assert [t.is_sent_start for t in doc][1:6] == [False] * 5
    assert doc[-2].is_sent_start is True  # a capital after a full stop: always a start
    doc = guard(blank("Le 3 mars. le texte reprend"))
    assert doc[4].is_sent_start is None  # lower case after a full stop: the parser decides
    parsed = spacy.blank("fr")
    parsed.add_pipe("sentencizer")
    assert "depeche_sentences" not in add_components(parsed).pipe_names  # no parser, no guard


@pytest.mark.parametrize(("text", "starts"), [
    ("Il est parti au Tadjikistan.\nSelon le ministre, rien.", ["Selon"]),
    ("Il a conclu. « Nous verrons », a-t-il dit.", ["«"]),
    ("Il a conclu. “ Nous verrons ”, a-t-il dit.", ["“"]),
    ("Il a dit : « C'est fini. » Puis il est parti.", ["Puis"]),
    ("Quoi ? Non !", ["Non"]),
    ("une ligne coupée\nen deux morceaux", []),
    ("M. Dupont et Mme Durand sont venus.", []),
    ("Il est parti à 3 h. et il est revenu.", []),
], ids=["line break", "guillemets", "curly quotes", "after closing quote", "? !",
        "lower case after a line break", "honorifics", "lower case after a full stop"])
def test_tokens_that_must_start_a_sentence(blank: Language, text: str,
                                           starts: list[str]) -> None:
    texts = [t.text for t in blank(text)]
    assert [w for i, w in enumerate(texts) if must_start_sentence(texts, i)] == starts


@pytest.mark.model
def test_the_parser_keeps_the_forced_sentence_starts(nlp: Language) -> None:
    doc = nlp("La réunion a eu lieu au Tadjikistan.\nSelon le président kirghize Sadyr "
              "Japarov, elle a réussi. « Nous continuerons », a-t-il affirmé.")
    assert [s.text.strip()[:5] for s in doc.sents] == ["La ré", "Selon", "« Nou"]
