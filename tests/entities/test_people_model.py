"""The model's PER entities checked, trimmed and merged (``pipeline.entities.people.model``).

Markup of :mod:`tests.entities.people_markup`: ``{...}`` a PER entity the model is supposed to
have found (set by hand in ``doc.ents``), ``[...](PER clé=valeur ...)`` an expected people span.
Decision recorded here: without the model, a bare name with neither honorific nor function is
not found.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Span

from tests.entities.people_markup import check, make_doc
from tests.markup import blank_fixture, blank_pipeline

people_nlp = blank_fixture("depeche_people")

CASES = [
    # the model's PER spans, checked
    pytest.param("[{Jean-Luc Mélenchon}](PER rule=people.model first=Jean-Luc "
                 "last=Mélenchon) a dit", id="model-hyphenated-first-name"),
    pytest.param("{Président [Macron}](PER rule=people.model_trimmed function=président) "
                 "a dit", id="model-span-starting-with-function"),
    pytest.param("le {président [Emmanuel Macron}](PER rule=people.model_trimmed "
                 "function=président)", id="model-span-with-lowercase-function"),
    pytest.param("{Mme} a répondu", id="model-honorific-only-dropped"),
    pytest.param("le {ministre} a répondu", id="model-lowercase-dropped"),
    pytest.param("[{J. F. Kennedy}](PER first=J. F. last=Kennedy)", id="model-initials"),
    pytest.param("[{Jean DUPONT}](PER first=Jean last=DUPONT)", id="model-capital-surname"),
    pytest.param("[{Dominique de Villepin}](PER last=de Villepin)", id="model-particle-de"),
    pytest.param("[{M. Japarov}](PER rule=people.model title=M.)", id="model-with-honorific"),
    pytest.param("[M. {Japarov}](PER rule=people.honorific title=M.)",
                 id="honorific-extends-model-span"),
    pytest.param("le ministre des {Affaires étrangères [Sergueï Lavrov}](PER "
                 "rule=people.model_trimmed)", id="model-span-with-complement"),
    pytest.param("[{J. M. Keynes}](PER title=None first=J. M.)", id="initial-m-not-monsieur"),
    pytest.param("Jean-Luc Mélenchon a dit", id="bare-name-without-model-not-found"),
    pytest.param("devant la {Cour d'Appel}, réunie", id="institution-not-a-name"),
    pytest.param("les ordres du {Gouvernement}, puis", id="institution-word-not-a-name"),
    # a model span is cut before a function written after the name
    pytest.param("{[Jean Dupont](PER rule=people.model_trimmed function=None) Président} de la "
                 "société Acme a parlé.", id="model-span-cut-before-function"),
    pytest.param("{[Marko Novak](PER rule=people.model_trimmed) Premier ministre} de "
                 "Slovénie", id="model-span-cut-before-multiword-function"),
    pytest.param("{[Jean Dupont](PER) secrétaire général}", id="model-span-cut-lowercase"),
    pytest.param("[{Bruno Le Maire}](PER rule=people.model last=Le Maire) a dit",
                 id="model-particle-before-function-word-kept"),
    # hyphenated names split by the model are merged
    pytest.param("[{Ivan Petrov}-{Dimov}](PER rule=people.model_trimmed first=Ivan "
                 "last=Petrov-Dimov) a dit", id="model-split-hyphen-merged"),
    pytest.param("[{Anne}-{Sophie Dupont}](PER first=Anne-Sophie last=Dupont) a dit",
                 id="model-split-first-name-merged"),
    pytest.param("[{Pierre Mendès}{-France}](PER last=Mendès-France)",
                 id="model-split-hyphen-in-second-span"),
    pytest.param("[{Pierre Mendès-}{France}](PER last=Mendès-France)",
                 id="model-split-hyphen-in-first-span"),
    pytest.param("[{Jean Dupont}](PER) - [{Marie Durand}](PER)", id="spaced-dash-not-merged"),
    pytest.param("[{Jean Dupont}](PER)–[{Marie Durand}](PER)", id="en-dash-not-merged"),
    # the complement of a function heading a body is that body, not a person
    pytest.param("le PDG de {Vialis} a démenti", id="chief-complement-is-a-body"),
    pytest.param("la directrice générale adjointe de la {Banque Orvane} a confirmé",
                 id="chief-complement-after-adjectives"),
    pytest.param("le PDG de {Vialis [Marc Dubois}](PER rule=people.model_trimmed) a démenti",
                 id="chief-complement-cut-before-given-name"),
    pytest.param("le porte-parole de [{Paul Roy}](PER) a démenti",
                 id="spokesperson-complement-may-be-a-person"),
    pytest.param("le PDG est [{Paul Roy}](PER)", id="chief-without-complement"),
    pytest.param("la présidente de {Lumex} a démissionné", id="president-complement-is-a-body"),
    pytest.param("{Vialis}, dirigé par [{Jean Roy}](PER), a démenti", id="led-by-is-a-body"),
    pytest.param("la présidente du conseil de surveillance de {Vialis} a parlé",
                 id="chief-complement-after-lowercase-complements"),
    pytest.param("le président reçoit les représentants de [{Dupont}](PER) demain",
                 id="chief-then-verb-is-no-complement"),
    pytest.param("[{Paul Roy}](PER), dirigé par [{Léa Simon}](PER), a soutenu sa thèse",
                 id="led-by-given-name-stays-a-person"),
    pytest.param("le vice-président de [{Paul Roy}](PER) a démissionné",
                 id="other-head-of-state-titles-unchanged"),
]


@pytest.mark.parametrize("markup", CASES)
def test_model_spans(people_nlp: Language, markup: str) -> None:
    check(people_nlp, markup)


@pytest.mark.parametrize(("text", "label", "ent", "expected", "hipe"), [
    ("remportée par le Kényan Samuel Otieno en 2 h", "LOC", "Kényan Samuel Otieno",
     "Samuel Otieno", "Kényan Samuel Otieno"),
    ("La Roumaine Elena Munteanu s'est imposée", "ORG", "Roumaine Elena",
     "Elena Munteanu", "Roumaine Elena Munteanu"),
    ("le Kényan Institut du sport", "ORG", "Kényan Institut", None, None),
])
def test_demonym_and_name_tagged_as_place(text: str, label: str, ent: str,
                                           expected: str | None, hipe: str | None) -> None:
    for config, want in (({}, expected), ({"extent": "hipe"}, hipe)):
        assert _people_with_model_span(text, ent, label, config) == ([want] if want else [])


def _people_with_model_span(text: str, ent: str, label: str,
                            config: dict[str, str] | None = None) -> list[str]:
    """The people spans found in ``text`` when the model tagged ``ent`` with ``label``."""
    nlp = blank_pipeline("depeche_people", config=config or {})
    doc = nlp.make_doc(text)
    start = text.index(ent)
    doc.ents = [doc.char_span(start, start + len(ent), label=label)]
    return [s.text for s in nlp.get_pipe("depeche_people")(doc).spans["people"]]


@pytest.mark.parametrize(("text", "label", "ent", "expected"), [
    ("le président du Real Madrid Florentino Pérez a dit", "ORG", "Real Madrid",
     "Florentino Pérez"),
    ("le président exécutif de Northwind Capital, Paul Verrier, a dit", "ORG",
     "Northwind Capital", "Paul Verrier"),
    # the model's span running into a person's name: cut before a common given name
    ("le ministre de l'Économie Bruno Roy a dit", "ORG", "Économie Bruno Roy", "Bruno Roy"),
])
def test_function_complement_is_the_models_whole_name(text: str, label: str, ent: str,
                                                      expected: str) -> None:
    assert _people_with_model_span(text, ent, label) == [expected]


def test_model_span_cut_before_known_place() -> None:
    nlp = blank_pipeline("depeche_people")
    doc = make_doc(nlp, "le président Japarov de Kirghizie", [(13, 33)])
    doc.spans["countries"] = [Span(doc, 4, 5, label="COUNTRY", kb_id="KG")]
    doc = nlp.get_pipe("depeche_people")(doc)
    assert [s.text for s in doc.spans["people"]] == ["Japarov"]
