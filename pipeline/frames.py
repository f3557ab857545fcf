"""The tables as pandas DataFrames in one call, for notebooks.

>>> from pipeline import extract
>>> tables = extract(["Emmanuel Macron est à Lyon.", "L'OTAN se réunit à Bruxelles."])
>>> tables["mentions"][["doc_id", "text", "label"]].head(2)

:func:`extract` runs :func:`pipeline.runner.run` into a temporary folder and reads every table
back with :func:`pipeline.io.tables.read_table`, so the frames have exactly the columns and
types of the files ``depeche run`` writes (``string``, nullable ``Int64``, parsed JSON), and
bad input becomes rows of ``errors`` just as it does there.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.io.readers import METADATA_FIELDS, ReaderOptions
from pipeline.io.tables import TABLE_NAMES, read_table

if TYPE_CHECKING:
    import pandas as pd
    from spacy.language import Language

#: ``documents.input`` of stories passed as texts or as a DataFrame (``line`` is the row, from 1).
MEMORY_INPUT = "<memory>"


def extract(data: Any, nlp: Language | None = None, *, text_column: str = "text",
            id_column: str = "id", date_column: str = "date", date: str | None = None,
            batch_size: int = 64, encoding: str = "utf-8") -> dict[str, pd.DataFrame]:
    """Process stories and return every table as a DataFrame, by table name.

    ``data`` is one of:

    * a list (or any iterable, or a pandas Series) of texts: ids are their positions,
      ``"0"``, ``"1"``...;
    * a pandas DataFrame with a ``text_column``, an optional ``id_column`` (else the ids are
      the index values) and an optional ``date_column`` (ISO strings, dates or timestamps);
      columns named ``source``, ``title`` and ``url`` are kept as metadata;
    * a path (folder or file, as a ``str`` or ``Path``) or a list of ``Path`` objects, read as
      ``depeche run`` reads them.

    ``date`` is given to stories with no date of their own (``depeche run --date``).
    ``nlp`` defaults to :func:`pipeline.nlp.build_nlp`; pass one to reuse it across calls.
    The keys are the table names (``documents``, ``mentions``, ``entities``, ``relations``,
    ``quotes``, ``cooccurrences``, ``cooccurrence_totals``, ``errors``).
    """
    from pipeline.runner import run

    options = ReaderOptions(encoding=encoding, default_date=date)
    with tempfile.TemporaryDirectory(prefix="depeche-") as tmp:
        inputs, memory = _inputs(data, Path(tmp), text_column, id_column, date_column)
        outdir = Path(tmp) / "tables"
        run(inputs, outdir, nlp=nlp, batch_size=batch_size, reader_options=options)
        tables = {name: read_table(outdir, name) for name in TABLE_NAMES}
    if memory is not None:
        for name in ("documents", "errors"):
            frame = tables[name]
            frame["input"] = frame["input"].mask(frame["input"] == memory, MEMORY_INPUT)
    return tables


def _inputs(data: Any, tmp: Path, text_column: str, id_column: str,
            date_column: str) -> tuple[list[str], str | None]:
    """Paths to read, and the JSON Lines file written for in-memory stories (else None)."""
    import pandas as pd

    if isinstance(data, (str, os.PathLike)):
        if not Path(data).exists():
            raise ValueError(f"no such file or folder: {os.fspath(data)!r} (a text to process "
                             "goes in a list: extract([text]))")
        return [os.fspath(data)], None
    if isinstance(data, pd.DataFrame):
        if text_column not in data.columns:
            raise ValueError(f"the DataFrame has no {text_column!r} column (text_column=)")
        ids = data[id_column] if id_column in data.columns else data.index.to_series()
        rows = []
        for position, (index, row) in enumerate(data.iterrows()):
            text = row[text_column]
            story = {"id": _text(ids.iloc[position]), "text": None if _missing(text) else text}
            if date_column in data.columns:
                story["date"] = _iso(row[date_column])
            for key in METADATA_FIELDS:
                if key != "date" and key in data.columns:
                    story[key] = _text(row[key])
            if story["id"] is None:
                story["id"] = str(index)
            rows.append(story)
        return _write_jsonl(rows, tmp)
    if isinstance(data, pd.Series):
        data = data.tolist()
    if not isinstance(data, Iterable):
        raise TypeError("extract() takes texts, a DataFrame or a path, "
                        f"not {type(data).__name__}")
    items = list(data)
    if items and all(isinstance(i, Path) for i in items):
        return [os.fspath(i) for i in items], None
    return _write_jsonl([{"id": str(i), "text": t} for i, t in enumerate(items)], tmp)


def _write_jsonl(rows: list[dict[str, Any]], tmp: Path) -> tuple[list[str], str]:
    path = tmp / "stories.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            row = {k: v for k, v in row.items() if v is not None}
            handle.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    return [str(path)], str(path)


def _missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        import pandas as pd

        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return isinstance(value, float) and math.isnan(value)


def _text(value: Any) -> str | None:
    return None if _missing(value) else str(value)


def _iso(value: Any) -> str | None:
    """A date cell as ISO text: dates and timestamps by their day, strings as they are."""
    if _missing(value):
        return None
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return str(value)
