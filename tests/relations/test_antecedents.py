"""Document-level antecedents (pipeline/relations/antecedents.py) and the relations they let
roles and membership attach across sentences; the real model parses the stories."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.context import StoryContext
from pipeline.relations.antecedents import (
    Anaphor,
    PersonAntecedents,
    RoleBefore,
    organisation_antecedent,
    person_antecedent,
)
from tests.markup import build_doc, mention_row


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


# -- PersonAntecedents on hand-built stories (no model) ---------------------------------------

def _story(text: str, people: list[tuple[str, str]]) -> Doc:
    """A blank-model Doc of ``text`` (words split on spaces, a sentence after each ``.``) with
    PER mentions (text as written, entity id)."""
    words = text.split()
    starts = [i == 0 or words[i - 1] == "." for i in range(len(words))]
    heads = [max(k for k in range(i + 1) if starts[k]) for i in range(len(words))]
    deps = ["ROOT" if start else "dep" for start in starts]
    doc = build_doc(words, ["X"] * len(words), deps, heads, words, starts)
    rows, end = [], 0
    for name, entity_id in people:  # in text order
        start = doc.text.index(name, end)
        end = start + len(name)
        rows.append(mention_row(start, end, name, "PER", entity_id))
    doc._.mentions = rows
    return doc


def _resolve(doc: Doc, anaphor_text: str, nth: int = 0, gender: str = "", role: str = "",
             beyond: bool = False, role_before: RoleBefore | None = None) -> str | None:
    ctx = StoryContext.of(doc)
    people = PersonAntecedents(ctx, ctx.mention_index(), role_before)
    found = people.resolve(Anaphor(doc[_token(doc, anaphor_text, nth)].idx, gender, role),
                           beyond_window=beyond)
    return found["text"] if found else None


def test_gender_agreement_picks_the_person_of_the_pronoun() -> None:
    doc = _story("Mme Claire Morel a reçu M. Paul Varlet . Il est parti . Elle est restée .",
                 [("Claire Morel", "per:claire-morel"), ("Paul Varlet", "per:paul-varlet")])
    assert _resolve(doc, "Il", gender="m") == "Paul Varlet"
    assert _resolve(doc, "Elle", gender="f") == "Claire Morel"
    assert _resolve(doc, "Il") is None  # gender unknown: two people


def test_mentions_sharing_a_last_name_are_one_person() -> None:
    doc = _story("Paul Varlet est arrivé . M. Varlet a parlé . Il est parti .",
                 [("Paul Varlet", "per:paul-varlet"), ("Varlet", "per:varlet")])
    assert _resolve(doc, "Il", gender="m") == "Varlet"


def test_a_window_without_people_stops_a_pronoun_unless_beyond_window() -> None:
    doc = _story("Paul Varlet est arrivé . Le train roule . Le ciel est gris . La ville dort . "
                 "Il a parlé .", [("Paul Varlet", "per:paul-varlet")])
    assert _resolve(doc, "Il", gender="m") is None
    assert _resolve(doc, "Il", gender="m", beyond=True) == "Paul Varlet"


def test_a_description_takes_the_person_written_after_its_role_noun() -> None:
    doc = _story("Le ministre Paul Varlet a reçu Marc Petit . Le ministre a parlé .",
                 [("Paul Varlet", "per:paul-varlet"), ("Marc Petit", "per:marc-petit")])

    def role_before(i: int) -> tuple[str, str] | None:
        return ("ministre", "m") if doc[i - 1].text == "ministre" else None

    assert _resolve(doc, "ministre", nth=1, gender="m", role="ministre",
                    role_before=role_before) == "Paul Varlet"
    assert _resolve(doc, "ministre", nth=1, gender="m") is None  # no role: two people
