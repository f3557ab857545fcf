"""The dates component: finds the date expressions, resolves them against the story's anchor,
writes ``doc.spans["dates"]`` and ``doc._.anchor``.

Options for other annotation conventions
    ``timeml_extent`` and ``preposition_extent``: see :mod:`pipeline.entities.dates.finder`.
    ``time_of_day=False``: ``hier soir``, ``mardi matin`` and a day word followed by ``à`` and
    a clock time (``hier à 10 h``) are TIMEs (TimeML), not DATEs; ``hier vers 21 h`` keeps
    ``hier``. ``absolute_only=True``: only the dates whose text gives the year are emitted
    (``3 mars 1921``, ``en 1927``, ``l'hiver de 1891``, ``les années 1990``); a date that needs
    the story's date (``le 3 mars``, ``hier``, ``cette année``), a generic season (``en été``)
    and a two-digit decade (``les années 20``) are left out, as HIPE (and MUC) annotate
    absolute dates only.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.entities.dates.finder import DateFinder
from pipeline.entities.dates.resolution import (
    anchor_of,
    bounds_of,
    kind_of,
    parse_iso,
    resolve,
    tense_hint,
)
from pipeline.extensions import EntityFamily, register_extensions, write_span_group

__all__ = ["DateExtractor", "make_dates"]

LABEL = "DATE"


class DateExtractor(EntityFamily):
    """Find French date expressions, resolve them to ISO 8601 values (label ``DATE``)."""

    #: The span group it writes.
    spans_key = "dates"
    #: Its place in the resolver's tie-breaking (lower is stronger).
    rank = 20
    #: The resolver cuts a model entity before a date found inside it.
    cuts_model_spans = True

    def __init__(self, nlp: Language, name: str = "depeche_dates", timeml_extent: bool = False,
                 time_of_day: bool = True, absolute_only: bool = False,
                 preposition_extent: bool = False) -> None:
        """Compile the grammar; ``timeml_extent`` keeps day-date articles in spans (TimeBank);
        ``time_of_day=False`` leaves out ``hier soir``, ``mardi matin`` and days next to a
        clock time (TIMEs in TimeML); ``absolute_only`` keeps only the dates whose text gives
        the year; ``preposition_extent`` puts the introducing article or preposition in the
        span (see the module docstring)."""
        register_extensions()
        self.name = name
        self.absolute_only = absolute_only
        self.finder = DateFinder(nlp.vocab, timeml_extent=timeml_extent,
                                 time_of_day=time_of_day, preposition_extent=preposition_extent)

    def process(self, doc: Doc) -> list[tuple[Span, dict[str, Any]]]:
        """The DATE spans of ``doc``, each with its ISO value as ``kb_id_``, and their values
        (rule, form, precision, bound, anchored, mod). Pure: reads ``doc._.doc_date`` and
        ``doc._.dateline``, writes nothing."""
        return self.annotate(doc)[0]

    def annotate(self, doc: Doc) -> tuple[list[tuple[Span, dict[str, Any]]],
                                          dict[str, str] | None]:
        """``(process(doc), anchor)``: the date spans and the anchor ``{"date", "source"}`` they
        were resolved against, without writing to ``doc``."""
        found = self.finder.find(doc)
        anchor_info = anchor_of(doc, found)
        anchor = parse_iso(anchor_info["date"]) if anchor_info else None
        source = anchor_info["source"] if anchor_info else None
        results: list[tuple[Span, dict[str, Any]]] = []
        found, bounds = bounds_of(doc, found)
        # the last day told ("le lendemain" counts from it) and the last date of any precision
        # ("l'année suivante" counts from it)
        previous, previous_any = anchor, anchor
        for f, bound in zip(found, bounds, strict=True):
            hint = tense_hint(doc, f.start, f.span.end)
            if f.reading.from_previous:
                by_day = f.reading.unit in ("day", "week") or f.reading.weekday is not None
                start = previous if by_day else previous_any
                value, precision, used = resolve(f.reading, start, hint)
            elif f.pieces:
                (v1, p1, a1), (v2, _, a2) = (resolve(r, anchor, hint) for r in f.pieces)
                value = f"{v1}/{v2}" if v1 and v2 else ""
                precision, used, bound = p1, a1 or a2, "range"
            else:
                value, precision, used = resolve(f.reading, anchor, hint)
            if precision == "day" and (day := parse_iso(value.split("/")[-1])) is not None:
                previous = day
            if (told := _first_day(value.split("/")[-1])) is not None:
                previous_any = told
            if self.absolute_only and (used or not value or value.startswith("XXXX") or (
                    f.rule == "dates.decade" and len(f.span[-1].text) != 4)):
                continue  # needs the story's date, generic ("en été"), "les années 20"
            if used:
                anchored: str | None = source if anchor is not None else "missing"
            else:
                anchored = None
            attrs: dict[str, Any] = {
                "rule": f.rule, "form": kind_of(f, used), "precision": precision,
                "bound": bound, "anchored": anchored,
            }
            if f.reading.part is not None:
                attrs["mod"] = f.reading.part
            results.append((Span(doc, f.span.start, f.span.end, label=LABEL, kb_id=value),
                            attrs))
        return results, anchor_info

    def __call__(self, doc: Doc) -> Doc:
        """Write ``doc.spans[spans_key]``, the span values and ``doc._.anchor``."""
        results, anchor_info = self.annotate(doc)
        write_span_group(doc, self.spans_key, results)
        doc._.anchor = anchor_info
        return doc


def _first_day(value: str) -> dt.date | None:
    """The first day of an ISO day, month or year value (``2019`` -> 2019-01-01), else None."""
    parts = value.split("-")
    if not parts[0].isdigit() or len(parts[0]) != 4 or not all(p.isdigit() for p in parts):
        return None
    numbers = [int(p) for p in parts] + [1, 1]
    try:
        return dt.date(numbers[0], numbers[1], numbers[2])
    except ValueError:
        return None


@Language.factory(
    "depeche_dates",
    assigns=["doc.spans", "doc._.span_attrs", "doc._.anchor"],
    requires=["doc._.dateline"],
    default_config={"timeml_extent": False, "time_of_day": True, "absolute_only": False,
                    "preposition_extent": False},
)
def make_dates(nlp: Language, name: str, timeml_extent: bool, time_of_day: bool,
               absolute_only: bool, preposition_extent: bool) -> DateExtractor:
    """Build the ``depeche_dates`` component (see :class:`DateExtractor`)."""
    return DateExtractor(nlp, name, timeml_extent=timeml_extent, time_of_day=time_of_day,
                         absolute_only=absolute_only, preposition_extent=preposition_extent)
