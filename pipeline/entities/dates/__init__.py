"""Dates in French news stories: spans labelled ``DATE`` with an ISO 8601 value.

The family reads as its data flow, one module a step:

* :mod:`~pipeline.entities.dates.grammar`: the closed word lists, the atomic token patterns
  (``DAY``, ``MONTH``, ``YEAR``, ``WEEKDAY``...), the named composed patterns and the checks
  that reject their false positives (``2025 euros``, ``le mercredi``);
* :mod:`~pipeline.entities.dates.finder`: the grammar as one spaCy ``Matcher``: matches
  checked, chosen without overlap, extents (``timeml_extent``, ``preposition_extent``);
* :mod:`~pipeline.entities.dates.reading`: what an expression's words say, a
  :class:`Reading` (day, month, year, weekday, offset...), before any anchor;
* :mod:`~pipeline.entities.dates.resolution`: the story's anchor and each expression's ISO
  value, precision, bound and kind against it;
* :mod:`~pipeline.entities.dates.component`: :class:`DateExtractor` (``depeche_dates``), which
  writes ``doc.spans["dates"]``, the span values (``rule``, ``form``, ``precision``,
  ``bound``, ``anchored`` and, for ``début``/``mi``/``fin``, ``mod``) through
  :func:`pipeline.extensions.set_span_attrs`, and ``doc._.anchor``.

>>> [(s.text, s.kb_id_) for s, _ in nlp.get_pipe("depeche_dates").process(doc)]
[('24 novembre dernier', '2024-11-24')]
"""

from pipeline.entities.dates.component import DateExtractor, make_dates
from pipeline.entities.dates.finder import DateFinder
from pipeline.entities.dates.grammar import (
    NUMERIC_RE,
    WEEKDAYS,
    month_number,
    year_false_positives,
)
from pipeline.entities.dates.reading import Reading, full_dates, read_tokens
from pipeline.entities.dates.resolution import closest_day, parse_iso, resolve

__all__ = [
    "NUMERIC_RE",
    "WEEKDAYS",
    "DateExtractor",
    "DateFinder",
    "Reading",
    "closest_day",
    "full_dates",
    "make_dates",
    "month_number",
    "parse_iso",
    "read_tokens",
    "resolve",
    "year_false_positives",
]
