"""Predicate ``participant``: who took part in an event of an organisation.

Subject the participant (country, person, body; coordinations give one row each), object the
body of the event; attribute ``event`` and, when the participants are named through their
leaders, ``via`` (``président``). Rules, at a verb of frame ``participate``:

* ``events.participate_relative``: ``… la session du Conseil … à laquelle ont participé les
  présidents de la Russie, de la Biélorussie et du Kazakhstan``;
* ``events.participate``: ``X a participé au sommet de l'OTAN`` (subject from the parse).
"""

from __future__ import annotations

from typing import Any

from pipeline.relations.base import coordinated_after, relation, skip_determiners
from pipeline.relations.events.triggers import (
    ACTOR_LABELS,
    RELATIVES,
    TO_WORDS,
    EventStory,
    VerbEntry,
)

__all__ = ["participant_rows"]

Row = dict[str, Any]

#: Relative pronouns that open ``à laquelle ont participé`` (``qui`` is a subject, not one).
_OBLIQUE_RELATIVES: frozenset[str] = RELATIVES - {"qui"}


def participant_rows(story: EventStory) -> list[Row]:
    """The ``participant`` rows of the story, in text order."""
    rows: list[Row] = []
    for verb, entry in story.verb_entries().items():
        if entry.frame == "participate":
            lower, upper = story.ctx.sentence_bounds(verb)
            rows.extend(_participation(story, verb, entry, lower, upper))
    return rows


def _participation(story: EventStory, verb: int, entry: VerbEntry, lower: int,
                   upper: int) -> list[Row]:
    word, index = story.word, story.index
    relative = [j for j in range(max(lower, verb - 3), verb) if word(j) in _OBLIQUE_RELATIVES]
    if relative:
        return _relative_participation(story, verb, relative[0], lower, upper)
    subjects = story.subjects(verb, ACTOR_LABELS)
    j = verb + 1
    if entry.particle:
        j += 1
    if not subjects or j >= upper or word(j) not in TO_WORDS:
        return []
    j = skip_determiners(story.ctx, j + 1, 1, upper)
    target = index.starting(j, {"ORG"})
    event = None
    if target is None and j < upper and story.event_of(j):
        event = story.event_of(j)
        target = story.owner(j, upper)
    if target is None:
        return []
    return [relation(story.doc, "participant", s, target,
                     (min(s["start_char"], target["start_char"]),
                      max(s["end_char"], target["end_char"])),
                     "events.participate", event=event) for s in subjects]


def _relative_participation(story: EventStory, verb: int, relative: int, lower: int,
                            upper: int) -> list[Row]:
    """``… la session du Conseil … à laquelle ont participé les présidents de X, de Y``."""
    word, lex = story.word, story.lex
    target, event = None, None
    for j in range(relative - 1, lower - 1, -1):
        if story.event_of(j) and story.pos[j] != "VERB":
            event = story.event_of(j)
            target = story.owner(j, upper)
            break
    if target is None:
        return []
    j = skip_determiners(story.ctx, verb + 1, 1, upper)
    via = None
    if j < upper and (story.lemmas[j] in lex.title_words or word(j) in lex.title_words):
        via = lex.titles.get(story.lemmas[j])
        j += 1
    members = coordinated_after(story.ctx, story.index, j, ACTOR_LABELS, upper)
    if not members:
        return []
    start = relative - 1 if relative > lower and word(relative - 1) in TO_WORDS else relative
    evidence = (story.doc[start].idx, members[-1]["end_char"])
    return [relation(story.doc, "participant", m, target, evidence,
                     "events.participate_relative", event=event, via=via) for m in members]
