"""Wikidata ids of countries and organisations: a validated data file and the entities column."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.entities.gazetteers import GazetteerError, read_csv
from pipeline.io.tables import EntityIndex
from pipeline.io.wikidata import load_wikidata, wikidata_ids


def test_every_listed_entity_is_one_of_our_countries_or_organisations() -> None:
    countries = {f"country:{row['iso2']}" for row in
                 read_csv("countries.csv", required=("iso2", "iso3", "name"))}
    organisations = {f"org:{row['id']}" for row in read_csv(
        "organisations.csv", required=("id", "canonical", "kind"),
        optional=("acronym", "country", "forms"))}
    unknown = set(wikidata_ids()) - countries - organisations
    assert not unknown


def test_no_two_entities_share_an_item() -> None:
    ids = list(wikidata_ids().values())
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(("entity_id", "item"), [
    ("country:FR", "Q142"), ("country:DE", "Q183"), ("country:US", "Q30"),
    ("country:KG", "Q813"), ("country:JP", "Q17"), ("org:ONU", "Q1065"), ("org:UE", "Q458"),
    ("org:OTAN", "Q7184"), ("org:OMS", "Q7817"),
])
def test_well_known_items(entity_id: str, item: str) -> None:
    assert wikidata_ids()[entity_id] == item


@pytest.mark.parametrize(("line", "message"), [
    ("country:FR,142", "wikidata.csv:3: column 'wikidata': not a Wikidata item id"),
    ("country:FR,Q0142", "wikidata.csv:3: column 'wikidata': not a Wikidata item id"),
    ("France,Q142", "wikidata.csv:3: column 'entity_id': not a country:XX or org:ID"),
    ("country:FR,Q142\ncountry:FR,Q142", "wikidata.csv:4: country:FR is listed twice"),
])
def test_a_bad_row_stops_with_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "wikidata.csv"
    path.write_text(f"# ids\nentity_id,wikidata\n{line}\n", encoding="utf-8")
    with pytest.raises(GazetteerError) as error:
        load_wikidata(path)
    assert str(error.value).replace(str(tmp_path) + "/", "").startswith(message)


def test_entities_rows_carry_the_item_of_a_listed_entity_only() -> None:
    # "Le Kirghizistan et Jean Dupont"
    rows = [{"entity_id": "country:KG", "label": "COUNTRY", "text": "Kirghizistan", "norm": "KG",
             "country": None, "form": "name"},
            {"entity_id": "per:jean-dupont", "label": "PER", "text": "Jean Dupont", "norm": None,
             "country": None, "form": "name"}]
    index = EntityIndex()
    index.add("d1", rows, {})
    assert {row["entity_id"]: row["wikidata"] for row in index.rows()} == {
        "country:KG": "Q813", "per:jean-dupont": None}
