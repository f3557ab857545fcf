"""Shared by the quotes tests: hand-written parse tables, the cases built on them, and the
checks every case goes through (``QuoteExtractor.process``, then the rows' shape).

A case is a sentence with a hand-written parse (``spacy.blank("fr")`` Docs with heads, deps,
POS, lemmas written the way a French UD parser analyses the sentence) and hand-set mentions,
so that a model upgrade cannot change what a case means. Each parse is a table, one token a
line: ``index  word  lemma  POS  dep  head [S]`` (``S`` marks a sentence start); spaces follow
French typography (none before ``,`` ``.`` or a clitic ``-t``/``-il``, none after
``l'``/``d'``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from pipeline.io.tables import columns
from pipeline.relations.quotes import QuoteExtractor
from tests.markup import build_doc, mention_row


def parse(table: str) -> Doc:
    """Build a Doc from a parse table (see the module docstring)."""
    words, lemmas, pos, deps, heads, starts = [], [], [], [], [], []
    for line in table.strip().splitlines():
        cells = line.split()
        index, word, lemma, tag, dep, head = cells[:6]
        assert int(index) == len(words), f"bad index in {line!r}"
        words.append(word)
        lemmas.append(lemma)
        pos.append(tag)
        deps.append(dep)
        heads.append(int(head))
        starts.append(len(words) == 1 or cells[6:] == ["S"])
    return build_doc(words, pos, deps, heads, lemmas, starts)


def add_mentions(doc: Doc, mentions: list[tuple[Any, ...]]) -> None:
    """Set ``doc._.mentions`` from (first word, end word, label, entity_id[, form]) tuples."""
    rows = []
    for start, end, label, entity_id, *form in mentions:
        span = doc[start:end]
        rows.append(mention_row(span.start_char, span.end_char, span.text, label, entity_id,
                                form=form[0] if form else "name"))
    doc._.mentions = rows


@dataclass(frozen=True)
class Q:
    """An expected quote row (only these columns are checked)."""

    kind: str
    quote: str
    speaker: str | None
    speaker_id: str | None
    resolution: str | None
    cue: str | None
    lemma: str | None
    rule: str


@dataclass(frozen=True)
class Case:
    """A sentence, its parse, its mentions and the quotes a French reader sees in it."""

    name: str
    text: str
    table: str
    mentions: list[tuple[Any, ...]] = field(default_factory=list)
    expect: list[Q] = field(default_factory=list)


#: The simplest attributed quote, used by the component's own tests too.
POSTPOSED_NAME = Case(
    "direct_postposed_name", "« Nous partirons demain », a déclaré M. Japarov.", """
        0  «            «            PUNCT punct      2
        1  Nous         nous         PRON  nsubj      2
        2  partirons    partir       VERB  ROOT       2
        3  demain       demain       ADV   advmod     2
        4  »            »            PUNCT punct      2
        5  ,            ,            PUNCT punct      7
        6  a            avoir        AUX   aux:tense  7
        7  déclaré      déclarer     VERB  parataxis  2
        8  M.           m.           NOUN  nsubj      7
        9  Japarov      Japarov      PROPN flat:name  8
        10 .            .            PUNCT punct      2
        """, [(8, 10, "PER", "per:sadyr-japarov")],
    [Q("direct", "« Nous partirons demain »", "M. Japarov", "per:sadyr-japarov", "explicit",
       "a déclaré", "déclarer", "quotes.direct_postposed")])


def run(case: Case) -> tuple[Doc, list[dict[str, Any]], list[dict[str, Any]]]:
    """Parse a case, set its mentions and run the component's pure ``process``."""
    doc = parse(case.table)
    assert doc.text == case.text, f"parse table does not spell the text: {doc.text!r}"
    add_mentions(doc, case.mentions)
    quotes, relations = QuoteExtractor().process(doc)
    return doc, quotes, relations


def observed(row: dict[str, Any]) -> Q:
    """The checked columns of a quote row."""
    return Q(row["kind"], row["quote_text"], row["speaker_text"], row["speaker_id"],
             row["speaker_resolution"], row["cue"], row["cue_lemma"], row["rule"])


def check_rows(case: Case) -> None:
    """The rows of a case have the ``quotes`` table's columns, offsets that spell their texts,
    and one ``quote`` relation per attributed quote, with the same speaker and span."""
    doc, quotes, relations = run(case)
    wanted = set(columns("quotes")) - {"doc_id", "quote_id"}
    for q in quotes:
        assert set(q) == wanted
        assert doc.text[q["quote_start"]:q["quote_end"]] == q["quote_text"]
        if q["speaker_id"]:
            assert doc.text[q["speaker_start"]:q["speaker_end"]] == q["speaker_text"]
        labels = {m["label"] for m in doc._.mentions if m["entity_id"] == q["speaker_id"]}
        assert q["speaker_type"] in labels if q["speaker_id"] else q["speaker_type"] is None
        assert all(v is None or isinstance(v, str | int) for v in q.values())
    spoken = [q for q in quotes if q["speaker_id"]]
    assert len(relations) == len(spoken)
    for rel, q in zip(relations, spoken, strict=True):
        assert rel["predicate"] == "quote" and rel["object_id"] is None
        assert (rel["subject_id"], rel["subject_start"]) == (q["speaker_id"], q["speaker_start"])
        assert rel["attributes"]["kind"] == q["kind"]
        assert (rel["attributes"]["quote_start"], rel["attributes"]["quote_end"]) == (
            q["quote_start"], q["quote_end"])
        assert rel["evidence_start"] <= q["quote_start"] and rel["evidence_end"] >= q["quote_end"]
