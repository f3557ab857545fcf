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
    Every pattern holds a required anchor token (a month, weekday, season or unit word, a
    number: :func:`~pipeline.entities.dates.grammar.may_anchor`). The patterns are grouped by
    the words their first anchor token accepts (the numbers, the months, the seasons,
    ``années``...), one ``Matcher`` a group, and each group runs only on the stretches of the
    story around its own anchor words, reaching as far before and after them as its patterns
    do. It finds there every match the whole grammar finds in the whole story (sorted by
    start, end and pattern), trying about a tenth of the patterns at a fifth of the tokens.
"""

from __future__ import annotations

from dataclasses import dataclass

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
    anchor_words,
    build_patterns,
    first_anchor,
    is_date,
    norm,
)
from pipeline.entities.dates.reading import Found, read_match

__all__ = ["DateFinder"]


def _add_window(windows: list[tuple[int, int]], start: int, end: int) -> None:
    """Append ``(start, end)`` to ``windows`` (in text order), merged with the last one when
    they overlap."""
    if windows and start <= windows[-1][1]:
        windows[-1] = (windows[-1][0], max(windows[-1][1], end))
    else:
        windows.append((start, end))


@dataclass
class _Group:
    """The patterns whose first anchor token accepts the same words, in one ``Matcher``,
    with how far their matches reach before and after that token."""

    matcher: Matcher
    before: int = 0
    after: int = 0


class DateFinder:
    """The date grammar as ``Matcher`` s: the date expressions of a doc, checked, chosen and
    read (no anchor, no value: see :mod:`pipeline.entities.dates.resolution`)."""

    def __init__(self, vocab: Vocab, timeml_extent: bool = False, time_of_day: bool = True,
                 preposition_extent: bool = False) -> None:
        """Compile the grammar; the options are those of the dates component."""
        self.timeml_extent = timeml_extent
        self.time_of_day = time_of_day
        self.preposition_extent = preposition_extent
        self.specs = build_patterns()
        self._spec_by_key = {vocab.strings.add(f"{spec.rule}#{i}"): spec
                             for i, spec in enumerate(self.specs)}
        self._order = {key: i for i, key in enumerate(self._spec_by_key)}
        self._groups: list[_Group] = []
        self._by_word: dict[str, list[int]] = {}
        self._by_number: list[int] = []
        keys: dict[frozenset[str] | None, int] = {}
        for i, spec in enumerate(self.specs):
            tokens = [*spec.context, *spec.det, *spec.body]
            first = first_anchor(spec)
            words = anchor_words(tokens[first])
            if words not in keys:
                keys[words] = len(self._groups)
                self._groups.append(_Group(Matcher(vocab)))
                for word in sorted(words or ()):
                    self._by_word.setdefault(word, []).append(keys[words])
                if words is None:
                    self._by_number.append(keys[words])
            group = self._groups[keys[words]]
            group.matcher.add(f"{spec.rule}#{i}", [tokens])
            group.before = max(group.before, first)
            group.after = max(group.after, len(tokens) - first - 1)

    def matches(self, doc: Doc) -> list[tuple[PatternSpec, int, int]]:
        """Every match of the grammar in ``doc`` (overlapping ones too), by start, end and
        pattern: each group of patterns run only around the anchors of its first anchor
        token, as far as its matches reach."""
        words = StoryContext.of(doc).words
        n = len(words)
        windows: list[list[tuple[int, int]]] = [[] for _ in self._groups]
        by_word, by_number, groups = self._by_word, self._by_number, self._groups
        for i, word in enumerate(words):
            ids = by_word.get(word)
            if word[:1].isdigit() or word.startswith("mi-"):
                ids = by_number if ids is None else ids + by_number
            if ids is None:
                continue
            for g in ids:
                group = groups[g]
                _add_window(windows[g], max(0, i - group.before),
                            min(n, i + group.after + 2))
        found = [(key, lo + start, lo + end)
                 for group, spans in zip(groups, windows, strict=True) for lo, hi in spans
                 for key, start, end in group.matcher(doc[lo:hi])]
        order = self._order
        found.sort(key=lambda m: (m[1], m[2], order[m[0]]))
        return [(self._spec_by_key[key], start, end) for key, start, end in found]

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
