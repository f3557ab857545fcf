"""Document-level antecedents (pipeline/relations/antecedents.py) and the relations they let
roles and membership attach across sentences; the real model parses the stories."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.context import StoryContext
from pipeline.relations.antecedents import organisation_antecedent, person_antecedent


def _token(doc: object, text: str, nth: int = 0) -> int:
    found = [t.i for t in doc if t.text == text]  # type: ignore[attr-defined]
    return found[nth]


@pytest.mark.model
def test_pronoun_links_to_the_one_person_named_before(model_nlp: Language) -> None:
    doc = model_nlp("Paul Henri a été retrouvé hier. Il était très fatigué.")
    ctx = StoryContext.of(doc)
    found = person_antecedent(ctx, ctx.mention_index(), _token(doc, "Il"))
    assert found is not None and found["text"] == "Paul Henri"


@pytest.mark.model
def test_pronoun_with_two_people_before_links_to_nobody(model_nlp: Language) -> None:
    doc = model_nlp("Paul Henri a rencontré Marc Petit hier. Il était très fatigué.")
    ctx = StoryContext.of(doc)
    assert person_antecedent(ctx, ctx.mention_index(), _token(doc, "Il")) is None


@pytest.mark.model
def test_organisation_noun_prefers_the_name_written_after_the_same_noun(
        model_nlp: Language) -> None:
    doc = model_nlp("La société Vialis et l'association Terre Vive ont signé un accord. "
                    "L'association organise une collecte.")
    ctx = StoryContext.of(doc)
    found = organisation_antecedent(ctx, ctx.mention_index(), _token(doc, "association", 1))
    assert found is not None and found["text"] == "Terre Vive"


@pytest.mark.model
def test_organisation_noun_followed_by_a_name_is_no_reference(model_nlp: Language) -> None:
    doc = model_nlp("La société Vialis a signé. La société Brunel a refusé.")
    ctx = StoryContext.of(doc)
    assert organisation_antecedent(ctx, ctx.mention_index(), _token(doc, "société", 1)) is None


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("L'association « Terre Vive » a organisé une collecte à Lyon. Le président de "
     "l'association, Monsieur Jack Morin, a remercié les donateurs.",
     {("role", "Monsieur Jack Morin", "Terre Vive"),
      ("member_of", "Monsieur Jack Morin", "Terre Vive")}),
    ("La société Vialis ferme son usine. Cette société est dirigée par Madame Anne Petit.",
     {("role", "Madame Anne Petit", "Vialis"), ("member_of", "Madame Anne Petit", "Vialis")}),
    ("Paul Henri a été retrouvé. Il était le directeur de l'association Terre Vive.",
     {("role", "Paul Henri", "Terre Vive"), ("member_of", "Paul Henri", "Terre Vive")}),
    ("Paul Henri a été retrouvé. Il était membre de l'association Terre Vive.",
     {("member_of", "Paul Henri", "Terre Vive")}),
    ("L'association « Les Amis du Rail » a fêté ses dix ans. La présidente de l'association "
     "Madame Inès Roy a pris la parole.",
     {("role", "Madame Inès Roy", "Les Amis du Rail"),
      ("member_of", "Madame Inès Roy", "Les Amis du Rail")}),
    ("La société Vialis et le groupe Brunel ont signé. Le président de l'association, "
     "Luc Blanc, est content.",
     set()),
])
def test_relations_across_sentences(model_nlp: Language, text: str,
                                    expected: set[tuple[str, str, str]]) -> None:
    doc = model_nlp(text)
    assert {(r["predicate"], r["subject_text"], r["object_text"]) for r in doc._.relations
            if r["predicate"] in ("role", "member_of")} == expected
