"""People family: honorifics, functions, the model's PER spans checked, name linking.

Cases use inline markup on spacy.blank("fr"): ``{Sadyr Japarov}`` marks a PER entity that the
statistical model is supposed to have found (set by hand in ``doc.ents``); ``[M. Japarov](PER
clé=valeur ...)`` marks an expected people span with its values (``title``, ``function``,
``canonical``, ``first``, ``last``, ``form``, ``rule``; ``None`` for an absent value). Every
marked span must be found and nothing else. Decisions recorded here: the honorific stays
inside the span (Quaero/HIPE), the function outside; ``le général de Gaulle`` gives the PER
``de Gaulle``; without the model, a bare name with neither honorific nor function is not found.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.entities.gazetteers import GazetteerError
from pipeline.entities.people import PersonExtractor, link_people, span_key
from pipeline.extensions import get_span_attrs
from tests.markup import blank_fixture, blank_pipeline, split_annotation

# --------------------------------------------------------------------------- markup


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


def test_markup_parser() -> None:
    text, model, expected = parse_markup("a dit [{M. Japarov}](PER title=M. canonical=Sadyr "
                                         "Japarov).")
    assert text == "a dit M. Japarov."
    assert model == [(6, 16)]
    assert expected == [(6, 16, {"label": "PER", "title": "M.",
                                 "canonical": "Sadyr Japarov"})]


# --------------------------------------------------------------------------- running


people_nlp = blank_fixture("depeche_people")


def make_doc(nlp: Language, text: str, model: list[tuple[int, int]]) -> Doc:
    """A hand-built Doc whose ``doc.ents`` hold the model's PER spans."""
    doc = nlp.make_doc(text)
    ents = [doc.char_span(s, e, label="PER") for s, e in model]
    assert all(ents), "model span not aligned to tokens"
    doc.ents = ents
    return doc


popcorn_nlp = blank_fixture("depeche_people", config={"honorific_in_span": False})
hipe_nlp = blank_fixture("depeche_people", config={"extent": "hipe"})


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


CASES = [
    # function + name: the function stays outside
    pytest.param("Selon le président kirghize [Sadyr Japarov](PER rule=people.function "
                 "function=président first=Sadyr last=Japarov form=name), la République...",
                 id="president-kirghize"),
    pytest.param("le ministre russe des Affaires étrangères [Sergueï Lavrov](PER "
                 "function=ministre)", id="ministre-des-affaires-etrangeres"),
    pytest.param("le Premier ministre [Narendra Modi](PER function=Premier ministre)",
                 id="premier-ministre"),
    pytest.param("la Première ministre [Élisabeth Borne](PER function=Première ministre)",
                 id="premiere-ministre"),
    pytest.param("le porte-parole du Kremlin, [Dmitri Peskov](PER function=porte-parole), a dit",
                 id="apposition-after-comma"),
    pytest.param("le secrétaire général de l’ONU [António Guterres](PER function=secrétaire "
                 "général)", id="secretaire-general-de-l-onu"),
    pytest.param("la présidente de la Commission européenne [Ursula von der Leyen](PER "
                 "first=Ursula last=von der Leyen)", id="von-der-leyen"),
    pytest.param("le chancelier allemand [Friedrich Merz](PER function=chancelier)",
                 id="chancelier"),
    pytest.param("le président syrien [Bachar al-Assad](PER first=Bachar last=al-Assad)",
                 id="al-assad"),
    pytest.param("le prince héritier saoudien [Mohammed ben Salmane](PER function=prince "
                 "héritier last=ben Salmane)", id="ben-salmane"),
    pytest.param("le roi [Charles III](PER function=roi)", id="regnal-number"),
    pytest.param("le pape [Léon XIV](PER function=pape)", id="pape"),
    pytest.param("le ministre de l’Économie et des Finances [Roland Lescure](PER "
                 "function=ministre)", id="two-complements"),
    pytest.param("le Premier ministre du Royaume-Uni [Keir Starmer](PER)", id="royaume-uni"),
    pytest.param("le président [Macron](PER form=short last=Macron first=None)",
                 id="surname-only"),
    pytest.param("le général [de Gaulle](PER function=général last=de Gaulle)",
                 id="general-de-gaulle"),
    pytest.param("le président [Japarov](PER) a-t-il dit", id="verb-after-name"),
    # functions without a name
    pytest.param("le président a déclaré que tout allait bien", id="function-without-name"),
    pytest.param("le maire de Paris a déclaré", id="maire-de-paris-no-name"),
    pytest.param("selon le ministre, Moscou refuse", id="apposition-needs-full-name"),
    # honorific + name: the honorific stays inside
    pytest.param("a déclaré [M. Japarov](PER title=M. canonical=Japarov form=short)",
                 id="monsieur"),
    pytest.param("[Mme Dupont](PER title=Mme last=Dupont) a répondu", id="madame"),
    pytest.param("[MM. Dupont](PER title=MM.) et [Durand](PER title=None "
                 "rule=people.honorific_list) sont arrivés", id="messieurs-list"),
    pytest.param("[Mlle Martin](PER title=Mlle)", id="mademoiselle"),
    pytest.param("[Me Dupond-Moretti](PER title=Me last=Dupond-Moretti) plaide",
                 id="maitre-hyphenated"),
    pytest.param("[Dr Martin](PER title=Dr) et [Pr Raoult](PER title=Pr)", id="dr-pr"),
    pytest.param("[Mgr Lustiger](PER title=Mgr)", id="monseigneur"),
    pytest.param("[Sir Keir Starmer](PER title=Sir first=Keir last=Starmer)", id="sir"),
    pytest.param("[M. Le Pen](PER title=M. last=Le Pen)", id="particle-le"),
    pytest.param("Mme a répondu aux questions", id="honorific-alone"),
    pytest.param("M. le président a répondu", id="honorific-before-function"),
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
    # historical and foreign honorifics
    pytest.param("représenté par le [sieur Louis Auguste Bovet](PER title=sieur) son tuteur",
                 id="sieur"),
    pytest.param("les [sieurs Jean-Paul Cuendet](PER title=sieurs), et [Louis Tissot](PER "
                 "rule=people.honorific_list)", id="sieurs-list"),
    pytest.param("que ladite [demoiselle Brandt](PER title=demoiselle) soit", id="demoiselle"),
    pytest.param("a reçu de [sir Henry Blakewell](PER title=sir) la dépêche",
                 id="sir-lower-case"),
    pytest.param("aux partisans de [don Fernando](PER title=don).", id="don"),
    pytest.param("[Sœur Marthe Delorme](PER title=Sœur), la directrice", id="soeur"),
    # maiden names belong to the mention
    pytest.param("le public est informé que [{Louise} née Vasseur](PER first=None "
                 "last=Louise), femme de", id="maiden-name"),
    pytest.param("et de [{Marthe} née {Girardin}](PER), morte le 14", id="maiden-name-model-span"),
    pytest.param("[{Madame Odile}](PER), née le 12 avril 1975", id="nee-before-date-is-not-name"),
    # abbreviated given names, elisions, regnal numbers
    pytest.param("en remplacement de [M. {Ed}. Guyot](PER title=M.), puis", id="abbrev-ed"),
    pytest.param("les créanciers du citoyen [{Aug. Chappuis}](PER first=Aug.) sont invités",
                 id="abbrev-aug"),
    pytest.param("Em. a écrit", id="abbreviation-without-name"),
    pytest.param("1811, {T'}offre au prix de six batz", id="elided-letter-not-a-name"),
    pytest.param("ON DEMANDE A LOUER. {XII}. M.", id="roman-numeral-alone-not-a-name"),
    pytest.param("devant la {Cour d'Appel}, réunie", id="institution-not-a-name"),
    pytest.param("les ordres du {Gouvernement}, puis", id="institution-word-not-a-name"),
    pytest.param("le roi [{Louis XIV}](PER last=Louis XIV)", id="regnal-number-kept"),
    # a name never runs into a following function
    pytest.param("Le Premier ministre de Slovénie [Marko Novak](PER rule=people.function "
                 "function=Premier ministre) Premier ministre de Bulgarie [Ivan "
                 "Petrov-Dimov](PER function=Premier ministre)",
                 id="name-stops-before-capitalised-function"),
    pytest.param("le ministre [Jean Dupont](PER) premier ministre de Croatie",
                 id="name-stops-before-lowercase-function"),
    pytest.param("le maire [Jean Dupont](PER) Secrétaire général du parti", id="stops-before-sg"),
    pytest.param("[M. Dupont](PER title=M.) Président de la République", id="honorific-stops"),
    pytest.param("{[Jean Dupont](PER rule=people.model_trimmed function=None) Président} de la "
                 "société Acme a parlé.", id="model-span-cut-before-function"),
    pytest.param("{[Marko Novak](PER rule=people.model_trimmed) Premier ministre} de "
                 "Slovénie", id="model-span-cut-before-multiword-function"),
    pytest.param("{[Jean Dupont](PER) secrétaire général}", id="model-span-cut-lowercase"),
    pytest.param("[{Bruno Le Maire}](PER rule=people.model last=Le Maire) a dit",
                 id="model-particle-before-function-word-kept"),
    pytest.param("le président [Emmanuel Macron](PER function=président) a reçu le Premier "
                 "ministre [Narendra Modi](PER function=Premier ministre)",
                 id="two-functions-two-names"),
    pytest.param("le Premier ministre indien [Narendra Modi](PER function=Premier ministre)",
                 id="premier-ministre-indien"),
    # hyphenated names split by the model are merged
    pytest.param("[{Ivan Petrov}-{Dimov}](PER rule=people.model_trimmed first=Ivan "
                 "last=Petrov-Dimov) a dit", id="model-split-hyphen-merged"),
    pytest.param("[{Anne}-{Sophie Dupont}](PER first=Anne-Sophie last=Dupont) a dit",
                 id="model-split-first-name-merged"),
    pytest.param("[{Pierre Mendès}{-France}](PER last=Mendès-France)",
                 id="model-split-hyphen-in-second-span"),
    pytest.param("[{Pierre Mendès-}{France}](PER last=Mendès-France)",
                 id="model-split-hyphen-in-first-span"),
    pytest.param("le Premier ministre de Bulgarie [Ivan Petrov-{Dimov}](PER "
                 "function=Premier ministre)", id="function-name-not-cut-at-hyphen"),
    pytest.param("[{Jean Dupont}](PER) - [{Marie Durand}](PER)", id="spaced-dash-not-merged"),
    pytest.param("[{Jean Dupont}](PER)–[{Marie Durand}](PER)", id="en-dash-not-merged"),
    # the complement of a function is not a person's name
    pytest.param("Le Président de la société Acme a parlé.", id="societe-acme-not-a-name"),
    pytest.param("le directeur du groupe Acme Industries a parlé", id="groupe-acme-not-a-name"),
    pytest.param("le patron de l'entreprise pharmaceutique Valmont Santé", id="entreprise-adj"),
    pytest.param("la présidente de l'association « Les Amis du Vercors » [Marie Durand](PER "
                 "function=présidente)", id="quoted-association-closed"),
    pytest.param("la présidente de l'association \"Entraide\" a dit", id="quoted-no-name"),
    pytest.param("le directeur du groupe Renault [Luca de Meo](PER function=directeur)",
                 id="listed-organisation-closed"),
    pytest.param("le gouverneur de la Banque de France [Jean Dupont](PER function=gouverneur)",
                 id="banque-de-france-closed"),
    pytest.param("le président de la Banque Acme a dit", id="capitalised-banque-open"),
    pytest.param("de l'ONG Terre Claire, la présidente de l'association [Claire Vasseur](PER "
                 "function=présidente) a été jointe", id="given-name-after-body-noun"),
    pytest.param("le président du parti Les Verts, [Jean Dupont](PER function=président)",
                 id="apposition-after-open-organisation"),
    pytest.param("un directeur de banque [Jean Dupont](PER function=directeur)",
                 id="generic-noun-without-article"),
    pytest.param("le capitaine de l'équipe de France [Kylian Mbappé](PER function=capitaine)",
                 id="equipe-de-country-closed"),
]


@pytest.mark.parametrize("markup", CASES)
def test_people(people_nlp: Language, markup: str) -> None:
    check(people_nlp, markup)


# --------------------------------------------------------------------------- conventions

#: ``honorific_in_span=False`` (POPCORN): the honorific stays outside, still in ``title``.
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
        nlp = blank_pipeline("depeche_people", config=config)
        doc = nlp.make_doc(text)
        start = text.index(ent)
        doc.ents = [doc.char_span(start, start + len(ent), label=label)]
        spans = list(nlp.get_pipe("depeche_people")(doc).spans["people"])
        assert [s.text for s in spans] == ([want] if want else [])


def test_conventions_share_values(popcorn_nlp: Language, hipe_nlp: Language) -> None:
    text = "a déclaré M. Japarov, président de la République, puis le président Japarov."
    values = []
    for nlp in (spacy.blank("fr"), popcorn_nlp, hipe_nlp):
        if not nlp.pipe_names:
            nlp.add_pipe("depeche_people")
        doc = nlp(text)
        values.append([get_span_attrs(s, "people") for s in doc.spans["people"]])
    assert values[0] == values[1] == values[2]


@pytest.mark.parametrize("config", [{"extent": "quaero"},
                                    {"extent": "hipe", "honorific_in_span": False}])
def test_bad_convention(config: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        spacy.blank("fr").add_pipe("depeche_people", config=config)


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


# --------------------------------------------------------------------------- watch list, config


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


def test_model_span_cut_before_known_place() -> None:
    nlp = blank_pipeline("depeche_people")
    doc = make_doc(nlp, "le président Japarov de Kirghizie", [(13, 33)])
    doc.spans["countries"] = [Span(doc, 4, 5, label="COUNTRY", kb_id="KG")]
    doc = nlp.get_pipe("depeche_people")(doc)
    assert [s.text for s in doc.spans["people"]] == ["Japarov"]


def test_to_bytes_round_trip(people_nlp: Language) -> None:
    doc = people_nlp("le président kirghize Sadyr Japarov a parlé ; M. Japarov a conclu.")
    copy = Doc(people_nlp.vocab).from_bytes(doc.to_bytes())
    assert [(s.text, s.label_) for s in copy.spans["people"]] == [
        ("Sadyr Japarov", "PER"), ("M. Japarov", "PER")]
    assert [get_span_attrs(s, "people") for s in copy.spans["people"]] == \
        [get_span_attrs(s, "people") for s in doc.spans["people"]]
