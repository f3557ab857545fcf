"""Tests for pipeline/evaluate/conventions.py: convention names to component options."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluate import ConventionError, convention_config, load_conventions


def test_conventions_file_maps_names_to_component_options() -> None:
    conventions = load_conventions()
    assert conventions["timeml"] == {"depeche_dates": {"timeml_extent": True,
                                                       "time_of_day": False}}
    assert convention_config(None) == {}
    assert convention_config("timeml") == conventions["timeml"]


def test_unknown_convention_is_an_error_naming_the_known_ones() -> None:
    with pytest.raises(ConventionError, match="unknown convention 'nope' .*timeml"):
        convention_config("nope")


def test_conventions_file_with_a_non_json_value_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "conv.csv"
    path.write_text("convention,component,option,value\nx,depeche_dates,timeml_extent,yes\n",
                    encoding="utf-8")
    with pytest.raises(ConventionError, match="not JSON"):
        load_conventions(path)
