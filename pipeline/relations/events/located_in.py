"""Predicate ``located_in``: where an event took place, or where a person or body is.

Subject the body whose event it is (``la session du Conseil de sécurité collective qui s'est
tenue à Astana``) or the person/body that travels or meets (``X s'est rendu à Pékin``, ``le
Conseil se réunira à Bruxelles``); object the LOC/COUNTRY mention after ``à/en/au/aux/dans``;
attributes ``event`` (session, sommet, visite...) and ``date`` (ISO value of the DATE mention
of the same clause, which also gives a ``date`` row: :mod:`~pipeline.relations.events.dates`).
When the event noun has no body (``la réunion a eu lieu à Genève``) the subject is ``None``.

Rules, tried at every token of a sentence in this order:

* ``events.venue`` / ``events.gather`` / ``events.travel``: the clause of an event verb
  (frame of ``relations_event_verbs.csv``) holds the place;
* ``events.noun_place``: ``le sommet de l'OTAN à Vilnius (le 11 juillet)``;
* ``events.phrase``: a cue phrase, ``X, en visite à Moscou, …``;
* ``events.opening_place``: ``À Paris, Monsieur X …``;
* ``events.based``: ``X, une société basée à Grenoble``, ``Basée à Lyon, la société X``
  (and the places chained after: ``basée à Annecy, en Haute-Savoie``);
* ``events.seat``, ``events.resident``, ``events.reside``: seats and homes (``X, dont le
  siège est à Lyon``, ``X, résidant à Lyon``, ``X, qui vit à Lyon``), in
  :mod:`~pipeline.relations.events.residence`;
* ``events.clause_place``: ``Claire Vasseur a fait un séjour à Montréal``;
* ``events.adjacent_place``: ``le musée Granet à Aix``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

from pipeline.relations.base import (
    DE_WORDS,
    DETERMINERS,
    HONORIFICS,
    Mention,
    load_org_nouns,
    organisation_at,
    relation,
    skip_determiners,
    with_determiner,
)
from pipeline.relations.events.dates import date_near, date_row, first_date
from pipeline.relations.events.residence import from_town, reside, resident, seat
from pipeline.relations.events.triggers import (
    ACTOR_LABELS,
    PLACE_LABELS,
    PLACE_PREPOSITIONS,
    RELATIVES,
    SCENE_PREPOSITIONS,
    SUBJECT_DEPS,
    EventStory,
    VerbEntry,
)

__all__ = ["located_in_rows"]

#: How far (tokens) the comma closing an opening place complement may be.
OPENING_WINDOW = 12
#: Words before a place that make ``X à Y`` a route rather than a location (folded).
ROUTE_WORDS: frozenset[str] = frozenset({"de", "d'", "du", "des", "depuis", "entre"})
SCENE_LABELS = frozenset({"PER", "ORG"})
#: Words that make a place a birthplace or an origin, not where the story happens (folded).
NOT_THERE: frozenset[str] = frozenset({"ne", "nee", "nes", "nees", "originaire", "originaires",
                                       "natif", "native", "depuis", "vers", "quitte", "quitter"})
#: Lemmas of the verbs of a birthplace (folded): no place of theirs is where the story is.
BIRTH_LEMMAS: frozenset[str] = frozenset({"naitre"})
#: How many tokens before a place such a word is looked for.
NOT_THERE_WINDOW = 5
#: Prepositions that end a route (``de Paris à Lyon``, ``du Kazakhstan au Kirghizistan``).
TO_PLACE: frozenset[str] = frozenset({"a", "au", "aux"})
#: Rules that give an organisation's seat (its place is no scene for the sentence).
SEAT_RULES: frozenset[str] = frozenset({"events.based", "events.described"})
#: Most lower-case words between a describing noun and its place (``lycée agricole public``).
DESCRIPTION_WORDS = 6
#: Closing marks allowed between a name and its place complement (folded).
CLOSING_MARKS: frozenset[str] = frozenset({'"', "»", "”", "'"})

Row = dict[str, Any]


def located_in_rows(story: EventStory) -> list[Row]:
    """The ``located_in`` rows of the story, with the ``date`` rows of the same statements,
    in text order (rules in the order of the module docstring at each token)."""
    rows: list[Row] = []
    verbs = story.verb_entries()
    index, words, pos, lex = story.index, story.words, story.pos, story.lex
    hot = _hot_tokens(story, verbs)
    for lower, upper in story.sentences:
        for i in [lower, *hot[bisect_right(hot, lower):bisect_left(hot, upper)]]:
            entry = verbs.get(i)
            if entry is not None and entry.frame != "participate":
                rows.extend(_verb_event(story, i, entry, lower, upper))
            if pos[i] != "VERB" and story.event_of(i):
                rows.extend(_noun_place(story, i, upper))
            if words[i] in lex.phrases:
                rows.extend(_phrase(story, i, lower, upper))
            if i == lower:
                rows.extend(_opening_place(story, lower, upper))
            if words[i] in lex.place_words:
                rows.extend(_based(story, i, lower, upper))
            if words[i] in lex.seat_words:
                rows.extend(seat(story, i, lower, upper))
            if words[i] in lex.resident_words:
                rows.extend(resident(story, i, lower, upper))
            if (story.lemmas[i] in lex.reside_verbs or words[i] in lex.reside_verbs) \
                    and pos[i] in ("VERB", "AUX"):
                rows.extend(reside(story, i, lower, upper))
            if pos[i] == "VERB" and story.has_parse:
                rows.extend(_clause_place(story, i, upper))
            mention = index.starting(i, {"ORG", "LOC"})
            if mention is not None and index.tokens(mention)[0] == i:
                rows.extend(_adjacent_place(story, mention, upper))
        rows.extend(_described(story, lower, upper))
        rows.extend(from_town(story, lower, upper))
        rows.extend(_scene(story, lower, upper, rows))
    rows.extend(_story_setting(story, rows))
    return rows


def _hot_tokens(story: EventStory, verbs: dict[int, VerbEntry]) -> list[int]:
    """The tokens where a rule of :func:`located_in_rows` may apply, in order: event verbs,
    verbs, trigger words (by form or lemma), event nouns and first tokens of mentions."""
    by_word, by_lemma = story.lex.trigger_words, story.lex.trigger_lemmas
    hot = {i for i, (word, lemma, tag) in enumerate(zip(story.words, story.lemmas, story.pos,
                                                        strict=True))
           if tag == "VERB" or word in by_word or lemma in by_lemma}
    return sorted(hot | verbs.keys() | story.index.start_of.keys())


def _place_rows(story: EventStory, subject: Mention | None, place: Mention,
                date: Mention | None, evidence: tuple[int, int], rule: str,
                event: str | None) -> list[Row]:
    """The ``located_in`` row of an event, and its ``date`` row when it is dated."""
    rows = [relation(story.doc, "located_in", subject, place, evidence, rule, event=event,
                     date=date["norm"] if date else None)]
    if date is not None:
        rows.append(date_row(story, subject, date, evidence, rule, event))
    return rows


# -- events: verbs, nouns, cue phrases ---------------------------------------------------------

def _verb_event(story: EventStory, verb: int, entry: VerbEntry, lower: int,
                upper: int) -> list[Row]:
    """The place (and date) in the clause of an event verb; the subject by the verb's frame."""
    index, doc = story.index, story.doc
    clause = story.clause(verb, lower, upper)
    inside = set(clause)
    places = [m for i in clause if (m := story.place_at(i, upper)) is not None
              and index.tokens(m)[0] in inside]
    places = [m for m in places if index.tokens(m)[0] > verb] or places
    if not places:
        return []
    place = places[0]
    date = first_date(story, clause)
    event, start = entry.event, verb
    subjects: list[Mention | None] = []
    if entry.frame == "venue":
        noun = _venue_noun(story, verb, lower)
        if noun is None:
            return []
        mention = index.at(noun, {"ORG", "PER"})
        if mention is not None:
            subjects = [mention]
        elif story.event_of(noun):
            event = story.event_of(noun) or event
            subjects = [story.owner(noun, upper)]
        else:
            return []
        start = with_determiner(story.ctx, noun, lower)
    else:
        subjects = list(story.subjects(verb, ACTOR_LABELS - {"LOC"}
                                       if entry.frame == "gather" else {"PER", "ORG"}))
        if not subjects:
            return []
        start = index.tokens(subjects[0])[0]
    tail = max([place["end_char"]] + ([date["end_char"]] if date else []))
    rows = []
    for subject in subjects:
        begin = min(doc[start].idx, subject["start_char"] if subject else doc[start].idx)
        rows.extend(_place_rows(story, subject, place, date, (begin, tail),
                                f"events.{entry.frame}", event))
    return rows


def _venue_noun(story: EventStory, verb: int, lower: int) -> int | None:
    """The subject noun of a venue verb (through ``qui`` to the relative's antecedent)."""
    if story.has_parse:
        token = story.doc[verb]
        heads = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
        if heads and story.word(heads[0].i) not in RELATIVES:
            return heads[0].i
        if token.dep_ == "acl:relcl" and token.head.i < verb:
            return token.head.i
    for j in range(verb - 1, lower - 1, -1):  # no parse: the nearest event noun before
        if story.event_of(j):
            return j
    return None


def _noun_place(story: EventStory, noun: int, upper: int) -> list[Row]:
    """``le sommet de l'OTAN à Vilnius (le 11 juillet)``."""
    owner = story.owner(noun, upper)
    if owner is None:
        return []
    index = story.index
    place = story.place_at(index.tokens(owner)[1], upper)
    if place is None:
        return []
    date = date_near(story, index.tokens(place)[1], upper)
    start = with_determiner(story.ctx, noun, 0)
    evidence = (story.doc[start].idx, date["end_char"] if date else place["end_char"])
    return _place_rows(story, owner, place, date, evidence, "events.noun_place",
                       story.event_of(noun))


def _phrase(story: EventStory, i: int, lower: int, upper: int) -> list[Row]:
    """``X, en visite à Moscou, …``: the nearest person before (else after) travels."""
    doc, index = story.doc, story.index
    for words, event in story.lex.phrases[story.words[i]]:  # longest first
        if tuple(story.words[i:i + len(words)]) != words:
            continue
        j = i + len(words)
        if j < upper and story.pos[j] == "ADJ":
            j += 1
        place = story.place_at(j, upper)
        if place is None:
            return []
        person = None
        for k in range(i - 1, lower - 1, -1):
            person = index.ending(k, {"PER"})
            if person is not None:
                break
        opening = all(not doc[k].is_alpha for k in range(lower, i))
        if person is None and opening:  # "En visite à Pékin, Emmanuel Macron a ..."
            for k in range(index.tokens(place)[1], upper):
                person = index.starting(k, {"PER"})
                if person is not None:
                    break
        if person is None:
            return []
        date = date_near(story, index.tokens(place)[1], upper)
        tail = date["end_char"] if date else place["end_char"]
        evidence = (min(person["start_char"], doc[i].idx), max(tail, person["end_char"]))
        return _place_rows(story, person, place, date, evidence, "events.phrase", event)
    return []


# -- places without an event -------------------------------------------------------------------

def _opening_place(story: EventStory, lower: int, upper: int) -> list[Row]:
    """``À Paris, Monsieur X ...``, ``Hier soir au Ghana, M. X ...``: a sentence that opens
    with a place complement (no verb before its comma) puts the subject named just after the
    comma there (rule ``events.opening_place``)."""
    index, word = story.index, story.word
    commas = []
    for j in range(lower, min(upper, lower + OPENING_WINDOW)):
        if story.pos[j] in ("VERB", "AUX"):
            break
        if story.words[j] == ",":
            commas.append(j)  # "Le 12 mai 2021, à Valparaiso au Chili, ..."
    places: list[Mention] = []
    subject = None
    for comma in commas:  # the first comma after a place that a name follows
        places = [m for j in range(lower, comma) if (m := story.place_at(j, comma)) is not None]
        k = comma + 1
        while k < upper and index.starting(k) is None and (
                word(k) in DETERMINERS or word(k) in HONORIFICS):
            k += 1
        subject = index.starting(k, {"PER", "ORG"}) if k < upper else None
        if places and subject is not None:
            break
    if not places or subject is None:
        return []
    rows = [relation(story.doc, "located_in", subject, place,
                     (story.doc[lower].idx, subject["end_char"]), "events.opening_place")
            for place in places]
    seen = {subject["entity_id"], *(p["entity_id"] for p in places)}
    k = index.tokens(subject)[1]
    while k < upper:  # the other people and bodies of the sentence are in the scene
        other = index.starting(k, {"PER", "ORG"})
        if other is None or other["entity_id"] in seen or index.tokens(other)[0] != k:
            k += 1
            continue
        seen.add(other["entity_id"])
        rows.extend(relation(story.doc, "located_in", other, place,
                             (story.doc[lower].idx, other["end_char"]), "events.opening_scene")
                    for place in places)
        k = index.tokens(other)[1]
    return rows


def _adjacent_place(story: EventStory, mention: Mention, upper: int) -> list[Row]:
    """``le musée Granet à Aix``, ``la coopérative Lactalp en Savoie``, ``Puebla au
    Mexique``, ``le lycée « Arc-en-ciel » de Toulouse``, ``Porto, au Portugal``: a
    place complement right after an ORG or LOC name (rule ``events.adjacent_place``). Not
    ``à``/``au`` after ``de``/``depuis``/``entre`` (``de Paris à Lyon`` is a route;
    ``l'hôpital de Caen en France`` is not)."""
    start, end = story.index.tokens(mention)
    j = end
    while j < upper and story.word(j) in CLOSING_MARKS:
        j += 1
    if j < upper and story.word(j) == "(":  # l'Agence spatiale européenne (ASE) à Noordwijk
        close = next((k for k in range(j + 1, min(upper, j + 5)) if story.word(k) == ")"), None)
        j = close + 1 if close is not None else j
    if mention["label"] == "LOC" and story.word(start - 1) in ROUTE_WORDS \
            and story.word(j) in TO_PLACE:
        return []  # de Paris à Lyon; but l'hôpital de Caen en France
    place = story.place_at(j, upper) or _town_of(story, j, upper)
    if place is None and mention["label"] == "LOC" and story.word(j) == "," \
            and story.word(j + 1) in ("en", "au", "aux"):  # Porto, au Portugal
        place = story.place_at(j + 1, upper)
        place = place if place is not None and place["label"] == "COUNTRY" else None
    if place is None or place is mention or place["entity_id"] == mention["entity_id"]:
        return []
    return [relation(story.doc, "located_in", mention, place,
                     (mention["start_char"], place["end_char"]), "events.adjacent_place")]


def _town_of(story: EventStory, j: int, upper: int) -> Mention | None:
    """The town of ``l'école « Arc-en-ciel » de Toulouse``, ``la brigade de Niamey``: a LOC
    after ``de``/``d'`` that ends the phrase (not the start of a route, ``de Paris à Lyon``,
    nor a longer name)."""
    if j >= upper or story.word(j) not in ("de", "d'"):
        return None
    place = story.index.starting(j + 1, {"LOC"}) if j + 1 < upper else None
    if place is None:
        return None
    after = story.index.tokens(place)[1]
    if after < upper and (story.word(after) in TO_PLACE or story.doc[after].text[:1].isupper()):
        return None
    return place


def _clause_place(story: EventStory, verb: int, upper: int) -> list[Row]:
    """``Claire Vasseur a fait un séjour à Montréal``: a person subject of a verb with a place
    adjunct after it (``obl``/``obl:mod``, not the argument ``obl:arg``; ``en``/``dans``/``au``
    + place, or ``à`` + a LOC, not a country that may be the verb's dative) is there (rule
    ``events.clause_place``)."""
    subjects = story.subjects(verb, {"PER"})
    if not subjects or story.lemmas[verb] in BIRTH_LEMMAS:
        return []  # X est né à Brest: a birthplace, not where X is
    doc, index = story.doc, story.index
    rows = []
    for child in doc[verb].children:
        if child.dep_ not in ("obl", "obl:mod") or child.i < verb:
            continue
        place = index.at(child.i, PLACE_LABELS)
        if place is None:
            continue
        case = [c for c in child.children if c.dep_ == "case"]
        word = story.word(case[0].i) if case else ""
        if word not in PLACE_PREPOSITIONS or (word == "a" and place["label"] != "LOC"):
            continue
        for subject in subjects:
            rows.append(relation(doc, "located_in", subject, place,
                                 (min(subject["start_char"], doc[verb].idx),
                                  max(place["end_char"], subject["end_char"])),
                                 "events.clause_place"))
    return rows


def _based(story: EventStory, word: int, lower: int, upper: int) -> list[Row]:
    """``X, une société basée à Grenoble``: the nearest ORG before the participle; the place
    may be reached through a common noun (``située dans la banlieue de Nantes``), and the
    places chained after it hold the organisation too (``basée à Annecy, en Haute-Savoie``)."""
    place = story.scene_place(word + 1, upper)
    if place is None:
        return []
    owner = None
    for k in range(word - 1, lower - 1, -1):
        if story.pos[k] == "VERB":
            break
        found = story.index.ending(k, {"ORG"})
        if found is None:
            continue
        owner = owner or found
        start = skip_determiners(story.ctx, story.index.tokens(found)[0] - 1, -1, lower)
        if start < lower or story.word(start) not in DE_WORDS:
            owner = found  # X est une équipe de la ligue Y basée à Z: X, not Y
            break
    places = [place, *story.chained(place, upper)]
    if owner is None and all(not story.doc[k].is_alpha for k in range(lower, word)):
        owner = _named_after(story, story.index.tokens(places[-1])[1], upper)
    if owner is None:
        return []
    return [relation(story.doc, "located_in", owner, found,
                     (min(owner["start_char"], found["start_char"]),
                      max(owner["end_char"], found["end_char"])), "events.based")
            for found in places]


def _named_after(story: EventStory, j: int, upper: int) -> Mention | None:
    """``Basée à Lyon, la société Vialis …``: the organisation named right after the comma
    that closes an opening participle phrase."""
    if j >= upper or story.word(j) != ",":
        return None
    k = skip_determiners(story.ctx, j + 1, 1, upper)
    return organisation_at(story.ctx, story.index, k, upper)


# -- the scene of a sentence -------------------------------------------------------------------

def _scene(story: EventStory, lower: int, upper: int, found: list[Row]) -> list[Row]:
    """``Madame X a été renversée par une moto dans la ville de Lyon``: a sentence that names
    one place (or a chain, ``à Mombasa au Kenya``) as a complement puts the people and bodies
    it names there (rule ``events.scene``). Not for a birthplace or an origin (``né à``,
    ``originaire de``), not when two unrelated places are named, not for pairs another rule
    already gave."""
    index, word, words = story.index, story.word, story.words
    places: list[Mention] = []
    last_end = -1
    for j in range(lower, upper):
        if words[j] not in SCENE_PREPOSITIONS:  # every place complement opens with one
            continue
        place = story.scene_place(j, upper)
        if place is None or place in places or any(
                word(k) in NOT_THERE for k in range(max(lower, j - NOT_THERE_WINDOW), j)):
            continue
        start, end = index.tokens(place)
        if (story.has_parse and story.doc[start].dep_ == "obl:arg" and word(j) == "a"
                and place["label"] != "LOC"):
            return []  # écrire à la France: a dative, the sentence is not about a place
        if word(j) in TO_PLACE and any(story.words[k] in story.lex.presidency_nouns
                                       for k in range(lower, upper)):
            return []  # la présidence passera au Kirghizistan: a holder, not a place
        if places and j != last_end:  # a second place, not chained to the first
            if place["entity_id"] in {p["entity_id"] for p in places}:
                continue
            return []
        if word(j - 1) in ROUTE_WORDS or (index.ending(j - 1, PLACE_LABELS) is not None
                                          and word(index.tokens(index.ending(j - 1,
                                              PLACE_LABELS))[0] - 1) in ROUTE_WORDS
                                          and word(j) in TO_PLACE):
            return []  # de Paris à Lyon: a route
        places.append(place)
        last_end = end
    if not places:
        return []
    commas = [k for k in range(lower, upper) if words[k] == ","]
    opening = commas[0] if commas else lower  # "En Italie, ..." / "Ce matin, en Italie, ..."
    done = {(r["subject_start"], r["object_start"]) for r in found}
    first = story.doc[lower].idx
    stated = {r["object_start"] for r in found  # the seat of one body: not a scene
              if r["rule"] in SEAT_RULES and r["evidence_start"] >= first}
    places = [p for p in places if p["start_char"] not in stated]
    if not places:
        return []
    rows = []
    seen: set[str] = set()
    for k in range(lower, upper):
        mention = index.starting(k, SCENE_LABELS)
        if mention is None or index.tokens(mention)[0] != k or mention["entity_id"] in seen:
            continue
        seen.add(mention["entity_id"])
        for place in places:
            if (mention["start_char"], place["start_char"]) in done:
                continue
            if place["start_char"] < mention["start_char"] and index.tokens(place)[0] > opening:
                continue  # a place before the name counts only in the opening complement
            evidence = (min(mention["start_char"], place["start_char"]),
                        max(mention["end_char"], place["end_char"]))
            rows.append(relation(story.doc, "located_in", mention, place, evidence,
                                 "events.scene"))
    return rows


def _opening_places(story: EventStory, lower: int, upper: int) -> tuple[list[Mention], int]:
    """The places of a sentence's opening complement (``À Paris,``, ``Le 3 mai, en Italie,``)
    and the token of the comma that closes it; no places when a verb comes first."""
    for j in range(lower, min(upper, lower + OPENING_WINDOW)):
        if story.pos[j] in ("VERB", "AUX"):
            break
        if story.words[j] == ",":
            places = [m for k in range(lower, j) if (m := story.place_at(k, j)) is not None]
            if places:
                return places, j
    return [], lower


def _story_setting(story: EventStory, found: list[Row]) -> list[Row]:
    """``À Lyon, un incendie a ravagé un entrepôt. […] Le gérant, Paul Roy, …``: a story whose
    first sentence opens with a place complement happens there; the people and bodies it names
    later, that no other rule placed anywhere, are there (rule ``events.story_setting``; one
    row per entity, at its first mention after the first sentence)."""
    if not story.sentences:
        return []
    lower, upper = story.sentences[0]
    places, comma = _opening_places(story, lower, upper)
    if not places:
        return []
    index, doc = story.index, story.doc
    placed = {r["subject_id"] for r in found if r["predicate"] == "located_in"}
    placed |= {p["entity_id"] for p in places}
    evidence = (doc[lower].idx, doc[comma].idx)
    rows = []
    for k in range(upper, story.ctx.n_tokens):
        mention = index.starting(k, {"PER", "ORG"})
        if mention is None or index.tokens(mention)[0] != k or mention["entity_id"] in placed:
            continue
        placed.add(mention["entity_id"])
        rows.extend(relation(doc, "located_in", mention, place, evidence,
                             "events.story_setting") for place in places)
    return rows


def _copula_subject(story: EventStory, verb: int) -> Mention | None:
    """The ORG subject of the noun that *être* at ``verb`` links (``X, anciennement nommé Y,
    est une école``), through the parse: the first ORG mention in the subject's phrase."""
    if not story.has_parse or story.doc[verb].dep_ != "cop":
        return None
    head = story.doc[verb].head
    subjects = [c for c in head.children if c.dep_ in SUBJECT_DEPS and c.i < verb]
    if not subjects:
        return None
    return next((m for t in subjects[0].subtree  # its name may start after an initial: A. X
                 if t.i < verb and (m := story.index.at(t.i, {"ORG"})) is not None), None)


def _described(story: EventStory, lower: int, upper: int) -> list[Row]:
    """``Brico-Rhône est une chaîne régionale de Grenoble``, ``X est une école secondaire
    publique à Lyon``, ``X est l'un des trois lycées de Dole``: an organisation described,
    after *être*, by an organisation noun whose place complement follows (lower-case words
    between) is there, and in the places chained after it (rule ``events.described``)."""
    index, doc, word = story.index, story.doc, story.word
    nouns = load_org_nouns()
    rows = []
    for i in range(lower + 1, upper):
        if story.pos[i] not in ("AUX", "VERB") or story.lemmas[i] != "etre":
            continue
        owner = index.ending(i - 1, {"ORG"}) or _copula_subject(story, i)
        j = i + 1
        if owner is None or j >= upper:
            continue
        if word(j) == "l'" and word(j + 1) in ("un", "une") and word(j + 2) in DE_WORDS:
            j += 3  # X est l'un des (quatre) lycées (agricoles) de Rennes
            while j < upper and story.pos[j] in ("NUM", "ADJ") and index.at(j) is None:
                j += 1
        elif word(j) in ("un", "une"):
            j += 1
        else:
            continue
        if j >= upper or word(j) not in nouns:
            continue
        k, place = j + 1, None
        while k < upper and k - j <= DESCRIPTION_WORDS and index.at(k) is None:
            place = story.place_at(k, upper)
            if place is None and word(k) in ("de", "d'"):
                place = index.starting(k + 1, PLACE_LABELS)
            if place is not None or not (doc[k].text[:1].islower() and doc[k].is_alpha
                                         or word(k) in ("d'", "-")):
                break
            k += 1
        if place is not None:
            rows.extend(relation(doc, "located_in", owner, found,
                                 (owner["start_char"], found["end_char"]), "events.described")
                        for found in [place, *story.chained(place, upper)])
    return rows
