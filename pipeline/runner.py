"""Run a corpus through the pipeline into the output tables, streaming.

>>> summary = run(["corpus"], "outputs")
>>> summary.docs_ok, summary.docs_failed
(1, 0)
"""

from __future__ import annotations

import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.io.readers import ReaderOptions, ReadError, Record, read_inputs
from pipeline.io.story_dates import doc_date
from pipeline.io.tables import (
    CooccurrenceIndex,
    EntityIndex,
    cooccurrence_rows,
    document_row,
    error_row,
    mention_rows,
    quote_rows,
    relation_rows,
)
from pipeline.io.writers import TableSet

DEFAULT_BATCH_SIZE = 64
#: Error stages that mean an input was not processed (``metadata`` is only a warning).
FAILING_STAGES = frozenset({"read", "decode", "parse", "process"})


@dataclass
class RunSummary:
    """What a run did: counts and time."""

    outdir: str
    docs_ok: int = 0
    docs_failed: int = 0
    errors: int = 0
    mentions: int = 0
    relations: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        """The one-line summary printed at the end of a run."""
        rate = self.docs_ok / self.seconds if self.seconds else 0.0
        return (f"depeche: {self.docs_ok} documents ok, {self.docs_failed} failed, "
                f"{self.mentions} mentions, {self.relations} relations, {self.errors} errors "
                f"in {self.seconds:.1f} s ({rate:.1f} docs/s) -> {self.outdir}")


def make_doc(nlp: Language, record: Record) -> Doc:
    """Tokenise a record's text and attach its metadata the components read."""
    doc = nlp.make_doc(record.text)
    doc._.doc_date = doc_date(nlp, record)
    return doc


def process_records(nlp: Language, items: Iterable[Record | ReadError], *,
                    batch_size: int = DEFAULT_BATCH_SIZE,
                    on_error: Callable[[ReadError], None] | None = None,
                    ) -> Iterator[tuple[Record, Doc | None]]:
    """Run records through ``nlp`` in input order; yield ``(record, doc)`` pairs.

    Read errors are passed to ``on_error`` as they stream past. When a component raises,
    the stories in flight are retried one by one: the one that fails is yielded with
    ``doc=None`` (its error sent to ``on_error``), the others normally, and streaming resumes.
    """
    in_flight: deque[Record] = deque()

    def feed() -> Iterator[tuple[Doc, Record]]:
        for item in items:
            if isinstance(item, ReadError):
                if on_error is not None:
                    on_error(item)
                continue
            in_flight.append(item)
            yield make_doc(nlp, item), item

    source = feed()
    while True:
        try:
            for doc, record in nlp.pipe(source, as_tuples=True, batch_size=batch_size):
                in_flight.popleft()
                yield record, doc
            return
        except Exception:  # noqa: BLE001 - isolated below, story by story
            pass
        while in_flight:
            record = in_flight.popleft()
            try:
                doc = nlp(make_doc(nlp, record))
            except Exception as exc:  # noqa: BLE001 - reported as an errors row
                if on_error is not None:
                    on_error(ReadError(record.input, record.line, record.doc_id, "process",
                                       f"processing failed: {type(exc).__name__}: {exc}"))
                yield record, None
            else:
                yield record, doc


def run(inputs: Iterable[str | os.PathLike[str]], outdir: str | os.PathLike[str], *,
        nlp: Language | None = None, batch_size: int = DEFAULT_BATCH_SIZE,
        reader_options: ReaderOptions | None = None, progress: bool = False,
        report: Callable[[str], Any] | None = None) -> RunSummary:
    """Process every story under ``inputs`` and write the tables to ``outdir``.

    ``report`` receives each error as one printable line (the CLI prints them on stderr).
    """
    if nlp is None:
        from pipeline.nlp import build_nlp

        nlp = build_nlp()
    started = time.perf_counter()
    summary = RunSummary(outdir=str(outdir))
    entities = EntityIndex()
    pairs = CooccurrenceIndex()
    with TableSet(outdir) as tables:
        def on_error(error: ReadError) -> None:
            summary.errors += 1
            if error.stage in FAILING_STAGES and error.stage != "process":
                summary.docs_failed += 1
            tables["errors"].write(error_row(error))
            if report is not None:
                report(error.one_line())

        items = read_inputs(inputs, reader_options)
        stream = process_records(nlp, items, batch_size=batch_size, on_error=on_error)
        bar = _progress(stream, enabled=progress)
        for record, doc in bar:
            if doc is None:
                summary.docs_failed += 1
                tables["documents"].write(document_row(record, None, None))
                continue
            mentions = mention_rows(doc, record.doc_id)
            relations = relation_rows(doc, record.doc_id)
            for row in mentions:
                tables["mentions"].write(row)
            for row in relations:
                tables["relations"].write(row)
            for row in quote_rows(doc, record.doc_id):
                tables["quotes"].write(row)
            cooccurrences = cooccurrence_rows(mentions, record.doc_id)
            for row in cooccurrences:
                tables["cooccurrences"].write(row)
            pairs.add(cooccurrences)
            tables["documents"].write(document_row(record, doc, len(mentions)))
            entities.add(record.doc_id, mentions, doc)
            summary.docs_ok += 1
            summary.mentions += len(mentions)
            summary.relations += len(relations)
        for row in entities.rows():
            tables["entities"].write(row)
        for row in pairs.rows():
            tables["cooccurrence_totals"].write(row)
    summary.seconds = time.perf_counter() - started
    return summary


def _progress(stream: Iterator[Any], *, enabled: bool) -> Iterator[Any]:
    if not enabled:
        return stream
    from tqdm import tqdm

    return iter(tqdm(stream, unit="doc", desc="depeche", file=sys.stderr, delay=2.0,
                     dynamic_ncols=True))


def analyse(text: str, *, nlp: Language | None = None, doc_id: str = "doc",
            date: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """Process one story in memory; return its rows of every per-story table.

    >>> analyse("Emmanuel Macron est à Lyon.")["mentions"][0]["text"]
    'Emmanuel Macron'
    """
    if nlp is None:
        from pipeline.nlp import build_nlp

        nlp = build_nlp()
    record = Record(doc_id=doc_id, text=text, input="<memory>", date=date)
    doc = nlp(make_doc(nlp, record))
    mentions = mention_rows(doc, doc_id)
    return {"documents": [document_row(record, doc, len(mentions))], "mentions": mentions,
            "relations": relation_rows(doc, doc_id), "quotes": quote_rows(doc, doc_id)}
