"""News agency credits (``pipeline.entities.organisations.credits``).

Markup of :mod:`tests.entities.organisations_markup`.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from pipeline.entities.organisations import credit_items
from tests.entities.organisations_markup import check
from tests.markup import blank_fixture

org_nlp = blank_fixture("depeche_organisations")

CREDIT = "rule=organisations.agency_credit"

CASES = [
    # news credits
    pytest.param(f"LIÈGE, 29 ([belga](ORG belga name {CREDIT})). — Les étudiants",
                 id="credit-lowercase-listed-agency"),
    pytest.param(f"sans que l'accord soit signé. ([ats](ORG ATS name {CREDIT}), "
                 f"[afp](ORG AFP name {CREDIT}))", id="credit-lowercase-list"),
    pytest.param(f"avec la Jordanie. / [afp](ORG AFP name {CREDIT})-[reuter](ORG reuters name "
                 f"{CREDIT})", id="credit-after-slash-at-the-end"),
    pytest.param("M. Reuter a parlé au président (Reuter et Keller)",
                 id="credit-needs-agencies"),
    pytest.param("la voie 3 / ats et autres", id="slash-credit-needs-line-end"),
]


@pytest.mark.parametrize("markup", CASES)
def test_credits(org_nlp: Language, markup: str) -> None:
    check(org_nlp, markup)


@pytest.mark.parametrize(("text", "items"), [
    ("signé. (ats, afp)", [("ats", "ATS"), ("afp", "AFP")]),
    ("signé. (ats et afp)", []),
    ("la Jordanie. / afp\nSuite", [("afp", "AFP")]),
])
def test_credit_items(text: str, items: list[tuple[str, str]]) -> None:
    doc = spacy.blank("fr")(text)
    opener = next(t.i for t in doc if t.text in ("(", "/"))
    forms = {"ats": "ATS", "afp": "AFP"}
    assert [(doc[j].text, org_id) for j, org_id in credit_items(doc, opener, forms)] == items
