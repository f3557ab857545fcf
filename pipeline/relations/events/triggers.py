"""Finding events: the word lists every event predicate reads, and the walks they share.

Word lists (``pipeline/data/``, validated on load): event nouns (``session``, ``sommet``), event
verbs with their frame (``se tenir``: venue, ``se rendre``: travel, ``participer``:
participate), cue phrases (``en visite``), chairmanship words and the participles that place an
organisation (``basée``). :class:`EventLexicon` holds them, indexed for look-up: cue phrases by
their first folded word, so that a token is compared only with the phrases that can start
there.

:class:`EventStory` is one story as the predicates see it: its :class:`StoryContext` (folded
words, lemmas, sentences, mention index), the parts of speech, the event verbs found once for
all predicates (:meth:`EventStory.verb_entries`), and the walks that find an event's body
(:meth:`~EventStory.owner`), its place (:meth:`~EventStory.place_at`), a verb's clause and
subjects.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import cached_property, lru_cache

from spacy.tokens import Doc

from pipeline.context import StoryContext
from pipeline.entities.gazetteers import fold, read_csv
from pipeline.relations.base import (
    DE_WORDS,
    DETERMINERS,
    Mention,
    MentionIndex,
    load_words_by_kind,
    sentences,
    skip_determiners,
    tokenize_form,
)
from pipeline.relations.roles import load_titles

__all__ = [
    "EventLexicon",
    "EventStory",
    "VerbEntry",
    "default_lexicon",
    "load_event_nouns",
    "load_event_phrases",
    "load_event_verbs",
    "load_place_words",
    "load_presidency_words",
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
#: Prepositions of a place reached through a common noun (``dans la ville de Bamako``).
SCENE_PREPOSITIONS: frozenset[str] = frozenset({"a", "au", "aux", "en", "dans", "sur", "pres"})
#: Common nouns and adjectives allowed between such a preposition and ``de``.
SCENE_NOUNS = 3
#: Prepositions that chain a wider place to a place (``à Tulsa en Oklahoma``), folded.
CHAIN_PREPOSITIONS: frozenset[str] = frozenset({"en", "au", "aux", "dans"})
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

#: A cue phrase: its folded tokens and its ``event`` value.
Phrase = tuple[tuple[str, ...], str]


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
def load_event_phrases(source: str = PHRASES_FILE) -> tuple[Phrase, ...]:
    """Cue phrases (folded tokens, longest first) with their ``event`` value."""
    phrases = []
    for row in read_csv(source, required=("phrase", "event")):
        words = tokenize_form(row["phrase"])
        if not words:
            raise row.error(f"phrase has no word: {row['phrase']!r}")
        phrases.append((words, row["event"]))
    return tuple(sorted(phrases, key=lambda p: -len(p[0])))


#: Kinds of ``relations_place_words.csv``: ``based`` (participle placing an organisation),
#: ``seat`` (the noun or verb of a seat: ``siège``), ``resident`` (a word placing a person or
#: a body where it lives: ``résidant``, ``habitant``), ``reside`` (lemma of a verb of living
#: somewhere: ``vivre``, ``habiter``).
PLACE_WORD_KINDS: frozenset[str] = frozenset({"based", "seat", "resident", "reside"})


@lru_cache(maxsize=16)
def load_place_words(source: str = PLACE_WORDS_FILE, kind: str = "based") -> frozenset[str]:
    """Folded words of one kind that place an organisation or a person (``basée``,
    ``située`` for ``based``; ``siège`` for ``seat``...)."""
    def check(value: str) -> str | None:
        return None if value in PLACE_WORD_KINDS else \
            f"kind must be one of {sorted(PLACE_WORD_KINDS)}"

    return frozenset(fold(row["word"]) for row in read_csv(
        source, required=("word", "kind"), validators={"kind": check}) if row["kind"] == kind)


@lru_cache(maxsize=4)
def load_presidency_words(source: str = PRESIDENCY_FILE) -> dict[str, frozenset[tuple[str, ...]]]:
    """Chairmanship words by kind (folded token tuples)."""
    return load_words_by_kind(source, PRESIDENCY_KINDS)


@dataclass(frozen=True)
class EventLexicon:
    """Every word list of the event predicates, indexed for look-up."""

    nouns: dict[str, str]
    verbs: dict[str, tuple[VerbEntry, ...]]
    #: Cue phrases by their first folded word, longest first.
    phrases: dict[str, tuple[Phrase, ...]]
    presidency: dict[str, frozenset[tuple[str, ...]]]
    #: One-word chairmanship nouns (``présidence``), folded.
    presidency_nouns: frozenset[str]
    place_words: frozenset[str]
    #: Nouns and verbs of an organisation's seat (``siège``, ``siéger``), folded.
    seat_words: frozenset[str]
    #: Words placing a person where they live (``résidant``, ``habitant``), folded.
    resident_words: frozenset[str]
    #: Lemmas of the verbs of living somewhere (``vivre``, ``habiter``), folded.
    reside_verbs: frozenset[str]
    #: First words of the functions through whom one takes part (``président``, ``chef``).
    title_words: frozenset[str]
    #: One-word function -> normalised title.
    titles: dict[str, str]

    @cached_property
    def trigger_words(self) -> frozenset[str]:
        """Folded forms at which a ``located_in`` rule may start: event nouns, the first
        words of cue phrases, place, seat and residence words."""
        return frozenset(self.nouns.keys() | self.phrases.keys() | self.place_words
                         | self.seat_words | self.resident_words | self.reside_verbs)

    @cached_property
    def trigger_lemmas(self) -> frozenset[str]:
        """Folded lemmas at which a ``located_in`` rule may start: event nouns and the verbs
        of living somewhere."""
        return frozenset(self.nouns.keys() | self.reside_verbs)


@lru_cache(maxsize=1)
def default_lexicon() -> EventLexicon:
    """The packaged word lists, loaded once."""
    phrases: dict[str, tuple[Phrase, ...]] = {}
    for phrase in load_event_phrases():  # longest first, kept in that order per first word
        phrases[phrase[0][0]] = (*phrases.get(phrase[0][0], ()), phrase)
    presidency = load_presidency_words()
    titles = [e for e in load_titles() if not e.kind]  # functions, not staff posts
    return EventLexicon(
        nouns=load_event_nouns(), verbs=load_event_verbs(), phrases=phrases,
        presidency=presidency,
        presidency_nouns=frozenset(w[0] for w in presidency["noun"] if len(w) == 1),
        place_words=load_place_words(),
        seat_words=load_place_words(kind="seat"),
        resident_words=load_place_words(kind="resident"),
        reside_verbs=load_place_words(kind="reside"),
        title_words=frozenset({e.words[0] for e in titles} | LEADER_NOUNS),
        titles={e.words[0]: e.title for e in titles if len(e.words) == 1})


class EventStory:
    """One story as the event predicates read it: words, parts of speech, sentences, mentions,
    the event verbs, and the walks they share. Built once per ``Doc`` by the component."""

    def __init__(self, doc: Doc, lexicon: EventLexicon) -> None:
        self.doc = doc
        self.lex = lexicon
        self.ctx = StoryContext.of(doc)
        self.index: MentionIndex = self.ctx.mention_index()
        self.words = self.ctx.words
        self.lemmas = self.ctx.lemmas
        self.pos: list[str] = self.ctx.pos
        self.has_parse = doc.has_annotation("DEP")
        #: Token bounds of every sentence, in order.
        self.sentences = sentences(self.ctx)
        self._verbs: dict[int, VerbEntry] | None = None

    def word(self, i: int) -> str:
        """Folded text of token ``i``; empty outside the doc."""
        return self.ctx.word(i)

    def event_of(self, i: int) -> str | None:
        """The ``event`` value of token ``i``, if it is a noun that names an event."""
        return self.lex.nouns.get(self.words[i]) or self.lex.nouns.get(self.lemmas[i])

    # -- event verbs ------------------------------------------------------------------------

    def verb_entries(self) -> dict[int, VerbEntry]:
        """Token index -> entry of every event verb of the story, in text order."""
        if self._verbs is None:
            self._verbs = {}
            verbs, pos = self.lex.verbs, self.pos
            for lower, upper in self.sentences:
                for i in range(lower, upper):
                    if pos[i] in ("VERB", "AUX") and self.lemmas[i] in verbs:
                        entry = self._verb_entry(i, upper)
                        if entry is not None:
                            self._verbs[i] = entry
        return self._verbs

    def _verb_entry(self, i: int, upper: int) -> VerbEntry | None:
        """The entry of the event verb at token ``i``: a pronominal entry needs its ``se``, a
        locution its word (``avoir lieu``); ``se réunir`` beats ``réunir``."""
        word, lemmas = self.word, self.lemmas
        found = []
        for entry in self.lex.verbs.get(lemmas[i], ()):
            if entry.reflexive and not any(
                    word(j) in REFLEXIVES for j in range(max(0, i - 3), i)):
                continue
            if entry.particle and not any(
                    lemmas[j] == entry.particle or word(j) == entry.particle
                    for j in range(i + 1, min(upper, i + 3))):
                continue
            found.append(entry)
        if any(e.reflexive for e in found):
            found = [e for e in found if e.reflexive or e.particle]
        return found[0] if found else None

    # -- shared walks -----------------------------------------------------------------------

    def owner(self, noun: int, upper: int) -> Mention | None:
        """The body whose event the noun names: ``session du Conseil``, ``sommet de l'OTAN``."""
        word, index = self.word, self.index
        j = noun + 1
        while j < upper and j <= noun + 3 and self.pos[j] == "ADJ" and index.at(j) is None:
            j += 1
        if j >= upper or word(j) not in DE_WORDS:
            return None
        j = skip_determiners(self.ctx, j + 1, 1, upper)
        return index.starting(j, {"ORG"})

    def place_at(self, i: int, upper: int) -> Mention | None:
        """A place mention introduced at token ``i``: ``à Astana``, ``en Chine``, ``au Mali``."""
        word = self.word
        if i >= upper or word(i) not in PLACE_PREPOSITIONS:
            return None
        j = skip_determiners(self.ctx, i + 1, 1, upper)
        return self.index.starting(j, PLACE_LABELS)

    def scene_place(self, j: int, upper: int) -> Mention | None:
        """A place complement at token ``j``: ``à Lyon``, ``en Italie``, or through a common noun,
        ``dans la ville de Bamako``, ``sur la place centrale de Quimper`` (lower-case words, then
        ``de`` and the place)."""
        place = self.place_at(j, upper)
        if place is not None or self.word(j) not in SCENE_PREPOSITIONS:
            return place
        index, doc, word = self.index, self.doc, self.word
        k = j + 1
        while k < upper and word(k) in DETERMINERS:
            k += 1
        nouns = 0
        while (k < upper and nouns < SCENE_NOUNS and index.at(k) is None
               and doc[k].pos_ in ("NOUN", "ADJ") and doc[k].text[:1].islower()):
            k, nouns = k + 1, nouns + 1
        if nouns == 0 or k >= upper or word(k) not in DE_WORDS:
            return None  # dans la ville de Bamako, dans l'ouest du Mali, au nord des Pays-Bas
        return index.starting(skip_determiners(self.ctx, k + 1, 1, upper), PLACE_LABELS)

    def chained(self, place: Mention, upper: int) -> list[Mention]:
        """The places named right after ``place`` that contain it: ``à Tulsa en Oklahoma``,
        ``à Leyde, aux Pays-Bas``, ``à Leyde (Pays-Bas)``, ``à Leyde dans l'ouest des Pays-Bas``
        (``en``/``au``/``aux``/``dans`` only: ``à Lyon à Paris`` is no chain)."""
        found: list[Mention] = []
        index, word = self.index, self.word
        j = index.tokens(place)[1]
        while j < upper:
            if word(j) == "(":  # à Leyde (Pays-Bas)
                nxt = index.starting(j + 1, PLACE_LABELS)
                if nxt is not None and word(index.tokens(nxt)[1]) != ")":
                    nxt = None
            else:
                k = j + 1 if word(j) == "," else j
                nxt = (self.scene_place(k, upper)
                       if k < upper and word(k) in CHAIN_PREPOSITIONS else None)
            if nxt is None or nxt is place or nxt in found:
                break
            found.append(nxt)
            j = index.tokens(nxt)[1]
            if word(j) == ")":
                j += 1
        return found

    def clause(self, verb: int, lower: int, upper: int) -> list[int]:
        """Token indices of a verb's clause: its subtree without nested verb clauses."""
        if not self.has_parse:
            return list(range(lower, upper))
        head = self.doc[verb]
        cut: set[int] = set()
        for token in head.subtree:
            if token.i != verb and token.dep_ in CLAUSE_DEPS and token.pos_ in ("VERB", "AUX"):
                cut.update(t.i for t in token.subtree)
        return [t.i for t in head.subtree if t.i not in cut and lower <= t.i < upper]

    def subjects(self, verb: int, labels: Collection[str]) -> list[Mention]:
        """Mentions of the verb's subject, one per coordinated item (``X et Y``)."""
        token = self.doc[verb]
        heads = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
        if not heads and token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX"):
            heads = [c for c in token.head.children if c.dep_ in SUBJECT_DEPS]
        found: list[Mention] = []
        for head in heads:
            for item in [head, *[c for c in head.children if c.dep_ == "conj"]]:
                mention = self.index.at(item.i, labels)
                if mention is not None and mention not in found:
                    found.append(mention)
        return found
