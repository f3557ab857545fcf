"""One story in, its rows out: the unit of work every engine runs, in any process.

:func:`process_stories` takes plain :class:`Story` values (id, text, date) and returns one
:class:`StoryResult` per story: the rows of the per-story tables, as plain JSON-ready
values, so that results travel between processes and machines and are stored for resumed
runs. A component that raises on one story costs only that story (its result carries the
error message). A story longer than :data:`PIECE_CHARS` is cut at paragraph, else sentence,
else word boundaries into pieces processed one by one; their rows are put back at their exact
offsets (in-story linking of names then works within each piece).

Time budget: with ``story_timeout`` set, a story (or each piece of a long one) that runs longer
than that many seconds is stopped and its result carries the error; the batch goes on. The
budget is kept with ``SIGALRM`` (``signal.setitimer``), so it applies only where stories run in
a process's main thread: this process (``--processes 1``) and the worker processes of the pool.
It does not apply on Dask workers, which run tasks in threads. A batch of short stories that
``nlp.pipe`` processes together gets one budget per :data:`PIECE_CHARS` characters it holds (at
least one); when it overruns, its stories are processed again one by one, each with its own.

>>> [result] = process_stories(nlp, [Story("s1", "Emmanuel Macron est à Lyon.")])
>>> result.mentions[0]["text"]
'Emmanuel Macron'
"""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

from pipeline.io.tables import (
    Row,
    document_values,
    entity_infos,
    mention_rows,
    quote_rows,
    relation_rows,
)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: Longest piece of a story processed as one ``Doc``, in characters. Longer stories are cut.
PIECE_CHARS = 100_000
#: Where a long story may be cut, best first: a blank line, a line break, a sentence end, a space.
_CUTS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?…][»”\"')\]]*\s+"),
         re.compile(r"\s+"))
#: Default time budget of one story (or one piece of a long story), in seconds.
DEFAULT_STORY_TIMEOUT = 60.0


class StoryTimeout(BaseException):
    """A story ran past its time budget. A BaseException, so that a component's own
    ``except Exception`` does not swallow it."""


def budget_applies() -> bool:
    """Whether a time budget can be kept here: ``SIGALRM`` exists, this is the main thread,
    and no one else's interval timer is running."""
    return (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
            and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0))


def _expire(signum: int, frame: object) -> None:
    raise StoryTimeout


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise :class:`StoryTimeout` in the block when it runs longer than ``seconds``
    (None or 0: no budget; nothing either where :func:`budget_applies` is false)."""
    if not seconds or not budget_applies():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:  # restored even if the alarm fires right now
            signal.signal(signal.SIGALRM, previous)


_TIMEOUT_PREFIX = "processing stopped: the story took longer than its time budget"


def timeout_message(seconds: float) -> str:
    """The error of a story stopped by its time budget."""
    return f"{_TIMEOUT_PREFIX} of {seconds:g} s (--story-timeout)"


def timed_out(result: StoryResult) -> bool:
    """Whether ``result`` is that of a story stopped by its time budget."""
    return bool(result.error and result.error.startswith(_TIMEOUT_PREFIX))


@dataclass(frozen=True)
class Story:
    """What a worker needs of a story: its id, text and publication date."""

    doc_id: str
    text: str
    date: str | None = None
    #: Where ``date`` came from: ``field``, ``path`` or ``option`` (see pipeline.io.story_dates).
    date_source: str | None = None


@dataclass
class StoryResult:
    """The rows of one story, or why it failed. Plain values only (JSON- and pickle-safe)."""

    doc_id: str
    #: Values of the ``documents`` row that come from processing (dateline, anchor, counts).
    document: dict[str, Any] = field(default_factory=dict)
    mentions: list[Row] = field(default_factory=list)
    relations: list[Row] = field(default_factory=list)
    quotes: list[Row] = field(default_factory=list)
    #: ``entity_id -> {"name", "iso3"}``: what the ``entities`` table needs beyond mentions.
    entities: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: Why processing failed (one line), or None.
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The result as a JSON-ready dict (its fields hold plain values already: no copy)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StoryResult:
        """Rebuild a result from :meth:`to_dict`'s output."""
        return cls(**data)


def make_doc(nlp: Language, text: str, date: str | None,
             date_source: str | None = None) -> Doc:
    """Tokenise ``text`` and attach the metadata the components read (the reference date of
    :func:`pipeline.io.story_dates.doc_date`)."""
    from pipeline.context import StoryContext
    from pipeline.io.story_dates import doc_date

    doc = nlp.make_doc(text)
    StoryContext.made_from(doc, text)
    doc._.doc_date = doc_date(nlp, text, date, date_source)
    return doc


def pieces(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of consecutive pieces of ``text``, none longer than ``limit``.

    Each cut falls at the last blank line before the limit, else the last line break, else
    the last sentence end, else the last space; a text without any is cut at the limit.

    >>> pieces("aaa bbb. ccc", limit=9)
    [(0, 9), (9, 12)]
    """
    spans: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = 0
        for pattern in _CUTS:
            ends = [m.end() for m in pattern.finditer(window) if m.end() < len(window)]
            if ends and ends[-1] > limit // 4:
                cut = ends[-1]
                break
        cut = cut or limit
        spans.append((start, start + cut))
        start += cut
    spans.append((start, len(text)))
    return spans


_OFFSET_KEY = re.compile(r"(?:^|_)(?:start|end)(?:_char)?$")


def shift(value: Any, chars: int, sentences: int) -> Any:
    """A copy of a row (or list, or dict) with every character offset moved by ``chars`` and
    every ``sentence`` index by ``sentences``: the keys ``start_char``, ``end_char``,
    ``*_start`` and ``*_end`` holding integers, and ``sentence``."""
    if isinstance(value, list):
        return [shift(v, chars, sentences) for v in value]
    if not isinstance(value, dict):
        return value
    out: dict[str, Any] = {}
    for key, item in value.items():
        if isinstance(item, int) and not isinstance(item, bool):
            if key == "sentence":
                item += sentences
            elif _OFFSET_KEY.search(key):
                item += chars
        elif isinstance(item, (dict, list)):
            item = shift(item, chars, sentences)
        out[key] = item
    return out


def _rows_of(doc: Doc, doc_id: str) -> StoryResult:
    return StoryResult(doc_id, document_values(doc), mention_rows(doc, doc_id),
                       relation_rows(doc, doc_id), quote_rows(doc, doc_id), entity_infos(doc))


def _merge(doc_id: str, parts: list[tuple[int, StoryResult]]) -> StoryResult:
    """Put the results of a story's pieces back together at their offsets."""
    first = parts[0][1]
    merged = StoryResult(doc_id, dict(first.document))
    sentences = tokens = 0
    for start, part in parts:
        merged.mentions += shift(part.mentions, start, sentences)
        merged.relations += shift(part.relations, start, sentences)
        merged.quotes += shift(part.quotes, start, sentences)
        for entity_id, info in part.entities.items():
            merged.entities.setdefault(entity_id, info)
        sentences += part.document["n_sentences"]
        tokens += part.document["n_tokens"]
    merged.document["n_sentences"], merged.document["n_tokens"] = sentences, tokens
    # ids are derived from offsets: rebuild them after the shift
    for row in merged.mentions:
        row["mention_id"] = f"{doc_id}#{row['start_char']}-{row['end_char']}"
    for row in merged.quotes:
        row["quote_id"] = f"{doc_id}#{row['quote_start']}-{row['quote_end']}"
    for row in merged.relations:
        ends = [row.get(k) for k in ("evidence_start", "subject_start", "object_start")]
        ev, subject, obj = ("" if v is None else str(v) for v in ends)
        row["relation_id"] = f"{doc_id}#{row['predicate']}#{ev}#{subject}-{obj}"
    return merged


def _one(nlp: Language, story: Story, timeout: float | None = None) -> StoryResult:
    """Process one story alone (pieces for a long one), each piece within ``timeout`` seconds;
    errors become the result's error."""
    try:
        spans = pieces(story.text)
        if len(spans) == 1:
            with time_budget(timeout):
                doc = nlp(make_doc(nlp, story.text, story.date, story.date_source))
            return _rows_of(doc, story.doc_id)
        parts: list[tuple[int, StoryResult]] = []
        date, source = story.date, story.date_source
        for start, end in spans:
            with time_budget(timeout):
                doc = nlp(make_doc(nlp, story.text[start:end], date, source))
            parts.append((start, _rows_of(doc, story.doc_id)))
            # later pieces are anchored where the first one was (dateline, latest date)
            if (doc._.anchor or {}).get("date"):
                date, source = doc._.anchor["date"], "field"
        return _merge(story.doc_id, parts)
    except StoryTimeout:
        return StoryResult(story.doc_id, error=timeout_message(timeout or 0))
    except Exception as exc:  # noqa: BLE001 - one story's failure is reported, not raised
        return StoryResult(story.doc_id, error=f"processing failed: {type(exc).__name__}: "
                                               f"{_one_line(str(exc))}")


def _one_line(message: str, limit: int = 300) -> str:
    line = " ".join(message.split())
    return line if len(line) <= limit else line[:limit - 1] + "…"


def process_stories(nlp: Language, stories: Iterable[Story], batch_size: int = 64,
                    story_timeout: float | None = None,
                    zone: bool = True) -> Iterator[StoryResult]:
    """Results of ``stories``, in order, with ``nlp.pipe`` batching for the ordinary ones.

    Short stories go through ``nlp.pipe`` together; when a batch raises (or overruns its time
    budget, see the module docstring), its stories are retried one by one so that only the
    failing one is lost. Strings the batch added to the vocabulary are freed afterwards
    (spaCy's ``memory_zone``), so memory stays flat; ``zone=False`` leaves that to the caller
    (a :class:`ZoneKeeper`).
    """
    batch = list(stories)
    with _memory_zone(nlp) if zone else _NoZone():
        short = [s for s in batch if len(s.text) <= PIECE_CHARS]
        done: dict[int, StoryResult] = {}
        chars = sum(len(s.text) for s in short)
        budget = story_timeout * max(1, -(-chars // PIECE_CHARS)) if story_timeout else None
        try:
            with time_budget(budget):
                docs = nlp.pipe((make_doc(nlp, s.text, s.date, s.date_source) for s in short),
                                batch_size=batch_size)
                for story, doc in zip(short, docs, strict=True):
                    done[id(story)] = _rows_of(doc, story.doc_id)
        except (Exception, StoryTimeout):  # noqa: BLE001 - isolated below, story by story
            done = {}
        results = [done.get(id(s)) or _one(nlp, s, story_timeout) for s in batch]
    yield from results


#: Stories processed in one memory zone: the words a zone learns are learnt again in the next
#: one, so a zone per batch of 64 stories costs about 3% of the time; a zone's memory is that
#: of its stories' new words (a few MB), freed at its end.
ZONE_STORIES = 512


class ZoneKeeper:
    """Processes batches of stories in memory zones of about :data:`ZONE_STORIES` stories
    (spaCy's ``memory_zone`` kept open across batches, for one thread of one process)."""

    def __init__(self, nlp: Language, stories: int = ZONE_STORIES) -> None:
        self.nlp = nlp
        self.stories = stories
        self._zone: Any = None
        self._count = 0

    def process(self, batch: list[Story], batch_size: int = 64,
                story_timeout: float | None = None) -> list[StoryResult]:
        """The results of ``batch`` (:func:`process_stories`), in the current zone."""
        if self._zone is None:
            self._zone = _memory_zone(self.nlp)
            self._zone.__enter__()
        try:
            results = list(process_stories(self.nlp, batch, batch_size, story_timeout,
                                           zone=False))
        except BaseException:
            self.close()
            raise
        self._count += len(batch)
        if self._count >= self.stories:
            self.close()
        return results

    def close(self) -> None:
        """End the current zone: the strings its stories added are freed."""
        zone, self._zone, self._count = self._zone, None, 0
        if zone is not None:
            zone.__exit__(None, None, None)


class _NoZone:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *args: object) -> None:
        return None


def _memory_zone(nlp: Language) -> Any:
    zone = getattr(nlp, "memory_zone", None)
    return zone() if zone is not None else _NoZone()
