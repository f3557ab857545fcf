"""Reports: the scores of one system on one gold file, their difference, as text or JSON."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pipeline.evaluate.scoring import DateScore, LabelScore, RelationScore


def rounded(value: float | None) -> float | None:
    """``value`` rounded to 4 decimals for JSON, None kept."""
    return None if value is None else round(value, 4)


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
            "value": rounded(self.value),
            "other": rounded(self.other),
            "delta": rounded(self.delta),
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
                *(
                    _fmt(value)
                    for counts in (score.exact, score.overlap)
                    for value in (counts.precision, counts.recall, counts.f1)
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
            lines += ["", *self._relation_table(lenient)]
        return "\n".join(lines)

    def _relation_table(self, lenient: bool) -> list[str]:
        """The relation table and its legend (``lenient``: two more columns)."""
        rows = [
            [
                r.predicate,
                *(str(n) for n in (r.gold, r.found, r.judged, r.correct, r.ignored)),
                *(_fmt(v) for v in (r.precision, r.recall, r.f1)),
                *((str(r.other_label), _fmt(r.lenient_precision)) if lenient else ()),
            ]
            for r in self.relations
        ]
        header = ["predicate", "gold", "found", "judged", "correct", "ignored", "P", "R", "F1"]
        if lenient:
            header += ["other", "P lenient"]
        legend = (
            "(relations: strict precision, every prediction between two annotated arguments judged"
            + ("; P lenient leaves out the 'other' pairs the gold relates by another label)"
               if lenient else ")")
        )
        return [*_table(header, rows), legend]

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
