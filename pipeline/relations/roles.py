"""Roles: who holds which function for which country or organisation (predicate ``role``).

A function word from ``relations_role_titles.csv`` must stand next to a person mention, inside
one sentence, in one of three token patterns (token walks on the tokenizer's output, so that a
parser that mis-attaches a name or mis-splits a sentence does not lose the role):

* ``roles.title_name``: ``le président kirghize Sadyr Japarov``, ``le Premier ministre indien
  Narendra Modi`` (function, nationality adjective, name);
* ``roles.title_comma_name``: ``le secrétaire général de l'ONU, António Guterres``;
* ``roles.apposition``: ``Sergueï Lavrov, ministre russe des Affaires étrangères``,
  ``X, chef de la diplomatie française``, ``Emmanuel Macron, président de la République``.

The object is the mention of a complement ``de la Russie`` / ``de l'ONU`` / ``du Kazakhstan``
after the function (ORG, COUNTRY or LOC), else the nationality adjective inside it (a COUNTRY
mention of form ``demonym``; when the entity layer gave none, the adjective is looked up in
``demonyms.csv`` and the object carries ``entity_id`` ``country:<ISO>``), else ``None``: a role
with a title and no object (``Emmanuel Macron, président de la République``). A function with
no name next to it gives nothing; two people in one sentence are never crossed, because only
the name adjacent to the function is taken.

Attributes: ``title`` (normalised function) and, when a word before the function says so,
``status`` (``former``, ``future``, ``current``: ``l'ancien président X``).

This module also holds the token/mention helpers shared by the other relation families
(:class:`MentionIndex`, :func:`coordinated_before`, :func:`sentence_bounds`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extensions import register_extensions
from pipeline.gazetteers import GazetteerError, fold, read_csv
from pipeline.relations.base import Mention, add_relations, relation

__all__ = [
    "MentionIndex",
    "RoleExtractor",
    "TitleEntry",
    "coordinated_before",
    "coordinated_after",
    "demonym_countries",
    "load_titles",
    "make_role_extractor",
    "sentence_bounds",
    "tokenize_form",
]

TITLES_FILE = "relations_role_titles.csv"
MODIFIERS_FILE = "relations_role_modifiers.csv"
DEMONYMS_FILE = "demonyms.csv"

RULE_TITLE_NAME = "roles.title_name"
RULE_TITLE_COMMA_NAME = "roles.title_comma_name"
RULE_APPOSITION = "roles.apposition"

#: Labels a role's object may have (LOC: a country tagged LOC by the model, a city's mayor).
OBJECT_LABELS: frozenset[str] = frozenset({"ORG", "COUNTRY", "LOC"})
#: Prepositions that open the complement of a function or a noun (folded).
DE_WORDS: frozenset[str] = frozenset({"de", "d'", "du", "des"})
#: Determiners that may stand before a mention or a function (folded).
DETERMINERS: frozenset[str] = frozenset({"le", "la", "l'", "les", "un", "une"})
#: Words that coordinate two mentions in a list (folded).
COORDINATORS: frozenset[str] = frozenset({",", "et", "ou"})
_GENDERS = frozenset({"m", "f", ""})
_STATUSES = frozenset({"former", "future", "current"})


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    return spacy.blank("fr").tokenizer


def tokenize_form(form: str) -> tuple[str, ...]:
    """Folded tokens of a lexicon form, split by spaCy's French tokenizer like the documents."""
    return tuple(fold(t.text) for t in _tokenizer()(form) if not t.is_space)


@dataclass(frozen=True)
class TitleEntry:
    """One function of the lexicon: its folded tokens, gender and normalised title."""

    words: tuple[str, ...]
    gender: str
    title: str


def _check_gender(value: str) -> str | None:
    return None if value in _GENDERS else "gender must be m, f or empty"


@lru_cache(maxsize=4)
def load_titles(source: str = TITLES_FILE) -> tuple[TitleEntry, ...]:
    """Read the function lexicon (longest forms first); errors name the file and the line."""
    entries: dict[tuple[str, ...], TitleEntry] = {}
    for row in read_csv(source, required=("form", "title"), optional=("gender",),
                        validators={"gender": _check_gender}):
        words = tokenize_form(row["form"])
        if words in entries:
            raise row.error(f"duplicate form {row['form']!r}")
        entries[words] = TitleEntry(words, row.get("gender"), row["title"])
    if not entries:
        raise GazetteerError(source, None, "no function listed")
    return tuple(sorted(entries.values(), key=lambda e: -len(e.words)))


@lru_cache(maxsize=4)
def load_modifiers(source: str = MODIFIERS_FILE) -> dict[str, str]:
    """Read the words that set a role's ``status`` (``ancien`` -> ``former``)."""
    def check(value: str) -> str | None:
        return None if value in _STATUSES else f"status must be one of {sorted(_STATUSES)}"

    return {fold(row["word"]): row["status"]
            for row in read_csv(source, required=("word", "status"),
                                validators={"status": check})}


@lru_cache(maxsize=4)
def demonym_countries(source: str = DEMONYMS_FILE) -> dict[str, str]:
    """Folded nationality adjective -> ISO code, from the countries family's ``demonyms.csv``."""
    table: dict[str, str] = {}
    columns = ("masc_sg", "fem_sg", "masc_pl", "fem_pl")
    for row in read_csv(source, required=("iso2", *columns)):
        for column in columns:
            table.setdefault(fold(row[column]), row["iso2"])
    return table


class MentionIndex:
    """Token-level view of ``doc._.mentions``: which mention starts, ends or covers a token."""

    def __init__(self, doc: Doc, mentions: Iterable[Mention] | None = None) -> None:
        self.doc = doc
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
            if len(span) > 1 and fold(span[0].text) in DETERMINERS:  # the model's "l'OTAN"
                self.start_of.setdefault(span.start + 1, mention)
            self.end_of.setdefault(span.end - 1, mention)
            for i in range(span.start, span.end):
                self.cover.setdefault(i, mention)

    def at(self, i: int, labels: Iterable[str] | None = None) -> Mention | None:
        """The mention covering token ``i`` (optionally of one of ``labels``)."""
        mention = self.cover.get(i)
        if mention is None or (labels is not None and mention["label"] not in set(labels)):
            return None
        return mention

    def starting(self, i: int, labels: Iterable[str] | None = None) -> Mention | None:
        """The mention whose first token is ``i``."""
        mention = self.start_of.get(i)
        if mention is None or (labels is not None and mention["label"] not in set(labels)):
            return None
        return mention

    def ending(self, i: int, labels: Iterable[str] | None = None) -> Mention | None:
        """The mention whose last token is ``i``."""
        mention = self.end_of.get(i)
        if mention is None or (labels is not None and mention["label"] not in set(labels)):
            return None
        return mention

    def tokens(self, mention: Mention) -> tuple[int, int]:
        """Token bounds ``(start, end)`` of a mention of this index."""
        return self.bounds[id(mention)]


def _is_break(doc: Doc, i: int) -> bool:
    """True when a sentence may start at token ``i``: after final punctuation or a new line."""
    if i <= 0 or i >= len(doc):
        return True
    before = doc[i - 1]
    return (before.text[-1:] in ".!?…»" or "\n" in before.whitespace_
            or (before.is_space and "\n" in before.text))


def sentence_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """Token bounds of the sentence holding token ``i``.

    The parser's sentences, merged across a boundary that follows no final punctuation and no
    new line (the parser sometimes splits ``Selon le président kirghize | Sadyr Japarov``);
    the whole doc when it has no sentence marks.
    """
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return 0, len(doc)
    sent = doc[i].sent
    lower, upper = sent.start, sent.end
    while lower > 0 and not _is_break(doc, lower):
        lower = doc[lower - 1].sent.start
    while upper < len(doc) and not _is_break(doc, upper):
        upper = doc[upper].sent.end
    return lower, upper


def _word(doc: Doc, i: int) -> str:
    return fold(doc[i].text) if 0 <= i < len(doc) else ""


def _skip_determiners(doc: Doc, i: int, step: int, limit: int) -> int:
    while (i < limit if step > 0 else i >= limit) and _word(doc, i) in DETERMINERS:
        i += step
    return i


def coordinated_before(doc: Doc, index: MentionIndex, end: int, labels: Iterable[str],
                       lower: int = 0) -> list[Mention]:
    """Mentions listed up to token ``end`` (inclusive): ``la Russie, la Chine et l'Inde``.

    Walks backwards through ``,``/``et``/``ou``, determiners and ``de``; returns them in text
    order, empty when no mention of ``labels`` ends at ``end``.
    """
    wanted = set(labels)
    found: list[Mention] = []
    i = end
    while i >= lower:
        mention = index.ending(i, wanted)
        if mention is None:
            break
        found.append(mention)
        j = index.tokens(mention)[0] - 1
        j = _skip_determiners(doc, j, -1, lower)
        while j >= lower and _word(doc, j) in DE_WORDS:
            j -= 1
        if j < lower or _word(doc, j) not in COORDINATORS:
            break
        j -= 1
        if j >= lower and _word(doc, j) == "," and _word(doc, j + 1) == "et":
            j -= 1
        i = j
    return list(reversed(found))


def coordinated_after(doc: Doc, index: MentionIndex, start: int, labels: Iterable[str],
                      upper: int) -> list[Mention]:
    """Mentions listed from token ``start``: ``de la Russie, de la Biélorussie et du Kazakhstan``.

    Skips determiners and ``de/du/des`` before each item; stops at the first word that is not
    a list separator.
    """
    wanted = set(labels)
    found: list[Mention] = []
    i = start
    while i < upper:
        i = _skip_determiners(doc, i, 1, upper)
        while i < upper and _word(doc, i) in DE_WORDS:
            i += 1
        i = _skip_determiners(doc, i, 1, upper)
        mention = index.starting(i, wanted)
        if mention is None:
            break
        found.append(mention)
        i = index.tokens(mention)[1]
        if i < upper and _word(doc, i) in COORDINATORS:
            i += 1
            if i < upper and _word(doc, i) == "et":
                i += 1
            continue
        break
    return found


@dataclass(frozen=True)
class TitleMatch:
    """A function found in the text: its token bounds, entry and nationality adjective."""

    start: int
    end: int
    entry: TitleEntry
    demonym: int | None


class RoleExtractor:
    """Pipeline component: ``role`` relations between a person and a country or organisation."""

    def __init__(self, nlp: Language | None = None, name: str = "depeche_roles",
                 titles: str = TITLES_FILE) -> None:
        register_extensions()
        self.name = name
        self.titles = load_titles(titles)
        self.modifiers = load_modifiers()
        self.demonyms = demonym_countries()
        self.first_words = {e.words[0] for e in self.titles}

    # -- function words ---------------------------------------------------------------------
    def _is_demonym(self, doc: Doc, index: MentionIndex, i: int) -> bool:
        if not 0 <= i < len(doc):
            return False
        mention = index.at(i, {"COUNTRY"})
        if mention is not None and mention.get("form") == "demonym":
            return True
        return _word(doc, i) in self.demonyms and doc[i].text[:1].islower()

    def match_title(self, doc: Doc, index: MentionIndex, i: int, limit: int) -> TitleMatch | None:
        """The longest function starting at token ``i``, with at most one demonym inside it."""
        if _word(doc, i) not in self.first_words or index.at(i, {"PER"}) is not None:
            return None
        for entry in self.titles:
            j, demonym, ok = i, None, True
            for k, word in enumerate(entry.words):
                if j < limit and _word(doc, j) == word:
                    j += 1
                    continue
                if k > 0 and demonym is None and self._is_demonym(doc, index, j) and (
                        j + 1 < limit and _word(doc, j + 1) == word):
                    demonym, j = j, j + 2
                    continue
                ok = False
                break
            if not ok:
                continue
            if demonym is None and j < limit and self._is_demonym(doc, index, j):
                demonym, j = j, j + 1
            return TitleMatch(i, j, entry, demonym)
        return None

    def _complement(self, doc: Doc, index: MentionIndex, i: int,
                    limit: int) -> tuple[Mention | None, int]:
        """A ``de la Russie`` / ``de l'ONU`` complement at token ``i``: (mention, end token)."""
        if i >= limit or _word(doc, i) not in DE_WORDS:
            return None, i
        j = _skip_determiners(doc, i + 1, 1, limit)
        mention = index.starting(j, OBJECT_LABELS)
        if mention is None:
            return None, i
        return mention, index.tokens(mention)[1]

    def _demonym_object(self, doc: Doc, index: MentionIndex, i: int) -> Mention:
        mention = index.at(i, {"COUNTRY"})
        if mention is not None:
            return mention
        token = doc[i]
        iso = self.demonyms[_word(doc, i)]
        return {"sentence": None, "start_char": token.idx,
                "end_char": token.idx + len(token.text), "text": token.text,
                "label": "COUNTRY", "entity_id": f"country:{iso}", "entity_name": iso,
                "norm": iso, "form": "demonym", "source": "roles", "rule": "roles.demonym"}

    # -- patterns ---------------------------------------------------------------------------
    def process(self, doc: Doc) -> list[dict[str, Any]]:
        """Return the ``role`` relation rows of ``doc`` (pure: ``doc`` is not modified)."""
        index = MentionIndex(doc)
        rows: list[dict[str, Any]] = []
        taken: set[int] = set()
        i = 0
        while i < len(doc):
            lower, upper = sentence_bounds(doc, i)
            found = self.match_title(doc, index, i, upper)
            if found is None:
                i += 1
                continue
            row = self._role_for(doc, index, found, lower, upper, taken)
            if row is not None:
                rows.append(row)
            i = max(found.end, i + 1)
        return rows

    def _role_for(self, doc: Doc, index: MentionIndex, found: TitleMatch, lower: int,
                  upper: int, taken: set[int]) -> dict[str, Any] | None:
        obj, end = self._complement(doc, index, found.end, upper)
        if obj is None and found.demonym is not None:
            obj = self._demonym_object(doc, index, found.demonym)
        start = found.start
        status = None
        word = _skip_determiners(doc, start - 1, -1, lower) if start > lower else start - 1
        if word >= lower and _word(doc, word) in self.modifiers:
            status = self.modifiers[_word(doc, word)]
            start = word
        det = start - 1
        if det >= lower and _word(doc, det) in DETERMINERS:
            start = det
        last = doc[end - 1]
        person, rule, evidence = None, "", (0, 0)
        comma_before = start - 1 >= lower and _word(doc, start - 1) == ","
        after = index.starting(end, {"PER"}) if end < upper else None
        before = (index.ending(start - 2, {"PER"})
                  if comma_before and start - 2 >= lower else None)
        behind = (index.starting(end + 1, {"PER"})
                  if end + 1 < upper and _word(doc, end) == "," else None)
        if after is not None:  # le président kirghize Sadyr Japarov
            person, rule = after, RULE_TITLE_NAME
            evidence = (doc[start].idx, after["end_char"])
        elif before is not None:  # Sergueï Lavrov, ministre russe des Affaires étrangères
            person, rule = before, RULE_APPOSITION
            evidence = (before["start_char"], last.idx + len(last.text))
        elif behind is not None:  # le secrétaire général de l'ONU, António Guterres
            person, rule = behind, RULE_TITLE_COMMA_NAME
            evidence = (doc[start].idx, behind["end_char"])
        if person is None or id(person) in taken:
            return None
        taken.add(id(person))
        return relation(doc, "role", person, obj, evidence, rule, title=found.entry.title,
                        status=status)

    def __call__(self, doc: Doc) -> Doc:
        add_relations(doc, self.process(doc))
        return doc


@Language.factory("depeche_roles", assigns=["doc._.relations"], requires=["doc._.mentions"],
                  default_config={"titles": TITLES_FILE})
def make_role_extractor(nlp: Language, name: str, titles: str) -> RoleExtractor:
    """spaCy factory of :class:`RoleExtractor` (``nlp.add_pipe("depeche_roles")``)."""
    return RoleExtractor(nlp, name, titles)
