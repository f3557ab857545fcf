"""Tests for pipeline/evaluate/relation_map.py: the packaged mapping and malformed files."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluate import RelationMapError, load_relation_map


def test_packaged_relation_map() -> None:
    rows = load_relation_map()
    by_label = {(row.gold_label, row.predicate): row.direction for row in rows}
    assert by_label[("org:members", "member_of")] == "reversed"
    assert by_label[("per:employee_of", "role")] == "same"
    assert by_label[("org:alternate_names", "alias")] == "either"
    assert by_label[("IS_LOCATED_IN", "located_in")] == "same"
    assert all(row.note for row in rows)


@pytest.mark.parametrize(
    ("content", "line", "problem"),
    [
        ("gold_label,predicate\n", 1, "columns"),
        ("gold_label,predicate,direction,note\nx,knows,same,\n", 2, "unknown predicate"),
        ("gold_label,predicate,direction,note\nx,role,sideways,\n", 2, "direction"),
        ("gold_label,predicate,direction,note\n,role,same,\n", 2, "empty gold_label"),
        ("gold_label,predicate,direction,note\nx,role,same,\nx,role,same,\n", 3, "duplicate"),
        ("gold_label,predicate,direction,note\nx,role\n", 2, "4 columns"),
    ],
    ids=["header", "predicate", "direction", "empty-label", "duplicate", "short-row"],
)
def test_malformed_relation_map(tmp_path: Path, content: str, line: int, problem: str) -> None:
    path = tmp_path / "map.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RelationMapError, match=problem) as caught:
        load_relation_map(path)
    assert str(caught.value).startswith(f"{path}:{line}: ")
