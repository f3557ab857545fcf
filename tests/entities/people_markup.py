"""Markup of the people tests: model entities, expected spans and their values.

Cases use inline markup on spacy.blank("fr"): ``{Sadyr Japarov}`` marks a PER entity that the
statistical model is supposed to have found (set by hand in ``doc.ents``); ``[M. Japarov](PER
clé=valeur ...)`` marks an expected people span with its values (``title``, ``function``,
``canonical``, ``first``, ``last``, ``form``, ``rule``; ``None`` for an absent value). Every
marked span must be found and nothing else.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extensions import get_span_attrs
from tests.markup import split_annotation


def parse_markup(markup: str) -> tuple[str, list[tuple[int, int]],
                                       list[tuple[int, int, dict[str, str]]]]:
    """Return plain text, model PER offsets (``{...}``) and expected spans (``[...](PER ...)``).

    The marks nest and overlap (``{Mme [Dupont}](PER)``), so they are read a character at a
    time rather than with :func:`tests.markup.strip_marks`.
    """
    out: list[str] = []
    model: list[tuple[int, int]] = []
    expected: list[tuple[int, int, dict[str, str]]] = []
    open_model: list[int] = []
    open_expected: list[int] = []
    i = 0
    while i < len(markup):
        char = markup[i]
        if char == "{":
            open_model.append(len("".join(out)))
        elif char == "}":
            model.append((open_model.pop(), len("".join(out))))
        elif char == "[":
            open_expected.append(len("".join(out)))
        elif char == "]" and markup[i + 1:i + 2] == "(":
            close = markup.index(")", i)
            head, values = split_annotation(markup[i + 2:close])
            expected.append((open_expected.pop(), len("".join(out)),
                             {"label": head[0], **values}))
            i = close
        else:
            out.append(char)
        i += 1
    return "".join(out), sorted(model), sorted(expected)


def make_doc(nlp: Language, text: str, model: list[tuple[int, int]]) -> Doc:
    """A hand-built Doc whose ``doc.ents`` hold the model's PER spans."""
    doc = nlp.make_doc(text)
    ents = [doc.char_span(s, e, label="PER") for s, e in model]
    assert all(ents), "model span not aligned to tokens"
    doc.ents = ents
    return doc


def check(nlp: Language, markup: str) -> None:
    text, model, expected = parse_markup(markup)
    doc = make_doc(nlp, text, model)
    ents_before = [(e.start, e.end, e.label_) for e in doc.ents]
    component = nlp.get_pipe("depeche_people")
    doc = component(doc)
    assert [(e.start, e.end, e.label_) for e in doc.ents] == ents_before  # never writes ents
    found = [(s.start_char, s.end_char, s) for s in doc.spans["people"]]
    assert [text[s:e] for s, e, _ in found] == [text[s:e] for s, e, _ in expected]
    for (_, _, span), (_, _, want) in zip(found, expected, strict=True):
        assert span.label_ == want["label"]
        got = get_span_attrs(span, "people")
        for key, value in want.items():
            if key != "label":
                assert str(got.get(key)) == value, (key, got)
