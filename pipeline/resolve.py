"""Merge the model's entities with the rule families into one set of linked mentions.

This is the one place where overlaps are resolved, by one policy:

1. Every candidate span is collected: the model's ``doc.ents`` (source ``model``) and each
   family's span group (source = the family name).
2. Candidates are ranked: longer spans first; at equal extent a rule family beats the model,
   and between families the order of :data:`FAMILIES` decides.
3. Greedy selection keeps each candidate that does not overlap one already kept
   (the idea of :func:`spacy.util.filter_spans`, with our ranking).

Then every kept span is linked to an entity id (``label:key``) and written to
``doc._.mentions`` as a plain dict.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.extensions import get_span_attrs
from pipeline.tables import sentence_index

#: Rule families in priority order (first wins a tie at equal extent).
FAMILIES: tuple[str, ...] = ("datelines", "dates", "people", "organisations", "countries",
                             "places")
MODEL = "model"
LABELS = ("PER", "ORG", "COUNTRY", "LOC", "DATE", "MISC")


@dataclass
class Candidate:
    """A span proposed by the model or by a rule family, with its extra values."""

    span: Span
    label: str
    norm: str | None
    source: str
    attrs: dict[str, Any] = field(default_factory=dict)

    @property
    def rank(self) -> tuple[int, int, int]:
        family = FAMILIES.index(self.source) if self.source in FAMILIES else len(FAMILIES)
        return (-(self.span.end_char - self.span.start_char), family, self.span.start_char)


def collect(doc: Doc) -> list[Candidate]:
    """Every candidate span of ``doc``: the model's entities and the families' span groups."""
    candidates = [Candidate(ent, ent.label_, ent.kb_id_ or None, MODEL, {"rule": "model.ner"})
                  for ent in doc.ents]
    for family in FAMILIES:
        if family not in doc.spans:
            continue
        for span in doc.spans[family]:
            attrs = get_span_attrs(span, family)
            candidates.append(Candidate(span, span.label_, span.kb_id_ or None, family, attrs))
    return candidates


def select(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the best non-overlapping candidates by the module's policy, in text order."""
    kept: list[Candidate] = []
    taken: set[int] = set()
    for candidate in sorted(candidates, key=lambda c: c.rank):
        tokens = range(candidate.span.start, candidate.span.end)
        if any(i in taken for i in tokens):
            continue
        kept.append(candidate)
        taken.update(tokens)
    return sorted(kept, key=lambda c: c.span.start_char)


def slug(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key of a name.

    >>> slug("Sadyr  JAPAROV")
    'sadyr-japarov'
    """
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return re.sub(r"[^\w]+", "-", folded).strip("-")


def entity_key(candidate: Candidate) -> str:
    """The derived ``entity_id`` of a kept candidate."""
    label = candidate.label
    if label == "DATE":
        key = candidate.norm or slug(candidate.span.text)
    elif label in ("COUNTRY", "ORG") and candidate.norm:
        key = candidate.norm
    else:
        key = slug(candidate.attrs.get("canonical") or candidate.norm or candidate.span.text)
    return f"{label.lower()}:{key}"


def mention_dict(candidate: Candidate, sentence: int) -> dict[str, Any]:
    """The plain dict written to ``doc._.mentions`` for one kept candidate."""
    span, attrs = candidate.span, candidate.attrs
    return {
        "sentence": sentence,
        "start_char": span.start_char,
        "end_char": span.end_char,
        "text": span.text,
        "label": candidate.label,
        "entity_id": entity_key(candidate),
        "entity_name": attrs.get("canonical") or attrs.get("name") or span.text,
        "norm": candidate.norm if candidate.label in ("COUNTRY", "DATE", "ORG") else None,
        "form": attrs.get("form", "name"),
        "title": attrs.get("title"),
        "country": attrs.get("country"),
        "iso3": attrs.get("alpha3"),
        "precision": attrs.get("precision"),
        "bound": attrs.get("bound"),
        "source": candidate.source,
        "rule": attrs.get("rule"),
    }


class Resolver:
    """Pipeline component that turns candidate spans into ``doc._.mentions``."""

    def __init__(self, nlp: Language, name: str = "depeche_resolver") -> None:
        self.name = name

    def process(self, doc: Doc) -> list[dict[str, Any]]:
        """Return the resolved mentions of ``doc`` as plain dicts, in text order."""
        starts = ([s.start_char for s in doc.sents] if doc.has_annotation("SENT_START")
                  else [0])
        return [mention_dict(c, sentence_index(starts, c.span.start_char))
                for c in select(collect(doc)) if c.label in LABELS]

    def __call__(self, doc: Doc) -> Doc:
        doc._.mentions = self.process(doc)
        return doc


@Language.factory("depeche_resolver", assigns=["doc._.mentions"], requires=["doc.ents"])
def make_resolver(nlp: Language, name: str) -> Resolver:
    """Build the resolution component (spaCy factory ``depeche_resolver``)."""
    return Resolver(nlp, name)
