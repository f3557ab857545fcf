"""The gold-label -> dépêche predicate mapping (``pipeline/data/eval_relation_map.csv``)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from pipeline.relations.base import PREDICATES

DIRECTIONS = ("same", "reversed", "either")
RELATION_MAP_COLUMNS = ("gold_label", "predicate", "direction", "note")


@dataclass(frozen=True)
class RelationMapping:
    """One row of ``eval_relation_map.csv``: a gold label scored as a dépêche predicate."""

    gold_label: str
    predicate: str
    direction: str
    note: str = ""


class RelationMapError(ValueError):
    """The relation mapping file is malformed; the message names file and line."""


def load_relation_map(path: str | Path | None = None) -> tuple[RelationMapping, ...]:
    """Read the gold-label -> predicate mapping (default: the packaged data file).

    >>> {m.gold_label: m.predicate for m in load_relation_map()}["org:members"]
    'member_of'
    """
    source = files("pipeline") / "data" / "eval_relation_map.csv" if path is None else Path(path)
    rows: list[RelationMapping] = []
    seen: set[tuple[str, str]] = set()
    with source.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = tuple(next(reader, ()))
        if header != RELATION_MAP_COLUMNS:
            raise RelationMapError(f"{source}:1: columns must be {', '.join(RELATION_MAP_COLUMNS)}")
        for row in reader:
            where = f"{source}:{reader.line_num}"
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(RELATION_MAP_COLUMNS):
                raise RelationMapError(f"{where}: expected {len(RELATION_MAP_COLUMNS)} columns")
            gold_label, predicate, direction, note = (cell.strip() for cell in row)
            if not gold_label:
                raise RelationMapError(f"{where}: empty gold_label")
            if predicate not in PREDICATES:
                raise RelationMapError(f"{where}: unknown predicate {predicate!r}")
            if direction not in DIRECTIONS:
                raise RelationMapError(f"{where}: direction must be one of {DIRECTIONS}")
            if (gold_label, predicate) in seen:
                raise RelationMapError(f"{where}: duplicate row {gold_label} -> {predicate}")
            seen.add((gold_label, predicate))
            rows.append(RelationMapping(gold_label, predicate, direction, note))
    return tuple(rows)
