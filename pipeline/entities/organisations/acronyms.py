"""In-text acronym definitions, in both orders, for listed and unlisted bodies alike.

``Organisation de coopération de Shanghai (OCS)`` and ``l’OCS (Organisation de coopération de
Shanghai)``. The expansion starts with a head word (``organisations_heads.csv``) or, failing
that, with any capitalised word whose initials spell the acronym exactly; the acronym's letters
must follow the initials of the expansion's words (``de/du/des/la/et`` may be skipped or used).
Both spans share one id (the gazetteer id if the body is listed, else the acronym); the acronym
span records the expansion's offsets in ``defined_by``. Bare uses of an acronym the story has
defined are found anywhere in it (rule ``organisations.doc_acronym``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span

from pipeline.context import StoryContext
from pipeline.entities.gazetteers import fold, strip_accents
from pipeline.entities.organisations.base import (
    LABEL,
    RULE_DEFINITION,
    RULE_DOC_ACRONYM,
    Candidate,
    is_capitalised,
    is_word,
    load_heads,
    load_nouns,
)
from pipeline.entities.organisations.gazetteer import (
    OrgGazetteer,
    OrgInfo,
    acronym_key,
    name_key,
    slugify,
)

__all__ = ["STOPWORDS", "Definition", "DefinitionRule", "acronym_matches", "find_definitions",
           "lower_heads"]

#: Words an acronym may skip (or use) when spelled from an expansion.
STOPWORDS: frozenset[str] = frozenset({
    "de", "du", "des", "d'", "la", "le", "les", "l'", "et", "pour", "en", "a", "au", "aux",
    "sur", "sans", "contre", "entre", "par", "dans", "un", "une", "of", "the", "and", "for",
})
#: Longest expansion, in tokens.
MAX_EXPANSION = 16


def acronym_letters(text: str) -> str | None:
    """Letters an acronym token spells (folded), or None when it does not look like one.

    All-capital tokens (``OTSC``, ``CEI``, ``BAsD`` with one lower-case letter) and
    capitalised short words (``Cédéao``, ``Unicef``) qualify; digits are not spelled.
    """
    if not 2 <= len(text) <= 12 or not text[0].isupper():
        return None
    if not all(c.isalpha() or c in "-&" for c in text):
        return None
    letters = [c for c in text if c.isalpha()]
    upper = sum(1 for c in letters if c.isupper())
    if upper >= 2 and upper >= len(letters) - 1:
        return strip_accents("".join(c for c in letters if c.isupper())).lower()
    if upper == 1 and 3 <= len(letters) <= 8:
        return strip_accents("".join(letters)).lower()
    return None


def _words_of(tokens: Sequence[str]) -> list[tuple[str, bool]]:
    """Split expansion tokens into (folded word, is_stopword), hyphenated parts apart."""
    words: list[tuple[str, bool]] = []
    for text in tokens:
        for part in fold(text).split("-"):
            if part and any(c.isalpha() for c in part):
                words.append((part, part in STOPWORDS))
    return words


def acronym_matches(acronym: str, expansion: Sequence[str], exact: bool = False) -> bool:
    """Check that ``acronym`` can be spelled from the initials of ``expansion``'s words.

    The first letter must be the first word's initial; the letters then follow word initials
    in order, each word giving at most one letter. Stop words (``de``, ``du``, ``la``, ``et``...)
    may be skipped or used (``Cédéao``: Communauté économique *des* États...). At most half
    of the content words may be skipped (``HCR`` for ``Haut-Commissariat des Nations unies pour
    les réfugiés``); with ``exact`` none may be.

    >>> acronym_matches("OTSC", "Organisation du traité de sécurité collective".split())
    True
    >>> acronym_matches("CEI", ["Communauté", "des", "États", "indépendants"])
    True
    """
    letters = acronym_letters(acronym)
    if letters is None and acronym.isupper():
        letters = strip_accents("".join(c for c in acronym if c.isalpha())).lower()
    if not letters:
        return False
    words = _words_of(expansion)
    content = sum(1 for _, stop in words if not stop)
    if not words or content == 0 or words[0][1] or words[0][0][0] != letters[0]:
        return False
    allowed = 0 if exact else content // 2
    best = _min_skipped(letters, words)
    return best is not None and best <= allowed and (not exact or content >= 2)


def _min_skipped(letters: str, words: list[tuple[str, bool]]) -> int | None:
    """Fewest content words skipped when aligning ``letters`` to word initials (None: no way)."""
    memo: dict[tuple[int, int], int | None] = {}

    def solve(i: int, j: int) -> int | None:
        if (i, j) in memo:
            return memo[(i, j)]
        if i == len(letters):
            result: int | None = sum(1 for _, stop in words[j:] if not stop)
        elif j == len(words):
            result = None
        else:
            word, stop = words[j]
            options: list[int] = []
            if word[0] == letters[i]:
                used = solve(i + 1, j + 1)
                if used is not None:
                    options.append(used)
            if j > 0:  # the first word always gives the first letter
                skipped = solve(i, j + 1)
                if skipped is not None:
                    options.append(skipped + (0 if stop else 1))
            result = min(options) if options else None
        memo[(i, j)] = result
        return result

    return solve(0, 0)


@dataclass(frozen=True)
class Definition:
    """An in-text acronym definition: token offsets of the expansion and of the acronym."""

    name_start: int
    name_end: int
    acronym_index: int


def _expansion_start_ok(doc: Doc, start: int, end: int, acronym: str, heads: frozenset[str]
                        ) -> bool:
    first = doc[start]
    if not is_word(first) or (start > 0 and doc[start - 1].text == "-"):
        return False
    folded = StoryContext.of(doc).words
    if not is_word(doc[end - 1]) or folded[end - 1] in STOPWORDS:
        return False
    words = [t.text for t in doc[start:end]]
    head = folded[start]
    if not is_capitalised(first):
        # a lower-case expansion (`parquet national financier (PNF)`) must open with a head
        # word and spell the acronym exactly, or common phrases would define bodies
        return (first.text.islower() and (head in heads or head in lower_heads())
                and acronym_matches(acronym, words, exact=True))
    if head in heads or head.split("-")[0] in heads:
        return acronym_matches(acronym, words)
    return acronym_matches(acronym, words, exact=True)


@lru_cache(maxsize=1)
def lower_heads() -> frozenset[str]:
    """Lower-case nouns naming a kind of body (``organisations_nouns.csv``, cue ``head``),
    folded."""
    return frozenset(fold(word) for word, cue in load_nouns().items() if cue == "head")


def find_definitions(doc: Doc, heads: frozenset[str] | None = None) -> list[Definition]:
    """Find ``Expansion (ACR)`` and ``ACR (Expansion)`` definitions in ``doc``."""
    heads = load_heads() if heads is None else heads
    found: list[Definition] = []
    n = len(doc)
    for i, word in enumerate(StoryContext.of(doc).words):
        if word != "(" or doc[i].text != "(":
            continue
        # Expansion (ACR)
        if i + 2 < n and doc[i + 2].text == ")" and acronym_letters(doc[i + 1].text):
            acronym = doc[i + 1].text
            lo = i
            while lo > 0 and i - lo < MAX_EXPANSION and (
                    is_word(doc[lo - 1]) or doc[lo - 1].text == "-"):
                lo -= 1
            for start in range(lo, i):
                if _expansion_start_ok(doc, start, i, acronym, heads):
                    found.append(Definition(start, i, i + 1))
                    break
            continue
        # ACR (Expansion)
        if i > 0 and acronym_letters(doc[i - 1].text):
            acronym = doc[i - 1].text
            close = i + 1
            while close < n and close - i <= MAX_EXPANSION and (
                    is_word(doc[close]) or doc[close].text == "-"):
                close += 1
            if close < n and doc[close].text == ")" and close > i + 1 and \
                    _expansion_start_ok(doc, i + 1, close, acronym, heads):
                found.append(Definition(i + 1, close, i - 1))
    return found


class DefinitionRule:
    """Acronym definitions of a story (priority 0) and the bare uses of what they define."""

    def __init__(self, gazetteer: OrgGazetteer) -> None:
        self.gazetteer = gazetteer
        self.heads = load_heads()

    def __call__(self, doc: Doc) -> list[Candidate]:
        """Both spans of every definition, then every later or earlier bare acronym."""
        found: list[Candidate] = []
        defined: dict[str, dict[str, Any]] = {}
        for definition in find_definitions(doc, self.heads):
            name = doc[definition.name_start:definition.name_end]
            acr = doc[definition.acronym_index:definition.acronym_index + 1]
            info = self.target(name.text, acr.text)
            if info is not None:
                org_id, canonical = info.id, info.canonical
            else:
                org_id = acr.text if acr.text not in self.gazetteer.entries else slugify(
                    name.text)
                canonical = " ".join(name.text.split())
            values = {"rule": RULE_DEFINITION, "canonical": canonical, "acronym": acr.text}
            found.append(Candidate(Span(doc, name.start, name.end, label=LABEL, kb_id=org_id),
                                   {**values, "form": "name"}, 0))
            found.append(Candidate(
                Span(doc, acr.start, acr.end, label=LABEL, kb_id=org_id),
                {**values, "form": "acronym", "defined_by": [name.start_char, name.end_char]},
                0))
            defined.setdefault(acr.text, {"id": org_id, **values})
        if defined:
            for token in doc:
                values = defined.get(token.text)
                if values is not None:
                    attrs = {k: v for k, v in values.items() if k != "id"}
                    attrs.update(rule=RULE_DOC_ACRONYM, form="acronym")
                    found.append(Candidate(Span(doc, token.i, token.i + 1, label=LABEL,
                                                kb_id=values["id"]), attrs, 1))
        return found

    def target(self, name: str, acronym: str) -> OrgInfo | None:
        """The listed organisation a definition speaks of, if any."""
        by_name = self.gazetteer.lookup(name)
        if by_name is not None and (by_name.acronym is None or
                                    acronym_key(by_name.acronym) == acronym_key(acronym)
                                    or by_name.form_of(acronym) == "acronym"):
            return by_name
        by_acronym = self.gazetteer.by_acronym.get(acronym_key(acronym))
        if by_acronym is not None:
            info = self.gazetteer.entries[by_acronym]
            folded = name_key(name)
            if any(folded.startswith(name_key(f)) for f in info.forms
                   if info.form_of(f) == "name"):
                return info
        return by_name if by_name is not None and by_name.acronym is None else None
