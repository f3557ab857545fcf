"""Short mentions linked to full names, and the watch list (``pipeline.entities.people.linking``).

Markup of :mod:`tests.entities.people_markup`: ``{...}`` a model PER entity, ``[...](PER
clé=valeur ...)`` an expected people span.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span

from pipeline.entities.gazetteers import GazetteerError
from pipeline.entities.people import PersonExtractor, link_people, span_key
from pipeline.extensions import get_span_attrs
from tests.entities.people_markup import check
from tests.markup import blank_fixture, blank_pipeline

people_nlp = blank_fixture("depeche_people")

CASES = [
    # linking inside the document
    pytest.param("Selon le président kirghize [Sadyr Japarov](PER), la République... a déclaré "
                 "[M. Japarov](PER title=M. canonical=Sadyr Japarov first=Sadyr last=Japarov "
                 "form=short)", id="link-honorific-to-full-name"),
    pytest.param("[{Japarov}](PER canonical=Sadyr Japarov) a signé ; [{Sadyr Japarov}](PER "
                 "canonical=Sadyr Japarov) est président", id="link-short-before-full"),
    pytest.param("[{Marine Le Pen}](PER) et [{Jean-Marie Le Pen}](PER) ; [{Le Pen}](PER "
                 "canonical=None last=Le Pen) a dit", id="shared-surname-ambiguous"),
    pytest.param("[{Marine Le Pen}](PER) ... [Mme Le Pen](PER canonical=Marine Le Pen)",
                 id="shared-surname-single-full-name"),
    pytest.param("[{Sergueï Lavrov}](PER) ... [{LAVROV}](PER canonical=Sergueï Lavrov)",
                 id="link-ignores-case"),
]


@pytest.mark.parametrize("markup", CASES)
def test_linking(people_nlp: Language, markup: str) -> None:
    check(people_nlp, markup)


# --------------------------------------------------------------------------- link_people


def _spans(text: str, names: list[str]) -> list[Span]:
    doc = spacy.blank("fr")(text)
    spans, pos = [], 0
    for name in names:
        start = text.index(name, pos)
        spans.append(doc.char_span(start, start + len(name)))
        pos = start + len(name)
    return spans


@pytest.mark.parametrize(("text", "names", "expected"), [
    ("Sadyr Japarov a dit. M. Japarov et Japarov.", ["Sadyr Japarov", "M. Japarov", "Japarov"],
     ["Sadyr Japarov", "Sadyr Japarov", "Sadyr Japarov"]),
    ("Marine Le Pen, Jean-Marie Le Pen, Le Pen", ["Marine Le Pen", "Jean-Marie Le Pen", "Le Pen"],
     ["Marine Le Pen", "Jean-Marie Le Pen", None]),
    ("Emmanuel Macron, Brigitte Macron et Macron",
     ["Emmanuel Macron", "Brigitte Macron", "Macron"],
     ["Emmanuel Macron", "Brigitte Macron", None]),
    ("Japarov seul", ["Japarov"], ["Japarov"]),
    ("Mme Dupont", ["Mme Dupont"], ["Dupont"]),
])
def test_link_people(text: str, names: list[str], expected: list[str | None]) -> None:
    spans = _spans(text, names)
    result = link_people(spans)
    assert [result.get(span_key(s)) for s in spans] == expected


# --------------------------------------------------------------------------- watch list


def _watchlist(tmp_path: Path, body: str) -> str:
    path = tmp_path / "surveilles.csv"
    path.write_text("canonical,aliases\n" + body, encoding="utf-8")
    return str(path)


def test_watchlist_matches_aliases(tmp_path: Path) -> None:
    path = _watchlist(tmp_path, "Sadyr Japarov,Japarov|Sadyr Jeenbekovich Japarov\n")
    nlp = blank_pipeline("depeche_people", config={"extra_files": [path]})
    doc = nlp("Japarov a signé le décret ; M. Japarov est rentré.")
    spans = list(doc.spans["people"])
    assert [s.text for s in spans] == ["Japarov", "M. Japarov"]
    assert get_span_attrs(spans[0], "people")["rule"] == "people.watchlist"
    assert [get_span_attrs(s, "people")["canonical"] for s in spans] == ["Sadyr Japarov"] * 2


def test_watchlist_needs_capitals(tmp_path: Path) -> None:
    path = _watchlist(tmp_path, "Pierre Rose,Rose\n")
    nlp = blank_pipeline("depeche_people", config={"extra_files": [path]})
    doc = nlp("une rose et Rose")
    assert [s.text for s in doc.spans["people"]] == ["Rose"]


@pytest.mark.parametrize(("body", "line", "message"), [
    ("Sadyr Japarov,Japarov\nVladimir Poutine,Poutine||Putin\n", 3, "empty alias"),
    ("Sadyr Japarov,Japarov,en trop\n", 2, "expected 2 cells"),
    ("personne,alias\n", 2, "no capital letter"),
])
def test_watchlist_bad_row(tmp_path: Path, body: str, line: int, message: str) -> None:
    path = _watchlist(tmp_path, body)
    with pytest.raises(GazetteerError) as error:
        PersonExtractor(spacy.blank("fr"), extra_files=[path])
    assert f"surveilles.csv:{line}" in str(error.value)
    assert message in str(error.value)
