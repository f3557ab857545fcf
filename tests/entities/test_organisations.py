"""Organisations family: the component, its options, its contract
(``pipeline.entities.organisations``).

Each rule has its own module and tests: ``test_organisations_gazetteer``,
``test_organisations_acronyms``, ``test_organisations_phrases``, ``test_organisations_credits``;
the word lists ``test_organisations_base``. Markup: :mod:`tests.entities.organisations_markup`.
"""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.extensions import get_span_attrs
from tests.entities.organisations_markup import parse_markup
from tests.markup import blank_fixture, blank_pipeline

org_nlp = blank_fixture("depeche_organisations")
hipe_nlp = blank_fixture("depeche_organisations", config={"head_noun_in_span": True})
popcorn_nlp = blank_fixture("depeche_organisations", config={"generic_institutions": True})


def test_markup_parser() -> None:
    text, spans = parse_markup("l’[OTSC](ORG OTSC acronym canonical=Organisation du traité)")
    assert text == "l’OTSC"
    assert spans == [(2, 6, "ORG", {"kb_id": "OTSC", "form": "acronym",
                                    "canonical": "Organisation du traité"})]


# --------------------------------------------------------------------------- config, serialisation


def test_factory_defaults() -> None:
    """Without options, in-text definitions are found (compare ``test_detect_definitions_off``
    on the same sentence)."""
    nlp = spacy.blank("fr")
    nlp.add_pipe("depeche_organisations")
    doc = nlp("l’Agence kirghize de presse (AKP) et l’OTSC")
    assert [s.text for s in doc.spans["organisations"]] == [
        "Agence kirghize de presse", "AKP", "OTSC"]


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


# --------------------------------------------------------------------------- contract


def test_contract_attributes_and_factory_meta() -> None:
    nlp = blank_pipeline("depeche_organisations")
    component = nlp.get_pipe("depeche_organisations")
    assert (component.spans_key, component.rank) == ("organisations", 40)
    meta = nlp.get_pipe_meta("depeche_organisations")
    assert (meta.assigns, meta.requires) == (["doc.spans", "doc._.span_attrs"], [])


def test_process_is_pure_and_keeps_definitions_first(org_nlp: Language) -> None:
    doc = org_nlp.make_doc("la Communauté des États indépendants (CEI) et la CEI")
    found = org_nlp.get_pipe("depeche_organisations").process(doc)
    assert "organisations" not in doc.spans and doc._.span_attrs is None
    assert all(isinstance(span, Span) for span, _ in found)
    assert [(span.text, values["rule"]) for span, values in found] == [
        ("Communauté des États indépendants", "organisations.definition"),
        ("CEI", "organisations.definition"), ("CEI", "organisations.doc_acronym")]
