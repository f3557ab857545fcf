"""Wikidata item ids of known countries and organisations: the ``entities.wikidata`` column.

``pipeline/data/wikidata.csv`` maps an ``entity_id`` (``country:FR``, ``org:OTAN``) to its
Wikidata item (``Q142``), so that the tables join with other sources. The file is validated
when loaded: a malformed id, an entity id that is not a country or organisation key, or an
entity listed twice stops with ``wikidata.csv:LINE: what is wrong``.

>>> wikidata_ids()["country:FR"]
'Q142'
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

WIKIDATA_FILE = "wikidata.csv"
#: A Wikidata item id: ``Q`` then digits, no leading zero.
QID_RE = re.compile(r"^Q[1-9][0-9]*$")
#: The entity ids that can have one: a country's ISO code, an organisation's canonical id.
ENTITY_ID_RE = re.compile(r"^(country:[A-Z]{2}|org:[^\s,]+)$")


def _check_qid(value: str) -> str | None:
    return None if QID_RE.match(value) else "not a Wikidata item id (Q followed by digits)"


def _check_entity(value: str) -> str | None:
    return None if ENTITY_ID_RE.match(value) else "not a country:XX or org:ID entity id"


def load_wikidata(source: str | Path = WIKIDATA_FILE) -> dict[str, str]:
    """Read and validate a ``entity_id,wikidata`` file; return entity_id -> item id."""
    ids: dict[str, str] = {}
    # imported here: the gazetteers module loads spaCy, which a re-run that reuses every
    # story never needs
    from pipeline.entities.gazetteers import GazetteerError, read_csv

    for row in read_csv(source, required=("entity_id", "wikidata"),
                        validators={"entity_id": _check_entity, "wikidata": _check_qid}):
        if row["entity_id"] in ids:
            raise GazetteerError(row.file, row.line, f"{row['entity_id']} is listed twice")
        ids[row["entity_id"]] = row["wikidata"]
    return ids


@lru_cache(maxsize=1)
def wikidata_ids() -> dict[str, str]:
    """The packaged ``entity_id -> Wikidata id`` map (read once)."""
    return load_wikidata()
