"""People family: personal names (label PER), checked and completed around the model's entities.

The component runs after the statistical ``ner`` and reads ``doc.ents`` (never writes them);
it writes ``doc.spans["people"]`` from four sources:

* the model's ``PER`` entities, checked: a leading function is cut off and recorded
  (``Président Macron`` -> ``Macron``, ``function="président"``), leading articles and trailing
  punctuation are trimmed, words before the last lower-case non-particle word are dropped
  (``Affaires étrangères Sergueï Lavrov`` -> ``Sergueï Lavrov``), and a span left with no
  capitalised name word (an honorific alone, a lower-case word) is dropped. Unchanged spans
  get rule ``people.model``, trimmed ones ``people.model_trimmed``;
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

from pipeline.extensions import register_extensions, set_span_attrs
from pipeline.gazetteers import FormMatcher, fold, read_csv
from pipeline.organisations import lookup_organisation

__all__ = [
    "FAMILY",
    "Function",
    "Honorific",
    "PersonExtractor",
    "PersonMention",
    "link_people",
    "load_functions",
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

RULE_MODEL = "people.model"
RULE_MODEL_TRIMMED = "people.model_trimmed"
RULE_HONORIFIC = "people.honorific"
RULE_HONORIFIC_LIST = "people.honorific_list"
RULE_FUNCTION = "people.function"
RULE_WATCHLIST = "people.watchlist"

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


def load_watchlist(paths: Iterable[str | Path]) -> list[tuple[str, tuple[str, ...]]]:
    """Read watch-list files (``canonical,aliases``): canonical name and all its forms.

    Raises :class:`pipeline.gazetteers.GazetteerError` naming file and line on a bad row.
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


def _is_name_word(token: Token) -> bool:
    """A capitalised word that can be part of a name (not an honorific, article, function)."""
    text = token.text
    if len(text) < 2 or not text[0].isupper() or text.endswith("."):
        return False
    if not all(c.isalpha() or c in "-'\u2019" for c in text):
        return False
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
               known: Iterable[int] = ()) -> int | None:
    """End (exclusive) of the personal name starting at token ``start``, or None.

    A name is a run of name words, initials, particles followed by a name word and a final
    regnal number, ending on a name word (or the number). A particle is not taken when the
    next word starts a ``known`` span (a country, place or organisation of another family:
    ``Japarov de Kirghizie``).
    """
    known = set(known)
    limit = len(doc) if limit is None else limit
    particles = load_particles()
    j, end, words = start, None, 0
    while j < limit:
        token = doc[j]
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
            if k < limit and k not in known and _word_end(doc, k, limit) is not None:
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

    def __init__(self, nlp: Language, name: str = "depeche_people",
                 extra_files: Sequence[str] = (), use_model: bool = True,
                 link: bool = True) -> None:
        register_extensions()
        self.name = name
        self.nlp = nlp
        self.extra_files = [str(p) for p in extra_files]
        self.use_model = use_model
        self.link = link
        self.honorifics = load_honorifics()
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
            for m in range(min(len(doc), k + 8), k, -1):
                if lookup_organisation(doc[k:m].text) is not None:
                    return m
            return _word_end(doc, k, len(doc))
        if doc[k].is_alpha and doc[k].is_lower and fold(doc[k].text) not in _PHRASE_STOP:
            return k + 1
        return None

    def skip_function_phrase(self, doc: Doc, i: int, known: dict[int, int] | None = None,
                             limit: int | None = None) -> int:
        """Index of the first token after the modifiers and complements of a function.

        ``le ministre [russe des Affaires étrangères] Sergueï Lavrov``: lower-case adjectives,
        ``de/du/des/d’`` + article + complement (a listed organisation, a capitalised word,
        or a lower-case noun), and ``et`` between complements.
        """
        known = self._known_ends(doc) if known is None else known
        limit = len(doc) if limit is None else limit
        j, modifiers = i, 0
        while j < limit:
            token = doc[j]
            folded = fold(token.text)
            if folded in _PREPOSITIONS:
                k = j + 1
                if k < limit and fold(doc[k].text) in _ARTICLES:
                    k += 1
                end = self._complement_end(doc, k, known) if k < limit else None
                if end is None or end > limit:
                    break
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
            for k in range(end - 1, start - 1, -1):
                token = doc[k]
                if (token.is_alpha and token.is_lower and token.text not in particles
                        and not (k > 0 and doc[k - 1].text == "-")):
                    start = k + 1
                    break
            if start >= end or not any(_is_name_word(doc[k]) for k in range(start, end)):
                continue
            unchanged = (start, end) == (ent.start, ent.end)
            out.append(_Candidate(start, end, RULE_MODEL if unchanged else RULE_MODEL_TRIMMED,
                                  0, function))
        return out

    @staticmethod
    def _leading_article(doc: Doc, i: int, end: int) -> bool:
        """An article opening a model span: ``le``, or ``Le`` not followed by a name word
        (``Le président Macron``; but ``Le Pen`` keeps its particle)."""
        if fold(doc[i].text) not in _ARTICLES:
            return False
        return doc[i].is_lower or i + 1 >= end or not _is_name_word(doc[i + 1])

    def _honorific_candidates(self, doc: Doc, known: dict[int, int]) -> list[_Candidate]:
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
            end = parse_name(doc, j, known=known)
            if end is None:
                continue
            out.append(_Candidate(i, end, RULE_HONORIFIC, 1))
            if honorific.number != "plural":
                continue
            while end + 1 < n and doc[end].text in {",", "et"}:
                more = parse_name(doc, end + 1, known=known)
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
            end = parse_name(doc, j, known=known) if j < n else None
            if end is None and function.kind == "military" and not apposition:
                j = f_end
                end = parse_name(doc, j, known=known)
            if end is None:
                continue
            if apposition and sum(1 for k in range(j, end) if _is_name_word(doc[k])) < 2:
                continue
            for cand in model:  # the model knows better where a name starts
                if cand.end == end and j < cand.start < end:
                    j = cand.start
            out.append(_Candidate(j, end, RULE_FUNCTION, 2, function.text))
        return out

    def _watch_candidates(self, doc: Doc) -> list[_Candidate]:
        return [_Candidate(m.start, m.end, RULE_WATCHLIST, 3, None, m.payloads[0])
                for m in self.watch_matcher(doc)] if self.watchlist else []

    # ---- main

    def process(self, doc: Doc) -> list[PersonMention]:
        """Return the people mentions of ``doc`` (non-overlapping, in text order). Pure."""
        known = self._known_ends(doc)
        functions = self._function_at(doc)
        model = self._model_candidates(doc, functions, known) if self.use_model else []
        candidates = (model + self._honorific_candidates(doc, known)
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
        for cand, span in zip(kept, spans, strict=True):
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
            mentions.append(PersonMention(Span(doc, span.start, span.end, label=LABEL,
                                               kb_id=kb_id), {
                "rule": cand.rule, "form": form, "title": title, "first": first,
                "last": last, "canonical": canonical, "function": cand.function}))
        return mentions

    def __call__(self, doc: Doc) -> Doc:
        mentions = self.process(doc)
        doc.spans[FAMILY] = [m.span for m in mentions]
        for mention in mentions:
            set_span_attrs(mention.span, FAMILY, **mention.attrs)
        return doc


@Language.factory(
    "depeche_people",
    default_config={"extra_files": [], "use_model": True, "link": True},
)
def make_person_extractor(nlp: Language, name: str, extra_files: list[str], use_model: bool,
                          link: bool) -> PersonExtractor:
    """spaCy factory of :class:`PersonExtractor` (``nlp.add_pipe("depeche_people")``).

    ``extra_files``: watch-list CSV paths (``canonical,aliases``); ``use_model``: check and
    keep the model's PER entities of ``doc.ents``; ``link``: resolve short mentions to the
    document's full names (else each span's canonical name is its own name).
    """
    return PersonExtractor(nlp, name, extra_files=extra_files, use_model=use_model, link=link)
