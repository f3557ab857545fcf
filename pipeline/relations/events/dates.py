"""Predicate ``date``: when an event took place.

A ``date`` row never stands alone: it is written with the ``located_in`` row of the same
statement (same subject, same evidence, same rule), when a DATE mention belongs to the event:
in the clause of the event verb (``le Conseil se réunira à Bruxelles le 3 mars``) or within
three words after the place (``le sommet de l'OTAN à Vilnius le 11 juillet``). The
``located_in`` row carries the date's ISO value as its ``date`` attribute. The rules that find
the statements are in :mod:`pipeline.relations.events.located_in`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pipeline.relations.base import DETERMINERS, Mention, relation
from pipeline.relations.events.triggers import EventStory

__all__ = ["date_near", "date_row", "first_date"]

#: Words allowed between a place and its date (folded): ``à Vilnius, le 11 juillet``.
_BEFORE_DATE: frozenset[str] = DETERMINERS | {",", "les"}


def date_near(story: EventStory, i: int, upper: int) -> Mention | None:
    """A DATE mention starting within three words of token ``i`` (``le``, ``,`` skipped)."""
    for j in range(i, min(upper, i + 3)):
        mention = story.index.starting(j, {"DATE"})
        if mention is not None:
            return mention
        if story.word(j) not in _BEFORE_DATE:
            break
    return None


def first_date(story: EventStory, tokens: Iterable[int]) -> Mention | None:
    """The first DATE mention starting at one of ``tokens`` (a verb's clause)."""
    for i in tokens:
        mention = story.index.starting(i, {"DATE"})
        if mention is not None:
            return mention
    return None


def date_row(story: EventStory, subject: Mention | None, date: Mention,
             evidence: tuple[int, int], rule: str, event: str | None) -> dict[str, Any]:
    """The ``date`` row of an event whose ``located_in`` row has the same arguments."""
    return relation(story.doc, "date", subject, date, evidence, rule, event=event)
