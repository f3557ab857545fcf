"""The runner on a fast pipeline: tables, metadata, offsets, determinism and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from spacy.language import Language

from pipeline.io.tables import TABLE_NAMES, columns
from pipeline.runner import run

GOOD = "Marie Curie a visité Lyon. Elle a parlé à l'Unesco."


def make_corpus(root: Path) -> Path:
    corpus = root / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "a.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "sub" / "b.txt").write_text("Rien à signaler.", encoding="utf-8")
    rows = [{"id": "j1", "text": GOOD, "date": "2024-05-02", "source": "AFP", "title": "T",
             "url": "https://example.org/j1", "section": "culture"}]
    (corpus / "c.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n{broken\n",
        encoding="utf-8")
    (corpus / "d.csv").write_text("id,text,date\nc1,\"Marie Curie, à Lyon.\",2023-01-09\nc2,,\n",
                                  encoding="utf-8")
    (corpus / "e.txt").write_bytes("Élysée à Paris".encode("cp1252"))
    (corpus / "f.txt").write_bytes(b"\x00\x01\x02binary")
    (corpus / "g.txt").write_text("", encoding="utf-8")
    return corpus


@pytest.fixture()
def outputs(tmp_path: Path, blank_nlp: Language) -> Path:
    out = tmp_path / "out"
    run([make_corpus(tmp_path)], out, nlp=blank_nlp)
    return out


def test_every_table_is_written_in_both_formats_with_its_columns(outputs: Path) -> None:
    for table in TABLE_NAMES:
        frame = pd.read_csv(outputs / f"{table}.csv", keep_default_na=False, na_values=[""])
        assert list(frame.columns) == columns(table)
        lines = pd.read_json(outputs / f"{table}.jsonl", lines=True, dtype=False)
        assert len(lines) == len(frame)
    assert not list(outputs.glob("*.tmp"))


def test_good_documents_are_all_written_despite_bad_ones(outputs: Path) -> None:
    documents = pd.read_csv(outputs / "documents.csv", keep_default_na=False)
    assert documents["doc_id"].tolist() == ["a", "j1", "c1", "sub/b"]
    assert set(documents["status"]) == {"ok"}


def test_bad_inputs_become_error_rows_with_file_and_line(outputs: Path, tmp_path: Path) -> None:
    errors = [json.loads(line) for line in
              (outputs / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    corpus = tmp_path / "corpus"
    found = [(Path(e["input"]).name, e["line"], e["stage"]) for e in errors]
    assert found == [("c.jsonl", 2, "parse"), ("d.csv", 3, "read"), ("e.txt", None, "decode"),
                     ("f.txt", None, "decode"), ("g.txt", None, "read")]
    assert all(Path(e["input"]).parent.name in ("corpus", "sub") for e in errors)
    assert str(corpus) in errors[0]["input"]


def test_metadata_travels_to_documents(outputs: Path) -> None:
    rows = {r["doc_id"]: r for r in map(json.loads, (outputs / "documents.jsonl")
                                        .read_text(encoding="utf-8").splitlines())}
    j1 = rows["j1"]
    assert (j1["date"], j1["source"], j1["title"], j1["url"], j1["line"]) == (
        "2024-05-02", "AFP", "T", "https://example.org/j1", 1)
    assert j1["extra"] == {"section": "culture"}
    assert j1["n_chars"] == len(GOOD)
    assert j1["n_sentences"] == 2
    assert rows["c1"]["date"] == "2023-01-09" and rows["a"]["date"] is None
    assert rows["a"]["n_tokens"] == 13


def test_mention_offsets_round_trip_on_every_row(outputs: Path) -> None:
    texts = {"a": GOOD, "j1": GOOD, "c1": "Marie Curie, à Lyon.", "sub/b": "Rien à signaler."}
    mentions = pd.read_json(outputs / "mentions.jsonl", lines=True, dtype=False)
    assert len(mentions) > 0
    for row in mentions.itertuples():
        assert texts[row.doc_id][row.start_char:row.end_char] == row.text
        assert row.mention_id == f"{row.doc_id}#{row.start_char}-{row.end_char}"


def test_mentions_carry_sentence_and_source(outputs: Path) -> None:
    mentions = pd.read_csv(outputs / "mentions.csv", keep_default_na=False)
    a = mentions[mentions["doc_id"] == "a"]
    assert a[["text", "label", "sentence"]].values.tolist() == [
        ["Marie Curie", "PER", 0], ["Lyon", "LOC", 0], ["Unesco", "ORG", 1]]
    assert (a["source"] != "").all()


def test_entities_count_mentions_and_documents(outputs: Path) -> None:
    entities = pd.read_csv(outputs / "entities.csv", keep_default_na=False).set_index("label")
    per = entities.loc["PER"]
    assert (per["name"], per["n_mentions"], per["n_documents"]) == ("Marie Curie", 3, 3)


def test_two_runs_are_byte_identical(tmp_path: Path, blank_nlp: Language) -> None:
    corpus = make_corpus(tmp_path)
    run([corpus], tmp_path / "one", nlp=blank_nlp)
    run([corpus], tmp_path / "two", nlp=blank_nlp)
    for table in TABLE_NAMES:
        for suffix in (".csv", ".jsonl"):
            name = table + suffix
            assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_a_component_crash_costs_only_its_story(tmp_path: Path, blank_nlp: Language) -> None:
    @Language.component("test_crash_on_boom")
    def crash(doc):  # type: ignore[no-untyped-def]
        if "BOOM" in doc.text:
            raise ValueError("boom")
        return doc

    blank_nlp.add_pipe("test_crash_on_boom", first=True)
    corpus = tmp_path / "c"
    corpus.mkdir()
    for name, text in [("1", "Lyon."), ("2", "BOOM à Lyon."), ("3", "Marie Curie.")]:
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    summary = run([corpus], tmp_path / "out", nlp=blank_nlp, batch_size=8)
    assert (summary.docs_ok, summary.docs_failed) == (2, 1)
    documents = pd.read_csv(tmp_path / "out" / "documents.csv", keep_default_na=False, dtype=str)
    assert documents[["doc_id", "status"]].values.tolist() == [["1", "ok"], ["2", "error"],
                                                               ["3", "ok"]]
    errors = pd.read_csv(tmp_path / "out" / "errors.csv", keep_default_na=False, dtype=str)
    assert errors[["doc_id", "stage"]].values.tolist() == [["2", "process"]]
    assert "ValueError: boom" in errors["message"][0]


def test_summary_counts(tmp_path: Path, blank_nlp: Language) -> None:
    summary = run([make_corpus(tmp_path)], tmp_path / "out", nlp=blank_nlp)
    assert (summary.docs_ok, summary.docs_failed, summary.errors) == (4, 5, 5)
    assert summary.line().startswith("depeche: 4 documents ok, 5 failed, ")


def test_read_table_gives_declared_types(outputs: Path) -> None:
    from pipeline.io.tables import read_table

    documents = read_table(outputs, "documents")
    assert str(documents["line"].dtype) == "Int64" and str(documents["doc_id"].dtype) == "string"
    j1 = documents.set_index("doc_id").loc["j1"]
    assert (j1["line"], j1["extra"], j1["date"]) == (1, {"section": "culture"}, "2024-05-02")
    assert documents.set_index("doc_id").loc["a"].isna()["line"]
    relations = read_table(outputs, "relations")
    assert list(relations.columns) == columns("relations")
