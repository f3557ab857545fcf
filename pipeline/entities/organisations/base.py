"""What every rule of the organisations family shares: labels, rule names, word lists, shapes.

The word lists live in ``pipeline/data`` (one home each) and are read once:
``organisations_heads.csv`` (head words opening a name), ``organisations_nouns.csv``
(common nouns introducing one), ``organisations_adjectives.csv`` and
``organisations_naming_words.csv`` (what may stand between), ``organisations_generic.csv``
(institution nouns), ``organisations_qualifiers.csv`` (adjectives pointing to another
state), ``organisations_agency_credits.csv`` (news credits); the honorifics that never
start a body's name come from the people family's ``people_honorifics.csv``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

from spacy.tokens import Span, Token

from pipeline.entities.gazetteers import WORD_JOINERS, fold, one_of, read_csv, unify_marks

__all__ = [
    "FAMILY",
    "LABEL",
    "Candidate",
    "check_id",
    "load_adjectives",
    "load_credit_forms",
    "load_generic_words",
    "load_head_nouns",
    "load_heads",
    "load_naming_words",
    "load_nouns",
    "load_phrase_heads",
    "load_qualifiers",
]

FAMILY = "organisations"
LABEL = "ORG"
GAZETTEER_FILE = "organisations.csv"
HEADS_FILE = "organisations_heads.csv"
QUALIFIERS_FILE = "organisations_qualifiers.csv"
NOUNS_FILE = "organisations_nouns.csv"
GENERIC_FILE = "organisations_generic.csv"
CREDITS_FILE = "organisations_agency_credits.csv"
ADJECTIVES_FILE = "organisations_adjectives.csv"
NAMING_WORDS_FILE = "organisations_naming_words.csv"

RULE_GAZETTEER = "organisations.gazetteer"
RULE_DEFINITION = "organisations.definition"
RULE_DOC_ACRONYM = "organisations.doc_acronym"
RULE_HEAD_PHRASE = "organisations.head_phrase"
RULE_NAMED_BY_NOUN = "organisations.named_by_noun"
RULE_LED_BY = "organisations.led_by"
RULE_GENERIC = "organisations.generic"
RULE_CREDIT = "organisations.agency_credit"

_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9+&-]*$")
COUNTRY_RE = re.compile(r"^[A-Z]{2}$")


class Candidate(NamedTuple):
    """An ORG span a rule proposes, its values, and its priority (0 wins over 1)."""

    span: Span
    values: dict[str, Any]
    priority: int = 1


# --------------------------------------------------------------------------- validators


def check_id(value: str) -> str | None:
    """Error message for a malformed organisation id, else None."""
    return None if _ID_RE.match(value) else "ids use letters, digits, '-', '+', '&'"


def _check_phrase(value: str) -> str | None:
    return None if value in ("", "no") else "phrase is empty or 'no'"


def _check_cue(value: str) -> str | None:
    return None if value in ("head", "role", "chief") else "cue is 'head', 'role' or 'chief'"


def _check_qualifier_country(value: str) -> str | None:
    return None if value == "*" or COUNTRY_RE.match(value) else "expected ISO alpha-2 or '*'"


# --------------------------------------------------------------------------- word lists


@lru_cache(maxsize=1)
def _head_rows() -> tuple[tuple[str, bool], ...]:
    return tuple((fold(row["head"]), row.get("phrase") != "no")
                 for row in read_csv(HEADS_FILE, required=("head",), optional=("phrase",),
                                     validators={"phrase": _check_phrase}))


@lru_cache(maxsize=1)
def load_heads() -> frozenset[str]:
    """Head words opening an organisation's name (``Cour``, ``Agence``...), folded."""
    return frozenset(head for head, _ in _head_rows())


@lru_cache(maxsize=1)
def load_phrase_heads() -> frozenset[str]:
    """Heads that open a name on their own (``Conseil fédéral``, ``Association des ...``)."""
    return frozenset(head for head, phrase in _head_rows() if phrase)


@lru_cache(maxsize=1)
def load_nouns() -> dict[str, str]:
    """Lower-case nouns introducing a name (``association``, ``laboratoire``) -> cue."""
    return {row["word"]: row["cue"] for row in read_csv(
        NOUNS_FILE, required=("word", "cue"), validators={"cue": _check_cue})}


@lru_cache(maxsize=1)
def load_head_nouns() -> frozenset[str]:
    """Folded nouns naming a kind of body before its name (cue ``head``): ``société``..."""
    return frozenset(fold(word) for word, cue in load_nouns().items() if cue == "head")


@lru_cache(maxsize=1)
def load_generic_words() -> frozenset[str]:
    """Institution nouns that name the story's own institution (``État``, ``Gouvernement``)."""
    return frozenset(row["word"] for row in read_csv(GENERIC_FILE, required=("word",),
                                                      optional=("note",)))


@lru_cache(maxsize=1)
def load_credit_forms() -> dict[str, str]:
    """Folded agency credit form -> organisation id (file rows only; see the credits rule)."""
    table: dict[str, str] = {}
    for row in read_csv(CREDITS_FILE, required=("id", "form"), validators={"id": check_id}):
        table[fold(row["form"])] = row["id"]
    return table


@lru_cache(maxsize=1)
def load_qualifiers() -> dict[str, str]:
    """Folded adjective -> the state it points to (ISO alpha-2, or ``*`` for any)."""
    table: dict[str, str] = {}
    for row in read_csv(QUALIFIERS_FILE, required=("qualifier", "country"),
                        validators={"country": _check_qualifier_country}):
        for word in row["qualifier"].split("|"):
            table[fold(word)] = row["country"]
    return table


@lru_cache(maxsize=1)
def load_adjectives() -> tuple[frozenset[str], frozenset[str]]:
    """``(adjectives, name adjectives)`` of ``organisations_adjectives.csv``: the words read
    as adjectives without an adjective ending, and those that make a head word a name."""
    rows = read_csv(ADJECTIVES_FILE, required=("word",), optional=("adjective", "name"),
                    validators={"adjective": one_of("yes"), "name": one_of("yes")})
    return (frozenset(r["word"] for r in rows if r.get("adjective")),
            frozenset(r["word"] for r in rows if r.get("name")))


@lru_cache(maxsize=1)
def load_naming_words() -> frozenset[str]:
    """Participles that introduce a name (``une association nommée "Sport-santé"``)."""
    return frozenset(r["word"] for r in read_csv(NAMING_WORDS_FILE, required=("word",)))


@lru_cache(maxsize=1)
def honorific_words() -> frozenset[str]:
    """Honorifics of ``people_honorifics.csv``, folded, without their full stop (``m``,
    ``mme``, ``monsieur``, ``dr``...): a capitalised word that never starts a body's name."""
    from pipeline.entities.people.base import load_honorifics  # people reads this package

    return frozenset(fold(h).rstrip(".") for h in load_honorifics())


#: Participles of a body a person leads, written after its name and a comma (folded):
#: ``Vialis, dirigée par Jean Roy``, ``Lumex, présidé par Léa Simon``.
LED_PARTICIPLES: frozenset[str] = frozenset({
    "dirige", "dirigee", "diriges", "dirigees", "preside", "presidee", "presides", "presidees"})


def led_by_after(words: list[str], i: int) -> bool:
    """Whether ``, dirigée par`` (a participle of :data:`LED_PARTICIPLES`) starts at token
    ``i`` of the folded ``words``: the name before it is a body's."""
    return (i + 2 < len(words) and words[i] == "," and words[i + 1] in LED_PARTICIPLES
            and words[i + 2] == "par")


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Common given names of ``people_given_names.csv``, folded: a capitalised word that
    opens a person's name rather than a body's."""
    from pipeline.entities.people.base import load_given_names  # people reads this package

    return load_given_names()


# --------------------------------------------------------------------------- token shapes


def low(token: Token) -> str:
    """Lower-case text of ``token`` with one apostrophe and one dash (accents kept)."""
    return unify_marks(token.text.lower())


def is_word(token: Token) -> bool:
    """A word of letters, possibly joined by hyphens or apostrophes."""
    text = token.text
    return any(c.isalpha() for c in text) and all(c.isalpha() or c in WORD_JOINERS
                                                  for c in text)


def is_capitalised(token: Token) -> bool:
    """A token whose first character is a capital letter."""
    return token.text[:1].isupper()
