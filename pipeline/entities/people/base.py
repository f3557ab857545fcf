"""What every rule of the people family shares: label, rule names, word lists, candidates.

Open lists live in ``pipeline/data`` and are read once: ``people_honorifics.csv``
(``M.``, ``Mme``, ``Sir``...), ``people_functions.csv`` (``président``, ``Premier
ministre``...), ``people_particles.csv`` (``de``, ``von der``, ``al``...),
``people_descriptors.csv`` (``notaire``, ``père``...) and ``people_given_names.csv``.
The closed grammatical lists (articles, pronouns, auxiliaries) are the constants below.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pipeline.entities.gazetteers import fold, one_of, read_csv

__all__ = [
    "EXTENTS",
    "FAMILY",
    "LABEL",
    "Candidate",
    "Function",
    "Honorific",
    "load_descriptors",
    "load_functions",
    "load_given_names",
    "load_honorifics",
    "load_particles",
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

#: Span groups of other families that end a function's complement (``du Kremlin``) or a
#: name (``Japarov de [Kirghizie]``).
COMPLEMENT_GROUPS: tuple[str, ...] = ("organisations", "countries", "places")

#: Capitalised words that never start or continue a name (sentence-initial words).
STOP_CAPITALS: frozenset[str] = frozenset(fold(w) for w in """
le la les l' un une des du de d' au aux ce cet cette ces il elle ils elles on nous vous je
selon pour dans en mais et ou si lors apres avant depuis par sur avec sans chez vers ainsi
alors enfin puis cependant toutefois pourtant outre quant quand comme tandis car donc or ni
son sa ses leur leurs notre nos votre vos mon ma mes y a
""".split())

#: Lower-case words that end a function phrase (verbs, pronouns, conjunctions...).
PHRASE_STOP: frozenset[str] = frozenset(fold(w) for w in """
a ont est sont etait etaient sera seront avait avaient fut aura auraient serait a-t-il
qui que qu' dont ou il elle ils elles on se s' ne n' le la les l' un une et ou mais
a au aux en dans sur avec par pour selon lors depuis apres avant contre vers chez sans
ce cette ces son sa ses leur leurs y lui leur
""".split())

#: Words opening an apposition after a name (``Morel, cet employé de la mairie``).
APPOSITION_DETERMINERS: frozenset[str] = frozenset(fold(w) for w in """
le la l' un une cet cette ce son sa notre votre leur
""".split())
#: ``née``: a maiden name follows (``Louise née Vasseur``).
MAIDEN: frozenset[str] = frozenset({"nee"})
#: Definite articles (folded).
ARTICLES: frozenset[str] = frozenset({"la", "le", "les", "l'"})
#: Hyphens that join the parts of one name (``Popescu-Tariceanu``).
HYPHENS: tuple[str, ...] = ("-", "\u2011")


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


@dataclass
class Candidate:
    """A PER span a rule proposes: token offsets, rule, priority (lower wins a tie) and the
    values it found (a function written before the name, a watch-list name)."""

    start: int
    end: int
    rule: str
    priority: int
    function: str | None = None
    canonical: str | None = None


@lru_cache(maxsize=1)
def load_honorifics() -> dict[str, Honorific]:
    """Honorifics by exact spelling (``M.``, ``Mme``, ``MM.``...)."""
    rows = read_csv(HONORIFICS_FILE, required=("honorific", "expansion", "number"),
                    optional=("gender",),
                    validators={"number": one_of("singular", "plural"),
                                "gender": one_of("m", "f")})
    return {r["honorific"]: Honorific(r["honorific"], r["expansion"], r["number"],
                                      r.get("gender") or None) for r in rows}


@lru_cache(maxsize=1)
def folded_honorifics() -> frozenset[str]:
    """The honorifics, folded: the words worth a look for an honorific."""
    return frozenset(fold(h) for h in load_honorifics())


@lru_cache(maxsize=1)
def load_functions() -> tuple[Function, ...]:
    """Functions and titles written before names (``président``, ``Premier ministre``...)."""
    kinds = ("head_of_state", "government", "diplomacy", "legislature", "local", "military",
             "religious", "royal", "business", "justice", "organisation", "media", "other")
    rows = read_csv(FUNCTIONS_FILE, required=("function", "canonical", "kind"),
                    optional=("gender",),
                    validators={"kind": one_of(*kinds), "gender": one_of("m", "f")})
    return tuple(Function(r["function"], r["canonical"], r["kind"], r.get("gender") or None)
                 for r in rows)


@lru_cache(maxsize=1)
def single_word_functions() -> frozenset[str]:
    """Folded functions of one word (``président``, ``ministre``, ``porte-parole``)."""
    return frozenset(fold(f.text) for f in load_functions() if " " not in f.text)


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
                    validators={"kind": one_of(*kinds)})
    return {fold(r["word"]): r["kind"] for r in rows}


@lru_cache(maxsize=1)
def load_given_names() -> frozenset[str]:
    """Common given names (``people_given_names.csv``), folded."""
    return frozenset(fold(r["name"]) for r in read_csv(GIVEN_NAMES_FILE, required=("name",)))
