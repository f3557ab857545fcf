"""The organisation gazetteer: ``organisations.csv`` (plus the user's files), its lookups, and
the rule that finds its names in a story.

Names are matched on the tokenizer's output of each form through
:class:`pipeline.entities.gazetteers.FormMatcher`: accents and apostrophe styles do not matter,
name forms keep their capitals (``Union européenne``, ``UNION EUROPÉENNE``; the common noun
phrase ``union européenne`` in running text is *not* taken), acronym forms keep their exact
capitals (``OMS`` yes, ``oms``/``Oms`` no). Elisions stay outside: ``l’OTAN`` gives ``OTAN``.
A name directly followed by a nationality adjective of another state (``le Sénat américain``
for the French ``Sénat``) is rejected (``organisations_qualifiers.csv``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.context import StoryContext
from pipeline.entities.gazetteers import (
    FormMatcher,
    GazetteerError,
    Row,
    fold,
    read_csv,
    strip_accents,
    unify_marks,
)
from pipeline.entities.organisations.base import (
    COUNTRY_RE,
    GAZETTEER_FILE,
    LABEL,
    RULE_GAZETTEER,
    Candidate,
    check_id,
    load_qualifiers,
)

__all__ = [
    "KINDS",
    "GazetteerRule",
    "OrgGazetteer",
    "OrgInfo",
    "acronym_key",
    "load_gazetteer",
    "lookup_organisation",
    "name_key",
    "read_organisation_file",
    "slugify",
]

#: Allowed values of the ``kind`` column.
KINDS: frozenset[str] = frozenset({
    "international", "regional", "organ", "forum", "court", "central_bank", "news_agency",
    "institution", "party", "union", "company", "ngo", "sport", "armed_group", "other",
})


def acronym_key(text: str) -> str:
    """Exact-case key of an acronym: accents stripped, apostrophes/dashes unified, no spaces."""
    return "".join(strip_accents(unify_marks(text)).split())


def name_key(text: str) -> str:
    """Case- and accent-insensitive key of a name; ``l’ Atlantique`` == ``l'Atlantique``."""
    return re.sub(r"'\s+", "'", fold(text))


def is_acronym_form(form: str, acronym: str | None) -> bool:
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
        return "acronym" if is_acronym_form(surface, self.acronym) else "name"


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
            if is_acronym_form(form, info.acronym):
                index, key = self.by_acronym, acronym_key(form)
            else:
                index, key = self.by_name, name_key(form)
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
        found = self.by_acronym.get(acronym_key(text)) or self.by_name.get(name_key(text))
        return self.entries.get(found) if found else None


def _row_error(row: Row | None, message: str) -> GazetteerError:
    if row is None:
        return GazetteerError("<organisations>", None, message)
    return row.error(message)


def _check_kind(value: str) -> str | None:
    return None if value in KINDS else f"unknown kind; use one of {', '.join(sorted(KINDS))}"


def _check_country(value: str) -> str | None:
    return None if COUNTRY_RE.match(value) else "expected an ISO alpha-2 code such as FR"


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
        validators={"id": check_id, "kind": _check_kind, "country": _check_country,
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


class GazetteerRule:
    """The listed names of a gazetteer found in a story (rule ``organisations.gazetteer``)."""

    def __init__(self, nlp: Language, gazetteer: OrgGazetteer) -> None:
        self.gazetteer = gazetteer
        forms: list[tuple[str, tuple[str, str]]] = []
        for info in gazetteer.entries.values():
            forms.extend((form, (info.id, form)) for form in info.forms)
        self.matcher: FormMatcher[tuple[str, str]] = FormMatcher(nlp, forms, check_case=True)
        self.qualifiers = load_qualifiers()

    def __call__(self, doc: Doc) -> tuple[list[Candidate], set[int]]:
        """The listed names of ``doc``, overlapping ones included, and the starts of names
        rejected for a qualifier of another state (``le Sénat américain``)."""
        found: list[Candidate] = []
        rejected: set[int] = set()
        words = StoryContext.of(doc).words
        for match in self.matcher(doc):
            span = doc[match.start:match.end]
            for org_id, form in match.payloads:
                info = self.gazetteer.entries[org_id]
                acronym_form = is_acronym_form(form, info.acronym)
                if acronym_form and acronym_key(span.text) != acronym_key(form):
                    continue
                if not acronym_form and self._qualified_away(doc, words, match.end, info):
                    rejected.add(match.start)
                    continue
                found.append(Candidate(
                    Span(doc, match.start, match.end, label=LABEL, kb_id=info.id),
                    {"rule": RULE_GAZETTEER, "form": "acronym" if acronym_form else "name",
                     "canonical": info.canonical, "acronym": info.acronym}))
                break
        return found, rejected

    def _qualified_away(self, doc: Doc, words: list[str], end: int, info: OrgInfo) -> bool:
        """True when the name is followed by an adjective pointing to another state."""
        if end >= len(doc) or not doc[end].text.islower():
            return False
        country = self.qualifiers.get(words[end])
        return country is not None and (country == "*" or country != info.country)
