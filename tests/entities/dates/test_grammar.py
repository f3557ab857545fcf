"""The date grammar: its named patterns, their anchors and the false-positive list."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.entities.dates.grammar import (
    DAY,
    MI_MONTH,
    MI_YEAR,
    NUMERIC,
    YEAR,
    YEAR_2,
    YEAR_ANY,
    PatternSpec,
    build_patterns,
    may_anchor,
    month_number,
    two_digit_year,
    year_false_positives,
    year_range,
)
from pipeline.entities.gazetteers import fold

#: Number parts of the grammar: what they match starts with a digit or ``mi-``.
NUMBER_REGEXES = {tok[attr]["REGEX"] for tok in (DAY, YEAR, YEAR_2, YEAR_ANY, NUMERIC, MI_MONTH,
                                                  MI_YEAR) for attr in tok}
#: The ISO date's year and a decade's number, written inside their patterns.
NUMBER_REGEXES |= {r"^(1[0-9]{3}|20[0-9]{2})$", r"^(1[0-9]{2}0|20[0-9]0|[0-9]0)$"}


def _anchors(tok: dict[str, Any]) -> bool:
    """Whether every token a pattern token accepts may anchor a date (see ``may_anchor``)."""
    if "OP" in tok:
        return False
    for attr in ("LOWER", "TEXT", "ORTH"):
        value = tok.get(attr)
        if isinstance(value, str):
            return may_anchor(fold(value))
        if isinstance(value, dict) and "IN" in value:
            return all(may_anchor(fold(word)) for word in value["IN"])
        if isinstance(value, dict) and "REGEX" in value:
            return value["REGEX"] in NUMBER_REGEXES
    return False


@pytest.mark.parametrize("spec", build_patterns(), ids=lambda s: s.rule)
def test_every_pattern_holds_an_anchor(spec: PatternSpec) -> None:
    """The finder runs the matcher only around anchors: each pattern must hold one."""
    assert any(_anchors(tok) for tok in (*spec.context, *spec.det, *spec.body))


@pytest.mark.parametrize(("word", "anchor"), [
    ("mars", True), ("fevrier", True), ("mardi", True), ("aujourd'hui", True), ("ete", True),
    ("semaine", True), ("siecle", True), ("1er", True), ("2025", True), ("15/03/2024", True),
    ("mi-janvier", True), ("le", False), ("president", False), ("deux", False)])
def test_may_anchor(word: str, anchor: bool) -> None:
    assert may_anchor(word) is anchor


@pytest.mark.parametrize(("word", "month"), [
    ("janvier", 1), ("Févr.", 2), ("fevrier", 2), ("AOÛT", 8), ("sept.", 9), ("mardi", None)])
def test_month_number(word: str, month: int | None) -> None:
    assert month_number(word) == month


@pytest.mark.parametrize(("two", "year"), [(98, 1998), (31, 1931), (30, 2030), (5, 2005)])
def test_two_digit_year(two: int, year: int) -> None:
    assert two_digit_year(two) == year


@pytest.mark.parametrize(("first", "second", "years"), [
    ("1914", "1918", (1914, 1918)), ("1939", "45", (1939, 1945)), ("1870", "1871", (1870, 1871))])
def test_year_range(first: str, second: str, years: tuple[int, int]) -> None:
    assert year_range(first, second) == years


def test_false_positive_list_loads() -> None:
    fps = year_false_positives()
    assert {"article", "page"} <= fps["before"]
    assert {"personnes", "euros", "pages"} <= fps["after"]
