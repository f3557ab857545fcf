"""Hostile bytes through the readers: they never raise, every item they give is clean, and
a good story next to broken ones comes back whole, with its own line number."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline.io.readers import ReaderOptions, ReadError, Record, read_inputs
from tests.robustness.checks import examples
from tests.robustness.strategies import csv_text, file_bytes, jsonl_lines, story_texts

STAGES = {"read", "decode", "parse", "metadata"}


def read_bytes_as(data: bytes, suffix: str, options: ReaderOptions | None = None,
                  ) -> tuple[list[Record | ReadError], int]:
    """Items read from a file holding ``data``, and the file's number of lines."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        items = list(read_inputs([path], options))
    lines = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1
    return items, lines


def assert_clean(items: list[Record | ReadError], n_lines: int, max_chars: int) -> None:
    for item in items:
        if isinstance(item, Record):
            assert item.text.strip() and len(item.text) <= max_chars
            assert item.doc_id and isinstance(item.doc_id, str)
            # whatever is read can be stored and written as UTF-8 (no lone surrogate)
            json.dumps([item.doc_id, item.text, item.title, item.extra],
                       ensure_ascii=False).encode("utf-8")
        else:
            assert isinstance(item, ReadError)
            assert item.stage in STAGES
            assert item.message and "\n" not in item.message
            (item.doc_id or "").encode("utf-8")
        assert item.line is None or 1 <= item.line <= n_lines, item


@settings(max_examples=examples(150))
@given(data=file_bytes(), suffix=st.sampled_from([".txt", ".jsonl", ".csv"]),
       encoding=st.sampled_from(["utf-8", "auto", "latin-1"]))
@example(data=b"\xff\xfe\x00\x00garbage", suffix=".jsonl", encoding="utf-8")
@example(data=b'{"text": "Bonjour \\ud800"}\n{"text": "ok"}', suffix=".jsonl",
         encoding="utf-8")
@example(data="id,text\n1,\"jamais fermé\n2,ok\n".encode(), suffix=".csv", encoding="utf-8")
@example(data=b"\xef\xbb\xbf\xef\xbb\xbf", suffix=".txt", encoding="auto")
def test_readers_never_raise_and_give_clean_items(data: bytes, suffix: str,
                                                  encoding: str) -> None:
    options = ReaderOptions(encoding=encoding, max_chars=5_000)
    items, n_lines = read_bytes_as(data, suffix, options)
    if suffix != ".jsonl" or data.strip():  # a blank JSON Lines file holds no line to report
        assert items, "every file gives at least one item: a story or an error"
    assert_clean(items, n_lines, options.max_chars)


@settings(max_examples=examples(150))
@given(lines=st.lists(st.tuples(jsonl_lines(), st.sampled_from([b"", b"", b"\xff", b"\xe9t"])),
                      min_size=1, max_size=12),
       line_end=st.sampled_from([b"\n", b"\r\n"]))
@example(lines=[((json.dumps({"text": "Un\u2028deux\x85trois\u2029"}, ensure_ascii=False), True),
                 b""), (("{oops", False), b"")], line_end=b"\n")
@example(lines=[((json.dumps({"text": "Bon"}), True), b"\xff"),
                ((json.dumps({"text": "Bien"}), True), b"")], line_end=b"\n")
def test_every_good_jsonl_row_comes_back_whole_at_its_line(
        lines: list[tuple[tuple[str, bool], bytes]], line_end: bytes) -> None:
    """Good rows among broken ones, and rows holding a byte that is not UTF-8 (which cost
    their own line only)."""
    numbered = []
    for i, ((line, good), bad_byte) in enumerate(lines):
        if good:  # give every good row an id of its own (the rows' own ids may repeat)
            line = json.dumps({**json.loads(line), "id": f"g{i}"}, ensure_ascii=False)
        data = line.encode("utf-8")
        if bad_byte:
            data = data[:len(data) // 2] + bad_byte + data[len(data) // 2:]
        numbered.append((line, data, good and not bad_byte, bool(bad_byte)))
    data = line_end.join(raw for _, raw, _, _ in numbered)
    items, n_lines = read_bytes_as(data, ".jsonl")
    assert_clean(items, n_lines, ReaderOptions().max_chars)
    records = {r.line: r for r in items if isinstance(r, Record)}
    failed = {e.line: e for e in items if isinstance(e, ReadError) and e.stage != "metadata"}
    for number, (line, _, good, bad_byte) in enumerate(numbered, start=1):
        if b"\x00" in data[:8192]:
            break  # refused whole as a binary file (checked by assert_clean)
        if good:
            assert records[number].text == json.loads(line)["text"]
            assert records[number].doc_id == json.loads(line)["id"]
        elif bad_byte:
            assert failed[number].stage == "decode"
            assert failed[number].message.startswith("not valid utf-8: byte 0x")
        elif line.strip():
            assert number in failed, f"line {number} {line!r} neither read nor reported"


ROW_FAULTS = ("good", "good", "good", "extra_field", "blank_text")


@settings(max_examples=examples(150))
@given(rows=st.lists(st.tuples(st.sampled_from(ROW_FAULTS), story_texts(max_parts=8)),
                     min_size=1, max_size=10))
@example(rows=[("good", "Un\x0cdeux\u2028trois\x1cquatre\x85"), ("good", "cinq\rsix\r\n")])
def test_every_good_csv_row_comes_back_whole(rows: list[tuple[str, str]]) -> None:
    records, expected = [], {}
    for i, (fault, text) in enumerate(rows):
        if fault == "extra_field":
            records.append([f"r{i}", text, "de trop"])
        elif fault == "blank_text":
            records.append([f"r{i}", " \t"])
        else:
            records.append([f"r{i}", text])
            if text.strip():
                expected[f"r{i}"] = text
    data = csv_text(["id", "text"], records).encode("utf-8")
    items, n_lines = read_bytes_as(data, ".csv")
    assert_clean(items, n_lines, ReaderOptions().max_chars)
    if b"\x00" in data:  # a NUL byte in its first 8 KB: a binary file, refused whole
        [error] = items
        assert (error.stage, error.message) == ("decode", "binary file (NUL bytes), not text")
        return
    got = {r.doc_id: r.text for r in items if isinstance(r, Record)}
    assert got == expected
    assert len(items) == len(records)  # one story or one error per row


@pytest.mark.parametrize("name", ["a.TXT", "b.JsonL", "c.Csv"])
def test_upper_case_suffixes_are_read(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    text = "Réunion à Lyon."
    content = {".txt": text, ".jsonl": json.dumps({"text": text}),
               ".csv": "text\n" + text}[path.suffix.lower()]
    path.write_text(content, encoding="utf-8")
    [record] = read_inputs([path])
    assert isinstance(record, Record) and record.text == text
