"""Predicate ``located_in`` for seats and homes: where a body has its seat, where a person
lives (rules of :func:`~pipeline.relations.events.located_in.located_in_rows`).

* ``events.seat``: ``X, dont le siège (social) est à Lyon``, ``X a son siège à Lyon``, ``le
  siège de X à Lyon``;
* ``events.resident``: ``X, résidant à Lyon``, ``X, un habitant de Brest``, ``X, 45 ans, de
  Rennes,``;
* ``events.reside``: ``X vit à Lyon``, ``X, qui habite en Savoie`` (verbs of
  ``relations_place_words.csv``, kind ``reside``).

A birthplace or an origin (``né à``, ``originaire de``) is no home: no rule reads it. Each
place found is followed by the places chained after it (``à Tulsa, en Oklahoma``).
"""

from __future__ import annotations

from typing import Any

from pipeline.relations.base import (
    CLOSING_QUOTES,
    DE_WORDS,
    Mention,
    description_comma,
    organisation_at,
    relation,
    skip_determiners,
)
from pipeline.relations.events.triggers import ACTOR_LABELS, PLACE_LABELS, EventStory

__all__ = ["from_town", "reside", "resident", "seat"]

Row = dict[str, Any]

#: Words between a seat and its place (folded): ``dont le siège social est situé à``.
SEAT_BRIDGE: frozenset[str] = frozenset({
    "social", "sociaux", "principal", "mondial", "europeen", "est", "etait", "sera", "a", "ete",
    "se", "s'", "trouve", "trouvait", "situe", "installe", "etabli", "fixe", "base", "implante",
    "transfere", "toujours", "desormais", "actuellement"})
#: Words between an organisation and its seat (folded): ``X, qui a son siège``.
BEFORE_SEAT: frozenset[str] = frozenset({
    ",", "dont", "qui", "a", "avait", "ont", "le", "la", "les", "son", "sa", "ses", "leur",
    "leurs", "etabli", "installe", "fixe", "transfere", "garde", "conserve", "gardent",
    "conservent", '"', "»", "”", ")"})
#: How many words a seat's bridges may span.
SEAT_WINDOW = 6
#: How many words of a description (``dans un hangar de l'aéroport``) may stand between a
#: seat and its named place.
SEAT_REACH = 10


def seat(story: EventStory, word: int, lower: int, upper: int) -> list[Row]:
    """``X, dont le siège (social) est à Lyon``, ``X a son siège à Lyon``, ``le siège de X
    à Lyon``, ``X, qui siège à Strasbourg``: the organisation's seat is at the place after
    the seat word (rule ``events.seat``; places chained after it too)."""
    index, w = story.index, story.word
    j = word + 1
    owner: Mention | None = None
    if j < upper and w(j) in DE_WORDS:  # le siège de l'ONG « X » à Lyon
        k = skip_determiners(story.ctx, j + 1, 1, upper)
        owner = organisation_at(story.ctx, index, k, upper)
        if owner is None:
            return []
        j = k  # after the name (a quoted one too: « X »)
        while j < upper and story.doc[j].idx < owner["end_char"]:
            j += 1
        while j < upper and w(j) in CLOSING_QUOTES:
            j += 1
    bridge = j
    while j < upper and j - bridge < SEAT_WINDOW and w(j) in SEAT_BRIDGE and \
            story.place_at(j, upper) is None:
        j += 1  # social est situé | a été transféré
    place = story.scene_place(j, upper)
    k = j
    while place is None and k < upper and k - j < SEAT_REACH and story.pos[k] not in (
            "VERB", "AUX", "PUNCT") and story.index.at(k, {"PER", "ORG"}) is None:
        k += 1  # son siège dans un hangar de l'aéroport de Tulsa à Tulsa
        place = story.place_at(k, upper)
    if place is None:
        return []
    if owner is None:
        k = word - 1
        while k >= lower and word - k <= SEAT_WINDOW and w(k) in BEFORE_SEAT:
            k -= 1
        if k >= lower and w(k) == ")":  # X (XYZ), dont le siège
            k -= 1
        far, others = k - SEAT_REACH, ACTOR_LABELS - {"COUNTRY"}  # a demonym may stand there
        while k >= max(lower, far) and index.ending(k, {"ORG"}) is None and (
                story.pos[k] not in ("VERB", "PUNCT") and index.at(k, others) is None):
            k -= 1  # X est une compagnie aérienne qui a son siège
        owner = index.ending(k, {"ORG"}) if k >= lower else None
    if owner is None:
        return []
    begin = min(owner["start_char"], story.doc[word].idx)
    return [relation(story.doc, "located_in", owner, found, (begin, found["end_char"]),
                     "events.seat")
            for found in [place, *story.chained(place, upper)]]


#: Words between a person and a word of residence (folded): ``X, un habitant de Brest``.
BEFORE_RESIDENT: frozenset[str] = frozenset({",", "un", "une", "qui", "est", "etait"})


def resident(story: EventStory, word: int, lower: int, upper: int) -> list[Row]:
    """``X, résidant à Lyon``, ``X, un habitant de Brest``, ``X, domiciliée en Savoie``: the
    person (or body) named right before lives at the place after (rule ``events.resident``)."""
    index, w = story.index, story.word
    j = word + 1
    if j < upper and w(j) in DE_WORDS:  # habitant de Brest, résident des Pays-Bas
        place = index.starting(skip_determiners(story.ctx, j + 1, 1, upper), PLACE_LABELS)
    else:
        place = story.scene_place(j, upper)
    if place is None:
        return []
    k = word - 1
    while k >= lower and word - k <= 3 and w(k) in BEFORE_RESIDENT:
        k -= 1
    owner = index.ending(k, {"PER", "ORG"}) if k >= lower else None
    if owner is None and story.pos[word] == "VERB":  # X, infirmière de nuit résidant à
        k = description_comma(story.ctx, index, word, lower)
        owner = index.ending(k - 1, {"PER"}) if k is not None and k - 1 >= lower else None
    if owner is None or k == word - 1 and story.pos[word] != "VERB":
        return []  # a noun (habitant) needs its apposition: "X, habitant de"
    return [relation(story.doc, "located_in", owner, found,
                     (owner["start_char"], found["end_char"]), "events.resident")
            for found in [place, *story.chained(place, upper)]]


def reside(story: EventStory, verb: int, lower: int, upper: int) -> list[Row]:
    """``X vit à Lyon``, ``X, qui habite en Savoie, …``: the person subject of a verb of
    living somewhere (through ``qui`` to the relative's antecedent) lives at the place that
    follows the verb (rule ``events.reside``). Not under a negation (``ne vit plus à``)."""
    index, w, doc = story.index, story.word, story.doc
    if any(w(k) in ("ne", "n'", "plus", "jamais") for k in range(max(lower, verb - 2),
                                                                 min(upper, verb + 2))):
        return []
    subjects = story.subjects(verb, {"PER"}) if story.has_parse else []
    if not subjects and story.has_parse and doc[verb].dep_ == "acl:relcl":
        antecedent = index.at(doc[verb].head.i, {"PER"})
        subjects = [antecedent] if antecedent is not None else []
    if not subjects:
        k = verb - 1
        if k >= lower and w(k) == "qui":
            k -= 1
            if k >= lower and w(k) == ",":
                k -= 1
        person = index.ending(k, {"PER"}) if k >= lower else None
        subjects = [person] if person is not None else []
    j = verb + 1
    while j < upper and j - verb <= 3 and (story.pos[j] == "ADV" or w(j) == "toujours"):
        j += 1  # vit depuis 2010 à ... is left alone: a date breaks the walk
    place = story.scene_place(j, upper)
    if place is None or not subjects:
        return []
    rows = []
    for subject in subjects:
        begin = min(subject["start_char"], doc[verb].idx)
        rows.extend(relation(doc, "located_in", subject, found, (begin, found["end_char"]),
                             "events.reside")
                    for found in [place, *story.chained(place, upper)])
    return rows


#: Marks that close the town of ``Paul Roy, 45 ans, de Rennes,`` (folded).
TOWN_END: frozenset[str] = frozenset({",", ".", ")", ";", ":"})


def from_town(story: EventStory, lower: int, upper: int) -> list[Row]:
    """``Paul Roy, 45 ans, de Rennes, …``: a person presented with a town (a LOC, not a
    country: ``X, du Maroc`` says a nationality) in apposition lives there (rule
    ``events.resident``)."""
    index, w = story.index, story.word
    rows = []
    for i in range(lower, upper):
        person = index.starting(i, {"PER"})
        if person is None or index.tokens(person)[0] != i:
            continue
        j = index.tokens(person)[1]
        if j + 2 >= upper or w(j) != ",":
            continue
        j += 1
        if story.pos[j] == "NUM" and w(j + 1) == "ans" and w(j + 2) == ",":
            j += 3  # Paul Roy, 45 ans, de Rennes
        if j >= upper or w(j) not in ("de", "d'"):
            continue
        place = index.starting(j + 1, {"LOC"}) if j + 1 < upper else None
        if place is None:
            continue
        after = index.tokens(place)[1]
        if after < upper and w(after) not in TOWN_END:
            continue
        rows.append(relation(story.doc, "located_in", person, place,
                             (person["start_char"], place["end_char"]), "events.resident"))
    return rows
