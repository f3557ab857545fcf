"""Honorific + name and function + name (``pipeline.entities.people.titles``).

Markup of :mod:`tests.entities.people_markup`: ``{...}`` a model PER entity, ``[...](PER
clé=valeur ...)`` an expected people span. Decisions recorded here: the honorific stays inside
the span (Quaero/HIPE), the function outside; ``le général de Gaulle`` gives the PER ``de
Gaulle``; the complement of a function (a listed body, a quoted name, the capitalised name of
a body after its noun) is not a person's name.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from pipeline.entities.people.titles import TitleRules, skip_function_phrase
from tests.entities.people_markup import check
from tests.markup import blank_fixture

people_nlp = blank_fixture("depeche_people")

CASES = [
    # function + name: the function stays outside
    pytest.param("Selon le président kirghize [Sadyr Japarov](PER rule=people.function "
                 "function=président first=Sadyr last=Japarov form=name), la République...",
                 id="president-kirghize"),
    pytest.param("le ministre russe des Affaires étrangères [Sergueï Lavrov](PER "
                 "function=ministre)", id="ministre-des-affaires-etrangeres"),
    pytest.param("le Premier ministre [Narendra Modi](PER function=Premier ministre)",
                 id="premier-ministre"),
    pytest.param("la Première ministre [Élisabeth Borne](PER function=Première ministre)",
                 id="premiere-ministre"),
    pytest.param("le porte-parole du Kremlin, [Dmitri Peskov](PER function=porte-parole), a dit",
                 id="apposition-after-comma"),
    pytest.param("le secrétaire général de l’ONU [António Guterres](PER function=secrétaire "
                 "général)", id="secretaire-general-de-l-onu"),
    pytest.param("la présidente de la Commission européenne [Ursula von der Leyen](PER "
                 "first=Ursula last=von der Leyen)", id="von-der-leyen"),
    pytest.param("le chancelier allemand [Friedrich Merz](PER function=chancelier)",
                 id="chancelier"),
    pytest.param("le président syrien [Bachar al-Assad](PER first=Bachar last=al-Assad)",
                 id="al-assad"),
    pytest.param("le prince héritier saoudien [Mohammed ben Salmane](PER function=prince "
                 "héritier last=ben Salmane)", id="ben-salmane"),
    pytest.param("le roi [Charles III](PER function=roi)", id="regnal-number"),
    pytest.param("le pape [Léon XIV](PER function=pape)", id="pape"),
    pytest.param("le ministre de l’Économie et des Finances [Roland Lescure](PER "
                 "function=ministre)", id="two-complements"),
    pytest.param("le Premier ministre du Royaume-Uni [Keir Starmer](PER)", id="royaume-uni"),
    pytest.param("le président [Macron](PER form=short last=Macron first=None)",
                 id="surname-only"),
    pytest.param("le général [de Gaulle](PER function=général last=de Gaulle)",
                 id="general-de-gaulle"),
    pytest.param("le président [Japarov](PER) a-t-il dit", id="verb-after-name"),
    # functions without a name
    pytest.param("le président a déclaré que tout allait bien", id="function-without-name"),
    pytest.param("le maire de Paris a déclaré", id="maire-de-paris-no-name"),
    pytest.param("selon le ministre, Moscou refuse", id="apposition-needs-full-name"),
    # honorific + name: the honorific stays inside
    pytest.param("a déclaré [M. Japarov](PER title=M. canonical=Japarov form=short)",
                 id="monsieur"),
    pytest.param("[Mme Dupont](PER title=Mme last=Dupont) a répondu", id="madame"),
    pytest.param("[MM. Dupont](PER title=MM.) et [Durand](PER title=None "
                 "rule=people.honorific_list) sont arrivés", id="messieurs-list"),
    pytest.param("[Mlle Martin](PER title=Mlle)", id="mademoiselle"),
    pytest.param("[Me Dupond-Moretti](PER title=Me last=Dupond-Moretti) plaide",
                 id="maitre-hyphenated"),
    pytest.param("[Dr Martin](PER title=Dr) et [Pr Raoult](PER title=Pr)", id="dr-pr"),
    pytest.param("[Mgr Lustiger](PER title=Mgr)", id="monseigneur"),
    pytest.param("[Sir Keir Starmer](PER title=Sir first=Keir last=Starmer)", id="sir"),
    pytest.param("[M. Le Pen](PER title=M. last=Le Pen)", id="particle-le"),
    pytest.param("Mme a répondu aux questions", id="honorific-alone"),
    pytest.param("M. le président a répondu", id="honorific-before-function"),
    # historical and foreign honorifics
    pytest.param("représenté par le [sieur Louis Auguste Bovet](PER title=sieur) son tuteur",
                 id="sieur"),
    pytest.param("les [sieurs Jean-Paul Cuendet](PER title=sieurs), et [Louis Tissot](PER "
                 "rule=people.honorific_list)", id="sieurs-list"),
    pytest.param("que ladite [demoiselle Brandt](PER title=demoiselle) soit", id="demoiselle"),
    pytest.param("a reçu de [sir Henry Blakewell](PER title=sir) la dépêche",
                 id="sir-lower-case"),
    pytest.param("aux partisans de [don Fernando](PER title=don).", id="don"),
    pytest.param("une lettre de [lord Ashworth](PER title=lord) au cabinet", id="lord-lower-case"),
    pytest.param("le [citoyen Pierre Vautrin](PER title=citoyen) a parlé", id="citoyen"),
    pytest.param("la [veuve Marguerite Aubry](PER title=veuve) vend sa maison", id="veuve"),
    pytest.param("[Sœur Marthe Delorme](PER title=Sœur), la directrice", id="soeur"),
    # a name never runs into a following function
    pytest.param("Le Premier ministre de Slovénie [Marko Novak](PER rule=people.function "
                 "function=Premier ministre) Premier ministre de Bulgarie [Ivan "
                 "Petrov-Dimov](PER function=Premier ministre)",
                 id="name-stops-before-capitalised-function"),
    pytest.param("le ministre [Jean Dupont](PER) premier ministre de Croatie",
                 id="name-stops-before-lowercase-function"),
    pytest.param("le maire [Jean Dupont](PER) Secrétaire général du parti", id="stops-before-sg"),
    pytest.param("[M. Dupont](PER title=M.) Président de la République", id="honorific-stops"),
    pytest.param("le président [Emmanuel Macron](PER function=président) a reçu le Premier "
                 "ministre [Narendra Modi](PER function=Premier ministre)",
                 id="two-functions-two-names"),
    pytest.param("le Premier ministre indien [Narendra Modi](PER function=Premier ministre)",
                 id="premier-ministre-indien"),
    pytest.param("le Premier ministre de Bulgarie [Ivan Petrov-{Dimov}](PER "
                 "function=Premier ministre)", id="function-name-not-cut-at-hyphen"),
    # the complement of a function is not a person's name
    pytest.param("Le Président de la société Acme a parlé.", id="societe-acme-not-a-name"),
    pytest.param("le directeur du groupe Acme Industries a parlé", id="groupe-acme-not-a-name"),
    pytest.param("le patron de l'entreprise pharmaceutique Valmont Santé", id="entreprise-adj"),
    pytest.param("la présidente de l'association « Les Amis du Vercors » [Marie Durand](PER "
                 "function=présidente)", id="quoted-association-closed"),
    pytest.param("la présidente de l'association \"Entraide\" a dit", id="quoted-no-name"),
    pytest.param("le directeur du groupe Renault [Luca de Meo](PER function=directeur)",
                 id="listed-organisation-closed"),
    pytest.param("le gouverneur de la Banque de France [Jean Dupont](PER function=gouverneur)",
                 id="banque-de-france-closed"),
    pytest.param("le président de la Banque Acme a dit", id="capitalised-banque-open"),
    pytest.param("de l'ONG Terre Claire, la présidente de l'association [Claire Vasseur](PER "
                 "function=présidente) a été jointe", id="given-name-after-body-noun"),
    pytest.param("le président du parti Les Verts, [Jean Dupont](PER function=président)",
                 id="apposition-after-open-organisation"),
    pytest.param("un directeur de banque [Jean Dupont](PER function=directeur)",
                 id="generic-noun-without-article"),
    pytest.param("le capitaine de l'équipe de France [Kylian Mbappé](PER function=capitaine)",
                 id="equipe-de-country-closed"),
]


@pytest.mark.parametrize("markup", CASES)
def test_titles(people_nlp: Language, markup: str) -> None:
    check(people_nlp, markup)


@pytest.mark.parametrize(("text", "function", "after"), [
    ("le ministre russe des Affaires étrangères Sergueï Lavrov", "ministre", "Sergueï"),
    ("le porte-parole du Kremlin, Dmitri Peskov", "porte-parole", ","),
    ("la présidente de l'association « Les Amis du Vercors » Marie Durand", "présidente",
     "Marie"),
    ("le directeur du groupe Acme Industries a parlé", "directeur", "a"),
])
def test_skip_function_phrase(text: str, function: str, after: str) -> None:
    doc = spacy.blank("fr")(text)
    start = next(t.i for t in doc if t.text == function)
    assert doc[skip_function_phrase(doc, start + 1)].text == after


def test_functions_at_keeps_the_longest() -> None:
    nlp = spacy.blank("fr")
    doc = nlp("le Premier ministre et le ministre des Finances")
    found = TitleRules(nlp).functions_at(doc)
    assert {doc[s].text: (doc[s:e].text, f.canonical) for s, (e, f) in found.items()} == {
        "Premier": ("Premier ministre", "Premier ministre"),
        "ministre": ("ministre", "ministre")}
