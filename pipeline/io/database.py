"""Every output table in one DuckDB database, typed and keyed, with the views analysts ask for.

>>> write_database("outputs", "outputs/depeche.duckdb").tables["mentions"]
33

Tables keep the names, columns and order of the files (``docs/tables.md``); text columns are
``VARCHAR``, integers ``BIGINT``, JSON columns ``JSON`` (``attributes->>'title'``), and the
story dates of ``documents`` (``date``, ``dateline_date``, ``anchor_date``) ``DATE``. Each table
and column carries its documentation as a DuckDB comment (``duckdb_columns()``). The id of each
table that has one is its primary key when it is unique in the run (it always is for tables
written by ``depeche run``; a key that does not hold is reported and left out, never forced).

Views (documented in ``docs/duckdb.md``):

``mention_details``
    every mention with its entity's canonical name and Wikidata id and its story's date, title,
    source and input file.
``people_roles``
    one row per person, role and body or country (``président`` of ``country:KG``): how many
    relations and stories say so, first and last story date.
``quote_details``
    every quote with its speaker's canonical name and its story's date and title.
``entity_pairs``
    pairs of entities named in the same sentence, with both names, strongest first.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.io.tables import TABLE_NAMES, TABLES, Column

if TYPE_CHECKING:
    import duckdb

#: The id column of each table that has one: its primary key where it is unique.
KEYS: dict[str, str] = {
    "documents": "doc_id",
    "mentions": "mention_id",
    "entities": "entity_id",
    "relations": "relation_id",
    "quotes": "quote_id",
}

DUCKDB_TYPES = {"string": "VARCHAR", "integer": "BIGINT", "json": "JSON"}
#: Text columns that always hold a full ISO date: ``DATE`` in the database.
DATE_COLUMNS = {("documents", "date"), ("documents", "dateline_date"),
                ("documents", "anchor_date")}

VIEWS: dict[str, tuple[str, str]] = {
    "mention_details": (
        "Every mention with its entity (canonical name, Wikidata id) and its story (date, "
        "title, source, input file).",
        """
        SELECT m.*, e.name AS entity_name, e.wikidata, d.date AS doc_date,
               d.date_source AS doc_date_source, d.title AS doc_title, d.source AS doc_source,
               d.input AS doc_input
        FROM mentions m
        LEFT JOIN entities e ON e.entity_id = m.entity_id
        LEFT JOIN documents d ON d.doc_id = m.doc_id
        """),
    "people_roles": (
        "People with their roles: one row per person, role title and body or country, with the "
        "number of relations and stories stating it and the first and last story dates.",
        """
        SELECT r.subject_id AS person_id, p.name AS person,
               r.attributes->>'title' AS role, r.object_id, o.name AS object_name,
               o.label AS object_label, count(*) AS n_relations,
               count(DISTINCT r.doc_id) AS n_documents, min(d.date) AS first_date,
               max(d.date) AS last_date, min(r.evidence) AS example
        FROM relations r
        JOIN entities p ON p.entity_id = r.subject_id AND p.label = 'PER'
        LEFT JOIN entities o ON o.entity_id = r.object_id
        LEFT JOIN documents d ON d.doc_id = r.doc_id
        WHERE r.predicate = 'role'
        GROUP BY ALL
        ORDER BY n_documents DESC, n_relations DESC, person, role, r.object_id
        """),
    "quote_details": (
        "Every quote with its speaker's canonical name and its story's date and title.",
        """
        SELECT q.doc_id, q.quote_id, q.kind, q.speaker_id, s.name AS speaker, q.speaker_type,
               q.speaker_text, q.cue, q.quote_text, d.date AS doc_date, d.title AS doc_title
        FROM quotes q
        LEFT JOIN entities s ON s.entity_id = q.speaker_id
        LEFT JOIN documents d ON d.doc_id = q.doc_id
        """),
    "entity_pairs": (
        "Pairs of entities named in the same sentence, with both canonical names and their "
        "co-occurrence counts over the run, strongest first.",
        """
        SELECT t.entity_a, a.name AS name_a, t.label_a, t.entity_b, b.name AS name_b,
               t.label_b, t.n_documents, t.n_sentences
        FROM cooccurrence_totals t
        LEFT JOIN entities a ON a.entity_id = t.entity_a
        LEFT JOIN entities b ON b.entity_id = t.entity_b
        ORDER BY t.n_documents DESC, t.n_sentences DESC, t.entity_a, t.entity_b
        """),
}


class DatabaseError(RuntimeError):
    """The tables cannot be read or the database cannot be written; one printable line."""


@dataclass
class DatabaseSummary:
    """What :func:`write_database` wrote: rows per table, keys declared and keys left out."""

    path: str
    tables: dict[str, int] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)
    dropped_keys: dict[str, str] = field(default_factory=dict)

    def line(self) -> str:
        """The one-line summary printed by ``depeche db``."""
        rows = sum(self.tables.values())
        return (f"depeche: {len(self.tables)} tables ({rows} rows), {len(VIEWS)} views, "
                f"{len(self.keys)} primary keys -> {self.path}")


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def write_database(outdir: str | os.PathLike[str],
                   path: str | os.PathLike[str]) -> DatabaseSummary:
    """Write the tables of ``outdir`` (their ``.jsonl`` files) into the DuckDB file ``path``.

    The database is built under a temporary name and renamed when complete; an existing file
    at ``path`` is replaced.
    """
    import duckdb

    outdir, path = Path(outdir), Path(path)
    missing = [name for name in TABLE_NAMES if not (outdir / f"{name}.jsonl").is_file()]
    if missing:
        raise DatabaseError(f"{outdir}: no {missing[0]}.jsonl: not an output folder of "
                            "`depeche run`")
    tmp = path.with_name(path.name + ".tmp")
    for stale in (tmp, tmp.with_name(tmp.name + ".wal")):
        stale.unlink(missing_ok=True)
    summary = DatabaseSummary(path=str(path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(str(tmp))
    except (OSError, duckdb.Error) as exc:
        raise DatabaseError(f"cannot write {path}: {exc}") from exc
    try:
        for name in TABLE_NAMES:
            _load_table(con, outdir, name, summary)
        for name, (about, sql) in VIEWS.items():
            con.execute(f"CREATE VIEW {name} AS {sql}")
            con.execute(f"COMMENT ON VIEW {name} IS {_literal(about)}")
        con.close()
    except duckdb.Error as exc:
        con.close()
        tmp.unlink(missing_ok=True)
        raise DatabaseError(f"cannot load {outdir} into DuckDB: {exc}") from exc
    os.replace(tmp, path)
    return summary


def _type(table: str, column: Column) -> str:
    return "DATE" if (table, column.name) in DATE_COLUMNS else DUCKDB_TYPES[column.type]


def _load_table(con: duckdb.DuckDBPyConnection, outdir: Path, name: str,
                summary: DatabaseSummary) -> None:
    about, cols = TABLES[name]
    source = (f"read_json({_literal(str(outdir / f'{name}.jsonl'))}, "
              "format='newline_delimited', columns={"
              + ", ".join(f"{_literal(c.name)}: {_literal(_type(name, c))}" for c in cols)
              + "})")
    key = KEYS.get(name)
    if key is not None:
        clash = con.execute(f"SELECT {_quote(key)}, count(*) FROM {source} GROUP BY ALL "
                            f"HAVING count(*) > 1 OR {_quote(key)} IS NULL LIMIT 1").fetchone()
        if clash is None:
            summary.keys[name] = key
        else:
            summary.dropped_keys[name] = (f"{name}.{key} is not a key: {clash[0]!r} appears "
                                          f"{clash[1]} times")
            key = None
    defs = [f"{_quote(c.name)} {_type(name, c)}"
            + (" PRIMARY KEY" if c.name == key else "") for c in cols]
    con.execute(f"CREATE TABLE {name} ({', '.join(defs)})")
    con.execute(f"INSERT INTO {name} SELECT * FROM {source}")
    con.execute(f"COMMENT ON TABLE {name} IS {_literal(about)}")
    for c in cols:
        con.execute(f"COMMENT ON COLUMN {name}.{_quote(c.name)} IS {_literal(c.meaning)}")
    counted = con.execute(f"SELECT count(*) FROM {name}").fetchone()
    summary.tables[name] = int(counted[0]) if counted else 0
