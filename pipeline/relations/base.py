"""What every relation family shares: the row shape, mention look-ups, evidence spans.

A relation is a plain dict (msgpack-safe) with the keys of :data:`RELATION_KEYS`; build it
with :func:`relation` so that every family writes the same shape.

Token-level helpers shared by the rule families (roles, events, membership, aliases). They
read the story through its :class:`~pipeline.context.StoryContext` (folded words, sentences,
the mention index), never through ``doc.text`` or ``token.sent``:
:class:`MentionIndex` (which mention starts, ends or covers a token; get the story's one with
``ctx.mention_index()``), :func:`sentences` (token bounds of every sentence), the list walkers
:func:`coordinated_before` / :func:`coordinated_after`, :func:`skip_determiners`,
:func:`with_determiner`,
:func:`organisation_at`, :func:`tokenize_form` (lexicon forms tokenised like the documents),
:func:`keep_first` (one row per key), and the closed word classes :data:`DE_WORDS`,
:data:`DETERMINERS`, :data:`COORDINATORS`, :data:`HONORIFICS`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Iterable
from functools import lru_cache
from typing import Any

import spacy
from spacy.tokens import Doc

from pipeline.context import StoryContext
from pipeline.entities.gazetteers import fold, read_csv

#: Closed vocabulary of predicates (documented in docs/relations.md).
PREDICATES: tuple[str, ...] = ("role", "quote", "located_in", "date", "participant",
                               "member_of", "alias", "presidency")

RELATION_KEYS: tuple[str, ...] = (
    "predicate", "subject_id", "subject_text", "subject_start", "subject_end",
    "object_id", "object_text", "object_start", "object_end", "sentence",
    "evidence_start", "evidence_end", "evidence", "rule", "attributes")

Mention = dict[str, Any]

#: Prepositions that open the complement of a function or a noun (folded).
DE_WORDS: frozenset[str] = frozenset({"de", "d'", "du", "des"})
#: Determiners that may stand before a mention or a function (folded).
DETERMINERS: frozenset[str] = frozenset({"le", "la", "l'", "les", "un", "une"})
#: Words that coordinate two mentions in a list (folded).
COORDINATORS: frozenset[str] = frozenset({",", "et", "ou"})
#: Courtesy titles written before a name and sometimes left out of the PER mention (folded).
HONORIFICS: frozenset[str] = frozenset({"m.", "m", "mme", "mlle", "monsieur", "madame",
                                        "mademoiselle", "dr", "docteur", "pr", "professeur"})


def relation(doc: Doc, predicate: str, subject: Mention | None, obj: Mention | None,
             evidence: tuple[int, int], rule: str, **attributes: Any) -> dict[str, Any]:
    """Build one relation row (a plain dict) between two mentions of ``doc._.mentions``.

    ``evidence`` is the (start_char, end_char) of the words that state the relation.
    """
    if predicate not in PREDICATES:
        raise ValueError(f"unknown predicate {predicate!r}")
    start, end = evidence
    ctx = StoryContext.of(doc)
    return {
        "predicate": predicate,
        "subject_id": subject["entity_id"] if subject else None,
        "subject_text": subject["text"] if subject else None,
        "subject_start": subject["start_char"] if subject else None,
        "subject_end": subject["end_char"] if subject else None,
        "object_id": obj["entity_id"] if obj else None,
        "object_text": obj["text"] if obj else None,
        "object_start": obj["start_char"] if obj else None,
        "object_end": obj["end_char"] if obj else None,
        "sentence": ctx.sentence_index_at(start),
        "evidence_start": start,
        "evidence_end": end,
        "evidence": ctx.text[start:end],
        "rule": rule,
        "attributes": {k: v for k, v in sorted(attributes.items()) if v is not None} or None,
    }


def add_relations(doc: Doc, rows: Iterable[dict[str, Any]]) -> None:
    """Append relation rows to ``doc._.relations``, skipping exact duplicates."""
    current = list(doc._.relations or [])
    seen = {_identity(r) for r in current}
    for row in rows:
        key = _identity(row)
        if key not in seen:
            seen.add(key)
            current.append(row)
    doc._.relations = current


def _identity(row: dict[str, Any]) -> tuple[Any, ...]:
    return (row["predicate"], row["subject_start"], row["subject_end"], row["object_start"],
            row["object_end"], row["rule"])


def keep_first(rows: Iterable[dict[str, Any]],
               key: Callable[[dict[str, Any]], Hashable]) -> list[dict[str, Any]]:
    """The rows in order, keeping only the first of those with the same ``key(row)``: two
    rules that state one fact give one row."""
    seen: set[Hashable] = set()
    kept = []
    for row in rows:
        k = key(row)
        if k not in seen:
            seen.add(k)
            kept.append(row)
    return kept


# -- token-level helpers shared by the rule families ------------------------------------

@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    return spacy.blank("fr").tokenizer


def tokenize_form(form: str) -> tuple[str, ...]:
    """Folded tokens of a lexicon form, split by spaCy's French tokenizer like the documents."""
    return tuple(fold(t.text) for t in _tokenizer()(form) if not t.is_space)


class MentionIndex:
    """Token-level view of ``doc._.mentions``: which mention starts, ends or covers a token.

    A story's index is built once and shared: ``StoryContext.of(doc).mention_index()``.
    """

    def __init__(self, doc: Doc, mentions: Iterable[Mention] | None = None) -> None:
        # no reference to ``doc``: the story's context keeps this index, and a value of the
        # contexts' WeakKeyDictionary that held its key would keep every story alive
        words = StoryContext.of(doc).words
        self.cover: dict[int, Mention] = {}
        self.start_of: dict[int, Mention] = {}
        self.end_of: dict[int, Mention] = {}
        self.bounds: dict[int, tuple[int, int]] = {}
        for mention in (doc._.mentions or []) if mentions is None else mentions:
            span = doc.char_span(mention["start_char"], mention["end_char"],
                                 alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            self.bounds[id(mention)] = (span.start, span.end)
            self.start_of.setdefault(span.start, mention)
            if len(span) > 1 and words[span.start] in DETERMINERS:  # the model's "l'OTAN"
                self.start_of.setdefault(span.start + 1, mention)
            self.end_of.setdefault(span.end - 1, mention)
            for i in range(span.start, span.end):
                self.cover.setdefault(i, mention)

    def at(self, i: int, labels: Collection[str] | None = None) -> Mention | None:
        """The mention covering token ``i`` (optionally of one of ``labels``)."""
        mention = self.cover.get(i)
        if mention is None or (labels is not None and mention["label"] not in labels):
            return None
        return mention

    def starting(self, i: int, labels: Collection[str] | None = None) -> Mention | None:
        """The mention whose first token is ``i``."""
        mention = self.start_of.get(i)
        if mention is None or (labels is not None and mention["label"] not in labels):
            return None
        return mention

    def ending(self, i: int, labels: Collection[str] | None = None) -> Mention | None:
        """The mention whose last token is ``i``."""
        mention = self.end_of.get(i)
        if mention is None or (labels is not None and mention["label"] not in labels):
            return None
        return mention

    def tokens(self, mention: Mention) -> tuple[int, int]:
        """Token bounds ``(start, end)`` of a mention of this index."""
        return self.bounds[id(mention)]


def sentences(ctx: StoryContext) -> list[tuple[int, int]]:
    """Token bounds ``(start, end)`` of every sentence of the story, in order: the bounds
    ``ctx.sentence_bounds(i)`` gives for each of their tokens."""
    starts = ctx.merged_starts
    ends = [*starts[1:], ctx.n_tokens]
    return [(s, e) for s, e in zip(starts, ends, strict=True) if s < e]


def skip_determiners(ctx: StoryContext, i: int, step: int, limit: int) -> int:
    """First token from ``i`` (moving by ``step``, up to ``limit``) that is no determiner."""
    while (i < limit if step > 0 else i >= limit) and ctx.word(i) in DETERMINERS:
        i += step
    return i


def with_determiner(ctx: StoryContext, i: int, lower: int) -> int:
    """Token ``i``, or the determiner right before it when there is one after ``lower``
    (``la session``, ``l'adhésion``): where a phrase's evidence starts."""
    return i - 1 if i > lower and ctx.word(i - 1) in DETERMINERS else i


def verb_subjects(ctx: StoryContext, index: MentionIndex, verb: int,
                  labels: Collection[str]) -> list[Mention]:
    """Mentions of ``labels`` that the parse makes subject of the verb at ``verb``
    (``nsubj``/``nsubj:pass``, one per coordinated item: ``la Finlande et la Suède ont …``);
    empty without a parse."""
    doc = ctx.doc
    found: list[Mention] = []
    if not doc.has_annotation("DEP"):
        return found
    for child in doc[verb].children:
        if child.dep_ not in ("nsubj", "nsubj:pass"):
            continue
        for token in [child, *[c for c in child.children if c.dep_ == "conj"]]:
            mention = index.at(token.i, labels)
            if mention is not None and mention not in found:
                found.append(mention)
    return found


#: Longest description between an apposition's comma and the word it leads to, in tokens.
DESCRIPTION_WORDS = 6


def description_comma(ctx: StoryContext, index: MentionIndex, end: int,
                      lower: int) -> int | None:
    """The comma that opens a short description ending before token ``end``: ``, médecin à
    Lyon et membre de``, ``, infirmière de nuit résidant à`` (at most
    :data:`DESCRIPTION_WORDS` words, lower-case or places, no verb, no person or body named).
    None when there is none."""
    doc, word = ctx.doc, ctx.word
    k = end - 1
    while (k >= lower and end - k <= DESCRIPTION_WORDS and word(k) != ","
           and doc[k].pos_ not in ("VERB", "AUX") and index.at(k, {"PER", "ORG"}) is None
           and (doc[k].text[:1].islower() or index.at(k) is not None)):
        k -= 1
    return k if k >= lower and word(k) == "," and k < end - 1 else None


def coordinated_before(ctx: StoryContext, index: MentionIndex, end: int,
                       labels: Collection[str], lower: int = 0) -> list[Mention]:
    """Mentions listed up to token ``end`` (inclusive): ``la Russie, la Chine et l'Inde``.

    Walks backwards through ``,``/``et``/``ou``, determiners and ``de``; returns them in text
    order, empty when no mention of ``labels`` ends at ``end``.
    """
    word = ctx.word
    found: list[Mention] = []
    i = end
    while i >= lower:
        mention = index.ending(i, labels)
        if mention is None:
            break
        found.append(mention)
        j = index.tokens(mention)[0] - 1
        j = skip_determiners(ctx, j, -1, lower)
        while j >= lower and word(j) in DE_WORDS:
            j -= 1
        while j >= lower and word(j) in HONORIFICS:  # et Madame Léa Roy
            j -= 1
        if j < lower or word(j) not in COORDINATORS:
            break
        j -= 1
        if j >= lower and word(j) == "," and word(j + 1) == "et":
            j -= 1
        i = j
    return list(reversed(found))


def coordinated_after(ctx: StoryContext, index: MentionIndex, start: int,
                      labels: Collection[str], upper: int) -> list[Mention]:
    """Mentions listed from token ``start``: ``de la Russie, de la Biélorussie et du Kazakhstan``.

    Skips determiners and ``de/du/des`` before each item; stops at the first word that is not
    a list separator.
    """
    word = ctx.word
    found: list[Mention] = []
    i = start
    while i < upper:
        i = skip_determiners(ctx, i, 1, upper)
        while i < upper and word(i) in DE_WORDS:
            i += 1
        i = skip_determiners(ctx, i, 1, upper)
        mention = index.starting(i, labels)
        if mention is None:
            break
        found.append(mention)
        i = index.tokens(mention)[1]
        if i < upper and word(i) in COORDINATORS:
            i += 1
            if i < upper and word(i) == "et":
                i += 1
            continue
        break
    return found


#: File of the common nouns that name a kind of organisation (``l'association « X »``).
ORG_NOUNS_FILE = "relations_org_nouns.csv"
#: Opening quotation marks that may stand before an organisation's name.
OPENING_QUOTES: frozenset[str] = frozenset({'"', "«", "“", "‘", "‘’", "''", "``", "'"})
#: Participles that introduce a name after an organisation noun (``une association nommée X``).
NAMING_WORDS: frozenset[str] = frozenset({"nomme", "nommee", "denomme", "denommee", "appele",
                                          "appelee", "baptise", "baptisee", "dite"})


@lru_cache(maxsize=4)
def load_org_nouns(source: str = ORG_NOUNS_FILE) -> frozenset[str]:
    """Folded nouns naming a kind of organisation (``association``, ``ONG``, ``parti``)."""
    return frozenset(fold(row["word"]) for row in read_csv(source, required=("word",)))


def skip_org_noun(ctx: StoryContext, index: MentionIndex, i: int, upper: int,
                  nouns: frozenset[str] | None = None) -> int:
    """Token where an organisation's name starts at or after token ``i``.

    Skips, when no mention starts there, an organisation noun with an optional ``de`` + noun
    (``la société de nettoyage``), its lower-case adjectives and an optional naming participle
    (``l'association familiale``, ``une ONG nommée``), then opening quotation marks: ``de
    l'association « Main tendue »`` -> the token of *Main*.
    Returns ``i`` itself when nothing is skipped.
    """
    nouns = load_org_nouns() if nouns is None else nouns
    doc, word = ctx.doc, ctx.word
    j = i
    if j < upper and index.starting(j) is None and word(j) in nouns:
        j += 1
        if (j + 1 < upper and word(j) in ("de", "d'") and index.at(j + 1) is None
                and doc[j + 1].pos_ == "NOUN" and doc[j + 1].text[:1].islower()):
            j += 2  # la société de nettoyage « Net Plus », la compagnie d'assurances X
        while (j < upper and j <= i + 5 and index.starting(j) is None
               and doc[j].text[:1].islower() and doc[j].pos_ in ("ADJ", "VERB")
               and word(j) not in DE_WORDS):
            j += 1
        if j < upper and word(j) in NAMING_WORDS:
            j += 1
    while j < upper and index.starting(j) is None and word(j) in OPENING_QUOTES:
        j += 1
    return j


#: Closing quotation marks (folded) that end a quoted organisation name.
CLOSING_QUOTES: frozenset[str] = frozenset({'"', "»", "”", "'", "''", "’’"})
#: Longest quoted organisation name taken without a mention, in tokens.
MAX_QUOTED_NAME = 8


def quoted_organisation(ctx: StoryContext, index: MentionIndex, i: int,
                        upper: int) -> Mention | None:
    """An ORG mention built from a quoted name opening at token ``i``: ``« Main tendue »``.

    Used only right after an organisation noun (``l'association « Main tendue »``), where the
    quotes can only hold the organisation's name; the entity layer often leaves such names
    untagged. The name must start with a capital, hold at most :data:`MAX_QUOTED_NAME` tokens,
    close inside the sentence and overlap no other mention. The row's ``source`` is
    ``relations`` and its ``entity_id`` ``org:<slug>``.
    """
    doc, word = ctx.doc, ctx.word
    if i >= upper or word(i) not in OPENING_QUOTES:
        return None
    start = i + 1
    while start < upper and word(start) in OPENING_QUOTES:
        start += 1
    end = start
    while end < upper and end - start <= MAX_QUOTED_NAME and word(end) not in CLOSING_QUOTES:
        if index.at(end) is not None or doc[end].is_sent_end and word(end) in ".!?":
            return None
        end += 1
    if end >= upper or end == start or end - start > MAX_QUOTED_NAME \
            or not doc[start].text[:1].isupper():
        return None
    first, last = doc[start], doc[end - 1]
    text = ctx.text[first.idx:last.idx + len(last.text)]
    key = "-".join(w for w in ctx.words[start:end] if w.isalnum() or "-" in w)
    return {"sentence": None, "start_char": first.idx, "end_char": last.idx + len(last.text),
            "text": text, "label": "ORG", "entity_id": f"org:{key}", "entity_name": text,
            "norm": None, "form": "name", "source": "relations",
            "rule": "relations.quoted_organisation"}


def organisation_at(ctx: StoryContext, index: MentionIndex, i: int, upper: int,
                    labels: Collection[str] = ("ORG",)) -> Mention | None:
    """The organisation named from token ``i`` (determiners already skipped).

    A mention of ``labels`` starting there, else after an organisation noun and quotes
    (:func:`skip_org_noun`), else the quoted name after an organisation noun
    (:func:`quoted_organisation`).
    """
    mention = index.starting(i, labels) if i < upper else None
    if mention is not None:
        return mention
    j = skip_org_noun(ctx, index, i, upper)
    mention = index.starting(j, labels) if j < upper else None
    if mention is not None or j == i:
        return mention
    if ctx.word(i) not in load_org_nouns():
        return None
    k = i + 1
    while k < j and ctx.word(k) not in OPENING_QUOTES:
        k += 1
    return quoted_organisation(ctx, index, k, upper) if k < j else None


def load_words_by_kind(source: str, kinds: Iterable[str]) -> dict[str, frozenset[tuple[str, ...]]]:
    """Read a ``word,kind`` data file into folded token tuples by kind; errors name file and line.

    >>> load_words_by_kind("relations_membership_words.csv", ("member", "join"))["member"]
    """
    allowed = frozenset(kinds)

    def check(value: str) -> str | None:
        return None if value in allowed else f"kind must be one of {sorted(allowed)}"

    table: dict[str, set[tuple[str, ...]]] = {kind: set() for kind in allowed}
    for row in read_csv(source, required=("word", "kind"), optional=("note",),
                        validators={"kind": check}):
        table[row["kind"]].add(tokenize_form(row["word"]))
    return {kind: frozenset(words) for kind, words in table.items()}
