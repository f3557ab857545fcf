"""Reconciliation soak: 20,000 generated stories in JSON Lines, CSV and .txt files, with a
fault every few hundred (bad bytes, malformed rows, duplicate ids, missing, empty or blank
text). The run ends with ok + failed == inputs; each fault is named in ``errors`` with its
file and line; a duplicate id is reported and never overwrites the first story; the same
command again reuses every story and writes the same bytes."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipeline.runner import run
from tests.robustness.checks import (
    assert_accounted,
    assert_run_offsets,
    assert_tables_complete,
    rows,
)

N_STORIES = 20_000
FAULT_EVERY = 250
TOWNS = ("Lyon", "Rennes", "Brest", "Nantes", "Dijon")
#: Faults, in turn; the stage and the start of the message each one must give.
FAULTS = {
    "bad_bytes": ("decode", "not valid utf-8: byte 0xff"),
    "malformed": ("parse", "not valid JSON"),  # CSV: a row with more fields than the header
    "duplicate_id": ("read", "duplicate doc_id"),
    "missing_text": ("parse", "row has no 'text' field"),
    "empty_text": ("read", "empty document"),
    "blank_text": ("read", "empty document"),
}


def story(i: int) -> str:
    town, other = TOWNS[i % 5], TOWNS[(i * 3 + 1) % 5]
    return (f"Marie Curie a quitté {town} le {i % 28 + 1} mars 2024 pour l'Unesco.\n"
            f"« Nous reviendrons à {other} », a-t-elle déclaré (dépêche {i}).")


@dataclass
class Corpus:
    """What was written: every input ``(file, line)``, the good stories' texts and the
    faults ``(file, line) -> (kind, doc_id)``."""

    folder: Path
    inputs: list[tuple[str, int | None]]
    texts: dict[str, str]
    first_seen: dict[str, tuple[str, int | None]]
    faults: dict[tuple[str, int | None], tuple[str, str | None]]


def write_corpus(folder: Path) -> Corpus:
    """Stories 0-14,999 in three JSON Lines files, 15,000-18,999 in a CSV file, the rest in
    .txt files; a fault every :data:`FAULT_EVERY` stories, of each kind in turn."""
    folder.mkdir()
    corpus = Corpus(folder, [], {}, {}, {})
    kinds = list(FAULTS)
    jsonl: dict[Path, list[bytes]] = {folder / f"part{k}.jsonl": [] for k in range(3)}
    csv_path, csv_rows = folder / "wire.csv", io.StringIO()
    writer = csv.writer(csv_rows, lineterminator="\n")
    writer.writerow(["id", "text", "source"])
    csv_line = 1
    for i in range(N_STORIES):
        doc_id, text = f"d{i:05d}", story(i)
        fault = kinds[(i // FAULT_EVERY) % len(kinds)] if i % FAULT_EVERY == 7 else None
        if i < 15_000:
            path = list(jsonl)[i // 5000]
            lines = jsonl[path]
            row: dict[str, object] = {"id": doc_id, "text": text, "date": "2024-03-30"}
            if fault == "duplicate_id":
                row["id"] = doc_id = f"d{i - 3:05d}"  # a story three lines up
                row["text"] = "Un doublon plus court."
            elif fault == "missing_text":
                del row["text"]
            elif fault in ("empty_text", "blank_text"):
                row["text"] = "" if fault == "empty_text" else " \n\t "
            data = json.dumps(row, ensure_ascii=False).encode("utf-8")
            if fault == "bad_bytes":
                data = data.replace(b"Curie", b"Cu\xffrie")
            elif fault == "malformed":
                data = data[:-2]
            lines.append(data)
            where: tuple[str, int | None] = (str(path), len(lines))
        elif i < 19_000:
            record = [doc_id, text, "AFP"]
            if fault == "duplicate_id":
                record[0] = doc_id = f"d{i - 3:05d}"
                record[1] = "Un doublon plus court."
            elif fault == "missing_text":
                record = [doc_id]  # a short row: DictReader fills text with None
            elif fault in ("empty_text", "blank_text"):
                record[1] = "" if fault == "empty_text" else "   "
            elif fault == "malformed":
                record.append("de trop")
            elif fault == "bad_bytes":  # a byte 0xff, kept as its surrogate escape until saved
                record[1] = text.replace("Curie", "Cu\udcffrie")
            writer.writerow(record)
            csv_line += record[1].count("\n") + 1 if len(record) > 1 else 1
            where = (str(csv_path), csv_line)
        else:
            path = folder / "txt" / f"{doc_id}.txt"
            path.parent.mkdir(exist_ok=True)
            data = text.encode("utf-8")
            if fault == "bad_bytes":
                data = b"\xff" + data
            elif fault in ("empty_text", "blank_text", "missing_text"):
                data = b"" if fault != "blank_text" else b"  \n "
            else:  # a .txt file has no row to malform and its id is its path
                fault = None
            path.write_bytes(data)
            doc_id = f"txt/{doc_id}"
            where = (str(path), None)
        corpus.inputs.append(where)
        if fault:
            corpus.faults[where] = (fault, doc_id if fault == "duplicate_id" else None)
        else:
            corpus.texts[doc_id] = text
            corpus.first_seen[doc_id] = where
    for path, lines in jsonl.items():
        path.write_bytes(b"\n".join(lines) + b"\n")
    csv_path.write_bytes(csv_rows.getvalue().encode("utf-8", "surrogateescape"))
    return corpus


@pytest.mark.soak
def test_20000_stories_with_faults_reconcile(tmp_path: Path, small_model: str) -> None:
    corpus = write_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    summary = run([corpus.folder], out, model=small_model, processes=2, batch_size=64)
    n_inputs, n_faults = len(corpus.inputs), len(corpus.faults)
    assert n_inputs >= N_STORIES and n_faults >= N_STORIES // FAULT_EVERY - 5
    assert (summary.docs_ok, summary.docs_failed) == (n_inputs - n_faults, n_faults)
    assert summary.docs_ok + summary.docs_failed == n_inputs
    assert_tables_complete(out)
    tally = assert_accounted(out, corpus.inputs)
    assert tally == {"ok": n_inputs - n_faults, "failed": n_faults}

    errors = {(e["input"], e["line"]): e for e in rows(out, "errors")}
    assert len(errors) == n_faults
    for where, (kind, doc_id) in corpus.faults.items():
        error = errors[where]
        stage, start = FAULTS[kind]
        if kind == "malformed" and where[0].endswith(".csv"):
            start = "row has more fields than the header"
        elif kind == "missing_text" and where[0].endswith(".txt"):
            start = "empty document"
        assert (error["stage"], error["message"][:len(start)]) == (stage, start), (where, kind)
        if kind == "duplicate_id":
            first = corpus.first_seen[doc_id]
            assert error["message"] == (f"duplicate doc_id {doc_id!r}: first read at "
                                        f"{first[0]}:{first[1]}; this copy is skipped")

    documents = {d["doc_id"]: d for d in rows(out, "documents")}
    assert len(documents) == n_inputs - n_faults
    for doc_id, text in corpus.texts.items():  # the first story, never the duplicate
        document = documents[doc_id]
        assert (document["input"], document["line"]) == corpus.first_seen[doc_id]
        assert (document["status"], document["n_chars"]) == ("ok", len(text))
    assert_run_offsets(out, corpus.texts)

    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    again = run([corpus.folder], out, model=small_model, processes=2, batch_size=64)
    assert (again.processed, again.reused) == (0, n_inputs - n_faults)
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
