"""Stories that crash a component, found by fuzzing: each case fails today (the story ends as
an ``errors`` row "processing failed: ...", the run goes on) and is marked ``xfail(strict)``,
so that it turns into a failure to remove the mark the day the component is fixed.

Relative dates (``hier``, ``lundi dernier``, ``dans 3 jours``, ``la semaine prochaine``)
resolved against a story date at the edge of Python's dates (``0001-01-01``, ``9999-12-31``,
valid ISO dates a ``date`` metadata field may hold) raise ``OverflowError: date value out of
range`` in ``pipeline/entities/dates.py``."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.processing import Story, process_stories

DATE_OVERFLOW = ("pipeline/entities/dates.py: a relative date resolved past year 1 or 9999 "
                 "raises OverflowError (date value out of range)")


def crash(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=reason)


@pytest.mark.parametrize(("text", "date", "norm"), [
    ("Il est venu hier.", "2024-03-05", "2024-03-04"),  # the same story, an ordinary date
    pytest.param("Il est venu hier.", "0001-01-01", "",
                 marks=crash(f"{DATE_OVERFLOW}, in resolve (relative_days)")),
    pytest.param("Il viendra demain.", "9999-12-31", "",
                 marks=crash(f"{DATE_OVERFLOW}, in resolve (relative_days)")),
    pytest.param("Il est venu lundi dernier.", "0001-01-01", "",
                 marks=crash(f"{DATE_OVERFLOW}, in _weekday_date")),
    pytest.param("Il viendra lundi prochain.", "9999-12-31", "",
                 marks=crash(f"{DATE_OVERFLOW}, in _weekday_date")),
    pytest.param("Il viendra dans 3 jours.", "9999-12-31", "",
                 marks=crash(f"{DATE_OVERFLOW}, in _shift_unit (day)")),
    pytest.param("Il viendra la semaine prochaine.", "9999-12-31", "",
                 marks=crash(f"{DATE_OVERFLOW}, in _shift_unit (week)")),
])
def test_a_relative_date_near_the_ends_of_the_calendar(blank_nlp: Language, text: str,
                                                       date: str, norm: str) -> None:
    [result] = process_stories(blank_nlp, [Story("s", text, date)])
    assert result.error is None, result.error
    dates = [m for m in result.mentions if m["label"] == "DATE"]
    assert len(dates) == 1
    if norm:
        assert dates[0]["norm"] == norm
