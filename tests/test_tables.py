"""The table declarations and their documentation."""

from __future__ import annotations

from pipeline.tables import TABLES, markdown, sentence_index
from tests.conftest import ROOT


def test_docs_tables_md_is_generated_from_the_declarations() -> None:
    written = (ROOT / "docs" / "tables.md").read_text(encoding="utf-8")
    assert written == markdown(), "run: python -m pipeline.tables > docs/tables.md"


def test_every_column_has_type_meaning_and_example() -> None:
    for name, (about, cols) in TABLES.items():
        assert about, name
        assert len({c.name for c in cols}) == len(cols), name
        for column in cols:
            assert column.type in {"string", "integer", "json"}, column
            assert column.meaning and column.example, column


def test_sentence_index() -> None:
    starts = [0, 10, 25]
    assert [sentence_index(starts, c) for c in (0, 9, 10, 24, 25, 400)] == [0, 0, 1, 1, 2, 2]
