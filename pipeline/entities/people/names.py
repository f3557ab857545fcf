"""The shape of a personal name: its words, particles, initials, numbers and where it ends.

Names: capitalised words, all-capital surnames (``Jean DUPONT``), initials (``J. F. Kennedy``),
abbreviated given names (``Aug. Chappuis``), hyphenated parts (``Jean-Luc``,
``Dupond-Moretti``), elided capitals (``O’Brien``), particles (``de Villepin``, ``von der
Leyen``, ``al-Assad``, ``Le Pen``; ``people_particles.csv``) and regnal numbers (``Charles
III``). :func:`split_name` cuts a name into first and last name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from pipeline.context import StoryContext
from pipeline.entities.gazetteers import WORD_JOINERS, fold
from pipeline.entities.people.base import (
    HYPHENS,
    STOP_CAPITALS,
    load_honorifics,
    load_particles,
    single_word_functions,
)

__all__ = [
    "hyphen_joined",
    "is_initial",
    "is_name_word",
    "name_tokens",
    "parse_name",
    "split_name",
    "text_of",
    "word_end",
]

INITIAL_RE = re.compile(r"^[A-ZÀ-Ý][a-z]?\.(?:-[A-ZÀ-Ý]\.)?$")
ROMAN_RE = re.compile(r"^(?:I{1,3}|IV|V|VI{1,3}|IX|X{1,3}I{0,3}|XI?V|XVI{0,3})$")
CAP_ELISION_RE = re.compile(r"^[A-Z]['\u2019]$")


def is_initial(token: Token) -> bool:
    """An initial: ``J.``, ``Ch.``, ``J.-P.``."""
    return bool(INITIAL_RE.match(token.text))


def is_name_word(token: Token) -> bool:
    """A capitalised word that can be part of a name (not an honorific, article, function)."""
    text = token.text
    if len(text) < 2 or not text[0].isupper() or text.endswith("."):
        return False
    if not all(c.isalpha() or c in WORD_JOINERS for c in text) or text[-1] in WORD_JOINERS:
        return False
    if ROMAN_RE.match(text):
        return False  # a regnal number ends a name (Charles III), never makes one
    folded = fold(text)
    return (folded not in STOP_CAPITALS and text not in load_honorifics()
            and folded not in single_word_functions())


def word_end(doc: Doc, i: int, limit: int) -> int | None:
    """End of the name word starting at ``i`` with its joins (``O’Brien``, ``Dupond-Moretti``)."""
    k = i
    if (CAP_ELISION_RE.match(doc[k].text) and not doc[k].whitespace_ and k + 1 < limit
            and is_name_word(doc[k + 1])):
        k += 1
    if k >= limit or not is_name_word(doc[k]):
        return None
    k += 1
    while (k + 1 < limit and doc[k].text == "-" and not doc[k - 1].whitespace_
           and not doc[k].whitespace_ and doc[k + 1].is_alpha):
        k += 2
    return k


def hyphen_joined(doc: Doc, left_end: int, right_start: int) -> bool:
    """Whether the word ending at token ``left_end`` (exclusive) and the one starting at
    ``right_start`` are two parts of one hyphenated word (``Popescu-Tariceanu``): a hyphen
    between them with no space around it, as its own token or glued to either side."""
    if not 0 < left_end <= right_start < len(doc) or right_start - left_end > 1:
        return False
    left, right = doc[left_end - 1], doc[right_start]
    gap = StoryContext.of(doc).text[left.idx + len(left.text):right.idx]
    if gap in HYPHENS:
        return True
    return gap == "" and (left.text.endswith(HYPHENS) or right.text.startswith(HYPHENS))


def _is_abbreviated_given_name(doc: Doc, i: int, limit: int) -> bool:
    """``Ch.``, ``Aug.``, ``Em.`` before a name: a short capitalised word glued to a full stop
    (split off by the tokenizer) and followed by a name word (``le citoyen Aug. Chappuis``)."""
    token = doc[i]
    return (i + 2 < limit and 2 <= len(token.text) <= 4 and token.text.isalpha()
            and token.text[0].isupper() and token.text[1:].islower() and not token.whitespace_
            and doc[i + 1].text == "." and token.text not in load_honorifics()
            and StoryContext.of(doc).words[i] not in STOP_CAPITALS
            and word_end(doc, i + 2, limit) is not None)


def parse_name(doc: Doc, start: int, limit: int | None = None,
               known: Iterable[int] = (), stops: Iterable[int] = ()) -> int | None:
    """End (exclusive) of the personal name starting at token ``start``, or None.

    A name is a run of name words, initials, particles followed by a name word and a final
    regnal number, ending on a name word (or the number). A particle is not taken when the
    next word starts a ``known`` span (a country, place or organisation of another family:
    ``Japarov de Kirghizie``). The name never runs into a token of ``stops`` (where a function
    starts: ``Ivan Petrov Premier ministre de Bulgarie`` -> ``Ivan Petrov``).
    """
    known = set(known)
    stops = set(stops) - {start}
    limit = len(doc) if limit is None else limit
    particles = load_particles()
    j, end, words = start, None, 0
    while j < limit:
        token = doc[j]
        if j in stops:
            break
        if _is_abbreviated_given_name(doc, j, limit):
            j += 2
            continue
        end_of_word = word_end(doc, j, limit)
        if end_of_word is not None:
            j = end = end_of_word
            words += 1
            continue
        if is_initial(token) and token.text not in load_honorifics():
            j += 1
            continue
        if token.text in particles and words <= particles[token.text]:
            k = j + 1
            while k < limit and doc[k].text in particles:
                k += 1
            if k < limit and doc[k].text == "-" and not doc[k - 1].whitespace_:
                k += 1
            if (k < limit and k not in known and k not in stops
                    and word_end(doc, k, limit) is not None):
                j = k
                continue
            break
        if end == j and words and ROMAN_RE.match(token.text):
            j = end = j + 1
            continue
        break
    return end


def name_tokens(span: Span | Doc) -> list[Token]:
    """Tokens of a PER span without its leading honorific (and a detached ``.``)."""
    tokens = list(span)
    if tokens and tokens[0].text in load_honorifics():
        tokens = tokens[1:]
        if tokens and tokens[0].text == ".":
            tokens = tokens[1:]
    return tokens


def text_of(tokens: Sequence[Token]) -> str:
    """The text from the first to the last of ``tokens``, spaces collapsed."""
    if not tokens:
        return ""
    text = StoryContext.of(tokens[0].doc).text
    return " ".join(text[tokens[0].idx:tokens[-1].idx + len(tokens[-1])].split())


def split_name(tokens: Sequence[Token]) -> tuple[str | None, str | None]:
    """Split a name (honorific excluded) into (first, last).

    The last name is the final word with its hyphenated parts and the particles before it:
    ``Jean-Marie Le Pen`` -> (``Jean-Marie``, ``Le Pen``); ``Bachar al-Assad`` ->
    (``Bachar``, ``al-Assad``); ``Japarov`` -> (None, ``Japarov``); ``Charles III`` ->
    (None, ``Charles III``).
    """
    tokens = [t for t in tokens if not t.is_space]
    if not tokens:
        return None, None
    particles = load_particles()
    k = len(tokens) - 1
    if k > 0 and ROMAN_RE.match(tokens[k].text):
        return (text_of(tokens[:k - 1]) or None), text_of(tokens)
    while k >= 2 and tokens[k - 1].text == "-":
        k -= 2
    if k >= 1 and CAP_ELISION_RE.match(tokens[k - 1].text):
        k -= 1
    while k >= 1 and tokens[k - 1].text in particles:
        k -= 1
    return (text_of(tokens[:k]) or None), text_of(tokens[k:])
