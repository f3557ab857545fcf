"""Tests of the dates component: French news date expressions and their ISO values.

Each case is a sentence with inline markup and the anchor (publication date, or None):
``[15 mars 2024](DATE 2024-03-15 day)`` marks the expected span, its value (``kb_id_``, ``-``
for an empty value) and precision; a fourth word gives the bound when it is not ``point``
(``start``, ``end``, ``range``); ``name=value`` words check other span values
(``mod=mid``, ``anchored=inferred``); for other labels the words after the label are the
value (``[AFP](ORG AFP)``). A sentence without markup expects no date at all.
Expected values are what a French reader understands, worked out by hand from the calendar.
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import pipeline.entities.datelines  # noqa: F401  (registers depeche_datelines)
import pipeline.entities.dates  # noqa: F401  (registers depeche_dates)
from pipeline.entities.dates import DateExtractor
from pipeline.extensions import get_span_attrs
from tests.markup import (
    Expected,
    blank_fixture,
    blank_pipeline,
    parse_date_markup,
    run_dated,
)


def test_parse_markup() -> None:
    text, spans = parse_date_markup("Le [15 mars 2024](DATE 2024-03-15 day) Macron a reçu")
    assert text == "Le 15 mars 2024 Macron a reçu"
    assert spans == [Expected(3, 15, "15 mars 2024", "DATE", "2024-03-15", "day")]


#: A blank French pipeline with the datelines and dates components (no model).
nlp = blank_fixture("depeche_datelines", "depeche_dates")


# Anchor of most relative cases: Wednesday 5 March 2025 (ISO week 10).
WED = "2025-03-05"

ABSOLUTE = [
    ("Le [15 mars 2024](DATE 2024-03-15 day) Emmanuel Macron a reçu", "2024-06-01"),
    ("Il est né le [1er janvier 2025](DATE 2025-01-01 day).", None),
    ("Le sommet se tiendra le [3 mars](DATE 2025-03-03 day) à Bruxelles.", "2025-03-01"),
    ("Le décret du [15/03/2024](DATE 2024-03-15 day) est paru.", None),
    ("Publié le [2024-03-15](DATE 2024-03-15 day) sur le site.", None),
    ("La réunion a eu lieu le [12.03.2024](DATE 2024-03-12 day).", None),
    ("Les prix ont flambé en [janvier](DATE 2025-01 month).", WED),
    ("Le rapport publié en [janvier 2025](DATE 2025-01 month) le confirme.", None),
    ("La loi entrera en vigueur en [2025](DATE 2025 year).", None),
    ("Il dirige le pays depuis [2019](DATE 2019 year start).", None),
    ("L'année [2024](DATE 2024 year) a été marquée par la guerre.", None),
    ("L’année [2024](DATE 2024 year) a été marquée par la guerre.", None),
    ("La croissance devrait repartir à la [mi-2024](DATE 2024 year mod=mid).", None),
    ("Les travaux commenceront [début mars](DATE 2025-03 month mod=start).", "2025-02-10"),
    ("Le chantier s'achèvera [fin 2023](DATE 2023 year mod=end).", None),
    ("Les soldes débutent à la [mi-janvier](DATE 2025-01 month mod=mid).", "2025-01-05"),
    ("[Fin mars 2024](DATE 2024-03 month mod=end), l'inflation a reculé.", None),
    ("Le [mercredi 1er mai 2024](DATE 2024-05-01 day), les syndicats défilent.", None),
    ("Le naufrage du [14 février 87](DATE 1987-02-14 day) reste dans les mémoires.", None),
    ("Il a été élu en [mars 96](DATE 1996-03 month).", None),
    ("Dans les [années 1990](DATE 199 decade), le pays s'est ouvert.", None),
    ("La mode des [années 80](DATE 198 decade) revient.", None),
    ("Au [XIXe siècle](DATE 18 century), la ville comptait peu d'habitants.", None),
    ("Le [21e siècle](DATE 20 century) sera urbain.", None),
    ("Le [3 janv. 2025](DATE 2025-01-03 day) et le [4 févr. 2025](DATE 2025-02-04 day).",
     None),
    ("La conférence du [5 sept. 2024](DATE 2024-09-05 day) est annulée.", None),
    ("Candidats aux législatives de [2024](DATE 2024 year), ils font campagne.", None),
    ("Entre [2019](DATE 2019 year start) et [2021](DATE 2021 year end), le chômage a baissé.",
     None),
    ("Le pays a adhéré à l'OTAN en [1949](DATE 1949 year).", None),
    ("[Janvier 2025](DATE 2025-01 month) a été le mois le plus chaud.", None),
    ("Le festival a eu lieu [l'été 2024](DATE 2024-SU season).", None),
    ("Le [mardi 4 mars](DATE 2025-03-04 day), le gouvernement a présenté son plan.", WED),
    ("La médiathèque rouvrira [mardi 4 novembre](DATE 2003-11-04 day).", "2003-11-02"),
    ("Les inondations du [14 octobre](DATE 2003-10-14 day) ont marqué les esprits.",
     "2004-01-20"),
    ("Le scrutin du [30 mai](DATE 1999-05-30 day) a été serré.", "1999-06-08"),
    ("Les fêtes du [28 décembre](DATE 2024-12-28 day) ont attiré la foule.", "2025-01-05"),
    ("La réforme entrera en vigueur le [2 janvier](DATE 2026-01-02 day).", "2025-12-20"),
    ("Il a pris ses fonctions le [3 février](DATE 2025-02-03 day).", WED),
    ("Le sommet de [juin](DATE 2025-06 month) sera décisif.", WED),
    ("Le contrat a été signé le [24 novembre dernier](DATE 2024-11-24 day).", "2025-01-01"),
    ("Le traité sera signé en [juin prochain](DATE 2025-06 month).", WED),
    ("Les ventes ont chuté en [septembre dernier](DATE 2024-09 month).", WED),
    ("Le [20 décembre dernier](DATE 2024-12-20 day), le conseil a voté.", "2025-02-24"),
    ("La mesure s'applique dès [janvier](DATE 2026-01 month start).", "2025-11-15"),
    ("Les chiffres du [mois de mars](DATE 2025-03 month) sont bons.", WED),
]

RANGES_AND_BOUNDS = [
    ("Le salon se tient du [3 au 5 mars](DATE 2025-03-03/2025-03-05 day range).",
     "2025-02-20"),
    ("Inscriptions du [3 au 5 mars 2025](DATE 2025-03-03/2025-03-05 day range).", None),
    ("Le festival aura lieu entre le [3 et le 5 juillet](DATE 2025-07-03/2025-07-05 day range).",
     "2025-05-01"),
    ("Fermé du [lundi 7 octobre](DATE 2024-10-07 day start) au "
     "[jeudi 10 octobre](DATE 2024-10-10 day end) inclus.", "2024-10-02"),
    ("Entre le [10 juillet](DATE 2024-07-10 day start) et le [20 août](DATE 2024-08-20 day end)"
     ", le camping affiche complet.", "2024-06-01"),
    ("Les tarifs augmentent à partir du [1er janvier](DATE 2025-01-01 day start).",
     "2024-12-20"),
    ("L'offre court jusqu'au [15 mai](DATE 2025-05-15 day end).", "2025-04-01"),
    ("L’offre court jusqu’au [15 mai](DATE 2025-05-15 day end).", "2025-04-01"),
    ("Il faudra conclure avant le [30 juin](DATE 2025-06-30 day end).", "2025-04-01"),
    ("D'ici [2030](DATE 2030 year end), la flotte sera électrique.", None),
    ("Il est resté en poste jusqu'en [2019](DATE 2019 year end).", None),
    ("Le magasin est fermé depuis [mardi](DATE 2025-03-04 day start).", WED),
    ("Les élections auront lieu les [9](DATE 2005-06-09 day) et "
     "[16 juin prochains](DATE 2005-06-16 day).", "2005-04-20"),
    ("Les travaux dureront jusqu'à [la fin du mois](DATE 2025-03 month end mod=end).", WED),
]

RELATIVE = [
    ("Le ministre a démissionné [hier](DATE 2025-03-04 day).", WED),
    ("Le texte sera voté [demain](DATE 2025-03-06 day).", WED),
    ("Le président s'exprime [aujourd'hui](DATE 2025-03-05 day).", WED),
    ("Le président s’exprime [aujourd’hui](DATE 2025-03-05 day).", WED),
    ("L'accord a été signé [avant-hier](DATE 2025-03-03 day).", WED),
    ("La décision tombera [après-demain](DATE 2025-03-07 day).", WED),
    ("Le ministre a annoncé [mardi](DATE 2025-03-04 day) un plan d'économies.", WED),
    ("Le ministre présentera [vendredi](DATE 2025-03-07 day) son plan.", WED),
    ("[Dimanche](DATE 2025-03-02 day), les électeurs ont voté.", WED),
    ("Le ministre recevra les syndicats [jeudi](DATE 2025-03-06 day).", WED),
    ("Le conseil s'est réuni [lundi dernier](DATE 2025-03-03 day).", WED),
    ("Le texte sera examiné [lundi prochain](DATE 2025-03-10 day).", WED),
    ("Le parlement se réunira [ce lundi](DATE 2025-03-10 day).", "2025-03-08"),
    ("Les chiffres publiés [la semaine dernière](DATE 2025-W09 week) inquiètent.", WED),
    ("Le sommet se tiendra [cette semaine](DATE 2025-W10 week).", WED),
    ("Les négociations reprendront [le mois prochain](DATE 2025-04 month).", WED),
    ("La croissance a atteint 1 % [l'an dernier](DATE 2024 year).", WED),
    ("La croissance a atteint 1 % [l’an dernier](DATE 2024 year).", WED),
    ("Le sommet aura lieu [l'année prochaine](DATE 2026 year).", WED),
    ("Les résultats seront connus [cette année](DATE 2025 year).", WED),
    ("[Le trimestre prochain](DATE 2025-Q2 quarter) sera difficile.", WED),
    ("L'usine a fermé [il y a deux jours](DATE 2025-03-03 day).", WED),
    ("[Il y a un an](DATE 2024 year), la ville était en ruine.", WED),
    ("Il reviendra [dans trois semaines](DATE 2025-W13 week).", WED),
    ("[Hier soir](DATE 2025-03-04 day), la police est intervenue.", WED),
    ("Le ministre est sur place [aujourd'hui vendredi](DATE 2025-03-07 day).", "2025-03-07"),
    ("Le club a joué [ce week-end](DATE 2025-W10-WE week) à Lyon.", "2025-03-10"),
    ("La visite est prévue [le week-end prochain](DATE 2025-W11-WE week).", WED),
    ("[L'été dernier](DATE 2024-SU season) a été chaud.", WED),
    ("Les campings sont pleins en [été](DATE XXXX-SU season).", WED),
    ("[La fin de l'année dernière](DATE 2024 year mod=end) a été difficile.", WED),
    ("[Le siècle dernier](DATE 19 century) a connu deux guerres.", WED),
]

UNANCHORED = [
    ("Le contrat a été signé le [24 novembre dernier](DATE XXXX-11-24 day anchored=missing).",
     None),
    ("Le ministre a démissionné [hier](DATE - day anchored=missing).", None),
    ("Le vote a eu lieu en [mars](DATE XXXX-03 month).", None),
    ("Le [3 mars 2025](DATE 2025-03-03 day), le texte a été adopté ; "
     "[hier](DATE 2025-03-02 day anchored=inferred), les députés ont voté.", None),
    ("Le [1er février 2025](DATE 2025-02-01 day) puis le [3 mars 2025](DATE 2025-03-03 day) : "
     "la réunion de [mardi](DATE 2025-03-04 day anchored=inferred) sera décisive.", None),
]

NEGATIVES = [
    ("Le score final est de 3-2.", WED),
    ("Selon l'article 12 du code, la peine est doublée.", WED),
    ("Appelez le 06 12 34 56 78 pour réserver.", WED),
    ("Le projet a coûté 2025 euros.", WED),
    ("Le projet a coûté en tout 2025 euros.", WED),
    ("Voir page 1999 du rapport.", WED),
    ("La sonde a atterri sur Mars.", WED),
    ("Le robot est en route vers Mars.", WED),
    ("L'article 2025 du règlement s'applique.", WED),
    ("Il y avait 2025 personnes dans la salle.", WED),
    ("Le livre compte 2025 pages.", WED),
    ("Le livre a été tiré en 2025 exemplaires.", WED),
    ("Le nombre de visiteurs est passé de 1500 à 1800.", WED),
    ("La vue depuis 1500 mètres est superbe.", WED),
    ("Il a passé les sept derniers jours à l'hôpital.", WED),
    ("Le monde de demain sera numérique.", WED),
    ("Les jeunes d'aujourd'hui lisent moins.", WED),
    ("Le mercredi, les enfants n'ont pas école.", WED),
    ("Le marché se tient du lundi au vendredi.", WED),
    ("Cette année-là, la récolte fut mauvaise.", WED),
    ("Le sondage donne 52 % des voix au candidat.", WED),
    ("Il a marqué 3 buts en 12 matches.", WED),
]

#: Old newspapers and OCR (HIPE-like texts): the rules a reader applies to damaged print.
OLD_PRINT = [
    # the "er" of "1er" comes loose or is misread
    ("Le tarif sera appliqué le [1 er octobre 1927](DATE 1927-10-01 day).", None),
    ('Le tarif sera appliqué le [1 " octobre 1927](DATE 1927-10-01 day).', None),
    ("Le marché aux bestiaux ouvrira le [1 ° juin 1864](DATE 1864-06-01 day).", None),
    # a year that closes a parenthesis
    ("Le premier prix revient à P. Girardin (Lycée, [1925](DATE 1925 year)).", None),
    ("Le roman ([1932](DATE 1932 year)) a été réédité.", None),
    # year ranges written with a dash
    ("La reconstruction après la guerre de [1870-1871](DATE 1870/1871 year range) ;", None),
    ("Les classes [1939-45](DATE 1939/1945 year range) sont convoquées.", None),
    ("Victor Hugo ([1802-1885](DATE 1802/1885 year range)) est né à Besançon.", None),
    # two digits glued to a dash start a longer (OCR-split) number, not a year "juin 2015"
    ("Une dette, des [3](DATE XXXX-03-03 day) et [9 mars](DATE XXXX-03-09 day) 18-4 * 2, "
     "reste due.", None),
    # a season of a given year
    ("Depuis l'[hiver de 1891](DATE 1891-WI season start), le lac n'avait pas gelé.", None),
]

#: Feasts (Easter by the calendar algorithm), days counted from the date told before,
#: quarters and halves, parts of a century; a tense cue picks the direction of a year-less date.
STORY = [
    ("Les écoles ferment à [Pâques](DATE 2025-04-20 day).", WED),
    ("Les marchés rouvriront le [lundi de Pentecôte](DATE 2025-06-09 day).", WED),
    ("Le défilé de [Noël 2023](DATE 2023-12-25 day) a attiré la foule.", WED),
    ("La loi sera votée d'ici la [Toussaint](DATE 2025-11-01 day end).", WED),
    ("Les cloches ont sonné à [Pâques 2008](DATE 2008-03-23 day).", WED),
    ("Les bars ferment tard le soir du [Nouvel An](DATE 2025-01-01 day).", "2025-01-10"),
    ("Le bain du [jour de l'An](DATE 2026-01-01 day) attirera les curieux.", "2025-12-20"),
    ("Le père Noël a reçu des lettres ; Noël Martin les a lues.", WED),
    ("Le [2 mars](DATE 2025-03-02 day), le maire a démissionné. [Le lendemain](DATE 2025-03-03 "
     "day), son adjoint l'a remplacé.", WED),
    ("La grève a commencé le [10 février](DATE 2025-02-10 day). [Quatre jours plus tard]"
     "(DATE 2025-02-14 day), l'usine était fermée.", WED),
    ("[La veille](DATE 2025-03-04 day), les négociateurs avaient échoué.", WED),
    ("Le club est monté en [2016](DATE 2016 year). [L'année suivante](DATE 2017 year), il a "
     "gagné la coupe.", WED),
    ("Le chantier s'est arrêté le [6 juin 2024](DATE 2024-06-06 day) ; [le lundi suivant]"
     "(DATE 2024-06-10 day), il a repris.", WED),
    ("La digue a cédé en [octobre 2022](DATE 2022-10 month) ; [le mois précédent]"
     "(DATE 2022-09 month), les pluies avaient commencé.", WED),
    ("Le vote a eu lieu la veille du sommet.", WED),
    ("Les ventes ont progressé au [premier trimestre 2024](DATE 2024-Q1 quarter).", WED),
    ("La reprise viendra au [second semestre](DATE 2025-H2 half).", WED),
    ("À la [fin du XIXe siècle](DATE 18 century mod=end), le port déclinait.", WED),
    ("Le texte passera en [novembre](DATE 2025-11 month).", "2025-05-02"),
    ("Le texte est passé en [novembre](DATE 2024-11 month).", "2025-05-02"),
    ("Les voeux pour [la nouvelle année](DATE 2025 year) sont partis.", WED),
    ("Le refuge est ouvert [Eté](DATE XXXX-SU season) comme [hiver](DATE XXXX-WI season).",
     WED),
    ("Le printemps arrive tard dans les Alpes.", WED),
    ("Le rock des [années soixante](DATE 196 decade) revient.", WED),
    ("À la [fin des années 70](DATE 197 decade mod=end), le quartier a changé.", WED),
    # a recent year in running text
    ("Le budget [2026](DATE 2026 year) sera débattu par les députés.", WED),
    ("La promotion [2019](DATE 2019 year) a reçu ses diplômes.", WED),
    ("Les 2000 grévistes ont défilé.", WED),
    ("Les récoltes ont souffert en [2011](DATE 2011 year) et [2012](DATE 2012 year).", WED),
    ("De [1996](DATE 1996 year start) à [2004](DATE 2004 year end), elle a présidé le jury.",
     WED),
    ("Le devis va de 2000 à 3000 francs.", WED),
    ("Le cadastre de 1812 est numérisé ; la parcelle 1834 est vendue.", WED),
]

OLD_PRINT_NEGATIVES = [
    ("Le nombre actuel d'abonnés est de 1850.", None),
    ("Il paya avec une pile de coupures de 1000.", None),
    ("Le total était de 1800, sans les frais.", None),
    ("La commune compte 1933 habitants (recensement).", None),
    ("Le compteur affiche 2003-1999.", None),
    ("Le lot comprend 15 ° janvier et autres.", None),
]

CASES = [
    *[pytest.param(m, a, id=f"imprime-ancien-{i}") for i, (m, a) in enumerate(OLD_PRINT)],
    *[pytest.param(m, a, id=f"imprime-ancien-negatif-{i}")
      for i, (m, a) in enumerate(OLD_PRINT_NEGATIVES)],
    *[pytest.param(m, a, id=f"absolu-{i}") for i, (m, a) in enumerate(ABSOLUTE)],
    *[pytest.param(m, a, id=f"recit-{i}") for i, (m, a) in enumerate(STORY)],
    *[pytest.param(m, a, id=f"borne-{i}") for i, (m, a) in enumerate(RANGES_AND_BOUNDS)],
    *[pytest.param(m, a, id=f"relatif-{i}") for i, (m, a) in enumerate(RELATIVE)],
    *[pytest.param(m, a, id=f"sans-ancre-{i}") for i, (m, a) in enumerate(UNANCHORED)],
    *[pytest.param(m, a, id=f"negatif-{i}") for i, (m, a) in enumerate(NEGATIVES)],
]


@pytest.mark.parametrize(("markup", "anchor"), CASES)
def test_dates(nlp: Language, markup: str, anchor: str | None) -> None:
    text, expected = parse_date_markup(markup)
    doc = run_dated(nlp, text, anchor)
    got = [(s.text, s.label_, s.kb_id_) for s in doc.spans["dates"]]
    assert got == [(e.text, e.label, e.value) for e in expected]
    for span, exp in zip(doc.spans["dates"], expected, strict=True):
        attrs = get_span_attrs(span, "dates")
        assert (span.start_char, span.end_char) == (exp.start, exp.end)
        assert attrs["precision"] == exp.precision
        assert attrs["bound"] == exp.bound
        assert attrs["rule"].startswith("dates.")
        for name, value in exp.extra.items():
            assert str(attrs.get(name)) == value, name


# --- anchor ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "doc_date", "anchor"),
    [
        pytest.param("Il est venu hier.", "2025-03-05", {"date": "2025-03-05",
                                                        "source": "metadata"}, id="metadata"),
        pytest.param("PARIS, 3 mars 2025 (AFP) - Il est venu hier.", None,
                     {"date": "2025-03-03", "source": "dateline"}, id="dateline"),
        pytest.param("BICHKEK, 1er janvier. /TASS/. Les tarifs changent à partir du 1er janvier "
                     "2025.", None, {"date": "2025-01-01", "source": "inferred"},
                     id="dateline-inferee"),
        pytest.param("Il est né le 3 mars 1950 et mort le 2 février 2025.", None,
                     {"date": "2025-02-02", "source": "inferred"}, id="date-la-plus-recente"),
        pytest.param("Il est venu hier.", None, None, id="aucune"),
    ],
)
def test_anchor(nlp: Language, text: str, doc_date: str | None,
                anchor: dict[str, str] | None) -> None:
    assert run_dated(nlp, text, doc_date)._.anchor == anchor


def test_sample_story(nlp: Language) -> None:
    """The sample wire story: the dateline year is inferred, ``dernier`` looks back."""
    doc = run_dated(nlp, "BICHKEK, 1er janvier. /TASS/. Le Kirghizstan relève ses tarifs à "
                         "partir du 1er janvier 2025, comme décidé le 24 novembre dernier.", None)
    assert [(s.text, s.kb_id_) for s in doc.spans["dates"]] == [
        ("1er janvier 2025", "2025-01-01"), ("24 novembre dernier", "2024-11-24")]
    assert doc._.dateline["date"] == "2025-01-01"


def test_dateline_date_not_repeated(nlp: Language) -> None:
    doc = run_dated(nlp, "PARIS, 3 mars (AFP) - Le texte sera voté le 5 mars.", "2025-03-03")
    assert [s.text for s in doc.spans["dates"]] == ["5 mars"]
    assert [s.text for s in doc.spans["datelines"] if s.label_ == "DATE"] == ["3 mars"]


# --- options and helpers -----------------------------------------------------------------------


def run_configured(config: dict[str, Any], markup: str,
                   anchor: str | None) -> tuple[Doc, list[Expected]]:
    """Run ``markup`` through the dates component alone, configured with ``config``."""
    nlp = blank_pipeline("depeche_dates", config=config)
    text, expected = parse_date_markup(markup)
    return run_dated(nlp, text, anchor), expected


@pytest.mark.parametrize(
    ("markup", "anchor"),
    [
        pytest.param("Ils se sont fiancés [le 1er juin 1974](DATE 1974-06-01 day).", None,
                     id="article"),
        pytest.param("Dès [l'année 2001](DATE 2001 year start), la ville paiera.", None,
                     id="annee"),
        pytest.param("L'association a vu le jour [le 12 novembre dernier](DATE 2004-11-12 day).",
                     "2005-01-18", id="dernier"),
        pytest.param("Élections [les 9](DATE 2005-06-09 day) et "
                     "[16 juin prochains](DATE 2005-06-16 day).", "2005-04-20", id="liste"),
        pytest.param("Dans [les années 1990](DATE 199 decade), tout a changé.", None,
                     id="decennie"),
        pytest.param("Le salon se tient du [12](DATE 2025-10-12 day) au "
                     "[15 octobre](DATE 2025-10-15 day).", "2025-09-01", id="intervalle"),
        pytest.param("Le scrutin aura lieu entre [le 4](DATE 2025-05-04 day) et "
                     "[le 6 mai](DATE 2025-05-06 day).", "2025-04-01", id="entre"),
        pytest.param("On rentre après [la Toussaint](DATE 2025-11-01 day).", "2025-10-20",
                     id="fete"),
    ],
)
def test_timeml_extent(markup: str, anchor: str | None) -> None:
    """``timeml_extent=True`` keeps the articles, as the French TimeBank does."""
    doc, expected = run_configured({"timeml_extent": True}, markup, anchor)
    assert [(s.text, s.kb_id_) for s in doc.spans["dates"]] == [
        (e.text, e.value) for e in expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("La police est intervenue hier soir.", []),
        pytest.param("La police est intervenue hier.", ["hier"]),
        pytest.param("Hier à 9 h, les syndiqués ont quitté la salle.", [], id="hier-a-9-h"),
        pytest.param("La réunion de mardi à 14 heures est annulée.", [], id="mardi-a-14-heures"),
        pytest.param("Il a été bousculé hier vers 21 h, devant la gare.", ["hier"],
                     id="heure-approchee"),
        pytest.param("Le 3 mars à 10 h, la séance s'ouvrira.", ["3 mars"], id="jour-date"),
    ],
)
def test_without_time_of_day(text: str, expected: list[str]) -> None:
    """``time_of_day=False`` leaves out ``hier soir`` and ``hier à 10 h`` (TIMEs for TimeML),
    not ``hier`` alone nor a day followed by an approximate time (``vers 18 h``)."""
    nlp = blank_pipeline("depeche_dates", config={"time_of_day": False})
    doc = run_dated(nlp, text, WED)
    assert [s.text for s in doc.spans["dates"]] == expected


def test_process_is_pure(nlp: Language) -> None:
    doc = nlp.make_doc("Le texte sera voté demain.")
    doc._.doc_date = WED
    found = DateExtractor(nlp).process(doc)
    assert [(s.text, s.kb_id_) for s, _ in found] == [("demain", "2025-03-06")]
    assert "dates" not in doc.spans and doc._.anchor is None and doc._.span_attrs is None


def test_doc_round_trips_to_bytes(nlp: Language) -> None:
    doc = run_dated(nlp, "PARIS, 3 mars (AFP) - Le salon se tient du 3 au 5 mars, puis mardi.",
                    "2025-03-03")
    copy = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert copy._.anchor == doc._.anchor
    assert copy._.dateline == doc._.dateline
    assert copy._.span_attrs == doc._.span_attrs
    assert [(s.text, s.kb_id_) for s in copy.spans["dates"]] == [
        (s.text, s.kb_id_) for s in doc.spans["dates"]]


@pytest.mark.parametrize(
    ("markup", "anchor"),
    [
        pytest.param("Le tarif sera appliqué le [1er octobre 1927](DATE 1927-10-01 day).",
                     WED, id="jour-annee"),
        pytest.param("Le péage fut institué en [1927](DATE 1927 year).", WED, id="en-annee"),
        pytest.param("Les émeutes de [1848](DATE 1848 year), puis la guerre "
                     "de [1870-1871](DATE 1870/1871 year range).", WED, id="de-annee"),
        pytest.param("L'incendie de [février 1923](DATE 1923-02 month) a détruit la halle.", WED,
                     id="mois-annee"),
        pytest.param("Les cotisations pour [1949](DATE 1949 year).", WED, id="pour-annee"),
        pytest.param("Le festival des [années 1990](DATE 199 decade) revient.", WED,
                     id="decennie"),
        pytest.param("Les prix ont flambé [l'été 2024](DATE 2024-SU season).", WED,
                     id="saison-annee"),
        pytest.param("Il a parlé hier, mardi et le 3 mars ; en été, cette année, la semaine "
                     "dernière, dans les années 20.", WED, id="relatives"),
        pytest.param("Il est mort le 27 juillet courant, puis le 24 novembre dernier.", WED,
                     id="sans-annee"),
    ],
)
def test_absolute_only(markup: str, anchor: str | None) -> None:
    """``absolute_only`` keeps only the dates whose text gives the year (HIPE annotates these
    alone): no day, month or season without a year, no deictic date, no two-digit decade."""
    doc, expected = run_configured({"absolute_only": True}, markup, anchor)
    assert [(s.text, s.kb_id_) for s in doc.spans["dates"]] == [
        (e.text, e.value) for e in expected]


@pytest.mark.parametrize(
    ("markup", "bounds"),
    [
        pytest.param("La créance sera éteinte [le 12 mars 1921](DATE 1921-03-12 day).", ["point"],
                     id="le"),
        pytest.param("Les marchands qui, [au 1er octobre 1927](DATE 1927-10-01 day), exportent.",
                     ["point"], id="au"),
        pytest.param("Le décret [du 4 mai 1908](DATE 1908-05-04 day) reste valable.", ["point"],
                     id="du"),
        pytest.param("Dès [le 1er octobre 1927](DATE 1927-10-01 day), la taxe tombe.", ["start"],
                     id="des-le"),
        pytest.param("La situation s'améliore [depuis 1912](DATE 1912 year).", ["start"],
                     id="depuis-annee"),
        pytest.param("Le recueil a paru [en 1931](DATE 1931 year) à Lyon.", ["point"],
                     id="en-annee"),
        pytest.param("L'incendie [de février 1923](DATE 1923-02 month).", ["point"],
                     id="de-mois"),
        pytest.param("Depuis l'[hiver de 1891](DATE 1891-WI season), le lac gèle.", ["start"],
                     id="saison-sans-article"),
        pytest.param("La foire se tient [du 3 au 5 mars 2025](DATE 2025-03-03/2025-03-05 day).",
                     ["range"], id="du-au"),
        pytest.param("La guerre [de 1870-1871](DATE 1870/1871 year) ;", ["range"],
                     id="de-periode"),
        pytest.param("Entre [le 10 juillet 2001](DATE 2001-07-10 day) et "
                     "[le 20 août 2001](DATE 2001-08-20 day), c'est complet.",
                     ["start", "end"], id="entre-et"),
    ],
)
def test_preposition_extent(markup: str, bounds: list[str]) -> None:
    """``preposition_extent`` puts the article of a day date and the preposition of a year,
    month or season in the span (HIPE); the bound is still read from the words before."""
    doc, expected = run_configured({"preposition_extent": True}, markup, WED)
    assert [(s.text, s.kb_id_) for s in doc.spans["dates"]] == [
        (e.text, e.value) for e in expected]
    assert [get_span_attrs(s, "dates")["bound"] for s in doc.spans["dates"]] == bounds


def test_year_range_timeml_extent() -> None:
    """TimeML marks each year of ``1870-1871`` as its own expression."""
    nlp = blank_pipeline("depeche_dates", config={"timeml_extent": True})
    doc = run_dated(nlp, "La guerre de 1870-1871 a ruiné la région.", None)
    assert [(s.text, s.kb_id_) for s in doc.spans["dates"]] == [("1870", "1870"),
                                                                ("1871", "1871")]
