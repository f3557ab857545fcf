"""One story, one reading of its names: the candidates the resolver keeps, made coherent.

What a name is in a story depends on the story: the subject of a reporting verb is no place,
a surname seen once in a full name is a person's everywhere, the same name takes one label,
an acronym links to the name it abbreviates. The resolver (:mod:`pipeline.entities.resolve`)
calls these steps on the candidates it kept; the options of a gold set's conventions
(``phrase_names``, ``place_in_name``) are applied here too.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.tokens import Span

from pipeline.entities.countries import country_by_code, lookup_country
from pipeline.entities.gazetteers import fold, read_csv, strip_accents
from pipeline.entities.organisations import lookup_organisation
from pipeline.entities.organisations.acronyms import STOPWORDS, acronym_matches
from pipeline.entities.people.base import load_given_names
from pipeline.entities.places import lookup_place

__all__ = ["Candidate", "drop_lower_case_openings", "drop_phrase_names", "harmonise",
           "link_acronyms", "press_titles_as_misc", "slug", "split_place_tails", "with_place"]

MODEL = "model"
#: The model's place in the ranking: below every family.
MODEL_RANK = 100
#: Words that open a model span without belonging to the name (`l'OTAN`, `la Russie`).
LEADING_FUNCTION_WORDS = frozenset({"l'", "l’", "le", "la", "les", "d'", "d’", "de", "du",
                                    "des", "au", "aux", "un", "une", "en", "à"})
#: Quotation marks; a model span holding one without its pair crosses a quote's edge.
QUOTE_MARKS = frozenset({'"', "«", "»", "“", "”", "„"})
#: Links between a generic head and a name: ``ville de``, ``aéroport d'``, ``île du``.
HEAD_LINKS = frozenset({"de", "d'", "d’", "du", "des"})


@dataclass
class Candidate:
    """A span proposed by the model or by a rule family, with its extra values."""

    span: Span
    label: str
    norm: str | None
    source: str
    attrs: dict[str, Any] = field(default_factory=dict)
    #: The rank of the family that proposed it (:data:`MODEL_RANK` for the model).
    rank: int = MODEL_RANK

    @property
    def weak(self) -> bool:
        """A span with no evidence of its own: the model's, or a family's copy of it (rule
        ``<family>.model``)."""
        return self.source == MODEL or str(self.attrs.get("rule") or "").endswith(".model")

    @property
    def order(self) -> tuple[int, int, int, int]:
        """Its place in :func:`select`: longer first, then with evidence, then by family rank,
        then leftmost."""
        return (-(self.span.end_char - self.span.start_char), int(self.weak), self.rank,
                self.span.start_char)


def with_place(candidate: Candidate) -> Candidate:
    """Fill a LOC candidate's country and canonical name from the place gazetteer."""
    if candidate.label != "LOC" or candidate.attrs.get("country"):
        return candidate
    place = lookup_place(candidate.span.text)
    if place is None:
        return candidate
    attrs = {**candidate.attrs, "country": place.country}
    attrs.setdefault("name", place.name)
    return Candidate(candidate.span, candidate.label, candidate.norm, candidate.source, attrs,
                     candidate.rank)


@lru_cache(maxsize=100_000)
def slug(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key of a name (remembered: a story names
    the same people and places again and again).

    >>> slug("Sadyr  JAPAROV")
    'sadyr-japarov'
    """
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return re.sub(r"[^\w]+", "-", folded).strip("-")


# -- 3b. one label per name in a story -------------------------------------------------------

#: The labels a name can take in a story; a country, a date or a MISC keeps its own.
NAME_LABELS = ("PER", "ORG", "LOC")
#: How many votes a span with evidence of its own (a family's pattern or gazetteer) weighs
#: against a weak one (the model's) when the same name is labelled differently in a story.
EVIDENCE_VOTES = 3


@lru_cache(maxsize=1)
def reporting_forms() -> frozenset[str]:
    """Folded verb forms that report speech after their subject (``model_reporting_verbs.csv``)."""
    return frozenset(fold(row["form"]) for row in read_csv("model_reporting_verbs.csv",
                                                           required=("form",)))


#: Rule marks of the spans :func:`_in_context` relabelled, which keep their label.
STORY_MARKS = ("+reporting", "+given_name", "+place_word", "+place_preposition")
#: Auxiliaries before a reporting verb's past participle (``a déclaré``).
AUXILIARIES = frozenset({"a", "avait", "ont", "avaient", "aurait"})


def _speaks(span: Span) -> bool:
    """Whether ``span`` is the subject of a reporting verb right after it (``X a déclaré``,
    ``X affirme``)."""
    doc, i = span.doc, span.end
    if i < len(doc) and doc[i].lower_ in AUXILIARIES:
        i += 1
    return i < len(doc) and fold(doc[i].text) in reporting_forms()


#: Prepositions that give a source (``selon Pékin``, ``d'après Londres``), folded.
SOURCE_PREPOSITIONS = frozenset({"selon", "d'apres"})


def _cited(span: Span) -> bool:
    """Whether ``span`` is given as a source, after ``selon`` or ``d'après`` (``selon Pékin,
    ...``), or as the subject after its reporting verb (``a affirmé Berlin``)."""
    doc, i = span.doc, span.start
    if i >= 2 and fold(doc[i - 2].text + doc[i - 1].text) in SOURCE_PREPOSITIONS:
        return True  # "d'" + "après"
    return i >= 1 and (fold(doc[i - 1].text) in SOURCE_PREPOSITIONS
                       or (fold(doc[i - 1].text) in reporting_forms()
                           and (i < 2 or doc[i - 2].lower_ in AUXILIARIES
                                or doc[i - 2].is_punct)))


def _after_affaire(span: Span) -> bool:
    """Whether ``span`` names a case (``l'affaire X``), not a place."""
    return span.start > 0 and fold(span.doc[span.start - 1].text) == "affaire"


def _looks_like_person(span: Span) -> bool:
    """A common given name followed by one or more capitalised words (``Lucie Marchand``)."""
    words = span.text.split()
    return (len(words) >= 2 and fold(words[0]) in load_given_names()
            and all(word[:1].isupper() for word in words))


#: Last words of English place names (``Regent Street``, ``Coney Island``): a name ending
#: with one is a place, never a person's.
PLACE_LAST_WORDS = frozenset({"street", "lane", "road", "avenue", "square", "hills", "valley",
                              "beach", "island", "islands", "heights", "springs", "creek",
                              "harbour", "harbor", "county"})


#: Prepositions before a place (``à Ostrava``, ``en Moravie``, ``le maire de Zlín``).
PLACE_PREPOSITIONS = frozenset({"à", "en", "de", "d'", "d’"})


def _after_place_preposition(span: Span) -> bool:
    """Whether ``span`` follows ``à``, ``en`` or ``de`` (``vendus à Ostrava``)."""
    return span.start > 0 and span.doc[span.start - 1].lower_ in PLACE_PREPOSITIONS


#: Endings of a noun of inhabitants (``Lillois``, ``Lyonnais``, ``Nantais``, ``Parisiens``).
INHABITANT_ENDINGS = ("ois", "oise", "oises", "ais", "aise", "aises", "iens", "ienne",
                      "iennes", "ains", "aine", "aines")
#: Determiners before a noun of inhabitants that no place name takes (``les Lillois``).
INHABITANT_DETERMINERS = frozenset({"les", "des", "aux", "ces", "un", "une", "nos", "leurs"})


def _inhabitants(span: Span) -> bool:
    """One word of inhabitants after a plural or indefinite determiner (``les Lillois``,
    ``un Lillois``): people, not a place."""
    doc, i = span.doc, span.start
    return (len(span) == 1 and i > 0 and doc[i - 1].lower_ in INHABITANT_DETERMINERS
            and span.text.lower().endswith(INHABITANT_ENDINGS))


#: Most words a lower-case phrase spelt by an abbreviation is searched over.
ABBREVIATION_WINDOW = 8


def _common_abbreviation(candidate: Candidate) -> bool:
    """A weak ORG in parentheses that abbreviates the lower-case words right before it
    (``des avions largueurs d'eau (ALE)``): a common noun's abbreviation, no body (a body's
    lower-case name opens with a body's noun and is defined by the organisation family)."""
    span = candidate.span
    doc, i = span.doc, span.start
    if not (candidate.weak and candidate.label == "ORG" and len(span) == 1
            and span.text.isupper() and 0 < i and doc[i - 1].text == "("):
        return False
    end = i - 1
    for start in range(max(0, end - ABBREVIATION_WINDOW), end):
        words = [t.text for t in doc[start:end] if t.text not in QUOTE_MARKS]
        if (words and words[0].islower()
                and all(not w[:1].isupper() for w in words)
                and acronym_matches(span.text, words, exact=True)):
            return True
    return False


def _product(candidate: Candidate) -> bool:
    """A one-word body's name after an indefinite article names one of its products, not
    the body (``une Renault``, ``une Peugeot``)."""
    span = candidate.span
    return (candidate.label == "ORG" and len(span) == 1 and span.start > 0
            and span.doc[span.start - 1].lower_ in ("un", "une")
            and candidate.attrs.get("rule") != "organisations.generic")


def _in_context(candidate: Candidate, persons: set[str]) -> Candidate | None:
    """A weak PER whose last word is an English place word is a place (``Carnaby Street``:
    rule ``+place_word``), and so is a weak one-word PER after ``à``, ``en`` or ``de`` that
    the place gazetteer knows and the story never names in full (``revendus à Ostrava``:
    ``+place_preposition``; ``la démission de Dufresne`` stays a person's).

    A weak LOC corrected by its neighbours: none after ``affaire`` (``l'affaire X`` names a
    case) nor for inhabitants (``les Lillois``); a common given name alone that names no
    known place is a person's (``Maud est partie``); the subject of a reporting verb that
    the place gazetteer does not know is a body when the organisation gazetteer knows the
    name, a person when it looks like a person's name or the story names that person in full
    (``persons``) (rule ``+reporting``); without such evidence the model's reading stands (a
    canton or a region that speaks by its delegates).

    A capital that speaks, or is cited as a source, stands for its country's government:
    ``Washington a annoncé que``, ``selon Pékin``, ``a affirmé Berlin`` give a COUNTRY
    (``US``, ``CN``, ``DE``; rule ``+reporting``), whatever family found the place; another
    known place that speaks stays a place."""
    words = candidate.span.text.split()
    if (candidate.label == "PER" and candidate.weak and len(words) >= 2
            and fold(words[-1]) in PLACE_LAST_WORDS):
        return _relabelled(candidate, "LOC", "+place_word")
    if (candidate.label == "PER" and candidate.weak and len(words) == 1
            and slug(candidate.span.text) not in persons
            and _after_place_preposition(candidate.span)
            and lookup_place(candidate.span.text) is not None):
        return _relabelled(candidate, "LOC", "+place_preposition")
    if candidate.label == "LOC" and (_speaks(candidate.span) or _cited(candidate.span)):
        place = lookup_place(candidate.span.text)
        country = country_by_code(place.country) if place is not None and place.capital \
            else None
        if country is not None:
            # "Washington a annoncé": a capital that speaks stands for its country's government
            relabelled = _relabelled(candidate, "COUNTRY", "+reporting")
            relabelled.norm = country.iso2
            relabelled.attrs.update(name=country.name_fr, alpha3=country.iso3)
            return relabelled
    if candidate.label != "LOC" or not candidate.weak:
        return candidate
    span = candidate.span
    if _after_affaire(span) or _inhabitants(span):
        return None
    if (len(span.text.split()) == 1 and fold(span.text) in load_given_names()
            and lookup_place(span.text) is None and lookup_country(span.text) is None):
        return _relabelled(candidate, "PER", "+given_name")
    if _speaks(span) and lookup_place(span.text) is None:
        org = lookup_organisation(span.text)
        if org is not None:
            relabelled = _relabelled(candidate, "ORG", "+reporting")
            relabelled.norm = org.id
            relabelled.attrs.update(canonical=org.canonical, form=org.form_of(span.text))
            return relabelled
        if _looks_like_person(span) or slug(span.text) in persons:
            return _relabelled(candidate, "PER", "+reporting")
    return candidate


def _person_keys(kept: list[Candidate]) -> set[str]:
    """Slugs of the names a story shows to be a person's: each PER span of two capitalised
    words or more (``Lucie Marchand``) and its last word (``Marchand``)."""
    keys = set()
    for candidate in kept:
        words = candidate.span.text.split()
        if (candidate.label == "PER" and len(words) >= 2
                and sum(1 for word in words if word[:1].isupper()) >= 2):
            keys.add(slug(candidate.span.text))
            keys.add(slug(words[-1]))
    return keys


def _relabelled(candidate: Candidate, label: str, mark: str = "+story") -> Candidate:
    """``candidate`` with another label, its rule marked ``mark``."""
    rule = f"{candidate.attrs.get('rule') or candidate.source}{mark}"
    attrs = {key: value for key, value in candidate.attrs.items()
             if key not in ("country", "name", "canonical", "form")}
    attrs["rule"] = rule
    return Candidate(candidate.span, label, None, candidate.source, attrs, candidate.rank)


def harmonise(kept: list[Candidate]) -> list[Candidate]:
    """One label per name in a story: a weak span (the model's) whose name the story shows to
    be a person's (:func:`_person_keys`) becomes PER; otherwise a weak span takes the label
    most of the same name's spans carry, a span with evidence of its own counting
    :data:`EVIDENCE_VOTES` times. Spans with evidence keep their label, and so do the spans
    :func:`_in_context` corrected (which also drops a weak LOC that names a case)."""
    persons = _person_keys(kept)
    kept = [c for c in (_in_context(candidate, persons) for candidate in kept)
            if c is not None and not _product(c) and not _common_abbreviation(c)]
    votes: dict[str, dict[str, int]] = {}
    for candidate in kept:
        if candidate.label in NAME_LABELS:
            tally = votes.setdefault(slug(candidate.span.text), {})
            weight = 1 if candidate.weak else EVIDENCE_VOTES
            tally[candidate.label] = tally.get(candidate.label, 0) + weight
    result = []
    for candidate in kept:
        if (candidate.label in NAME_LABELS and candidate.weak
                and not str(candidate.attrs.get("rule")).endswith(STORY_MARKS)):
            key = slug(candidate.span.text)
            tally = votes[key]
            best = max(tally.values())
            winners = [label for label, count in tally.items() if count == best]
            if key in persons and candidate.label != "PER":
                candidate = _relabelled(candidate, "PER")
            elif len(winners) == 1 and winners[0] != candidate.label:
                candidate = _relabelled(candidate, winners[0])
        result.append(candidate)
    return result


def _initials(text: str) -> str:
    """The capital initials of a name's words, hyphenated parts apart (``Paris Saint-Germain``
    -> ``PSG``, ``club du Paris Saint-Germain`` too: lower-case words before the first
    capital are skipped); empty when a later content word is not capitalised."""
    letters: list[str] = []
    for word in text.replace("-", " ").split():
        if fold(word) in STOPWORDS or (not letters and word.islower()):
            continue
        if not word[:1].isupper():
            return ""
        letters.append(word[0])
    return "".join(letters)


def link_acronyms(kept: list[Candidate]) -> list[Candidate]:
    """Link a bare acronym to the organisation whose name it abbreviates in the same story,
    parentheses or not (``PSG`` and ``Paris Saint-Germain``): an all-capital word of two to
    six letters equal to the capital initials of the words of one ORG name of three words or
    parts or more in the story (and of one only) becomes an ORG with that name's id."""
    names: dict[str, list[Candidate]] = {}
    for candidate in kept:
        if candidate.label == "ORG" and len(candidate.span.text.split()) >= 2:
            initials = _initials(candidate.span.text)
            if len(initials) >= 3:
                names.setdefault(strip_accents(initials), []).append(candidate)
    if not names:
        return kept
    result = []
    for candidate in kept:
        text = candidate.span.text
        full = names.get(strip_accents(text)) if (
            text.isupper() and 3 <= len(text) <= 6 and text.isalpha()
            and candidate.label in NAME_LABELS) else None
        if full and len({slug(c.span.text) for c in full}) == 1 and (
                candidate.norm is None or candidate.norm == text):
            name = full[0]
            attrs = {**candidate.attrs, "form": "acronym",
                     "canonical": name.attrs.get("canonical") or name.norm or name.span.text,
                     "rule": f"{candidate.attrs.get('rule') or candidate.source}+acronym"}
            candidate = Candidate(candidate.span, "ORG", name.norm, candidate.source, attrs,
                                  candidate.rank)
        result.append(candidate)
    return result


# -- 3c. options of a gold set's conventions --------------------------------------------------

#: First words of a quoted name that reads as a phrase, not a proper name (``"Un toit, un
#: espoir"``, ``"Mon village"``): articles, possessives and ``tous``.
PHRASE_OPENERS = frozenset({"un", "une", "le", "la", "les", "l'", "mon", "ma", "mes", "ton",
                            "ta", "tes", "notre", "nos", "votre", "vos", "tous", "toutes"})


def _quoted(span: Span) -> bool:
    """Whether ``span`` is the whole text between two quotation marks."""
    doc = span.doc
    return (span.start > 0 and span.end < len(doc)
            and doc[span.start - 1].text in QUOTE_MARKS and doc[span.end].text in QUOTE_MARKS)


def drop_phrase_names(kept: list[Candidate]) -> list[Candidate]:
    """Without the quoted names that read as a phrase: a name of no gazetteer, between
    quotation marks, that opens with an article, a possessive or a lower-case word."""
    def phrase(candidate: Candidate) -> bool:
        span = candidate.span
        return (candidate.label in NAME_LABELS and _quoted(span)
                and lookup_organisation(span.text) is None
                and (fold(span[0].text) in PHRASE_OPENERS or span[0].is_lower))
    return [candidate for candidate in kept if not phrase(candidate)]


#: Words before the opening quotation mark of a newspaper's title (``la « Gazette »``,
#: ``du journal « Le Temps »``).
PRESS_LEADS = frozenset({"le", "la", "les", "l'", "du", "des", "au", "aux", "de", "d'",
                         "journal", "revue", "quotidien", "hebdomadaire", "feuille"})


#: Labels of a quoted name that may be a newspaper's title (``la « Suisse »``).
TITLE_LABELS = frozenset({"ORG", "LOC", "COUNTRY", "PER"})


def press_titles_as_misc(kept: list[Candidate]) -> list[Candidate]:
    """A quoted name after an article or a press noun (``dit la « Gazette du Soir »``, ``la
    « Suisse »``) is a newspaper's title: a work, labelled MISC (rule ``+press``); a name of
    the organisation gazetteer keeps its label."""
    result = []
    for candidate in kept:
        span = candidate.span
        doc, i = span.doc, span.start
        if (candidate.label in TITLE_LABELS and i >= 2 and doc[i - 1].text in QUOTE_MARKS
                and fold(doc[i - 2].text) in PRESS_LEADS
                and lookup_organisation(span.text) is None):
            candidate = _relabelled(candidate, "MISC", "+press")
        result.append(candidate)
    return result


def drop_lower_case_openings(kept: list[Candidate]) -> list[Candidate]:
    """Without the names that open with a lower-case word (``rue Neuve``, ``mer Égée``,
    ``forces d'intervention rapide``)."""
    return [candidate for candidate in kept
            if not (candidate.label in NAME_LABELS and candidate.span.text[:1].islower())]


def _place_tail(span: Span) -> int | None:
    """Start of a known place or country that ends ``span`` after ``de``/``du``/``d'``
    (``Centre hospitalier de Lisbonne`` -> ``Lisbonne``), else None."""
    doc = span.doc
    for k in range(span.start + 1, span.end - 1):
        if doc[k].lower_ in HEAD_LINKS:
            tail = k + 1
            if doc[tail].lower_ in ("la", "l'", "l’", "le") and tail + 1 < span.end:
                tail += 1
            text = doc[tail:span.end].text
            if doc[tail].text[:1].isupper() and (lookup_place(text) or lookup_country(text)):
                return tail
    return None


def _whole_name(candidate: Candidate) -> bool:
    """A name that stays whole: quoted, or known whole to the organisation gazetteer
    (``Banque de France``) or, for a place, to the place or country gazetteer."""
    text = candidate.span.text
    return (_quoted(candidate.span) or lookup_organisation(text) is not None
            or (candidate.label == "LOC"
                and (lookup_place(text) is not None or lookup_country(text) is not None)))


def split_place_tails(kept: list[Candidate]) -> list[Candidate]:
    """An organisation's or a site's name cut before the place that ends it, the place its
    own mention (``[Garde nationale](ORG) de [Niamey](LOC)``, ``[Centrale du Lac](LOC)
    du [Japon](COUNTRY)``); a name left without a capitalised word goes (``université de
    [Prague](LOC)``). A name :func:`_whole_name` stays whole."""
    result = []
    for candidate in kept:
        span = candidate.span
        tail = (_place_tail(span) if candidate.label in ("ORG", "LOC")
                and not _whole_name(candidate) else None)
        if tail is None:
            result.append(candidate)
            continue
        doc, end = span.doc, tail - 1
        while end > span.start + 1 and doc[end - 1].lower_ in LEADING_FUNCTION_WORDS:
            end -= 1
        head = doc[span.start:end]
        if any(t.text[:1].isupper() for t in head):
            rule = f"{candidate.attrs.get('rule') or candidate.source}+place"
            result.append(Candidate(head, candidate.label, None, candidate.source,
                                    {"rule": rule, "form": "name"}, candidate.rank))
        place = Span(doc, tail, span.end, label="LOC")
        code = lookup_country(place.text)
        result.append(Candidate(place, "COUNTRY", code, candidate.source,
                                {"rule": "resolver.place_tail"}, candidate.rank) if code
                      else with_place(Candidate(place, "LOC", None, candidate.source,
                                                {"rule": "resolver.place_tail"},
                                                candidate.rank)))
    return result
