"""Events: meetings, visits and chairmanships with their place and date.

Predicates written (every row inside one sentence), one module each:

* ``located_in`` (:mod:`.located_in`): where an event took place, where a person or body is;
* ``date`` (:mod:`.dates`): when, written with the ``located_in`` row of the same statement;
* ``participant`` (:mod:`.participants`): who took part in an organisation's event;
* ``presidency`` (:mod:`.presidency`): who holds an organisation's rotating chairmanship.

Their word lists and the walks they share (event verbs, the body an event noun belongs to, a
place after ``à``/``en``) are in :mod:`.triggers`; the component ``depeche_events`` that runs
them is in :mod:`.component`.

Rules: verb frames on the dependency parse (the clause of a verb of
``relations_event_verbs.csv``: its subtree without nested verb clauses), noun phrases
(``le sommet de l'OTAN à Vilnius``) and cue phrases (``en visite à``) as token walks.
"""

from pipeline.relations.events.component import EventExtractor, make_events
from pipeline.relations.events.triggers import (
    EventLexicon,
    EventStory,
    VerbEntry,
    load_event_nouns,
    load_event_phrases,
    load_event_verbs,
    load_place_words,
    load_presidency_words,
)

__all__ = [
    "EventExtractor",
    "EventLexicon",
    "EventStory",
    "VerbEntry",
    "load_event_nouns",
    "load_event_phrases",
    "load_event_verbs",
    "load_place_words",
    "load_presidency_words",
    "make_events",
]
