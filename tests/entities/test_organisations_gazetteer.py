"""The organisation gazetteer and its lookups (``pipeline.entities.organisations.gazetteer``).

Markup of :mod:`tests.entities.organisations_markup`. Decision recorded here: a listed name
written in lower case in running text (``une union européenne des marchés``) is a common noun
phrase, not the organisation.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from pipeline.entities.gazetteers import GazetteerError
from pipeline.entities.organisations import (
    OrganisationExtractor,
    load_gazetteer,
    lookup_organisation,
)
from pipeline.entities.organisations.gazetteer import acronym_key, name_key, slugify
from tests.entities.organisations_markup import check
from tests.markup import blank_fixture, blank_pipeline

org_nlp = blank_fixture("depeche_organisations")

CASES = [
    # the sample dispatch
    pytest.param("les États membres de l’[OTSC](ORG OTSC acronym rule=organisations.gazetteer)",
                 id="otsc-elision-typographic"),
    pytest.param("la session du [Conseil de sécurité collective](ORG conseil-securite-collective"
                 " name) à Astana", id="csc-not-un-security-council"),
    # United Nations
    pytest.param("L’[ONU](ORG ONU acronym canonical=Organisation des Nations unies) a condamné",
                 id="onu"),
    pytest.param("Le secrétaire général des [Nations unies](ORG ONU name) arrive.",
                 id="nations-unies"),
    pytest.param("Le rôle de l'[Organisation des Nations unies](ORG ONU name) est central.",
                 id="onu-full-ascii-apostrophe"),
    pytest.param("Le [Conseil de sécurité de l’ONU](ORG CSNU name) se réunit.",
                 id="csnu-long"),
    pytest.param("Le [Conseil de sécurité](ORG CSNU name) a adopté une résolution.",
                 id="csnu-short"),
    pytest.param("Le Conseil de sécurité nationale s’est réuni à Moscou.",
                 id="national-security-council-is-not-csnu"),
    pytest.param("l’[Unesco](ORG UNESCO acronym) et l’[UNESCO](ORG UNESCO acronym)",
                 id="unesco-both-spellings"),
    pytest.param("le rapport du [HCR](ORG HCR acronym) sur les réfugiés", id="hcr"),
    pytest.param("l’[OMS](ORG OMS acronym canonical=Organisation mondiale de la santé) alerte",
                 id="oms"),
    pytest.param("selon l’Oms, rien ne change", id="acronym-wrong-capitals"),
    pytest.param("la pandémie de COVID frappe l’Europe", id="covid-is-not-an-organisation"),
    # NATO, EU
    pytest.param("l’[OTAN](ORG OTAN acronym) et l'[Otan](ORG OTAN acronym)", id="otan"),
    pytest.param("L’[Union européenne](ORG UE name) et la [Commission européenne]"
                 "(ORG commission-europeenne name)", id="ue-commission"),
    pytest.param("les députés rêvent d’une union européenne des marchés",
                 id="lowercase-union-europeenne-is-common-noun"),
    pytest.param("[UNION EUROPÉENNE](ORG UE name) : SOMMET À BRUXELLES", id="ue-capitals"),
    pytest.param("l’[Union europeenne](ORG UE name) sans accent", id="ue-unaccented"),
    pytest.param("le [Parlement européen](ORG parlement-europeen name) vote", id="pe"),
    pytest.param("la [BCE](ORG BCE acronym) relève ses taux", id="bce"),
    # other bodies
    pytest.param("le [FMI](ORG FMI acronym) et la [Banque mondiale](ORG banque-mondiale name)",
                 id="fmi-banque-mondiale"),
    pytest.param("le [G7](ORG G7 acronym) puis le [G20](ORG G20 acronym)", id="g7-g20"),
    pytest.param("l’[Union africaine](ORG UA name) et la [Ligue arabe](ORG ligue-arabe name)",
                 id="ua-ligue-arabe"),
    pytest.param("l’[ASEAN](ORG ASEAN acronym) et le [Mercosur](ORG mercosur acronym)",
                 id="asean-mercosur"),
    pytest.param("l’[OPEP](ORG OPEP acronym) augmente sa production", id="opep"),
    pytest.param("la [Cour pénale internationale](ORG CPI name) et la [CIJ](ORG CIJ acronym)",
                 id="cpi-cij"),
    pytest.param("[Interpol](ORG interpol name) et [Europol](ORG europol name)",
                 id="interpol-europol"),
    pytest.param("un mandat d’[Interpol](ORG interpol name)", id="interpol-elision-d"),
    pytest.param("la [Croix-Rouge](ORG croix-rouge name) et le [CICR](ORG CICR acronym)",
                 id="croix-rouge"),
    pytest.param("[Amnesty International](ORG amnesty-international name) et "
                 "[Human Rights Watch](ORG HRW name)", id="ngos"),
    pytest.param("les [BRICS](ORG BRICS acronym) s’élargissent", id="brics"),
    # news agencies
    pytest.param("a rapporté l’agence [TASS](ORG TASS acronym)", id="tass"),
    pytest.param("selon [Reuters](ORG reuters name) et l’[AFP](ORG AFP acronym)",
                 id="reuters-afp"),
    pytest.param("l’agence [RIA Novosti](ORG ria-novosti name)", id="ria-novosti"),
    pytest.param("l’agence [Xinhua](ORG xinhua name)", id="xinhua"),
    pytest.param("l’agence allemande [dpa](ORG dpa acronym)", id="dpa-lowercase-acronym"),
    # institutions
    pytest.param("l’[Assemblée nationale](ORG assemblee-nationale name) et le [Sénat]"
                 "(ORG senat name)", id="parlement-francais"),
    pytest.param("l’[Elysée](ORG elysee name) et [Matignon](ORG matignon name)",
                 id="elysee-matignon"),
    pytest.param("le [Quai d’Orsay](ORG MEAE name) proteste", id="quai-d-orsay"),
    pytest.param("le [Kremlin](ORG kremlin name) et la [Maison-Blanche](ORG maison-blanche name)",
                 id="kremlin-maison-blanche"),
    pytest.param("le [Département d’État](ORG departement-d-etat name)", id="departement-d-etat"),
    pytest.param("le [Sénat américain](ORG senat-americain name) vote", id="senat-americain"),
    pytest.param("l’Assemblée nationale arménienne a voté", id="foreign-assemblee-nationale"),
    pytest.param("l’[Assemblée nationale](ORG assemblee-nationale name) française a voté",
                 id="assemblee-nationale-francaise"),
    pytest.param("la [Douma](ORG douma name) et le [Bundestag](ORG bundestag name)",
                 id="douma-bundestag"),
    pytest.param("le [Conseil constitutionnel](ORG conseil-constitutionnel name) et le "
                 "[Conseil d’État](ORG conseil-d-etat name)", id="hautes-juridictions"),
    pytest.param("[Gazprom](ORG gazprom name) et [Rosneft](ORG rosneft name)",
                 id="russian-companies"),
    pytest.param("la [SNCF](ORG SNCF acronym) et [EDF](ORG EDF acronym)", id="sncf-edf"),
]


@pytest.mark.parametrize("markup", CASES)
def test_gazetteer(org_nlp: Language, markup: str) -> None:
    check(org_nlp, markup)


@pytest.mark.parametrize(("text", "expected"), [
    ("union européenne", "UE"),
    ("Union Européenne", "UE"),
    ("OMS", "OMS"),
    ("oms", None),
    ("Organisation du traité de l'Atlantique nord", "OTAN"),
    ("Quai d'Orsay", "MEAE"),
    ("Nations Unies", "ONU"),
    ("COVID", None),
    ("", None),
])
def test_lookup_organisation(text: str, expected: str | None) -> None:
    info = lookup_organisation(text)
    assert (info.id if info else None) == expected


def test_packaged_gazetteer_size_and_ids() -> None:
    gazetteer = load_gazetteer()
    assert len(gazetteer) >= 150
    assert gazetteer.entries["OTSC"].canonical == "Organisation du traité de sécurité collective"
    assert gazetteer.entries["CEI"].canonical == "Communauté des États indépendants"


@pytest.mark.parametrize(("text", "key"), [
    ("Quai d’Orsay", "Quaid'Orsay"),
    ("Quai d‘Orsay", "Quaid'Orsay"),
    ("Ile-de-France", "Ile-de-France"),
    ("Île‑de‑France", "Ile-de-France"),
    ("C É D É A O", "CEDEAO"),
])
def test_acronym_key_keeps_capitals_and_unifies_marks(text: str, key: str) -> None:
    assert acronym_key(text) == key


def test_name_key_and_slug() -> None:
    assert name_key("Traité de l’ Atlantique") == name_key("TRAITÉ DE L'ATLANTIQUE")
    assert slugify("Conseil d’État") == "conseil-d-etat"


# --------------------------------------------------------------------------- user files

HEADER = "id,canonical,acronym,kind,country,forms\n"


def _write(tmp_path: Path, body: str, name: str = "mes_orgs.csv") -> str:
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return str(path)


def test_extra_file_adds_organisations(tmp_path: Path) -> None:
    path = _write(tmp_path, "AKIpress,AKIpress,,news_agency,KG,Aki Press\n")
    nlp = blank_pipeline("depeche_organisations", config={"extra_files": [path]})
    doc = nlp("selon l’agence AKIpress et Aki Press")
    assert [(s.text, s.kb_id_) for s in doc.spans["organisations"]] == [
        ("AKIpress", "AKIpress"), ("Aki Press", "AKIpress")]
    assert nlp.get_pipe("depeche_organisations").lookup("aki press").country == "KG"


@pytest.mark.parametrize(("body", "line", "message"), [
    ("ok,Organisation correcte,,ngo,,\nmauvais,Mauvaise,,parti,,\n", 3, "unknown kind"),
    ("x1,Une agence,,news_agency,France,\n", 2, "ISO alpha-2"),
    ("x2,Une agence,,news_agency,FR\n", 2, "expected 6 cells"),
    ("OTSC,Autre organisation,,ngo,,\n", 2, "duplicate id"),
    ("x3,Autre chose,,ngo,,OMS\n", 2, "already names"),
    ("x4,Chose,,ngo,,a||b\n", 2, "empty form"),
    ("mauvais id,Chose,,ngo,,\n", 2, "ids use"),
])
def test_extra_file_bad_row(tmp_path: Path, body: str, line: int, message: str) -> None:
    path = _write(tmp_path, body)
    with pytest.raises(GazetteerError) as error:
        OrganisationExtractor(spacy.blank("fr"), extra_files=[path])
    assert f"mes_orgs.csv:{line}" in str(error.value)
    assert message in str(error.value)


def test_extra_file_missing(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="absent.csv"):
        OrganisationExtractor(spacy.blank("fr"), extra_files=[str(tmp_path / "absent.csv")])
