"""Hand-written gold for the tests of pipeline/evaluate/: offsets found in the text, not typed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pipeline.evaluate import GoldDoc, PredEntity, PredRelation, RelationMapping, read_gold

MACRON = "Emmanuel Macron est allé en France en 2024."
# offsets: "Emmanuel" 0-8, "Macron" 9-15, "France" 28-34, "2024" 38-42


def at(text: str, fragment: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the nth occurrence of ``fragment`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(fragment, start + 1)
    return start, start + len(fragment)


def ent(text: str, fragment: str, label: str, norm: str | None = None, **extra: Any) -> dict:
    """A gold entity dict for ``fragment`` (first occurrence unless ``nth`` is given)."""
    nth = extra.pop("nth", 0)
    start, end = at(text, fragment, nth)
    row = {"start": start, "end": end, "label": label, "text": fragment, **extra}
    if norm is not None:
        row["norm"] = norm
    return row


def pred(text: str, fragment: str, label: str, norm: str | None = None, nth: int = 0) -> PredEntity:
    """A predicted entity on the nth occurrence of ``fragment``."""
    return PredEntity(*at(text, fragment, nth), label, norm)


def rel(text: str, predicate: str, subject: str, object_: str) -> PredRelation:
    """A predicted relation between the first occurrences of ``subject`` and ``object_``."""
    return PredRelation(predicate, *at(text, subject), *at(text, object_))


def write_gold(path: Path, docs: list[dict]) -> Path:
    """Write ``docs`` as a gold JSONL file (``relations`` and ``date`` default to empty)."""
    with path.open("w", encoding="utf-8") as handle:
        for doc in docs:
            handle.write(json.dumps({"relations": [], "date": None, **doc}, ensure_ascii=False))
            handle.write("\n")
    return path


def gold_docs(tmp_path: Path, docs: list[dict]) -> list[GoldDoc]:
    """``docs`` as read back from a gold file, validated like real gold."""
    return list(read_gold(write_gold(tmp_path / "gold.jsonl", docs)))


#: A small relation map with one row of each direction.
RELATION_MAP = (
    RelationMapping("org:members", "member_of", "reversed"),
    RelationMapping("per:employee_of", "role", "same"),
    RelationMapping("org:alternate_names", "alias", "either"),
)


def other_label_doc(tmp_path: Path) -> tuple[str, GoldDoc]:
    """Two related pairs: one by a label mapped to ``role``, one by an unmapped label."""
    text = "La présidente de Finlande Aino Koskinen est arrivée. Jean Dupont travaille pour Acme."
    (doc,) = gold_docs(
        tmp_path,
        [
            {
                "id": "u",
                "text": text,
                "entities": [
                    ent(text, "Aino Koskinen", "PER"),
                    ent(text, "Finlande", "LOC"),
                    ent(text, "Jean Dupont", "PER"),
                    ent(text, "Acme", "ORG"),
                ],
                # per:origin has no mapping; per:employee_of maps to role
                "relations": [{"head": 0, "tail": 1, "label": "per:origin"},
                              {"head": 2, "tail": 3, "label": "per:employee_of"}],
            }
        ],
    )
    return text, doc
