"""Dates in French news stories: spans labelled ``DATE`` with an ISO 8601 value.

:class:`DateExtractor` finds date expressions with spaCy ``Matcher`` token patterns built
from the small named parts below (``DAY``, ``MONTH``, ``YEAR``, ``WEEKDAY``...), reads each
span into a :class:`Reading` (day, month, year, weekday, offsets...) and resolves it against
the story's anchor date. Its ``__call__`` writes ``doc.spans["dates"]``, the span values
(``rule``, ``form``, ``precision``, ``bound``, ``anchored`` and, for ``début``/``mi``/``fin``,
``mod``) through :func:`pipeline.extensions.set_span_attrs`, and ``doc._.anchor``.

Values (``span.kb_id_``)
    ``2025-01-01`` (day), ``2025-01`` (month), ``2025`` (year), ``2025-W03`` (ISO week),
    ``2025-W03-WE`` (week-end), ``2025-Q1`` (quarter), ``2025-H1`` (half year),
    ``2024-SU`` (season: SP, SU, FA, WI), ``199`` (decade: the 1990s), ``18`` (century: the
    19th century, TimeML style), ranges ``2025-03-03/2025-03-05``. Without an anchor a
    year-less date keeps ``XXXX-11-24`` / ``XXXX-11``; a purely relative date (``hier``,
    ``mardi``, ``la semaine dernière``) gets an empty value. A bare season (``en été``) is
    taken as generic: ``XXXX-SU``.

Anchor (``doc._.anchor``)
    ``doc._.doc_date`` (``source="metadata"``), else the dateline date written by the
    datelines component (``"dateline"``; ``"inferred"`` when the dateline's own year was
    inferred), else the chronologically latest fully specified date of the text
    (``"inferred"``), else ``None``. A span's ``anchored`` attr is the anchor source its value
    depends on, ``None`` when the text gives the full value, ``"missing"`` when it needs an
    anchor and there is none.

Resolution conventions
    * year-less ``24 novembre``: the closest such date to the anchor (it is within six
      months); ``24 novembre dernier``: the last one strictly before the anchor;
      ``prochain``: the first one strictly after; with a weekday (``dimanche 29 août``) the
      year whose calendar agrees with the weekday is preferred.
    * a month alone works the same way at month precision.
    * a weekday alone (``mardi``, ``ce lundi``): ``dernier``/``prochain`` give the previous /
      next such day strictly before / after the anchor; otherwise a cue of the clause
      (``depuis``; past tense such as ``a annoncé``, imperfect; future such as ``sera``,
      ``va signer``; ``token.morph`` when a tagger ran) picks the day on-or-before /
      on-or-after the anchor; with no cue, the nearest one (TimeML / French TimeBank
      practice).
    * two-digit years (``octobre 98``) are 19xx from 31 to 99 and 20xx from 00 to 30.

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

Options for other annotation conventions
    ``time_of_day=False``: ``hier soir``, ``mardi matin`` and a day word followed by ``à`` and
    a clock time (``hier à 10 h``) are TIMEs (TimeML), not DATEs; ``hier vers 21 h`` keeps
    ``hier``. ``absolute_only=True``: only the dates whose text gives the year are emitted
    (``3 mars 1921``, ``en 1927``, ``l'hiver de 1891``, ``les années 1990``); a date that needs
    the story's date (``le 3 mars``, ``hier``, ``cette année``), a generic season (``en été``)
    and a two-digit decade (``les années 20``) are left out, as HIPE (and MUC) annotate
    absolute dates only.

Old print and OCR
    ``1 er``, ``1 °``, ``1 "`` are ``1er`` whose superscript came loose; two digits glued to a
    dash or a digit (``juin 15-2``) start a longer number, not a two-digit year; a year alone
    closing a parenthesis is a date (``(1927)``, ``(Lycée, 1925)``); ``1914-1918``,
    ``1939-45`` are year ranges (value ``1914/1918``, bound ``range``).

Ranges and bounds
    ``du 3 au 5 mars`` (first part without its month) is one span, bound ``range``, value
    ``2025-03-03/2025-03-05``; when both ends are complete dates (``du lundi 7 octobre au
    jeudi 10 octobre``, ``entre le 10 juillet et le 20 août``) they are two spans, bound
    ``start`` and ``end``. ``à partir de``, ``depuis``, ``dès``, ``après`` give ``start``;
    ``jusqu'à``, ``avant``, ``d'ici``, ``au plus tard`` give ``end``; otherwise ``point``.
    After a weak trigger (``de``, ``pour``), a number is an amount, not a year, after a
    quantity word or a copula (``plus de 2000``, ``le nombre est de 1500``) and below 1500
    (``des coupures de 1000``).

Dateline
    The datelines component (which runs first) owns the dateline's date: spans overlapping
    ``doc._.dateline["date_start_char"]:["date_end_char"]`` are not emitted here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from pipeline.entities.gazetteers import read_csv
from pipeline.extensions import register_extensions, write_span_group

__all__ = [
    "DateExtractor",
    "Reading",
    "create_date_extractor",
    "month_number",
    "read_tokens",
    "resolve",
]

FAMILY = "dates"
LABEL = "DATE"
FALSE_POSITIVES_FILE = "dates_year_false_positives.csv"

# ---------------------------------------------------------------------------------------------
# Closed lists
# ---------------------------------------------------------------------------------------------

#: Month names and their usual abbreviations (lower case, accents and no accents).
MONTHS: dict[str, int] = {
    "janvier": 1, "janv.": 1, "janv": 1,
    "février": 2, "fevrier": 2, "févr.": 2, "févr": 2, "fév.": 2, "fév": 2, "fevr.": 2,
    "mars": 3,
    "avril": 4, "avr.": 4, "avr": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7, "juil.": 7, "juil": 7,
    "août": 8, "aout": 8,
    "septembre": 9, "sept.": 9,
    "octobre": 10, "oct.": 10, "oct": 10,
    "novembre": 11, "nov.": 11, "nov": 11,
    "décembre": 12, "decembre": 12, "déc.": 12, "déc": 12, "dec.": 12,
}
#: Month names that are also ordinary proper nouns (the planet Mars, the name Mai): alone,
#: they count as months only when written in lower case.
AMBIGUOUS_MONTHS: tuple[str, ...] = ("Mars", "MARS", "Mai", "MAI")
WEEKDAYS: dict[str, int] = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
    "dimanche": 6,
}
#: Deictic day words and their offset in days from the anchor.
RELATIVE_DAYS: dict[str, int] = {
    "avant-hier": -2, "hier": -1, "aujourd'hui": 0, "demain": 1, "après-demain": 2,
}
LAST_WORDS: tuple[str, ...] = ("dernier", "dernière", "derniers", "dernières", "passé",
                               "passée")
NEXT_WORDS: tuple[str, ...] = ("prochain", "prochaine", "prochains", "prochaines")
THIS_WORDS: tuple[str, ...] = ("ce", "cet", "cette")
#: ``début mars``, ``fin 2023``, ``courant avril``, ``mi-janvier``.
PART_WORDS: dict[str, str] = {"début": "start", "fin": "end", "courant": "mid", "mi": "mid",
                              "milieu": "mid"}
TIME_OF_DAY: tuple[str, ...] = ("matin", "soir", "après-midi", "midi", "soirée", "matinée",
                                "nuit")
SEASONS: dict[str, str] = {"printemps": "SP", "été": "SU", "automne": "FA", "hiver": "WI"}
#: Calendar units that take ``ce``/``dernier``/``prochain``: unit word -> value kind.
CALENDAR_UNITS: dict[str, str] = {
    "semaine": "week", "week-end": "weekend", "weekend": "weekend", "mois": "month",
    "an": "year", "année": "year", "trimestre": "quarter", "semestre": "half",
    "décennie": "decade", "siècle": "century",
}
#: Units of ``il y a deux jours`` / ``dans trois semaines``.
COUNT_UNITS: dict[str, str] = {
    "jour": "day", "jours": "day", "semaine": "week", "semaines": "week", "mois": "month",
    "an": "year", "ans": "year", "année": "year", "années": "year",
}
NUMBER_WORDS: dict[str, int] = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
    "quinze": 15, "seize": 16, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50,
    "cent": 100,
}
#: Words right before a month name that make it a date (``en janvier``, ``depuis mars``).
MONTH_TRIGGERS: tuple[str, ...] = ("en", "depuis", "dès", "de", "d'", "avant", "après",
                                   "entre", "vers", "pour", "ici", "fin", "début")
#: Words right before a bare year that make it a date (``en 2025``, ``depuis 2019``).
YEAR_TRIGGERS_STRONG: tuple[str, ...] = ("en", "depuis", "dès", "avant", "après", "entre",
                                         "vers", "ici", "courant", "jusqu'en", "année", "an")
#: Weaker year triggers (``les législatives de 2024``, ``pour 2025``): the next token must
#: be punctuation or the end of the text.
YEAR_TRIGGERS_WEAK: tuple[str, ...] = ("de", "d'", "pour")
#: Words before a weak trigger that make the number a quantity (``plus de 2000``); the
#: copula too: ``le nombre d'élèves est de 1200``.
QUANTITY_WORDS: tuple[str, ...] = ("plus", "moins", "près", "environ", "quelque", "sur",
                                   "autour", "total", "nombre", "hausse", "baisse", "est",
                                   "était", "sont", "étaient", "sera", "seront", "serait")
#: Below this, a number after a weak trigger is an amount (``des coupures de 1000.``): older
#: years are written with a strong trigger (``en 1000``).
WEAK_TRIGGER_MIN_YEAR = 1500
#: What OCR and typography make of the ``er`` of ``1er``: ``1 er``, ``1 °``, ``1 "``.
FIRST_MARKS: tuple[str, ...] = ("er", "°", '"', "ᵉʳ", "''")
#: Words that ``preposition_extent`` adds in front of a date: the article of a day date
#: (contracted or not), the preposition of a month, season or year.
DAY_LEADS: tuple[str, ...] = ("le", "les", "du", "au", "aux")
PREPOSITION_LEADS: tuple[str, ...] = ("en", "pour", "depuis", "dès", "de", "d'", "du",
                                      "vers", "avant", "après", "jusqu'en")
#: Units of a clock time (``à 10 h``, ``15 h 30``).
CLOCK_UNITS: tuple[str, ...] = ("h", "heure", "heures", "h.")
#: Function words that may follow a year after a weak trigger, or a plural noun that would
#: otherwise make it a count.
FUNCTION_WORDS: frozenset[str] = frozenset(
    "à au aux avec chez contre dans de des du en et est été était il ils elle elles je la le "
    "les leur leurs lors mais ne nous on ont ou où par pas plus pour puis qu' que qui sa sans "
    "se ses son sont sous sur tous toutes très un une vers vous y alors après avant depuis "
    "dès jamais toujours plusieurs certains certaines quelques ces cette ce cet nos vos mes "
    "tes ainsi aussi déjà encore puisque parce lorsque quand selon comme".split())
#: Determiners dropped in front of a day date unless ``timeml_extent``.
DAY_ARTICLES: tuple[str, ...] = ("le", "les")
SENTENCE_BREAKS: frozenset[str] = frozenset({".", "!", "?", ";", "\n", "\n\n", "…", ":"})

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def _norm(text: str) -> str:
    """Lower-case ``text`` and unify typographic apostrophes to ``'``."""
    return text.lower().translate(_APOSTROPHES)


def _forms(words: Iterable[str]) -> list[str]:
    """Return ``words`` with both apostrophes (``'`` and ``’``) for use in ``LOWER`` lists."""
    out: list[str] = []
    for word in words:
        out.append(word)
        if "'" in word:
            out.append(word.replace("'", "\u2019"))
    return out


def month_number(word: str) -> int | None:
    """Return the month number of a French month name or abbreviation (``"févr."`` -> 2)."""
    return MONTHS.get(_norm(word))


# ---------------------------------------------------------------------------------------------
# Pattern parts (spaCy Matcher token specs)
# ---------------------------------------------------------------------------------------------

Tok = dict[str, Any]

_MONTH_ALT = "|".join(re.escape(m) for m in sorted(MONTHS, key=len, reverse=True))
DAY_RE = r"^(1er|0?[1-9]|[12][0-9]|3[01])$"
YEAR_RE = r"^(1[0-9]{3}|20[0-9]{2})$"
NUMERIC_RE = re.compile(
    r"^(0?[1-9]|[12][0-9]|3[01])([/.])(0?[1-9]|1[0-2])\2([0-9]{4}|[0-9]{2})$")
MI_RE = re.compile(rf"^mi-(?:({_MONTH_ALT})|(1[0-9]{{3}}|20[0-9]{{2}}))$")
ORDINAL_RE = re.compile(r"^(?:([ivxlc]+)|([0-9]{1,2}))(?:e|ème|eme|è)$")

DAY: Tok = {"TEXT": {"REGEX": DAY_RE}}
MONTH: Tok = {"LOWER": {"IN": list(MONTHS)}}
#: A month name standing alone: not the planet ``Mars`` nor the name ``Mai``.
MONTH_ALONE: Tok = {"LOWER": {"IN": list(MONTHS)}, "TEXT": {"NOT_IN": list(AMBIGUOUS_MONTHS)}}
YEAR: Tok = {"TEXT": {"REGEX": YEAR_RE}}
YEAR_2: Tok = {"TEXT": {"REGEX": r"^[0-9]{2}$"}}
YEAR_ANY: Tok = {"TEXT": {"REGEX": r"^(1[0-9]{3}|20[0-9]{2}|[0-9]{2})$"}}
WEEKDAY: Tok = {"LOWER": {"IN": list(WEEKDAYS)}}
RELATIVE_DAY: Tok = {"LOWER": {"IN": _forms(RELATIVE_DAYS)}}
LAST_OR_NEXT: Tok = {"LOWER": {"IN": [*LAST_WORDS, *NEXT_WORDS]}}
THIS: Tok = {"LOWER": {"IN": list(THIS_WORDS)}}
PART: Tok = {"LOWER": {"IN": ["début", "fin", "courant"]}}
MI_MONTH: Tok = {"LOWER": {"REGEX": rf"^mi-({_MONTH_ALT})$"}}
MI_YEAR: Tok = {"LOWER": {"REGEX": r"^mi-(1[0-9]{3}|20[0-9]{2})$"}}
NUMERIC: Tok = {"TEXT": {"REGEX": NUMERIC_RE.pattern}}
TIME_WORD: Tok = {"LOWER": {"IN": list(TIME_OF_DAY)}}
SEASON: Tok = {"LOWER": {"IN": list(SEASONS)}}
SEASON_SAFE: Tok = {"LOWER": {"IN": ["printemps", "automne", "hiver"]}}
UNIT: Tok = {"LOWER": {"IN": ["semaine", "mois", "an", "année", "trimestre", "semestre",
                              "décennie", "siècle", "weekend"]}}
COUNT: Tok = {"LOWER": {"REGEX": r"^([0-9]{1,3}|" + "|".join(NUMBER_WORDS) + r")$"}}
COUNT_UNIT: Tok = {"LOWER": {"IN": list(COUNT_UNITS)}}
ORDINAL: Tok = {"LOWER": {"REGEX": ORDINAL_RE.pattern}}
L_APOS: Tok = {"LOWER": {"IN": ["l'", "l\u2019"]}}
DE: Tok = {"LOWER": {"IN": _forms(["de", "d'", "du"])}}
AU: Tok = {"LOWER": {"IN": ["au", "à"]}}
ET: Tok = {"LOWER": "et"}
LE: Tok = {"LOWER": "le"}
DASH_NS: Tok = {"ORTH": "-", "SPACY": False}
FIRST_MARK: Tok = {"TEXT": {"IN": list(FIRST_MARKS)}}
WEEK_END: list[Tok] = [{"LOWER": "week", "SPACY": False}, DASH_NS, {"LOWER": "end"}]
ISO_DATE: list[Tok] = [
    {"TEXT": {"REGEX": r"^(1[0-9]{3}|20[0-9]{2})$"}, "SPACY": False}, DASH_NS,
    {"TEXT": {"REGEX": r"^(0[1-9]|1[0-2])$"}, "SPACY": False}, DASH_NS,
    {"TEXT": {"REGEX": r"^(0[1-9]|[12][0-9]|3[01])$"}},
]


def _opt(tok: Tok) -> Tok:
    return {**tok, "OP": "?"}


def _word(*words: str) -> Tok:
    return {"LOWER": {"IN": _forms(words)}}


@dataclass(frozen=True)
class PatternSpec:
    """One Matcher pattern: context tokens (never in the span), determiner tokens (in the span
    only with ``timeml_extent``), the body (always in the span)."""

    rule: str
    body: tuple[Tok, ...]
    context: tuple[Tok, ...] = ()
    det: tuple[Tok, ...] = ()


def _spec(rule: str, body: Sequence[Tok], context: Sequence[Tok] = (),
          det: Sequence[Tok] = ()) -> PatternSpec:
    return PatternSpec(rule, tuple(body), tuple(context), tuple(det))


def build_patterns() -> list[PatternSpec]:
    """Return the date grammar: every pattern with its rule name (``dates.<rule>``)."""
    specs: list[PatternSpec] = []
    add = specs.append
    day_date = [_opt(WEEKDAY), DAY, _opt(FIRST_MARK), MONTH, _opt(YEAR_ANY), _opt(LAST_OR_NEXT),
                _opt(TIME_WORD)]
    # absolute and partial day dates: 1er janvier 2025, le 3 mars, dimanche 29 août dernier
    add(_spec("dates.day_month", day_date))
    add(_spec("dates.day_month", day_date, det=[LE]))
    add(_spec("dates.numeric", [_opt(WEEKDAY), NUMERIC]))
    add(_spec("dates.numeric", [_opt(WEEKDAY), NUMERIC], det=[LE]))
    add(_spec("dates.iso", ISO_DATE))
    # coordinated days: les 9 et 16 juin prochains (two spans)
    coord = [DAY, ET, DAY, MONTH, _opt(YEAR_ANY), _opt(LAST_OR_NEXT)]
    add(_spec("dates.day_coord", coord))
    add(_spec("dates.day_coord", coord, det=[{"LOWER": "les"}]))
    # ranges whose first part is a bare day: du 3 au 5 mars 2025, entre le 3 et le 5 mars
    tail = [DAY, MONTH, _opt(YEAR_ANY), _opt(LAST_OR_NEXT)]
    add(_spec("dates.range", [DAY, AU, *tail], context=[_word("du")]))
    add(_spec("dates.range", [DAY, ET, LE, *tail], context=[_word("entre"), LE]))
    add(_spec("dates.range", [DAY, ET, *tail], context=[_word("entre"), LE]))
    # months: janvier 2025, fin mars 2024, mi-janvier, en janvier, septembre dernier
    add(_spec("dates.month_year", [_opt(PART), MONTH, YEAR]))
    add(_spec("dates.month_year", [MI_MONTH, _opt(YEAR)]))
    add(_spec("dates.month_year", [MONTH_ALONE, YEAR_2]))
    add(_spec("dates.month", [MONTH_ALONE, _opt(LAST_OR_NEXT)],
              context=[_word(*MONTH_TRIGGERS)]))
    add(_spec("dates.month", [MONTH, LAST_OR_NEXT]))
    add(_spec("dates.month", [PART, MONTH, _opt(LAST_OR_NEXT)]))
    add(_spec("dates.month", [{"LOWER": "mois"}, DE, MONTH, _opt(LAST_OR_NEXT)]))
    add(_spec("dates.month", [{"LOWER": "mois"}, DE, MONTH, _opt(LAST_OR_NEXT)], det=[LE]))
    # years: en 2025, depuis 2019, l'année 2024, fin 2023, mi-2024, entre 2019 et 2021
    add(_spec("dates.year", [YEAR], context=[_word(*YEAR_TRIGGERS_STRONG)]))
    add(_spec("dates.year", [YEAR], context=[_word(*YEAR_TRIGGERS_WEAK)]))
    add(_spec("dates.year", [YEAR], det=[L_APOS, _word("année", "an")]))
    add(_spec("dates.year", [YEAR], context=[_word("entre"), YEAR, ET]))
    add(_spec("dates.year", [PART, YEAR]))
    add(_spec("dates.year", [MI_YEAR]))
    # a year alone closing a parenthesis: (1927), (Lycée, 1925)
    add(_spec("dates.year", [YEAR], context=[{"ORTH": {"IN": ["(", ","]}}]))
    # year ranges written with a dash: 1914-1918, 1939-45
    add(_spec("dates.year_range", [{**YEAR, "SPACY": False}, DASH_NS,
                                   {"TEXT": {"REGEX": r"^(1[0-9]{3}|20[0-9]{2}|[0-9]{2})$"}}]))
    # seasons: l'été 2024, cet hiver, l'automne dernier, en été (generic)
    add(_spec("dates.season", [_opt(_word("l'")), SEASON, YEAR]))
    add(_spec("dates.season", [_word("l'", "cet", "cette"), SEASON, _opt(LAST_OR_NEXT)]))
    add(_spec("dates.season", [SEASON], context=[_word("en")]))
    add(_spec("dates.season", [SEASON_SAFE, LAST_OR_NEXT]))
    add(_spec("dates.season", [SEASON, _word("de", "d'"), YEAR], det=[_word("l'")]))
    # deictic days: hier, aujourd'hui vendredi, avant-hier soir
    add(_spec("dates.relative_day", [RELATIVE_DAY, _opt(WEEKDAY), _opt(TIME_WORD)]))
    # weekdays: mardi, mardi dernier, lundi prochain, ce lundi, vendredi soir
    add(_spec("dates.weekday", [_opt(THIS), WEEKDAY, _opt(LAST_OR_NEXT), _opt(TIME_WORD)]))
    # calendar units: la semaine dernière, le mois prochain, l'an dernier, cette année
    add(_spec("dates.unit", [THIS, UNIT]))
    add(_spec("dates.unit", [THIS, *WEEK_END]))
    add(_spec("dates.unit", [_word("la", "le", "l'"), UNIT, LAST_OR_NEXT]))
    add(_spec("dates.unit", [_word("le"), *WEEK_END, LAST_OR_NEXT]))
    add(_spec("dates.unit", [_opt(_word("la", "le")), PART, DE, _opt(_word("l'", "la", "cette",
                                                                          "ce")),
                             UNIT, _opt(LAST_OR_NEXT)]))
    # counted offsets: il y a deux jours, dans trois semaines
    add(_spec("dates.offset", [{"LOWER": "il"}, {"LOWER": "y"}, {"LOWER": "a"}, COUNT,
                               COUNT_UNIT]))
    add(_spec("dates.offset", [{"LOWER": "dans"}, COUNT, COUNT_UNIT]))
    # decades and centuries: les années 1990, années 90, le XIXe siècle
    decade = [{"LOWER": "années"}, {"TEXT": {"REGEX": r"^(1[0-9]{2}0|20[0-9]0|[0-9]0)$"}}]
    add(_spec("dates.decade", decade))
    add(_spec("dates.decade", decade, det=[{"LOWER": "les"}]))
    add(_spec("dates.century", [ORDINAL, {"LOWER": "siècle"}]))
    add(_spec("dates.century", [ORDINAL, {"LOWER": "siècle"}], det=[LE]))
    return specs


# ---------------------------------------------------------------------------------------------
# False positives of bare years
# ---------------------------------------------------------------------------------------------


def _check_side(value: str) -> str | None:
    return None if value in ("before", "after") else "side must be 'before' or 'after'"


@lru_cache(maxsize=1)
def year_false_positives() -> dict[str, frozenset[str]]:
    """Return the words that make a 4-digit number a count or a reference, not a year.

    ``{"before": {...}, "after": {...}}`` from ``dates_year_false_positives.csv``: ``article
    2025``, ``page 1999`` (word before), ``2025 personnes``, ``2025 euros`` (word after).
    """
    rows = read_csv(FALSE_POSITIVES_FILE, required=("side", "word"), optional=("note",),
                    validators={"side": _check_side})
    out: dict[str, set[str]] = {"before": set(), "after": set()}
    for row in rows:
        out[row["side"]].add(_norm(row["word"]))
    return {side: frozenset(words) for side, words in out.items()}


# ---------------------------------------------------------------------------------------------
# Reading a span
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reading:
    """What a date expression says, before any anchor is applied."""

    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None
    relative_days: int | None = None
    #: -1 ``dernier``, +1 ``prochain``, 0 ``ce``/``cette``.
    direction: int | None = None
    #: calendar unit of ``la semaine dernière``..., or of a counted offset.
    unit: str | None = None
    #: signed count of ``il y a deux jours`` (-2) / ``dans trois semaines`` (+3).
    offset: int | None = None
    part: str | None = None
    season: str | None = None
    decade: int | None = None
    century: int | None = None

    @property
    def explicit(self) -> bool:
        """True when the text alone gives the value (a year, decade or century is written)."""
        return self.year is not None or self.decade is not None or (
            self.century is not None and self.unit is None)


def _two_digit_year(value: int) -> int:
    return 2000 + value if value <= 30 else 1900 + value


def _roman(text: str) -> int | None:
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    total = 0
    for i, ch in enumerate(text):
        v = values[ch]
        if i + 1 < len(text) and values[text[i + 1]] > v:
            total -= v
        else:
            total += v
    return total or None


def read_tokens(tokens: Sequence[Token], rule: str = "") -> Reading:
    """Read a date expression's tokens (``mardi 3 mars dernier``) into a :class:`Reading`."""
    fields: dict[str, Any] = {}
    words = [_norm(t.text) for t in tokens]
    if rule == "dates.iso":
        digits = [w for w in words if w != "-"]
        return Reading(year=int(digits[0]), month=int(digits[1]), day=int(digits[2]))
    if rule == "dates.offset":
        count = next(w for w in words if w.isdigit() or w in NUMBER_WORDS)
        n = int(count) if count.isdigit() else NUMBER_WORDS[count]
        sign = -1 if words[0] == "il" else 1
        return Reading(unit=COUNT_UNITS[words[-1]], offset=sign * n)
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if match := NUMERIC_RE.match(word):
            year = int(match.group(4))
            fields.update(day=int(match.group(1)), month=int(match.group(3)),
                          year=year if year >= 100 else _two_digit_year(year))
        elif (match := MI_RE.match(word)) is not None:
            fields["part"] = "mid"
            if match.group(1):
                fields["month"] = MONTHS[match.group(1)]
            else:
                fields["year"] = int(match.group(2))
        elif word in MONTHS and "month" not in fields:
            fields["month"] = MONTHS[word]
        elif word in WEEKDAYS:
            fields["weekday"] = WEEKDAYS[word]
        elif word in RELATIVE_DAYS:
            fields["relative_days"] = RELATIVE_DAYS[word]
        elif word in LAST_WORDS:
            fields["direction"] = -1
        elif word in NEXT_WORDS:
            fields["direction"] = 1
        elif word in THIS_WORDS:
            fields.setdefault("direction", 0)
        elif word in PART_WORDS:
            fields["part"] = PART_WORDS[word]
        elif word in SEASONS:
            fields["season"] = SEASONS[word]
        elif word in CALENDAR_UNITS:
            fields["unit"] = CALENDAR_UNITS[word]
        elif word == "end" and i >= 2 and words[i - 2] == "week":
            fields["unit"] = "weekend"
        elif (match := ORDINAL_RE.match(word)) is not None and nxt == "siècle":
            fields["century"] = (_roman(match.group(1)) if match.group(1)
                                 else int(match.group(2)))
        elif word.isdigit():
            n = int(word)
            if i > 0 and words[i - 1] == "années":
                fields["decade"] = (n if n >= 100 else 1900 + n) // 10
            elif "month" not in fields and len(word) <= 2:
                fields.setdefault("day", n)
            elif len(word) == 4:
                fields["year"] = n
            elif len(word) == 2 and "month" in fields:
                fields["year"] = _two_digit_year(n)
        elif word == "1er":
            fields.setdefault("day", 1)
    return Reading(**fields)


# ---------------------------------------------------------------------------------------------
# Resolving a reading against the anchor
# ---------------------------------------------------------------------------------------------


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _week(day: dt.date) -> str:
    iso = day.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _pick(candidates: list[tuple[int, Any]], direction: int | None) -> Any:
    """Pick among ``(signed distance to anchor, value)``: last before / first after / closest."""
    if direction == -1:
        before = [c for c in candidates if c[0] < 0]
        return max(before, key=lambda c: c[0])[1] if before else None
    if direction == 1:
        after = [c for c in candidates if c[0] > 0]
        return min(after, key=lambda c: c[0])[1] if after else None
    return min(candidates, key=lambda c: (abs(c[0]), c[0] > 0))[1] if candidates else None


def _weekday_date(anchor: dt.date, weekday: int, direction: int | None,
                  hint: int | None) -> dt.date:
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if direction == -1:
        return anchor - dt.timedelta(days=back or 7)
    if direction == 1:
        return anchor + dt.timedelta(days=ahead or 7)
    if hint == -1:
        return anchor - dt.timedelta(days=back)
    if hint == 1:
        return anchor + dt.timedelta(days=ahead)
    return anchor - dt.timedelta(days=back) if back <= ahead else anchor + dt.timedelta(
        days=ahead)


def _season_year(anchor: dt.date, season: str, direction: int) -> int:
    """Year of ``cet été`` / ``l'hiver dernier``: a winter is named by the year it starts."""
    year = anchor.year if not (season == "WI" and anchor.month <= 2) else anchor.year - 1
    return year + (direction if direction in (-1, 1) else 0)


def resolve(reading: Reading, anchor: dt.date | None,
            hint: int | None = None) -> tuple[str, str, bool]:
    """Return ``(value, precision, used_anchor)`` for ``reading``.

    ``hint`` is the direction (-1 past, +1 future) suggested by the clause, used for a weekday
    alone. Without an anchor, a value that needs one is underspecified (``XXXX-11-24``) or
    empty.
    """
    r = reading
    if r.relative_days is not None:
        if anchor is None:
            return "", "day", True
        return (anchor + dt.timedelta(days=r.relative_days)).isoformat(), "day", True
    if r.offset is not None and r.unit is not None:
        return _shift_unit(anchor, r.unit, r.offset)
    if r.century is not None:
        return f"{r.century - 1:02d}", "century", False
    if r.decade is not None:
        return f"{r.decade:03d}", "decade", False
    if r.season is not None:
        if r.year is not None:
            return f"{r.year:04d}-{r.season}", "season", False
        if r.direction is None:
            return f"XXXX-{r.season}", "season", False
        if anchor is None:
            return "", "season", True
        return f"{_season_year(anchor, r.season, r.direction):04d}-{r.season}", "season", True
    if r.unit is not None and r.day is None and r.month is None and r.year is None:
        return _shift_unit(anchor, r.unit, r.direction or 0, hint)
    if r.day is not None and r.month is not None:
        return _resolve_day(r, anchor)
    if r.month is not None:
        if r.year is not None:
            return f"{r.year:04d}-{r.month:02d}", "month", False
        if anchor is None:
            return f"XXXX-{r.month:02d}", "month", True
        here = anchor.year * 12 + anchor.month - 1
        months = [((y * 12 + r.month - 1) - here, (y, r.month))
                  for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
        year, month = _pick(months, r.direction) or (anchor.year, r.month)
        return f"{year:04d}-{month:02d}", "month", True
    if r.year is not None:
        return f"{r.year:04d}", "year", False
    if r.weekday is not None:
        if anchor is None:
            return "", "day", True
        return _weekday_date(anchor, r.weekday, r.direction, hint).isoformat(), "day", True
    return "", "day", False


def _resolve_day(r: Reading, anchor: dt.date | None) -> tuple[str, str, bool]:
    assert r.day is not None and r.month is not None
    if r.year is not None:
        day = _safe_date(r.year, r.month, r.day)
        return (day.isoformat() if day else ""), "day", False
    if anchor is None:
        return f"XXXX-{r.month:02d}-{r.day:02d}", "day", True
    options = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1)
               if (d := _safe_date(y, r.month, r.day)) is not None]
    if r.weekday is not None and r.direction is None:
        agreeing = [d for d in options if d.weekday() == r.weekday]
        options = agreeing or options
    chosen = _pick([((d - anchor).days, d) for d in options], r.direction)
    return (chosen.isoformat() if chosen else ""), "day", True


def _shift_unit(anchor: dt.date | None, unit: str, offset: int,
                hint: int | None = None) -> tuple[str, str, bool]:
    precision = {"weekend": "week"}.get(unit, unit)
    if anchor is None:
        return "", precision, True
    if unit == "day":
        return (anchor + dt.timedelta(days=offset)).isoformat(), "day", True
    if unit == "weekend" and offset == 0 and anchor.weekday() < 5:
        # "ce week-end" said on a weekday: the coming one, or the past one when the clause is
        # in the past tense (or, with no cue, when it is nearer: Monday, Tuesday)
        past = hint == -1 or (hint is None and anchor.weekday() <= 1)
        day = anchor - dt.timedelta(days=anchor.weekday() + 1) if past else anchor
        return _week(day) + "-WE", "week", True
    if unit in ("week", "weekend"):
        value = _week(anchor + dt.timedelta(weeks=offset))
        return (value + "-WE" if unit == "weekend" else value), "week", True
    if unit == "month":
        year, month = _add_months(anchor.year, anchor.month, offset)
        return f"{year:04d}-{month:02d}", "month", True
    if unit == "quarter":
        year, month = _add_months(anchor.year, anchor.month, 3 * offset)
        return f"{year:04d}-Q{(month - 1) // 3 + 1}", "quarter", True
    if unit == "half":
        year, month = _add_months(anchor.year, anchor.month, 6 * offset)
        return f"{year:04d}-H{(month - 1) // 6 + 1}", "half", True
    if unit == "year":
        return f"{anchor.year + offset:04d}", "year", True
    if unit == "decade":
        return f"{anchor.year // 10 + offset:03d}", "decade", True
    if unit == "century":
        return f"{anchor.year // 100 + offset:02d}", "century", True
    return "", precision, True


# ---------------------------------------------------------------------------------------------
# Context cues: tense and bounds
# ---------------------------------------------------------------------------------------------

_FUTURE_ENDINGS = ("rai", "ras", "ra", "rons", "rez", "ront")
_NOT_FUTURE = frozenset({"opéra", "caméra", "extra", "contra", "cobra", "tiara", "mantra",
                         "agora", "hydra", "sera-t-il", "fra", "para", "ultra", "vera"})
_PAST_AUX = frozenset({"a", "ont", "avait", "avaient", "est", "sont", "était", "étaient", "ai",
                       "avons", "avez", "as", "eut", "fut", "furent", "s'est"})
_PARTICIPLE_RE = re.compile(r"^[a-zàâçéèêëîïôûùüÿœ]{2,}(é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|"
                            r"it|ite|its|ert|erte|int|ainte|ort)$")


def _clause(doc: Doc, start: int, end: int, reach: int = 15) -> list[Token]:
    tokens: list[Token] = []
    i = start - 1
    while i >= max(0, start - reach) and doc[i].text not in SENTENCE_BREAKS:
        tokens.append(doc[i])
        i -= 1
    i = end
    while i < min(len(doc), end + reach) and doc[i].text not in SENTENCE_BREAKS:
        tokens.append(doc[i])
        i += 1
    return tokens


def _token_tense(token: Token, doc: Doc) -> int | None:
    tense = token.morph.get("Tense")
    if tense:
        if "Fut" in tense:
            return 1
        if "Past" in tense or "Imp" in tense:
            return -1
        return None
    word = _norm(token.text)
    if not token.text.islower() or not word.replace("-", "").isalpha():
        return None
    if word in ("hier", "avant-hier"):
        return -1
    if word in ("demain", "après-demain", "prochainement"):
        return 1
    if word in _PAST_AUX:
        nxt = doc[token.i + 1: token.i + 3]
        if any(_PARTICIPLE_RE.match(_norm(t.text)) for t in nxt):
            return -1
        return None
    if len(word) > 4 and (word.endswith("ait") or word.endswith("aient")):
        return -1
    if word in ("va", "vont", "allons", "doit", "doivent", "devra"):
        following = doc[token.i + 1: token.i + 3]
        if any(re.match(r"^[a-zéè]+(er|ir|re)$", _norm(t.text)) for t in following):
            return 1
        return None
    if len(word) >= 4 and word.endswith(_FUTURE_ENDINGS) and word not in _NOT_FUTURE \
            and not word.endswith(("tra", "ora", "éra")):
        return 1
    return None


def tense_hint(doc: Doc, start: int, end: int) -> int | None:
    """Return -1 (past), +1 (future) or None from the clause around tokens ``start:end``.

    Uses ``token.morph`` when a tagger ran, else French verb-form cues: auxiliary plus past
    participle, imperfect ``-ait``, future ``-ra``/``-ront``, ``va``/``doit`` + infinitive.
    The cue closest to the expression wins.
    """
    left = [_norm(t.text) for t in doc[max(0, start - 2): start]]
    if "depuis" in left:
        return -1
    best: tuple[int, int] | None = None
    for token in _clause(doc, start, end):
        sign = _token_tense(token, doc)
        if sign is None:
            continue
        distance = start - token.i if token.i < start else token.i - end + 1
        if best is None or distance < best[0]:
            best = (distance, sign)
    return best[1] if best else None


_DETERMINERS = frozenset({"le", "la", "les", "l'"})


def bound_of(doc: Doc, start: int) -> str:
    """Return ``start``/``end``/``point`` from the words before token ``start``."""
    words = [_norm(t.text) for t in doc[max(0, start - 4): start]]
    while words and words[-1] in _DETERMINERS:
        words.pop()
    if not words:
        return "point"
    last = words[-1]
    before = words[-2] if len(words) > 1 else ""
    if last in ("depuis", "dès", "après"):
        return "start"
    if last in ("du", "de", "d'") and before == "partir":
        return "start"
    if last in ("avant",):
        return "end"
    if last in ("au", "à", "en") and before == "jusqu'":
        return "end"
    if last == "ici" and before == "d'":
        return "end"
    if last == "tard" and before == "plus":
        return "end"
    return "point"


# ---------------------------------------------------------------------------------------------
# The component
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Found:
    span: Span            # extent written to doc.spans
    rule: str
    reading: Reading
    pieces: tuple[Reading, ...] = ()  # the two ends of a range
    body_start: int = -1  # first token after the article or preposition kept in the extent

    @property
    def start(self) -> int:
        """Token index where the expression itself starts (for context cues)."""
        return self.body_start if self.body_start >= 0 else self.span.start


def _clock_after(doc: Doc, end: int) -> bool:
    """True when ``à`` and a clock time follow token ``end``: ``hier [à 10 h]`` (``mardi vers
    21 h`` keeps its day: an approximate time is a separate expression)."""
    words = [_norm(t.text) for t in doc[end: end + 3]]
    return len(words) == 3 and words[0] == "à" and words[1].isdigit() and words[2] in CLOCK_UNITS


def _split_at(tokens: Sequence[Token], words: Iterable[str]) -> int | None:
    stops = set(words)
    for i, tok in enumerate(tokens):
        if _norm(tok.text) in stops and i > 0:
            return i
    return None


def _complete(first: Reading, second: Reading) -> Reading:
    """Give the first end of a range what it omits and the second end says (month, year...)."""
    return replace(first,
                   month=first.month if first.month is not None else second.month,
                   year=first.year if first.year is not None else second.year,
                   direction=first.direction if first.direction is not None
                   else second.direction)


class DateExtractor:
    """Find French date expressions, resolve them to ISO 8601 values (label ``DATE``)."""

    def __init__(self, vocab: Vocab, timeml_extent: bool = False,
                 time_of_day: bool = True, absolute_only: bool = False,
                 preposition_extent: bool = False) -> None:
        """Build the Matcher; ``timeml_extent`` keeps day-date articles in spans (TimeBank);
        ``time_of_day=False`` leaves out ``hier soir``, ``mardi matin`` and days next to a
        clock time (TIMEs in TimeML); ``absolute_only`` keeps only the dates whose text gives
        the year; ``preposition_extent`` puts the introducing article or preposition in the
        span (see the module docstring)."""
        self.timeml_extent = timeml_extent
        self.time_of_day = time_of_day
        self.absolute_only = absolute_only
        self.preposition_extent = preposition_extent
        self._leads: dict[tuple[int, int, str], int] = {}
        self.matcher = Matcher(vocab)
        self.specs = build_patterns()
        self.false_positives = year_false_positives()
        for i, spec in enumerate(self.specs):
            self.matcher.add(f"{spec.rule}#{i}", [[*spec.context, *spec.det, *spec.body]])
        self._spec_by_key = {vocab.strings[f"{spec.rule}#{i}"]: spec
                             for i, spec in enumerate(self.specs)}

    # -- matching ------

    def _candidates(self, doc: Doc) -> list[Span]:
        spans: list[Span] = []
        for key, start, end in self.matcher(doc):
            spec = self._spec_by_key[key]
            body_start = start + len(spec.context) + len(spec.det)
            span_start = start + len(spec.context) if self.timeml_extent else body_start
            if not self._valid(doc, spec, start, body_start, end):
                continue
            span = Span(doc, span_start, end, label=spec.rule)
            if self.preposition_extent:
                lead = self._lead_start(doc, spec, start + len(spec.context), end)
                key = (span.start, span.end, span.label_)
                self._leads[key] = min(lead, self._leads.get(key, lead))
            spans.append(span)
        return spans

    def _lead_start(self, doc: Doc, spec: PatternSpec, det_start: int, end: int) -> int:
        """``preposition_extent``: the start of the span with the article of a day date
        (``[le 3 mars 1921]``, ``[au 1er octobre 1927]``) or the preposition of a month,
        season or year (``[en 1927]``, ``[de février 1923]``). The determiner of a pattern
        (``l'année``, ``les années``) stays out unless ``timeml_extent``."""
        if spec.det and self.timeml_extent:
            return det_start
        start = det_start + len(spec.det)
        if spec.rule == "dates.year" and len(spec.context) == 1 and not spec.det:
            return start - 1 if _norm(doc[start - 1].text) in PREPOSITION_LEADS else start
        if start == 0:
            return start
        first, prev = _norm(doc[start].text), _norm(doc[start - 1].text)
        if first in DAY_LEADS:
            return start  # the article is already there
        body = [_norm(t.text) for t in doc[start:end]]
        day_first = (first.isdigit() or first == "1er" or first in WEEKDAYS) and any(
            w in MONTHS for w in body)
        if day_first and spec.rule in ("dates.day_month", "dates.numeric", "dates.day_coord",
                                       "dates.range"):
            return start - 1 if prev in DAY_LEADS else start
        if spec.rule in ("dates.month_year", "dates.month", "dates.year", "dates.season",
                         "dates.year_range", "dates.decade") and prev in PREPOSITION_LEADS:
            return start - 1
        return start

    def _valid(self, doc: Doc, spec: PatternSpec, start: int, body_start: int,
               end: int) -> bool:
        body = doc[body_start:end]
        words = [_norm(t.text) for t in body]
        prev = _norm(doc[start - 1].text) if start > 0 else ""
        prev2 = _norm(doc[start - 2].text) if start > 1 else ""
        nxt = doc[end] if end < len(doc) else None
        if not self.time_of_day and words[-1] in TIME_OF_DAY:
            return False
        if nxt is not None and _norm(nxt.text) in ("-là", "là"):
            return False  # anaphoric "cette année-là", "ce lundi-là": no anchor-based value
        if spec.rule == "dates.year":
            return self._valid_year(doc, spec, start, body_start, end)
        if spec.rule == "dates.year_range":
            first, second = int(words[0]), int(words[-1])
            if second < 100:
                second += first // 100 * 100
            return first < second and not self._counted(nxt)
        if not self.time_of_day and nxt is not None and _norm(nxt.text) in TIME_OF_DAY:
            return False  # "hier [soir]" is a TIME: not "hier" alone either
        if not self.time_of_day and spec.rule in ("dates.relative_day", "dates.weekday") and (
                _clock_after(doc, end)):
            return False  # "[Hier à 9 h]" is a TIME
        if any(w in FIRST_MARKS for w in words):
            i = next(i for i, w in enumerate(words) if w in FIRST_MARKS)
            if i == 0 or words[i - 1] != "1":
                return False  # only the "er" of "1er" comes loose: "1 er janvier"
        if spec.rule in ("dates.day_month", "dates.day_coord", "dates.range",
                         "dates.month_year"):
            # a year followed by a counted noun is a count: "le 3 mars 20 manifestants"
            last = body[-1]
            if last.text.isdigit() and len(last.text) == 2 and not last.whitespace_ and \
                    nxt is not None and (nxt.text[:1] in "-*/" or nxt.text[:1].isdigit()):
                return False  # "11 juin 15-2": the start of a longer number, not "juin 2015"
            return not (last.text.isdigit() and len(last.text) in (2, 4)
                        and self._counted(nxt))
        if spec.rule == "dates.weekday":
            has_modifier = any(w in LAST_WORDS or w in NEXT_WORDS or w in THIS_WORDS
                               for w in words)
            if not has_modifier and prev in ("le", "les", "chaque", "tous", "des", "du",
                                             "au", "certains", "quel"):
                return False  # habitual "le mercredi", "du lundi au vendredi"
            return True
        if spec.rule == "dates.relative_day":
            # "l'Europe de demain", "les jeunes d'aujourd'hui": generic, not a date
            return not (prev in ("de", "d'") and prev2 != "partir")
        return True

    def _valid_year(self, doc: Doc, spec: PatternSpec, start: int, body_start: int,
                    end: int) -> bool:
        nxt_token = doc[end] if end < len(doc) else None
        before_year = _norm(doc[body_start - 1].text) if body_start > 0 else ""
        if before_year in self.false_positives["before"]:
            return False
        if self._counted(nxt_token):
            return False
        trigger = _norm(doc[start].text) if spec.context else ""
        if trigger in YEAR_TRIGGERS_WEAK:
            before_trigger = _norm(doc[start - 1].text) if start > 0 else ""
            if before_trigger in QUANTITY_WORDS:
                return False
            if int(doc[body_start].text) < WEAK_TRIGGER_MIN_YEAR:
                return False  # "des coupures de 1000."
            if nxt_token is not None and not (nxt_token.is_punct or nxt_token.is_space):
                return False  # "les législatives de 2024," but not "passé de 1500 à 1800"
        if trigger in ("(", ","):
            # a year closing a parenthesis: "(1927)", "(Lycée, 1925)"
            if nxt_token is None or nxt_token.text != ")":
                return False
            if trigger == ",":
                opened = [t.text for t in doc[max(0, start - 8):start]]
                return "(" in opened and ")" not in opened[len(opened) - opened[::-1].index(
                    "("):]
        return True

    def _counted(self, token: Token | None) -> bool:
        """True when ``token``, right after a number, shows the number is a count: a unit
        from the false-positive list (``euros``, ``%``), another number (``2 025 000``) or
        a plural noun (``exemplaires``)."""
        if token is None:
            return False
        word = _norm(token.text)
        if word in self.false_positives["after"] or token.like_num:
            return True
        return (token.is_alpha and token.text.islower() and len(word) > 3
                and word.endswith(("s", "x")) and word not in FUNCTION_WORDS)

    # -- reading ------

    def _body_tokens(self, span: Span) -> list[Token]:
        """The span's tokens without a leading article or preposition (kept only with
        ``timeml_extent`` or ``preposition_extent``)."""
        tokens = list(span)
        leads = {"le", "les"}
        if self.preposition_extent:
            leads |= {*DAY_LEADS, *PREPOSITION_LEADS}
        while tokens and _norm(tokens[0].text) in leads and len(tokens) > 1:
            tokens = tokens[1:]
        if len(tokens) > 2 and _norm(tokens[0].text) == "l'" and _norm(tokens[1].text) in (
                "année", "an") and tokens[2].text.isdigit():
            tokens = tokens[2:]
        return tokens

    def _found(self, doc: Doc, span: Span) -> list[_Found]:
        rule = span.label_
        tokens = self._body_tokens(span)
        body = tokens[0].i
        if rule == "dates.year_range":
            first = int(tokens[0].text)
            second = int(tokens[-1].text)
            if second < 100:
                second += first // 100 * 100
            ends = (Reading(year=first), Reading(year=second))
            if self.timeml_extent:  # TimeML: one TIMEX3 per year
                return [_Found(doc[span.start: tokens[0].i + 1], "dates.year", ends[0], (), body),
                        _Found(doc[tokens[-1].i: span.end], "dates.year", ends[1])]
            return [_Found(span, rule, ends[1], ends, body)]
        if rule in ("dates.range", "dates.day_coord"):
            cut = _split_at(tokens, ("au", "à", "et"))
            assert cut is not None
            left, right = tokens[:cut], tokens[cut + 1:]
            while right and _norm(right[0].text) in ("le", "les"):
                right = right[1:]
            second = read_tokens(right, rule)
            first = _complete(read_tokens(left, rule), second)
            if rule == "dates.range":
                return [_Found(span, rule, second, (first, second), body)]
            left_span = doc[span.start: left[-1].i + 1]
            return [_Found(left_span, "dates.day_coord", first, (), body),
                    _Found(doc[right[0].i: span.end], "dates.day_coord", second)]
        return [_Found(span, rule, read_tokens(tokens, rule), (), body)]

    # -- public API ------------------------------------------------------------------------------

    def _select(self, doc: Doc) -> list[Span]:
        spans = self._candidates(doc)
        dateline = doc._.dateline or {}
        lo, hi = dateline.get("date_start_char"), dateline.get("date_end_char")
        if isinstance(lo, int) and isinstance(hi, int):
            spans = [s for s in spans if s.end_char <= lo or s.start_char >= hi]
        chosen = sorted(filter_spans(spans), key=lambda s: s.start)
        if self.preposition_extent:  # chosen on the dates themselves, then extended
            extended: list[Span] = []
            for span in chosen:
                lead = self._leads.get((span.start, span.end, span.label_), span.start)
                if lead < span.start and (not extended or extended[-1].end <= lead):
                    span = Span(doc, lead, span.end, label=span.label_)
                extended.append(span)
            chosen = extended
        self._leads.clear()
        return chosen

    def explicit_dates(self, doc: Doc) -> list[dt.date]:
        """Return the fully specified dates (day, month and year written) of ``doc``."""
        out: list[dt.date] = []
        for span in self._select(doc):
            for found in self._found(doc, span):
                for r in found.pieces or (found.reading,):
                    if r.year is not None and r.month is not None and r.day is not None:
                        day = _safe_date(r.year, r.month, r.day)
                        if day is not None:
                            out.append(day)
        return out

    def anchor(self, doc: Doc, found: Sequence[_Found] | None = None) -> dict[str, str] | None:
        """Return the anchor ``{"date", "source"}`` used for ``doc`` (see module docstring)."""
        if _parse_iso(doc._.doc_date) is not None:
            return {"date": _parse_iso(doc._.doc_date).isoformat(),  # type: ignore[union-attr]
                    "source": "metadata"}
        dateline = doc._.dateline or {}
        if _parse_iso(dateline.get("date")) is not None:
            source = "inferred" if dateline.get("date_source") == "inferred" else "dateline"
            return {"date": str(dateline["date"]), "source": source}
        if found is None:
            found = [f for s in self._select(doc) for f in self._found(doc, s)]
        explicit = [d for f in found for r in (f.pieces or (f.reading,))
                    if r.year is not None and r.month is not None and r.day is not None
                    and (d := _safe_date(r.year, r.month, r.day)) is not None]
        if explicit:
            return {"date": max(explicit).isoformat(), "source": "inferred"}
        return None

    def process(self, doc: Doc) -> list[Span]:
        """Return the DATE spans of ``doc``, each with its ISO value as ``kb_id_``.

        Pure: reads ``doc._.doc_date`` and ``doc._.dateline``, writes nothing. The values of
        each span (rule, form, precision, bound, anchored) are in :meth:`annotate`.
        """
        return [span for span, _ in self.annotate(doc)[0]]

    def annotate(self, doc: Doc) -> tuple[list[tuple[Span, dict[str, Any]]],
                                          dict[str, str] | None]:
        """Return ``([(span, attrs)], anchor)`` for ``doc`` without writing to it."""
        found = [f for s in self._select(doc) for f in self._found(doc, s)]
        anchor_info = self.anchor(doc, found)
        anchor = _parse_iso(anchor_info["date"]) if anchor_info else None
        source = anchor_info["source"] if anchor_info else None
        results: list[tuple[Span, dict[str, Any]]] = []
        bounds = [bound_of(doc, f.start) for f in found]
        self._pair_ends(doc, found, bounds)
        for f, bound in zip(found, bounds, strict=True):
            hint = tense_hint(doc, f.start, f.span.end)
            if f.pieces:
                (v1, p1, a1), (v2, _, a2) = (resolve(r, anchor, hint) for r in f.pieces)
                value = f"{v1}/{v2}" if v1 and v2 else ""
                precision, used, bound = p1, a1 or a2, "range"
            else:
                value, precision, used = resolve(f.reading, anchor, hint)
            if self.absolute_only and (used or not value or value.startswith("XXXX") or (
                    f.rule == "dates.decade" and len(f.span[-1].text) == 2)):
                continue  # needs the story's date, generic ("en été"), "les années 20"
            if used:
                anchored: str | None = source if anchor is not None else "missing"
            else:
                anchored = None
            attrs: dict[str, Any] = {
                "rule": f.rule, "form": _form(f, used), "precision": precision,
                "bound": bound, "anchored": anchored,
            }
            if f.reading.part is not None:
                attrs["mod"] = f.reading.part
            results.append((Span(doc, f.span.start, f.span.end, label=LABEL, kb_id=value),
                            attrs))
        return results, anchor_info

    def _pair_ends(self, doc: Doc, found: list[_Found], bounds: list[str]) -> None:
        """Mark ``du A au B`` / ``de A à B`` / ``entre A et B`` as start and end; give A the
        year of B when A has none (``du lundi 7 octobre au jeudi 10 octobre 2024``)."""
        for i in range(len(found) - 1):
            a, b = found[i], found[i + 1]
            between = [_norm(t.text) for t in doc[a.span.end: b.start]]
            between = [w for w in between if w not in _DETERMINERS]
            opener = [_norm(t.text) for t in doc[max(0, a.start - 2): a.start]]
            opener = [w for w in opener if w not in _DETERMINERS]
            if not opener or a.pieces or b.pieces:
                continue
            pair = (opener[-1], tuple(between))
            if pair[0] in ("du", "de", "d'", "depuis") and pair[1] in (("au",), ("à",)) or \
                    pair[0] == "entre" and pair[1] == ("et",):
                bounds[i], bounds[i + 1] = "start", "end"
                if a.reading.year is None and b.reading.year is not None and \
                        a.reading.month is not None:
                    year = b.reading.year
                    if (a.reading.month, a.reading.day or 1) > (b.reading.month or 12,
                                                                b.reading.day or 31):
                        year -= 1
                    found[i] = replace(a, reading=replace(a.reading, year=year))

    def __call__(self, doc: Doc) -> Doc:
        """Write ``doc.spans["dates"]``, the span values and ``doc._.anchor``."""
        results, anchor_info = self.annotate(doc)
        write_span_group(doc, FAMILY, results)
        doc._.anchor = anchor_info
        return doc


def _form(found: _Found, used_anchor: bool) -> str:
    if found.rule in ("dates.numeric", "dates.iso"):
        return "numeric"
    r = found.reading
    if r.relative_days is not None or r.offset is not None or (
            r.unit is not None and r.direction is not None) or (
            r.weekday is not None and r.day is None):
        return "relative"
    if used_anchor:
        return "partial"
    return "absolute"


def _parse_iso(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


@Language.factory(
    "depeche_dates",
    default_config={"timeml_extent": False, "time_of_day": True, "absolute_only": False,
                    "preposition_extent": False},
)
def create_date_extractor(nlp: Language, name: str, timeml_extent: bool, time_of_day: bool,
                          absolute_only: bool, preposition_extent: bool) -> DateExtractor:
    """Create the ``depeche_dates`` component (see :class:`DateExtractor`)."""
    register_extensions()
    return DateExtractor(nlp.vocab, timeml_extent=timeml_extent, time_of_day=time_of_day,
                         absolute_only=absolute_only, preposition_extent=preposition_extent)
