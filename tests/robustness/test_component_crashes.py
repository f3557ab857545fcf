"""Stories that crashed a component, found by fuzzing, now processed.

Relative dates (``hier``, ``lundi dernier``, ``dans 3 jours``, ``la semaine prochaine``)
resolved against a story date at the edge of Python's dates (``0001-01-01``, ``9999-12-31``,
valid ISO dates a ``date`` metadata field may hold) used to raise ``OverflowError: date value
out of range``; such a date now has no value, and the story its other rows."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.processing import Story, process_stories


@pytest.mark.parametrize(("text", "date", "norm"), [
    ("Il est venu hier.", "2024-03-05", "2024-03-04"),  # the same story, an ordinary date
    ("Il est venu hier.", "0001-01-01", None),
    ("Il viendra demain.", "9999-12-31", None),
    ("Il est venu lundi dernier.", "0001-01-01", None),
    ("Il viendra lundi prochain.", "9999-12-31", None),
    ("Il viendra dans 3 jours.", "9999-12-31", None),
    ("Il viendra la semaine prochaine.", "9999-12-31", None),
])
def test_a_relative_date_near_the_ends_of_the_calendar(blank_nlp: Language, text: str,
                                                       date: str, norm: str | None) -> None:
    [result] = process_stories(blank_nlp, [Story("s", text, date)])
    assert result.error is None, result.error
    dates = [m for m in result.mentions if m["label"] == "DATE"]
    assert len(dates) == 1
    assert dates[0]["norm"] == norm
