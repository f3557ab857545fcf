"""extract(): the tables as DataFrames, with the columns and types of the files."""

from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from spacy.language import Language

from pipeline import extract
from pipeline.io.tables import TABLE_NAMES, read_table
from pipeline.runner import run
from tests.conftest import ROOT

TEXTS = [
    "BRUXELLES, 4 mars 2024 (AFP) - La ministre belge des Affaires étrangères, Claire Vasseur, "
    "a reçu lundi son homologue polonais à Bruxelles. « Nous voulons avancer ensemble », "
    "a déclaré Mme Vasseur.",
    "L'OTAN a annoncé mardi un exercice en Norvège avec la participation de la Finlande.",
]


@pytest.fixture(scope="module")
def frames(nlp: Language) -> dict[str, pd.DataFrame]:
    return extract(TEXTS, nlp=nlp)


@pytest.mark.model
def test_every_table_has_the_columns_and_dtypes_of_read_table(
        frames: dict[str, pd.DataFrame], nlp: Language, tmp_path: Path) -> None:
    stories = tmp_path / "stories.jsonl"
    stories.write_text("".join(json.dumps({"id": str(i), "text": t}, ensure_ascii=False) + "\n"
                               for i, t in enumerate(TEXTS)), encoding="utf-8")
    run([stories], tmp_path / "out", nlp=nlp)
    assert list(frames) == list(TABLE_NAMES)
    for name in TABLE_NAMES:
        expected = read_table(tmp_path / "out", name)
        if name in ("documents", "errors"):
            expected["input"] = expected["input"].mask(expected["input"] == str(stories),
                                                       "<memory>")
        assert frames[name].dtypes.to_dict() == expected.dtypes.to_dict(), name
        pd.testing.assert_frame_equal(frames[name], expected, obj=name)


@pytest.mark.model
def test_texts_are_numbered_and_processed(frames: dict[str, pd.DataFrame]) -> None:
    documents = frames["documents"]
    assert documents["doc_id"].tolist() == ["0", "1"]
    assert documents["input"].tolist() == ["<memory>", "<memory>"]
    assert documents["date"].tolist() == ["2024-03-04", pd.NA]
    mentions = frames["mentions"]
    found = set(zip(mentions["doc_id"], mentions["text"], mentions["label"], strict=True))
    assert {("0", "Claire Vasseur", "PER"), ("0", "belge", "COUNTRY"),
            ("1", "OTAN", "ORG"), ("1", "Norvège", "COUNTRY")} <= found
    entities = frames["entities"].set_index("entity_id")
    assert entities.loc["org:OTAN", "wikidata"] == "Q7184"
    quotes = frames["quotes"]
    assert quotes["speaker_id"].tolist() == ["per:claire-vasseur"]


@pytest.mark.model
def test_a_dataframe_with_its_own_column_names(nlp: Language) -> None:
    stories = pd.DataFrame({
        "uid": ["a-1", "a-2"],
        "corps": ["Le Premier ministre est arrivé hier à Varsovie.",
                  "La Commission européenne a publié hier ses prévisions."],
        "publié": [pd.Timestamp("2024-11-24 08:00"), pd.NaT],
        "title": ["Visite", None],
    })
    tables = extract(stories, nlp=nlp, text_column="corps", id_column="uid",
                     date_column="publié", date="2025-01-10")
    documents = tables["documents"]
    assert documents[["doc_id", "date", "date_source", "title"]].astype(object).where(
        documents[["doc_id", "date", "date_source", "title"]].notna(), None).values.tolist() == [
        ["a-1", "2024-11-24", "field", "Visite"], ["a-2", "2025-01-10", "option", None]]
    hier = tables["mentions"].query("text == 'hier'").set_index("doc_id")["norm"].to_dict()
    assert hier == {"a-1": "2024-11-23", "a-2": "2025-01-09"}


@pytest.mark.model
def test_a_path_is_read_as_depeche_run_reads_it(nlp: Language) -> None:
    tables = extract(ROOT / "corpus", nlp=nlp)
    assert tables["documents"]["input"].tolist() == [str(ROOT / "corpus" /
                                                         "000_76d78a2bedede6b9.txt")]
    assert len(tables["mentions"]) == len(read_table(ROOT / "outputs", "mentions"))


def test_a_dataframe_without_the_text_column_is_refused() -> None:
    with pytest.raises(ValueError, match="no 'text' column"):
        extract(pd.DataFrame({"body": ["Texte."]}))


def test_a_string_that_is_no_path_is_refused() -> None:
    with pytest.raises(ValueError, match=r"a text to process goes in a list"):
        extract("Emmanuel Macron est à Lyon.")


@pytest.mark.model
def test_readme_dataframes_example_output_is_current(nlp: Language) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### DataFrames in a notebook", 1)[1]
    code, printed = re.findall(r"```(?:python)?\n(.*?)```", section, flags=re.S)[:2]
    code = code.replace("nlp = build_nlp()", "nlp = shared_nlp")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, {"shared_nlp": nlp})  # noqa: S102 - our own README
    assert out.getvalue() == printed
