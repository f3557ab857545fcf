"""Hostile stories through the whole pipeline: no crash, offsets always point at the row's
own text, and every input ends as a ``documents`` row or an ``errors`` row."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from pipeline.io.tables import read_table
from pipeline.processing import Story, process_stories
from pipeline.runner import NothingToRead, run
from tests.robustness.checks import (
    SPANS,
    assert_accounted,
    assert_offsets,
    assert_run_offsets,
    assert_tables_complete,
    examples,
    rows,
)
from tests.robustness.strategies import STORY_DATES, csv_text, jsonl_lines, story_texts


def check_story(nlp: Language, text: str, date: str | None = None) -> None:
    [result] = process_stories(nlp, [Story("s", text, date)])
    assert result.error is None, f"component crash on {text!r}: {result.error}"
    texts = {"s": text}
    for table in SPANS:
        assert_offsets(table, getattr(result, table), texts)
    n_sentences = result.document["n_sentences"]
    for table in SPANS:
        for row in getattr(result, table):
            assert 0 <= row["sentence"] < max(1, n_sentences), row


@settings(max_examples=examples(300))
@given(text=story_texts(), date=STORY_DATES)
@example(text="« " * 200 + "Marie Curie" + " »" * 200, date=None)
@example(text="(" * 300 + "Lyon", date=None)
@example(text="İİİ Marie Curie à Lyon. ß Unesco.", date=None)
@example(text="\u200f\u202eمرحبا Marie Curie 👩\u200d👩\u200d👧 Lyon\u2028Unesco", date=None)
@example(text="LYON, 3 mars (AFP) - Il est venu lundi dernier, dit-elle.", date="2024-03-05")
def test_any_story_gives_rows_at_exact_offsets(blank_nlp: Language, text: str,
                                              date: str | None) -> None:
    check_story(blank_nlp, text, date)


@pytest.mark.model
@settings(max_examples=examples(25))
@given(text=story_texts(max_parts=25), date=STORY_DATES)
@example(text="LYON, 3 mars (AFP) - « Nous partirons », a déclaré Mme Curie, directrice de "
              "l'Unesco. İstanbul ß 😀 (((", date="2024-03-05")
def test_any_story_with_the_real_model(nlp: Language, text: str,
                                      date: str | None) -> None:
    check_story(nlp, text, date)


@settings(max_examples=examples(40))
@given(lines=st.lists(jsonl_lines(), min_size=1, max_size=8),
       records=st.lists(st.tuples(st.text(max_size=6), story_texts(max_parts=8)), max_size=5),
       txt=story_texts(max_parts=10))
def test_a_run_accounts_for_every_input(blank_nlp: Language, lines: list[tuple[str, bool]],
                                        records: list[tuple[str, str]], txt: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        (corpus / "a.jsonl").write_text("\n".join(line for line, _ in lines) + "\n",
                                        encoding="utf-8")
        (corpus / "b.csv").write_text(csv_text(["id", "text"], [list(r) for r in records]),
                                      encoding="utf-8", newline="")
        (corpus / "c.txt").write_text(txt, encoding="utf-8", newline="")
        out = Path(tmp) / "out"
        try:
            run([corpus], out, nlp=blank_nlp)
        except NothingToRead:  # every input is bad: then no table at all
            assert not any(p.suffix for p in out.iterdir())
            return
        assert_tables_complete(out)
        for table, column in (("documents", "doc_id"), ("mentions", "text")):
            exact = [row[column] for row in rows(out, table)]
            assert read_table(out, table)[column].tolist() == exact  # CSV gives the same text
        texts = story_texts_of(corpus)
        assert_run_offsets(out, texts)
        inputs = [(str(corpus / "a.jsonl"), n) for n, (line, _) in enumerate(lines, 1)
                  if line.strip()]
        csv_lines = csv_record_lines(corpus / "b.csv")
        inputs += [(str(corpus / "b.csv"), n) for n in csv_lines]
        inputs.append((str(corpus / "c.txt"), None))
        tally = assert_accounted(out, inputs)
        good = sum(ok for _, ok in lines)
        assert tally["ok"] >= min(1, good)
        assert not [e for e in rows(out, "errors") if e["stage"] == "process"], \
            "a component crashed"


def story_texts_of(corpus: Path) -> dict[str, str]:
    """doc_id -> text of every story the readers give for ``corpus``."""
    from pipeline.io.readers import Record, read_inputs

    return {item.doc_id: item.text for item in read_inputs([corpus])
            if isinstance(item, Record)}


def csv_record_lines(path: Path) -> list[int]:
    """Line numbers (as the reader reports them: the last physical line) of a CSV's rows."""
    import csv

    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader, None)
        return [reader.line_num for _ in reader]


def test_check_story_catches_a_wrong_offset() -> None:
    """The offset check itself fails on a row that points beside its text."""
    row = {"doc_id": "s", "start_char": 1, "end_char": 5, "text": "Lyon"}
    with pytest.raises(AssertionError, match="but the text there is ' Lyo'"):
        assert_offsets("mentions", [row], {"s": "à Lyon"})
