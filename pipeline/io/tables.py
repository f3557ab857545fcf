"""The output tables: the one module that knows their names, columns and rows.

Every column is declared here with its type, meaning and an example value; ``docs/tables.md``
is generated from these declarations (``python -m pipeline.io.tables > docs/tables.md``) and a test
fails when it is stale.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.io.readers import ReadError, Record
from pipeline.io.story_dates import document_date
from pipeline.io.wikidata import wikidata_ids

if TYPE_CHECKING:
    import pandas as pd
    from spacy.tokens import Doc


@dataclass(frozen=True)
class Column:
    """One output column: its name, type, meaning and an example value."""

    name: str
    type: str
    meaning: str
    example: str


def _c(name: str, type_: str, meaning: str, example: str) -> Column:
    return Column(name, type_, meaning, example)


TABLES: dict[str, tuple[str, tuple[Column, ...]]] = {
    "documents": ("One row per story read: processed (`ok`) or failed in processing "
                  "(`error`). A file or row that could not be read at all is only in "
                  "`errors`.", (
        _c("doc_id", "string", "Story id: the `id` field, or for a .txt file its path relative to "
           "the input folder without suffix.", "000_76d78a2bedede6b9"),
        _c("input", "string", "File the story came from.", "corpus/000_76d78a2bedede6b9.txt"),
        _c("line", "integer", "Line of the story in a .jsonl or .csv file; empty for .txt.", "12"),
        _c("source", "string", "`source` metadata field (publisher, feed).", "TASS"),
        _c("title", "string", "`title` metadata field.", "La présidence de l'OTSC"),
        _c("date", "string", "Date of the story, ISO 8601 `YYYY-MM-DD`: its `date` field (a web "
           "page's publication date), else a date in its file's path, else its dateline's full "
           "date, else `depeche run --date`.", "2025-01-01"),
        _c("date_source", "string", "Where `date` came from: `field`, `path`, `option` or "
           "`dateline`; empty when the story has no date.", "path"),
        _c("url", "string", "`url` metadata field.", "https://example.org/story"),
        _c("dateline_place", "string", "Place named in the wire dateline, as written.", "BICHKEK"),
        _c("dateline_date", "string", "Date of the dateline, ISO 8601 (year inferred from the "
           "story when the dateline has none).", "2025-01-01"),
        _c("agency", "string", "News agency named in the dateline.", "TASS"),
        _c("anchor_date", "string", "Reference date used to resolve relative and year-less "
           "dates.", "2025-01-01"),
        _c("anchor_source", "string", "Where the anchor came from: `metadata`, `dateline` or "
           "`inferred` (latest full date in the text).", "dateline"),
        _c("n_chars", "integer", "Length of the text in characters.", "2437"),
        _c("n_tokens", "integer", "Number of spaCy tokens.", "410"),
        _c("n_sentences", "integer", "Number of sentences.", "12"),
        _c("n_mentions", "integer", "Number of rows of this story in `mentions`.", "33"),
        _c("status", "string", "`ok`, or `error` when the story could not be processed (the "
           "reason is in `errors`).", "ok"),
        _c("extra", "json", "Other fields of the .jsonl/.csv row, as a JSON object.",
           '{"section": "monde"}'),
    )),
    "mentions": ("One row per entity mention found in a story.", (
        _c("doc_id", "string", "Story id (joins `documents`).", "000_76d78a2bedede6b9"),
        _c("mention_id", "string", "`doc_id#start-end`: unique, derived from the offsets.",
           "000_76d78a2bedede6b9#467-480"),
        _c("sentence", "integer", "0-based index of the sentence holding the mention.", "1"),
        _c("start_char", "integer", "Start offset (Python str index into the text).", "467"),
        _c("end_char", "integer", "End offset: `text[start_char:end_char]` is the mention.",
           "480"),
        _c("text", "string", "The mention as written.", "Sadyr Japarov"),
        _c("label", "string", "PER, ORG, COUNTRY, LOC, DATE or MISC.", "PER"),
        _c("entity_id", "string", "The thing mentioned (joins `entities`); shared by every "
           "mention of it in the corpus. Empty for a date without a full value (`lundi` with "
           "no anchor, `XXXX-11-24`), which cannot be linked across stories.",
           "per:sadyr-japarov"),
        _c("norm", "string", "Normalised value: ISO 3166-1 alpha-2 for COUNTRY, ISO 8601 for "
           "DATE (`XXXX` for an unknown year), canonical id for a known ORG.", "KG"),
        _c("form", "string", "How it names the entity: `name`, `acronym`, `short` (part of a "
           "name, e.g. surname with honorific) or `demonym` (nationality word, COUNTRY only).",
           "name"),
        _c("title", "string", "Honorific written before a person's name (inside the mention by "
           "default).", "M."),
        _c("country", "string", "ISO 3166-1 alpha-2 of the country a LOC lies in, where known.",
           "KZ"),
        _c("precision", "string", "Precision of a DATE value: `day`, `month`, `year`, ...",
           "day"),
        _c("kind", "string", "For a DATE: `absolute` (fully written), `partial` (year or month "
           "taken from the anchor), `relative` (hier, mardi dernier) or `dateline`.",
           "partial"),
        _c("bound", "string", "For a DATE: `point`, `start` (à partir du), `end` (jusqu'au) or "
           "`range`.", "start"),
        _c("source", "string", "Component that produced the mention: `model` (statistical "
           "NER) or a rule family (`countries`, `dates`, ...).", "countries"),
        _c("rule", "string", "Pattern or gazetteer inside that component.",
           "countries.gazetteer"),
    )),
    "entities": ("One row per distinct thing across the corpus.", (
        _c("entity_id", "string", "Derived key: label and normalised value.", "country:KG"),
        _c("label", "string", "PER, ORG, COUNTRY, LOC, DATE or MISC.", "COUNTRY"),
        _c("name", "string", "Canonical name (the longest or gazetteer name).", "Kirghizistan"),
        _c("norm", "string", "Normalised value, as in `mentions.norm`.", "KG"),
        _c("iso3", "string", "ISO 3166-1 alpha-3 for a COUNTRY.", "KGZ"),
        _c("country", "string", "ISO alpha-2 of the country a LOC lies in.", "KG"),
        _c("wikidata", "string", "Wikidata item id, for the countries and organisations listed in "
           "`pipeline/data/wikidata.csv`: joins other sources.", "Q813"),
        _c("aliases", "string", "Every distinct surface form of its names seen, sorted, "
           "`|`-separated (nationality words not included).", "KIRGHIZISTAN|Kirghizistan"),
        _c("n_mentions", "integer", "Mentions by name in the whole run (nationality words such "
           "as `kirghize` are not counted here).", "5"),
        _c("n_demonyms", "integer", "Mentions of a COUNTRY through a nationality word "
           "(`form = demonym`); 0 for other labels.", "2"),
        _c("n_documents", "integer", "Stories that mention it by name.", "1"),
    )),
    "relations": ("One row per relation between two mentions, with its evidence.", (
        _c("doc_id", "string", "Story id.", "000_76d78a2bedede6b9"),
        _c("relation_id", "string", "`doc_id#predicate#evidence_start#subject_start-object_start`"
           " (a missing offset is empty), derived.", "000_76d78a2bedede6b9#role#445#467-458"),
        _c("predicate", "string", "Relation type from a closed vocabulary (see docs).", "role"),
        _c("subject_id", "string", "entity_id of the subject.", "per:sadyr-japarov"),
        _c("subject_text", "string", "Subject as written.", "Sadyr Japarov"),
        _c("subject_start", "integer", "Subject start offset.", "467"),
        _c("subject_end", "integer", "Subject end offset.", "480"),
        _c("object_id", "string", "entity_id of the object.", "country:KG"),
        _c("object_text", "string", "Object as written.", "kirghize"),
        _c("object_start", "integer", "Object start offset.", "458"),
        _c("object_end", "integer", "Object end offset.", "466"),
        _c("sentence", "integer", "0-based sentence index of the evidence.", "1"),
        _c("evidence_start", "integer", "Start offset of the evidence text.", "445"),
        _c("evidence_end", "integer", "End offset of the evidence text.", "480"),
        _c("evidence", "string", "The words that state the relation.",
           "le président kirghize Sadyr Japarov"),
        _c("rule", "string", "Rule that produced the row.", "roles.title_demonym_name"),
        _c("attributes", "json", "Predicate-specific values (role title, date, kind...).",
           '{"title": "président"}'),
    )),
    "quotes": ("One row per quote or reported statement, with its speaker.", (
        _c("doc_id", "string", "Story id.", "000_76d78a2bedede6b9"),
        _c("quote_id", "string", "`doc_id#quote_start-quote_end`, derived.",
           "000_76d78a2bedede6b9#763-1079"),
        _c("kind", "string", "`direct` (words between quotation marks) or `indirect` "
           "(reported speech: `a déclaré que`, `selon X`).", "direct"),
        _c("quote_text", "string", "The quoted or reported words.", "« Nous prendrons ... »"),
        _c("quote_start", "integer", "Start offset of the quote.", "763"),
        _c("quote_end", "integer", "End offset of the quote.", "1079"),
        _c("speaker_id", "string", "entity_id of the speaker (joins `entities`).",
           "per:sadyr-japarov"),
        _c("speaker_type", "string", "Label of the speaker's entity: `PER` (a person), `ORG` "
           "(an organisation: `a annoncé l'ONU`, `selon les analystes de la banque X`) or "
           "`COUNTRY` (a country or its government: `le gouvernement français a déclaré`); "
           "empty when the quote has no speaker.", "PER"),
        _c("speaker_text", "string", "The speaker as written where the quote is attributed "
           "(a pronoun or description when resolved by coreference).", "M. Japarov"),
        _c("speaker_start", "integer", "Start offset of that speaker text.", "1091"),
        _c("speaker_end", "integer", "End offset of that speaker text.", "1101"),
        _c("speaker_resolution", "string", "`explicit` (a name), `coreference` (pronoun or "
           "description resolved to the most recent fitting person) or empty (no speaker).",
           "explicit"),
        _c("cue", "string", "Reporting verb or cue as written.", "a déclaré"),
        _c("cue_lemma", "string", "Lemma of the reporting verb or cue.", "déclarer"),
        _c("sentence", "integer", "0-based sentence index of the quote's start.", "2"),
        _c("rule", "string", "Rule that produced the row.", "quotes.direct_postposed"),
    )),
    "cooccurrences": ("One row per pair of entities named in the same sentence of a story "
                      "(demonyms and dates excluded); the raw material of network analysis.", (
        _c("doc_id", "string", "Story id.", "000_76d78a2bedede6b9"),
        _c("entity_a", "string", "entity_id of one entity (the smaller of the two ids).",
           "country:KG"),
        _c("entity_b", "string", "entity_id of the other entity.", "org:OTSC"),
        _c("label_a", "string", "Label of `entity_a`.", "COUNTRY"),
        _c("label_b", "string", "Label of `entity_b`.", "ORG"),
        _c("n_sentences", "integer", "Sentences of the story naming both.", "2"),
        _c("sentences", "string", "Their 0-based indexes, `|`-separated.", "2|7"),
    )),
    "cooccurrence_totals": ("Per pair of entities, totals of `cooccurrences` over the run.", (
        _c("entity_a", "string", "entity_id of one entity (the smaller of the two ids).",
           "country:KG"),
        _c("entity_b", "string", "entity_id of the other entity.", "org:OTSC"),
        _c("label_a", "string", "Label of `entity_a`.", "COUNTRY"),
        _c("label_b", "string", "Label of `entity_b`.", "ORG"),
        _c("n_sentences", "integer", "Sentences naming both, over all stories.", "4"),
        _c("n_documents", "integer", "Stories with at least one such sentence.", "2"),
    )),
    "errors": ("One row per input, row or story that could not be (fully) processed.", (
        _c("input", "string", "File concerned.", "corpus/bad.jsonl"),
        _c("line", "integer", "Line in that file, where it applies.", "7"),
        _c("doc_id", "string", "Story id, where known.", "story-7"),
        _c("stage", "string", "`read`, `decode`, `parse`, `metadata` or `process`.", "parse"),
        _c("message", "string", "What went wrong, in one line.", "not valid JSON: Expecting value"),
    )),
}

TABLE_NAMES: tuple[str, ...] = tuple(TABLES)
Row = dict[str, Any]


def columns(table: str) -> list[str]:
    """Column names of ``table``, in output order."""
    return [column.name for column in TABLES[table][1]]


def json_columns(table: str) -> set[str]:
    """Columns of ``table`` holding a JSON object (a string in CSV)."""
    return {column.name for column in TABLES[table][1] if column.type == "json"}


def mention_rows(doc: Doc, doc_id: str) -> list[Row]:
    """Rows of ``mentions`` for one processed story, in text order."""
    rows = []
    for mention in doc._.mentions or []:
        row = {name: mention.get(name) for name in columns("mentions")}
        row["doc_id"] = doc_id
        row["mention_id"] = f"{doc_id}#{mention['start_char']}-{mention['end_char']}"
        rows.append(row)
    return rows


def relation_rows(doc: Doc, doc_id: str) -> list[Row]:
    """Rows of ``relations`` for one processed story, sorted by evidence then predicate."""
    rows = []
    for relation in doc._.relations or []:
        row = {name: relation.get(name) for name in columns("relations")}
        row["doc_id"] = doc_id
        ends = [relation.get(k) for k in ("evidence_start", "subject_start", "object_start")]
        ev, subject, obj = ("" if v is None else str(v) for v in ends)
        row["relation_id"] = f"{doc_id}#{relation['predicate']}#{ev}#{subject}-{obj}"
        rows.append(row)
    rows.sort(key=lambda r: (r["evidence_start"] or 0, r["predicate"], r["relation_id"]))
    return rows


def quote_rows(doc: Doc, doc_id: str) -> list[Row]:
    """Rows of ``quotes`` for one processed story, in text order."""
    rows = []
    for quote in doc._.quotes or []:
        row = {name: quote.get(name) for name in columns("quotes")}
        row["doc_id"] = doc_id
        row["quote_id"] = f"{doc_id}#{quote['quote_start']}-{quote['quote_end']}"
        rows.append(row)
    rows.sort(key=lambda r: (r["quote_start"], r["quote_end"]))
    return rows


#: Columns of ``documents`` that come from processing the story (the others from its record).
PROCESSED_DOCUMENT_COLUMNS = ("dateline_place", "dateline_date", "agency", "anchor_date",
                              "anchor_source", "n_tokens", "n_sentences")


def document_values(doc: Doc) -> Row:
    """The values of a story's ``documents`` row that processing gives (dateline, anchor,
    counts), from its processed ``Doc``."""
    from pipeline.context import StoryContext

    dateline = doc._.dateline or {}
    anchor = doc._.anchor or {}
    return {
        "dateline_place": dateline.get("place"),
        "dateline_date": dateline.get("date"),
        "agency": dateline.get("agency"),
        "anchor_date": anchor.get("date"),
        "anchor_source": anchor.get("source"),
        "n_tokens": len(doc),
        "n_sentences": len(StoryContext.of(doc).sentence_char_starts),
    }


def document_row(record: Record, values: Row | None, n_mentions: int | None,
                 n_chars: int | None = None) -> Row:
    """The ``documents`` row of one story: its record's metadata and the processed ``values``
    of :func:`document_values`; ``values`` is None when it could not be processed.
    ``n_chars`` stands for the record's text length when the text is not at hand."""
    processed = values or {}
    date, date_source = document_date(record, {"date": processed.get("dateline_date")})
    return {
        "doc_id": record.doc_id,
        "input": record.input,
        "line": record.line,
        "source": record.source,
        "title": record.title,
        "date": date,
        "date_source": date_source,
        "url": record.url,
        **{name: processed.get(name) for name in PROCESSED_DOCUMENT_COLUMNS[:5]},
        "n_chars": len(record.text) if n_chars is None else n_chars,
        "n_tokens": processed.get("n_tokens"),
        "n_sentences": processed.get("n_sentences"),
        "n_mentions": n_mentions,
        "status": "ok" if values is not None else "error",
        "extra": record.extra or None,
    }


def error_row(error: ReadError) -> Row:
    """The ``errors`` row of one read or processing error."""
    return {"input": error.input, "line": error.line, "doc_id": error.doc_id,
            "stage": error.stage, "message": error.message}


#: Labels that take part in co-occurrence pairs (dates are context, not actors).
COOCCURRENCE_LABELS = frozenset({"PER", "ORG", "COUNTRY", "LOC", "MISC"})


def cooccurrence_rows(mentions: Iterable[Row], doc_id: str) -> list[Row]:
    """Rows of ``cooccurrences`` for one story, from its ``mentions`` rows, sorted by pair."""
    by_sentence: dict[int, dict[str, str]] = {}
    for m in mentions:
        if m["entity_id"] and m["label"] in COOCCURRENCE_LABELS and m["form"] != "demonym":
            by_sentence.setdefault(m["sentence"], {})[m["entity_id"]] = m["label"]
    pairs: dict[tuple[str, str], list[int]] = {}
    labels: dict[str, str] = {}
    for sentence, entities in sorted(by_sentence.items()):
        labels.update(entities)
        ids = sorted(entities)
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                pairs.setdefault((a, b), []).append(sentence)
    return [{"doc_id": doc_id, "entity_a": a, "entity_b": b, "label_a": labels[a],
             "label_b": labels[b], "n_sentences": len(sents),
             "sentences": "|".join(map(str, sents))}
            for (a, b), sents in sorted(pairs.items())]


class CooccurrenceIndex:
    """Accumulates ``cooccurrence_totals`` across a run."""

    def __init__(self) -> None:
        self._totals: dict[tuple[str, str], Row] = {}

    def add(self, rows: Iterable[Row]) -> None:
        """Count one story's ``cooccurrences`` rows."""
        for row in rows:
            key = (row["entity_a"], row["entity_b"])
            total = self._totals.setdefault(key, {
                "entity_a": row["entity_a"], "entity_b": row["entity_b"],
                "label_a": row["label_a"], "label_b": row["label_b"],
                "n_sentences": 0, "n_documents": 0})
            total["n_sentences"] += row["n_sentences"]
            total["n_documents"] += 1

    def rows(self) -> Iterator[Row]:
        """The totals, sorted by pair."""
        for key in sorted(self._totals):
            yield dict(self._totals[key])


def entity_infos(doc: Doc) -> dict[str, dict[str, Any]]:
    """``entity_id -> {"name", "iso3"}`` of a processed story's mentions (the last mention of
    each entity): what the ``entities`` table needs beyond the mention rows."""
    return {m["entity_id"]: {"name": m.get("entity_name"), "iso3": m.get("iso3")}
            for m in doc._.mentions or [] if m.get("entity_id")}


class EntityIndex:
    """Accumulates ``entities`` rows across a run: counts, documents, aliases.

    Memory grows with the distinct entities and names, not with the stories: each story is
    added once, so its entities' document counts are simply incremented."""

    def __init__(self) -> None:
        self._rows: dict[str, Row] = {}
        self._aliases: dict[str, set[str]] = {}
        self._wikidata = wikidata_ids()  # loaded (and validated) before any story is read

    def add(self, doc_id: str, mentions: Iterable[Row],
            infos: dict[str, dict[str, Any]]) -> None:
        """Count the mentions of one story; ``infos`` maps its entity ids to their canonical
        ``name`` and ``iso3`` (see :func:`entity_infos`)."""
        named: set[str] = set()
        for mention in mentions:
            entity_id = mention["entity_id"]
            if entity_id is None:
                continue
            row = self._rows.get(entity_id)
            info = infos.get(entity_id, {})
            if row is None:
                row = {"entity_id": entity_id, "label": mention["label"],
                       "name": info.get("name") or mention["text"],
                       "norm": mention["norm"], "iso3": info.get("iso3"),
                       "country": mention["country"],
                       "wikidata": self._wikidata.get(entity_id), "aliases": None,
                       "n_mentions": 0, "n_demonyms": 0, "n_documents": 0}
                self._rows[entity_id] = row
                self._aliases[entity_id] = set()
            elif info.get("name") and len(info["name"]) > len(row["name"]):
                row["name"] = info["name"]
            if mention["form"] == "demonym":  # `kirghize`: counted apart from the names
                row["n_demonyms"] += 1
                continue
            row["n_mentions"] += 1
            self._aliases[entity_id].add(mention["text"])
            if entity_id not in named:
                named.add(entity_id)
                row["n_documents"] += 1

    def rows(self) -> Iterator[Row]:
        """The entity rows, sorted by entity_id."""
        for entity_id in sorted(self._rows):
            row = dict(self._rows[entity_id])
            row["aliases"] = "|".join(sorted(self._aliases[entity_id]))
            yield row


PANDAS_DTYPES = {"string": "string", "integer": "Int64", "json": "string"}


def read_table(outdir: str | Path, table: str) -> pd.DataFrame:
    """Load one output table into pandas with its declared types.

    Text columns are ``string``, integer columns nullable ``Int64`` (so a missing line number
    stays missing instead of turning the column into floats), JSON columns Python objects.
    Text is given back exactly: the apostrophe the CSV writer puts before a cell a spreadsheet
    would run as a formula (``=``, ``+``, ``-``, ``@``, tab, CR) is taken off again. A column
    that a table written by an earlier version lacks (``quotes.speaker_type``) comes back
    empty, so older output folders still load.

    >>> mentions = read_table("outputs", "mentions")
    >>> mentions.dtypes["start_char"]
    Int64Dtype()
    """
    import pandas as pd

    cols = TABLES[table][1]
    frame = pd.read_csv(Path(outdir) / f"{table}.csv", keep_default_na=False,
                        na_values={c.name: [""] for c in cols},
                        dtype={c.name: PANDAS_DTYPES[c.type] for c in cols})
    from pipeline.io.writers import unescape_cell

    present = set(frame.columns)
    for column in cols:
        if column.type == "string" and column.name in present:
            frame[column.name] = frame[column.name].map(unescape_cell, na_action="ignore")
    for name in json_columns(table):
        if name in present:
            frame[name] = frame[name].map(lambda v: None if pd.isna(v) else json.loads(v))
    for column in cols:
        if column.name not in present:
            frame[column.name] = pd.Series(pd.NA, index=frame.index,
                                           dtype=PANDAS_DTYPES[column.type])
    return frame[[c.name for c in cols]]


def markdown() -> str:
    """The tables' documentation as Markdown (the content of ``docs/tables.md``)."""
    out = ["# Output tables", "",
           "Generated from `pipeline/io/tables.py` "
           "(`python -m pipeline.io.tables > docs/tables.md`).",
           "", "Every table is written as `NAME.csv` (UTF-8, header row, empty cell for a missing "
           "value, JSON columns as JSON text) and `NAME.jsonl` (one JSON object per line, `null` "
           "for a missing value). Rows are in input order (stories) and text order (within a "
           "story); `entities` is sorted by `entity_id`. With pandas, "
           "`pipeline.io.tables.read_table(outdir, name)` loads a table with the types below "
           "(text as `string`, integers as nullable `Int64`, JSON columns parsed); plain "
           "`pandas.read_csv` turns an all-empty column or an integer column with gaps into "
           "floats, and `pandas.read_json` may parse ISO dates as timestamps. DuckDB: "
           "`SELECT * FROM 'outputs/mentions.csv'`.", ""]
    for name, (about, cols) in TABLES.items():
        out += [f"## `{name}`", "", about, "", "| column | type | meaning | example |",
                "|---|---|---|---|"]
        for column in cols:
            example = column.example.replace("|", "\\|")
            meaning = column.meaning.replace("|", "\\|")
            out.append(f"| `{column.name}` | {column.type} | {meaning} | `{example}` |")
        out.append("")
    return "\n".join(out)


#: One encoder for every cell (``json.dumps`` with options builds a new one per call).
_CELL_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def dumps_json(value: Any) -> str:
    """JSON text as written in CSV cells and JSON Lines: compact, UTF-8, stable."""
    return _CELL_ENCODER.encode(value)


if __name__ == "__main__":
    print(markdown(), end="")
