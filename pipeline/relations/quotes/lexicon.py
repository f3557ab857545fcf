"""The quotes family's word lists: reporting verbs, role nouns, nationality nouns.

Open lists, in ``pipeline/data/`` and validated on load (errors name file and line):
``relations_reporting_verbs.csv`` (one lemma a row, its class, and irregular forms; regular
forms of ``-er`` verbs are generated), ``relations_quotes_roles.csv`` (nouns that describe a
speaker, with their gender), and the countries family's ``demonyms.csv`` (``le Français``,
``la Kényane`` describe a person as role nouns do).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pipeline.entities.gazetteers import GazetteerError, fold, read_csv

__all__ = ["Lexicon", "ReportingVerb", "default_lexicon", "load_lexicon", "nationality_nouns"]

VERBS_FILE = "relations_reporting_verbs.csv"
ROLES_FILE = "relations_quotes_roles.csv"
#: Nationality nouns (``le Français``, ``la Kényane``) describe a person like role nouns.
DEMONYMS_FILE = "demonyms.csv"

CLASSES: frozenset[str] = frozenset({
    "declare", "assert", "opine", "add", "explain", "announce", "deny", "admit", "promise",
    "warn", "criticize", "praise", "regret", "demand", "answer", "reveal", "write", "conclude",
    "observe", "recall"})


@dataclass(frozen=True)
class ReportingVerb:
    """One entry of the reporting-verb list."""

    lemma: str
    head: str
    before: str | None
    cls: str


@dataclass(frozen=True)
class Lexicon:
    """The data the component needs: reporting verbs by head lemma and form, role nouns."""

    by_lemma: dict[str, tuple[ReportingVerb, ...]]
    by_form: dict[str, tuple[ReportingVerb, ...]]
    roles: dict[str, str]
    #: Role nouns whose holders speak for the organisation named after them (``selon les
    #: analystes de la banque X`` -> the bank): ``speaks_for = organisation`` in the roles file.
    experts: frozenset[str] = frozenset()


def _regular_forms(lemma: str) -> set[str]:
    if not lemma.endswith("er") or lemma == "aller":
        return {lemma}
    stem = lemma[:-2]
    soft = stem + ("e" if stem.endswith("g") else "")
    soft = soft[:-1] + "ç" if stem.endswith("c") else soft
    forms = {lemma, stem + "é", stem + "ée", stem + "és", stem + "ées", stem + "e", stem + "ent",
             soft + "ait", soft + "aient", soft + "a", stem + "èrent", stem + "era",
             stem + "eront", stem + "erait", stem + "eraient", soft + "ant"}
    return forms


def _check_lemma(value: str) -> str | None:
    words = value.replace("'", "' ").split()
    if not 1 <= len(words) <= 2 or value != value.lower():
        return "expected a lower-case infinitive, 'se X' or 'faire savoir'"
    return None


def _check_class(value: str) -> str | None:
    return None if value in CLASSES else f"unknown class, expected one of {sorted(CLASSES)}"


def _check_gender(value: str) -> str | None:
    return None if value in ("m", "f") else "expected m, f or empty"


def _check_speaks_for(value: str) -> str | None:
    return None if value in ("", "organisation") else "speaks_for must be organisation or empty"


def _split_lemma(lemma: str) -> tuple[str, str | None]:
    if lemma.startswith(("se ", "s'")):
        return lemma[3:] if lemma.startswith("se ") else lemma[2:], "se"
    parts = lemma.split()
    if len(parts) == 2:
        return parts[1], parts[0]
    return lemma, None


def load_lexicon(verbs: str = VERBS_FILE, roles: str = ROLES_FILE) -> Lexicon:
    """Read and validate the reporting verbs and role nouns (errors name file and line)."""
    by_lemma: dict[str, list[ReportingVerb]] = {}
    by_form: dict[str, list[ReportingVerb]] = {}
    seen: set[str] = set()
    for row in read_csv(verbs, required=("lemma", "class"), optional=("forms",),
                        validators={"lemma": _check_lemma, "class": _check_class}):
        lemma = row["lemma"]
        if lemma in seen:
            raise row.error(f"duplicate lemma {lemma!r}")
        seen.add(lemma)
        head, before = _split_lemma(lemma)
        entry = ReportingVerb(lemma, head, before, row["class"])
        by_lemma.setdefault(head, []).append(entry)
        extra = {f.strip() for f in row.get("forms").split("|") if f.strip()}
        if any(f != f.lower() or " " in f for f in extra):
            raise row.error("forms must be lower-case single words")
        for form in _regular_forms(head) | extra:
            by_form.setdefault(form, []).append(entry)
    role_nouns: dict[str, str] = {}
    experts: set[str] = set()
    for row in read_csv(roles, required=("noun",), optional=("gender", "speaks_for"),
                        validators={"gender": _check_gender,
                                    "speaks_for": _check_speaks_for}):
        noun = row["noun"]
        if noun != noun.lower() or " " in noun:
            raise row.error("expected one lower-case noun")
        if noun in role_nouns:
            raise row.error(f"duplicate noun {noun!r}")
        role_nouns[noun] = row.get("gender")
        if row.get("speaks_for"):
            experts.add(noun)
    if not by_lemma or not role_nouns:
        raise GazetteerError(verbs if not by_lemma else roles, None, "no data rows")
    return Lexicon({k: tuple(v) for k, v in by_lemma.items()},
                   {k: tuple(v) for k, v in by_form.items()}, role_nouns, frozenset(experts))


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The packaged lexicon, loaded once."""
    return load_lexicon()


@lru_cache(maxsize=1)
def nationality_nouns() -> dict[str, str]:
    """Singular nationality nouns (folded) with their gender: ``kenyane`` -> ``f``."""
    nouns: dict[str, str] = {}
    for row in read_csv(DEMONYMS_FILE, required=("iso2", "masc_sg", "fem_sg", "masc_pl",
                                                 "fem_pl")):
        for column, gender in (("masc_sg", "m"), ("fem_sg", "f")):
            key = fold(row[column])
            # "suisse", "belge": one form for both genders -> decided by the determiner
            nouns[key] = "" if nouns.get(key, gender) != gender else gender
    return nouns
