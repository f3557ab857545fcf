"""Tests for pipeline/evaluate/gold.py: reading and validating gold files."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluate import GoldDoc, GoldFormatError, label_inventory, read_gold
from tests.evaluate.helpers import ent, gold_docs


def test_read_gold_reads_every_field(tmp_path: Path) -> None:
    text = "Le 3 mars 2024, Marie Curie."
    (doc,) = gold_docs(
        tmp_path,
        [
            {
                "id": "a",
                "text": text,
                "date": "2024-03-10",
                "meta": {"x": 1},
                "entities": [
                    ent(text, "3 mars 2024", "DATE", "2024-03-03"),
                    ent(text, "Marie Curie", "PER", cluster=7),
                ],
                "relations": [{"head": 1, "tail": 0, "label": "per:date"}],
            }
        ],
    )
    assert doc.id == "a"
    assert doc.date == "2024-03-10"
    assert [(e.start, e.end, e.label, e.text, e.norm, e.cluster) for e in doc.entities] == [
        (3, 14, "DATE", "3 mars 2024", "2024-03-03", None),
        (16, 27, "PER", "Marie Curie", None, "7"),
    ]
    assert [(r.head, r.tail, r.label) for r in doc.relations] == [(1, 0, "per:date")]


def test_read_gold_skips_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('\n{"id": "a", "text": "x"}\n   \n{"id": "b", "text": ""}\n', encoding="utf-8")
    assert [doc.id for doc in read_gold(path)] == ["a", "b"]


GOOD = '{"id": "ok", "text": "Paris"}'


def gold_line(entity: str, relations: str = "[]") -> str:
    """A one-entity gold line for the text "Paris"."""
    return f'{{"id": "a", "text": "Paris", "entities": [{entity}], "relations": {relations}}}'


PARIS = '{"start": 0, "end": 5, "label": "LOC", "text": "Paris"}'


# fmt: off
MALFORMED_LINES = [
    ("bad-json", '{"id": "a", "text": "Paris"', "invalid JSON"),
    ("not-object", '["not", "an", "object"]', "JSON object"),
    ("no-id", '{"text": "Paris"}', "'id'"),
    ("no-text", '{"id": "a"}', "missing 'text'"),
    ("text-not-string", '{"id": "a", "text": 3}', "missing 'text'"),
    ("bad-date", '{"id": "a", "text": "Paris", "date": "10/03/2024"}', "'date'"),
    ("entities-not-list", '{"id": "a", "text": "Paris", "entities": {}}', "must be a list"),
    ("end-past-text", gold_line(PARIS.replace('"end": 5', '"end": 9')), "out of range"),
    ("empty-span", gold_line('{"start": 3, "end": 3, "label": "LOC", "text": ""}'),
     "out of range"),
    ("text-mismatch", gold_line(PARIS.replace('"end": 5', '"end": 4')),
     "text[0:4] is 'Pari', entity text is 'Paris'"),
    ("offset-not-int", gold_line(PARIS.replace('"start": 0', '"start": "0"')), "integers"),
    ("no-label", gold_line(PARIS.replace('"label": "LOC", ', "")), "missing 'label'"),
    ("relation-index", gold_line(PARIS, '[{"head": 0, "tail": 1, "label": "x"}]'),
     "'tail' must be an entity index below 1"),
    ("duplicate-id", GOOD, "duplicate id 'ok'"),
]
# fmt: on


@pytest.mark.parametrize(
    ("bad_line", "problem"),
    [case[1:] for case in MALFORMED_LINES],
    ids=[case[0] for case in MALFORMED_LINES],
)
def test_malformed_gold_line_names_file_and_line(
    tmp_path: Path, bad_line: str, problem: str
) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(f"{GOOD}\n\n{bad_line}\n", encoding="utf-8")  # the bad line is line 3
    with pytest.raises(GoldFormatError) as caught:
        list(read_gold(path))
    message = str(caught.value)
    assert message.startswith(f"{path}:3: ")
    assert problem in message
    assert (caught.value.path, caught.value.line) == (str(path), 3)


def test_entity_text_is_optional_in_gold(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(gold_line('{"start": 0, "end": 5, "label": "LOC"}') + "\n", encoding="utf-8")
    [doc] = read_gold(path)
    assert doc.entities[0].text == "Paris"


def test_gold_file_without_documents_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="empty.jsonl:1: no document in the file"):
        list(read_gold(path))


def test_label_inventory_comes_from_the_gold(macron: GoldDoc) -> None:
    assert label_inventory([macron]) == ("PER", "LOC")
