"""What every relation family shares: the row shape, mention look-ups, evidence spans.

A relation is a plain dict (msgpack-safe) with the keys of :data:`RELATION_KEYS`; build it
with :func:`relation` so that every family writes the same shape.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.tokens import Doc, Span

from pipeline.tables import sentence_index

#: Closed vocabulary of predicates (documented in docs/relations.md).
PREDICATES: tuple[str, ...] = ("role", "quote", "located_in", "date", "participant",
                               "member_of", "alias", "presidency")

RELATION_KEYS: tuple[str, ...] = (
    "predicate", "subject_id", "subject_text", "subject_start", "subject_end",
    "object_id", "object_text", "object_start", "object_end", "sentence",
    "evidence_start", "evidence_end", "evidence", "rule", "attributes")

Mention = dict[str, Any]


def sentence_starts(doc: Doc) -> list[int]:
    """Start offsets of the sentences of ``doc`` (``[0]`` when it has no sentence marks)."""
    if not doc.has_annotation("SENT_START"):
        return [0]
    return [sent.start_char for sent in doc.sents]


def relation(doc: Doc, predicate: str, subject: Mention | None, obj: Mention | None,
             evidence: tuple[int, int], rule: str, **attributes: Any) -> dict[str, Any]:
    """Build one relation row (a plain dict) between two mentions of ``doc._.mentions``.

    ``evidence`` is the (start_char, end_char) of the words that state the relation.
    """
    if predicate not in PREDICATES:
        raise ValueError(f"unknown predicate {predicate!r}")
    start, end = evidence
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
        "sentence": sentence_index(sentence_starts(doc), start),
        "evidence_start": start,
        "evidence_end": end,
        "evidence": doc.text[start:end],
        "rule": rule,
        "attributes": {k: v for k, v in sorted(attributes.items()) if v is not None} or None,
    }


def mentions_in(doc: Doc, start_char: int, end_char: int,
                labels: Iterable[str] | None = None) -> list[Mention]:
    """Mentions of ``doc`` lying inside ``[start_char, end_char)``, optionally by label."""
    wanted = set(labels) if labels is not None else None
    return [m for m in (doc._.mentions or [])
            if m["start_char"] >= start_char and m["end_char"] <= end_char
            and (wanted is None or m["label"] in wanted)]


def mention_at(doc: Doc, span: Span, labels: Iterable[str] | None = None) -> Mention | None:
    """The mention that overlaps ``span`` (the first in text order), if any."""
    wanted = set(labels) if labels is not None else None
    for m in doc._.mentions or []:
        if m["start_char"] < span.end_char and span.start_char < m["end_char"] and (
                wanted is None or m["label"] in wanted):
            return m
    return None


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
