"""Write tables as CSV, JSON Lines and Parquet, streaming, atomically and deterministically.

Rows are written as they come into a temporary folder (``OUTDIR/.depeche/tmp``); only
:meth:`TableSet.publish` moves the finished files to their final names, so an interrupted
run never leaves a file that looks like a finished table.

Formats:

* ``csv``: ``NAME.csv``, UTF-8, header row, empty cell for a missing value, JSON columns as
  JSON text. A text cell that a spreadsheet would run as a formula (one starting with ``=``,
  ``+``, ``-``, ``@``, a tab or a carriage return) is written with a leading apostrophe, as
  OWASP recommends; so is a cell that starts with an apostrophe, so that
  :func:`unescape_cell` gives the exact text back (``read_table`` does it).
* ``jsonl``: ``NAME.jsonl``, one JSON object per line, ``null`` for a missing value; exact text.
* ``parquet``: ``NAME.parquet/part-00000.parquet`` (a folder of parts that pandas, DuckDB and
  Dask read as one dataset), typed columns (string, int64; JSON columns as JSON text), a new
  part every :data:`PARQUET_PART_ROWS` rows; exact text.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
from pathlib import Path
from typing import Any, TextIO

from pipeline.io.tables import TABLE_NAMES, TABLES, Row, columns, dumps_json, json_columns

FORMATS: tuple[str, ...] = ("csv", "jsonl", "parquet")
DEFAULT_FORMATS: tuple[str, ...] = ("csv", "jsonl")
#: Rows per Parquet row group and per part file.
PARQUET_GROUP_ROWS = 50_000
PARQUET_PART_ROWS = 1_000_000
#: First characters that make a spreadsheet evaluate a cell (OWASP CSV injection).
FORMULA_STARTS = frozenset("=+-@\t\r")
#: First characters of a cell that :func:`escape_cell` changes.
_ESCAPED_STARTS = FORMULA_STARTS | {"'"}


def escape_cell(text: str) -> str:
    """A text cell made safe to open in a spreadsheet (see the module docstring).

    >>> escape_cell("=HYPERLINK(\\"http://x\\")"), escape_cell("Paris")
    ('\\'=HYPERLINK("http://x")', 'Paris')
    """
    if text[:1] in FORMULA_STARTS or text[:1] == "'":
        return "'" + text
    return text


def unescape_cell(text: str) -> str:
    """The exact text of a CSV cell written by :func:`escape_cell`."""
    return text[1:] if text[:1] == "'" else text


def output_name(table: str, fmt: str) -> str:
    """File (or folder, for Parquet) name of ``table`` in format ``fmt``."""
    return f"{table}.{fmt}"


class _TextSink:
    """A table written to one text file, flushed to disk when closed."""

    file: TextIO

    def close(self) -> None:
        self.file.flush()
        os.fsync(self.file.fileno())
        self.file.close()


class _Lines:
    """What ``csv.writer`` writes to: it keeps the last row's text."""

    def __init__(self) -> None:
        self.text = ""

    def write(self, text: str) -> None:
        self.text = text


#: How a CSV cell is made of a value, by column kind (see :meth:`_CsvSink.write`).
_PLAIN, _TEXT, _JSON = 0, 1, 2


class _CsvSink(_TextSink):
    def __init__(self, path: Path, table: str) -> None:
        self.columns = columns(table)
        json_names = json_columns(table)
        text = {c.name for c in TABLES[table][1] if c.type == "string"}
        self.kinds = [_JSON if name in json_names else _TEXT if name in text else _PLAIN
                      for name in self.columns]
        self.file: TextIO = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115
        # Rows are formatted with "\r\n" line ends, so that a cell holding a lone carriage
        # return is quoted like one holding a line feed (the csv module quotes only the line
        # end's characters), then written with "\n".
        self.line = _Lines()
        self.writer = csv.writer(self.line, lineterminator="\r\n")
        self._write_row(self.columns)

    def write(self, values: list[Any]) -> None:
        cells: list[Any] = []
        for kind, value in zip(self.kinds, values, strict=True):
            if value is None:
                value = ""
            elif kind == _JSON:
                value = dumps_json(value)
            elif value is True or value is False:
                value = "true" if value else "false"
            elif kind == _TEXT and isinstance(value, str) and value[:1] in _ESCAPED_STARTS:
                value = escape_cell(value)
            cells.append(value)
        self._write_row(cells)

    def _write_row(self, cells: list[Any]) -> None:
        self.writer.writerow(cells)
        self.file.write(self.line.text[:-2] + "\n")


#: The encoder of JSON Lines rows (one for every row).
_ROW_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


class _JsonlSink(_TextSink):
    def __init__(self, path: Path, table: str) -> None:
        self.columns = columns(table)
        self.file: TextIO = open(path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115

    def write(self, values: list[Any]) -> None:
        record = dict(zip(self.columns, values, strict=True))
        self.file.write(_ROW_ENCODER.encode(record) + "\n")


class _ParquetSink:
    def __init__(self, path: Path, table: str) -> None:
        import pyarrow as pa

        self.pa = pa
        self.folder = path
        self.folder.mkdir()
        self.columns = columns(table)
        self.json = json_columns(table)
        types = {"string": pa.string(), "integer": pa.int64(), "json": pa.string()}
        self.schema = pa.schema([(c.name, types[c.type]) for c in TABLES[table][1]])
        self.buffer: list[list[Any]] = []
        self.part = 0
        self.in_part = 0
        self.writer: Any = None

    def write(self, values: list[Any]) -> None:
        self.buffer.append([dumps_json(v) if name in self.json and v is not None else v
                            for name, v in zip(self.columns, values, strict=True)])
        if len(self.buffer) >= PARQUET_GROUP_ROWS:
            self._flush()

    def _flush(self) -> None:
        import pyarrow.parquet as pq

        while self.buffer:
            if self.writer is None:
                name = self.folder / f"part-{self.part:05d}.parquet"
                self.writer = pq.ParquetWriter(name, self.schema, compression="zstd")
            room = PARQUET_PART_ROWS - self.in_part
            rows, self.buffer = self.buffer[:room], self.buffer[room:]
            arrays = [self.pa.array([r[i] for r in rows], type=self.schema.field(i).type)
                      for i in range(len(self.columns))]
            self.writer.write_table(self.pa.Table.from_arrays(arrays, schema=self.schema))
            self.in_part += len(rows)
            if self.in_part >= PARQUET_PART_ROWS:
                self.writer.close()
                self.writer, self.part, self.in_part = None, self.part + 1, 0

    def close(self) -> None:
        self._flush()
        if self.writer is None and self.part == 0:  # an empty table: one empty part
            import pyarrow.parquet as pq

            pq.write_table(self.schema.empty_table(), self.folder / "part-00000.parquet")
        elif self.writer is not None:
            self.writer.close()


_SINKS = {"csv": _CsvSink, "jsonl": _JsonlSink, "parquet": _ParquetSink}


class TableWriter:
    """Streams the rows of one table into its files, one per format."""

    def __init__(self, folder: Path, table: str,
                 formats: tuple[str, ...] = DEFAULT_FORMATS) -> None:
        self.table = table
        self.columns = columns(table)
        json_names = json_columns(table)
        self._json_at = [i for i, name in enumerate(self.columns) if name in json_names]
        self.names = [output_name(table, fmt) for fmt in formats]
        self._sinks = [_SINKS[fmt](folder / name, table)
                       for fmt, name in zip(formats, self.names, strict=True)]
        self.count = 0

    def write(self, row: Row) -> None:
        """Append one row (a dict with at least the table's columns)."""
        values = [row.get(name) for name in self.columns]
        for i in self._json_at:
            value = values[i]
            if isinstance(value, dict):
                values[i] = {key: value[key] for key in sorted(value)}
        for sink in self._sinks:
            sink.write(values)
        self.count += 1

    def close(self) -> None:
        """Flush and close every file."""
        for sink in self._sinks:
            sink.close()


class TableSet:
    """All output tables of one run: written in ``tmp``, published together into ``outdir``."""

    def __init__(self, outdir: str | os.PathLike[str], tmp: str | os.PathLike[str],
                 formats: tuple[str, ...] = DEFAULT_FORMATS) -> None:
        self.outdir = Path(outdir)
        self.tmp = Path(tmp)
        self.tmp.mkdir(parents=True, exist_ok=True)
        self.formats = formats
        self.writers = {name: TableWriter(self.tmp, name, formats) for name in TABLE_NAMES}

    def __getitem__(self, table: str) -> TableWriter:
        return self.writers[table]

    def publish(self) -> None:
        """Close every table and move it to its final name in ``outdir``."""
        for writer in self.writers.values():
            writer.close()
        for writer in self.writers.values():
            for name in writer.names:
                _replace(self.tmp / name, self.outdir / name)

    def abort(self) -> None:
        """Close without publishing: the final names are left untouched."""
        for writer in self.writers.values():
            try:
                writer.close()
            except Exception:  # noqa: BLE001, S110 - aborting anyway
                pass
        shutil.rmtree(self.tmp, ignore_errors=True)


def _replace(source: Path, target: Path) -> None:
    """Move ``source`` over ``target`` (a file, or a folder of Parquet parts)."""
    if source.is_dir():
        old = target.with_name(target.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if target.exists():
            os.replace(target, old)
        os.replace(source, target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(source, target)
