"""Tests of the countries family: country names and nationality words in French news text.

Each case is a sentence with inline markup: ``[texte](COUNTRY KG)`` for a country name,
``[texte](COUNTRY KG demonym)`` for a nationality word. Text outside brackets must produce no
span at all, so negatives sit beside positives.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.entities.countries import (
    CountryExtractor,
    CountryInfo,
    country_by_code,
    load_countries,
    lookup_country,
)
from pipeline.entities.gazetteers import fold
from pipeline.extensions import get_span_attrs
from tests.markup import blank_fixture, blank_pipeline, strip_marks


def parse(marked: str) -> tuple[str, list[tuple[str, str, str, str]]]:
    """Return the plain text of ``marked`` and its expected spans (text, label, kb_id, form)."""
    text, marks = strip_marks(marked)
    expected = []
    for mark in marks:
        label, kb_id, *rest = mark.annotation.split()
        expected.append((mark.text, label, kb_id, rest[0] if rest else "name"))
    return text, expected


nlp = blank_fixture("depeche_countries")


def found(doc: Doc, key: str = "countries") -> list[tuple[str, str, str, str]]:
    return [(s.text, s.label_, s.kb_id_, get_span_attrs(s, key)["form"]) for s in doc.spans[key]]


CASES = [
    # names, with articles, elisions and contractions
    "Les présidents de la [Russie](COUNTRY RU) et du [Kirghizistan](COUNTRY KG) se sont réunis.",
    "La présidence passera du [Kazakhstan](COUNTRY KZ) au [Kirghizistan](COUNTRY KG).",
    "Le soutien à l'[Ukraine](COUNTRY UA) reste entier.",
    "Le soutien à l’[Ukraine](COUNTRY UA) reste entier.",
    "Le pétrole d'[Iran](COUNTRY IR) est sous embargo.",
    "Le pétrole d’[Iran](COUNTRY IR) est sous embargo.",
    "Une visite aux [États-Unis](COUNTRY US) est prévue.",
    "Une visite aux [Etats-Unis](COUNTRY US) est prévue.",
    "Les [ETATS-UNIS](COUNTRY US) ont réagi.",
    "Le drapeau des [Etats-Unis d'Amérique](COUNTRY US) flotte.",
    "Les [USA](COUNTRY US) ont voté contre.",
    "Le ministre des [Émirats arabes unis](COUNTRY AE) est arrivé.",
    "Le ministre des [Emirats arabes unis](COUNTRY AE) est arrivé.",
    "Les [Émirats](COUNTRY AE) ont signé, tout comme les [EAU](COUNTRY AE).",
    "Le [KIRGHIZISTAN](COUNTRY KG) accueille le sommet.",
    "Le [Kirghizstan](COUNTRY KG) et le [Tadjikistan](COUNTRY TJ) sont voisins.",
    "La [Biélorussie](COUNTRY BY), ou [Bélarus](COUNTRY BY), est membre de l'OTSC.",
    "La [Fédération de Russie](COUNTRY RU) a répondu.",
    "La [RDC](COUNTRY CD) accuse le [Rwanda](COUNTRY RW).",
    "La [République démocratique du Congo](COUNTRY CD) a voté.",
    "Le [Royaume-Uni](COUNTRY GB) quitte l'Union.",
    "La [Grande-Bretagne](COUNTRY GB) et l'[Irlande](COUNTRY IE) négocient.",
    "L'[Irlande du Nord](COUNTRY GB) vote demain.",
    "La [Corée du Nord](COUNTRY KP) a tiré un missile vers la [Corée du Sud](COUNTRY KR).",
    "La [Syrie](COUNTRY SY), l'[Irak](COUNTRY IQ) et la [Jordanie](COUNTRY JO) sont voisins.",
    "La [Turquie](COUNTRY TR), ou [Türkiye](COUNTRY TR), bloque l'adhésion.",
    "La [Tchéquie](COUNTRY CZ), ou [République tchèque](COUNTRY CZ), préside l'UE.",
    "La [Moldavie](COUNTRY MD) est candidate.",
    "La [Birmanie](COUNTRY MM), ou [Myanmar](COUNTRY MM), est isolée.",
    "La [Côte d'Ivoire](COUNTRY CI) et la [Côte d’Ivoire](COUNTRY CI) sont un seul pays.",
    "La [Palestine](COUNTRY PS) demande son adhésion.",
    "[Taïwan](COUNTRY TW) et la [Chine](COUNTRY CN) s'opposent.",
    "Le [Vatican](COUNTRY VA) a publié une note.",
    "Le [Kosovo](COUNTRY XK) et la [Serbie](COUNTRY RS) dialoguent.",
    "La [Guinée](COUNTRY GN), la [Guinée-Bissau](COUNTRY GW) et la [Guinée équatoriale]"
    "(COUNTRY GQ) sont trois pays.",
    "La [Papouasie-Nouvelle-Guinée](COUNTRY PG) est dans le Pacifique.",
    "Le [Niger](COUNTRY NE) et le [Tchad](COUNTRY TD) sont sahéliens.",
    "La [Géorgie](COUNTRY GE) et la [Georgie](COUNTRY GE) sont le même pays.",
    "Le [Viêt Nam](COUNTRY VN), ou [Vietnam](COUNTRY VN), exporte du riz.",
    "L'[Égypte](COUNTRY EG), l'[Egypte](COUNTRY EG) et l'[EGYPTE](COUNTRY EG).",
    "Le [Cap-Vert](COUNTRY CV) et [Sao Tomé-et-Principe](COUNTRY ST) sont lusophones.",
    "La [Bosnie-Herzégovine](COUNTRY BA) et la [Macédoine du Nord](COUNTRY MK).",
    "L'[Arabie saoudite](COUNTRY SA) et le [Qatar](COUNTRY QA) se réconcilient.",
    "La [Nouvelle-Zélande](COUNTRY NZ) et l'[Australie](COUNTRY AU) jouent.",
    "Le président Emmanuel Macron est en [France](COUNTRY FR).",
    # names that are also first names or common words: only in context
    "Maurice Papon n'a jamais vécu à [Maurice](COUNTRY MU).",
    "Il est né sur l'[île Maurice](COUNTRY MU).",
    "Dominique de Villepin a visité la [Dominique](COUNTRY DM).",
    "Grenade est en Andalousie, la [Grenade](COUNTRY GD) est aux Antilles.",
    "Il a lancé une grenade pendant la réunion.",
    "Réunion au sommet: le préfet de la [Réunion](COUNTRY RE) est venu.",
    "Salvador Dalí n'est pas né au [Salvador](COUNTRY SV).",
    "Le gouverneur du New Jersey est allé à [Jersey](COUNTRY JE).",
    "Le fleuve Niger traverse le [Mali](COUNTRY ML).",
    "Le lac Tchad s'assèche.",
    # lower-case homographs and other words are not countries
    "Un vase en porcelaine de chine et un chili con carne.",
    "Georges et Jordan sont partis à la pêche.",
    "On a trouvé de l'eau; l'EAU POTABLE MANQUE.",
    "Une bague de turquoise sur un pull en jersey.",
    "La france insoumise n'est pas la [France](COUNTRY FR).",
    # demonyms, every gender and number, any case
    "Le président [kirghize](COUNTRY KG demonym) Sadyr Japarov a parlé.",
    "Les [Kirghizes](COUNTRY KG demonym) votent; un [Kirghiz](COUNTRY KG demonym) aussi.",
    "Les soldats [russes](COUNTRY RU demonym) et le ministre [russe](COUNTRY RU demonym).",
    "Un diplomate [américain](COUNTRY US demonym) et une sénatrice [américaine]"
    "(COUNTRY US demonym).",
    "Les [Américains](COUNTRY US demonym) et les élues [américaines](COUNTRY US demonym).",
    "Les [Français](COUNTRY FR demonym) et la ministre [française](COUNTRY FR demonym).",
    "Le marché [chinois](COUNTRY CN demonym) et les [Chinoises](COUNTRY CN demonym).",
    "Le président [ivoirien](COUNTRY CI demonym), l'équipe [ivoirienne](COUNTRY CI demonym), "
    "les [Ivoiriens](COUNTRY CI demonym).",
    "Les forces [ukrainiennes](COUNTRY UA demonym) et le chef [ukrainien](COUNTRY UA demonym).",
    "Le gouvernement [turc](COUNTRY TR demonym) et la diplomatie [turque](COUNTRY TR demonym).",
    "Le dirigeant [nord-coréen](COUNTRY KP demonym) et les [Sud-Coréens](COUNTRY KR demonym).",
    "Un [Néo-Zélandais](COUNTRY NZ demonym) et une [Sud-Africaine](COUNTRY ZA demonym).",
    "L'armée [israélienne](COUNTRY IL demonym) et les [Palestiniens](COUNTRY PS demonym).",
    "La banque [suisse](COUNTRY CH demonym) est en [Suisse](COUNTRY CH).",
    "Le [français](COUNTRY FR demonym) et l'[anglais](COUNTRY GB demonym) sont enseignés.",
    "Le ministre [biélorusse](COUNTRY BY demonym) et son homologue [kazakh](COUNTRY KZ demonym).",
    "Les autorités [tadjikes](COUNTRY TJ demonym) et [ouzbèkes](COUNTRY UZ demonym).",
    "Le président [burkinabè](COUNTRY BF demonym) et la junte [malienne](COUNTRY ML demonym).",
    "L'océan Indien borde la côte; un touriste [indien](COUNTRY IN demonym) s'y baigne.",
    "Les [ÉMIRATIS](COUNTRY AE demonym) investissent.",
]


@pytest.mark.parametrize("marked", CASES)
def test_country_spans(nlp: Language, marked: str) -> None:
    text, expected = parse(marked)
    assert found(nlp(text)) == expected


def test_attributes_of_a_name(nlp: Language) -> None:
    doc = nlp("La présidence passe au Kirghizistan.")
    (span,) = doc.spans["countries"]
    assert (span.label_, span.kb_id_) == ("COUNTRY", "KG")
    assert get_span_attrs(span, "countries") == {
        "rule": "countries.gazetteer", "form": "name", "alpha3": "KGZ",
        "name": "Kirghizistan", "canonical": "Kirghizistan"}


@pytest.mark.parametrize("text, rule", [
    ("le président kirghize", "countries.demonym"),
    ("les USA", "countries.acronym"),
    ("à Maurice", "countries.context"),
    ("la Chine", "countries.gazetteer"),
])
def test_rule_names(nlp: Language, text: str, rule: str) -> None:
    doc = nlp(text)
    (span,) = doc.spans["countries"]
    assert get_span_attrs(span, "countries")["rule"] == rule


def test_option_include_demonyms_false() -> None:
    nlp = blank_pipeline("depeche_countries", config={"include_demonyms": False})
    doc = nlp("Le président kirghize s'est rendu en Russie.")
    assert [(s.text, s.kb_id_) for s in doc.spans["countries"]] == [("Russie", "RU")]


def test_option_include_acronyms_false() -> None:
    nlp = blank_pipeline("depeche_countries", config={"include_acronyms": False})
    doc = nlp("Les USA et la RDC.")
    assert list(doc.spans["countries"]) == []


def test_option_spans_key() -> None:
    nlp = blank_pipeline("depeche_countries", config={"spans_key": "pays"})
    doc = nlp("Le Mali.")
    assert "countries" not in doc.spans
    assert [s.kb_id_ for s in doc.spans["pays"]] == ["ML"]
    assert get_span_attrs(doc.spans["pays"][0], "pays")["form"] == "name"


def test_process_is_pure(nlp: Language) -> None:
    component = nlp.get_pipe("depeche_countries")
    doc = nlp.make_doc("Le Kirghizistan et le Kazakhstan.")
    found = component.process(doc)
    assert [s.kb_id_ for s, _ in found] == ["KG", "KZ"]
    assert "countries" not in doc.spans and doc._.span_attrs is None


def test_doc_to_bytes_round_trip(nlp: Language) -> None:
    doc = nlp("BICHKEK. Le président kirghize a quitté les États-Unis.")
    restored = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert found(restored) == found(doc) == [
        ("kirghize", "COUNTRY", "KG", "demonym"), ("États-Unis", "COUNTRY", "US", "name")]


def test_a_new_extractor_knows_every_country_of_the_table() -> None:
    """A CountryExtractor built on a blank pipeline finds the canonical name of every country
    of the table in running text, except the homographs that need a context (Dominique,
    Grenade, Maurice and Salvador are also given names or a town) and Saint-Martin, whose
    French name is the French part of the island (MF), not the Dutch one (SX)."""
    nlp = spacy.blank("fr")
    extractor = CountryExtractor(nlp)
    missed = {}
    for code, info in load_countries().countries.items():
        doc = nlp.make_doc(f"Le ministre a parlé de {info.name_fr}.")
        got = [(s.text, s.kb_id_) for s, _ in extractor.process(doc)]
        if got != [(info.name_fr, code)]:
            missed[code] = got
    assert missed == {"DM": [], "GD": [], "MU": [], "SV": [], "SX": [("Saint-Martin", "MF")]}


@pytest.mark.parametrize("text, iso2", [
    ("Kirghizistan", "KG"), ("KIRGHIZSTAN", "KG"), ("les Etats-Unis", "US"),
    ("États-Unis d’Amérique", "US"), ("USA", "US"), ("la Côte d'Ivoire", "CI"),
    ("Biélorussie", "BY"), ("Bélarus", "BY"), ("Türkiye", "TR"), ("Kosovo", "XK"),
    ("République démocratique du Congo", "CD"), ("l'Ukraine", "UA"), ("du Kazakhstan", "KZ"),
    ("kirghize", None), ("usa", None), ("Paris", None), ("", None),
])
def test_lookup_country(text: str, iso2: str | None) -> None:
    assert lookup_country(text) == iso2


def test_lookup_country_demonyms() -> None:
    assert lookup_country("kirghize", demonyms=True) == "KG"
    assert lookup_country("Françaises", demonyms=True) == "FR"


@pytest.mark.parametrize("code, info", [
    ("KG", CountryInfo("KG", "KGZ", "Kirghizistan")),
    ("kgz", CountryInfo("KG", "KGZ", "Kirghizistan")),
    ("BY", CountryInfo("BY", "BLR", "Biélorussie")),
    ("US", CountryInfo("US", "USA", "États-Unis")),
    ("XK", CountryInfo("XK", "XKX", "Kosovo")),
    ("ZZ", None),
])
def test_country_by_code(code: str, info: CountryInfo | None) -> None:
    assert country_by_code(code) == info


#: The 193 member states of the United Nations.
UN_MEMBERS = """
AF ZA AL DZ DE AD AO AG SA AR AM AU AT AZ BS BH BD BB BE BZ BJ BT BY MM BO BA BW BR BN BG
BF BI KH CM CA CV CF CL CN CY CO KM CG CD KR KP CR CI HR CU DK DJ DM DO EG AE EC ER ES EE
SZ US ET FJ FI FR GA GM GE GH GR GD GT GN GW GQ GY HT HN HU IN ID IQ IR IE IS IL IT JM JP
JO KZ KE KG KI KW LA LS LV LB LR LY LI LT LU MK MG MY MW MV ML MT MA MH MU MR MX FM MD MC
MN ME MZ NA NR NP NI NE NG NO NZ OM UG UZ PK PW PA PG PY NL PE PH PL PT QA RO GB RU RW KN
SM VC LC SB SV WS ST SN RS SC SL SG SK SI SO SD SS LK SE CH SR SY TJ TZ TD CZ TH TL TG TO
TT TN TM TR TV UA UY VU VE VN YE ZM ZW""".split()


def test_un_members_have_names_and_demonyms() -> None:
    gazetteer = load_countries()
    assert len(UN_MEMBERS) == 193
    with_demonym = {d.iso2 for d in gazetteer.demonyms}
    for iso2 in UN_MEMBERS:
        assert iso2 in gazetteer.countries
        assert lookup_country(gazetteer.countries[iso2].name_fr) == iso2
    # Congo-Brazzaville shares "congolais" with the RDC (given to CD): see demonyms.csv
    assert set(UN_MEMBERS) - with_demonym == {"CG"}


def test_demonyms_have_four_forms() -> None:
    gazetteer = load_countries()
    kirghiz = {fold(d.form) for d in gazetteer.demonyms if d.iso2 == "KG"}
    assert {"kirghiz", "kirghize", "kirghizes"} <= kirghiz
