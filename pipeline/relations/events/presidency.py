"""Predicate ``presidency``: a country, body or person holds an organisation's chairmanship.

Subject the holder, object the organisation named after the chairmanship noun (``la présidence
de l'OTSC``). Rules:

* ``events.presidency_handover``: ``la présidence de l'OTSC passera du Kazakhstan au
  Kirghizistan à partir du 1er janvier 2025`` gives KG with ``start_date`` and KZ with
  ``end_date``;
* ``events.presidency_take``: ``X assurera la présidence de Y`` gives X with ``date`` (or
  ``start_date`` after ``à partir de``/``dès``, ``end_date`` after ``jusqu'au``).

Words (``relations_presidency_words.csv``): ``noun`` (``présidence``), ``handover``
(``passer``), ``take`` (``assurer``), ``start`` and ``end`` (the words before a date that make
it the start or the end of the chairmanship).
"""

from __future__ import annotations

from typing import Any

from pipeline.relations.base import (
    DE_WORDS,
    Mention,
    relation,
    skip_determiners,
    with_determiner,
)
from pipeline.relations.events.triggers import TO_WORDS, EventStory

__all__ = ["presidency_rows"]

Row = dict[str, Any]

#: Labels of who can hold a chairmanship.
HOLDER_LABELS: frozenset[str] = frozenset({"COUNTRY", "ORG", "LOC", "PER"})


def presidency_rows(story: EventStory) -> list[Row]:
    """The ``presidency`` rows of the story, in text order."""
    nouns = story.lex.presidency_nouns
    rows: list[Row] = []
    for i, (word, lemma) in enumerate(zip(story.words, story.lemmas, strict=True)):
        if lemma in nouns or word in nouns:
            lower, upper = story.ctx.sentence_bounds(i)
            rows.extend(_presidency(story, i, lower, upper))
    return rows


def _marked(story: EventStory, i: int, kind: str) -> bool:
    """True when one of the ``kind`` words (start/end) ends just before token ``i``."""
    word = story.word
    return any(tuple(word(j) for j in range(i - len(w), i)) == w
               for w in story.lex.presidency[kind])


def _presidency(story: EventStory, noun: int, lower: int, upper: int) -> list[Row]:
    """``la présidence de l'OTSC passera du Kazakhstan au Kirghizistan à partir du …``."""
    owner = story.owner(noun, upper)
    if owner is None:
        return []
    doc, index, word = story.doc, story.index, story.word
    date: Mention | None = None
    for j in range(noun, upper):
        found = index.starting(j, {"DATE"})
        if found is not None:
            date = found
            break
    starts = date is not None and (_marked(story, index.tokens(date)[0], "start")
                                   or date.get("bound") == "start")
    ends = date is not None and _marked(story, index.tokens(date)[0], "end")
    value = date["norm"] if date else None
    start = with_determiner(story.ctx, noun, lower)
    rows: list[Row] = []
    handover = story.lex.presidency["handover"]
    verb = next((j for j in range(index.tokens(owner)[1], upper)
                 if (story.lemmas[j],) in handover), None)
    if verb is not None:
        giver = taker = None
        for j in range(verb + 1, upper):
            folded = word(j)
            k = skip_determiners(story.ctx, j + 1, 1, upper)
            mention = index.starting(k, HOLDER_LABELS)
            if giver is None and taker is None and folded in DE_WORDS and mention:
                giver = mention
            elif taker is None and folded in TO_WORDS and mention:
                taker = mention
                break
        if taker is not None:
            tail = max(taker["end_char"], date["end_char"] if date else 0)
            evidence = (doc[start].idx, tail)
            rows.append(relation(doc, "presidency", taker, owner, evidence,
                                 "events.presidency_handover",
                                 start_date=value if not ends else None,
                                 end_date=value if ends else None))
            if giver is not None:
                rows.append(relation(doc, "presidency", giver, owner, evidence,
                                     "events.presidency_handover",
                                     end_date=value if not ends else None))
        return rows
    if not story.has_parse:
        return rows
    token = doc[noun]
    head = token.head
    if token.dep_ == "obj" and (story.lemmas[head.i],) in story.lex.presidency["take"]:
        for holder in story.subjects(head.i, HOLDER_LABELS):
            tail = max(owner["end_char"], date["end_char"] if date else 0)
            evidence = (min(holder["start_char"], doc[start].idx), tail)
            rows.append(relation(doc, "presidency", holder, owner, evidence,
                                 "events.presidency_take",
                                 start_date=value if starts else None,
                                 end_date=value if ends else None,
                                 date=value if not (starts or ends) else None))
    return rows
