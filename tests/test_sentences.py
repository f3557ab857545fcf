"""The sentence guard: no sentence starts in the middle of a phrase."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from pipeline.sentences import can_start_sentence


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
    assert doc[-2].is_sent_start is None  # after a full stop: the parser decides
    parsed = spacy.blank("fr")
    parsed.add_pipe("sentencizer")
    assert "depeche_sentences" not in add_components(parsed).pipe_names  # no parser, no guard
