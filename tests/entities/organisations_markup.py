"""Markup of the organisations tests: ``[texte](ORG id forme clé=valeur ...)``.

After the label come the expected ``kb_id_`` and ``form`` (``name`` or ``acronym``), then optional
values (``rule=``, ``canonical=``, ``acronym=``); a value runs to the next `` clé=`` or to the end.
Every marked span must be found and nothing else: a case without markup expects no ORG.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extensions import get_span_attrs
from tests.markup import split_annotation, strip_marks


def parse_markup(markup: str) -> tuple[str, list[tuple[int, int, str, dict[str, str]]]]:
    """Return the plain text and the expected spans ``(start, end, label, values)``."""
    text, marks = strip_marks(markup)
    spans = []
    for mark in marks:
        (label, *positional), values = split_annotation(mark.annotation)
        spans.append((mark.start, mark.end, label,
                      {**dict(zip(("kb_id", "form"), positional, strict=False)), **values}))
    return text, spans


def _found(doc: Doc) -> list[tuple[int, int, str, dict]]:
    return [(s.start_char, s.end_char, s.label_, {"kb_id": s.kb_id_,
                                                  **get_span_attrs(s, "organisations")})
            for s in doc.spans["organisations"]]


def check(nlp: Language, markup: str) -> None:
    text, expected = parse_markup(markup)
    doc = nlp(text)
    found = _found(doc)
    assert [(s, e, text[s:e]) for s, e, _, _ in found] == \
        [(s, e, text[s:e]) for s, e, _, _ in expected]
    for (_, _, label, got), (_, _, want_label, want) in zip(found, expected, strict=True):
        assert label == want_label
        for key, value in want.items():
            assert str(got.get(key)) == value, (key, got)
