"""The ``depeche_events`` component: the four event predicates in one pass over a story.

One component rather than four: the predicates read the same word lists and the same event
verbs (:class:`~pipeline.relations.events.triggers.EventStory` finds them once per story),
``located_in`` and ``date`` rows come from the same statements, and one fact found by two
rules gives one row (:func:`~pipeline.relations.base.keep_first`).
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extensions import register_extensions
from pipeline.relations.base import add_relations, keep_first
from pipeline.relations.events.located_in import located_in_rows
from pipeline.relations.events.participants import participant_rows
from pipeline.relations.events.presidency import presidency_rows
from pipeline.relations.events.triggers import EventLexicon, EventStory, default_lexicon

__all__ = ["EventExtractor", "make_events"]


def _fact(row: dict[str, Any]) -> tuple[Any, ...]:
    """What makes two rows one fact: predicate, subject and object."""
    return row["predicate"], row["subject_start"], row["object_start"], row["object_end"]


class EventExtractor:
    """Pipeline component: events' places and dates, participants and chairmanships."""

    def __init__(self, nlp: Language | None = None, name: str = "depeche_events",
                 lexicon: EventLexicon | None = None) -> None:
        register_extensions()
        self.name = name
        self.lexicon = lexicon or default_lexicon()

    def process(self, doc: Doc) -> list[dict[str, Any]]:
        """Return the event relation rows of ``doc`` (pure: ``doc`` is not modified)."""
        story = EventStory(doc, self.lexicon)
        rows = [*located_in_rows(story), *participant_rows(story), *presidency_rows(story)]
        return keep_first(rows, _fact)

    def __call__(self, doc: Doc) -> Doc:
        add_relations(doc, self.process(doc))
        return doc


@Language.factory("depeche_events", assigns=["doc._.relations"], requires=["doc._.mentions"])
def make_events(nlp: Language, name: str) -> EventExtractor:
    """spaCy factory of :class:`EventExtractor` (``nlp.add_pipe("depeche_events")``)."""
    return EventExtractor(nlp, name)
