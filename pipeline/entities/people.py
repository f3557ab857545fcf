"""People family: personal names (label PER), checked and completed around the model's entities.

The component runs after the statistical ``ner`` and reads ``doc.ents`` (never writes them);
it writes ``doc.spans["people"]`` from four sources:

* the model's ``PER`` entities, checked: a leading function is cut off and recorded
  (``Président Macron`` -> ``Macron``, ``function="président"``), leading articles and trailing
  punctuation are trimmed, words before the last lower-case non-particle word are dropped
  (``Affaires étrangères Sergueï Lavrov`` -> ``Sergueï Lavrov``), and a span left with no
  capitalised name word (an honorific alone, a lower-case word) is dropped; a span is cut
  before a function written after the name (``Jean Dupont Président`` -> ``Jean Dupont``) and
  two spans joined by a hyphen with no space are one name (``Calin Popescu``-``Tariceanu``).
  Unchanged spans get rule ``people.model``, trimmed or merged ones ``people.model_trimmed``;
* honorific + name (``M. Japarov``, ``Mme Dupont``, ``MM. Dupont et Durand``, ``Me``, ``Dr``,
  ``Pr``, ``Mgr``, ``Sir``...; ``people_honorifics.csv``): following the Quaero/HIPE conventions
  the honorific stays INSIDE the mention and is recorded in ``title``;
* function + name (``le président kirghize Sadyr Japarov``, ``le ministre russe des Affaires
  étrangères Sergueï Lavrov``, ``le porte-parole du Kremlin, Dmitri Peskov``;
  ``people_functions.csv``): the function phrase stays OUTSIDE the mention and is recorded in
  ``function``. Military ranks take a particle name (``le général de Gaulle`` -> ``de Gaulle``);
* the user's watch list (``extra_files``: CSV ``canonical,aliases`` with ``|`` between aliases).

Names: capitalised words, all-capital surnames (``Jean DUPONT``), initials (``J. F. Kennedy``),
hyphenated parts (``Jean-Luc``, ``Dupond-Moretti``), particles (``de Villepin``,
``von der Leyen``, ``al-Assad``, ``Le Pen``; ``people_particles.csv``) and regnal numbers
(``Charles III``). Within the document, :func:`link_people` resolves short mentions to the
longest full name that ends with the same words (``M. Japarov`` -> ``Sadyr Japarov``), and
leaves a surname shared by two full names (``Le Pen`` with ``Marine Le Pen`` and
``Jean-Marie Le Pen``) unresolved.

Per-span values (group ``people``): ``rule``, ``form`` (``name`` with a first name, ``short``
for a surname alone), ``title`` (honorific kept in the span, else None), ``first``, ``last``
(of the canonical name), ``canonical`` (None when ambiguous) and ``function`` (None if none).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.entities.countries import load_countries
from pipeline.entities.gazetteers import FormMatcher, fold, read_csv
from pipeline.entities.organisations import lookup_organisation
from pipeline.extensions import register_extensions, write_span_group

__all__ = [
    "FAMILY",
    "Function",
    "Honorific",
    "PersonExtractor",
    "PersonMention",
    "link_people",
    "load_functions",
    "load_descriptors",
    "load_honorifics",
    "load_particles",
    "load_watchlist",
    "make_person_extractor",
    "span_key",
    "split_name",
]

FAMILY = "people"
LABEL = "PER"
HONORIFICS_FILE = "people_honorifics.csv"
FUNCTIONS_FILE = "people_functions.csv"
PARTICLES_FILE = "people_particles.csv"
DESCRIPTORS_FILE = "people_descriptors.csv"
GIVEN_NAMES_FILE = "people_given_names.csv"

#: Extents of a PER mention (``extent`` option of the factory): ``name`` (the product's: the
#: name with its honorific, functions outside) or ``hipe`` (the HIPE/impresso convention:
#: honorifics, functions and descriptors before the name and appositions after it inside).
EXTENTS: tuple[str, ...] = ("name", "hipe")

RULE_MODEL = "people.model"
RULE_MODEL_TRIMMED = "people.model_trimmed"
RULE_HONORIFIC = "people.honorific"
RULE_HONORIFIC_LIST = "people.honorific_list"
RULE_FUNCTION = "people.function"
RULE_WATCHLIST = "people.watchlist"
RULE_DEMONYM = "people.demonym"

#: Groups of other families whose spans end a function's complement (``du Kremlin``).
COMPLEMENT_GROUPS: tuple[str, ...] = ("organisations", "countries", "places")

#: Capitalised words that never start or continue a name (sentence-initial words).
_STOP_CAPITALS: frozenset[str] = frozenset(fold(w) for w in """
le la les l' un une des du de d' au aux ce cet cette ces il elle ils elles on nous vous je
selon pour dans en mais et ou si lors apres avant depuis par sur avec sans chez vers ainsi
alors enfin puis cependant toutefois pourtant outre quant quand comme tandis car donc or ni
son sa ses leur leurs notre nos votre vos mon ma mes y a
""".split())

#: Lower-case words that end a function phrase (verbs, pronouns, conjunctions...).
_PHRASE_STOP: frozenset[str] = frozenset(fold(w) for w in """
a ont est sont etait etaient sera seront avait avaient fut aura auraient serait a-t-il
qui que qu' dont ou il elle ils elles on se s' ne n' le la les l' un une et ou mais
a au aux en dans sur avec par pour selon lors depuis apres avant contre vers chez sans
ce cette ces son sa ses leur leurs y lui leur
""".split())

_PREPOSITIONS: frozenset[str] = frozenset({"de", "du", "des", "d'"})
#: Words opening an apposition after a name (``Morel, cet employé de la mairie``).
_APPOSITION_DETERMINERS: frozenset[str] = frozenset(fold(w) for w in """
le la l' un une cet cette ce son sa notre votre leur
""".split())
#: ``née``: a maiden name follows (``Louise née Vasseur``).
_MAIDEN: frozenset[str] = frozenset({"nee"})
_ARTICLES: frozenset[str] = frozenset({"la", "le", "les", "l'"})
_INITIAL_RE = re.compile(r"^[A-ZÀ-Ý][a-z]?\.(?:-[A-ZÀ-Ý]\.)?$")
_ROMAN_RE = re.compile(r"^(?:I{1,3}|IV|V|VI{1,3}|IX|X{1,3}I{0,3}|XI?V|XVI{0,3})$")
_CAP_ELISION_RE = re.compile(r"^[A-Z]['\u2019]$")


@dataclass(frozen=True)
class Honorific:
    """An honorific of ``people_honorifics.csv``."""

    text: str
    expansion: str
    number: str
    gender: str | None


@dataclass(frozen=True)
class Function:
    """A function or title of ``people_functions.csv``."""

    text: str
    canonical: str
    kind: str
    gender: str | None


def _one_of(*allowed: str) -> Any:
    def check(value: str) -> str | None:
        return None if value in allowed else f"expected one of {', '.join(allowed)}"
    return check


@lru_cache(maxsize=1)
def load_honorifics() -> dict[str, Honorific]:
    """Honorifics by exact spelling (``M.``, ``Mme``, ``MM.``...)."""
    rows = read_csv(HONORIFICS_FILE, required=("honorific", "expansion", "number"),
                    optional=("gender",),
                    validators={"number": _one_of("singular", "plural"),
                                "gender": _one_of("m", "f")})
    return {r["honorific"]: Honorific(r["honorific"], r["expansion"], r["number"],
                                      r.get("gender") or None) for r in rows}


@lru_cache(maxsize=1)
def load_functions() -> tuple[Function, ...]:
    """Functions and titles written before names (``président``, ``Premier ministre``...)."""
    kinds = ("head_of_state", "government", "diplomacy", "legislature", "local", "military",
             "religious", "royal", "business", "justice", "organisation", "media", "other")
    rows = read_csv(FUNCTIONS_FILE, required=("function", "canonical", "kind"),
                    optional=("gender",),
                    validators={"kind": _one_of(*kinds), "gender": _one_of("m", "f")})
    return tuple(Function(r["function"], r["canonical"], r["kind"], r.get("gender") or None)
                 for r in rows)


@lru_cache(maxsize=1)
def load_particles() -> dict[str, int]:
    """Name particles (case-sensitive) and how many name words may precede each."""
    def check(value: str) -> str | None:
        return None if value.isdigit() else "expected a whole number"
    rows = read_csv(PARTICLES_FILE, required=("particle", "max_before"),
                    validators={"max_before": check})
    return {r["particle"]: int(r["max_before"]) for r in rows}


@lru_cache(maxsize=1)
def load_descriptors() -> dict[str, str]:
    """Nouns describing a person (``citoyen``, ``père``, ``notaire``...) by folded form: kind."""
    kinds = ("kinship", "civil", "occupation", "rank", "nobility")
    rows = read_csv(DESCRIPTORS_FILE, required=("word", "kind"),
                    validators={"kind": _one_of(*kinds)})
    return {fold(r["word"]): r["kind"] for r in rows}


def load_watchlist(paths: Iterable[str | Path]) -> list[tuple[str, tuple[str, ...]]]:
    """Read watch-list files (``canonical,aliases``): canonical name and all its forms.

    Raises :class:`pipeline.entities.gazetteers.GazetteerError` naming file and line on a bad row.
    """
    def check(value: str) -> str | None:
        return ("empty alias between '|' separators"
                if any(not a.strip() for a in value.split("|")) else None)
    entries: list[tuple[str, tuple[str, ...]]] = []
    for path in paths:
        for row in read_csv(Path(path), required=("canonical",), optional=("aliases",),
                            validators={"aliases": check}):
            canonical = " ".join(row["canonical"].split())
            if not any(c.isupper() for c in canonical):
                raise row.error(f"canonical name {canonical!r} has no capital letter")
            forms = [canonical] + [" ".join(a.split()) for a in row.get("aliases").split("|")
                                   if a.strip()]
            entries.append((canonical, tuple(dict.fromkeys(forms))))
    return entries


def span_key(span: Span) -> str:
    """The key of ``span`` in :func:`link_people`'s result: ``"start_char:end_char"``."""
    return f"{span.start_char}:{span.end_char}"


# --------------------------------------------------------------------------- name grammar


def _is_initial(token: Token) -> bool:
    return bool(_INITIAL_RE.match(token.text))


@lru_cache(maxsize=1)
def _organisation_heads() -> frozenset[str]:
    """Words opening an organisation's name (``organisations_heads.csv``): ``Cour``..."""
    return frozenset(fold(r["head"]) for r in read_csv("organisations_heads.csv",
                                                        required=("head",),
                                                        optional=("phrase",)))


@lru_cache(maxsize=1)
def _organisation_nouns() -> frozenset[str]:
    """Lower-case nouns naming a kind of body before its name (``organisations_nouns.csv``,
    cue ``head``): ``société``, ``groupe``, ``association``, ``banque``..."""
    return frozenset(fold(r["word"]) for r in read_csv("organisations_nouns.csv",
                                                        required=("word", "cue"))
                     if r["cue"] == "head")


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """Common given names (``people_given_names.csv``), folded."""
    return frozenset(fold(r["name"]) for r in read_csv(GIVEN_NAMES_FILE, required=("name",)))


_QUOTES: frozenset[str] = frozenset('"«»“”„')
_HYPHENS: tuple[str, ...] = ("-", "\u2011")


def _hyphen_joined(doc: Doc, left_end: int, right_start: int) -> bool:
    """Whether the word ending at token ``left_end`` (exclusive) and the one starting at
    ``right_start`` are two parts of one hyphenated word (``Popescu-Tariceanu``): a hyphen
    between them with no space around it, as its own token or glued to either side."""
    if not 0 < left_end <= right_start < len(doc) or right_start - left_end > 1:
        return False
    left, right = doc[left_end - 1], doc[right_start]
    gap = doc.text[left.idx + len(left.text):right.idx]
    if gap in _HYPHENS:
        return True
    return gap == "" and (left.text.endswith(_HYPHENS) or right.text.startswith(_HYPHENS))


def _is_abbreviated_given_name(doc: Doc, i: int, limit: int) -> bool:
    """``Ch.``, ``Aug.``, ``Em.`` before a name: a short capitalised word glued to a full stop
    (split off by the tokenizer) and followed by a name word (``le citoyen Aug. Chappuis``)."""
    token = doc[i]
    return (i + 2 < limit and 2 <= len(token.text) <= 4 and token.text.isalpha()
            and token.text[0].isupper() and token.text[1:].islower() and not token.whitespace_
            and doc[i + 1].text == "." and token.text not in load_honorifics()
            and fold(token.text) not in _STOP_CAPITALS
            and _word_end(doc, i + 2, limit) is not None)


def _is_name_word(token: Token) -> bool:
    """A capitalised word that can be part of a name (not an honorific, article, function)."""
    text = token.text
    if len(text) < 2 or not text[0].isupper() or text.endswith("."):
        return False
    if not all(c.isalpha() or c in "-'\u2019" for c in text) or text[-1] in "-'\u2019":
        return False
    if _ROMAN_RE.match(text):
        return False  # a regnal number ends a name (Charles III), never makes one
    folded = fold(text)
    return (folded not in _STOP_CAPITALS and text not in load_honorifics()
            and folded not in _single_word_functions())


@lru_cache(maxsize=1)
def _single_word_functions() -> frozenset[str]:
    return frozenset(fold(f.text) for f in load_functions() if " " not in f.text)


def _word_end(doc: Doc, i: int, limit: int) -> int | None:
    """End of the name word starting at ``i`` with its joins (``O’Brien``, ``Dupond-Moretti``)."""
    k = i
    if (_CAP_ELISION_RE.match(doc[k].text) and not doc[k].whitespace_ and k + 1 < limit
            and _is_name_word(doc[k + 1])):
        k += 1
    if k >= limit or not _is_name_word(doc[k]):
        return None
    k += 1
    while (k + 1 < limit and doc[k].text == "-" and not doc[k - 1].whitespace_
           and not doc[k].whitespace_ and doc[k + 1].is_alpha):
        k += 2
    return k


def parse_name(doc: Doc, start: int, limit: int | None = None,
               known: Iterable[int] = (), stops: Iterable[int] = ()) -> int | None:
    """End (exclusive) of the personal name starting at token ``start``, or None.

    A name is a run of name words, initials, particles followed by a name word and a final
    regnal number, ending on a name word (or the number). A particle is not taken when the
    next word starts a ``known`` span (a country, place or organisation of another family:
    ``Japarov de Kirghizie``). The name never runs into a token of ``stops`` (where a function
    starts: ``Ivan Petrov Premier ministre de Bulgarie`` -> ``Ivan Petrov``).
    """
    known = set(known)
    stops = set(stops) - {start}
    limit = len(doc) if limit is None else limit
    particles = load_particles()
    j, end, words = start, None, 0
    while j < limit:
        token = doc[j]
        if j in stops:
            break
        if _is_abbreviated_given_name(doc, j, limit):
            j += 2
            continue
        word_end = _word_end(doc, j, limit)
        if word_end is not None:
            j = end = word_end
            words += 1
            continue
        if _is_initial(token) and token.text not in load_honorifics():
            j += 1
            continue
        if token.text in particles and words <= particles[token.text]:
            k = j + 1
            while k < limit and doc[k].text in particles:
                k += 1
            if k < limit and doc[k].text == "-" and not doc[k - 1].whitespace_:
                k += 1
            if (k < limit and k not in known and k not in stops
                    and _word_end(doc, k, limit) is not None):
                j = k
                continue
            break
        if end == j and words and _ROMAN_RE.match(token.text):
            j = end = j + 1
            continue
        break
    return end


def _name_tokens(span: Span | Doc) -> list[Token]:
    """Tokens of a PER span without its leading honorific (and a detached ``.``)."""
    tokens = list(span)
    if tokens and tokens[0].text in load_honorifics():
        tokens = tokens[1:]
        if tokens and tokens[0].text == ".":
            tokens = tokens[1:]
    return tokens


def _text_of(tokens: Sequence[Token]) -> str:
    if not tokens:
        return ""
    doc = tokens[0].doc
    return " ".join(doc.text[tokens[0].idx:tokens[-1].idx + len(tokens[-1])].split())


def split_name(tokens: Sequence[Token]) -> tuple[str | None, str | None]:
    """Split a name (honorific excluded) into (first, last).

    The last name is the final word with its hyphenated parts and the particles before it:
    ``Jean-Marie Le Pen`` -> (``Jean-Marie``, ``Le Pen``); ``Bachar al-Assad`` ->
    (``Bachar``, ``al-Assad``); ``Japarov`` -> (None, ``Japarov``); ``Charles III`` ->
    (None, ``Charles III``).
    """
    tokens = [t for t in tokens if not t.is_space]
    if not tokens:
        return None, None
    particles = load_particles()
    k = len(tokens) - 1
    if k > 0 and _ROMAN_RE.match(tokens[k].text):
        return (_text_of(tokens[:k - 1]) or None), _text_of(tokens)
    while k >= 2 and tokens[k - 1].text == "-":
        k -= 2
    if k >= 1 and _CAP_ELISION_RE.match(tokens[k - 1].text):
        k -= 1
    while k >= 1 and tokens[k - 1].text in particles:
        k -= 1
    return (_text_of(tokens[:k]) or None), _text_of(tokens[k:])


def _name_key(tokens: Sequence[Token]) -> tuple[str, ...]:
    parts: list[str] = []
    for token in tokens:
        parts.extend(p for p in fold(token.text).split("-") if p)
    return tuple(parts)


def _link(spans: Sequence[Span]) -> dict[str, Span | None]:
    """Map each span key to the span holding its full name (None: ambiguous)."""
    keyed = [(s, _name_key(_name_tokens(s))) for s in spans]
    result: dict[str, Span | None] = {}
    for span, key in keyed:
        if not key:
            continue
        longer: dict[tuple[str, ...], Span] = {}
        for other, other_key in keyed:
            if len(other_key) > len(key) and other_key[-len(key):] == key:
                longer.setdefault(other_key, other)
        # drop candidates that are themselves the end of a longer candidate
        maximal = {k: s for k, s in longer.items()
                   if not any(len(o) > len(k) and o[-len(k):] == k for o in longer)}
        if not maximal:
            result[span_key(span)] = span
        elif len(maximal) == 1:
            result[span_key(span)] = next(iter(maximal.values()))
        else:
            result[span_key(span)] = None
    return result


def link_people(spans: Sequence[Span]) -> dict[str, str]:
    """Resolve the people mentions of one document to canonical full names.

    Returns ``{span_key(span): canonical name}`` where the canonical name is the longest name
    in ``spans`` whose last words are the span's name (honorifics ignored, accents and case
    ignored): ``M. Japarov`` and ``Japarov`` -> ``Sadyr Japarov``. A span with no longer match
    maps to its own name; a span whose name ends two different full names (``Le Pen`` with
    ``Marine Le Pen`` and ``Jean-Marie Le Pen``) is ambiguous and left out. Pure.
    """
    return {key: _text_of(_name_tokens(target))
            for key, target in _link(spans).items() if target is not None}


# --------------------------------------------------------------------------- extractor


@dataclass(frozen=True)
class PersonMention:
    """One people span proposed by :meth:`PersonExtractor.process`."""

    span: Span
    attrs: dict[str, Any]


@dataclass
class _Candidate:
    start: int
    end: int
    rule: str
    priority: int
    function: str | None = None
    canonical: str | None = None


class PersonExtractor:
    """Pipeline component writing ``doc.spans["people"]`` (label ``PER``)."""

    spans_key = FAMILY
    rank = 30
    #: The resolver drops the model's PER spans when this family ran: it re-emits them.
    replaces_model_labels = ("PER",)

    def __init__(self, nlp: Language, name: str = "depeche_people",
                 extra_files: Sequence[str] = (), use_model: bool = True,
                 link: bool = True, honorific_in_span: bool = True,
                 extent: str = "name") -> None:
        if extent not in EXTENTS:
            raise ValueError(f"extent must be one of {', '.join(EXTENTS)}, not {extent!r}")
        if extent == "hipe" and not honorific_in_span:
            raise ValueError("extent 'hipe' keeps honorifics inside the span: "
                             "honorific_in_span must be true")
        register_extensions()
        self.name = name
        self.nlp = nlp
        self.extra_files = [str(p) for p in extra_files]
        self.use_model = use_model
        self.link = link
        self.honorific_in_span = honorific_in_span
        self.extent = extent
        self.honorifics = load_honorifics()
        self.descriptors = load_descriptors()
        self.functions = load_functions()
        self.function_matcher: FormMatcher[Function] = FormMatcher(
            nlp, [(f.text, f) for f in self.functions], check_case=False)
        self.watchlist = load_watchlist(self.extra_files)
        self.watch_matcher: FormMatcher[str] = FormMatcher(
            nlp, [(form, canonical) for canonical, forms in self.watchlist for form in forms],
            check_case=True)
        self.watch_index: dict[str, str] = {
            fold(form): canonical for canonical, forms in self.watchlist for form in forms}

    # ---- function phrases

    def _known_ends(self, doc: Doc) -> dict[int, int]:
        ends: dict[int, int] = {}
        for group in COMPLEMENT_GROUPS:
            if group in doc.spans:
                for span in doc.spans[group]:
                    ends[span.start] = max(ends.get(span.start, 0), span.end)
        return ends

    def _complement_end(self, doc: Doc, k: int, known: dict[int, int]) -> int | None:
        if k in known:
            return known[k]
        if doc[k].text[:1].isupper():
            listed = self._listed_organisation_end(doc, k)
            if listed is not None:
                return listed
            end = _word_end(doc, k, len(doc))
            if (end == k + 1 and fold(doc[k].text) in _organisation_nouns()
                    and end < len(doc) and doc[end].text[:1].isupper()):
                # "de la Banque Populaire", "du Groupe Acme": the body's name goes on
                return self._organisation_name_end(doc, end, known, len(doc))
            return end
        if doc[k].is_alpha and doc[k].is_lower and fold(doc[k].text) not in _PHRASE_STOP:
            return k + 1
        return None

    @staticmethod
    def _listed_organisation_end(doc: Doc, k: int) -> int | None:
        for m in range(min(len(doc), k + 8), k, -1):
            if lookup_organisation(doc[k:m].text) is not None:
                return m
        return None

    def _organisation_name_end(self, doc: Doc, k: int, known: dict[int, int],
                               limit: int) -> int:
        """End of the name of a body written at ``k`` after its noun (``la société [Acme]``,
        ``l’association ["Les Amis du Vercors"]``, ``le groupe [Renault]``), or ``k`` if there is
        none. A known span, a listed organisation or a quoted name closes it; otherwise every
        capitalised word (with ``de``, ``&``... between them) belongs to it, so that no
        person's name is taken from it (``la société Acme`` is not a person). A common given
        name and another name word there are a person's name, the noun referring back to a
        body named before (``la trésorière de l’association Claire Vasseur``): ``k`` is returned.
        """
        if (k + 1 < limit and fold(doc[k].text) in _given_names()
                and _word_end(doc, k + 1, limit) is not None):
            return k
        quoted = k < limit and doc[k].text in _QUOTES
        m = k + 1 if quoted else k
        if m < limit and m in known:
            m = known[m]
        elif m < limit and doc[m].text[:1].isupper() and (
                listed := self._listed_organisation_end(doc, m)) is not None:
            m = listed
        elif quoted:
            close = next((q for q in range(m, min(limit, m + 15)) if doc[q].text in _QUOTES),
                         None)
            return k if close is None else close + 1
        else:
            while m < limit:
                text = doc[m].text
                if m in known:
                    m = known[m]
                elif text[:1].isupper() or text in {"&", "-"} or _is_initial(doc[m]):
                    m += 1
                elif (fold(text) in _PREPOSITIONS | _ARTICLES and m + 1 < limit
                      and doc[m + 1].text[:1].isupper()):
                    m += 1
                else:
                    break
            return min(m, limit)
        if quoted and m < limit and doc[m].text in _QUOTES:
            m += 1
        return min(m, limit)

    def skip_function_phrase(self, doc: Doc, i: int, known: dict[int, int] | None = None,
                             limit: int | None = None) -> int:
        """Index of the first token after the modifiers and complements of a function.

        ``le ministre [russe des Affaires étrangères] Sergueï Lavrov``: lower-case adjectives,
        ``de/du/des/d’`` + article + complement (a listed organisation, a capitalised word,
        or a lower-case noun), and ``et`` between complements. A noun naming a body
        (``organisations_nouns.csv``: ``de la société Acme``, ``du groupe pharmaceutique X``,
        ``de l’association "Y"``) takes the body's name with it: a name right after the
        phrase follows only a closed name (known, listed or quoted), never one of its
        capitalised words.
        """
        known = self._known_ends(doc) if known is None else known
        limit = len(doc) if limit is None else limit
        j, modifiers = i, 0
        body = False  # a body's noun was read; its name may follow
        while j < limit:
            token = doc[j]
            folded = fold(token.text)
            if body and (token.text[:1].isupper() or token.text in _QUOTES or j in known):
                end = self._organisation_name_end(doc, j, known, limit)
                body = False
                if end == j:
                    break
                j = end
                continue
            if folded in _PREPOSITIONS:
                k = j + 1
                if k < limit and fold(doc[k].text) in _ARTICLES:
                    k += 1
                end = self._complement_end(doc, k, known) if k < limit else None
                if end is None or end > limit:
                    break
                if (end == k + 1 and doc[k].is_lower and fold(doc[k].text) in _organisation_nouns()
                        and (k > j + 1 or folded != "de")):
                    body = True  # "de la société", "du groupe"; not "directeur de banque"
                elif doc[k].text[:1].isupper() or k in known:
                    body = False
                j = end
                continue
            if folded == "et" and j + 1 < limit and fold(doc[j + 1].text) in _PREPOSITIONS:
                j += 1
                continue
            if (token.is_alpha and token.is_lower and folded not in _PHRASE_STOP
                    and modifiers < 3):
                j += 1
                modifiers += 1
                continue
            break
        return j

    def _function_at(self, doc: Doc) -> dict[int, tuple[int, Function]]:
        found: dict[int, tuple[int, Function]] = {}
        for match in self.function_matcher(doc):
            if match.start not in found or found[match.start][0] < match.end:
                found[match.start] = (match.end, match.payloads[0])
        return found

    # ---- candidates

    def _model_candidates(self, doc: Doc, functions: dict[int, tuple[int, Function]],
                          known: dict[int, int]) -> list[_Candidate]:
        out: list[_Candidate] = []
        particles = load_particles()
        for ent in doc.ents:
            if ent.label_ != LABEL:
                continue
            start, end = ent.start, ent.end
            while start < end and (doc[start].is_punct or doc[start].is_space
                                   or self._leading_article(doc, start, end)):
                start += 1
            while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space) and \
                    not _is_initial(doc[end - 1]):
                end -= 1
            function = None
            if start in functions and functions[start][0] <= end:
                f_end, found = functions[start]
                function = found.text
                start = self.skip_function_phrase(doc, f_end, known, end)
                if start < end and doc[start].text == ",":
                    start += 1
            for k in range(start + 1, end - 1):  # "Japarov de [Kirghizie]": a place follows
                if doc[k].text in particles and k + 1 in known:
                    end = k
                    break
            for k in range(start + 1, end):  # "Jean Dupont [Président] de la société"
                if (k in functions and doc[k - 1].text not in particles
                        and not _hyphen_joined(doc, k, k)
                        and any(_is_name_word(doc[m]) for m in range(start, k))):
                    end = k
                    break
            for k in range(end - 1, start - 1, -1):
                token = doc[k]
                if (token.is_alpha and token.is_lower and token.text not in particles
                        and not (k > 0 and doc[k - 1].text == "-")):
                    start = k + 1
                    break
            if start >= end or not any(_is_name_word(doc[k]) for k in range(start, end)):
                continue
            if fold(doc[start].text) in _organisation_heads() and not (
                    end - start > 1 and _is_name_word(doc[start + 1])):
                continue  # "Cour de Justice", "Gouvernement": an institution, not a person
            unchanged = (start, end) == (ent.start, ent.end)
            out.append(_Candidate(start, end, RULE_MODEL if unchanged else RULE_MODEL_TRIMMED,
                                  0, function))
        return out

    @staticmethod
    def _merge_hyphenated(doc: Doc, candidates: list[_Candidate]) -> list[_Candidate]:
        """Join candidates that are two parts of one hyphenated name split by the model
        (``[Calin Popescu]-[Tariceanu]`` -> ``Calin Popescu-Tariceanu``)."""
        out: list[_Candidate] = []
        for cand in sorted(candidates, key=lambda c: (c.start, -c.end)):
            last = out[-1] if out else None
            if last is not None and _hyphen_joined(doc, last.end, cand.start):
                out[-1] = _Candidate(last.start, cand.end, RULE_MODEL_TRIMMED,
                                     min(last.priority, cand.priority),
                                     last.function or cand.function,
                                     last.canonical or cand.canonical)
            else:
                out.append(cand)
        return out

    def _demonym_candidates(self, doc: Doc, known: dict[int, int]) -> list[_Candidate]:
        """A nationality noun + name that the model took for a place or an organisation:
        ``le [Kényan] Samuel Otieno``, ``la [Roumaine] Elena Munteanu`` (the name may run
        past the model's span)."""
        demonyms = load_countries().by_demonym
        out: list[_Candidate] = []
        for ent in doc.ents:
            if ent.label_ == LABEL or len(ent) < 2:
                continue
            first = doc[ent.start]
            if not (first.text[:1].isupper() and fold(first.text) in demonyms):
                continue
            end = parse_name(doc, ent.start + 1, known=known)
            if (end is not None and end >= ent.end
                    and fold(doc[ent.start + 1].text) not in _organisation_heads()):
                out.append(_Candidate(ent.start + 1, end, RULE_DEMONYM, 1))
        return out

    @staticmethod
    def _leading_article(doc: Doc, i: int, end: int) -> bool:
        """An article opening a model span: ``le``, or ``Le`` not followed by a name word
        (``Le président Macron``; but ``Le Pen`` keeps its particle)."""
        if fold(doc[i].text) not in _ARTICLES:
            return False
        return doc[i].is_lower or i + 1 >= end or not _is_name_word(doc[i + 1])

    def _honorific_candidates(self, doc: Doc, known: dict[int, int],
                              functions: dict[int, tuple[int, Function]]) -> list[_Candidate]:
        out: list[_Candidate] = []
        n = len(doc)
        for i, token in enumerate(doc):
            honorific = self.honorifics.get(token.text)
            if honorific is None:
                continue
            if i > 0 and token.text.endswith(".") and (
                    _is_initial(doc[i - 1]) or _is_name_word(doc[i - 1])):
                continue  # "J. M. Keynes": an initial, not "monsieur"
            j = i + 1
            if j < n and doc[j].text == "." and not token.text.endswith("."):
                j += 1
            end = parse_name(doc, j, known=known, stops=functions)
            if end is None:
                continue
            out.append(_Candidate(i, end, RULE_HONORIFIC, 1))
            if honorific.number != "plural":
                continue
            while end + 1 < n and doc[end].text in {",", "et"}:
                if doc[end].text == "," and end + 2 < n and doc[end + 1].text == "et":
                    end += 1  # "les sieurs Mauley, et Confesse"
                more = parse_name(doc, end + 1, known=known, stops=functions)
                if more is None:
                    break
                out.append(_Candidate(end + 1, more, RULE_HONORIFIC_LIST, 1))
                end = more
        return out

    def _function_candidates(self, doc: Doc, functions: dict[int, tuple[int, Function]],
                             known: dict[int, int], model: list[_Candidate]
                             ) -> list[_Candidate]:
        out: list[_Candidate] = []
        n = len(doc)
        covered = set()
        for start in sorted(functions):
            f_end, function = functions[start]
            if start in covered:
                continue
            covered.update(range(start, f_end))
            j = self.skip_function_phrase(doc, f_end, known)
            apposition = j < n and doc[j].text == ","
            if apposition:
                j += 1
            end = parse_name(doc, j, known=known, stops=functions) if j < n else None
            if end is None and function.kind == "military" and not apposition:
                j = f_end
                end = parse_name(doc, j, known=known, stops=functions)
            if end is None:
                continue
            if apposition and sum(1 for k in range(j, end) if _is_name_word(doc[k])) < 2:
                continue
            for cand in model:  # the model knows better where a name starts
                if (cand.end == end and j < cand.start < end
                        and not _hyphen_joined(doc, cand.start - 1, cand.start)
                        and not _hyphen_joined(doc, cand.start, cand.start)):
                    j = cand.start
            out.append(_Candidate(j, end, RULE_FUNCTION, 2, function.text))
        return out

    def _watch_candidates(self, doc: Doc) -> list[_Candidate]:
        return [_Candidate(m.start, m.end, RULE_WATCHLIST, 3, None, m.payloads[0])
                for m in self.watch_matcher(doc)] if self.watchlist else []

    # ---- extent of the written spans

    def _heads(self, doc: Doc, functions: dict[int, tuple[int, Function]]
               ) -> dict[int, tuple[int, str]]:
        """Start -> (end, kind) of every function (kind ``function``) or person descriptor
        (its kind in ``people_descriptors.csv``: ``notaire``, ``contre-amiral``, ``père``)."""
        heads = {start: (end, "function") for start, (end, _) in functions.items()}
        singles = _single_word_functions()
        for token in doc:
            if token.i in heads or not token.is_alpha and "-" not in token.text:
                continue
            folded = fold(token.text)
            last = folded.rsplit("-", 1)[-1]
            if folded in self.descriptors:
                heads[token.i] = (token.i + 1, self.descriptors[folded])
            elif last != folded and (last in self.descriptors or last in singles):
                heads[token.i] = (token.i + 1, self.descriptors.get(last, "function"))
        return heads

    def _maiden_end(self, doc: Doc, end: int, known: dict[int, int]) -> int | None:
        """End of ``née Bourgoin`` after a name ending at ``end``, or None."""
        if end + 1 < len(doc) and fold(doc[end].text) in _MAIDEN:
            return parse_name(doc, end + 1, known=known)
        return None

    def _head_ending_at(self, doc: Doc, cur: int, floor: int,
                        heads: dict[int, tuple[int, str]], known: dict[int, int]) -> int | None:
        """Start of a function or descriptor phrase ending just before ``cur`` (or before a
        comma there): ``ministre belge`` in ``ministre belge Luc Vermeulen``. A
        kinship word counts only right before the name (``leur père Lucien Morel``; in
        ``fille de feu Henri Tissot`` it names a relation to the person, not the person)."""
        for start in range(cur - 1, max(floor, cur - 10) - 1, -1):
            if start not in heads or heads[start][0] > cur:
                continue
            head_end, kind = heads[start]
            if kind == "kinship" and head_end != cur:
                continue
            j = head_end if head_end == cur else self.skip_function_phrase(
                doc, head_end, known, cur)
            if j == cur or (j == cur - 1 and doc[j].text == ","):
                return start
        return None

    def _hipe_start(self, doc: Doc, start: int, floor: int, heads: dict[int, tuple[int, str]],
                    known: dict[int, int]) -> int:
        """Start of a mention extended over what HIPE puts before a name: honorifics,
        functions and descriptors with their complements, ``le`` after an honorific
        (``M. le notaire Bovet``), a nationality noun (``le Kényan Samuel Otieno``)."""
        demonyms = load_countries().by_demonym
        cur = start
        while cur > floor:
            token = doc[cur - 1]
            if token.text in self.honorifics:
                cur -= 1
                continue
            if (fold(token.text) in _ARTICLES and cur - 2 >= floor
                    and doc[cur - 2].text in self.honorifics):
                cur -= 1
                continue
            head = self._head_ending_at(doc, cur, floor, heads, known)
            if head is not None:
                cur = head
                continue
            if (token.text[:1].isupper() and fold(token.text) in demonyms and cur - 2 >= floor
                    and fold(doc[cur - 2].text) in _ARTICLES | {"un", "une"}):
                cur -= 1
                continue
            break
        return cur

    def _apposition_end(self, doc: Doc, k: int, ceiling: int,
                        heads: dict[int, tuple[int, str]], known: dict[int, int]) -> int | None:
        """End of an apposition starting at ``k`` (after its comma): an optional determiner,
        up to two adjectives, a function or descriptor and its complements, ``à`` + place,
        ``et`` + another one (``maître menuisier à Morges``), or None. Kinship words
        (``sa veuve``, ``fils de Théodore``) name a relation and do not count; descriptors
        must be written in lower case (``Rochat, Meunier`` is a list of names)."""
        if k < ceiling and fold(doc[k].text) in _APPOSITION_DETERMINERS:
            k += 1
        end = None
        while k < ceiling:
            head_end = None
            for m in range(k, min(k + 3, ceiling)):
                if m in heads and heads[m][1] != "kinship" and (
                        heads[m][1] == "function" or doc[m].text.islower()):
                    head_end = heads[m][0]
                    break
                if not (doc[m].is_alpha and doc[m].is_lower
                        and fold(doc[m].text) not in _PHRASE_STOP):
                    break
            if head_end is None or head_end > ceiling:
                break
            end = self.skip_function_phrase(doc, head_end, known, ceiling)
            if end + 1 < ceiling and fold(doc[end].text) in {"a", "au"}:
                place = known.get(end + 1) or _word_end(doc, end + 1, ceiling)
                if place is not None and place <= ceiling:
                    end = place
            if end + 1 < ceiling and doc[end].text == "et":
                k = end + 1
                continue
            break
        return end

    def _hipe_end(self, doc: Doc, end: int, ceiling: int, heads: dict[int, tuple[int, str]],
                  known: dict[int, int]) -> int:
        """End of a mention extended over the appositions HIPE puts inside it
        (``M. Bovet, juge de paix``; ``M. Rochat, notaire, juge de paix``)."""
        while end + 1 < ceiling and doc[end].text == ",":
            more = self._apposition_end(doc, end + 1, ceiling, heads, known)
            if more is None:
                break
            end = more
        return end

    def _extents(self, doc: Doc, kept: list[_Candidate],
                 functions: dict[int, tuple[int, Function]], known: dict[int, int]
                 ) -> list[tuple[int, int] | None]:
        """The written extent of each kept candidate (None: swallowed by another one)."""
        out: list[tuple[int, int] | None] = [(c.start, c.end) for c in kept]
        for i in range(len(out)):
            extent = out[i]
            if extent is None:
                continue
            maiden = self._maiden_end(doc, extent[1], known)
            if maiden is None:
                continue
            for k in range(i + 1, len(out)):
                other = out[k]
                if other is not None and other[0] < maiden:
                    maiden = max(maiden, other[1])
                    out[k] = None
            out[i] = (extent[0], maiden)
        if self.extent == "hipe":
            heads = self._heads(doc, functions)
            floor = 0
            for i, extent in enumerate(out):
                if extent is None:
                    continue
                start = self._hipe_start(doc, extent[0], floor, heads, known)
                ceiling = len(doc)
                while True:  # an apposition may swallow a stray name (``secrétaire d'Etat``)
                    end = self._hipe_end(doc, extent[1], ceiling, heads, known)
                    blocking = next((o[0] for o in out[i + 1:] if o is not None
                                     and o[0] < end and (o[1] > end or doc[o[0]].text
                                                         in self.honorifics)), None)
                    if blocking is None:
                        break
                    ceiling = blocking
                for k in range(i + 1, len(out)):
                    other = out[k]
                    if other is not None and other[1] <= end:
                        out[k] = None
                out[i] = (start, end)
                floor = end
        elif not self.honorific_in_span:
            for i, extent in enumerate(out):
                if extent is None:
                    continue
                start, end = extent
                if doc[start].text in self.honorifics:
                    dotted = doc[start].text.endswith(".")
                    start += 1
                    if start < end and doc[start].text == "." and not dotted:
                        start += 1
                if start < end:
                    out[i] = (start, end)
        return out

    # ---- main

    def process(self, doc: Doc) -> list[PersonMention]:
        """Return the people mentions of ``doc`` (non-overlapping, in text order). Pure."""
        known = self._known_ends(doc)
        functions = self._function_at(doc)
        model = self._model_candidates(doc, functions, known) if self.use_model else []
        if self.use_model:
            model += self._demonym_candidates(doc, known)
            model = self._merge_hyphenated(doc, model)
        candidates = (model + self._honorific_candidates(doc, known, functions)
                      + self._function_candidates(doc, functions, known, model)
                      + self._watch_candidates(doc))
        kept: list[_Candidate] = []
        taken: set[int] = set()
        for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.priority, c.start)):
            if taken.isdisjoint(range(cand.start, cand.end)):
                kept.append(cand)
                taken.update(range(cand.start, cand.end))
        kept.sort(key=lambda c: c.start)
        for cand in kept:  # values found by other rules for the same extent
            for other in candidates:
                if (other.start, other.end) == (cand.start, cand.end):
                    cand.function = cand.function or other.function
                    cand.canonical = cand.canonical or other.canonical
        spans = [Span(doc, c.start, c.end, label=LABEL) for c in kept]
        linked = _link(spans) if self.link else {span_key(s): s for s in spans}
        mentions: list[PersonMention] = []
        extents = self._extents(doc, kept, functions, known)
        for cand, span, extent in zip(kept, spans, extents, strict=True):
            if extent is None:
                continue
            own = _name_tokens(span)
            target = linked.get(span_key(span))
            canonical = _text_of(_name_tokens(target)) if target is not None else None
            watched = (cand.canonical or self.watch_index.get(fold(canonical or ""))
                       or self.watch_index.get(fold(_text_of(own))))
            if watched:
                canonical = watched
                first, last = split_name(list(self.nlp.make_doc(watched)))
            elif target is not None:
                first, last = split_name(_name_tokens(target))
            else:
                first, last = split_name(own)
            title = span[0].text if span[0].text in self.honorifics else None
            form = "name" if len(_name_key(own)) >= 2 and split_name(own)[0] else "short"
            kb_id = span.kb_id_
            mentions.append(PersonMention(Span(doc, extent[0], extent[1], label=LABEL,
                                               kb_id=kb_id), {
                "rule": cand.rule, "form": form, "title": title, "first": first,
                "last": last, "canonical": canonical, "function": cand.function}))
        return mentions

    def __call__(self, doc: Doc) -> Doc:
        write_span_group(doc, FAMILY, ((m.span, m.attrs) for m in self.process(doc)))
        return doc


@Language.factory(
    "depeche_people",
    default_config={"extra_files": [], "use_model": True, "link": True,
                    "honorific_in_span": True, "extent": "name"},
)
def make_person_extractor(nlp: Language, name: str, extra_files: list[str], use_model: bool,
                          link: bool, honorific_in_span: bool, extent: str) -> PersonExtractor:
    """spaCy factory of :class:`PersonExtractor` (``nlp.add_pipe("depeche_people")``).

    ``extra_files``: watch-list CSV paths (``canonical,aliases``); ``use_model``: check and
    keep the model's PER entities of ``doc.ents``; ``link``: resolve short mentions to the
    document's full names (else each span's canonical name is its own name).

    Annotation conventions (the values and ``title`` are the same under all of them; only the
    written extent changes):

    * ``honorific_in_span`` (default true, as in the Quaero/HIPE gold and dépêche's own
      tables): ``M. Japarov``; false: ``M. [Japarov]`` (the POPCORN convention), the honorific
      still recorded in ``title``;
    * ``extent``: ``"name"`` (default: the name, with its honorific, functions outside) or
      ``"hipe"`` (the HIPE/impresso convention, honorifics always inside): honorifics,
      functions and person descriptors before the name with their complements
      (``M. le notaire Bovet``, ``ministre belge Luc Vermeulen``, ``citoyen Jean-Louis
      Tissot``, ``le Kényan Samuel Otieno``) and appositions after it (``M. Bovet, juge de
      paix``, ``Jean-Paul Rochat, maître menuisier à Morges``) belong to the mention.
      ``people_descriptors.csv`` lists the descriptors.

    Under every convention a maiden name belongs to the mention: ``Louise née Vasseur``.
    """
    return PersonExtractor(nlp, name, extra_files=extra_files, use_model=use_model, link=link,
                           honorific_in_span=honorific_in_span, extent=extent)
