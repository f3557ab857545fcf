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

3b. **One story, one reading** (:mod:`pipeline.entities.story`): the subject of a reporting
   verb is no unknown place, a surname seen in a full name is a person's, the same name takes
   one label, an acronym links to the name it abbreviates; with a gold set's conventions,
   quoted phrase-like names go (``phrase_names``), a place ending an organisation's name
   becomes its own mention (``place_in_name``), a quoted newspaper title is a MISC
   (``press_titles_misc``) and names opening with a lower-case word go
   (``lower_case_openings``).

4. **Linking.** A kept LOC gets its country and canonical name from the place gazetteer when
   its family gave none; every kept span gets an ``entity_id`` ``label:key`` (ISO code,
   organisation id, canonical person name, place name, ISO date; none for a date without a
   full value) and is written to ``doc._.mentions`` as a plain dict.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.context import StoryContext, is_break
from pipeline.entities.countries import country_by_code, lookup_country
from pipeline.entities.gazetteers import fold, non_overlapping, read_csv
from pipeline.entities.organisations import lookup_organisation
from pipeline.entities.organisations.acronyms import lower_heads
from pipeline.entities.people.base import load_given_names
from pipeline.entities.places import lookup_place
from pipeline.entities.story import (
    HEAD_LINKS,
    LEADING_FUNCTION_WORDS,
    MODEL,
    QUOTE_MARKS,
    Candidate,
    drop_lower_case_openings,
    drop_phrase_names,
    harmonise,
    link_acronyms,
    press_titles_as_misc,
    reporting_forms,
    slug,
    split_place_tails,
    with_place,
)
from pipeline.extensions import get_span_attrs

__all__ = ["Candidate", "Family", "Resolver", "families_of", "make_resolver", "select", "slug"]

LABELS = ("PER", "ORG", "COUNTRY", "LOC", "DATE", "MISC")
#: How a mention names its entity (``mentions.form``); a family's other forms (``dateline``,
#: ``agency``, a date's ``absolute``/``partial``/``relative``) count as ``name``, and a date's
#: goes to ``mentions.kind``.
FORMS = ("name", "acronym", "short", "demonym")


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
    if (ent.label_ == "ORG" and start < end - 1 and doc[start].is_lower
            and fold(doc[start].text) in lower_heads() and doc[start + 1].text[:1].isupper()):
        start += 1  # `la banque Ostrava`: the noun that introduces the name stays out (a
        # place keeps it: `lycée Victor-Hugo` is no person)
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
    if fold(span[0].text) in function_words() and (
            span[0].is_lower or (len(span) > 1 and span[1].is_lower)):
        return None  # `ministre de l'Intérieur`, `Présidente de l'association`: a function
        # (but `Haute Autorité de santé` is a name)
    return span if plausible_name(span) else None


def _opening_participle(span: Span) -> bool:
    """A past participle that opens a sentence before a preposition (``Transportée à``)."""
    doc, i = span.doc, span.start
    return (is_break(doc, i) and span.text.lower().endswith(PARTICIPLE_ENDINGS)
            and i + 1 < len(doc) and doc[i + 1].lower_ in PARTICIPLE_FOLLOWERS)


def plausible_name(span: Span) -> bool:
    """Whether a one-word span can be a name on its own: not a generic capitalised noun
    (``République``, ``Hier``), not a nationality word (``Suisses``), not one or two letters
    (``I``, ``AI``: OCR debris or initials), not a participle opening a sentence
    (``Transportée à``). Longer spans are always plausible here."""
    if len(span) != 1:
        return True
    text = span.text
    if len(text) <= 2 or fold(text) in generic_words() or _opening_participle(span):
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



#: Fewest letters of an upper-case heading word read as a place (shorter ones are acronyms).
HEADING_MIN_LETTERS = 5


def _heading_word(ent: Span) -> bool:
    """An upper-case word of five letters or more that opens a sentence or a line and ends
    it, or is followed by a comma and a day: a section heading or a dateline (``SUISSE.``,
    ``GENÈVE, 3 mars``), which names a place, not a body (``FRELIMO, le parti`` stays)."""
    doc, text = ent.doc, ent.text
    if not (len(ent) == 1 and text.isupper() and text.isalpha()
            and len(text) >= HEADING_MIN_LETTERS and is_break(doc, ent.start)
            and ent.end < len(doc)):
        return False
    after = doc[ent.end + 1] if ent.end + 1 < len(doc) else None
    return doc[ent.end].text == "." or (doc[ent.end].text == "," and after is not None
                                        and after.text[:1].isdigit())


def refine_model_span(ent: Span) -> Candidate:
    """A model entity as a candidate, its label and value corrected by the gazetteers.

    A LOC, ORG or MISC whose text is a country name becomes COUNTRY; an ORG known to the
    organisation gazetteer gets its id; a one-word upper-case ORG that is a known place (a
    dateline city such as ``BICHKEK``) or a heading word (:func:`_heading_word`) becomes LOC.
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
        if _heading_word(ent):
            return Candidate(ent, "LOC", None, MODEL, {"rule": "model.ner+heading"})
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


# -- 4. linking --------------------------------------------------------------------------------



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
                 place_in_name: bool = True, press_titles_misc: bool = False,
                 lower_case_openings: bool = True) -> None:
        """Find the families among the components already in ``nlp``'s pipeline."""
        self.name = name
        self.keep_misc = keep_misc
        self.phrase_names = phrase_names
        self.place_in_name = place_in_name
        self.press_titles_misc = press_titles_misc
        self.lower_case_openings = lower_case_openings
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
        if self.press_titles_misc:
            kept = press_titles_as_misc(kept)
        if not self.lower_case_openings:
            kept = drop_lower_case_openings(kept)
        return [mention_dict(with_place(c), ctx.sentence_index_at(c.span.start_char))
                for c in link_acronyms(harmonise(kept)) if c.label in LABELS]

    def __call__(self, doc: Doc) -> Doc:
        """Write ``doc._.mentions``."""
        doc._.mentions = self.process(doc)
        return doc


@Language.factory("depeche_resolver", assigns=["doc._.mentions"],
                  requires=["doc.ents", "doc.spans"],
                  default_config={"keep_misc": False, "phrase_names": True,
                                  "place_in_name": True, "press_titles_misc": False,
                                  "lower_case_openings": True})
def make_resolver(nlp: Language, name: str, keep_misc: bool, phrase_names: bool,
                  place_in_name: bool, press_titles_misc: bool,
                  lower_case_openings: bool) -> Resolver:
    """Build the resolution component (spaCy factory ``depeche_resolver``); add it after the
    families, which it finds in the pipeline.

    ``keep_misc``: also keep the model's MISC spans (off by default: they are mostly noise);
    ``phrase_names``: keep quoted names that read as a phrase (``"Un toit, un espoir"``);
    ``place_in_name``: keep the place that ends an organisation's name inside it
    (``Garde nationale de Niamey``; off: the place is a mention of its own);
    ``press_titles_misc``: a quoted name after an article (``la « Gazette »``) is a
    newspaper's title, labelled MISC as a work, not ORG;
    ``lower_case_openings``: keep names that open with a lower-case word (``rue Neuve``).
    """
    return Resolver(nlp, name, keep_misc, phrase_names, place_in_name, press_titles_misc,
                    lower_case_openings)
