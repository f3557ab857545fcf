"""The work store of an output folder: finished stories on disk, so that runs resume.

A run keeps its state in ``OUTDIR/.depeche/``:

* ``store.sqlite``: one row per processed story, keyed by ``doc_id`` and a content key (a
  hash of the text and date: a changed story is processed again), holding its rows as
  compressed JSON; the options the results were made with (model, component settings, user
  files, version) in a ``manifest`` table; and the current run's items in input order.
  SQLite commits each batch atomically, so a run killed at any moment, even by SIGKILL,
  loses at most the batches in flight, never a finished one, and never leaves half a batch.
* ``lock``: held (``fcntl.flock``) while a run writes the folder, so that a second run on
  the same folder stops at once; the kernel releases it when a run dies, however it dies.
* ``tmp/``: tables being written; only complete tables are moved into ``OUTDIR``.

Running the same command again reads the corpus, finds which stories are already stored
with the same key and options, processes only the others, and writes the tables again
from the store: the tables of an uninterrupted run, byte for byte.

>>> with Store.open("outputs", {"model": "fr_core_news_md"}) as store:
...     store.has("story-1", "5f2c...")
False
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

from pipeline.errors import DepecheError
from pipeline.processing import StoryResult

STATE_DIR = ".depeche"
#: Bumped when the stored row format changes: older stores are then started over.
STORE_VERSION = 1


class StoreLocked(DepecheError):
    """Another run is writing the same output folder."""


def content_key(text: str, date: str | None, date_source: str | None = None) -> str:
    """What decides whether a story must be processed again: a hash of its text, its date and
    where the date came from.

    >>> len(content_key("Bonjour.", None))
    32
    """
    digest = hashlib.blake2b(digest_size=16)
    for part in (text, date or "", date_source or ""):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


def options_key(options: dict[str, Any]) -> str:
    """A stable hash of the options results depend on."""
    blob = json.dumps(options, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.blake2b(blob, digest_size=16).hexdigest()


_SCHEMA = """
CREATE TABLE IF NOT EXISTS manifest (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS results (
    doc_id TEXT PRIMARY KEY, key TEXT NOT NULL, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS items (seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS publication (name TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


class Store:
    """The state of one output folder: a lock, finished stories and the run's item order."""

    def __init__(self, outdir: Path, options: dict[str, Any], fresh: bool = False) -> None:
        self.outdir = outdir
        self.state = outdir / STATE_DIR
        self.state.mkdir(parents=True, exist_ok=True)
        self._lock = open(self.state / "lock", "a+", encoding="utf-8")  # noqa: SIM115
        try:
            fcntl.flock(self._lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._lock.close()
            raise StoreLocked(f"another depeche run is writing {outdir} "
                              f"(lock {self.state / 'lock'})") from None
        self._identity = _identity(self.state)
        self.tmp = self.state / "tmp"
        shutil.rmtree(self.tmp, ignore_errors=True)  # left by a killed run
        self.tmp.mkdir()
        path = self.state / "store.sqlite"
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_SCHEMA)
        self.restarted: str | None = None
        wanted = {"version": str(STORE_VERSION), "options": options_key(options)}
        found = {name: value for name, value in self.db.execute(
            "SELECT name, value FROM manifest") if name in wanted}
        has_results = self.db.execute("SELECT 1 FROM results LIMIT 1").fetchone() is not None
        if fresh or (has_results and found != wanted):
            if has_results and not fresh:
                self.restarted = "the options or dépêche's version changed since the last run"
            self.db.execute("DELETE FROM results")
        with self.db:
            self.db.execute("DELETE FROM manifest")
            self.db.executemany("INSERT INTO manifest VALUES (?, ?)", sorted(wanted.items()))
            self.db.execute("INSERT OR REPLACE INTO manifest VALUES ('options_json', ?)",
                            (json.dumps(options, sort_keys=True, ensure_ascii=False),))
            self.db.execute("DELETE FROM items")
        self._items_digest = hashlib.blake2b(digest_size=16)
        self._options_key = wanted["options"]

    @classmethod
    def open(cls, outdir: str | os.PathLike[str], options: dict[str, Any],
             fresh: bool = False) -> Store:
        """Open (creating it if needed) the store of ``outdir``; raises :class:`StoreLocked`."""
        return cls(Path(outdir), options, fresh)

    # -- finished stories ---------------------------------------------------------------------

    def has(self, doc_id: str, key: str) -> bool:
        """Whether ``doc_id`` is stored with this content key."""
        row = self.db.execute("SELECT key FROM results WHERE doc_id = ?", (doc_id,)).fetchone()
        return row is not None and row[0] == key

    def put(self, results: Iterable[tuple[str, StoryResult]]) -> int:
        """Store ``(key, result)`` pairs in one transaction; returns how many."""
        rows = [(r.doc_id, key, zlib.compress(_dumps(r.to_dict()), 3)) for key, r in results]
        with self.db:
            self.db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?)", rows)
        return len(rows)

    def get(self, doc_id: str) -> StoryResult:
        """The stored result of ``doc_id``."""
        (data,) = self.db.execute("SELECT data FROM results WHERE doc_id = ?",
                                  (doc_id,)).fetchone()
        return StoryResult.from_dict(json.loads(zlib.decompress(data)))

    # -- the run's items, in input order ------------------------------------------------------

    def add_items(self, items: Iterable[tuple[str, dict[str, Any]]]) -> None:
        """Append ``(kind, data)`` items of this run (``record`` or ``error``) in order."""
        rows = [(kind, _dumps(data).decode("utf-8")) for kind, data in items]
        for kind, data in rows:
            self._items_digest.update(f"{kind}\x00{data}\x00".encode())
        with self.db:
            self.db.executemany("INSERT INTO items (kind, data) VALUES (?, ?)", rows)

    def items(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """This run's items in input order."""
        cursor = self.db.execute("SELECT kind, data FROM items ORDER BY seq")
        for kind, data in cursor:
            yield kind, json.loads(data)

    # -- the tables last published ----------------------------------------------------------

    def publication(self, files: dict[str, Any]) -> dict[str, Any]:
        """What the tables of this run are made of: its items (in order), the options, and
        ``files`` (the published files' identities, see ``runner``)."""
        return {"items": self._items_digest.hexdigest(), "options": self._options_key,
                "files": files}

    def published(self) -> tuple[dict[str, Any], dict[str, Any]] | None:
        """The publication and counts recorded by the last run that wrote the tables."""
        row = self.db.execute(
            "SELECT value FROM publication WHERE name = 'last'").fetchone()
        if row is None:
            return None
        value = json.loads(row[0])
        return value["publication"], value["counts"]

    def set_published(self, publication: dict[str, Any], counts: dict[str, Any]) -> None:
        """Record that the tables of ``publication`` are in place, with their ``counts``."""
        blob = json.dumps({"publication": publication, "counts": counts}, sort_keys=True)
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO publication VALUES ('last', ?)", (blob,))

    def prune(self) -> int:
        """Forget stored stories this run did not read (a corpus that shrank); returns how
        many."""
        with self.db:
            cursor = self.db.execute(
                "DELETE FROM results WHERE doc_id NOT IN (SELECT json_extract(data, '$.doc_id') "
                "FROM items WHERE kind = 'record')")
        return cursor.rowcount

    def gone(self) -> bool:
        """Whether the state folder was removed (or replaced) since the store was opened:
        the output folder was deleted under the run."""
        try:
            return _identity(self.state) != self._identity
        except FileNotFoundError:
            return True

    def close(self) -> None:
        """Close the database and release the lock."""
        self.db.close()
        shutil.rmtree(self.tmp, ignore_errors=True)
        fcntl.flock(self._lock.fileno(), fcntl.LOCK_UN)
        self._lock.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def _identity(path: Path) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_dev, info.st_ino


#: One encoder for every stored value (``json.dumps`` with options builds one per call).
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _dumps(value: Any) -> bytes:
    return _ENCODER.encode(value).encode("utf-8")
