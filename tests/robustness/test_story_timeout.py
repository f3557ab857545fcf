"""--story-timeout: a story that runs away becomes an ``errors`` row (stage ``process``, the
message names the budget) while the batch goes on; in this process and in pool workers."""

from __future__ import annotations

import signal
import threading
from pathlib import Path

import pytest
from spacy.language import Language

from pipeline.cli import main
from pipeline.engines import PoolEngine
from pipeline.processing import Story, budget_applies, process_stories, time_budget
from pipeline.runner import run
from tests.robustness import sleeper
from tests.robustness.checks import assert_accounted, rows
from tests.robustness.sleeper import MARKER, SleepySpec, add_sleeper

BUDGET_MESSAGE = ("processing stopped: the story took longer than its time budget of 1 s "
                  "(--story-timeout)")


def write_stories(folder: Path, texts: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "stories.jsonl"
    import json

    path.write_text("".join(json.dumps({"id": f"d{i}", "text": text}, ensure_ascii=False)
                            + "\n" for i, text in enumerate(texts)), encoding="utf-8")
    return path


TEXTS = ["Marie Curie est arrivée à Lyon mardi.",
         f"Le comité veut {MARKER} ici.",
         "L'Unesco a publié son rapport à Lyon."]


def test_a_runaway_story_becomes_an_error_row_and_the_batch_goes_on(
        tmp_path: Path, blank_nlp: Language) -> None:
    corpus = write_stories(tmp_path / "corpus", TEXTS)
    summary = run([corpus], tmp_path / "out", nlp=add_sleeper(blank_nlp), story_timeout=1)
    assert (summary.docs_ok, summary.docs_failed) == (2, 1)
    [error] = rows(tmp_path / "out", "errors")
    assert (error["line"], error["doc_id"], error["stage"], error["message"]) == (
        2, "d1", "process", BUDGET_MESSAGE)
    assert [d["status"] for d in rows(tmp_path / "out", "documents")] == ["ok", "error", "ok"]
    assert [m["text"] for m in rows(tmp_path / "out", "mentions")
            if m["label"] != "DATE"] == ["Marie Curie", "Lyon", "Unesco", "Lyon"]
    assert_accounted(tmp_path / "out", [(str(corpus), n) for n in (1, 2, 3)])


def test_the_next_run_tries_a_story_that_ran_out_of_time_again(
        tmp_path: Path, blank_nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = write_stories(tmp_path / "corpus", TEXTS)
    nlp = add_sleeper(blank_nlp)
    run([corpus], tmp_path / "out", nlp=nlp, story_timeout=1)
    monkeypatch.setattr(sleeper, "SLEEP_SECONDS", 0.0)  # the machine is less busy now
    again = run([corpus], tmp_path / "out", nlp=nlp, story_timeout=1)
    assert (again.processed, again.reused, again.docs_ok, again.errors) == (1, 2, 3, 0)


def test_a_long_story_gets_the_budget_per_piece(tmp_path: Path, blank_nlp: Language,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.processing as processing

    monkeypatch.setattr(processing, "PIECE_CHARS", 200)
    text = "\n\n".join(["Marie Curie est à Lyon."] * 20 + [f"On va {MARKER}."])
    [result] = process_stories(add_sleeper(blank_nlp), [Story("long", text)], story_timeout=1)
    assert result.error == BUDGET_MESSAGE


def test_pool_workers_keep_the_budget(small_model: str) -> None:
    engine = PoolEngine(SleepySpec(small_model, story_timeout=1), processes=2)
    try:
        batches = [[Story("a", TEXTS[0]), Story("b", TEXTS[1])], [Story("c", TEXTS[2])]]
        results = {r.doc_id: r for batch in engine.map(batches) for r in batch}
    finally:
        engine.close()
    assert results["b"].error == BUDGET_MESSAGE
    assert results["a"].error is None and results["c"].error is None
    assert [m["text"] for m in results["c"].mentions] == ["Unesco", "Lyon"]


def test_no_budget_off_the_main_thread_as_on_dask_workers() -> None:
    seen: list[tuple[bool, tuple[float, float]]] = []

    def work() -> None:
        with time_budget(5):
            seen.append((budget_applies(), signal.getitimer(signal.ITIMER_REAL)))

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert seen == [(False, (0.0, 0.0))]
    assert budget_applies()  # the main thread


def test_someone_elses_timer_is_left_alone() -> None:
    fired: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: fired.append(signum))
    signal.setitimer(signal.ITIMER_REAL, 30)
    try:
        with time_budget(1):
            assert signal.getitimer(signal.ITIMER_REAL)[0] > 1  # still the caller's timer
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert fired == []


@pytest.mark.parametrize("value", ["-1", "soixante", "nan", "inf"])
def test_a_bad_story_timeout_is_a_usage_error(value: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["run", "--story-timeout", value])
    assert exit_info.value.code == 2
    assert "--story-timeout" in capsys.readouterr().err


def test_story_timeout_reaches_the_run(tmp_path: Path, small_model: str,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.runner as runner

    seen: list[float | None] = []
    real = runner.make_engine

    def spy(**kwargs: object) -> object:
        seen.append(kwargs["story_timeout"])  # type: ignore[arg-type]
        return real(**kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(runner, "make_engine", spy)
    corpus = write_stories(tmp_path / "corpus", TEXTS[:1])
    for value in ("2.5", "0"):
        assert main(["run", str(corpus), "-o", str(tmp_path / "out"), "--model", small_model,
                     "--processes", "1", "--quiet", "--story-timeout", value]) == 0
    assert main(["run", str(corpus), "-o", str(tmp_path / "out"), "--model", small_model,
                 "--processes", "1", "--quiet"]) == 0
    assert seen == [2.5, None, 60.0]
