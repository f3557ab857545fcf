"""Tests for pipeline/evaluate/ on small hand-written gold; every expected number is by hand.

No statistical model is loaded: predictors are plain functions, or ``spacy.blank("fr")`` with a
stand-in component for the two spaCy predictors.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.evaluate import (
    Counts,
    GoldDoc,
    GoldFormatError,
    PredEntity,
    Prediction,
    PredRelation,
    RelationMapError,
    RelationMapping,
    evaluate,
    find_errors,
    label_inventory,
    load_relation_map,
    pipeline_predictor,
    read_gold,
    score,
    spacy_baseline_predictor,
)

MACRON = "Emmanuel Macron est allé en France en 2024."
# offsets: "Emmanuel" 0-8, "Macron" 9-15, "France" 28-34, "2024" 38-42


def at(text: str, fragment: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the nth occurrence of ``fragment`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(fragment, start + 1)
    return start, start + len(fragment)


def ent(text: str, fragment: str, label: str, norm: str | None = None, **extra: Any) -> dict:
    """A gold entity dict for ``fragment`` (first occurrence unless ``nth`` is given)."""
    nth = extra.pop("nth", 0)
    start, end = at(text, fragment, nth)
    row = {"start": start, "end": end, "label": label, "text": fragment, **extra}
    if norm is not None:
        row["norm"] = norm
    return row


def pred(text: str, fragment: str, label: str, norm: str | None = None, nth: int = 0) -> PredEntity:
    return PredEntity(*at(text, fragment, nth), label, norm)


def rel(text: str, predicate: str, subject: str, object_: str) -> PredRelation:
    return PredRelation(predicate, *at(text, subject), *at(text, object_))


def write_gold(path: Path, docs: list[dict]) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for doc in docs:
            handle.write(json.dumps({"relations": [], "date": None, **doc}, ensure_ascii=False))
            handle.write("\n")
    return path


def gold_docs(tmp_path: Path, docs: list[dict]) -> list[GoldDoc]:
    return list(read_gold(write_gold(tmp_path / "gold.jsonl", docs)))


@pytest.fixture
def macron(tmp_path: Path) -> GoldDoc:
    """Gold: [Emmanuel Macron](PER) est allé en [France](LOC) en 2024 (no DATE in this set)."""
    (doc,) = gold_docs(
        tmp_path,
        [
            {
                "id": "m",
                "text": MACRON,
                "entities": [ent(MACRON, "Emmanuel Macron", "PER"), ent(MACRON, "France", "LOC")],
            }
        ],
    )
    return doc


# --------------------------------------------------------------------------- reading


def test_read_gold_reads_every_field(tmp_path: Path) -> None:
    text = "Le 3 mars 2024, Marie Curie."
    (doc,) = gold_docs(
        tmp_path,
        [
            {
                "id": "a",
                "text": text,
                "date": "2024-03-10",
                "meta": {"x": 1},
                "entities": [
                    ent(text, "3 mars 2024", "DATE", "2024-03-03"),
                    ent(text, "Marie Curie", "PER", cluster=7),
                ],
                "relations": [{"head": 1, "tail": 0, "label": "per:date"}],
            }
        ],
    )
    assert doc.id == "a"
    assert doc.date == "2024-03-10"
    assert [(e.start, e.end, e.label, e.text, e.norm, e.cluster) for e in doc.entities] == [
        (3, 14, "DATE", "3 mars 2024", "2024-03-03", None),
        (16, 27, "PER", "Marie Curie", None, "7"),
    ]
    assert [(r.head, r.tail, r.label) for r in doc.relations] == [(1, 0, "per:date")]


def test_read_gold_skips_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('\n{"id": "a", "text": "x"}\n   \n{"id": "b", "text": ""}\n', encoding="utf-8")
    assert [doc.id for doc in read_gold(path)] == ["a", "b"]


GOOD = '{"id": "ok", "text": "Paris"}'


def gold_line(entity: str, relations: str = "[]") -> str:
    """A one-entity gold line for the text "Paris"."""
    return f'{{"id": "a", "text": "Paris", "entities": [{entity}], "relations": {relations}}}'


PARIS = '{"start": 0, "end": 5, "label": "LOC", "text": "Paris"}'


# fmt: off
MALFORMED_LINES = [
    ("bad-json", '{"id": "a", "text": "Paris"', "invalid JSON"),
    ("not-object", '["not", "an", "object"]', "JSON object"),
    ("no-id", '{"text": "Paris"}', "'id'"),
    ("no-text", '{"id": "a"}', "missing 'text'"),
    ("text-not-string", '{"id": "a", "text": 3}', "missing 'text'"),
    ("bad-date", '{"id": "a", "text": "Paris", "date": "10/03/2024"}', "'date'"),
    ("entities-not-list", '{"id": "a", "text": "Paris", "entities": {}}', "must be a list"),
    ("end-past-text", gold_line(PARIS.replace('"end": 5', '"end": 9')), "out of range"),
    ("empty-span", gold_line('{"start": 3, "end": 3, "label": "LOC", "text": ""}'),
     "out of range"),
    ("text-mismatch", gold_line(PARIS.replace('"end": 5', '"end": 4')),
     "text[0:4] is 'Pari', entity text is 'Paris'"),
    ("offset-not-int", gold_line(PARIS.replace('"start": 0', '"start": "0"')), "integers"),
    ("no-label", gold_line(PARIS.replace('"label": "LOC", ', "")), "missing 'label'"),
    ("relation-index", gold_line(PARIS, '[{"head": 0, "tail": 1, "label": "x"}]'),
     "'tail' must be an entity index below 1"),
    ("duplicate-id", GOOD, "duplicate id 'ok'"),
]
# fmt: on


@pytest.mark.parametrize(
    ("bad_line", "problem"),
    [case[1:] for case in MALFORMED_LINES],
    ids=[case[0] for case in MALFORMED_LINES],
)
def test_malformed_gold_line_names_file_and_line(
    tmp_path: Path, bad_line: str, problem: str
) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(f"{GOOD}\n\n{bad_line}\n", encoding="utf-8")  # the bad line is line 3
    with pytest.raises(GoldFormatError) as caught:
        list(read_gold(path))
    message = str(caught.value)
    assert message.startswith(f"{path}:3: ")
    assert problem in message
    assert (caught.value.path, caught.value.line) == (str(path), 3)


def test_entity_text_is_optional_in_gold(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(gold_line('{"start": 0, "end": 5, "label": "LOC"}') + "\n", encoding="utf-8")
    [doc] = read_gold(path)
    assert doc.entities[0].text == "Paris"


def test_gold_file_without_documents_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="empty.jsonl:1: no document in the file"):
        list(read_gold(path))


# --------------------------------------------------------------------------- entity scores


def test_label_inventory_comes_from_the_gold(macron: GoldDoc) -> None:
    assert label_inventory([macron]) == ("PER", "LOC")


PERFECT = [("Emmanuel Macron", "PER"), ("France", "LOC")]

# Gold (fixture ``macron``): PER "Emmanuel Macron" (0-15), LOC "France" (28-34): 2 gold spans.
# Each row: predictions, options, micro exact (tp, gold, pred), micro overlap tp, exact P R F1.
# fmt: off
ENTITY_CASES = [
    # all right: 2/2 predictions, 2/2 gold -> P = R = F1 = 1
    ("perfect", PERFECT, {}, (2, 2, 2), 2, (1.0, 1.0, 1.0)),
    # nothing predicted: P = 0.0 by convention (0 predictions), R = 0/2, F1 = 0.0
    ("empty", [], {}, (0, 2, 0), 0, (0.0, 0.0, 0.0)),
    # "Macron" inside "Emmanuel Macron": exact miss, overlap hit; France found exactly.
    # exact: tp 1 of 2 pred, 2 gold -> 0.5 0.5 0.5; overlap tp 2 -> 1.0
    ("partial-overlap", [("Macron", "PER"), ("France", "LOC")], {}, (1, 2, 2), 2, (0.5, 0.5, 0.5)),
    # Macron tagged LOC: right span, wrong label: a LOC false positive and a PER false negative;
    # exact tp 1 (France) of 2 pred, 2 gold -> 0.5 0.5 0.5; overlap cannot pair across labels
    ("wrong-label", [("Emmanuel Macron", "LOC"), ("France", "LOC")], {}, (1, 2, 2), 1,
     (0.5, 0.5, 0.5)),
    # COUNTRY is scored as LOC by default -> like perfect
    ("country-as-loc", [("Emmanuel Macron", "PER"), ("France", "COUNTRY")], {}, (2, 2, 2), 2,
     (1.0, 1.0, 1.0)),
    # without the map COUNTRY is outside the inventory and ignored: tp 1 of 1 pred, 2 gold
    # -> P 1.0, R 0.5, F1 2 * 1 * 0.5 / 1.5 = 0.6667
    ("country-unmapped", [("Emmanuel Macron", "PER"), ("France", "COUNTRY")], {"label_map": {}},
     (1, 2, 1), 1, (1.0, 0.5, 2 / 3)),
    # DATE "2024" is not in this gold's inventory (PER, LOC): ignored, so still perfect
    ("date-outside-inventory", [*PERFECT, ("2024", "DATE")], {}, (2, 2, 2), 2, (1.0, 1.0, 1.0)),
    # labels=("PER",): only PER counts: 1 gold, 1 pred ("France" LOC is not scored)
    ("labels-restrict", PERFECT, {"labels": ("PER",)}, (1, 1, 1), 1, (1.0, 1.0, 1.0)),
    # the same prediction twice counts once
    ("duplicate-prediction", [*PERFECT, ("France", "LOC")], {}, (2, 2, 2), 2, (1.0, 1.0, 1.0)),
]
# fmt: on


@pytest.mark.parametrize(
    ("predicted", "options", "exact", "overlap_tp", "prf"),
    [case[1:] for case in ENTITY_CASES],
    ids=[case[0] for case in ENTITY_CASES],
)
def test_entity_scores(
    macron: GoldDoc,
    predicted: list[tuple[str, str]],
    options: dict[str, Any],
    exact: tuple[int, int, int],
    overlap_tp: int,
    prf: tuple[float, float, float],
) -> None:
    prediction = Prediction([pred(MACRON, fragment, label) for fragment, label in predicted])
    report = score([(macron, prediction)], relation_map=(), **options)
    micro = report.micro
    assert micro.exact == Counts(*exact)
    assert micro.overlap == Counts(overlap_tp, exact[1], exact[2])
    assert (micro.exact.precision, micro.exact.recall, micro.exact.f1) == pytest.approx(prf)


def test_per_label_scores_and_micro_average(macron: GoldDoc) -> None:
    # PER: "Macron" overlaps only; LOC: "France" right plus a false "Emmanuel" LOC.
    prediction = Prediction(
        [
            pred(MACRON, "Macron", "PER"),
            pred(MACRON, "France", "LOC"),
            pred(MACRON, "Emmanuel", "LOC"),
        ]
    )
    report = score([(macron, prediction)], relation_map=())
    per, loc = report.by_label
    assert (per.label, per.exact, per.overlap) == ("PER", Counts(0, 1, 1), Counts(1, 1, 1))
    # "Emmanuel" LOC overlaps no LOC gold: overlap tp stays 1 of 2 predictions
    assert (loc.label, loc.exact, loc.overlap) == ("LOC", Counts(1, 1, 2), Counts(1, 1, 2))
    # micro exact: tp 1, gold 2, pred 3 -> P 1/3, R 1/2, F1 2*(1/6)/(5/6) = 0.4
    assert report.micro.exact == Counts(1, 2, 3)
    assert report.micro.exact.f1 == pytest.approx(0.4)
    # micro overlap: tp 2, gold 2, pred 3 -> P 2/3, R 1, F1 (4/3)/(5/3) = 0.8
    assert report.micro.overlap.f1 == pytest.approx(0.8)


def test_overlap_pairs_the_largest_overlap_first(tmp_path: Path) -> None:
    text = "Marie Curie et Pierre Curie"
    (doc,) = gold_docs(
        tmp_path, [{"id": "c", "text": text, "entities": [ent(text, "Marie Curie", "PER")]}]
    )
    # "Marie" overlaps the gold by 5 characters, "Marie Curie et" by 11: the latter is paired,
    # so "Marie" is the overlap false positive. overlap tp 1, gold 1, pred 2.
    prediction = Prediction([pred(text, "Marie", "PER"), pred(text, "Marie Curie et", "PER")])
    report = score([(doc, prediction)], relation_map=())
    assert report.micro.overlap == Counts(1, 1, 2)
    fps = [
        row["text"]
        for row in find_errors([(doc, prediction)], relation_map=())
        if row["kind"] == "fp" and row["partner"] is None
    ]
    assert fps == ["Marie"]


def test_exact_matches_are_paired_before_overlaps(tmp_path: Path) -> None:
    text = "Jean Dupont Martin"
    (doc,) = gold_docs(
        tmp_path,
        [
            {
                "id": "j",
                "text": text,
                "entities": [ent(text, "Jean Dupont", "PER"), ent(text, "Martin", "PER")],
            }
        ],
    )
    # "Jean Dupont Martin" overlaps "Jean Dupont" by 11, more than the exact "Jean Dupont";
    # pairing exact first keeps tp 1 exact and adds the long span to "Martin": overlap tp 2.
    prediction = Prediction(
        [pred(text, "Jean Dupont Martin", "PER"), pred(text, "Jean Dupont", "PER")]
    )
    report = score([(doc, prediction)], relation_map=())
    assert report.micro.exact == Counts(1, 2, 2)
    assert report.micro.overlap == Counts(2, 2, 2)


# --------------------------------------------------------------------------- dates

DATES = "Le 3 mars 2024, puis le 5 mars, enfin hier et mardi."


def test_date_value_accuracy(tmp_path: Path) -> None:
    (doc,) = gold_docs(
        tmp_path,
        [
            {
                "id": "d",
                "text": DATES,
                "date": "2024-03-10",
                "entities": [
                    ent(DATES, "3 mars 2024", "DATE", "2024-03-03"),
                    ent(DATES, "5 mars", "DATE", "2024-03-05"),
                    ent(DATES, "hier", "DATE", "2024-03-09"),
                    ent(DATES, "mardi", "DATE"),
                ],
            }
        ],  # no norm: counts for spans, not for values
    )
    prediction = Prediction(
        [
            pred(DATES, "3 mars 2024", "DATE", "2024-03-03"),  # exact, right value
            pred(DATES, "5 mars", "DATE", "2023-03-05"),  # exact, wrong value
            pred(DATES, "mardi", "DATE", "2024-03-05"),
        ]  # exact, gold has no value: not counted
    )  # "hier" missed
    report = score([(doc, prediction)], relation_map=())
    dates = report.dates
    assert dates is not None
    # 3 gold dates with a value; 2 of them matched exactly; 1 with the right value
    assert (dates.gold_with_norm, dates.exact_with_norm, dates.correct) == (3, 2, 1)
    assert dates.value_accuracy == pytest.approx(1 / 2)
    assert dates.gold_accuracy == pytest.approx(1 / 3)
    norm_rows = [
        r for r in find_errors([(doc, prediction)], relation_map=()) if r["kind"] == "norm"
    ]
    assert [(r["text"], r["norm"], r["partner"]["norm"]) for r in norm_rows] == [
        ("5 mars", "2024-03-05", "2023-03-05")
    ]


def test_no_date_score_without_date_in_the_gold(macron: GoldDoc) -> None:
    assert score([(macron, Prediction())], relation_map=()).dates is None


# --------------------------------------------------------------------------- relations

RELATION_MAP = (
    RelationMapping("org:members", "member_of", "reversed"),
    RelationMapping("per:employee_of", "role", "same"),
    RelationMapping("org:alternate_names", "alias", "either"),
)
KZ = "Le Kazakhstan est membre de l'OTSC."
AM = "L'OTSC compte l'Arménie parmi ses membres."
TOKAYEV = "Kassym-Jomart Tokaïev dirige le Kazakhstan depuis Astana."


@pytest.fixture
def membership(tmp_path: Path) -> list[GoldDoc]:
    """Two org:members relations (head = organisation, tail = member) and a no_relation pair."""
    return gold_docs(
        tmp_path,
        [
            {
                "id": "kz",
                "text": KZ,
                "entities": [ent(KZ, "Kazakhstan", "LOC"), ent(KZ, "OTSC", "ORG")],
                "relations": [{"head": 1, "tail": 0, "label": "org:members"}],
            },
            {
                "id": "am",
                "text": AM,
                "entities": [ent(AM, "OTSC", "ORG"), ent(AM, "Arménie", "LOC")],
                "relations": [{"head": 0, "tail": 1, "label": "org:members"}],
            },
            {
                "id": "tk",
                "text": TOKAYEV,
                "entities": [
                    ent(TOKAYEV, "Kassym-Jomart Tokaïev", "PER"),
                    ent(TOKAYEV, "Astana", "LOC"),
                ],
            },
        ],
    )


def test_relation_precision_with_a_reversed_mapping(membership: list[GoldDoc]) -> None:
    kz, am, tk = membership
    predictions = [
        # member_of(Kazakhstan, OTSC) = org:members(OTSC, Kazakhstan) reversed: right (twice,
        # counted once)
        Prediction(relations=[rel(KZ, "member_of", "Kazakhstan", "OTSC")] * 2),
        # member_of(OTSC, Arménie): the gold says Arménie is the member: wrong direction
        Prediction(relations=[rel(AM, "member_of", "OTSC", "Arménie")]),
        # two annotated arguments with no relation between them: judged, wrong;
        # "Kazakhstan" is not annotated here: not judged (ignored);
        # role is not scored: no gold label of this set maps to it
        Prediction(
            relations=[
                rel(TOKAYEV, "member_of", "Kassym-Jomart Tokaïev", "Astana"),
                rel(TOKAYEV, "member_of", "Kazakhstan", "Astana"),
                rel(TOKAYEV, "role", "Kassym-Jomart Tokaïev", "Kazakhstan"),
            ]
        ),
    ]
    report = score(list(zip(membership, predictions, strict=True)), relation_map=RELATION_MAP)
    (member_of,) = report.relations
    # gold 2 (kz, am), found 1 (kz); judged 3 (kz right, am wrong, tk wrong); ignored 1
    assert (member_of.predicate, member_of.gold, member_of.found) == ("member_of", 2, 1)
    assert (member_of.judged, member_of.correct, member_of.ignored) == (3, 1, 1)
    # P = 1/3, R = 1/2, F1 = 2 * (1/6) / (5/6) = 0.4
    assert member_of.precision == pytest.approx(1 / 3)
    assert member_of.recall == pytest.approx(1 / 2)
    assert member_of.f1 == pytest.approx(0.4)
    rows = [
        r
        for r in find_errors(
            list(zip(membership, predictions, strict=True)), relation_map=RELATION_MAP
        )
        if r["level"] == "relation"
    ]
    assert [(r["doc_id"], r["kind"], r["text"]) for r in rows] == [
        ("am", "fn", "OTSC compte l'Arménie"),
        ("am", "fp", "OTSC compte l'Arménie"),
        ("tk", "fp", "Kassym-Jomart Tokaïev dirige le Kazakhstan depuis Astana"),
    ]
    assert rows[0]["gold_label"] == "org:members"
    assert rows[1]["subject"]["text"] == "OTSC"


@pytest.mark.parametrize(
    ("subject", "object_", "correct"),
    [
        ("OTSC", "Organisation du traité", True),  # gold order
        ("Organisation du traité", "OTSC", True),  # either: reversed order is right too
        ("OTSC", "traité", True),  # object overlaps the long name
        ("OTSC", "sécurité collective (OTSC)", True),  # overlaps both: resolves to the larger
    ],
)
def test_symmetric_alias_and_overlapping_arguments(
    tmp_path: Path, subject: str, object_: str, correct: bool
) -> None:
    text = "L'Organisation du traité de sécurité collective (OTSC) se réunit."
    (doc,) = gold_docs(
        tmp_path,
        [
            {
                "id": "o",
                "text": text,
                "entities": [
                    ent(text, "OTSC", "ORG"),
                    ent(text, "Organisation du traité de sécurité collective", "ORG"),
                ],
                "relations": [{"head": 0, "tail": 1, "label": "org:alternate_names"}],
            }
        ],
    )
    prediction = Prediction(relations=[rel(text, "alias", subject, object_)])
    (alias,) = score([(doc, prediction)], relation_map=RELATION_MAP).relations
    assert (alias.judged, alias.correct, alias.found) == (1, int(correct), int(correct))


def test_relation_arguments_match_any_mention_of_a_gold_cluster(tmp_path: Path) -> None:
    text = "Marie Dupont travaille pour Acme. Dupont est ingénieure chez Acme."
    (doc,) = gold_docs(
        tmp_path,
        [
            {
                "id": "p",
                "text": text,
                "entities": [
                    ent(text, "Marie Dupont", "PER", cluster=1),
                    ent(text, "Acme", "ORG", cluster=2),
                    ent(text, "Dupont", "PER", cluster=1, nth=1),
                    ent(text, "Acme", "ORG", cluster=2, nth=1),
                ],
                "relations": [{"head": 0, "tail": 1, "label": "per:employee_of"}],
            }
        ],
    )
    # the gold relation sits on the first mentions; the prediction uses the second ones
    second = PredRelation("role", *at(text, "Dupont", 1), *at(text, "Acme", 1))
    first = PredRelation("role", *at(text, "Marie Dupont"), *at(text, "Acme"))
    (role,) = score(
        [(doc, Prediction(relations=[second, first]))], relation_map=RELATION_MAP
    ).relations
    # both predictions resolve to (cluster 1, cluster 2): one judged relation, right
    assert (role.gold, role.found, role.judged, role.correct) == (1, 1, 1, 1)


def test_packaged_relation_map() -> None:
    rows = load_relation_map()
    by_label = {(row.gold_label, row.predicate): row.direction for row in rows}
    assert by_label[("org:members", "member_of")] == "reversed"
    assert by_label[("per:employee_of", "role")] == "same"
    assert by_label[("org:alternate_names", "alias")] == "either"
    assert by_label[("IS_LOCATED_IN", "located_in")] == "same"
    assert all(row.note for row in rows)


@pytest.mark.parametrize(
    ("content", "line", "problem"),
    [
        ("gold_label,predicate\n", 1, "columns"),
        ("gold_label,predicate,direction,note\nx,knows,same,\n", 2, "unknown predicate"),
        ("gold_label,predicate,direction,note\nx,role,sideways,\n", 2, "direction"),
        ("gold_label,predicate,direction,note\n,role,same,\n", 2, "empty gold_label"),
        ("gold_label,predicate,direction,note\nx,role,same,\nx,role,same,\n", 3, "duplicate"),
        ("gold_label,predicate,direction,note\nx,role\n", 2, "4 columns"),
    ],
    ids=["header", "predicate", "direction", "empty-label", "duplicate", "short-row"],
)
def test_malformed_relation_map(tmp_path: Path, content: str, line: int, problem: str) -> None:
    path = tmp_path / "map.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RelationMapError, match=problem) as caught:
        load_relation_map(path)
    assert str(caught.value).startswith(f"{path}:{line}: ")


# --------------------------------------------------------------------------- errors file


def test_errors_file_rows(tmp_path: Path) -> None:
    gold = write_gold(
        tmp_path / "gold.jsonl",
        [
            {
                "id": "m",
                "text": MACRON,
                "entities": [ent(MACRON, "Emmanuel Macron", "PER"), ent(MACRON, "France", "LOC")],
            }
        ],
    )
    prediction = Prediction([pred(MACRON, "Macron", "PER"), pred(MACRON, "Emmanuel", "LOC")])
    errors = tmp_path / "errors.jsonl"
    result = evaluate(gold, lambda docs: [prediction] * len(docs), errors_path=errors)
    rows = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    base = {"doc_id": "m", "level": "entity", "norm": None}
    assert rows == [
        # "Emmanuel" LOC: no LOC gold there; overlaps the PER gold: partner by label
        {
            **base,
            "kind": "fp",
            "label": "LOC",
            "start": 0,
            "end": 8,
            "text": "Emmanuel",
            "partner": {
                "start": 0,
                "end": 15,
                "label": "PER",
                "text": "Emmanuel Macron",
                "norm": None,
                "match": "label",
            },
            "left": "",
            "right": " Macron est allé en France en 2024.",
        },
        # the PER gold, paired by overlap with "Macron"
        {
            **base,
            "kind": "fn",
            "label": "PER",
            "start": 0,
            "end": 15,
            "text": "Emmanuel Macron",
            "partner": {
                "start": 9,
                "end": 15,
                "label": "PER",
                "text": "Macron",
                "norm": None,
                "match": "overlap",
            },
            "left": "",
            "right": " est allé en France en 2024.",
        },
        {
            **base,
            "kind": "fp",
            "label": "PER",
            "start": 9,
            "end": 15,
            "text": "Macron",
            "partner": {
                "start": 0,
                "end": 15,
                "label": "PER",
                "text": "Emmanuel Macron",
                "norm": None,
                "match": "overlap",
            },
            "left": "Emmanuel ",
            "right": " est allé en France en 2024.",
        },
        {
            **base,
            "kind": "fn",
            "label": "LOC",
            "start": 28,
            "end": 34,
            "text": "France",
            "partner": None,
            "left": "Emmanuel Macron est allé en ",
            "right": " en 2024.",
        },
    ]
    assert list(rows[0]) == [
        "doc_id",
        "level",
        "kind",
        "label",
        "start",
        "end",
        "text",
        "norm",
        "partner",
        "left",
        "right",
    ]
    assert (result.errors, result.errors_path) == (4, errors)


def test_errors_context_is_60_characters(tmp_path: Path) -> None:
    text = "a" * 100 + "Paris" + "b" * 100
    (doc,) = gold_docs(
        tmp_path, [{"id": "p", "text": text, "entities": [ent(text, "Paris", "LOC")]}]
    )
    (row,) = find_errors([(doc, Prediction())], relation_map=())
    assert (row["left"], row["right"]) == ("a" * 60, "b" * 60)


# --------------------------------------------------------------------------- evaluate, report


def test_evaluate_batches_baseline_and_diff(tmp_path: Path) -> None:
    texts = ["Paris.", "Lyon.", "Nice."]
    gold = write_gold(
        tmp_path / "gold.jsonl",
        [
            {"id": f"d{i}", "text": t, "entities": [ent(t, t[:-1], "LOC")]}
            for i, t in enumerate(texts)
        ],
    )
    batches: list[list[str]] = []

    def perfect(docs: list[GoldDoc]) -> list[Prediction]:
        batches.append([doc.id for doc in docs])
        return [Prediction([PredEntity(0, len(doc.text) - 1, "LOC")]) for doc in docs]

    result = evaluate(
        gold, perfect, baseline_predict=lambda docs: [Prediction()] * len(docs), batch_size=2
    )
    assert batches == [["d0", "d1"], ["d2"]]
    assert result.report.micro.exact == Counts(3, 3, 3)
    assert result.baseline is not None
    assert result.baseline.micro.exact == Counts(0, 3, 0)
    diff = result.diff()
    assert diff is not None
    deltas = {row.metric: row.delta for row in diff.rows}
    assert deltas["micro.exact.f1"] == pytest.approx(1.0)  # 1.0 - 0.0
    assert deltas["LOC.overlap.recall"] == pytest.approx(1.0)
    assert "micro.exact.f1" in diff.to_text(("pipeline", "baseline"))
    assert result.to_dict()["diff"][0]["metric"] == "LOC.exact.precision"


def test_evaluate_rejects_a_predictor_returning_the_wrong_count(tmp_path: Path) -> None:
    gold = write_gold(tmp_path / "g.jsonl", [{"id": "a", "text": "x"}, {"id": "b", "text": "y"}])
    with pytest.raises(ValueError, match="1 predictions for a batch of 2"):
        evaluate(gold, lambda docs: [Prediction()])


def test_evaluate_reports_a_malformed_gold_before_predicting(tmp_path: Path) -> None:
    gold = tmp_path / "g.jsonl"
    gold.write_text('{"id": "a", "text": "x"}\n{oops\n', encoding="utf-8")
    called: list[int] = []
    with pytest.raises(GoldFormatError, match=r"g\.jsonl:2: invalid JSON"):
        evaluate(gold, lambda docs: called.append(1) or [Prediction()] * len(docs))
    assert called == []


def test_report_to_dict_and_to_text(macron: GoldDoc) -> None:
    report = score(
        [(macron, Prediction([pred(MACRON, "Macron", "PER")]))],
        relation_map=(),
        gold_path="g.jsonl",
    )
    data = report.to_dict()
    assert list(data) == ["gold_path", "docs", "labels", "entities", "micro", "dates", "relations"]
    assert data["entities"][0] == {
        "label": "PER",
        "gold": 1,
        "pred": 1,
        "exact": {"tp": 0, "gold": 1, "pred": 1, "precision": 0.0, "recall": 0.0, "f1": 0.0},
        "overlap": {"tp": 1, "gold": 1, "pred": 1, "precision": 1.0, "recall": 1.0, "f1": 1.0},
    }
    json.dumps(data)  # JSON-ready
    lines = report.to_text().splitlines()
    table = lines[2:6]  # header, PER, LOC, micro
    assert table[0].split() == ["label", "gold", "pred", "P", "R", "F1", "P~", "R~", "F1~"]
    assert table[1].split() == [
        "PER",
        "1",
        "1",
        "0.000",
        "0.000",
        "0.000",
        "1.000",
        "1.000",
        "1.000",
    ]
    assert table[3].split()[0] == "micro"
    assert len({len(line) for line in table}) == 1  # aligned


# --------------------------------------------------------------------------- spaCy predictors


@Language.component("test_evaluate_fake_depeche")
def fake_depeche(doc: Doc) -> Doc:
    """Stand-in for dépêche's components: fixed mentions and relations, date from doc_date."""
    doc._.mentions = [
        {"start_char": 0, "end_char": 15, "label": "PER", "norm": "", "form": "name"},
        {"start_char": 28, "end_char": 34, "label": "COUNTRY", "norm": "FR", "form": "name"},
        {"start_char": 38, "end_char": 42, "label": "DATE", "norm": doc._.doc_date, "form": "name"},
        {"start_char": 28, "end_char": 34, "label": "COUNTRY", "norm": "FR", "form": "demonym"},
    ]
    doc._.relations = [
        {
            "predicate": "located_in",
            "subject_start": 0,
            "subject_end": 15,
            "object_start": 28,
            "object_end": 34,
            "rule": "test",
        },
        {
            "predicate": "quote",
            "subject_start": 0,
            "subject_end": 15,
            "object_start": None,
            "object_end": None,
        },
    ]
    return doc


def test_pipeline_predictor_reads_mentions_and_relations(macron: GoldDoc) -> None:
    nlp = spacy.blank("fr")
    nlp.add_pipe("test_evaluate_fake_depeche")
    dated = GoldDoc(macron.id, macron.text, "2024-05-01", macron.entities, macron.relations)
    (prediction,) = pipeline_predictor(nlp)([dated])
    assert prediction.entities == [
        PredEntity(0, 15, "PER", None),
        PredEntity(28, 34, "COUNTRY", "FR"),
        PredEntity(38, 42, "DATE", "2024-05-01"),  # doc._.doc_date was set from the gold date
    ]  # the demonym mention is not an entity prediction
    assert prediction.relations == [PredRelation("located_in", 0, 15, 28, 34)]


def test_spacy_baseline_predictor_reads_doc_ents(macron: GoldDoc) -> None:
    nlp = spacy.blank("fr")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [{"label": "PER", "pattern": "Macron"}, {"label": "LOC", "pattern": "France"}]
    )
    (prediction,) = spacy_baseline_predictor(nlp)([macron])
    assert prediction == Prediction([PredEntity(9, 15, "PER"), PredEntity(28, 34, "LOC")], [])


def test_conventions_file_maps_names_to_component_options() -> None:
    from pipeline.evaluate import convention_config, load_conventions

    conventions = load_conventions()
    assert conventions["timeml"] == {"depeche_dates": {"timeml_extent": True,
                                                       "time_of_day": False}}
    assert convention_config(None) == {}
    assert convention_config("timeml") == conventions["timeml"]


def test_unknown_convention_is_an_error_naming_the_known_ones() -> None:
    from pipeline.evaluate import ConventionError, convention_config

    with pytest.raises(ConventionError, match="unknown convention 'nope' .*timeml"):
        convention_config("nope")


def test_conventions_file_with_a_non_json_value_is_an_error(tmp_path: Path) -> None:
    from pipeline.evaluate import ConventionError, load_conventions

    path = tmp_path / "conv.csv"
    path.write_text("convention,component,option,value\nx,depeche_dates,timeml_extent,yes\n",
                    encoding="utf-8")
    with pytest.raises(ConventionError, match="not JSON"):
        load_conventions(path)


def _other_label_doc(tmp_path: Path) -> tuple[str, GoldDoc]:
    text = "La présidente de Finlande Aino Koskinen est arrivée. Jean Dupont travaille pour Acme."
    (doc,) = gold_docs(
        tmp_path,
        [
            {
                "id": "u",
                "text": text,
                "entities": [
                    ent(text, "Aino Koskinen", "PER"),
                    ent(text, "Finlande", "LOC"),
                    ent(text, "Jean Dupont", "PER"),
                    ent(text, "Acme", "ORG"),
                ],
                # per:origin has no mapping; per:employee_of maps to role
                "relations": [{"head": 0, "tail": 1, "label": "per:origin"},
                              {"head": 2, "tail": 3, "label": "per:employee_of"}],
            }
        ],
    )
    return text, doc


def test_a_pair_the_gold_relates_by_another_label_is_judged_wrong(tmp_path: Path) -> None:
    text, doc = _other_label_doc(tmp_path)
    koskinen = PredRelation("role", *at(text, "Aino Koskinen"), *at(text, "Finlande"))
    wrong = PredRelation("role", *at(text, "Jean Dupont"), *at(text, "Finlande"))
    (role,) = score([(doc, Prediction(relations=[koskinen, wrong]))],
                    relation_map=RELATION_MAP).relations
    # strict: both pairs have two annotated arguments, so both are judged; neither is a gold
    # per:employee_of. Koskinen-Finlande is the one the gold relates by another label.
    assert (role.judged, role.correct, role.ignored, role.other_label) == (2, 0, 0, 1)
    assert (role.found, role.gold) == (0, 1)
    assert role.precision == 0.0
    # lenient: the other-label pair left out, Dupont-Finlande still wrong: 0 of 1
    assert role.lenient_precision == 0.0


def test_lenient_precision_is_printed_only_beside_the_strict_one(tmp_path: Path) -> None:
    text, doc = _other_label_doc(tmp_path)
    koskinen = PredRelation("role", *at(text, "Aino Koskinen"), *at(text, "Finlande"))
    right = PredRelation("role", *at(text, "Jean Dupont"), *at(text, "Acme"))
    report = score([(doc, Prediction(relations=[koskinen, right]))], relation_map=RELATION_MAP)
    (role,) = report.relations
    assert (role.judged, role.correct, role.other_label) == (2, 1, 1)
    assert (role.precision, role.lenient_precision) == (0.5, 1.0)
    strict = report.to_text()
    assert "P lenient" not in strict and "strict precision" in strict
    role_line = next(line for line in report.to_text(lenient=True).splitlines()
                     if line.lstrip().startswith("role"))
    # strict P 1/2, R 1/1, F1 2/3; then the other-label count and the lenient P 1/1 beside it
    assert role_line.split()[6:] == ["0.500", "1.000", "0.667", "1", "1.000"]
    assert report.to_dict()["relations"][0]["lenient_precision"] == 1.0


def test_a_false_positive_row_names_the_gold_label_of_its_pair(tmp_path: Path) -> None:
    text, doc = _other_label_doc(tmp_path)
    koskinen = PredRelation("role", *at(text, "Aino Koskinen"), *at(text, "Finlande"))
    rows = [r for r in find_errors([(doc, Prediction(relations=[koskinen]))],
                                   relation_map=RELATION_MAP) if r["kind"] == "fp"]
    assert [(r["label"], r["gold_label"]) for r in rows] == [("role", "per:origin")]
