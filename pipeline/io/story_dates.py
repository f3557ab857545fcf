"""The date of a story: which one wins, and what the date components are told before they run.

A story's date (``documents.date``, ``date_source``) is, in this order:

1. ``field``: its own metadata (the ``date`` of a JSON Lines or CSV row, a web page's
   publication date);
2. ``path``: a date in its file's path (``2024-11-24-otsc.txt``, ``2024/11/24/otsc.txt``);
3. ``dateline``: the full date of its wire dateline (``PARIS, 3 mars 2024 (AFP) -``);
4. ``option``: ``depeche run --date``, for the stories with none of the above.

The readers set 1, 2 or 4 on the :class:`~pipeline.io.readers.Record`; the dateline is only
known once the story is tokenised. Before the pipeline runs, :func:`doc_date` gives the
components their ``doc._.doc_date``, the reference for relative dates (``hier``) and for a
year-less dateline: a field or path date as it is; the ``--date`` of a story whose dateline
has a day is *not* used as such, since that story has a date of its own: a dateline with its
year anchors itself (``doc_date`` None), one without takes the year that puts its day closest
to the ``--date`` (the dateline family's own rule), and that full day becomes the reference.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from pipeline.io.readers import Record

if TYPE_CHECKING:
    from spacy.language import Language

DATELINES = "depeche_datelines"
_FULL_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def doc_date(nlp: Language, text: str, date: str | None,
             date_source: str | None) -> str | None:
    """The ``doc._.doc_date`` to set on a story's doc before the pipeline runs, from its
    text, its record's ``date`` and where that date came from."""
    if date_source != "option" or date is None or DATELINES not in nlp.pipe_names:
        return date
    from pipeline.entities.datelines import find_dateline, split_dateline_tokens

    extractor: Any = nlp.get_pipe(DATELINES)
    probe = nlp.make_doc(text)
    split_dateline_tokens(probe)
    found = find_dateline(probe, extractor.agencies)
    if found is None or found.day is None or found.month is None:
        return date
    if found.year is not None:
        return None
    return closest_day(found.month, found.day, dt.date.fromisoformat(date))


def closest_day(month: int, day: int, reference: dt.date) -> str | None:
    """ISO date of ``day``/``month`` in the year (around ``reference``'s) closest to it.

    >>> closest_day(1, 2, dt.date(2024, 12, 30))
    '2025-01-02'
    """
    options = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not options:
        return None
    return min(options, key=lambda d: abs((d - reference).days)).isoformat()


def document_date(record: Record, dateline: dict[str, Any]) -> tuple[str | None, str | None]:
    """``(date, date_source)`` of the ``documents`` row, by the order of this module."""
    if record.date is not None and record.date_source != "option":
        return record.date, record.date_source or "field"
    if _FULL_DATE_RE.match(dateline.get("date") or ""):
        return dateline["date"], "dateline"
    return record.date, record.date_source if record.date else None
