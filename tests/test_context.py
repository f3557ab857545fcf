"""The per-story context: the same words, lemmas and sentences every component used to
rebuild for itself, computed once per Doc."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from pipeline.context import StoryContext


def _doc(words: list[str], sent_starts: list[bool], spaces: list[bool] | None = None) -> Doc:
    vocab = spacy.blank("fr").vocab
    return Doc(vocab, words=words, spaces=spaces, sent_starts=sent_starts)


def test_words_are_folded_token_texts_and_the_text_is_the_docs() -> None:
    doc = spacy.blank("fr")("L’Élysée a reçu M. Çelik.")
    ctx = StoryContext.of(doc)
    assert ctx.text == "L’Élysée a reçu M. Çelik."
    assert ctx.words == ["l'", "elysee", "a", "recu", "m.", "celik", "."]
    assert (ctx.word(-1), ctx.word(7)) == ("", "")


def test_the_context_is_shared_until_the_tokens_change() -> None:
    doc = spacy.blank("fr")("Le Caire et Rabat.")
    ctx = StoryContext.of(doc)
    assert StoryContext.of(doc) is ctx
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
    assert StoryContext.of(doc) is not ctx
    assert StoryContext.of(doc).words[0] == "le caire"


def test_a_parser_split_inside_a_phrase_is_merged_into_one_sentence() -> None:
    # "Selon le président | Paul Dumas , la réunion aura lieu . Elle durera ."
    words = ["Selon", "le", "président", "Paul", "Dumas", ",", "la", "réunion", "aura", "lieu",
             ".", "Elle", "durera", "."]
    starts = [True, False, False, True, False, False, False, False, False, False, False,
              True, False, False]
    doc = _doc(words, starts)
    ctx = StoryContext.of(doc)
    assert ctx.parser_starts == [0, 3, 11]
    assert ctx.merged_starts == [0, 11]  # no full stop before "Paul"
    assert ctx.sentence_bounds(4) == (0, 11)
    assert ctx.sentence_bounds(12) == (11, 14)
    assert (ctx.sentence_of(4), ctx.sentence_of(12)) == (1, 2)


def test_sentence_index_of_a_character_offset() -> None:
    words = ["Il", "pleut", ".", "Il", "vente", "."]
    doc = _doc(words, [True, False, False, True, False, False],
               [True, False, True, True, False, False])
    ctx = StoryContext.of(doc)
    assert ctx.text == "Il pleut. Il vente."
    assert ctx.sentence_char_starts == [0, 10]
    assert [ctx.sentence_index_at(c) for c in (0, 9, 10, 18)] == [0, 0, 1, 1]


def test_a_doc_without_sentence_marks_is_one_sentence() -> None:
    doc = spacy.blank("fr")("Une phrase. Une autre.")
    ctx = StoryContext.of(doc)
    assert ctx.parser_starts == [0]
    assert ctx.sentence_bounds(3) == (0, len(doc))


def test_lemmas_fall_back_to_the_text_without_a_lemmatizer() -> None:
    doc = spacy.blank("fr")("Les Réunions")
    doc[1].lemma_ = "réunion"
    assert StoryContext.of(doc).lemmas == ["les", "reunion"]
