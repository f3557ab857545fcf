"""The date grammar: closed word lists, atomic token patterns, the named composed patterns
and, beside them, the checks that reject their false positives.

Patterns are spaCy ``Matcher`` token specs composed from small named parts (``DAY``, ``MONTH``,
``YEAR``, ``WEEKDAY``...); every composed pattern is a :class:`PatternSpec` named by its rule
(``dates.day_month``, ``dates.year``...). :func:`is_date` holds what the patterns
cannot say: the words that make a number a count or a reference (``2025 euros``, ``article
2025``, from ``dates_year_false_positives.csv``), habitual weekdays (``le mercredi``), generic
deictic words (``le monde de demain``), clock times when ``time_of_day`` is off.

Old print and OCR
    ``1 er``, ``1 °``, ``1 "`` are ``1er`` whose superscript came loose; two digits glued to a
    dash or a digit (``juin 15-2``) start a longer number, not a two-digit year; a year alone
    closing a parenthesis is a date (``(1927)``, ``(Lycée, 1925)``); ``1914-1918``,
    ``1939-45`` are year ranges (value ``1914/1918``, bound ``range``).

Amounts
    After a weak trigger (``de``, ``pour``), a number is an amount, not a year, after a
    quantity word or a copula (``plus de 2000``, ``le nombre est de 1500``) and below 1500
    (``des coupures de 1000``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Token

from pipeline.entities.gazetteers import fold, read_csv

__all__ = [
    "ANCHOR_WORDS",
    "DAY_RE",
    "MONTHS",
    "NUMERIC_RE",
    "WEEKDAYS",
    "YEAR_RE",
    "PatternSpec",
    "build_patterns",
    "counted",
    "is_date",
    "may_anchor",
    "anchor_words",
    "first_anchor",
    "is_anchor_token",
    "NUMBER_REGEXES",
    "month_number",
    "norm",
    "two_digit_year",
    "year_false_positives",
    "year_range",
]

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
#: ``eté``: ``Eté`` with the accent dropped on the capital.
SEASONS: dict[str, str] = {"printemps": "SP", "été": "SU", "eté": "SU", "automne": "FA",
                           "hiver": "WI"}
#: Calendar units that take ``ce``/``dernier``/``prochain``: unit word -> value kind.
CALENDAR_UNITS: dict[str, str] = {
    "semaine": "week", "week-end": "weekend", "weekend": "weekend", "mois": "month",
    "an": "year", "année": "year", "trimestre": "quarter", "semestre": "half",
    "décennie": "decade", "siècle": "century",
}
#: Movable and fixed feasts: word -> days after Easter Sunday (``int``) or ``(month, day)``.
FEASTS: dict[str, int | tuple[int, int]] = {
    "pâques": 0, "paques": 0, "ascension": 39, "pentecôte": 49, "pentecote": 49,
    "noël": (12, 25), "noel": (12, 25), "toussaint": (11, 1), "saint-sylvestre": (12, 31),
}
#: Words before a feast that make it no date (``le père Noël``, ``l'île de Pâques``).
FEAST_NOT_AFTER: frozenset[str] = frozenset({"père", "papa", "arbre", "sapin", "île", "œufs",
                                             "oeufs", "bûche", "chant", "chants", "conte"})
#: Days counted from the date told just before: ``le lendemain``, ``la veille``.
PREVIOUS_DAYS: dict[str, int] = {"lendemain": 1, "surlendemain": 2, "veille": -1,
                                 "avant-veille": -2}
#: ``l'année suivante`` (+1), ``le mois précédent`` (-1): counted from the date told before.
FOLLOWING_WORDS: dict[str, int] = {"suivant": 1, "suivante": 1, "précédent": -1,
                                   "précédente": -1}
#: Ordinals of ``le premier trimestre``, ``le second semestre``.
ORDINAL_WORDS: dict[str, int] = {
    "premier": 1, "première": 1, "1er": 1, "deuxième": 2, "second": 2, "seconde": 2, "2e": 2,
    "troisième": 3, "3e": 3, "quatrième": 4, "4e": 4,
}
#: Decades written in words: ``les années soixante`` (the 1960s).
DECADE_WORDS: dict[str, int] = {
    "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
    "soixante-dix": 70, "quatre-vingt": 80, "quatre-vingts": 80, "quatre-vingt-dix": 90,
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
#: A year with no trigger word before it is a date only in this span of years (recent news)
#: and not after a quantity word, a weak trigger or a determiner (``les 2000 [...]``).
BARE_YEARS: tuple[int, int] = (1950, 2039)
BARE_YEAR_NOT_AFTER: frozenset[str] = frozenset({
    *QUANTITY_WORDS, *YEAR_TRIGGERS_WEAK, "les", "des", "ces", "aux", "à", "et", "ou", "+",
    "-", "x", "×", "sur", "par", "quelque", "quelques", "soit", "(", ",", "/"})
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


def norm(text: str) -> str:
    """Lower-case ``text`` and unify typographic apostrophes to ``'`` (accents kept).

    >>> norm("Aujourd’hui")
    "aujourd'hui"
    """
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
    return MONTHS.get(norm(word))


# ---------------------------------------------------------------------------------------------
# Pattern parts (spaCy Matcher token specs)
# ---------------------------------------------------------------------------------------------

Tok = dict[str, Any]

_MONTH_ALT = "|".join(re.escape(m) for m in sorted(MONTHS, key=len, reverse=True))
DAY_RE = re.compile(r"^(1er|0?[1-9]|[12][0-9]|3[01])$")
YEAR_RE = re.compile(r"^(1[0-9]{3}|20[0-9]{2})$")
NUMERIC_RE = re.compile(
    r"^(0?[1-9]|[12][0-9]|3[01])([/.])(0?[1-9]|1[0-2])\2([0-9]{4}|[0-9]{2})$")
MI_RE = re.compile(rf"^mi-(?:({_MONTH_ALT})|(1[0-9]{{3}}|20[0-9]{{2}}))$")
ORDINAL_RE = re.compile(r"^(?:([ivxlc]+)|([0-9]{1,2}))(?:e|ème|eme|è)$")

DAY: Tok = {"TEXT": {"REGEX": DAY_RE.pattern}}
MONTH: Tok = {"LOWER": {"IN": list(MONTHS)}}
#: A month name standing alone: not the planet ``Mars`` nor the name ``Mai``.
MONTH_ALONE: Tok = {"LOWER": {"IN": list(MONTHS)}, "TEXT": {"NOT_IN": list(AMBIGUOUS_MONTHS)}}
YEAR: Tok = {"TEXT": {"REGEX": YEAR_RE.pattern}}
YEAR_2: Tok = {"TEXT": {"REGEX": r"^[0-9]{2}$"}}
YEAR_ANY: Tok = {"TEXT": {"REGEX": r"^(1[0-9]{3}|20[0-9]{2}|[0-9]{2})$"}}
WEEKDAY: Tok = {"LOWER": {"IN": list(WEEKDAYS)}}
RELATIVE_DAY: Tok = {"LOWER": {"IN": _forms(RELATIVE_DAYS)}}
LAST_OR_NEXT: Tok = {"LOWER": {"IN": [*LAST_WORDS, *NEXT_WORDS]}}
THIS: Tok = {"LOWER": {"IN": list(THIS_WORDS)}}
PART: Tok = {"LOWER": {"IN": ["début", "fin", "courant"]}}
FEAST: Tok = {"LOWER": {"IN": list(FEASTS)}}
PREVIOUS_DAY: Tok = {"LOWER": {"IN": list(PREVIOUS_DAYS)}}
ORDINAL_WORD: Tok = {"LOWER": {"IN": list(ORDINAL_WORDS)}}
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
    add(_spec("dates.range", [DAY, ET, LE, *tail], context=[_word("entre")], det=[LE]))
    add(_spec("dates.range", [DAY, ET, *tail], context=[_word("entre")], det=[LE]))
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
    # a recent year in running text: le budget 2026, la saison 2024/2025, 1998 a été
    add(_spec("dates.year", [YEAR]))
    # year ranges written with a dash: 1914-1918, 1939-45
    add(_spec("dates.year_range", [{**YEAR, "SPACY": False}, DASH_NS,
                                   {"TEXT": {"REGEX": r"^(1[0-9]{3}|20[0-9]{2}|[0-9]{2})$"}}]))
    # seasons: l'été 2024, cet hiver, l'automne dernier, en été (generic)
    add(_spec("dates.season", [_opt(_word("l'")), SEASON, YEAR]))
    add(_spec("dates.season", [_word("l'", "cet", "cette"), SEASON, _opt(LAST_OR_NEXT)]))
    add(_spec("dates.season", [SEASON], context=[_word("en")]))
    add(_spec("dates.season", [SEASON_SAFE, LAST_OR_NEXT]))
    add(_spec("dates.season", [SEASON, _word("de", "d'"), YEAR], det=[_word("l'")]))
    # "été comme hiver" (generic; checked in is_date)
    add(_spec("dates.season", [SEASON]))
    # deictic days: hier, aujourd'hui vendredi, avant-hier soir
    add(_spec("dates.relative_day", [RELATIVE_DAY, _opt(WEEKDAY), _opt(TIME_WORD)]))
    # weekdays: mardi, mardi dernier, lundi prochain, ce lundi, vendredi soir
    add(_spec("dates.weekday", [_opt(THIS), WEEKDAY, _opt(LAST_OR_NEXT), _opt(TIME_WORD)]))
    # calendar units: la semaine dernière, le mois prochain, l'an dernier, cette année
    add(_spec("dates.unit", [THIS, UNIT]))
    add(_spec("dates.unit", [_word("la"), {"LOWER": "nouvelle"}, {"LOWER": "année"}]))
    add(_spec("dates.unit", [THIS, *WEEK_END]))
    add(_spec("dates.unit", [_word("la", "le", "l'"), UNIT, LAST_OR_NEXT]))
    add(_spec("dates.unit", [_word("le"), *WEEK_END, LAST_OR_NEXT]))
    add(_spec("dates.unit", [_opt(_word("la", "le")), PART, DE, _opt(_word("l'", "la", "cette",
                                                                          "ce")),
                             UNIT, _opt(LAST_OR_NEXT)]))
    # feasts: à Pâques, la Toussaint, Noël 2024, le lundi de Pentecôte
    add(_spec("dates.feast", [FEAST, _opt(YEAR)]))
    add(_spec("dates.feast", [FEAST, _opt(YEAR)], det=[_word("la", "l'")]))
    new_year = [{"LOWER": "jour"}, DE, L_APOS, {"LOWER": "an"}, _opt(YEAR)]
    add(_spec("dates.feast", new_year))
    add(_spec("dates.feast", new_year, det=[LE]))
    add(_spec("dates.feast", [{"LOWER": "nouvel"}, {"LOWER": "an"}, _opt(YEAR)]))
    add(_spec("dates.feast", [{"LOWER": "lundi"}, DE, FEAST, _opt(YEAR)]))
    add(_spec("dates.feast", [{"LOWER": "lundi"}, DE, FEAST, _opt(YEAR)], det=[LE]))
    # days counted from the date told before: le lendemain, la veille, le même jour,
    # trois jours plus tard
    add(_spec("dates.previous", [_word("le", "la", "l'"), PREVIOUS_DAY]))
    add(_spec("dates.previous", [LE, {"LOWER": "même"}, {"LOWER": "jour"}]))
    add(_spec("dates.previous", [LE, {"LOWER": "jour"}, {"LOWER": "même"}]))
    add(_spec("dates.previous", [_word("le", "la", "l'"),
                                 _word("jour", "semaine", "mois", "an", "année"),
                                 {"LOWER": {"IN": list(FOLLOWING_WORDS)}}]))
    add(_spec("dates.previous", [LE, WEEKDAY, {"LOWER": {"IN": list(FOLLOWING_WORDS)}}]))
    add(_spec("dates.previous", [COUNT, COUNT_UNIT, {"LOWER": "plus"},
                                 _word("tard", "tôt")]))
    # quarters and halves: le premier trimestre 2026, au second semestre
    ordinal_unit = [ORDINAL_WORD, _word("trimestre", "semestre"), _opt(YEAR)]
    add(_spec("dates.ordinal_unit", ordinal_unit))
    add(_spec("dates.ordinal_unit", ordinal_unit, det=[LE]))
    add(_spec("dates.ordinal_unit", [*ordinal_unit[:2], DE, YEAR]))
    add(_spec("dates.ordinal_unit", [*ordinal_unit[:2], DE, YEAR], det=[LE]))
    # counted offsets: il y a deux jours, dans trois semaines
    add(_spec("dates.offset", [{"LOWER": "il"}, {"LOWER": "y"}, {"LOWER": "a"}, COUNT,
                               COUNT_UNIT]))
    add(_spec("dates.offset", [{"LOWER": "dans"}, COUNT, COUNT_UNIT]))
    # decades and centuries: les années 1990, années 90, le XIXe siècle
    decade = [{"LOWER": "années"}, {"LOWER": {"REGEX": r"^(1[0-9]{2}0|20[0-9]0|[0-9]0)$"}}]
    decade_word = [{"LOWER": "années"}, {"LOWER": {"IN": list(DECADE_WORDS)}}]
    for years in (decade, decade_word):
        add(_spec("dates.decade", years))
        add(_spec("dates.decade", years, det=[{"LOWER": "les"}]))
        # la fin des années 80, au début des années 2000
        add(_spec("dates.decade", [_word("début", "fin", "milieu"), _word("des"), *years]))
        add(_spec("dates.decade", [_word("début", "fin", "milieu"), _word("des"), *years],
                  det=[_word("la", "le")]))
    add(_spec("dates.century", [ORDINAL, {"LOWER": "siècle"}]))
    add(_spec("dates.century", [ORDINAL, {"LOWER": "siècle"}], det=[LE]))
    # la fin du XIXe siècle, au début du XXe siècle
    part_century = [_word("début", "fin", "milieu"), DE, ORDINAL, {"LOWER": "siècle"}]
    add(_spec("dates.century", part_century))
    add(_spec("dates.century", part_century, det=[_word("la", "le")]))
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
        out[row["side"]].add(norm(row["word"]))
    return {side: frozenset(words) for side, words in out.items()}



def two_digit_year(value: int) -> int:
    """The year of a two-digit year: 19xx from 31 to 99, 20xx from 00 to 30 (``98`` -> 1998)."""
    return 2000 + value if value <= 30 else 1900 + value


def year_range(first: str, second: str) -> tuple[int, int]:
    """The two years of ``1914-1918`` or ``1939-45`` (the second end takes the first's century)."""
    start, end = int(first), int(second)
    if end < 100:
        end += start // 100 * 100
    return start, end


def is_date(doc: Doc, spec: PatternSpec, start: int, body_start: int, end: int,
            time_of_day: bool = True) -> bool:
    """Whether the match ``doc[start:end]`` of ``spec`` (its body from ``body_start``) is a date
    and not one of the grammar's false positives; ``time_of_day=False`` also rejects the TIMEs
    of TimeML (``hier soir``, ``hier à 9 h``)."""
    body = doc[body_start:end]
    words = [norm(t.text) for t in body]
    prev = norm(doc[start - 1].text) if start > 0 else ""
    prev2 = norm(doc[start - 2].text) if start > 1 else ""
    nxt = doc[end] if end < len(doc) else None
    if not time_of_day and words[-1] in TIME_OF_DAY:
        return False
    if nxt is not None and norm(nxt.text) in ("-là", "là"):
        return False  # anaphoric "cette année-là", "ce lundi-là": no anchor-based value
    if spec.rule == "dates.year":
        return _is_year(doc, spec, start, body_start, end)
    if spec.rule == "dates.year_range":
        first, second = year_range(words[0], words[-1])
        return first < second and not counted(nxt)
    if not time_of_day and nxt is not None and norm(nxt.text) in TIME_OF_DAY:
        return False  # "hier [soir]" is a TIME: not "hier" alone either
    if not time_of_day and spec.rule in ("dates.relative_day", "dates.weekday") and (
            _clock_after(doc, end)):
        return False  # "[Hier à 9 h]" is a TIME
    if spec.rule == "dates.season" and len(words) == 1 and not spec.context:
        # a season alone only in "été comme hiver": generic
        after = [norm(t.text) for t in doc[end: end + 2]]
        before = [norm(t.text) for t in doc[max(0, start - 2): start]]
        return (len(after) == 2 and after[0] == "comme" and after[1] in SEASONS) or (
            len(before) == 2 and before[1] == "comme" and before[0] in SEASONS)
    if any(w in FIRST_MARKS for w in words):
        i = next(i for i, w in enumerate(words) if w in FIRST_MARKS)
        if i == 0 or words[i - 1] != "1":
            return False  # only the "er" of "1er" comes loose: "1 er janvier"
    if spec.rule in ("dates.day_month", "dates.day_coord", "dates.range", "dates.month_year"):
        # a year followed by a counted noun is a count: "le 3 mars 20 manifestants"
        last = body[-1]
        if last.text.isdigit() and len(last.text) == 2 and not last.whitespace_ and \
                nxt is not None and (nxt.text[:1] in "-*/" or nxt.text[:1].isdigit()):
            return False  # "11 juin 15-2": the start of a longer number, not "juin 2015"
        return not (last.text.isdigit() and len(last.text) in (2, 4) and counted(nxt))
    if spec.rule == "dates.weekday":
        has_modifier = any(w in LAST_WORDS or w in NEXT_WORDS or w in THIS_WORDS
                           for w in words)
        if not has_modifier and prev in ("le", "les", "chaque", "tous", "des", "du",
                                         "au", "certains", "quel"):
            return False  # habitual "le mercredi", "du lundi au vendredi"
        return True
    if spec.rule == "dates.feast":
        if prev in FEAST_NOT_AFTER or prev2 in FEAST_NOT_AFTER:
            return False  # "le père Noël", "l'île de Pâques"
        return nxt is None or not (nxt.is_alpha and nxt.text[:1].isupper())  # a first name
    if spec.rule == "dates.previous" and words[-1] == "veille":
        # "la veille du scrutin": counted from an event, not from a date
        return nxt is None or norm(nxt.text) not in ("de", "d'", "du", "des")
    if spec.rule == "dates.relative_day":
        # "l'Europe de demain", "les jeunes d'aujourd'hui": generic, not a date
        return not (prev in ("de", "d'") and prev2 != "partir")
    return True


def _is_year(doc: Doc, spec: PatternSpec, start: int, body_start: int, end: int) -> bool:
    """Whether a bare year (``dates.year``) is a year: not a reference (``article 2025``), a
    count (``2025 euros``), an amount after a weak trigger, nor an unclosed parenthesis."""
    nxt_token = doc[end] if end < len(doc) else None
    before_year = norm(doc[body_start - 1].text) if body_start > 0 else ""
    if before_year in year_false_positives()["before"]:
        return False
    if counted(nxt_token):
        return False
    trigger = norm(doc[start].text) if spec.context else ""
    if not spec.context and not spec.det and YEAR_RE.match(doc[body_start].text):
        return _is_bare_year(doc, body_start, end)
    if trigger in YEAR_TRIGGERS_WEAK:
        before_trigger = norm(doc[start - 1].text) if start > 0 else ""
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
            return "(" in opened and ")" not in opened[len(opened) - opened[::-1].index("("):]
    return True


def _is_bare_year(doc: Doc, i: int, end: int) -> bool:
    """A year written with no trigger word (``le budget 2026``, ``2024/2025``): recent (see
    :data:`BARE_YEARS`), not after a quantity word, a determiner or an operator, not next to
    another number (``2000 à 3000``, ``2 025``)."""
    low, high = BARE_YEARS
    if not low <= int(doc[i].text) <= high:
        return False
    prev = norm(doc[i - 1].text) if i > 0 else ""
    nxt = [norm(t.text) for t in doc[end: end + 2]]
    if prev in ("et", "ou", "à") and i > 1 and YEAR_RE.match(doc[i - 2].text):
        return True  # "en 2001 et 2002", "de 1998 à 2002"
    if prev in ("de", "d'") and len(nxt) == 2 and nxt[0] == "à" and YEAR_RE.match(nxt[1]):
        return True  # "de 1998 à 2002"
    if prev in BARE_YEAR_NOT_AFTER or (i > 0 and doc[i - 1].like_num):
        return False
    if nxt[:1] in (["-"], ["/"]) and len(nxt) == 2 and nxt[1][:1].isdigit():
        return False  # "2003-1999" on a counter; a year range has its own pattern
    if nxt[:1] in (["à"], ["et"], ["ou"], ["sur"]) and len(nxt) == 2 and \
            nxt[1][:1].isdigit() and not YEAR_RE.match(nxt[1]):
        return False  # "2000 à 3000": an amount
    return True


def counted(token: Token | None) -> bool:
    """True when ``token``, right after a number, shows the number is a count: a unit from the
    false-positive list (``euros``, ``%``), another number (``2 025 000``) or a plural noun
    (``exemplaires``)."""
    if token is None:
        return False
    word = norm(token.text)
    if word in year_false_positives()["after"] or token.like_num:
        return True
    return (token.is_alpha and token.text.islower() and len(word) > 3
            and word.endswith(("s", "x")) and word not in FUNCTION_WORDS)


def _clock_after(doc: Doc, end: int) -> bool:
    """True when ``à`` and a clock time follow token ``end``: ``hier [à 10 h]`` (``mardi vers
    21 h`` keeps its day: an approximate time is a separate expression)."""
    words = [norm(t.text) for t in doc[end: end + 3]]
    return len(words) == 3 and words[0] == "à" and words[1].isdigit() and words[2] in CLOCK_UNITS


# ---------------------------------------------------------------------------------------------
# Where a date may be: the words every pattern holds at least one of
# ---------------------------------------------------------------------------------------------

#: Folded words (:func:`~pipeline.entities.gazetteers.fold`) of which every match of the
#: grammar holds at least one, unless it holds a token starting with a digit or ``mi-``
#: (:func:`may_anchor`): month, weekday, deictic day, season and unit words. The matcher runs
#: only around them (``test_grammar.py`` checks every pattern against this list).
ANCHOR_WORDS: frozenset[str] = frozenset(fold(w) for w in (
    *MONTHS, *WEEKDAYS, *RELATIVE_DAYS, *SEASONS, *CALENDAR_UNITS, *COUNT_UNITS, *FEASTS,
    *PREVIOUS_DAYS, "années", "siècle", "week"))


def may_anchor(word: str) -> bool:
    """Whether a token of folded text ``word`` may be the anchor of a date: a word of
    :data:`ANCHOR_WORDS`, a number (``3``, ``1er``, ``2025``, ``15/03/2024``) or ``mi-...``."""
    return word in ANCHOR_WORDS or word[:1].isdigit() or word.startswith("mi-")


#: The grammar's regular expressions for numbers: what they match starts with a digit or
#: ``mi-``, so a token they accept is an anchor (:func:`may_anchor`).
NUMBER_REGEXES: frozenset[str] = frozenset(
    {tok[attr]["REGEX"] for tok in (DAY, YEAR, YEAR_2, YEAR_ANY, NUMERIC, MI_MONTH, MI_YEAR)
     for attr in tok} | {r"^(1[0-9]{3}|20[0-9]{2})$", r"^(1[0-9]{2}0|20[0-9]0|[0-9]0)$",
                         r"^(0[1-9]|1[0-2])$", r"^(0[1-9]|[12][0-9]|3[01])$"})


def _constraint(tok: Tok) -> Any:
    """What a pattern token asks of the word (``LOWER``, then ``TEXT``, then ``ORTH``): a
    string, or a dict with ``IN`` or ``REGEX``; None when it asks none of these."""
    for attr in ("LOWER", "TEXT", "ORTH"):
        value = tok.get(attr)
        if isinstance(value, str) or isinstance(value, dict) and (
                "IN" in value or "REGEX" in value):
            return value
    return None


def is_anchor_token(tok: Tok) -> bool:
    """Whether a pattern token is required and accepts only anchors (:func:`may_anchor`)."""
    if "OP" in tok:
        return False
    words = anchor_words(tok)
    if words is not None:
        return all(may_anchor(word) for word in words)
    value = _constraint(tok)
    return isinstance(value, dict) and value.get("REGEX") in NUMBER_REGEXES


def first_anchor(spec: PatternSpec) -> int:
    """Index, in the pattern, of the first anchor token of ``spec``; raises ``ValueError``
    for a pattern without one."""
    tokens = [*spec.context, *spec.det, *spec.body]
    first = next((i for i, tok in enumerate(tokens) if is_anchor_token(tok)), None)
    if first is None:
        raise ValueError(f"pattern {spec.rule} holds no anchor token: {tokens}")
    return first


def anchor_words(tok: Tok) -> frozenset[str] | None:
    """The folded words a pattern token accepts, or None when it accepts a regular expression
    (for an anchor token one of :data:`NUMBER_REGEXES`: any word starting with a digit or
    ``mi-``)."""
    value = _constraint(tok)
    if isinstance(value, str):
        return frozenset({fold(value)})
    if isinstance(value, dict) and "IN" in value:
        return frozenset(fold(word) for word in value["IN"])
    return None
