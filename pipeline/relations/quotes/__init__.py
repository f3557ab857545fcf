"""Quotes and reported speech, with their speakers (component ``depeche_quotes``).

Writes ``doc._.quotes`` (rows of the ``quotes`` table minus ``doc_id`` and ``quote_id``) and
appends ``quote`` relations (subject = the speaker, no object) to ``doc._.relations``.

One module per step:

* :mod:`.lexicon`: the word lists (reporting verbs, role nouns, nationality nouns);
* :mod:`.spans`: quotation marks, sentences by punctuation, clauses (:class:`QuoteStory`);
* :mod:`.cues`: reporting verbs in context and their verb group, ``selon``-like prepositions;
* :mod:`.direct`: direct quotes (``quotes.direct_postposed``, ``_incise``, ``_preposed``,
  ``_embedded``, ``quotes.direct``);
* :mod:`.indirect`: reported speech (``quotes.indirect_que``, ``_postposed``, ``_incise``,
  ``_selon``);
* :mod:`.speakers`: the speaker as written (a mention, a pronoun, a role description);
* :mod:`.coreference`: the person a pronoun or a description refers to;
* :mod:`.component`: :class:`QuoteExtractor` and its factory ``make_quotes``.

One statement, one row: a quote embedded in the clause of an indirect quote with the same cue
(``X a affirmé que la Russie « ne reculera pas »``) gives only the indirect row, whose span
holds the quoted words, marks included. The indirect row is kept rather than the direct one
because it is the whole statement (the fragment alone loses ``la Russie``); a quote that is the
whole reported clause (``a affirmé que « … »``) stays direct (``direct_preposed``).

Cue: the verb group as written (``a déclaré``, ``a-t-il assuré``, ``s'est félicité``, ``a fait
savoir``), or the preposition (``Selon``, ``D'après``, ``Pour``); ``cue_lemma`` is the listed
lemma (``déclarer``, ``se féliciter``, ``selon``, ``d'après``, ``pour``). ``speaker_resolution``
is ``explicit`` for a mention, ``coreference`` for a resolved pronoun or description;
``speaker_type`` is the label of the speaker's entity: ``PER``, ``ORG`` (``a annoncé l'ONU``,
``selon les analystes de la banque X``) or ``COUNTRY`` (``la France a déclaré``, ``le
gouvernement français a annoncé``); a person named with an organisation is preferred to it.
(The hand-made gold of the sample story sometimes stops a reported clause earlier, at a content
boundary such as ``…maintien de la paix`` before ``pendant sa présidence``; the spans overlap.)
"""

from pipeline.relations.quotes.component import QuoteExtractor, make_quotes
from pipeline.relations.quotes.lexicon import (
    Lexicon,
    ReportingVerb,
    default_lexicon,
    load_lexicon,
    nationality_nouns,
)
from pipeline.relations.quotes.spans import find_quote_marks

__all__ = [
    "Lexicon",
    "QuoteExtractor",
    "ReportingVerb",
    "default_lexicon",
    "find_quote_marks",
    "load_lexicon",
    "make_quotes",
    "nationality_nouns",
]
