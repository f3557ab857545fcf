"""Write tables as CSV and JSON Lines, streaming, atomically and deterministically.

Rows are written as they come to ``NAME.csv.tmp`` and ``NAME.jsonl.tmp``; only
:meth:`TableWriter.close` renames them to their final names, so a crashed run never
leaves a half table that looks whole.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

from pipeline.io.tables import TABLE_NAMES, Row, columns, dumps_json, json_columns


class TableWriter:
    """Streams the rows of one table into its CSV and JSON Lines files."""

    def __init__(self, outdir: Path, table: str) -> None:
        self.table = table
        self.columns = columns(table)
        self._json_cols = json_columns(table)
        self._paths = [outdir / f"{table}.csv", outdir / f"{table}.jsonl"]
        self._csv_file: TextIO = open(self._tmp(self._paths[0]), "w", encoding="utf-8",
                                      newline="")
        self._jsonl_file: TextIO = open(self._tmp(self._paths[1]), "w", encoding="utf-8",
                                        newline="\n")
        self._csv = csv.writer(self._csv_file, lineterminator="\n")
        self._csv.writerow(self.columns)
        self.count = 0

    @staticmethod
    def _tmp(path: Path) -> Path:
        return path.with_name(path.name + ".tmp")

    def write(self, row: Row) -> None:
        """Append one row (a dict with at least the table's columns)."""
        values = [self._json_value(name, row.get(name)) for name in self.columns]
        self._csv.writerow([_csv_cell(name in self._json_cols, value)
                            for name, value in zip(self.columns, values, strict=True)])
        record = dict(zip(self.columns, values, strict=True))
        self._jsonl_file.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
        self._jsonl_file.write("\n")
        self.count += 1

    def _json_value(self, name: str, value: Any) -> Any:
        if name in self._json_cols and isinstance(value, dict):
            return {key: value[key] for key in sorted(value)}
        return value

    def close(self) -> None:
        """Flush both files and move them to their final names."""
        for handle in (self._csv_file, self._jsonl_file):
            handle.flush()
            os.fsync(handle.fileno())
            handle.close()
        for path in self._paths:
            os.replace(self._tmp(path), path)

    def abort(self) -> None:
        """Close without publishing: the temporary files stay behind, final names untouched."""
        for handle in (self._csv_file, self._jsonl_file):
            handle.close()


def _csv_cell(is_json: bool, value: Any) -> Any:
    if value is None:
        return ""
    if is_json:
        return dumps_json(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


class TableSet:
    """All output tables of one run, opened together and published together."""

    def __init__(self, outdir: str | os.PathLike[str]) -> None:
        self.outdir = Path(outdir)
        self.outdir.mkdir(parents=True, exist_ok=True)
        self.writers = {name: TableWriter(self.outdir, name) for name in TABLE_NAMES}

    def __getitem__(self, table: str) -> TableWriter:
        return self.writers[table]

    def __enter__(self) -> TableSet:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        for writer in self.writers.values():
            if exc_type is None:
                writer.close()
            else:
                writer.abort()
