"""The resolution step: model spans cleaned and corrected, overlaps resolved, entity ids."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.entities.resolve import Candidate, Family, select, slug
from pipeline.extensions import EntityFamily, set_span_attrs
from pipeline.nlp import add_components


@pytest.fixture(scope="module")
def blank() -> Language:
    """A pipeline without families: the resolver sees the model's entities alone."""
    return spacy.blank("fr")


@pytest.fixture(scope="module")
def families() -> Language:
    """A blank pipeline with dépêche's components: the resolver finds the families in it."""
    return add_components(spacy.blank("fr"))


def resolve(nlp: Language, words: list[str], ents: list[tuple[int, int, str]],
            **config: Any) -> list[tuple[str, str, str | None, str | None]]:
    """Run only the resolver on a doc whose model entities are ``ents`` (token offsets)."""
    doc = Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    resolver = nlp.create_pipe("depeche_resolver", config=config)
    resolver(doc)
    return [(m["text"], m["label"], m["norm"], m["country"]) for m in doc._.mentions]


def texts_and_labels(nlp: Language, words: list[str],
                     ents: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    """Resolve a tokenised sentence (words as the tokenizer splits them) with model ``ents``."""
    doc = nlp.make_doc(" ".join(words).replace("' ", "'"))
    assert [t.text for t in doc] == words
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    nlp.create_pipe("depeche_resolver")(doc)
    return [(m["text"], m["label"]) for m in doc._.mentions]


CASES = [
    # words, model entities, expected mentions (text, label, norm, country)
    (["la", "Russie", "a", "signé"], [(0, 2, "LOC")], [("Russie", "COUNTRY", "RU", None)]),
    (["l'", "OTAN", "se", "réunit"], [(0, 2, "ORG")], [("OTAN", "ORG", "OTAN", None)]),
    (["BICHKEK", ",", "1er", "janvier"], [(0, 1, "ORG")], [("BICHKEK", "LOC", None, "KG")]),
    (["Il", "vit", "à", "Astana"], [(3, 4, "LOC")], [("Astana", "LOC", None, "KZ")]),
    (["un", "lot", "de", "chaudronneries"], [(3, 4, "LOC")], []),
    (["la", "République", "souhaite"], [(1, 2, "LOC")], []),
    (["les", "États", "membres"], [(1, 2, "LOC")], []),
    (["la", "République", "tchèque"], [(1, 3, "LOC")], [("République tchèque", "COUNTRY", "CZ",
                                                        None)]),
    (["la", "Coupe", "du", "monde"], [(1, 4, "MISC")], []),
    (["Marie", "Curie", "à", "Varsovie"], [(0, 2, "PER"), (3, 4, "LOC")],
     [("Marie Curie", "PER", None, None), ("Varsovie", "LOC", None, "PL")]),
]


@pytest.mark.parametrize(("words", "ents", "expected"), CASES,
                         ids=[" ".join(c[0]) for c in CASES])
def test_model_spans_are_cleaned_and_corrected(blank: Language, words: list[str],
                                               ents: list[tuple[int, int, str]],
                                               expected: list[tuple[str, str, Any, Any]]) -> None:
    assert resolve(blank, words, ents) == expected


def test_misc_is_kept_with_keep_misc(blank: Language) -> None:
    assert resolve(blank, ["la", "Coupe", "du", "monde"], [(1, 4, "MISC")], keep_misc=True) == [
        ("Coupe du monde", "MISC", None, None)]


def test_family_span_beats_model_span_of_same_extent_and_longer_span_wins(
        blank: Language) -> None:
    doc = Doc(blank.vocab, words=["Organisation", "du", "traité", "(", "OTSC", ")"])
    model = [Span(doc, 0, 3, label="ORG"), Span(doc, 4, 5, label="ORG")]
    family = Span(doc, 4, 5, label="ORG", kb_id="OTSC")
    inner = Span(doc, 2, 3, label="LOC")
    set_span_attrs(family, "organisations", rule="organisations.gazetteer", form="acronym")
    candidates = [Candidate(model[0], "ORG", None, "model"), Candidate(model[1], "ORG", None,
                                                                       "model"),
                  Candidate(family, "ORG", "OTSC", "organisations", rank=40),
                  Candidate(inner, "LOC", None, "places", rank=60)]
    kept = select(candidates)
    assert [(c.span.text, c.source) for c in kept] == [("Organisation du traité", "model"),
                                                       ("OTSC", "organisations")]


def test_people_family_replaces_the_model_per_spans(families: Language) -> None:
    doc = Doc(families.vocab, words=["Le", "Président", "Macron", "parle"])
    doc.ents = [Span(doc, 1, 3, label="PER")]
    person = Span(doc, 2, 3, label="PER")
    doc.spans["people"] = [person]
    set_span_attrs(person, "people", rule="people.model_trimmed", canonical="Emmanuel Macron")
    families.get_pipe("depeche_resolver")(doc)
    assert [(m["text"], m["entity_id"]) for m in doc._.mentions] == [
        ("Macron", "per:emmanuel-macron")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Sadyr  JAPAROV", "sadyr-japarov"), ("Côte d’Ivoire", "cote-d-ivoire"),
    ("Bichkek", "bichkek")])
def test_slug(text: str, expected: str) -> None:
    assert slug(text) == expected


def test_a_model_span_does_not_swallow_a_date(families: Language) -> None:
    doc = Doc(families.vocab, words=["le", "Conseil", "d'", "Etat", "du", "12", "mars", "1803"],
              spaces=[True, True, False, True, True, True, True, False])
    doc.ents = [Span(doc, 1, 8, label="ORG")]
    date = Span(doc, 5, 8, label="DATE", kb_id="1803-03-12")
    doc.spans["dates"] = [date]
    families.get_pipe("depeche_resolver")(doc)
    assert [(m["text"], m["label"]) for m in doc._.mentions] == [
        ("Conseil d'Etat", "ORG"), ("12 mars 1803", "DATE")]


@pytest.mark.parametrize(("words", "ents", "expected"), [
    (["l'", "association", '"', "Fleur", "d'", "Espoir", '"'], [(1, 6, "ORG")],
     [("Fleur d'Espoir", "ORG")]),
    (["Ma", "Ville", "et", "Nous", "»", "a", "dit"], [(0, 5, "ORG")],
     [("Ma Ville et Nous", "ORG")]),
    (["la", "Chambre", "des", "députés", "de", "la"], [(1, 5, "ORG")],
     [("Chambre des députés", "ORG")]),
], ids=["quote opened inside", "quote closed inside", "trailing preposition"])
def test_model_span_edges_are_trimmed(blank: Language, words: list[str],
                                      ents: list[tuple[int, int, str]],
                                      expected: list[tuple[str, str]]) -> None:
    assert texts_and_labels(blank, words, ents) == expected


def test_a_family_span_with_evidence_beats_a_family_copy_of_a_model_span(
        families: Language) -> None:
    doc = Doc(families.vocab, words=["l'", "usine", '"', "Podalis", '"', "a", "brûlé"])
    person = Span(doc, 3, 4, label="PER")
    org = Span(doc, 3, 4, label="ORG", kb_id="podalis")
    doc.spans["people"] = [person]
    doc.spans["organisations"] = [org]
    set_span_attrs(person, "people", rule="people.model")
    set_span_attrs(org, "organisations", rule="organisations.named_by_noun")
    families.get_pipe("depeche_resolver")(doc)
    assert [(m["text"], m["label"]) for m in doc._.mentions] == [("Podalis", "ORG")]


@pytest.mark.parametrize(("words", "ents", "expected"), [
    (["la", "ville", "de", "Toronto"], [(1, 4, "LOC")], [("Toronto", "LOC")]),
    (["l'", "aéroport", "d'", "Athènes"], [(1, 4, "LOC")], [("Athènes", "LOC")]),
    (["l'", "État", "de", "Bahia"], [(1, 4, "LOC")], [("Bahia", "LOC")]),
    (["la", "ville", "de", "la", "Rochelle"], [(1, 5, "LOC")], [("Rochelle", "LOC")]),
    (["la", "Ville", "Lumière"], [(1, 3, "LOC")], [("Ville Lumière", "LOC")]),
], ids=["ville de", "aéroport d'", "État de", "ville de la", "no link"])
def test_generic_place_heads_are_cut_from_model_spans(blank: Language, words: list[str],
                                                      ents: list[tuple[int, int, str]],
                                                      expected: list[tuple[str, str]]) -> None:
    assert texts_and_labels(blank, words, ents) == expected


def test_a_model_span_wrapping_a_person_and_one_word_is_dropped(families: Language) -> None:
    doc = Doc(families.vocab, words=["Monsieur", "Lucien", "Morel", "est", "parti"])
    doc.ents = [Span(doc, 0, 3, label="LOC")]
    person = Span(doc, 1, 3, label="PER")
    doc.spans["people"] = [person]
    set_span_attrs(person, "people", rule="people.honorific", title="Monsieur")
    families.get_pipe("depeche_resolver")(doc)
    assert [(m["text"], m["label"], m["title"]) for m in doc._.mentions] == [
        ("Lucien Morel", "PER", "Monsieur")]


@pytest.mark.parametrize(("word", "label"), [
    ("I", "LOC"), ("AI", "PER"), ("Hier", "LOC"), ("Vendredi", "LOC"), ("Suisses", "PER"),
    ("Collège", "LOC")])
def test_one_word_model_spans_that_are_no_names_are_dropped(blank: Language, word: str,
                                                            label: str) -> None:
    assert resolve(blank, [word, ",", "il", "pleut"], [(0, 1, label)]) == []


def test_a_people_copy_of_a_model_span_gets_the_same_checks(families: Language) -> None:
    doc = Doc(families.vocab, words=["Les", "Suisses", "votent", "avec", "Dupont"])
    copies = [Span(doc, 1, 2, label="PER"), Span(doc, 4, 5, label="PER")]
    doc.spans["people"] = copies
    for span in copies:
        set_span_attrs(span, "people", rule="people.model")
    families.get_pipe("depeche_resolver")(doc)
    assert [m["text"] for m in doc._.mentions] == ["Dupont"]


@pytest.mark.parametrize(("norm", "entity_id"), [
    ("2025-01-06", "date:2025-01-06"), ("2025", "date:2025"), ("XXXX-11-24", None), ("", None)])
def test_only_fully_valued_dates_link_across_stories(families: Language, norm: str,
                                                     entity_id: str | None) -> None:
    doc = Doc(families.vocab, words=["Il", "viendra", "lundi", "."])
    date = Span(doc, 2, 3, label="DATE", kb_id=norm)
    doc.spans["dates"] = [date]
    set_span_attrs(date, "dates", rule="dates.weekday", form="relative")
    families.get_pipe("depeche_resolver")(doc)
    [mention] = doc._.mentions
    assert (mention["entity_id"], mention["norm"] or "") == (entity_id, norm)


@pytest.mark.parametrize(("words", "ents", "expected"), [
    (["le", "ministre", "de", "l'", "Intérieur", "a", "parlé"], [(1, 5, "ORG")], []),
    (["la", "présidente", "de", "la", "BCE"], [(1, 5, "ORG")], []),
    (["le", "ministère", "de", "l'", "Intérieur"], [(1, 5, "ORG")],
     [("ministère de l'Intérieur", "ORG")]),
], ids=["ministre", "présidente", "ministère stays"])
def test_model_spans_opening_with_a_function_word_are_dropped(
        blank: Language, words: list[str], ents: list[tuple[int, int, str]],
        expected: list[tuple[str, str]]) -> None:
    assert texts_and_labels(blank, words, ents) == expected


def test_the_resolver_finds_the_families_in_the_pipeline(blank: Language,
                                                         families: Language) -> None:
    assert [(f.spans_key, f.rank) for f in families.get_pipe("depeche_resolver").families] == [
        ("datelines", 10), ("dates", 20), ("people", 30), ("organisations", 40),
        ("countries", 50), ("places", 60)]
    assert blank.create_pipe("depeche_resolver").families == []


def test_a_pipeline_without_families_reads_no_span_group(blank: Language) -> None:
    doc = Doc(blank.vocab, words=["Il", "viendra", "lundi", "."])
    date = Span(doc, 2, 3, label="DATE", kb_id="2025-01-06")
    doc.spans["dates"] = [date]
    blank.create_pipe("depeche_resolver")(doc)
    assert doc._.mentions == []


def test_the_resolver_reads_the_span_group_a_family_is_configured_with() -> None:
    nlp = add_components(spacy.blank("fr"), {"depeche_countries": {"spans_key": "pays"},
                                             "depeche_places": {"spans_key": "villes"}})
    doc = nlp("Le Mali a voté à Lyon.")
    assert "countries" not in doc.spans and "places" not in doc.spans
    assert [(m["text"], m["label"], m["source"]) for m in doc._.mentions] == [
        ("Mali", "COUNTRY", "pays"), ("Lyon", "LOC", "villes")]


class Gazette(EntityFamily):
    """A stand-in family that tags ``Lyon`` as a LOC, at a given rank."""

    spans_key = "gazette"

    def __init__(self, rank: int) -> None:
        self.rank = rank

    def process(self, doc: Doc) -> list[tuple[Span, dict[str, Any]]]:
        return [(Span(doc, t.i, t.i + 1, label="LOC"), {"rule": "gazette.list"})
                for t in doc if t.text == "Lyon"]


@Language.factory("test_gazette", default_config={"rank": 5})
def make_gazette(nlp: Language, name: str, rank: int) -> Gazette:
    return Gazette(rank)


@pytest.mark.parametrize(("rank", "source"), [(5, "gazette"), (99, "places")])
def test_equal_spans_are_ranked_by_the_family_rank(rank: int, source: str) -> None:
    nlp = spacy.blank("fr")
    nlp.add_pipe("test_gazette", config={"rank": rank})
    add_components(nlp)
    assert Family("gazette", rank) in nlp.get_pipe("depeche_resolver").families
    assert [(m["text"], m["source"]) for m in nlp("Il vit à Lyon.")._.mentions] == [
        ("Lyon", source)]


def test_a_surname_seen_in_a_full_name_is_a_person_everywhere_in_the_story(
        blank: Language) -> None:
    words = ["Lucie", "Marchand", "est", "arrivée", ".", "Ensuite", "Marchand", "a", "parlé"]
    found = resolve(blank, words, [(0, 2, "PER"), (6, 7, "LOC")])
    assert [(text, label) for text, label, _, _ in found] == [("Lucie Marchand", "PER"),
                                                             ("Marchand", "PER")]


def test_the_same_name_takes_the_majority_label_in_a_story(blank: Language) -> None:
    words = ["Valdor", "recrute", ".", "Valdor", "investit", ".", "Chez", "Valdor", "on", "rit"]
    found = resolve(blank, words, [(0, 1, "ORG"), (3, 4, "ORG"), (7, 8, "LOC")])
    assert [label for _, label, _, _ in found] == ["ORG", "ORG", "ORG"]


def test_a_tie_between_labels_changes_nothing(blank: Language) -> None:
    words = ["Valdor", "recrute", ".", "Chez", "Valdor", "on", "rit"]
    found = resolve(blank, words, [(0, 1, "ORG"), (4, 5, "LOC")])
    assert [label for _, label, _, _ in found] == ["ORG", "LOC"]


@pytest.mark.parametrize(("words", "ents", "expected"), [
    (["Selon", "Paul", "Vernier", "a", "déclaré", "hier"], [(1, 3, "LOC")],
     [("Paul Vernier", "PER")]),
    # a speaker no gazetteer knows and that does not look like a person: no evidence
    # against the model's reading
    (["Ensuite", "Brenalux", "affirme", "le", "contraire"], [(1, 2, "LOC")],
     [("Brenalux", "LOC")]),
    # a speaker the organisation gazetteer knows is the body
    (["Ensuite", "Airbus", "a", "affirmé", "le", "contraire"], [(1, 2, "LOC")],
     [("Airbus", "ORG")]),
    # a speaker the story names in full elsewhere is that person
    (["Nadia", "Brenault", "arrive", ".", "Brenault", "a", "déclaré", "non"],
     [(0, 2, "PER"), (4, 5, "LOC")], [("Nadia Brenault", "PER"), ("Brenault", "PER")]),
    # a known place that speaks stays a place, but a capital speaks for its country
    (["Ensuite", "Almaty", "affirme", "le", "contraire"], [(1, 2, "LOC")],
     [("Almaty", "LOC")]),
    (["Ensuite", "Astana", "affirme", "le", "contraire"], [(1, 2, "LOC")],
     [("Astana", "COUNTRY")]),
    (["Il", "vit", "à", "Brenalux", "depuis", "mai"], [(3, 4, "LOC")], [("Brenalux", "LOC")]),
    (["l'", "affaire", "Dorvain", "rebondit"], [(2, 3, "LOC")], []),
    # inhabitants are people, not a place; a place name after `le` stays
    (["les", "Lillois", "votent"], [(1, 2, "LOC")], []),
    (["le", "Valais", "vote"], [(1, 2, "LOC")], [("Valais", "LOC")]),
    # a name that ends with an English place word is a place, not a person
    (["un", "pub", "de", "Carnaby", "Street", "ferme"], [(3, 5, "PER")],
     [("Carnaby Street", "LOC")]),
    (["Il", "a", "vu", "Paul", "Streeter", "hier"], [(3, 5, "PER")],
     [("Paul Streeter", "PER")]),
    # a known place after `à` or `de` that the story never gives as a person's full name is a
    # place
    (["vendus", "à", "Ostrava", "."], [(2, 3, "PER")], [("Ostrava", "LOC")]),
    (["le", "maire", "de", "Brno", "a", "parlé"], [(3, 4, "PER")], [("Brno", "LOC")]),
    # a surname alone after `de` that names no known place stays a person's
    (["la", "démission", "de", "Brenault", "surprend"], [(3, 4, "PER")], [("Brenault", "PER")]),
    (["Paul", "Vernier", "arrive", ".", "Elle", "écrit", "à", "Vernier", "."],
     [(0, 2, "PER"), (7, 8, "PER")], [("Paul Vernier", "PER"), ("Vernier", "PER")]),
    # an abbreviation of the lower-case words before it is a common noun's, no body
    (["des", "avions", "largueurs", "d'", "eau", "(", "ALE", ")", "volent"], [(6, 7, "ORG")],
     []),
    (["la", "Régie", "des", "eaux", "(", "RDE", ")", "coupe"], [(5, 6, "ORG")],
     [("RDE", "ORG")]),
    # a body's name after an indefinite article is one of its products
    (["Il", "conduit", "une", "Peugeot", "grise"], [(3, 4, "ORG")], []),
    (["Il", "quitte", "Peugeot", "demain"], [(2, 3, "ORG")], [("Peugeot", "ORG")]),
    # a common given name alone that is no known place is a person's
    (["Ensuite", "Lucie", "est", "partie"], [(1, 2, "LOC")], [("Lucie", "PER")]),
    (["Il", "vit", "à", "Florence", "depuis", "mai"], [(3, 4, "LOC")], [("Florence", "LOC")]),
])
def test_a_place_by_its_neighbours(blank: Language, words: list[str],
                                   ents: list[tuple[int, int, str]],
                                   expected: list[tuple[str, str]]) -> None:
    assert texts_and_labels(blank, words, ents) == expected


def test_a_company_noun_introduces_an_organisation(nlp: Language) -> None:
    doc = nlp("L'énergéticien allemand Voltrana a racheté trois centrales près de Lyon.")
    assert ("Voltrana", "ORG") in [(m["text"], m["label"]) for m in doc._.mentions]


def ids(nlp: Language, words: list[str], ents: list[tuple[int, int, str]]
        ) -> list[tuple[str, str, str | None]]:
    """Text, label and entity id of the mentions the resolver alone makes of model ``ents``."""
    doc = Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    nlp.create_pipe("depeche_resolver")(doc)
    return [(m["text"], m["label"], m["entity_id"]) for m in doc._.mentions]


def test_an_acronym_links_to_the_name_it_abbreviates_in_the_story(blank: Language) -> None:
    words = ["Le", "Racing", "Club", "Marennes", "gagne", ".", "Le", "RCM", "reste", "leader"]
    assert ids(blank, words, [(1, 4, "ORG"), (7, 8, "LOC")]) == [
        ("Racing Club Marennes", "ORG", "org:racing-club-marennes"),
        ("RCM", "ORG", "org:racing-club-marennes")]


@pytest.mark.parametrize(("words", "ents"), [
    # the letters are not the name's initials
    (["Le", "Racing", "Club", "Marennes", "gagne", ".", "Le", "RCB", "perd"],
     [(1, 4, "ORG"), (7, 8, "ORG")]),
    # two names with the same initials: which one is meant is unknown
    (["Le", "Racing", "Club", "Marennes", "et", "la", "Route", "Côtière", "Modernisée", ".",
      "Le", "RCM", "perd"], [(1, 4, "ORG"), (6, 9, "ORG"), (11, 12, "ORG")]),
])
def test_an_acronym_without_one_matching_name_stays_alone(
        blank: Language, words: list[str], ents: list[tuple[int, int, str]]) -> None:
    found = ids(blank, words, ents)
    assert found[-1] == (words[ents[-1][0]], "ORG", f"org:{slug(words[ents[-1][0]])}")


@pytest.mark.parametrize(("words", "ents", "expected"), [
    # the noun that introduces a body's name stays out of the model's span
    (["Elle", "a", "quitté", "la", "banque", "Ostrava", "hier"], [(4, 6, "ORG")],
     [("Ostrava", "ORG")]),
    (["au", "lycée", "Jules", "Ferry", "de", "Brest"], [(1, 4, "LOC")],
     [("lycée Jules Ferry", "LOC")]),
    # a function that opens a model span, capitalised or not, is no body's name
    (["Mme", "Roux", ",", "Présidente", "de", "l'", "association", ",", "part"],
     [(3, 7, "ORG")], []),
    # a capitalised word of a function that opens a body's name keeps it
    (["la", "Haute", "Autorité", "de", "santé", "tranche"], [(1, 5, "ORG")],
     [("Haute Autorité de santé", "ORG")]),
    # a past participle opening a sentence before its complement is no name
    (["Il", "tombe", ".", "Transportée", "à", "l'", "hôpital", ",", "elle", "guérit"],
     [(3, 4, "ORG")], []),
    # a name opening a sentence before a preposition stays
    (["Il", "tombe", ".", "Valdor", "à", "l'", "appui", ",", "il", "part"],
     [(3, 4, "ORG")], [("Valdor", "ORG")]),
])
def test_model_spans_that_hold_no_name_or_more_than_the_name(
        blank: Language, words: list[str], ents: list[tuple[int, int, str]],
        expected: list[tuple[str, str]]) -> None:
    assert texts_and_labels(blank, words, ents) == expected


def labels(nlp: Language, words: list[str], ents: list[tuple[int, int, str]],
           **config: Any) -> list[tuple[str, str]]:
    """Text and label of the mentions the resolver alone, with ``config``, makes of ``ents``."""
    return [(text, label) for text, label, _, _ in resolve(nlp, words, ents, **config)]


QUOTED = ["Elle", "préside", "l'", "association", "«", "Mon", "toit", ",", "mon", "espoir", "»"]
NAMED = ["Elle", "préside", "l'", "association", "«", "Terre", "Claire", "»"]


PHRASE_NAME_CASES: list[tuple[Any, ...]] = [
    (QUOTED, [(5, 10, "ORG")], True, [("Mon toit , mon espoir", "ORG")]),
    (QUOTED, [(5, 10, "ORG")], False, []),
    (NAMED, [(5, 7, "ORG")], False, [("Terre Claire", "ORG")]),
]


PLACE_IN_NAME_CASES: list[tuple[Any, ...]] = [
    (["la", "Garde", "nationale", "de", "Niamey", "enquête"], [(1, 5, "ORG")], True,
     [("Garde nationale de Niamey", "ORG")]),
    (["la", "Garde", "nationale", "de", "Niamey", "enquête"], [(1, 5, "ORG")], False,
     [("Garde nationale", "ORG"), ("Niamey", "LOC")]),
    (["la", "Bourse", "d'", "Allemagne", "chute"], [(1, 4, "ORG")], False,
     [("Bourse", "ORG"), ("Allemagne", "COUNTRY")]),
    # a name left without a capital is no name; the place stays
    (["l'", "université", "de", "Prague", "ferme"], [(1, 4, "ORG")], False,
     [("Prague", "LOC")]),
    # a name the organisation gazetteer knows whole stays whole
    (["la", "Banque", "de", "France", "prête"], [(1, 4, "ORG")], False,
     [("Banque de France", "ORG")]),
    # a site's name too
    (["la", "Centrale", "du", "Lac", "Bleu", "du", "Japon", "ferme"], [(1, 7, "LOC")], False,
     [("Centrale du Lac Bleu", "LOC"), ("Japon", "COUNTRY")]),
    # a place the gazetteer knows whole stays whole
    (["la", "République", "démocratique", "du", "Congo", "vote"], [(1, 5, "LOC")], False,
     [("République démocratique du Congo", "COUNTRY")]),
    # a quoted name keeps its place
    (["l'", "association", "«", "Amis", "de", "Lyon", "»", "rit"], [(3, 6, "ORG")], False,
     [("Amis de Lyon", "ORG")]),
    # the last words are no known place
    (["la", "Société", "des", "Amis", "de", "Brenalux", "rit"], [(1, 6, "ORG")], False,
     [("Société des Amis de Brenalux", "ORG")]),
]


def run_with_model_ents(nlp: Language, text: str, ents: list[tuple[int, int, str]]
                        ) -> list[tuple[str, str, str | None]]:
    """Run ``nlp`` on ``text`` whose model entities are ``ents`` (token offsets)."""
    doc = nlp.make_doc(text)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return [(m["text"], m["label"], m["entity_id"]) for m in doc._.mentions]


def test_a_people_copy_of_an_opening_participle_is_dropped(families: Language) -> None:
    text = "Il tombe. Impressionnée par la foule, elle sourit."
    assert run_with_model_ents(families, text, [(3, 4, "PER")]) == []


def test_the_palace_is_a_place_and_the_elysee_the_presidency(families: Language) -> None:
    # the palace is a building; `l'Élysée` alone stands for the presidency
    text = "Ils ont marché vers le Palais de l'Élysée. L'Élysée a réagi."
    assert run_with_model_ents(families, text, [(5, 9, "LOC")]) == [
        ("Palais de l'Élysée", "LOC", "loc:palais-de-l-elysee"),
        ("Élysée", "ORG", "org:elysee")]


@pytest.mark.parametrize(("text", "expected"), [
    # a club and its acronym are one entity when the gazetteer knows it
    ("Le Paris Saint-Germain a gagné. Le PSG reste premier.",
     [("Paris Saint-Germain", "ORG", "org:PSG"), ("PSG", "ORG", "org:PSG")]),
    ("L'Olympique de Marseille recrute.", [("Olympique de Marseille", "ORG", "org:OM")]),
])
def test_gazetteer_forms_in_the_story(families: Language, text: str,
                                      expected: list[tuple[str, str, str]]) -> None:
    doc = families(text)
    assert [(m["text"], m["label"], m["entity_id"]) for m in doc._.mentions] == expected


PRESS = ["Selon", "la", "«", "Gazette", "du", "Soir", "»", ",", "il", "pleut"]
CLUB = ["Il", "préside", "l'", "association", "«", "Amis", "du", "Soir", "»"]


PRESS_TITLE_CASES: list[tuple[Any, ...]] = [
    (PRESS, [(3, 6, "ORG")], False, [("Gazette du Soir", "ORG")]),
    (PRESS, [(3, 6, "ORG")], True, [("Gazette du Soir", "MISC")]),
    # a title that is a country's name is the newspaper's, not the country
    (["On", "lit", "dans", "la", "«", "Belgique", "»", "que"], [(5, 6, "LOC")], True,
     [("Belgique", "MISC")]),
    # a quoted name after a body's noun is the body
    (CLUB, [(5, 8, "ORG")], True, [("Amis du Soir", "ORG")]),
    # a body the gazetteer knows keeps its label
    (["selon", "le", "«", "Parlement", "européen", "»"], [(3, 5, "ORG")], True,
     [("Parlement européen", "ORG")]),
]


@pytest.mark.parametrize(("option", "words", "ents", "value", "expected"), [
    *[("phrase_names", *case) for case in PHRASE_NAME_CASES],
    *[("place_in_name", *case) for case in PLACE_IN_NAME_CASES],
    *[("press_titles_misc", *case) for case in PRESS_TITLE_CASES],
])
def test_the_options_of_a_gold_set_convention(blank: Language, option: str, words: list[str],
                                              ents: list[tuple[int, int, str]], value: bool,
                                              expected: list[tuple[str, str]]) -> None:
    assert labels(blank, words, ents, **{option: value}) == expected


@pytest.mark.parametrize(("words", "ents", "expected"), [
    # an upper-case heading word is a place
    (["Il", "part", ".", "\n", "NORMANDIE", ".", "Le", "vent", "souffle"], [(4, 5, "ORG")],
     [("NORMANDIE", "LOC")]),
    # an acronym is no heading
    (["Il", "part", ".", "\n", "UNEF", ".", "Le", "vent", "souffle"], [(4, 5, "ORG")],
     [("UNEF", "ORG")]),
    (["Il", "part", ".", "\n", "MORAVIE", ",", "3", "mars", "."], [(4, 5, "ORG")],
     [("MORAVIE", "LOC")]),
    # a body's acronym before an apposition is no heading
    (["Il", "part", ".", "\n", "BRENALUX", ",", "le", "parti", "gagne"], [(4, 5, "ORG")],
     [("BRENALUX", "ORG")]),
    # an upper-case word inside a sentence is no heading
    (["Il", "a", "rejoint", "BRENALUX", ",", "puis", "rit"], [(3, 4, "ORG")],
     [("BRENALUX", "ORG")]),
])
def test_upper_case_headings_are_places(blank: Language, words: list[str],
                                        ents: list[tuple[int, int, str]],
                                        expected: list[tuple[str, str]]) -> None:
    assert labels(blank, words, ents) == expected


@pytest.mark.parametrize(("lower_case_openings", "expected"), [
    (True, [("rue Neuve", "LOC"), ("Lille", "LOC")]),
    (False, [("Lille", "LOC")]),
])
def test_names_opening_with_a_lower_case_word(blank: Language, lower_case_openings: bool,
                                              expected: list[tuple[str, str]]) -> None:
    words = ["Un", "café", "de", "la", "rue", "Neuve", "à", "Lille", "ferme"]
    assert labels(blank, words, [(4, 6, "LOC"), (7, 8, "LOC")],
                  lower_case_openings=lower_case_openings) == expected


@pytest.mark.parametrize(("words", "ents", "expected"), [
    # the subject of a reporting verb
    (["Washington", "a", "annoncé", "de", "nouvelles", "sanctions"], [(0, 1, "LOC")],
     [("Washington", "COUNTRY", "US", "États-Unis")]),
    (["Pékin", "affirme", "que", "le", "navire", "a", "dévié"], [(0, 1, "LOC")],
     [("Pékin", "COUNTRY", "CN", "Chine")]),
    # a source after `selon` or `d'après`, an inverted subject
    (["Selon", "Ottawa", ",", "le", "traité", "tient"], [(1, 2, "LOC")],
     [("Ottawa", "COUNTRY", "CA", "Canada")]),
    (["D'", "après", "Canberra", ",", "rien", "ne", "change"], [(2, 3, "LOC")],
     [("Canberra", "COUNTRY", "AU", "Australie")]),
    (["«", "Non", "»", ",", "a", "répondu", "Madrid", "."], [(6, 7, "LOC")],
     [("Madrid", "COUNTRY", "ES", "Espagne")]),
    # a capital that does not speak is a place; a city that is no capital stays a place
    (["Il", "a", "quitté", "Madrid", "hier"], [(3, 4, "LOC")],
     [("Madrid", "LOC", None, "Madrid")]),
    (["Le", "ministre", "arrive", "à", "Ottawa", "."], [(4, 5, "LOC")],
     [("Ottawa", "LOC", None, "Ottawa")]),
    (["Marseille", "a", "annoncé", "un", "plan"], [(0, 1, "LOC")],
     [("Marseille", "LOC", None, "Marseille")]),
])
def test_a_capital_that_speaks_is_its_country(blank: Language, words: list[str],
                                              ents: list[tuple[int, int, str]],
                                              expected: list[tuple[str, str, Any, str]]) -> None:
    doc = Doc(blank.vocab, words=words,
              spaces=[w not in ("D'",) and (i + 1 == len(words) or words[i + 1] not in ",.")
                      for i, w in enumerate(words)])
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    blank.create_pipe("depeche_resolver")(doc)
    assert [(m["text"], m["label"], m["norm"], m["entity_name"])
            for m in doc._.mentions] == expected
