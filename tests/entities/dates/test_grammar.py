"""The date grammar: its named patterns, their anchors and the false-positive list."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.entities.dates.grammar import (
    DAY,
    MI_MONTH,
    YEAR,
    YEAR_2,
    PatternSpec,
    anchor_words,
    build_patterns,
    first_anchor,
    is_anchor_token,
    may_anchor,
    month_number,
    two_digit_year,
    year_false_positives,
    year_range,
)


@pytest.mark.parametrize("spec", build_patterns(), ids=lambda s: s.rule)
def test_every_pattern_holds_an_anchor(spec: PatternSpec) -> None:
    """The finder runs the matcher only around anchors: each pattern must hold one."""
    assert any(is_anchor_token(tok) for tok in (*spec.context, *spec.det, *spec.body))


def test_first_anchor_and_its_words() -> None:
    """``la fin de l'année`` is anchored by its fifth token, ``année``; a number token by any
    number."""
    spec = next(s for s in build_patterns() if s.rule == "dates.unit" and len(s.body) == 6)
    assert first_anchor(spec) == 4
    assert "annee" in (anchor_words(spec.body[4]) or ())
    assert anchor_words(DAY) is None
    with pytest.raises(ValueError, match="no anchor"):
        first_anchor(PatternSpec("dates.bad", ({"LOWER": "le"}, {"LOWER": "jour", "OP": "?"})))


@pytest.mark.parametrize(("tok", "anchor"), [
    (DAY, True), (YEAR_2, True), (MI_MONTH, True), ({"LOWER": "mars"}, True),
    ({"LOWER": {"IN": ["hier", "demain"]}}, True), ({"LOWER": {"IN": ["hier", "le"]}}, False),
    ({**YEAR, "OP": "?"}, False), ({"LOWER": {"REGEX": "^x$"}}, False)])
def test_is_anchor_token(tok: dict[str, Any], anchor: bool) -> None:
    assert is_anchor_token(tok) is anchor


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
