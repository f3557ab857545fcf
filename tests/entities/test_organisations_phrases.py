"""Names read from the phrase around them (``pipeline.entities.organisations.phrases``).

Markup of :mod:`tests.entities.organisations_markup`.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.entities.organisations import head_phrase_end, named_by_noun
from pipeline.extensions import get_span_attrs
from tests.entities.organisations_markup import check
from tests.markup import blank_fixture

org_nlp = blank_fixture("depeche_organisations")

HEAD = "rule=organisations.head_phrase"
NOUN = "rule=organisations.named_by_noun"

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
    pytest.param("une crue dans l'État de Bahia", id="not-a-federated-state"),
    pytest.param("les États membres", id="plural-is-not-listed"),
])
def test_generic_institutions(popcorn_nlp: Language, markup: str) -> None:
    check(popcorn_nlp, markup)


def test_generic_institutions_off_by_default(org_nlp: Language) -> None:
    doc = org_nlp("Le chef de l'État et le président de l'ONG")
    assert list(doc.spans["organisations"]) == []


@pytest.mark.parametrize(("text", "start", "name"), [
    ("le Conseil fédéral a publié", 1, "Conseil fédéral"),
    ("la Société vaudoise des maîtres de chant s’est réunie", 1,
     "Société vaudoise des maîtres de chant"),
    ("la Banque de développement prête", 1, None),
])
def test_head_phrase_end(text: str, start: int, name: str | None) -> None:
    doc = spacy.blank("fr")(text)
    end = head_phrase_end(doc, start)
    assert (doc[start:end].text if end is not None else None) == name


@pytest.mark.parametrize(("text", "noun", "name"), [
    ("le laboratoire Biolume a fermé", "laboratoire", "Biolume"),
    ("une association nommée \"Sport-santé\", qui", "association", "Sport-santé"),
    ("la société a remercié Madame Dupont", "société", None),
    ("la société Madame Dupont", "société", None),
    ("l'organisation des Motards Solidaires a défilé", "organisation", "Motards Solidaires"),
    # a place after `des` is where the body is, not its name
    ("il travaille à l'usine des Pays-Bas", "usine", None),
])
def test_named_by_noun(text: str, noun: str, name: str | None) -> None:
    doc = spacy.blank("fr")(text)
    i = next(t.i for t in doc if t.text == noun)
    found = named_by_noun(doc, i, "head")
    assert (doc[found[0]:found[1]].text if found is not None else None) == name


def _tagged(text: str, propn: tuple[str, ...] = (), ents: tuple[tuple[str, str], ...] = ()
            ) -> Doc:
    """``text`` on a blank French pipeline, with the words of ``propn`` tagged PROPN and the
    model's entities ``(words, label)`` set by hand."""
    doc = spacy.blank("fr")(text)
    for token in doc:
        token.pos_ = "PROPN" if token.text in propn else "X"
    spans = []
    for words, label in ents:
        start = text.index(words)
        spans.append(doc.char_span(start, start + len(words), label=label))
    doc.ents = spans
    return doc


@pytest.mark.parametrize(("text", "noun", "propn", "ents", "name"), [
    ("le PDG de Vialis a démenti", "PDG", ("Vialis",), (), "Vialis"),
    ("la directrice générale de Lumisol Énergie a confirmé", "directrice",
     ("Lumisol", "Énergie"), (), "Lumisol Énergie"),
    ("le directeur général adjoint d'Orvane a parlé", "directeur", ("Orvane",), (), "Orvane"),
    # the model calls the body a person: still a body after a chief's noun
    ("le fondateur de Vialis a démenti", "fondateur", (), (("Vialis", "PER"),), "Vialis"),
    ("la présidente du conseil d'administration de Vialis a parlé", "présidente",
     ("Vialis",), (), "Vialis"),
    ("le président de la République Paul Roy a parlé", "président", ("Paul", "Roy"), (), None),
    # the name stops before the chief's own name
    ("le PDG de Vialis Marc Dubois a démenti", "PDG", ("Vialis", "Marc", "Dubois"), (),
     "Vialis"),
    ("le patron de Vialis Media Jean Tardieu a démenti", "patron",
     ("Vialis", "Media", "Jean", "Tardieu"), (("Jean Tardieu", "PER"),), "Vialis Media"),
    # no body: a person, a place, a common noun, a lower-case word
    ("le directeur de Jean Roy a parlé", "directeur", ("Jean", "Roy"), (), None),
    ("le fondateur de Lyon a parlé", "fondateur", ("Lyon",), (), None),
    ("le directeur de Cabinet a parlé", "directeur", (), (), None),
    ("le directeur de recherche a parlé", "directeur", (), (), None),
])
def test_named_by_a_chief(text: str, noun: str, propn: tuple[str, ...],
                          ents: tuple[tuple[str, str], ...], name: str | None) -> None:
    doc = _tagged(text, propn, ents)
    i = next(t.i for t in doc if t.text == noun)
    found = named_by_noun(doc, i, "chief")
    assert (doc[found[0]:found[1]].text if found is not None else None) == name


@pytest.mark.parametrize(("text", "start", "ents", "name"), [
    ("la Commission européenne Ursula Roy est arrivée", 1, (("Ursula Roy", "PER"),),
     "Commission européenne"),
    ("la Commission européenne est arrivée", 1, (), "Commission européenne"),
])
def test_head_phrase_ends_before_a_person(text: str, start: int,
                                          ents: tuple[tuple[str, str], ...],
                                          name: str | None) -> None:
    doc = _tagged(text, (), ents)
    end = head_phrase_end(doc, start)
    assert (doc[start:end].text if end is not None else None) == name


def test_name_after_a_noun_ends_before_a_person() -> None:
    doc = _tagged("le président du groupe Vialis Media Jean Tardieu a démenti", (),
                  (("Jean Tardieu", "PER"),))
    i = next(t.i for t in doc if t.text == "groupe")
    found = named_by_noun(doc, i, "head")
    assert found is not None and doc[found[0]:found[1]].text == "Vialis Media"


def test_chief_leaves_a_listed_name_to_the_gazetteer(org_nlp: Language) -> None:
    doc = _tagged("l'ancien patron de Renault Ravi Menon a parlé",
                  ("Renault", "Ravi", "Menon"), (("Renault Ravi Menon", "ORG"),))
    doc = org_nlp.get_pipe("depeche_organisations")(doc)
    assert [s.text for s in doc.spans["organisations"]] == ["Renault"]


def test_chief_names_an_unlisted_body(org_nlp: Language) -> None:
    doc = _tagged("le PDG de Vialis a démenti", ("Vialis",), (("Vialis", "PER"),))
    doc = org_nlp.get_pipe("depeche_organisations")(doc)
    assert [(s.text, s.kb_id_) for s in doc.spans["organisations"]] == [("Vialis", "vialis")]


@pytest.mark.parametrize(("text", "propn", "ents", "expected"), [
    ("Vialis, dirigé par Jean Roy, a démenti.", ("Vialis", "Jean", "Roy"),
     (("Vialis", "PER"), ("Jean Roy", "PER")), [("Vialis", "organisations.led_by")]),
    ("Lumex Énergie, présidée par Léa Simon, a démenti.", ("Lumex", "Énergie", "Léa", "Simon"),
     (), [("Lumex Énergie", "organisations.led_by")]),
    # a person (a common given name), a place: no body
    ("Paul Roy, dirigé par Léa Simon, a soutenu sa thèse.", ("Paul", "Roy", "Léa", "Simon"),
     (), []),
    ("Lyon, dirigée par Léa Simon, a voté.", ("Lyon", "Léa", "Simon"), (), []),
    ("Vialis, représenté par Jean Roy, a démenti.", ("Vialis", "Jean", "Roy"), (), []),
])
def test_body_led_by_a_person(org_nlp: Language, text: str, propn: tuple[str, ...],
                              ents: tuple[tuple[str, str], ...],
                              expected: list[tuple[str, str]]) -> None:
    doc = org_nlp.get_pipe("depeche_organisations")(_tagged(text, propn, ents))
    assert [(s.text, get_span_attrs(s, "organisations")["rule"])
            for s in doc.spans["organisations"]] == expected
