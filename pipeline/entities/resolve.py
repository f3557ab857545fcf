"""Merge the model's entities with the rule families into one set of linked mentions.

This is the one place where overlaps are resolved, by one policy, in four steps.

1. **The families** are found in the pipeline, when the resolver is built: every component
   before it that has a ``spans_key`` (its span group) and a ``rank`` (lower is stronger; in
   dépêche: datelines 10, dates 20, people 30, organisations 40, countries 50, places 60).
   A family may also declare ``replaces_model_labels`` (the people family: ``("PER",)``) and
   ``cuts_model_spans`` (the dates family). No family is named here.

2. **The model's entities** (``doc.ents``) are cleaned, then relabelled:

   * a model span is cut before a span of a family that ``cuts_model_spans`` found inside it
     (``Conseil d'Etat du 12 mars 1803``);
   * its edges are trimmed: leading and trailing articles and prepositions (``l'OTAN``,
     ``la Chambre des députés de la``), trailing punctuation, a quotation mark without its
     pair (the side with more capitalised words is kept), and, for a LOC, a generic place
     head and its link (``ville de Toronto``, ``aéroport d'Athènes``:
     ``model_place_heads.csv``);
   * it is dropped when it has no word starting with a capital or a digit, when it opens
     with a lower-case function word (``ministre de l'Intérieur``:
     ``people_functions.csv``), or when it is one word that cannot be a name on its own: a
     generic capitalised noun (``République``, ``Hier``: ``model_generic_words.csv``), a
     nationality word (``Suisses``), one or two letters (``I``, ``AI``);
   * the model's MISC spans are dropped unless ``keep_misc`` (their precision is 0.02 to
     0.03 on the French gold sets);
   * when a family that ``replaces_model_labels`` ran, the model's own spans of those labels
     are dropped (the family re-emits the ones it confirms), and so is a model span that is
     one of that family's spans plus one word (``Monsieur Lucien Morel``);
   * relabelling by the gazetteers: a LOC, ORG or MISC whose text is a country name becomes
     COUNTRY (rule ``model.ner+countries``, ``kb_id`` its ISO code); an ORG known to the
     organisation gazetteer gets its id (``model.ner+organisations``); a one-word upper-case
     ORG that is a known place (a dateline city such as ``BICHKEK``) becomes LOC
     (``model.ner+places``).

3. **Ranking and selection.** Every candidate (the cleaned model spans, source ``model``, and
   each family's span group, source = its ``spans_key``; a family's plain copy of a model
   span, rule ``<family>.model``, gets the one-word checks of step 2) is ranked: longer spans
   (in characters) first; at equal extent a span with evidence of its own (a gazetteer, a
   pattern) beats a weak one (the model's span, or a family's plain copy of it); then the
   lower family ``rank`` wins (the model ranks below every family); then the leftmost.
   :func:`select` keeps, greedily in that order, each candidate that overlaps no kept one
   (the idea of :func:`spacy.util.filter_spans`, whose ranking is by token length alone).

4. **Linking.** A kept LOC gets its country and canonical name from the place gazetteer when
   its family gave none; every kept span gets an ``entity_id`` ``label:key`` (ISO code,
   organisation id, canonical person name, place name, ISO date; none for a date without a
   full value) and is written to ``doc._.mentions`` as a plain dict.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.context import StoryContext, is_break
from pipeline.entities.countries import country_by_code, lookup_country
from pipeline.entities.gazetteers import fold, non_overlapping, read_csv, strip_accents
from pipeline.entities.organisations import lookup_organisation
from pipeline.entities.organisations.acronyms import STOPWORDS
from pipeline.entities.organisations.base import load_nouns
from pipeline.entities.people.base import load_given_names
from pipeline.entities.places import lookup_place
from pipeline.extensions import get_span_attrs

__all__ = ["Candidate", "Family", "Resolver", "families_of", "make_resolver", "select", "slug"]

MODEL = "model"
#: The model's place in the ranking: below every family.
MODEL_RANK = 100
LABELS = ("PER", "ORG", "COUNTRY", "LOC", "DATE", "MISC")
#: How a mention names its entity (``mentions.form``); a family's other forms (``dateline``,
#: ``agency``, a date's ``absolute``/``partial``/``relative``) count as ``name``, and a date's
#: goes to ``mentions.kind``.
FORMS = ("name", "acronym", "short", "demonym")
#: Words that open a model span without belonging to the name (`l'OTAN`, `la Russie`).
LEADING_FUNCTION_WORDS = frozenset({"l'", "l’", "le", "la", "les", "d'", "d’", "de", "du",
                                    "des", "au", "aux", "un", "une", "en", "à"})
#: Quotation marks; a model span holding one without its pair crosses a quote's edge.
QUOTE_MARKS = frozenset({'"', "«", "»", "“", "”", "„"})
#: Links between a generic head and a name: ``ville de``, ``aéroport d'``, ``île du``.
HEAD_LINKS = frozenset({"de", "d'", "d’", "du", "des"})


@lru_cache(maxsize=1)
def generic_words() -> frozenset[str]:
    """Folded capitalised common nouns that never form a one-word name alone (data file)."""
    return frozenset(fold(row["word"]) for row in read_csv("model_generic_words.csv",
                                                           required=("word", "note")))


@lru_cache(maxsize=1)
def place_heads() -> frozenset[str]:
    """Folded generic nouns that open a model LOC span before the name (data file)."""
    return frozenset(fold(row["word"]) for row in read_csv("model_place_heads.csv",
                                                           required=("word",)))


@lru_cache(maxsize=1)
def organisation_nouns() -> frozenset[str]:
    """Lower-case nouns that introduce a body's name (``banque``, ``lycée``, ``parti``:
    ``organisations_nouns.csv``, cue ``head``)."""
    return frozenset(word for word, cue in load_nouns().items() if cue == "head")


#: Endings of a past participle that opens a sentence before its complement (``Transportée
#: à l'hôpital``, ``Impressionnés par``): such a first word is no name.
PARTICIPLE_ENDINGS = ("ée", "ées", "és")
#: Words that follow such a participle: a preposition or a comma.
PARTICIPLE_FOLLOWERS = frozenset({"à", "a", "par", "dans", "de", "d'", "d’", "en", "au", "aux",
                                  "sur", ","})


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Folded first words of the functions in ``people_functions.csv`` (ministre, président)."""
    rows = read_csv("people_functions.csv", required=("function",),
                    optional=("canonical", "kind", "gender", "note"))
    return frozenset(fold(row["function"]).split()[0] for row in rows)


# -- 1. the families ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Family:
    """A rule family as the resolver sees it: its span group, rank and model policy."""

    spans_key: str
    rank: int
    replaces_model_labels: tuple[str, ...] = ()
    cuts_model_spans: bool = False


def families_of(nlp: Language) -> list[Family]:
    """The families of ``nlp``'s pipeline (components with a ``spans_key`` and a ``rank``),
    strongest first."""
    found = [Family(component.spans_key, component.rank,
                    tuple(getattr(component, "replaces_model_labels", ())),
                    bool(getattr(component, "cuts_model_spans", False)))
             for _, component in nlp.pipeline
             if hasattr(component, "spans_key") and hasattr(component, "rank")]
    return sorted(found, key=lambda family: family.rank)


# -- 2. the model's entities -------------------------------------------------------------------


def _after_place_head(doc: Doc, start: int, end: int) -> int:
    """Index of the name after a generic place head (``ville de X`` -> X), else ``start``."""
    if fold(doc[start].text) not in place_heads() or start + 2 >= end:
        return start
    link = start + 1
    if doc[link].lower_ not in HEAD_LINKS:
        return start
    name = link + 1
    if doc[name].lower_ in ("la", "l'", "l’") and name + 1 < end:
        name += 1
    return name if doc[name].text[:1].isupper() else start


def clean_model_span(ent: Span) -> Span | None:
    """The model entity without leading or trailing articles, prepositions and unpaired quotes,
    or None when it is not a plausible name.

    A name has at least one word starting with a capital letter or a digit; a one-word span
    that is a generic capitalised noun (``République``, ``États``) is no name either.
    """
    doc = ent.doc
    start, end = ent.start, ent.end
    quotes = [i for i in range(start, end) if doc[i].text in QUOTE_MARKS]
    if len(quotes) % 2:  # a quotation mark without its pair: the span crosses a quote's edge
        cut = quotes[0]  # keep the side of it that holds more capitalised words

        def capitals(lo: int, hi: int) -> int:
            return sum(1 for t in doc[lo:hi] if t.text[:1].isupper())

        start, end = ((cut + 1, end) if capitals(cut + 1, end) >= capitals(start, cut)
                      else (start, cut))
    while start < end - 1 and doc[start].lower_ in LEADING_FUNCTION_WORDS:
        start += 1
    if (start < end - 1 and doc[start].is_lower and doc[start].text in organisation_nouns()
            and doc[start + 1].text[:1].isupper()):
        start += 1  # `la banque Ostrava`: the noun that introduces the name stays out
    if ent.label_ == "LOC":
        start = _after_place_head(doc, start, end)
    while end > start + 1 and (doc[end - 1].lower_ in LEADING_FUNCTION_WORDS
                               or doc[end - 1].is_punct):
        end -= 1
    if start >= end:
        return None
    span = ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end,
                                                                  label=ent.label_)
    if not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in span):
        return None
    if fold(span[0].text) in function_words() and (span[0].is_lower or len(span) > 1):
        return None  # `ministre de l'Intérieur`: a function, not the body's name
    if len(span) == 1 and _opening_participle(span):
        return None
    return span if plausible_name(span) else None


def _opening_participle(span: Span) -> bool:
    """A past participle that opens a sentence before a preposition (``Transportée à``)."""
    doc, i = span.doc, span.start
    return (is_break(doc, i) and span.text.lower().endswith(PARTICIPLE_ENDINGS)
            and i + 1 < len(doc) and doc[i + 1].lower_ in PARTICIPLE_FOLLOWERS)


def plausible_name(span: Span) -> bool:
    """Whether a one-word span can be a name on its own: not a generic capitalised noun
    (``République``, ``Hier``), not a nationality word (``Suisses``), not one or two letters
    (``I``, ``AI``: OCR debris or initials). Longer spans are always plausible here."""
    if len(span) != 1:
        return True
    text = span.text
    if len(text) <= 2 or fold(text) in generic_words():
        return False
    return not (lookup_country(text) is None and lookup_country(text, demonyms=True))


def _wraps_one_of(span: Span, spans: list[Span]) -> bool:
    """Whether a model span is one of ``spans`` plus one word (``Monsieur Lucien Morel`` when
    the honorific stays outside the person, ``Kényan Samuel Otieno``)."""
    for inner in spans:
        if (span.start <= inner.start and inner.end <= span.end
                and 0 < len(span) - len(inner) <= 1):
            return True
    return False


def _cut_before(ent: Span, starts: list[int]) -> Span:
    """Cut a model span before a family span starting inside it (``Conseil d'Etat du 12 mars
    1803``), and before the articles and prepositions that lead to it."""
    inside = [start for start in starts if ent.start < start < ent.end]
    if not inside:
        return ent
    end = inside[0]
    while end > ent.start + 1 and ent.doc[end - 1].lower_ in LEADING_FUNCTION_WORDS:
        end -= 1
    return Span(ent.doc, ent.start, end, label=ent.label_)


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


def refine_model_span(ent: Span) -> Candidate:
    """A model entity as a candidate, its label and value corrected by the gazetteers.

    A LOC, ORG or MISC whose text is a country name becomes COUNTRY; an ORG known to the
    organisation gazetteer gets its id; a one-word upper-case ORG that is a known place (a
    dateline city such as ``BICHKEK``) becomes LOC.
    """
    text, label = ent.text, ent.label_
    attrs: dict[str, Any] = {"rule": "model.ner"}
    if label in ("LOC", "ORG", "MISC"):
        code = lookup_country(text)
        info = country_by_code(code) if code else None
        if info is not None:
            attrs.update(rule="model.ner+countries", name=info.name_fr, alpha3=info.iso3)
            return Candidate(ent, "COUNTRY", info.iso2, MODEL, attrs)
    if label == "ORG":
        org = lookup_organisation(text)
        if org is not None:
            attrs.update(rule="model.ner+organisations", canonical=org.canonical,
                         form=org.form_of(text))
            return Candidate(ent, "ORG", org.id, MODEL, attrs)
        if len(ent) == 1 and text.isupper() and lookup_place(text) is not None:
            return Candidate(ent, "LOC", None, MODEL, {"rule": "model.ner+places"})
    return Candidate(ent, label, None, MODEL, attrs)


def collect(doc: Doc, families: list[Family], keep_misc: bool = False) -> list[Candidate]:
    """Every candidate span of ``doc``: the model's entities, cleaned and relabelled, and the
    span groups of ``families`` (steps 2 and 3 of the module's policy)."""
    ran = [family for family in families if family.spans_key in doc.spans]
    replaced = {label for family in ran for label in family.replaces_model_labels}
    authorities = [span for family in ran if family.replaces_model_labels
                   for span in doc.spans[family.spans_key]]
    cuts = sorted(span.start for family in ran if family.cuts_model_spans
                  for span in doc.spans[family.spans_key])
    candidates = []
    for ent in doc.ents:
        if ent.label_ in replaced or (ent.label_ == "MISC" and not keep_misc):
            continue
        span = clean_model_span(_cut_before(ent, cuts))
        if span is not None and not _wraps_one_of(span, authorities):
            candidates.append(refine_model_span(span))
    for family in ran:
        for span in doc.spans[family.spans_key]:
            attrs = get_span_attrs(span, family.spans_key)
            candidate = Candidate(span, span.label_, span.kb_id_ or None, family.spans_key,
                                  attrs, family.rank)
            if candidate.weak and not plausible_name(span):
                continue  # a family's plain copy of a model span gets the model's checks
            candidates.append(candidate)
    return candidates


# -- 3. selection ------------------------------------------------------------------------------


def select(candidates: list[Candidate]) -> list[Candidate]:
    """Keep, in :attr:`Candidate.order`, each candidate that shares no token with one kept
    before; return the kept ones in text order."""
    return non_overlapping(candidates, rank=lambda c: c.order,
                           bounds=lambda c: (c.span.start, c.span.end))


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


#: Auxiliaries before a reporting verb's past participle (``a déclaré``).
AUXILIARIES = frozenset({"a", "avait", "ont", "avaient", "aurait"})


def _speaks(span: Span) -> bool:
    """Whether ``span`` is the subject of a reporting verb right after it (``X a déclaré``,
    ``X affirme``)."""
    doc, i = span.doc, span.end
    if i < len(doc) and doc[i].lower_ in AUXILIARIES:
        i += 1
    return i < len(doc) and fold(doc[i].text) in reporting_forms()


def _after_affaire(span: Span) -> bool:
    """Whether ``span`` names a case (``l'affaire X``), not a place."""
    return span.start > 0 and fold(span.doc[span.start - 1].text) == "affaire"


def _looks_like_person(span: Span) -> bool:
    """A common given name followed by one or more capitalised words (``Lucie Marchand``)."""
    words = span.text.split()
    return (len(words) >= 2 and fold(words[0]) in load_given_names()
            and all(word[:1].isupper() for word in words))


def _in_context(candidate: Candidate, persons: set[str]) -> Candidate | None:
    """A weak LOC corrected by its neighbours: none after ``affaire`` (``l'affaire X`` names
    a case); the subject of a reporting verb is no place unless the place gazetteer knows it
    (a known place that speaks stands for its authorities): a body when the organisation
    gazetteer knows the name, a person when it looks like a person's name or the story
    names that person in full (``persons``), else no mention (rule ``+reporting``)."""
    if candidate.label != "LOC" or not candidate.weak:
        return candidate
    span = candidate.span
    if _after_affaire(span):
        return None
    if _speaks(span) and lookup_place(span.text) is None:
        org = lookup_organisation(span.text)
        if org is not None:
            relabelled = _relabelled(candidate, "ORG", "+reporting")
            relabelled.norm = org.id
            relabelled.attrs.update(canonical=org.canonical, form=org.form_of(span.text))
            return relabelled
        if _looks_like_person(span) or slug(span.text) in persons:
            return _relabelled(candidate, "PER", "+reporting")
        return None
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
            if c is not None]
    votes: dict[str, dict[str, int]] = {}
    for candidate in kept:
        if candidate.label in NAME_LABELS:
            tally = votes.setdefault(slug(candidate.span.text), {})
            weight = 1 if candidate.weak else EVIDENCE_VOTES
            tally[candidate.label] = tally.get(candidate.label, 0) + weight
    result = []
    for candidate in kept:
        if (candidate.label in NAME_LABELS and candidate.weak
                and not str(candidate.attrs.get("rule")).endswith("+reporting")):
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


def split_place_tails(kept: list[Candidate]) -> list[Candidate]:
    """An organisation's name cut before the place that ends it, the place its own mention
    (``[Gendarmerie nationale](ORG) de [Dakar](LOC)``); a name left without a capitalised
    word goes (``université de [Prague](LOC)``). A name the organisation gazetteer knows
    whole (``Banque de France``) stays whole."""
    result = []
    for candidate in kept:
        span = candidate.span
        tail = (_place_tail(span) if candidate.label == "ORG"
                and lookup_organisation(span.text) is None else None)
        if tail is None:
            result.append(candidate)
            continue
        doc, end = span.doc, tail - 1
        while end > span.start + 1 and doc[end - 1].lower_ in LEADING_FUNCTION_WORDS:
            end -= 1
        head = doc[span.start:end]
        if any(t.text[:1].isupper() for t in head):
            rule = f"{candidate.attrs.get('rule') or candidate.source}+place"
            result.append(Candidate(head, "ORG", None, candidate.source,
                                    {"rule": rule, "form": "name"}, candidate.rank))
        place = Span(doc, tail, span.end, label="LOC")
        code = lookup_country(place.text)
        result.append(Candidate(place, "COUNTRY", code, candidate.source,
                                {"rule": "resolver.place_tail"}, candidate.rank) if code
                      else with_place(Candidate(place, "LOC", None, candidate.source,
                                                {"rule": "resolver.place_tail"},
                                                candidate.rank)))
    return result


# -- 4. linking --------------------------------------------------------------------------------


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


def slug(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key of a name.

    >>> slug("Sadyr  JAPAROV")
    'sadyr-japarov'
    """
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return re.sub(r"[^\w]+", "-", folded).strip("-")


def entity_key(candidate: Candidate) -> str | None:
    """The derived ``entity_id`` of a kept candidate.

    None for a date without a full value (``lundi`` with no anchor, ``XXXX-11-24``): such a
    date cannot be told apart from the same words in another story, so it links to nothing.
    """
    label = candidate.label
    if label == "DATE":
        if not candidate.norm or "X" in candidate.norm:
            return None
        key = candidate.norm
    elif label in ("COUNTRY", "ORG") and candidate.norm:
        key = candidate.norm
    elif label == "LOC":
        key = slug(candidate.attrs.get("name") or candidate.span.text)
    else:
        key = slug(candidate.attrs.get("canonical") or candidate.norm or candidate.span.text)
    return f"{label.lower()}:{key}"


def mention_dict(candidate: Candidate, sentence: int) -> dict[str, Any]:
    """The plain dict written to ``doc._.mentions`` for one kept candidate."""
    span, attrs = candidate.span, candidate.attrs
    raw_form = attrs.get("form") or "name"
    return {
        "sentence": sentence,
        "start_char": span.start_char,
        "end_char": span.end_char,
        "text": span.text,
        "label": candidate.label,
        "entity_id": entity_key(candidate),
        "entity_name": (candidate.norm if candidate.label == "DATE" else None)
        or attrs.get("canonical") or attrs.get("name") or span.text,
        "norm": candidate.norm if candidate.label in ("COUNTRY", "DATE", "ORG") else None,
        "form": raw_form if raw_form in FORMS else "name",
        "kind": (raw_form if raw_form not in FORMS else None) if candidate.label == "DATE"
        else None,
        "title": attrs.get("title"),
        "country": attrs.get("country"),
        "iso3": attrs.get("alpha3"),
        "precision": attrs.get("precision"),
        "bound": attrs.get("bound"),
        "source": candidate.source,
        "rule": attrs.get("rule"),
    }


class Resolver:
    """Pipeline component that turns candidate spans into ``doc._.mentions``."""

    def __init__(self, nlp: Language, name: str = "depeche_resolver",
                 keep_misc: bool = False, phrase_names: bool = True,
                 place_in_name: bool = True) -> None:
        """Find the families among the components already in ``nlp``'s pipeline."""
        self.name = name
        self.keep_misc = keep_misc
        self.phrase_names = phrase_names
        self.place_in_name = place_in_name
        self.families = families_of(nlp)
        generic_words()  # load (and validate) the data files now, not on the first story
        place_heads()
        function_words()
        reporting_forms()
        load_given_names()
        lookup_country("")
        lookup_place("")
        lookup_organisation("")

    def process(self, doc: Doc) -> list[dict[str, Any]]:
        """Return the resolved mentions of ``doc`` as plain dicts, in text order."""
        ctx = StoryContext.of(doc)
        kept = select(collect(doc, self.families, self.keep_misc))
        if not self.phrase_names:
            kept = drop_phrase_names(kept)
        if not self.place_in_name:
            kept = split_place_tails(kept)
        return [mention_dict(with_place(c), ctx.sentence_index_at(c.span.start_char))
                for c in link_acronyms(harmonise(kept)) if c.label in LABELS]

    def __call__(self, doc: Doc) -> Doc:
        """Write ``doc._.mentions``."""
        doc._.mentions = self.process(doc)
        return doc


@Language.factory("depeche_resolver", assigns=["doc._.mentions"],
                  requires=["doc.ents", "doc.spans"],
                  default_config={"keep_misc": False, "phrase_names": True,
                                  "place_in_name": True})
def make_resolver(nlp: Language, name: str, keep_misc: bool, phrase_names: bool,
                  place_in_name: bool) -> Resolver:
    """Build the resolution component (spaCy factory ``depeche_resolver``); add it after the
    families, which it finds in the pipeline.

    ``keep_misc``: also keep the model's MISC spans (off by default: they are mostly noise);
    ``phrase_names``: keep quoted names that read as a phrase (``"Un toit, un espoir"``);
    ``place_in_name``: keep the place that ends an organisation's name inside it
    (``Gendarmerie nationale de Dakar``; off: the place is a mention of its own).
    """
    return Resolver(nlp, name, keep_misc, phrase_names, place_in_name)
