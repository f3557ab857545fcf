"""The ``depeche_quotes`` component: quote rows and ``quote`` relations of a story.

Runs the direct rules (:mod:`.direct`), then the indirect ones (:mod:`.indirect`, which skip
the reporting verbs the direct rules used), resolves each speaker (a mention as written, else
by :mod:`.coreference`) and writes the rows. One statement, one row: a ``direct_embedded``
quote inside an indirect quote with the same cue is dropped for the indirect one.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extensions import register_extensions
from pipeline.relations.base import Mention, add_relations, relation
from pipeline.relations.quotes.coreference import Coreference
from pipeline.relations.quotes.cues import Cues
from pipeline.relations.quotes.direct import EMBEDDED, DirectQuotes
from pipeline.relations.quotes.indirect import IndirectQuotes
from pipeline.relations.quotes.lexicon import Lexicon, default_lexicon
from pipeline.relations.quotes.spans import Finding, QuoteStory
from pipeline.relations.quotes.speakers import Speakers

__all__ = ["QuoteExtractor", "make_quotes"]

Row = dict[str, Any]


class QuoteExtractor:
    """Pipeline component: direct quotes and reported speech with their speakers."""

    def __init__(self, nlp: Language | None = None, name: str = "depeche_quotes",
                 lexicon: Lexicon | None = None) -> None:
        register_extensions()
        self.name = name
        self.lexicon = lexicon or default_lexicon()

    def process(self, doc: Doc) -> tuple[list[Row], list[Row]]:
        """Return the quote rows and the ``quote`` relation rows of ``doc``."""
        story = QuoteStory(doc)
        cues = Cues(story, self.lexicon)
        speakers = Speakers(story, self.lexicon, cues)
        coreference = Coreference(story, speakers)
        found = [(f, _quote_row(story, coreference, f)) for f in _findings(story, cues, speakers)]
        found.sort(key=lambda pair: (pair[1]["quote_start"], pair[1]["quote_end"]))
        quotes = [row for _, row in found]
        relations = [_relation_row(story, f, row) for f, row in found if row["speaker_id"]]
        return quotes, relations

    def __call__(self, doc: Doc) -> Doc:
        quotes, relations = self.process(doc)
        doc._.quotes = quotes
        add_relations(doc, relations)
        return doc


def _findings(story: QuoteStory, cues: Cues, speakers: Speakers) -> list[Finding]:
    """Every quote of the story (direct first, then indirect), one row per statement."""
    used_verbs: set[int] = set()
    direct = list(DirectQuotes(story, cues, speakers).find(used_verbs))
    indirect = list(IndirectQuotes(story, cues, speakers).find(used_verbs))
    kept = [d for d in direct if not (d.rule == EMBEDDED and any(
        other.cue_span == d.cue_span and other.start <= d.start and d.end <= other.end
        for other in indirect))]
    return kept + indirect


def _quote_row(story: QuoteStory, coreference: Coreference, found: Finding) -> Row:
    """One row of the ``quotes`` table (without ``doc_id`` and ``quote_id``)."""
    speaker, cue = found.speaker, found.cue
    target: Mention | None = None
    resolution = None
    if speaker is not None and speaker.kind == "mention":
        target, resolution = speaker.mention, "explicit"
    elif speaker is not None:
        target = coreference.resolve(speaker)
        resolution = "coreference" if target is not None else None
    return {
        "kind": found.kind,
        "quote_text": story.text[found.start:found.end],
        "quote_start": found.start,
        "quote_end": found.end,
        "speaker_id": target["entity_id"] if target else None,
        "speaker_type": target["label"] if target else None,
        "speaker_text": speaker.text if target and speaker else None,
        "speaker_start": speaker.start if target and speaker else None,
        "speaker_end": speaker.end if target and speaker else None,
        "speaker_resolution": resolution,
        "cue": cue.text if cue else None,
        "cue_lemma": cue.lemma if cue else None,
        "sentence": story.ctx.sentence_index_at(found.start),
        "rule": found.rule,
    }


def _relation_row(story: QuoteStory, found: Finding, quote: Row) -> Row:
    """The ``quote`` relation of a quote row that has a speaker."""
    subject = {"entity_id": quote["speaker_id"], "text": quote["speaker_text"],
               "start_char": quote["speaker_start"], "end_char": quote["speaker_end"]}
    points = [quote["quote_start"], quote["quote_end"], quote["speaker_start"],
              quote["speaker_end"], *(found.cue_span or ())]
    return relation(story.doc, "quote", subject, None, (min(points), max(points)),
                    quote["rule"], kind=quote["kind"], cue=quote["cue"],
                    quote_start=quote["quote_start"], quote_end=quote["quote_end"],
                    speaker_resolution=quote["speaker_resolution"])


@Language.factory("depeche_quotes", assigns=["doc._.quotes", "doc._.relations"],
                  requires=["doc._.mentions"])
def make_quotes(nlp: Language, name: str) -> QuoteExtractor:
    """Build the quotes component (spaCy factory ``depeche_quotes``)."""
    return QuoteExtractor(nlp, name)
