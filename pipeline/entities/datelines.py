"""Wire-story datelines: ``PARIS, 3 mars (AFP) -`` at the very start of a story.

:class:`DatelineExtractor` looks at the first line of the document, or at the second one
when the first is a title, and recognises the dateline forms of French wire copy::

    BICHKEK, 1er janvier. /TASS/.        PARIS, 3 mars (AFP) -
    MOSCOU, 12 février - RIA Novosti.    WASHINGTON (Reuters) -
    NEW YORK, 5 juin 2024 (AFP) –        Paris, le 3 mars 2024 (AFP)
    COLMAR. _ Un cycliste...             VILLERS-LES-NANCY.- Les voleurs...

A place in capitals may stand alone before ``. _`` / ``.-`` (regional press); a place in
ordinary case (``Paris``) needs a date or an agency after it; the day may stand alone before
the agency (``PARIS, 29 (Havas). —``) and a dash may open the line (``—NANTES, 2 juin``).

A page of old print is one text holding story after story, each opening on a dateline after
its heading (``... Crise au Portugal -LISBONNE, 29 (Havas). — Le cabinet ...``):
:func:`find_inner_datelines` finds those, a place in capitals followed by its day and an
agency in brackets or a dash, and keeps their place and agency. A dash glued to the place
(``-LISBONNE``, one token for the tokenizer) is split off first. A section heading in
capitals before a place and its dash (``NOUVELLES ÉTRANGÈRES ROME. —``) is left out of the
place, and is no place without a known one. It writes
``doc.spans["datelines"]``: a ``LOC`` span for the place (rule ``datelines.place``, form
``dateline``), a ``DATE`` span for the date (``kb_id_`` the ISO date, or ``XXXX-MM-DD`` when
the year is unknown) and an ``ORG`` span for the agency (``kb_id_`` its canonical name from
``datelines_agencies.csv``, empty for an agency not in the list), and ``doc._.dateline``::

    {"place": "BICHKEK", "date": "2025-01-01", "date_text": "1er janvier",
     "date_source": "inferred", "agency": "TASS", "start_char": 0, "end_char": 29,
     "date_start_char": 9, "date_end_char": 20}

The year of a dateline date without one comes from ``doc._.doc_date`` (the year that puts the
day closest to the publication date, ``date_source="metadata"``); else from the story: the
year that puts the day closest to the most recent fully specified date of the text
(``"inferred"``); else it stays unknown (``date`` is None). ``"text"`` when the dateline
writes its year. The dates component, which runs after this one, leaves the dateline's date
to this family.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.context import StoryContext, folded
from pipeline.entities.dates.finder import DateFinder
from pipeline.entities.dates.grammar import (
    DAY_RE,
    NUMERIC_RE,
    WEEKDAYS,
    YEAR_RE,
    month_number,
    two_digit_year,
)
from pipeline.entities.dates.reading import full_dates, safe_date
from pipeline.entities.dates.resolution import closest_day, parse_iso
from pipeline.entities.gazetteers import read_csv
from pipeline.entities.places import lookup_place
from pipeline.extensions import EntityFamily, register_extensions, write_span_group

__all__ = ["Dateline", "DatelineExtractor", "agencies", "find_dateline", "find_inner_datelines",
           "make_datelines", "split_dateline_tokens", "split_glued_dashes",
           "split_slashed_agency"]

AGENCIES_FILE = "datelines_agencies.csv"
#: Longest first line still taken as a title before a dateline on the second line.
MAX_TITLE_TOKENS = 40
#: Longest place name, in tokens (``SAINT - JEAN - DE - LUZ``).
MAX_PLACE_TOKENS = 8
#: Longest agency name, in tokens.
MAX_AGENCY_TOKENS = 5

DASHES = frozenset({"-", "–", "—", "--", "_"})
#: A place word in capitals: ``BICHKEK``, ``BOURG-EN-BRESSE``, ``N'``, ``SAINT-PÉTERSBOURG``.
UPPER_WORD_RE = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’\-]*(\.-)?$")
#: A place word in ordinary case: ``Paris``, ``New``, ``Saint-Pétersbourg``.
TITLE_WORD_RE = re.compile(r"^[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’]+(-[A-ZÀ-ÖØ-Þa-zà-öø-ÿ'’]+)*$")
#: ``/TASS/.`` is a single token for the French tokenizer.
SLASHED_AGENCY_RE = re.compile(r"^/([^/]+)/\.?$")
#: A dash glued to the name after it, opening a paragraph: ``-PARIS,`` ``—Rouen,``.
GLUED_DASH_RE = re.compile(r"^[-–—]([A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’\-]*)$")
#: Tokens after which a glued dash is split: the punctuation that follows a dateline's place.
AFTER_GLUED_PLACE = frozenset({",", ".", "(", "-"})
#: Roman numerals, written in capitals like a place (``CHAPITRE II, 3``).
ROMAN_RE = re.compile(r"^[IVXLCDM]+$")
#: Fewest characters of the first word of a dateline's place inside a text (``AIX``).
MIN_INNER_PLACE_CHARS = 3
#: Tokens after which a word in capitals goes on with the sentence instead of opening a
#: dateline: ``il a déclaré : PARIS, 3 mars (AFP) -``, ``arrivé à LILLE, le 3``.
NOT_BEFORE_INNER = frozenset({":", ",", ";", "(", "«", '"', "“", "à", "de", "d'", "d’", "du",
                              "des", "en", "le", "la", "les", "l'", "l’", "au", "aux", "et",
                              "ou", "pour", "par", "sur", "dans", "vers", "chez", "entre"})
#: Words that open a section heading in capitals written right before the first story's
#: dateline (``NOUVELLES ÉTRANGÈRES ROME. —``), folded.
RUBRIC_WORDS = frozenset({"nouvelles", "depeches", "telegrammes", "chronique", "informations",
                          "echos", "derniere", "dernieres", "bulletin"})
#: Words that start a sentence like a place but are not one (``Hier, le 3 mars...``).
NOT_PLACES = frozenset({"hier", "aujourd'hui", "demain", "selon", "mais",
                        "depuis", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
                        "dimanche", "urgent", "alerte", "flash", "update", "correction"})


def _key(text: str) -> str:
    return re.sub(r"[\s\-‐‑]", "", text.replace("’", "'")).lower()


def _check_canonical(value: str) -> str | None:
    return None if value.strip() == value and value else "canonical name must not be blank"


@lru_cache(maxsize=1)
def agencies() -> dict[str, str]:
    """Return news agencies by folded surface form (``"rianovosti"`` -> ``"RIA Novosti"``)."""
    rows = read_csv(AGENCIES_FILE, required=("canonical", "surface"),
                    validators={"canonical": _check_canonical})
    table: dict[str, str] = {}
    for row in rows:
        key = _key(row["surface"])
        if key in table and table[key] != row["canonical"]:
            raise row.error(f"surface {row['surface']!r} already names {table[key]!r}")
        table[key] = row["canonical"]
    return table


@dataclass(frozen=True)
class Dateline:
    """A recognised dateline: token extents of its parts and the text's values."""

    start: int
    end: int
    place: tuple[int, int]
    date: tuple[int, int] | None
    day: int | None
    month: int | None
    year: int | None
    agency: tuple[int, int] | None
    agency_name: str | None


# -- recognising ------------------------------------------------------------------------------


def find_dateline(doc: Doc, table: dict[str, str]) -> Dateline | None:
    """The dateline of ``doc``: on its first line, or on the second after a title;
    ``table`` maps folded agency names to canonical ones (:func:`agencies`)."""
    for start in _line_starts(doc):
        found = _parse_at(doc, start, table)
        if found is not None:
            return found
    return None


def _line_starts(doc: Doc) -> list[int]:
    """The first token of the story and, when the first line is short enough to be a title,
    the first token of the second line (a token's whitespace is one space at most: a line
    break is a token of its own)."""
    starts: list[int] = []
    i = 0
    while i < len(doc) and doc[i].is_space:
        i += 1
    starts.append(i)
    for token in doc[i: i + MAX_TITLE_TOKENS]:
        if "\n" in token.text:
            k = token.i + 1
            while k < len(doc) and doc[k].is_space:
                k += 1
            if k < len(doc):
                starts.append(k)
            break
    return starts


def _place(doc: Doc, i: int) -> tuple[int, bool] | None:
    """Return ``(end, in_capitals)`` of a place name starting at token ``i``."""
    j = i
    kind: str | None = None
    while j < len(doc) and j - i < MAX_PLACE_TOKENS:
        text = doc[j].text
        if text == "-" and j > i and not doc[j - 1].whitespace_:
            j += 1
            continue
        if UPPER_WORD_RE.match(text) and (len(text) > 1 or j > i) and kind != "title":
            kind = "upper"
            j += 1
            if text.endswith(".-"):
                break
            continue
        if TITLE_WORD_RE.match(text) and kind != "upper":
            kind = "title"
            j += 1
            continue
        break
    while j > i and doc[j - 1].text == "-":
        j -= 1
    if j == i or (j - i == 1 and _key(doc[i].text) in NOT_PLACES):
        return None
    if kind == "title" and j - i > 3:
        return None
    return j, kind == "upper"


def _agency(doc: Doc, i: int, table: dict[str, str]) -> tuple[int, int, str | None] | None:
    """Return (start, end, canonical) of an agency name starting at ``i``."""
    for n in range(min(MAX_AGENCY_TOKENS, len(doc) - i), 0, -1):
        span = doc[i: i + n]
        if any(t.is_punct and t.text not in ("-",) for t in span):
            continue
        name = table.get(_key(span.text))
        if name is not None:
            return i, i + n, name
    return None


def _date(doc: Doc, i: int) -> tuple[int, int, int, int, int | None] | None:
    """Return (start, end, day, month, year) of a dateline date starting at ``i``."""
    j = i
    if j < len(doc) and doc[j].lower_ == "le":
        j += 1
    if j < len(doc) and doc[j].lower_ in WEEKDAYS:
        j += 1
    if j < len(doc) and (m := NUMERIC_RE.match(doc[j].text)):
        year = int(m.group(4))
        year = year if year >= 100 else two_digit_year(year)
        return i, j + 1, int(m.group(1)), int(m.group(3)), year
    if j + 1 < len(doc) and DAY_RE.match(doc[j].text) and month_number(doc[j + 1].text):
        day = 1 if doc[j].text == "1er" else int(doc[j].text)
        month = month_number(doc[j + 1].text)
        assert month is not None
        end = j + 2
        year = None
        if end < len(doc) and YEAR_RE.match(doc[end].text):
            year = int(doc[end].text)
            end += 1
        return i, end, day, month, year
    return None


def _tail(doc: Doc, i: int,
          table: dict[str, str]) -> tuple[int, tuple[int, int] | None, str | None]:
    """Read the agency part after place/date: ``(AFP) -``, ``. /TASS/.``, ``- RIA.``."""
    j = i
    if j < len(doc) and doc[j].text == ".":
        j += 1
    if (j + 2 < len(doc) and doc[j].text == "/" and doc[j + 2].text.startswith("/")
            and SLASHED_AGENCY_RE.match(doc[j:j + 3].text)):
        name = table.get(_key(doc[j + 1].text))
        return _closing(doc, j + 3), (j + 1, j + 2), name or doc[j + 1].text
    if j < len(doc) and (m := SLASHED_AGENCY_RE.match(doc[j].text)):
        name = table.get(_key(m.group(1)))
        return _closing(doc, j + 1), (j, j + 1), name or m.group(1)
    if j + 2 < len(doc) and doc[j].text == "(":
        found = _agency(doc, j + 1, table)
        if found is not None and found[1] < len(doc):
            close = found[1] + (doc[found[1]].text == ".")  # "(Havas.)"
            if close < len(doc) and doc[close].text == ")":
                return _closing(doc, close + 1), (found[0], found[1]), found[2]
        if doc[j + 2].text == ")" and doc[j + 1].is_upper and doc[j + 1].is_alpha:
            return _closing(doc, j + 3), (j + 1, j + 2), None
    if j + 1 < len(doc) and doc[j].text in DASHES:
        found = _agency(doc, j + 1, table)
        if found is not None:
            end = found[1]
            if end < len(doc) and doc[end].text == ".":
                end += 1
            return _closing(doc, end), (found[0], found[1]), found[2]
        return j + 1, None, None
    return (j if j > i else i), None, None


def _after_rubric(doc: Doc, i: int, j: int) -> int | None:
    """Where the place starts in the run of words in capitals ``[i, j)``: ``i``, or after a
    section heading that opens the run (``NOUVELLES ÉTRANGÈRES ROME``: the last one or two
    words, when the place gazetteer knows them); None for a heading without a known place."""
    if folded(doc[i].text) not in RUBRIC_WORDS:
        return i
    for k in range(max(i + 1, j - 2), j):
        if lookup_place(doc[k:j].text) is not None:
            return k
    return None


def _day_alone(doc: Doc, i: int) -> bool:
    """True when token ``i`` is a day of the month written alone (``29 (Havas)``, ``14. —``):
    a day number followed by a bracket or a full stop, not by a month."""
    return (i + 1 < len(doc) and DAY_RE.match(doc[i].text) is not None
            and doc[i + 1].text in ("(", "."))


def _closing(doc: Doc, i: int) -> int:
    if i < len(doc) and (doc[i].text in DASHES or doc[i].text in (".", ":")):
        return i + 1
    return i


def _parse_at(doc: Doc, i: int, table: dict[str, str]) -> Dateline | None:
    if i + 1 < len(doc) and doc[i].text in DASHES:
        i += 1  # a paragraph opening with a dash: "— PARIS, 3 mars (AFP)"
    place = _place(doc, i)
    if place is None:
        return None
    j, upper = place
    if doc[j - 1].text.endswith(".-"):
        return Dateline(i, j, (i, j), None, None, None, None, None, None) if upper else None
    if j >= len(doc):
        return None
    date = None
    if doc[j].text == "," and _day_alone(doc, j + 1):
        # "PARIS, 29 (Havas). —": the day of the month alone, then the agency
        end, agency, name = _tail(doc, j + 2, table)
        if agency is None:
            return None
    elif doc[j].text == ",":
        date = _date(doc, j + 1)
        if date is None:
            return None
        end, agency, name = _tail(doc, date[1], table)
    elif doc[j].text == "(":
        end, agency, name = _tail(doc, j, table)
        if agency is None:
            return None
    elif upper and doc[j].text == "." and j + 1 < len(doc) and doc[j + 1].text in DASHES:
        start = _after_rubric(doc, i, j)
        if start is None:
            return None
        return Dateline(start, j + 2, (start, j), None, None, None, None, None, None)
    else:
        return None
    if date is None and agency is None:
        return None
    if not upper and date is None and name not in table.values():
        # "Le Paris Saint-Germain (PSG) a gagné": an ordinary-case name followed by an
        # acronym in brackets is a dateline only when the acronym is a known agency
        return None
    if not upper and agency is None and (end >= len(doc) or end == date[1]):  # type: ignore[index]
        # "Paris, le 3 mars 2024" in ordinary case with nothing after: need a separator
        if not (end < len(doc) and doc[end - 1].text in DASHES):
            return None
    day_start = date[0] if date else None
    if date is not None and doc[date[0]].lower_ == "le":
        day_start = date[0] + 1
    return Dateline(
        start=i, end=end, place=(i, j),
        date=(day_start, date[1]) if date is not None and day_start is not None else None,
        day=date[2] if date else None, month=date[3] if date else None,
        year=date[4] if date else None, agency=agency, agency_name=name)


# -- datelines inside the text ----------------------------------------------------------------


def find_inner_datelines(doc: Doc, texts: list[str], table: dict[str, str],
                         start: int = 0) -> list[Dateline]:
    """The datelines that open the later stories of a page read as one text, from token
    ``start`` on (``texts``: the text of every token): a place in capitals, its day, then
    an agency in brackets or a dash::

        ... Nouvelle crise à Lisbonne LISBONNE, 29 (Havas). — Le cabinet ...
        ... Un hangar détruit - LIMOGES, 14 février. — Un incendie ...
        ... Inondations BREST (Finistère), 3. — La rivière ...

    Only the place and the agency are kept (the dates component reads the date)."""
    found: list[Dateline] = []
    i = start
    while i < len(texts):
        text = texts[i]
        if (len(text) < MIN_INNER_PLACE_CHARS or not text[0].isupper()
                or not UPPER_WORD_RE.match(text) or ROMAN_RE.match(text)
                or (i > 0 and (texts[i - 1].lower() in NOT_BEFORE_INNER
                               or UPPER_WORD_RE.match(texts[i - 1])))):
            i += 1
            continue
        dateline = _parse_inner(doc, texts, i, table)
        if dateline is None:
            i += 1
            continue
        found.append(dateline)
        i = dateline.end
    return found


def _parse_inner(doc: Doc, texts: list[str], i: int, table: dict[str, str]) -> Dateline | None:
    """The dateline of :func:`find_inner_datelines` whose place starts at token ``i``."""
    place = _place(doc, i)
    if place is None or not place[1] or texts[place[0] - 1].endswith(".-"):
        return None
    j = k = place[0]
    if k + 1 < len(texts) and texts[k] == "." and texts[k + 1] in DASHES:
        # "NOUVELLES DES CANTONS NEUCHÂTEL. —": a known place after a section heading
        start = _after_rubric(doc, i, j)
        if start is None or start == i:
            return None
        return Dateline(start, k + 2, (start, j), None, None, None, None, None, None)
    if (k + 2 < len(texts) and texts[k] == "(" and texts[k + 2] == ")"
            and TITLE_WORD_RE.match(texts[k + 1]) and _agency(doc, k + 1, table) is None):
        k += 3  # the region after the town: "BREST (Finistère), 3."
    if k + 2 >= len(texts) or texts[k] not in (",", "."):
        return None
    date = _date(doc, k + 1)
    if date is not None:
        k = date[1]
    elif _day_alone(doc, k + 1):
        k += 2
    else:
        return None
    end, agency, name = _tail(doc, k, table)
    if end < len(texts) and texts[end - 1] == "." and texts[end] in DASHES:
        end += 1
    if agency is None and texts[end - 1] not in DASHES:
        return None
    return Dateline(i, end, (i, j), None, None, None, None, agency, name)


class DatelineExtractor(EntityFamily):
    """Recognise the dateline at the start of a wire story (place, date, agency), and the
    datelines of the later stories of a page read as one text (place, agency)."""

    #: The span group it writes.
    spans_key = "datelines"
    #: Its place in the resolver's tie-breaking (lower is stronger): the strongest family.
    rank = 10
    #: A model entity runs on into a dateline after a heading (``Crue de la Loire NANTES``):
    #: the resolver cuts it before the dateline's place.
    cuts_model_spans = True

    def __init__(self, nlp: Language, name: str = "depeche_datelines") -> None:
        """Load the agency list; the date grammar finds the story's full dates for the year."""
        register_extensions()
        self.name = name
        self.agencies = agencies()
        self.date_finder = DateFinder(nlp.vocab)

    def _year(self, doc: Doc, found: Dateline) -> tuple[int | None, str | None]:
        """The year of the dateline's date and where it comes from: ``text``, ``metadata``
        (closest to ``doc._.doc_date``), ``inferred`` (closest to the story's latest full
        date), or ``(None, None)``."""
        if found.year is not None:
            return found.year, "text"
        assert found.day is not None and found.month is not None
        reference, source = parse_iso(doc._.doc_date), "metadata"
        if reference is None:
            explicit = full_dates(self.date_finder.find(doc))
            if not explicit:
                return None, None
            reference, source = max(explicit), "inferred"
        best = closest_day(found.month, found.day, reference)
        return (best.year, source) if best is not None else (None, None)

    def annotate(self, doc: Doc) -> tuple[list[tuple[Span, dict[str, Any]]],
                                          dict[str, Any] | None]:
        """Return ``([(span, attrs)], dateline dict)`` for ``doc`` without writing to it: the
        spans of the story's dateline and of the datelines inside its text, in text order."""
        found = find_dateline(doc, self.agencies)
        inner = find_inner_datelines(doc, StoryContext.of(doc).texts, self.agencies,
                                     found.end if found is not None else 0)
        results: list[tuple[Span, dict[str, Any]]] = []
        info: dict[str, Any] | None = None
        if found is not None:
            results, info = self._story_dateline(doc, found)
        for dateline in inner:
            results.extend(self._place_and_agency(doc, dateline))
        results.sort(key=lambda pair: pair[0].start)
        return results, info

    def _story_dateline(self, doc: Doc, found: Dateline) -> tuple[
            list[tuple[Span, dict[str, Any]]], dict[str, Any]]:
        """The spans and the ``doc._.dateline`` values of the story's own dateline."""
        results = self._place_and_agency(doc, found)
        place = doc[found.place[0]: found.place[1]]
        info: dict[str, Any] = {
            "place": re.sub(r"\.-$", "", place.text), "date": None, "date_text": None,
            "date_source": None, "agency": None, "start_char": doc[found.start].idx,
            "end_char": doc[found.end - 1].idx + len(doc[found.end - 1].text),
        }
        if found.date is not None and found.day is not None and found.month is not None:
            year, source = self._year(doc, found)
            day = safe_date(year, found.month, found.day) if year is not None else None
            value = day.isoformat() if day else f"XXXX-{found.month:02d}-{found.day:02d}"
            date_span = doc[found.date[0]: found.date[1]]
            results.append((Span(doc, date_span.start, date_span.end, label="DATE",
                                 kb_id=value),
                            {"rule": "datelines.date", "form": "dateline", "precision": "day",
                             "bound": "point", "anchored": source if day and source != "text"
                             else None}))
            info.update(date=value if day else None, date_text=date_span.text,
                        date_source=source if day else None,
                        date_start_char=date_span.start_char,
                        date_end_char=date_span.end_char)
        if found.agency is not None:
            agency = doc[found.agency[0]: found.agency[1]]
            info["agency"] = found.agency_name or agency.text
        return results, info

    def _place_and_agency(self, doc: Doc,
                          found: Dateline) -> list[tuple[Span, dict[str, Any]]]:
        """The LOC span of a dateline's place and the ORG span of its agency."""
        results: list[tuple[Span, dict[str, Any]]] = [
            (Span(doc, found.place[0], found.place[1], label="LOC"),
             {"rule": "datelines.place", "form": "dateline"})]
        if found.agency is not None:
            name = found.agency_name or ""
            canonical = name if name in self.agencies.values() else ""
            results.append((Span(doc, found.agency[0], found.agency[1], label="ORG",
                                 kb_id=canonical),
                            {"rule": "datelines.agency", "form": "agency",
                             "canonical": canonical or None}))
        return results

    def process(self, doc: Doc) -> list[tuple[Span, dict[str, Any]]]:
        """The dateline's spans (LOC place, DATE date, ORG agency) and their values; writes
        nothing."""
        return self.annotate(doc)[0]

    def __call__(self, doc: Doc) -> Doc:
        """Write ``doc.spans["datelines"]``, the span values and ``doc._.dateline``.

        A slashed agency kept as one token (``/TASS/.``) is first split into ``/``, ``TASS``,
        ``/.`` so that the agency mention covers the name alone, and a dash glued to the
        place of a dateline (``-LIMOGES,``) into ``-`` and ``LIMOGES``.
        """
        split_dateline_tokens(doc)
        results, info = self.annotate(doc)
        write_span_group(doc, self.spans_key, results)
        doc._.dateline = info
        return doc


def split_slashed_agency(doc: Doc, window: int = 40) -> None:
    """Split the first ``/NAME/`` token among the first ``window`` tokens into three tokens."""
    for token in doc[:window]:
        match = SLASHED_AGENCY_RE.match(token.text)
        if match is None:
            continue
        name = match.group(1)
        orths = ["/", name, token.text[len(name) + 1:]]
        with doc.retokenize() as retokenizer:
            head = token.head if token.head.i != token.i else (token, 1)
            retokenizer.split(token, orths, heads=[(token, 1), head, (token, 1)],
                              attrs={"POS": ["PUNCT", "PROPN", "PUNCT"],
                                     "DEP": ["punct", token.dep_ or "dep", "punct"]})
        return


def split_dateline_tokens(doc: Doc) -> None:
    """Split what the tokenizer glues in datelines: a slashed agency (``/TASS/.``) and a dash
    glued to the place (``-LIMOGES,``); the characters of the text are unchanged."""
    split_slashed_agency(doc)
    split_glued_dashes(doc)


def split_glued_dashes(doc: Doc) -> None:
    """Split a dash glued to the name after it before the punctuation of a dateline (``-PARIS,``
    ``—Rouen.`` -> ``-`` ``PARIS``), as a paragraph opening in old print often is; the
    characters of the text are unchanged."""
    texts = StoryContext.of(doc).texts
    glued = [i for i in range(len(texts) - 1)
             if texts[i][:1] in "-–—" and texts[i + 1] in AFTER_GLUED_PLACE
             and GLUED_DASH_RE.match(texts[i]) and (i == 0 or doc[i - 1].whitespace_)]
    if not glued:
        return
    with doc.retokenize() as retokenizer:
        for i in glued:
            token = doc[i]
            head = token.head if token.head.i != token.i else (token, 1)
            retokenizer.split(token, [token.text[0], token.text[1:]],
                              heads=[(token, 1), head],
                              attrs={"POS": ["PUNCT", token.pos_ or "PROPN"],
                                     "DEP": ["punct", token.dep_ or "dep"]})
    _cut_entities_at(doc, [i + n for n, i in enumerate(glued)])


def _cut_entities_at(doc: Doc, dashes: list[int]) -> None:
    """Cut the model's entities at the split dashes: the model read ``Grève à Lille -PARIS``
    as one name; the part before the dash stays (``Grève à Lille``), and an entity opening
    with the dash keeps the name after it."""
    ents = list(doc.ents)
    if not any(ent.start <= d < ent.end for ent in ents for d in dashes):
        return
    kept = []
    for ent in ents:
        inside = [d for d in dashes if ent.start <= d < ent.end]
        if not inside:
            kept.append(ent)
        elif inside[0] > ent.start:
            kept.append(Span(doc, ent.start, inside[0], label=ent.label_))
        elif ent.end > inside[0] + 1:
            kept.append(Span(doc, inside[0] + 1, ent.end, label=ent.label_))
    doc.ents = kept


@Language.factory("depeche_datelines",
                  assigns=["doc.spans", "doc._.span_attrs", "doc._.dateline",
                           "doc.ents"])  # a model entity across a split dash is cut there
def make_datelines(nlp: Language, name: str) -> DatelineExtractor:
    """Build the ``depeche_datelines`` component (see :class:`DatelineExtractor`)."""
    return DatelineExtractor(nlp, name)
