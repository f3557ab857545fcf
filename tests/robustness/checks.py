"""What every run must give, whatever its input: offsets that point at the row's own text,
and every input accounted for (a ``documents`` row, or an ``errors`` row naming it)."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from pipeline.io.tables import TABLE_NAMES, TABLES
from pipeline.runner import FAILING_STAGES

#: ``(start column, end column, text column)`` of every span a table row points at.
SPANS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "mentions": (("start_char", "end_char", "text"),),
    "relations": (("subject_start", "subject_end", "subject_text"),
                  ("object_start", "object_end", "object_text"),
                  ("evidence_start", "evidence_end", "evidence")),
    "quotes": (("quote_start", "quote_end", "quote_text"),
               ("speaker_start", "speaker_end", "speaker_text")),
}


def names_model() -> Language:
    """A blank French pipeline that knows three names (Marie Curie, the Unesco, Lyon) in
    place of the statistical model: fast to load, and dépêche's components can be added."""
    nlp = spacy.blank("fr")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("entity_ruler").add_patterns([
        {"label": "PER", "pattern": [{"TEXT": "Marie"}, {"TEXT": "Curie"}]},
        {"label": "ORG", "pattern": [{"TEXT": "Unesco"}]},
        {"label": "LOC", "pattern": [{"TEXT": "Lyon"}]}])
    return nlp


def examples(n: int) -> int:
    """``n`` fuzz examples, times ``DEPECHE_FUZZ_SCALE`` (default 1)."""
    return n * int(os.environ.get("DEPECHE_FUZZ_SCALE", "1"))


def rows(outdir: Path, table: str) -> list[dict[str, Any]]:
    """The rows of one table, from its JSON Lines file (exact text). Lines end at ``\n``
    only: text may hold U+2028 or U+0085, which ``str.splitlines`` would cut at."""
    lines = (outdir / f"{table}.jsonl").read_text(encoding="utf-8").split("\n")
    return [json.loads(line) for line in lines if line]


def offset_problems(table: str, row: dict[str, Any], text: str) -> list[str]:
    """Where a row's offsets leave its story or do not point at its own text ([] if none)."""
    problems = []
    for start_col, end_col, text_col in SPANS[table]:
        start, end, value = row.get(start_col), row.get(end_col), row.get(text_col)
        if start is None and end is None and value is None:
            continue  # an optional span (no speaker)
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end
                <= len(text)):
            problems.append(f"{table}.{start_col}-{end_col} = {start}-{end} outside "
                            f"0-{len(text)}: {row}")
        elif text[start:end] != value:
            problems.append(f"{table}.{text_col} = {value!r} but the text there is "
                            f"{text[start:end]!r}: {row}")
    return problems


def assert_offsets(table: str, table_rows: list[dict[str, Any]], texts: dict[str, str]) -> None:
    """Every row of ``table`` belongs to a known story and points at its own text there."""
    problems = []
    for row in table_rows:
        assert row["doc_id"] in texts, f"{table} row of an unknown story: {row}"
        problems += offset_problems(table, row, texts[row["doc_id"]])
    assert not problems, "\n".join(problems[:5])


def assert_run_offsets(outdir: Path, texts: dict[str, str]) -> None:
    """:func:`assert_offsets` for the mentions, relations and quotes of a run."""
    for table in SPANS:
        assert_offsets(table, rows(outdir, table), texts)


def outcomes(outdir: Path) -> dict[tuple[str, int | None], list[str]]:
    """``(input, line) -> what became of it``: ``ok`` or ``error`` (a ``documents`` row's
    status), ``failed:STAGE`` (an ``errors`` row of a failing stage) or ``warning:STAGE``."""
    found: dict[tuple[str, int | None], list[str]] = {}
    for row in rows(outdir, "documents"):
        found.setdefault((row["input"], row["line"]), []).append(row["status"])
    for row in rows(outdir, "errors"):
        kind = "failed" if row["stage"] in FAILING_STAGES else "warning"
        found.setdefault((row["input"], row["line"]), []).append(f"{kind}:{row['stage']}")
    return found


def assert_accounted(outdir: Path, inputs: list[tuple[str, int | None]]) -> Counter[str]:
    """Each input ``(file, line)`` is exactly one ``ok`` story, or failed with an ``errors``
    row (a story that failed in processing has both its ``documents`` row, status
    ``error``, and an ``errors`` row of stage ``process``), or its whole file was refused
    (an ``errors`` row ``(file, None)``); no row of an unknown input.
    Returns how many inputs ended ``ok`` and ``failed``."""
    found = outcomes(outdir)
    files = {file for file, _ in inputs}
    refused = {file for (file, line), states in found.items() if line is None
               and any(s.startswith("failed:") for s in states)}
    unknown = set(found) - set(inputs) - {(file, None) for file in files}
    assert not unknown, f"rows of inputs never given: {unknown}"
    tally: Counter[str] = Counter()
    for where in inputs:
        states = [s for s in found.get(where, []) if not s.startswith("warning:")]
        if where[0] in refused and where[1] is not None:
            assert not states, f"{where[0]} refused whole, yet line {where[1]} is {states}"
            tally["failed"] += 1
        elif states == ["ok"]:
            tally["ok"] += 1
        elif sorted(states) == ["error", "failed:process"] or (
                len(states) == 1 and states[0].startswith("failed:")):
            tally["failed"] += 1
        else:
            raise AssertionError(f"{where[0]}:{where[1]} ended as {states or 'nothing'}")
    return tally


def assert_tables_complete(outdir: Path, formats: tuple[str, ...] = ("csv", "jsonl")) -> None:
    """Every table is there in every format, with its header (CSV) and whole lines."""
    for table in TABLE_NAMES:
        header = ",".join(column.name for column in TABLES[table][1])
        if "csv" in formats:
            assert (outdir / f"{table}.csv").read_text(encoding="utf-8").startswith(header)
        if "jsonl" in formats:
            data = (outdir / f"{table}.jsonl").read_bytes()
            assert data == b"" or data.endswith(b"\n")
