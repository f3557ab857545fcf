"""A story's date: its own field, its file's path, its dateline, then `--date`, in that order."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
import spacy
from spacy.language import Language

from pipeline.cli import main
from pipeline.io.readers import ReaderOptions, Record, date_from_path, read_inputs
from pipeline.io.story_dates import closest_day, document_date
from pipeline.io.tables import document_row, document_values, read_table
from pipeline.runner import run
from tests.conftest import ROOT


@pytest.mark.parametrize(("path", "expected"), [
    ("corpus/2024-11-24-otsc.txt", "2024-11-24"),
    ("corpus/2024/11/24/otsc.txt", "2024-11-24"),
    ("corpus/2024_11_24_otsc.txt", "2024-11-24"),
    ("2024/11/24.txt", "2024-11-24"),
    ("archives-2023-01-05/otsc.txt", "2023-01-05"),
    ("archives-2023-01-05/2024-11-24-otsc.txt", "2024-11-24"),  # the deepest date wins
    ("corpus/2024/13/40/otsc.txt", None),  # no thirteenth month
    ("corpus/2024-02-30-otsc.txt", None),
    ("corpus/12024-11-24.txt", None),
    ("corpus/000_76d78a2bedede6b9.txt", None),
    ("corpus/2024/11/otsc.txt", None),
])
def test_date_from_path(path: str, expected: str | None) -> None:
    assert date_from_path(path) == expected


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_txt_files_take_the_date_of_their_path_else_the_option(tmp_path: Path) -> None:
    _write(tmp_path / "2024" / "11" / "24" / "otsc.txt", "Réunion à Astana.")
    _write(tmp_path / "2024-12-02-otan.txt", "Réunion à Bruxelles.")
    _write(tmp_path / "sans-date.txt", "Réunion à Paris.")
    found = {r.doc_id: (r.date, r.date_source) for r in
             read_inputs([tmp_path], ReaderOptions(default_date="2025-01-15"))}
    assert found == {"2024/11/24/otsc": ("2024-11-24", "path"),
                     "2024-12-02-otan": ("2024-12-02", "path"),
                     "sans-date": ("2025-01-15", "option")}


def test_a_row_date_field_wins_over_the_option_and_a_path_date_is_not_used_for_rows(
        tmp_path: Path) -> None:
    rows = [{"id": "a", "text": "Texte.", "date": "2024-03-15"}, {"id": "b", "text": "Texte."}]
    _write(tmp_path / "2023-01-01-flux.jsonl", "\n".join(json.dumps(r) for r in rows) + "\n")
    found = {r.doc_id: (r.date, r.date_source) for r in
             read_inputs([tmp_path], ReaderOptions(default_date="2025-01-15"))}
    assert found == {"a": ("2024-03-15", "field"), "b": ("2025-01-15", "option")}


def test_a_default_date_must_be_an_iso_day() -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        ReaderOptions(default_date="24/11/2024")


@pytest.mark.parametrize(("record", "dateline", "expected"), [
    (Record("a", "t", "f", date="2024-11-24", date_source="path"), {"date": "2024-11-20"},
     ("2024-11-24", "path")),
    (Record("a", "t", "f", date="2024-11-24", date_source="field"), {}, ("2024-11-24", "field")),
    (Record("a", "t", "f", date="2024-11-24"), {}, ("2024-11-24", "field")),  # analyse(date=)
    (Record("a", "t", "f", date="2025-01-15", date_source="option"), {"date": "2024-11-20"},
     ("2024-11-20", "dateline")),
    (Record("a", "t", "f"), {"date": "2024-11-20"}, ("2024-11-20", "dateline")),
    (Record("a", "t", "f"), {"date": None}, (None, None)),
    (Record("a", "t", "f", date="2025-01-15", date_source="option"), {"date": None},
     ("2025-01-15", "option")),
])
def test_document_date_order(record: Record, dateline: dict[str, str | None],
                             expected: tuple[str | None, str | None]) -> None:
    assert document_date(record, dateline) == expected


def test_the_documents_row_takes_the_dateline_date_when_the_story_has_no_other() -> None:
    doc = spacy.blank("fr")("PARIS, 3 mars 2024 (AFP) - Texte.")
    doc._.dateline = {"place": "PARIS", "date": "2024-03-03", "agency": "AFP"}
    row = document_row(Record("a", doc.text, "a.txt"), document_values(doc), 0)
    assert (row["date"], row["date_source"]) == ("2024-03-03", "dateline")


@pytest.mark.parametrize(("month", "day", "reference", "expected"), [
    (1, 2, "2024-12-30", "2025-01-02"),
    (12, 30, "2025-01-02", "2024-12-30"),
    (3, 3, "2024-03-05", "2024-03-03"),
    (2, 29, "2023-03-01", "2024-02-29"),
])
def test_closest_day(month: int, day: int, reference: str, expected: str) -> None:
    import datetime as dt

    assert closest_day(month, day, dt.date.fromisoformat(reference)) == expected


STORIES = {
    # path date: `hier` is the day before the path's date
    "2024/11/24/a.txt": "Marie Curie est arrivée hier à Lyon.",
    # no date of its own: the option anchors `hier`
    "b.txt": "Marie Curie est arrivée hier à Lyon.",
    # a dateline with its year is the story's own date: the option does not replace it
    "c.txt": "PARIS, 3 mars 2024 (AFP) - Marie Curie est arrivée hier à Lyon.",
    # a dateline without its year takes the year closest to the option
    "d.txt": "PARIS, 28 décembre (AFP) - Marie Curie est arrivée hier à Lyon.",
}


@pytest.fixture()
def dated_run(tmp_path: Path, blank_nlp: Language) -> Path:
    for name, text in STORIES.items():
        _write(tmp_path / "corpus" / name, text)
    out = tmp_path / "out"
    run([tmp_path / "corpus"], out, nlp=blank_nlp,
        reader_options=ReaderOptions(default_date="2025-01-10"))
    return out


def test_relative_dates_are_anchored_on_the_date_that_wins(dated_run: Path) -> None:
    documents = read_table(dated_run, "documents").set_index("doc_id")
    assert documents[["date", "date_source", "anchor_date"]].to_dict("index") == {
        "2024/11/24/a": {"date": "2024-11-24", "date_source": "path",
                         "anchor_date": "2024-11-24"},
        "b": {"date": "2025-01-10", "date_source": "option", "anchor_date": "2025-01-10"},
        "c": {"date": "2024-03-03", "date_source": "dateline", "anchor_date": "2024-03-03"},
        "d": {"date": "2024-12-28", "date_source": "dateline", "anchor_date": "2024-12-28"},
    }
    mentions = read_table(dated_run, "mentions")
    hier = mentions[mentions["text"] == "hier"].set_index("doc_id")["norm"].to_dict()
    assert hier == {"2024/11/24/a": "2024-11-23", "b": "2025-01-09", "c": "2024-03-02",
                    "d": "2024-12-27"}


def test_cli_date_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    nlp = spacy.blank("fr")
    nlp.add_pipe("sentencizer")
    model = tmp_path / "fr_blank"
    nlp.to_disk(model)
    _write(tmp_path / "corpus" / "a.txt", "Réunion hier à Lyon.")
    code = main(["run", str(tmp_path / "corpus"), "-o", str(tmp_path / "out"), "--quiet",
                 "--model", str(model), "--date", "2024-11-24"])
    assert code == 0
    documents = pd.read_csv(tmp_path / "out" / "documents.csv", dtype=str)
    assert documents[["date", "date_source"]].values.tolist() == [["2024-11-24", "option"]]


@pytest.mark.parametrize("value", ["2024-13-01", "24/11/2024", "2024-1-5", "demain"])
def test_cli_refuses_a_date_that_is_not_a_day(value: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["run", "--date", value])
    assert exit_info.value.code == 2
    assert "is not a date written YYYY-MM-DD" in capsys.readouterr().err


def test_the_example_stories_all_have_a_date_in_their_path() -> None:
    records = list(read_inputs([ROOT / "examples" / "stories"]))
    assert len(records) == 50
    assert all(isinstance(r, Record) and r.date_source == "path" for r in records)
    assert {r.date[:7] for r in records if isinstance(r, Record) and r.date} >= {
        "2024-10", "2024-11", "2024-12", "2025-01", "2025-02"}
