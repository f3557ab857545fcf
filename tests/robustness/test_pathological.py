"""Pathological input does not stall a run: a 10 MB story, a line of 100,000 digits and
slashes, 5,000 nested quotes, a JSON Lines file of a million lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from pipeline.io.readers import ReaderOptions
from pipeline.runner import run
from tests.robustness.checks import assert_accounted, assert_run_offsets, rows

TEN_MB = 10_000_000
GOOD = "Marie Curie est arrivée à Lyon le 3 mars 2024 pour rencontrer l'Unesco."


def corpus_with(folder: Path, big: str) -> Path:
    """A folder of two stories: ``big.txt`` holding ``big`` and ``good.txt``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "big.txt").write_text(big, encoding="utf-8")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    return folder


def outcome(outdir: Path) -> dict[str, str]:
    """doc_id -> ``ok``, or the message of its failing ``errors`` row."""
    found = {d["doc_id"]: d["status"] for d in rows(outdir, "documents")}
    for error in rows(outdir, "errors"):
        found[error["doc_id"]] = error["message"]
    return found


def test_a_10_mb_story_is_refused_by_default_and_the_run_goes_on(
        tmp_path: Path, blank_nlp: Language) -> None:
    corpus = corpus_with(tmp_path / "corpus", ((GOOD + "\n") * TEN_MB)[:TEN_MB])
    run([corpus], tmp_path / "out", nlp=blank_nlp)
    assert outcome(tmp_path / "out") == {
        "big": "document too long: 10,000,000 characters (limit 1,000,000; see --max-chars)",
        "good": "ok"}


def test_a_10_mb_story_that_runs_away_costs_its_time_budget_only(
        tmp_path: Path, blank_nlp: Language) -> None:
    # Runs of « without a space: spaCy's tokenizer strips them one by one, in quadratic time
    # (a 100,000-character piece would take many minutes).
    corpus = corpus_with(tmp_path / "corpus", "«»()" * (TEN_MB // 4))
    run([corpus], tmp_path / "out", nlp=blank_nlp, story_timeout=2,
        reader_options=ReaderOptions(max_chars=2 * TEN_MB))
    assert outcome(tmp_path / "out") == {
        "big": "processing stopped: the story took longer than its time budget of 2 s "
               "(--story-timeout)",
        "good": "ok"}
    [big] = [d for d in rows(tmp_path / "out", "documents") if d["doc_id"] == "big"]
    assert (big["status"], big["n_chars"]) == ("error", TEN_MB)


def test_a_line_of_100000_digits_and_slashes(tmp_path: Path, blank_nlp: Language) -> None:
    line = "".join("0123456789/"[i % 11] for i in range(100_000))
    text = f"{GOOD}\n{line}\nMarie Curie est repartie de Lyon."
    corpus = corpus_with(tmp_path / "corpus", text)
    run([corpus], tmp_path / "out", nlp=blank_nlp)
    assert outcome(tmp_path / "out") == {"big": "ok", "good": "ok"}
    assert_run_offsets(tmp_path / "out", {"big": text, "good": GOOD})
    mentions = [(m["text"], m["start_char"]) for m in rows(tmp_path / "out", "mentions")
                if m["doc_id"] == "big" and m["label"] in ("PER", "LOC")]
    end = len(GOOD) + 1 + len(line) + 1
    assert mentions == [("Marie Curie", 0), ("Lyon", 26), ("Marie Curie", end),
                        ("Lyon", end + 28)]


def test_5000_nested_quotes(tmp_path: Path, blank_nlp: Language) -> None:
    text = "« " * 5000 + "Nous resterons à Lyon" + " »" * 5000 + ", a déclaré Marie Curie."
    corpus = corpus_with(tmp_path / "corpus", text)
    run([corpus], tmp_path / "out", nlp=blank_nlp)
    assert outcome(tmp_path / "out") == {"big": "ok", "good": "ok"}
    assert_run_offsets(tmp_path / "out", {"big": text, "good": GOOD})
    quotes = [q for q in rows(tmp_path / "out", "quotes") if q["doc_id"] == "big"]
    assert [(q["speaker_text"], q["cue"]) for q in quotes] == [("Marie Curie", "a déclaré")]


#: Lines of the million-line file that are not good stories, one after the other.
FAULT_LINES = ('{"id": "bad", "text": "Réunion à Lyon."',  # truncated
               '["une", "liste"]', '{"id": "x"}', '{"text": "  "}', "pas du JSON",
               '{"text": 42}')


@pytest.mark.soak
def test_a_json_lines_file_of_a_million_lines(tmp_path: Path, blank_nlp: Language) -> None:
    """Every 100th line is a story, the others are faults or a duplicate id: a million inputs
    streamed through the reader, the work store and the tables."""
    path = tmp_path / "million.jsonl"
    n_lines, stories = 1_000_000, 0
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n_lines):
            if i % 100 == 0:
                stories += 1
                line = json.dumps({"id": f"s{i}", "text": f"Marie Curie est à Lyon ({i})."},
                                  ensure_ascii=False)
            elif i % 100 == 50:
                line = json.dumps({"id": f"s{i - 50}", "text": "Un doublon."})
            else:
                line = FAULT_LINES[i % len(FAULT_LINES)]
            handle.write(line + "\n")
    summary = run([path], tmp_path / "out", nlp=blank_nlp, batch_size=256)
    assert (summary.docs_ok, summary.docs_failed) == (stories, n_lines - stories)
    tally = assert_accounted(tmp_path / "out", [(str(path), n) for n in range(1, n_lines + 1)])
    assert tally == {"ok": stories, "failed": n_lines - stories}
    duplicates = [e for e in rows(tmp_path / "out", "errors")
                  if e["message"].startswith("duplicate doc_id")]
    assert len(duplicates) == stories
    assert duplicates[0] == {"input": str(path), "line": 51, "doc_id": "s0", "stage": "read",
                             "message": f"duplicate doc_id 's0': first read at {path}:1; "
                                        "this copy is skipped"}
