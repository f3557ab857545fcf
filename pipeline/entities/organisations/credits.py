"""News agency credits: ``(Havas)``, ``(ats, afp)``, ``/ afp-reuter`` at the end of a line.

Every item of a credit must be a known agency form, in any case: a news agency of the
gazetteer (kind ``news_agency``, one-word forms) or a credit form of
``organisations_agency_credits.csv`` (rule ``organisations.agency_credit``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from pipeline.context import StoryContext
from pipeline.entities.gazetteers import fold
from pipeline.entities.organisations.base import (
    LABEL,
    RULE_CREDIT,
    Candidate,
    load_credit_forms,
)
from pipeline.entities.organisations.gazetteer import OrgGazetteer

__all__ = ["CreditRule", "credit_items"]

_CREDIT_SEPARATORS = frozenset({",", "/", "-", "\u2013", ";"})
_OPENERS = ("(", "/")


def credit_items(doc: Doc, i: int, forms: dict[str, str]) -> list[tuple[int, str]]:
    """Agencies of a news credit opening at token ``i``: ``(Havas)``, ``(ats, afp)``, or ``/``
    + agencies at the end of a line (``/ afp-reuter``). Every item must be a known agency
    form (any case); returns ``(token index, id)`` pairs, empty when ``i`` opens no credit."""
    n = len(doc)
    if doc[i].text not in _OPENERS:
        return []
    words = StoryContext.of(doc).words
    items: list[tuple[int, str]] = []
    j = i + 1
    while j < n:
        org_id = forms.get(words[j])
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


class CreditRule:
    """The agencies credited in a story."""

    def __init__(self, gazetteer: OrgGazetteer) -> None:
        self.gazetteer = gazetteer
        #: Folded credit form -> organisation id.
        self.forms: dict[str, str] = {}
        for info in gazetteer.entries.values():
            if info.kind == "news_agency":
                self.forms.update((fold(f), info.id) for f in info.forms if " " not in f)
        for form, org_id in load_credit_forms().items():
            self.forms.setdefault(form, org_id)

    def __call__(self, doc: Doc) -> list[Candidate]:
        """One candidate per credited agency, in text order."""
        found: list[Candidate] = []
        for i, word in enumerate(StoryContext.of(doc).words):
            if word not in _OPENERS:
                continue
            for j, org_id in credit_items(doc, i, self.forms):
                info = self.gazetteer.entries.get(org_id)
                canonical = info.canonical if info else doc[j].text.capitalize()
                found.append(Candidate(
                    Span(doc, j, j + 1, label=LABEL, kb_id=org_id),
                    {"rule": RULE_CREDIT, "form": "name", "canonical": canonical,
                     "acronym": info.acronym if info else None}))
        return found
