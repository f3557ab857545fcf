"""Gold documents: read and validate a gold JSONL file, list the labels it uses.

The format and the scoring rules are described in :mod:`pipeline.evaluate`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_LABEL_ORDER = ("PER", "ORG", "LOC", "DATE", "MISC")
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class GoldEntity:
    """One annotated span: ``text[start:end] == text``; ``norm`` is a DATE's ISO value.

    ``cluster`` (optional) is the gold coreference cluster id, used to match relations.
    """

    start: int
    end: int
    label: str
    text: str
    norm: str | None = None
    cluster: str | None = None


@dataclass(frozen=True)
class GoldRelation:
    """A gold relation between ``entities[head]`` and ``entities[tail]`` of its document."""

    head: int
    tail: int
    label: str


@dataclass(frozen=True)
class GoldDoc:
    """One gold document: its text, publication date, entities and relations."""

    id: str
    text: str
    date: str | None
    entities: list[GoldEntity] = field(default_factory=list)
    relations: list[GoldRelation] = field(default_factory=list)


class GoldFormatError(ValueError):
    """A gold file line is malformed; the message is ``file:line: problem``."""

    def __init__(self, path: str | Path, line: int, problem: str) -> None:
        super().__init__(f"{path}:{line}: {problem}")
        self.path = str(path)
        self.line = line
        self.problem = problem


def read_gold(path: str | Path) -> Iterator[GoldDoc]:
    """Yield the documents of a gold JSONL file, validating each line.

    >>> docs = list(read_gold("../shared/eval/ftib/dev.jsonl"))

    Blank lines are skipped. Raises :class:`GoldFormatError` naming the file and line for bad
    JSON, a missing field, an offset out of range, ``text[start:end]`` differing from the
    entity text (which is optional), a relation index out of range or a repeated id, and for a
    file with no document at all.
    """
    path = Path(path)
    seen: set[str] = set()
    number = 0
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                doc = _parse_gold_line(line)
            except _Problem as problem:
                raise GoldFormatError(path, number, str(problem)) from None
            if doc.id in seen:
                raise GoldFormatError(path, number, f"duplicate id {doc.id!r}")
            seen.add(doc.id)
            yield doc
    if not seen:
        raise GoldFormatError(path, max(number, 1), "no document in the file")


class _Problem(Exception):
    """Internal: what is wrong with one gold line (file and line added by the caller)."""


def _parse_gold_line(line: str) -> GoldDoc:
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as error:
        raise _Problem(f"invalid JSON: {error.msg} (column {error.colno})") from None
    if not isinstance(raw, dict):
        raise _Problem("a line must be a JSON object")
    doc_id = raw.get("id")
    if not isinstance(doc_id, str) or not doc_id:
        raise _Problem("missing or empty 'id' (a string)")
    text = raw.get("text")
    if not isinstance(text, str):
        raise _Problem(f"document {doc_id!r}: missing 'text' (a string)")
    date = raw.get("date")
    if date is not None and not (isinstance(date, str) and _DATE_RE.fullmatch(date)):
        raise _Problem(f"document {doc_id!r}: 'date' must be YYYY-MM-DD or null, got {date!r}")
    entities = [
        _parse_entity(item, index, text) for index, item in enumerate(_list(raw, "entities"))
    ]
    relations = [
        _parse_relation(item, index, len(entities))
        for index, item in enumerate(_list(raw, "relations"))
    ]
    return GoldDoc(doc_id, text, date, entities, relations)


def _list(raw: dict[str, Any], key: str) -> list[Any]:
    value = raw.get(key, [])
    if not isinstance(value, list):
        raise _Problem(f"'{key}' must be a list")
    return value


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _parse_entity(item: Any, index: int, text: str) -> GoldEntity:
    where = f"entity {index}"
    if not isinstance(item, dict):
        raise _Problem(f"{where}: must be an object")
    start, end = item.get("start"), item.get("end")
    if not (_is_int(start) and _is_int(end)):
        raise _Problem(f"{where}: 'start' and 'end' must be integers")
    if not 0 <= start < end <= len(text):
        raise _Problem(f"{where}: offsets {start}:{end} out of range for a text of {len(text)}")
    label = item.get("label")
    if not isinstance(label, str) or not label:
        raise _Problem(f"{where}: missing 'label'")
    surface = item.get("text", text[start:end])  # optional; when given, it must agree
    if surface != text[start:end]:
        raise _Problem(
            f"{where}: text[{start}:{end}] is {text[start:end]!r}, entity text is {surface!r}"
        )
    norm = item.get("norm")
    if norm is not None and not isinstance(norm, str):
        raise _Problem(f"{where}: 'norm' must be a string or null")
    cluster = item.get("cluster")
    if cluster is not None and (isinstance(cluster, bool) or not isinstance(cluster, str | int)):
        raise _Problem(f"{where}: 'cluster' must be a string or an integer")
    return GoldEntity(
        start, end, label, surface, norm or None, None if cluster is None else str(cluster)
    )


def _parse_relation(item: Any, index: int, n_entities: int) -> GoldRelation:
    where = f"relation {index}"
    if not isinstance(item, dict):
        raise _Problem(f"{where}: must be an object")
    head, tail, label = item.get("head"), item.get("tail"), item.get("label")
    for name, value in (("head", head), ("tail", tail)):
        if not _is_int(value) or not 0 <= value < n_entities:
            raise _Problem(f"{where}: '{name}' must be an entity index below {n_entities}")
    if not isinstance(label, str) or not label:
        raise _Problem(f"{where}: missing 'label'")
    return GoldRelation(head, tail, label)


def _label_key(label: str) -> tuple[int, str]:
    order = _LABEL_ORDER.index(label) if label in _LABEL_ORDER else len(_LABEL_ORDER)
    return order, label


def label_inventory(docs: Iterable[GoldDoc]) -> tuple[str, ...]:
    """Entity labels the gold uses, in the order PER, ORG, LOC, DATE, MISC, others.

    >>> label_inventory([GoldDoc("d", "Paris", None, [GoldEntity(0, 5, "LOC", "Paris")])])
    ('LOC',)
    """
    return tuple(sorted({e.label for doc in docs for e in doc.entities}, key=_label_key))


def relation_inventory(docs: Iterable[GoldDoc]) -> tuple[str, ...]:
    """Relation labels the gold uses, sorted."""
    return tuple(sorted({r.label for doc in docs for r in doc.relations}))
