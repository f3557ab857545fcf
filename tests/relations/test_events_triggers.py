"""Finding events (pipeline/relations/events/triggers.py): the word lists as the predicates
look them up, and the event verbs of a story found once for all predicates."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.entities.gazetteers import GazetteerError
from pipeline.relations.base import with_determiner
from pipeline.relations.events import EventStory, load_event_verbs
from pipeline.relations.events.triggers import default_lexicon
from tests.markup import parsed, with_mentions
from tests.relations.event_parses import SESSION, SESSION_MENTIONS


def test_cue_phrases_are_looked_up_by_their_first_word_longest_first() -> None:
    phrases = default_lexicon().phrases
    by_en = [words for words, _ in phrases["en"]]
    assert by_en.index(("en", "visite", "officielle")) < by_en.index(("en", "visite"))
    assert {len(w) for w in by_en[:2]} == {4}  # "en visite d'État", "en visite de travail"
    assert [words for words, _ in phrases["de"]] == [("de", "passage")]
    assert "visite" not in phrases  # a phrase is found from its first word only


# (id, parse, {token: (lemma, frame)}) -- which verb of the sentence is an event verb
VERB_CASES: list[tuple[str, str, dict[int, tuple[str, str]]]] = [
    ("se tenir: le lieu d'une session, participer: ses participants", SESSION,
     {10: ("tenir", "venue"), 21: ("participer", "participate")}),
    ("tenir sans « se » : un organe qui se réunit",
     "Le/DET/det>1 Conseil/PROPN/nsubj>2 tiendra/VERB/ROOT>2/tenir sa/DET/det>4/son "
     "session/NOUN/obj>2 ./PUNCT/punct>2",
     {2: ("tenir", "gather")}),
    ("se rendre : un voyage ; rendre sans « se » n'en est pas un",
     "Il/PRON/nsubj>1/il rend/VERB/ROOT>1/rendre visite/NOUN/obj>1 ./PUNCT/punct>1 "
     "Il/PRON/nsubj>7/il s'/PRON/expl:comp>7/se est/AUX/aux:tense>7/être "
     "rendu/VERB/ROOT>7/rendre ./PUNCT/punct>7",
     {7: ("rendre", "travel")}),
    ("avoir lieu : la locution entière",
     "La/DET/det>1/le réunion/NOUN/nsubj>2 aura/VERB/ROOT>2/avoir lieu/NOUN/obj>2 "
     "./PUNCT/punct>2",
     {2: ("avoir", "venue")}),
    ("avoir sans « lieu » : rien",
     "La/DET/det>1/le réunion/NOUN/nsubj>2 aura/VERB/ROOT>2/avoir un/DET/det>4 "
     "ordre/NOUN/obj>2 ./PUNCT/punct>2",
     {}),
]


@pytest.mark.parametrize(("markup", "expected"), [c[1:] for c in VERB_CASES],
                         ids=[c[0] for c in VERB_CASES])
def test_event_verbs_of_a_story(markup: str, expected: dict[int, tuple[str, str]]) -> None:
    story = EventStory(with_mentions(parsed(markup)), default_lexicon())
    assert {i: (e.lemma, e.frame) for i, e in story.verb_entries().items()} == expected


def test_shared_walks_find_the_body_and_the_place_of_an_event() -> None:
    doc = with_mentions(parsed(SESSION), *SESSION_MENTIONS)
    story = EventStory(doc, default_lexicon())
    lower, upper = story.sentences[0]
    assert story.event_of(1) == "session"  # "session"
    owner = story.owner(1, upper)
    assert owner is not None and owner["text"] == "Conseil de sécurité collective"
    place = story.place_at(11, upper)  # "à Astana"
    assert place is not None and place["text"] == "Astana"
    assert story.place_at(12, upper) is None  # "Astana" itself is no preposition
    assert with_determiner(story.ctx, 1, lower) == 0  # "la session"


def test_bad_verb_file_names_file_and_line(tmp_path: Any) -> None:
    verbs = tmp_path / "verbs.csv"
    verbs.write_text("verb,frame,event\nse tenir,venue,réunion\narriver,travel,\n",
                     encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"verbs\.csv:3"):
        load_event_verbs(str(verbs))
    verbs.write_text("verb,frame,event\nse tenir,venue,réunion\nsiéger,sit,réunion\n",
                     encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"verbs\.csv:3"):
        load_event_verbs(str(verbs))
