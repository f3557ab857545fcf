"""Tests of the datelines family: the ``PLACE, date (AGENCY) -`` header of wire stories.

Each case is the start of a story with inline markup (same syntax as ``dates/test_component.py``):
``[PARIS](LOC)``, ``[3 mars](DATE 2025-03-03)``, ``[AFP](ORG AFP)`` mark the expected spans
of ``doc.spans["datelines"]`` with their ``kb_id_``; then the publication date (or None) and
the expected ``doc._.dateline`` values (only the keys given are checked). A story without
markup has no dateline.
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

import pipeline.entities.datelines  # noqa: F401  (registers depeche_datelines)
import pipeline.entities.dates  # noqa: F401  (registers depeche_dates)
from pipeline.entities.datelines import DatelineExtractor, agencies, split_glued_dashes
from pipeline.extensions import get_span_attrs
from tests.markup import blank_fixture, parse_date_markup, run_dated

#: A blank French pipeline with the datelines and dates components (no model).
nlp = blank_fixture("depeche_datelines", "depeche_dates")


CASES: list[tuple[str, str | None, dict[str, Any] | None]] = [
    ("[BICHKEK](LOC), [1er janvier](DATE 2025-01-01). /[TASS](ORG TASS)/. Le Kirghizstan relève"
     " ses tarifs à partir du 1er janvier 2025, comme décidé le 24 novembre dernier.", None,
     {"place": "BICHKEK", "date": "2025-01-01", "date_text": "1er janvier", "agency": "TASS",
      "date_source": "inferred", "end_char": 29}),
    ("[PARIS](LOC), [3 mars](DATE 2025-03-03) ([AFP](ORG AFP)) - Le gouvernement a présenté son"
     " plan.", "2025-03-03",
     {"place": "PARIS", "date": "2025-03-03", "agency": "AFP", "date_source": "metadata",
      "end_char": 21}),
    ("[MOSCOU](LOC), [12 février](DATE 2025-02-12) - [RIA Novosti](ORG RIA Novosti). Le Kremlin"
     " a démenti.", "2025-02-12", {"place": "MOSCOU", "agency": "RIA Novosti"}),
    ("[WASHINGTON](LOC) ([Reuters](ORG Reuters)) - Le président américain a signé le décret.",
     "2025-03-03", {"place": "WASHINGTON", "date": None, "date_text": None,
                    "agency": "Reuters", "end_char": 22}),
    ("[NEW YORK](LOC), [5 juin 2024](DATE 2024-06-05) ([AFP](ORG AFP)) – Les marchés ont ouvert"
     " en baisse.", None, {"place": "NEW YORK", "date": "2024-06-05", "date_source": "text"}),
    ("[Paris](LOC), le [3 mars 2024](DATE 2024-03-03) ([AFP](ORG AFP)) Le ministre a démissionné.",
     None, {"place": "Paris", "date": "2024-03-03", "date_text": "3 mars 2024"}),
    ("Séisme en Turquie\n[ANKARA](LOC), [6 février](DATE 2023-02-06) ([Anadolu](ORG Anadolu)) -"
     " Un séisme a frappé le sud du pays.", "2023-02-06",
     {"place": "ANKARA", "date": "2023-02-06", "agency": "Anadolu"}),
    ("[PÉKIN](LOC), [3 mars](DATE XXXX-03-03) ([Xinhua](ORG Xinhua)) - La Chine a annoncé hier"
     " une hausse de son budget militaire.", None,
     {"place": "PÉKIN", "date": None, "date_text": "3 mars", "date_source": None}),
    ("[BRUXELLES](LOC), [10 décembre](DATE 2024-12-10) ([Belga](ORG Belga)) - Les négociations"
     " reprennent.", "2025-01-02", {"date": "2024-12-10", "date_source": "metadata"}),
    ("[TOKYO](LOC), [1er avril](DATE 2025-04-01) ([Kyodo](ORG Kyodo)) - Le yen recule.",
     "2025-04-01", {"agency": "Kyodo"}),
    ("[SÉOUL](LOC), [2 mai](DATE 2025-05-02) ([Yonhap](ORG Yonhap)) - Pyongyang a tiré un"
     " missile.", "2025-05-02", {"place": "SÉOUL", "agency": "Yonhap"}),
    ("[MADRID](LOC), [4 juillet](DATE 2025-07-04) ([EFE](ORG EFE)) - Incendie en Catalogne.",
     "2025-07-04", {"agency": "EFE"}),
    ("[ROME](LOC), [5 août](DATE 2025-08-05) ([ANSA](ORG ANSA)) - Le gouvernement italien"
     " tient bon.", "2025-08-05", {"agency": "ANSA"}),
    ("[BERLIN](LOC), [6 septembre](DATE 2025-09-06) ([dpa](ORG dpa)) - La coalition vacille.",
     "2025-09-06", {"agency": "dpa"}),
    ("[GENÈVE](LOC), [7 octobre](DATE 2025-10-07) ([ATS](ORG ATS)) - Les pourparlers"
     " reprennent.", "2025-10-07", {"place": "GENÈVE", "agency": "ATS"}),
    ("[SAINT-PÉTERSBOURG](LOC), [8 novembre](DATE 2025-11-08) ([Interfax](ORG Interfax)) -"
     " Le forum s'ouvre.", "2025-11-08", {"place": "SAINT-PÉTERSBOURG"}),
    ("[N'DJAMENA](LOC), [3 mars](DATE 2025-03-03) ([AFP](ORG AFP)) - Le Tchad vote.",
     "2025-03-03", {"place": "N'DJAMENA"}),
    ("[MOSCOU](LOC), [12 février](DATE 2025-02-12) — [Interfax](ORG Interfax). Le Kremlin"
     " dément.", "2025-02-12", {"agency": "Interfax"}),
    ("[LONDRES](LOC), [2 mars](DATE 2025-03-02) ([Reuters](ORG Reuters)) - Les travaux"
     " commenceront le 3 mars 2025.", None,
     {"date": "2025-03-02", "date_source": "inferred"}),
    ("[COLMAR](LOC). _ Un cycliste de 42 ans a chuté lundi matin sur la piste.", "2004-05-18",
     {"place": "COLMAR", "date": None, "agency": None}),
    ("Collision sur la nationale.\n[VESOUL](LOC). _ Vers 2 h 15, samedi, un camion a quitté la"
     " route.", "2004-06-13", {"place": "VESOUL"}),
    ("[VILLERS-LES-NANCY.-](LOC) Les voleurs qui ont vidé la caisse du garage sont en fuite.",
     "2000-09-14", {"place": "VILLERS-LES-NANCY"}),
    ("Le président a reçu hier le ministre des Affaires étrangères.", "2025-03-05", None),
    ("BIBLIOTHÈQUE FERMÉE.\nLa bibliothèque sera fermée en juillet.", "1999-07-24", None),
    ("Le ministre a déclaré : PARIS, 3 mars (AFP) - rien de nouveau.", "2025-03-03", None),
    ("Hier, 3 mars, le ministre a parlé.", "2025-03-04", None),
    ("Grève à la SNCF. - Quatre lignes régionales sont fermées ce matin.", "2004-03-09", None),
    # a section heading without a known place is no dateline
    ("NOUVELLES SUISSES. — Le Conseil fédéral a siégé hier.", "1910-05-03", None),
    # an ordinary-case name followed by an acronym in brackets is a club, not a dateline ...
    ("Le Paris Saint-Germain (PSG) a remporté samedi le championnat.", "2025-05-31", None),
    ("Le Lyon Olympique (OL) a battu Reims dimanche.", "2025-06-01", None),
    # ... unless the acronym is a news agency
    ("[Le Caire](LOC) ([Reuters](ORG Reuters)) - Un accord a été signé.", "2025-06-01",
     {"place": "Le Caire", "agency": "Reuters"}),
]


@pytest.mark.parametrize(("markup", "doc_date", "dateline"), [
    pytest.param(m, d, info, id=f"depeche-{i}") for i, (m, d, info) in enumerate(CASES)])
def test_datelines(nlp: Language, markup: str, doc_date: str | None,
                   dateline: dict[str, Any] | None) -> None:
    text, expected = parse_date_markup(markup)
    doc = run_dated(nlp, text, doc_date)
    got = [(s.start_char, s.end_char, s.label_, s.kb_id_) for s in doc.spans["datelines"]]
    assert got == [(e.start, e.end, e.label, e.value) for e in expected]
    if dateline is None:
        assert doc._.dateline is None
    else:
        assert {k: doc._.dateline[k] for k in dateline} == dateline
    for span in doc.spans["datelines"]:
        attrs = get_span_attrs(span, "datelines")
        assert attrs["rule"] == {"LOC": "datelines.place", "DATE": "datelines.date",
                                 "ORG": "datelines.agency"}[span.label_]


def test_place_span_values(nlp: Language) -> None:
    doc = run_dated(nlp, "PARIS, 3 mars (AFP) - Le texte.", "2025-03-03")
    place = doc.spans["datelines"][0]
    assert get_span_attrs(place, "datelines") == {"rule": "datelines.place", "form": "dateline"}


def test_process_is_pure(nlp: Language) -> None:
    doc = nlp.make_doc("PARIS, 3 mars (AFP) - Le texte.")
    found = DatelineExtractor(nlp).process(doc)
    assert [s.label_ for s, _ in found] == ["LOC", "DATE", "ORG"]
    assert doc._.dateline is None and "datelines" not in doc.spans


def test_agency_list_loads() -> None:
    table = agencies()
    assert table["afp"] == "AFP"
    assert table["rianovosti"] == "RIA Novosti"


def test_doc_round_trips_to_bytes(nlp: Language) -> None:
    doc = run_dated(nlp, "BICHKEK, 1er janvier. /TASS/. Les tarifs changent le 1er janvier "
                         "2025.", None)
    copy = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert copy._.dateline == doc._.dateline
    assert [(s.text, s.label_, s.kb_id_) for s in copy.spans["datelines"]] == [
        (s.text, s.label_, s.kb_id_) for s in doc.spans["datelines"]]


# -- the datelines inside a page read as one text (old print: one story after the other) --------

#: A page of stories without line breaks, each opening on a heading, then a dateline: its place
#: in capitals, the day (with or without the month), an agency in brackets or a dash. Only the
#: place and the agency are marked (the dates component reads the date); ``doc._.dateline``
#: stays the story's own, at its start (None in all these cases).
INNER_CASES: list[str] = [
    # a dash glued to the place: the place alone is the mention
    "Crise ministérielle au Portugal -[LISBONNE](LOC), 29 ([Havas](ORG Havas)). — Le cabinet a"
    " présenté sa démission hier soir.",
    "Un hangar détruit par le feu —[LIMOGES](LOC), 14 février. — Un incendie a éclaté hier soir.",
    "Le train de nuit déraille -[SAINT-MALO](LOC), 4 ([Havas](ORG Havas)). —Le train venait de"
    " Rennes.",
    # the dash stands apart, or there is none after the heading
    "Grève des dockers - [BORDEAUX](LOC), 28 ([Havas](ORG Havas)). — Le travail a cessé.",
    "Le budget voté [VARSOVIE](LOC), 3 mai ([Wolff](ORG Wolff)). — La Diète a adopté le budget.",
    "La reine est arrivée [MADRID](LOC), 12 ([Fabra](ORG Fabra).). — La reine a visité l'hôpital.",
    # after a full stop, with the day alone and the dash; the region in brackets is left out
    "Les récoltes sont belles. [COLMAR](LOC), 14. — Un orage a couché les blés.",
    "Les dégâts sont grands. [BREST](LOC) (Finistère), 3. — La rivière a débordé cette nuit.",
    "On signale des crues. [NEVERS](LOC). 12 février. — La Loire monte toujours.",
    # a known place after a section heading in capitals, then the dash
    "La crue continue. NOUVELLES DES CANTONS [LAUSANNE](LOC). — La fête a réussi.",
    "Le vent faiblit. NOUVELLES DE [NEW YORK](LOC). — La Bourse a fermé en hausse.",
    "Le vent faiblit. NOUVELLES SUISSES. — Le Conseil fédéral a siégé.",
    # two stories on one page
    "Le congrès s'ouvre -[VIENNE](LOC), 2 ([Havas](ORG Havas)). — Les délégués sont arrivés."
    " Un accident de mine -[PRAGUE](LOC), 2 ([Stefani](ORG Stefani)). — Trois mineurs sont morts.",
    # not datelines: a place in the sentence, a day without agency nor dash, a roman numeral,
    # a word in capitals after a colon or a preposition
    "Il a déclaré : ATHÈNES, 3 mars (AFP) - rien de nouveau.",
    "Le coureur est arrivé à TOULON, 3 (Havas) sans encombre.",
    "Les entrées du musée de NANCY, 12 mars, ont doublé.",
    "Le chapitre II, 3. — Les statuts sont lus.",
]


@pytest.mark.parametrize("markup", [
    pytest.param(m, id=f"inner-{i}") for i, m in enumerate(INNER_CASES)])
def test_inner_datelines(nlp: Language, markup: str) -> None:
    text, expected = parse_date_markup(markup)
    doc = run_dated(nlp, text, "1930-05-29")
    got = [(s.start_char, s.end_char, s.label_, s.kb_id_) for s in doc.spans["datelines"]]
    assert got == [(e.start, e.end, e.label, e.value) for e in expected]
    assert doc._.dateline is None
    assert doc.text == text


#: A story opening with a dash, or on the day alone before the agency.
OPENING_CASES: list[tuple[str, dict[str, Any]]] = [
    ("-[Rouen](LOC), [12 mars](DATE 1930-03-12) ([Havas](ORG Havas)) - Le conseil municipal"
     " a voté.", {"place": "Rouen", "agency": "Havas", "start_char": 1}),
    ("— [NANTES](LOC), [2 juin](DATE 1930-06-02) ([AFP](ORG AFP)) - Les chantiers ferment.",
     {"place": "NANTES", "date": "1930-06-02", "start_char": 2}),
    ("[LISBONNE](LOC), 29 ([Havas](ORG Havas)). — Le cabinet a démissionné.",
     {"place": "LISBONNE", "date": None, "date_text": None, "agency": "Havas"}),
    # the section heading before the place is left out
    ("NOUVELLES ÉTRANGÈRES [MADRID](LOC). — Le roi a signé le décret.",
     {"place": "MADRID", "start_char": 21}),
]


@pytest.mark.parametrize(("markup", "dateline"), [
    pytest.param(m, d, id=f"opening-{i}") for i, (m, d) in enumerate(OPENING_CASES)])
def test_story_opening_with_dash_or_day(nlp: Language, markup: str,
                                        dateline: dict[str, Any]) -> None:
    text, expected = parse_date_markup(markup)
    doc = run_dated(nlp, text, "1930-05-29")
    got = [(s.start_char, s.end_char, s.label_, s.kb_id_) for s in doc.spans["datelines"]]
    assert got == [(e.start, e.end, e.label, e.value) for e in expected]
    assert {k: doc._.dateline[k] for k in dateline} == dateline


def test_glued_dash_is_split_and_cuts_the_model_entity(nlp: Language) -> None:
    doc = nlp.make_doc("Grève à Lille -NANTES, 3 (Havas). — Les dockers cessent le travail.")
    # the model read the heading and the glued place as one name
    doc.ents = [Span(doc, 2, 4, label="LOC")]
    split_glued_dashes(doc)
    assert [t.text for t in doc[:6]] == ["Grève", "à", "Lille", "-", "NANTES", ","]
    assert [(e.text, e.label_) for e in doc.ents] == [("Lille", "LOC")]


def test_glued_dash_opening_an_entity_keeps_the_name(nlp: Language) -> None:
    doc = nlp.make_doc("La grève -NANTES, 3 (Havas). — Les dockers cessent le travail.")
    doc.ents = [Span(doc, 2, 3, label="LOC")]
    split_glued_dashes(doc)
    assert [(e.text, e.start_char, e.label_) for e in doc.ents] == [("NANTES", 10, "LOC")]


def test_other_dashes_stay_glued(nlp: Language) -> None:
    # no dateline punctuation after the name
    doc = nlp.make_doc("Le trajet Paris -Lyon dure deux heures.")
    before = [t.text for t in doc]
    split_glued_dashes(doc)
    assert [t.text for t in doc] == before


@pytest.mark.parametrize("text", ["", "-", "—", " -PARIS", "NOUVELLES"])
def test_a_story_of_almost_nothing_has_no_dateline(nlp: Language, text: str) -> None:
    doc = run_dated(nlp, text, None)
    assert doc._.dateline is None and list(doc.spans["datelines"]) == []
