"""Annotation conventions of the gold sets (``pipeline/data/eval_conventions.csv``).

A convention (``timeml``, ``hipe``, ``popcorn``) is a set of component options with which
dépêche follows a gold standard's span rules; ``depeche evaluate --convention NAME`` uses it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


class ConventionError(ValueError):
    """An unknown convention name or a malformed conventions file."""


def load_conventions(path: str | Path | None = None) -> dict[str, dict[str, dict[str, Any]]]:
    """Read ``eval_conventions.csv``: convention name -> component -> option -> value.

    >>> load_conventions()["timeml"]
    {'depeche_dates': {'timeml_extent': True, 'time_of_day': False}}
    """
    from pipeline.entities.gazetteers import GazetteerError, read_csv

    source: str | Path = "eval_conventions.csv" if path is None else path
    try:
        rows = read_csv(source, required=("convention", "component", "option", "value"),
                        optional=("note",))
    except GazetteerError as exc:
        raise ConventionError(str(exc)) from exc
    conventions: dict[str, dict[str, dict[str, Any]]] = {}
    for row in rows:
        try:
            value = json.loads(row["value"])
        except json.JSONDecodeError as exc:
            raise ConventionError(f"{source}: value {row['value']!r} of {row['convention']}."
                                  f"{row['option']} is not JSON") from exc
        options = conventions.setdefault(row["convention"], {}).setdefault(row["component"], {})
        options[row["option"]] = value
    return conventions


def convention_config(name: str | None) -> dict[str, dict[str, Any]]:
    """Component options of convention ``name`` (empty for None); ConventionError if unknown."""
    if name is None:
        return {}
    conventions = load_conventions()
    if name not in conventions:
        known = ", ".join(sorted(conventions)) or "none"
        raise ConventionError(f"unknown convention {name!r} (known: {known})")
    return conventions[name]
