"""Safe output: a CSV cell a spreadsheet would run as a formula is neutralised with a leading
apostrophe, JSON Lines and Parquet keep the exact text, ``read_table`` gives the exact text
back; ids and paths taken from the input never steer where files are written."""

from __future__ import annotations

import csv
import json
import os
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from pipeline.io.store import STATE_DIR
from pipeline.io.tables import TABLE_NAMES, read_table
from pipeline.io.writers import TableSet
from pipeline.runner import run
from tests.robustness.checks import examples, rows

#: Text cells as a hostile input gives them, and how the CSV file must hold each.
FORMULAS = [
    ("=HYPERLINK(\"http://exemple.invalid\",\"clic\")",
     "'=HYPERLINK(\"http://exemple.invalid\",\"clic\")"),
    ("+33 6 12 34 56 78", "'+33 6 12 34 56 78"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\r=1+1"),
    ("'déjà une apostrophe", "''déjà une apostrophe"),
    ("Agence France-Presse", "Agence France-Presse"),
]


#: The ones a reader keeps as they are (it strips white space around ids and metadata).
KEPT = [(value, held) for value, held in FORMULAS if value == value.strip()]


def corpus(folder: Path) -> Path:
    folder.mkdir()
    path = folder / "s.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for i, (value, _) in enumerate(KEPT):
            handle.write(json.dumps({"id": f"{value}#{i}", "title": value, "source": value,
                                     "text": "Marie Curie est à Lyon."}) + "\n")
    return path


def csv_cells(path: Path, column: str) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [row[column] for row in csv.DictReader(handle)]


def test_formula_cells_are_neutralised_in_csv_only(tmp_path: Path, blank_nlp: Language) -> None:
    out = tmp_path / "out"
    run([corpus(tmp_path / "corpus")], out, nlp=blank_nlp, formats=("csv", "jsonl", "parquet"))
    values = [value for value, _ in KEPT]
    assert csv_cells(out / "documents.csv", "title") == [held for _, held in KEPT]
    assert csv_cells(out / "documents.csv", "doc_id") == [
        f"{held}#{i}" for i, (_, held) in enumerate(KEPT)]
    assert [d["title"] for d in rows(out, "documents")] == values
    assert pd.read_parquet(out / "documents.parquet")["title"].tolist() == values
    # the mentions table carries the ids too; its mention_id starts with the doc_id
    mention_ids = csv_cells(out / "mentions.csv", "mention_id")
    assert mention_ids[0] == "'=HYPERLINK(\"http://exemple.invalid\",\"clic\")#0#0-11"
    assert read_table(out, "documents")["title"].tolist() == values
    assert read_table(out, "mentions")["doc_id"].tolist()[::2] == [
        f"{value}#{i}" for i, value in enumerate(values)]


def test_every_formula_start_is_neutralised_in_the_csv_file(tmp_path: Path) -> None:
    tables = TableSet(tmp_path, tmp_path / "tmp", ("csv", "jsonl", "parquet"))
    for value, _ in FORMULAS:
        tables["errors"].write({"input": "f.csv", "line": 1, "doc_id": value, "stage": "parse",
                                "message": value})
    tables.publish()
    values = [value for value, _ in FORMULAS]
    assert csv_cells(tmp_path / "errors.csv", "message") == [held for _, held in FORMULAS]
    assert [r["message"] for r in rows(tmp_path, "errors")] == values
    assert pd.read_parquet(tmp_path / "errors.parquet")["message"].tolist() == values
    assert read_table(tmp_path, "errors")["message"].tolist() == values


@settings(max_examples=examples(60))
@given(values=st.lists(st.text(min_size=1, max_size=20), min_size=1, max_size=8))
@example(values=["=1", "'", "''", "\r", "\t", "-", "\u2028x", "a\r\nb", " ", "\"", "é\x85"])
def test_read_table_gives_back_the_exact_text(values: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        tables = TableSet(out, out / "tmp", ("csv", "jsonl", "parquet"))
        for value in values:
            tables["errors"].write({"input": value, "line": 7, "doc_id": value,
                                    "stage": "parse", "message": value})
        tables.publish()
        frame = read_table(out, "errors")
        assert frame["input"].tolist() == values
        assert frame["message"].tolist() == values
        assert [r["doc_id"] for r in rows(out, "errors")] == values
        assert pd.read_parquet(out / "errors.parquet")["doc_id"].tolist() == values


HOSTILE_IDS = ["../../evil", "/etc/depeche-evil", "..\\..\\evil", "~/evil", "a/../../evil",
               "documents.csv", ".depeche/store.sqlite", "errors", "\x00evil", "CON"]


def test_ids_and_paths_from_input_never_steer_where_files_are_written(
        tmp_path: Path, blank_nlp: Language) -> None:
    work = tmp_path / "work"
    (work / "corpus" / "..evil" / "sub").mkdir(parents=True)
    (work / "corpus" / "..evil" / "sub" / "..story.txt").write_text(
        "Marie Curie est à Lyon.", encoding="utf-8")
    with (work / "corpus" / "ids.jsonl").open("w", encoding="utf-8") as handle:
        for doc_id in HOSTILE_IDS:
            handle.write(json.dumps({"id": doc_id, "text": "L'Unesco est à Lyon."}) + "\n")
    before = {p for p in tmp_path.rglob("*")}
    etc_before = set(os.listdir("/etc"))
    out = work / "out"
    run([work / "corpus"], out, nlp=blank_nlp)
    written = {p for p in tmp_path.rglob("*")} - before
    expected = {f"{t}.{fmt}" for t in TABLE_NAMES for fmt in ("csv", "jsonl")}
    assert {p.name for p in out.iterdir()} == expected | {STATE_DIR}
    assert all(p == out or out in p.parents for p in written), sorted(written)
    assert set(os.listdir("/etc")) == etc_before
    assert [d["doc_id"] for d in rows(out, "documents")] == [
        "..evil/sub/..story", *HOSTILE_IDS]


@pytest.mark.parametrize(("value", "held"), FORMULAS)
def test_escape_cell_table(value: str, held: str) -> None:
    from pipeline.io.writers import escape_cell, unescape_cell

    assert escape_cell(value) == held
    assert unescape_cell(escape_cell(value)) == value
