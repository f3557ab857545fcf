"""Corpus-scale runs on a small saved pipeline: every core, Dask, resume after a kill,
incremental re-runs, Parquet, long stories in pieces, one run per output folder."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from pipeline.io.store import STATE_DIR, Store, StoreLocked
from pipeline.io.tables import TABLE_NAMES
from pipeline.runner import run
from tests.conftest import ROOT

TOWNS = ["Lyon", "Rennes", "Brest", "Nantes", "Dijon", "Metz", "Nice", "Pau"]


@pytest.fixture(scope="module")
def small_model(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A saved blank French pipeline with a few place names: fast to load in every worker."""
    nlp = spacy.blank("fr")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("entity_ruler").add_patterns(
        [{"label": "LOC", "pattern": [{"TEXT": town}]} for town in TOWNS]
        + [{"label": "PER", "pattern": [{"TEXT": "Claire"}, {"TEXT": "Vasseur"}]}])
    path = tmp_path_factory.mktemp("model") / "fr_small"
    nlp.to_disk(path)
    return str(path)


def story(i: int) -> str:
    a, b = TOWNS[i % len(TOWNS)], TOWNS[(i * 3 + 1) % len(TOWNS)]
    return (f"Claire Vasseur a quitté {a} le {i % 28 + 1} mars 2024. "
            f"Elle est arrivée à {b} (dépêche {i}).\nLa réunion de {a} a duré {i} heures.")


def write_corpus(folder: Path, n: int, *, changed: int | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "stories.jsonl").open("w", encoding="utf-8") as handle:
        for i in range(n):
            text = story(i) + (" Mise à jour." if i == changed else "")
            handle.write(json.dumps({"id": f"s{i:04d}", "text": text,
                                     "date": "2024-03-30"}, ensure_ascii=False) + "\n")
    return folder


def tables(outdir: Path, formats: tuple[str, ...] = ("csv", "jsonl")) -> dict[str, bytes]:
    return {f"{t}.{f}": (outdir / f"{t}.{f}").read_bytes()
            for t in TABLE_NAMES for f in formats}


def depeche(*args: str, cwd: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "pipeline", "run", *args], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def stored(outdir: Path) -> int:
    path = outdir / STATE_DIR / "store.sqlite"
    if not path.exists():
        return 0
    try:
        with sqlite3.connect(path, timeout=5) as db:
            return int(db.execute("SELECT count(*) FROM results").fetchone()[0])
    except sqlite3.DatabaseError:
        return 0


@pytest.fixture(scope="module")
def corpus240(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """240 stories in one JSON Lines file, shared (read only) by the tests below."""
    return write_corpus(tmp_path_factory.mktemp("stories240") / "corpus", 240)


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory, small_model: str,
              corpus240: Path) -> dict[str, bytes]:
    """Tables of an uninterrupted one-process run over the 240 stories."""
    out = tmp_path_factory.mktemp("reference") / "out"
    run([corpus240], out, model=small_model, processes=1, batch_size=8)
    return tables(out)


def test_every_core_gives_the_tables_of_one_process(tmp_path: Path, small_model: str,
                                                    corpus240: Path,
                                                    reference: dict[str, bytes]) -> None:
    summary = run([corpus240], tmp_path / "out", model=small_model, processes=2, batch_size=8)
    assert (summary.docs_ok, summary.processed, summary.reused) == (240, 240, 0)
    assert tables(tmp_path / "out") == reference


def test_dask_local_cluster_gives_the_tables_of_one_process(tmp_path: Path, small_model: str,
                                                            corpus240: Path,
                                                            reference: dict[str, bytes]) -> None:
    summary = run([corpus240], tmp_path / "out", model=small_model, engine="dask", processes=2,
                  batch_size=16, formats=("csv", "jsonl", "parquet"))
    assert summary.docs_ok == 240
    assert tables(tmp_path / "out") == reference


@pytest.mark.parametrize("wait_for", [1, 60, 200, 240])
def test_sigkill_then_the_same_command_gives_the_uninterrupted_tables(
        tmp_path: Path, small_model: str, corpus240: Path, reference: dict[str, bytes],
        wait_for: int) -> None:
    args = [str(corpus240), "-o", str(tmp_path / "out"), "--model", small_model,
            "--processes", "1", "--batch-size", "8", "--quiet"]
    first = depeche(*args, cwd=tmp_path)
    deadline = time.monotonic() + 60
    while stored(tmp_path / "out") < wait_for and first.poll() is None \
            and time.monotonic() < deadline:
        time.sleep(0.02)
    first.send_signal(signal.SIGKILL)
    first.wait()
    done_before = stored(tmp_path / "out")
    assert not (tmp_path / "out" / "mentions.csv").exists() or done_before == 240
    second = depeche(*args, cwd=tmp_path)
    _, err = second.communicate(timeout=120)
    assert second.returncode == 0, err
    assert f"{done_before} reused" in err or done_before == 0
    assert tables(tmp_path / "out") == reference


def test_sigterm_stops_with_a_message_and_no_table_then_resumes(
        tmp_path: Path, small_model: str, corpus240: Path, reference: dict[str, bytes]) -> None:
    args = [str(corpus240), "-o", str(tmp_path / "out"), "--model", small_model,
            "--processes", "1", "--batch-size", "8"]
    first = depeche(*args, cwd=tmp_path)
    while stored(tmp_path / "out") < 16 and first.poll() is None:
        time.sleep(0.02)
    first.send_signal(signal.SIGTERM)
    _, err = first.communicate(timeout=60)
    assert first.returncode == 143
    assert err.strip().splitlines()[-1] == ("depeche: terminated (SIGTERM); finished stories "
                                            "are kept: run the same command again to resume")
    assert "Traceback" not in err
    names = {p.name for p in (tmp_path / "out").iterdir()}
    assert names == {STATE_DIR}
    assert not list((tmp_path / "out").rglob("*.tmp"))
    second = depeche(*args, cwd=tmp_path)
    second.communicate(timeout=120)
    assert second.returncode == 0
    assert tables(tmp_path / "out") == reference


def test_rerun_processes_only_new_and_changed_stories(tmp_path: Path, small_model: str) -> None:
    corpus = write_corpus(tmp_path / "corpus", 40)
    out = tmp_path / "out"
    first = run([corpus], out, model=small_model, batch_size=8)
    assert (first.processed, first.reused) == (40, 0)
    again = run([corpus], out, model=small_model, batch_size=8)
    assert (again.processed, again.reused) == (0, 40)
    write_corpus(corpus, 50, changed=3)  # ten new stories, story 3 edited
    grown = run([corpus], out, model=small_model, batch_size=8)
    assert (grown.processed, grown.reused, grown.docs_ok) == (11, 39, 50)
    documents = (out / "documents.csv").read_text(encoding="utf-8").splitlines()
    assert [line.split(",")[0] for line in documents[1:]] == [f"s{i:04d}" for i in range(50)]
    fresh = run([corpus], out, model=small_model, batch_size=8, fresh=True)
    assert (fresh.processed, fresh.reused) == (50, 0)


def identities(outdir: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in outdir.iterdir()
            if p.is_file()}


def test_a_rerun_of_an_unchanged_corpus_leaves_the_tables_as_they_are(
        tmp_path: Path, small_model: str) -> None:
    corpus = write_corpus(tmp_path / "corpus", 12)
    out = tmp_path / "out"
    first = run([corpus], out, model=small_model, batch_size=4)
    written, files = tables(out), identities(out)
    again = run([corpus], out, model=small_model, batch_size=4)
    # not rewritten (same inodes and times), and the summary tells the same counts
    assert identities(out) == files
    assert tables(out) == written
    assert (again.processed, again.reused) == (0, 12)
    assert [again.docs_ok, again.mentions, again.relations, again.errors] == \
        [first.docs_ok, first.mentions, first.relations, first.errors] == \
        [12, first.mentions, first.relations, 0]
    assert first.mentions > 12


def test_a_rerun_rewrites_a_table_removed_or_edited_since(tmp_path: Path,
                                                         small_model: str) -> None:
    corpus = write_corpus(tmp_path / "corpus", 6)
    out = tmp_path / "out"
    run([corpus], out, model=small_model)
    written = tables(out)
    (out / "mentions.csv").unlink()
    (out / "relations.jsonl").write_text("edited by hand\n", encoding="utf-8")
    assert run([corpus], out, model=small_model).processed == 0
    assert tables(out) == written


def test_a_rerun_with_new_metadata_or_order_rewrites_the_tables(tmp_path: Path,
                                                               small_model: str) -> None:
    corpus = write_corpus(tmp_path / "corpus", 4)
    out = tmp_path / "out"
    run([corpus], out, model=small_model)
    path = corpus / "stories.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    rows[1]["title"] = "Nouveau titre"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows[::-1]),
                    encoding="utf-8")
    summary = run([corpus], out, model=small_model)
    assert (summary.processed, summary.reused) == (0, 4)
    documents = (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["doc_id"] for line in documents] == ["s0003", "s0002", "s0001",
                                                                  "s0000"]
    assert json.loads(documents[2])["title"] == "Nouveau titre"


def test_a_different_option_starts_over(tmp_path: Path, small_model: str) -> None:
    corpus = write_corpus(tmp_path / "corpus", 10)
    run([corpus], tmp_path / "out", model=small_model)
    summary = run([corpus], tmp_path / "out", model=small_model,
                  config={"depeche_resolver": {"keep_misc": True}})
    assert (summary.processed, summary.reused) == (10, 0)
    assert summary.notes == [f"starting over in {tmp_path / 'out'}: the options or dépêche's "
                             "version changed since the last run"]


def test_a_second_run_on_the_same_folder_stops_at_once(tmp_path: Path) -> None:
    with Store.open(tmp_path / "out", {"model": "x"}), pytest.raises(
            StoreLocked, match="another depeche run is writing"):
        Store.open(tmp_path / "out", {"model": "x"})
    with Store.open(tmp_path / "out", {"model": "x"}):  # released when the first closed
        pass


def test_parquet_tables_are_typed_and_read_as_one_dataset(tmp_path: Path, small_model: str,
                                                          monkeypatch: pytest.MonkeyPatch,
                                                          ) -> None:
    import pandas as pd
    import pyarrow.parquet as pq

    import pipeline.io.writers as writers

    monkeypatch.setattr(writers, "PARQUET_PART_ROWS", 100)
    monkeypatch.setattr(writers, "PARQUET_GROUP_ROWS", 30)
    corpus = write_corpus(tmp_path / "corpus", 60)
    run([corpus], tmp_path / "out", model=small_model, formats=("parquet",))
    folder = tmp_path / "out" / "mentions.parquet"
    parts = sorted(p.name for p in folder.iterdir())
    assert parts[:2] == ["part-00000.parquet", "part-00001.parquet"]
    frame = pd.read_parquet(folder)
    jsonl = tmp_path / "out2"
    run([corpus], jsonl, model=small_model, formats=("jsonl",))
    expected = pd.read_json(jsonl / "mentions.jsonl", lines=True, dtype=False)
    assert len(frame) == len(expected) == 60 * 5
    assert frame["text"].tolist() == expected["text"].tolist()
    schema = pq.read_schema(folder / "part-00000.parquet")
    assert str(schema.field("start_char").type) == "int64"
    assert str(schema.field("text").type) == "string"
    assert not (tmp_path / "out" / "mentions.csv").exists()


def test_a_story_longer_than_a_piece_keeps_exact_offsets(tmp_path: Path, blank_nlp: Language,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.processing as processing

    monkeypatch.setattr(processing, "PIECE_CHARS", 200)
    paragraphs = [f"Marie Curie est à Lyon pour la {i}e fois. Elle a vu l'Unesco."
                  for i in range(30)]
    text = "\n\n".join(paragraphs)
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "long.txt").write_text(text, encoding="utf-8")
    summary = run([tmp_path / "corpus"], tmp_path / "out", nlp=blank_nlp)
    assert summary.docs_ok == 1
    mentions = [json.loads(line) for line in
                (tmp_path / "out" / "mentions.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(mentions) == 90  # Marie Curie, Lyon, Unesco in each paragraph
    assert all(text[m["start_char"]:m["end_char"]] == m["text"] for m in mentions)
    assert [m["sentence"] for m in mentions if m["text"] == "Lyon"] == list(range(0, 60, 2))
    [document] = [json.loads(line) for line in (tmp_path / "out" / "documents.jsonl")
                  .read_text(encoding="utf-8").splitlines()]
    assert document["n_sentences"] == 60


def test_pieces_are_cut_at_paragraphs_then_sentences() -> None:
    from pipeline.processing import pieces

    text = "Un. Deux trois.\n\nQuatre cinq six. Sept huit."
    assert pieces(text, limit=20) == [(0, 17), (17, 34), (34, 44)]
    assert "".join(text[a:b] for a, b in pieces(text, limit=20)) == text
    assert pieces("x" * 25, limit=10) == [(0, 10), (10, 20), (20, 25)]


def test_new_code_or_data_processes_every_story_again(tmp_path: Path, small_model: str,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.runner as runner

    corpus = write_corpus(tmp_path / "corpus", 10)
    run([corpus], tmp_path / "out", model=small_model)
    assert run([corpus], tmp_path / "out", model=small_model).reused == 10
    monkeypatch.setattr(runner, "code_fingerprint", lambda: "an edited word list")
    summary = run([corpus], tmp_path / "out", model=small_model)
    assert (summary.processed, summary.reused) == (10, 0)
