"""People family: the component, its options, its contract (``pipeline.entities.people``).

The rules have their own modules and tests: ``test_people_titles`` (honorifics, functions),
``test_people_model`` (the model's PER spans checked), ``test_people_names`` (the shape of a
name), ``test_people_linking`` (in-story linking, watch list), ``test_people_appositions``
(written extents under each convention). Markup: :mod:`tests.entities.people_markup`.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.extensions import get_span_attrs
from tests.entities.people_markup import make_doc, parse_markup
from tests.markup import blank_fixture, blank_pipeline

people_nlp = blank_fixture("depeche_people")


def test_markup_parser() -> None:
    text, model, expected = parse_markup("a dit [{M. Japarov}](PER title=M. canonical=Sadyr "
                                         "Japarov).")
    assert text == "a dit M. Japarov."
    assert model == [(6, 16)]
    assert expected == [(6, 16, {"label": "PER", "title": "M.",
                                 "canonical": "Sadyr Japarov"})]


@pytest.mark.parametrize("config", [{"extent": "quaero"},
                                    {"extent": "hipe", "honorific_in_span": False}])
def test_bad_convention(config: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        spacy.blank("fr").add_pipe("depeche_people", config=config)


# --------------------------------------------------------------------------- options


def test_factory_defaults() -> None:
    """Without options: the function stays outside the span and the honorific inside, a name
    the model found alone is kept, and a short name is linked to the full one."""
    nlp = spacy.blank("fr")
    nlp.add_pipe("depeche_people")
    text = "le président kirghize Sadyr Japarov a reçu Jean-Luc Mélenchon ; M. Japarov a conclu."
    start = text.index("Jean-Luc")
    doc = make_doc(nlp, text, [(start, start + len("Jean-Luc Mélenchon"))])
    spans = nlp.get_pipe("depeche_people")(doc).spans["people"]
    assert [(s.text, get_span_attrs(s, "people")["canonical"]) for s in spans] == [
        ("Sadyr Japarov", "Sadyr Japarov"), ("Jean-Luc Mélenchon", "Jean-Luc Mélenchon"),
        ("M. Japarov", "Sadyr Japarov")]


def test_use_model_off() -> None:
    nlp = blank_pipeline("depeche_people", config={"use_model": False})
    doc = make_doc(nlp, "Jean-Luc Mélenchon et M. Dupont", [(0, 18)])
    assert [s.text for s in nlp.get_pipe("depeche_people")(doc).spans["people"]] == [
        "M. Dupont"]


def test_link_off() -> None:
    nlp = blank_pipeline("depeche_people", config={"link": False})
    doc = nlp("le président kirghize Sadyr Japarov a parlé ; M. Japarov a conclu.")
    assert [get_span_attrs(s, "people")["canonical"] for s in doc.spans["people"]] == [
        "Sadyr Japarov", "Japarov"]


# --------------------------------------------------------------------------- contract


def test_contract_attributes_and_factory_meta() -> None:
    nlp = blank_pipeline("depeche_people")
    component = nlp.get_pipe("depeche_people")
    assert (component.spans_key, component.rank) == ("people", 30)
    meta = nlp.get_pipe_meta("depeche_people")
    assert meta.assigns == ["doc.spans", "doc._.span_attrs"]
    assert meta.requires == ["doc.ents", "doc.spans"]


def test_process_is_pure_and_returns_spans_with_values(people_nlp: Language) -> None:
    doc = people_nlp.make_doc("le président kirghize Sadyr Japarov a parlé")
    component = people_nlp.get_pipe("depeche_people")
    found = component.process(doc)
    assert "people" not in doc.spans and doc._.span_attrs is None
    assert [(span.text, values["function"], values["rule"]) for span, values in found] == [
        ("Sadyr Japarov", "président", "people.function")]
    assert isinstance(found[0][0], Span)


def test_to_bytes_round_trip(people_nlp: Language) -> None:
    doc = people_nlp("le président kirghize Sadyr Japarov a parlé ; M. Japarov a conclu.")
    copy = Doc(people_nlp.vocab).from_bytes(doc.to_bytes())
    assert [(s.text, s.label_) for s in copy.spans["people"]] == [
        ("Sadyr Japarov", "PER"), ("M. Japarov", "PER")]
    assert [get_span_attrs(s, "people") for s in copy.spans["people"]] == \
        [get_span_attrs(s, "people") for s in doc.spans["people"]]
