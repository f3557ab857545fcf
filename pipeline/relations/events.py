"""Events: meetings, visits and chairmanships with their place and date.

Predicates written (every row inside one sentence):

* ``located_in``: subject the body whose event it is (``la session du Conseil de sécurité
  collective qui s'est tenue à Astana``) or the person/body that travels or meets (``X s'est
  rendu à Pékin``, ``le Conseil se réunira à Bruxelles``); object the LOC/COUNTRY mention after
  ``à/en/au/aux/dans``; attributes ``event`` (session, sommet, visite...) and ``date`` (ISO
  value of the DATE mention of the same clause). When the event noun has no body
  (``la réunion a eu lieu à Genève``) the subject is ``None``.
* ``date``: same subject, object the DATE mention, attribute ``event``.
* ``participant``: subject the participant (country, person, body; coordinations give one row
  each), object the body of the event: ``à laquelle ont participé les présidents de la Russie,
  de la Biélorussie…`` and ``X a participé au sommet de l'OCS``; attribute ``event`` and, when
  the participants are named through their leaders, ``via`` (``président``).
* ``presidency``: subject the country or body holding a rotating chairmanship, object the
  organisation: ``la présidence de l'OTSC passera du Kazakhstan au Kirghizistan à partir du
  1er janvier 2025`` gives KG with ``start_date`` and KZ with ``end_date``; ``X assurera la
  présidence de Y`` gives X with ``date`` (or ``start_date`` after ``à partir de``/``dès``).

Rules: verb frames on the dependency parse (the clause of a verb of
``relations_event_verbs.csv``: its subtree without nested verb clauses), noun phrases
(``le sommet de l'OTAN à Vilnius``) and cue phrases (``en visite à``) as token walks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from pipeline.entities.gazetteers import fold, read_csv
from pipeline.extensions import register_extensions
from pipeline.relations.base import (
    DE_WORDS,
    DETERMINERS,
    Mention,
    MentionIndex,
    add_relations,
    coordinated_after,
    lemma,
    load_words_by_kind,
    relation,
    sentence_bounds,
    tokenize_form,
)
from pipeline.relations.base import word_at as _word
from pipeline.relations.roles import load_titles

__all__ = [
    "EventExtractor",
    "VerbEntry",
    "load_event_nouns",
    "load_event_phrases",
    "load_event_verbs",
    "load_presidency_words",
    "make_event_extractor",
]

NOUNS_FILE = "relations_event_nouns.csv"
VERBS_FILE = "relations_event_verbs.csv"
PHRASES_FILE = "relations_event_phrases.csv"
PRESIDENCY_FILE = "relations_presidency_words.csv"
PLACE_WORDS_FILE = "relations_place_words.csv"

FRAMES: frozenset[str] = frozenset({"venue", "gather", "travel", "participate"})
PRESIDENCY_KINDS: frozenset[str] = frozenset({"noun", "handover", "take", "start", "end"})

PLACE_LABELS: frozenset[str] = frozenset({"LOC", "COUNTRY"})
ACTOR_LABELS: frozenset[str] = frozenset({"PER", "ORG", "COUNTRY", "LOC"})
#: Prepositions that introduce a place (folded).
PLACE_PREPOSITIONS: frozenset[str] = frozenset({"a", "au", "aux", "en", "dans"})
#: Prepositions that introduce what one takes part in (folded).
TO_WORDS: frozenset[str] = frozenset({"a", "au", "aux"})
REFLEXIVES: frozenset[str] = frozenset({"se", "s'", "me", "m'", "te", "t'", "nous", "vous"})
RELATIVES: frozenset[str] = frozenset({"qui", "laquelle", "lequel", "lesquels", "lesquelles",
                                       "auquel", "auxquels", "auxquelles"})
#: Nouns for the leaders through whom countries take part ("les présidents de la Russie...").
LEADER_NOUNS: frozenset[str] = frozenset({"dirigeant", "dirigeants", "chef", "chefs",
                                          "representant", "representants", "delegation",
                                          "delegations", "leader", "leaders"})
#: Dependents that open a clause of their own, cut out of a verb's clause.
CLAUSE_DEPS: frozenset[str] = frozenset({"conj", "acl:relcl", "acl", "advcl", "ccomp",
                                         "parataxis", "xcomp"})
SUBJECT_DEPS: frozenset[str] = frozenset({"nsubj", "nsubj:pass"})
#: How far (tokens) the comma closing an opening place complement may be.
OPENING_WINDOW = 12
#: Courtesy titles written before a name and sometimes left out of the PER mention (folded).
HONORIFICS: frozenset[str] = frozenset({"m.", "m", "mme", "mlle", "monsieur", "madame",
                                        "mademoiselle", "dr", "docteur", "pr", "professeur"})
#: Words before a place that make ``X à Y`` a route rather than a location (folded).
ROUTE_WORDS: frozenset[str] = frozenset({"de", "d'", "du", "des", "depuis", "entre"})
#: Closing marks allowed between a name and its place complement (folded).
CLOSING_MARKS: frozenset[str] = frozenset({'"', "»", "”", "'"})


@dataclass(frozen=True)
class VerbEntry:
    """One event verb: lemma, whether it is pronominal, its locution word, frame and event."""

    lemma: str
    reflexive: bool
    particle: str | None
    frame: str
    event: str


def _check_frame(value: str) -> str | None:
    return None if value in FRAMES else f"frame must be one of {sorted(FRAMES)}"


@lru_cache(maxsize=4)
def load_event_nouns(source: str = NOUNS_FILE) -> dict[str, str]:
    """Folded event noun -> ``event`` attribute value."""
    return {fold(row["noun"]): row["event"]
            for row in read_csv(source, required=("noun", "event"))}


@lru_cache(maxsize=4)
def load_event_verbs(source: str = VERBS_FILE) -> dict[str, tuple[VerbEntry, ...]]:
    """Folded verb lemma -> its entries (``se tenir`` is stored under ``tenir``)."""
    table: dict[str, list[VerbEntry]] = {}
    for row in read_csv(source, required=("verb", "frame"), optional=("event",),
                        validators={"frame": _check_frame}):
        words = fold(row["verb"]).replace("s'", "se ").split()
        reflexive = words[0] == "se"
        words = words[1:] if reflexive else words
        if not words or len(words) > 2:
            raise row.error(f"verb must be a lemma, 'se' + lemma or a two-word locution: "
                            f"{row['verb']!r}")
        if row["frame"] != "participate" and not row.get("event"):
            raise row.error("the event column is required for this frame")
        entry = VerbEntry(words[0], reflexive, words[1] if len(words) == 2 else None,
                          row["frame"], row.get("event"))
        table.setdefault(words[0], []).append(entry)
    return {lemma: tuple(entries) for lemma, entries in table.items()}


@lru_cache(maxsize=4)
def load_event_phrases(source: str = PHRASES_FILE) -> tuple[tuple[tuple[str, ...], str], ...]:
    """Cue phrases (folded tokens, longest first) with their ``event`` value."""
    phrases = [(tokenize_form(row["phrase"]), row["event"])
               for row in read_csv(source, required=("phrase", "event"))]
    return tuple(sorted(phrases, key=lambda p: -len(p[0])))


@lru_cache(maxsize=4)
def load_place_words(source: str = PLACE_WORDS_FILE) -> frozenset[str]:
    """Folded participles that place an organisation (``basée``, ``située``)."""
    def check(value: str) -> str | None:
        return None if value == "based" else "kind must be based"

    return frozenset(fold(row["word"]) for row in read_csv(
        source, required=("word", "kind"), validators={"kind": check}))


@lru_cache(maxsize=4)
def load_presidency_words(source: str = PRESIDENCY_FILE) -> dict[str, frozenset[tuple[str, ...]]]:
    """Chairmanship words by kind (folded token tuples)."""
    return load_words_by_kind(source, PRESIDENCY_KINDS)


def _has_parse(doc: Doc) -> bool:
    return doc.has_annotation("DEP")


def _end(token: Token) -> int:
    return token.idx + len(token.text)


class EventExtractor:
    """Pipeline component: events' places and dates, participants and chairmanships."""

    def __init__(self, nlp: Language | None = None, name: str = "depeche_events") -> None:
        register_extensions()
        self.name = name
        self.nouns = load_event_nouns()
        self.verbs = load_event_verbs()
        self.phrases = load_event_phrases()
        self.presidency = load_presidency_words()
        self.place_words = load_place_words()
        self.title_words = {e.words[0] for e in load_titles()} | LEADER_NOUNS
        self.titles = {e.words[0]: e.title for e in load_titles() if len(e.words) == 1}

    # -- shared walks -----------------------------------------------------------------------
    def event_of(self, token: Token) -> str | None:
        """The ``event`` value of a noun token, if it names an event."""
        return self.nouns.get(_word(token.doc, token.i)) or self.nouns.get(lemma(token))

    def owner(self, doc: Doc, index: MentionIndex, noun: int, upper: int) -> Mention | None:
        """The body whose event the noun names: ``session du Conseil``, ``sommet de l'OTAN``."""
        j = noun + 1
        while j < upper and j <= noun + 3 and doc[j].pos_ == "ADJ" and index.at(j) is None:
            j += 1
        if j >= upper or _word(doc, j) not in DE_WORDS:
            return None
        j += 1
        while j < upper and _word(doc, j) in DETERMINERS:
            j += 1
        return index.starting(j, {"ORG"})

    def place_at(self, doc: Doc, index: MentionIndex, i: int,
                 upper: int) -> Mention | None:
        """A place mention introduced at token ``i``: ``à Astana``, ``en Chine``, ``au Mali``."""
        if i >= upper or _word(doc, i) not in PLACE_PREPOSITIONS:
            return None
        j = i + 1
        while j < upper and _word(doc, j) in DETERMINERS:
            j += 1
        return index.starting(j, PLACE_LABELS)

    def date_near(self, doc: Doc, index: MentionIndex, i: int, upper: int) -> Mention | None:
        """A DATE mention starting within three words of token ``i`` (``le``, ``,`` skipped)."""
        for j in range(i, min(upper, i + 3)):
            mention = index.starting(j, {"DATE"})
            if mention is not None:
                return mention
            if _word(doc, j) not in DETERMINERS | {",", "les"}:
                break
        return None

    def clause(self, verb: Token, lower: int, upper: int) -> list[int]:
        """Token indices of a verb's clause: its subtree without nested verb clauses."""
        if not _has_parse(verb.doc):
            return list(range(lower, upper))
        cut: set[int] = set()
        for token in verb.subtree:
            if token is not verb and token.dep_ in CLAUSE_DEPS and token.pos_ in ("VERB", "AUX"):
                cut.update(t.i for t in token.subtree)
        return [t.i for t in verb.subtree if t.i not in cut and lower <= t.i < upper]

    def subjects(self, doc: Doc, index: MentionIndex, verb: Token,
                 labels: Iterable[str]) -> list[Mention]:
        """Mentions of the verb's subject, one per coordinated item (``X et Y``)."""
        wanted = set(labels)
        heads = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if not heads and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            heads = [c for c in verb.head.children if c.dep_ in SUBJECT_DEPS]
        found: list[Mention] = []
        for head in heads:
            for token in [head, *[c for c in head.children if c.dep_ == "conj"]]:
                mention = index.at(token.i, wanted)
                if mention is not None and mention not in found:
                    found.append(mention)
        return found

    # -- rules ------------------------------------------------------------------------------
    def process(self, doc: Doc) -> list[dict[str, Any]]:
        """Return the event relation rows of ``doc`` (pure: ``doc`` is not modified)."""
        index = MentionIndex(doc)
        rows: list[dict[str, Any]] = []
        for token in doc:
            lower, upper = sentence_bounds(doc, token.i)
            for entry in self._verb_entries(doc, token, upper):
                if entry.frame == "participate":
                    rows.extend(self._participation(doc, index, token, entry, lower, upper))
                else:
                    rows.extend(self._verb_event(doc, index, token, entry, lower, upper))
            if self.event_of(token) and token.pos_ != "VERB":
                rows.extend(self._noun_place(doc, index, token, upper))
            rows.extend(self._phrase(doc, index, token.i, lower, upper))
            if (lemma(token),) in self.presidency["noun"] or (
                    _word(doc, token.i),) in self.presidency["noun"]:
                rows.extend(self._presidency(doc, index, token, lower, upper))
            if token.i == lower:
                rows.extend(self._opening_place(doc, index, lower, upper))
            if _word(doc, token.i) in self.place_words:
                rows.extend(self._based(doc, index, token, lower, upper))
            if token.pos_ == "VERB" and _has_parse(doc):
                rows.extend(self._clause_place(doc, index, token, upper))
            mention = index.starting(token.i, {"ORG", "LOC"})
            if mention is not None and index.tokens(mention)[0] == token.i:
                rows.extend(self._adjacent_place(doc, index, mention, lower, upper))
        return _dedupe(rows)

    # -- places without an event ------------------------------------------------------------
    def _opening_place(self, doc: Doc, index: MentionIndex, lower: int,
                       upper: int) -> list[dict[str, Any]]:
        """``À Paris, Monsieur X ...``, ``Hier soir au Ghana, M. X ...``: a sentence that
        opens with a place complement (no verb before its comma) puts the subject named just
        after the comma there (rule ``events.opening_place``)."""
        comma = None
        for j in range(lower, min(upper, lower + OPENING_WINDOW)):
            if doc[j].pos_ in ("VERB", "AUX"):
                break
            if _word(doc, j) == ",":
                comma = j  # "Le 12 mai 2021, à Valparaiso au Chili, ..."
        if comma is None:
            return []
        places = [m for j in range(lower, comma)
                  if (m := self.place_at(doc, index, j, comma)) is not None]
        k = comma + 1
        while k < upper and index.starting(k) is None and (
                _word(doc, k) in DETERMINERS or _word(doc, k) in HONORIFICS):
            k += 1
        subject = index.starting(k, {"PER", "ORG"}) if k < upper else None
        if not places or subject is None:
            return []
        return [relation(doc, "located_in", subject, place,
                         (doc[lower].idx, subject["end_char"]), "events.opening_place")
                for place in places]

    def _adjacent_place(self, doc: Doc, index: MentionIndex, mention: Mention, lower: int,
                        upper: int) -> list[dict[str, Any]]:
        """``le musée Granet à Aix``, ``la coopérative Lactalp en Savoie``, ``Puebla au
        Mexique``: a place complement right after an ORG or LOC name (rule
        ``events.adjacent_place``). Not after ``de``/``depuis``/``entre`` (``de Paris à Lyon``
        is a route)."""
        start, end = index.tokens(mention)
        if mention["label"] == "LOC" and _word(doc, start - 1) in ROUTE_WORDS:
            return []
        j = end
        while j < upper and _word(doc, j) in CLOSING_MARKS:
            j += 1
        place = self.place_at(doc, index, j, upper)
        if place is None or place is mention or place["entity_id"] == mention["entity_id"]:
            return []
        return [relation(doc, "located_in", mention, place,
                         (mention["start_char"], place["end_char"]), "events.adjacent_place")]

    def _clause_place(self, doc: Doc, index: MentionIndex, verb: Token,
                      upper: int) -> list[dict[str, Any]]:
        """``Claire Vasseur a fait un séjour à Montréal``: a person subject of a verb
        with a place adjunct after it (``obl``/``obl:mod``, not the argument ``obl:arg``;
        ``en``/``dans``/``au`` + place, or ``à`` + a LOC, not a country that may be the verb's
        dative) is there (rule ``events.clause_place``)."""
        subjects = self.subjects(doc, index, verb, {"PER"})
        if not subjects:
            return []
        rows = []
        for child in verb.children:
            if child.dep_ not in ("obl", "obl:mod") or child.i < verb.i:
                continue
            place = index.at(child.i, PLACE_LABELS)
            if place is None:
                continue
            case = [c for c in child.children if c.dep_ == "case"]
            word = _word(doc, case[0].i) if case else ""
            if word not in PLACE_PREPOSITIONS or (word == "a" and place["label"] != "LOC"):
                continue
            for subject in subjects:
                rows.append(relation(doc, "located_in", subject, place,
                                     (min(subject["start_char"], verb.idx),
                                      max(place["end_char"], subject["end_char"])),
                                     "events.clause_place"))
        return rows

    def _based(self, doc: Doc, index: MentionIndex, word: Token, lower: int,
               upper: int) -> list[dict[str, Any]]:
        """``X, une société basée à Grenoble``: the nearest ORG before the participle."""
        place = self.place_at(doc, index, word.i + 1, upper)
        if place is None:
            return []
        owner = None
        for k in range(word.i - 1, lower - 1, -1):
            owner = index.ending(k, {"ORG"})
            if owner is not None or doc[k].pos_ == "VERB":
                break
        if owner is None:
            return []
        return [relation(doc, "located_in", owner, place,
                         (owner["start_char"], place["end_char"]), "events.based")]

    def _verb_entries(self, doc: Doc, token: Token, upper: int) -> list[VerbEntry]:
        if token.pos_ not in ("VERB", "AUX"):
            return []
        found = []
        for entry in self.verbs.get(lemma(token), ()):
            if entry.reflexive and not any(
                    _word(doc, j) in REFLEXIVES for j in range(max(0, token.i - 3), token.i)):
                continue
            if entry.particle and not any(
                    lemma(doc[j]) == entry.particle or _word(doc, j) == entry.particle
                    for j in range(token.i + 1, min(upper, token.i + 3))):
                continue
            found.append(entry)
        if any(e.reflexive for e in found):  # "se réunir" beats "réunir"-like entries
            found = [e for e in found if e.reflexive or e.particle]
        return found[:1]

    def _verb_event(self, doc: Doc, index: MentionIndex, verb: Token, entry: VerbEntry,
                    lower: int, upper: int) -> list[dict[str, Any]]:
        clause = self.clause(verb, lower, upper)
        inside = set(clause)
        places = [m for i in clause if (m := self.place_at(doc, index, i, upper)) is not None
                  and index.tokens(m)[0] in inside]
        places = [m for m in places if index.tokens(m)[0] > verb.i] or places
        if not places:
            return []
        place = places[0]
        dates = [m for i in clause if (m := index.starting(i, {"DATE"})) is not None]
        date = dates[0] if dates else None
        event, start = entry.event, verb.i
        subjects: list[Mention | None] = []
        if entry.frame == "venue":
            noun = self._venue_noun(doc, verb, lower)
            if noun is None:
                return []
            mention = index.at(noun.i, {"ORG", "PER"})
            if mention is not None:
                subjects = [mention]
            elif self.event_of(noun):
                event = self.event_of(noun) or event
                subjects = [self.owner(doc, index, noun.i, upper)]
            else:
                return []
            start = noun.i - 1 if noun.i > lower and _word(doc, noun.i - 1) in DETERMINERS \
                else noun.i
        else:
            subjects = list(self.subjects(doc, index, verb, ACTOR_LABELS - {"LOC"}
                                          if entry.frame == "gather" else {"PER", "ORG"}))
            if not subjects:
                return []
            start = index.tokens(subjects[0])[0]
        tail = max([place["end_char"]] + ([date["end_char"]] if date else []))
        rows = []
        for subject in subjects:
            begin = min(doc[start].idx, subject["start_char"] if subject else doc[start].idx)
            evidence = (begin, tail)
            rule = f"events.{entry.frame}"
            rows.append(relation(doc, "located_in", subject, place, evidence, rule,
                                 event=event, date=date["norm"] if date else None))
            if date is not None:
                rows.append(relation(doc, "date", subject, date, evidence, rule, event=event))
        return rows

    def _venue_noun(self, doc: Doc, verb: Token, lower: int) -> Token | None:
        """The subject noun of a venue verb (through ``qui`` to the relative's antecedent)."""
        if _has_parse(doc):
            heads = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
            if heads and _word(doc, heads[0].i) not in RELATIVES:
                return heads[0]
            if verb.dep_ == "acl:relcl" and verb.head.i < verb.i:
                return verb.head
        for j in range(verb.i - 1, lower - 1, -1):  # no parse: the nearest event noun before
            if self.event_of(doc[j]):
                return doc[j]
        return None

    def _participation(self, doc: Doc, index: MentionIndex, verb: Token, entry: VerbEntry,
                       lower: int, upper: int) -> list[dict[str, Any]]:
        relative = [j for j in range(max(lower, verb.i - 3), verb.i)
                    if _word(doc, j) in RELATIVES - {"qui"}]
        if relative:
            return self._relative_participation(doc, index, verb, relative[0], lower, upper)
        subjects = self.subjects(doc, index, verb, ACTOR_LABELS)
        j = verb.i + 1
        if entry.particle:
            j += 1
        if not subjects or j >= upper or _word(doc, j) not in TO_WORDS:
            return []
        j += 1
        while j < upper and _word(doc, j) in DETERMINERS:
            j += 1
        target = index.starting(j, {"ORG"})
        event = None
        if target is None and j < upper and self.event_of(doc[j]):
            event = self.event_of(doc[j])
            target = self.owner(doc, index, j, upper)
        if target is None:
            return []
        return [relation(doc, "participant", s, target,
                         (min(s["start_char"], target["start_char"]),
                          max(s["end_char"], target["end_char"])),
                         "events.participate", event=event) for s in subjects]

    def _relative_participation(self, doc: Doc, index: MentionIndex, verb: Token,
                                relative: int, lower: int,
                                upper: int) -> list[dict[str, Any]]:
        """``… la session du Conseil … à laquelle ont participé les présidents de X, de Y``."""
        target, event = None, None
        for j in range(relative - 1, lower - 1, -1):
            if self.event_of(doc[j]) and doc[j].pos_ != "VERB":
                event = self.event_of(doc[j])
                target = self.owner(doc, index, j, upper)
                break
        if target is None:
            return []
        j = verb.i + 1
        while j < upper and _word(doc, j) in DETERMINERS:
            j += 1
        via = None
        if j < upper and (lemma(doc[j]) in self.title_words or _word(doc, j) in self.title_words):
            via = self.titles.get(lemma(doc[j]))
            j += 1
        members = coordinated_after(doc, index, j, ACTOR_LABELS, upper)
        if not members:
            return []
        start = relative - 1 if relative > lower and _word(doc, relative - 1) in TO_WORDS \
            else relative
        evidence = (doc[start].idx, members[-1]["end_char"])
        return [relation(doc, "participant", m, target, evidence, "events.participate_relative",
                         event=event, via=via) for m in members]

    def _noun_place(self, doc: Doc, index: MentionIndex, noun: Token,
                    upper: int) -> list[dict[str, Any]]:
        """``le sommet de l'OTAN à Vilnius (le 11 juillet)``."""
        owner = self.owner(doc, index, noun.i, upper)
        if owner is None:
            return []
        after = index.tokens(owner)[1]
        place = self.place_at(doc, index, after, upper)
        if place is None:
            return []
        date = self.date_near(doc, index, index.tokens(place)[1], upper)
        start = noun.i - 1 if noun.i > 0 and _word(doc, noun.i - 1) in DETERMINERS else noun.i
        evidence = (doc[start].idx, date["end_char"] if date else place["end_char"])
        event = self.event_of(noun)
        rows = [relation(doc, "located_in", owner, place, evidence, "events.noun_place",
                         event=event, date=date["norm"] if date else None)]
        if date is not None:
            rows.append(relation(doc, "date", owner, date, evidence, "events.noun_place",
                                 event=event))
        return rows

    def _phrase(self, doc: Doc, index: MentionIndex, i: int, lower: int,
                upper: int) -> list[dict[str, Any]]:
        """``X, en visite à Moscou, …``: the nearest person before (else after) travels."""
        for words, event in self.phrases:
            if tuple(_word(doc, j) for j in range(i, i + len(words))) != words:
                continue
            j = i + len(words)
            if j < upper and doc[j].pos_ == "ADJ":
                j += 1
            place = self.place_at(doc, index, j, upper)
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
            date = self.date_near(doc, index, index.tokens(place)[1], upper)
            tail = date["end_char"] if date else place["end_char"]
            evidence = (min(person["start_char"], doc[i].idx), max(tail, person["end_char"]))
            rows = [relation(doc, "located_in", person, place, evidence, "events.phrase",
                             event=event, date=date["norm"] if date else None)]
            if date is not None:
                rows.append(relation(doc, "date", person, date, evidence, "events.phrase",
                                     event=event))
            return rows
        return []

    # -- chairmanship -----------------------------------------------------------------------
    def _marked(self, doc: Doc, i: int, kind: str) -> bool:
        """True when one of the ``kind`` words (start/end) ends just before token ``i``."""
        return any(tuple(_word(doc, j) for j in range(i - len(w), i)) == w
                   for w in self.presidency[kind])

    def _presidency(self, doc: Doc, index: MentionIndex, noun: Token, lower: int,
                    upper: int) -> list[dict[str, Any]]:
        """``la présidence de l'OTSC passera du Kazakhstan au Kirghizistan à partir du …``."""
        owner = self.owner(doc, index, noun.i, upper)
        if owner is None:
            return []
        date = None
        for j in range(noun.i, upper):
            found = index.starting(j, {"DATE"})
            if found is not None:
                date = found
                break
        starts = date is not None and (self._marked(doc, index.tokens(date)[0], "start")
                                       or date.get("bound") == "start")
        ends = date is not None and self._marked(doc, index.tokens(date)[0], "end")
        value = date["norm"] if date else None
        start = noun.i - 1 if noun.i > lower and _word(doc, noun.i - 1) in DETERMINERS \
            else noun.i
        rows: list[dict[str, Any]] = []
        verb = next((doc[j] for j in range(index.tokens(owner)[1], upper)
                     if (lemma(doc[j]),) in self.presidency["handover"]), None)
        if verb is not None:
            giver = taker = None
            for j in range(verb.i + 1, upper):
                word = _word(doc, j)
                k = j + 1
                while k < upper and _word(doc, k) in DETERMINERS:
                    k += 1
                mention = index.starting(k, {"COUNTRY", "ORG", "LOC", "PER"})
                if giver is None and taker is None and word in DE_WORDS and mention:
                    giver = mention
                elif taker is None and word in TO_WORDS and mention:
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
        head = noun.head if _has_parse(doc) else None
        if head is not None and noun.dep_ == "obj" and (
                (lemma(head),) in self.presidency["take"]):
            for holder in self.subjects(doc, index, head, {"COUNTRY", "ORG", "PER", "LOC"}):
                tail = max(owner["end_char"], date["end_char"] if date else 0)
                evidence = (min(holder["start_char"], doc[start].idx), tail)
                rows.append(relation(doc, "presidency", holder, owner, evidence,
                                     "events.presidency_take",
                                     start_date=value if starts else None,
                                     end_date=value if ends else None,
                                     date=value if not (starts or ends) else None))
        return rows

    def __call__(self, doc: Doc) -> Doc:
        add_relations(doc, self.process(doc))
        return doc


def _dedupe(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Keep the first row per (predicate, subject, object) so two rules do not repeat one fact."""
    seen: set[tuple[Any, ...]] = set()
    kept = []
    for row in rows:
        key = (row["predicate"], row["subject_start"], row["object_start"], row["object_end"])
        if key not in seen:
            seen.add(key)
            kept.append(row)
    return kept


@Language.factory("depeche_events", assigns=["doc._.relations"], requires=["doc._.mentions"])
def make_event_extractor(nlp: Language, name: str) -> EventExtractor:
    """spaCy factory of :class:`EventExtractor` (``nlp.add_pipe("depeche_events")``)."""
    return EventExtractor(nlp, name)
