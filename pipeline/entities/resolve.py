"""Merge the model's entities with the rule families into one set of linked mentions.

This is the one place where overlaps are resolved, by one policy:

1. Every candidate span is collected: the model's ``doc.ents`` (source ``model``) and each
   family's span group (source = the family name).
2. Candidates are ranked: longer spans first; at equal extent a span with evidence of its own
   (a gazetteer, a pattern) beats a weak one (the model's span, or a family's plain copy of it,
   rule ``<family>.model``), and then the order of :data:`FAMILIES` decides.
3. Greedy selection keeps each candidate that does not overlap one already kept
   (the idea of :func:`spacy.util.filter_spans`, with our ranking).

Then every kept span is linked to an entity id (``label:key``) and written to
``doc._.mentions`` as a plain dict.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.context import StoryContext
from pipeline.entities.countries import country_by_code, lookup_country
from pipeline.entities.gazetteers import fold, read_csv
from pipeline.entities.organisations import lookup_organisation
from pipeline.entities.places import lookup_place
from pipeline.extensions import get_span_attrs

#: Rule families in priority order (first wins a tie at equal extent).
FAMILIES: tuple[str, ...] = ("datelines", "dates", "people", "organisations", "countries",
                             "places")
MODEL = "model"
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


#: Links between a generic head and a name: ``ville de``, ``aéroport d'``, ``île du``.
HEAD_LINKS = frozenset({"de", "d'", "d’", "du", "des"})


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
    if span[0].is_lower and fold(span[0].text) in function_words():
        return None  # `ministre de l'Intérieur`: a function, not the body's name
    return span if plausible_name(span) else None


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Folded first words of the functions in ``people_functions.csv`` (ministre, président)."""
    rows = read_csv("people_functions.csv", required=("function",),
                    optional=("canonical", "kind", "gender", "note"))
    return frozenset(fold(row["function"]).split()[0] for row in rows)


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


def _wraps_person(span: Span, people: list[Span]) -> bool:
    """Whether a model span is a person found by the people family plus one word
    (``Monsieur Lucien Morel`` when the honorific stays outside, ``Kényan Samuel Otieno``)."""
    for person in people:
        if (span.start <= person.start and person.end <= span.end
                and 0 < len(span) - len(person) <= 1):
            return True
    return False


def _before_date(ent: Span, date_starts: list[int]) -> Span:
    """Cut a model span before a date found inside it (``Conseil d'Etat du 12 mars 1803``)."""
    inside = [start for start in date_starts if ent.start < start < ent.end]
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

    @property
    def weak(self) -> bool:
        """A span with no evidence of its own: the model's, or a family's copy of it."""
        return self.source == MODEL or self.attrs.get("rule") == f"{self.source}.model"

    @property
    def rank(self) -> tuple[int, int, int, int]:
        family = FAMILIES.index(self.source) if self.source in FAMILIES else len(FAMILIES)
        return (-(self.span.end_char - self.span.start_char), int(self.weak), family,
                self.span.start_char)


def collect(doc: Doc, keep_misc: bool = False) -> list[Candidate]:
    """Every candidate span of ``doc``: the model's entities and the families' span groups.

    When the people family ran, it is the authority on PER: it re-emits the model's PER
    spans it confirms (trimmed of functions, completed with honorifics), so the model's own
    PER spans are not candidates. The model's MISC spans are kept only with ``keep_misc``
    (their precision is 0.02 to 0.03 on the French gold sets). Model spans are cleaned by
    :func:`clean_model_span` first.
    """
    people_ran = "people" in doc.spans
    people = [p for p in doc.spans["people"]] if people_ran else []
    date_starts = sorted(s.start for s in doc.spans["dates"]) if "dates" in doc.spans else []
    candidates = []
    for ent in doc.ents:
        if (people_ran and ent.label_ == "PER") or (ent.label_ == "MISC" and not keep_misc):
            continue
        span = clean_model_span(_before_date(ent, date_starts))
        if span is not None and not _wraps_person(span, people):
            candidates.append(refine_model_span(span))
    for family in FAMILIES:
        if family not in doc.spans:
            continue
        for span in doc.spans[family]:
            attrs = get_span_attrs(span, family)
            candidate = Candidate(span, span.label_, span.kb_id_ or None, family, attrs)
            if candidate.weak and not plausible_name(span):
                continue  # a family's plain copy of a model span gets the model's checks
            candidates.append(candidate)
    return candidates


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


def with_place(candidate: Candidate) -> Candidate:
    """Fill a LOC candidate's country and canonical name from the place gazetteer."""
    if candidate.label != "LOC" or candidate.attrs.get("country"):
        return candidate
    place = lookup_place(candidate.span.text)
    if place is None:
        return candidate
    attrs = {**candidate.attrs, "country": place.country}
    attrs.setdefault("name", place.name)
    return Candidate(candidate.span, candidate.label, candidate.norm, candidate.source, attrs)


def select(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the best non-overlapping candidates by the module's policy, in text order."""
    kept: list[Candidate] = []
    taken: set[int] = set()
    for candidate in sorted(candidates, key=lambda c: c.rank):
        tokens = range(candidate.span.start, candidate.span.end)
        if any(i in taken for i in tokens):
            continue
        kept.append(candidate)
        taken.update(tokens)
    return sorted(kept, key=lambda c: c.span.start_char)


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
                 keep_misc: bool = False) -> None:
        self.name = name
        self.keep_misc = keep_misc
        generic_words()  # load (and validate) the data files now, not on the first story
        place_heads()
        function_words()

    def process(self, doc: Doc) -> list[dict[str, Any]]:
        """Return the resolved mentions of ``doc`` as plain dicts, in text order."""
        ctx = StoryContext.of(doc)
        return [mention_dict(with_place(c), ctx.sentence_index_at(c.span.start_char))
                for c in select(collect(doc, self.keep_misc)) if c.label in LABELS]

    def __call__(self, doc: Doc) -> Doc:
        doc._.mentions = self.process(doc)
        return doc


@Language.factory("depeche_resolver", assigns=["doc._.mentions"], requires=["doc.ents"],
                  default_config={"keep_misc": False})
def make_resolver(nlp: Language, name: str, keep_misc: bool) -> Resolver:
    """Build the resolution component (spaCy factory ``depeche_resolver``).

    ``keep_misc``: also keep the model's MISC spans (off by default: they are mostly noise).
    """
    return Resolver(nlp, name, keep_misc)
