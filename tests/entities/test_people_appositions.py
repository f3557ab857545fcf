"""Written extents under each convention (``pipeline.entities.people.appositions``).

Markup of :mod:`tests.entities.people_markup`: ``{...}`` a model PER entity, ``[...](PER
clé=valeur ...)`` an expected people span. Under every convention a maiden name belongs to
the mention.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from pipeline.extensions import get_span_attrs
from tests.entities.people_markup import check
from tests.markup import blank_fixture

people_nlp = blank_fixture("depeche_people")
popcorn_nlp = blank_fixture("depeche_people", config={"honorific_in_span": False})
hipe_nlp = blank_fixture("depeche_people", config={"extent": "hipe"})

CASES = [
    # maiden names belong to the mention
    pytest.param("le public est informé que [{Louise} née Vasseur](PER first=None "
                 "last=Louise), femme de", id="maiden-name"),
    pytest.param("et de [{Marthe} née {Girardin}](PER), morte le 14", id="maiden-name-model-span"),
    pytest.param("[{Madame Odile}](PER), née le 12 avril 1975", id="nee-before-date-is-not-name"),
]


@pytest.mark.parametrize("markup", CASES)
def test_maiden_names(people_nlp: Language, markup: str) -> None:
    check(people_nlp, markup)


HONORIFIC_OUT_CASES = [
    pytest.param("signalée par M. [Morel](PER title=M. last=Morel) du laboratoire",
                 id="monsieur-abbreviated"),
    pytest.param("Monsieur [{Lucien Morel}](PER title=Monsieur), le président",
                 id="monsieur-model-span"),
    pytest.param("La journaliste Madame [Claire Vasseur](PER title=Madame) a déclaré",
                 id="madame"),
    pytest.param("{Mme [Dupont}](PER title=Mme)", id="model-span-with-honorific"),
    pytest.param("Mme. [Dupont](PER title=Mme.)", id="honorific-with-dot"),
    pytest.param("MM. [Dupont](PER) et [Durand](PER) sont arrivés", id="plural"),
    pytest.param("le président [Macron](PER function=président)", id="function-unchanged"),
    pytest.param("[{Jean-Luc Mélenchon}](PER title=None)", id="no-honorific-unchanged"),
]


@pytest.mark.parametrize("markup", HONORIFIC_OUT_CASES)
def test_honorific_out_of_span(popcorn_nlp: Language, markup: str) -> None:
    check(popcorn_nlp, markup)


#: ``extent="hipe"``: honorifics, functions and descriptors before the name and appositions
#: of function after it belong to the mention.
HIPE_CASES = [
    pytest.param("le verger de [M. le capitaine {Guyot}](PER title=None) de bise",
                 id="honorific-article-function"),
    pytest.param("ou à [M. le notaire {Bovet}, son secrétaire](PER), en présentant",
                 id="greffier-and-possessive-apposition"),
    pytest.param("12. [M. Cuendet, commissaire général](PER canonical=Cuendet), demande",
                 id="apposition-function"),
    pytest.param("le retirer chez [{Jean-Paul Rochat}, maître menuisier à Morges](PER)"
                 ". Dans", id="apposition-occupation-a-place"),
    pytest.param("[M. Tissot, avocat, commissaire général](PER), a pris la parole",
                 id="two-appositions"),
    pytest.param("[{Paul Brandt}, fermier](PER) de [M. de Cressier](PER)",
                 id="complement-stops-at-name"),
    pytest.param("la faillite du [citoyen {Louis Masson}, chef](PER) d'un atelier",
                 id="complement-stops-at-article"),
    pytest.param("Le [ministre belge {Luc Vermeulen}](PER function=ministre) s'est défendu",
                 id="function-before-outside-article"),
    pytest.param("Le [président malien, {Amadou Traoré}](PER), a annoncé",
                 id="function-comma-name"),
    pytest.param("avec leur [mère {Sylvie Garnaud}](PER) et", id="kinship-before"),
    pytest.param("de Morges, fille de feu [{Henri Tissot}](PER), et", id="kinship-of-someone"),
    pytest.param("la [dame Marthe Jeanneret](PER) ... [{Louis II}](PER), fils de Théodore",
                 id="kinship-apposition-not-inside"),
    pytest.param("la [Kényane {Grace Wanjiru}](PER) à plus", id="demonym-noun"),
    pytest.param("la [{Louise} née Vasseur](PER), femme", id="maiden-name"),
    pytest.param("[{Rochat}](PER), [{Meunier}](PER) & Brandt",
                 id="capitalised-descriptor-is-name"),
    pytest.param("[{Marc Aubry}, président de la BCE](PER), a répondu",
                 id="apposition-swallows-organisation"),
    pytest.param("[{Sir Henry Blakewell}, secrétaire d'{Elat} des colonies](PER), a reçu",
                 id="apposition-swallows-stray-name"),
    pytest.param("[{Brandt}](PER), qui a dit", id="no-apposition"),
]


@pytest.mark.parametrize("markup", HIPE_CASES)
def test_hipe_extent(hipe_nlp: Language, markup: str) -> None:
    check(hipe_nlp, markup)


def test_conventions_share_values(popcorn_nlp: Language, hipe_nlp: Language) -> None:
    text = "a déclaré M. Japarov, président de la République, puis le président Japarov."
    values = []
    for nlp in (spacy.blank("fr"), popcorn_nlp, hipe_nlp):
        if not nlp.pipe_names:
            nlp.add_pipe("depeche_people")
        doc = nlp(text)
        values.append([get_span_attrs(s, "people") for s in doc.spans["people"]])
    assert values[0] == values[1] == values[2]
