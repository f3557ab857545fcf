"""Aliases: an acronym and the expansion it was defined by (predicate ``alias``).

One row per in-text acronym definition (rule ``aliases.definition``): subject the acronym
mention, object the expansion mention, evidence the whole ``Expansion (ACR)`` or
``ACR (Expansion)`` text, parentheses included. The definitions come from the organisations
family (``defined_by`` on an acronym span of ``doc.spans["organisations"]``); when that family
recorded none, two ORG mentions in the pattern ``Expansion (ACR)`` / ``ACR (Expansion)`` whose
acronym spells the initials of the expansion's capitalised words are taken instead (rule
``aliases.parenthesis``).
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.context import StoryContext
from pipeline.entities.gazetteers import fold
from pipeline.extensions import get_span_attrs, register_extensions
from pipeline.relations.base import Mention, add_relations, relation

__all__ = ["AliasExtractor", "is_acronym", "make_aliases", "spells"]

FAMILY = "organisations"
RULE_DEFINITION = "aliases.definition"
RULE_PARENTHESIS = "aliases.parenthesis"
_ACRONYM_RE = re.compile(r"^[A-ZÀ-Ý0-9][A-Za-zÀ-ÿ0-9&.-]{1,11}$")
_SKIPPED = frozenset({"de", "du", "des", "d", "la", "le", "les", "l", "et", "pour", "en",
                      "a", "au", "aux", "sur", "of", "the", "and", "for"})


def is_acronym(text: str) -> bool:
    """True for an acronym-like token: short, no space, at least two capitals (OTSC, Otan)."""
    return bool(_ACRONYM_RE.match(text)) and sum(c.isupper() for c in text) >= 2 or (
        text.isupper() and len(text) >= 2 and " " not in text)


def spells(acronym: str, expansion: str) -> bool:
    """True when the acronym's letters follow the initials of the expansion's words in order."""
    letters = [c for c in fold(acronym) if c.isalnum()]
    words = [w for w in re.split(r"[\s'’-]+", fold(expansion)) if w]
    if not letters or not words or letters[0] != words[0][0]:
        return False
    i = 0
    for word in words:
        if i < len(letters) and word[0] == letters[i]:
            i += 1
        elif word not in _SKIPPED:
            return False
    return i == len(letters)


def _find(mentions: list[Mention], start: int, end: int) -> Mention | None:
    for mention in mentions:
        if mention["start_char"] == start and mention["end_char"] == end:
            return mention
    for mention in mentions:
        if mention["start_char"] < end and start < mention["end_char"]:
            return mention
    return None


def _evidence(text: str, first: Mention, second: Mention) -> tuple[int, int]:
    """From the first mention to the closing parenthesis after the second."""
    end = second["end_char"]
    rest = text[end:end + 2]
    if rest[:1] == ")":
        end += 1
    return first["start_char"], end


class AliasExtractor:
    """Pipeline component: ``alias`` relations from acronym definitions."""

    def __init__(self, nlp: Language | None = None, name: str = "depeche_aliases") -> None:
        register_extensions()
        self.name = name

    def process(self, doc: Doc) -> list[dict[str, Any]]:
        """Return the ``alias`` rows of ``doc`` (pure: ``doc`` is not modified)."""
        mentions = list(doc._.mentions or [])
        text = StoryContext.of(doc).text
        rows: list[dict[str, Any]] = []
        defined: set[int] = set()
        if FAMILY in doc.spans:
            for span in doc.spans[FAMILY]:
                bounds = get_span_attrs(span, FAMILY).get("defined_by")
                if not bounds or len(bounds) != 2:
                    continue
                acronym = _find(mentions, span.start_char, span.end_char)
                expansion = _find(mentions, int(bounds[0]), int(bounds[1]))
                if acronym is None or expansion is None or acronym is expansion:
                    continue
                first, second = sorted((acronym, expansion), key=lambda m: m["start_char"])
                rows.append(relation(doc, "alias", acronym, expansion,
                                     _evidence(text, first, second), RULE_DEFINITION))
                defined.add(acronym["start_char"])
        orgs = [m for m in mentions if m["label"] == "ORG"]
        for first, second in zip(orgs, orgs[1:], strict=False):
            between = text[first["end_char"]:second["start_char"]]
            if between.strip() != "(" or text[second["end_char"]:second["end_char"] + 1] != ")":
                continue
            if is_acronym(second["text"]) and spells(second["text"], first["text"]):
                acronym, expansion = second, first
            elif is_acronym(first["text"]) and spells(first["text"], second["text"]):
                acronym, expansion = first, second
            else:
                continue
            if acronym["start_char"] in defined:
                continue
            rows.append(relation(doc, "alias", acronym, expansion,
                                 _evidence(text, first, second), RULE_PARENTHESIS))
        return rows

    def __call__(self, doc: Doc) -> Doc:
        add_relations(doc, self.process(doc))
        return doc


@Language.factory("depeche_aliases", assigns=["doc._.relations"], requires=["doc._.mentions"])
def make_aliases(nlp: Language, name: str) -> AliasExtractor:
    """spaCy factory of :class:`AliasExtractor` (``nlp.add_pipe("depeche_aliases")``)."""
    return AliasExtractor(nlp, name)
