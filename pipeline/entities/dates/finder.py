"""Finding date expressions: the grammar compiled into one spaCy ``Matcher``, its matches
checked, chosen without overlap and read.

Span extent
    Prepositions and bound markers are left out (``à partir du [1er janvier]``,
    ``en [janvier]``, ``jusqu'au [15 mai]``); the article before a day date too
    (``le [3 mars]``). Noun-headed expressions keep their determiner (``[la semaine
    dernière]``, ``[l'an dernier]``, ``[ce lundi]``). ``timeml_extent=True`` also keeps the
    article of day dates, ``l'année`` before a year and ``les`` before decades, as the French
    TimeBank annotation does (``[le 3 mars]``, ``[l'année 2024]``); there a year range
    ``1914-1918`` is two expressions. ``preposition_extent=True`` puts in the span the article
    of a day date, contracted or not (``[le 12 mars 1921]``, ``[au 1er octobre 1927]``,
    ``[du 4 mai 1908]``) and the preposition right before a year, month, season or decade
    (``[en 1927]``, ``[pour 1912]``, ``[depuis 1912]``, ``[de février 1923]``), as the HIPE /
    impresso annotation of historical newspapers mostly does; ``dès``, ``après``... before a
    day date's article stay out. Spans are chosen on the dates themselves, then extended.

Overlaps
    The longest match wins (:func:`spacy.util.filter_spans`). The datelines component owns
    the dateline's date: matches overlapping ``doc._.dateline["date_start_char"]:
    ["date_end_char"]`` are dropped first.

Speed
    The matcher runs only on the stretches of the story around a possible anchor of a date
    (:func:`~pipeline.entities.dates.grammar.may_anchor`: a month, weekday or unit word, a
    number): every pattern holds a required anchor token, so a match lies within as many
    tokens before an anchor as a pattern has before its first anchor token (4), and as many
    after as a pattern has after it (6). It finds there the matches, in the order, it finds in
    the whole story, on about a quarter of the story's tokens.
"""

from __future__ import annotations

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from pipeline.context import StoryContext
from pipeline.entities.dates.grammar import (
    DAY_LEADS,
    MONTHS,
    PREPOSITION_LEADS,
    WEEKDAYS,
    PatternSpec,
    anchor_reach,
    build_patterns,
    is_date,
    may_anchor,
    norm,
)
from pipeline.entities.dates.reading import Found, read_match

__all__ = ["DateFinder", "anchor_windows"]


def anchor_windows(words: list[str], before: int,
                   after: int | None = None) -> list[tuple[int, int]]:
    """Token ranges holding every date of a story of folded ``words``: each token that may
    anchor a date with ``before`` tokens before it and ``after`` (default: ``before``) after it
    (and one more, where the matcher decides on an optional last token), overlapping ranges
    merged, in text order."""
    after = before if after is None else after
    windows: list[tuple[int, int]] = []
    for i, word in enumerate(words):
        if not may_anchor(word):
            continue
        start, end = max(0, i - before), min(len(words), i + after + 2)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], end))
        else:
            windows.append((start, end))
    return windows


class DateFinder:
    """The date grammar as a ``Matcher``: the date expressions of a doc, checked, chosen and
    read (no anchor, no value: see :mod:`pipeline.entities.dates.resolution`)."""

    def __init__(self, vocab: Vocab, timeml_extent: bool = False, time_of_day: bool = True,
                 preposition_extent: bool = False) -> None:
        """Compile the grammar; the options are those of the dates component."""
        self.timeml_extent = timeml_extent
        self.time_of_day = time_of_day
        self.preposition_extent = preposition_extent
        self.specs = build_patterns()
        self.matcher = Matcher(vocab)
        for i, spec in enumerate(self.specs):
            self.matcher.add(f"{spec.rule}#{i}", [[*spec.context, *spec.det, *spec.body]])
        self._spec_by_key = {vocab.strings[f"{spec.rule}#{i}"]: spec
                             for i, spec in enumerate(self.specs)}
        #: How far a date reaches before and after its first anchor token, in tokens.
        self.before, self.after = anchor_reach(self.specs)

    def matches(self, doc: Doc) -> list[tuple[PatternSpec, int, int]]:
        """Every match of the grammar in ``doc`` (overlapping ones too), as the ``Matcher``
        returns them for the whole doc, run only around the possible anchors of a date."""
        found: list[tuple[PatternSpec, int, int]] = []
        for lo, hi in anchor_windows(StoryContext.of(doc).words, self.before, self.after):
            found += [(self._spec_by_key[key], lo + start, lo + end)
                      for key, start, end in self.matcher(doc[lo:hi])]
        return found

    def select(self, doc: Doc) -> list[Span]:
        """The chosen date spans of ``doc`` (label: the rule), in text order."""
        spans: list[Span] = []
        leads: dict[tuple[int, int, str], int] = {}
        for spec, start, end in self.matches(doc):
            body_start = start + len(spec.context) + len(spec.det)
            if not is_date(doc, spec, start, body_start, end, self.time_of_day):
                continue
            span_start = start + len(spec.context) if self.timeml_extent else body_start
            span = Span(doc, span_start, end, label=spec.rule)
            if self.preposition_extent:
                lead = self._lead_start(doc, spec, start + len(spec.context), end)
                key = (span.start, span.end, span.label_)
                leads[key] = min(lead, leads.get(key, lead))
            spans.append(span)
        dateline = doc._.dateline or {}
        lo, hi = dateline.get("date_start_char"), dateline.get("date_end_char")
        if isinstance(lo, int) and isinstance(hi, int):
            spans = [s for s in spans if s.end_char <= lo or s.start_char >= hi]
        chosen = sorted(filter_spans(spans), key=lambda s: s.start)
        if not self.preposition_extent:
            return chosen
        extended: list[Span] = []  # chosen on the dates themselves, then extended
        for span in chosen:
            lead = leads.get((span.start, span.end, span.label_), span.start)
            if lead < span.start and (not extended or extended[-1].end <= lead):
                span = Span(doc, lead, span.end, label=span.label_)
            extended.append(span)
        return extended

    def find(self, doc: Doc) -> list[Found]:
        """The date expressions of ``doc``, read, in text order."""
        return [found for span in self.select(doc)
                for found in read_match(doc, span, self.timeml_extent, self.preposition_extent)]

    def _lead_start(self, doc: Doc, spec: PatternSpec, det_start: int, end: int) -> int:
        """``preposition_extent``: the start of the span with the article of a day date
        (``[le 3 mars 1921]``, ``[au 1er octobre 1927]``) or the preposition of a month,
        season or year (``[en 1927]``, ``[de février 1923]``). The determiner of a pattern
        (``l'année``, ``les années``) stays out unless ``timeml_extent``."""
        if spec.det and self.timeml_extent:
            return det_start
        start = det_start + len(spec.det)
        if spec.rule == "dates.year" and len(spec.context) == 1 and not spec.det:
            return start - 1 if norm(doc[start - 1].text) in PREPOSITION_LEADS else start
        if start == 0:
            return start
        first, prev = norm(doc[start].text), norm(doc[start - 1].text)
        if first in DAY_LEADS:
            return start  # the article is already there
        body = [norm(t.text) for t in doc[start:end]]
        day_first = (first.isdigit() or first == "1er" or first in WEEKDAYS) and any(
            w in MONTHS for w in body)
        if day_first and spec.rule in ("dates.day_month", "dates.numeric", "dates.day_coord",
                                       "dates.range"):
            return start - 1 if prev in DAY_LEADS else start
        if spec.rule in ("dates.month_year", "dates.month", "dates.year", "dates.season",
                         "dates.year_range", "dates.decade") and prev in PREPOSITION_LEADS:
            return start - 1
        return start
