"""Tests of the places family: capitals and cities in French news text.

Each case is a sentence with inline markup: ``[texte](LOC KG)`` for a city of country KG,
``[texte](LOC UA Kiev)`` to check the canonical French name too. Text outside brackets must
produce no span at all, so negatives sit beside positives.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.entities.places import PlaceExtractor, lookup_place
from pipeline.extensions import get_span_attrs
from tests.markup import blank_fixture, blank_pipeline, strip_marks


def parse(marked: str) -> tuple[str, list[tuple[str, str, str, str | None]]]:
    """Return the plain text of ``marked`` and its expected spans (text, label, country, name)."""
    text, marks = strip_marks(marked)
    expected = []
    for mark in marks:
        label, country, *name = mark.annotation.split(maxsplit=2)
        expected.append((mark.text, label, country, name[0] if name else None))
    return text, expected


nlp = blank_fixture("depeche_places")


def found(doc: Doc, expected: list[tuple[str, str, str, str | None]],
          key: str = "places") -> list[tuple[str, str, str, str | None]]:
    spans = list(doc.spans[key])
    rows = []
    for span, want in zip(spans, expected + [None] * len(spans), strict=False):
        attrs = get_span_attrs(span, key)
        name = attrs["name"] if want is not None and want[3] is not None else None
        rows.append((span.text, span.label_, attrs["country"], name))
    return rows


CASES = [
    # datelines in capitals
    "[BICHKEK](LOC KG Bichkek), 1er janvier. /TASS/. La présidence change.",
    "[PARIS](LOC FR), 3 mars (AFP) - Le gouvernement a démissionné.",
    "[NEW YORK](LOC US New York), 12 mai - Les marchés ont ouvert en hausse.",
    "[MOSCOU](LOC RU), 2 juin. Le Kremlin a réagi.",
    "[TOURS](LOC FR), 4 avril. Le maire a parlé.",
    # French exonyms and their canonical names
    "La session s'est tenue à [Astana](LOC KZ Astana), naguère [Nour-Soultan](LOC KZ Astana).",
    "De [Moscou](LOC RU Moscou) à [Pékin](LOC CN Pékin) en train.",
    "Les pourparlers de [Kyiv](LOC UA Kiev) et de [Kiev](LOC UA Kiev).",
    "Entre [Londres](LOC GB Londres) et [Varsovie](LOC PL Varsovie).",
    "Le sommet de [Bruxelles](LOC BE) puis celui de [Genève](LOC CH).",
    "[Munich](LOC DE), [Cologne](LOC DE Cologne) et [Vienne](LOC AT Vienne).",
    "[Venise](LOC IT), [Naples](LOC IT) et [Milan](LOC IT) attirent les touristes.",
    "[Lisbonne](LOC PT) et [Athènes](LOC GR) manifestent.",
    "Il a atterri au [Caire](LOC EG Le Caire) puis à [Alger](LOC DZ) et [Tunis](LOC TN).",
    "[Téhéran](LOC IR), [Bagdad](LOC IQ), [Damas](LOC SY) et [Beyrouth](LOC LB).",
    "Le ministre est à [Jérusalem](LOC IL) puis à [Ramallah](LOC PS).",
    "[Douchanbé](LOC TJ), [Tachkent](LOC UZ), [Achgabat](LOC TM) et [Erevan](LOC AM).",
    "[Tbilissi](LOC GE) et [Bakou](LOC AZ) sont reliées par un oléoduc.",
    "La Cour siège à [La Haye](LOC NL La Haye); on dit aussi à la [Haye](LOC NL La Haye).",
    "[Copenhague](LOC DK), [Stockholm](LOC SE) et [Oslo](LOC NO).",
    "[Ankara](LOC TR) et [Istanbul](LOC TR) votent.",
    "[Washington](LOC US) et [Tokyo](LOC JP) ont signé; [Séoul](LOC KR) aussi.",
    "[Pyongyang](LOC KP) menace; [Shanghai](LOC CN) ferme, Hong Kong (un pays) aussi.",
    "[New Delhi](LOC IN), [Bombay](LOC IN Bombay) ou [Mumbai](LOC IN Bombay).",
    "Au [Cap](LOC ZA Le Cap), à [Mexico](LOC MX) et à [La Havane](LOC CU).",
    "[Bogota](LOC CO) et [Buenos Aires](LOC AR) se rapprochent.",
    "[Sao Paulo](LOC BR São Paulo) et [São Paulo](LOC BR São Paulo) sont la même ville.",
    # French cities
    "[Lyon](LOC FR), [Marseille](LOC FR), [Toulouse](LOC FR) et [Nice](LOC FR).",
    "[Nantes](LOC FR), [Strasbourg](LOC FR), [Montpellier](LOC FR) et [Bordeaux](LOC FR).",
    "[Lille](LOC FR), [Rennes](LOC FR), [Reims](LOC FR) et [Metz](LOC FR).",
    "[Besançon](LOC FR), [Dijon](LOC FR) et [BESANCON](LOC FR).",
    "Le match se joue au [Havre](LOC FR Le Havre) puis au [Mans](LOC FR Le Mans).",
    "[Saint-Étienne](LOC FR) et [Clermont-Ferrand](LOC FR) sont voisines.",
    # ambiguous names: only with context
    "Il vit à [Tours](LOC FR); trois tours de piste ne font pas une ville.",
    "Tours et détours.",
    "Nancy Pelosi est venue à [Nancy](LOC FR).",
    "Florence Parly est allée à [Florence](LOC IT).",
    "Orange a racheté une filiale; le festival d'[Orange](LOC FR) aussi.",
    "Pierre Laval est né près de [Laval](LOC FR).",
    "La Vienne est un département; [Vienne](LOC AT) est en Autriche.",
    "Lewis Hamilton a gagné à [Hamilton](LOC CA).",
    "Carrefour ouvre un magasin.",
    "Sale temps pour la ministre.",
    # lower case is not a place
    "Les paris sportifs et un nice day.",
    # cities named like a country: the country wins unless after "à"
    "Le Luxembourg et Djibouti ont voté; la réunion a lieu à [Luxembourg](LOC LU).",
    "Le port de Djibouti; il vit à [Djibouti](LOC DJ).",
    "Singapour et Monaco sont des cités-États, ainsi que le Koweït.",
    # a capital inside a country name is not a place
    "La Guinée-Bissau a pour capitale [Bissau](LOC GW).",
    # towns of France, Switzerland, Belgium, Luxembourg from 10 000 inhabitants: after a
    # preposition of place, or in capitals (a dateline run into the text)
    "Le tribunal de [Vevey](LOC CH) a siégé à [Montreux](LOC CH).",
    "Bulle de savon et mousse; il habite à [Bulle](LOC CH).",
    "Accident. [MORGES](LOC CH), 22. — Un camion s'est renversé.",
    "Vevey et Morges ont voté.",
    # French names of Swiss, Belgian and German towns
    "De [Lucerne](LOC CH Lucerne) à [Bienne](LOC CH Bienne) par [Soleure](LOC CH Soleure).",
    "[Malines](LOC BE Malines), [Louvain](LOC BE Louvain) et [Ypres](LOC BE Ypres).",
    "[Trèves](LOC DE Trèves) et [Coblence](LOC DE Coblence).",
    "Constance Dupont est née à [Constance](LOC DE).",
    # a large city named with its article beats a village named like the rest (Havré, BE)
    "Le navire est arrivé au [Havre](LOC FR Le Havre).",
]


@pytest.mark.parametrize("marked", CASES)
def test_place_spans(nlp: Language, marked: str) -> None:
    text, expected = parse(marked)
    assert found(nlp(text), expected) == expected


def test_attributes(nlp: Language) -> None:
    doc = nlp("BICHKEK, 1er janvier.")
    (span,) = doc.spans["places"]
    assert (span.label_, span.kb_id_) == ("LOC", "geonames:1528675")
    assert get_span_attrs(span, "places") == {
        "rule": "places.gazetteer", "form": "name", "country": "KG", "name": "Bichkek",
        "canonical": "Bichkek", "population": 900000, "capital": True}


def test_context_rule_name(nlp: Language) -> None:
    doc = nlp("Il vit à Tours.")
    (span,) = doc.spans["places"]
    assert get_span_attrs(span, "places")["rule"] == "places.context"


def test_option_min_population() -> None:
    # Besançon (~117 000 inhabitants) is in the French list, kept at any threshold;
    # Ipswich (~180 000) is a GeoNames city, kept only when the threshold allows it.
    text = "Ipswich et Besançon."
    low = blank_pipeline("depeche_places", config={"min_population": 100_000})
    high = blank_pipeline("depeche_places", config={"min_population": 500_000})
    low_doc, high_doc = low(text), high(text)
    assert [s.text for s in low_doc.spans["places"]] == ["Ipswich", "Besançon"]
    assert [s.text for s in high_doc.spans["places"]] == ["Besançon"]


def test_option_local_min_population() -> None:
    # Vevey (~20 000 inhabitants, CH) is a local town
    text = "Il est allé à Vevey."
    default = blank_pipeline("depeche_places")
    off = blank_pipeline("depeche_places", config={"local_min_population": 1_000_000})
    only_fr = blank_pipeline("depeche_places", config={"local_countries": ["FR"]})
    docs = [nlp(text) for nlp in (default, off, only_fr)]
    assert [[s.text for s in doc.spans["places"]] for doc in docs] == [["Vevey"], [], []]


HEAD_CASES = [
    # a street named after a town is in no country of its own; a station or canton is
    "Il habite [rue des Tanneurs](LOC -) et [rue Saint-Honoré](LOC -).",
    "Au [boulevard Voltaire](LOC -), au [carrefour du Chêne](LOC -).",
    "Sur la [place des Terreaux](LOC -) et la [place de la Concorde](LOC -).",
    "Le train attend en [gare de Sion](LOC CH), dans le [canton de Vaud](LOC -).",
    "Le [faubourg Saint-Jean](LOC -), la [ruelle Vaudrin](LOC -).",
    # "place" needs an article: the square of a town is the town
    "Foire sur la place de [Nyon](LOC CH); la rue est calme; RUE DE LA PAIX.",
]


@pytest.mark.parametrize("marked", HEAD_CASES)
def test_option_heads(marked: str) -> None:
    nlp = blank_pipeline("depeche_places",
                         config={"heads": ["street", "square", "station", "district"]})
    text, expected = parse(marked)
    doc = nlp(text)
    rows = [(s.text, s.label_, get_span_attrs(s, "places")["country"] or "-", None)
            for s in doc.spans["places"]]
    assert rows == expected
    assert all(get_span_attrs(s, "places")["rule"] == "places.head"
               for s in doc.spans["places"] if s.text[0].islower())


def test_option_heads_off_by_default(nlp: Language) -> None:
    doc = nlp("Il habite rue des Tanneurs, près de la gare de Sion.")
    assert [s.text for s in doc.spans["places"]] == ["Sion"]


def test_option_heads_unknown_kind() -> None:
    with pytest.raises(ValueError, match="unknown head kind"):
        PlaceExtractor(spacy.blank("fr"), heads=["river"])


def test_option_spans_key() -> None:
    nlp = blank_pipeline("depeche_places", config={"spans_key": "villes"})
    doc = nlp("À Lyon.")
    assert "places" not in doc.spans
    assert get_span_attrs(doc.spans["villes"][0], "villes")["country"] == "FR"


def test_process_is_pure(nlp: Language) -> None:
    component = nlp.get_pipe("depeche_places")
    doc = nlp.make_doc("De Moscou à Bichkek.")
    assert [s.text for s, _ in component.process(doc)] == ["Moscou", "Bichkek"]
    assert "places" not in doc.spans and doc._.span_attrs is None


def test_doc_to_bytes_round_trip(nlp: Language) -> None:
    doc = nlp("BICHKEK, 1er janvier. Réunion à Astana.")
    restored = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert [(s.text, s.kb_id_) for s in restored.spans["places"]] == [
        ("BICHKEK", "geonames:1528675"), ("Astana", "geonames:1526273")]
    assert get_span_attrs(restored.spans["places"][1], "places")["country"] == "KZ"


@pytest.mark.parametrize("text, country, name", [
    ("Bichkek", "KG", "Bichkek"), ("BICHKEK", "KG", "Bichkek"), ("bichkek", "KG", "Bichkek"),
    ("Nour-Soultan", "KZ", "Astana"), ("Beijing", "CN", "Pékin"), ("Teheran", "IR", "Téhéran"),
    ("new york", "US", "New York"), ("Le Caire", "EG", "Le Caire"), ("Kyiv", "UA", "Kiev"),
    ("Paris", "FR", "Paris"), ("Saint-Etienne", "FR", "Saint-Étienne"),
])
def test_lookup_place(text: str, country: str, name: str) -> None:
    info = lookup_place(text)
    assert info is not None and (info.country, info.name) == (country, name)


@pytest.mark.parametrize("text", ["Atlantide", "", "Kirghizistan"])
def test_lookup_place_unknown(text: str) -> None:
    assert lookup_place(text) is None
