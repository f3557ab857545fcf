"""The table declarations and their documentation."""

from __future__ import annotations

from pathlib import Path

from pipeline.io.tables import TABLES, markdown, read_table
from tests.conftest import ROOT


def test_docs_tables_md_is_generated_from_the_declarations() -> None:
    written = (ROOT / "docs" / "tables.md").read_text(encoding="utf-8")
    assert written == markdown(), "run: python -m pipeline.io.tables > docs/tables.md"


def test_every_column_has_type_meaning_and_example() -> None:
    for name, (about, cols) in TABLES.items():
        assert about, name
        assert len({c.name for c in cols}) == len(cols), name
        for column in cols:
            assert column.type in {"string", "integer", "json"}, column
            assert column.meaning and column.example, column


def _m(entity_id: str, label: str, sentence: int, form: str = "name") -> dict[str, object]:
    return {"entity_id": entity_id, "label": label, "sentence": sentence, "form": form}


def test_cooccurrences_pair_entities_of_one_sentence_once_per_sentence() -> None:
    from pipeline.io.tables import CooccurrenceIndex, cooccurrence_rows

    mentions = [_m("per:a", "PER", 0), _m("country:KG", "COUNTRY", 0),
                _m("country:KG", "COUNTRY", 0), _m("date:2025", "DATE", 0),
                _m("country:RU", "COUNTRY", 0, form="demonym"),
                _m("per:a", "PER", 3), _m("country:KG", "COUNTRY", 3), _m("org:x", "ORG", 4)]
    rows = cooccurrence_rows(mentions, "d1")
    assert [(r["entity_a"], r["entity_b"], r["n_sentences"], r["sentences"]) for r in rows] == [
        ("country:KG", "per:a", 2, "0|3")]
    totals = CooccurrenceIndex()
    totals.add(rows)
    totals.add(cooccurrence_rows(mentions[:2], "d2"))
    [total] = list(totals.rows())
    assert (total["n_sentences"], total["n_documents"]) == (3, 2)


def test_entities_count_nationality_words_apart_from_names() -> None:
    from pipeline.io.tables import EntityIndex

    # "Le président kirghize et le Kirghizistan", then "kirghize" alone in a second story
    rows = [{"entity_id": "country:KG", "label": "COUNTRY", "text": text, "norm": "KG",
             "country": None, "form": form}
            for text, form in [("kirghize", "demonym"), ("Kirghizistan", "name")]]
    infos = {"country:KG": {"name": "Kirghizistan", "iso3": "KGZ"}}
    index = EntityIndex()
    index.add("d1", rows, infos)
    index.add("d2", rows[:1], infos)
    [row] = list(index.rows())
    assert (row["n_mentions"], row["n_demonyms"], row["n_documents"], row["aliases"]) == (
        1, 2, 1, "Kirghizistan")
    assert (row["name"], row["iso3"]) == ("Kirghizistan", "KGZ")


def test_a_table_written_before_a_column_was_added_still_loads(tmp_path: Path) -> None:
    # the quotes table as written before speaker_type existed
    (tmp_path / "quotes.csv").write_text(
        "doc_id,quote_id,kind,quote_text,quote_start,quote_end,speaker_id,speaker_text,"
        "speaker_start,speaker_end,speaker_resolution,cue,cue_lemma,sentence,rule\n"
        "d1,d1#0-9,direct,« Oui »,0,9,per:anne-roy,Anne Roy,20,28,explicit,a dit,dire,0,"
        "quotes.direct_postposed\n", encoding="utf-8")
    quotes = read_table(tmp_path, "quotes")
    assert list(quotes.columns) == [c.name for c in TABLES["quotes"][1]]
    assert quotes.loc[0, "speaker_text"] == "Anne Roy"
    assert quotes.loc[0, "speaker_end"] == 28
    assert quotes["speaker_type"].isna().all() and str(quotes["speaker_type"].dtype) == "string"
