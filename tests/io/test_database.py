"""The DuckDB database: every table typed and keyed, and the analysts' views, on the sample run."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from pipeline.cli import main
from pipeline.io.database import KEYS, VIEWS, DatabaseError, write_database
from pipeline.io.tables import TABLE_NAMES, columns, read_table
from tests.conftest import ROOT, SAMPLE_ID


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the committed sample run (outputs/)."""
    out = tmp_path_factory.mktemp("sample") / "outputs"
    shutil.copytree(ROOT / "outputs", out)
    return out


@pytest.fixture(scope="module")
def con(sample: Path) -> duckdb.DuckDBPyConnection:
    summary = write_database(sample, sample / "depeche.duckdb")
    assert summary.keys == KEYS and not summary.dropped_keys
    return duckdb.connect(str(sample / "depeche.duckdb"), read_only=True)


def test_every_table_has_the_rows_and_columns_of_its_file(con: duckdb.DuckDBPyConnection,
                                                          sample: Path) -> None:
    for name in TABLE_NAMES:
        described = [row[0] for row in con.execute(f"DESCRIBE {name}").fetchall()]
        assert described == columns(name)
        (count,) = con.execute(f"SELECT count(*) FROM {name}").fetchone()
        assert count == len(read_table(sample, name))


def test_ids_are_primary_keys(con: duckdb.DuckDBPyConnection) -> None:
    keys = dict(con.execute("SELECT table_name, constraint_column_names[1] FROM "
                            "duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'")
                .fetchall())
    assert keys == KEYS


def test_columns_are_typed(con: duckdb.DuckDBPyConnection) -> None:
    types = {(t, c): d for t, c, d in con.execute(
        "SELECT table_name, column_name, data_type FROM duckdb_columns()").fetchall()}
    assert types["mentions", "start_char"] == "BIGINT"
    assert types["documents", "date"] == "DATE"
    assert types["relations", "attributes"] == "JSON"
    assert types["entities", "wikidata"] == "VARCHAR"
    (title,) = con.execute("SELECT attributes->>'title' FROM relations "
                           "WHERE predicate = 'role'").fetchone()
    assert title == "président"


def test_tables_and_columns_carry_their_documentation(con: duckdb.DuckDBPyConnection) -> None:
    (comment,) = con.execute("SELECT comment FROM duckdb_columns() WHERE table_name = "
                             "'mentions' AND column_name = 'end_char'").fetchone()
    assert comment.startswith("End offset")
    views = dict(con.execute("SELECT view_name, comment FROM duckdb_views() "
                             "WHERE NOT internal").fetchall())
    assert set(views) == set(VIEWS) and all(views.values())


def test_mention_details_joins_entities_and_documents(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute("SELECT text, entity_name, wikidata, CAST(doc_date AS VARCHAR), "
                       "doc_input FROM mention_details WHERE label = 'COUNTRY' "
                       "AND text = 'Kirghizistan' LIMIT 1").fetchall()
    assert rows == [("Kirghizistan", "Kirghizistan", "Q813", "2025-01-01",
                     f"corpus/{SAMPLE_ID}.txt")]
    (unnamed,) = con.execute("SELECT count(*) FROM mention_details WHERE entity_id IS NOT NULL "
                             "AND entity_name IS NULL").fetchone()
    assert unnamed == 0


def test_people_roles(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute("SELECT person, role, object_id, object_name, n_documents "
                       "FROM people_roles").fetchall()
    assert rows == [("Sadyr Japarov", "président", "country:KG", "Kirghizistan", 1)]


def test_quote_details_name_the_speaker(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute("SELECT DISTINCT speaker_text, speaker FROM quote_details "
                       "WHERE speaker_id = 'per:sadyr-japarov' ORDER BY 1").fetchall()
    assert ("M. Japarov", "Sadyr Japarov") in rows


def test_entity_pairs_name_both_sides_strongest_first(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute("SELECT name_a, name_b, n_documents, n_sentences FROM entity_pairs "
                       "WHERE entity_a = 'country:KG' AND entity_b = 'org:OTSC'").fetchall()
    assert rows == [("Kirghizistan", "Organisation du traité de sécurité collective", 1, 2)]
    counts = con.execute("SELECT n_documents, n_sentences FROM entity_pairs").fetchall()
    assert counts == sorted(counts, reverse=True)


def test_a_key_that_does_not_hold_is_left_out_and_reported(tmp_path: Path, sample: Path) -> None:
    copy = tmp_path / "outputs"
    shutil.copytree(sample, copy, ignore=shutil.ignore_patterns("*.duckdb"))
    lines = (copy / "quotes.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    (copy / "quotes.jsonl").write_text("".join(lines + lines[:1]), encoding="utf-8")
    summary = write_database(copy, tmp_path / "x.duckdb")
    assert "quotes" not in summary.keys and "quotes" in summary.dropped_keys
    assert "appears 2 times" in summary.dropped_keys["quotes"]


def test_a_folder_without_tables_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="no documents.jsonl: not an output folder"):
        write_database(tmp_path, tmp_path / "x.duckdb")
    assert not (tmp_path / "x.duckdb").exists()


def test_cli_db(sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "run.duckdb"
    assert main(["db", str(sample), "-o", str(target)]) == 0
    assert capsys.readouterr().err.startswith("depeche: 8 tables (")
    assert target.is_file() and not list(tmp_path.glob("*.tmp"))
    assert main(["db", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not an output folder" in err


def test_cli_run_writes_the_database_too(tmp_path: Path) -> None:
    import spacy

    blank = spacy.blank("fr")
    blank.add_pipe("sentencizer")
    blank.to_disk(tmp_path / "fr_blank")
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("Réunion de l'OTAN à Bruxelles.", encoding="utf-8")
    code = main(["run", str(tmp_path / "corpus"), "-o", str(tmp_path / "out"), "--quiet",
                 "--model", str(tmp_path / "fr_blank"), "--duckdb", str(tmp_path / "r.duckdb")])
    assert code == 0
    with duckdb.connect(str(tmp_path / "r.duckdb"), read_only=True) as db:
        assert db.execute("SELECT name, wikidata FROM entities WHERE label = 'ORG'").fetchall() \
            == [("Organisation du traité de l’Atlantique nord", "Q7184")]


def test_the_documented_queries_run(con: duckdb.DuckDBPyConnection) -> None:
    text = (ROOT / "docs" / "duckdb.md").read_text(encoding="utf-8")
    block = text.split("```sql", 1)[1].split("```", 1)[0]
    queries = [q.strip() for q in block.split(";") if q.strip()]
    assert len(queries) == 5
    results = [con.execute(q).fetchall() for q in queries]
    assert ("Sadyr Japarov", "président", "Kirghizistan", 1) in results[0]
    assert len(results[3]) == 6  # what Sadyr Japarov said: the sample's six quotes
