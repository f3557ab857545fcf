"""Organisations family: international bodies, agencies, institutions, companies (label ORG).

Three sources of ``ORG`` spans, written to ``doc.spans["organisations"]``:

* the gazetteer ``pipeline/data/organisations.csv`` (plus the user's own files, same columns),
  matched on the tokenizer's output of each form through
  :class:`pipeline.entities.gazetteers.FormMatcher`: accents and apostrophe styles do not
  matter, name forms keep their capitals (``Union européenne``, ``UNION EUROPÉENNE``; the
  common noun phrase ``union européenne`` in running text is *not* taken), acronym forms keep
  their exact capitals (``OMS`` yes, ``oms``/``Oms`` no). Elisions stay outside: ``l’OTAN``
  gives ``OTAN``.
  A name directly followed by a nationality adjective of another state (``le Sénat
  américain`` for the French ``Sénat``) is rejected (``organisations_qualifiers.csv``);
* in-text acronym definitions, in both orders, for listed and unlisted bodies alike:
  ``Organisation de coopération de Shanghai (OCS)`` and ``l’OCS (Organisation de coopération
  de Shanghai)``. The expansion starts with a head word (``organisations_heads.csv``) or, failing
  that, with any capitalised word whose initials spell the acronym exactly; the acronym's
  letters must follow the initials of the expansion's words (``de/du/des/la/et`` may be skipped
  or used). Both spans share one id (the gazetteer id if the body is listed, else the acronym);
  the acronym span records the expansion's offsets in ``defined_by``;
* bare uses of an acronym the document has defined, anywhere in the document.

Per-span values (:func:`pipeline.extensions.set_span_attrs`, group ``organisations``):
``rule``, ``form`` (``name`` | ``acronym``), ``canonical``, ``acronym`` and, on the acronym of a
definition, ``defined_by`` = ``[start_char, end_char]`` of the expansion.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.entities.gazetteers import FormMatcher, GazetteerError, Row, fold, read_csv
from pipeline.extensions import register_extensions, write_span_group

__all__ = [
    "FAMILY",
    "KINDS",
    "Definition",
    "OrgGazetteer",
    "OrgInfo",
    "OrgMention",
    "OrganisationExtractor",
    "acronym_matches",
    "load_gazetteer",
    "lookup_organisation",
    "make_organisation_extractor",
]

FAMILY = "organisations"
LABEL = "ORG"
GAZETTEER_FILE = "organisations.csv"
HEADS_FILE = "organisations_heads.csv"
QUALIFIERS_FILE = "organisations_qualifiers.csv"
NOUNS_FILE = "organisations_nouns.csv"
GENERIC_FILE = "organisations_generic.csv"
CREDITS_FILE = "organisations_agency_credits.csv"

#: Allowed values of the ``kind`` column.
KINDS: frozenset[str] = frozenset({
    "international", "regional", "organ", "forum", "court", "central_bank", "news_agency",
    "institution", "party", "union", "company", "ngo", "sport", "armed_group", "other",
})

RULE_GAZETTEER = "organisations.gazetteer"
RULE_DEFINITION = "organisations.definition"
RULE_DOC_ACRONYM = "organisations.doc_acronym"
RULE_HEAD_PHRASE = "organisations.head_phrase"
RULE_NAMED_BY_NOUN = "organisations.named_by_noun"
RULE_GENERIC = "organisations.generic"
RULE_CREDIT = "organisations.agency_credit"

#: Words an acronym may skip (or use) when spelled from an expansion.
STOPWORDS: frozenset[str] = frozenset({
    "de", "du", "des", "d'", "la", "le", "les", "l'", "et", "pour", "en", "a", "au", "aux",
    "sur", "sans", "contre", "entre", "par", "dans", "un", "une", "of", "the", "and", "for",
})

_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9+&-]*$")
_COUNTRY_RE = re.compile(r"^[A-Z]{2}$")
_MAX_EXPANSION = 16


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _acronym_key(text: str) -> str:
    """Exact-case key of an acronym: accents stripped, apostrophes/dashes unified, no spaces."""
    text = text.replace("\u2019", "'").replace("\u2011", "-").replace("\u2010", "-")
    return "".join(_strip_accents(text).split())


def _name_key(text: str) -> str:
    """Case- and accent-insensitive key of a name; ``l’ Atlantique`` == ``l'Atlantique``."""
    return re.sub(r"'\s+", "'", fold(text))


def _is_acronym_form(form: str, acronym: str | None) -> bool:
    """True when ``form`` must be matched with its exact capitals (OMS, Otan, G7, dpa)."""
    if any(c.isspace() for c in form):
        return False
    if acronym and fold(form) == fold(acronym):
        return True
    return not any(c.islower() for c in form) and any(c.isupper() for c in form)


def slugify(text: str) -> str:
    """Id-safe slug of a name: ``Conseil d’État`` -> ``conseil-d-etat``."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


@dataclass(frozen=True)
class OrgInfo:
    """One organisation of the gazetteer."""

    id: str
    canonical: str
    acronym: str | None
    kind: str
    country: str | None
    forms: tuple[str, ...]
    source: str = ""

    def form_of(self, surface: str) -> str:
        """Return ``acronym`` or ``name``: how ``surface`` names this organisation."""
        return "acronym" if _is_acronym_form(surface, self.acronym) else "name"


@dataclass
class OrgGazetteer:
    """All organisations known to an extractor, indexed by id, by name and by acronym."""

    entries: dict[str, OrgInfo] = field(default_factory=dict)
    by_name: dict[str, str] = field(default_factory=dict)
    by_acronym: dict[str, str] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.entries)

    def add(self, info: OrgInfo, row: Row | None = None) -> None:
        """Index ``info``; a duplicate id or a form already owned by another id is an error."""
        if info.id in self.entries:
            raise _row_error(row, f"duplicate id {info.id!r} (first defined at "
                                  f"{self.entries[info.id].source})")
        pending: list[tuple[dict[str, str], str]] = []
        for form in info.forms:
            if _is_acronym_form(form, info.acronym):
                index, key = self.by_acronym, _acronym_key(form)
            else:
                index, key = self.by_name, _name_key(form)
            owner = index.get(key)
            if owner is not None and owner != info.id:
                raise _row_error(row, f"form {form!r} already names {owner!r}")
            pending.append((index, key))
        self.entries[info.id] = info
        for index, key in pending:
            index[key] = info.id

    def lookup(self, text: str) -> OrgInfo | None:
        """Find an organisation by one of its forms: names ignore case, acronyms do not."""
        text = text.strip()
        if not text:
            return None
        found = self.by_acronym.get(_acronym_key(text)) or self.by_name.get(_name_key(text))
        return self.entries.get(found) if found else None


def _row_error(row: Row | None, message: str) -> GazetteerError:
    if row is None:
        return GazetteerError("<organisations>", None, message)
    return row.error(message)


def _check_id(value: str) -> str | None:
    return None if _ID_RE.match(value) else "ids use letters, digits, '-', '+', '&'"


def _check_kind(value: str) -> str | None:
    return None if value in KINDS else f"unknown kind; use one of {', '.join(sorted(KINDS))}"


def _check_country(value: str) -> str | None:
    return None if _COUNTRY_RE.match(value) else "expected an ISO alpha-2 code such as FR"


def _check_forms(value: str) -> str | None:
    parts = value.split("|")
    return "empty form between '|' separators" if any(not p.strip() for p in parts) else None


def _rows_to_infos(rows: Iterable[Row]) -> Iterable[tuple[OrgInfo, Row]]:
    for row in rows:
        acronym = row.get("acronym") or None
        canonical = row["canonical"]
        forms: list[str] = [canonical]
        if acronym:
            forms.append(acronym)
        for form in row.get("forms").split("|"):
            form = " ".join(form.split())
            if form and form not in forms:
                forms.append(form)
        info = OrgInfo(id=row["id"], canonical=canonical, acronym=acronym, kind=row["kind"],
                       country=row.get("country") or None, forms=tuple(forms),
                       source=f"{row.file}:{row.line}")
        yield info, row


def read_organisation_file(source: str | Path) -> list[tuple[OrgInfo, Row]]:
    """Read and validate one gazetteer file (a data-file name or a path)."""
    rows = read_csv(
        source, required=("id", "canonical", "kind"), optional=("acronym", "country", "forms"),
        validators={"id": _check_id, "kind": _check_kind, "country": _check_country,
                    "forms": _check_forms})
    return list(_rows_to_infos(rows))


def load_gazetteer(extra_files: Sequence[str | Path] = ()) -> OrgGazetteer:
    """Load the packaged gazetteer plus ``extra_files`` (paths, same columns).

    Raises :class:`pipeline.entities.gazetteers.GazetteerError` (file and line) on a bad row, a
    duplicate id or a form that already names another organisation.
    """
    gazetteer = OrgGazetteer()
    for info, row in read_organisation_file(GAZETTEER_FILE):
        gazetteer.add(info, row)
    for path in extra_files:
        for info, row in read_organisation_file(Path(path)):
            gazetteer.add(info, row)
    return gazetteer


@lru_cache(maxsize=1)
def _default_gazetteer() -> OrgGazetteer:
    return load_gazetteer()


def lookup_organisation(text: str, gazetteer: OrgGazetteer | None = None) -> OrgInfo | None:
    """Return the listed organisation named by ``text``, or None.

    Names are compared without case or accents (``union européenne`` finds ``UE``); acronyms
    keep their capitals (``OMS`` finds the WHO, ``oms`` finds nothing).
    """
    return (gazetteer or _default_gazetteer()).lookup(text)


def _check_phrase(value: str) -> str | None:
    return None if value in ("", "no") else "phrase is empty or 'no'"


@lru_cache(maxsize=1)
def _head_rows() -> tuple[tuple[str, bool], ...]:
    return tuple((fold(row["head"]), row.get("phrase") != "no")
                 for row in read_csv(HEADS_FILE, required=("head",), optional=("phrase",),
                                     validators={"phrase": _check_phrase}))


@lru_cache(maxsize=1)
def _heads() -> frozenset[str]:
    return frozenset(head for head, _ in _head_rows())


@lru_cache(maxsize=1)
def _phrase_heads() -> frozenset[str]:
    """Heads that open a name on their own (``Conseil fédéral``, ``Association des ...``)."""
    return frozenset(head for head, phrase in _head_rows() if phrase)


def _check_cue(value: str) -> str | None:
    return None if value in ("head", "role") else "cue is 'head' or 'role'"


@lru_cache(maxsize=1)
def _nouns() -> dict[str, str]:
    """Lower-case nouns introducing a name (``association``, ``laboratoire``) -> cue."""
    return {row["word"]: row["cue"] for row in read_csv(
        NOUNS_FILE, required=("word", "cue"), validators={"cue": _check_cue})}


@lru_cache(maxsize=1)
def _generic_words() -> frozenset[str]:
    return frozenset(row["word"] for row in read_csv(GENERIC_FILE, required=("word",),
                                                      optional=("note",)))


@lru_cache(maxsize=1)
def _credit_forms() -> dict[str, str]:
    """Folded agency credit form -> organisation id (file rows only; see the extractor)."""
    table: dict[str, str] = {}
    for row in read_csv(CREDITS_FILE, required=("id", "form"), validators={"id": _check_id}):
        table[fold(row["form"])] = row["id"]
    return table


@lru_cache(maxsize=1)
def _qualifiers() -> dict[str, str]:
    table: dict[str, str] = {}
    for row in read_csv(QUALIFIERS_FILE, required=("qualifier", "country"),
                        validators={"country": lambda v: None if v == "*" or _COUNTRY_RE.match(v)
                                    else "expected ISO alpha-2 or '*'"}):
        for word in row["qualifier"].split("|"):
            table[fold(word)] = row["country"]
    return table


# --------------------------------------------------------------------------- acronyms


def _acronym_letters(text: str) -> str | None:
    """Letters an acronym token spells (folded), or None when it does not look like one.

    All-capital tokens (``OTSC``, ``CEI``, ``BAsD`` with one lower-case letter) and
    capitalised short words (``Cédéao``, ``Unicef``) qualify; digits are not spelled.
    """
    if not 2 <= len(text) <= 12 or not text[0].isupper():
        return None
    if not all(c.isalpha() or c in "-&" for c in text):
        return None
    letters = [c for c in text if c.isalpha()]
    upper = sum(1 for c in letters if c.isupper())
    if upper >= 2 and upper >= len(letters) - 1:
        return _strip_accents("".join(c for c in letters if c.isupper())).lower()
    if upper == 1 and 3 <= len(letters) <= 8:
        return _strip_accents("".join(letters)).lower()
    return None


def _words_of(tokens: Sequence[str]) -> list[tuple[str, bool]]:
    """Split expansion tokens into (folded word, is_stopword), hyphenated parts apart."""
    words: list[tuple[str, bool]] = []
    for text in tokens:
        for part in fold(text).split("-"):
            if part and any(c.isalpha() for c in part):
                words.append((part, part in STOPWORDS))
    return words


def acronym_matches(acronym: str, expansion: Sequence[str], exact: bool = False) -> bool:
    """Check that ``acronym`` can be spelled from the initials of ``expansion``'s words.

    The first letter must be the first word's initial; the letters then follow word initials
    in order, each word giving at most one letter. Stop words (``de``, ``du``, ``la``, ``et``...)
    may be skipped or used (``Cédéao``: Communauté économique *des* États...). At most half
    of the content words may be skipped (``HCR`` for ``Haut-Commissariat des Nations unies pour
    les réfugiés``); with ``exact`` none may be.

    >>> acronym_matches("OTSC", "Organisation du traité de sécurité collective".split())
    True
    >>> acronym_matches("CEI", ["Communauté", "des", "États", "indépendants"])
    True
    """
    letters = _acronym_letters(acronym)
    if letters is None and acronym.isupper():
        letters = _strip_accents("".join(c for c in acronym if c.isalpha())).lower()
    if not letters:
        return False
    words = _words_of(expansion)
    content = sum(1 for _, stop in words if not stop)
    if not words or content == 0 or words[0][1] or words[0][0][0] != letters[0]:
        return False
    allowed = 0 if exact else content // 2
    best = _min_skipped(letters, words)
    return best is not None and best <= allowed and (not exact or content >= 2)


def _min_skipped(letters: str, words: list[tuple[str, bool]]) -> int | None:
    """Fewest content words skipped when aligning ``letters`` to word initials (None: no way)."""
    memo: dict[tuple[int, int], int | None] = {}

    def solve(i: int, j: int) -> int | None:
        if (i, j) in memo:
            return memo[(i, j)]
        if i == len(letters):
            result: int | None = sum(1 for _, stop in words[j:] if not stop)
        elif j == len(words):
            result = None
        else:
            word, stop = words[j]
            options: list[int] = []
            if word[0] == letters[i]:
                used = solve(i + 1, j + 1)
                if used is not None:
                    options.append(used)
            if j > 0:  # the first word always gives the first letter
                skipped = solve(i, j + 1)
                if skipped is not None:
                    options.append(skipped + (0 if stop else 1))
            result = min(options) if options else None
        memo[(i, j)] = result
        return result

    return solve(0, 0)


def _is_word(token: Token) -> bool:
    text = token.text
    return any(c.isalpha() for c in text) and all(
        c.isalpha() or c in "-'\u2019" for c in text)


def _is_capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


@dataclass(frozen=True)
class Definition:
    """An in-text acronym definition: token offsets of the expansion and of the acronym."""

    name_start: int
    name_end: int
    acronym_index: int


def _expansion_start_ok(doc: Doc, start: int, end: int, acronym: str, heads: frozenset[str]
                        ) -> bool:
    first = doc[start]
    if not _is_capitalised(first) or not _is_word(first):
        return False
    if start > 0 and doc[start - 1].text == "-":
        return False
    if not _is_word(doc[end - 1]) or fold(doc[end - 1].text) in STOPWORDS:
        return False
    words = [t.text for t in doc[start:end]]
    head = fold(first.text)
    if head in heads or head.split("-")[0] in heads:
        return acronym_matches(acronym, words)
    return acronym_matches(acronym, words, exact=True)


def find_definitions(doc: Doc, heads: frozenset[str] | None = None) -> list[Definition]:
    """Find ``Expansion (ACR)`` and ``ACR (Expansion)`` definitions in ``doc``."""
    heads = _heads() if heads is None else heads
    found: list[Definition] = []
    n = len(doc)
    for i, token in enumerate(doc):
        if token.text != "(":
            continue
        # Expansion (ACR)
        if i + 2 < n and doc[i + 2].text == ")" and _acronym_letters(doc[i + 1].text):
            acronym = doc[i + 1].text
            lo = i
            while lo > 0 and i - lo < _MAX_EXPANSION and (
                    _is_word(doc[lo - 1]) or doc[lo - 1].text == "-"):
                lo -= 1
            for start in range(lo, i):
                if _expansion_start_ok(doc, start, i, acronym, heads):
                    found.append(Definition(start, i, i + 1))
                    break
            continue
        # ACR (Expansion)
        if i > 0 and _acronym_letters(doc[i - 1].text):
            acronym = doc[i - 1].text
            close = i + 1
            while close < n and close - i <= _MAX_EXPANSION and (
                    _is_word(doc[close]) or doc[close].text == "-"):
                close += 1
            if close < n and doc[close].text == ")" and close > i + 1 and \
                    _expansion_start_ok(doc, i + 1, close, acronym, heads):
                found.append(Definition(i + 1, close, i - 1))
    return found


# --------------------------------------------------------------------------- noun phrases

#: Lower-case words that never belong to a name's complement (articles, pronouns, verbs of
#: being, prepositions that start something else, days and months).
FUNCTION_WORDS: frozenset[str] = frozenset({
    "le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "et", "ou", "a", "à", "au",
    "aux", "en", "dans", "par", "pour", "sur", "sous", "avec", "sans", "qui", "que", "qu'",
    "dont", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "notre", "nos",
    "votre", "vos", "mon", "ma", "mes", "il", "elle", "ils", "elles", "on", "y", "ne", "n'",
    "se", "s'", "ont", "est", "sont", "était", "étaient", "avait", "avaient", "sera", "seront",
    "été", "être", "avoir", "fait", "très", "plus", "moins", "aussi", "déjà", "encore", "mais",
    "donc", "or", "ni", "car", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
    "dimanche", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
    "septembre", "octobre", "novembre", "décembre", "hier", "demain", "aujourd'hui",
})
#: Endings of French adjectives of nationality, place and kind (``fédéral``, ``nationale``,
#: ``genevois``, ``européenne``, ``militaire``, ``pyrotechnique``, ``socialiste``).
ADJECTIVE_ENDINGS: tuple[str, ...] = (
    "al", "ale", "ales", "aux", "el", "elle", "els", "elles", "ien", "ienne", "iens", "iennes",
    "éen", "éenne", "éens", "éennes", "yen", "yenne", "yens", "yennes", "ais", "aise", "aises",
    "ois", "oise", "oises", "ain", "aine", "ains", "aines", "ique", "iques", "aire", "aires",
    "if", "ive", "ifs", "ives", "iste", "istes", "ier", "ière", "iers", "ières",
)
#: Adjectives and participles without one of those endings that often qualify a body.
ADJECTIVES: frozenset[str] = frozenset({
    "suisse", "suisses", "russe", "russes", "belge", "belges", "arabe", "arabes", "turc",
    "turque", "grec", "grecque", "moderne", "supérieur", "supérieure", "libre", "libres",
    "unis", "unies", "armé", "armée", "armés", "armées", "privé", "privée", "privés", "privées",
    "dissident", "dissidente", "indépendant", "indépendante", "populaire", "royal", "royale",
})
#: Adjectives that make a head word a name on their own: nationality, territory and level of
#: a body (``Conseil fédéral``, ``Banque nationale``, ``Gendarmerie nationale``, ``Société
#: suisse``), besides the nationality endings ``-ais``, ``-ois``, ``-ien``, ``-ain``, ``-éen``.
#: Descriptive ones (``École primaire``, ``Centre culturel``, ``Conseil communal``) are not.
NAME_ADJECTIVES: frozenset[str] = frozenset({
    "national", "nationale", "nationaux", "nationales", "fédéral", "fédérale", "fédéraux",
    "fédérales", "international", "internationale", "internationaux", "internationales",
    "mondial", "mondiale", "général", "générale", "central", "centrale", "suprême",
    "constitutionnel", "constitutionnelle", "royal", "royale", "impérial", "impériale",
    "suisse", "suisses", "russe", "russes", "belge", "belges", "arabe", "arabes", "turc",
    "turque", "grec", "grecque", "populaire", "socialiste", "communiste", "démocrate",
    "libéral", "libérale", "unis", "unies",
})
_NATIONALITY_ENDINGS: tuple[str, ...] = (
    "ais", "aise", "aises", "ois", "oise", "oises", "ien", "ienne", "iens", "iennes", "ain",
    "aine", "ains", "aines", "éen", "éenne", "éens", "éennes", "yen", "yenne", "yens", "yennes",
)
#: Participles that introduce a name (``une association nommée "Sport-santé"``).
NAMING_WORDS: frozenset[str] = frozenset({
    "nommé", "nommée", "nommés", "nommées", "dénommé", "dénommée", "dénommés", "dénommées",
    "appelé", "appelée", "appelés", "appelées", "baptisé", "baptisée", "baptisés", "baptisées",
    "intitulé", "intitulée",
})
_DE = frozenset({"de", "d'", "du", "des"})
_DE_ARTICLES = frozenset({"la", "l'", "les"})
_POUR_ARTICLES = frozenset({"la", "le", "les", "l'", "un", "une"})
_DEFINITE = frozenset({"l'", "le", "la", "les", "au", "aux", "du", "des"})
_QUOTE_CHARS = frozenset("\"«»“”„‘’'‹›")
_QUOTE_OPEN_CHARS = frozenset("\"«“„‘'‹")
_HONORIFICS = frozenset({"m", "m.", "mme", "mlle", "madame", "monsieur", "mademoiselle", "dr",
                         "me", "mgr", "pr"})
_MAX_QUOTED = 12
_MAX_CAPITALISED = 6


def _low(token: Token) -> str:
    return token.text.lower().replace("\u2019", "'")


def _is_lower_word(token: Token) -> bool:
    return _is_word(token) and token.text.islower()


def _is_adjective(token: Token) -> bool:
    """A lower-case word that reads as an adjective (``fédéral``, ``suisse``, ``armée``)."""
    if not _is_lower_word(token) or len(token.text) < 3:
        return False
    low = _low(token)
    return low in ADJECTIVES or (low not in FUNCTION_WORDS and low.endswith(ADJECTIVE_ENDINGS))


def _is_name_adjective(token: Token) -> bool:
    low = _low(token)
    return _is_adjective(token) and (low in NAME_ADJECTIVES or low.endswith(_NATIONALITY_ENDINGS))


def _line_break_before(doc: Doc, j: int) -> bool:
    """True when a new line (a title, a new paragraph) starts at token ``j``."""
    return j > 0 and ("\n" in doc[j - 1].whitespace_ or doc[j - 1].is_space
                      or doc[j].is_space)


def _is_name_word(token: Token) -> bool:
    """A capitalised word (``Vignerons``, ``ACME``, ``Ile-de-France``), not a whole-capitals
    headline word of more than four letters."""
    text = token.text
    return _is_word(token) and text[:1].isupper()


def _is_noun(token: Token) -> bool:
    """A lower-case word that may be the noun of a complement (``sécurité``, ``finances``)."""
    low = _low(token)
    return (_is_lower_word(token) and low not in FUNCTION_WORDS and len(low) > 1
            and not low.endswith(("er", "ir")))


def _is_quote(token: Token) -> bool:
    return bool(token.text) and all(c in _QUOTE_CHARS for c in token.text)


def _capitalised_run(doc: Doc, i: int) -> int:
    """End of the run of capitalised words from ``i`` (glued pieces such as ``Ors'elle``
    count as one word); ``i`` when there is none."""
    j = i
    while j < len(doc) and j - i < _MAX_CAPITALISED:
        token = doc[j]
        if j > i and _line_break_before(doc, j):
            break
        if _is_name_word(token) or (j > i and token.text[:1].isdigit() and token.is_digit):
            j += 1
        elif j > i and not doc[j - 1].whitespace_ and _is_word(token):
            j += 1  # second piece of a glued word
        elif (j > i and token.text == "-" and not doc[j - 1].whitespace_
              and not token.whitespace_ and j + 1 < len(doc) and _is_word(doc[j + 1])):
            j += 2  # Biochem-Lausanne, Alpha-CR
        else:
            break
    return j


def _quoted_name(doc: Doc, i: int) -> tuple[int, int, int] | None:
    """``(start, end, close_end)`` of a quoted name opening at token ``i``: the words between
    the quotation marks, which must start with a capital letter or a digit."""
    if i >= len(doc) or not _is_quote(doc[i]) or doc[i].text[0] not in _QUOTE_OPEN_CHARS:
        return None
    start = i
    while start < len(doc) and (_is_quote(doc[start]) or doc[start].is_space) \
            and start - i < 3:
        start += 1
    end = start
    while end < len(doc) and not _is_quote(doc[end]) and end - start < _MAX_QUOTED:
        if doc[end].text in (".", "!", "?", ";", ":", "(", ")") or "\n" in doc[end].text:
            return None
        end += 1
    if end == start or end >= len(doc) or not _is_quote(doc[end]):
        return None
    close_at = end
    while end > start and doc[end - 1].is_space:
        end -= 1
    if end == start:
        return None
    first = doc[start].text
    if not (first[:1].isupper() or first[:1].isdigit()):
        return None
    close = close_at
    while close < len(doc) and _is_quote(doc[close]) and close - close_at < 3:
        close += 1
    return start, end, close


def head_phrase_end(doc: Doc, i: int) -> int | None:
    """End of an organisation name opened by the capitalised head word ``doc[i]``, or None.

    After the head come adjectives and capitalised words (``Conseil fédéral``, ``Centre
    Médical Universitaire``), then complements: ``de``/``du``/``des``/``d'`` (+ ``la``/``l'``),
    ``et des`` ..., or, first, ``pour`` + article, each with its noun and adjectives
    (``Société vaudoise des maîtres de chant``, ``Ministère de l'Agriculture et de la
    Pêche``). The phrase is a name only when it holds a capitalised word besides the head
    or an adjective right after the head; ``la Banque de développement`` alone is a
    description.
    """
    n = len(doc)
    j = i + 1
    strong = False
    while j < n and not _line_break_before(doc, j) and (
            _is_name_word(doc[j]) or _is_adjective(doc[j])):
        if _is_name_word(doc[j]):
            strong = True
            j = _capitalised_run(doc, j)
        else:
            strong = strong or _is_name_adjective(doc[j])
            j += 1
    first_complement = True
    while j < n and not _line_break_before(doc, j):
        k = j
        low = _low(doc[k])
        if low == "et" and not first_complement:
            k += 1
            if k >= n or _low(doc[k]) not in _DE:
                break
            low = _low(doc[k])
        if low in _DE:
            k += 1
            if k < n and low in ("de", "d'") and _low(doc[k]) in _DE_ARTICLES:
                k += 1
        elif low == "pour" and first_complement:
            k += 1
            if k >= n or _low(doc[k]) not in _POUR_ARTICLES:
                break
            k += 1
        else:
            break
        if k >= n:
            break
        if _is_name_word(doc[k]):
            k = _capitalised_run(doc, k)
            strong = True
        elif _is_noun(doc[k]):
            k += 1
        else:
            break
        while k < n and (_is_adjective(doc[k]) or _is_name_word(doc[k])):
            if _is_name_word(doc[k]):
                strong = True
                k = _capitalised_run(doc, k)
            else:
                k += 1
        j = k
        first_complement = False
    return j if strong and j > i + 1 else None


def named_by_noun(doc: Doc, i: int, cue: str) -> tuple[int, int, int] | None:
    """``(name_start, name_end, phrase_end)`` of the name a common noun introduces, or None.

    ``head`` nouns (``l'association "Main tendue"``, ``le laboratoire Biolume``, ``la
    société agroalimentaire "Grainval"``, ``l'usine de chaussures "Podalis"``, ``une entreprise
    nommée Lumisol``): up to three adjectives, one ``de`` + noun complement or a naming
    participle may come between; the name is quoted or a run of capitalised words.
    ``role`` nouns (``la fondatrice de "Maison Lavande"``, ``chez "O Diário Lisboeta"``): the name
    must be quoted, right after ``de``/``du``/``d'`` (or after ``chez`` itself).
    """
    n = len(doc)
    j = i + 1
    if cue == "role":
        if doc[i].lower_ != "chez":
            if j >= n or _low(doc[j]) not in ("de", "du", "d'"):
                return None
            j += 1
        quoted = _quoted_name(doc, j)
        return quoted if quoted is None else (quoted[0], quoted[1], quoted[2])
    fillers = 0
    complement = False
    while j < n and fillers < 4:
        low = _low(doc[j])
        if low in NAMING_WORDS or _is_adjective(doc[j]):
            j += 1
        elif not complement and low in ("de", "d'") and j + 1 < n and _is_noun(doc[j + 1]):
            complement = True
            j += 2
        else:
            break
        fillers += 1
    if j < n and _low(doc[j]) in _DE and _quoted_name(doc, j + 1) is not None:
        j += 1  # l'association des "Parents contre le bruit"
    quoted = _quoted_name(doc, j)
    if quoted is not None:
        return quoted
    if j < n and _is_name_word(doc[j]) and _low(doc[j]).rstrip(".") + "" not in _HONORIFICS \
            and _low(doc[j]) not in _HONORIFICS:
        end = _capitalised_run(doc, j)
        return j, end, end
    return None


_CREDIT_SEPARATORS = frozenset({",", "/", "-", "\u2013", ";"})


def credit_items(doc: Doc, i: int, forms: dict[str, str]) -> list[tuple[int, str]]:
    """Agencies of a news credit opening at token ``i``: ``(Havas)``, ``(ats, afp)``, or ``/``
    + agencies at the end of a line (``/ afp-reuter``). Every item must be a known agency
    form (any case); returns ``(token index, id)`` pairs, empty when ``i`` opens no credit."""
    n = len(doc)
    if doc[i].text not in ("(", "/"):
        return []
    items: list[tuple[int, str]] = []
    j = i + 1
    while j < n:
        org_id = forms.get(fold(doc[j].text))
        if org_id is None:
            return []
        items.append((j, org_id))
        j += 1
        if j < n and doc[j].text in _CREDIT_SEPARATORS:
            j += 1
            continue
        break
    if not items:
        return []
    if doc[i].text == "(":
        return items if j < n and doc[j].text == ")" else []
    last = doc[j - 1]
    at_line_end = j >= n or "\n" in last.whitespace_ or doc[j].is_space or doc[j].text in (
        ")", ".")
    return items if at_line_end else []


# --------------------------------------------------------------------------- extractor


@dataclass(frozen=True)
class OrgMention:
    """One organisation span proposed by :meth:`OrganisationExtractor.process`."""

    span: Span
    attrs: dict[str, Any]
    priority: int = 1


class OrganisationExtractor:
    """Pipeline component writing ``doc.spans["organisations"]`` (label ``ORG``)."""

    spans_key = FAMILY
    rank = 40

    def __init__(self, nlp: Language, name: str = "depeche_organisations",
                 extra_files: Sequence[str] = (), detect_definitions: bool = True,
                 head_noun_in_span: bool = False, generic_institutions: bool = False) -> None:
        register_extensions()
        self.name = name
        self.extra_files = [str(p) for p in extra_files]
        self.detect_definitions = detect_definitions
        self.head_noun_in_span = head_noun_in_span
        self.generic_institutions = generic_institutions
        self.gazetteer = load_gazetteer(self.extra_files)
        forms: list[tuple[str, tuple[str, str]]] = []
        for info in self.gazetteer.entries.values():
            forms.extend((form, (info.id, form)) for form in info.forms)
        self.matcher: FormMatcher[tuple[str, str]] = FormMatcher(nlp, forms, check_case=True)
        self.qualifiers = _qualifiers()
        self.heads = _heads()
        self.phrase_heads = _phrase_heads()
        self.nouns = _nouns()
        self.generic = _generic_words()
        self.credits: dict[str, str] = {}
        for info in self.gazetteer.entries.values():
            if info.kind == "news_agency":
                self.credits.update((fold(f), info.id) for f in info.forms if " " not in f)
        for form, org_id in _credit_forms().items():
            self.credits.setdefault(form, org_id)

    def lookup(self, text: str) -> OrgInfo | None:
        """Like :func:`lookup_organisation`, with this extractor's extra files included."""
        return self.gazetteer.lookup(text)

    def _gazetteer_mentions(self, doc: Doc, rejected: set[int] | None = None
                            ) -> list[OrgMention]:
        mentions: list[OrgMention] = []
        for match in self.matcher(doc):
            span = doc[match.start:match.end]
            for org_id, form in match.payloads:
                info = self.gazetteer.entries[org_id]
                acronym_form = _is_acronym_form(form, info.acronym)
                if acronym_form and _acronym_key(span.text) != _acronym_key(form):
                    continue
                if not acronym_form and self._qualified_away(doc, match.end, info):
                    if rejected is not None:
                        rejected.add(match.start)
                    continue
                mentions.append(OrgMention(
                    Span(doc, match.start, match.end, label=LABEL, kb_id=info.id),
                    {"rule": RULE_GAZETTEER, "form": "acronym" if acronym_form else "name",
                     "canonical": info.canonical, "acronym": info.acronym}))
                break
        return mentions

    def _qualified_away(self, doc: Doc, end: int, info: OrgInfo) -> bool:
        """True when the name is followed by an adjective pointing to another state."""
        if end >= len(doc) or not doc[end].text.islower():
            return False
        country = self.qualifiers.get(fold(doc[end].text))
        return country is not None and (country == "*" or country != info.country)

    def _definition_mentions(self, doc: Doc) -> tuple[list[OrgMention], dict[str, dict]]:
        mentions: list[OrgMention] = []
        defined: dict[str, dict[str, Any]] = {}
        for definition in find_definitions(doc, self.heads):
            name = doc[definition.name_start:definition.name_end]
            acr = doc[definition.acronym_index:definition.acronym_index + 1]
            info = self._definition_target(name.text, acr.text)
            if info is not None:
                org_id, canonical = info.id, info.canonical
            else:
                org_id = acr.text if acr.text not in self.gazetteer.entries else slugify(
                    name.text)
                canonical = " ".join(name.text.split())
            values = {"rule": RULE_DEFINITION, "canonical": canonical, "acronym": acr.text}
            mentions.append(OrgMention(Span(doc, name.start, name.end, label=LABEL,
                                            kb_id=org_id), {**values, "form": "name"}, 0))
            mentions.append(OrgMention(
                Span(doc, acr.start, acr.end, label=LABEL, kb_id=org_id),
                {**values, "form": "acronym", "defined_by": [name.start_char, name.end_char]},
                0))
            defined.setdefault(acr.text, {"id": org_id, **values})
        return mentions, defined

    def _definition_target(self, name: str, acronym: str) -> OrgInfo | None:
        """The listed organisation a definition speaks of, if any."""
        by_name = self.gazetteer.lookup(name)
        if by_name is not None and (by_name.acronym is None or
                                    _acronym_key(by_name.acronym) == _acronym_key(acronym)
                                    or by_name.form_of(acronym) == "acronym"):
            return by_name
        by_acronym = self.gazetteer.by_acronym.get(_acronym_key(acronym))
        if by_acronym is not None:
            info = self.gazetteer.entries[by_acronym]
            folded = _name_key(name)
            if any(folded.startswith(_name_key(f)) for f in info.forms
                   if info.form_of(f) == "name"):
                return info
        return by_name if by_name is not None and by_name.acronym is None else None

    def process(self, doc: Doc) -> list[OrgMention]:
        """Return the organisation mentions of ``doc`` (non-overlapping, in text order).

        Pure: reads ``doc`` and writes nothing; :meth:`__call__` stores the result.
        """
        candidates: list[OrgMention] = []
        defined: dict[str, dict[str, Any]] = {}
        if self.detect_definitions:
            definition_mentions, defined = self._definition_mentions(doc)
            candidates.extend(definition_mentions)
        for token in doc:
            values = defined.get(token.text)
            if values is not None:
                attrs = {k: v for k, v in values.items() if k != "id"}
                attrs.update(rule=RULE_DOC_ACRONYM, form="acronym")
                candidates.append(OrgMention(
                    Span(doc, token.i, token.i + 1, label=LABEL, kb_id=values["id"]), attrs, 1))
        rejected: set[int] = set()
        gazetteer = self._gazetteer_mentions(doc, rejected)
        candidates.extend(gazetteer)
        candidates.extend(self._credit_mentions(doc))
        candidates.extend(self._phrase_mentions(doc, gazetteer, rejected))
        return _select(candidates)

    def _mention(self, doc: Doc, start: int, end: int, rule: str,
                 name: Span | None = None) -> OrgMention:
        """An ORG mention of ``doc[start:end]`` by a phrase rule; ``name`` is the name part
        (the whole span by default), looked up in the gazetteer for the id."""
        name = doc[start:end] if name is None else name
        info = self.gazetteer.lookup(name.text)
        text = " ".join(name.text.split())
        org_id, canonical = (info.id, info.canonical) if info else (slugify(text) or text, text)
        return OrgMention(Span(doc, start, end, label=LABEL, kb_id=org_id),
                          {"rule": rule, "form": "name", "canonical": canonical,
                           "acronym": info.acronym if info else None})

    def _credit_mentions(self, doc: Doc) -> list[OrgMention]:
        mentions: list[OrgMention] = []
        for token in doc:
            for j, org_id in credit_items(doc, token.i, self.credits):
                info = self.gazetteer.entries.get(org_id)
                canonical = info.canonical if info else doc[j].text.capitalize()
                mentions.append(OrgMention(
                    Span(doc, j, j + 1, label=LABEL, kb_id=org_id),
                    {"rule": RULE_CREDIT, "form": "name", "canonical": canonical,
                     "acronym": info.acronym if info else None}))
        return mentions

    def _phrase_mentions(self, doc: Doc, gazetteer: list[OrgMention], rejected: set[int]
                         ) -> list[OrgMention]:
        """Names opened by a capitalised head word, names introduced by a common noun and,
        with ``generic_institutions``, ``l'État``-like institution nouns."""
        listed = {m.span.start: m.span.end for m in gazetteer}
        mentions: list[OrgMention] = []
        used: set[int] = set()
        for token in doc:
            i, text = token.i, token.text
            cue = self.nouns.get(text) or (
                self.nouns.get(text.lower()) if text[:1].isupper() and not text.isupper()
                else None)
            if cue is not None:
                found = named_by_noun(doc, i, cue)
                if found is not None and (text.islower() or text == "ONG"
                                          or _is_quote(doc[found[0] - 1])):
                    start, end, close = found
                    used.add(i)
                    if self.head_noun_in_span and cue == "head":
                        mentions.append(self._mention(doc, i, close, RULE_NAMED_BY_NOUN,
                                                      doc[start:end]))
                    else:
                        mentions.append(self._mention(doc, start, end, RULE_NAMED_BY_NOUN))
                    continue
            if text[:1].isupper() and not (text.isupper() and len(text) > 1) \
                    and fold(text) in self.phrase_heads and i not in rejected:
                end = head_phrase_end(doc, i)
                if end is not None and not self._adjectives_only(doc, i, end, listed):
                    mentions.append(self._mention(doc, i, end, RULE_HEAD_PHRASE))
                    continue
            if self.generic_institutions and text in self.generic and i not in used:
                if self._generic_institution(doc, i):
                    mentions.append(self._mention(doc, i, i + 1, RULE_GENERIC))
        return mentions

    @staticmethod
    def _adjectives_only(doc: Doc, start: int, end: int, listed: dict[int, int]) -> bool:
        """True when ``doc[start:end]`` is a listed name followed by adjectives only
        (``l'Assemblée nationale française``): the listed name stays the mention."""
        listed_end = listed.get(start)
        return listed_end is not None and all(
            _is_adjective(t) for t in doc[listed_end:end])

    @staticmethod
    def _generic_institution(doc: Doc, i: int) -> bool:
        """``l'État``, ``le Gouvernement``, ``l'ONG``: after a definite article or a
        possessive, not part of a longer name nor of ``l'État de droit``."""
        if i == 0 or _low(doc[i - 1]) not in _DEFINITE | {"son", "sa", "leur", "cette"}:
            return False
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if nxt is not None and (_is_name_word(nxt) or nxt.text in ("-", "\u2011")):
            return False
        after = doc[i + 2] if i + 2 < len(doc) else None
        return not (nxt is not None and _low(nxt) in ("de", "d'") and after is not None
                    and _is_lower_word(after))

    def __call__(self, doc: Doc) -> Doc:
        write_span_group(doc, FAMILY, ((m.span, m.attrs) for m in self.process(doc)))
        return doc


def _select(candidates: list[OrgMention]) -> list[OrgMention]:
    """Keep non-overlapping mentions: definitions first, then the longest, then leftmost."""
    kept: list[OrgMention] = []
    taken: set[int] = set()
    order = sorted(candidates, key=lambda m: (m.priority, -len(m.span), m.span.start))
    for mention in order:
        tokens = range(mention.span.start, mention.span.end)
        if taken.isdisjoint(tokens):
            kept.append(mention)
            taken.update(tokens)
    return sorted(kept, key=lambda m: m.span.start)


@Language.factory(
    "depeche_organisations",
    default_config={"extra_files": [], "detect_definitions": True, "head_noun_in_span": False,
                    "generic_institutions": False},
)
def make_organisation_extractor(nlp: Language, name: str, extra_files: list[str],
                                detect_definitions: bool, head_noun_in_span: bool,
                                generic_institutions: bool) -> OrganisationExtractor:
    """spaCy factory of :class:`OrganisationExtractor` (``nlp.add_pipe("depeche_organisations")``).

    ``extra_files``: paths of the user's own gazetteer CSV files (same columns as
    ``pipeline/data/organisations.csv``); ``detect_definitions``: find in-text acronym
    definitions (``Organisation de coopération de Shanghai (OCS)``).

    Span conventions (product defaults first; gold standards differ):

    * ``head_noun_in_span`` (False): a common noun that introduces a name stays outside the
      span, ``l'association "[Main tendue]"``, ``le laboratoire [Biolume]`` (as POPCORN);
      True puts it in, ``la [société Vasseur Frères SA]``, ``le [groupe Delorme]`` (as HIPE);
    * ``generic_institutions`` (False): ``l'État``, ``l'Église``, ``le Gouvernement``, ``la
      Bourse`` and the bare ``l'ONG`` name no particular body and give no span; True tags them
      ORG (as POPCORN).
    """
    return OrganisationExtractor(nlp, name, extra_files=extra_files,
                                 detect_definitions=detect_definitions,
                                 head_noun_in_span=head_noun_in_span,
                                 generic_institutions=generic_institutions)

