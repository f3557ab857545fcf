"""Memory stays flat over a corpus: processing stories full of words never seen before must
not grow what the pipeline keeps between stories. Found by the million-story measurement
(``measure.py million_stories``: 1.6 GB resident after 465,000 short stories, growing by
about 1.8 KB a story, before the gazetteer matchers stopped learning the corpus's words)."""

from __future__ import annotations

import gc
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.processing import Story, ZoneKeeper, process_stories


def private_vocabs(nlp: Language) -> list[Vocab]:
    """The vocabularies that dépêche's components keep apart from ``nlp.vocab``."""
    found: dict[int, Vocab] = {}

    def walk(value: Any, depth: int) -> None:
        if isinstance(value, Vocab):
            if value is not nlp.vocab:
                found[id(value)] = value
        elif depth < 4 and hasattr(value, "__dict__") and type(value).__module__.startswith(
                "pipeline"):
            for item in vars(value).values():
                walk(item, depth + 1)
        elif depth < 4 and isinstance(value, list | tuple | dict):
            for item in (value.values() if isinstance(value, dict) else value):
                walk(item, depth + 1)

    for _, component in nlp.pipeline:
        walk(component, 0)
    return list(found.values())


def stories(start: int, n: int) -> list[Story]:
    return [Story(f"s{i}", f"Marie Curie a reçu le dossier Zorglub{i} à Lyon.")
            for i in range(start, start + n)]


def test_private_vocabularies_do_not_grow_with_new_words(blank_nlp: Language) -> None:
    vocabs = private_vocabs(blank_nlp)
    assert vocabs, "the gazetteer matchers keep their own vocabulary"
    list(process_stories(blank_nlp, stories(0, 50)))
    before = [(len(v), len(v.strings)) for v in vocabs]
    list(process_stories(blank_nlp, stories(50, 200)))
    assert [(len(v), len(v.strings)) for v in vocabs] == before


def test_no_story_outlives_its_processing(blank_nlp: Language) -> None:
    """A story's Doc (and its shadow, context and mention index) is freed once its rows are
    made: nothing the components cache per story may hold the Doc it is keyed by."""
    list(process_stories(blank_nlp, stories(0, 20)))
    gc.collect()
    before = sum(isinstance(o, Doc) for o in gc.get_objects())
    results = list(process_stories(blank_nlp, stories(20, 100)))
    gc.collect()
    assert sum(isinstance(o, Doc) for o in gc.get_objects()) == before
    assert all(r.mentions for r in results)  # the stories were read: Marie Curie, Lyon


def test_a_memory_zone_spans_batches_then_frees_their_words(blank_nlp: Language) -> None:
    """The zone keeper keeps one memory zone over several batches (a word learnt there stays
    known until the zone ends) and frees the zone's words after ``stories`` stories."""
    keeper = ZoneKeeper(blank_nlp, stories=4)
    first = keeper.process(stories(1000, 2))
    assert "Zorglub1000" in blank_nlp.vocab.strings  # the zone is still open
    second = keeper.process(stories(1002, 2))  # four stories: the zone ends
    assert "Zorglub1000" not in blank_nlp.vocab.strings
    assert "Zorglub1003" not in blank_nlp.vocab.strings
    assert [r.doc_id for r in first + second] == ["s1000", "s1001", "s1002", "s1003"]
    assert all(r.mentions and not r.error for r in first + second)
    keeper.process(stories(1004, 1))
    keeper.close()
    assert "Zorglub1004" not in blank_nlp.vocab.strings
