"""Measure dépêche's accuracy against human-annotated gold (``../shared/eval``).

>>> result = evaluate("../shared/eval/ftib/dev.jsonl", pipeline_predictor(build_nlp()))
>>> print(result.report.to_text())

The gold format is one JSON document per line (see ``../shared/eval/README.md``)::

    {"id": str, "text": str, "date": "YYYY-MM-DD" or null, "meta": {...},
     "entities": [{"start", "end", "label", "text", "norm"?, "cluster"?}],
     "relations": [{"head": entity index, "tail": entity index, "label": str}]}

:func:`read_gold` validates every line and raises :class:`GoldFormatError` (message
``file:line: problem``) on the first bad one. The caller supplies the system under test as a
:data:`Predictor`: a function from a batch of :class:`GoldDoc` to one :class:`Prediction` per
doc, in order. :func:`spacy_baseline_predictor` (the bare model's ``doc.ents``) and
:func:`pipeline_predictor` (dépêche's ``doc._.mentions`` and ``doc._.relations``) are the two
predictors the project uses.

Scoring choices
---------------
Entity labels
    Predicted labels first go through ``label_map`` (default ``{"COUNTRY": "LOC"}``: the gold
    has no COUNTRY). The **label inventory** of a gold file is the set of labels its entities use
    (ftib: DATE only; popcorn_fr: PER, ORG, LOC; hipe2020_fr also DATE and MISC). Only inventory
    labels are scored, optionally restricted further with ``labels``; predictions with any other
    label (DATE on popcorn_fr, MISC on ftib) are ignored for that file, neither right nor wrong.
Exact and overlapping spans
    *Exact*: same start, end and label, matched one to one. *Overlap*: same label and at least
    one character in common, one to one: exact matches are paired first, then the remaining
    pairs greedily by largest overlap (ties: earlier gold, then earlier and shorter prediction),
    so the overlap score is never below the exact one. Per label and micro-averaged over the
    scored labels. Conventions: precision is 0.0 when there are no predictions, recall 0.0 when
    there is no gold, F1 0.0 when precision + recall is 0 (so an empty label scores 0.0, not 1.0).
Date values
    Among exact DATE matches whose gold has a ``norm``, the share whose predicted norm equals it
    (:attr:`DateScore.value_accuracy`); and the same correct count over every gold DATE with a
    norm (:attr:`DateScore.gold_accuracy`). ``None`` when a denominator is 0.
Relations
    ``pipeline/data/eval_relation_map.csv`` maps gold labels to dépêche predicates
    (``gold_label, predicate, direction, note``; direction ``same``: gold head is the predicate's
    subject; ``reversed``: gold head is its object; ``either``: symmetric predicates such as
    ``alias``). A gold label may map to several predicates. A predicate is scored on a gold file
    only when a label of that file's relation inventory maps to it; unmapped gold labels and
    unscored predicates are ignored. Each predicted argument is *resolved* to the gold entity it
    overlaps most (any overlap counts, exact included; ties go to the earlier entity) and then to
    that entity's coreference ``cluster`` when the gold gives one (POPCORN attaches each relation
    to one mention of a cluster; any mention of it is accepted). A prediction is **judged**
    when both its arguments resolve: RELX annotates just two arguments per sentence and POPCORN
    only named mentions, so a relation whose subject or object is not annotated can be neither
    confirmed nor refuted; such predictions are counted as ``ignored``. Scoring is **strict**:
    every other prediction is judged, and it is wrong unless the gold relates its two arguments
    by a label mapped to its predicate, in the mapped direction. A pair the gold relates only by
    another label (``per:origin`` where we say ``role``) or not at all counts as wrong. Such
    other-label predictions are also counted apart (``other_label``), for the *lenient* view
    that leaves them out (``P lenient`` = correct / (judged - other_label)); it is printed only
    beside the strict one (``depeche evaluate --lenient``). Judged predictions are deduplicated
    on (predicate, subject, object) after resolution. Precision = judged predictions matching a
    gold relation mapped to their predicate / judged predictions; recall = gold relations found
    by at least one prediction / gold relations mapped to the predicate. RELX ``no_relation``
    sentences have two annotated arguments and no relation, so a prediction between them is a
    judged false positive.

With ``errors_path``, :func:`evaluate` writes one JSON line per false positive (``fp``), false
negative (``fn``) and wrong date value (``norm``) of the exact entity score, and per relation
``fp``/``fn``, with the overlapping partner (same label: ``overlap``; other label: ``label``)
and 60 characters of context on each side, in document then offset order.

Modules
-------
``gold`` reads and validates gold files; ``predictions`` holds what a system predicts and the
two predictors; ``relation_map`` reads the gold-label -> predicate mapping; ``matching`` pairs
predictions with the gold; ``scoring`` counts the pairs (:func:`score`); ``errors`` lists what
is left over (:func:`find_errors`); ``report`` renders scores as text and JSON; ``run`` ties
them together (:func:`evaluate`); ``conventions`` reads the annotation conventions of the gold
sets (``depeche evaluate --convention``).
"""

from __future__ import annotations

from pipeline.evaluate.conventions import ConventionError, convention_config, load_conventions
from pipeline.evaluate.errors import find_errors
from pipeline.evaluate.gold import (
    GoldDoc,
    GoldEntity,
    GoldFormatError,
    GoldRelation,
    label_inventory,
    read_gold,
    relation_inventory,
)
from pipeline.evaluate.matching import DEFAULT_LABEL_MAP
from pipeline.evaluate.predictions import (
    PredEntity,
    Prediction,
    Predictor,
    PredRelation,
    pipeline_predictor,
    spacy_baseline_predictor,
)
from pipeline.evaluate.relation_map import RelationMapError, RelationMapping, load_relation_map
from pipeline.evaluate.report import DiffRow, EvaluationResult, Report, ReportDiff
from pipeline.evaluate.run import evaluate
from pipeline.evaluate.scoring import Counts, DateScore, LabelScore, RelationScore, score
from pipeline.relations.base import PREDICATES

__all__ = [
    "DEFAULT_LABEL_MAP",
    "PREDICATES",
    "ConventionError",
    "Counts",
    "DateScore",
    "DiffRow",
    "EvaluationResult",
    "GoldDoc",
    "GoldEntity",
    "GoldFormatError",
    "GoldRelation",
    "LabelScore",
    "PredEntity",
    "PredRelation",
    "Prediction",
    "Predictor",
    "RelationMapError",
    "RelationMapping",
    "RelationScore",
    "Report",
    "ReportDiff",
    "convention_config",
    "evaluate",
    "find_errors",
    "label_inventory",
    "load_conventions",
    "load_relation_map",
    "pipeline_predictor",
    "read_gold",
    "relation_inventory",
    "score",
    "spacy_baseline_predictor",
]
