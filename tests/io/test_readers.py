"""Readers: every input format, metadata, and bad input turned into errors, never exceptions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.io.readers import ReaderOptions, ReadError, Record, parse_iso_date, read_inputs


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def items(*inputs: Path, **options: object) -> list[Record | ReadError]:
    return list(read_inputs([str(i) for i in inputs], ReaderOptions(**options)))  # type: ignore[arg-type]


def test_txt_file_gives_one_record_named_after_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "dépêche-1.txt", "PARIS, 3 mars (AFP) - Le ministre a parlé.")
    [record] = items(path)
    assert isinstance(record, Record)
    assert record.doc_id == "dépêche-1"
    assert record.text == "PARIS, 3 mars (AFP) - Le ministre a parlé."
    assert record.input == str(path)
    assert record.line is None


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "\ufeffÉté à Lyon".encode())
    [record] = items(path)
    assert record.text == "Été à Lyon"


def test_folder_is_searched_recursively_in_path_order(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "Deuxième.")
    write(tmp_path / "a" / "z.txt", "Premier.")
    write(tmp_path / "notes.md", "ignored: not a story format")
    write(tmp_path / "c.jsonl", json.dumps({"id": "j1", "text": "Troisième."}) + "\n")
    found = items(tmp_path)
    assert [r.doc_id for r in found] == ["a/z", "b", "j1"]


def test_jsonl_rows_carry_metadata_and_extra_fields(tmp_path: Path) -> None:
    row = {"id": "s1", "text": "Texte.", "date": "2024-03-15T10:00:00+01:00", "source": "AFP",
           "title": "Titre", "url": "https://example.org/1", "section": "monde"}
    path = write(tmp_path / "c.jsonl", json.dumps(row, ensure_ascii=False) + "\n\n")
    [record] = items(path)
    assert isinstance(record, Record)
    assert (record.doc_id, record.line, record.date, record.source, record.title, record.url) == (
        "s1", 1, "2024-03-15", "AFP", "Titre", "https://example.org/1")
    assert record.extra == {"section": "monde"}


def test_jsonl_without_id_gets_an_id_derived_from_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path / "flux.jsonl", '{"text": "Un."}\n{"text": "Deux."}\n')
    assert [r.doc_id for r in items(path)] == ["flux:1", "flux:2"]


@pytest.mark.parametrize(("line", "message"), [
    ("{not json", "not valid JSON"),
    ('["a list"]', "expected a JSON object, got list"),
    ('{"id": "x"}', "row has no 'text' field"),
    ('{"id": "x", "text": 3}', "'text' is not a string"),
    ('{"id": "x", "text": "   "}', "empty document"),
])
def test_bad_jsonl_line_is_an_error_with_file_and_line(tmp_path: Path, line: str,
                                                        message: str) -> None:
    path = write(tmp_path / "c.jsonl", '{"id": "ok1", "text": "Bon."}\n' + line + "\n"
                 + '{"id": "ok2", "text": "Bon aussi."}\n')
    found = items(path)
    assert [type(i).__name__ for i in found] == ["Record", "ReadError", "Record"]
    error = found[1]
    assert isinstance(error, ReadError)
    assert error.line == 2 and error.input == str(path)
    assert message in error.message
    assert error.one_line().startswith(f"{path}:2: ")


def test_invalid_date_is_a_metadata_warning_and_the_story_is_kept(tmp_path: Path) -> None:
    path = write(tmp_path / "c.jsonl", '{"id": "d", "text": "Texte.", "date": "hier"}\n')
    error, record = items(path)
    assert isinstance(error, ReadError) and error.stage == "metadata"
    assert isinstance(record, Record) and record.date is None


def test_csv_rows_with_quoted_newlines_and_metadata(tmp_path: Path) -> None:
    path = write(tmp_path / "c.csv", 'id,text,date,source\n'
                 'c1,"Ligne un,\nligne deux.",2025-01-01,TASS\n'
                 'c2,"Autre.",,\n')
    first, second = items(path)
    assert isinstance(first, Record) and isinstance(second, Record)
    assert first.text == "Ligne un,\nligne deux."
    assert (first.date, first.source, first.line) == ("2025-01-01", "TASS", 3)
    assert (second.doc_id, second.date, second.source, second.line) == ("c2", None, None, 4)


def test_csv_row_without_text_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "c.csv", "id,text\nc1,Bon.\nc2,\nc3,Bon aussi.\n")
    found = items(path)
    assert [type(i).__name__ for i in found] == ["Record", "ReadError", "Record"]
    assert found[1].line == 3 and "empty document" in found[1].message


def test_csv_without_text_column_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "c.csv", "id,body\nc1,Bon.\n")
    [error] = items(path)
    assert isinstance(error, ReadError) and "no 'text' column" in error.message


def test_csv_row_with_too_many_fields_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "c.csv", "id,text\nc1,Bon.,en trop\nc2,Bon.\n")
    error, record = items(path)
    assert isinstance(error, ReadError) and error.line == 2
    assert isinstance(record, Record) and record.doc_id == "c2"


def test_non_utf8_file_is_an_error_that_names_the_likely_encoding(tmp_path: Path) -> None:
    text = "Le président a déclaré à l'Assemblée que l'été serait chaud. " * 5
    path = write(tmp_path / "latin.txt", text.encode("cp1252"))
    [error] = items(path)
    assert isinstance(error, ReadError) and error.stage == "decode"
    assert "not valid utf-8: byte 0xe9" in error.message
    assert "--encoding" in error.message


def test_non_utf8_file_is_read_with_encoding_auto(tmp_path: Path) -> None:
    text = "Le président a déclaré à l'Assemblée que l'été serait chaud. " * 5
    path = write(tmp_path / "latin.txt", text.encode("cp1252"))
    [record] = items(path, encoding="auto")
    assert isinstance(record, Record) and record.text == text


def test_binary_file_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    [error] = items(path)
    assert isinstance(error, ReadError) and "binary" in error.message


def test_empty_file_is_an_error(tmp_path: Path) -> None:
    [error] = items(write(tmp_path / "vide.txt", ""))
    assert isinstance(error, ReadError) and error.message == "empty document"
    assert error.doc_id == "vide"


def test_too_long_document_is_an_error(tmp_path: Path) -> None:
    [error] = items(write(tmp_path / "long.txt", "mot " * 100), max_chars=50)
    assert isinstance(error, ReadError) and "document too long: 400 characters" in error.message


def test_missing_path_and_unknown_type_are_errors(tmp_path: Path) -> None:
    other = write(tmp_path / "story.docx", "x")
    missing, unknown = items(tmp_path / "absent", other)
    assert isinstance(missing, ReadError) and missing.message == "no such file or folder"
    assert isinstance(unknown, ReadError) and "unknown file type '.docx'" in unknown.message


def test_duplicate_doc_id_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "c.jsonl", '{"id": "a", "text": "Un."}\n{"id": "a", "text": "Deux."}\n')
    record, error = items(path)
    assert isinstance(record, Record) and record.text == "Un."
    assert isinstance(error, ReadError) and error.line == 2
    assert error.message == (f"duplicate doc_id 'a': first read at {path}:1; "
                             "this copy is skipped")


@pytest.mark.parametrize(("value", "expected"), [
    ("2025-01-01", "2025-01-01"),
    ("2024-03-15T10:00:00+01:00", "2024-03-15"),
    ("2024-03-15T10:00:00Z", "2024-03-15"),
    ("15/03/2024", None),
    ("2024-13-01", None),
])
def test_parse_iso_date(value: str, expected: str | None) -> None:
    assert parse_iso_date(value) == expected
