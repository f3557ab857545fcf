"""Organisations family: gazetteer, acronyms, in-text definitions (spacy.blank("fr")).

Cases are written with inline markup: ``[texte](ORG id forme clé=valeur ...)``. After the label
come the expected ``kb_id_`` and ``form`` (``name`` or ``acronym``), then optional values
(``rule=``, ``canonical=``, ``acronym=``); a value runs to the next `` clé=`` or to the end.
Every marked span must be found and nothing else: a case without markup expects no ORG.
Decision recorded here: a listed name written in lower case in running text (``une union
européenne des marchés``) is a common noun phrase, not the organisation.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.entities.gazetteers import GazetteerError
from pipeline.entities.organisations import (
    OrganisationExtractor,
    acronym_matches,
    load_gazetteer,
    lookup_organisation,
)
from pipeline.extensions import get_span_attrs
from tests.markup import blank_fixture, blank_pipeline, split_annotation, strip_marks

# --------------------------------------------------------------------------- markup


def parse_markup(markup: str) -> tuple[str, list[tuple[int, int, str, dict[str, str]]]]:
    """Return the plain text and the expected spans ``(start, end, label, values)``."""
    text, marks = strip_marks(markup)
    spans = []
    for mark in marks:
        (label, *positional), values = split_annotation(mark.annotation)
        spans.append((mark.start, mark.end, label,
                      {**dict(zip(("kb_id", "form"), positional, strict=False)), **values}))
    return text, spans


def test_markup_parser() -> None:
    text, spans = parse_markup("l’[OTSC](ORG OTSC acronym canonical=Organisation du traité)")
    assert text == "l’OTSC"
    assert spans == [(2, 6, "ORG", {"kb_id": "OTSC", "form": "acronym",
                                    "canonical": "Organisation du traité"})]


# --------------------------------------------------------------------------- fixtures

org_nlp = blank_fixture("depeche_organisations")


def _found(doc: Doc) -> list[tuple[int, int, str, dict]]:
    return [(s.start_char, s.end_char, s.label_, {"kb_id": s.kb_id_,
                                                  **get_span_attrs(s, "organisations")})
            for s in doc.spans["organisations"]]


def check(nlp: Language, markup: str) -> None:
    text, expected = parse_markup(markup)
    doc = nlp(text)
    found = _found(doc)
    assert [(s, e, text[s:e]) for s, e, _, _ in found] == \
        [(s, e, text[s:e]) for s, e, _, _ in expected]
    for (_, _, label, got), (_, _, want_label, want) in zip(found, expected, strict=True):
        assert label == want_label
        for key, value in want.items():
            assert str(got.get(key)) == value, (key, got)


RULE_DEF = "rule=organisations.definition"

CASES = [
    # the sample dispatch
    pytest.param(f"La présidence de l’[Organisation du traité de sécurité collective](ORG OTSC "
                 f"name {RULE_DEF}) ([OTSC](ORG OTSC acronym {RULE_DEF})) passera au "
                 "Kirghizistan.", id="otsc-definition"),
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
    pytest.param(f"l’[Agence internationale de l’énergie atomique](ORG AIEA name {RULE_DEF}) "
                 f"([AIEA](ORG AIEA acronym {RULE_DEF}))", id="aiea-definition"),
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
    pytest.param(f"[Médecins sans frontières](ORG MSF name {RULE_DEF}) "
                 f"([MSF](ORG MSF acronym {RULE_DEF})) soigne", id="msf-definition-no-head"),
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
    pytest.param("a déclaré le ministre ([AFP](ORG AFP acronym rule=organisations.gazetteer))",
                 id="agency-credit-in-parentheses-is-not-a-definition"),
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
    # in-text definitions, both orders, listed and unlisted bodies
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
    pytest.param("la Banque de développement (XYZ) prête", id="letters-do-not-match"),
    pytest.param("le parti (UDP) a gagné", id="lowercase-expansion-is-no-definition"),
]


@pytest.mark.parametrize("markup", CASES)
def test_organisations(org_nlp: Language, markup: str) -> None:
    check(org_nlp, markup)


def test_definition_records_expansion_offsets(org_nlp: Language) -> None:
    text = "la Communauté des États indépendants (CEI) et la CEI"
    doc = org_nlp(text)
    acronym = [s for s in doc.spans["organisations"]
               if get_span_attrs(s, "organisations")["rule"] == "organisations.definition"
               and s.text == "CEI"][0]
    start, end = get_span_attrs(acronym, "organisations")["defined_by"]
    assert text[start:end] == "Communauté des États indépendants"


# --------------------------------------------------------------------------- helpers


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


def test_packaged_gazetteer_size_and_ids() -> None:
    gazetteer = load_gazetteer()
    assert len(gazetteer) >= 150
    assert gazetteer.entries["OTSC"].canonical == "Organisation du traité de sécurité collective"
    assert gazetteer.entries["CEI"].canonical == "Communauté des États indépendants"


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


# --------------------------------------------------------------------------- config, serialisation


def test_factory_defaults() -> None:
    """Without options, in-text definitions are found (compare ``test_detect_definitions_off``
    on the same sentence)."""
    nlp = spacy.blank("fr")
    nlp.add_pipe("depeche_organisations")
    doc = nlp("l’Agence kirghize de presse (AKP) et l’OTSC")
    assert [s.text for s in doc.spans["organisations"]] == [
        "Agence kirghize de presse", "AKP", "OTSC"]


def test_detect_definitions_off() -> None:
    nlp = blank_pipeline("depeche_organisations", config={"detect_definitions": False})
    doc = nlp("l’Agence kirghize de presse (AKP) et l’OTSC")
    assert [(s.text, s.kb_id_) for s in doc.spans["organisations"]] == [("OTSC", "OTSC")]


def test_never_writes_ents(org_nlp: Language) -> None:
    doc = org_nlp("l’OTAN et l’ONU")
    assert doc.ents == ()


def test_to_bytes_round_trip(org_nlp: Language) -> None:
    doc = org_nlp("la Communauté des États indépendants (CEI) et l’OTAN")
    copy = Doc(org_nlp.vocab).from_bytes(doc.to_bytes())
    assert [(s.text, s.label_, s.kb_id_) for s in copy.spans["organisations"]] == [
        ("Communauté des États indépendants", "ORG", "CEI"), ("CEI", "ORG", "CEI"),
        ("OTAN", "ORG", "OTAN")]
    assert [get_span_attrs(s, "organisations") for s in copy.spans["organisations"]] == \
        [get_span_attrs(s, "organisations") for s in doc.spans["organisations"]]


# --------------------------------------------------------------------------- noun phrases

HEAD = "rule=organisations.head_phrase"
NOUN = "rule=organisations.named_by_noun"
CREDIT = "rule=organisations.agency_credit"

PHRASE_CASES = [
    # a capitalised head word with a qualifying adjective or a capitalised word
    pytest.param("Le [Conseil fédéral](ORG conseil-federal name) a publié son rapport.",
                 id="listed-swiss-federal-council"),
    pytest.param(f"la [Garde républicaine](ORG garde-republicaine name {HEAD}) a arrêté",
                 id="head-national-adjective"),
    pytest.param(f"au [Département politique fédéral](ORG departement-politique-federal name "
                 f"{HEAD}). Il", id="head-two-adjectives"),
    pytest.param(f"la [Société vaudoise des maîtres de chant](ORG "
                 f"societe-vaudoise-des-maitres-de-chant name {HEAD}) s’est réunie",
                 id="head-adjective-lowercase-complements"),
    pytest.param(f"La vénérable [Compagnie des Vignerons de Morges](ORG "
                 f"compagnie-des-vignerons-de-morges name {HEAD}) offre",
                 id="head-capitalised-complements"),
    pytest.param(f"les bureaux de la [Direction générale des Douanes et des Accises](ORG "
                 f"direction-generale-des-douanes-et-des-accises name {HEAD}) qui",
                 id="head-coordinated-complements"),
    pytest.param(f"le siège de l’[Association pour une Vie Meilleure](ORG "
                 f"association-pour-une-vie-meilleure name {HEAD})", id="head-pour-complement"),
    pytest.param(f"au [Centre Médical Universitaire](ORG centre-medical-universitaire name "
                 f"{HEAD}) ce matin", id="head-capitalised-adjectives"),
    pytest.param(f"les chercheurs de l'[Université de Coimbra](ORG universite-de-coimbra name "
                 f"{HEAD}) s'étaient rendus", id="head-place-complement"),
    pytest.param(f"la [Galerie Lambertin](ORG galerie-lambertin name {HEAD}) expose",
                 id="head-proper-name"),
    pytest.param("arrêt du [Conseil d'Etat](ORG conseil-d-etat name) du 12 mars 1803",
                 id="date-after-name-stays-out"),
    pytest.param("la Banque de développement prête", id="lowercase-complement-is-description"),
    pytest.param("l'École primaire et le Centre culturel", id="descriptive-adjective"),
    pytest.param("le Conseil communal a siégé", id="local-council-is-description"),
    pytest.param("RÉPUBLIQUE FRANÇAISE. PARIS.", id="headline-capitals"),
    pytest.param("La Commission propose un texte", id="head-then-verb"),
    pytest.param("la Haute-Savoie et le Haut Karabakh", id="head-excluded-from-phrases"),
    pytest.param("Le Gouvernement italien a tranché", id="government-is-no-name-head"),
    pytest.param("le [Conseil constitutionnel](ORG conseil-constitutionnel name) français a dit",
                 id="listed-name-plus-adjective-only"),
    pytest.param("de l'[Assemblée nationale](ORG assemblee-nationale name)\nVote serré",
                 id="line-break-ends-a-name"),
    # a common noun introduces a quoted or capitalised name
    pytest.param(f"le président de l'association \"[Main tendue](ORG main-tendue name "
                 f"{NOUN})\" a dit", id="association-quoted"),
    pytest.param(f"l’ONG ‘’[Terre Claire](ORG terre-claire name {NOUN})’’ a été",
                 id="ong-double-single-quotes"),
    pytest.param(f"l’association « [Non au bruit](ORG non-au-bruit name {NOUN}) »",
                 id="guillemets"),
    pytest.param(f"l’ONG canadienne « [Wellspring](ORG wellspring name {NOUN}) », ils",
                 id="adjective-then-guillemets-nbsp"),
    pytest.param(f"la société agroalimentaire \"[Grainval](ORG grainval name {NOUN})\" en "
                 f"Belgique", id="noun-adjective-quoted"),
    pytest.param(f"l'usine de chaussures \"[Podalis](ORG podalis name {NOUN})\" a pris feu",
                 id="noun-complement-quoted"),
    pytest.param(f"l'association des \"[Parents contre le bruit](ORG parents-contre-le-bruit "
                 f"name {NOUN})\"", id="des-before-quote"),
    pytest.param(f"au sein du laboratoire [Biolume](ORG biolume name {NOUN}). L'incident",
                 id="noun-capitalised-name"),
    pytest.param(f"les propriétaires du laboratoire [Biochem-Lausanne](ORG biochem-lausanne "
                 f"name {NOUN}), a été", id="hyphenated-name"),
    pytest.param(f"la bijouterie [Ors'elle](ORG ors-elle name {NOUN}) a été cambriolée",
                 id="glued-name"),
    pytest.param(f"la compagnie [Blue Harbour](ORG blue-harbour name {NOUN}), de faire",
                 id="two-word-name"),
    pytest.param(f"une association nommée \"[Sport-santé](ORG sport-sante name {NOUN})\", qui",
                 id="naming-participle"),
    pytest.param("l’agence [TASS](ORG TASS acronym rule=organisations.gazetteer)",
                 id="listed-name-after-noun-keeps-gazetteer-values"),
    pytest.param(f"la fondatrice de \"[Maison Lavande](ORG maison-lavande name {NOUN})\". Elle",
                 id="role-de-quoted"),
    pytest.param(f"journaliste chez \"[O Diário Lisboeta](ORG o-diario-lisboeta name {NOUN})"
                 "\", a dit", id="chez-quoted"),
    pytest.param("la présidente de l'association, Anne Dupont, a dit",
                 id="comma-ends-the-noun-phrase"),
    pytest.param("le président de Biolume a dit", id="role-needs-quotes"),
    pytest.param("l'entreprise de M. Dupont a fermé", id="no-name-after-de"),
    pytest.param("la société a remercié Madame Dupont", id="verb-after-noun"),
    pytest.param("le concours \"Miss France\" a eu lieu", id="not-an-organisation-noun"),
    pytest.param("l'association \"pour tous\" a dit", id="quoted-lowercase-is-no-name"),
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


@pytest.mark.parametrize("markup", PHRASE_CASES)
def test_organisation_phrases(org_nlp: Language, markup: str) -> None:
    check(org_nlp, markup)


hipe_nlp = blank_fixture("depeche_organisations", config={"head_noun_in_span": True})
popcorn_nlp = blank_fixture("depeche_organisations", config={"generic_institutions": True})


@pytest.mark.parametrize("markup", [
    pytest.param(f"la [société Vasseur Frères SA](ORG vasseur-freres-sa name {NOUN} "
                 "canonical=Vasseur Frères SA)", id="head-noun-in-span"),
    pytest.param(f"le [groupe Delorme](ORG delorme name {NOUN}) avait annoncé",
                 id="group"),
    pytest.param(f"Selon l'[agence de presse malienne Sahelinfo](ORG sahelinfo name {NOUN}), les",
                 id="noun-complement-adjective"),
    pytest.param(f"l'[ONG \"Forêts vivantes\"](ORG forets-vivantes name {NOUN}) a été",
                 id="quotes-inside"),
    pytest.param(f"la présidente de \"[Maison Lavande](ORG maison-lavande name {NOUN})\"",
                 id="role-noun-stays-out"),
])
def test_head_noun_in_span(hipe_nlp: Language, markup: str) -> None:
    check(hipe_nlp, markup)


@pytest.mark.parametrize("markup", [
    pytest.param("Le chef de l'[État](ORG etat name rule=organisations.generic) a été reçu",
                 id="etat"),
    pytest.param("une délégation de l'[Église](ORG eglise name) est arrivée", id="eglise"),
    pytest.param("elle a critiqué le [Gouvernement](ORG gouvernement name) qui", id="government"),
    pytest.param("la présidente de l'[ONG](ORG ong name), a ajouté", id="bare-ong"),
    pytest.param(f"le président de l'ONG \"[Entraide](ORG entraide name {NOUN})\"",
                 id="ong-with-name-is-no-bare-ong"),
    pytest.param("un coup d'État et l'État de droit", id="not-after-d-nor-before-de-noun"),
    pytest.param("les États membres", id="plural-is-not-listed"),
])
def test_generic_institutions(popcorn_nlp: Language, markup: str) -> None:
    check(popcorn_nlp, markup)


def test_generic_institutions_off_by_default(org_nlp: Language) -> None:
    doc = org_nlp("Le chef de l'État et le président de l'ONG")
    assert list(doc.spans["organisations"]) == []


def test_factory_convention_defaults(hipe_nlp: Language, popcorn_nlp: Language) -> None:
    """By default the introducing noun stays out and ``l'État`` is no span; each convention
    option changes just its own part of the output."""
    text = "la société Vasseur Frères SA a écrit à l'État"
    default = spacy.blank("fr")
    default.add_pipe("depeche_organisations")
    docs = {"default": default(text), "hipe": hipe_nlp(text), "popcorn": popcorn_nlp(text)}
    found = {name: [s.text for s in doc.spans["organisations"]] for name, doc in docs.items()}
    assert found == {"default": ["Vasseur Frères SA"],
                     "hipe": ["société Vasseur Frères SA"],
                     "popcorn": ["Vasseur Frères SA", "État"]}
