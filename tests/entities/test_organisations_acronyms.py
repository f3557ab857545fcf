"""In-text acronym definitions (``pipeline.entities.organisations.acronyms``).

Markup of :mod:`tests.entities.organisations_markup`.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from pipeline.entities.organisations import acronym_matches, find_definitions
from pipeline.extensions import get_span_attrs
from tests.entities.organisations_markup import check
from tests.markup import blank_fixture, blank_pipeline

org_nlp = blank_fixture("depeche_organisations")

RULE_DEF = "rule=organisations.definition"

CASES = [
    # the sample dispatch
    pytest.param(f"La présidence de l’[Organisation du traité de sécurité collective](ORG OTSC "
                 f"name {RULE_DEF}) ([OTSC](ORG OTSC acronym {RULE_DEF})) passera au "
                 "Kirghizistan.", id="otsc-definition"),
    # in-text definitions, both orders, listed and unlisted bodies
    pytest.param(f"l’[Agence internationale de l’énergie atomique](ORG AIEA name {RULE_DEF}) "
                 f"([AIEA](ORG AIEA acronym {RULE_DEF}))", id="aiea-definition"),
    pytest.param(f"[Médecins sans frontières](ORG MSF name {RULE_DEF}) "
                 f"([MSF](ORG MSF acronym {RULE_DEF})) soigne", id="msf-definition-no-head"),
    pytest.param(f"l’[Organisation de coopération de Shanghai](ORG OCS name {RULE_DEF}) "
                 f"([OCS](ORG OCS acronym {RULE_DEF}))", id="ocs-name-then-acronym"),
    pytest.param(f"l’[OCS](ORG OCS acronym {RULE_DEF}) ([Organisation de coopération de "
                 f"Shanghai](ORG OCS name {RULE_DEF}))", id="ocs-acronym-then-name"),
    pytest.param(f"la [Communauté des États indépendants](ORG CEI name {RULE_DEF}) "
                 f"([CEI](ORG CEI acronym {RULE_DEF}))", id="cei-definition"),
    pytest.param(f"le [Haut-Commissariat des Nations unies pour les réfugiés](ORG HCR name "
                 f"{RULE_DEF}) ([HCR](ORG HCR acronym {RULE_DEF}))",
                 id="hcr-definition-skips-words"),
    pytest.param(f"le [Fonds pour la démocratie en Asie centrale](ORG FDAC name {RULE_DEF} "
                 f"canonical=Fonds pour la démocratie en Asie centrale) "
                 f"([FDAC](ORG FDAC acronym {RULE_DEF} acronym=FDAC))",
                 id="unlisted-definition"),
    pytest.param(f"l’[AKP](ORG AKP acronym {RULE_DEF}) ([Agence kirghize de presse]"
                 f"(ORG AKP name {RULE_DEF}))", id="unlisted-acronym-then-name"),
    pytest.param(f"Le [Comité national olympique kirghize](ORG CNOK name {RULE_DEF}) "
                 f"([CNOK](ORG CNOK acronym {RULE_DEF})) se réunit. Le [CNOK](ORG CNOK acronym "
                 "rule=organisations.doc_acronym) a approuvé.", id="defined-acronym-reused"),
    pytest.param(f"le Conseil des ministres de l’[Union économique et monétaire ouest-africaine]"
                 f"(ORG UEMOA name {RULE_DEF}) ([UEMOA](ORG UEMOA acronym {RULE_DEF}))",
                 id="nearest-consistent-head"),
    pytest.param(f"le [Conseil présidentiel intérimaire](ORG conseil-presidentiel-interimaire "
                 f"name {RULE_DEF}) ([CPI](ORG conseil-presidentiel-interimaire acronym "
                 f"{RULE_DEF})). Le [CPI](ORG conseil-presidentiel-interimaire acronym "
                 "rule=organisations.doc_acronym) siège.",
                 id="document-redefines-a-listed-acronym"),
    pytest.param(f"Le [parquet national antifraude](ORG PNA name {RULE_DEF}) "
                 f"([PNA](ORG PNA acronym {RULE_DEF})) a saisi le juge. Le [PNA](ORG PNA "
                 "acronym rule=organisations.doc_acronym) conclut.",
                 id="lower-case-expansion-opening-with-a-body-noun"),
    pytest.param(f"selon l'[agence régionale de santé](ORG ARS name {RULE_DEF}) "
                 f"([ARS](ORG ARS acronym {RULE_DEF}))", id="lower-case-agency-expansion"),
    # not definitions
    pytest.param("le produit national brut (PNB) recule", id="lower-case-phrase-without-body"),
    pytest.param("la société de gestion immobilière (SG) rachète",
                 id="lower-case-letters-skip-a-word"),
    pytest.param("a déclaré le ministre ([AFP](ORG AFP acronym rule=organisations.gazetteer))",
                 id="agency-credit-in-parentheses-is-not-a-definition"),
    pytest.param("la Banque de développement (XYZ) prête", id="letters-do-not-match"),
    pytest.param("le parti (UDP) a gagné", id="lowercase-expansion-is-no-definition"),
]


@pytest.mark.parametrize("markup", CASES)
def test_definitions(org_nlp: Language, markup: str) -> None:
    check(org_nlp, markup)


def test_definition_records_expansion_offsets(org_nlp: Language) -> None:
    text = "la Communauté des États indépendants (CEI) et la CEI"
    doc = org_nlp(text)
    acronym = [s for s in doc.spans["organisations"]
               if get_span_attrs(s, "organisations")["rule"] == "organisations.definition"
               and s.text == "CEI"][0]
    start, end = get_span_attrs(acronym, "organisations")["defined_by"]
    assert text[start:end] == "Communauté des États indépendants"


@pytest.mark.parametrize(("acronym", "expansion", "expected"), [
    ("OTSC", "Organisation du traité de sécurité collective", True),
    ("CEI", "Communauté des États indépendants", True),
    ("OCS", "Organisation de coopération de Shanghai", True),
    ("HCR", "Haut-Commissariat des Nations unies pour les réfugiés", True),
    ("Cédéao", "Communauté économique des États de l’Afrique de l’Ouest", True),
    ("ONU", "Conseil de sécurité de l’Organisation des Nations unies", False),
    ("XYZ", "Banque de développement", False),
])
def test_acronym_matches(acronym: str, expansion: str, expected: bool) -> None:
    tokens = [t.text for t in spacy.blank("fr").make_doc(expansion)]
    assert acronym_matches(acronym, tokens) is expected


def test_find_definitions_both_orders() -> None:
    doc = spacy.blank("fr")("l’OCS (Organisation de coopération de Shanghai) et la "
                            "Communauté des États indépendants (CEI)")
    assert [(doc[d.name_start:d.name_end].text, doc[d.acronym_index].text)
            for d in find_definitions(doc)] == [
        ("Organisation de coopération de Shanghai", "OCS"),
        ("Communauté des États indépendants", "CEI")]


def test_detect_definitions_off() -> None:
    nlp = blank_pipeline("depeche_organisations", config={"detect_definitions": False})
    doc = nlp("l’Agence kirghize de presse (AKP) et l’OTSC")
    assert [(s.text, s.kb_id_) for s in doc.spans["organisations"]] == [("OTSC", "OTSC")]
