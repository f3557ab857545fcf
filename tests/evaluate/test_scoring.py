"""Tests for pipeline/evaluate/scoring.py and matching.py: entity, date and relation scores.

Every expected number is worked out by hand in the comments.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pipeline.evaluate import Counts, GoldDoc, Prediction, PredRelation, find_errors, score
from tests.evaluate.helpers import (
    MACRON,
    RELATION_MAP,
    at,
    ent,
    gold_docs,
    other_label_doc,
    pred,
    rel,
)

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


def test_a_pair_the_gold_relates_by_another_label_is_judged_wrong(tmp_path: Path) -> None:
    text, doc = other_label_doc(tmp_path)
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
